"""Changes to the evaluation's settings: its own fields, the robustness settings, method parameters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from .. import settings
from ..errors import ChangeError
from ..i18n import gettext
from ..model import (
    Evaluation,
    frozen_map,
)
from ..serial import (
    Reader,
    weights_from_data,
)
from .base import (
    Change,
)

# -- evaluation settings ----------------------------------------------------------------------------------------

AGGREGATIONS = settings.AGGREGATIONS


@dataclass(frozen=True)
class SetSetting(Change):
    """Set one of the evaluation's settings (title, decision text, method, ``robustness.seed``, ...).

    The settings, their types and their choices are :mod:`evaluator.settings`'; whether the value fits is judged,
    as for every change, by the one validity check on the result.
    """

    kind: ClassVar[str] = "set_setting"
    name: str
    value: Any

    def _need(self) -> None:
        if self.name not in settings.ALL:
            raise ChangeError(gettext("{name!r} is not a setting of an evaluation").format(name=self.name))  # fmt: skip

    def apply(self, ev: Evaluation) -> Evaluation:
        self._need()
        return settings.with_value(ev, self.name, self.value)

    def covers(self, earlier: Change) -> bool:
        return isinstance(earlier, SetSetting) and earlier.name == self.name

    def inverse(self, ev: Evaluation) -> Change:
        self._need()
        return SetSetting(self.name, settings.get(ev, self.name))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        shown = (
            self.value if not isinstance(self.value, str) or len(self.value) < 40 else self.value[:37] + "…"
        )
        return f"{settings.label(self.name, lang).capitalize()} → {shown}"

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(r.get("name", str), r.get("value", (str, bool, int, float)))


@dataclass(frozen=True)
class SetMethodParams(Change):
    kind: ClassVar[str] = "set_method_params"
    params: Mapping[str, float]

    def apply(self, ev: Evaluation) -> Evaluation:
        return replace(ev, method_params=frozen_map(self.params))

    def inverse(self, ev: Evaluation) -> Change:
        return SetMethodParams(dict(ev.method_params))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return gettext("Method settings", lang)

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(weights_from_data(r.get("params", Mapping), r.where("params"), r.file))
