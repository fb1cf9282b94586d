"""The demo is alive whatever the hour it ends: every stage in use, supervisors out with
fresh positions (a night team by night), photos on the steps that come with one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from workstation.adapters.demo import DemoOptions, build_demo
from workstation.bootstrap import Workstation, bootstrap
from workstation.domain.lifecycle import Action, CaseState, Source
from workstation.domain.roster import night_team
from workstation.persistence.repositories import CASES, EVENTS
from workstation.persistence.tables import AttachmentRow
from workstation.settings import Settings

OPEN_STAGES = [s for s in CaseState if s.is_open]


@pytest.fixture(scope="module", params=[datetime(2026, 11, 25, 3, 0),
                                        datetime(2026, 11, 25, 15, 0)],
                ids=["03h00", "15h00"])  # fmt: skip
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Workstation, datetime]]:
    end: datetime = request.param
    url = f"sqlite:///{tmp_path_factory.mktemp('alive') / 'demo.sqlite'}"
    ws = bootstrap(Settings(db_url=url), clock=lambda: end)
    build_demo(ws, DemoOptions(days=4, seed=3, end=end))
    yield ws, end
    ws.dispose()


def test_every_stage_has_cases(demo) -> None:
    ws, _ = demo
    with ws.read_session() as s:
        states = list(s.execute(select(CASES.c.state)).scalars())
    for stage in [*OPEN_STAGES, CaseState.CLOSED]:
        assert states.count(stage.value) > 0, stage


def test_supervisors_on_duty_have_recent_positions(demo) -> None:
    ws, end = demo
    board = ws.supervisor_board(at=end)
    out = [r for r in board if r.status == "patrolling"]
    assert all(r.lon is not None and not r.late for r in out)
    assert all(r.fix_age_seconds is not None and 0 <= r.fix_age_seconds <= 60 for r in out)
    assert all(ws.reference.grid.locate(r.lon, r.lat) for r in out)  # on their grids
    if end.hour < 8:  # the night team only, the others rest since 18:30
        team = night_team(list(ws.reference.supervisors), (end - timedelta(days=1)).date())
        assert {r.username for r in out} == set(team)
        assert 1 <= len(out) < len(board)
        rest = [r for r in board if r.status == "resting"]
        assert len(rest) == len(board) - len(out)
        assert all(r.last_fix_at == datetime(2026, 11, 24, 18, 30) for r in rest)
    else:
        assert len(out) == len(board) == 30
    track = ws.supervisor_track(out[0].code, end - timedelta(hours=3))
    assert len(track) > 30  # a walk, not a single point


def test_the_steps_that_come_with_a_photo_have_one(demo) -> None:
    ws, _ = demo
    with ws.read_session() as s:
        photos = {(r.case_id, r.event_seq): r.kind for r in s.execute(
            select(AttachmentRow.case_id, AttachmentRow.event_seq, AttachmentRow.kind))}
        open_cases = s.execute(select(CASES.c.id, CASES.c.source, CASES.c.self_handled).where(
            CASES.c.state.in_([st.value for st in OPEN_STAGES]))).all()
        ids = [c.id for c in open_cases]
        feedback = s.execute(select(EVENTS.c.case_id, EVENTS.c.seq).where(
            EVENTS.c.case_id.in_(ids), EVENTS.c.action == Action.FEEDBACK.value)).all()
    assert photos
    supervisor = [c for c in open_cases if c.source == Source.SUPERVISOR.value]
    assert supervisor
    for c in supervisor:
        assert photos.get((c.id, 1)) in ("before", "after"), c.id
    assert feedback
    assert all(photos.get((f.case_id, f.seq)) == "after" for f in feedback)
    data = ws.attachments(supervisor[0].id)
    assert data
    assert data[0].is_image
    assert data[0].thumbnail
