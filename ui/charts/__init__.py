"""Charts drawn with QPainter: crisp at any DPI, no matplotlib at start-up."""
