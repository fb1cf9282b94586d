"""The shift hand-over sheet (交接班): generate it for a shift, store it with the outgoing
leader's notes, the incoming leader acknowledges it; past sheets are read back as stored.

What counts as overdue, nearly overdue or a waiting request is the reminder rules'
(`services.attention`, which ask the case clock); who is late is the supervisor board's
(`services.field.board`). This module only gathers their answers into the sheet's
sections (`domain.handover`). Writing a sheet and acknowledging it are each one
transaction with an administration-audit row and a change-feed entry (topic
``handover``), checked against the account as stored: only a shift leader (值班长)
writes and acknowledges, and the incoming leader must be another account than the
sheet's author. Every desk role may read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.orm import Session

from workstation.domain.case import Stage
from workstation.domain.clock import clock_deadline
from workstation.domain.errors import ConcurrencyConflict, NotFound, ValidationError
from workstation.domain.handover import (
    DEFAULT_SHIFT_TIMES,
    MAX_NOTES,
    SHIFT_TIMES_SETTING,
    CaseLine,
    HandoverSheet,
    SupervisorLine,
    check_period,
    parse_shift_times,
    shift_at,
    supervisor_problem,
    tally,
)
from workstation.domain.lifecycle import CaseState, RequestKind
from workstation.domain.roles import Actor, Role
from workstation.persistence.repositories import CASES, EVENTS
from workstation.persistence.tables import AdminAuditRow, Base, HandoverSheetRow
from workstation.persistence.uow import SqlUnitOfWork
from workstation.services import attention, field
from workstation.services.auth import require_stored_role
from workstation.services.dto import CaseSummary
from workstation.services.queries import CaseFilter, list_cases
from workstation.services.reference import Reference

WRITE_ROLES = frozenset({Role.LEADER})
READ_ROLES = frozenset({Role.ACCEPTOR, Role.LEADER, Role.DISPATCHER, Role.ADMIN})
_OPEN = [s for s in CaseState if s.is_open]
_SHEETS = Base.metadata.tables[HandoverSheetRow.__tablename__]


@dataclass(frozen=True, slots=True)
class SheetInfo:
    """A stored sheet in the list of past sheets (without its content)."""

    id: int
    start: datetime
    end: datetime
    created_by: str
    created_by_name: str
    created_at: datetime
    acknowledged_by: str | None
    acknowledged_by_name: str
    acknowledged_at: datetime | None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


@dataclass(frozen=True, slots=True)
class StoredSheet:
    """A stored sheet: the content as generated, the notes, who wrote and who took over."""

    info: SheetInfo
    sheet: HandoverSheet
    notes: str
    acknowledge_note: str

    @property
    def id(self) -> int:
        return self.info.id

    def to_json(self) -> dict[str, Any]:
        i = self.info
        return {
            "id": i.id, **self.sheet.to_json(), "notes": self.notes,
            "created_by": i.created_by, "created_by_name": i.created_by_name,
            "created_at": i.created_at.isoformat(timespec="seconds"),
            "acknowledged_by": i.acknowledged_by,
            "acknowledged_by_name": i.acknowledged_by_name or None,
            "acknowledged_at": i.acknowledged_at.isoformat(timespec="seconds")
            if i.acknowledged_at else None,
            "acknowledge_note": self.acknowledge_note,
        }  # fmt: skip


# --------------------------------------------------------------------------- shifts


def shift_starts(ref: Reference) -> tuple[Any, ...]:
    return parse_shift_times(ref.settings.get(SHIFT_TIMES_SETTING) or DEFAULT_SHIFT_TIMES)


def current_shift(ref: Reference, now: datetime) -> tuple[datetime, datetime]:
    """The shift that is on at ``now`` (the one ending: its sheet is written now)."""
    return shift_at(now, shift_starts(ref))


def previous_shift(ref: Reference, now: datetime) -> tuple[datetime, datetime]:
    """The shift before the current one (a sheet written just after the change-over)."""
    start, _ = current_shift(ref, now)
    return shift_at(start - timedelta(microseconds=1), shift_starts(ref))


# --------------------------------------------------------------------------- generating


def generate(session: Session, ref: Reference, start: datetime, end: datetime,
             now: datetime) -> HandoverSheet:  # fmt: skip
    """The sheet of [start, end): the flow of the period, the situation at ``now``."""
    check_period(start, end)
    events = session.execute(
        select(EVENTS.c.action, EVENTS.c.from_state, EVENTS.c.to_state)
        .where(EVENTS.c.at >= start, EVENTS.c.at < end)
    ).tuples()  # fmt: skip
    sources = session.execute(
        select(CASES.c.source).where(CASES.c.reported_at >= start, CASES.c.reported_at < end)
    ).scalars()
    open_cases = list_cases(session, ref, CaseFilter(states=_OPEN))
    flow = tally(events, sources, len(open_cases))
    by_id = {c.id: c for c in open_cases}
    overdue: list[CaseLine] = []
    due_soon: list[CaseLine] = []
    requests: list[CaseLine] = []
    for item in attention.evaluate(open_cases, now, ref.calendar):  # red first, then yellow
        case = by_id[item.case_id]
        if item.kind in (attention.Kind.OVERDUE, attention.Kind.CHECK_OVERDUE):
            overdue.append(_line(case, item.due, f"{_stage(item.detail)}超期"))
        elif item.kind is attention.Kind.YELLOW:
            used = f"已用 {min(item.fraction or 0.0, 1.0):.0%}"
            due_soon.append(_line(case, item.due, f"{_stage(item.detail)}{used}"))
        elif item.kind is attention.Kind.REQUEST:
            requests.append(_line(case, _due(case), f"{_request(item.detail)}申请待审批"))
    key_cases = sorted((c for c in open_cases if c.is_key),
                       key=lambda c: (_due(c) or datetime.max, c.id))  # fmt: skip
    return HandoverSheet(
        start,
        end,
        now,
        flow,
        tuple(overdue),
        tuple(due_soon),
        tuple(_line(c, _due(c), _key_detail(c)) for c in key_cases),
        tuple(requests),
        tuple(_supervisors(field.board(session, ref, now))),
    )


def preview(session: Session, ref: Reference, actor: Actor | None, start: datetime,
            end: datetime, now: datetime) -> HandoverSheet:  # fmt: skip
    """A sheet generated, not stored (``actor`` None: the command line's operator)."""
    if actor is not None:
        require_stored_role(session, actor.username, READ_ROLES, "查看交接班记录")
    return generate(session, ref, start, end, now)


def _line(case: CaseSummary, due: datetime | None, detail: str) -> CaseLine:
    where = case.address or case.description
    title = " · ".join(p for p in (case.category_name, where) if p)
    return CaseLine(case.id, case.case_no, title, case.state_label, case.unit_name, due, detail)


def _due(case: CaseSummary) -> datetime | None:
    """The deadline of the clock that runs now (the check's, for a case awaiting it)."""
    found = clock_deadline(case)
    return found[1] if found is not None else case.deadline


def _stage(code: str) -> str:
    try:
        return Stage(code).label
    except ValueError:
        return code


def _request(code: str) -> str:
    try:
        return RequestKind(code).label
    except ValueError:
        return code


def _key_detail(case: CaseSummary) -> str:
    return f"督办；催办 {case.remind_count} 次" if case.remind_count else "督办"


def _supervisors(board: Iterable[field.SupervisorView]) -> Iterable[SupervisorLine]:
    for s in board:
        if not s.needs_attention:
            continue
        minutes = None if s.fix_age_seconds is None else int(s.fix_age_seconds // 60)
        yield SupervisorLine(s.code, s.name, s.street_name, s.status_label, s.last_fix_at,
                             supervisor_problem(s.late, minutes, s.overdue_tasks))  # fmt: skip


# --------------------------------------------------------------------------- writing


def save(uow: SqlUnitOfWork, session: Session, ref: Reference, actor: Actor, now: datetime,
         notes: str, period: tuple[datetime, datetime] | None = None) -> StoredSheet:  # fmt: skip
    """Generate the sheet of ``period`` (default: the current shift) and store it with the
    notes; a sheet of the same period not yet acknowledged is replaced (regenerated)."""
    notes = (notes or "").strip()
    if len(notes) > MAX_NOTES:
        raise ValidationError(f"交接备注不能超过 {MAX_NOTES} 字（现有 {len(notes)} 字）")
    start, end = period or current_shift(ref, now)
    check_period(start, end)
    if start > now:
        raise ValidationError(f"该班次尚未开始（{start:%Y-%m-%d %H:%M}），不能交接")
    require_stored_role(session, actor.username, WRITE_ROLES, "填写交接班记录")  # fail early
    sheet = generate(session, ref, start, end, now)
    with uow:
        conn = uow.connection
        require_stored_role(conn, actor.username, WRITE_ROLES, "填写交接班记录")
        existing = conn.execute(select(_SHEETS).where(
            _SHEETS.c.period_start == start, _SHEETS.c.period_end == end)).first()  # fmt: skip
        values = dict(content=sheet.to_json(), notes=notes, created_by=actor.username,
                      created_at=now)  # fmt: skip
        if existing is None:
            sheet_id = int(conn.execute(insert(_SHEETS).values(
                period_start=start, period_end=end, acknowledged_by=None, acknowledged_at=None,
                acknowledge_note="", **values).returning(_SHEETS.c.id)).scalar_one())  # fmt: skip
            action = "handover.create"
        else:
            if existing.acknowledged_at is not None:
                raise ConcurrencyConflict(_acknowledged_message(ref, existing))
            sheet_id = int(existing.id)
            changed = conn.execute(
                update(_SHEETS)
                .where(_SHEETS.c.id == sheet_id, _SHEETS.c.acknowledged_at.is_(None))
                .values(**values)
            )
            if changed.rowcount != 1:  # acknowledged in between
                raise ConcurrencyConflict("该交接单刚被确认接班，不能再修改")
            action = "handover.update"
        _audit(conn, actor, now, action, sheet_id, {
            "period": [start.isoformat(), end.isoformat()], "notes": notes,
            "before": None if existing is None else {"notes": existing.notes,
                                                      "created_by": existing.created_by},
        })  # fmt: skip
        uow.feed.append("handover", sheet_id, action.split(".")[1], actor.username, now)
        stored = _load(conn, ref, sheet_id)
        uow.commit()
    return stored


def acknowledge(uow: SqlUnitOfWork, ref: Reference, actor: Actor, now: datetime,
                sheet_id: int, note: str = "") -> StoredSheet:  # fmt: skip
    """The incoming leader takes over: another leader account than the sheet's author."""
    note = (note or "").strip()
    if len(note) > MAX_NOTES:
        raise ValidationError(f"接班意见不能超过 {MAX_NOTES} 字")
    with uow:
        conn = uow.connection
        require_stored_role(conn, actor.username, WRITE_ROLES, "确认接班")
        row = conn.execute(select(_SHEETS).where(_SHEETS.c.id == sheet_id)).first()
        if row is None:
            raise NotFound(f"交接单 {sheet_id} 不存在")
        if row.acknowledged_at is not None:
            raise ConcurrencyConflict(_acknowledged_message(ref, row))
        if row.created_by == actor.username:
            raise ValidationError("接班确认须由接班的值班长本人完成，不能确认自己填写的交接单")
        changed = conn.execute(
            update(_SHEETS).where(_SHEETS.c.id == sheet_id, _SHEETS.c.acknowledged_at.is_(None))
            .values(acknowledged_by=actor.username, acknowledged_at=now, acknowledge_note=note)
        )  # fmt: skip
        if changed.rowcount != 1:
            raise ConcurrencyConflict("该交接单刚被其他值班长确认接班")
        _audit(conn, actor, now, "handover.acknowledge", sheet_id, {
            "period": [row.period_start.isoformat(), row.period_end.isoformat()],
            "author": row.created_by, "note": note})  # fmt: skip
        uow.feed.append("handover", sheet_id, "acknowledge", actor.username, now)
        stored = _load(conn, ref, sheet_id)
        uow.commit()
    return stored


def _audit(conn: Connection, actor: Actor, now: datetime, action: str, sheet_id: int,
           detail: dict[str, Any]) -> None:  # fmt: skip
    conn.execute(insert(AdminAuditRow).values(
        at=now, actor=actor.username, role=actor.role.value, action=action,
        subject=f"handover/{sheet_id}", detail=detail, note=""))  # fmt: skip


def _acknowledged_message(ref: Reference, row: Any) -> str:
    who = ref.account_name(row.acknowledged_by or "")
    return f"该交接单已由 {who} 于 {row.acknowledged_at:%Y-%m-%d %H:%M} 确认接班，不能再修改"


# --------------------------------------------------------------------------- reading


def sheets(session: Session, ref: Reference, actor: Actor | None,
           limit: int = 200) -> list[SheetInfo]:  # fmt: skip
    """Past sheets, newest period first (without their content)."""
    if actor is not None:
        require_stored_role(session, actor.username, READ_ROLES, "查看交接班记录")
    columns = [c for c in _SHEETS.c if c.name not in ("content", "notes", "acknowledge_note")]
    rows = session.execute(select(*columns).order_by(_SHEETS.c.period_start.desc(),
                                                     _SHEETS.c.id.desc()).limit(limit))  # fmt: skip
    return [_info(ref, r) for r in rows]


def sheet(session: Session, ref: Reference, actor: Actor | None, sheet_id: int) -> StoredSheet:
    if actor is not None:
        require_stored_role(session, actor.username, READ_ROLES, "查看交接班记录")
    return _load(session, ref, sheet_id)


def _load(db: Connection | Session, ref: Reference, sheet_id: int) -> StoredSheet:
    row = db.execute(select(_SHEETS).where(_SHEETS.c.id == sheet_id)).first()
    if row is None:
        raise NotFound(f"交接单 {sheet_id} 不存在")
    return StoredSheet(_info(ref, row), HandoverSheet.from_json(row.content), row.notes or "",
                       row.acknowledge_note or "")  # fmt: skip


def _info(ref: Reference, row: Any) -> SheetInfo:
    by = row.acknowledged_by
    return SheetInfo(int(row.id), row.period_start, row.period_end, row.created_by,
                     ref.account_name(row.created_by), row.created_at, by,
                     ref.account_name(by) if by else "", row.acknowledged_at)  # fmt: skip
