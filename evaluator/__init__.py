"""Afweging's core: a Qt-free library for multi-criteria evaluations of collaboration suites.

Data flows ``evaluation → value matrix → rankings → sensitivity``; every step is a pure function of the
evaluation. The only way to change an evaluation is :func:`evaluator.changes.apply_change`.
"""

__version__ = "0.2.0"
