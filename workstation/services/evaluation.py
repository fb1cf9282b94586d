"""The evaluation step (综合评价) from the stored events: one read query per period.

`evaluate` loads, in one pass, the events of every case the period can count (events
within it, or a deadline falling in it), hands the histories to `domain.metrics` and
`domain.scores`, and returns one frozen row per handling unit (or one for the centre).
Read-only session: it never takes the write lock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property
from typing import Any

import orjson
from sqlalchemy import ARRAY, Integer, Text, bindparam, cast, func, select, union
from sqlalchemy.orm import Session

from workstation.domain.case import CaseEvent
from workstation.domain.errors import ValidationError
from workstation.domain.lifecycle import Action, CaseState
from workstation.domain.metrics import (
    HandlingFacts,
    Period,
    PostIndicators,
    RegionFacts,
    SupervisorIndicators,
    UnitIndicators,
    centre_indicators,
    handling_facts,
    post_indicators,
    region_filings,
    region_row,
    supervisor_indicators,
    unit_indicators,
)
from workstation.domain.roles import Role
from workstation.domain.scores import DEFAULT_RULES, ScoreRules
from workstation.persistence.repositories import CASES, EVENTS
from workstation.services.bulk import without_cyclic_gc
from workstation.services.reference import Reference

GROUPINGS = ("unit", "supervisor", "acceptor", "leader", "dispatcher", "street", "community",
             "grid", "centre")  # fmt: skip
_REGION_CODE = {"street": 9, "community": 12, "grid": 15}  # prefix of the grid code


@dataclass(frozen=True, slots=True)
class EvaluationRow:
    key: str
    name: str
    indicators: dict[str, Any]
    score: float | None
    level: str | None
    # 环比 / 同比: the same row's indicators and score in the previous period and in the
    # same period a year before (None unless asked for)
    previous: dict[str, Any] | None = None
    last_year: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"key": self.key, "name": self.name, "indicators": dict(self.indicators),
               "score": self.score, "level": self.level}  # fmt: skip
        if self.previous is not None:
            out["previous"] = self.previous
        if self.last_year is not None:
            out["same_period_last_year"] = self.last_year
        return out


def evaluate_compared(session: Session, ref: Reference, period: Period, by: str,
                      rules: ScoreRules | None = None) -> list[EvaluationRow]:  # fmt: skip
    """`evaluate` with 环比 (previous period) and 同比 (a year before) for every row."""
    rules = rules or stored_rules(ref)
    rows = evaluate(session, ref, period, by, rules)
    before = {r.key: r for r in evaluate(session, ref, period.previous(), by, rules)}
    year = {r.key: r for r in evaluate(session, ref, period.last_year(), by, rules)}

    def brief(row: EvaluationRow | None) -> dict[str, Any]:
        if row is None:
            return {"indicators": {}, "score": None, "level": None}
        return {"indicators": row.indicators, "score": row.score, "level": row.level}

    return [replace(r, previous=brief(before.get(r.key)), last_year=brief(year.get(r.key)))
            for r in rows]  # fmt: skip


def stored_rules(ref: Reference) -> ScoreRules:
    """The centre's weights, bands and levels (settings "evaluation.rules"; the standard's
    defaults until an administrator changes them)."""
    text = ref.settings.get("evaluation.rules")
    return ScoreRules.from_json(text) if text else DEFAULT_RULES


def evaluate(session: Session, ref: Reference, period: Period, by: str,
             rules: ScoreRules | None = None) -> list[EvaluationRow]:  # fmt: skip
    if by not in GROUPINGS:
        raise ValidationError(f"暂不支持按 {by} 评价（可选：{'、'.join(GROUPINGS)}）")
    return evaluate_histories(ref, load_histories(session, period), period, by, rules)


def load_histories(session: Session, period: Period) -> dict[int, list[CaseEvent]]:
    """The event histories a period's evaluation reads (one query), for callers that
    evaluate several groupings, or a subset of the cases, from one load (statistics)."""
    with without_cyclic_gc():
        return _histories(session, period)


def evaluate_histories(ref: Reference, histories: Mapping[int, list[CaseEvent]],
                       period: Period, by: str,
                       rules: ScoreRules | None = None) -> list[EvaluationRow]:  # fmt: skip
    """`evaluate` over histories already loaded (all of them, or a filtered subset)."""
    return evaluate_many(ref, histories, period, (by,), rules)[by]


def evaluate_many(ref: Reference, histories: Mapping[int, list[CaseEvent]], period: Period,
                  groupings: Sequence[str], rules: ScoreRules | None = None, *,
                  facts: Sequence[HandlingFacts] | None = None,
                  ) -> dict[str, list[EvaluationRow]]:  # fmt: skip
    """Several groupings from one load: what they share (each case's handling facts, the
    posts' per-person figures) is derived once (a month of all groupings: see benchmarks).
    ``facts``: the histories' handling facts, when the caller has them already."""
    rules = rules or stored_rules(ref)
    unknown = [by for by in groupings if by not in GROUPINGS]
    if unknown:
        raise ValidationError(f"暂不支持按 {unknown[0]} 评价（可选：{'、'.join(GROUPINGS)}）")
    derived = _Derived(ref, histories, period, facts)
    with without_cyclic_gc():
        return {by: _evaluate_one(derived, by, rules) for by in groupings}


class _Derived:
    """What several groupings of one period compute from the same histories, once."""

    def __init__(self, ref: Reference, histories: Mapping[int, list[CaseEvent]],
                 period: Period, facts: Sequence[HandlingFacts] | None = None) -> None:  # fmt: skip
        self.ref, self.histories, self.period = ref, histories, period
        self._facts = list(facts) if facts is not None else None

    @property
    def facts(self) -> list[HandlingFacts]:
        if self._facts is None:
            as_of, calendar = self.period.as_of, self.ref.calendar
            found = (handling_facts(events, as_of, calendar) for events in self.histories.values())
            self._facts = [f for f in found if f is not None]
        return self._facts

    @cached_property
    def posts(self) -> dict[str, PostIndicators]:
        return post_indicators(self.histories.values(), self.period)


def _evaluate_one(d: _Derived, by: str, rules: ScoreRules) -> list[EvaluationRow]:
    ref, histories, period = d.ref, d.histories, d.period
    if by == "supervisor":
        return _supervisors(ref, histories, period, rules)
    if by in _REGION_CODE:
        return _regions(d, by, rules)
    if by in ("acceptor", "leader", "dispatcher"):
        return _posts(ref, d.posts, by, rules)
    per_unit = unit_indicators(d.facts, period)
    if by == "centre":
        figures = centre_indicators(per_unit).as_dict()
        score = rules.unit_score(figures)
        return [EvaluationRow("centre", "呈贡分中心", figures, score, rules.level(score))]
    rows = []
    for code, unit in sorted(ref.matrix.units.items()):
        figures = per_unit.get(code, UnitIndicators()).as_dict()
        score = rules.unit_score(figures)
        rows.append(EvaluationRow(code, unit.name, figures, score, rules.level(score)))
    # Ranked as the 专业部门评价 table: best score first, units without cases last.
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0.0), r.key))
    return rows


def _supervisors(ref: Reference, histories: Mapping[int, list[CaseEvent]], period: Period,
                 rules: ScoreRules) -> list[EvaluationRow]:  # fmt: skip
    owners = {cell: username for username, s in ref.supervisors.items()
              for cell in s.patrol_cells}  # fmt: skip
    per = supervisor_indicators(histories.values(), period, owners)
    rows = []
    for username, s in ref.supervisors.items():
        figures = per.get(username, SupervisorIndicators()).as_dict()
        score = rules.supervisor_score(figures)
        rows.append(EvaluationRow(username, s.name, figures, score, rules.level(score)))
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0.0), r.key))
    return rows


def _posts(ref: Reference, per: Mapping[str, PostIndicators], by: str,
           rules: ScoreRules) -> list[EvaluationRow]:  # fmt: skip
    rows = []
    for username, account in sorted(ref.accounts.items()):
        if account.role.value != by:
            continue
        figures = per.get(username, PostIndicators()).as_dict()
        score = rules.score(by, figures)
        rows.append(EvaluationRow(username, account.display_name, figures, score,
                                  rules.level(score)))  # fmt: skip
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0.0), r.key))
    return rows


def _regions(d: _Derived, by: str, rules: ScoreRules) -> list[EvaluationRow]:
    ref, histories, period = d.ref, d.histories, d.period
    width = _REGION_CODE[by]
    handling = unit_indicators(d.facts, period, key=lambda f: f.grid[:width])
    filings = region_filings(histories.values(), period, key=lambda grid: grid[:width])
    names = ref.street_names if by == "street" else ref.community_names if by == "community" \
        else {code: code for code in ref.cells}  # fmt: skip
    grids: dict[str, int] = {}
    second_class: dict[str, int] = {}  # cells of 二类区域 per region
    for code, cell in ref.cells.items():
        grids[code[:width]] = grids.get(code[:width], 0) + 1
        if cell.area_class == 2:
            second_class[code[:width]] = second_class.get(code[:width], 0) + 1
    rows = []
    for code, name in names.items():
        region = filings.get(code, RegionFacts())
        region.grids = grids.get(code, 1)
        figures = region_row(handling.get(code, UnitIndicators()), region)
        # a region is banded as 二类 when most of its grids are (one grid: its own class)
        figures["area_class"] = 2 if 2 * second_class.get(code, 0) > region.grids else 1
        if by == "grid" and not figures["filed"] and not figures["due_to_close"]:
            continue  # 18,000 quiet cells would drown the table: a grid lists when it has cases
        score = rules.region_score(figures)
        rows.append(EvaluationRow(code, name, figures, score, rules.level(score)))
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0.0), r.key))
    return rows


def _histories(session: Session, period: Period) -> dict[int, list[CaseEvent]]:
    """Every event up to ``as_of`` of the cases the period can count: the ids, then their
    events (one statement per 5,000 cases)."""
    touched = select(EVENTS.c.case_id).where(
        EVENTS.c.at >= period.start, EVENTS.c.at <= period.as_of
    )
    # A handling that fell due in the period without any event in it: only the handling
    # deadline matters (stages are judged by their events). `state IN (every state)` lets
    # both databases seek the (state, deadline) index instead of scanning every case.
    falling_due = select(CASES.c.id).where(
        CASES.c.state.in_([s.value for s in CaseState]),
        CASES.c.deadline.between(period.start, period.as_of),
    )
    # The cases first, then their events by id: in one statement (two IN subqueries, or
    # IN a UNION) PostgreSQL mis-estimates the number of cases 6× and walks all events
    # (2.7 s on a million cases, against 0.1 s this way); SQLite is as fast either way.
    ids = sorted(set(session.execute(union(touched, falling_due)).scalars()))
    e = EVENTS.c
    # Times and payloads as text, decoded here: SQLAlchemy's per-row type processing was
    # most of the time of a month's evaluation (53,000 events: 1.4 s → see benchmarks).
    query = select(e.case_id, e.seq, e.action, e.actor, e.role, cast(e.at, Text), e.from_state,
                   e.to_state, cast(e.payload, Text), e.note)  # fmt: skip
    rows: list[Any] = []
    # PostgreSQL joins the ids as one array (`= ANY(array)` made it walk every event,
    # 1.0 s, and an IN list of thousands of parameters cost more to render than to run);
    # SQLite takes them in chunks of IN lists.
    postgres = session.get_bind().dialect.name == "postgresql"
    chunk_size = (len(ids) or 1) if postgres else _ID_CHUNK
    for at in range(0, len(ids), chunk_size):  # one fetch per chunk of cases, in order
        chunk = ids[at:at + chunk_size]
        if postgres:
            wanted = func.unnest(bindparam("ids", chunk, type_=ARRAY(Integer))) \
                .table_valued("id").render_derived()  # fmt: skip
            chosen = query.select_from(EVENTS.join(wanted, e.case_id == wanted.c.id))
        else:
            chosen = query.where(e.case_id.in_(chunk))
        result = session.execute(chosen.where(e.at <= period.as_of).order_by(e.case_id, e.seq))
        # The driver's plain tuples: every column is text or a number already, and
        # SQLAlchemy's Row objects were a seventh of the load.
        rows += result.cursor.fetchall()  # type: ignore[attr-defined]
        result.close()
    out: dict[int, list[CaseEvent]] = {}
    # orjson: the payloads' decoding was a third of a month's load with json (0.3 s)
    loads, when = orjson.loads, datetime.fromisoformat
    actions, roles, states, needed = _ACTIONS, _ROLES, _STATES, _PAYLOAD_NEEDED
    # Rows come ordered by case: one list per case, looked up once.
    current_id: int | None = None
    current: list[CaseEvent] = []
    for case_id, seq, action, actor, role, at, from_state, to_state, payload, note in rows:
        if case_id != current_id:
            current_id, current = case_id, out.setdefault(case_id, [])
        kind = actions[action]
        current.append(CaseEvent(
            case_id, seq, kind, actor, roles[role], when(at),
            states[from_state] if from_state else None, states[to_state],
            loads(payload) if payload and kind in needed else {}, note or "",
        ))  # fmt: skip
    return out


# The actions whose payloads the indicators read (stage deadlines, units, deadlines, the
# verification result, the report itself); the others (催办 alone is a fifth of all
# events) are not decoded.
_PAYLOAD_NEEDED = frozenset({
    Action.REPORT, Action.REQUEST_VERIFICATION, Action.VERIFY, Action.FILE, Action.DISPATCH,
    Action.FEEDBACK, Action.APPROVE_RETURN, Action.APPROVE_EXTENSION, Action.RESTORE,
    Action.SEND_FOR_CHECK, Action.REOPEN, Action.RECOMPUTE_DEADLINES, Action.RECLASSIFY,
    Action.REVISIT,
})  # fmt: skip
_ACTIONS = {a.value: a for a in Action}
_ID_CHUNK = 5000  # ids per IN list (SQLite allows 32,766 parameters, PostgreSQL 65,535)
_ROLES = {r.value: r for r in Role}
_STATES = {s.value: s for s in CaseState}


def period_of(first_day: str, last_day: str, now: datetime) -> Period:
    """``--from 2026-11-01 --to 2026-11-30``: days, the last one inclusive."""
    from datetime import date, timedelta

    try:
        start, end = date.fromisoformat(first_day), date.fromisoformat(last_day)
    except ValueError:
        raise ValidationError(
            f"无法识别的日期：{first_day} 至 {last_day}（应为如 2026-11-01）"
        ) from None
    if end < start:
        raise ValidationError("统计期的结束日期不能早于开始日期")
    begin = datetime.combine(start, datetime.min.time())
    return Period.of(begin, datetime.combine(end + timedelta(days=1), datetime.min.time()), now)
