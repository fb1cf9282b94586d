"""Colours, symbols and level-of-detail thresholds of the grid map (one place to tune them)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen

# -- level of detail (metres per screen pixel) --------------------------------------------

# Below this the cell layers draw vector paths of the visible tiles; above it a cached raster
# (cells are < 13 px there; the raster, ~13 m per pixel for the district, is then scaled up
# by at most 1.7×, which keeps cell edges crisp enough).
VECTOR_MPP = 8.0
# Cell outlines only once a 100 m cell is at least ~25 px wide.
OUTLINE_MPP = 4.0
# Boundary lines switch to their full detail below this.
DETAIL_LINES_MPP = 3.0
# Case markers are clustered above this (a marker every few pixels is no longer readable).
CLUSTER_MPP = 9.0
CLUSTER_PX = 56.0  # cluster bin size on screen
# Name labels: 社区 names below this scale, cell numbers and codes when cells are large.
COMMUNITY_LABEL_MPP = 16.0
STREET_LABEL_MIN_MPP = 1.2  # streets are unmistakable when zoomed in this far
CELL_SEQ_LABEL_MPP = 1.6
CELL_CODE_LABEL_MPP = 0.75
SUPERVISOR_LABEL_MPP = 12.0
# Centring on a case zooms in at least this far, so its cell is visible.
FOCUS_MPP = 2.0

# -- colours ------------------------------------------------------------------------------

BACKGROUND = QColor("#eef1f4")
LAND = QColor("#fbfaf6")
DISTRICT_PEN = QColor("#3d4a5c")
STREET_PEN = QColor("#56657a")
COMMUNITY_PEN = QColor("#7f8ea3")
CELL_OUTLINE = QColor(120, 132, 150, 150)
# Pastel fills per 街道 (cycled): neighbours stay distinguishable without shouting.
STREET_FILLS = tuple(
    QColor(c)
    for c in (
        "#dbe8f6",
        "#e3f1df",
        "#f6e9d6",
        "#eadff3",
        "#dff0ee",
        "#f4dfe3",
        "#ecefd9",
        "#dde3f3",
        "#f2e6dc",
        "#e0eddf",
    )
)
# Heat classes: a sequential yellow→red ramp (ColorBrewer YlOrRd). Opaque: the boundaries
# are drawn above the heat layer anyway, and translucent fills cost 3-5× more to paint.
HEAT_FILLS = tuple(
    QColor(r, g, b)
    for r, g, b in (
        (255, 237, 160),
        (254, 178, 76),
        (253, 141, 60),
        (240, 59, 32),
        (189, 0, 38),
    )
)
HIGHLIGHT = QColor("#00b3ff")
SELECTION = QColor("#1d39c4")
AREA_FILL = QColor(250, 140, 22, 90)
AREA_PEN = QColor("#d46b08")
TRACK = QColor(114, 46, 209, 170)

# Case stages shown on the map (closed and voided cases are not drawn).
STAGE_ORDER = ("reported", "verifying", "filed", "dispatched", "awaiting_check", "suspended")
STAGE_COLORS = {
    "reported": QColor("#722ed1"),
    "verifying": QColor("#13a8a8"),
    "filed": QColor("#2f54eb"),
    "dispatched": QColor("#fa8c16"),
    "awaiting_check": QColor("#389e0d"),
    "suspended": QColor("#8c8c8c"),
}
OVERDUE = QColor("#f5222d")
URGENT = QColor("#fa541c")
MARKER_RING = QColor("#ffffff")

SUPERVISOR_COLORS = {
    "patrolling": QColor("#0958d9"),
    "on_task": QColor("#531dab"),
    "resting": QColor("#8c8c8c"),
    "offline": QColor("#bfbfbf"),
}
LATE = QColor("#fa8c16")

# Marker sizes (pixels) and symbols: urgent cases are diamonds, 督办 (key) cases stars.
MARKER_SIZE = 11
URGENT_SIZE = 13
KEY_SIZE = 17
SUPERVISOR_SIZE = 19


def cosmetic_pen(color: QColor, width: float = 1.0) -> QPen:
    """A pen whose width is in screen pixels whatever the zoom (cheap to stroke, crisp)."""
    pen = QPen(color)
    pen.setCosmetic(True)
    pen.setWidthF(width)
    return pen


@functools.cache
def ui_font(point_size: float, bold: bool = False) -> QFont:
    """The map's label font: a CJK sans family first, so names never turn into boxes.

    Cached (font resolution costs milliseconds per frame otherwise): do not modify it.
    """
    font = QFont()
    font.setFamilies(["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "sans-serif"])
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def supervisor_symbol() -> QPainterPath:
    """A map pin, tip down (pyqtgraph draws symbols in a unit box, y pointing down)."""
    head = QPainterPath()
    head.addEllipse(QPointF(0.0, -0.16), 0.34, 0.34)
    tip = QPainterPath()
    tip.moveTo(-0.29, -0.02)
    tip.lineTo(0.29, -0.02)
    tip.lineTo(0.0, 0.5)
    tip.closeSubpath()
    hole = QPainterPath()
    hole.addEllipse(QPointF(0.0, -0.16), 0.13, 0.13)
    return head.united(tip).subtracted(hole)
