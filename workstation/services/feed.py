"""Following the change feed: what changed since the last id a workstation has seen."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workstation.persistence.repositories import FEED


@dataclass(frozen=True, slots=True)
class ChangeBatch:
    last_id: int  # the highest change id seen; pass it back next time
    case_ids: tuple[int, ...]  # cases that changed, each once, oldest change first
    topics: frozenset[str]  # every topic seen ('case', 'reference', 'supervisor', …)
    truncated: bool  # more changes than `limit`: reload everything instead of patching

    @property
    def empty(self) -> bool:
        return not self.topics


def last_change_id(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(FEED.c.id), 0))) or 0)


def changes_since(session: Session, after_id: int, limit: int = 2000) -> ChangeBatch:
    rows = session.execute(
        select(FEED.c.id, FEED.c.topic, FEED.c.entity_id)
        .where(FEED.c.id > after_id)
        .order_by(FEED.c.id)
        .limit(limit + 1)
    ).all()
    truncated = len(rows) > limit
    rows = rows[:limit]
    case_ids: dict[int, None] = {}
    topics: set[str] = set()
    for _, topic, entity_id in rows:
        topics.add(topic)
        if topic == "case":
            case_ids[int(entity_id)] = None
    last = rows[-1][0] if rows else after_id
    if truncated:
        last = last_change_id(session)
    return ChangeBatch(int(last), tuple(case_ids), frozenset(topics), truncated)
