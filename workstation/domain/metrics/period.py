"""Periods of the evaluation and how a rate is shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from workstation.domain.case import CaseEvent
from workstation.domain.lifecycle import Action


@dataclass(frozen=True, slots=True)
class Period:
    """[start, end) in Beijing time; open cases are judged at ``as_of`` = min(end, now)."""

    start: datetime
    end: datetime
    as_of: datetime

    @classmethod
    def of(cls, start: datetime, end: datetime, now: datetime) -> Period:
        if end <= start:
            raise ValueError("统计期的结束必须晚于开始")
        return cls(start, end, min(end, now))

    def __contains__(self, instant: datetime) -> bool:
        return self.start <= instant < self.end and instant <= self.as_of

    def previous(self) -> Period:
        """环比: the period of the same length just before (judged at its end)."""
        length = self.end - self.start
        return Period(self.start - length, self.start, self.start)

    def last_year(self) -> Period:
        """同比: the same dates a year earlier (29 February falls on the 28th)."""
        start, end = _year_before(self.start), _year_before(self.end)
        return Period(start, end, min(end, _year_before(self.as_of)))


def _year_before(instant: datetime) -> datetime:
    try:
        return instant.replace(year=instant.year - 1)
    except ValueError:  # 29 February
        return instant.replace(year=instant.year - 1, day=28)


def rate(numerator: int, denominator: int) -> float | None:
    """A percentage with one decimal; None ("—") when the denominator is zero."""
    if denominator == 0:
        return None
    return round(100.0 * numerator / denominator, 1)


def grid_of(events: Sequence[CaseEvent]) -> str | None:
    """The case's unit grid: as reported, or as the filing set it."""
    grid = events[0].payload.get("grid_code")
    for e in events:
        if e.action is Action.FILE:
            grid = e.payload.get("grid_code") or grid
    return str(grid) if grid else None


def category_of(events: Sequence[CaseEvent]) -> str | None:
    """The case's category: as reported, as the filing set it, or as last reclassified."""
    category = events[0].payload.get("category_code")
    for e in events:
        if e.action in (Action.FILE, Action.RECLASSIFY):
            category = e.payload.get("category_code") or category
    return str(category) if category else None
