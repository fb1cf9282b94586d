"""Acceptance: the keyboard path, in the real main window, after a real login.

The window is opened the way `workstation` opens it (`ui.session.Session`: the login
dialog, then the main window); every key after the login goes to whatever widget has
the focus at that moment, as a person's keys do, and is counted. Waiting between keys is
allowed (a person reads the screen too).

The shift leader (值班长) both files (立案 is the leader's alone in `lifecycle.RULES`) and
dispatches; the dispatcher (派遣员) dispatches what the leader filed.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from ui.panels.queue import NEXT_NEW_KEY
from workstation.domain.lifecycle import CaseState, Source

LEADER_KEYS = 5  # Space, F2, Enter, F3, Enter
DISPATCHER_KEYS = 4  # Ctrl+4 (待派遣), Space, F3, Enter


def _report(ws, description: str, reporter: str = "jdy001", **fields):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    return ws.report(ws.actor(reporter), description=description, lon=cell.lon, lat=cell.lat,
                     category_code="E0102", **fields)  # fmt: skip


class Keyboard:
    """Keys sent to the focused widget, counted; fails when nothing has the focus."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.keys: list[str] = []

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        widget = QApplication.focusWidget()
        self.qtbot.keyClick(widget, key, modifier)
        self.keys.append(Qt.Key(key).name)


def _dialog_active(actions, name: str) -> bool:
    # Opened and activated by the window system (asynchronous), as a person sees it.
    dialog = actions.dialog
    return (dialog is not None and dialog.is_open() and dialog.objectName() == name
            and QApplication.activeWindow() is dialog)  # fmt: skip


def _closed(dialog) -> bool:
    """Hidden, or already deleted (dialogs delete themselves on close)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _file_and_dispatch(qtbot, window, keyboard: Keyboard, case_id: int, ws):
    """F2, Enter, F3, Enter on the selected case; returns the recommendation shown."""
    actions, queue = window.actions, window.queue
    qtbot.waitUntil(lambda: actions.actions["file"].isEnabled())
    keyboard.press(Qt.Key.Key_F2)  # 立案: the report's category and grid are prefilled
    qtbot.waitUntil(lambda: _dialog_active(actions, "fileDialog"))
    file_dialog = actions.dialog
    assert [c.id for c in file_dialog.cases] == [case_id]
    assert file_dialog.picker.current_code() == "E0102"
    with qtbot.waitSignal(actions.cases_updated, timeout=10_000):
        keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _closed(file_dialog))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.table)  # back to the queue
    assert ws.load_case(case_id)[0].state is CaseState.FILED
    expected = ws.recommend(case_id)
    _dispatch(qtbot, window, keyboard, case_id)
    return expected


def _dispatch(qtbot, window, keyboard: Keyboard, case_id: int) -> None:
    actions = window.actions
    qtbot.waitUntil(lambda: actions.actions["dispatch"].isEnabled())
    keyboard.press(Qt.Key.Key_F3)  # 派遣: the recommended unit is preselected
    qtbot.waitUntil(lambda: _dialog_active(actions, "dispatchDialog"))
    dispatch_dialog = actions.dialog
    assert [c.id for c in dispatch_dialog.cases] == [case_id]
    qtbot.waitUntil(lambda: dispatch_dialog.recommendation is not None, timeout=10_000)
    with qtbot.waitSignal(actions.cases_updated, timeout=10_000):
        keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _closed(dispatch_dialog))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.queue.table)


def test_leader_takes_the_newest_report_to_dispatched_from_the_login(qtbot, ws, log_in) -> None:
    older = _report(ws, "人行道乱堆物料", reported_at=ws.clock() - timedelta(hours=2))
    new = _report(ws, "路口暴露垃圾")
    window = log_in("leader")
    queue, actions = window.queue, window.actions
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)
    # Where the keyboard is after login: the queue, resting on the newest case.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.table)
    assert queue.current_case().id == new.id
    assert queue.selected_cases() == []  # nothing is acted on before the person says so

    keyboard = Keyboard(qtbot)
    keyboard.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: [c.id for c in actions.selection] == [new.id])
    expected = _file_and_dispatch(qtbot, window, keyboard, new.id, ws)

    assert len(keyboard.keys) <= LEADER_KEYS, keyboard.keys
    case, _, events = ws.load_case(new.id)
    assert case.state is CaseState.DISPATCHED
    assert case.unit_code == expected.unit_code
    assert case.deadline == expected.deadline
    assert events[-1].payload["reason"] == expected.reason
    assert ws.load_case(older.id)[0].state is CaseState.REPORTED  # untouched
    row = queue.model.case_at(queue.model.row_of(new.id))
    assert row.state == "dispatched"
    assert window.statusBar().currentMessage() == (
        f"案件 {new.case_no} 已派遣至 {expected.unit_name}，期限 {expected.deadline:%m-%d %H:%M}"
    )


def test_a_report_arriving_live_is_one_key_away(qtbot, ws, log_in) -> None:
    first = _report(ws, "人行道乱堆物料", reported_at=ws.clock() - timedelta(hours=2))
    second = _report(ws, "绿地内暴露垃圾", reported_at=ws.clock() - timedelta(hours=1))
    window = log_in("leader")
    queue, actions = window.queue, window.actions
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.table)
    keyboard = Keyboard(qtbot)
    keyboard.press(Qt.Key.Key_Down)  # the dispatcher is looking at an older case
    assert queue.current_case().id == first.id

    live = _report(ws, "路口暴露垃圾")  # from the field, while the window is open
    qtbot.waitUntil(lambda: queue.model.row_of(live.id) is not None, timeout=10_000)
    assert queue.current_case().id == first.id  # the cursor stays where the person is
    assert queue.model.unseen_count() == 1

    keyboard.keys.clear()
    keyboard.press(getattr(Qt.Key, f"Key_{NEXT_NEW_KEY}"))  # N: the highlighted new report
    qtbot.waitUntil(lambda: [c.id for c in actions.selection] == [live.id])
    assert queue.current_case().id == live.id
    assert queue.model.unseen_count() == 0
    _file_and_dispatch(qtbot, window, keyboard, live.id, ws)
    assert len(keyboard.keys) <= LEADER_KEYS, keyboard.keys
    assert ws.load_case(live.id)[0].state is CaseState.DISPATCHED
    assert ws.load_case(second.id)[0].state is CaseState.REPORTED


def test_dispatcher_dispatches_what_the_leader_filed(qtbot, ws, log_in) -> None:
    waiting = _report(ws, "人行道乱堆物料", reported_at=ws.clock() - timedelta(hours=3))
    filed = _report(ws, "路口暴露垃圾", reported_at=ws.clock() - timedelta(hours=2))
    ws.act(ws.actor("leader"), filed.id, "file", {"category_code": "E0102"})
    _report(ws, "绿地内暴露垃圾")  # newer than the filed case: first in the queue
    window = log_in("dispatcher")
    queue, actions = window.queue, window.actions
    qtbot.waitUntil(lambda: queue.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.table)

    keyboard = Keyboard(qtbot)
    keyboard.press(Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # 待派遣
    qtbot.waitUntil(lambda: queue.proxy.rowCount() == 1)
    keyboard.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: [c.id for c in actions.selection] == [filed.id])
    _dispatch(qtbot, window, keyboard, filed.id)
    assert len(keyboard.keys) <= DISPATCHER_KEYS, keyboard.keys
    assert ws.load_case(filed.id)[0].state is CaseState.DISPATCHED
    assert ws.load_case(waiting.id)[0].state is CaseState.REPORTED


# Tab reaches the filter boxes; Space opens a box's list, a popup the offscreen platform
# cannot raise or give the keyboard to.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
@pytest.mark.parametrize(
    "keys",
    [
        (Qt.Key.Key_Space,),
        (Qt.Key.Key_Return,),
        (Qt.Key.Key_Tab, Qt.Key.Key_Space),
        (Qt.Key.Key_Tab, Qt.Key.Key_Return),
        (Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Space),
        (Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Return),
        (Qt.Key.Key_Backtab, Qt.Key.Key_Space),
    ],
    ids=lambda keys: "-".join(Qt.Key(k).name.removeprefix("Key_") for k in keys),
)
def test_space_and_enter_from_the_queue_never_act_on_another_case(qtbot, ws, log_in,
                                                                  keys) -> None:  # fmt: skip
    # The measured failure: a dispatcher's queue, an older case under verification shown
    # in the detail panel with its primary button 录入核实结果, a new report selected.
    older = _report(ws, "人行道乱堆物料", reported_at=ws.clock() - timedelta(hours=2),
                    reporter="acceptor", source=Source.HOTLINE_12345)  # fmt: skip
    ws.act(ws.actor("dispatcher"), older.id, "request_verification")
    new = _report(ws, "路口暴露垃圾")
    window = log_in("dispatcher")
    queue, actions, detail = window.queue, window.actions, window.detail
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.table)
    queue.select_case(older.id)  # the detail shows the older case and its actions
    qtbot.waitUntil(lambda: "verify" in detail.action_bar.buttons, timeout=10_000)
    events_before = {cid: len(ws.load_case(cid)[2]) for cid in (older.id, new.id)}

    keyboard = Keyboard(qtbot)
    for key in keys:
        keyboard.press(key)
        qtbot.wait(50)
        focused = QApplication.focusWidget()
        assert not (isinstance(focused, QPushButton) and detail.isAncestorOf(focused)), \
            "a detail-panel button took the keyboard"  # fmt: skip
    qtbot.wait(200)
    dialog = actions.dialog
    if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
        # Whatever opened, it acts on what the queue has selected, never on another case.
        assert [c.id for c in dialog.cases] == [c.id for c in queue.selected_cases()]
        dialog.reject()
    assert {cid: len(ws.load_case(cid)[2]) for cid in events_before} == events_before


def test_tab_from_the_queue_never_reaches_a_detail_action(qtbot, ws, log_in) -> None:
    older = _report(ws, "人行道乱堆物料", reported_at=ws.clock() - timedelta(hours=2))
    _report(ws, "人行道乱堆物料 同一地点", reported_at=ws.clock() - timedelta(hours=1))
    window = log_in("leader")
    queue, detail = window.queue, window.detail
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)
    queue.select_case(older.id)  # the detail: its actions, and a duplicate to merge
    qtbot.waitUntil(lambda: "file" in detail.action_bar.buttons, timeout=10_000)
    qtbot.waitUntil(lambda: bool(detail.findChildren(QPushButton, "mergeButton")), timeout=10_000)
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        queue.table.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.table)
        reached = []
        for _ in range(60):  # every stop of the window's chain, and round again
            qtbot.keyClick(QApplication.focusWidget(), key)
            reached.append(QApplication.focusWidget())
        # (The timeline's order toggle may take the focus: it acts on no case.)
        buttons = [w.objectName() for w in reached
                   if isinstance(w, QPushButton) and detail.isAncestorOf(w)]  # fmt: skip
        assert buttons == [], f"{Qt.Key(key).name} reaches detail actions: {buttons}"
        # The queue's own stops come first, in the order they stand.
        names = [w.objectName() for w in reached[:3]]
        expected = ["queueSearch", "filterStreet", "filterCommunity"]
        if key is Qt.Key.Key_Tab:
            assert names == expected


def test_recording_a_verification_has_no_preselected_answer(qtbot, ws, log_in) -> None:
    case = _report(ws, "人行道乱堆物料", "acceptor", source=Source.HOTLINE_12345)
    ws.act(ws.actor("dispatcher"), case.id, "request_verification")
    window = log_in("dispatcher")
    queue, actions = window.queue, window.actions
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=10_000)
    keyboard = Keyboard(qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.table)
    keyboard.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: actions.actions["verify"].isEnabled())
    keyboard.press(Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _dialog_active(actions, "verifyDialog"))
    dialog = actions.dialog
    assert not dialog.confirmed.isChecked()
    assert not dialog.rejected_.isChecked()
    keyboard.press(Qt.Key.Key_Return)  # an unread Enter records nothing
    qtbot.waitUntil(lambda: "请选择核实结果" in dialog.error.text())
    assert dialog.isVisible()
    assert ws.load_case(case.id)[0].state is CaseState.VERIFYING
    dialog.reject()
