"""The field simulator works only through the services and leaves replayable cases."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from workstation.adapters.simulator import FieldSimulator, SimulatorOptions
from workstation.domain.case import replay
from workstation.domain.grid import CHENGGONG_PROJECTION
from workstation.domain.roster import night_team
from workstation.persistence.repositories import CaseRepository
from workstation.persistence.tables import SupervisorFixRow

from support.world import make_world

START = datetime(2026, 11, 25, 9, 0)


@pytest.fixture
def ws(sqlite_url: str):
    ws = make_world(sqlite_url, START)
    yield ws
    ws.dispose()


class Centre:
    """What the dispatchers do meanwhile: file, dispatch, approve, send for check."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.sent: set[int] = set()

    def work(self, at: datetime) -> None:
        ws = self.ws
        leader, dispatcher = ws.actor("leader"), ws.actor("dispatcher")
        for case in ws.list_cases():
            if case.state == "reported" and case.self_handled:
                ws.act(leader, case.id, "approve_self_handled", at=at)
            elif case.state == "reported" and case.source == "supervisor":
                ws.act(leader, case.id, "file", at=at)
                ws.act(dispatcher, case.id, "dispatch", at=at)
            elif case.state == "awaiting_check" and case.id not in self.sent:
                ws.act(dispatcher, case.id, "send_for_check", at=at)
                self.sent.add(case.id)


def test_simulated_hours_produce_fixes_reports_and_task_completions(ws) -> None:
    centre = Centre(ws)
    sim = FieldSimulator(ws, SimulatorOptions(seed=5, reports_per_hour=40, photos=False),
                         start=START)  # fmt: skip
    for _ in range(16):  # 8 simulated hours, the centre working every half hour
        sim.advance(1800)
        centre.work(sim.now)
    stats = sim.stats
    assert stats.reports > 100
    assert stats.fixes == 4 * 8 * 120  # 4 supervisors, a fix every 30 s while on patrol
    assert stats.feedbacks > 0
    assert stats.checks_passed > 0
    with ws.read_session() as s:
        assert s.scalar(select(func.count()).select_from(SupervisorFixRow)) == stats.fixes
        repo = CaseRepository(s)
        for case_id in sorted(stats.touched):
            assert replay(repo.events(case_id)) == repo.get(case_id)
    board = {r.username: r for r in ws.supervisor_board(at=sim.now)}
    assert all(r.last_fix_at is not None for r in board.values())


def test_same_seed_same_field(sqlite_url: str, tmp_path) -> None:
    def run(url: str) -> list[tuple[str, str | None]]:
        ws = make_world(url, START)
        FieldSimulator(ws, SimulatorOptions(seed=9, photos=False), start=START).advance(3600)
        rows = [(c.description, c.grid_code) for c in ws.list_cases()]
        ws.dispose()
        return rows

    first = run(sqlite_url)
    assert first
    assert run(f"sqlite:///{tmp_path / 'again.sqlite'}") == first


def test_only_the_night_team_patrols_at_night(ws) -> None:
    night = START.replace(hour=22)
    team = night_team(list(ws.reference.supervisors), night.date())
    assert len(team) == 1  # of 4 supervisors; never nobody
    sim = FieldSimulator(ws, SimulatorOptions(seed=1, reports_per_hour=40), start=night)
    sim.advance(timedelta(hours=2).total_seconds())
    assert sim.stats.fixes == len(team) * 2 * 120
    # A quarter of the people, at NIGHT_REPORT_FACTOR of the day's rate per person.
    assert sim.stats.reports < 40 * 2 / 4
    board = {r.username: r for r in ws.supervisor_board(at=sim.now)}
    assert {u for u, r in board.items() if r.last_fix_at is not None} == set(team)
    assert {ws.load_case(c.id)[0].reporter for c in ws.list_cases()} <= set(team)


def test_walkers_start_where_the_supervisors_were_last_seen(ws) -> None:
    cell = ws.reference.cells[ws.reference.supervisors["jdy002"].patrol_cells[-1]]
    ws.record_fix(ws.actor("jdy002"), cell.lon, cell.lat, at=START - timedelta(minutes=5))
    sim = FieldSimulator(ws, SimulatorOptions(seed=1), start=START)
    walker = next(w for w in sim._walkers if w.actor.username == "jdy002")
    x, y = CHENGGONG_PROJECTION.to_metres(cell.lon, cell.lat)
    assert (walker.x, walker.y) == pytest.approx((x, y))


def test_reports_of_the_simulator_get_the_gazetteers_address(ws) -> None:
    sim = FieldSimulator(ws, SimulatorOptions(seed=5, reports_per_hour=40, photos=False),
                         start=START)  # fmt: skip
    sim.advance(1800)
    cases = ws.list_cases()
    assert cases
    for case in cases:
        stored = ws.load_case(case.id)[0]
        assert stored.address == ws.reference.address_at(case.lon, case.lat, case.grid_code)
        assert stored.address.endswith(case.community_name)


def test_short_advances_walk_at_walking_speed(ws) -> None:
    sim = FieldSimulator(ws, SimulatorOptions(seed=2, reports_per_hour=0.001), start=START)
    walker = sim._walkers[0]
    x0, y0 = walker.x, walker.y
    for _ in range(10):
        sim.advance(1)  # ten one-second steps: at most 13 m on foot
    assert ((walker.x - x0) ** 2 + (walker.y - y0) ** 2) ** 0.5 <= 13.01


def test_on_a_fresh_demo_database(tmp_path) -> None:
    """The acceptance run: N simulated minutes on a fresh demo database."""
    from workstation.adapters.demo import DemoOptions, build_demo
    from workstation.bootstrap import bootstrap
    from workstation.settings import Settings

    end = datetime(2026, 11, 25, 10, 0)
    ws = bootstrap(Settings(db_url=f"sqlite:///{tmp_path / 'demo.sqlite'}"), clock=lambda: end)
    build_demo(ws, DemoOptions(days=3, seed=4, end=end))
    centre = Centre(ws)
    sim = FieldSimulator(ws, SimulatorOptions(seed=4, photos=False), start=end)
    for _ in range(6):  # 90 simulated minutes
        sim.advance(15 * 60)
        centre.work(sim.now)
    stats = sim.stats
    assert stats.reports > 10
    assert stats.fixes == 30 * 90 * 2  # 30 supervisors, a fix every 30 s
    assert stats.feedbacks + stats.checks_passed + stats.checks_failed + stats.verifications > 0
    with ws.read_session() as s:
        repo = CaseRepository(s)
        for case_id in sorted(stats.touched):
            assert replay(repo.events(case_id)) == repo.get(case_id)
    ws.dispose()
