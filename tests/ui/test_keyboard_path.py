"""Acceptance: a supervisor's report goes from "new" to "dispatched to the recommended unit"
with the keyboard alone, in at most 6 key presses, in a real main window on SQLite.

The shift leader (值班长) is the role whose shift both files (立案 is the leader's alone in
`lifecycle.RULES`) and dispatches. Waiting between keys is allowed (a person reads the
screen too); only key events reach the window, sent to whatever widget has the focus.
"""

from __future__ import annotations

from datetime import timedelta

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from workstation.domain.lifecycle import CaseState

MAX_KEYS = 6


def _report(ws, description: str, **fields):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    return ws.report(
        ws.actor("jdy001"),
        description=description,
        lon=cell.lon,
        lat=cell.lat,
        category_code="E0102",
        **fields,
    )


def test_new_report_to_dispatched_in_at_most_six_keys(qtbot, ws, ctx_for, qsettings) -> None:
    # An older case waits in the queue too: the path must pick the new report, not just any.
    older = _report(ws, "人行道乱堆物料", reported_at=ws.clock() - timedelta(hours=2))
    new = _report(ws, "路口暴露垃圾")
    expected = ws.recommend(new.id)  # what the dialog will show (the clock is fixed)

    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    queue, actions = window.queue, window.actions
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)

    keys: list[str] = []

    def press(key: Qt.Key) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None, "the keyboard path lost the focus"
        qtbot.keyClick(widget, key)
        keys.append(Qt.Key(key).name)

    def dialog_active(name: str) -> bool:
        # Opened and activated by the window system (asynchronous), as a person sees it.
        dialog = actions.dialog
        return (
            dialog is not None
            and dialog.is_open()
            and dialog.objectName() == name
            and QApplication.activeWindow() is dialog
        )

    # The window opens with the focus in the search field: Tab goes to the table, whose
    # current row becomes the first one (the newest report: the queue is newest first)
    # without selecting it; Space selects it. (Home would not: it moves nowhere from row 0.)
    if QApplication.focusWidget() is not queue.table:
        press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is queue.table
    if not queue.selected_cases():
        press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: [c.id for c in actions.selection] == [new.id])
    qtbot.waitUntil(lambda: actions.actions["file"].isEnabled())

    press(Qt.Key.Key_F2)  # 立案: the report's category and grid are prefilled
    qtbot.waitUntil(lambda: dialog_active("fileDialog"))
    file_dialog = actions.dialog
    assert file_dialog.picker.current_code() == "E0102"
    with qtbot.waitSignal(actions.cases_updated, timeout=10_000):
        press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _closed(file_dialog))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # back to the queue
    assert QApplication.focusWidget() is queue.table
    assert ws.load_case(new.id)[0].state is CaseState.FILED
    qtbot.waitUntil(lambda: actions.actions["dispatch"].isEnabled())

    press(Qt.Key.Key_F3)  # 派遣: the recommended unit is preselected
    qtbot.waitUntil(lambda: dialog_active("dispatchDialog"))
    dispatch_dialog = actions.dialog
    qtbot.waitUntil(lambda: dispatch_dialog.recommendation is not None, timeout=10_000)
    assert dispatch_dialog.picker.current_unit().code == expected.unit_code
    with qtbot.waitSignal(actions.cases_updated, timeout=10_000):
        press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _closed(dispatch_dialog))

    assert len(keys) <= MAX_KEYS, keys
    case, _, events = ws.load_case(new.id)
    assert case.state is CaseState.DISPATCHED
    assert case.unit_code == expected.unit_code
    assert case.deadline == expected.deadline
    assert case.handling_limit == expected.limit
    assert events[-1].payload["reason"] == expected.reason
    assert ws.load_case(older.id)[0].state is CaseState.REPORTED  # untouched
    # The queue shows it at once and the status bar confirms it in words.
    row = queue.model.case_at(queue.model.row_of(new.id))
    assert row.state == "dispatched"
    assert row.unit_name == expected.unit_name
    message = window.statusBar().currentMessage()
    assert message == (
        f"案件 {new.case_no} 已派遣至 {expected.unit_name}，期限 {expected.deadline:%m-%d %H:%M}"
    )
    print(f"keyboard path: {len(keys)} keys: {' '.join(keys)}")


def _closed(dialog) -> bool:
    """Hidden, or already deleted (dialogs delete themselves on close)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()
