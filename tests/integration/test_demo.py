"""Demo data generator: deterministic, replayable, plausible, and usable right after."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from workstation import cli
from workstation.adapters.demo import (
    DEMO_ORIGIN,
    DemoOptions,
    DemoStats,
    _json_encoder,
    _sink,
    _SqliteSink,
    build_demo,
)
from workstation.adapters.seed import DEMO_PASSWORD
from workstation.bootstrap import Workstation, bootstrap
from workstation.domain.case import evolve, rederive, replay
from workstation.domain.errors import DomainError, ValidationError
from workstation.domain.lifecycle import Action, CaseState, Source
from workstation.persistence import append_only, search_index
from workstation.persistence.repositories import (
    CASES,
    EVENTS,
    CaseRepository,
    case_from_row,
    event_from_row,
)
from workstation.persistence.tables import ChangeFeedRow, CounterRow, SettingRow
from workstation.settings import Settings

from support.pg import throwaway_database

END = datetime(2026, 11, 25, 10, 30)  # a Wednesday morning: every open state is in use
DAYS, SEED = 8, 3


@dataclass
class Demo:
    ws: Workstation
    stats: DemoStats
    url: str
    steps: list[tuple[str, int, int]]


def _build(url: str, **options: Any) -> tuple[Workstation, DemoStats, list[tuple[str, int, int]]]:
    steps: list[tuple[str, int, int]] = []
    ws = bootstrap(Settings(db_url=url), clock=lambda: END)
    values: dict[str, Any] = {"days": DAYS, "seed": SEED, "end": END, **options}
    stats = build_demo(ws, DemoOptions(**values), progress=lambda *step: steps.append(step))
    return ws, stats, steps


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Demo]:
    """One demo database per backend, shared by the read-only tests of this module."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
        else:
            server = request.getfixturevalue("postgres_server")
            url = stack.enter_context(throwaway_database(server))
        ws, stats, steps = _build(url)
        stack.callback(ws.dispose)
        yield Demo(ws, stats, url, steps)


def _sqlite_url(tmp_path_factory: pytest.TempPathFactory, name: str) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('demo') / name}"


def _digest(ws: Workstation) -> str:
    """Every stored value of cases, events and counters, as the driver returns them."""
    h = hashlib.sha256()
    with ws.engine.connect() as conn:
        for sql in ("SELECT * FROM cases ORDER BY id", "SELECT * FROM case_events ORDER BY id",
                    "SELECT name, value FROM counters ORDER BY name"):  # fmt: skip
            for row in conn.exec_driver_sql(sql):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def _cases(ws: Workstation) -> list[Any]:
    with ws.read_session() as session:
        return [case_from_row(r) for r in session.execute(select(CASES).order_by(CASES.c.id))]


def _events(ws: Workstation) -> list[Any]:
    with ws.read_session() as session:
        rows = session.execute(select(EVENTS).order_by(EVENTS.c.case_id, EVENTS.c.seq))
        return [event_from_row(r) for r in rows]


# ----------------------------------------------------------------------------- determinism


def test_same_seed_gives_identical_data_and_another_seed_does_not(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    first, _, _ = _build(_sqlite_url(tmp_path_factory, "a.sqlite"), days=2)
    again, _, _ = _build(_sqlite_url(tmp_path_factory, "b.sqlite"), days=2)
    other, _, _ = _build(_sqlite_url(tmp_path_factory, "c.sqlite"), days=2, seed=SEED + 1)
    try:
        assert _digest(first) == _digest(again)
        assert _digest(first) != _digest(other)
    finally:
        for ws in (first, again, other):
            ws.dispose()


def test_generator_processes_produce_the_same_data(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Each day has its own random stream and batches are written in day order, so
    # splitting the days over processes changes nothing, event ids included.
    alone, _, _ = _build(_sqlite_url(tmp_path_factory, "one.sqlite"), days=2, workers=1)
    split, _, _ = _build(_sqlite_url(tmp_path_factory, "two.sqlite"), days=2, workers=2)
    try:
        assert _digest(alone) == _digest(split)
    finally:
        alone.dispose()
        split.dispose()


def test_large_sqlite_load_leaves_wal_only_when_alone(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    ws = bootstrap(Settings(db_url=_sqlite_url(tmp_path_factory, "journal.sqlite")), upgrade=True)

    def journal_mode() -> str:
        with ws.engine.connect() as conn:
            # …and commits as durable as before (the suite's NORMAL = 1) on the
            # connection the load used (it had them off).
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1
            return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())

    try:
        sink = _sink(ws, large=True)
        assert isinstance(sink, _SqliteSink)
        assert sink.left_wal  # alone: rollback journal while loading
        sink.commit()
        sink.close()
        assert journal_mode() == "wal"
        with ws.engine.connect() as other:  # somebody else has the file open
            other.exec_driver_sql("SELECT 1 FROM cases").all()
            sink = _sink(ws, large=True)
            assert isinstance(sink, _SqliteSink)
            assert not sink.left_wal
            sink.rollback()
            sink.close()
        assert journal_mode() == "wal"
    finally:
        ws.dispose()


def test_json_encoder_writes_what_json_dumps_writes() -> None:
    import json

    dumps = _json_encoder()
    for value in ({}, {"a": 1, "b": None, "c": [1, 2.5, True]}, {"说明": "井盖破损，存在安全隐患"},
                  {"lon": 102.81234567891234, "nested": {"x": "\u2028\n\"q\""}}):  # fmt: skip
        assert dumps(value) == json.dumps(value)


# ----------------------------------------------------------------------------- fidelity


def test_every_case_replays_from_its_events(demo: Demo) -> None:
    ctx = demo.ws.reference.context
    with demo.ws.read_session() as session:
        repo = CaseRepository(session, DEMO_ORIGIN)  # as the demo records them
        rows = session.execute(select(CASES).order_by(CASES.c.id)).all()
        assert len(rows) == demo.stats.cases
        for row in rows:
            events = repo.events(row.id)
            case = case_from_row(row)
            assert replay(events) == case
            # Re-deriving the deadlines under the same calendar changes nothing: what a
            # calendar change compares against (calendar_admin.impact) is exactly this.
            again = rederive(events, ctx)
            assert (again.deadline, again.stage_deadline) == (case.deadline, case.stage_deadline)
            # CaseRepository: version 1 on add, +1 per saved event.
            assert row.version == row.event_count == len(events)
            assert [e.seq for e in events] == list(range(1, len(events) + 1))


def test_rows_are_exactly_what_the_repository_writes(demo: Demo) -> None:
    """Re-write a sample of cases through CaseRepository.add/save: the same stored values."""
    cases = _cases(demo.ws)
    sample, seen = [], set()
    for case in cases:  # one case of each state and loop, plus the merges
        key = (case.state, case.rework_count > 0, case.duplicate_ids != (), case.is_key,
               case.pending_request, case.source is Source.SUPERVISOR)  # fmt: skip
        if key not in seen:
            seen.add(key)
            sample.append(case.id)
    ids = ", ".join(str(i) for i in sample)
    # JSON compared as stored text too (PostgreSQL's driver would hand back dicts).
    case_sql = (
        f"SELECT *, CAST(pending_payload AS TEXT) AS json_text FROM cases WHERE id IN ({ids})"
        " ORDER BY id"
    )
    columns = (
        "case_id, seq, action, actor, role, at, from_state, to_state, payload, note,"
        " CAST(payload AS TEXT)"
    )
    event_sql = f"SELECT {columns} FROM case_events WHERE case_id IN ({ids}) ORDER BY case_id, seq"
    with demo.ws.engine.connect() as conn:
        stored = (list(conn.exec_driver_sql(case_sql)), list(conn.exec_driver_sql(event_sql)))
    session = demo.ws._writes()
    try:
        repo = CaseRepository(session, DEMO_ORIGIN)  # as the demo records them
        histories = {i: repo.events(i) for i in sample}
        with append_only.lifted(session):  # a demo database: its events may be replayed
            session.execute(EVENTS.delete().where(EVENTS.c.case_id.in_(sample)))
        # (the search index is written by the repository too: its rows go with the cases)
        search_index.remove_cases(session, sample)
        # (and the 督办 records, built from the events after the bulk load)
        session.execute(text(f"DELETE FROM escalations WHERE case_id IN ({ids})"))
        # (and the demo's photos, which refer to the cases: not the repository's rows)
        session.execute(text(f"DELETE FROM attachments WHERE case_id IN ({ids})"))
        session.execute(CASES.delete().where(CASES.c.id.in_(sample)))
        for events in histories.values():
            case = evolve(None, events[0])
            repo.add(case, events[0])
            for version, event in enumerate(events[1:], start=1):
                case = evolve(case, event)
                repo.save(case, event, version)
        conn = session.connection()
        rewritten = (list(conn.exec_driver_sql(case_sql)), list(conn.exec_driver_sql(event_sql)))
    finally:
        session.rollback()
        session.close()
    assert len(stored[0]) == len(sample)
    assert rewritten == stored


# ----------------------------------------------------------------------------- realism


def test_counts_are_plausible(demo: Demo) -> None:
    stats = demo.stats
    cases = _cases(demo.ws)
    events = _events(demo.ws)
    states = Counter(c.state for c in cases)
    actions = Counter(e.action for e in events)
    assert stats.cases == len(cases)
    assert stats.events == len(events)
    assert 0.8 * DAYS * 300 < stats.cases < 1.2 * DAYS * 300
    for state in CaseState:
        assert states[state] > 0, f"no {state.value} case"
        assert stats.state_count(state) == states[state]
    assert stats.open_cases == sum(n for s, n in states.items() if s.is_open)
    overdue = [c for c in cases if c.state is CaseState.DISPATCHED and c.deadline < END]
    assert stats.overdue_cases == len(overdue) > 0
    # Every loop of the case lifecycle happens.
    for action in (Action.CHECK_FAIL, Action.APPROVE_RETURN, Action.REJECT_RETURN,
                   Action.APPROVE_EXTENSION, Action.APPROVE_SUSPENSION, Action.RESTORE,
                   Action.MERGE, Action.APPROVE_SELF_HANDLED, Action.VOID, Action.REMIND,
                   Action.ESCALATE, Action.REQUEST_VERIFICATION, Action.RECLASSIFY):  # fmt: skip
        assert actions[action] > 0, f"no {action.value}"
    assert actions[Action.MERGE] == actions[Action.ABSORB_DUPLICATE]
    assert any(not e.payload["confirmed"] for e in events if e.action is Action.VERIFY)
    assert any(c.pending_request is not None for c in cases)  # waiting for the leader
    # Shares roughly as in a real centre.
    n = len(cases)
    assert 0.68 < sum(c.source is Source.SUPERVISOR for c in cases) / n < 0.82
    assert sum((c.category_code or "").startswith("E") for c in cases) / n > 0.7
    assert 0.02 < actions[Action.VOID] / n < 0.08
    assert 0.01 < sum(c.closed_by_self_handling for c in cases) / n < 0.05
    dispatched = sum(1 for c in cases if c.unit_code or c.return_count)
    assert 0.02 < actions[Action.CHECK_FAIL] / dispatched < 0.07  # rework: a few per cent
    assert any(c.priority.value == "urgent" for c in cases)


def test_the_month_evaluates_like_a_real_centre(demo: Demo) -> None:
    """Most units 90–99 % on time, a few under the 95 % line, rework a few per cent."""
    first = (END - timedelta(days=DAYS)).date().isoformat()
    rows = demo.ws.evaluate(first, END.date().isoformat(), "unit", at=END)
    busy = [r.indicators for r in rows if r.indicators["due_to_handle"] >= 20]
    assert len(busy) >= 10
    on_time = [i["on_time_handling_rate"] for i in busy]
    assert sum(88.0 <= rate <= 100.0 for rate in on_time) / len(on_time) >= 0.8, on_time
    assert any(rate < 95.0 for rate in on_time), on_time
    assert sum(rate >= 95.0 for rate in on_time) >= 3, on_time
    rework = [i["rework_rate"] for i in busy]
    assert sorted(rework)[len(rework) // 2] < 8.0, rework  # the median unit


def test_nothing_happens_after_the_end_and_time_runs_forward(demo: Demo) -> None:
    events = _events(demo.ws)
    assert max(e.at for e in events) <= END
    assert min(e.at for e in events) >= END - timedelta(days=DAYS)
    by_case: dict[int, list[datetime]] = {}
    for e in events:
        by_case.setdefault(e.case_id, []).append(e.at)
    assert all(times == sorted(times) for times in by_case.values())


def test_actors_are_the_seeded_accounts(demo: Demo) -> None:
    accounts = demo.ws.reference.accounts
    supervisors = demo.ws.reference.supervisors
    for e in _events(demo.ws):
        assert accounts[e.actor].role is e.role
    for case in _cases(demo.ws):
        assert case.grid_code in demo.ws.reference.cells
        if case.source is Source.SUPERVISOR:
            assert case.grid_code in supervisors[case.reporter].patrol_cells
        if case.check_supervisor:
            checker = demo.ws.reference.supervisor_for_cell(case.grid_code)
            assert checker is not None
            assert case.check_supervisor == checker.username


def test_case_numbers_and_counters_continue_the_numbering(demo: Demo) -> None:
    with demo.ws.read_session() as session:
        rows = session.execute(select(CounterRow.name, CounterRow.value))
        counters = {name: value for name, value in rows}
        numbers = session.execute(select(CASES.c.case_no, CASES.c.id)).all()
    assert counters["case_id"] == max(i for _, i in numbers) == len(numbers)
    last: dict[str, int] = {}
    for case_no, _ in numbers:
        day, seq = case_no[:8], int(case_no[8:])
        last[day] = max(last.get(day, 0), seq)
    assert {k: v for k, v in counters.items() if k.startswith("case_no:")} == {
        f"case_no:{day}": seq for day, seq in last.items()
    }


def test_reference_data_and_progress(demo: Demo) -> None:
    ref = demo.ws.reference
    assert ref.is_demo
    assert len(ref.supervisors) == demo.stats.supervisors == 30
    assert demo.stats.cells == len(ref.cells) >= 15_000
    assert demo.stats.streets == 10
    steps = [s for s, _, _ in demo.steps]
    for label in ("生成网格", "生成案件", "写入数据库"):
        assert label in steps
    done, total = next((d, t) for s, d, t in reversed(demo.steps) if s == "生成案件")
    assert done == total == demo.stats.cases
    text_ = demo.stats.describe()
    assert DEMO_PASSWORD in text_
    assert "leader" in text_
    assert f"{demo.stats.cases:,}" in text_
    with demo.ws.read_session() as session:
        feed = session.scalars(select(ChangeFeedRow).where(ChangeFeedRow.topic == "reference"))
        assert [r.action for r in feed] == ["demo_loaded"]


# ----------------------------------------------------------------------------- afterwards


def test_services_work_on_the_demo_data(demo: Demo) -> None:
    ws = demo.ws
    assert ws.login("leader", DEMO_PASSWORD).username == "leader"
    target = next(c for c in _cases(ws) if c.state is CaseState.DISPATCHED)
    summary = ws.act(ws.actor("dispatcher"), target.id, "remind", at=END)
    assert summary.remind_count == target.remind_count + 1
    username = sorted(ws.reference.supervisors)[0]
    supervisor = ws.reference.supervisors[username]
    with ws.read_session() as session:
        last_id = int(session.scalar(select(func.max(CASES.c.id))) or 0)
        today = int(
            session.scalar(select(func.count()).where(CASES.c.case_no.like("20261125%"))) or 0
        )
    new = ws.report(ws.actor(username), description="演示后新上报：井盖破损",
                    grid_code=supervisor.patrol_cells[0], category_code="C0103",
                    at=END + timedelta(minutes=1))  # fmt: skip
    assert new.id == last_id + 1
    assert new.case_no == f"20261125{today + 1:05d}"


def test_the_demos_escalations_have_their_records(demo: Demo) -> None:
    """督办 written in bulk get their records (the 督办 list and the detail panel read them)."""
    ws = demo.ws
    with ws.read_session() as session:
        escalated = session.scalar(select(func.count()).select_from(EVENTS)
                                   .where(EVENTS.c.action == Action.ESCALATE.value))  # fmt: skip
        recorded = session.scalar(text("SELECT count(*) FROM escalations"))
        open_cases = session.scalar(select(func.count()).select_from(CASES).where(
            CASES.c.escalation_open.is_(True),
            CASES.c.state.in_([s.value for s in CaseState if s.is_open])))  # fmt: skip
    assert escalated
    assert recorded == escalated
    assert len(ws.open_escalation_ids(at=END)) == open_cases


def _settings(session: Session) -> dict[str, str]:
    return {key: value for key, value in session.execute(select(SettingRow.key, SettingRow.value))}


def test_second_run_is_refused_and_writes_nothing(demo: Demo) -> None:
    before = _digest(demo.ws)
    with demo.ws.read_session() as session:
        settings = _settings(session)
        feed = session.scalar(select(func.count()).select_from(ChangeFeedRow))
    with pytest.raises(DomainError, match="已有 .* 件案件，不能再生成演示数据"):
        build_demo(demo.ws, DemoOptions(days=1, seed=SEED + 1, end=END))
    assert _digest(demo.ws) == before
    with demo.ws.read_session() as session:
        assert _settings(session) == settings
        assert session.scalar(select(func.count()).select_from(ChangeFeedRow)) == feed


def test_replace_starts_over(tmp_path_factory: pytest.TempPathFactory) -> None:
    ws, first, _ = _build(_sqlite_url(tmp_path_factory, "replace.sqlite"), days=1)
    try:
        stats = build_demo(ws, DemoOptions(days=2, seed=SEED + 1, end=END, replace=True))
        with ws.read_session() as session:
            assert session.scalar(select(func.count()).select_from(CASES)) == stats.cases
            assert session.scalar(select(func.min(CASES.c.id))) == 1
            assert session.scalar(select(CounterRow.value).where(CounterRow.name == "case_id")) \
                == stats.cases  # fmt: skip
        assert stats.cases != first.cases
    finally:
        ws.dispose()


def test_cancelling_from_progress_keeps_no_cases(tmp_path_factory: pytest.TempPathFactory) -> None:
    ws = bootstrap(Settings(db_url=_sqlite_url(tmp_path_factory, "cancel.sqlite")))

    class Cancelled(Exception):
        pass

    def cancel_midway(step: str, done: int, total: int) -> None:
        if step == "生成案件" and done > total // 2:
            raise Cancelled

    try:
        options = DemoOptions(days=2, seed=SEED, end=END, workers=2)
        with pytest.raises(Cancelled):
            build_demo(ws, options, progress=cancel_midway)
        with ws.read_session() as session:
            assert session.scalar(select(func.count()).select_from(CASES)) == 0
            assert session.scalar(select(func.count()).select_from(EVENTS)) == 0
        stats = build_demo(ws, DemoOptions(days=1, seed=SEED, end=END))  # not refused
        assert stats.cases > 0
    finally:
        ws.dispose()


def test_options_are_validated(tmp_path_factory: pytest.TempPathFactory) -> None:
    ws = bootstrap(Settings(db_url=_sqlite_url(tmp_path_factory, "bad.sqlite")))
    try:
        with pytest.raises(ValidationError, match="天数不能为负数"):
            build_demo(ws, DemoOptions(days=-1))
        with pytest.raises(ValidationError, match="每天上报量"):
            build_demo(ws, DemoOptions().with_rate(0))
    finally:
        ws.dispose()


def test_zero_days_builds_the_reference_data_without_cases(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    url = _sqlite_url(tmp_path_factory, "empty.sqlite")
    ws = bootstrap(Settings(db_url=url), clock=lambda: END)
    try:
        stats = build_demo(ws, DemoOptions(days=0, end=END))
        assert (stats.cases, stats.events) == (0, 0)
        assert stats.cells >= 15_000
        assert stats.supervisors == 30
        assert ws.has_grid()
        assert "admin" in ws.reference.accounts
        assert ws.list_cases() == []
    finally:
        ws.dispose()


def test_cli_demo(
    tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _sqlite_url(tmp_path_factory, "cli.sqlite")
    argv = ["--db", url, "demo", "--days", "1", "--seed", "9", "--end", END.isoformat(),
            "--cases-per-day", "120"]  # fmt: skip
    assert cli.main(argv) == 0
    out = capsys.readouterr()
    assert "演示数据已生成" in out.out
    assert DEMO_PASSWORD in out.out
    assert "生成案件" in out.err
    assert cli.main(argv) == 1
    assert "不能再生成演示数据" in capsys.readouterr().err
