"""Reminder centre (紧盯重点, 跟踪提醒): what needs attention now, with toasts when it starts.

Contract with the main window:
- slots `set_cases(list[CaseSummary])` (every loaded case, on each reload),
  `on_cases_changed(list[CaseSummary])` (changed or new cases), `mark_seen(int)`,
  `on_topics(frozenset[str])` (the change follower's `topics_changed`: reloads the
  shift's acknowledgements when another console wrote some);
- signals `case_activated(int)` (the queue selects that case), `remind_requested(int)`
  (催办: the action controller performs it), `attention_count_changed(int)`.

How it stays cheap on 20,000 open cases: `AttentionEvaluator` prepares each case once (the
80 % instant of its deadline) and a re-evaluation is then comparisons, ~10–20 ms. Only the
preparation of a whole reload (50–150 ms) runs on a worker through `ctx.ops.run`; feed
updates patch the prepared set on the GUI thread. The clock is `ctx.clock`, so tests and
the training mode control time.

Acknowledged (确认) items stay hidden until they change (e.g. the deadline is extended and
passes again); snoozed (稍后提醒) ones come back, with a toast, when the snooze ends. Both
are the shift's, stored in the database (services.reminder_acks): one dispatcher's 确认
hides the item on every centre console (a unit's staff share theirs within the unit), each
row says who did it and when, and 显示已确认 lists the held items. A hold shows here at
once; the write runs on a worker and a read of the shift's holds follows it. The holds
are read with every reload, on every tick, and when the feed says another console wrote.
What older versions kept in QSettings (`accounts/<user>/reminders/state`) is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.notifications import SEVERITY_COLOURS, AlertSound, ToastManager
from ui.widgets.reminder_delegate import ReminderDelegate
from ui.widgets.reminder_model import ItemRole, ReminderListModel
from workstation.domain.lifecycle import RULES, Action, CaseState
from workstation.domain.roles import Role
from workstation.services.attention import (
    AttentionEvaluator,
    AttentionItem,
    Kind,
    Severity,
    crossings,
)
from workstation.services.dto import CaseSummary
from workstation.services.reminder_acks import (
    ACK,
    HOLD_ROLES,
    RELEASE_ANY_ROLES,
    SNOOZE,
    TOPIC,
    HoldBook,
    ReminderHold,
)

REFRESH_MS = 30_000
SNOOZE_MINUTES = (15, 30, 60)
MAX_TOASTS_PER_BATCH = 3  # beyond this the toasts' collapsed line ("另有 N 条提醒") counts

# Handling units watch their own clocks; approvals and triage are the centre's business.
_UNIT_KINDS = frozenset({Kind.YELLOW, Kind.OVERDUE})
_REMINDABLE_KINDS = frozenset({Kind.YELLOW, Kind.OVERDUE, Kind.CHECK_OVERDUE})
_REMIND_RULE = RULES[Action.REMIND]


class ReminderPanel(QWidget):
    case_activated = Signal(int)
    remind_requested = Signal(int)
    attention_count_changed = Signal(int)  # visible items (for a dock title or tray badge)
    notified = Signal(list)  # the items a toast was shown for (tests, a future tray icon)
    holds_loaded = Signal()  # the shift's acknowledgements and snoozes were read
    holds_saved = Signal()  # this console's 确认/稍后提醒/恢复 was written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._ctx = ctx
        self._settings = settings
        self.setObjectName("reminderPanel")
        self._prefix = f"accounts/{ctx.account.username}/"  # each person their own choice
        self.holds = HoldBook()  # the shift's (see the module docstring)
        self._hold_changes = 0  # local changes; a read begun before the last one is stale
        self._writing = 0  # local changes on their way to the database (reads are stale)
        self._reading = False  # a read of the holds is on its way
        self._reread = False  # … and another was asked for meanwhile
        self.show_held = False  # 显示已确认: list held items too, greyed, with who/when
        self._held: list[AttentionItem] = []
        self.sound_enabled = self._setting("reminders/sound", True)
        self.popups_enabled = self._setting("reminders/popups", True)
        self._relevant = _UNIT_KINDS if ctx.role is Role.UNIT else frozenset(Kind)
        self._evaluator: AttentionEvaluator | None = None
        self._generation = 0  # of set_cases calls; a late worker result is ignored
        self._installed = -1
        self._pending: list[CaseSummary] = []  # feed updates that arrive during a reload
        self._all: list[AttentionItem] = []  # every relevant item at the last evaluation
        self._visible: list[AttentionItem] = []
        self._seen: set[int] = set()
        self._filter: Kind | None = None

        self._build()
        self.notifier = ToastManager(self._toast_host, self)
        self.notifier.activated.connect(self._toast_activated)
        self.sound = AlertSound(self)
        self.timer = QTimer(self)  # started by the first load: nothing to watch before it
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.refresh)
        self._wake = QTimer(self)  # the end of the nearest snooze, to the second
        self._wake.setSingleShot(True)
        self._wake.timeout.connect(self.refresh)
        self._update_header()

    # -- widgets -------------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = QLabel(self)
        self.summary.setObjectName("reminderSummary")
        self.summary.setStyleSheet("QLabel { font-size: 15px; font-weight: bold; }")
        self.chips: dict[Severity, QLabel] = {}
        chips = QHBoxLayout()
        chips.setSpacing(6)
        for severity in (Severity.CRITICAL, Severity.WARNING, Severity.INFO):
            chip = QLabel(self)
            chip.setObjectName(f"reminderChip{severity.name.title()}")
            chip.setStyleSheet(
                f"QLabel {{ color: white; background: {SEVERITY_COLOURS[severity]};"
                " border-radius: 8px; padding: 1px 8px; }"
            )
            self.chips[severity] = chip
            chips.addWidget(chip)
        chips.addStretch(1)

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("reminderKindFilter")
        self.kind_filter.setToolTip(self.tr("按类型筛选"))
        self.kind_filter.addItem(self.tr("全部类型"), None)
        for kind in (Kind.OVERDUE, Kind.URGENT_REPORT, Kind.CHECK_OVERDUE, Kind.YELLOW,
                     Kind.REQUEST, Kind.SELF_HANDLED):  # fmt: skip
            if kind in self._relevant:
                self.kind_filter.addItem("", kind.value)
        self.kind_filter.currentIndexChanged.connect(self._filter_changed)

        self.options = QPushButton(self.tr("设置"), self)
        self.options.setObjectName("reminderOptions")
        menu = QMenu(self.options)
        self.popup_action = QAction(self.tr("弹出通知"), self)
        self.popup_action.setCheckable(True)
        self.popup_action.setChecked(self.popups_enabled)
        self.popup_action.toggled.connect(self._set_popups)
        self.sound_action = QAction(self.tr("提示音"), self)
        self.sound_action.setCheckable(True)
        self.sound_action.setChecked(self.sound_enabled)
        self.sound_action.toggled.connect(self._set_sound)
        restore = QAction(self.tr("恢复已确认和稍后提醒的事项"), self)
        restore.setToolTip(self.tr("值班长恢复全班的；其他人恢复自己确认或稍后提醒的"))
        restore.triggered.connect(self.restore_hidden)
        menu.addAction(self.popup_action)
        menu.addAction(self.sound_action)
        menu.addSeparator()
        menu.addAction(restore)
        self.options.setMenu(menu)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.options)
        # The shift leader's view of what the shift acknowledged, for everybody.
        self.held_toggle = QPushButton(self.tr("显示已确认"), self)
        self.held_toggle.setObjectName("reminderShowHeld")
        self.held_toggle.setCheckable(True)
        self.held_toggle.setToolTip(self.tr("同时列出本班已确认和稍后提醒的事项（谁、何时）"))
        self.held_toggle.toggled.connect(self._set_show_held)
        filters = QHBoxLayout()
        filters.addLayout(chips, 1)
        filters.addWidget(self.held_toggle)
        filters.addWidget(self.kind_filter)

        self.model = ReminderListModel(self, case_of=self._case_of, hold_of=self._hold_of)
        # A one-column table rather than a QListView: with fixed row heights a table
        # inserts and removes rows without laying out every row again (measured on
        # 17,000 items: ~8 ms per update against ~50 ms for a QListView).
        self.list = QTableView(self)
        self.list.setObjectName("reminderList")
        self.list.setModel(self.model)
        delegate = ReminderDelegate(self.list)
        self.list.setItemDelegate(delegate)
        self.list.horizontalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        rows = self.list.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(delegate.row_height(self.list.font()))
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Enter, and a double click (or a single one, on styles that activate so).
        self.list.activated.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)

        self.empty = QLabel(self.tr("当前没有需要关注的事项"), self)
        self.empty.setObjectName("reminderEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("QLabel { color: #6a737d; }")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)

        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.setToolTip(self.tr("在案件队列中选中该案件（回车或双击）"))
        self.open_button.clicked.connect(lambda: self._activate_current())
        self.ack_button = QPushButton(self.tr("确认"), self)
        self.ack_button.setObjectName("reminderAck")
        self.ack_button.setToolTip(self.tr("已知晓：隐藏该提醒，情况变化时再提醒（Delete）"))
        self.ack_button.clicked.connect(self.acknowledge_selected)
        # A push button with a menu sizes itself for its arrow (a tool button clips).
        self.snooze_button = QPushButton(self.tr("稍后提醒"), self)
        self.snooze_button.setObjectName("reminderSnooze")
        self.snooze_menu = QMenu(self.snooze_button)
        for minutes in SNOOZE_MINUTES:
            action = self.snooze_menu.addAction(self.tr("%n 分钟后", "", minutes))
            action.triggered.connect(lambda _=False, m=minutes: self.snooze_selected(m))
        self.snooze_button.setMenu(self.snooze_menu)
        self.remind_button = QPushButton(self.tr("催办"), self)
        self.remind_button.setObjectName("reminderRemind")
        self.remind_button.setToolTip(self.tr("催促处置单位尽快办理（记录催办并计数）"))
        self.remind_button.clicked.connect(self.remind_selected)
        self.remind_button.setVisible(self._ctx.role in _REMIND_RULE.roles)
        self.release_button = QPushButton(self.tr("恢复提醒"), self)
        self.release_button.setObjectName("reminderRelease")
        self.release_button.setToolTip(self.tr("取消所选事项的确认或稍后提醒，全班重新提醒"))
        self.release_button.clicked.connect(self.release_selected)
        self.release_button.setVisible(False)  # while 显示已确认 is on
        for button in (self.ack_button, self.snooze_button):
            button.setVisible(self._ctx.role in HOLD_ROLES)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remind_button)

        ack_key = QAction(self)
        ack_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        ack_key.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ack_key.triggered.connect(self.acknowledge_selected)
        self.list.addAction(ack_key)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- contract slots ------------------------------------------------------------------

    def set_cases(self, rows: list[CaseSummary]) -> None:
        """A reload: prepare all cases on a worker, then evaluate on the GUI thread."""
        self._generation += 1
        generation = self._generation
        self._pending = []
        ws, clock, rows, actor = self._ctx.ws, self._ctx.clock, list(rows), self._ctx.actor
        changes = self._hold_changes

        def prepare() -> tuple[AttentionEvaluator, list[ReminderHold]]:
            ref = ws.reference  # may query the database: on the worker, never here
            evaluator = AttentionEvaluator(ref.calendar, ref.stage_limits)
            evaluator.set_cases(rows, clock())
            return evaluator, ws.reminder_holds(actor)

        self._ctx.ops.run(prepare, lambda result: self._install(generation, changes, *result),
                          description="prepare reminders", owner=self)  # fmt: skip

    def on_cases_changed(self, rows: list[CaseSummary]) -> None:
        if self._installed != self._generation:
            self._pending.extend(rows)  # applied to the reload when it arrives
        if self._evaluator is None:
            return
        self._evaluator.update_cases(rows)
        self._soon.start()  # one refresh for all changes delivered in this pass

    def on_topics(self, topics: frozenset[str]) -> None:
        """The change feed's topics: another console acknowledged, snoozed or restored."""
        if TOPIC in topics:
            self.reload_holds()

    def reload_holds(self) -> None:
        """Read the shift's acknowledgements and snoozes (on a worker), then re-evaluate."""
        if self._reading:
            self._reread = True
            return
        self._reading = True
        ws, actor, changes = self._ctx.ws, self._ctx.actor, self._hold_changes
        self._ctx.ops.run(lambda: ws.reminder_holds(actor),
                          lambda holds: self._holds_read(changes, holds), self._holds_failed,
                          description="load reminder holds", owner=self)  # fmt: skip

    def mark_seen(self, case_id: int) -> None:
        """The dispatcher looked at this case: its urgent report is no longer new."""
        if case_id >= 0 and case_id not in self._seen:
            self._seen.add(case_id)
            if self._evaluator is not None and self._has_urgent(case_id):
                self.refresh(notify=False)

    # -- evaluation ----------------------------------------------------------------------

    def _install(self, generation: int, changes: int, evaluator: AttentionEvaluator,
                 holds: list[ReminderHold]) -> None:  # fmt: skip
        if generation != self._generation:
            return  # a newer reload is on its way
        if changes == self._hold_changes and not self._writing:
            self.holds.replace(holds)
            self.holds_loaded.emit()
        elif not self._writing:  # read before this console's own 确认 was written
            self.reload_holds()  # (while a write is on its way, its end reads again)
        first = self._evaluator is None
        evaluator.update_cases(self._pending)
        self._pending = []
        self._evaluator = evaluator
        self._installed = generation
        # The first load is the baseline: what is already overdue is listed, not popped up.
        self.refresh(notify=not first)
        if not self.timer.isActive():
            self.timer.start()

    def refresh(self, notify: bool = True) -> None:
        """Re-evaluate every case at the current time (timer, changes, user actions)."""
        if self._evaluator is None:
            return
        now = self._ctx.clock()
        items = self._evaluator.items_at(now, self._seen)
        if len(self._relevant) < len(Kind):
            items = [i for i in items if i.kind in self._relevant]
        woke = self.holds.woke(items, now)  # snoozes that ended, seen snoozed here
        new = crossings(self._all, items) if notify else []
        self._all = items
        self._visible, self._held = self.holds.split(items, now)
        listed = self._visible
        if self.show_held and self._held:
            listed = sorted(self._visible + self._held, key=lambda i: i.rank)
        shown = listed if self._filter is None else \
            [i for i in listed if i.kind is self._filter]  # fmt: skip
        self.model.set_items(shown, now)
        self._update_header()
        self._update_buttons()
        fresh = {i.key for i in new}
        alerts = [i for i in new if not self.holds.is_hidden(i, now)]
        alerts += [i for i in woke if i.key not in fresh]
        if alerts:
            self._notify(alerts, now)
        self._schedule_wake(now)

    def _tick(self) -> None:
        self.refresh()
        self.reload_holds()  # in case a feed notice was missed (or the feed is not wired)

    def _holds_read(self, changes: int, holds: list[ReminderHold]) -> None:
        self._reading = False
        # Read before this console's own change was written, or while it is: not the truth.
        stale = changes != self._hold_changes or self._writing > 0
        if self._reread or (stale and not self._writing):
            self._reread = False
            self.reload_holds()
        if stale:
            return
        self.holds.replace(holds)
        self.holds_loaded.emit()
        self.refresh()

    def _holds_failed(self, message: str, exc: BaseException) -> None:
        self._reading = False  # the next tick tries again; the operation logged it
        if self._reread:
            self._reread = False
            self.reload_holds()

    def _hold_of(self, item: AttentionItem) -> ReminderHold | None:
        return self.holds.get(item.key)

    def _schedule_wake(self, now: datetime) -> None:
        wake = self.holds.next_wake(now)
        if wake is None:
            self._wake.stop()
            return
        ms = int((wake - now).total_seconds() * 1000) + 50
        if ms < REFRESH_MS:  # otherwise the regular tick is soon enough
            self._wake.start(max(0, ms))

    def _has_urgent(self, case_id: int) -> bool:
        return any(i.case_id == case_id and i.kind is Kind.URGENT_REPORT for i in self._all)

    # -- notifications -------------------------------------------------------------------

    def _notify(self, items: list[AttentionItem], now: datetime) -> None:
        items = sorted(items, key=lambda i: i.rank)
        self.notified.emit(items)
        if self.popups_enabled:
            texts = self.model.texts
            shown = items[:MAX_TOASTS_PER_BATCH]
            for item in reversed(shown):  # the most severe ends up nearest the corner
                self.notifier.show_toast(
                    item.case_id, int(item.severity), texts.badge(item),
                    f"{texts.label(item)}  {item.case_no}", item.title,
                    texts.toast_meta(item, self._case_of(item.case_id), now),
                )  # fmt: skip
            if len(shown) < len(items):
                self.notifier.collapse(len(items) - len(shown))  # "另有 N 条提醒"
        if self.sound_enabled and any(i.severity >= Severity.WARNING for i in items):
            self.sound.play()

    def _toast_host(self) -> QWidget:
        # The main window, also when the dock floats in a window of its own.
        widget: QWidget | None = self
        while widget is not None:
            if isinstance(widget, QMainWindow):
                return widget
            widget = widget.parentWidget()
        return self.window()

    def _toast_activated(self, case_id: int) -> None:
        if case_id >= 0:
            self._activate(case_id)
            return
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QDockWidget):
            widget = widget.parentWidget()
        if widget is not None:
            widget.show()
            widget.raise_()

    # -- user actions --------------------------------------------------------------------

    def selected_items(self) -> list[AttentionItem]:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        if not rows and self.list.currentIndex().isValid():
            rows = [self.list.currentIndex().row()]
        return [self.model.item_at(r) for r in rows]

    def acknowledge_selected(self) -> None:
        self._hold(self.selected_items(), ACK, None)

    def snooze_selected(self, minutes: int) -> None:
        self._hold(self.selected_items(), SNOOZE,
                   self._ctx.clock() + timedelta(minutes=minutes))  # fmt: skip

    def restore_hidden(self) -> None:
        """恢复: every hold this account may release (the leader: the shift's)."""
        me = self._ctx.account.username
        anyone = self._ctx.role in RELEASE_ANY_ROLES
        keys = [h.key for h in self.holds.all() if anyone or h.actor == me]
        self.holds.drop(keys)
        ws, actor = self._ctx.ws, self._ctx.actor
        self._write(lambda: ws.release_reminders(actor), "restore reminders")

    def release_selected(self) -> None:
        """Show the selected held items again, for the shift."""
        keys = [i.key for i in self.selected_items() if self._releasable(i)]
        if not keys:
            return
        self.holds.drop(keys)
        ws, actor = self._ctx.ws, self._ctx.actor
        self._write(lambda: ws.release_reminders(actor, keys), "release reminders")

    def _hold(self, items: list[AttentionItem], kind: str, until: datetime | None) -> None:
        if not items or self._ctx.role not in HOLD_ROLES:
            return
        account, now = self._ctx.account, self._ctx.clock()
        name = account.display_name or account.username
        self.holds.put(ReminderHold.of(i, kind, until, account.username, name, now)
                       for i in items)  # fmt: skip
        ws, actor = self._ctx.ws, self._ctx.actor
        if kind == ACK:
            self._write(lambda: ws.acknowledge_reminders(actor, items), "acknowledge reminders")
        else:
            assert until is not None
            self._write(lambda: ws.snooze_reminders(actor, items, until), "snooze reminders")

    def _write(self, fn: Callable[[], object], description: str) -> None:
        """Show the change now, write it on a worker, then read the shift's holds."""
        self._hold_changes += 1
        self._writing += 1
        self._after_user_change()

        def done(_: object) -> None:
            self._hold_changes += 1  # reads begun before the write are stale
            self._writing -= 1
            self.holds_saved.emit()
            self.reload_holds()

        def failed(message: str, exc: BaseException) -> None:
            self._hold_changes += 1
            self._writing -= 1
            self.reload_holds()  # undoes what was shown
            self._ctx.ops.error.emit(message)

        self._ctx.ops.run(fn, done, failed, description=description, owner=self)

    def _releasable(self, item: AttentionItem) -> bool:
        hold = self.holds.holding(item, self._ctx.clock())
        return hold is not None and (self._ctx.role in RELEASE_ANY_ROLES
                                     or hold.actor == self._ctx.account.username)  # fmt: skip

    def remind_selected(self) -> None:
        for case_id in dict.fromkeys(
            i.case_id for i in self.selected_items() if self._remindable(i)
        ):
            self.remind_requested.emit(case_id)

    def _after_user_change(self) -> None:
        row = self.list.currentIndex().row()
        self.refresh(notify=False)
        # Keep the keyboard where it was: the next item takes the place of the hidden one.
        if self.model.rowCount():
            row = min(max(row, 0), self.model.rowCount() - 1)
            self.list.setCurrentIndex(self.model.index(row))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._activate(index.data(ItemRole).case_id)

    def _activate_current(self) -> None:
        self._activated(self.list.currentIndex())

    def _activate(self, case_id: int) -> None:
        self.case_activated.emit(case_id)
        self.mark_seen(case_id)

    def _context_menu(self, pos: object) -> None:
        if not self.selected_items():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("打开"), self._activate_current)
        if self._ctx.role in HOLD_ROLES:
            menu.addAction(self.tr("确认"), self.acknowledge_selected)
            later = menu.addMenu(self.tr("稍后提醒"))
            for minutes in SNOOZE_MINUTES:
                later.addAction(self.tr("%n 分钟后", "", minutes),
                                lambda m=minutes: self.snooze_selected(m))  # fmt: skip
        if any(self._releasable(i) for i in self.selected_items()):
            menu.addAction(self.tr("恢复提醒"), self.release_selected)
        if self.remind_button.isVisible() and self.remind_button.isEnabled():
            menu.addSeparator()
            menu.addAction(self.tr("催办"), self.remind_selected)
        menu.popup(self.list.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    def _remindable(self, item: AttentionItem) -> bool:
        case = self._case_of(item.case_id)
        return (item.kind in _REMINDABLE_KINDS and case is not None
                and self._ctx.role in _REMIND_RULE.roles
                and CaseState(case.state) in _REMIND_RULE.sources)  # fmt: skip

    # -- header, buttons, settings -------------------------------------------------------

    def _update_header(self) -> None:
        visible = self._visible
        self.summary.setText(self.tr("需要关注 %n 项", "", len(visible)))
        by_severity = dict.fromkeys(Severity, 0)
        by_kind = dict.fromkeys(Kind, 0)
        for item in visible:
            by_severity[item.severity] += 1
            by_kind[item.kind] += 1
        names = {
            Severity.CRITICAL: self.tr("超期/紧急 %1"),
            Severity.WARNING: self.tr("即将超期 %1"),
            Severity.INFO: self.tr("待审批 %1"),
        }
        for severity, chip in self.chips.items():
            chip.setText(names[severity].replace("%1", str(by_severity[severity])))
            chip.setVisible(by_severity[severity] > 0)
        texts = self.model.texts
        for row in range(1, self.kind_filter.count()):
            kind = Kind(self.kind_filter.itemData(row))
            self.kind_filter.setItemText(row, f"{texts.kind_label(kind)} ({by_kind[kind]})")
        held = len(self._held)
        self.held_toggle.setText(self.tr("显示已确认 (%1)").replace("%1", str(held))
                                 if held else self.tr("显示已确认"))  # fmt: skip
        self.stack.setCurrentWidget(self.list if self.model.rowCount() else self.empty)
        if not self.model.rowCount() and self._filter is not None and visible:
            self.empty.setText(self.tr("该类型暂无事项"))
        else:
            self.empty.setText(self.tr("当前没有需要关注的事项"))
        self.attention_count_changed.emit(len(visible))

    def _update_buttons(self, *_: object) -> None:
        items = self.selected_items() if self.model.rowCount() else []
        for button in (self.open_button, self.ack_button, self.snooze_button):
            button.setEnabled(bool(items))
        self.release_button.setEnabled(any(self._releasable(i) for i in items))
        self.remind_button.setEnabled(any(self._remindable(i) for i in items))

    def _set_show_held(self, on: bool) -> None:
        self.show_held = on
        self.release_button.setVisible(on)
        self.refresh(notify=False)

    def _filter_changed(self, index: int) -> None:
        data = self.kind_filter.itemData(index)
        self._filter = Kind(data) if data else None
        self.refresh(notify=False)

    def _case_of(self, case_id: int) -> CaseSummary | None:
        return self._evaluator.case(case_id) if self._evaluator is not None else None

    def _set_popups(self, on: bool) -> None:
        self.popups_enabled = on
        self._store("reminders/popups", on)
        if not on:
            self.notifier.clear()

    def _set_sound(self, on: bool) -> None:
        self.sound_enabled = on
        self._store("reminders/sound", on)

    def _setting(self, key: str, default: bool | str) -> bool | str:
        if self._settings is None:
            return default
        return self._settings.value(self._prefix + key, default,  # type: ignore[no-any-return]
                                    type(default))  # fmt: skip

    def _store(self, key: str, value: object) -> None:
        if self._settings is not None:
            self._settings.setValue(self._prefix + key, value)
