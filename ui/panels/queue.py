"""The live case queue: the central table of the main window (model + proxy + controller).

Contract with the main window (other panels rely on it):
- signals `current_case_changed(int)` (case id, -1 for none), `selection_changed(list)`
  (the selected `CaseSummary` objects, also re-sent when one of them changed),
  `cases_loaded(list)` (every loaded summary: open cases and today's closed ones),
  `case_activated(int)` (Enter or double-click on a case), `counts_changed(dict)`
  ({Stage: count} of the stage bar), `loading_changed(bool)`;
- slots `reload()`, `apply_changes(list[CaseSummary])` (incremental: no model reset),
  `show_drill_down(title, ids)` / `close_drill_down()` (a statistics figure's cases,
  closed ones too, under a chip; the live feed then only updates those cases),
  `select_case(int) -> bool`, `set_cell_filter(str)`, `set_stage(Stage)`,
  `forget_cases(list[int])`, `refresh_timers()`;
- attributes `model`, `proxy`, `table`, `search`, `status`, `stage_bar`, `filters`,
  `feed_cursor` (where the change feed was when the loaded cases were read);
  methods `selected_cases()`, `current_case()`, `filter_state()`, `restore_filter_state()`.

Threading: `reload()` reads and prepares every row on an `Operations` worker (the lean
queue query, the search keys, the sort); the GUI thread only swaps the list in.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.labels import source_label, state_label
from ui.models.case_table import CaseRole, CaseTableModel, UnseenRole
from ui.models.queue_filter import QueueCriteria, QueueFilterProxy
from ui.models.queue_rows import STAGE_ORDER, QueueRow, Stage
from ui.stats.drill_chip import DrillChip
from ui.widgets.queue_delegate import QueueDelegate
from ui.widgets.queue_empty import EmptyState
from ui.widgets.queue_filters import QueueFilterBar
from ui.widgets.queue_table import QueueTableView
from ui.widgets.stage_bar import StageBar
from workstation.domain.calendar import WorkCalendar
from workstation.domain.lifecycle import CaseState, Source
from workstation.services.dto import CaseSummary
from workstation.services.feed import FeedCursor
from workstation.services.queue_queries import (
    QueueOptions,
    QueueSnapshot,
    load_cases,
    load_queue,
    queue_options,
)

# Wide enough for a bold (unseen) case number and grid code.
NEXT_NEW_KEY = "N"
STAGE_KEYS: dict[str, Stage] = {
    **{f"Ctrl+{i + 1}": stage for i, stage in enumerate(STAGE_ORDER[:9])},
    "Ctrl+0": Stage.ALL,
}
COLUMN_WIDTHS = (128, 88, 80, 150, 130, 250, 104, 96, 150, 44, 44, 136)
MINUTE_MS = 60_000


@dataclass(frozen=True, slots=True)
class _Loaded:
    """What the loading worker hands back to the GUI thread."""

    snapshot: QueueSnapshot
    rows: list[QueueRow]
    options: QueueOptions
    calendar: WorkCalendar
    major_names: dict[str, str]
    sort: tuple[int, Qt.SortOrder]


@dataclass(frozen=True, slots=True)
class DrillDown:
    """The queue shows these cases (a statistics figure's) instead of the live queue."""

    title: str
    case_ids: frozenset[int]
    saved_filters: dict[str, str]  # the dispatcher's filters, given back on close


class QueuePanel(QWidget):
    current_case_changed = Signal(int)
    selection_changed = Signal(list)
    cases_loaded = Signal(list)
    case_activated = Signal(int)
    counts_changed = Signal(object)  # dict[Stage, int]; a QVariantMap needs str keys
    loading_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("queuePanel")
        self._load_token = 0
        self._loading = False
        self._loaded_once = False
        self._pending: list[CaseSummary] = []  # feed changes that arrived while loading
        # The change feed's last id when the loaded cases were read: a follower started
        # from it misses nothing (the main window may use it).
        self.feed_cursor: FeedCursor | None = None
        self.drill_down: DrillDown | None = None

        self.model = CaseTableModel(self, clock=ctx.clock)
        self.model.set_titles(self._column_titles())
        self.proxy = QueueFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.stage_bar = StageBar(self)
        self.stage_bar.stage_changed.connect(self._criteria_changed)

        self.search = QLineEdit(self)
        self.search.setObjectName("queueSearch")
        self.search.setPlaceholderText(
            self.tr("搜索编号、地址、描述、单位、类别、街道社区（Ctrl+F）")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(self._criteria_changed)
        self.search.returnPressed.connect(self._search_done)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._search_escaped)

        self.filters = QueueFilterBar(ctx.clock, self)
        self.filters.changed.connect(self._criteria_changed)
        self.filters.clear_button.clicked.connect(self.clear_filters)

        self.table = QueueTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(QueueDelegate(self.proxy, self.model, self.table))
        self.empty_state = EmptyState(self.table.viewport())
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = header.fontMetrics()
        # The domain's words in the user's language (English ones are longer than 已派遣).
        words = {self.model.column("state"): [state_label(s) for s in CaseState],
                 self.model.column("source"): [source_label(s) for s in Source]}  # fmt: skip
        for column, width in enumerate(COLUMN_WIDTHS):
            # The widths suit the Chinese titles; a longer translated title widens its column,
            # and so does a longer state or source name.
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            texts = [title, *words.get(column, ())]
            widest = max(metrics.horizontalAdvance(t) for t in texts)
            header.resizeSection(column, max(width, widest + 16))
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_activated)
        self.drill_chip = DrillChip(self)
        self.drill_chip.closed.connect(self.close_drill_down)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.table)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self.close_drill_down)
        # N, as "next unread" in a mail reader: the next highlighted (newly arrived) case.
        # A table shortcut, so typing N in the search box stays typing.
        self.next_new_action = QAction(self.tr("下一件新到案件"), self)
        self.next_new_action.setObjectName("action_next_new")
        self.next_new_action.setShortcut(QKeySequence(NEXT_NEW_KEY))
        self.next_new_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.next_new_action.triggered.connect(self.select_next_new)
        self.table.addAction(self.next_new_action)
        # Ctrl+1 … Ctrl+9, Ctrl+0: the stage bar's segments, from anywhere in the queue.
        for key, stage in STAGE_KEYS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=stage: self._stage_key(s))

        self.status = QLabel(self.tr("正在加载案件…"), self)
        self.status.setObjectName("queueStatus")
        self.info = QLabel(self)
        self.info.setObjectName("queueInfo")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("queueProgress")
        self.progress.setRange(0, 0)  # busy: the load has no meaningful percentage
        self.progress.setMaximumSize(120, 12)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)

        tools = QHBoxLayout()
        tools.setSpacing(6)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.filters)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status)
        bottom.addWidget(self.progress)
        bottom.addStretch(1)
        bottom.addWidget(self.info)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.drill_chip)
        layout.addWidget(self.stage_bar)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        # The table is the natural focus; Tab goes on to the search box, then the filters
        # left to right (Shift+Tab from the table: the last filter).
        chain = [self.table, self.search, *self.filters.focus_chain()]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.table.setFocus()

        self._minute = QTimer(self)
        self._minute.setObjectName("queueMinuteTimer")
        self._minute.timeout.connect(self._on_minute)

    def _column_titles(self) -> list[str]:
        titles = {
            "case_no": self.tr("案件编号"), "reported_at": self.tr("上报时间"),
            "source": self.tr("来源"), "category": self.tr("类别"),
            "area": self.tr("街道/社区"), "description": self.tr("地址/描述"),
            "state": self.tr("状态"), "timer": self.tr("剩余时限"),
            "unit": self.tr("处置单位"), "key": self.tr("督办"), "reminds": self.tr("催办"),
            "grid": self.tr("网格"),
        }  # fmt: skip
        return [titles[c.key] for c in self.model.COLUMNS]

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Load open cases and today's closed ones in the background (the actor's view);
        during a drill-down, its cases again."""
        self._load_token += 1
        token = self._load_token
        self._set_loading(True)
        ws, actor, now = self._ctx.ws, self._ctx.actor, self._ctx.clock()
        sort = (self.model.sort_column, self.model.sort_order)
        key = self.model.sort_key_function()

        drill = self.drill_down.case_ids if self.drill_down is not None else None

        def load() -> _Loaded:
            ref = ws.reference
            with ws.read_session() as session:
                snapshot = load_queue(session, ref, actor, now) if drill is None \
                    else load_cases(session, ref, actor, drill, now)  # fmt: skip
            majors = {c.major_key: c.major_name for c in ref.catalog}
            verified = snapshot.verified
            rows = [QueueRow(c, c.id in verified, now=now, day_start=snapshot.day_start,
                             major_names=majors)
                    for c in snapshot.cases]  # fmt: skip
            rows.sort(key=key, reverse=sort[1] == Qt.SortOrder.DescendingOrder)
            return _Loaded(snapshot, rows, queue_options(ref), ref.calendar, majors, sort)

        # The callbacks hold the panel weakly: an operation in flight must not keep a
        # closed panel alive, or it would be destroyed later, from inside Qt's clean-up
        # of the operation's signal object.
        me = weakref.ref(self)

        def loaded(result: _Loaded) -> None:
            panel = me()
            if panel is not None and shiboken6.isValid(panel):
                panel._loaded(token, result)

        def failed(message: str, exc: BaseException) -> None:
            panel = me()
            if panel is not None and shiboken6.isValid(panel):
                panel._load_failed(token, message)

        self._ctx.ops.run(load, loaded, failed, description="load case queue")

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.progress.setVisible(loading)
        if loading:
            self.status.setText(self.tr("正在加载案件…"))
        self.loading_changed.emit(loading)

    def _loaded(self, token: int, result: _Loaded) -> None:
        if token != self._load_token:
            return  # a newer reload is on its way
        selected = [c.id for c in self.selected_cases()]
        current = self.current_case()
        previous = {r.case.id: r.unseen for r in self.model.rows}
        for row in result.rows:
            # Unseen marks survive a reload; after the first load, what is new is unseen.
            was = previous.get(row.case.id)
            row.unseen = was if was is not None else self._loaded_once
        self.model.set_reference(result.calendar, result.major_names)
        self.model.set_clock(self._ctx.clock())
        self.filters.set_options(result.options)
        same_sort = result.sort == (self.model.sort_column, self.model.sort_order)
        self.model.reset_queue_rows(result.rows, sorted_already=same_sort)
        # The rows live until the next load: out of the cyclic collector's sight, a full
        # collection no longer walks them in the middle of a sort or a keystroke (the
        # first sort of 20,000 rows: 206 → 74 ms). Freed rows still go by reference count.
        gc.freeze()
        self._loaded_once = True
        self.feed_cursor = result.snapshot.feed
        self._set_loading(False)
        self._restore_selection(selected, current.id if current else None)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            # Like QAbstractItemView's focus-in: the cursor rests on the first (newest) case
            # without selecting it, so Space or Shift+arrows work at once.
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), self.table.selectionModel().SelectionFlag.NoUpdate
            )
        pending, self._pending = self._pending, []
        if pending:
            self.apply_changes(pending)
        self._counts_changed()
        self._start_minute_timer()
        if self.drill_down is None:  # the map and the reminders keep the live queue
            self.cases_loaded.emit([r.case for r in self.model.rows])

    def _load_failed(self, token: int, message: str) -> None:
        if token != self._load_token:
            return
        self._set_loading(False)
        self.status.setText(self.tr("加载案件失败：%1").replace("%1", message))
        pending, self._pending = self._pending, []
        if pending:
            self.apply_changes(pending)

    def apply_changes(self, rows: list[CaseSummary]) -> None:
        """Changed or new cases from the feed or an action: rows update in place, new ones
        are inserted (and highlighted), those that left the queue are removed. During a
        drill-down only its own cases are updated: nothing unrelated joins it."""
        if self.drill_down is not None:
            wanted = self.drill_down.case_ids
            rows = [c for c in rows if c.id in wanted]
        if self._loading:
            self._pending.extend(rows)  # the load's snapshot may be older: apply after it
            return
        if not rows:
            return
        selected_before = {c.id: c for c in self.selected_cases()}
        anchor = self._scroll_anchor()
        self.model.upsert(rows, mark_new=self._loaded_once)
        self.proxy.recount()
        self._restore_anchor(anchor)
        self._counts_changed()
        selected_after = self.selected_cases()
        if [c.id for c in selected_after] != list(selected_before) or any(
            selected_before.get(c.id) is not c for c in selected_after
        ):
            self.selection_changed.emit(selected_after)

    def forget_cases(self, case_ids: list[int]) -> None:
        """Drop cases this actor can no longer see (a unit's case returned to the centre),
        for a feed that reports them by id."""
        if self._loading:
            return  # the load in flight reads the current visibility anyway
        anchor = self._scroll_anchor()
        if self.model.remove_cases(case_ids):
            self.proxy.recount()
            self._restore_anchor(anchor)
            self._counts_changed()

    # -- drill-down (统计钻取) --------------------------------------------------------------

    def show_drill_down(self, title: str, case_ids: Iterable[int]) -> None:
        """Show exactly these cases (closed ones too) under a chip naming them; the
        dispatcher's filters step aside until the chip is closed."""
        saved = self.drill_down.saved_filters if self.drill_down is not None \
            else self.filter_state()  # fmt: skip
        self.drill_down = DrillDown(title, frozenset(case_ids), saved)
        self.drill_chip.show_title(title, len(self.drill_down.case_ids))
        self.filters.clear_area()
        self.restore_filter_state({})  # every case of the drill-down, whatever the stage
        self._pending = []
        self.reload()
        self.table.setFocus()

    def close_drill_down(self) -> None:
        """Back to the live queue, with the filters it had."""
        drill = self.drill_down
        if drill is None:
            return
        self.drill_down = None
        self.drill_chip.setVisible(False)
        self.restore_filter_state(drill.saved_filters)
        self._pending = []
        self.reload()

    # -- countdown -----------------------------------------------------------------------

    def _start_minute_timer(self) -> None:
        if not self._minute.isActive():
            # First tick on the next minute of the wall clock, then every minute.
            self._minute.start(max(1000, (60 - datetime.now().second) * 1000))

    def _on_minute(self) -> None:
        self._minute.setInterval(MINUTE_MS)
        self.refresh_timers()

    def refresh_timers(self) -> None:
        """Recompute the countdowns now (the minute timer calls this)."""
        anchor = self._scroll_anchor()
        if self.model.tick(self._ctx.clock()):
            self.proxy.refilter()  # a case turned overdue, or yesterday's closed ones left
            self._restore_anchor(anchor)
            self._counts_changed()

    # -- filtering -----------------------------------------------------------------------

    def criteria(self) -> QueueCriteria:
        base = QueueCriteria(stage=self.stage_bar.stage(), text=self.search.text())
        return self.filters.apply(base)

    def _criteria_changed(self, *_: Any) -> None:
        self.proxy.set_criteria(self.criteria())
        self._counts_changed()

    def set_stage(self, stage: Stage) -> None:
        self.stage_bar.set_stage(stage)

    def set_cell_filter(self, code: str | None) -> None:
        """Show only cases in this grid cell (or under any grid-code prefix); None clears."""
        self.filters.set_cell(code or "")

    def set_area_filter(self, codes: list[str]) -> None:
        """Show only cases in these cells (an area drawn on the map); empty clears."""
        self.filters.set_cells(codes)

    def clear_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.clear()  # emits `changed` once: the criteria are applied then

    def filter_state(self) -> dict[str, str]:
        """Stage, search and filter choices as plain strings (the window keeps them)."""
        state = self.filters.state()
        state.update(stage=str(self.stage_bar.stage().value), text=self.search.text())
        return state

    def restore_filter_state(self, state: dict[str, str]) -> None:
        try:
            stage = Stage(int(state.get("stage") or Stage.ALL.value))
        except ValueError:
            stage = Stage.ALL
        self.stage_bar.blockSignals(True)
        self.stage_bar.set_stage(stage)
        self.stage_bar.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(state.get("text", ""))
        self.search.blockSignals(False)
        self.filters.restore(state)  # emits `changed`: applies everything at once

    def _counts_changed(self) -> None:
        counts = self.proxy.counts
        if counts != self.stage_bar.counts():
            self.stage_bar.set_counts(counts)
            self.counts_changed.emit(dict(counts))
        self._update_status()

    def _update_status(self) -> None:
        state = self.filters.state()
        custom = state.get("period") == "custom"
        filtered = any(v for k, v in state.items() if k not in ("from", "to") or custom)
        self.empty_state.update_for(
            self.proxy.rowCount(), loading=self._loading, stage=self.stage_bar.stage(),
            search=self.search.text().strip(), filtered=filtered,
            drill_down=self.drill_down is not None)  # fmt: skip
        if self._loading:
            return
        closed = self.model.closed_count()
        if self.drill_down is not None:
            text = self._count(self.tr("统计钻取：共 %1 件"), self.model.rowCount())
            if closed:
                text += self._count(self.tr("，其中已结案 %1 件"), closed)
            self.status.setText(text)
            self.info.setText(self._count(self.tr("显示 %1 件"), self.proxy.rowCount()))
            return
        text = self._count(self.tr("在办案件 %1 件"), self.model.rowCount() - closed)
        if closed:
            text += self._count(self.tr("，今日结案 %1 件"), closed)
        if text != self.status.text():
            self.status.setText(text)
        info = self._count(self.tr("显示 %1 件"), self.proxy.rowCount())
        unseen = self.model.unseen_count()
        if unseen:
            info += self._count(self.tr("，新到 %1 件未查看"), unseen)
        if info != self.info.text():
            self.info.setText(info)

    def _count(self, text: str, n: int) -> str:
        return text.replace("%1", f"{n:,}")  # 21,157, as on the stage bar

    def _search_done(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _search_escaped(self) -> None:
        self.search.clear()
        self.table.setFocus()

    # -- selection -----------------------------------------------------------------------

    def selected_cases(self) -> list[CaseSummary]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(CaseRole) for r in sorted(rows, key=lambda i: i.row())]

    def current_case(self) -> CaseSummary | None:
        index = self.table.currentIndex()
        return index.data(CaseRole) if index.isValid() else None

    def select_case(self, case_id: int) -> bool:
        """Select and show a loaded case; clears the filters if they hide it."""
        row = self.model.row_of(case_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.stage_bar.blockSignals(True)
            self.stage_bar.set_stage(Stage.ALL)
            self.stage_bar.blockSignals(False)
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                return False
        # Through the selection model, not QTableView.selectRow: that one reads the
        # keyboard modifiers held at that moment (Ctrl toggles the row off again).
        model = self.table.selectionModel()
        flags = model.SelectionFlag.ClearAndSelect | model.SelectionFlag.Rows
        model.setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def select_next_new(self) -> bool:
        """Select the next highlighted (unseen) case after the cursor, in the order shown,
        from the top again after the last; say so when there is none."""
        rows = self.proxy.rowCount()
        start = self.table.currentIndex().row()
        for step in range(1, rows + 1):
            index = self.proxy.index((start + step) % rows, 0)
            if index.data(UnseenRole):
                case = index.data(CaseRole)
                self.table.setFocus()
                return self.select_case(case.id)
        self.info.setText(self.tr("没有新到的案件"))
        return False

    def _stage_key(self, stage: Stage) -> None:
        self.stage_bar.set_stage(stage)
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), self.table.selectionModel().SelectionFlag.NoUpdate
            )

    def _restore_selection(self, case_ids: list[int], current: int | None) -> None:
        selection = QItemSelection()
        for case_id in case_ids:
            index = self._proxy_index(case_id)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(self.proxy.columnCount() - 1))
        model = self.table.selectionModel()
        flags = model.SelectionFlag.ClearAndSelect | model.SelectionFlag.Rows
        if current is not None and self._proxy_index(current).isValid():
            model.setCurrentIndex(self._proxy_index(current), model.SelectionFlag.NoUpdate)
            self.table.scrollTo(self._proxy_index(current))
        if not selection.isEmpty():
            model.select(selection, flags)

    def _proxy_index(self, case_id: int) -> QModelIndex:
        row = self.model.row_of(case_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, 0))

    def _on_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        cases = self.selected_cases()
        self.model.mark_seen(c.id for c in cases)
        self._update_status()
        self.selection_changed.emit(cases)

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        case = self.current_case()
        if case is not None:
            self.model.mark_seen([case.id])
        self.current_case_changed.emit(case.id if case else -1)

    def _on_activated(self, index: QModelIndex) -> None:
        case = index.data(CaseRole)
        if case is not None:
            self.case_activated.emit(case.id)

    # -- scroll position -----------------------------------------------------------------

    def _scroll_anchor(self) -> tuple[int, int] | None:
        """The case at the top of the viewport and its offset, unless scrolled to the top
        (then new reports should appear above, in sight)."""
        if self.table.verticalScrollBar().value() == 0:
            return None
        row = self.table.rowAt(0)
        if row < 0:
            return None
        case = self.proxy.index(row, 0).data(CaseRole)
        return (case.id, self.table.rowViewportPosition(row)) if case else None

    def _restore_anchor(self, anchor: tuple[int, int] | None) -> None:
        if anchor is None:
            return
        index = self._proxy_index(anchor[0])
        if not index.isValid():
            return
        self.table.refresh_geometry()
        position = self.table.verticalHeader().sectionPosition(index.row())
        self.table.verticalScrollBar().setValue(position - anchor[1])
