"""Reading the change feed: every committed change exactly once, whatever the commit order.

Every write appends change-feed rows in its own transaction; a follower asks for what it
has not seen yet and passes back the `FeedCursor` it got.

SQLite has one writer at a time (writers `BEGIN IMMEDIATE`), so feed ids are handed out
in commit order and "ids above the last one seen" is exact.

PostgreSQL hands out ids at insert, not at commit: a transaction holding id k can commit
after the one holding k+1, and a follower that had already read k+1 would skip k for
good. Each row therefore carries its transaction's id (`txid`, migration 0016), and a read
also takes the snapshot's horizon, `pg_snapshot_xmin(pg_current_snapshot())`: the oldest
transaction still running. Every transaction below the horizon has finished, so its rows
are either all visible or never will be. A read asks for the rows of transactions at or
above the previous horizon — the only ones that can be new — and drops those it already
delivered (`FeedCursor.seen`: the ids delivered from transactions at or above the
horizon). So a change is delivered as soon as it is committed, once, and a commit held
open only makes the next reads look at a few more rows, never lose one. Within a batch
rows are in id order, which respects each case's versions: a second write to a case
waits for the first one's row lock, so it inserts its feed row after the first commits.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from workstation.persistence.repositories import FEED


@dataclass(frozen=True, slots=True)
class FeedCursor:
    """Where a follower is in the feed; pass it back to `changes_since`."""

    last_id: int  # the highest change id delivered
    horizon: int | None = None  # PostgreSQL: the oldest transaction running at the last read
    seen: frozenset[int] = frozenset()  # PostgreSQL: ids delivered at or above the horizon


@dataclass(frozen=True, slots=True)
class ChangeBatch:
    cursor: FeedCursor  # where the next read starts
    case_ids: tuple[int, ...]  # cases that changed, each once, oldest change first
    topics: frozenset[str]  # every topic seen ('case', 'reference', 'supervisor', …)
    truncated: bool  # more changes than `limit`: reload everything instead of patching
    change_ids: tuple[int, ...] = ()  # the feed rows delivered, in id order

    @property
    def empty(self) -> bool:
        return not self.topics


_PG_READ = text(
    "WITH h AS (SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS xmin) "
    "SELECT h.xmin, f.id, f.topic, f.entity_id, f.txid FROM h "
    "LEFT JOIN change_feed f ON f.txid >= :horizon ORDER BY f.id LIMIT :n"
)  # one statement: the horizon and the rows from the same snapshot


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def feed_cursor(session: Session) -> FeedCursor:
    """The feed's end now: everything committed so far counts as seen."""
    last = int(session.scalar(select(func.coalesce(func.max(FEED.c.id), 0))) or 0)
    if not _postgres(session):
        return FeedCursor(last)
    horizon, _, above = _read_pg(session, horizon=None)
    return FeedCursor(last, horizon, above)


Row = tuple[int, str, str]  # id, topic, entity id


def _read_pg(session: Session, horizon: int | None,
             limit: int = 1_000_000) -> tuple[int, list[Row], frozenset[int]]:  # fmt: skip
    """The snapshot's horizon, the rows of transactions at or above ``horizon`` (the
    horizon itself when None) in id order, and the ids among them of transactions at or
    above the snapshot's horizon."""
    if horizon is None:
        horizon = int(session.scalar(text(
            "SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint")) or 0)  # fmt: skip
    result = session.execute(_PG_READ, {"horizon": horizon, "n": limit}).all()
    xmin = int(result[0][0])
    rows = [r for r in result if r[1] is not None]
    return xmin, [(int(r[1]), r[2], r[3]) for r in rows], \
        frozenset(int(r[1]) for r in rows if int(r[4]) >= xmin)  # fmt: skip


def changes_since(session: Session, cursor: FeedCursor, limit: int = 2000) -> ChangeBatch:
    if _postgres(session) and cursor.horizon is not None:
        xmin, rows, above = _read_pg(session, cursor.horizon, limit + len(cursor.seen) + 1)
        # `rows`: the transactions at or above the old horizon. Those at or above the new
        # one will be read again next time: they are remembered as seen.
        fresh = [r for r in rows if r[0] not in cursor.seen]
        last = max([cursor.last_id, *(r[0] for r in fresh)])
        return _batch(session, fresh, FeedCursor(last, xmin, above), limit)
    rows = [(int(r[0]), r[1], r[2]) for r in session.execute(
        select(FEED.c.id, FEED.c.topic, FEED.c.entity_id)
        .where(FEED.c.id > cursor.last_id).order_by(FEED.c.id).limit(limit + 1))]  # fmt: skip
    last = rows[-1][0] if rows else cursor.last_id
    return _batch(session, rows, FeedCursor(last), limit)


def _batch(session: Session, rows: list[Row], cursor: FeedCursor,
           limit: int) -> ChangeBatch:  # fmt: skip
    truncated = len(rows) > limit
    if truncated:  # the views reload from scratch: follow from the end
        rows, cursor = rows[:limit], feed_cursor(session)
    case_ids: dict[int, None] = {}
    topics: set[str] = set()
    for _, topic, entity_id in rows:
        topics.add(topic)
        if topic == "case":
            case_ids[int(entity_id)] = None
    return ChangeBatch(cursor, tuple(case_ids), frozenset(topics), truncated,
                       tuple(r[0] for r in rows))  # fmt: skip
