"""Supervisor status board: who is where, who is busy, who needs the dispatcher's attention.

Contract with the main window:
- `start()` after the window is shown (first load, then a refresh every 30 s so that
  fix ages, late flags and overdue tasks move with the clock), `stop()` on close;
- slot `on_topics(frozenset)` (ChangeFollower.topics_changed): 'supervisor', 'case' or
  'reference' in a batch refreshes the board, at most once per 2 s;
- signals `center_requested(float, float)` (lon, lat of the last fix) and
  `supervisor_selected(str)` (username) on double-click or Enter; `supervisors_loaded(list)`
  with every refreshed list of `SupervisorView` (the map can draw positions from it);
- `suggest_for(grid_code, lon, lat)`: whom to send for verification or check.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QElapsedTimer, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.models.supervisor_table import (
    ATTENTION_COLOUR,
    ON_DUTY,
    SupervisorFilterProxy,
    SupervisorRole,
    SupervisorTableModel,
)
from ui.operations import weak_callback
from workstation.domain.roles import SupervisorStatus
from workstation.services.field import SupervisorView, nearest_on_duty
from workstation.services.reference import Reference

# Feed topics that change what the board shows: fixes and status ('supervisor'), reports
# and verification/check tasks ('case'), the roster itself ('reference').
RELEVANT_TOPICS = frozenset({"supervisor", "case", "reference"})


class SupervisorBoard(QWidget):
    center_requested = Signal(float, float)  # lon, lat
    supervisor_selected = Signal(str)  # username
    supervisors_loaded = Signal(list)  # list[SupervisorView], after every refresh

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 min_gap_ms: int = 2_000, age_refresh_ms: int = 30_000) -> None:  # fmt: skip
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("supervisorBoard")
        self._min_gap_ms = min_gap_ms
        self._in_flight = False
        self._dirty = False  # a refresh was asked for while one was running
        self._loaded_once = False
        self._since_refresh = QElapsedTimer()  # invalid until the first refresh
        self._reference: Reference | None = None  # as of the last refresh, for suggest_for

        self.model = SupervisorTableModel(self)
        self.proxy = SupervisorFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        # A deferred refresh: feed batches arrive every 400 ms while the field is busy.
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.timeout.connect(self.refresh_now)
        # Ages, late flags and overdue tasks change with time alone, without a feed event.
        self._ages = QTimer(self)
        self._ages.setInterval(age_refresh_ms)
        self._ages.timeout.connect(self.request_refresh)

        self.street = QComboBox(self)
        self.street.setObjectName("supervisorStreet")
        self.street.addItem(self.tr("全部街道"), "")
        self.street.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.street.currentIndexChanged.connect(self._street_changed)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("supervisorStatus")
        for text, value in (
            (self.tr("全部状态"), SupervisorFilterProxy.ANY_STATUS),
            (self.tr("在岗"), SupervisorFilterProxy.ON_DUTY),
            (self.tr("巡查中"), SupervisorStatus.PATROLLING.value),
            (self.tr("核实/核查中"), SupervisorStatus.ON_TASK.value),
            (self.tr("休息"), SupervisorStatus.RESTING.value),
            (self.tr("离线"), SupervisorStatus.OFFLINE.value),
        ):
            self.status_filter.addItem(text, value)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.attention_only = QCheckBox(self.tr("只看需关注"), self)
        self.attention_only.setObjectName("supervisorAttentionOnly")
        self.attention_only.toggled.connect(self._attention_toggled)

        self.table = QTableView(self)
        self.table.setObjectName("supervisorTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        # Double-click and Enter both arrive as `activated` (single click on styles whose
        # convention it is), so the board follows the platform like every other view.
        self.table.activated.connect(self._activated)

        self.summary = QLabel(self.tr("正在加载监督员状态…"), self)
        self.summary.setObjectName("supervisorSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self._summary_plain = ""
        self.updated = QLabel(self)
        self.updated.setObjectName("supervisorUpdated")
        self.updated.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Reserved, so that the first "更新于 …" does not wait for a relayout to fit.
        sample = self.tr("更新于 %1").replace("%1", "00:00:00")
        self.updated.setMinimumWidth(self.updated.fontMetrics().horizontalAdvance(sample) + 8)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(QLabel(self.tr("街道"), self))
        filters.addWidget(self.street)
        filters.addWidget(QLabel(self.tr("状态"), self))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.attention_only)
        filters.addStretch(1)
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(self.summary, 1)
        footer.addWidget(self.updated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """First load and the periodic refresh; call from the event loop, not a constructor."""
        self._ages.start()
        self.refresh_now()

    def stop(self) -> None:
        self._ages.stop()
        self._throttle.stop()

    @property
    def refresh_pending(self) -> bool:
        """A refresh is running, scheduled, or asked for while one runs."""
        return self._in_flight or self._dirty or self._throttle.isActive()

    # -- refreshing ------------------------------------------------------------------------

    def on_topics(self, topics: frozenset[str]) -> None:
        if topics & RELEVANT_TOPICS:
            self.request_refresh()

    def request_refresh(self) -> None:
        """Refresh soon: at once if the last refresh is `min_gap_ms` old, else when it is."""
        if self._in_flight:
            self._dirty = True
            return
        if self._throttle.isActive():
            return  # already scheduled; this request rides along
        since = self._since_refresh.elapsed() if self._since_refresh.isValid() else None
        wait = 0 if since is None else max(0, self._min_gap_ms - since)
        self._throttle.start(wait)

    def refresh_now(self) -> None:
        self._throttle.stop()
        if self._in_flight:
            self._dirty = True
            return
        self._in_flight = True
        self._since_refresh.start()
        ws = self._ctx.ws

        def load() -> tuple[datetime, list[SupervisorView], Reference]:
            now = ws.clock()
            # The reference is fetched here too: after a 'reference' change it reloads from
            # the database, which must happen on this worker, not later in suggest_for.
            return now, ws.supervisor_board(at=now), ws.reference

        self._ctx.ops.run(load, weak_callback(self._loaded), weak_callback(self._failed),
                          description="supervisor board")  # fmt: skip

    def _loaded(self, result: tuple[datetime, list[SupervisorView], Reference]) -> None:
        self._in_flight = False
        now, rows, self._reference = result
        self.model.set_rows(rows, now)
        self._update_streets(rows)
        if not self._loaded_once and rows:
            self._loaded_once = True
            self._fit_columns()
        self._update_summary()
        self.updated.setText(self.tr("更新于 %1").replace("%1", now.strftime("%H:%M:%S")))
        self.supervisors_loaded.emit(rows)
        if self._dirty:
            self._dirty = False
            self.request_refresh()

    def _fit_columns(self) -> None:
        """Size the columns once, wide enough for what later refreshes may put there."""
        self.table.resizeColumnsToContents()
        model, header = self.model, self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        # The first load may show only "巡查中" and "刚刚"; later texts must not be elided.
        samples = {
            "status": (self.tr("核实/核查中"), 36),  # padding and the status dot
            "fix_at": ("12-31 23:59", 16),
            "fix_age": (self.tr("59 分钟前"), 16),
        }
        for key, (sample, extra) in samples.items():
            column = model.column_of(key)
            need = metrics.horizontalAdvance(sample) + extra
            header.resizeSection(column, max(header.sectionSize(column), need))
        name = model.column_of("name")  # room for the attention flag in front of a name
        header.resizeSection(name, header.sectionSize(name) + 20)

    def _failed(self, message: str, exc: BaseException) -> None:
        self._in_flight = False
        self.updated.setText(self.tr("刷新失败：%1").replace("%1", message))
        if self._dirty:
            self._dirty = False
            self.request_refresh()

    # -- filters and summary ---------------------------------------------------------------

    def _update_streets(self, rows: Iterable[SupervisorView]) -> None:
        # The choices come from the rows themselves: no reference query on the GUI thread.
        streets = sorted({(r.street_code, r.street_name) for r in rows if r.street_code})
        present = [self.street.itemData(i) for i in range(1, self.street.count())]
        if present == [code for code, _ in streets]:
            return
        current = self.street.currentData()
        self.street.blockSignals(True)
        try:
            while self.street.count() > 1:
                self.street.removeItem(1)
            for code, name in streets:
                self.street.addItem(name or code, code)
            at = self.street.findData(current)
            self.street.setCurrentIndex(max(at, 0))
        finally:
            self.street.blockSignals(False)
        if self.street.currentData() != current:
            self.proxy.set_street(self.street.currentData() or "")

    def _street_changed(self, _: int) -> None:
        self.proxy.set_street(self.street.currentData() or "")
        self._update_summary()

    def _status_changed(self, _: int) -> None:
        self.proxy.set_status(self.status_filter.currentData() or "")
        self._update_summary()

    def _attention_toggled(self, on: bool) -> None:
        self.proxy.set_attention_only(on)
        self._update_summary()

    def set_attention_only(self, on: bool) -> None:
        self.attention_only.setChecked(on)

    def _update_summary(self) -> None:
        rows = self.model.rows()
        on_duty = sum(r.status in ON_DUTY for r in rows)
        resting = sum(r.status == SupervisorStatus.RESTING.value for r in rows)
        offline = sum(r.status == SupervisorStatus.OFFLINE.value for r in rows)
        attention = sum(r.needs_attention for r in rows)
        parts = [self.tr("在岗 %1 人").replace("%1", str(on_duty))]
        if resting:
            parts.append(self.tr("休息 %1 人").replace("%1", str(resting)))
        parts.append(self.tr("离线 %1 人").replace("%1", str(offline)))
        parts.append(self.tr("需关注 %1 人").replace("%1", str(attention)))
        separator = self.tr("，")
        plain = separator.join(parts)
        rich = [html.escape(p) for p in parts]
        if attention:  # only the figure that asks for action is red; the rest stays quiet
            rich[-1] = f'<span style="color:{ATTENTION_COLOUR}; font-weight:600">{rich[-1]}</span>'
        text = separator.join(rich)
        if self.proxy.filtering:
            extra = self.tr("（显示 %1 人）").replace("%1", str(self.proxy.rowCount()))
            plain += extra
            text += html.escape(extra)
        self._summary_plain = plain
        self.summary.setText(text)

    def summary_text(self) -> str:
        """The summary line as plain text ("在岗 27 人，离线 2 人，需关注 3 人")."""
        return self._summary_plain

    # -- activation and suggestions --------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        row: SupervisorView | None = index.data(SupervisorRole)
        if row is None:
            return
        self.supervisor_selected.emit(row.username)
        if row.lon is not None and row.lat is not None:
            self.center_requested.emit(row.lon, row.lat)

    def select_supervisor(self, username: str) -> bool:
        source = self.model.row_of(username)
        if source is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def suggest_for(self, grid_code: str | None, lon: float | None,
                    lat: float | None) -> SupervisorView | None:  # fmt: skip
        """Whom to send to a place: the grid's own supervisor when on duty and not late,
        else the nearest supervisor on patrol with a recent fix; None if nobody fits.

        Decided on the board's last refresh (at most 30 s old) and the reference data that
        refresh brought along: no database call on the GUI thread.
        """
        rows = self.model.rows()
        reference = self._reference
        if reference is None:  # not loaded yet: nobody to suggest from either
            return None
        own = reference.supervisor_for_cell(grid_code)
        if own is not None:
            mine = self.model.supervisor(own.username)
            if mine is not None and mine.status in ON_DUTY and not mine.late:
                return mine
        if (lon is None or lat is None) and grid_code:
            cell = reference.cells.get(grid_code)
            if cell is not None:
                lon, lat = cell.lon, cell.lat
        if lon is None or lat is None:
            return None
        return nearest_on_duty(rows, lon, lat)
