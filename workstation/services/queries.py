"""Read-only queries for queues, details and reports (no writes, no business rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from workstation.domain.case import Case
from workstation.domain.errors import PermissionDenied, ValidationError
from workstation.domain.lifecycle import CaseState
from workstation.domain.roles import Actor, Role
from workstation.persistence.repositories import CASES, CaseRepository, case_from_row
from workstation.services import escalations
from workstation.services.cases import allowed_actions
from workstation.services.dto import CaseDetail, CaseSummary
from workstation.services.reference import Reference
from workstation.services.views import event_view, summarize


@dataclass(frozen=True, slots=True)
class CaseFilter:
    states: Sequence[CaseState] | None = None
    unit_code: str | None = None
    grid_prefix: str | None = None  # 街道 (9), 社区 (12) or cell (15) code
    text: str | None = None
    reported_from: datetime | None = None
    reported_to: datetime | None = None
    key_only: bool = False
    limit: int | None = None


def list_cases(session: Session, ref: Reference, flt: CaseFilter | None = None,
               actor: Actor | None = None) -> list[CaseSummary]:  # fmt: skip
    """Cases matching the filter, newest first; unit staff only ever see their unit's."""
    flt = flt or CaseFilter()
    query = select(CASES).order_by(CASES.c.reported_at.desc(), CASES.c.id.desc())
    if actor is not None and actor.role is Role.UNIT:
        query = query.where(CASES.c.unit_code == actor.unit_code)
    if flt.states is not None:
        query = query.where(CASES.c.state.in_([CaseState(s).value for s in flt.states]))
    if flt.unit_code:
        query = query.where(CASES.c.unit_code == flt.unit_code)
    if flt.grid_prefix:
        query = query.where(CASES.c.grid_code.startswith(flt.grid_prefix))
    if flt.reported_from:
        query = query.where(CASES.c.reported_at >= flt.reported_from)
    if flt.reported_to:
        query = query.where(CASES.c.reported_at < flt.reported_to)
    if flt.key_only:
        query = query.where(CASES.c.is_key.is_(True))
    if flt.text:
        like = f"%{flt.text.strip()}%"
        query = query.where(or_(CASES.c.case_no.like(like), CASES.c.address.like(like),
                                CASES.c.description.like(like)))  # fmt: skip
    if flt.limit:
        query = query.limit(flt.limit)
    return [summarize(case_from_row(row), row.version, ref) for row in session.execute(query)]


def cases_by_ids(session: Session, ref: Reference, ids: Sequence[int],
                 actor: Actor | None = None) -> list[CaseSummary]:  # fmt: skip
    """The current summaries of these cases (those the actor may see), in id order."""
    out: list[CaseSummary] = []
    for start in range(0, len(ids), 500):  # stay below every driver's parameter limit
        query = select(CASES).where(CASES.c.id.in_(list(ids[start : start + 500])))
        if actor is not None and actor.role is Role.UNIT:
            query = query.where(CASES.c.unit_code == actor.unit_code)
        out += [summarize(case_from_row(r), r.version, ref) for r in session.execute(query)]
    return sorted(out, key=lambda c: c.id)


def allowed_actions_for(session: Session, ref: Reference, ids: Sequence[int], actor: Actor,
                        now: datetime) -> dict[int, tuple[str, ...]]:  # fmt: skip
    """For each case, the actions this actor may take on it now (state, role and guards)."""
    out: dict[int, tuple[str, ...]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(select(CASES).where(CASES.c.id.in_(list(ids[start : start + 500]))))
        for row in rows:
            case = case_from_row(row)
            if actor.role is Role.UNIT and case.unit_code != actor.unit_code:
                out[case.id] = ()
            else:
                out[case.id] = tuple(a.value for a in allowed_actions(ref, case, actor, now))
    return out


def case_detail(session: Session, ref: Reference, case_ref: int | str, actor: Actor,
                now: datetime) -> CaseDetail:  # fmt: skip
    """A case with its timeline and what `actor` may do with it now."""
    repo = CaseRepository(session)
    case = find_case(session, case_ref)
    if actor.role is Role.UNIT and case.unit_code != actor.unit_code:
        raise PermissionDenied(f"{case.label} 不属于本单位")
    version = repo.version(case.id)
    return CaseDetail(
        summary=summarize(case, version, ref),
        events=tuple(event_view(e, ref) for e in repo.events(case.id)),
        allowed_actions=tuple(a.value for a in allowed_actions(ref, case, actor, now)),
        check_supervisor=case.check_supervisor,
        void_reason=case.void_reason,
        merged_into=case.merged_into,
        duplicate_ids=case.duplicate_ids,
        verified=case.verified,
        extension_count=case.extension_count,
        return_count=case.return_count,
        escalations=escalations.of_case(session, ref, case.id, now),
    )


def find_case(session: Session, case_ref: int | str) -> Case:
    """By id (short number) or by case number (yyyymmdd + sequence, 13 digits)."""
    repo = CaseRepository(session)
    text = str(case_ref).strip()
    if not text.isdigit():
        raise ValidationError(f"无效的案件号：{text}")
    if len(text) >= 13:
        return repo.get_by_no(text)
    return repo.get(int(text))


def count_by_state(session: Session) -> dict[str, int]:
    rows = session.execute(select(CASES.c.state, func.count()).group_by(CASES.c.state))
    return {state: int(n) for state, n in rows}
