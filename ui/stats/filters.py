"""The statistics panel's filters: period (今日 / 本周 / 本月 / 自定义) and 街道, 社区, 类别,
单位. One `changed` signal per user change; the boxes are filled from `QueueOptions`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from ui.widgets.queue_filters import refill
from workstation.domain.metrics import Period
from workstation.services.queue_queries import QueueOptions
from workstation.services.statistics import StatsFilter


def period_for(code: str, today: date, first: date, last: date, now: datetime) -> Period:
    """The period a choice stands for: today, this week (Monday on), this month, or the
    custom days (inclusive); open cases are judged now when the period has not ended."""
    if code == "today":
        first = last = today
    elif code == "week":
        first, last = today - timedelta(days=today.weekday()), today
        last = first + timedelta(days=6)
    elif code == "month":
        first = today.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    elif last < first:
        first, last = last, first
    start = datetime.combine(first, datetime.min.time())
    return Period.of(start, datetime.combine(last + timedelta(days=1), datetime.min.time()), now)


def period_label(code: str, period: Period) -> str:
    """"2026-11" for a month, "2026-11-25" for a day, else "2026-11-23～2026-11-29"."""
    first, last = period.start.date(), (period.end - timedelta(seconds=1)).date()
    if code == "month":
        return first.strftime("%Y-%m")
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()}～{last.isoformat()}"


class StatsFilterBar(QWidget):
    changed = Signal()

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.period = self._combo("statsPeriod", self.tr("统计期"))
        for label, code in ((self.tr("今日"), "today"), (self.tr("本周"), "week"),
                            (self.tr("本月"), "month"), (self.tr("自定义"), "custom")):  # fmt: skip
            self.period.addItem(label, code)
        self.period.setCurrentIndex(2)
        today = QDate(clock().date())
        self.date_from = QDateEdit(today.addDays(1 - today.day()), self)
        self.date_to = QDateEdit(today, self)
        for edit, name in ((self.date_from, "statsFrom"), (self.date_to, "statsTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(self._emit)
        self.street = self._combo("statsStreet", self.tr("街道"))
        self.community = self._combo("statsCommunity", self.tr("社区"))
        self.category = self._combo("statsCategory", self.tr("类别"))
        self.unit = self._combo("statsUnit", self.tr("处置单位"))
        self._options: QueueOptions | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for label, widget in ((self.tr("统计期"), self.period), (None, self.date_from),
                              (None, self.date_to), (self.tr("街道"), self.street),
                              (self.tr("社区"), self.community), (self.tr("类别"), self.category),
                              (self.tr("单位"), self.unit)):  # fmt: skip
            if label:
                layout.addWidget(QLabel(label, self))
            layout.addWidget(widget)
        layout.addStretch(1)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.street.currentIndexChanged.connect(self._street_changed)
        for combo in (self.community, self.category, self.unit):
            combo.currentIndexChanged.connect(self._emit)
        refill(self.street, self.tr("全部街道"), [])
        refill(self.community, self.tr("全部社区"), [])
        refill(self.category, self.tr("全部类别"), [])
        refill(self.unit, self.tr("全部单位"), [])

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(240)
        return combo

    def set_options(self, options: QueueOptions) -> None:
        """Fill the boxes (first load); the choices made so far stay."""
        if options == self._options:
            return
        self._options = options
        refill(self.street, self.tr("全部街道"), list(options.streets))
        self._fill_communities()
        # 部件 / 事件, then the 大类 and the 小类 (a prefix of the category code).
        kinds = [("C", self.tr("部件（全部）")), ("E", self.tr("事件（全部）"))]
        majors = [(key, name) for key, name in options.majors]
        minors = [(code, f"　{code} {name}") for code, name, _ in options.minors]
        refill(self.category, self.tr("全部类别"), kinds + majors + minors)
        refill(self.unit, self.tr("全部单位"), sorted(options.units))

    def _fill_communities(self) -> None:
        o, street = self._options, self.street.currentData() or ""
        refill(self.community, self.tr("全部社区"), o.communities_in(street) if o else ())

    def _street_changed(self) -> None:
        self._fill_communities()  # (refill sends no signal: one change for the cascade)
        self._emit()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self._emit()

    def _emit(self) -> None:
        self.changed.emit()

    # -- what the boxes say ------------------------------------------------------------

    def set_period(self, code: str) -> None:
        self.period.setCurrentIndex(max(0, self.period.findData(code)))

    def period_code(self) -> str:
        return str(self.period.currentData() or "month")

    def current_period(self) -> Period:
        now = self._clock()
        return period_for(self.period_code(), now.date(), self.date_from.date().toPython(),
                          self.date_to.date().toPython(), now)  # fmt: skip

    def stats_filter(self) -> StatsFilter:
        return StatsFilter(street=self.street.currentData() or "",
                           community=self.community.currentData() or "",
                           category=self.category.currentData() or "",
                           unit=self.unit.currentData() or "")  # fmt: skip

    def describe(self) -> str:
        """The filters other than the period, for the chip ("龙城街道 · 事件（全部）")."""
        parts = [c.currentText() for c in (self.street, self.community, self.category,
                                            self.unit) if c.currentData()]  # fmt: skip
        return " · ".join(p.strip() for p in parts)
