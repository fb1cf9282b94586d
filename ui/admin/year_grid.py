"""The year at a glance: twelve painted month grids, one colour per kind of day, a legend.

One widget paints all 365 days (no widget per day): the layout (a rectangle per day) is
computed on resize, the paint loop only fills rectangles and draws numbers. The widget
knows nothing of services; the calendar screen feeds it a `YearView` and listens to
`day_activated(date)` (a click, or Enter on the keyboard cursor).
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from workstation.domain.holiday_rules import DayKind, DaySource
from workstation.services.calendar_admin import DayView, YearView


class DayStyle(enum.Enum):
    WORKDAY = "workday"  # an ordinary working day (or a weekday made one)
    WEEKEND = "weekend"  # an ordinary Saturday or Sunday
    HOLIDAY = "holiday"  # 节假日 (statutory, published or entered)
    MAKEUP = "makeup"  # 调休上班: a weekend day that is worked


@dataclass(frozen=True, slots=True)
class Palette:
    fill: QColor
    text: QColor


# One place to restyle the calendar: fills are light so that the numbers stay readable.
STYLES: dict[DayStyle, Palette] = {
    DayStyle.WORKDAY: Palette(QColor("#ffffff"), QColor("#263238")),
    DayStyle.WEEKEND: Palette(QColor("#e3e7ea"), QColor("#78909c")),
    DayStyle.HOLIDAY: Palette(QColor("#ffcdd2"), QColor("#b71c1c")),
    DayStyle.MAKEUP: Palette(QColor("#bbdefb"), QColor("#0d47a1")),
}
OVERRIDE_MARK = QColor("#6a1b9a")  # the corner triangle of an administrator's entry
TODAY_PEN = QColor("#ef6c00")
CURSOR_PEN = QColor("#1565c0")
CELL_BORDER = QColor("#cfd8dc")
MONTH_TITLE = QColor("#37474f")


def day_style(view: DayView) -> DayStyle:
    special = view.special
    if special is None:
        return DayStyle.WORKDAY if view.is_workday else DayStyle.WEEKEND
    if special.kind is DayKind.HOLIDAY:
        return DayStyle.HOLIDAY
    return DayStyle.MAKEUP if special.is_makeup_workday else DayStyle.WORKDAY


def paint_day(painter: QPainter, rect: QRectF, style: DayStyle, number: str, tag: str,
              *, override: bool, today: bool, tag_font: QFont) -> None:  # fmt: skip
    """One day cell: fill, number, the 休/班 tag, the override triangle, today's ring."""
    colours = STYLES[style]
    painter.setPen(QPen(CELL_BORDER, 1))
    painter.setBrush(colours.fill)
    painter.drawRect(rect)
    painter.setPen(colours.text)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, number)
    if tag:
        font = painter.font()
        painter.setFont(tag_font)
        corner = rect.adjusted(2, 0, 0, 0)
        painter.drawText(corner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, tag)
        painter.setFont(font)
    if override:
        side = max(6.0, min(rect.width(), rect.height()) * 0.42)
        r = rect.topRight()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(OVERRIDE_MARK)
        corner = [r, QPointF(r.x() - side, r.y()), QPointF(r.x(), r.y() + side)]
        painter.drawPolygon(QPolygonF(corner))
    if today:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(TODAY_PEN, 2))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))


class YearGrid(QWidget):
    """Twelve month grids (4 × 3), Monday first; a keyboard cursor; tooltips per day."""

    day_activated = Signal(object)  # date: clicked, or Enter on the cursor
    cursor_moved = Signal(object)  # date

    COLUMNS, ROWS = 4, 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._view: YearView | None = None
        self._days: dict[date, DayView] = {}
        self._year = date.today().year
        self._today: date | None = None
        self._cursor = date(self._year, 1, 1)
        self._rects: dict[date, QRectF] = {}
        self._titles: list[QRectF] = []
        self._headers: list[list[QRectF]] = []
        self._number_font = QFont(self.font())
        self._tag_font = QFont(self.font())
        self._title_font = QFont(self.font())
        self._header_font = QFont(self.font())
        self._layout()

    # -- data ----------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self._year

    @property
    def view(self) -> YearView | None:
        return self._view

    def set_year_view(self, view: YearView) -> None:
        year_changed = view.year != self._year
        self._view = view
        self._year = view.year
        self._days = {d.day: d for d in view.days}
        if year_changed or self._cursor.year != view.year:
            today = self._today
            self._cursor = today if today and today.year == view.year else date(view.year, 1, 1)
            self._layout()
        self.update()

    def set_today(self, today: date) -> None:
        self._today = today
        self.update()

    def day_view(self, day: date) -> DayView | None:
        return self._days.get(day)

    # -- geometry ------------------------------------------------------------------------

    def day_rect(self, day: date) -> QRect:
        """Where ``day`` is drawn (widget coordinates); an empty rect outside the year."""
        rect = self._rects.get(day)
        return rect.toAlignedRect().adjusted(1, 1, -1, -1) if rect is not None else QRect()

    def day_at(self, pos: QPointF) -> date | None:
        for day, rect in self._rects.items():
            if rect.contains(pos):
                return day
        return None

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(4 * 7 * 36 + 60, 3 * (6 * 28 + 48) + 40)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(4 * 7 * 22 + 50, 3 * (6 * 18 + 40) + 30)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        margin, gap_x, gap_y = 4.0, 16.0, 10.0
        width, height = float(self.width()), float(self.height())
        month_w = (width - 2 * margin - (self.COLUMNS - 1) * gap_x) / self.COLUMNS
        month_h = (height - 2 * margin - (self.ROWS - 1) * gap_y) / self.ROWS
        cell_w = month_w / 7
        # Title and weekday header take a fixed share; six week rows fit any month.
        title_h = max(16.0, min(26.0, month_h * 0.13))
        header_h = max(13.0, min(20.0, month_h * 0.09))
        cell_h = max(8.0, (month_h - title_h - header_h) / 6)
        size = max(8, min(16, int(min(cell_h * 0.5, cell_w * 0.42))))
        self._number_font = QFont(self.font())
        self._number_font.setPixelSize(size)
        self._tag_font = QFont(self.font())
        self._tag_font.setPixelSize(max(8, int(size * 0.7)))
        self._title_font = QFont(self.font())
        self._title_font.setPixelSize(max(10, min(15, int(title_h * 0.62))))
        self._title_font.setBold(True)
        self._header_font = QFont(self.font())
        self._header_font.setPixelSize(max(8, min(13, int(header_h * 0.7))))
        self._rects.clear()
        self._titles, self._headers = [], []
        for index in range(12):
            x0 = margin + (index % self.COLUMNS) * (month_w + gap_x)
            y0 = margin + (index // self.COLUMNS) * (month_h + gap_y)
            self._titles.append(QRectF(x0, y0, month_w, title_h))
            self._headers.append([QRectF(x0 + c * cell_w, y0 + title_h, cell_w, header_h)
                                  for c in range(7)])  # fmt: skip
            first = date(self._year, index + 1, 1)
            offset = first.weekday()
            top = y0 + title_h + header_h
            for n in range(calendar.monthrange(self._year, index + 1)[1]):
                slot = offset + n
                self._rects[first + timedelta(days=n)] = QRectF(
                    x0 + (slot % 7) * cell_w, top + (slot // 7) * cell_h, cell_w, cell_h
                )

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        locale = QLocale()
        painter.setFont(self._title_font)
        painter.setPen(MONTH_TITLE)
        for month, rect in enumerate(self._titles, start=1):
            name = locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             name)  # fmt: skip
        painter.setFont(self._header_font)
        names = [locale.standaloneDayName(d, QLocale.FormatType.NarrowFormat) for d in range(1, 8)]
        for headers in self._headers:
            for weekday, rect in enumerate(headers):
                painter.setPen(STYLES[DayStyle.WEEKEND].text if weekday >= 5 else MONTH_TITLE)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, names[weekday])
        painter.setFont(self._number_font)
        tags = {DayStyle.HOLIDAY: self.tr("休"), DayStyle.MAKEUP: self.tr("班")}
        clip = QRectF(event.rect())
        for day, rect in self._rects.items():
            if not clip.intersects(rect):
                continue
            view = self._days.get(day)
            if view is None:  # not loaded yet: the plain week
                style = DayStyle.WORKDAY if day.weekday() < 5 else DayStyle.WEEKEND
                override = False
            else:
                style = day_style(view)
                override = view.is_override
            paint_day(painter, rect, style, str(day.day), tags.get(style, ""),
                      override=override, today=day == self._today,
                      tag_font=self._tag_font)  # fmt: skip
        if self.hasFocus() and self._cursor in self._rects:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(CURSOR_PEN, 2))
            painter.drawRect(self._rects[self._cursor].adjusted(1, 1, -1, -1))
        painter.end()

    # -- interaction ---------------------------------------------------------------------

    def cursor(self) -> date:
        return self._cursor

    def set_cursor(self, day: date) -> None:
        if day.year != self._year:
            return
        if day != self._cursor:
            old = self._rects.get(self._cursor)
            self._cursor = day
            if old is not None:
                self.update(old.toAlignedRect().adjusted(-2, -2, 2, 2))
            self.update(self._rects[day].toAlignedRect().adjusted(-2, -2, 2, 2))
            self.cursor_moved.emit(day)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position())
        if event.button() is Qt.MouseButton.LeftButton and day is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.set_cursor(day)
            if self.isEnabled() and self._view is not None:
                self.day_activated.emit(day)
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7,
                 Qt.Key.Key_Down: 7}  # fmt: skip
        key = Qt.Key(event.key())
        if key in steps:
            target = self._cursor + timedelta(days=steps[key])
            if target.year == self._year:
                self.set_cursor(target)
            event.accept()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            month = self._cursor.month + (-1 if key == Qt.Key.Key_PageUp else 1)
            if 1 <= month <= 12:
                last = calendar.monthrange(self._year, month)[1]
                self.set_cursor(date(self._year, month, min(self._cursor.day, last)))
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._view is not None:
                self.day_activated.emit(self._cursor)
            event.accept()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(QPointF(event.pos()))
            view = self._days.get(day) if day is not None else None
            if view is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.describe(view), self,
                                  self.day_rect(view.day))  # fmt: skip
            return True
        return super().event(event)

    def describe(self, view: DayView) -> str:
        """The tooltip: date and weekday, kind, where it comes from, name and note."""
        weekday = QLocale().dayName(view.day.isoweekday(), QLocale.FormatType.LongFormat)
        lines = [f"{view.day.isoformat()} {weekday}"]
        kind = kind_label(day_style(view))
        special = view.special
        source = source_label(special.source if special else DaySource.WEEK)
        lines.append(f"{kind} · {source}")
        if special is not None and special.name:
            lines.append(special.name)
        if special is not None and special.note:
            lines.append(self.tr("备注：%1").replace("%1", special.note))
        if view.is_override and view.updated_by:
            lines.append(self.tr("录入人：%1").replace("%1", view.updated_by))
        return "\n".join(lines)


# Spelled out at each call: lupdate reads translate("Context", "literal") only.
translate = QCoreApplication.translate


def kind_label(style: DayStyle) -> str:
    return {
        DayStyle.WORKDAY: translate("CalendarDays", "工作日"),
        DayStyle.WEEKEND: translate("CalendarDays", "周末"),
        DayStyle.HOLIDAY: translate("CalendarDays", "节假日"),
        DayStyle.MAKEUP: translate("CalendarDays", "调休上班"),
    }[style]


def source_label(source: DaySource) -> str:
    return {
        DaySource.OVERRIDE: translate("CalendarDays", "管理员录入"),
        DaySource.PACKAGE: translate("CalendarDays", "国务院安排"),
        DaySource.RULE: translate("CalendarDays", "法定节日规则"),
        DaySource.WEEK: translate("CalendarDays", "常规"),
    }[source]


class CalendarLegend(QWidget):
    """What the colours and marks mean, drawn with the same cells as the grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarLegend")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def entries(self) -> list[tuple[DayStyle, str, str, bool, bool]]:
        """(style, tag, label, override, today) per entry."""
        return [
            (DayStyle.WORKDAY, "", self.tr("工作日"), False, False),
            (DayStyle.WEEKEND, "", self.tr("周末"), False, False),
            (DayStyle.HOLIDAY, self.tr("休"), self.tr("节假日"), False, False),
            (DayStyle.MAKEUP, self.tr("班"), self.tr("调休上班"), False, False),
            (DayStyle.WORKDAY, "", self.tr("管理员录入（右上角标记）"), True, False),
            (DayStyle.WORKDAY, "", self.tr("今天"), False, True),
        ]

    def _swatch(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:  # noqa: N802
        fm, swatch = self.fontMetrics(), self._swatch()
        width = sum(int(swatch * 1.6) + 8 + fm.horizontalAdvance(label) + 18
                    for _, _, label, _, _ in self.entries())  # fmt: skip
        return QSize(width, swatch + 4)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        fm, swatch = self.fontMetrics(), self._swatch()
        tag_font = QFont(self.font())
        tag_font.setPixelSize(max(7, int(swatch * 0.36)))
        x = 2.0
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        for style, tag, label, override, today in self.entries():
            rect = QRectF(x, 2, swatch * 1.6, swatch)
            paint_day(painter, rect, style, "8", tag, override=override, today=today,
                      tag_font=tag_font)  # fmt: skip
            x += rect.width() + 6
            painter.setPen(text_colour)
            text = QRectF(x, 2, fm.horizontalAdvance(label) + 2, swatch)
            painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             label)  # fmt: skip
            x += text.width() + 18
        painter.end()
