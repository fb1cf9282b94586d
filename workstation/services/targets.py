"""The 绩效目标 page's figures: the sub-centre's declared targets against what the events,
the supervisors' positions and the surveys say for a period (rules: domain.metrics.targets).

Read-only: one load of the period's histories (the evaluation's), one grouped query of
the position fixes, one of the surveys.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from workstation.domain.case import CaseEvent
from workstation.domain.lifecycle import Action
from workstation.domain.metrics import (
    Period,
    centre_indicators,
    handling_facts,
    supervisor_indicators,
    unit_indicators,
)
from workstation.domain.metrics.targets import TargetFacts, TargetRow, target_table
from workstation.domain.roles import Role
from workstation.persistence.tables import SupervisorFixRow, SupervisorRow
from workstation.services import surveys
from workstation.services.evaluation import load_histories
from workstation.services.reference import Reference

# A supervisor doing one of these on a day was on duty that day (besides sending fixes).
_FIELD_WORK = frozenset({Action.REPORT, Action.VERIFY, Action.CHECK_PASS, Action.CHECK_FAIL})


@dataclass(frozen=True, slots=True)
class TargetsReport:
    start: datetime
    end: datetime  # exclusive
    as_of: datetime
    rows: tuple[TargetRow, ...]


def performance_targets(session: Session, ref: Reference, period: Period) -> TargetsReport:
    histories = load_histories(session, period)
    owners = {cell: username for username, s in ref.supervisors.items()
              for cell in s.patrol_cells}  # fmt: skip
    people = supervisor_indicators(histories.values(), period, owners).values()
    facts = [f for events in histories.values()
             if (f := handling_facts(events, period.as_of, ref.calendar)) is not None]  # fmt: skip
    safety_codes = {c.code for c in ref.catalog if c.safety_related}
    safety = centre_indicators(
        unit_indicators([f for f in facts if f.category in safety_codes], period))
    everyone = centre_indicators(unit_indicators(facts, period))
    survey = surveys.totals(session, _months(period))
    target_facts = TargetFacts(
        on_duty_per_day=_on_duty_per_day(session, ref, histories.values(), period),
        reports=sum(p.reports for p in people),
        valid_reports=sum(p.valid_reports for p in people),
        safety_due_to_close=safety.due_to_close,
        safety_closed_on_time=safety.closed_on_time,
        safety_categories=len(safety_codes),
        citizens_revisited=everyone.revisited,
        citizens_satisfied=everyone.satisfied,
        units_surveyed=survey[surveys.UNIT][0],
        units_satisfied=survey[surveys.UNIT][1],
        staff_surveyed=survey[surveys.STAFF][0],
        staff_satisfied=survey[surveys.STAFF][1],
    )
    return TargetsReport(period.start, period.end, period.as_of,
                         tuple(target_table(target_facts)))  # fmt: skip


def _days(period: Period) -> list[date]:
    """The days of the period that have begun by the evaluation instant."""
    out, day = [], period.start.date()
    while datetime.combine(day, datetime.min.time()) < min(period.end, period.as_of):
        out.append(day)
        day += timedelta(days=1)
    return out


def _months(period: Period) -> list[str]:
    months: list[str] = []
    day = period.start.date()
    last = (period.end - timedelta(microseconds=1)).date()
    while day <= last:
        months.append(f"{day:%Y-%m}")
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return months


def _on_duty_per_day(session: Session, ref: Reference,
                     histories: Iterable[Sequence[CaseEvent]], period: Period) -> list[int]:
    """Supervisors on duty on each day: a position fix or field work on a case that day."""
    days = _days(period)
    on_duty: dict[str, set[str]] = {f"{d:%Y-%m-%d}": set() for d in days}
    supervisors = set(ref.supervisors)
    # Position fixes: one row per (supervisor, day), the day as text on both databases.
    day_text = func.substr(cast(SupervisorFixRow.at, Text), 1, 10)
    for username, day in session.execute(
        select(SupervisorRow.username, day_text)
        .join(SupervisorRow, SupervisorRow.code == SupervisorFixRow.supervisor_code)
        .where(SupervisorFixRow.at >= period.start, SupervisorFixRow.at < period.as_of)
        .group_by(SupervisorRow.username, day_text)
    ):  # fmt: skip
        if day in on_duty:
            on_duty[day].add(username)
    for events in histories:
        for e in events:
            if e.role is Role.SUPERVISOR and e.action in _FIELD_WORK and e.actor in supervisors \
                    and period.start <= e.at < period.as_of:  # fmt: skip
                key = f"{e.at:%Y-%m-%d}"
                if key in on_duty:
                    on_duty[key].add(e.actor)
    return [len(on_duty[f"{d:%Y-%m-%d}"]) for d in days]
