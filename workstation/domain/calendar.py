"""Working calendar and deadlines: office hours, Chinese holidays and 调休, time limits."""

from __future__ import annotations

import enum
import logging
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import MappingProxyType

from workstation.domain.holiday_rules import (
    DayKind,
    DaySource,
    SpecialDay,
    YearStatus,
    official_schedule,
    statutory_holidays,
    unconfirmed_year_message,
)

__all__ = [
    "LimitUnit",
    "OfficeHours",
    "TimeLimit",
    "WorkCalendar",
]

logger = logging.getLogger("workstation.calendar")

_US_PER_SECOND = 1_000_000
_US_PER_MINUTE = 60 * _US_PER_SECOND
_US_PER_HOUR = 60 * _US_PER_MINUTE


class LimitUnit(enum.StrEnum):
    """How a time limit is counted."""

    WORK_HOURS = "work_hours"  # 工作时: office time on working days only
    WORK_DAYS = "work_days"  # 工作日: N × one full day of office time (see WorkCalendar)
    NATURAL_HOURS = "natural_hours"  # 自然小时: 24/7, for urgent categories
    NATURAL_MINUTES = "natural_minutes"  # 分钟: 24/7, for stage limits (立案 within 30 min)

    @property
    def label(self) -> str:
        return _UNIT_LABELS[self]

    @property
    def is_working_time(self) -> bool:
        return self in (LimitUnit.WORK_HOURS, LimitUnit.WORK_DAYS)


_UNIT_LABELS: dict[LimitUnit, str] = {
    LimitUnit.WORK_HOURS: "工作时",
    LimitUnit.WORK_DAYS: "工作日",
    # "自然小时" rather than bare "小时": next to "8 工作时" a bare "2 小时" reads as ambiguous.
    LimitUnit.NATURAL_HOURS: "自然小时",
    LimitUnit.NATURAL_MINUTES: "分钟",
}

# Spellings accepted by TimeLimit.parse, after NFKC normalisation and lower-casing.
_UNIT_ALIASES: dict[str, LimitUnit] = {
    **dict.fromkeys(
        ("工作时", "工作小时", "个工作时", "个工作小时", "work_hours", "work_hour", "wh"),
        LimitUnit.WORK_HOURS,
    ),
    **dict.fromkeys(
        ("工作日", "个工作日", "工作天", "个工作天", "work_days", "work_day", "wd"),
        LimitUnit.WORK_DAYS,
    ),
    **dict.fromkeys(
        (
            "小时",
            "个小时",
            "自然小时",
            "个自然小时",
            "natural_hours",
            "natural_hour",
            "hours",
            "hour",
            "hrs",
            "hr",
            "h",
        ),
        LimitUnit.NATURAL_HOURS,
    ),
    **dict.fromkeys(
        (
            "分钟",
            "分",
            "自然分钟",
            "natural_minutes",
            "natural_minute",
            "minutes",
            "minute",
            "mins",
            "min",
        ),
        LimitUnit.NATURAL_MINUTES,
    ),
}

_LIMIT_RE = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(\S+)$")
_LIMIT_HINT = "应为如 8 工作时、3 工作日、2 小时、30 分钟"


def _format_number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """A positive time limit such as 8 工作时, 3 工作日, 2 自然小时 or 30 分钟."""

    value: float
    unit: LimitUnit

    def __post_init__(self) -> None:
        # bool is an int subclass; True 工作日 is a bug, not a limit.
        if (
            isinstance(self.value, bool)
            or not isinstance(self.value, int | float)
            or not math.isfinite(self.value)
            or self.value <= 0
        ):
            raise ValueError(f"时限必须是大于 0 的数值：{self.value!r}")
        # Accept the stored enum value ("work_days") from configuration rows.
        object.__setattr__(self, "unit", LimitUnit(self.unit))

    @classmethod
    def parse(cls, text: str) -> TimeLimit:
        """Parse "8 工作时", "3 工作日", "2 小时", "2 自然小时", "30 分钟", "8wh", "3 work_days".

        Full-width digits and letters are accepted. Raises ValueError with a Chinese message.
        """
        normalised = unicodedata.normalize("NFKC", text).strip().lower()
        match = _LIMIT_RE.match(normalised)
        unit = _UNIT_ALIASES.get(match.group(2)) if match else None
        if match is None or unit is None:
            raise ValueError(f"无法识别的时限：{text!r}（{_LIMIT_HINT}）")
        number = match.group(1)
        value: float = float(number) if "." in number else int(number)
        if value <= 0:
            raise ValueError(f"时限必须大于 0：{text!r}（{_LIMIT_HINT}）")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return cls(value, unit)

    def __str__(self) -> str:
        return f"{_format_number(self.value)} {self.unit.label}"


_DEFAULT_PERIODS: tuple[tuple[time, time], ...] = (
    (time(9, 0), time(12, 0)),
    (time(14, 30), time(18, 0)),
)

_PERIOD_RE = re.compile(r"^(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})$")


def _time_us(t: time) -> int:
    return (
        t.hour * _US_PER_HOUR
        + t.minute * _US_PER_MINUTE
        + t.second * _US_PER_SECOND
        + t.microsecond
    )


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """Office periods of every working day; default 09:00–12:00 and 14:30–18:00 (6.5 h).

    Periods are (start, end) pairs of naive times, sorted, non-overlapping, start < end.
    """

    periods: tuple[tuple[time, time], ...] = _DEFAULT_PERIODS

    def __post_init__(self) -> None:
        periods = tuple((start, end) for start, end in self.periods)
        if not periods:
            raise ValueError("办公时段不能为空")
        previous_end: time | None = None
        for start, end in periods:
            if start.tzinfo is not None or end.tzinfo is not None:
                raise ValueError("办公时段必须是不带时区的北京时间")
            if start >= end:
                raise ValueError(f"办公时段的开始必须早于结束：{_fmt(start)}–{_fmt(end)}")
            if previous_end is not None and start < previous_end:
                raise ValueError(
                    f"办公时段必须按时间先后排列且互不重叠：{_fmt(start)} 早于上一时段结束"
                )
            previous_end = end
        object.__setattr__(self, "periods", periods)

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """Parse "09:00-12:00, 14:30-18:00" (also "，", "、", ";" as separators)."""
        normalised = unicodedata.normalize("NFKC", text)
        periods: list[tuple[time, time]] = []
        for part in re.split(r"[,;、]", normalised):
            match = _PERIOD_RE.match(part.strip())
            if match is None:
                raise ValueError(f"无法识别的办公时段：{text!r}（应为如 09:00-12:00, 14:30-18:00）")
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            try:
                periods.append((time(h1, m1), time(h2, m2)))
            except ValueError:
                raise ValueError(f"办公时段中的时刻无效：{part.strip()!r}") from None
        return cls(tuple(periods))

    @property
    def seconds_per_day(self) -> float:
        return sum(_time_us(end) - _time_us(start) for start, end in self.periods) / _US_PER_SECOND

    def __str__(self) -> str:
        return ", ".join(f"{_fmt(start)}-{_fmt(end)}" for start, end in self.periods)


def _fmt(t: time) -> str:
    return t.strftime("%H:%M:%S" if t.second or t.microsecond else "%H:%M")


def _check_naive(*instants: datetime) -> None:
    for instant in instants:
        if instant.tzinfo is not None:
            raise ValueError(f"时间必须是不带时区的北京时间：{instant.isoformat()}")


def _day_offset_us(instant: datetime) -> int:
    return (
        instant.hour * _US_PER_HOUR
        + instant.minute * _US_PER_MINUTE
        + instant.second * _US_PER_SECOND
        + instant.microsecond
    )


class WorkCalendar:
    """Chinese working calendar with office hours; computes deadlines and elapsed time.

    Time: every datetime is naive and means Beijing time (UTC+8). China has no daylight
    saving time, so naive arithmetic is exact; aware datetimes are refused (ValueError)
    because mixing them with the naive results would fail later, far from the cause.

    Working days, strongest first (see `holiday_rules`): ``overrides`` entered by the
    administrator (True = working day, False = holiday); the State Council's published
    schedule from ``chinesecalendar`` (holidays and make-up working days, 调休); for a year
    it does not know, the statutory holidays by rule plus Monday to Friday. Such a year is
    *unconfirmed* until the administrator has entered its schedule and marked it confirmed
    (``confirmed_years``); an unconfirmed year in use is logged once per calendar as a
    warning (logger ``workstation.calendar``) and reported by ``year_status`` /
    ``unconfirmed_years`` so the UI and the CLI can say so.

    Units:
    - 工作时 (WORK_HOURS): office time on working days only. A start outside office hours
      begins counting at the next office period start.
    - 工作日 (WORK_DAYS): N 工作日 = N × (office time of one day) of working time added
      from the start instant, e.g. with the defaults 1 工作日 = 6.5 工作时: Mon 10:00 →
      Tue 10:00; Mon 08:00 → Mon 18:00; Fri 16:00 → next working day 16:00. This keeps the
      limit continuous and proportional, so the 80 % warning and working_seconds mean the
      same for days as for hours, and a case filed late in the day gets the same full
      amount of working time as one filed in the morning (the other rule seen in 数字城管
      systems, "end of the N-th working day", gives a 17:55 case almost a day more than a
      09:00 one and makes "80 % used" meaningless within a day).
    - 自然小时 / 分钟 (NATURAL_*): plain timedelta, holidays ignored.

    A deadline that ends exactly at a period end is that period end (12:00, 18:00), never
    the next period start.

    Instances are immutable apart from internal caches (idempotent fills), so one calendar
    can be shared by worker threads; ``with_overrides`` makes an edited copy.
    """

    def __init__(
        self,
        office_hours: OfficeHours | None = None,
        overrides: Mapping[date, bool] | None = None,
        confirmed_years: Iterable[int] = (),
    ) -> None:
        self._office_hours = office_hours if office_hours is not None else OfficeHours()
        normalised = {_as_date(day): bool(working) for day, working in (overrides or {}).items()}
        self._overrides: Mapping[date, bool] = MappingProxyType(normalised)
        self._confirmed_years = frozenset(int(year) for year in confirmed_years)
        self._override_by_ordinal = {
            day.toordinal(): working for day, working in normalised.items()
        }
        self._periods_us: tuple[tuple[int, int], ...] = tuple(
            (_time_us(start), _time_us(end)) for start, end in self._office_hours.periods
        )
        self._last_end_us = self._periods_us[-1][1]
        self._day_us = sum(end - start for start, end in self._periods_us)
        # Caches keyed by date ordinal (int): hashing ints is much cheaper than dates and
        # deadline() runs a million times when demo data is generated.
        self._workday: dict[int, bool] = {}
        # year -> (ordinal of 1 Jan, cumulative working-day counts, length days + 1)
        self._prefix: dict[int, tuple[int, list[int]]] = {}

    # -- configuration -----------------------------------------------------------------

    @property
    def office_hours(self) -> OfficeHours:
        return self._office_hours

    @property
    def overrides(self) -> Mapping[date, bool]:
        """Read-only view of the override table (True = working day, False = holiday)."""
        return self._overrides

    @property
    def confirmed_years(self) -> frozenset[int]:
        """Years whose official schedule the administrator entered and confirmed."""
        return self._confirmed_years

    def with_overrides(self, overrides: Mapping[date, bool]) -> WorkCalendar:
        """A new calendar with the same office hours and the given override table."""
        return self.with_changes(overrides=overrides)

    def with_changes(
        self,
        *,
        office_hours: OfficeHours | None = None,
        overrides: Mapping[date, bool] | None = None,
        confirmed_years: Iterable[int] | None = None,
    ) -> WorkCalendar:
        """An edited copy: what is not given stays as it is here."""
        return WorkCalendar(
            office_hours if office_hours is not None else self._office_hours,
            overrides if overrides is not None else self._overrides,
            confirmed_years if confirmed_years is not None else self._confirmed_years,
        )

    @property
    def seconds_per_workday(self) -> float:
        """Office time of one working day, i.e. the length of 1 工作日 in working seconds."""
        return self._day_us / _US_PER_SECOND

    # -- working days ------------------------------------------------------------------

    def year_status(self, year: int) -> YearStatus:
        """Whether ``year``'s schedule is published (package), confirmed, or rules only."""
        if official_schedule(year) is not None:
            return YearStatus.OFFICIAL
        if year in self._confirmed_years:
            return YearStatus.CONFIRMED
        return YearStatus.UNCONFIRMED

    def unconfirmed_years(self, start: date, end: date) -> set[int]:
        """Years between ``start`` and ``end`` (inclusive, any order) whose 调休 is unknown."""
        first, last = sorted((start.year, end.year))
        return {
            year
            for year in range(first, last + 1)
            if self.year_status(year) is YearStatus.UNCONFIRMED
        }

    def day_info(self, day: date) -> SpecialDay | None:
        """Why ``day`` is not an ordinary weekday or weekend, or None when it is one."""
        day = _as_date(day)
        override = self._overrides.get(day)
        base = self._base_day(day)
        if override is not None:
            kind = DayKind.WORKDAY if override else DayKind.HOLIDAY
            name = base.name if base is not None else ""
            return SpecialDay(day, kind, DaySource.OVERRIDE, name)
        return base

    def special_days(self, year: int, notes: Mapping[date, str] | None = None) -> list[SpecialDay]:
        """Every day of ``year`` that is not an ordinary weekday or weekend, in date order.

        Holidays (those on a weekend included), make-up working days and every override,
        each with the source that decided it; ``notes`` are the overrides' notes.
        """
        notes = notes or {}
        out: list[SpecialDay] = []
        for ordinal in range(date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal() + 1):
            info = self.day_info(date.fromordinal(ordinal))
            if info is not None:
                if info.day in notes:
                    info = SpecialDay(info.day, info.kind, info.source, info.name,
                                      notes[info.day])  # fmt: skip
                out.append(info)
        return out

    def _base_day(self, day: date) -> SpecialDay | None:
        """The package's or the rules' verdict on ``day`` (overrides aside)."""
        schedule = official_schedule(day.year)
        if schedule is not None:
            entry = schedule.get(day)
            if entry is None:
                return None
            working, name = entry
            kind = DayKind.WORKDAY if working else DayKind.HOLIDAY
            return SpecialDay(day, kind, DaySource.PACKAGE, name)
        rule_name = statutory_holidays(day.year).get(day)
        if rule_name is None:
            return None
        return SpecialDay(day, DayKind.HOLIDAY, DaySource.RULE, rule_name)

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` (a date, or the date of a datetime) is a working day."""
        ordinal = day.toordinal()
        flag = self._workday.get(ordinal)
        if flag is None:
            self._fill_year(day.year)
            flag = self._workday[ordinal]
        return flag

    def _is_work_ordinal(self, ordinal: int) -> bool:
        flag = self._workday.get(ordinal)
        if flag is None:
            self._fill_year(date.fromordinal(ordinal).year)
            flag = self._workday[ordinal]
        return flag

    def _fill_year(self, year: int) -> None:
        # A whole year at once: one schedule look-up, one warning, and a prefix-sum table
        # that makes counting working days over long spans O(1) per year.
        if self.year_status(year) is YearStatus.UNCONFIRMED:
            logger.warning(unconfirmed_year_message(year))
        schedule = official_schedule(year)
        rule_holidays = statutory_holidays(year) if schedule is None else {}
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        overrides = self._override_by_ordinal
        cumulative = [0]
        count = 0
        for ordinal in range(first, last + 1):
            flag = overrides.get(ordinal)
            if flag is None:
                day = date.fromordinal(ordinal)
                entry = schedule.get(day) if schedule is not None else None
                if entry is not None:
                    flag = entry[0]
                else:
                    flag = day.weekday() < 5 and day not in rule_holidays
            self._workday[ordinal] = flag
            count += flag
            cumulative.append(count)
        self._prefix[year] = (first, cumulative)

    def _count_workdays(self, first: int, stop: int) -> int:
        """Working days with ordinal in [first, stop)."""
        total = 0
        while first < stop:
            year = date.fromordinal(first).year
            entry = self._prefix.get(year)
            if entry is None:
                self._fill_year(year)
                entry = self._prefix[year]
            year_first, cumulative = entry
            year_stop = year_first + len(cumulative) - 1
            upto = stop if stop < year_stop else year_stop
            total += cumulative[upto - year_first] - cumulative[first - year_first]
            first = upto
        return total

    # -- deadlines ---------------------------------------------------------------------

    def limit_seconds(self, limit: TimeLimit) -> float:
        """The limit in seconds: working seconds for WORK_* units, natural ones otherwise."""
        return self._limit_us(limit) / _US_PER_SECOND

    def _limit_us(self, limit: TimeLimit) -> int:
        unit = limit.unit
        if unit is LimitUnit.WORK_HOURS or unit is LimitUnit.NATURAL_HOURS:
            per_unit = _US_PER_HOUR
        elif unit is LimitUnit.WORK_DAYS:
            per_unit = self._day_us
        else:
            per_unit = _US_PER_MINUTE
        # Whole microseconds, the resolution of datetime, so sums and comparisons are exact.
        return round(limit.value * per_unit)

    def deadline(self, start: datetime, limit: TimeLimit) -> datetime:
        """The instant at which ``limit`` counted from ``start`` is used up."""
        _check_naive(start)
        if not limit.unit.is_working_time:
            return start + timedelta(microseconds=self._limit_us(limit))
        return self._add_working_us(start, self._limit_us(limit))

    def _add_working_us(self, start: datetime, budget: int) -> datetime:
        periods = self._periods_us
        ordinal = start.toordinal()
        offset = _day_offset_us(start)
        # Rest of the start day; ``budget <= available`` (not <) makes an exact fit end at
        # the period end rather than the next period start.
        if offset < self._last_end_us and self._is_work_ordinal(ordinal):
            for period_start, period_end in periods:
                if offset >= period_end:
                    continue
                begin = period_start if offset < period_start else offset
                available = period_end - begin
                if budget <= available:
                    return _at(ordinal, begin + budget)
                budget -= available
        # Whole days: one dict lookup and one subtraction per calendar day.
        day_us = self._day_us
        workday = self._workday
        while True:
            ordinal += 1
            flag = workday.get(ordinal)
            if flag is None:
                flag = self._is_work_ordinal(ordinal)
            if flag:
                if budget <= day_us:
                    break
                budget -= day_us
        for period_start, period_end in periods:
            available = period_end - period_start
            if budget <= available:
                return _at(ordinal, period_start + budget)
            budget -= available
        raise AssertionError("unreachable: budget exceeded a full day")  # pragma: no cover

    def before(self, end: datetime, working_seconds: float) -> datetime:
        """The earliest instant with at most ``working_seconds`` of office time left
        before ``end`` (walking back through office periods of working days).

        The inverse of `deadline` for working time: when does a clock that ends at
        ``end`` have that much left (e.g. the instant a case reaches 80 % used).
        """
        _check_naive(end)
        budget = round(working_seconds * _US_PER_SECOND)
        ordinal = end.toordinal()
        offset = _day_offset_us(end)
        # Bounded: even a 100-工作日 limit across the Spring Festival stays far below this.
        for _ in range(3660):
            if self._is_work_ordinal(ordinal):
                for period_start, period_end in reversed(self._periods_us):
                    if offset <= period_start:
                        continue
                    stop = offset if offset < period_end else period_end
                    available = stop - period_start
                    # Strict: a budget ending exactly at a period start walks on to the
                    # end of the previous period (the earliest instant with that much left).
                    if budget < available:
                        return _at(ordinal, stop - budget)
                    budget -= available
            ordinal -= 1
            offset = 24 * _US_PER_HOUR
        raise ValueError(f"时间过长，无法倒推：{working_seconds} 秒")  # pragma: no cover

    def _working_us_before(self, offset: int) -> int:
        """Office time of one working day that lies before ``offset`` (µs since midnight)."""
        total = 0
        for period_start, period_end in self._periods_us:
            if offset <= period_start:
                break
            total += (offset if offset < period_end else period_end) - period_start
        return total

    def _working_us(self, start: datetime, end: datetime) -> int:
        if end <= start:
            return 0
        first, last = start.toordinal(), end.toordinal()
        start_before = self._working_us_before(_day_offset_us(start))
        end_before = self._working_us_before(_day_offset_us(end))
        if first == last:
            return end_before - start_before if self._is_work_ordinal(first) else 0
        total = self._count_workdays(first + 1, last) * self._day_us
        if self._is_work_ordinal(first):
            total += self._day_us - start_before
        if self._is_work_ordinal(last):
            total += end_before
        return total

    def working_seconds(self, start: datetime, end: datetime) -> float:
        """Office time on working days between two instants, in seconds (0 if end <= start)."""
        _check_naive(start, end)
        return self._working_us(start, end) / _US_PER_SECOND

    def elapsed_fraction(
        self, start: datetime, deadline: datetime, now: datetime, unit: LimitUnit
    ) -> float:
        """Share of the time between ``start`` and ``deadline`` used at ``now`` (a case's
        level is the case clock's business: `domain.clock`, which also counts extensions
        and suspensions).

        Measured in working time for WORK_* units and natural time for NATURAL_* units.
        It may exceed 1.0. Once ``now`` is past ``deadline`` the result is strictly above
        1.0 even while the working clock stands still (a Friday 18:00 deadline seen on
        Saturday), so "red at > 1.0" and "now > deadline" never disagree.
        """
        _check_naive(start, deadline, now)
        if unit.is_working_time:
            used = self._working_us(start, now)
            total = self._working_us(start, deadline)
        else:
            used = max(0, _micros(now - start))
            total = _micros(deadline - start)
        if total > 0:
            fraction = used / total
        else:
            fraction = 1.0 if now >= deadline else 0.0
        if now > deadline and fraction <= 1.0:
            return math.nextafter(1.0, math.inf)
        return fraction

    def remaining_seconds(self, now: datetime, deadline: datetime, unit: LimitUnit) -> float:
        """Seconds left until ``deadline``; negative once it has passed.

        Working seconds for WORK_* units, natural ones for NATURAL_* units. With working
        time the value stays 0 while the clock is stopped just after a deadline (Friday
        18:00 seen on Saturday); decide "overdue" by ``now > deadline``.
        """
        _check_naive(now, deadline)
        if not unit.is_working_time:
            return (deadline - now).total_seconds()
        if now <= deadline:
            return self._working_us(now, deadline) / _US_PER_SECOND
        return -self._working_us(deadline, now) / _US_PER_SECOND


def _micros(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * _US_PER_SECOND + delta.microseconds


def _at(ordinal: int, offset_us: int) -> datetime:
    return datetime.fromordinal(ordinal) + timedelta(microseconds=offset_us)


def _as_date(day: date) -> date:
    # A datetime key would never equal the date looked up, so keep only its date.
    return day.date() if isinstance(day, datetime) else day
