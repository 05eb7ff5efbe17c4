"""The bundled sample evaluation (Teams and the alternatives, scored with evidence): what a team starts from."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .model import Evaluation

SAMPLE_NAME = "beter-samenwerken.toml"  # on catalogue beter-samenwerken-2026 (issue 12)
# The previous sample, on catalogue 1.0, is kept as a test fixture: tests/fixtures/sample-catalogue-1.0.toml.


def sample_path() -> Path:
    return Path(str(resources.files("resources") / "sample" / SAMPLE_NAME))


def load_sample() -> Evaluation:
    from .io.sample_toml import read_evaluation_toml

    return read_evaluation_toml(sample_path())
