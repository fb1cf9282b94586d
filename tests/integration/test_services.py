"""The closed loop through the services on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from workstation.domain.case import replay
from workstation.domain.errors import (
    ConcurrencyConflict,
    IllegalTransition,
    PermissionDenied,
    ValidationError,
)
from workstation.persistence import migrate
from workstation.persistence.repositories import ChangeFeed, case_from_row
from workstation.persistence.tables import CaseEventRow, CaseRow, ChangeFeedRow
from workstation.services.queries import CaseFilter

from support.world import PASSWORD, make_world

NOW = datetime(2026, 9, 30, 16, 0)  # the afternoon before the 2026 National Day holiday


@pytest.fixture
def ws(db_url: str):
    ws = make_world(db_url, NOW)
    yield ws
    ws.dispose()


def _counts(ws) -> tuple[int, int, int]:
    with ws.read_session() as s:
        return (
            s.scalar(select(func.count()).select_from(CaseRow)),
            s.scalar(select(func.count()).select_from(CaseEventRow)),
            s.scalar(select(func.count()).select_from(ChangeFeedRow)),
        )


def _report(ws, username: str = "jdy001", category: str = "E0102", **kw):
    supervisor = ws.reference.supervisors[username]
    cell = ws.reference.cells[supervisor.patrol_cells[0]]
    return ws.report(ws.actor(username), description="路口暴露垃圾", lon=cell.lon, lat=cell.lat,
                     category_code=category, **kw)  # fmt: skip


def test_schema_is_at_head_and_upgrade_is_idempotent(ws) -> None:
    assert migrate.is_up_to_date(ws.engine)
    ws.upgrade()  # a second run changes nothing and does not fail
    assert migrate.current_revision(ws.engine) == migrate.head_revision(ws.engine)
    assert len(ws.reference.catalog) >= 116


def test_closed_loop_from_report_to_close(ws) -> None:
    case = _report(ws)
    assert case.state == "reported"
    assert case.grid_code == ws.reference.supervisors["jdy001"].patrol_cells[0]
    assert case.case_no == "2026093000001"

    case = ws.act(ws.actor("leader"), case.id, "file")
    assert case.state == "filed"
    recommendation = ws.recommend(case.id)
    case = ws.act(ws.actor("dispatcher"), case.id, "dispatch")
    assert (case.state, case.unit) == ("dispatched", recommendation.unit_code)
    # E0102 暴露垃圾 = 1 工作日 = 6.5 working hours: 16:00–18:00 on 30 Sep, then the
    # holiday 1–7 Oct, then 8 Oct 09:00–12:00 and 14:30–16:00.
    assert case.deadline == datetime(2026, 10, 8, 16, 0)

    unit = ws.actor(case.unit.lower())
    case = ws.act(unit, case.id, "feedback", {"result": "已清运"})
    assert case.state == "awaiting_check"
    case = ws.act(ws.actor("dispatcher"), case.id, "send_for_check")
    detail = ws.case_detail(case.id, ws.actor("jdy001"))
    assert detail.check_supervisor == "jdy001"
    assert "check_pass" in detail.allowed_actions
    case = ws.act(ws.actor("jdy001"), case.id, "check_pass")
    assert case.state == "closed"

    with ws.read_session() as s:
        table = CaseRow.__table__
        stored = case_from_row(s.execute(select(table).where(table.c.id == case.id)).one())
    events = ws.load_case(case.id)[2]
    assert [e.action.value for e in events] == [
        "report", "file", "dispatch", "feedback", "send_for_check", "check_pass"
    ]  # fmt: skip
    assert replay(events) == stored
    assert _counts(ws) == (1, 6, 6)  # one change-feed row per write


def test_forbidden_action_is_refused_and_writes_nothing(ws) -> None:
    case = _report(ws)
    before = _counts(ws)
    with pytest.raises(IllegalTransition, match="处于『上报』，不能派遣"):
        ws.act(ws.actor("dispatcher"), case.id, "dispatch", {"unit_code": "CGJ"})
    assert _counts(ws) == before
    case = ws.act(ws.actor("leader"), case.id, "file")
    before = _counts(ws)
    with pytest.raises(PermissionDenied, match="受理员无权派遣"):
        ws.act(ws.actor("acceptor"), case.id, "dispatch", {"unit_code": "CGJ"})
    assert _counts(ws) == before
    assert "dispatch" not in ws.case_detail(case.id, ws.actor("acceptor")).allowed_actions
    assert "dispatch" in ws.case_detail(case.id, ws.actor("dispatcher")).allowed_actions


def test_action_is_atomic_when_a_write_fails(ws, monkeypatch: pytest.MonkeyPatch) -> None:
    case = _report(ws)
    before = _counts(ws)

    def broken_append(*args, **kwargs):
        raise RuntimeError("change feed unavailable")

    monkeypatch.setattr(ChangeFeed, "append", broken_append)
    with pytest.raises(RuntimeError):
        ws.act(ws.actor("leader"), case.id, "file")
    monkeypatch.undo()
    assert _counts(ws) == before
    assert ws.case_detail(case.id, ws.actor("leader")).summary.state == "reported"


def test_stale_version_is_a_clear_conflict(ws) -> None:
    case = _report(ws)
    seen = ws.act(ws.actor("leader"), case.id, "file")
    ws.act(ws.actor("dispatcher"), case.id, "dispatch")
    with pytest.raises(ConcurrencyConflict) as error:
        ws.act(ws.actor("leader"), case.id, "escalate", expected_version=seen.version)
    assert str(error.value) == f"案件 {case.case_no} 已被 dispatcher 于 16:00 派遣，请刷新后重试"


def test_concurrent_dispatch_has_exactly_one_winner(ws) -> None:
    case = ws.act(ws.actor("leader"), _report(ws).id, "file")
    results: list[object] = []
    barrier = threading.Barrier(4)

    def dispatch(unit: str) -> None:
        barrier.wait()
        try:
            results.append(ws.act(ws.actor("dispatcher"), case.id, "dispatch",
                                  {"unit_code": unit}, expected_version=case.version))  # fmt: skip
        except (ConcurrencyConflict, IllegalTransition) as exc:
            results.append(exc)

    threads = [threading.Thread(target=dispatch, args=(u,)) for u in ("CGJ", "HWS", "YLJ", "JTJ")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    winners = [r for r in results if not isinstance(r, Exception)]
    assert len(results) == 4
    assert len(winners) == 1
    events = ws.load_case(case.id)[2]
    assert [e.action.value for e in events].count("dispatch") == 1


def test_unit_staff_see_and_act_on_their_own_cases_only(ws) -> None:
    a = ws.act(ws.actor("leader"), _report(ws).id, "file")
    b = ws.act(ws.actor("leader"), _report(ws, "jdy002").id, "file")
    ws.act(ws.actor("dispatcher"), a.id, "dispatch", {"unit_code": "HWS"})
    ws.act(ws.actor("dispatcher"), b.id, "dispatch", {"unit_code": "CGJ"})
    hws = ws.actor("hws")
    assert [c.id for c in ws.list_cases(actor=hws)] == [a.id]
    with pytest.raises(PermissionDenied):
        ws.act(hws, b.id, "feedback")
    with pytest.raises(PermissionDenied):
        ws.case_detail(b.id, hws)


def test_extension_request_and_approval_move_the_deadline(ws) -> None:
    case = ws.act(ws.actor("leader"), _report(ws).id, "file")
    case = ws.act(ws.actor("dispatcher"), case.id, "dispatch", {"unit_code": "HWS"})
    ws.act(ws.actor("hws"), case.id, "request_extension", {"reason": "需协调清运车辆",
                                                          "extra": "1 工作日"})  # fmt: skip
    with pytest.raises(IllegalTransition):
        ws.act(ws.actor("hws"), case.id, "feedback")
    approved = ws.act(ws.actor("leader"), case.id, "approve_extension")
    assert approved.deadline == datetime(2026, 10, 9, 16, 0)
    assert approved.pending_request is None


def test_merge_writes_both_cases_in_one_transaction(ws) -> None:
    original = _report(ws)
    duplicate = _report(ws, source="supervisor")
    dup, orig = ws.merge(ws.actor("acceptor"), duplicate.id, original.id)
    assert dup.state == "voided"
    detail = ws.case_detail(original.id, ws.actor("leader"))
    assert detail.duplicate_ids == (duplicate.id,)
    assert ws.case_detail(duplicate.id, ws.actor("leader")).merged_into == original.id
    assert _counts(ws)[2] == 4


def test_hotline_report_needs_verification_before_filing(ws) -> None:
    case = _report(ws, source="hotline_12345")
    with pytest.raises(IllegalTransition, match="需先经监督员核实"):
        ws.act(ws.actor("leader"), case.id, "file")
    ws.act(ws.actor("acceptor"), case.id, "request_verification")
    detail = ws.case_detail(case.id, ws.actor("leader"))
    assert detail.summary.state == "verifying"
    ws.act(ws.actor("jdy001"), case.id, "verify", {"confirmed": True})
    assert ws.act(ws.actor("leader"), case.id, "file").state == "filed"


def test_case_numbers_count_per_day_and_queries_filter(ws) -> None:
    first = _report(ws)
    second = _report(ws, reported_at=NOW + timedelta(days=1))
    third = _report(ws)
    assert (first.case_no, second.case_no, third.case_no) == (
        "2026093000001", "2026100100001", "2026093000002"
    )  # fmt: skip
    assert {c.id for c in ws.list_cases(CaseFilter(text="00002"))} == {third.id}
    assert len(ws.list_cases(CaseFilter(states=["reported"]))) == 3
    street = first.grid_code[:9]
    assert all(
        c.grid_code.startswith(street) for c in ws.list_cases(CaseFilter(grid_prefix=street))
    )


def test_bad_input_is_a_clear_chinese_error(ws) -> None:
    with pytest.raises(ValidationError, match="请填写问题描述"):
        ws.report(ws.actor("jdy001"), description="  ", grid_code=None)
    case = ws.act(ws.actor("leader"), _report(ws).id, "file")
    with pytest.raises(Exception, match="未知的处置单位"):
        ws.act(ws.actor("dispatcher"), case.id, "dispatch", {"unit_code": "NOPE"})


def test_login(ws) -> None:
    assert ws.login("leader", PASSWORD).role.value == "leader"
    with pytest.raises(PermissionDenied, match="账号或密码错误"):
        ws.login("leader", "wrong")


def test_only_the_supervisor_sent_records_the_verification(ws) -> None:
    case = _report(ws, source="hotline_12345")
    ws.act(ws.actor("acceptor"), case.id, "request_verification", {"supervisor": "jdy002"})
    with pytest.raises(PermissionDenied, match="核实任务不是派给你的"):
        ws.act(ws.actor("jdy001"), case.id, "verify", {"confirmed": True})
    assert ws.act(ws.actor("jdy002"), case.id, "verify", {"confirmed": True}).state == "reported"
