"""The ranks of the included alternatives under every method, side by side (the results page's comparison).

The fast methods are ranked at once by the vectorised engine (:func:`fast_ranks`, cheap enough for every slider
step); the others (ELECTRE I, on its outranking engine), by :func:`rank_slow_methods`, which the app runs off the
GUI thread after the window is shown.
"""

from __future__ import annotations

import numpy as np

from . import fastengine
from .methods import METHODS
from .model import Evaluation
from .problem import Problem

SLOW_METHODS = tuple(m for m in METHODS if m not in fastengine.FAST_METHODS)


def fast_ranks(p: Problem, weights: np.ndarray) -> dict[str, np.ndarray]:
    """Dense ranks under each fast method for one weight vector."""
    return {m: fastengine.ranks(p, weights, m)[0] for m in fastengine.FAST_METHODS}


def rank_slow_methods(ev: Evaluation) -> dict[str, dict[str, int] | str]:
    """Alternative id → rank under each slow method, or why the method cannot rank this evaluation."""
    from .methods import rank
    from .problem import build_problem

    p = build_problem(ev)
    out: dict[str, dict[str, int] | str] = {}
    for m in SLOW_METHODS:
        try:
            r = rank(p, m, {k: v for k, v in ev.method_params.items()})
            out[m] = {a: int(k) for a, k in zip(r.alternatives, r.ranks, strict=True)}
        except Exception as exc:  # noqa: BLE001 - a method that cannot rank this matrix says why (the cell's tooltip)
            out[m] = str(exc)
    return out
