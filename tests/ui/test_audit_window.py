"""审计记录 from the real login (issue 10 §6): the shift leader lists the trail, filters it
by workstation and case, and exports what is shown as CSV with a BOM; a dispatcher has no
such entry."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate

from ui.audit_window import AuditWindow
from workstation.bootstrap import Workstation

from support.world import dispatched_case


def test_the_leader_filters_and_exports_the_audit_trail(qtbot, ws, log_in, tmp_path) -> None:
    case = dispatched_case(ws, ws.clock())
    desk = Workstation(replace(ws.settings, workstation_name="席位-3"), ws.engine, ws.clock)
    desk.act(desk.actor("leader"), case.id, "remind", {"note": "请尽快处置"})
    window = log_in("leader")
    window.audit_action.trigger()
    audit = window.findChild(AuditWindow)
    day = QDate(ws.clock().year, ws.clock().month, ws.clock().day)
    audit.first_day.setDate(day)
    audit.last_day.setDate(day)
    audit.load()
    qtbot.waitUntil(lambda: audit.search.isEnabled() and audit.model.rowCount() >= 4,
                    timeout=10_000)  # fmt: skip
    assert audit.status.text().startswith("共 ")
    audit.workstation.setText("席位-3")
    audit.load()
    qtbot.waitUntil(lambda: audit.search.isEnabled() and audit.model.rowCount() == 1,
                    timeout=10_000)  # fmt: skip
    assert audit.model.item(0, 4).text() == "催办"
    assert audit.model.item(0, 5).text() == case.case_no
    out = tmp_path / "audit.csv"
    audit.write_csv(str(out))
    text = out.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    assert "席位-3" in text.decode("utf-8-sig")
    assert "已导出 1 条" in audit.status.text()


def test_a_dispatcher_has_no_audit_entry(qtbot, log_in) -> None:
    window = log_in("dispatcher")
    assert not hasattr(window, "audit_action")
