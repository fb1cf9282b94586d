"""One clock, every view: at the same instant the queue's countdown cell, the detail's
deadline bar, the reminder centre, the map marker and the database counter say the same
thing as `domain.clock` — on a real SQLite file and a real PostgreSQL database.

Times are worked out by hand on the working calendar (the week of 2026-03-09 has no
holidays; office 09:00–12:00, 14:30–18:00, 1 工作日 = 6.5 h).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from ui.map.widget import is_overdue
from ui.models.case_table import CaseTableModel, TimerLevelRole
from ui.models.queue_rows import Level
from ui.widgets.detail_data import timings
from workstation.domain.clock import ClockLevel, read_clock
from workstation.services.attention import Kind, evaluate

from support.world import make_world

MON = datetime(2026, 3, 9, 9, 0)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute)


def _report(ws, when: datetime, **kw):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    actor = ws.actor("acceptor" if kw.get("source", "supervisor") != "supervisor" else "jdy001")
    return ws.report(actor, description="井盖破损", lon=cell.lon, lat=cell.lat,
                     category_code="E0102", at=when, **kw)  # fmt: skip


def _dispatched(ws, when: datetime, **kw):
    case = _report(ws, when, **kw)
    ws.act(ws.actor("leader"), case.id, "file", at=when)
    return ws.act(ws.actor("dispatcher"), case.id, "dispatch", at=when)


def plain(ws):
    return _dispatched(ws, MON)  # 1 工作日: due Monday 18:00


def extended(ws):
    case = _dispatched(ws, MON)
    unit = ws.actor(case.unit.lower())
    ws.act(unit, case.id, "request_extension", {"reason": "备料", "extra": "1 工作日"},
           at=at(9, 10))  # fmt: skip
    return ws.act(ws.actor("leader"), case.id, "approve_extension", at=at(9, 11))  # Tue 18:00


def suspended_and_restored(ws):
    case = _dispatched(ws, MON)
    unit = ws.actor(case.unit.lower())
    ws.act(unit, case.id, "request_suspension", {"reason": "需结合道路改造"}, at=at(9, 10))
    ws.act(ws.actor("leader"), case.id, "approve_suspension", at=at(9, 11))
    return ws.act(ws.actor("leader"), case.id, "restore", at=at(12, 9))  # 4.5 h left: 16:00


def hotline_unverified(ws):
    return _report(ws, MON, source="hotline_12345")  # 核实 2 工作时: due 11:00


def self_handled(ws):
    return _report(ws, MON, self_handled=True)  # 立案 1 工作时 (approval): due 10:00


def urgent_natural_hours(ws):
    return _dispatched(ws, at(9, 20), priority="urgent")  # 4 自然小时: due Tue 00:00


SCENARIOS: dict[str, tuple[Callable, list[tuple[datetime, ClockLevel]]]] = {
    "plain": (plain, [(at(9, 15), ClockLevel.NORMAL),  # 3.5 of 6.5 h
                      (at(9, 17), ClockLevel.WARNING),  # 5.5 of 6.5 h
                      (at(10, 9), ClockLevel.OVERDUE)]),
    # the issue's example: 10.5 h of 13 h = 80.8 % on Tuesday 15:30
    "extended": (extended, [(at(9, 17), ClockLevel.NORMAL),
                            (at(10, 15, 30), ClockLevel.WARNING),
                            (at(10, 18, 30), ClockLevel.OVERDUE)]),
    # 2 h before the suspension; Thursday 09:00–12:00 + 14:30–15:00 = 5.5 of 6.5 h
    "suspended_and_restored": (suspended_and_restored, [(at(12, 10), ClockLevel.NORMAL),
                                                        (at(12, 15), ClockLevel.WARNING),
                                                        (at(12, 16, 30), ClockLevel.OVERDUE)]),
    "hotline_unverified": (hotline_unverified, [(at(9, 10), ClockLevel.NORMAL),
                                                (at(9, 10, 40), ClockLevel.WARNING),
                                                (at(9, 11, 30), ClockLevel.OVERDUE)]),
    "self_handled": (self_handled, [(at(9, 9, 30), ClockLevel.NORMAL),
                                    (at(9, 9, 50), ClockLevel.WARNING),
                                    (at(9, 10, 30), ClockLevel.OVERDUE)]),
    "urgent_natural_hours": (urgent_natural_hours, [(at(9, 22), ClockLevel.NORMAL),
                                                    (at(9, 23, 30), ClockLevel.WARNING),
                                                    (at(10, 0, 30), ClockLevel.OVERDUE)]),
}  # fmt: skip

QUEUE_LEVEL = {ClockLevel.NORMAL: Level.NORMAL, ClockLevel.WARNING: Level.WARNING,
               ClockLevel.OVERDUE: Level.OVERDUE}  # fmt: skip
TIMER_KINDS = {Kind.YELLOW: ClockLevel.WARNING, Kind.OVERDUE: ClockLevel.OVERDUE,
               Kind.CHECK_OVERDUE: ClockLevel.OVERDUE}  # fmt: skip


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_queue_detail_reminders_map_and_sql_agree(qapp, db_url: str, scenario: str) -> None:
    ws = make_world(db_url, MON)
    try:
        make, instants = SCENARIOS[scenario]
        case = make(ws)
        [summary] = ws.cases_by_ids([case.id])
        cal, ref = ws.reference.calendar, ws.reference
        for now, expected in instants:
            reading = read_clock(summary, cal, now)
            assert reading is not None
            assert reading.level is expected, (scenario, now, reading)
            # the queue's countdown cell
            model = CaseTableModel(calendar=cal, clock=lambda now=now: now)
            model.reset_rows([summary])
            queue = model.data_at(0, model.TIMER_COLUMN, TimerLevelRole)
            assert queue == int(QUEUE_LEVEL[expected]), (scenario, now)
            # the detail's deadline bar for the running clock
            detail = ws.case_detail(case.id, ws.actor("leader"), at=now)
            [bar] = [t for t in timings(ref, detail, now) if t.running]
            assert (bar.level, bar.overdue) == (expected, expected is ClockLevel.OVERDUE)
            assert bar.fraction == pytest.approx(reading.used_fraction)
            # the reminder centre
            timer_items = [i for i in evaluate([summary], now, cal) if i.kind in TIMER_KINDS]
            said = TIMER_KINDS[timer_items[0].kind] if timer_items else ClockLevel.NORMAL
            assert said is expected, (scenario, now, timer_items)
            # the map marker and the counter in the database
            assert is_overdue(summary, now) == (expected is ClockLevel.OVERDUE)
            cell = ws.cell_summary(summary.grid_code, at=now)
            assert cell.overdue_cases == (1 if expected is ClockLevel.OVERDUE else 0)
    finally:
        ws.dispose()


def test_the_issues_example_reads_80_8_percent_with_two_and_a_half_hours_left(
    qapp, sqlite_url: str
) -> None:
    ws = make_world(sqlite_url, MON)
    try:
        case = extended(ws)
        reading = read_clock(ws.cases_by_ids([case.id])[0], ws.reference.calendar,
                             at(10, 15, 30))  # fmt: skip
        assert reading is not None
        assert round(reading.used_fraction * 100, 1) == 80.8
        assert reading.remaining_minutes == 150
    finally:
        ws.dispose()
