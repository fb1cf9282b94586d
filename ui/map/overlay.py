"""Screen-fixed map furniture: the legend (cached image), the scale bar and the north arrow."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from ui.map import style


@dataclass(frozen=True)
class Swatch:
    """One legend row: a small drawing and its text.

    kind: "dot", "diamond", "star" (case markers), "pin" (supervisor), "fill" (area),
    "line" (boundary or track), "cluster" (a counted circle).
    """

    kind: str
    color: QColor
    text: str
    ring: QColor | None = None
    ring_width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class LegendSection:
    title: str
    rows: tuple[Swatch, ...]


_ROW = 19.0
_TITLE = 21.0
_PAD = 8.0
_SWATCH = 22.0
_COLUMN_GAP = 14.0


def render_legend(sections: Sequence[LegendSection], max_height: float) -> QImage | None:
    """The legend as one image: sections flow down, then into a new column when too tall."""
    if not sections:
        return None
    font = style.ui_font(8.5)
    title_font = style.ui_font(8.5, bold=True)
    metrics, title_metrics = QFontMetricsF(font), QFontMetricsF(title_font)
    limit = max(max_height - 2 * _PAD, _TITLE + _ROW)
    # Lay out: each section is kept whole in one column.
    columns: list[list[LegendSection]] = [[]]
    height = 0.0
    for section in sections:
        h = _TITLE + _ROW * len(section.rows)
        if columns[-1] and height + h > limit:
            columns.append([])
            height = 0.0
        columns[-1].append(section)
        height += h
    widths = []
    heights = []
    for column in columns:
        w = 0.0
        for s in column:
            w = max(w, title_metrics.horizontalAdvance(s.title))
            for row in s.rows:
                w = max(w, _SWATCH + 4 + metrics.horizontalAdvance(row.text))
        widths.append(w)
        heights.append(sum(_TITLE + _ROW * len(s.rows) for s in column))
    total_w = sum(widths) + _COLUMN_GAP * (len(columns) - 1) + 2 * _PAD
    total_h = max(heights) + 2 * _PAD
    image = QImage(
        math.ceil(total_w), math.ceil(total_h), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.setPen(QPen(QColor(0, 0, 0, 40), 1))
    p.setBrush(QColor(255, 255, 255, 232))
    p.drawRoundedRect(QRectF(0.5, 0.5, total_w - 1, total_h - 1), 6, 6)
    x = _PAD
    for column, w in zip(columns, widths, strict=True):
        y = _PAD
        for s in column:
            p.setFont(title_font)
            p.setPen(QColor("#1f2a3a"))
            p.drawText(QRectF(x, y, w, _TITLE), Qt.AlignmentFlag.AlignVCenter, s.title)
            y += _TITLE
            p.setFont(font)
            for row in s.rows:
                _draw_swatch(p, row, QRectF(x, y, _SWATCH, _ROW))
                p.setPen(QColor("#303a48"))
                p.drawText(
                    QRectF(x + _SWATCH + 4, y, w, _ROW), Qt.AlignmentFlag.AlignVCenter, row.text
                )
                y += _ROW
        x += w + _COLUMN_GAP
    p.end()
    return image


def _draw_swatch(p: QPainter, row: Swatch, box: QRectF) -> None:
    c = box.center()
    ring = QPen(row.ring or style.MARKER_RING, row.ring_width)
    p.save()
    if row.kind in ("dot", "diamond", "star", "pin"):
        size = {
            "dot": style.MARKER_SIZE,
            "diamond": style.URGENT_SIZE,
            "star": style.KEY_SIZE,
            "pin": style.SUPERVISOR_SIZE - 3,
        }[row.kind]
        symbol = {
            "dot": Symbols["o"],
            "diamond": Symbols["d"],
            "star": Symbols["star"],
            "pin": style.supervisor_symbol(),
        }[row.kind]
        p.translate(c)
        p.scale(size, size)
        ring.setCosmetic(True)
        p.setPen(ring)
        p.setBrush(row.color)
        p.drawPath(symbol)
    elif row.kind == "fill":
        p.setPen(QPen(row.ring or QColor(0, 0, 0, 60), 1))
        p.setBrush(row.color)
        p.drawRect(QRectF(c.x() - 8, c.y() - 6, 16, 12))
    elif row.kind == "line":
        pen = QPen(row.color, row.ring_width)
        if row.dashed:
            pen.setDashPattern([5.0 / row.ring_width, 3.0 / row.ring_width])
        p.setPen(pen)
        p.drawLine(QPointF(c.x() - 9, c.y()), QPointF(c.x() + 9, c.y()))
    elif row.kind == "cluster":
        p.setPen(QPen(QColor("white"), 1.5))
        p.setBrush(row.color)
        p.drawEllipse(c, 8.5, 8.5)
        if row.ring is not None:
            arc = QPen(row.ring, 2.5)
            arc.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(arc)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawArc(QRectF(c.x() - 10, c.y() - 10, 20, 20), 1440, -1900)
        p.setPen(QColor("white"))
        p.setFont(style.ui_font(6.5, bold=True))
        p.drawText(QRectF(c.x() - 9, c.y() - 9, 18, 18), Qt.AlignmentFlag.AlignCenter, "12")
    p.restore()


def nice_length(max_metres: float) -> float:
    """The longest 1/2/5 × 10^k metres not above max_metres (≥ 1 m)."""
    if max_metres < 1:
        return 1.0
    exponent = math.floor(math.log10(max_metres))
    best = 1.0
    for base in (1.0, 2.0, 5.0, 10.0):
        value = base * 10**exponent
        if value <= max_metres:
            best = value
    return best


def scale_text(metres: float) -> str:
    """500 米, 2 公里 (the bar's caption)."""
    if metres >= 1000:
        return QCoreApplication.translate("MapOverlay", "%1 公里").replace(
            "%1", f"{metres / 1000:g}"
        )
    return QCoreApplication.translate("MapOverlay", "%1 米").replace("%1", f"{metres:g}")


def draw_scale_bar(p: QPainter, mpp: float, right: float, bottom: float) -> QRectF:
    """A scale bar of 60–150 px ending at (right, bottom); returns the area it used."""
    if not (mpp > 0 and math.isfinite(mpp)):
        return QRectF()
    metres = nice_length(150.0 * mpp)
    px = metres / mpp
    text = scale_text(metres)
    font = style.ui_font(8.5)
    m = QFontMetricsF(font)
    w = max(px, m.horizontalAdvance(text)) + 16
    box = QRectF(right - w, bottom - 34, w, 34)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(255, 255, 255, 215))
    p.drawRoundedRect(box, 4, 4)
    x0 = box.right() - 8 - px
    y = box.bottom() - 9
    p.setPen(QPen(QColor("#1f2a3a"), 2))
    p.drawLine(QPointF(x0, y), QPointF(x0 + px, y))
    for x in (x0, x0 + px / 2, x0 + px):
        p.drawLine(QPointF(x, y), QPointF(x, y - (6 if x != x0 + px / 2 else 4)))
    p.setFont(font)
    p.drawText(QRectF(box.left(), box.top() + 2, box.width() - 8, 16),
               Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)  # fmt: skip
    p.restore()
    return box


def draw_north_arrow(p: QPainter, right: float, top: float, label: str) -> None:
    """The map is always north up; the arrow says so (a cached image)."""
    image = _north_arrow(label)
    p.drawImage(QPointF(right - image.width(), top), image)


@functools.cache
def _north_arrow(label: str) -> QImage:
    image = QImage(42, 48, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    c = QPointF(21, 24)
    arrow = QPainterPath()
    arrow.moveTo(c.x(), c.y() - 16)
    arrow.lineTo(c.x() + 7, c.y() + 2)
    arrow.lineTo(c.x(), c.y() - 2)
    arrow.lineTo(c.x() - 7, c.y() + 2)
    arrow.closeSubpath()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(255, 255, 255, 215))
    p.drawEllipse(c, 20, 22)
    p.setBrush(QBrush(QColor("#1f2a3a")))
    p.drawPath(arrow)
    p.setPen(QColor("#1f2a3a"))
    p.setFont(style.ui_font(8.0, bold=True))
    p.drawText(QRectF(c.x() - 12, c.y() + 2, 24, 16), Qt.AlignmentFlag.AlignCenter, label)
    p.end()
    return image
