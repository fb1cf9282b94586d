"""The queue's filter boxes: 街道, 社区, 大类, 小类, 处置单位, 来源, 紧急程度, 时段."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)

from ui.models.queue_filter import QueueCriteria
from workstation.services.queue_queries import QueueOptions

# Period codes of the 时段 box.
PERIODS = ("", "today", "3d", "7d", "custom")


class QueueFilterBar(QWidget):
    """Compact combo boxes; `changed` fires whenever a choice changes."""

    changed = Signal()

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueFilters")
        self._clock = clock
        self._options: QueueOptions | None = None
        self._cell = ""
        self._cells: frozenset[str] = frozenset()
        self._quiet = False  # set while boxes are refilled: one `changed` at the end
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.street = self._combo("filterStreet", self.tr("街道"), 5)
        self.community = self._combo("filterCommunity", self.tr("社区"), 6)
        self.major = self._combo("filterMajor", self.tr("大类"), 7)
        self.category = self._combo("filterCategory", self.tr("小类"), 7)
        self.unit = self._combo("filterUnit", self.tr("处置单位"), 8)
        self.source = self._combo("filterSource", self.tr("来源"), 5)
        self.priority = self._combo("filterPriority", self.tr("紧急程度"), 4)
        self.period = self._combo("filterPeriod", self.tr("时段"), 5)
        labels = (self.tr("全部时段"), self.tr("今日"), self.tr("近3天"), self.tr("近7天"),
                  self.tr("自定义…"))  # fmt: skip
        for code, label in zip(PERIODS, labels, strict=True):
            self.period.addItem(label, code)
        now = clock()
        today = QDate(now.year, now.month, now.day)  # the workstation's clock, not the PC's
        self.date_from = QDateEdit(today.addDays(-6), self)
        self.date_to = QDateEdit(today, self)
        for edit, name in ((self.date_from, "filterFrom"), (self.date_to, "filterTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(self._emit)
        # The map's cell/area filter is not a combo box: a chip says it is on and clears it.
        self.area_chip = QToolButton(self)
        self.area_chip.setObjectName("filterAreaChip")
        self.area_chip.setToolTip(self.tr("来自地图的网格筛选，点击清除"))
        self.area_chip.setStyleSheet(
            "QToolButton { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 3px;"
            " padding: 1px 6px; }"
        )
        self.area_chip.setVisible(False)
        self.area_chip.clicked.connect(self.clear_area)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("filterClear")
        self.clear_button.setText(self.tr("清除筛选"))
        self.clear_button.setToolTip(self.tr("清除全部筛选条件和搜索"))
        for widget in (self.street, self.community, self.major, self.category, self.unit,
                       self.source, self.priority, self.period, self.date_from, self.date_to,
                       self.area_chip, self.clear_button):  # fmt: skip
            layout.addWidget(widget)
        self.street.currentIndexChanged.connect(self._street_changed)
        self.major.currentIndexChanged.connect(self._major_changed)
        for combo in (self.community, self.category, self.unit, self.source, self.priority):
            combo.currentIndexChanged.connect(self._emit)
        self.period.currentIndexChanged.connect(self._period_changed)
        self._fill_all()

    def focus_chain(self) -> list[QWidget]:
        """The boxes in the order they stand (Tab walks them left to right)."""
        return [self.street, self.community, self.major, self.category, self.unit,
                self.source, self.priority, self.period, self.date_from, self.date_to,
                self.area_chip, self.clear_button]  # fmt: skip

    def _combo(self, name: str, what: str, width: int) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(what)
        combo.setAccessibleName(what)
        # Narrow in the bar, wide enough in the popup to read the longest unit name.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(width)
        combo.view().setMinimumWidth(220)
        combo.setMaxVisibleItems(20)
        return combo

    # -- options -------------------------------------------------------------------------

    def set_options(self, options: QueueOptions) -> None:
        """Fill the boxes from the reference data, keeping the current choices."""
        keep = self.state()
        self._options = options
        self._quiet = True
        try:
            self._fill_all()
            self.restore(keep, emit=False)
        finally:
            self._quiet = False

    def _fill_all(self) -> None:
        o = self._options
        refill(self.street, self.tr("全部街道"), o.streets if o else ())
        self._fill_communities()
        refill(self.major, self.tr("全部大类"), o.majors if o else ())
        self._fill_categories()
        refill(self.unit, self.tr("全部单位"), o.units if o else ())
        refill(self.source, self.tr("全部来源"), o.sources if o else ())
        refill(self.priority, self.tr("全部缓急"), o.priorities if o else ())

    def _fill_communities(self) -> None:
        o, street = self._options, self.street.currentData() or ""
        refill(self.community, self.tr("全部社区"), o.communities_in(street) if o else ())

    def _fill_categories(self) -> None:
        o, major = self._options, self.major.currentData() or ""
        items = [(code, f"{code} {name}") for code, name, m in (o.minors if o else ())
                 if not major or m == major]  # fmt: skip
        refill(self.category, self.tr("全部小类"), items)

    # -- changes -------------------------------------------------------------------------

    def _street_changed(self) -> None:
        # A cascade: a new street starts from all of its communities.
        self._quiet, was = True, self._quiet
        try:
            self.community.setCurrentIndex(0)
            self._fill_communities()
        finally:
            self._quiet = was
        self._emit()

    def _major_changed(self) -> None:
        self._quiet, was = True, self._quiet
        try:
            self.category.setCurrentIndex(0)
            self._fill_categories()
        finally:
            self._quiet = was
        self._emit()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self._emit()

    def _emit(self, *_: Any) -> None:
        if not self._quiet:
            self.changed.emit()

    def set_cell(self, code: str) -> None:
        """Narrow to one grid cell (or any grid-code prefix); "" clears it."""
        if code != self._cell or self._cells:
            self._cell, self._cells = code, frozenset()
            self._show_area()
            self._emit()

    def set_cells(self, codes: Iterable[str]) -> None:
        """Narrow to a set of cells (an area selected on the map); empty clears it."""
        cells = frozenset(codes)
        if cells != self._cells or self._cell:
            self._cell, self._cells = "", cells
            self._show_area()
            self._emit()

    def clear_area(self) -> None:
        if self._cell or self._cells:
            self._cell, self._cells = "", frozenset()
            self._show_area()
            self._emit()

    def _show_area(self) -> None:
        if self._cells:
            text = self.tr("已选区域：%n 个网格 ×", "", len(self._cells))
        elif self._cell:
            text = self.tr("网格 %1 ×").replace("%1", self._cell)
        else:
            text = ""
        self.area_chip.setText(text)
        self.area_chip.setVisible(bool(text))

    def clear(self) -> None:
        self._quiet = True
        try:
            for combo in (self.street, self.major, self.unit, self.source, self.priority,
                          self.period):  # fmt: skip
                combo.setCurrentIndex(0)
            self._fill_communities()
            self._fill_categories()
            self._cell, self._cells = "", frozenset()
            self._show_area()
        finally:
            self._quiet = False
        self.changed.emit()

    # -- criteria ------------------------------------------------------------------------

    def apply(self, criteria: QueueCriteria) -> QueueCriteria:
        """`criteria` with this bar's choices filled in."""
        start, end = self.period_range()
        return criteria.with_(
            street=self.street.currentData() or "",
            community=self.community.currentData() or "",
            area=self._cell,
            cells=self._cells,
            major=self.major.currentData() or "",
            category=self.category.currentData() or "",
            unit=self.unit.currentData() or "",
            source=self.source.currentData() or "",
            priority=self.priority.currentData() or "",
            reported_from=start,
            reported_to=end,
        )

    def period_range(self) -> tuple[datetime | None, datetime | None]:
        code = self.period.currentData() or ""
        today = datetime.combine(self._clock().date(), datetime.min.time())
        if code == "today":
            return today, None
        if code == "3d":
            return today - timedelta(days=2), None
        if code == "7d":
            return today - timedelta(days=6), None
        if code == "custom":
            first, last = _date(self.date_from.date()), _date(self.date_to.date())
            if last < first:
                first, last = last, first
            return (datetime.combine(first, datetime.min.time()),
                    datetime.combine(last + timedelta(days=1), datetime.min.time()))  # fmt: skip
        return None, None

    def state(self) -> dict[str, str]:
        """The choices as plain strings (for QSettings)."""
        return {
            "street": self.street.currentData() or "",
            "community": self.community.currentData() or "",
            "major": self.major.currentData() or "",
            "category": self.category.currentData() or "",
            "unit": self.unit.currentData() or "",
            "source": self.source.currentData() or "",
            "priority": self.priority.currentData() or "",
            "period": self.period.currentData() or "",
            "from": self.date_from.date().toString("yyyy-MM-dd"),
            "to": self.date_to.date().toString("yyyy-MM-dd"),
        }

    def restore(self, state: dict[str, str], *, emit: bool = True) -> None:
        was, self._quiet = self._quiet, True
        try:
            _pick(self.street, state.get("street", ""))
            self._fill_communities()
            _pick(self.community, state.get("community", ""))
            _pick(self.major, state.get("major", ""))
            self._fill_categories()
            _pick(self.category, state.get("category", ""))
            for combo, key in ((self.unit, "unit"), (self.source, "source"),
                               (self.priority, "priority"), (self.period, "period")):  # fmt: skip
                _pick(combo, state.get(key, ""))
            for edit, key in ((self.date_from, "from"), (self.date_to, "to")):
                value = QDate.fromString(state.get(key, ""), "yyyy-MM-dd")
                if value.isValid():
                    edit.setDate(value)
            custom = self.period.currentData() == "custom"
            self.date_from.setVisible(custom)
            self.date_to.setVisible(custom)
        finally:
            self._quiet = was
        if emit:
            self.changed.emit()


def refill(combo: QComboBox, everything: str, items: Any) -> None:
    """The choices (code, label …) after an "all" entry, keeping the current choice when it
    is still there; no change signal is sent (the caller emits once for the whole)."""
    current = combo.currentData() or ""
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(everything, "")
        _make_room(combo, everything)
        for item in items:
            combo.addItem(item[1], item[0])
        _pick(combo, current)
    finally:
        combo.blockSignals(False)


def _make_room(combo: QComboBox, text: str) -> None:
    """Keep the "all" choice readable: the boxes' widths suit the Chinese labels, and a
    translated one (English "All subdistricts") is longer."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    content = QSize(metrics.horizontalAdvance(text), metrics.height())
    need = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, content, combo)
    combo.setMinimumWidth(max(combo.minimumWidth(), need.width()))


def _pick(combo: QComboBox, code: str) -> None:
    at = combo.findData(code) if code else 0
    combo.setCurrentIndex(at if at >= 0 else 0)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
