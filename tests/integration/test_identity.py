"""Identity that cannot be forged (issue 10 §5): the services act as the account as it is
stored, read inside the action's transaction — a made-up actor, an actor obtained before
its account was deactivated, a role the caller claims but the account does not have."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import update

from workstation.domain.errors import PermissionDenied
from workstation.domain.roles import Actor, Role
from workstation.persistence.tables import AccountRow

from support.world import dispatched_case, make_world

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def world(db_url: str):
    ws = make_world(db_url, NOW)
    case = dispatched_case(ws, NOW)
    ws.act(ws.actor(case.unit.lower()), case.id, "request_return", {"reason": "不属于本单位职责"})
    yield ws, case
    ws.dispose()


def _history(ws, case_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.action for e in ws.load_case(case_id)[2]]


def test_a_made_up_actor_cannot_approve_a_return(world) -> None:
    ws, case = world
    before = _history(ws, case.id)
    with pytest.raises(PermissionDenied, match="账号 ghost 不存在或已停用"):
        ws.act(Actor("ghost", Role.LEADER), case.id, "approve_return")
    assert _history(ws, case.id) == before


def test_an_actor_from_before_its_account_was_deactivated_is_refused(world) -> None:
    ws, case = world
    leader = ws.actor("leader")  # as a console holds it after its login
    with ws.write_session() as s:
        s.execute(update(AccountRow).where(AccountRow.username == "leader").values(active=False))
    before = _history(ws, case.id)
    with pytest.raises(PermissionDenied, match="已停用"):
        ws.act(leader, case.id, "approve_return")
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    with pytest.raises(PermissionDenied, match="已停用"):
        ws.report(leader, description="停用后上报", grid_code=cell)
    assert _history(ws, case.id) == before


def test_the_stored_role_decides_not_the_claimed_one(world) -> None:
    ws, case = world
    claimed = Actor("dispatcher", Role.LEADER, "冒充的值班长")  # a dispatcher's account
    with pytest.raises(PermissionDenied):
        ws.act(claimed, case.id, "approve_return")  # a leader's decision
    noted = ws.act(claimed, case.id, "note", {"text": "派遣员的备注"})
    last = ws.load_case(noted.id)[2][-1]
    assert (last.actor, last.role) == ("dispatcher", Role.DISPATCHER)


def test_a_deactivated_supervisor_cannot_send_positions(world) -> None:
    ws, _ = world
    phone = ws.actor("jdy001")
    ws.record_fix(phone, 102.85, 24.88)
    with ws.write_session() as s:
        s.execute(update(AccountRow).where(AccountRow.username == "jdy001").values(active=False))
    with pytest.raises(PermissionDenied, match="已停用"):
        ws.record_fix(phone, 102.86, 24.88)


def test_each_event_records_the_workstation_it_came_from(world) -> None:
    ws, case = world
    from dataclasses import replace

    from workstation.bootstrap import Workstation

    desk = Workstation(replace(ws.settings, workstation_name="指挥席-3"), ws.engine, ws.clock)
    desk.act(desk.actor("leader"), case.id, "approve_return")
    with ws.read_session() as s:
        from sqlalchemy import select

        from workstation.persistence.repositories import EVENTS

        origins = s.execute(select(EVENTS.c.action, EVENTS.c.origin)
                            .where(EVENTS.c.case_id == case.id)
                            .order_by(EVENTS.c.seq)).all()  # fmt: skip
    assert origins[-1] == ("approve_return", "指挥席-3")
    assert {o for _, o in origins[:-1]} == {ws.settings.workstation_name}
