"""A thin band under a criterion's weight slider: the slider positions that keep the same alternative first.

The core's stability interval (:func:`evaluator.stability.stability_intervals`) is a range ``[low, high]`` of the
criterion's *global* weight, the other weights keeping their proportions. A criterion slider holds *points within
its area*: with area share ``s`` and the other criteria of the area holding ``R`` points, ``p`` points give the
global weight ``g(p) = s · p / (p + R)``. :func:`points_for_weight` inverts it, so the band is drawn from the
position where the criterion's share of the total reaches ``low`` to where it reaches ``high``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QSlider, QStyle, QStyleOptionSlider, QWidget

from evaluator.model import Evaluation
from evaluator.weighting import global_weights

from ..style import RAMP

BAND_COLOUR = RAMP[6]  # 3.6:1 on its track, 4.5:1 on the window (WCAG 1.4.11)
TRACK_COLOUR = "#d9d9d9"
EDGE_COLOUR = "#000000"  # the band's ends: 4.2:1 against the band


def area_share_and_rest(
    ev: Evaluation, criterion: str, gw: Mapping[str, float] | None = None
) -> tuple[float, float]:
    """The criterion's area share of the total weight and the points of the other criteria in its area.

    An area whose criteria hold no points yet passes no weight down; it is given the share it would have once
    this criterion gets points. ``gw``: ``global_weights(ev)`` when the caller has it (one per criterion row
    made it quadratic in the number of criteria)."""
    c = ev.criterion(criterion)
    pts = ev.weights
    rest = sum(float(pts.get(o.id, 0.0)) for o in ev.criteria_of(c.area) if o.id != criterion)
    if gw is None:
        try:
            gw = global_weights(ev)
        except Exception:  # noqa: BLE001 - no usable weights: no band
            return 0.0, rest
    share = sum(gw[o.id] for o in ev.criteria_of(c.area))
    if share <= 0:
        live = {
            a.id: float(pts.get(a.id, 0.0))
            for a in ev.areas
            if sum(float(pts.get(o.id, 0.0)) for o in ev.criteria_of(a.id)) > 0
        }
        own = float(pts.get(c.area, 0.0))
        total = sum(live.values()) + own
        share = own / total if total > 0 else 0.0
    return share, rest


def points_for_weight(weight: float, share: float, rest: float) -> float:
    """The criterion points at which its global weight is ``weight`` (``inf`` when no points reach it)."""
    if weight <= 0:
        return 0.0
    if share <= 0 or weight >= share:
        return math.inf
    if rest <= 0:  # the only weighted criterion of its area: any points > 0 give the whole area share
        return 0.0
    return weight * rest / (share - weight)


class StabilityBand(QWidget):
    """Paints ``[low, high]`` (in slider points) aligned with ``slider``'s groove; empty when not set."""

    def __init__(self, slider: QSlider, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = slider
        self.low: float | None = None
        self.high: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_band(self, low: float | None, high: float | None) -> None:
        self.low, self.high = low, high
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(90, 6)

    def x_for(self, points: float) -> float:
        """The x (in this widget) of the slider handle's centre at ``points`` (clipped to the slider range)."""
        s = self.slider
        opt = QStyleOptionSlider()
        s.initStyleOption(opt)
        style = s.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, s
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, s
        )
        span = max(1, groove.width() - handle.width())
        lo, hi = s.minimum(), s.maximum()
        v = min(max(points, lo), hi)
        frac = (v - lo) / (hi - lo) if hi > lo else 0.0
        x = groove.x() + handle.width() / 2 + frac * span
        return x + s.x() - self.x()  # both share the same parent

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        if self.low is None or self.high is None:
            return
        p = QPainter(self)
        h = self.height()
        x0, x1 = self.x_for(self.slider.minimum()), self.x_for(self.slider.maximum())
        p.fillRect(QRectF(x0, h * 0.3, x1 - x0, h * 0.4), QColor(TRACK_COLOUR))
        a, b = self.x_for(self.low), self.x_for(min(self.high, self.slider.maximum()))
        p.fillRect(QRectF(a, 0, max(2.0, b - a), h), QColor(BAND_COLOUR))
        p.setPen(QPen(QColor(EDGE_COLOUR), 2))
        if self.low > self.slider.minimum():
            p.drawLine(int(a), 0, int(a), h)
        if self.high < self.slider.maximum():
            p.drawLine(int(b), 0, int(b), h)
        p.end()
