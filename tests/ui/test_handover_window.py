"""The hand-over window: the outgoing leader generates the sheet, writes notes and saves;
another leader acknowledges it; a dispatcher reads it; a sheet exports to an A4 PDF."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from ui.handover.window import HandoverWindow

from support.accounts import add_account
from support.world import dispatched_case


def _open(qtbot, ctx) -> HandoverWindow:
    window = HandoverWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sheets_loaded, timeout=10_000):
        window.show()
    return window


def _pdf_pages(data: bytes) -> int:
    found = re.search(rb"/Type\s*/Pages.*?/Count\s+(\d+)", data, re.S)
    assert found is not None
    return int(found.group(1))


def test_leader_hands_over_and_another_leader_takes_over(qtbot, ws, ctx_for, tmp_path) -> None:
    late = dispatched_case(ws, datetime(2026, 11, 24, 9, 0), "1 工作时")  # overdue since
    add_account(ws)
    outgoing = _open(qtbot, ctx_for("leader"))
    assert outgoing.list.count() == 0
    assert outgoing.generate_button.isVisible()
    assert not outgoing.pdf_button.isEnabled()  # nothing shown yet

    with qtbot.waitSignal(outgoing.sheet_shown, timeout=10_000):
        qtbot.mouseClick(outgoing.generate_button, Qt.MouseButton.LeftButton)
    text = outgoing.view.toPlainText()
    assert "班次：2026-11-25 08:30 至 17:30" in text
    assert "超期案件（1）" in text
    assert late.case_no in text
    assert outgoing.draft_box.isVisible()
    outgoing.notes.setPlainText("彩云路井盖已电话通知城管局，请夜班跟进")
    with qtbot.waitSignal(outgoing.saved, timeout=10_000):
        qtbot.mouseClick(outgoing.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outgoing.list.count() == 1, timeout=10_000)
    assert "待接班确认" in outgoing.list.item(0).text()
    text = outgoing.view.toPlainText()
    assert "彩云路井盖已电话通知城管局，请夜班跟进" in text
    assert "接班值班长：尚未确认接班" in text
    assert not outgoing.ack_button.isEnabled()  # not one's own sheet

    incoming = _open(qtbot, ctx_for("leader2"))
    qtbot.waitUntil(lambda: incoming.stored is not None, timeout=10_000)  # the newest opens
    assert incoming.ack_button.isEnabled()
    incoming.ack_note.setText("已阅")
    with qtbot.waitSignal(incoming.acknowledged, timeout=10_000):
        qtbot.mouseClick(incoming.ack_button, Qt.MouseButton.LeftButton)
    assert incoming.ack_state.text() == "值班长 李四 已于 2026-11-25 10:00 确认接班"
    assert "接班值班长：值班长 李四 11-25 10:00 已确认接班（意见：已阅）" in (
        incoming.view.toPlainText())  # fmt: skip
    assert not incoming.ack_button.isVisible()
    qtbot.waitUntil(lambda: "已接班：值班长 李四" in incoming.list.item(0).text())

    reader = _open(qtbot, ctx_for("dispatcher"))
    qtbot.waitUntil(lambda: reader.stored is not None, timeout=10_000)
    assert not reader.generate_button.isVisible()
    assert "已确认接班" in reader.view.toPlainText()
    path = tmp_path / "sheet.pdf"
    pages = reader.export_pdf(str(path))
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert pages == _pdf_pages(data) == 1
    assert re.search(rb"/MediaBox \[0 0 595(\.0+)? 842(\.0+)?\]", data)  # A4 portrait, in points


def test_a_long_sheet_prints_on_numbered_pages_through_the_button(
    qtbot, ws, ctx_for, tmp_path, monkeypatch
) -> None:
    for n in range(40):
        dispatched_case(ws, datetime(2026, 11, 24, 9, n), "1 工作时")
    window = _open(qtbot, ctx_for("leader"))
    with qtbot.waitSignal(window.sheet_shown, timeout=20_000):
        window.generate()
    path = tmp_path / "long"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(window.pdf_button, Qt.MouseButton.LeftButton)
    data = (tmp_path / "long.pdf").read_bytes()  # the extension is added
    pages = _pdf_pages(data)
    assert pages >= 2
    assert window.status.text().endswith(f"（{pages} 页）")


def test_the_same_leader_cannot_save_over_an_acknowledged_sheet(qtbot, ws, ctx_for) -> None:
    add_account(ws)
    stored = ws.save_handover(ws.actor("leader"), "白班交接")
    ws.acknowledge_handover(ws.actor("leader2"), stored.id)
    window = _open(qtbot, ctx_for("leader"))
    window.generate()  # before the newest sheet (opened on loading) arrives: it is dropped
    qtbot.waitUntil(lambda: window.draft is not None and window._ctx.ops.running == 0,
                    timeout=10_000)  # fmt: skip
    assert window.stored is None
    assert window.status.text() == "该班次的交接单已确认接班，不能再保存"
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "不能再修改" in window.status.text(), timeout=10_000)
    assert window.draft is not None  # what was written stays on the screen
