"""Acceptance: the whole closed loop driven through the GUI on a real SQLite file.

A report arrives from another thread (as from the field gateway), appears in the queue;
the shift leader files it and dispatches it to the recommended unit in the window; the
unit's feedback arrives from outside; the dispatcher sends it for check in the window; the
supervisor's check passes from outside; the case is closed. After each step both the
view and the database are checked.
"""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.models.case_table import CaseRole


def _from_another_thread(fn):
    """Run a service call on its own thread (another workstation, the field, a unit)."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(fn()))
    thread.start()
    thread.join(timeout=30)
    assert result, "the call from the other thread did not finish"
    return result[0]


def _row_state(queue, case_id: int) -> str | None:
    row = queue.model.row_of(case_id)
    return None if row is None else queue.model.case_at(row).state


def _stored_state(ws, case_id: int) -> str:
    case, _, _ = ws.load_case(case_id)
    return case.state.value


def _accept_dialog(qtbot, actions) -> None:
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible()
                    and QApplication.activeWindow() is actions.dialog, timeout=10_000)  # fmt: skip
    dialog = actions.dialog
    with qtbot.waitSignal(actions.cases_updated, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def test_report_to_close_through_the_window(qtbot, ws, ctx_for, qsettings) -> None:
    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    queue, actions = window.queue, window.actions
    qtbot.waitUntil(lambda: window.follower.cursor is not None, timeout=10_000)

    # 1. A supervisor's report arrives from outside and appears in the queue.
    ref = ws.reference
    cell = ref.cells[ref.supervisors["jdy001"].patrol_cells[0]]
    report = _from_another_thread(lambda: ws.report(
        ws.actor("jdy001"), description="路口井盖破损", lon=cell.lon, lat=cell.lat,
        category_code="E0102"))  # fmt: skip
    qtbot.waitUntil(lambda: _row_state(queue, report.id) == "reported", timeout=10_000)
    assert _stored_state(ws, report.id) == "reported"

    # 2. The shift leader files it (F2, the category is prefilled, Enter).
    assert queue.select_case(report.id)
    qtbot.waitUntil(lambda: [c.id for c in actions.selection] == [report.id])
    qtbot.waitUntil(lambda: actions.actions["file"].isEnabled())
    actions.actions["file"].trigger()
    _accept_dialog(qtbot, actions)
    qtbot.waitUntil(lambda: _row_state(queue, report.id) == "filed")
    assert _stored_state(ws, report.id) == "filed"

    # 3. … and dispatches it to the recommended unit (F3, Enter accepts the recommendation).
    recommended = ws.recommend(report.id)
    qtbot.waitUntil(lambda: actions.actions["dispatch"].isEnabled())
    actions.actions["dispatch"].trigger()
    _accept_dialog(qtbot, actions)
    qtbot.waitUntil(lambda: _row_state(queue, report.id) == "dispatched")
    stored, _, events = ws.load_case(report.id)
    assert (stored.state.value, stored.unit_code) == ("dispatched", recommended.unit_code)
    assert stored.deadline == recommended.deadline
    row = queue.model.case_at(queue.model.row_of(report.id))
    assert row.unit_name == recommended.unit_name

    # 4. The unit's feedback arrives from outside: the row follows within the feed's poll.
    unit = ws.actor(recommended.unit_code.lower())
    _from_another_thread(lambda: ws.act(unit, report.id, "feedback", {"result": "已修复"}))
    qtbot.waitUntil(lambda: _row_state(queue, report.id) == "awaiting_check", timeout=10_000)
    assert _stored_state(ws, report.id) == "awaiting_check"
    assert [c.id for c in queue.selected_cases()] == [report.id]  # the selection stayed

    # 5. The dispatcher sends it for check to the grid's supervisor.
    qtbot.waitUntil(lambda: actions.actions["send_for_check"].isEnabled(), timeout=10_000)
    actions.actions["send_for_check"].trigger()
    _accept_dialog(qtbot, actions)
    stored, _, _ = ws.load_case(report.id)
    assert stored.check_supervisor == "jdy001"

    # 6. The supervisor's check passes on site: the case is closed, and shows so.
    _from_another_thread(lambda: ws.act(ws.actor("jdy001"), report.id, "check_pass"))
    qtbot.waitUntil(lambda: _row_state(queue, report.id) == "closed", timeout=10_000)
    stored, _, events = ws.load_case(report.id)
    assert stored.state.value == "closed"
    assert stored.check_passed
    assert [e.action.value for e in events] == [
        "report", "file", "dispatch", "feedback", "send_for_check", "check_pass"
    ]  # fmt: skip
    index = queue.proxy.mapFromSource(queue.model.index(queue.model.row_of(report.id), 0))
    assert index.data(CaseRole).state_label == "已结案"
