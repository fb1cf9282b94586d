"""Which days are holidays: the State Council's published schedule, or the statutory rules.

Two sources below the administrator's overrides (which always win, see `WorkCalendar`):

- **package**: `chinesecalendar` carries each year's official schedule as published by the
  State Council (the holiday spans with their bridging days, and the make-up working days,
  调休). It knows only the years published when the package was released.
- **rule**: for any other year, the days fixed by the 《全国年节及纪念日放假办法》 (as amended
  in 2024, in force from 2025): 元旦 1 Jan; 春节 from the eve (除夕) through the third day of
  the first lunar month; 清明 (the solar term); 劳动节 1–2 May; 端午 (5/5 lunar); 中秋 (15/8
  lunar); 国庆 1–3 Oct. They follow from the Gregorian and lunar calendars, computed by the
  `holidays` package. What the rules cannot give — the make-up working days and the bridging
  days of a year not yet published — stays unknown until the administrator enters it; such
  a year is *unconfirmed* and says so.

Substitute days for a statutory holiday on a weekend (补休) are deliberately *not* guessed:
which working day gets them is decided by the published schedule, and a guess that makes a
day off would push deadlines later than the centre allows. An early deadline only reminds
sooner.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

import chinese_calendar
from holidays.countries.china import China as StatutoryChina

__all__ = [
    "DayKind",
    "DaySource",
    "SpecialDay",
    "YearStatus",
    "official_schedule",
    "package_knows",
    "statutory_holidays",
    "unconfirmed_year_message",
]


class DayKind(enum.StrEnum):
    HOLIDAY = "holiday"  # 休息日（节假日）
    WORKDAY = "workday"  # 工作日

    @property
    def label(self) -> str:
        return "节假日" if self is DayKind.HOLIDAY else "工作日"

    @property
    def is_workday(self) -> bool:
        return self is DayKind.WORKDAY


class DaySource(enum.StrEnum):
    """Where a day's kind comes from, strongest first."""

    OVERRIDE = "override"  # entered by the administrator
    PACKAGE = "package"  # the official schedule in chinesecalendar
    RULE = "rule"  # the statutory rules (a year without a published schedule)
    WEEK = "week"  # an ordinary weekday or weekend

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    DaySource.OVERRIDE: "管理员录入",
    DaySource.PACKAGE: "国务院安排",
    DaySource.RULE: "法定节日规则",
    DaySource.WEEK: "常规",
}


class YearStatus(enum.StrEnum):
    """How much of a year's schedule is known."""

    OFFICIAL = "official"  # published schedule from chinesecalendar
    CONFIRMED = "confirmed"  # 已确认: the administrator entered the official schedule
    UNCONFIRMED = "unconfirmed"  # statutory days only; 调休 unknown until entered

    @property
    def label(self) -> str:
        return {"official": "官方安排", "confirmed": "已确认", "unconfirmed": "调休未录入"}[
            self.value
        ]


def unconfirmed_year_message(year: int) -> str:
    """The one warning for a year whose make-up working days are not known yet."""
    return f"{year} 年调休安排尚未录入：已按法定节日计算，调休工作日以管理员录入为准"


@dataclass(frozen=True, slots=True)
class SpecialDay:
    """A day that is not an ordinary weekday (working) or weekend (off)."""

    day: date
    kind: DayKind
    source: DaySource
    name: str = ""  # 春节, 国庆节调休 … (package or rule)
    note: str = ""  # the administrator's note (overrides)

    @property
    def is_makeup_workday(self) -> bool:
        """A weekend day that is worked (调休上班)."""
        return self.kind is DayKind.WORKDAY and self.day.weekday() >= 5

    def to_json(self) -> dict[str, str]:
        return {
            "date": self.day.isoformat(),
            "weekday": "一二三四五六日"[self.day.weekday()],
            "kind": self.kind.value,
            "source": self.source.value,
            "name": self.name,
            "note": self.note,
        }


@functools.cache
def package_knows(year: int) -> bool:
    """Whether chinesecalendar has the State Council's published schedule for ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


_PACKAGE_NAMES = {h.value: h.chinese for h in chinese_calendar.Holiday}


@functools.cache
def official_schedule(year: int) -> Mapping[date, tuple[bool, str]] | None:
    """The published schedule of ``year``: each special day → (is working day, name).

    Holidays (weekend ones of a holiday span included) and make-up working days; None when
    the package does not know the year.
    """
    if not package_knows(year):
        return None
    days: dict[date, tuple[bool, str]] = {}
    for ordinal in range(date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal() + 1):
        day = date.fromordinal(ordinal)
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        working = bool(chinese_calendar.is_workday(day))
        label = _PACKAGE_NAMES.get(name, name or "") if name else ""
        if name and not on_holiday:
            label = f"{label}调休"
        if working != (day.weekday() < 5) or name:
            days[day] = (working, label)
    return MappingProxyType(days)


@functools.cache
def statutory_holidays(year: int) -> Mapping[date, str]:
    """The statutory public holidays of ``year`` (no substitutes, no make-up days)."""
    computed = StatutoryChina(  # type: ignore[no-untyped-call]
        years=year, observed=False, language="zh_CN"
    )
    names: dict[date, str] = {}
    for day, name in sorted(computed.items()):
        names[day] = "春节（除夕）" if name == "农历除夕" else str(name)
    return MappingProxyType(names)
