"""Draws the queue's cells from one question per cell instead of seven.

Qt's item delegate asks the model for seven roles of every painted cell (display, font,
alignment, foreground, background, check state, decoration): through the filter proxy
that is ~2,600 Python calls per repaint of the visible rows. `initStyleOption` here asks
the model once per cell for the cell's whole `look` and leaves the drawing to the style,
exactly as Qt's own delegate does (selection, focus, elision unchanged).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.models.case_table import CaseTableModel
from ui.models.queue_filter import QueueFilterProxy

Index = QModelIndex | QPersistentModelIndex
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_TEXT = QPalette.ColorRole.Text
_ALIGNMENTS: dict[int, Qt.AlignmentFlag] = {}  # int → flag, built once per value
_WITH_DISPLAY: dict[QStyleOptionViewItem.ViewItemFeature,
                    QStyleOptionViewItem.ViewItemFeature] = {}  # fmt: skip


class QueueDelegate(QStyledItemDelegate):
    def __init__(self, proxy: QueueFilterProxy, model: CaseTableModel,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._proxy, self._model = proxy, model

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        row = index.row()
        if not 0 <= row < self._proxy.rowCount():
            super().initStyleOption(option, index)
            return
        text, font, fg, bg, align = self._model.look_at(self._proxy.source_row(row),
                                                        index.column())  # fmt: skip
        option.index = index
        option.text = text
        # (flag arithmetic on Python enums is slow: each combination is built once)
        features = option.features
        with_display = _WITH_DISPLAY.get(features)
        if with_display is None:
            with_display = _WITH_DISPLAY[features] = features | _HAS_DISPLAY
        option.features = with_display
        if font is not None:
            option.font = font
            option.fontMetrics = QFontMetrics(font)
        if fg is not None:
            palette = option.palette
            palette.setBrush(_TEXT, fg)
            option.palette = palette
        if bg is not None:
            option.backgroundBrush = bg
        if align is not None:  # the model hands out ints, as data() must
            flag = _ALIGNMENTS.get(align)
            if flag is None:
                flag = _ALIGNMENTS[align] = Qt.AlignmentFlag(align)
            option.displayAlignment = flag
