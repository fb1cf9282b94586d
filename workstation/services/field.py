"""The field: supervisors' position fixes, status, today's tracks and the status board."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.orm import Session

from workstation.domain.errors import PermissionDenied, ValidationError
from workstation.domain.grid import CHENGGONG_PROJECTION
from workstation.domain.lifecycle import CaseState
from workstation.domain.roles import Actor, Role, Supervisor, SupervisorStatus
from workstation.persistence.repositories import CASES
from workstation.persistence.tables import Base
from workstation.persistence.uow import SqlUnitOfWork
from workstation.services.auth import resolve_actor
from workstation.services.clock_sql import overdue_count
from workstation.services.reference import Reference

FIXES = Base.metadata.tables["supervisor_fixes"]
STATES = Base.metadata.tables["supervisor_states"]
LATE_FIX = timedelta(minutes=15)  # no fix for this long: the board flags the supervisor

STATUS_LABELS = {
    SupervisorStatus.PATROLLING: "巡查中",
    SupervisorStatus.ON_TASK: "核实/核查中",
    SupervisorStatus.OFFLINE: "离线",
    SupervisorStatus.RESTING: "休息",
}


@dataclass(frozen=True, slots=True)
class SupervisorView:
    """One row of the supervisor status board."""

    code: str
    username: str
    name: str
    phone: str
    street_code: str
    street_name: str
    status: str
    status_label: str
    last_fix_at: datetime | None
    lon: float | None
    lat: float | None
    fix_age_seconds: float | None
    patrol_cells: int
    reports_today: int
    pending_verifications: int
    pending_checks: int
    overdue_tasks: int
    late: bool  # no fix for LATE_FIX while on duty

    @property
    def needs_attention(self) -> bool:
        return self.late or self.overdue_tasks > 0


def _supervisor(ref: Reference, actor: Actor) -> Supervisor:
    if actor.role is not Role.SUPERVISOR or actor.username not in ref.supervisors:
        raise PermissionDenied(f"{actor.name} 不是监督员，不能上报位置")
    return ref.supervisors[actor.username]


def record_fix(uow: SqlUnitOfWork, ref: Reference, actor: Actor, at: datetime, lon: float,
               lat: float) -> None:  # fmt: skip
    """A position fix from a supervisor's phone: appended, and the last position updated."""
    if not (math.isfinite(lon) and math.isfinite(lat)) or not (-180 <= lon <= 180) \
            or not (-90 <= lat <= 90):  # fmt: skip
        raise ValidationError(f"无效的位置：{lon}, {lat}")
    supervisor = _supervisor(ref, actor)
    with uow:
        db = uow.connection
        supervisor = _supervisor(ref, resolve_actor(db, actor))
        db.execute(insert(FIXES).values(supervisor_code=supervisor.code, at=at, lon=lon, lat=lat))
        updated = db.execute(
            update(STATES)
            .where(STATES.c.supervisor_code == supervisor.code)
            .values(last_fix_at=at, lon=lon, lat=lat)
        ).rowcount
        if not updated:
            db.execute(insert(STATES).values(
                supervisor_code=supervisor.code, status=SupervisorStatus.PATROLLING.value,
                status_since=at, last_fix_at=at, lon=lon, lat=lat))  # fmt: skip
        # A phone that sends fixes is on duty again.
        db.execute(
            update(STATES)
            .where(STATES.c.supervisor_code == supervisor.code,
                   STATES.c.status == SupervisorStatus.OFFLINE.value)
            .values(status=SupervisorStatus.PATROLLING.value, status_since=at)
        )  # fmt: skip
        uow.feed.append("supervisor", supervisor.code, "fix", actor.username, at)
        uow.commit()


def set_status(uow: SqlUnitOfWork, ref: Reference, actor: Actor, at: datetime,
               status: SupervisorStatus | str) -> None:  # fmt: skip
    supervisor = _supervisor(ref, actor)
    status = SupervisorStatus(status)
    with uow:
        db = uow.connection
        supervisor = _supervisor(ref, resolve_actor(db, actor))
        updated = db.execute(
            update(STATES).where(STATES.c.supervisor_code == supervisor.code)
            .values(status=status.value, status_since=at)
        ).rowcount  # fmt: skip
        if not updated:
            db.execute(insert(STATES).values(supervisor_code=supervisor.code,
                                             status=status.value, status_since=at))  # fmt: skip
        uow.feed.append("supervisor", supervisor.code, "status", actor.username, at)
        uow.commit()


def board(session: Session, ref: Reference, now: datetime) -> list[SupervisorView]:
    """The supervisor status board: status, last fix, today's work, who needs attention."""
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    states = {r.supervisor_code: r for r in session.execute(select(STATES))}
    reports = dict(session.execute(
        select(CASES.c.reporter, func.count()).where(CASES.c.reported_at >= day_start)
        .group_by(CASES.c.reporter)).tuples().all())  # fmt: skip
    tasks: dict[tuple[str, str], tuple[int, int]] = {}
    overdue = func.sum(overdue_count(now))  # the case clock's rule (clock_sql)
    for who_col, task_state in ((CASES.c.verify_supervisor, CaseState.VERIFYING),
                                (CASES.c.check_supervisor, CaseState.AWAITING_CHECK)):  # fmt: skip
        for who, count, late in session.execute(
            select(who_col, func.count(), overdue)
            .where(and_(CASES.c.state == task_state.value, who_col.is_not(None)))
            .group_by(who_col)
        ):
            tasks[(str(who), task_state.value)] = (int(count), int(late or 0))
    out = []
    for username, s in sorted(ref.supervisors.items(), key=lambda kv: kv[1].code):
        row = states.get(s.code)
        status = SupervisorStatus(row.status) if row else SupervisorStatus.OFFLINE
        last = row.last_fix_at if row else None
        age = (now - last).total_seconds() if last else None
        verifications = tasks.get((username, CaseState.VERIFYING.value), (0, 0))
        checks = tasks.get((username, CaseState.AWAITING_CHECK.value), (0, 0))
        on_duty = status in (SupervisorStatus.PATROLLING, SupervisorStatus.ON_TASK)
        out.append(SupervisorView(
            code=s.code, username=username, name=s.name, phone=s.phone,
            street_code=s.street_code, street_name=ref.street_names.get(s.street_code, ""),
            status=status.value, status_label=STATUS_LABELS[status], last_fix_at=last,
            lon=row.lon if row else None, lat=row.lat if row else None,
            fix_age_seconds=age, patrol_cells=len(s.patrol_cells),
            reports_today=int(reports.get(username, 0)),
            pending_verifications=verifications[0], pending_checks=checks[0],
            overdue_tasks=verifications[1] + checks[1],
            late=on_duty and (age is None or age > LATE_FIX.total_seconds()),
        ))  # fmt: skip
    return out


def track(
    session: Session, supervisor_code: str, since: datetime
) -> list[tuple[datetime, float, float]]:
    """A supervisor's fixes since `since` (today's track), oldest first."""
    rows = session.execute(
        select(FIXES.c.at, FIXES.c.lon, FIXES.c.lat)
        .where(FIXES.c.supervisor_code == supervisor_code, FIXES.c.at >= since)
        .order_by(FIXES.c.at)
    )
    return [(at, lon, lat) for at, lon, lat in rows]


def nearest_on_duty(rows: list[SupervisorView], lon: float, lat: float) -> SupervisorView | None:
    """The nearest supervisor who is patrolling and has a recent fix."""
    candidates = [r for r in rows if r.status == SupervisorStatus.PATROLLING.value
                  and not r.late and r.lon is not None and r.lat is not None]  # fmt: skip
    if not candidates:
        return None
    p = CHENGGONG_PROJECTION
    x0, y0 = p.to_metres(lon, lat)

    def distance(r: SupervisorView) -> float:
        x, y = p.to_metres(r.lon or 0.0, r.lat or 0.0)
        return math.hypot(x - x0, y - y0)

    return min(candidates, key=distance)


@dataclass(frozen=True, slots=True)
class FieldTask:
    """A verification or check task waiting for a supervisor on site."""

    case_id: int
    kind: str  # "verify" | "check"
    supervisor: str  # username
    since: datetime | None
    grid_code: str | None


@dataclass(frozen=True, slots=True)
class UnitWork:
    """A dispatched case as its handling unit sees it."""

    case_id: int
    unit_code: str
    dispatched_at: datetime | None
    deadline: datetime | None
    pending_request: str | None


def open_tasks(session: Session) -> list[FieldTask]:
    """Verification and check tasks that name a supervisor, oldest first."""
    c = CASES.c
    out = [
        FieldTask(r.id, "verify", r.verify_supervisor, r.updated_at, r.grid_code)
        for r in session.execute(
            select(c.id, c.verify_supervisor, c.updated_at, c.grid_code).where(
                c.state == CaseState.VERIFYING.value, c.verify_supervisor.is_not(None)
            )
        )
    ]
    out += [
        FieldTask(r.id, "check", r.check_supervisor, r.check_sent_at, r.grid_code)
        for r in session.execute(
            select(c.id, c.check_supervisor, c.check_sent_at, c.grid_code).where(
                c.state == CaseState.AWAITING_CHECK.value, c.check_supervisor.is_not(None)
            )
        )
    ]
    return sorted(out, key=lambda t: (t.since or datetime.min, t.case_id))


def unit_work(session: Session) -> list[UnitWork]:
    """Every dispatched case with its unit, dispatch time, deadline and pending request."""
    c = CASES.c
    return [
        UnitWork(r.id, r.unit_code, r.dispatched_at, r.deadline, r.pending_request)
        for r in session.execute(
            select(c.id, c.unit_code, c.dispatched_at, c.deadline, c.pending_request).where(
                c.state == CaseState.DISPATCHED.value
            )
        )
    ]
