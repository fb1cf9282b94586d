"""Each person has their own session: log out / switch user, quit with confirmation, and
closing never silently loses what was typed in a dialog. From the real login."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from ui.session import Session

from support.world import PASSWORD


def _press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def _answer(qtbot, window, name: str) -> None:
    qtbot.waitUntil(lambda: window.question is not None and window.question.isVisible())
    window.question.findChild(QPushButton, name).click()


def _login(qtbot, session: Session, username: str):
    login = session.login
    qtbot.waitUntil(login.isVisible)
    assert login.username.text() == ""  # the next person starts from an empty form
    login.username.setText(username)
    login.password.setText(PASSWORD)
    with qtbot.waitSignal(session.window_opened, timeout=10_000) as opened:
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    return opened.args[0]


def test_switch_user_hands_the_console_to_the_next_person(qtbot, ws, ops, qsettings) -> None:
    session = Session(ws, ops, demo=True, settings=qsettings)
    session.start(prefill=False)
    leader = _login(qtbot, session, "leader")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is leader.queue.table)
    leader.queue.search.setText("井盖")
    _press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
           | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: session.window is None and session.login.isVisible())
    qtbot.waitUntil(lambda: not shiboken6.isValid(leader))  # gone, not just hidden

    dispatcher = _login(qtbot, session, "dispatcher")
    assert dispatcher.windowTitle().endswith("（派遣员）（演示模式）")
    assert dispatcher.queue.search.text() == ""  # not the leader's search
    dispatcher.switch_user()
    again = _login(qtbot, session, "leader")
    assert again.queue.search.text() == "井盖"  # the leader's own, kept for them
    again._end(switch_user=False)


def test_quit_asks_first(qtbot, ws, ops, qsettings) -> None:
    session = Session(ws, ops, demo=True, settings=qsettings)
    session.start(prefill=False)
    window = _login(qtbot, session, "leader")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.queue.table)
    _press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    _answer(qtbot, window, "confirmNo")
    qtbot.wait(50)
    assert window.isVisible()
    assert session.window is window
    _press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(session.finished, timeout=5_000):
        _answer(qtbot, window, "confirmYes")
    assert session.window is None


def test_closing_with_typed_dialog_input_asks(qtbot, ws, ops, qsettings) -> None:
    session = Session(ws, ops, demo=True, settings=qsettings)
    session.start(prefill=False)
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    case = ws.report(ws.actor("jdy001"), description="路口暴露垃圾", lon=cell.lon, lat=cell.lat,
                     category_code="E0102")  # fmt: skip
    window = _login(qtbot, session, "leader")
    queue, actions = window.queue, window.actions
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=10_000)
    queue.select_case(case.id)
    qtbot.waitUntil(lambda: actions.actions["note"].isEnabled())
    actions.actions["note"].trigger()
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible())
    dialog = actions.dialog
    assert not dialog.has_unsaved_input()
    with qtbot.waitSignal(session.finished, timeout=5_000):
        window.close()  # nothing typed yet: closes without a question

    session.start(prefill=False)
    window = _login(qtbot, session, "leader")
    actions = window.actions
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=10_000)
    window.queue.select_case(case.id)
    qtbot.waitUntil(lambda: actions.actions["note"].isEnabled())
    actions.actions["note"].trigger()
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible())
    dialog = actions.dialog
    dialog.text.insert("已电话通知城管中队")
    assert dialog.has_unsaved_input()
    # Alt+F4 on the dialog: asked, kept on 取消.
    dialog.close()
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    dialog.question.findChild(QPushButton, "confirmNo").click()
    assert dialog.isVisible()
    # The main window's close: asked too; 取消 keeps both.
    window.close()
    _answer(qtbot, window, "confirmNo")
    assert window.isVisible()
    assert dialog.isVisible()
    window.close()
    with qtbot.waitSignal(session.finished, timeout=5_000):
        _answer(qtbot, window, "confirmYes")
    assert len(ws.load_case(case.id)[2]) == 1  # nothing was recorded on the way out


def test_the_menus_open_the_hand_over_and_the_escalation_list(qtbot, ws, log_in) -> None:
    from support.world import dispatched_case

    waiting = dispatched_case(ws, ws.clock())
    answered = dispatched_case(ws, ws.clock())
    for case in (waiting, answered):
        ws.act(ws.actor("dispatcher"), case.id, "escalate", {"reason": "请今日处置完毕"})
    staff = ws.actor((answered.unit or "").lower())  # the handling unit's account
    ws.act(staff, answered.id, "escalation_reply", {"reply": "已安排人员处置"})
    window = log_in("leader")
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 2, timeout=10_000)

    window.findChild(QAction, "action_handover").trigger()
    qtbot.waitUntil(lambda: window.handover_window is not None
                    and window.handover_window.isVisible())  # fmt: skip
    window.handover_window.close()

    window.findChild(QAction, "action_escalation_list").trigger()
    listing = window.escalation_window
    qtbot.waitUntil(lambda: listing.table.rowCount() == 1, timeout=10_000)  # not the answered
    assert listing.table.item(0, 0).text() == waiting.case_no
    assert listing.table.item(0, 4).text()  # its age
    listing.queue_button.click()
    queue = window.queue
    qtbot.waitUntil(lambda: queue.drill_down is not None and not queue._loading, timeout=10_000)
    assert queue.drill_down.case_ids == {waiting.id}  # answered escalations are not listed
    assert "督办件" in queue.drill_chip.findChild(QLabel).text()


def _tabbed_with(window, dock) -> set[str]:
    return {d.objectName() for d in window.tabifiedDockWidgets(dock)}


def test_first_use_is_maximised_with_room_for_queue_detail_and_reminders(
    qtbot, ws, ops, qsettings
) -> None:
    session = Session(ws, ops, demo=True, settings=qsettings)
    session.start(prefill=False)
    window = _login(qtbot, session, "dispatcher")
    assert window.first_use
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowMaximized))
    # The queue at full height; the detail above the reminder centre on the right; the
    # map and the board one tab away from the reminders, which are raised.
    assert window.dockWidgetArea(window.detail_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.reminder_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert _tabbed_with(window, window.reminder_dock) == {"mapDock", "supervisorDock"}
    assert window.tabifiedDockWidgets(window.detail_dock) == []
    qtbot.waitUntil(lambda: not window.reminder_dock.visibleRegion().isEmpty())
    assert window.map_dock.visibleRegion().isEmpty()  # behind the reminder tab
    height = window.centralWidget().height
    assert height() > 0.8 * window.height()
    qtbot.waitUntil(lambda: window.detail_dock.height() > 0.35 * height())  # laid out
    assert window.reminder_dock.height() > 0.35 * height()

    window.switch_user()
    again = _login(qtbot, session, "dispatcher")
    assert not again.first_use  # their own layout now
    again._end(switch_user=False)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # a floating dock, offscreen
def test_a_role_layout_is_saved_restored_and_reset(qtbot, ws, ops, qsettings) -> None:
    from support.accounts import add_account

    add_account(ws, "leader2")
    session = Session(ws, ops, demo=True, settings=qsettings)
    session.start(prefill=False)
    leader = _login(qtbot, session, "leader")
    leader.map_dock.raise_()  # the leader watches the field
    leader.supervisor_dock.setFloating(True)
    leader.findChild(QAction, "action_save_role_layout").trigger()
    assert "值班长的布局" in leader.statusBar().currentMessage()
    leader.switch_user()

    other = _login(qtbot, session, "leader2")  # no layout of their own: the role's
    assert not other.first_use
    assert other.supervisor_dock.isFloating()
    qtbot.waitUntil(other.supervisor_dock.isVisible)
    qtbot.wait(100)
    other.findChild(QAction, "action_reset_layout").trigger()
    assert not other.supervisor_dock.isFloating()
    assert _tabbed_with(other, other.reminder_dock) == {"mapDock", "supervisorDock"}
    other.findChild(QAction, "action_restore_role_layout").trigger()
    assert other.supervisor_dock.isFloating()
    other.switch_user()

    dispatcher = _login(qtbot, session, "dispatcher")  # another role: not the leader's
    assert dispatcher.first_use
    assert not dispatcher.supervisor_dock.isFloating()
    dispatcher.switch_user()

    # The leader's own layout (maximised, a dock floating) comes back, and resets.
    leader = _login(qtbot, session, "leader")
    assert leader.supervisor_dock.isFloating()
    qtbot.waitUntil(leader.supervisor_dock.isVisible)
    leader.findChild(QAction, "action_reset_layout").trigger()
    assert not leader.supervisor_dock.isFloating()
    leader._end(switch_user=False)
