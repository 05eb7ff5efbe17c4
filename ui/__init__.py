"""Afweging's desktop application (PySide6). Imports ``evaluator``; ``evaluator`` never imports this."""
