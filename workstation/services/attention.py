"""What needs a dispatcher's attention now (紧盯重点, 跟踪提醒): pure rules for the reminder centre.

Given case summaries, the time and the working calendar, `AttentionEvaluator.evaluate`
lists attention items: deadlines at ≥ 80 % of their time (yellow) or passed (red), checks
overdue, new urgent reports, units' requests and 先行处置 reports waiting for approval.
`crossings` tells which items are new since the previous evaluation (those notify), and
`ReminderState` keeps what the dispatcher acknowledged or snoozed.

How much of its time a case has used, and when it reaches 80 %, is the case clock's
(`domain.clock`): this module only asks it. The 80 % instant of a clock depends only on
its deadline and the time it allows, so it is computed once per (deadline, allowance)
and cached; a re-evaluation of 20,000 cases is then mostly comparisons of datetimes.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from operator import attrgetter

from workstation.domain.calendar import WorkCalendar
from workstation.domain.case import Stage, StageLimits
from workstation.domain.clock import ClockReading, clock_deadline, read_clock, warning_at
from workstation.domain.lifecycle import CaseState, Priority
from workstation.services.dto import CaseSummary

__all__ = [
    "NOTIFY_KINDS",
    "AttentionEvaluator",
    "AttentionItem",
    "Kind",
    "ReminderState",
    "Severity",
    "Stage",
    "crossings",
    "evaluate",
]




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


# --------------------------------------------------------------------------- evaluation


class _Plan:
    """What one case can raise, prepared once per case version; evaluating at a given
    time is then two comparisons (deadline, warn_at) and reuse of prebuilt items."""

    __slots__ = ("case", "timer", "warn", "red", "urgent", "fixed")

    def __init__(self, case: CaseSummary) -> None:
        self.case = case
        self.timer: tuple[Stage, datetime] | None = None  # the clock and its deadline
        self.warn: datetime | None = None  # the instant the clock reaches 80 %
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
        # (``limits`` is no longer needed: every case carries the limit its clock runs
        # against; kept so that callers need not change.)
        self.calendar = calendar
        self._warn_at: dict[tuple[datetime, float, bool], datetime] = {}
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
                elif plan.warn is not None and now >= plan.warn:
                    add(self._yellow(plan, *timer, plan.warn, now))  # its fraction moves on
            if plan.fixed:
                items.extend(plan.fixed)
            if plan.urgent is not None and plan.case.id not in seen:
                add(plan.urgent)
        items.sort(key=sort_key)
        return items

    def _plan(self, case: CaseSummary) -> _Plan:
        plan = _Plan(case)
        found = clock_deadline(case)
        if found is not None and not found[2]:  # a running clock (挂账: it stands still)
            stage, due, _ = found
            plan.timer = (stage, due)
            reading = read_clock(case, self.calendar, due)  # what it allows: any instant
            if reading is not None:
                plan.warn = self._cached_warn_at(reading)
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
                now: datetime) -> AttentionItem:  # fmt: skip
        reading = read_clock(plan.case, self.calendar, now)
        return _item(Kind.YELLOW, plan.case, stage, warn_at, due=due,
                     stamp=_timer_stamp(stage, due),
                     fraction=min(1.0, reading.used_fraction) if reading else 0.0)  # fmt: skip

    def _cached_warn_at(self, reading: ClockReading) -> datetime:
        key = (reading.deadline, reading.total_seconds, reading.working)
        found = self._warn_at.get(key)
        if found is None:
            found = self._warn_at[key] = warning_at(reading, self.calendar)
        return found


_CLOSED_STATES = frozenset({CaseState.CLOSED.value, CaseState.VOIDED.value})
_REPORTED = CaseState.REPORTED.value
_URGENT = Priority.URGENT.value


def _timer_stamp(stage: Stage, due: datetime) -> str:
    # The deadline is the stamp: an extension (a new deadline) makes a new item.
    return f"{stage.value}@{due.isoformat()}"


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
