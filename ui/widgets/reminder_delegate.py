"""Paints one reminder row: severity strip, badge, case number and event, time, the case."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.notifications import SEVERITY_COLOURS
from ui.widgets.reminder_model import (
    BadgeRole,
    HeadingRole,
    HeldRole,
    HoldRole,
    SeverityRole,
    SubtitleRole,
    WhenRole,
)

Index = QModelIndex | QPersistentModelIndex

_PAD = 8
_BADGE = 26
_STRIP = 4
# Soft row tints per severity so red rows stand out even when the strip is overlooked.
_TINTS = {3: "#fdecea", 2: "#fff8e1", 1: "#ffffff"}
_HELD_TINT = "#f1f3f4"  # acknowledged or snoozed, listed by 显示已确认: greyed
_HOLD_TEXT = "#2e7d32"  # "张三 10:42 已确认"


class ReminderDelegate(QStyledItemDelegate):
    """Two lines per item; every row has the same height (uniform sizes keep 20,000 rows
    cheap to lay out)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = {k: QColor(v) for k, v in SEVERITY_COLOURS.items()}
        self._tints = {k: QColor(v) for k, v in _TINTS.items()}
        self._held_tint, self._hold_text = QColor(_HELD_TINT), QColor(_HOLD_TEXT)

    @staticmethod
    def row_height(font: QFont) -> int:
        return 2 * QFontMetrics(font).height() + 3 * 5

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(320, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect: QRect = opt.rect
        state = opt.state
        palette: QPalette = opt.palette
        severity = int(index.data(SeverityRole) or 1)
        colour = self._colours.get(severity, self._colours[1])
        selected = bool(state & QStyle.StateFlag.State_Selected)
        held = bool(index.data(HeldRole))

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif held:
            painter.fillRect(rect, self._held_tint)
        else:
            painter.fillRect(rect, self._tints.get(severity, self._tints[1]))
        painter.fillRect(QRect(rect.left(), rect.top(), _STRIP, rect.height()), colour)
        # separator line between rows
        painter.setPen(QColor("#e3e5e8"))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())

        badge = QRect(rect.left() + _STRIP + _PAD, rect.top() + (rect.height() - _BADGE) // 2,
                      _BADGE, _BADGE)  # fmt: skip
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(badge, 4, 4)
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(index.data(BadgeRole) or ""))

        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_colour if selected else QColor("#5f6368")
        metrics = QFontMetrics(bold)
        line = metrics.height()
        left = badge.right() + _PAD
        top = rect.top() + 5
        when = str(index.data(WhenRole) or "")
        when_width = QFontMetrics(opt.font).horizontalAdvance(when) + 2
        right = rect.right() - _PAD
        heading_rect = QRect(left, top, max(10, right - when_width - _PAD - left), line)
        painter.setPen(text_colour)
        heading = metrics.elidedText(str(index.data(HeadingRole) or ""),
                                     Qt.TextElideMode.ElideRight, heading_rect.width())  # fmt: skip
        painter.drawText(heading_rect, Qt.AlignmentFlag.AlignVCenter, heading)

        painter.setFont(opt.font)
        normal = QFontMetrics(opt.font)
        painter.setPen(colour if not selected and severity == 3 else muted)
        align_right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
        painter.drawText(QRect(right - when_width, top, when_width, line), align_right, when)
        sub_top = top + line + 5
        hold = str(index.data(HoldRole) or "")
        if hold:  # who acknowledged or snoozed it, at the right end of the second line
            hold_width = min(normal.horizontalAdvance(hold) + 2, (right - left) * 2 // 3)
            painter.setPen(text_colour if selected else self._hold_text)
            painter.drawText(QRect(right - hold_width, sub_top, hold_width, normal.height()),
                             align_right, normal.elidedText(hold, Qt.TextElideMode.ElideLeft,
                                                            hold_width))  # fmt: skip
            right -= hold_width + _PAD
        sub_rect = QRect(left, sub_top, max(10, right - left), normal.height())
        painter.setPen(muted)
        subtitle = normal.elidedText(str(index.data(SubtitleRole) or ""),
                                     Qt.TextElideMode.ElideRight, sub_rect.width())  # fmt: skip
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignVCenter, subtitle)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QColor("#1976d2") if not selected else text_colour)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()
