"""Administering the working calendar on a real SQLite file and a real PostgreSQL database:
make-up days, confirmed years, office hours and stage limits, and what happens to the
deadlines already given (recomputed as audited events, or kept — never moved silently)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from workstation.domain.case import replay
from workstation.domain.errors import PermissionDenied, ValidationError
from workstation.domain.holiday_rules import DayKind, DaySource, YearStatus
from workstation.persistence.tables import (
    AdminAuditRow,
    CalendarOverrideRow,
    CaseEventRow,
    ChangeFeedRow,
)
from workstation.services.calendar_admin import CalendarChange, DayChange

from support.world import dispatched_case, make_world

NOW = datetime(2027, 2, 19, 17, 0)  # a Friday, before the make-up Saturday 2027-02-20
MAKEUP_SATURDAY = CalendarChange(days=(DayChange(date(2027, 2, 20), DayKind.WORKDAY, "春节调休"),))


@pytest.fixture
def ws(db_url: str):
    ws = make_world(db_url, NOW)
    yield ws
    ws.dispose()


def _dispatched(ws, at: datetime = NOW, limit: str = "2 工作时"):
    return dispatched_case(ws, at, limit)


def _count(ws, table) -> int:
    with ws.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


def _events(ws, case_id: int) -> list[str]:
    return [e.action.value for e in ws.load_case(case_id)[2]]


def test_the_make_up_saturday_is_where_the_next_deadline_lands(ws) -> None:
    before = _dispatched(ws)
    assert before.deadline == datetime(2027, 2, 22, 10, 0)  # over the weekend to Monday
    result = ws.change_calendar(ws.actor("admin"), MAKEUP_SATURDAY, recompute=False)
    assert (result.affected, result.recomputed, result.kept) == (1, 0, 1)
    after = _dispatched(ws)
    assert after.deadline == datetime(2027, 2, 20, 10, 0)
    # kept: the deadline already given did not move, and no event says it did
    kept = ws.load_case(before.id)[0]
    assert kept.deadline == datetime(2027, 2, 22, 10, 0)
    assert "recompute_deadlines" not in _events(ws, before.id)
    view = ws.calendar_year(2027)
    saturday = next(d for d in view.days if d.day == date(2027, 2, 20))
    assert saturday.is_workday
    assert saturday.special is not None
    assert saturday.special.source is DaySource.OVERRIDE
    assert saturday.special.note == "春节调休"
    assert saturday.updated_by == "admin"


def test_recompute_moves_the_affected_deadlines_as_audited_events(ws) -> None:
    case = _dispatched(ws)
    untouched = _dispatched(ws, at=datetime(2027, 2, 18, 9, 0))  # due the same day
    found = ws.calendar_impact(MAKEUP_SATURDAY)
    assert [a.id for a in found.affected] == [case.id]
    assert found.affected[0].new_deadline == datetime(2027, 2, 20, 10, 0)
    feed_before = _count(ws, ChangeFeedRow)

    result = ws.change_calendar(ws.actor("admin"), MAKEUP_SATURDAY, recompute=True)

    assert (result.affected, result.recomputed) == (1, 1)
    moved, version, events = ws.load_case(case.id)
    assert moved.deadline == moved.stage_deadline == datetime(2027, 2, 20, 10, 0)
    last = events[-1]
    assert (last.action.value, last.actor) == ("recompute_deadlines", "admin")
    assert last.payload["previous_deadline"] == "2027-02-22T10:00:00"
    assert last.payload["deadline"] == "2027-02-20T10:00:00"
    assert "2027-02-20" in last.payload["reason"]
    assert replay(events) == moved  # the stored case is still the replay of its events
    assert version == case.version + 1
    assert _events(ws, untouched.id)[-1] == "dispatch"
    assert _count(ws, ChangeFeedRow) == feed_before + 2  # the case, and the calendar
    with ws.read_session() as s:
        audit = s.scalars(select(AdminAuditRow)).one()
    assert (audit.actor, audit.action, audit.subject) == ("admin", "calendar.set", "2027-02-20")
    assert audit.detail == {"before": None, "after": "workday", "affected": 1,
                            "deadlines": "recomputed"}  # fmt: skip
    # a second recomputation has nothing left to move
    assert ws.calendar_impact(MAKEUP_SATURDAY).count == 0


def test_a_change_that_moves_deadlines_needs_a_choice_and_writes_nothing_without(ws) -> None:
    case = _dispatched(ws)
    counts = (_count(ws, CalendarOverrideRow), _count(ws, AdminAuditRow),
              _count(ws, CaseEventRow), _count(ws, ChangeFeedRow))  # fmt: skip
    with pytest.raises(ValidationError, match="此变更影响 1 件在办案件的期限"):
        ws.change_calendar(ws.actor("admin"), MAKEUP_SATURDAY, recompute=None)
    assert counts == (_count(ws, CalendarOverrideRow), _count(ws, AdminAuditRow),
                      _count(ws, CaseEventRow), _count(ws, ChangeFeedRow))  # fmt: skip
    assert ws.load_case(case.id)[0].deadline == datetime(2027, 2, 22, 10, 0)


def test_only_an_administrator_changes_the_calendar(ws) -> None:
    for username in ("leader", "dispatcher", "acceptor"):
        with pytest.raises(PermissionDenied, match="无权修改工作日历"):
            ws.change_calendar(ws.actor(username), MAKEUP_SATURDAY, recompute=False)
    assert _count(ws, CalendarOverrideRow) == 0


def test_a_holiday_entered_in_the_middle_pushes_deadlines_later(ws) -> None:
    case = _dispatched(ws, at=datetime(2027, 2, 22, 17, 0), limit="1 工作日")
    assert case.deadline == datetime(2027, 2, 23, 17, 0)
    bridge = CalendarChange(days=(DayChange(date(2027, 2, 23), DayKind.HOLIDAY, "补休"),))
    ws.change_calendar(ws.actor("admin"), bridge, recompute=True)
    assert ws.load_case(case.id)[0].deadline == datetime(2027, 2, 24, 17, 0)
    # clearing the override goes back to the rules, and recomputes back
    clear = CalendarChange(days=(DayChange(date(2027, 2, 23), None),))
    result = ws.change_calendar(ws.actor("admin"), clear, recompute=True)
    assert result.recomputed == 1
    assert ws.load_case(case.id)[0].deadline == datetime(2027, 2, 23, 17, 0)
    assert _count(ws, CalendarOverrideRow) == 0


def test_extension_and_suspension_are_recomputed_from_their_own_starts(ws) -> None:
    case = _dispatched(ws, at=datetime(2027, 2, 18, 17, 0), limit="1 工作日")
    unit = ws.actor(case.unit.lower())
    ws.act(unit, case.id, "request_extension", {"reason": "备料", "extra": "1 工作日"},
           at=datetime(2027, 2, 19, 9, 0))  # fmt: skip
    extended = ws.act(ws.actor("leader"), case.id, "approve_extension",
                      at=datetime(2027, 2, 19, 9, 30))  # fmt: skip
    # Thu 17:00 + 6.5 h = Fri 17:00; + 6.5 h more = Mon 02-22 17:00.
    assert extended.deadline == datetime(2027, 2, 22, 17, 0)
    ws.act(unit, case.id, "request_suspension", {"reason": "需结合道路改造"},
           at=datetime(2027, 2, 19, 10, 0))  # fmt: skip
    ws.act(ws.actor("leader"), case.id, "approve_suspension", at=datetime(2027, 2, 19, 10, 30))
    restored = ws.act(ws.actor("leader"), case.id, "restore", at=datetime(2027, 2, 26, 9, 0))
    # 10.5 h were left at Fri 10:30 (1.5 + 3.5 on Friday, 5.5 on Monday); restored Fri
    # 02-26 09:00: 6.5 h that day, then Mon 03-01 09:00–12:00 and 14:30–15:30.
    assert restored.deadline == datetime(2027, 3, 1, 15, 30)

    # A working Saturday while the case was suspended changes nothing: time suspended
    # does not count, and the time left when suspended is the same either way.
    inside = CalendarChange(days=(DayChange(date(2027, 2, 20), DayKind.WORKDAY),))
    assert ws.calendar_impact(inside).count == 0

    # A working Saturday after the restore: 6.5 h on Friday, then Sat 02-27 09:00–12:00
    # and 14:30–15:30.
    after = CalendarChange(days=(DayChange(date(2027, 2, 27), DayKind.WORKDAY),))
    found = ws.calendar_impact(after)
    assert [a.id for a in found.affected] == [case.id]
    ws.change_calendar(ws.actor("admin"), after, recompute=True)
    moved, _, events = ws.load_case(case.id)
    assert moved.deadline == moved.stage_deadline == datetime(2027, 2, 27, 15, 30)
    assert replay(events) == moved


def test_a_stage_limit_change_recomputes_the_running_stage(ws) -> None:
    supervisor = ws.reference.supervisors["jdy001"]
    cell = ws.reference.cells[supervisor.patrol_cells[0]]
    reported = ws.report(ws.actor("jdy001"), description="暴露垃圾", lon=cell.lon, lat=cell.lat,
                         at=datetime(2027, 3, 1, 9, 0))  # fmt: skip
    assert reported.stage_deadline == datetime(2027, 3, 1, 10, 0)  # 立案 within 1 工作时
    dispatched = _dispatched(ws, at=datetime(2027, 3, 1, 9, 0))
    change = CalendarChange(settings=(("stage_limit.file", "2 工作时"),))
    found = ws.calendar_impact(change)
    assert [a.id for a in found.affected] == [reported.id]  # the dispatched one is not filing
    ws.change_calendar(ws.actor("admin"), change, recompute=True)
    assert ws.load_case(reported.id)[0].stage_deadline == datetime(2027, 3, 1, 11, 0)
    assert ws.reference.stage_limits.file.value == 2
    assert ws.load_case(dispatched.id)[0].deadline == dispatched.deadline
    # a new report gets the new limit
    later = ws.report(ws.actor("jdy001"), description="暴露垃圾", lon=cell.lon, lat=cell.lat,
                      at=datetime(2027, 3, 2, 9, 0))  # fmt: skip
    assert later.stage_deadline == datetime(2027, 3, 2, 11, 0)


def test_office_hours_change_affects_working_time_deadlines(ws) -> None:
    case = _dispatched(ws, at=datetime(2027, 3, 1, 9, 0), limit="4 工作时")
    assert case.deadline == datetime(2027, 3, 1, 15, 30)  # 3 h before lunch, 1 h after 14:30
    urgent = _dispatched(ws, at=datetime(2027, 3, 1, 9, 0), limit="4 小时")
    change = CalendarChange(settings=(("office_hours", "08:30-12:00, 14:00-17:30"),))
    found = ws.calendar_impact(change)
    assert case.id in [a.id for a in found.affected]
    assert urgent.id not in [a.id for a in found.affected]  # natural hours: not affected
    ws.change_calendar(ws.actor("admin"), change, recompute=True)
    assert ws.load_case(case.id)[0].deadline == datetime(2027, 3, 1, 15, 0)  # 1 h after 14:00
    assert str(ws.reference.calendar.office_hours) == "08:30-12:00, 14:00-17:30"


def test_bad_settings_are_refused_with_a_clear_message(ws) -> None:
    for key, value, message in (
        ("office_hours", "9点到5点", "办公时段填写有误"),
        ("stage_limit.check", "很快", "核查时限填写有误"),
        ("stage_limit.nope", "1 工作时", "未知的日历设置"),
    ):
        with pytest.raises(ValidationError, match=message):
            ws.change_calendar(ws.actor("admin"), CalendarChange(settings=((key, value),)),
                               recompute=False)  # fmt: skip
    assert _count(ws, AdminAuditRow) == 0


def test_confirming_a_year_silences_its_warning(ws) -> None:
    view = ws.calendar_year(2027)
    assert view.status is YearStatus.UNCONFIRMED
    assert view.warning == "2027 年调休安排尚未录入：已按法定节日计算，调休工作日以管理员录入为准"
    assert {d.day for d in view.special_days if d.source is DaySource.RULE} >= {
        date(2027, 1, 1), date(2027, 2, 5), date(2027, 10, 3)
    }  # fmt: skip
    ws.change_calendar(ws.actor("admin"), CalendarChange(confirm_years=(2027,)), recompute=None)
    view = ws.calendar_year(2027)
    assert (view.status, view.warning, view.confirmed_by) == (YearStatus.CONFIRMED, None, "admin")
    assert ws.reference.calendar.year_status(2027) is YearStatus.CONFIRMED
    assert view.to_json()["confirmed"] is True
    ws.change_calendar(ws.actor("admin"), CalendarChange(unconfirm_years=(2027,)), recompute=None)
    assert ws.calendar_year(2027).status is YearStatus.UNCONFIRMED
    assert ws.calendar_year(2026).status is YearStatus.OFFICIAL


def test_urgent_cases_have_their_own_stage_limits(ws) -> None:
    supervisor = ws.reference.supervisors["jdy001"]
    cell = ws.reference.cells[supervisor.patrol_cells[0]]

    def report(priority: str, at: datetime):
        return ws.report(ws.actor("jdy001"), description="燃气井盖缺失", lon=cell.lon,
                         lat=cell.lat, category_code="C0102", priority=priority, at=at)  # fmt: skip

    normal = report("normal", datetime(2027, 3, 1, 17, 30))
    urgent = report("urgent", datetime(2027, 3, 1, 17, 30))
    # by default the urgent stage limits are the normal ones: 立案 within 1 工作时
    assert normal.stage_deadline == urgent.stage_deadline == datetime(2027, 3, 2, 9, 30)
    change = CalendarChange(settings=(("stage_limit.urgent.file", "30 分钟"),))
    found = ws.calendar_impact(change)
    assert [a.id for a in found.affected] == [urgent.id]
    ws.change_calendar(ws.actor("admin"), change, recompute=True)
    # 30 natural minutes, after office hours too
    assert ws.load_case(urgent.id)[0].stage_deadline == datetime(2027, 3, 1, 18, 0)
    assert ws.load_case(normal.id)[0].stage_deadline == datetime(2027, 3, 2, 9, 30)
    later = report("urgent", datetime(2027, 3, 1, 20, 0))
    assert later.stage_deadline == datetime(2027, 3, 1, 20, 30)
    # filing an urgent case starts the urgent dispatch limit
    ws.change_calendar(ws.actor("admin"),
                       CalendarChange(settings=(("stage_limit.urgent.dispatch", "20 分钟"),)),
                       recompute=False)  # fmt: skip
    filed = ws.act(ws.actor("leader"), later.id, "file", at=datetime(2027, 3, 1, 20, 10))
    assert filed.stage_deadline == datetime(2027, 3, 1, 20, 30)
    view = ws.calendar_year(2027)
    assert view.settings["stage_limit.urgent.file"] == "30 分钟"


def test_a_recomputation_is_never_offered_as_an_action(ws) -> None:
    """It is performed by a calendar change only: not in any role's allowed actions (the
    detail panel's buttons, the action menu), not accepted by `case act`."""
    case = _dispatched(ws)
    detail = ws.case_detail(case.id, ws.actor("admin"))
    assert "recompute_deadlines" not in detail.allowed_actions
    allowed = ws.allowed_actions([case.id], ws.actor("admin"))[case.id]
    assert "recompute_deadlines" not in allowed
    from ui.actions.shortcuts import predict
    from workstation.domain.roles import Role

    assert "recompute_deadlines" not in predict(case, Role.ADMIN)
