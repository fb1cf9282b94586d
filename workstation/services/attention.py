"""What needs a dispatcher's attention now (紧盯重点, 跟踪提醒): pure rules for the reminder centre.

Given case summaries, the time and the working calendar, `AttentionEvaluator.evaluate`
lists attention items: deadlines at ≥ 80 % of their time (yellow) or passed (red), checks
overdue, new urgent reports, units' requests and 先行处置 reports waiting for approval.
`crossings` tells which items are new since the previous evaluation (those notify), and
`ReminderState` keeps what the dispatcher acknowledged or snoozed.

How "80 % used" is computed without the dispatch time: `CaseSummary` carries the deadline
and the limit but not the instant the clock started. A limit L counted from start S ends
at D = deadline(S, L), so the working time between S and D is exactly L, and for any
S ≤ now ≤ D ``elapsed_fraction(S, D, now) = 1 − working(now, D) / L``. "≥ 80 % used" is
therefore "at most 20 % of L left before D", i.e. ``now ≥ warn_at``, where warn_at is the
earliest instant with at most 0.2 L of working time left before D (found by walking back
from D through office periods). warn_at depends only on (D, L), so it is computed once
per deadline and cached; a re-evaluation of 20,000 cases is then mostly comparisons of
datetimes. After an approved extension the deadline moves but the stored limit does not:
the warning then comes in the last 20 % of the original limit before the new deadline.
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from operator import attrgetter

from workstation.domain.calendar import TimeLimit, WorkCalendar
from workstation.domain.case import Stage as StageName
from workstation.domain.case import StageLimits
from workstation.domain.lifecycle import CaseState, Priority, Source
from workstation.services.dto import CaseSummary

__all__ = [
    "NOTIFY_KINDS",
    "WARN_FRACTION",
    "AttentionEvaluator",
    "AttentionItem",
    "Kind",
    "ReminderState",
    "Severity",
    "Stage",
    "crossings",
    "evaluate",
    "working_time_before",
]

WARN_FRACTION = 0.8  # DESIGN §2: yellow at 80 % of the time used, red when overdue

_US = 1_000_000
_DAY_US = 86_400 * _US


class Kind(enum.StrEnum):
    """What happened; the UI maps each kind to its Chinese label."""

    OVERDUE = "overdue"  # 超期: a handling or stage deadline has passed
    CHECK_OVERDUE = "check_overdue"  # 核查超期: awaiting_check past its stage deadline
    URGENT_REPORT = "urgent_report"  # 紧急上报 not yet seen
    YELLOW = "yellow"  # 即将超期: ≥ 80 % of the time used
    REQUEST = "request"  # a unit's 延期/回退/挂账 request waits for approval
    SELF_HANDLED = "self_handled"  # 先行处置 report waits for approval


class Severity(enum.IntEnum):
    INFO = 1  # a decision is waiting, no clock is running out
    WARNING = 2  # yellow
    CRITICAL = 3  # red: overdue, or an urgent report


class Stage(enum.StrEnum):
    """Which clock an item is about (the `detail` of timer items)."""

    HANDLING = "handling"  # the unit's handling deadline (dispatched)
    VERIFY = "verify"  # 核实 stage
    FILE = "file"  # 立案 stage
    DISPATCH = "dispatch"  # 派遣 stage
    CHECK = "check"  # 核查 stage


# Kinds that pop up a notification when they newly appear (issue 3 point 5: a threshold
# crossed or an urgent report arriving); requests only wait in the list.
NOTIFY_KINDS = frozenset({Kind.OVERDUE, Kind.CHECK_OVERDUE, Kind.URGENT_REPORT, Kind.YELLOW})

_SEVERITY = {
    Kind.OVERDUE: Severity.CRITICAL,
    Kind.CHECK_OVERDUE: Severity.CRITICAL,
    Kind.URGENT_REPORT: Severity.CRITICAL,
    Kind.YELLOW: Severity.WARNING,
    Kind.REQUEST: Severity.INFO,
    Kind.SELF_HANDLED: Severity.INFO,
}

ItemKey = tuple[str, int]  # (kind, case id): one item per kind and case


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """One thing that needs attention. Text fields hold data and codes, never UI wording."""

    kind: Kind
    case_id: int
    case_no: str
    title: str  # the case in one line: category · address (or description)
    detail: str  # a code refining the kind: the Stage of timer items, the request kind …
    severity: Severity
    since: datetime  # when it began to need attention (80 % instant, deadline, report time)
    due: datetime | None = None  # the deadline concerned, for timer items (and sorting)
    fraction: float | None = None  # share of the limit used, for yellow items
    # Changes whenever the situation changes (a new deadline, another request): an
    # acknowledgement holds for one stamp only.
    stamp: str = ""
    # Derived once here rather than in properties: a tick compares ~20,000 of them.
    key: ItemKey = field(init=False, repr=False, compare=False)  # (kind, case id)
    # A string, whose hash Python caches: crossings() hashes every item on every tick.
    identity: str = field(init=False, repr=False, compare=False)
    rank: int = field(init=False, repr=False, compare=False)  # the sort order, see below

    def __post_init__(self) -> None:
        kind = str(self.kind.value)  # a plain str, as saved state read from JSON has
        object.__setattr__(self, "key", (kind, self.case_id))
        object.__setattr__(self, "identity", f"{kind}\x1f{self.case_id}\x1f{self.stamp}")
        # Red first, then yellow, then waiting decisions. Within a colour: the earliest
        # deadline first (what runs out next), else the longest-waiting. Case id and kind
        # make it a total order, so two sorted lists can be merged row by row. Packed in
        # one int: sorting 20,000 ints is several times faster than sorting tuples.
        when = self.due if self.due is not None else self.since
        micros = max(0, (when - _RANK_EPOCH) // _MICROSECOND)  # < 2**60 for 36,000 years
        rank = (Severity.CRITICAL - self.severity) << 100 | micros << 40
        rank |= (self.case_id & _CASE_ID_MASK) << 4 | _KIND_ORDER[self.kind]
        object.__setattr__(self, "rank", rank)


_RANK_EPOCH = datetime(1900, 1, 1)
_MICROSECOND = timedelta(microseconds=1)
_CASE_ID_MASK = (1 << 36) - 1  # 68 billion cases
_KIND_ORDER = {kind: n for n, kind in enumerate(Kind)}
sort_key = attrgetter("rank")


# --------------------------------------------------------------------------- time


def working_time_before(calendar: WorkCalendar, end: datetime, limit: TimeLimit,
                        fraction: float = 1.0) -> datetime:  # fmt: skip
    """The earliest instant t with at most ``fraction`` × ``limit`` of time left before ``end``.

    Working time for WORK_* limits, natural time otherwise. With ``fraction`` = 1 this is
    the start S of a limit that ends at ``end``: ``calendar.deadline(S, limit) == end``.
    """
    return _Backwards(calendar).before(end, limit, fraction)


class _Backwards:
    """Walks back from an instant through office periods of working days."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self._calendar = calendar
        self._periods = tuple(
            (_offset_us(a.hour, a.minute, a.second, a.microsecond),
             _offset_us(b.hour, b.minute, b.second, b.microsecond))
            for a, b in reversed(calendar.office_hours.periods)
        )  # fmt: skip

    def before(self, end: datetime, limit: TimeLimit, fraction: float) -> datetime:
        budget = round(self._calendar.limit_seconds(limit) * _US * fraction)
        if not limit.unit.is_working_time:
            return end - timedelta(microseconds=budget)
        is_workday = self._calendar.is_workday
        day = end.date()
        offset = _offset_us(end.hour, end.minute, end.second, end.microsecond)
        # Bounded: even a 100-工作日 limit across the Spring Festival stays far below this.
        for _ in range(3660):
            if is_workday(day):
                for start_us, stop_us in self._periods:
                    if offset <= start_us:
                        continue
                    stop = offset if offset < stop_us else stop_us
                    available = stop - start_us
                    # Strict: a budget ending exactly at a period start walks on to the
                    # end of the previous period (the earliest instant with that much left).
                    if budget < available:
                        return _at(day, stop - budget)
                    budget -= available
            day -= _ONE_DAY
            offset = _DAY_US
        raise ValueError(f"时限过长，无法倒推：{limit}")  # pragma: no cover


_ONE_DAY = timedelta(days=1)


def _offset_us(hour: int, minute: int, second: int, micro: int) -> int:
    return ((hour * 60 + minute) * 60 + second) * _US + micro


def _at(day: date, offset_us: int) -> datetime:
    return datetime(day.year, day.month, day.day) + timedelta(microseconds=offset_us)


# --------------------------------------------------------------------------- evaluation


class _Plan:
    """What one case can raise, prepared once per case version; evaluating at a given
    time is then two comparisons (deadline, warn_at) and reuse of prebuilt items."""

    __slots__ = ("case", "timer", "warn", "red", "urgent", "fixed")

    def __init__(self, case: CaseSummary) -> None:
        self.case = case
        self.timer: tuple[Stage, datetime] | None = None  # the clock and its deadline
        self.warn: tuple[datetime, TimeLimit] | None = None  # 80 % instant, the limit
        self.red: AttentionItem | None = None  # built when first needed
        self.urgent: AttentionItem | None = None
        self.fixed: tuple[AttentionItem, ...] = ()


class AttentionEvaluator:
    """Evaluates cases against the clock.

    Two ways to use it: `evaluate(cases, now)` for a one-off list, or, for a view that
    lives long (the reminder centre), `set_cases` on a reload, `update_cases` with what the
    change feed delivers, and `items_at(now)` on every tick: what depends only on a case
    and its deadline is prepared once, so a tick over 20,000 open cases costs ~10–20 ms.
    Not thread-safe (its caches are plain dicts): one thread at a time; the reminder
    centre prepares one on a worker and then hands it over to the GUI thread.
    """

    def __init__(self, calendar: WorkCalendar, limits: StageLimits | None = None) -> None:
        self.calendar = calendar
        self.limits = limits or StageLimits()
        self._back = _Backwards(calendar)
        self._limits_parsed: dict[str, TimeLimit | None] = {}
        # Keyed by the limit object's id, not its value: hashing a dataclass costs more than
        # the rest of a lookup, and every limit used here is kept alive by this evaluator
        # (self.limits, self._limits_parsed), so an id is never reused for another limit.
        self._warn_at: dict[tuple[datetime, int], datetime] = {}
        self._verify_stage: dict[tuple[datetime, datetime], bool] = {}
        self._plans: dict[int, _Plan] = {}
        self._versions: dict[int, int] = {}  # of every case seen, closed ones too

    # -- long-lived use ----------------------------------------------------------------

    def set_cases(self, cases: Iterable[CaseSummary], now: datetime | None = None) -> None:
        """Replace every case (a reload); closed and voided ones are dropped.

        With ``now``, the items of cases already overdue then are built here too, so the
        first `items_at` does not build thousands of them (call this on a worker).
        """
        if len(self._warn_at) > 200_000:  # deadlines of long-closed cases pile up
            self._warn_at.clear()
            self._verify_stage.clear()
        cases = list(cases)
        self._versions = {c.id: c.version for c in cases}
        plans = (self._plan(c) for c in cases if c.state not in _CLOSED_STATES)
        self._plans = {p.case.id: p for p in plans}
        if now is not None:
            for plan in self._plans.values():
                if plan.timer is not None and now > plan.timer[1]:
                    plan.red = self._red(plan, *plan.timer)

    def update_cases(self, cases: Iterable[CaseSummary]) -> None:
        """Add or replace these cases (changed or new); closed or voided ones leave.

        A summary older than the one already held (a lower version) is ignored: the
        change feed and the action that made the change may deliver a case in either
        order.
        """
        versions = self._versions
        for case in cases:
            if case.version < versions.get(case.id, case.version):
                continue
            versions[case.id] = case.version
            if case.state in _CLOSED_STATES:
                self._plans.pop(case.id, None)
            else:
                self._plans[case.id] = self._plan(case)

    def case(self, case_id: int) -> CaseSummary | None:
        plan = self._plans.get(case_id)
        return plan.case if plan is not None else None

    def __len__(self) -> int:
        return len(self._plans)

    def items_at(self, now: datetime, seen: Collection[int] = ()) -> list[AttentionItem]:
        """The attention items of the current cases at ``now``, red first."""
        return self._items(self._plans.values(), now, seen)

    # -- one-off use -------------------------------------------------------------------

    def evaluate(self, cases: Iterable[CaseSummary], now: datetime,
                 seen: Collection[int] = ()) -> list[AttentionItem]:  # fmt: skip
        """The attention items of these cases at ``now``, red first.

        ``seen``: ids of cases the dispatcher has already looked at; their urgent reports
        are no longer new.
        """
        plans = [self._plan(c) for c in cases if c.state not in _CLOSED_STATES]
        return self._items(plans, now, seen)

    # -- internals ---------------------------------------------------------------------

    def _items(self, plans: Iterable[_Plan], now: datetime,
               seen: Collection[int]) -> list[AttentionItem]:  # fmt: skip
        items: list[AttentionItem] = []
        add = items.append
        for plan in plans:
            timer = plan.timer
            if timer is not None:
                if now > timer[1]:
                    red = plan.red
                    if red is None:
                        red = plan.red = self._red(plan, *timer)
                    add(red)
                elif plan.warn is not None and now >= plan.warn[0]:
                    add(self._yellow(plan, *timer, *plan.warn, now))  # its fraction moves on
            if plan.fixed:
                items.extend(plan.fixed)
            if plan.urgent is not None and plan.case.id not in seen:
                add(plan.urgent)
        items.sort(key=sort_key)
        return items

    def _plan(self, case: CaseSummary) -> _Plan:
        plan = _Plan(case)
        timer = self._timer(case)
        if timer is not None:
            stage, due, limit = timer
            plan.timer = (stage, due)
            if limit is not None:
                plan.warn = (self._cached_warn_at(due, limit), limit)
        state = case.state
        fixed: list[AttentionItem] = []
        if state == _REPORTED:
            if case.self_handled:
                fixed.append(_item(Kind.SELF_HANDLED, case, "", case.reported_at,
                                   stamp=case.reported_at.isoformat()))  # fmt: skip
            elif case.priority == _URGENT:
                plan.urgent = _item(Kind.URGENT_REPORT, case, case.source, case.reported_at,
                                    stamp=case.reported_at.isoformat())  # fmt: skip
        if case.pending_request:
            # The request is in practice the case's last update: the DTO has no request
            # time of its own.
            since = case.updated_at or case.reported_at
            fixed.append(_item(Kind.REQUEST, case, case.pending_request, since,
                               stamp=case.pending_request))  # fmt: skip
        plan.fixed = tuple(fixed)
        return plan

    def _red(self, plan: _Plan, stage: Stage, due: datetime) -> AttentionItem:
        kind = Kind.CHECK_OVERDUE if stage is Stage.CHECK else Kind.OVERDUE
        return _item(kind, plan.case, stage, due, due=due, stamp=_timer_stamp(stage, due))

    def _yellow(self, plan: _Plan, stage: Stage, due: datetime, warn_at: datetime,
                limit: TimeLimit, now: datetime) -> AttentionItem:  # fmt: skip
        return _item(Kind.YELLOW, plan.case, stage, warn_at, due=due,
                     stamp=_timer_stamp(stage, due),
                     fraction=self.fraction_used(due, limit, now))  # fmt: skip

    def _timer(self, case: CaseSummary) -> tuple[Stage, datetime, TimeLimit | None] | None:
        state = case.state
        if state == _DISPATCHED:
            if case.deadline is None:
                return None
            return Stage.HANDLING, case.deadline, self._parse(case.handling_limit)
        due = case.stage_deadline
        if due is None:
            return None
        if state == _AWAITING_CHECK:
            return Stage.CHECK, due, self.limits.of(StageName.CHECK, case.priority)
        if state == _FILED:
            return Stage.DISPATCH, due, self.limits.of(StageName.DISPATCH, case.priority)
        if state == _VERIFYING:
            return Stage.VERIFY, due, self.limits.of(StageName.VERIFY, case.priority)
        if state == _REPORTED:
            if self._in_verify_stage(case, due):
                return Stage.VERIFY, due, self.limits.of(StageName.VERIFY, case.priority)
            return Stage.FILE, due, self.limits.of(StageName.FILE, case.priority)
        return None  # suspended: the clock stands still

    def _in_verify_stage(self, case: CaseSummary, due: datetime) -> bool:
        # A report that needs verification gets "verify" time from its report instant;
        # once verified it gets "file" time from the verification. The DTO does not say
        # which, but the deadline does: only the first is deadline(reported_at, verify).
        if not _needs_verification(case.source):
            return False
        key = (case.reported_at, due)
        known = self._verify_stage.get(key)
        if known is None:
            limit = self.limits.of(StageName.VERIFY, case.priority)
            known = self.calendar.deadline(case.reported_at, limit) == due
            self._verify_stage[key] = known
        return known

    def _parse(self, text: str | None) -> TimeLimit | None:
        if text is None:
            return None
        if text not in self._limits_parsed:
            try:
                self._limits_parsed[text] = TimeLimit.parse(text)
            except ValueError:  # a malformed stored limit must not hide the deadline
                self._limits_parsed[text] = None
        return self._limits_parsed[text]

    def warn_at(self, due: datetime, limit: TimeLimit) -> datetime:
        """The instant a limit ending at ``due`` reaches 80 % used."""
        return self._back.before(due, limit, 1.0 - WARN_FRACTION)

    def _cached_warn_at(self, due: datetime, limit: TimeLimit) -> datetime:
        # Only for limits this evaluator keeps alive (see self._warn_at).
        key = (due, id(limit))
        found = self._warn_at.get(key)
        if found is None:
            found = self._warn_at[key] = self.warn_at(due, limit)
        return found

    def fraction_used(self, due: datetime, limit: TimeLimit, now: datetime) -> float:
        """Share of ``limit`` (ending at ``due``) used at ``now``; as elapsed_fraction does."""
        if now > due:  # as elapsed_fraction: past the deadline is above 1 even off hours
            return math.nextafter(1.0, math.inf)
        left = self.calendar.remaining_seconds(now, due, limit.unit)
        return min(1.0, max(0.0, 1.0 - left / self.calendar.limit_seconds(limit)))


_CLOSED_STATES = frozenset({CaseState.CLOSED.value, CaseState.VOIDED.value})
_REPORTED = CaseState.REPORTED.value
_VERIFYING = CaseState.VERIFYING.value
_FILED = CaseState.FILED.value
_DISPATCHED = CaseState.DISPATCHED.value
_AWAITING_CHECK = CaseState.AWAITING_CHECK.value
_URGENT = Priority.URGENT.value


def _timer_stamp(stage: Stage, due: datetime) -> str:
    # The deadline is the stamp: an extension (a new deadline) makes a new item.
    return f"{stage.value}@{due.isoformat()}"


def _needs_verification(source: str) -> bool:
    try:
        return Source(source).needs_verification
    except ValueError:
        return False


def _title(case: CaseSummary) -> str:
    where = case.address or case.description
    return " · ".join(p for p in (case.category_name, where) if p)


def _item(kind: Kind, case: CaseSummary, detail: str, since: datetime, *,
          due: datetime | None = None, fraction: float | None = None,
          stamp: str = "") -> AttentionItem:  # fmt: skip
    return AttentionItem(kind, case.id, case.case_no, _title(case), str(detail), _SEVERITY[kind],
                         since, due, fraction, stamp)  # fmt: skip


def evaluate(cases: Iterable[CaseSummary], now: datetime, calendar: WorkCalendar,
             seen: Collection[int] = (), limits: StageLimits | None = None,
             ) -> list[AttentionItem]:  # fmt: skip
    """One-off evaluation (no cache kept); see `AttentionEvaluator.evaluate`."""
    return AttentionEvaluator(calendar, limits).evaluate(cases, now, seen)


def crossings(before: Iterable[AttentionItem],
              after: Iterable[AttentionItem]) -> list[AttentionItem]:  # fmt: skip
    """Items of `after` that notify and were not in `before`: a threshold newly crossed,
    a deadline that moved and was crossed again, an urgent report that arrived."""
    old = {item.identity for item in before}
    return [i for i in after if i.kind in NOTIFY_KINDS and i.identity not in old]


# --------------------------------------------------------------------------- user state


@dataclass
class ReminderState:
    """Acknowledged and snoozed items (per session; serialisable for QSettings).

    An acknowledgement hides an item until it changes (another stamp) or goes away; a
    snooze hides it until the given time, then it comes back (and reminds again).
    """

    acknowledged: dict[ItemKey, str] = field(default_factory=dict)
    snoozed: dict[ItemKey, datetime] = field(default_factory=dict)

    def acknowledge(self, item: AttentionItem) -> None:
        self.acknowledged[item.key] = item.stamp
        self.snoozed.pop(item.key, None)

    def snooze(self, item: AttentionItem, until: datetime) -> None:
        self.snoozed[item.key] = until
        self.acknowledged.pop(item.key, None)

    def is_hidden(self, item: AttentionItem, now: datetime) -> bool:
        if self.acknowledged.get(item.key) == item.stamp:
            return True
        until = self.snoozed.get(item.key)
        return until is not None and now < until

    def visible(self, items: Iterable[AttentionItem], now: datetime) -> list[AttentionItem]:
        if not self.acknowledged and not self.snoozed:
            return list(items)
        return [i for i in items if not self.is_hidden(i, now)]

    def next_wake(self) -> datetime | None:
        """When the next snooze ends (to re-evaluate on time rather than at the next tick)."""
        return min(self.snoozed.values(), default=None)

    def update(self, items: Iterable[AttentionItem], now: datetime) -> list[AttentionItem]:
        """Forget what no longer applies; return the items whose snooze just ended.

        An acknowledgement of an item that went away (the case was approved, closed, turned
        from yellow to red) or changed is dropped, so the same kind of trouble later is
        shown again.
        """
        if not self.acknowledged and not self.snoozed:
            return []
        wanted = self.acknowledged.keys() | self.snoozed.keys()
        current = {item.key: item for item in items if item.key in wanted}
        self.acknowledged = {
            k: stamp for k, stamp in self.acknowledged.items()
            if k in current and current[k].stamp == stamp
        }  # fmt: skip
        woke: list[AttentionItem] = []
        kept: dict[ItemKey, datetime] = {}
        for k, until in self.snoozed.items():
            if k not in current:
                continue
            if now >= until:
                woke.append(current[k])
            else:
                kept[k] = until
        self.snoozed = kept
        return woke

    def to_json(self) -> str:
        return json.dumps(
            {
                "acknowledged": [[k, i, s] for (k, i), s in self.acknowledged.items()],
                "snoozed": [[k, i, u.isoformat()] for (k, i), u in self.snoozed.items()],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | None) -> ReminderState:
        """The saved state; anything unreadable is an empty state, never an error."""
        state = cls()
        if not text:
            return state
        try:
            data = json.loads(text)
            for kind, case_id, stamp in data.get("acknowledged", []):
                state.acknowledged[(str(kind), int(case_id))] = str(stamp)
            for kind, case_id, until in data.get("snoozed", []):
                state.snoozed[(str(kind), int(case_id))] = datetime.fromisoformat(until)
        except (ValueError, TypeError, AttributeError):
            return cls()
        return state
