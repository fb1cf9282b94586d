"""Administering the working calendar: holidays and make-up days, confirmed years, office
hours and stage limits — and the open cases whose deadlines such a change moves.

A change never moves a deadline silently. `impact()` (read-only) lists the open cases
whose deadlines the change would move; `apply()` writes the change and, as the
administrator chose, recomputes those deadlines (one audited RECOMPUTE_DEADLINES event per
case) or keeps them — all in one transaction, with an administration audit row and a
change-feed row so that every console reloads the calendar.

"Affected" means: the case's history re-derived under the new calendar gives other
deadlines than under the current one (`domain.case.rederive`). A recomputed case gets the
new re-derived deadlines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, or_, select
from sqlalchemy.orm import Session

from workstation.domain.calendar import OfficeHours, TimeLimit
from workstation.domain.case import CaseContext, decide, evolve, rederive
from workstation.domain.errors import ValidationError
from workstation.domain.holiday_rules import (
    DayKind,
    SpecialDay,
    YearStatus,
    unconfirmed_year_message,
)
from workstation.domain.lifecycle import Action, CaseState
from workstation.domain.roles import Actor, Role
from workstation.persistence.repositories import CASES, EVENTS, event_from_row
from workstation.persistence.tables import (
    AdminAuditRow,
    CalendarOverrideRow,
    CalendarYearRow,
    SettingRow,
)
from workstation.persistence.uow import SqlUnitOfWork
from workstation.services.auth import require_stored_role
from workstation.services.reference import (
    CALENDAR_SETTINGS,
    CalendarConfig,
    Reference,
    load_calendar_config,
)

Progress = Callable[[int, int], None]  # (cases checked, cases to check)
_CHUNK = 500
_FIRST_YEAR, _LAST_YEAR = 2000, 2100
STAGE_SETTING_LABELS = {
    "office_hours": "办公时段",
    "stage_limit.verify": "核实时限",
    "stage_limit.file": "立案时限",
    "stage_limit.dispatch": "派遣时限",
    "stage_limit.check": "核查时限",
    "stage_limit.urgent.verify": "紧急案件核实时限",
    "stage_limit.urgent.file": "紧急案件立案时限",
    "stage_limit.urgent.dispatch": "紧急案件派遣时限",
    "stage_limit.urgent.check": "紧急案件核查时限",
    "stage_limit.urgent_handling": "紧急案件处置时限",
}


# ----------------------------------------------------------------------------- the change


@dataclass(frozen=True, slots=True)
class DayChange:
    """Make ``day`` a holiday or a working day (an override), or drop its override (None)."""

    day: date
    kind: DayKind | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class CalendarChange:
    """One administrator's edit: days, years marked confirmed (or not), timing settings."""

    days: tuple[DayChange, ...] = ()
    confirm_years: tuple[int, ...] = ()
    unconfirm_years: tuple[int, ...] = ()
    settings: tuple[tuple[str, str], ...] = ()  # (key, value) of CALENDAR_SETTINGS

    def describe(self) -> str:
        """A short Chinese summary: the reason recorded on recomputed cases."""
        parts: list[str] = []
        if len(self.days) == 1:
            d = self.days[0]
            if d.kind is not None:
                parts.append(f"{d.day.isoformat()} 设为{d.kind.label}")
            else:
                parts.append(f"{d.day.isoformat()} 恢复按规则计算")
        elif self.days:
            first, last = min(d.day for d in self.days), max(d.day for d in self.days)
            parts.append(f"调整 {len(self.days)} 天（{first.isoformat()} 至 {last.isoformat()}）")
        for year in self.confirm_years:
            parts.append(f"确认 {year} 年安排")
        for year in self.unconfirm_years:
            parts.append(f"取消确认 {year} 年安排")
        for key, value in self.settings:
            parts.append(f"{STAGE_SETTING_LABELS.get(key, key)}改为 {value}")
        return "工作日历变更：" + "；".join(parts) if parts else "工作日历变更"

    @property
    def empty(self) -> bool:
        return not (self.days or self.confirm_years or self.unconfirm_years or self.settings)


def validate(change: CalendarChange) -> None:
    """Refuse a malformed change with one Chinese sentence (nothing is written)."""
    if change.empty:
        raise ValidationError("没有要保存的日历变更")
    seen: set[date] = set()
    for d in change.days:
        if not _FIRST_YEAR <= d.day.year <= _LAST_YEAR:
            raise ValidationError(
                f"日期超出范围：{d.day.isoformat()}（应在 {_FIRST_YEAR}–{_LAST_YEAR} 年）"
            )
        if d.day in seen:
            raise ValidationError(f"日期重复：{d.day.isoformat()}")
        seen.add(d.day)
        if len(d.note) > 100:
            raise ValidationError(f"{d.day.isoformat()} 的备注过长（最多 100 字）")
    for year in (*change.confirm_years, *change.unconfirm_years):
        if not _FIRST_YEAR <= year <= _LAST_YEAR:
            raise ValidationError(f"年份超出范围：{year}")
    for key, value in change.settings:
        if key not in CALENDAR_SETTINGS:
            raise ValidationError(f"未知的日历设置：{key}")
        try:
            OfficeHours.parse(value) if key == "office_hours" else TimeLimit.parse(value)
        except ValueError as exc:
            raise ValidationError(f"{STAGE_SETTING_LABELS[key]}填写有误：{exc}") from None


def _changed_config(config: CalendarConfig, change: CalendarChange) -> CalendarConfig:
    overrides, notes = dict(config.overrides), dict(config.notes)
    for d in change.days:
        overrides.pop(d.day, None)
        notes.pop(d.day, None)
        if d.kind is not None:
            overrides[d.day] = d.kind.is_workday
            if d.note:
                notes[d.day] = d.note
    years = (config.confirmed_years | set(change.confirm_years)) - set(change.unconfirm_years)
    settings = {**config.settings, **dict(change.settings)}
    return CalendarConfig(overrides, notes, frozenset(years), settings)


# ----------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class DayView:
    day: date
    is_workday: bool
    special: SpecialDay | None  # None: an ordinary weekday or weekend
    updated_by: str = ""

    @property
    def is_override(self) -> bool:
        return self.special is not None and self.special.source.value == "override"


@dataclass(frozen=True, slots=True)
class YearView:
    """A year of the working calendar as the administrator sees it."""

    year: int
    status: YearStatus
    confirmed_by: str
    confirmed_at: datetime | None
    days: tuple[DayView, ...]  # every day of the year
    settings: dict[str, str] = field(default_factory=dict)  # office hours, stage limits

    @property
    def warning(self) -> str | None:
        if self.status is YearStatus.UNCONFIRMED:
            return unconfirmed_year_message(self.year)
        return None

    @property
    def special_days(self) -> list[SpecialDay]:
        return [d.special for d in self.days if d.special is not None]

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "status": self.status.value,
            "confirmed": self.status is not YearStatus.UNCONFIRMED,
            "confirmed_by": self.confirmed_by or None,
            "confirmed_at": self.confirmed_at.isoformat(timespec="seconds")
            if self.confirmed_at else None,
            "warning": self.warning,
            "days": [d.to_json() for d in self.special_days],
        }  # fmt: skip


def year_view(session: Session, year: int) -> YearView:
    """Every day of ``year`` with its kind and source, as stored now (read-only)."""
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise ValidationError(f"年份超出范围：{year}（应在 {_FIRST_YEAR}–{_LAST_YEAR} 年）")
    config = load_calendar_config(session)
    calendar = config.calendar()
    first, last = date(year, 1, 1), date(year, 12, 31)
    editors = dict(session.execute(
        select(CalendarOverrideRow.day, CalendarOverrideRow.updated_by)
        .where(CalendarOverrideRow.day.between(first, last))
    ).tuples().all())  # fmt: skip
    confirmation = session.execute(
        select(CalendarYearRow.confirmed_by, CalendarYearRow.confirmed_at)
        .where(CalendarYearRow.year == year)
    ).first()  # fmt: skip
    special = {d.day: d for d in calendar.special_days(year, config.notes)}
    days = tuple(
        DayView(day, calendar.is_workday(day), special.get(day), editors.get(day) or "")
        for day in (date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1))
    )
    return YearView(
        year=year,
        status=calendar.year_status(year),
        confirmed_by=confirmation.confirmed_by if confirmation else "",
        confirmed_at=confirmation.confirmed_at if confirmation else None,
        days=days,
        settings={key: config.settings[key] for key in CALENDAR_SETTINGS},
    )


# ----------------------------------------------------------------------------- impact


@dataclass(frozen=True, slots=True)
class AffectedCase:
    id: int
    case_no: str
    state: str
    deadline: datetime | None  # now
    stage_deadline: datetime | None
    new_deadline: datetime | None  # after the change
    new_stage_deadline: datetime | None


@dataclass(frozen=True, slots=True)
class CalendarImpact:
    """What a change does to the deadlines already given."""

    change: CalendarChange
    affected: tuple[AffectedCase, ...]
    checked: int  # open cases whose history was re-derived

    @property
    def count(self) -> int:
        return len(self.affected)


@dataclass(frozen=True, slots=True)
class CalendarChangeResult:
    change: CalendarChange
    affected: int
    recomputed: int  # 0 when the administrator kept the deadlines

    @property
    def kept(self) -> int:
        return self.affected - self.recomputed


def impact(session: Session, ref: Reference, change: CalendarChange,
           progress: Progress | None = None) -> CalendarImpact:  # fmt: skip
    """The open cases whose deadlines ``change`` would move (read-only, no lock)."""
    validate(change)
    config = load_calendar_config(session)
    return _impact(session, ref, config, change, progress)


def _impact(db: Session | Connection, ref: Reference, config: CalendarConfig,
            change: CalendarChange, progress: Progress | None) -> CalendarImpact:  # fmt: skip
    before = CaseContext(config.calendar(), ref.catalog.limit_of, config.stage_limits())
    changed = _changed_config(config, change)
    after = CaseContext(changed.calendar(), ref.catalog.limit_of, changed.stage_limits())
    ids = _candidates(db, change, config)
    affected: list[AffectedCase] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        histories: dict[int, list[Any]] = {}
        for event_row in db.execute(
            select(EVENTS).where(EVENTS.c.case_id.in_(chunk))
            .order_by(EVENTS.c.case_id, EVENTS.c.seq)
        ):  # fmt: skip
            histories.setdefault(event_row.case_id, []).append(event_from_row(event_row))
        rows = {r.id: r for r in db.execute(select(CASES).where(CASES.c.id.in_(chunk)))}
        for case_id in chunk:
            events, row = histories.get(case_id), rows.get(case_id)
            if not events or row is None:
                continue
            new = rederive(events, after)
            current = (row.deadline, row.stage_deadline)
            if current == (new.deadline, new.stage_deadline):
                continue  # already what the new calendar gives
            old = rederive(events, before)
            if (old.deadline, old.stage_deadline) != (new.deadline, new.stage_deadline):
                affected.append(AffectedCase(case_id, row.case_no, row.state, row.deadline,
                                             row.stage_deadline, new.deadline,
                                             new.stage_deadline))  # fmt: skip
        if progress is not None:
            progress(min(start + _CHUNK, len(ids)), len(ids))
    return CalendarImpact(change, tuple(affected), len(ids))


def _candidates(db: Session | Connection, change: CalendarChange,
                config: CalendarConfig) -> list[int]:  # fmt: skip
    """Open cases the change can touch: a superset, narrowed by dates when only days change.

    A day can move a deadline only when it lies inside one of the intervals the case's
    deadlines were counted over; each such interval starts at or after the report and ends
    at or before one of the case's current deadlines (extensions and restores only ever
    count forward from the earlier ones).
    """
    open_states = [s.value for s in CaseState if s.is_open]
    query = select(CASES.c.id).where(CASES.c.state.in_(open_states)).order_by(CASES.c.id)
    settings_changed = any(config.settings.get(k) != v for k, v in change.settings)
    if not settings_changed:
        if not change.days:
            return []  # confirming a year moves no deadline
        first = datetime.combine(min(d.day for d in change.days), datetime.min.time())
        end = datetime.combine(max(d.day for d in change.days), datetime.min.time())
        query = query.where(and_(
            CASES.c.reported_at < end + timedelta(days=1),
            or_(CASES.c.deadline >= first, CASES.c.stage_deadline >= first),
        ))  # fmt: skip
    return [int(i) for i in db.execute(query).scalars()]


# ----------------------------------------------------------------------------- applying


def apply(uow: SqlUnitOfWork, ref: Reference, actor: Actor, now: datetime,
          change: CalendarChange, *, recompute: bool | None,
          progress: Progress | None = None) -> CalendarChangeResult:  # fmt: skip
    """Write the change; recompute (True) or keep (False) the deadlines it moves.

    ``recompute=None`` means the administrator has not chosen: allowed only when no open
    case is affected, otherwise refused with the count, so that nothing moves silently.
    """
    validate(change)
    with uow:
        conn = uow.connection
        _require_admin(conn, actor)
        config = load_calendar_config(conn)
        found = _impact(conn, ref, config, change, progress)
        if found.count and recompute is None:
            raise ValidationError(
                f"此变更影响 {found.count} 件在办案件的期限，请选择重算期限或保留原期限"
            )
        _write_change(conn, actor, now, config, change, found, bool(recompute))
        recomputed = 0
        if recompute and found.count:
            changed = _changed_config(config, change)
            ctx = CaseContext(changed.calendar(), ref.catalog.limit_of, changed.stage_limits())
            reason = change.describe()
            for item in found.affected:
                recomputed += _recompute_case(uow, ctx, actor, now, item, reason)
                if progress is not None and recomputed % 100 == 0:
                    progress(recomputed, found.count)  # second pass: the recomputations
        uow.feed.append("reference", "calendar", "calendar.change", actor.username, now)
        uow.commit()
    return CalendarChangeResult(change, found.count, recomputed)


def _require_admin(conn: Connection, actor: Actor) -> None:
    """The acting account as stored (active, administrator), not as the caller claims."""
    require_stored_role(conn, actor.username, {Role.ADMIN}, "修改工作日历")


def _recompute_case(uow: SqlUnitOfWork, ctx: CaseContext, actor: Actor, now: datetime,
                    item: AffectedCase, reason: str) -> int:  # fmt: skip
    case, version = uow.cases.get_versioned(item.id)
    params = {"reason": reason, "deadline": item.new_deadline,
              "stage_deadline": item.new_stage_deadline}  # fmt: skip
    event = decide(case, Action.RECOMPUTE_DEADLINES, actor, now, ctx, params)
    uow.cases.save(evolve(case, event), event, version)
    uow.feed.append("case", case.id, event.action.value, actor.username, now)
    return 1


def _write_change(conn: Connection, actor: Actor, now: datetime, config: CalendarConfig,
                  change: CalendarChange, found: CalendarImpact,
                  recompute: bool) -> None:  # fmt: skip
    decision = {"affected": found.count, "deadlines": "recomputed" if recompute else "kept"}
    audit: list[dict[str, Any]] = []

    def record(action: str, subject: str, before: Any, after: Any, note: str = "") -> None:
        audit.append(dict(at=now, actor=actor.username, role=actor.role.value, action=action,
                          subject=subject, note=note,
                          detail={"before": before, "after": after, **decision}))  # fmt: skip

    for d in change.days:
        previous = config.overrides.get(d.day)
        conn.execute(delete(CalendarOverrideRow).where(CalendarOverrideRow.day == d.day))
        if d.kind is not None:
            conn.execute(insert(CalendarOverrideRow).values(
                day=d.day, is_workday=d.kind.is_workday, note=d.note, updated_by=actor.username,
                updated_at=now))  # fmt: skip
        record("calendar.set" if d.kind is not None else "calendar.clear", d.day.isoformat(),
               _kind_name(previous), d.kind.value if d.kind is not None else None, d.note)
    for year in change.confirm_years:
        conn.execute(delete(CalendarYearRow).where(CalendarYearRow.year == year))
        conn.execute(insert(CalendarYearRow).values(year=year, confirmed_by=actor.username,
                                                    confirmed_at=now, note=""))  # fmt: skip
        record("calendar.confirm", str(year), year in config.confirmed_years, True)
    for year in change.unconfirm_years:
        conn.execute(delete(CalendarYearRow).where(CalendarYearRow.year == year))
        record("calendar.unconfirm", str(year), year in config.confirmed_years, False)
    for key, value in change.settings:
        conn.execute(delete(SettingRow).where(SettingRow.key == key))
        conn.execute(insert(SettingRow).values(key=key, value=value))
        record("settings.set", key, config.settings.get(key), value)
    conn.execute(insert(AdminAuditRow), audit)


def _kind_name(working: bool | None) -> str | None:
    if working is None:
        return None
    return DayKind.WORKDAY.value if working else DayKind.HOLIDAY.value


def schedule_import(days: Sequence[DayChange], *, confirm: bool = True) -> CalendarChange:
    """Importing a year's official schedule is entering it: its years become confirmed."""
    years = tuple(sorted({d.day.year for d in days})) if confirm else ()
    return CalendarChange(days=tuple(days), confirm_years=years)
