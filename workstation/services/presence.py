"""Who is on which case (issue 10 §4): each console says which case it shows and which
dialog it has open on one; the others see it in the detail and in the dialog, as a
warning — a soft lock that blocks nobody (the optimistic version check decides a race).

A console refreshes its row while the case stays open (`HEARTBEAT`); a row not refreshed
for `TTL` belongs to a console that went away (killed, cut off) and counts for nothing,
and the next write of any console deletes such rows. A change of who is where goes on the
change feed (topic 'presence'), so the others see it within their next read; a heartbeat
that changes nothing does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.orm import Session

from workstation.domain.roles import Actor
from workstation.persistence.tables import AccountRow, Base
from workstation.persistence.uow import SqlUnitOfWork
from workstation.services.auth import resolve_actor

HEARTBEAT = timedelta(seconds=30)
TTL = timedelta(seconds=90)
VIEWING = "viewing"
PRESENCE = Base.metadata.tables["case_presence"]


@dataclass(frozen=True, slots=True)
class Presence:
    case_id: int
    username: str
    name: str  # the account's display name
    workstation: str
    activity: str  # 'viewing', or the action of the dialog open on the case
    since: datetime

    @property
    def editing(self) -> bool:
        return self.activity != VIEWING


def touch(uow: SqlUnitOfWork, actor: Actor, workstation: str, now: datetime,
          case_id: int | None, activity: str = VIEWING) -> None:  # fmt: skip
    """This console now has ``case_id`` open (None: none) doing ``activity``; its other
    cases are left. One transaction; a feed row only when something changed."""
    with uow:
        db = uow.connection
        actor = resolve_actor(db, actor)
        mine = and_(PRESENCE.c.username == actor.username, PRESENCE.c.workstation == workstation)
        rows = db.execute(select(PRESENCE.c.case_id, PRESENCE.c.activity).where(mine)).all()
        changed = [r.case_id for r in rows if r.case_id != case_id]
        if changed:
            db.execute(delete(PRESENCE).where(mine, PRESENCE.c.case_id.in_(changed)))
        current = next((r for r in rows if r.case_id == case_id), None)
        if case_id is not None and current is None:
            db.execute(insert(PRESENCE).values(case_id=case_id, username=actor.username,
                                               workstation=workstation, activity=activity,
                                               since=now, seen_at=now))  # fmt: skip
            changed.append(case_id)
        elif case_id is not None and current is not None:
            values: dict[str, object] = {"seen_at": now}
            if current.activity != activity:
                values.update(activity=activity, since=now)
                changed.append(case_id)
            db.execute(update(PRESENCE).where(mine, PRESENCE.c.case_id == case_id)
                       .values(**values))  # fmt: skip
        expired = db.execute(delete(PRESENCE).where(PRESENCE.c.seen_at < now - TTL)).rowcount
        for changed_id in changed:
            uow.feed.append("presence", changed_id, "presence", actor.username, now)
        if expired and not changed:
            uow.feed.append("presence", 0, "expired", actor.username, now)
        uow.commit()


def of_cases(session: Session, case_ids: Iterable[int] | None,
             now: datetime) -> list[Presence]:  # fmt: skip
    """Who is on these cases (None: on any case) now — expired rows left out — editors
    first, then by time. All of it is a few rows: one or two per console."""
    query = select(PRESENCE, AccountRow.display_name) \
        .join(AccountRow, AccountRow.username == PRESENCE.c.username) \
        .where(PRESENCE.c.seen_at >= now - TTL)  # fmt: skip
    if case_ids is not None:
        ids = list(case_ids)
        if not ids:
            return []
        query = query.where(PRESENCE.c.case_id.in_(ids))
    rows = session.execute(query).all()
    out = [Presence(r.case_id, r.username, r.display_name or r.username, r.workstation,
                    r.activity, r.since) for r in rows]  # fmt: skip
    return sorted(out, key=lambda p: (p.case_id, not p.editing, p.since))
