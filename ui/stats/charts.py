"""The statistics panel's pyqtgraph charts; each says which bar was clicked.

Every chart draws from plain tuples (the page turns a `Statistics` into them) and emits
`bar_clicked(key)` with the key the page gave the bar, so the page decides what cases a
bar stands for. Values are written on or beside the bars: colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.stats.labels import TARGET


class ClickableBars(pg.BarGraphItem):
    """Bars that report the index of the one clicked (pyqtgraph's own has no signal)."""

    def __init__(self, on_click: Callable[[int], None], count: int, **opts: Any) -> None:
        super().__init__(**opts)
        self._on_click = on_click
        self._count = count
        self.vertical = opts.get("y") is None  # bars up from x0 … x0 + width

    def bar_rect(self, i: int) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) of bar ``i`` in data coordinates."""
        o = self.opts
        if self.vertical:  # x0, width, y0, height
            x0 = _at(o["x0"], i)
            y0 = _at(o.get("y0"), i) or 0.0
            return x0, y0, x0 + _at(o["width"], i), y0 + _at(o["height"], i)
        x0 = _at(o.get("x0"), i) or 0.0
        y = _at(o["y"], i)
        h = _at(o["height"], i)
        return x0, y - h / 2, x0 + _at(o["width"], i), y + h / 2

    def count(self) -> int:
        return self._count

    def mouseClickEvent(self, ev: MouseClickEvent) -> None:  # noqa: N802
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        p = ev.pos()
        for i in range(self.count()):
            x0, y0, x1, y1 = self.bar_rect(i)
            if min(x0, x1) <= p.x() <= max(x0, x1) and min(y0, y1) <= p.y() <= max(y0, y1):
                ev.accept()
                self._on_click(i)
                return


def _at(values: Any, i: int) -> float:
    if values is None:
        return 0.0
    if isinstance(values, int | float):
        return float(values)
    return float(values[i])


def _plot(parent: QWidget) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent, background="w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.getPlotItem().showGrid(x=False, y=True, alpha=0.2)
    for axis in ("left", "bottom"):
        plot.getAxis(axis).setTextPen("#424242")
        plot.getAxis(axis).setPen("#9e9e9e")
    return plot


def _text(text: str, colour: str = "#212121", anchor: tuple[float, float] = (0, 0.5),
          bold: bool = False) -> pg.TextItem:  # fmt: skip
    item = pg.TextItem(text, color=colour, anchor=anchor)
    if bold:
        font = QFont(item.textItem.font())
        font.setBold(True)
        item.setFont(font)
    return item


class _Chart(QWidget):
    bar_clicked = Signal(object)  # the key the page gave the bar

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot(self)
        self.plot.setTitle(title, color="#212121", size="11pt")
        self.bars: list[ClickableBars] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def _clear(self) -> None:
        self.plot.clear()
        self.bars = []

    def _legend(self, columns: int) -> pg.LegendItem:
        """One row of entries in the top right corner, above the bars."""
        item = self.plot.getPlotItem()
        if item.legend is None:
            item.addLegend(offset=(-8, 2), colCount=columns, labelTextColor="#212121",
                           brush=pg.mkBrush(255, 255, 255, 220))  # fmt: skip
        legend = item.legend
        legend.clear()
        legend.setColumnCount(columns)
        return legend


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    colour: str
    values: tuple[int, ...]
    key: str  # what the page's key for one bar starts with


class StackedBarChart(_Chart):
    """Reports per day, stacked by series (source, or 部件 / 事件), with a legend."""

    def set_data(self, labels: Sequence[str], series: Sequence[Series],
                 keys: Sequence[str]) -> None:  # fmt: skip
        """``keys[i]`` names day ``i``; a segment's click key is (day key, series key)."""
        self._clear()
        self.names: list[str] = []  # the series drawn, in the order of `bars`
        legend = self._legend(max(1, sum(1 for s in series if any(s.values))))
        n = len(labels)
        base = [0.0] * n
        for s in series:
            if not any(s.values):
                continue
            x0 = [i - 0.4 for i in range(n)]
            bars = ClickableBars(lambda i, s=s: self.bar_clicked.emit((keys[i], s.key)), n,
                                 x0=x0, y0=list(base), width=0.8, height=list(s.values),
                                 brush=s.colour, pen=pg.mkPen("w", width=0.5))
            self.plot.addItem(bars)
            legend.addItem(bars, s.name)
            self.bars.append(bars)
            self.names.append(s.name)
            base = [b + v for b, v in zip(base, s.values, strict=True)]
        for i, total in enumerate(base):
            if total and n <= 31:
                self.plot.addItem(_at_point(_text(str(int(total)), anchor=(0.5, 1)), i, total))
        step = max(1, n // 15)
        self.plot.getAxis("bottom").setTicks([[(i, labels[i]) for i in range(0, n, step)]])
        self.plot.setXRange(-0.6, n - 0.4, padding=0)
        # headroom for the totals and the legend above the highest bar
        self.plot.setYRange(0, max(base, default=1) * 1.3 or 1, padding=0)


def _at_point(item: pg.TextItem, x: float, y: float) -> pg.TextItem:
    item.setPos(QPointF(x, y))
    return item


@dataclass(frozen=True, slots=True)
class RankedBar:
    key: str
    name: str
    value: float | None  # a percentage, None for "—"
    level: str | None
    colour: QColor


class RankedBarChart(_Chart):
    """Horizontal bars, best first, with the 95 % target line; each bar says its value
    and its level letter beside it."""

    def set_data(self, bars: Sequence[RankedBar], *, unit: str = "%",
                 target: float | None = TARGET) -> None:  # fmt: skip
        """Bars of percentages (0–100, the target line at ``target``), or of another
        ``unit`` (hours: no target, the axis fits the longest bar)."""
        self._clear()
        self.ranked = list(bars)
        n = len(bars)
        ys = [n - 1 - i for i in range(n)]  # the best at the top
        longest = max([b.value or 0.0 for b in bars] + [1.0])
        top = max(100.0, longest) if unit == "%" else longest
        if n:
            item = ClickableBars(lambda i: self.bar_clicked.emit(self.ranked[i].key), n,
                                 x0=0.0, y=ys, height=0.62,
                                 width=[max(b.value or 0.0, top * 0.004) for b in bars],
                                 brushes=[b.colour for b in bars],
                                 pens=[pg.mkPen(b.colour.darker(130)) for b in bars])  # fmt: skip
            self.plot.addItem(item)
            self.bars.append(item)
        for b, y in zip(bars, ys, strict=True):
            value = "—" if b.value is None else f"{b.value:.1f}{unit}"
            # one column right of every bar (and of the target line): nothing overlaps
            self.plot.addItem(_at_point(_text(f"{value}  {b.level or '—'}", bold=True),
                                        top * 1.02, y))  # fmt: skip
        if target is not None:
            pen = pg.mkPen("#d32f2f", width=1.5, style=Qt.PenStyle.DashLine)
            label = self.tr("目标 %1%").replace("%1", f"{target:g}")
            # the label sits in the empty row above the first bar, clear of the values
            self.plot.addItem(pg.InfiniteLine(target, angle=90, movable=False, pen=pen,
                                              label=label, labelOpts={
                                                  "position": 0.995, "color": "#d32f2f",
                                                  "anchors": [(0.5, 0), (0.5, 0)]}))  # fmt: skip
        self.plot.getAxis("left").setTicks([[(y, _short(b.name))
                                             for b, y in zip(bars, ys, strict=True)]])
        self.plot.getAxis("bottom").setTicks(None)
        self.plot.setXRange(0, top * 1.22, padding=0)
        self.plot.setYRange(-0.6, max(n, 1) + 0.4, padding=0)
        self.plot.getPlotItem().showGrid(x=True, y=False, alpha=0.2)


def _short(name: str, width: int = 12) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


class StageTimeChart(_Chart):
    """Median and p90 working hours per stage, side by side, each with its value."""

    def set_data(self, stages: Sequence[tuple[str, str, float | None, float | None]]) -> None:
        """(key, label, median hours, p90 hours) per stage."""
        self._clear()
        self.stage_keys = [s[0] for s in stages]
        legend = self._legend(2)
        top = 0.0
        for offset, index, colour, name in ((-0.2, 2, "#42a5f5", self.tr("中位数")),
                                            (0.2, 3, "#1a237e", self.tr("P90"))):  # fmt: skip
            values = [float(s[index] or 0.0) for s in stages]
            bars = ClickableBars(lambda i: self.bar_clicked.emit(self.stage_keys[i]),
                                 len(stages), x0=[i + offset - 0.18 for i in range(len(stages))],
                                 width=0.36, height=values, brush=colour, pen=pg.mkPen(colour))
            # (added to the legend by hand: a named item would be added twice)
            self.plot.addItem(bars)
            legend.addItem(bars, name)
            self.bars.append(bars)
            for i, s in enumerate(stages):
                raw = s[index]
                text = "—" if raw is None else f"{raw:.1f}"
                self.plot.addItem(_at_point(_text(text, anchor=(0.5, 1)), i + offset,
                                            float(raw or 0.0)))  # fmt: skip
            top = max([top, *values])
        self.plot.getAxis("bottom").setTicks([[(i, s[1]) for i, s in enumerate(stages)]])
        self.plot.setLabel("left", self.tr("工作时长（小时）"))
        self.plot.setXRange(-0.6, len(stages) - 0.4, padding=0)
        self.plot.setYRange(0, top * 1.2 or 1, padding=0)


class FunnelChart(_Chart):
    """上报 → 立案 → 派遣 → 处置 → 结案: centred bars, top down, count and share written."""

    def set_data(self, steps: Sequence[tuple[str, str, int]]) -> None:
        """(key, label, count) per step, in funnel order."""
        self._clear()
        self.step_keys = [s[0] for s in steps]
        n = len(steps)
        first = steps[0][2] if steps else 0
        widest = max([s[2] for s in steps] + [1])
        ys = [n - 1 - i for i in range(n)]
        widths = [max(float(s[2]), widest * 0.01) for s in steps]
        colours = [QColor("#1976d2").lighter(100 + 12 * i) for i in range(n)]
        item = ClickableBars(lambda i: self.bar_clicked.emit(self.step_keys[i]), n,
                             x0=[-w / 2 for w in widths], y=ys, height=0.7, width=widths,
                             brushes=colours, pen=pg.mkPen("w"))  # fmt: skip
        self.plot.addItem(item)
        self.bars.append(item)
        for (_, label, count), y in zip(steps, ys, strict=True):
            share = f"（{100.0 * count / first:.1f}%）" if first else ""
            self.plot.addItem(_at_point(_text(f"{label} {count:,}{share}", anchor=(0, 0.5),
                                              bold=True), widest / 2 + widest * 0.03, y))
        self.plot.hideAxis("left")  # each bar is labelled beside it
        self.plot.hideAxis("bottom")
        self.plot.setXRange(-widest * 0.55, widest * 1.05, padding=0)
        self.plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)

