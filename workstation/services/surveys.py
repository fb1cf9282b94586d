"""The shift leader's monthly satisfaction surveys (满意度调查) of the handling units and
the dispatch staff: the 绩效目标 page needs them beside the citizens' 回访.

A month's survey is written as a whole, validated first, in one transaction, with one
administration-audit row per changed entry (before → after).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session

from workstation.domain.errors import ValidationError
from workstation.domain.roles import Actor, Role
from workstation.persistence.tables import AdminAuditRow, SatisfactionSurveyRow
from workstation.persistence.uow import SqlUnitOfWork
from workstation.services.auth import require_stored_role
from workstation.services.reference import Reference

UNIT, STAFF = "unit", "staff"
STAFF_SUBJECT = "staff"  # the dispatch staff are surveyed as one group
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
# Who enters surveys: the shift leader (the administrator may correct them).
SURVEY_ROLES = frozenset({Role.LEADER, Role.ADMIN})


@dataclass(frozen=True, slots=True)
class SurveyEntry:
    respondent: str  # UNIT or STAFF
    subject: str  # the unit's code, or STAFF_SUBJECT
    surveyed: int
    satisfied: int  # 满意 + 基本满意


def validate_month(month: str) -> str:
    month = month.strip()
    if not _MONTH.match(month):
        raise ValidationError(f"月份格式应为 2026-11，而不是“{month}”")
    return month


def validate(ref: Reference, entries: Sequence[SurveyEntry]) -> None:
    """Every problem at once, each on its own line, before anything is written."""
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for e in entries:
        name = ref.unit_name(e.subject) if e.respondent == UNIT else "派遣人员"
        if e.respondent not in (UNIT, STAFF):
            problems.append(f"未知的调查对象类型：{e.respondent}")
            continue
        if e.respondent == UNIT and e.subject not in ref.matrix.units:
            problems.append(f"未知的处置单位：{e.subject}")
        if (e.respondent, e.subject) in seen:
            problems.append(f"{name} 重复录入")
        seen.add((e.respondent, e.subject))
        if e.surveyed < 0 or e.satisfied < 0:
            problems.append(f"{name}：人数不能为负")
        elif e.satisfied > e.surveyed:
            problems.append(f"{name}：满意人数（{e.satisfied}）不能多于调查人数（{e.surveyed}）")
    if problems:
        raise ValidationError("满意度调查有误：\n" + "\n".join(problems))


def record(uow: SqlUnitOfWork, ref: Reference, actor: Actor, now: datetime, month: str,
           entries: Sequence[SurveyEntry]) -> int:  # fmt: skip
    """Replace the month's survey with ``entries`` (an entry with nobody surveyed removes
    that subject's row). Returns how many entries changed."""
    month = validate_month(month)
    validate(ref, entries)
    with uow:
        conn = uow.connection
        require_stored_role(conn, actor.username, SURVEY_ROLES, "录入满意度调查")
        before = {(e.respondent, e.subject): e for e in _month(conn, month)}
        audit: list[dict[str, Any]] = []
        for e in entries:
            key = (e.respondent, e.subject)
            old = before.get(key)
            new = e if e.surveyed > 0 else None
            if old == new:
                continue
            conn.execute(delete(SatisfactionSurveyRow).where(
                SatisfactionSurveyRow.month == month, SatisfactionSurveyRow.respondent == key[0],
                SatisfactionSurveyRow.subject == key[1]))  # fmt: skip
            if new is not None:
                conn.execute(insert(SatisfactionSurveyRow).values(
                    month=month, respondent=e.respondent, subject=e.subject,
                    surveyed=e.surveyed, satisfied=e.satisfied, recorded_by=actor.username,
                    recorded_at=now))  # fmt: skip
            audit.append(dict(at=now, actor=actor.username, role=actor.role.value,
                              action="survey.set", subject=f"{month}/{key[0]}/{key[1]}",
                              detail={"before": _brief(old), "after": _brief(new)}, note=""))
        if audit:
            conn.execute(insert(AdminAuditRow), audit)
        uow.commit()
    return len(audit)


def of_month(session: Session, month: str) -> list[SurveyEntry]:
    return _month(session, validate_month(month))


def totals(session: Session, months: Iterable[str]) -> dict[str, tuple[int, int]]:
    """(surveyed, satisfied) summed over ``months``, per respondent kind."""
    out = {UNIT: (0, 0), STAFF: (0, 0)}
    rows = session.execute(
        select(SatisfactionSurveyRow.respondent, SatisfactionSurveyRow.surveyed,
               SatisfactionSurveyRow.satisfied)
        .where(SatisfactionSurveyRow.month.in_(list(months)))
    )  # fmt: skip
    for respondent, surveyed, satisfied in rows:
        n, s = out.get(respondent, (0, 0))
        out[respondent] = (n + surveyed, s + satisfied)
    return out


def _month(db: Connection | Session, month: str) -> list[SurveyEntry]:
    rows = db.execute(
        select(SatisfactionSurveyRow.respondent, SatisfactionSurveyRow.subject,
               SatisfactionSurveyRow.surveyed, SatisfactionSurveyRow.satisfied)
        .where(SatisfactionSurveyRow.month == month)
        .order_by(SatisfactionSurveyRow.respondent, SatisfactionSurveyRow.subject)
    )  # fmt: skip
    return [SurveyEntry(*row) for row in rows]


def _brief(entry: SurveyEntry | None) -> dict[str, int] | None:
    return None if entry is None else {"surveyed": entry.surveyed, "satisfied": entry.satisfied}
