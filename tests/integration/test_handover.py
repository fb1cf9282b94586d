"""The shift hand-over sheet on SQLite and PostgreSQL: its sections from a day's work, the
outgoing leader stores it with notes, another leader acknowledges it (both audited), the
stored sheet is read back as it was written."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from workstation.domain.errors import ConcurrencyConflict, PermissionDenied, ValidationError
from workstation.persistence.tables import AdminAuditRow, ChangeFeedRow, SettingRow

from support.accounts import add_account
from support.world import dispatched_case, make_world

DAY = datetime(2026, 11, 25)  # a Wednesday; office hours 09:00–12:00, 14:30–18:00
SHIFT = (datetime(2026, 11, 25, 8, 30), datetime(2026, 11, 25, 17, 30))  # default 08:30, 17:30
GEN = datetime(2026, 11, 25, 15, 0)


def at(hour: int, minute: int = 0, day: int = 25) -> datetime:
    return datetime(2026, 11, day, hour, minute)


def _report(ws, when: datetime, description: str = "路口暴露垃圾"):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    return ws.report(ws.actor("jdy001"), description=description, lon=cell.lon, lat=cell.lat,
                     category_code="E0102", at=when)  # fmt: skip


@pytest.fixture
def day(db_url: str):
    """A day shift's work, as the leader sees it at 15:00 (see the counts in the test)."""
    ws = make_world(db_url, GEN)
    leader, dispatcher = ws.actor("leader"), ws.actor("dispatcher")
    old = dispatched_case(ws, at(16, day=24), "3 工作日")  # yesterday: not this shift's
    ws.act(dispatcher, old.id, "escalate", {"reason": "市领导关注"}, at=at(9, 30))
    a = dispatched_case(ws, at(8, 40), "1 工作时")  # due 10:00: overdue at 15:00
    c = dispatched_case(ws, at(8, 45), "4 工作时")  # due 15:30: 87.5 % used at 15:00
    d = dispatched_case(ws, at(9, 0), "3 工作日")
    unit = ws.actor(d.unit.lower())
    ws.act(unit, d.id, "request_extension", {"reason": "需协调", "extra": "1 工作日"},
           at=at(9, 30))  # fmt: skip
    e = _report(ws, at(10, 0), "重复上报")
    ws.act(leader, e.id, "void", {"reason": "重复上报"}, at=at(10, 5))
    f = dispatched_case(ws, at(9, 0), "3 工作日")
    ws.act(ws.actor(f.unit.lower()), f.id, "feedback", {"result": "已清运"}, at=at(10, 0))
    ws.act(dispatcher, f.id, "send_for_check", at=at(10, 10))
    ws.act(ws.actor("jdy001"), f.id, "check_pass", at=at(11, 0))
    g = _report(ws, at(8, 20), "井盖缺失")  # reported before the shift, filed in it
    ws.act(leader, g.id, "file", at=at(8, 50))  # the dispatch stage: due 10:00
    jdy002 = ws.actor("jdy002")
    cell = ws.reference.cells[ws.reference.supervisors["jdy002"].patrol_cells[0]]
    ws.set_supervisor_status(jdy002, "patrolling", at=at(13, 50))
    ws.record_fix(jdy002, cell.lon, cell.lat, at=at(14, 0))  # 60 min without a fix at 15:00
    yield ws, {"old": old, "a": a, "c": c, "d": d, "e": e, "f": f, "g": g}
    ws.dispose()


def test_the_sheet_has_every_section(day) -> None:
    ws, cases = day
    assert ws.handover_shift(GEN) == SHIFT
    sheet = ws.handover_preview(ws.actor("dispatcher"), *SHIFT, at=GEN)
    flow = sheet.flow
    # came in: a, c, d, e, f (g came in before 08:30, old yesterday)
    assert (flow.reported, dict(flow.by_source)) == (5, {"supervisor": 5})
    assert (flow.filed, flow.dispatched, flow.closed, flow.voided) == (5, 4, 1, 1)
    assert flow.open_now == 5  # old, a, c, d, g
    ids = {k: v.id for k, v in cases.items()}
    assert {(c.case_id, c.detail) for c in sheet.overdue} == {
        (ids["a"], "处置超期"), (ids["g"], "派遣超期")}  # fmt: skip
    assert [(c.case_id, c.detail) for c in sheet.due_soon] == [(ids["c"], "处置已用 88%")]
    assert sheet.due_soon[0].due == datetime(2026, 11, 25, 15, 30)
    assert [(c.case_id, c.detail) for c in sheet.key_cases] == [(ids["old"], "督办")]
    assert [(c.case_id, c.detail) for c in sheet.requests] == [(ids["d"], "延期申请待审批")]
    assert sheet.requests[0].unit_name == cases["d"].unit_name
    assert [(s.code, s.problem) for s in sheet.supervisors] == [("JDY002", "60 分钟未上报位置")]
    # a shift of other hours: the setting decides (07:00/15:00/23:00 → 15:00 starts one)
    with ws.write_session() as s:
        s.merge(SettingRow(key="shift_times", value="07:00, 15:00, 23:00"))
    ws.invalidate_reference()
    assert ws.handover_shift(GEN) == (at(15), at(23))
    assert ws.handover_shift(GEN, previous=True) == (at(7), at(15))


def test_leader_stores_another_leader_acknowledges_both_audited(day) -> None:
    ws, cases = day
    leader = ws.actor("leader")
    with pytest.raises(PermissionDenied, match="派遣员无权填写交接班记录"):
        ws.save_handover(ws.actor("dispatcher"), "备注", at=GEN)
    first = ws.save_handover(leader, "草稿", at=GEN)
    stored = ws.save_handover(leader, "  彩云路井盖已联系城管局，夜班跟进。 ", at=at(17, 20))
    assert stored.id == first.id  # not acknowledged yet: the sheet is regenerated
    assert (stored.info.start, stored.info.end) == SHIFT
    assert stored.notes == "彩云路井盖已联系城管局，夜班跟进。"
    assert stored.sheet.generated_at == at(17, 20)
    assert stored.info.created_by_name == ws.reference.account_name("leader")
    assert not stored.info.acknowledged

    with pytest.raises(ValidationError, match="不能确认自己填写的交接单"):
        ws.acknowledge_handover(leader, stored.id, at=at(17, 35))
    with pytest.raises(PermissionDenied, match="派遣员无权确认接班"):
        ws.acknowledge_handover(ws.actor("dispatcher"), stored.id, at=at(17, 35))
    add_account(ws)
    done = ws.acknowledge_handover(ws.actor("leader2"), stored.id, "已阅，接班", at=at(17, 35))
    assert (done.info.acknowledged_by, done.info.acknowledged_by_name) == ("leader2", "值班长 李四")
    assert (done.info.acknowledged_at, done.acknowledge_note) == (at(17, 35), "已阅，接班")
    with pytest.raises(ConcurrencyConflict, match="已由 值班长 李四 于 2026-11-25 17:35 确认接班"):
        ws.acknowledge_handover(ws.actor("leader2"), stored.id, at=at(17, 40))
    with pytest.raises(ConcurrencyConflict, match="确认接班，不能再修改"):
        ws.save_handover(leader, "再改", at=at(17, 29))

    with ws.read_session() as s:
        audit = s.execute(select(AdminAuditRow.actor, AdminAuditRow.action, AdminAuditRow.subject)
                          .order_by(AdminAuditRow.id)).all()  # fmt: skip
        topics = s.execute(select(ChangeFeedRow.topic, ChangeFeedRow.action)
                           .where(ChangeFeedRow.topic == "handover")).all()  # fmt: skip
    subject = f"handover/{stored.id}"
    assert [tuple(r) for r in audit] == [("leader", "handover.create", subject),
                                         ("leader", "handover.update", subject),
                                         ("leader2", "handover.acknowledge", subject)]
    assert [tuple(t) for t in topics] == [("handover", "create"), ("handover", "update"),
                                          ("handover", "acknowledge")]


def test_a_stored_sheet_reads_back_as_written_newest_first(day) -> None:
    ws, cases = day
    leader = ws.actor("leader")
    night = ws.save_handover(leader, "夜班无事", period=(at(17, 30, 24), at(8, 30)),
                             at=at(8, 40))  # fmt: skip
    today = ws.save_handover(leader, "见备注", at=GEN)
    # later the overdue case is closed: the stored sheet keeps what the leader handed over
    a = cases["a"]
    ws.act(ws.actor(a.unit.lower()), a.id, "feedback", {"result": "已修复"}, at=at(15, 10))
    reader = ws.actor("acceptor")
    assert [s.id for s in ws.handover_sheets(reader)] == [today.id, night.id]
    again = ws.handover_sheet(reader, today.id)
    assert again.sheet == today.sheet
    assert a.id in {c.case_id for c in again.sheet.overdue}
    assert again.to_json()["notes"] == "见备注"
    assert again.to_json()["acknowledged_at"] is None
    with pytest.raises(PermissionDenied):
        ws.handover_sheets(ws.actor(a.unit.lower()))  # a unit sees only its own cases
    with pytest.raises(ValidationError, match="尚未开始"):
        ws.save_handover(leader, "", period=(at(17, 30), at(8, 30, 26)), at=GEN)
