"""History search from the real window after login: Ctrl+Shift+F from where the focus is,
a word finds last month's closed case and today's open one, the next page loads as the
table scrolls, and a chosen closed case shows in the detail panel with its timeline."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow


def _report(ws, description: str, at: datetime):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    return ws.report(ws.actor("jdy001"), description=description, lon=cell.lon, lat=cell.lat,
                     category_code="E0102", at=at)  # fmt: skip


def test_history_search_from_the_real_window(qtbot, ws, ctx_for, qsettings) -> None:
    old = _report(ws, "彩云路井盖破损", datetime(2026, 10, 28, 9, 0))
    ws.act(ws.actor("leader"), old.id, "void", {"reason": "重复上报"},
           at=datetime(2026, 10, 28, 10))  # fmt: skip
    today = _report(ws, "井盖缺失", datetime(2026, 11, 25, 9, 0))
    for n in range(12):
        _report(ws, f"路灯不亮{n}", datetime(2026, 11, 1 + n, 9, 0))

    window = MainWindow(ctx_for("dispatcher"), qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=10_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.history_window is not None
                    and window.history_window.isVisible())  # fmt: skip
    history = window.history_window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is history.text)

    history.text.insert("井盖")  # (Chinese comes through the input method, not key codes)
    with qtbot.waitSignal(history.model.page_loaded, timeout=10_000):
        qtbot.keyClick(history.text, Qt.Key.Key_Return)
    assert [c.id for c in history.model.rows] == [today.id, old.id]  # newest first
    assert history.status.text() == "共 2 件"

    # choose the voided case of last month: the detail panel shows it, whole timeline
    history.table.setFocus()
    history.table.selectRow(1)
    qtbot.waitUntil(lambda: window.detail.case_id == old.id, timeout=10_000)
    qtbot.waitUntil(lambda: not window.detail.is_loading, timeout=10_000)
    assert set(window.detail.action_buttons()) <= {"note"}  # nothing to do on it but notes

    # pages: 12 lamp cases, 5 a page → the table asks for more as it is scrolled
    history.model.page_size = 5
    history.text.clear()
    history.text.insert("路灯")
    with qtbot.waitSignal(history.model.page_loaded, timeout=10_000):
        qtbot.keyClick(history.text, Qt.Key.Key_Return)
    assert history.model.rowCount() == 5
    assert history.model.more
    while history.model.more:
        with qtbot.waitSignal(history.model.page_loaded, timeout=10_000):
            history.table.scrollToBottom()
            history.model.fetchMore()
    assert history.model.rowCount() == 12
    assert history.status.text() == "共 12 件"
