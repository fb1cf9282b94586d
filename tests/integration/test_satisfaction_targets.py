"""Satisfaction (回访, the monthly surveys) and the 绩效目标 page's figures, on both databases,
from cases taken through the loop with known times."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from workstation.bootstrap import Workstation
from workstation.domain.errors import IllegalTransition, PermissionDenied, ValidationError
from workstation.persistence.tables import AdminAuditRow, SatisfactionSurveyRow
from workstation.services.dto import CaseSummary
from workstation.services.surveys import STAFF, STAFF_SUBJECT, UNIT, SurveyEntry

from support.world import make_world

MONDAY = datetime(2027, 3, 1, 9, 0)


def at(hour: int, minute: int = 0, day: int = 1) -> datetime:
    return datetime(2027, 3, day, hour, minute)


def closed_case(ws: Workstation, category: str, *, source: str = "hotline_12345",
                feedback: datetime, limit: str = "2 工作时") -> CaseSummary:  # fmt: skip
    """Reported Monday 09:00, dispatched 09:30 with ``limit``, fed back, checked, closed."""
    supervisor = ws.reference.supervisors["jdy001"]
    cell = ws.reference.cells[supervisor.patrol_cells[0]]
    reporter = ws.actor("acceptor" if source != "supervisor" else "jdy001")
    case = ws.report(reporter, description="问题", source=source, lon=cell.lon, lat=cell.lat,
                     category_code=category, at=at(9))  # fmt: skip
    if source != "supervisor":
        ws.act(ws.actor("dispatcher"), case.id, "request_verification",
               {"supervisor": "jdy001"}, at=at(9, 5))  # fmt: skip
        ws.act(ws.actor("jdy001"), case.id, "verify", {"confirmed": True}, at=at(9, 10))
    ws.act(ws.actor("leader"), case.id, "file", at=at(9, 20))
    case = ws.act(ws.actor("dispatcher"), case.id, "dispatch", {"limit": limit}, at=at(9, 30))
    ws.act(ws.actor(case.unit.lower()), case.id, "feedback", at=feedback)
    ws.act(ws.actor("dispatcher"), case.id, "send_for_check", {"supervisor": "jdy001"},
           at=feedback)  # fmt: skip
    return ws.act(ws.actor("jdy001"), case.id, "check_pass", at=feedback)


def test_revisits_surveys_and_the_targets_of_a_day(db_url: str) -> None:
    ws = make_world(db_url, at(18, day=2))
    try:
        # Safety-related 井盖 (C0102): one closed on time, one fed back late; 暴露垃圾 is not.
        on_time = closed_case(ws, "C0102", feedback=at(10))
        late = closed_case(ws, "C0102", feedback=at(15))  # due 11:30 (2 工作时 from 09:30)
        other = closed_case(ws, "E0101", source="supervisor", feedback=at(10))
        acceptor = ws.actor("acceptor")
        ws.act(acceptor, on_time.id, "revisit", {"result": "satisfied"}, at=at(16))
        ws.act(acceptor, late.id, "revisit", {"result": "not_reached"}, at=at(16))
        ws.act(acceptor, late.id, "revisit", {"result": "dissatisfied", "comment": "太慢"},
               at=at(17))  # fmt: skip
        with pytest.raises(IllegalTransition, match="由监督员上报"):
            ws.act(acceptor, other.id, "revisit", {"result": "satisfied"}, at=at(17))
        with pytest.raises(PermissionDenied):
            ws.act(ws.actor("dispatcher"), on_time.id, "revisit", {"result": "satisfied"})

        unit = on_time.unit
        assert unit is not None
        entries = [SurveyEntry(UNIT, unit, 10, 10), SurveyEntry(STAFF, STAFF_SUBJECT, 20, 18)]
        with pytest.raises(PermissionDenied, match="仅限值班长"):
            ws.record_surveys(ws.actor("dispatcher"), "2027-03", entries)
        assert ws.record_surveys(ws.actor("leader"), "2027-03", entries) == 2
        assert set(ws.month_surveys("2027-03")) == set(entries)
        # Entered again unchanged: nothing changes, nothing is audited twice.
        assert ws.record_surveys(ws.actor("leader"), "2027-03", entries) == 0

        report = ws.performance_targets("2027-03-01", "2027-03-01", at=at(18, day=2))
        rows = {r.key: r for r in report.rows}
        assert rows["hazards"].measured == 50.0  # 1 of the 2 井盖 closed on time
        assert rows["hazards"].verdict.value == "missed"
        # answered: on_time 满意, late 不满意 (its first call did not reach the citizen)
        assert rows["citizens"].measured == 50.0
        assert rows["citizens"].measured_text == "50.0%（1/2）"
        assert rows["units"].measured == 100.0
        assert rows["units"].verdict.value == "met"
        assert rows["staff"].measured == 90.0
        assert rows["staff"].verdict.value == "missed"
        # jdy001 reported one case and did every verification and check: valid 1/1
        assert rows["acceptance"].measured == 100.0
        assert rows["supervisors"].measured == 1.0  # only jdy001 was in the field on 03-01
        assert rows["budget"].verdict.value == "not_measured"
        assert "预算" in rows["budget"].basis
    finally:
        ws.dispose()


def test_the_revisit_of_another_day_and_a_bad_survey_write_nothing(sqlite_url: str) -> None:
    ws = make_world(sqlite_url, at(18, day=2))
    try:
        case = closed_case(ws, "C0102", feedback=at(10))
        ws.act(ws.actor("leader"), case.id, "revisit", {"result": "基本满意"}, at=at(9, day=2))
        day1 = ws.performance_targets("2027-03-01", "2027-03-01", at=at(18, day=2))
        day2 = ws.performance_targets("2027-03-02", "2027-03-02", at=at(18, day=2))
        assert {r.key: r for r in day1.rows}["citizens"].measured is None  # "—" that day
        assert {r.key: r for r in day2.rows}["citizens"].measured == 100.0

        bad = [SurveyEntry(UNIT, "NOPE", 5, 5), SurveyEntry(STAFF, STAFF_SUBJECT, 3, 4)]
        with pytest.raises(ValidationError) as refusal:
            ws.record_surveys(ws.actor("leader"), "2027-03", bad)
        assert "未知的处置单位：NOPE" in str(refusal.value)
        assert "满意人数（4）不能多于调查人数（3）" in str(refusal.value)
        with pytest.raises(ValidationError, match="月份格式"):
            ws.record_surveys(ws.actor("leader"), "2027-3", [])
        with ws.read_session() as s:
            assert s.scalars(select(SatisfactionSurveyRow)).all() == []
            assert s.scalars(select(AdminAuditRow).where(
                AdminAuditRow.action == "survey.set")).all() == []  # fmt: skip
    finally:
        ws.dispose()
