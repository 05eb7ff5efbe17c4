"""Qt item models over the core: each adapts an :class:`~evaluator.model.Evaluation` (through a Document)."""
