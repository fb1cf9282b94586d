"""The statistics panel's figures (统计分析) for a period and filters: one read per period.

Cases per day by source and by kind, the stage funnel, the time spent in each stage, and
the evaluation tables of EVALUATION.md §5. The tables and the headline rates come straight
from the indicator engine (`evaluation.evaluate_histories` over the filtered histories), so
a figure here is the figure `workstation evaluate` gives for the same cases.

Drill-down: every count knows the cases behind it. The engine is run once more on each
case's history alone, and a case is behind a count when it counts there — membership
follows the very rule that made the total, never a second copy of it.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from sqlalchemy.orm import Session

from workstation.domain.case import CaseEvent
from workstation.domain.lifecycle import Action, CaseState
from workstation.domain.metrics import (
    HandlingFacts,
    Period,
    handling_facts,
    post_indicators,
    region_filings,
    supervisor_indicators,
    unit_indicators,
)
from workstation.domain.metrics.period import category_of, grid_of
from workstation.domain.scores import ScoreRules
from workstation.services.bulk import without_cyclic_gc
from workstation.services.evaluation import (
    EvaluationRow,
    evaluate_many,
    load_histories,
    stored_rules,
)
from workstation.services.reference import Reference

# The evaluation tables of the panel, in its order (EVALUATION.md §5).
TABLES = ("unit", "supervisor", "acceptor", "leader", "dispatcher", "street")
POSTS = ("acceptor", "leader", "dispatcher")
FUNNEL = ("reported", "filed", "dispatched", "handled", "closed")  # 上报 → … → 结案
STAGES = ("verify", "file", "dispatch", "handling", "check")  # 核实 立案 派遣 处置 核查
KINDS = ("C", "E")  # 部件, 事件 (the category code's letter)
STREET_WIDTH = 9  # a grid code starts with its 街道 code (then 社区: 12, the cell: 15)

# What a rate is a share of: clicking a rate shows the cases of its denominator.
RATE_BASIS = {
    "on_time_handling_rate": "due_to_handle", "handling_rate": "due_to_handle",
    "extension_rate": "due_to_handle", "closing_rate": "due_to_close",
    "on_time_closing_rate": "due_to_close", "rework_rate": "due_to_close",
    "valid_report_rate": "reports", "on_time_verification_rate": "verifications",
    "on_time_check_rate": "checks", "missed_rate": "missed",
    "on_time_verification_dispatch_rate": "verification_due",
    "on_time_check_dispatch_rate": "checks_sent", "on_time_filing_rate": "filed",
    "accurate_filing_rate": "filed", "on_time_closing_rate:leader": "closed",
    "on_time_dispatch_rate": "dispatched", "accurate_dispatch_rate": "dispatched",
    "public_report_rate": "filed", "satisfaction_rate": "revisited",
}  # fmt: skip

# (what, object key, measure): ("unit", "U01", "due_to_handle"), ("day", "2026-11-03",
# "hotline_12345"), ("funnel", "filed", ""), ("stage", "handling", ""), …
FigureKey = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class StatsFilter:
    """What the panel narrows the cases to; empty: every case. ``category`` may be a kind
    letter ("C"), a 大类 key ("C01") or a 小类 code ("C0101")."""

    street: str = ""
    community: str = ""
    category: str = ""
    unit: str = ""

    def accepts(self, grid: str, category: str, unit: str) -> bool:
        return (grid.startswith(self.street) and grid.startswith(self.community)
                and category.startswith(self.category)
                and (not self.unit or unit == self.unit))  # fmt: skip


@dataclass(frozen=True, slots=True)
class StageTime:
    """Working time spent in a stage by the stages that ended in the period, in hours."""

    stage: str
    count: int
    median_hours: float | None
    p90_hours: float | None


@dataclass(frozen=True, slots=True)
class Headline:
    """The figures at the top of the panel: the funnel and the centre's rates."""

    funnel: Mapping[str, int]
    centre: Mapping[str, Any]  # the centre's indicators (evaluate --by centre)
    score: float | None
    level: str | None


@dataclass(frozen=True, slots=True)
class Statistics:
    period: Period
    filter: StatsFilter
    days: tuple[date, ...]
    by_source: Mapping[str, tuple[int, ...]]  # source value → reports per day
    by_kind: Mapping[str, tuple[int, ...]]  # "C" / "E" → reports per day
    stage_times: tuple[StageTime, ...]  # in the order of STAGES
    handling_times: Mapping[str, StageTime]  # per unit code
    tables: Mapping[str, tuple[EvaluationRow, ...]]  # per TABLES entry, ranked
    headline: Headline
    previous: Headline | None  # 环比: the period of the same length before
    rules: ScoreRules
    members: Mapping[FigureKey, tuple[int, ...]] = field(repr=False)
    # The cases behind the evaluation tables' cells: computed on first use (the engine
    # once per case costs more than all the figures together), off the first paint.
    table_members: _TableMembers | None = field(default=None, repr=False, compare=False)

    @property
    def funnel(self) -> Mapping[str, int]:
        return self.headline.funnel

    def cases_behind(self, what: str, key: str, measure: str = "") -> tuple[int, ...]:
        """The ids of the cases a figure counts (a rate: those of its denominator). For
        a table's cell the first call computes them all (a worker's job, not the GUI's)."""
        measure = RATE_BASIS.get(f"{measure}:{what}", RATE_BASIS.get(measure, measure))
        figure = (what, key, measure)
        if figure in self.members or what not in TABLES or self.table_members is None:
            return self.members.get(figure, ())
        return self.table_members.get().get(figure, ())


class _TableMembers:
    """`_table_members` of one result, computed once, by whichever thread asks first."""

    def __init__(self, ref: Reference, cases: _Cases, period: Period) -> None:
        self._args: tuple[Reference, _Cases, Period] | None = (ref, cases, period)
        self._lock = threading.Lock()
        self._members: Mapping[FigureKey, tuple[int, ...]] = {}

    def get(self) -> Mapping[FigureKey, tuple[int, ...]]:
        with self._lock:
            if self._args is not None:
                members: dict[FigureKey, list[int]] = {}
                _table_members(*self._args, members)
                self._members = {k: tuple(sorted(set(v))) for k, v in members.items()}
                self._args = None  # the histories are no longer needed
            return self._members


@dataclass(frozen=True, slots=True)
class LoadedPeriod:
    """A period's cases as read once (and the previous period's, for 环比), with what the
    filters look at: a filter change selects from these instead of reading again."""

    period: Period
    cases: _Indexed = field(repr=False)
    previous: _Indexed | None = field(repr=False)
    # Results already computed from these histories, per filter: going back to a filter
    # shown before costs nothing (the histories do not change, so neither do they).
    computed: dict[tuple[StatsFilter, str], Statistics] = field(
        default_factory=dict, repr=False, compare=False)

    def covers(self, period: Period, compare: bool) -> bool:
        """Whether these histories serve ``period`` (the same days; 环比 if asked)."""
        same = (self.period.start, self.period.end) == (period.start, period.end)
        return same and (self.previous is not None or not compare)


@dataclass(frozen=True, slots=True)
class _Indexed:
    """Every case of a period with its handling facts and the keys the filters test."""

    period: Period
    histories: Mapping[int, list[CaseEvent]]
    facts: Mapping[int, HandlingFacts]
    keys: Mapping[int, tuple[str, str, str]]  # (grid, category, unit)
    spent: Mapping[int, tuple[tuple[str, float, str], ...]]  # the stages ended in the period


def _indexed(ref: Reference, histories: Mapping[int, list[CaseEvent]], period: Period,
             *, spans: bool = True) -> _Indexed:  # fmt: skip
    """``spans``: the working time of each stage too (the 环比 headline needs none)."""
    facts: dict[int, HandlingFacts] = {}
    keys: dict[int, tuple[str, str, str]] = {}
    spent: dict[int, tuple[tuple[str, float, str], ...]] = {}
    for case_id, events in histories.items():
        spent[case_id] = _spent(ref, events, period) if spans else ()
        f = handling_facts(events, period.as_of, ref.calendar)
        if f is not None:
            facts[case_id] = f
        keys[case_id] = (grid_of(events) or "", category_of(events) or "", f.unit if f else "")
    return _Indexed(period, histories, facts, keys, spent)


def load_period(session: Session, ref: Reference, period: Period, *,
                compare: bool = True) -> LoadedPeriod:  # fmt: skip
    """One read for the period (and one for the period before it, with ``compare``)."""
    with without_cyclic_gc():
        return _load_period(session, ref, period, compare)


def _load_period(session: Session, ref: Reference, period: Period,
                 compare: bool) -> LoadedPeriod:  # fmt: skip
    before = period.previous()
    previous = _indexed(ref, load_histories(session, before), before, spans=False) \
        if compare else None  # fmt: skip
    return LoadedPeriod(period, _indexed(ref, load_histories(session, period), period),
                        previous)  # fmt: skip


def statistics(session: Session, ref: Reference, period: Period,
               flt: StatsFilter | None = None, *, compare: bool = True,
               rules: ScoreRules | None = None) -> Statistics:  # fmt: skip
    """The panel's figures for ``period``: one query for it (and one for 环比)."""
    return compute(ref, load_period(session, ref, period, compare=compare), flt, rules)


def compute(ref: Reference, loaded: LoadedPeriod, flt: StatsFilter | None = None,
            rules: ScoreRules | None = None) -> Statistics:  # fmt: skip
    """The panel's figures from histories already read, for the filters ``flt``."""
    flt = flt or StatsFilter()
    rules = rules or stored_rules(ref)
    memo = (flt, rules.to_json())
    done = loaded.computed.get(memo)
    if done is not None:
        return done
    with without_cyclic_gc():
        result = _compute(ref, loaded, flt, rules)
    if len(loaded.computed) >= _MEMO_SIZE:
        loaded.computed.pop(next(iter(loaded.computed)))
    loaded.computed[memo] = result
    return result


_MEMO_SIZE = 16


def _compute(ref: Reference, loaded: LoadedPeriod, flt: StatsFilter,
             rules: ScoreRules) -> Statistics:  # fmt: skip
    period = loaded.period
    cases = _filtered(loaded.cases, flt)
    members: dict[FigureKey, list[int]] = {}
    days = _days(period)
    by_source, by_kind = _per_day(ref, cases, period, days, members)
    stage_times, handling_times = _stage_times(loaded.cases, cases, members)
    # Every table and the headline's centre from one pass of the engine (shared facts).
    evaluated = evaluate_many(ref, cases.histories, period, (*TABLES, "centre"), rules,
                              facts=list(cases.facts.values()))  # fmt: skip
    tables = {by: tuple(_narrowed(evaluated[by], by, flt)) for by in TABLES}
    headline = _headline(cases, period, evaluated["centre"][0], members)
    previous = None
    if loaded.previous is not None:
        before = period.previous()
        earlier = _filtered(loaded.previous, flt)
        [centre] = evaluate_many(ref, earlier.histories, before, ("centre",), rules,
                                 facts=list(earlier.facts.values()))["centre"]  # fmt: skip
        previous = _headline(earlier, before, centre, None)
    return Statistics(
        period, flt, days, by_source, by_kind, stage_times, handling_times, tables, headline,
        previous, rules, {k: tuple(sorted(set(v))) for k, v in members.items()},
        _TableMembers(ref, cases, period),
    )  # fmt: skip


# -- the cases of the period, filtered ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cases:
    histories: dict[int, list[CaseEvent]]  # events up to as_of
    facts: dict[int, HandlingFacts]  # of those dispatched (and not taken back)


def _filtered(loaded: _Indexed, flt: StatsFilter) -> _Cases:
    if flt == StatsFilter():
        return _Cases(dict(loaded.histories), dict(loaded.facts))
    kept: dict[int, list[CaseEvent]] = {}
    facts: dict[int, HandlingFacts] = {}
    for case_id, (grid, category, unit) in loaded.keys.items():
        if flt.accepts(grid, category, unit):
            kept[case_id] = loaded.histories[case_id]
            f = loaded.facts.get(case_id)
            if f is not None:
                facts[case_id] = f
    return _Cases(kept, facts)


def _narrowed(rows: Iterable[EvaluationRow], by: str, flt: StatsFilter) -> list[EvaluationRow]:
    """The unit / street rows the filter leaves (the others would only show zeros)."""
    if by == "unit" and flt.unit:
        return [r for r in rows if r.key == flt.unit]
    street = (flt.community or flt.street)[:STREET_WIDTH]
    if by == "street" and street:
        return [r for r in rows if r.key == street]
    return list(rows)


def _days(period: Period) -> tuple[date, ...]:
    first, last = period.start.date(), (period.end - timedelta(microseconds=1)).date()
    return tuple(first + timedelta(days=i) for i in range((last - first).days + 1))


def _reported_at(events: Sequence[CaseEvent]) -> datetime:
    return datetime.fromisoformat(str(events[0].payload["reported_at"]))


# -- reports per day, the funnel -----------------------------------------------------------


def _per_day(ref: Reference, cases: _Cases, period: Period, days: tuple[date, ...],
             members: dict[FigureKey, list[int]],
             ) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:  # fmt: skip
    """Reports made in the period, per day, by source and by kind (部件 / 事件)."""
    index = {d: i for i, d in enumerate(days)}
    sources: dict[str, list[int]] = {}
    kinds: dict[str, list[int]] = {k: [0] * len(days) for k in KINDS}
    for case_id, events in cases.histories.items():
        reported = _reported_at(events)
        if reported not in period:
            continue
        day = reported.date()
        at = index[day]
        source = str(events[0].payload["source"])
        sources.setdefault(source, [0] * len(days))[at] += 1
        members.setdefault(("day", day.isoformat(), source), []).append(case_id)
        members.setdefault(("day", day.isoformat(), ""), []).append(case_id)
        code = category_of(events) or ""
        kind = ref.catalog.get(code).kind.prefix if code in ref.catalog else code[:1]
        if kind in kinds:
            kinds[kind][at] += 1
            members.setdefault(("day_kind", day.isoformat(), kind), []).append(case_id)
    return ({s: tuple(v) for s, v in sorted(sources.items())},
            {k: tuple(v) for k, v in kinds.items()})  # fmt: skip


def _funnel_stage(events: Sequence[CaseEvent]) -> list[str]:
    """How far a reported case got by the evaluation instant (上报 → 立案 → … → 结案)."""
    actions = {e.action for e in events}
    reached = ["reported"]
    if Action.FILE in actions:
        reached.append("filed")
    if Action.DISPATCH in actions:
        reached.append("dispatched")
    if Action.FEEDBACK in actions:
        reached.append("handled")
    if events[-1].to_state is CaseState.CLOSED:
        reached.append("closed")
    return reached


def _headline(cases: _Cases, period: Period, centre: EvaluationRow,
              members: dict[FigureKey, list[int]] | None) -> Headline:  # fmt: skip
    """The funnel of the cases reported in the period, and the centre's indicators."""
    funnel = dict.fromkeys(FUNNEL, 0)
    for case_id, events in cases.histories.items():
        if _reported_at(events) not in period:
            continue
        for stage in _funnel_stage(events):
            funnel[stage] += 1
            if members is not None:
                members.setdefault(("funnel", stage, ""), []).append(case_id)
    return Headline(funnel, centre.indicators, centre.score, centre.level)


# -- time per stage --------------------------------------------------------------------------


def stage_spans(events: Sequence[CaseEvent]) -> list[tuple[str, datetime, datetime, str]]:
    """(stage, started, ended, unit) of each stage a case went through, in order.

    A stage starts where the events recorded it (`payload["stage"]`, set by the domain's
    `stage_started`), the handling at a dispatch (and again after a failed check, as the
    case clock does); it ends when another stage starts or the case leaves the loop.
    Consecutive starts of one stage are one span (a verification requested after the
    report, a feedback sent for check). ``unit`` is the dispatched unit of a handling.
    """
    spans: list[tuple[str, datetime, datetime, str]] = []
    running: tuple[str, datetime, str] | None = None
    unit = ""
    for e in events:
        if e.action is Action.DISPATCH:
            unit = str(e.payload.get("unit_code") or "")
        started: str | None = None
        if e.action in (Action.DISPATCH, Action.CHECK_FAIL):
            started = "handling"
        elif e.payload.get("stage"):
            started = str(e.payload["stage"])
        if running is not None and started == running[0]:
            continue
        ends = started is not None or not e.to_state.is_open
        if running is not None and ends:
            spans.append((running[0], running[1], e.at, running[2]))
            running = None
        if started is not None and e.to_state.is_open:
            begin = _reported_at(events) if e.action is Action.REPORT else e.at
            running = (started, begin, unit if started == "handling" else "")
    return spans


def _spent(ref: Reference, events: Sequence[CaseEvent],
           period: Period) -> tuple[tuple[str, float, str], ...]:  # fmt: skip
    """(stage, working hours, unit) of each stage of the case that ended in the period."""
    working = ref.calendar.working_seconds
    return tuple((stage, working(started, ended) / 3600.0, unit)
                 for stage, started, ended, unit in stage_spans(events)
                 if ended in period and stage in STAGES)  # fmt: skip


def _stage_times(loaded: _Indexed, cases: _Cases, members: dict[FigureKey, list[int]],
                 ) -> tuple[tuple[StageTime, ...], dict[str, StageTime]]:  # fmt: skip
    hours: dict[str, list[float]] = {s: [] for s in STAGES}
    per_unit: dict[str, list[float]] = {}
    for case_id in cases.histories:
        for stage, spent, unit in loaded.spent[case_id]:
            hours[stage].append(spent)
            members.setdefault(("stage", stage, ""), []).append(case_id)
            if stage == "handling" and unit:
                per_unit.setdefault(unit, []).append(spent)
                members.setdefault(("handling_time", unit, ""), []).append(case_id)
    return (tuple(_stage_time(s, hours[s]) for s in STAGES),
            {u: _stage_time("handling", v) for u, v in sorted(per_unit.items())})  # fmt: skip


def _stage_time(stage: str, values: list[float]) -> StageTime:
    if not values:
        return StageTime(stage, 0, None, None)
    ranked = sorted(values)
    p90 = ranked[max(0, math.ceil(0.9 * len(ranked)) - 1)]  # nearest rank
    return StageTime(stage, len(ranked), round(median(ranked), 2), round(p90, 2))


# -- the cases behind the evaluation tables ---------------------------------------------------


def _table_members(ref: Reference, cases: _Cases, period: Period,
                   members: dict[FigureKey, list[int]]) -> None:  # fmt: skip
    """For each case, the engine on that case alone: every count it adds to."""
    owners = {cell: username for username, s in ref.supervisors.items()
              for cell in s.patrol_cells}  # fmt: skip
    roles = {username: a.role.value for username, a in ref.accounts.items()}

    def street(grid: str) -> str:
        return grid[:STREET_WIDTH]

    def street_of(f: HandlingFacts) -> str:
        return street(f.grid)

    for case_id, events in cases.histories.items():
        facts = cases.facts.get(case_id)

        def add(what: str, per: Mapping[str, Any], skip: Callable[[str], bool] = _nothing,
                case_id: int = case_id) -> None:  # fmt: skip
            for key, figures in per.items():
                values = figures if isinstance(figures, dict) else figures.as_dict()
                for measure, value in values.items():
                    if type(value) is int and value > 0 and not skip(measure):
                        members.setdefault((what, key, measure), []).append(case_id)

        if facts is not None:
            add("unit", unit_indicators([facts], period))
            # A region's 立案数 is its filings (below), not the unit's dispatches.
            add("street", unit_indicators([facts], period, key=street_of),
                skip=lambda m: m == "filed")  # fmt: skip
        filings = region_filings([events], period, key=street)
        add("street", {k: {"filed": r.filed, "public_verified": r.public_verified,
                           "undispatched": r.undispatched}
                       for k, r in filings.items()})  # fmt: skip
        add("supervisor", supervisor_indicators([events], period, owners))
        for username, figures in post_indicators([events], period).items():
            role = roles.get(username)
            if role in POSTS:
                add(role, {username: figures})


def _nothing(_: str) -> bool:
    return False
