"""Reminder acknowledgements and snoozes, stored for the shift, on both databases: who sees
whose, until when, what is audited and announced, and who may do it."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from workstation.bootstrap import Workstation
from workstation.domain.errors import PermissionDenied, ValidationError
from workstation.persistence.tables import AdminAuditRow, ReminderAckRow
from workstation.services.attention import AttentionEvaluator, AttentionItem, Kind
from workstation.services.reminder_acks import ACK, SNOOZE, TOPIC, HoldBook

from support.world import dispatched_case, make_world

WED_0900 = datetime(2026, 11, 25, 9, 0)  # dispatched with 2 工作时 → due 11:00
NOON = datetime(2026, 11, 25, 12, 0)


@pytest.fixture
def ws(db_url: str):
    ws = make_world(db_url, NOON)
    yield ws
    ws.dispose()


def _overdue(ws: Workstation) -> AttentionItem:
    case = dispatched_case(ws, WED_0900)
    items = AttentionEvaluator(ws.reference.calendar).evaluate(ws.cases_by_ids([case.id]), NOON)
    (item,) = [i for i in items if i.kind is Kind.OVERDUE]
    return item


def _audit(ws: Workstation) -> list[tuple[str, str, str]]:
    with ws.read_session() as session:
        rows = session.execute(
            select(AdminAuditRow.actor, AdminAuditRow.action, AdminAuditRow.subject)
            .where(AdminAuditRow.action.like("reminder.%")).order_by(AdminAuditRow.id)
        )  # fmt: skip
        return [tuple(r) for r in rows]


def test_one_dispatchers_acknowledgement_is_the_shifts(ws: Workstation) -> None:
    item = _overdue(ws)
    after = ws.feed_cursor()
    (written,) = ws.acknowledge_reminders(ws.actor("dispatcher"), [item])
    assert written.kind == ACK

    # the shift leader's console reads it: who, when, and that it hides the item
    (hold,) = ws.reminder_holds(ws.actor("leader"))
    dispatcher = ws.actor("dispatcher")
    assert (hold.kind, hold.key, hold.actor, hold.at) == (ACK, item.key, "dispatcher", NOON)
    assert hold.actor_name == dispatcher.display_name
    assert hold.holds(item, NOON + timedelta(hours=5))  # an ack has no end …
    # … but holds for this situation only: a new deadline or a new request is a new item
    assert not hold.holds(dataclasses.replace(item, stamp="handling@2026-11-26T11:00:00"), NOON)
    assert not hold.holds(dataclasses.replace(item, since=NOON + timedelta(minutes=1)), NOON)

    assert _audit(ws) == [("dispatcher", "reminder.ack", f"{item.case_no}/overdue")]
    batch = ws.changes_since(after)
    assert TOPIC in batch.topics  # the other consoles reload their holds
    assert batch.case_ids == ()  # … and no case changed


def test_snooze_until_a_time_then_the_item_comes_back(ws: Workstation) -> None:
    item = _overdue(ws)
    until = NOON + timedelta(minutes=15)
    ws.snooze_reminders(ws.actor("acceptor"), [item], until)
    (hold,) = ws.reminder_holds(ws.actor("dispatcher"))
    assert (hold.kind, hold.until, hold.actor) == (SNOOZE, until, "acceptor")

    book = HoldBook()
    book.replace([hold])
    assert book.split([item], NOON) == ([], [item])
    assert book.woke([item], NOON) == []
    assert book.next_wake(NOON) == until
    later = until + timedelta(seconds=1)
    assert book.split([item], later) == ([item], [])
    assert book.woke([item], later) == [item]  # reminds once, on the console that hid it
    assert book.woke([item], later) == []
    assert book.next_wake(later) is None
    assert _audit(ws) == [("acceptor", "reminder.snooze", f"{item.case_no}/overdue")]


def test_a_new_hold_replaces_the_last_one(ws: Workstation) -> None:
    item = _overdue(ws)
    ws.snooze_reminders(ws.actor("dispatcher"), [item], NOON + timedelta(minutes=30))
    ws.acknowledge_reminders(ws.actor("leader"), [item, item])
    holds = ws.reminder_holds(ws.actor("acceptor"))
    assert [(h.kind, h.actor) for h in holds] == [(ACK, "leader")]
    with ws.read_session() as session:
        assert len(session.scalars(select(ReminderAckRow.id)).all()) == 1


def test_snooze_times_are_checked(ws: Workstation) -> None:
    item = _overdue(ws)
    with pytest.raises(ValidationError):
        ws.snooze_reminders(ws.actor("dispatcher"), [item], NOON)
    with pytest.raises(ValidationError):
        ws.snooze_reminders(ws.actor("dispatcher"), [item], NOON + timedelta(days=2))
    assert ws.reminder_holds(ws.actor("dispatcher")) == []


def test_supervisors_hold_nothing_and_units_only_their_own(ws: Workstation) -> None:
    item = _overdue(ws)
    case = ws.cases_by_ids([item.case_id])[0]
    with pytest.raises(PermissionDenied):
        ws.acknowledge_reminders(ws.actor("jdy001"), [item])
    other = next(u for u in ws.reference.matrix.units if u != case.unit)
    with pytest.raises(PermissionDenied, match="本单位"):
        ws.acknowledge_reminders(ws.actor(other.lower()), [item])
    assert _audit(ws) == []

    # the unit's own acknowledgement is the unit's, not the centre's (and vice versa)
    unit = ws.actor(case.unit.lower())
    ws.acknowledge_reminders(unit, [item])
    assert [h.actor for h in ws.reminder_holds(unit)] == [unit.username]
    assert ws.reminder_holds(ws.actor("dispatcher")) == []
    ws.acknowledge_reminders(ws.actor("dispatcher"), [item])
    assert [h.actor for h in ws.reminder_holds(unit)] == [unit.username]
    assert ws.reminder_holds(ws.actor("jdy001")) == []


def test_release_own_holds_and_the_leader_anyones(ws: Workstation) -> None:
    first = _overdue(ws)
    second = _overdue(ws)
    ws.acknowledge_reminders(ws.actor("leader"), [first])
    ws.acknowledge_reminders(ws.actor("dispatcher"), [second])
    dispatcher = ws.actor("dispatcher")
    with pytest.raises(PermissionDenied):
        ws.release_reminders(dispatcher, [first.key])
    assert ws.release_reminders(dispatcher) == 1  # "everything I may": their own
    assert [h.key for h in ws.reminder_holds(dispatcher)] == [first.key]
    ws.acknowledge_reminders(dispatcher, [second])
    assert ws.release_reminders(ws.actor("leader")) == 2
    assert ws.reminder_holds(dispatcher) == []
    assert [a for _, a, _ in _audit(ws)].count("reminder.release") == 3
