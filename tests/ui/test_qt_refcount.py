"""Guard against a Qt binding that drops references to None (PySide6 6.12.0 on Python 3.11 did, in every void
QPainter method): each repaint then drains None's refcount until the interpreter aborts with "none_dealloc".
Runs in a child process, so a bad binding fails this test instead of killing the test run."""

from __future__ import annotations

import subprocess
import sys

PAINT = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
img = QImage(200, 200, QImage.Format.Format_ARGB32)
p = QPainter(img)
c, path = QColor("red"), QPainterPath()
path.addRect(QRectF(0, 0, 3, 3))
label = QLabel()
calls = [
    lambda: p.fillRect(QRectF(1, 1, 5, 5), c),
    lambda: p.drawRect(QRectF(1, 1, 5, 5)),
    lambda: p.fillPath(path, QBrush(c)),
    lambda: p.setPen(QPen(c)),
    lambda: p.setBrush(QBrush(c)),
    lambda: p.setFont(QFont()),
    lambda: p.drawLine(QPointF(0, 0), QPointF(3, 3)),
    lambda: p.drawPolygon(QPolygonF([QPointF(0, 0), QPointF(3, 3), QPointF(0, 3)])),
    lambda: p.drawText(QRectF(0, 0, 50, 10), Qt.AlignmentFlag.AlignVCenter, "x"),
    lambda: label.setText("x"),
]
worst = 0.0
for fn in calls:
    before = sys.getrefcount(None)
    for _ in range(500):
        fn()
    worst = min(worst, (sys.getrefcount(None) - before) / 500)
p.end()
print(worst)
sys.stdout.flush()
os._exit(0)
"""


def test_painting_does_not_drain_references_to_none():
    proc = subprocess.run([sys.executable, "-c", PAINT], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"painting crashed the interpreter: {proc.stderr[-500:]}"
    assert float(proc.stdout.strip().splitlines()[-1]) > -0.5, "a Qt call drops a reference to None per call"
