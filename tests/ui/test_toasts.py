"""Toasts stack in the queue's bottom-left corner, never over the detail or the reminder
dock, and collapse into one line ("另有 N 条提醒") when many arrive."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTableView

from ui.notifications import MAX_TOASTS, ToastManager
from ui.panels.reminders import ReminderPanel
from workstation.services.attention import AttentionItem, Kind, Severity

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def window(qtbot):
    """The main window's layout: the queue in the centre, the detail and the reminder
    centre docked on the right (one above the other), a board along the bottom."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QTableView(window))
    docks = {}
    for name, area in (("detailDock", Qt.DockWidgetArea.RightDockWidgetArea),
                       ("reminderDock", Qt.DockWidgetArea.RightDockWidgetArea),
                       ("boardDock", Qt.DockWidgetArea.BottomDockWidgetArea)):  # fmt: skip
        dock = QDockWidget(name, window)
        dock.setObjectName(name)
        dock.setWidget(QLabel(name))
        window.addDockWidget(area, dock)
        docks[name] = dock
    window.splitDockWidget(docks["detailDock"], docks["reminderDock"], Qt.Orientation.Vertical)
    window.resize(1400, 900)
    window.statusBar().showMessage("就绪")
    window.show()
    qtbot.waitExposed(window)
    window.resizeDocks([docks["detailDock"]], [560], Qt.Orientation.Horizontal)
    window.resizeDocks([docks["boardDock"]], [200], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: docks["detailDock"].width() >= 500)
    window.docks = docks
    return window


def _show(manager: ToastManager, n: int) -> None:
    for i in range(n):
        manager.show_toast(
            i + 1, 3, "超", f"处置超期  2026112500{i:02d}", "井盖破损", "超期 5 分钟"
        )


def _assert_clear_of_docks(window: QMainWindow, manager: ToastManager) -> None:
    central = window.centralWidget().geometry()
    widgets = [t for t in manager.toasts if t.isVisible()]
    if manager.collapsed_line is not None:
        widgets.append(manager.collapsed_line)
    for widget in widgets:
        assert central.contains(widget.geometry()), widget.geometry()
        for dock in window.docks.values():
            assert not widget.geometry().intersects(dock.geometry()), dock.objectName()


def test_many_toasts_stack_in_the_queues_corner_and_collapse(qtbot, window) -> None:
    manager = ToastManager(lambda: window, window)
    _show(manager, 10)
    visible = [t for t in manager.toasts if t.isVisible()]
    assert len(visible) == MAX_TOASTS
    assert [t.body_text for t in visible] == ["井盖破损"] * MAX_TOASTS
    assert visible[-1].heading_text.endswith("09")  # the newest, nearest the corner
    central = window.centralWidget().geometry()
    assert visible[-1].geometry().left() < central.center().x()  # bottom-left
    assert visible[-1].geometry().bottom() > central.center().y()
    assert manager.collapsed == 10 - MAX_TOASTS
    line = manager.collapsed_line
    assert line is not None
    assert line.label.text() == "另有 7 条提醒，点击查看提醒中心"
    _assert_clear_of_docks(window, manager)

    # the docks grow: the stack stays out of them, with fewer toasts if need be
    height, board = visible[-1].height(), window.docks["boardDock"]
    room = window.centralWidget().height() + board.height()
    window.resizeDocks([board], [room - 2 * height - 60], Qt.Orientation.Vertical)
    window.resizeDocks([window.docks["detailDock"]], [900], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.centralWidget().height() < 3 * height)
    _assert_clear_of_docks(window, manager)
    assert 1 <= len([t for t in manager.toasts if t.isVisible()]) < MAX_TOASTS
    assert manager.collapsed > 10 - MAX_TOASTS

    with qtbot.waitSignal(manager.activated) as activated:  # opens the reminder centre
        qtbot.mouseClick(manager.collapsed_line, Qt.MouseButton.LeftButton, pos=QPoint(20, 8))
    assert activated.args == [-1]
    assert manager.collapsed == 0
    assert manager.collapsed_line is None


def test_a_burst_of_reminders_shows_a_few_toasts_and_counts_the_rest(qtbot, ws, ctx_for,
                                                                      window) -> None:  # fmt: skip
    panel = ReminderPanel(ctx_for("dispatcher"))
    window.docks["reminderDock"].setWidget(panel)
    items = [AttentionItem(Kind.OVERDUE, n, f"N{n}", "井盖破损", "handling", Severity.CRITICAL,
                           NOW - timedelta(minutes=n), due=NOW - timedelta(minutes=n),
                           stamp=str(n)) for n in range(1, 13)]  # fmt: skip
    with qtbot.waitSignal(panel.notified):
        panel._notify(items, NOW)
    toasts = panel.notifier.toasts
    assert len(toasts) <= MAX_TOASTS
    assert panel.notifier.collapsed == len(items) - len(toasts)
    assert all(t.parent() is window for t in toasts)
    _assert_clear_of_docks(window, panel.notifier)
