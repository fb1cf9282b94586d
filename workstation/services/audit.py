"""The audit trail (issue 10 §6): every case event and every administration change, newest
first, filtered by person, case, action, workstation and period, and as CSV. Both tables
are append-only (`persistence.append_only`), so what is listed is what happened.

Who may read it: the shift leader and the administrator (the account as stored).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, String, cast, literal, select, union_all
from sqlalchemy.orm import Session

from workstation.domain.errors import ValidationError
from workstation.domain.roles import Actor, Role
from workstation.persistence.tables import AdminAuditRow, Base
from workstation.services.auth import require_stored_role

EVENTS = Base.metadata.tables["case_events"]
CASES = Base.metadata.tables["cases"]
ADMIN = AdminAuditRow.__table__
READERS = {Role.LEADER, Role.ADMIN}
MAX_ROWS = 100_000
CSV_COLUMNS = ("时间", "账号", "角色", "工作站", "操作", "案件编号", "对象", "说明")


@dataclass(frozen=True, slots=True)
class AuditFilter:
    user: str = ""
    case_no: str = ""  # a case number or id
    action: str = ""
    workstation: str = ""
    first_day: date | None = None
    last_day: date | None = None

    def validate(self) -> None:
        if self.first_day and self.last_day and self.first_day > self.last_day:
            raise ValidationError("起始日期不能晚于结束日期")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    actor: str
    role: str
    workstation: str  # '' where it was not recorded (administration, older events)
    action: str
    case_no: str  # '' for an administration change
    subject: str  # the case's id, or what the administration change was about
    note: str


def trail(session: Session, reader: Actor, flt: AuditFilter,
          limit: int = 1000) -> list[AuditEntry]:  # fmt: skip
    """The entries matching ``flt``, newest first, at most ``limit``."""
    require_stored_role(session, reader.username, READERS, "查看审计记录")
    flt.validate()
    if not 0 < limit <= MAX_ROWS:
        raise ValidationError(f"条数应在 1 到 {MAX_ROWS:,} 之间")
    parts = [_events(flt)]
    if not flt.case_no and not flt.workstation:  # neither applies to administration
        parts.append(_admin(flt))
    query = union_all(*parts).subquery()
    newest = (query.c.at.desc(), query.c.seq.desc())  # one instant: the later write first
    rows = session.execute(select(query).order_by(*newest).limit(limit)).all()
    return [AuditEntry(r.at, r.actor, r.role, r.workstation or "", r.action, r.case_no or "",
                       str(r.subject or ""), r.note or "") for r in rows]  # fmt: skip


def _period(column: Any, flt: AuditFilter) -> list[Any]:
    out = []
    if flt.first_day:
        out.append(column >= datetime.combine(flt.first_day, datetime.min.time()))
    if flt.last_day:
        out.append(column < datetime.combine(flt.last_day + timedelta(days=1),
                                             datetime.min.time()))  # fmt: skip
    return out


def _events(flt: AuditFilter) -> Select[Any]:
    e = EVENTS.c
    query = select(e.at, e.id.label("seq"), e.actor, e.role, e.origin.label("workstation"),
                   e.action, CASES.c.case_no, cast(e.case_id, String).label("subject"),
                   e.note) \
        .join(CASES, CASES.c.id == e.case_id).where(*_period(e.at, flt))  # fmt: skip
    if flt.user:
        query = query.where(e.actor == flt.user)
    if flt.action:
        query = query.where(e.action == flt.action)
    if flt.workstation:
        query = query.where(e.origin == flt.workstation)
    if flt.case_no:
        text = flt.case_no.strip()
        query = query.where(CASES.c.case_no == text if not text.isdigit() or len(text) > 9
                            else CASES.c.id == int(text))  # fmt: skip
    return query


def _admin(flt: AuditFilter) -> Select[Any]:
    a = ADMIN.c
    query = select(a.at, a.id.label("seq"), a.actor, a.role,
                   literal("").label("workstation"), a.action, literal("").label("case_no"),
                   a.subject, a.note).where(*_period(a.at, flt))  # fmt: skip
    if flt.user:
        query = query.where(a.actor == flt.user)
    if flt.action:
        query = query.where(a.action == flt.action)
    return query


def to_csv(entries: Iterable[AuditEntry]) -> str:
    """UTF-8 text with a header row; the caller writes it with a BOM for Excel."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow([f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.role, e.workstation,
                         e.action, e.case_no, e.subject, e.note])  # fmt: skip
    return out.getvalue()
