"""The main window: arranges the panels, docks, menus and the change-feed follower.

It holds no business logic: each panel has its own controller; this class only wires
their signals together and keeps the layout (saved and restored with QSettings).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ui.actions.controller import ActionController
from ui.actions.dialogs import ActionDialog
from ui.actions.shortcuts import (
    CALENDAR_SHORTCUT,
    ESCALATION_LIST_SHORTCUT,
    HANDOVER_SHORTCUT,
    HISTORY_SHORTCUT,
    QUIT_SHORTCUT,
    REVISIT_LIST_SHORTCUT,
    STATS_SHORTCUT,
    SWITCH_USER_SHORTCUT,
)
from ui.admin.calendar_screen import CalendarScreen
from ui.audit_window import AuditWindow
from ui.context import AppContext
from ui.database_status import DatabaseStatus
from ui.escalation_list import EscalationListWindow
from ui.feed import ChangeFollower
from ui.handover.window import HandoverWindow
from ui.history.window import HistoryWindow
from ui.labels import role_label
from ui.layout import WindowLayout
from ui.map.controller import MapController
from ui.map.widget import GridMapWidget
from ui.panels.detail import CaseDetailPanel
from ui.panels.queue import QueuePanel
from ui.panels.reminders import ReminderPanel
from ui.panels.supervisors import SupervisorBoard
from ui.presence import PresenceTracker
from ui.simulation import SimulationRunner
from ui.single_window import SingleWindow
from ui.stats.window import StatsWindow
from ui.widgets.calendar_notice import CalendarNotice
from ui.widgets.confirm import ask
from ui.widgets.outage_banner import OutageBanner
from workstation.domain.lifecycle import RULES, Action
from workstation.domain.roles import Role
from workstation.services.audit import READERS as AUDIT_READERS
from workstation.services.dto import CaseSummary
from workstation.services.map_queries import CellSummary


class MainWindow(QMainWindow):
    """One person's window; `ended(switch_user)` once it has closed for good (saved,
    stopped): True after 注销/切换用户, False when the person quit."""

    ended = Signal(bool)

    def __init__(self, ctx: AppContext, settings: QSettings | None = None) -> None:
        super().__init__()
        self._ctx = ctx
        self._close_confirmed = False
        self._tool_windows()
        self._switch_user = False
        self._panels_started = False
        self._early_cases: list[CaseSummary] | None = None
        self.question: QMessageBox | None = None  # the open confirmation (tests answer it)
        self._settings = settings or QSettings()
        self.setObjectName("mainWindow")
        title = self.tr("网格化指挥调度工作站 — 呈贡分中心")
        name, role = ctx.account.display_name, role_label(ctx.role)
        who = self.tr("%1（%2）").replace("%1", name).replace("%2", role)
        self.setWindowTitle(f"{title} · {who}" + (self.tr("（演示模式）") if ctx.demo else ""))

        # Demo mode plays the field in-process; the whole workstation then follows the
        # simulated clock, so reports, actions and countdowns agree at any speed.
        self.simulation = SimulationRunner(ctx, self) if ctx.demo else None
        self._base_clock = ctx.ws.clock  # given back on close: the next person's window
        if self.simulation is not None:
            ctx.ws.clock = self.simulation.now
        self.queue = QueuePanel(ctx, self)
        self.outage = OutageBanner(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.outage)
        column.addWidget(self.queue, 1)
        self.setCentralWidget(central)
        self.detail = CaseDetailPanel(ctx, self)
        self.reminders = ReminderPanel(ctx, self, settings=self._settings)
        self.detail_dock = self._dock("detailDock", self.tr("案件详情"), self.detail,
                                      Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.reminder_dock = self._dock("reminderDock", self.tr("提醒中心"), self.reminders,
                                        Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.map = GridMapWidget(self, clock=ctx.clock)
        self.map_dock = self._dock("mapDock", self.tr("网格地图"), self.map,
                                   Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.map_ctl = MapController(ctx, self.map)
        # In a dock beside the queue the legend would hide half the map: off until asked.
        self.map.set_layer_visible("legend", False)
        self.supervisors = SupervisorBoard(ctx, self)
        self.supervisor_dock = self._dock("supervisorDock", self.tr("监督员状态"), self.supervisors,
                                          Qt.DockWidgetArea.BottomDockWidgetArea)  # fmt: skip
        self.actions = ActionController(ctx, self)
        self.actions.home = self.queue.table  # where the keyboard is after every dialog
        self.follower = ChangeFollower(ctx.ws, ctx.actor, parent=self)
        self.presence = PresenceTracker(ctx, self.queue.model, self.detail, self.actions,
                                        self.follower, self)  # fmt: skip
        self.calendar_notice = CalendarNotice(ctx, self)
        self.layout_store = WindowLayout(self, self._settings, ctx.account.username,
                                         ctx.role.value)  # fmt: skip
        self.layout_store.arrange_default()
        self._build_menus()
        self.addToolBar(self.actions.build_toolbar(self))
        self._wire()

        self.database_status = DatabaseStatus(self, ctx, self._settings, self.outage)
        self.database_status.follow(self.follower)
        status = self.database_status
        self.connection, self.database = status.connection, status.database
        self.statusBar().addPermanentWidget(self.connection)
        self.statusBar().addPermanentWidget(self.database)
        self.statusBar().addPermanentWidget(self.calendar_notice)
        if ctx.demo:
            badge = QLabel(self.tr("演示模式"), self)
            badge.setObjectName("demoBadge")
            badge.setStyleSheet("QLabel { background: #ef6c00; color: white; padding: 2px 8px; }")
            self.statusBar().addPermanentWidget(badge)
        if self.simulation is not None:  # run/pause, remembered; starts by itself on a demo
            self.statusBar().addPermanentWidget(self.simulation.create_switch(self))
            self.simulation.start_if_remembered()
        self.first_use = not self.layout_store.restore()  # the session shows it maximised

    def _dock(self, name: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:  # fmt: skip
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() needs names
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        system = self.menuBar().addMenu(self.tr("系统(&F)"))
        system.setObjectName("systemMenu")
        self.switch_user_action = QAction(self.tr("注销 / 切换用户…"), self)
        self.switch_user_action.setObjectName("action_switch_user")
        self.switch_user_action.setShortcut(QKeySequence(SWITCH_USER_SHORTCUT))
        self.switch_user_action.triggered.connect(self.switch_user)
        system.addAction(self.switch_user_action)
        if self._ctx.role is not Role.UNIT:  # the centre's shifts
            self.handover_action = QAction(self.tr("交接班…"), self)
            self.handover_action.setObjectName("action_handover")
            self.handover_action.setShortcut(QKeySequence(HANDOVER_SHORTCUT))
            self.handover_action.triggered.connect(self.open_handover)
            system.insertAction(self.switch_user_action, self.handover_action)
            system.insertSeparator(self.switch_user_action)
        self.connection_action = QAction(self.tr("数据库连接…"), self)
        self.connection_action.setObjectName("action_connection")
        self.connection_action.triggered.connect(
            lambda: self.database_status.open_connection_settings())
        system.insertAction(self.switch_user_action, self.connection_action)
        system.addSeparator()
        self.quit_action = QAction(self.tr("退出"), self)
        self.quit_action.setObjectName("action_quit")
        self.quit_action.setShortcut(QKeySequence(QUIT_SHORTCUT))
        self.quit_action.triggered.connect(self.quit)
        system.addAction(self.quit_action)
        cases = self.menuBar().addMenu(self.tr("案件(&C)"))
        for action in self.actions.actions.values():
            cases.addAction(action)
        cases.addSeparator()
        self.history_action = QAction(self.tr("案件检索（全部历史案件）…"), self)
        self.history_action.setObjectName("action_history")
        self.history_action.setShortcut(QKeySequence(HISTORY_SHORTCUT))
        self.history_action.triggered.connect(self.open_history)
        cases.addAction(self.history_action)
        self.escalation_list_action = QAction(self.tr("督办件（待回复，等待最久的在前）"), self)
        self.escalation_list_action.setObjectName("action_escalation_list")
        self.escalation_list_action.setShortcut(QKeySequence(ESCALATION_LIST_SHORTCUT))
        self.escalation_list_action.triggered.connect(self.show_open_escalations)
        cases.addAction(self.escalation_list_action)
        if self._ctx.role in RULES[Action.REVISIT].roles:
            cases.addSeparator()
            self.revisit_list_action = QAction(self.tr("待回访（近 7 天结案的市民上报）"), self)
            self.revisit_list_action.setObjectName("action_revisit_list")
            self.revisit_list_action.setShortcut(QKeySequence(REVISIT_LIST_SHORTCUT))
            self.revisit_list_action.triggered.connect(self.show_awaiting_revisit)
            cases.addAction(self.revisit_list_action)
        view = self.menuBar().addMenu(self.tr("视图(&V)"))
        refresh = QAction(self.tr("刷新"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.queue.reload)
        view.addAction(refresh)
        find = QAction(self.tr("搜索"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self._focus_search)
        view.addAction(find)
        view.addAction(self.queue.next_new_action)
        view.addSeparator()
        view.addAction(self.detail_dock.toggleViewAction())
        view.addAction(self.reminder_dock.toggleViewAction())
        view.addAction(self.supervisor_dock.toggleViewAction())
        view.addAction(self.map_dock.toggleViewAction())
        self._layout_menu(view)
        layers = view.addMenu(self.tr("地图图层"))
        layers.addActions(list(self.map.layer_actions.values()))
        if self.simulation is not None:
            demo = view.addMenu(self.tr("演示"))
            demo.addActions(self.simulation.create_actions(self))
        stats = self.menuBar().addMenu(self.tr("统计分析(&S)"))
        stats.setObjectName("statsMenu")
        self.stats_action = QAction(self.tr("统计分析…"), self)
        self.stats_action.setObjectName("action_statistics")
        self.stats_action.setShortcut(QKeySequence(STATS_SHORTCUT))
        self.stats_action.triggered.connect(self.open_statistics)
        stats.addAction(self.stats_action)
        if self._ctx.role in AUDIT_READERS:
            self.audit_action = QAction(self.tr("审计记录…"), self)
            self.audit_action.setObjectName("action_audit")
            self.audit_action.triggered.connect(lambda: self._audit.open())
            stats.addAction(self.audit_action)
        if self._ctx.role is Role.ADMIN:
            admin = self.menuBar().addMenu(self.tr("管理(&A)"))
            admin.setObjectName("adminMenu")
            self.calendar_action = QAction(self.tr("工作日历…"), self)
            self.calendar_action.setObjectName("action_calendar")
            self.calendar_action.setShortcut(QKeySequence(CALENDAR_SHORTCUT))
            self.calendar_action.triggered.connect(self.open_calendar)
            admin.addAction(self.calendar_action)
        self.menuBar().addMenu(self.tr("帮助(&H)")).addAction(self.actions.help_action)

    def _tool_windows(self) -> None:
        ctx = self._ctx

        def statistics() -> StatsWindow:
            window = StatsWindow(ctx, self)
            window.drill_requested.connect(self._show_drill_down)
            return window

        def history() -> HistoryWindow:
            window = HistoryWindow(ctx, self)
            window.case_chosen.connect(self._show_history_case)
            return window

        def escalations() -> EscalationListWindow:
            window = EscalationListWindow(ctx, self)
            window.case_chosen.connect(self.queue.select_case)
            window.list_in_queue.connect(
                lambda ids: self._show_drill_down(self.tr("督办件：待处置单位回复的督办"), ids))
            return window

        self._calendar = SingleWindow(lambda: CalendarScreen(ctx, self))
        self._statistics = SingleWindow(statistics)
        self._history = SingleWindow(history)
        self._handover = SingleWindow(lambda: HandoverWindow(ctx, self))
        self._escalations = SingleWindow(escalations)
        self._audit = SingleWindow(lambda: AuditWindow(ctx, self))

    @property
    def calendar_screen(self) -> CalendarScreen | None:
        return self._calendar.window

    @property
    def stats_window(self) -> StatsWindow | None:
        return self._statistics.window

    @property
    def history_window(self) -> HistoryWindow | None:
        return self._history.window

    @property
    def handover_window(self) -> HandoverWindow | None:
        return self._handover.window

    @property
    def escalation_window(self) -> EscalationListWindow | None:
        return self._escalations.window

    def open_calendar(self) -> None:
        """The administrator's working calendar."""
        self._calendar.open()

    def open_statistics(self) -> StatsWindow:
        """The statistics; its drill-downs fill the queue."""
        window, new = self._statistics.open()
        if new:
            window.refresh()
        return window

    def open_history(self) -> HistoryWindow:
        """The history search; a chosen case shows in the detail."""
        window, _ = self._history.open()
        window.text.setFocus()
        window.text.selectAll()
        return window

    def open_handover(self) -> HandoverWindow:
        """The hand-over sheets (交接班)."""
        return self._handover.open()[0]

    def _handover_topics(self, topics: frozenset[str]) -> None:
        window = self._handover.window
        if "handover" in topics and window is not None:
            window.refresh()

    def show_open_escalations(self) -> EscalationListWindow:
        """The 督办 list: escalations waiting for the unit's reply with their age, the
        longest-waiting first (a unit sees its own)."""
        window, _ = self._escalations.open()
        window.refresh()
        return window

    def _show_history_case(self, case_id: int) -> None:
        self.detail.show_case(case_id)
        self.detail_dock.raise_()

    def show_awaiting_revisit(self) -> None:
        """The acceptor's call list in the queue: closed citizens' reports to call back."""
        ws = self._ctx.ws

        def listed(ids: list[int]) -> None:
            self._show_drill_down(self.tr("待回访：近 7 天结案、尚未回访的市民上报"), ids)

        self._ctx.ops.run(lambda: ws.awaiting_revisit(7), listed,
                          lambda message, _exc: self.show_error(message),
                          description="awaiting revisit", owner=self)  # fmt: skip

    def _show_drill_down(self, title: str, case_ids: list[int]) -> None:
        self.queue.show_drill_down(title, case_ids)
        self.activateWindow()  # the queue gets the keys (Esc closes the drill-down)

    def _center_map_on(self, case_id: int) -> None:
        if case_id >= 0:
            self.map.center_on_case(case_id)

    def _cell_clicked(self, code: str) -> None:
        """A cell on the map: filter the queue to it and say what the cell is."""
        self.queue.set_cell_filter(code)
        self.map_ctl.cell_summary(code, self._show_cell)

    def _show_cell(self, cell: CellSummary) -> None:
        supervisor = cell.supervisor_name or self.tr("无")
        self.statusBar().showMessage(
            self.tr("网格 %1 · %2 %3 · 监督员 %4 · 在办 %5 件（超期 %6 件）")
            .replace("%1", cell.code).replace("%2", cell.street_name)
            .replace("%3", cell.community_name).replace("%4", supervisor)
            .replace("%5", str(cell.open_cases)).replace("%6", str(cell.overdue_cases)),
            30_000,
        )  # fmt: skip

    def _select_supervisor_code(self, code: str) -> None:
        for username, supervisor in self._ctx.ws.reference.supervisors.items():
            if supervisor.code == code:
                self.supervisors.select_supervisor(username)
                self.supervisor_dock.raise_()
                return

    def _attention_count(self, count: int) -> None:
        title = self.tr("提醒中心")
        counted = self.tr("%1（%2）").replace("%1", title).replace("%2", str(count))
        self.reminder_dock.setWindowTitle(counted if count else title)

    def _focus_search(self) -> None:
        self.queue.search.setFocus()
        self.queue.search.selectAll()

    def _wire(self) -> None:
        q, d, r, a, f = self.queue, self.detail, self.reminders, self.actions, self.follower
        q.current_case_changed.connect(d.show_case)
        q.current_case_changed.connect(self.presence.show_case)
        q.selection_changed.connect(a.set_selection)
        q.cases_loaded.connect(r.set_cases)
        a.cases_updated.connect(q.apply_changes)
        a.cases_updated.connect(d.on_cases_changed)
        a.cases_updated.connect(r.on_cases_changed)
        d.action_requested.connect(lambda action, case_id: a.trigger(action, [case_id]))
        r.case_activated.connect(q.select_case)
        r.remind_requested.connect(lambda case_id: a.trigger("remind", [case_id]))
        q.current_case_changed.connect(r.mark_seen)
        r.attention_count_changed.connect(self._attention_count)
        f.cases_changed.connect(q.apply_changes)
        f.cases_changed.connect(d.on_cases_changed)
        f.cases_changed.connect(r.on_cases_changed)
        f.cases_changed.connect(a.on_cases_changed)
        d.merge_requested.connect(a.merge)
        d.case_link_activated.connect(q.select_case)
        f.reload_needed.connect(q.reload)
        f.reference_changed.connect(q.reload)
        f.reference_changed.connect(self.calendar_notice.refresh)
        f.cases_hidden.connect(q.forget_cases)
        f.topics_changed.connect(self.supervisors.on_topics)
        f.topics_changed.connect(r.on_topics)  # another console acknowledged or snoozed
        f.topics_changed.connect(self._handover_topics)
        # The map follows the queue: same cases, same selection.
        m, mc, b = self.map, self.map_ctl, self.supervisors
        q.cases_loaded.connect(self._cases_loaded)
        a.cases_updated.connect(m.apply_case_changes)
        f.cases_changed.connect(m.apply_case_changes)
        q.current_case_changed.connect(self._center_map_on)
        m.case_clicked.connect(q.select_case)
        m.cell_clicked.connect(self._cell_clicked)
        m.area_selected.connect(q.set_area_filter)
        m.supervisor_clicked.connect(self._select_supervisor_code)
        b.center_requested.connect(m.center_on)
        b.supervisors_loaded.connect(m.set_supervisors)
        f.topics_changed.connect(lambda topics: "supervisor" in topics and mc.load_field())
        if self.simulation is not None:
            self.simulation.error.connect(self.show_error)
            self.simulation.stats_changed.connect(
                lambda text: self.statusBar().showMessage(text, 5000)
            )
        self._ctx.ops.error.connect(self.show_error)

    def start(self) -> None:
        # From the event loop, not the constructor: the window paints before any query.
        QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        if self.first_use:  # now at its real (maximised) size: the default proportions
            self.layout_store.proportion()
        # The keyboard starts in the queue, on its first (newest) case once loaded.
        self.activateWindow()
        self.queue.table.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        # The queue first, alone: the map's grid, the board and the follower would share
        # the interpreter with its load and delay its first rows (2.7 → 1.x s on a
        # million cases, docs/benchmarks.md). They start once its rows are on the screen,
        # or once it has nothing to show.
        self.queue.table.rows_painted.connect(self._start_panels)
        self.queue.loading_changed.connect(
            lambda loading: loading or self.queue.model.rowCount() or self._start_panels()
        )
        self.queue.reload()
        self.calendar_notice.refresh()

    def _start_panels(self) -> None:
        if self._panels_started:
            return
        self._panels_started = True
        self.follower.start(self.queue.feed_cursor)  # from the queue's snapshot: nothing missed
        self.supervisors.start()
        self.map_ctl.start()
        if self._early_cases is not None:
            self.map.set_cases(self._early_cases)
            self._early_cases = None
        self._minute = QTimer(self)
        self._minute.timeout.connect(self.map.refresh)
        self._minute.start(60_000)

    def _cases_loaded(self, rows: list[CaseSummary]) -> None:
        """The queue's cases, for the map: kept until the map starts."""
        if self._panels_started:
            self.map.set_cases(rows)
        else:
            self._early_cases = rows

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    # -- layout ----------------------------------------------------------------------------

    def save_layout(self) -> None:
        self.layout_store.save()

    def _layout_menu(self, view: QMenu) -> None:
        """视图 → 布局: the role's layout saved, restored; the default back."""
        menu = view.addMenu(self.tr("布局"))
        menu.setObjectName("layoutMenu")
        role = role_label(self._ctx.role)
        save = menu.addAction(self.tr("保存为%1的布局").replace("%1", role))
        save.setObjectName("action_save_role_layout")
        save.triggered.connect(self._save_role_layout)
        restore = menu.addAction(self.tr("恢复%1的布局").replace("%1", role))
        restore.setObjectName("action_restore_role_layout")
        restore.triggered.connect(self._restore_role_layout)
        reset = menu.addAction(self.tr("恢复默认布局"))
        reset.setObjectName("action_reset_layout")
        reset.triggered.connect(self.layout_store.reset)

    def _save_role_layout(self) -> None:
        self.layout_store.save_for_role()
        text = self.tr("已保存为%1的布局：本角色的新账号从此布局开始")
        self.statusBar().showMessage(text.replace("%1", role_label(self._ctx.role)), 10_000)

    def _restore_role_layout(self) -> None:
        if not self.layout_store.restore_role():
            self.statusBar().showMessage(
                self.tr("%1还没有保存的布局").replace("%1", role_label(self._ctx.role)), 10_000)

    # -- ending the session --------------------------------------------------------------

    def unsaved_dialogs(self) -> list[ActionDialog]:
        """Open action dialogs holding input that closing would lose."""
        return [d for d in self.findChildren(ActionDialog) if d.has_unsaved_input()]

    def quit(self) -> None:
        """Ctrl+Q: always asked (one key must not end a shift's window)."""
        text = self.tr("退出网格化指挥调度工作站？")
        if self.unsaved_dialogs():
            text += "\n" + self.tr("对话框中有尚未提交的内容，退出后将丢失。")
        self._ask(self.tr("退出"), text, self.tr("退出"), lambda: self._end(switch_user=False))

    def switch_user(self) -> None:
        """Ctrl+Shift+L: save this person's layout, close, and show the login again."""
        if self.unsaved_dialogs():
            self._ask(self.tr("注销"),
                      self.tr("对话框中有尚未提交的内容，注销后将丢失。仍要注销吗？"),
                      self.tr("注销"), lambda: self._end(switch_user=True))  # fmt: skip
        else:
            self._end(switch_user=True)

    def _ask(self, title: str, text: str, yes: str, then: Callable[[], None]) -> None:
        self.question = ask(self, title, text, yes, then)

    def _end(self, *, switch_user: bool) -> None:
        self._close_confirmed = True
        self._switch_user = switch_user
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # The window's close button and Alt+F4 ask only when typed input would be lost.
        if not self._close_confirmed and self.unsaved_dialogs():
            event.ignore()
            self._ask(self.tr("关闭"),
                      self.tr("对话框中有尚未提交的内容，关闭后将丢失。仍要关闭吗？"),
                      self.tr("关闭"), lambda: self._end(switch_user=False))  # fmt: skip
            return
        self.save_layout()
        self.follower.stop()
        self.presence.stop()
        self.supervisors.stop()
        if self.simulation is not None:
            self.simulation.stop()
        self._ctx.ws.clock = self._base_clock
        for dialog in self.findChildren(ActionDialog):
            dialog.done(0)
        super().closeEvent(event)
        self.ended.emit(self._switch_user)
