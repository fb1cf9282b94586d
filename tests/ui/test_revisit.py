"""回访 from the acceptor's real window: Ctrl+Shift+R lists exactly the closed citizens'
reports not called back yet; the revisit dialog (Ctrl+Shift+V) preselects no answer,
needs the reason of a 不满意, and records the answer."""

from __future__ import annotations

from datetime import datetime

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.actions.revisit import RevisitDialog
from ui.main_window import MainWindow


def _closed_report(ws, source: str, closed: datetime):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    reporter = ws.actor("jdy001" if source == "supervisor" else "acceptor")
    case = ws.report(reporter, description="积水", source=source, lon=cell.lon, lat=cell.lat,
                     category_code="E0102", at=closed.replace(hour=9))  # fmt: skip
    if source != "supervisor":
        ws.act(ws.actor("dispatcher"), case.id, "request_verification", {"supervisor": "jdy001"},
               at=closed.replace(hour=9, minute=5))  # fmt: skip
        ws.act(ws.actor("jdy001"), case.id, "verify", {"confirmed": True},
               at=closed.replace(hour=9, minute=10))  # fmt: skip
    ws.act(ws.actor("leader"), case.id, "file", at=closed.replace(hour=9, minute=20))
    case = ws.act(ws.actor("dispatcher"), case.id, "dispatch", at=closed.replace(hour=9, minute=30))
    ws.act(ws.actor(case.unit.lower()), case.id, "feedback", at=closed.replace(hour=9, minute=40))
    ws.act(ws.actor("dispatcher"), case.id, "send_for_check", {"supervisor": "jdy001"},
           at=closed.replace(hour=9, minute=45))  # fmt: skip
    return ws.act(ws.actor("jdy001"), case.id, "check_pass", at=closed)


def test_the_acceptor_calls_back_the_citizens_of_closed_cases(qtbot, ws, ctx_for,
                                                               qsettings) -> None:  # fmt: skip
    # the clock: Wednesday 2026-11-25 10:00
    due = _closed_report(ws, "hotline_12345", datetime(2026, 11, 24, 11, 0))
    missed_call = _closed_report(ws, "walk_in", datetime(2026, 11, 23, 11, 0))
    ws.act(ws.actor("acceptor"), missed_call.id, "revisit", {"result": "not_reached"},
           at=datetime(2026, 11, 24, 9, 0))  # fmt: skip
    answered = _closed_report(ws, "platform", datetime(2026, 11, 23, 11, 0))
    ws.act(ws.actor("acceptor"), answered.id, "revisit", {"result": "satisfied"},
           at=datetime(2026, 11, 24, 9, 0))  # fmt: skip
    _closed_report(ws, "supervisor", datetime(2026, 11, 24, 11, 0))  # no citizen to call
    _closed_report(ws, "hotline_12319", datetime(2026, 11, 10, 11, 0))  # closed too long ago

    window = MainWindow(ctx_for("acceptor"), qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    queue, actions = window.queue, window.actions
    # Where the acceptor starts: the focus wherever the window puts it after the login.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=10_000)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: queue.drill_down is not None and queue.model.rowCount() == 2,
                    timeout=10_000)  # fmt: skip
    shown = {queue.model.case_at(r).id for r in range(queue.model.rowCount())}
    assert shown == {due.id, missed_call.id}
    assert "待回访" in queue.drill_chip.label.text()

    assert queue.select_case(due.id)
    qtbot.waitUntil(lambda: actions.actions["revisit"].isEnabled(), timeout=10_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(actions.dialog, RevisitDialog)
                    and actions.dialog.isVisible())  # fmt: skip
    dialog = actions.dialog
    assert dialog.answer() is None  # nothing preselected
    dialog.accept()
    assert dialog.error.text() == "请选择回访结果"
    dialog.buttons_by_answer["dissatisfied"].setChecked(True)
    dialog.accept()
    assert dialog.error.text() == "市民不满意时请记录不满意的原因"
    dialog.comment.setText("处置后仍有积水")
    with qtbot.waitSignal(actions.cases_updated, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    case, _, events = ws.load_case(due.id)
    assert case.satisfaction == "dissatisfied"
    assert events[-1].actor == "acceptor"
    assert events[-1].payload == {"result": "dissatisfied", "comment": "处置后仍有积水"}
    assert ws.awaiting_revisit(7) == [missed_call.id]
