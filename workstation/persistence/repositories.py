"""Repositories: translate between domain objects and rows; no business rules here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from workstation.domain.attachments import AttachmentInfo, AttachmentKind
from workstation.domain.case import Case, CaseEvent
from workstation.domain.errors import ConcurrencyConflict, NotFound
from workstation.domain.lifecycle import Action, CaseState, Priority, RequestKind, Source
from workstation.domain.roles import Role
from workstation.persistence import search_index
from workstation.persistence.tables import (
    Base,
    CaseEventRow,
    CaseRow,
    ChangeFeedRow,
    CounterRow,
)

CASES = Base.metadata.tables[CaseRow.__tablename__]
EVENTS = Base.metadata.tables[CaseEventRow.__tablename__]
FEED = Base.metadata.tables[ChangeFeedRow.__tablename__]
COUNTERS = Base.metadata.tables[CounterRow.__tablename__]
CASE_FIELDS = tuple(f.name for f in fields(Case))
NOTIFY_CHANNEL = "workstation_changes"

# Repositories run Core statements, so a Connection (the unit of work's, lean) and a
# Session (read queries) serve equally.
Executor = Connection | Session


def case_to_row(case: Case) -> dict[str, Any]:
    row = {name: getattr(case, name) for name in CASE_FIELDS}
    row["duplicate_ids"] = ",".join(str(i) for i in case.duplicate_ids)
    for key in ("source", "priority", "state", "pending_request"):
        value = row[key]
        row[key] = value.value if value is not None else None
    return row


def case_from_row(row: Any) -> Case:
    m = row._mapping if hasattr(row, "_mapping") else row
    values = {name: m[name] for name in CASE_FIELDS}
    values["source"] = Source(values["source"])
    values["priority"] = Priority(values["priority"])
    values["state"] = CaseState(values["state"])
    values["pending_request"] = (
        RequestKind(values["pending_request"]) if values["pending_request"] else None
    )
    values["pending_payload"] = dict(values["pending_payload"] or {})
    dup = values["duplicate_ids"]
    values["duplicate_ids"] = tuple(int(x) for x in dup.split(",")) if dup else ()
    return Case(**values)


def event_to_row(event: CaseEvent) -> dict[str, Any]:
    return {
        "case_id": event.case_id,
        "seq": event.seq,
        "action": event.action.value,
        "actor": event.actor,
        "role": event.role.value,
        "at": event.at,
        "from_state": event.from_state.value if event.from_state else None,
        "to_state": event.to_state.value,
        "payload": dict(event.payload),
        "note": event.note,
    }


def event_from_row(row: Any) -> CaseEvent:
    m = row._mapping if hasattr(row, "_mapping") else row
    return CaseEvent(
        case_id=m["case_id"],
        seq=m["seq"],
        action=Action(m["action"]),
        actor=m["actor"],
        role=Role(m["role"]),
        at=m["at"],
        from_state=CaseState(m["from_state"]) if m["from_state"] else None,
        to_state=CaseState(m["to_state"]),
        payload=dict(m["payload"] or {}),
        note=m["note"] or "",
    )


class CounterRepository:
    def __init__(self, db: Executor) -> None:
        self.db = db

    def next(self, name: str, start: int = 1) -> int:
        """Increment and return a named counter inside the current transaction."""
        result = self.db.execute(
            update(COUNTERS)
            .where(COUNTERS.c.name == name)
            .values(value=COUNTERS.c.value + 1)
            .returning(COUNTERS.c.value)
        ).scalar()
        if result is not None:
            return int(result)
        self.db.execute(insert(COUNTERS).values(name=name, value=start))
        return start

    def set_at_least(self, name: str, value: int) -> None:
        current = self.db.execute(select(COUNTERS.c.value).where(COUNTERS.c.name == name)).scalar()
        if current is None:
            self.db.execute(insert(COUNTERS).values(name=name, value=value))
        elif current < value:
            self.db.execute(update(COUNTERS).where(COUNTERS.c.name == name).values(value=value))


# Built once: the SET and VALUES lists come from the parameters' keys, and SQLAlchemy
# compiles each statement once per set of keys. Building `update(...).values(**row)` anew
# for every action — 40 columns — was most of an action's time (issue 10's profile: 61 %).
_INSERT_CASE = insert(CASES)
_INSERT_EVENT = insert(EVENTS)
_GET_CASE = select(CASES).where(CASES.c.id == bindparam("case_id"))
_SAVE_CASE = update(CASES).where(CASES.c.id == bindparam("_case_id"),
                                 CASES.c.version == bindparam("_seen"))  # fmt: skip


class CaseRepository:
    def __init__(self, db: Executor, origin: str = "") -> None:
        self.db = db
        self.origin = origin  # the workstation the events are written from
        self.counters = CounterRepository(db)

    def next_identity(self, reported_at: datetime) -> tuple[int, str]:
        """A new case id and its case number: yyyymmdd + 5-digit daily sequence."""
        case_id = self.counters.next("case_id")
        day = reported_at.strftime("%Y%m%d")
        return case_id, f"{day}{self.counters.next('case_no:' + day):05d}"

    def get(self, case_id: int) -> Case:
        row = self.db.execute(select(CASES).where(CASES.c.id == case_id)).first()
        if row is None:
            raise NotFound(f"案件 {case_id} 不存在")
        return case_from_row(row)

    def get_by_no(self, case_no: str) -> Case:
        row = self.db.execute(select(CASES).where(CASES.c.case_no == case_no)).first()
        if row is None:
            raise NotFound(f"案件 {case_no} 不存在")
        return case_from_row(row)

    def get_versioned(self, case_id: int) -> tuple[Case, int]:
        """The case and its current version, in one round trip."""
        row = self.db.execute(_GET_CASE, {"case_id": case_id}).first()
        if row is None:
            raise NotFound(f"案件 {case_id} 不存在")
        return case_from_row(row), int(row.version)

    def version(self, case_id: int) -> int:
        value = self.db.execute(select(CASES.c.version).where(CASES.c.id == case_id)).scalar()
        if value is None:
            raise NotFound(f"案件 {case_id} 不存在")
        return int(value)

    def add(self, case: Case, event: CaseEvent) -> None:
        self.db.execute(_INSERT_CASE, {**case_to_row(case), "version": 1})
        self.db.execute(_INSERT_EVENT, {**event_to_row(event), "origin": self.origin})
        # The search index in the same transaction: the trigger on `cases` has listed the
        # case as pending (see search_index). The indexed fields (number, address,
        # description, reporter) are fixed by the report: no later action changes them.
        search_index.index_report(self.db, case.id)

    def save(self, case: Case, event: CaseEvent, expected_version: int) -> int:
        """Write the new state if nobody else changed the case since `expected_version`."""
        row = case_to_row(case)
        del row["id"]
        row.update(version=expected_version + 1, _case_id=case.id, _seen=expected_version)
        result = self.db.execute(_SAVE_CASE, row)
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise self._conflict(case)
        self.db.execute(_INSERT_EVENT, {**event_to_row(event), "origin": self.origin})
        return expected_version + 1

    def _conflict(self, case: Case) -> ConcurrencyConflict:
        last = self.db.execute(
            select(EVENTS).where(EVENTS.c.case_id == case.id).order_by(EVENTS.c.seq.desc()).limit(1)
        ).first()
        if last is None:
            return ConcurrencyConflict(f"{case.label} 已被他人修改，请刷新后重试")
        event = event_from_row(last)
        return ConcurrencyConflict(
            f"{case.label} 已被 {event.actor} 于 {event.at:%H:%M} {event.action.label}，"
            "请刷新后重试"
        )

    def events(self, case_id: int) -> list[CaseEvent]:
        rows = self.db.execute(
            select(EVENTS).where(EVENTS.c.case_id == case_id).order_by(EVENTS.c.seq)
        )
        return [event_from_row(r) for r in rows]

    def ids(self, states: Iterable[CaseState] | None = None) -> Sequence[int]:
        query = select(CASES.c.id).order_by(CASES.c.id)
        if states is not None:
            query = query.where(CASES.c.state.in_([s.value for s in states]))
        return list(self.db.execute(query).scalars())


ATTACHMENTS = Base.metadata.tables["attachments"]
_ATTACHMENT_INFO = [c for c in ATTACHMENTS.c if c.name != "data"]


class AttachmentRepository:
    """Photos live in the database (a shared database carries them); lists load no bytes."""

    def __init__(self, db: Executor) -> None:
        self.db = db

    def add(self, case_id: int, event_seq: int | None, kind: AttachmentKind, filename: str,
            mime: str, data: bytes, thumbnail: bytes | None, at: datetime,
            by: str) -> int:  # fmt: skip
        result = self.db.execute(
            insert(ATTACHMENTS)
            .values(case_id=case_id, event_seq=event_seq, kind=kind.value, filename=filename,
                    mime=mime, data=data, thumbnail=thumbnail, created_at=at, created_by=by)
            .returning(ATTACHMENTS.c.id)
        )  # fmt: skip
        return int(result.scalar_one())

    def list(self, case_id: int) -> list[AttachmentInfo]:
        rows = self.db.execute(
            select(*_ATTACHMENT_INFO, func.length(ATTACHMENTS.c.data).label("size"))
            .where(ATTACHMENTS.c.case_id == case_id)
            .order_by(ATTACHMENTS.c.id)
        )
        return [
            AttachmentInfo(r.id, r.case_id, r.event_seq, AttachmentKind(r.kind), r.filename,
                           r.mime, int(r.size), r.created_at, r.created_by, r.thumbnail)
            for r in rows
        ]  # fmt: skip

    def data(self, attachment_id: int) -> tuple[str, str, bytes]:
        row = self.db.execute(
            select(ATTACHMENTS.c.filename, ATTACHMENTS.c.mime, ATTACHMENTS.c.data).where(
                ATTACHMENTS.c.id == attachment_id
            )
        ).first()
        if row is None:
            raise NotFound(f"附件 {attachment_id} 不存在")
        return row.filename, row.mime, bytes(row.data)


_INSERT_FEED = insert(FEED)


class ChangeFeed:
    """Append-only outbox of changes; followers poll it (SQLite) or LISTEN (PostgreSQL)."""

    def __init__(self, db: Executor) -> None:
        self.db = db

    def append(self, topic: str, entity_id: str | int, action: str, actor: str,
               at: datetime) -> None:  # fmt: skip
        self.db.execute(_INSERT_FEED, {"topic": topic, "entity_id": str(entity_id),
                                       "action": action, "actor": actor, "at": at})  # fmt: skip
        # On PostgreSQL a trigger on change_feed sends NOTIFY (see migration 0002):
        # delivered at commit, never for a rolled-back transaction, no extra round trip.
