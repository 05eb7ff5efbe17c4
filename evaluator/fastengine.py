"""The vectorised NumPy engine: every method's fast path, for many weight vectors at once.

It lives with the method registry it serves (:mod:`evaluator.methods.fast`); this module is its public name.
"""

from .methods.fast import (
    FAST_METHODS,
    HIGHER_IS_BETTER,
    contributions,
    dense_ranks,
    prepare,
    ranks,
    scores,
    sort_with_ties,
)

__all__ = [
    "FAST_METHODS",
    "HIGHER_IS_BETTER",
    "contributions",
    "dense_ranks",
    "prepare",
    "ranks",
    "scores",
    "sort_with_ties",
]
