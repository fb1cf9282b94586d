"""督办 records: the escalations table kept in step with the events, and its queries.

An escalation is open from the 督办 until the handling unit replies (督办回复) or the case
is closed or voided; the case's ``escalation_open`` says whether its latest one is. The
table is a projection of the ESCALATE / ESCALATION_REPLY events: `record()` writes it in
the action's own transaction, `fill_missing()` builds it for cases written in bulk (the
demo) or recorded before the table existed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from workstation.domain.case import Case, CaseEvent
from workstation.domain.lifecycle import Action, CaseState
from workstation.domain.roles import Actor, Role
from workstation.persistence.repositories import CASES, EVENTS
from workstation.persistence.tables import Base, EscalationRow
from workstation.services.dto import EscalationView
from workstation.services.reference import Reference

ESCALATIONS = Base.metadata.tables[EscalationRow.__tablename__]
Executor = Connection | Session
_OPEN_STATES = [s.value for s in CaseState if s.is_open]
_ACTIONS = (Action.ESCALATE.value, Action.ESCALATION_REPLY.value)


def escalation_age(escalated_at: datetime, now: datetime,
                   replied_at: datetime | None = None) -> timedelta:  # fmt: skip
    """How long a 督办 waited for its reply: until the reply, or until ``now`` (never
    negative). Natural time: a 督办 is chased around the clock."""
    end = replied_at if replied_at is not None else now
    return max(end - escalated_at, timedelta(0))


# ----------------------------------------------------------------------------- writing


def record(db: Executor, case: Case, event: CaseEvent) -> None:
    """Project one saved event of ``case`` (a no-op for other actions)."""
    if event.action is Action.ESCALATE:
        db.execute(insert(ESCALATIONS).values(_escalation_row(event)))
    elif event.action is Action.ESCALATION_REPLY:
        latest = (select(func.max(ESCALATIONS.c.event_seq))
                  .where(ESCALATIONS.c.case_id == case.id).scalar_subquery())  # fmt: skip
        db.execute(update(ESCALATIONS)
                   .where(ESCALATIONS.c.case_id == case.id, ESCALATIONS.c.event_seq == latest)
                   .values(_reply_values(event)))  # fmt: skip


def _escalation_row(event: CaseEvent) -> dict[str, Any]:
    return {"case_id": event.case_id, "event_seq": event.seq, "escalated_by": event.actor,
            "escalated_at": event.at,
            "instruction": str(event.payload.get("reason") or "")}  # fmt: skip


def _reply_values(event: CaseEvent) -> dict[str, Any]:
    return {"reply": str(event.payload.get("reply") or ""), "replied_by": event.actor,
            "replied_at": event.at, "reply_seq": event.seq}  # fmt: skip


def fill_missing(db: Executor) -> int:
    """Build the records of every case that has 督办 events but no record yet, from its
    events; returns how many records were written."""
    recorded = select(ESCALATIONS.c.case_id).distinct()
    rows = db.execute(
        select(EVENTS.c.case_id, EVENTS.c.seq, EVENTS.c.action, EVENTS.c.actor, EVENTS.c.at,
               EVENTS.c.payload)
        .where(EVENTS.c.action.in_(_ACTIONS), EVENTS.c.case_id.not_in(recorded))
        .order_by(EVENTS.c.case_id, EVENTS.c.seq)
    ).all()  # fmt: skip
    out: list[dict[str, Any]] = []
    latest: dict[int, dict[str, Any]] = {}
    for case_id, seq, action, actor, at, payload in rows:
        payload = payload or {}
        if action == Action.ESCALATE.value:
            row = {"case_id": case_id, "event_seq": seq, "escalated_by": actor,
                   "escalated_at": at, "instruction": str(payload.get("reason") or ""),
                   "reply": None, "replied_by": None, "replied_at": None,
                   "reply_seq": None}  # fmt: skip
            out.append(row)
            latest[case_id] = row
        elif case_id in latest:
            latest[case_id].update(reply=str(payload.get("reply") or ""), replied_by=actor,
                                   replied_at=at, reply_seq=seq)  # fmt: skip
    if out:
        db.execute(insert(ESCALATIONS), out)
    return len(out)


# ----------------------------------------------------------------------------- reading


def _views(rows: Iterable[Any], ref: Reference, now: datetime) -> list[EscalationView]:
    return [
        EscalationView(
            case_id=r.case_id,
            case_no=r.case_no,
            seq=r.event_seq,
            escalated_by=r.escalated_by,
            escalated_by_name=ref.account_name(r.escalated_by),
            escalated_at=r.escalated_at,
            instruction=r.instruction or "",
            reply=r.reply,
            replied_by=r.replied_by,
            replied_by_name=ref.account_name(r.replied_by) if r.replied_by else "",
            replied_at=r.replied_at,
            age=escalation_age(r.escalated_at, now, r.replied_at),
            unit_code=r.unit_code,
            unit_name=ref.unit_name(r.unit_code),
        )  # fmt: skip
        for r in rows
    ]


def _select() -> Any:
    return select(ESCALATIONS, CASES.c.case_no, CASES.c.unit_code).join(
        CASES, CASES.c.id == ESCALATIONS.c.case_id
    )


def of_case(db: Executor, ref: Reference, case_id: int,
            now: datetime) -> tuple[EscalationView, ...]:  # fmt: skip
    """Every 督办 of one case, oldest first."""
    rows = db.execute(_select().where(ESCALATIONS.c.case_id == case_id)
                      .order_by(ESCALATIONS.c.event_seq))  # fmt: skip
    return tuple(_views(rows, ref, now))


def open_escalations(db: Executor, ref: Reference, now: datetime,
                     actor: Actor | None = None) -> list[EscalationView]:  # fmt: skip
    """督办 waiting for the unit's reply on open cases, the longest-waiting first; a
    handling unit sees only its own cases'."""
    query = _select().where(
        CASES.c.escalation_open.is_(True),
        CASES.c.state.in_(_OPEN_STATES),
        ESCALATIONS.c.replied_at.is_(None),
    )
    if actor is not None and actor.role is Role.UNIT:
        query = query.where(CASES.c.unit_code == actor.unit_code)
    rows = db.execute(query.order_by(ESCALATIONS.c.escalated_at, ESCALATIONS.c.case_id,
                                     ESCALATIONS.c.event_seq.desc())).all()  # fmt: skip
    # One per case: its latest (an older one left unanswered when the case was closed and
    # reopened is no longer the case's open 督办).
    latest: dict[int, Any] = {}
    for row in rows:
        known = latest.get(row.case_id)
        if known is None or known.event_seq < row.event_seq:
            latest[row.case_id] = row
    chosen = sorted(latest.values(), key=lambda r: (r.escalated_at, r.case_id))
    return _views(chosen, ref, now)
