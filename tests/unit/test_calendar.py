"""Working calendar and deadlines; expected dates worked out by hand from the official schedule."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta, timezone

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.calendar import LimitUnit, OfficeHours, TimeLimit, WorkCalendar
from workstation.domain.holiday_rules import DayKind, DaySource, YearStatus

H = 3600.0
CAL = WorkCalendar()  # shared: its caches make the property tests fast
CUSTOM = WorkCalendar(OfficeHours(((time(8, 30), time(12, 0)), (time(13, 30), time(17, 30)))))


def wh(hours: float) -> TimeLimit:
    return TimeLimit(hours, LimitUnit.WORK_HOURS)


def wd(days: float) -> TimeLimit:
    return TimeLimit(days, LimitUnit.WORK_DAYS)


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- ordinary weeks (March 2026 has no holidays) -----------------------------------------


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        # Fri 17:00–18:00 = 1 h, then Mon 09:00–10:00.
        ("2026-03-06 17:00", wh(2), "2026-03-09 10:00"),
        # lunch break: 11:30–12:00, 14:30–15:00
        ("2026-03-09 11:30", wh(1), "2026-03-09 15:00"),
        # end of day: 17:30–18:00, next working day 09:00–09:30
        ("2026-03-09 17:30", wh(1), "2026-03-10 09:30"),
        # before office hours: counting starts at 09:00
        ("2026-03-09 07:15", wh(2), "2026-03-09 11:00"),
        # at night, after office hours and after midnight
        ("2026-03-09 22:00", wh(1), "2026-03-10 10:00"),
        ("2026-03-10 02:00", wh(1), "2026-03-10 10:00"),
        # during the lunch break: counting starts at 14:30
        ("2026-03-09 13:00", wh(1), "2026-03-09 15:30"),
        # on a Saturday
        ("2026-03-07 10:00", wh(4), "2026-03-09 15:30"),
        # a full week of work hours: 5 × 6.5 h from Monday 09:00 ends Friday 18:00
        ("2026-03-09 09:00", wh(32.5), "2026-03-13 18:00"),
        ("2026-03-09 09:00", wh(33), "2026-03-16 09:30"),
        ("2026-03-09 10:15:30", wh(0.5), "2026-03-09 10:45:30"),
    ],
)
def test_work_hours_deadline(start: str, limit: TimeLimit, expected: str) -> None:
    assert CAL.deadline(dt(start), limit) == dt(expected)


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        ("2026-03-09 09:00", wh(3), "2026-03-09 12:00"),  # not 14:30
        ("2026-03-09 15:00", wh(3), "2026-03-09 18:00"),  # not next day 09:00
        ("2026-03-09 07:00", wh(3), "2026-03-09 12:00"),
        ("2026-03-09 12:00", wh(3.5), "2026-03-09 18:00"),  # starting at a period end
        ("2026-03-09 09:00", wd(1), "2026-03-09 18:00"),
        ("2026-03-06 09:00", wd(2), "2026-03-09 18:00"),  # Fri + Mon, not Tue 09:00
        ("2026-03-09 13:00", wd(1), "2026-03-10 12:00"),  # 3.5 h today + 3 h tomorrow
        ("2026-03-09 11:00", wh(1), "2026-03-09 12:00"),
    ],
)
def test_limit_ending_exactly_at_a_period_end_returns_that_end(
    start: str, limit: TimeLimit, expected: str
) -> None:
    assert CAL.deadline(dt(start), limit) == dt(expected)


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        # N 工作日 = N × 6.5 h of working time from the start instant.
        ("2026-03-09 10:00", wd(1), "2026-03-10 10:00"),
        ("2026-03-09 11:00", wd(1), "2026-03-10 11:00"),
        ("2026-03-09 16:00", wd(3), "2026-03-12 16:00"),
        ("2026-03-06 16:00", wd(1), "2026-03-09 16:00"),  # over the weekend
        ("2026-03-09 08:00", wd(1), "2026-03-09 18:00"),
        ("2026-03-09 20:00", wd(1), "2026-03-10 18:00"),
        ("2026-03-09 09:00", wd(0.5), "2026-03-09 14:45"),  # 3.25 h: 3 h + 15 min
        ("2026-03-09 09:00", wd(5), "2026-03-13 18:00"),
    ],
)
def test_work_days_deadline(start: str, limit: TimeLimit, expected: str) -> None:
    assert CAL.deadline(dt(start), limit) == dt(expected)


# --- 2026 official schedule (国办发明电〔2025〕7号) --------------------------------------
# 春节 2月15日–23日 off, 2月14日 (Sat) and 2月28日 (Sat) worked;
# 中秋 9月25日–27日 off; 国庆 10月1日–7日 off, 9月20日 (Sun) and 10月10日 (Sat) worked.


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 9, 20), True),  # Sunday, make-up day for National Day
        (date(2026, 9, 25), False),  # Friday, Mid-autumn
        (date(2026, 9, 26), False),
        (date(2026, 9, 30), True),
        *((date(2026, 10, d), False) for d in range(1, 8)),
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), True),  # Saturday, make-up day
        (date(2026, 10, 11), False),
        (date(2026, 2, 14), True),  # Saturday, make-up day for Spring Festival
        (date(2026, 2, 16), False),  # Monday, Spring Festival
        (date(2026, 2, 23), False),  # Monday, Spring Festival
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),  # Saturday, make-up day
        (date(2026, 1, 1), False),
        (date(2026, 1, 4), True),  # Sunday, make-up day for New Year
        (date(2026, 3, 7), False),  # ordinary Saturday
        (date(2026, 3, 9), True),
    ],
)
def test_is_workday_follows_2026_schedule(day: date, working: bool) -> None:
    assert CAL.is_workday(day) is working
    assert CAL.is_workday(datetime.combine(day, time(10))) is working


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        # 2 h on 9-30, then nothing until 10-08: 09:00–12:00 and 14:30–17:30.
        ("2026-09-30 16:00", wh(8), "2026-10-08 17:30"),
        # 5.5 h on 9-30, 6.5 h on 10-08, 6.5 h on 10-09, 1 h on the make-up Saturday 10-10.
        ("2026-09-30 10:00", wd(3), "2026-10-10 10:00"),
        # the make-up Saturday is followed by a normal Sunday off
        ("2026-10-10 17:00", wh(2), "2026-10-12 10:00"),
        ("2026-10-09 17:00", wh(2), "2026-10-10 10:00"),
        # make-up Sunday 9-20 after an ordinary Saturday off
        ("2026-09-18 17:00", wh(2), "2026-09-20 10:00"),
        # Mid-autumn Friday plus weekend
        ("2026-09-24 17:00", wh(2), "2026-09-28 10:00"),
        # start on a holiday
        ("2026-10-03 10:00", wh(4), "2026-10-08 15:30"),
        ("2026-10-01 00:00", wd(1), "2026-10-08 18:00"),
    ],
)
def test_national_day_2026(start: str, limit: TimeLimit, expected: str) -> None:
    assert CAL.deadline(dt(start), limit) == dt(expected)


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        # Friday 2-13 then the make-up Saturday 2-14 counts
        ("2026-02-13 17:00", wh(2), "2026-02-14 10:00"),
        ("2026-02-13 10:00", wd(1), "2026-02-14 10:00"),
        # from the make-up Saturday over the 9-day holiday to Tuesday 2-24
        ("2026-02-14 17:00", wh(2), "2026-02-24 10:00"),
        ("2026-02-18 09:00", wh(1), "2026-02-24 10:00"),
        # second make-up Saturday 2-28
        ("2026-02-27 17:00", wh(2), "2026-02-28 10:00"),
        ("2026-02-28 17:00", wh(2), "2026-03-02 10:00"),
    ],
)
def test_spring_festival_2026(start: str, limit: TimeLimit, expected: str) -> None:
    assert CAL.deadline(dt(start), limit) == dt(expected)


def test_working_days_in_2026_match_the_official_count() -> None:
    # 261 weekdays − 19 weekday holidays + 6 make-up days = 248, counted by hand.
    seconds = CAL.working_seconds(dt("2026-01-01 00:00"), dt("2026-12-31 23:59"))
    assert seconds == 248 * 6.5 * H


# --- natural time ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        ("2026-10-01 10:00", "2 小时", "2026-10-01 12:00"),  # National Day is ignored
        ("2026-02-17 23:00", "2 自然小时", "2026-02-18 01:00"),
        ("2026-03-07 23:50", "30 分钟", "2026-03-08 00:20"),
        ("2026-09-30 12:00", "36 小时", "2026-10-02 00:00"),
        ("2026-03-09 17:59", "90 分钟", "2026-03-09 19:29"),
    ],
)
def test_natural_limits_ignore_holidays_and_office_hours(
    start: str, limit: str, expected: str
) -> None:
    assert CAL.deadline(dt(start), TimeLimit.parse(limit)) == dt(expected)


# --- working_seconds, elapsed_fraction, remaining_seconds -------------------------------


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        ("2026-03-06 17:00", "2026-03-09 10:00", 2),
        ("2026-03-09 11:30", "2026-03-09 15:00", 1),
        ("2026-03-09 12:00", "2026-03-09 14:30", 0),
        ("2026-03-07 00:00", "2026-03-08 23:59", 0),
        ("2026-03-09 00:00", "2026-03-16 00:00", 5 * 6.5),
        ("2026-09-30 16:00", "2026-10-08 17:30", 8),
        # 2-13 Fri, 2-14 make-up Sat, 2-24 Tue .. 2-27 Fri; 2-28 starts at the end instant
        ("2026-02-13 00:00", "2026-02-28 00:00", 6 * 6.5),
        ("2026-03-09 15:00", "2026-03-09 10:00", 0),  # end before start
    ],
)
def test_working_seconds(start: str, end: str, hours: float) -> None:
    assert CAL.working_seconds(dt(start), dt(end)) == hours * H


def test_elapsed_fraction_and_remaining_for_work_hours() -> None:
    start = dt("2026-03-06 17:00")
    deadline = CAL.deadline(start, wh(2))
    assert deadline == dt("2026-03-09 10:00")
    unit = LimitUnit.WORK_HOURS

    def frac(now: str) -> float:
        return CAL.elapsed_fraction(start, deadline, dt(now), unit)

    assert frac("2026-03-06 16:00") == 0.0  # before the start
    assert frac("2026-03-06 17:30") == 0.25
    assert frac("2026-03-07 12:00") == 0.5  # the clock stands still on Saturday
    assert frac("2026-03-09 09:36") == pytest.approx(0.8)  # yellow from here
    assert frac("2026-03-09 10:00") == 1.0
    assert frac("2026-03-09 10:30") == 1.25
    assert CAL.remaining_seconds(dt("2026-03-07 12:00"), deadline, unit) == 1 * H
    assert CAL.remaining_seconds(dt("2026-03-09 10:30"), deadline, unit) == -0.5 * H
    assert CAL.remaining_seconds(dt("2026-03-09 17:00"), deadline, unit) == -4.5 * H


def test_overdue_while_the_working_clock_stands_still() -> None:
    start = dt("2026-03-13 15:00")
    deadline = CAL.deadline(start, wh(3))
    assert deadline == dt("2026-03-13 18:00")
    saturday = dt("2026-03-14 10:00")
    unit = LimitUnit.WORK_HOURS
    assert CAL.elapsed_fraction(start, deadline, deadline, unit) == 1.0
    assert CAL.elapsed_fraction(start, deadline, saturday, unit) > 1.0
    assert CAL.remaining_seconds(saturday, deadline, unit) == 0.0
    assert CAL.remaining_seconds(dt("2026-03-16 09:30"), deadline, unit) == -0.5 * H


def test_elapsed_fraction_natural_time() -> None:
    start = dt("2026-10-01 10:00")
    deadline = CAL.deadline(start, TimeLimit.parse("2 小时"))
    unit = LimitUnit.NATURAL_HOURS
    assert CAL.elapsed_fraction(start, deadline, dt("2026-10-01 11:36"), unit) == 0.8
    assert CAL.elapsed_fraction(start, deadline, dt("2026-10-01 13:00"), unit) == 1.5
    assert CAL.elapsed_fraction(start, deadline, dt("2026-10-01 09:00"), unit) == 0.0
    assert CAL.remaining_seconds(dt("2026-10-01 11:00"), deadline, unit) == 3600.0
    assert CAL.remaining_seconds(dt("2026-10-01 12:30"), deadline, unit) == -1800.0


def test_aware_datetimes_are_refused() -> None:
    aware = datetime(2026, 3, 9, 10, tzinfo=timezone(timedelta(hours=8)))
    with pytest.raises(ValueError, match="北京时间"):
        CAL.deadline(aware, wh(1))
    with pytest.raises(ValueError, match="北京时间"):
        CAL.working_seconds(dt("2026-03-09 10:00"), aware)


# --- properties ---------------------------------------------------------------------------

starts = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2026, 10, 31))
work_limits = st.one_of(
    st.builds(wh, st.integers(min_value=1, max_value=200)),
    st.builds(wh, st.floats(min_value=0.001, max_value=200)),
    st.builds(wd, st.integers(min_value=1, max_value=30)),
    st.builds(wd, st.floats(min_value=0.01, max_value=30)),
)
calendars = st.sampled_from([CAL, CUSTOM])


@settings(max_examples=300)
@given(cal=calendars, start=starts, limit=work_limits)
def test_working_seconds_to_deadline_equal_the_limit(
    cal: WorkCalendar, start: datetime, limit: TimeLimit
) -> None:
    deadline = cal.deadline(start, limit)
    per_unit = H if limit.unit is LimitUnit.WORK_HOURS else cal.office_hours.seconds_per_day
    assert cal.working_seconds(start, deadline) == cal.limit_seconds(limit)
    assert cal.limit_seconds(limit) == pytest.approx(limit.value * per_unit, abs=1e-6)
    assert cal.remaining_seconds(start, deadline, limit.unit) == cal.limit_seconds(limit)
    assert cal.elapsed_fraction(start, deadline, deadline, limit.unit) == 1.0
    # The deadline lies inside or at the end of an office period on a working day.
    assert cal.is_workday(deadline)
    assert any(s < deadline.time() <= e for s, e in cal.office_hours.periods)


@settings(max_examples=300)
@given(
    cal=calendars,
    start=starts,
    a=st.floats(min_value=0.001, max_value=150),
    b=st.floats(min_value=0.001, max_value=150),
)
def test_deadline_is_monotonic_in_the_limit(
    cal: WorkCalendar, start: datetime, a: float, b: float
) -> None:
    a, b = sorted((a, b))
    assert cal.deadline(start, wh(a)) <= cal.deadline(start, wh(b))
    assert cal.deadline(start, wd(a / 6)) <= cal.deadline(start, wd(b / 6))


@settings(max_examples=300)
@given(
    cal=calendars,
    start=starts,
    m1=st.integers(min_value=1, max_value=6000),
    m2=st.integers(min_value=1, max_value=6000),
)
def test_deadlines_add_up(cal: WorkCalendar, start: datetime, m1: int, m2: int) -> None:
    first = cal.deadline(start, wh(m1 / 60))
    assert cal.deadline(first, wh(m2 / 60)) == cal.deadline(start, wh((m1 + m2) / 60))


def reference_working_seconds(cal: WorkCalendar, start: datetime, end: datetime) -> float:
    """Slow and obvious: intersect [start, end) with every office period of every day."""
    total = 0.0
    day = start.date()
    while day <= end.date():
        if cal.is_workday(day):
            for s, e in cal.office_hours.periods:
                lo = max(start, datetime.combine(day, s))
                hi = min(end, datetime.combine(day, e))
                if hi > lo:
                    total += (hi - lo).total_seconds()
        day += timedelta(days=1)
    return total


@settings(max_examples=200)
@given(cal=calendars, a=starts, b=starts)
def test_working_seconds_match_a_brute_force_reference(
    cal: WorkCalendar, a: datetime, b: datetime
) -> None:
    start, end = sorted((a, b))
    assert cal.working_seconds(start, end) == pytest.approx(
        reference_working_seconds(cal, start, end), abs=1e-6
    )


# --- years chinesecalendar does not know ------------------------------------------------


def _skip_if_known(year: int) -> None:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return
    pytest.skip(f"chinesecalendar now knows {year}; pick a later year for this test")


# A year without a published schedule: statutory holidays by rule, plus weekends.
STATUTORY_2027 = {
    "元旦": ["2027-01-01"],
    "春节": ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"],  # eve through day 3
    "清明节": ["2027-04-05"],
    "劳动节": ["2027-05-01", "2027-05-02"],
    "端午节": ["2027-06-09"],
    "中秋节": ["2027-09-15"],
    "国庆节": ["2027-10-01", "2027-10-02", "2027-10-03"],
}
# Spot checks worked out from the lunar calendar: 春节 2028-01-26 (eve 01-25), 清明
# 2028-04-04, 端午 2028-05-28, 中秋 2028-10-03 (inside 国庆).
STATUTORY_2028 = ["2028-01-01", "2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28",
                  "2028-04-04", "2028-05-01", "2028-05-02", "2028-05-28", "2028-10-01",
                  "2028-10-02", "2028-10-03"]  # fmt: skip


@pytest.mark.parametrize(
    "day", [d for days in STATUTORY_2027.values() for d in days] + STATUTORY_2028
)
def test_statutory_holidays_of_an_unpublished_year_are_not_working_days(day: str) -> None:
    _skip_if_known(int(day[:4]))
    assert not WorkCalendar().is_workday(date.fromisoformat(day))


def test_statutory_holidays_carry_their_names_and_source() -> None:
    _skip_if_known(2027)
    days = {d.day.isoformat(): d for d in WorkCalendar().special_days(2027)}
    for name, listed in STATUTORY_2027.items():
        for day in listed:
            assert days[day].kind is DayKind.HOLIDAY
            assert days[day].source is DaySource.RULE
            assert name in days[day].name, (day, days[day].name)
    # Nothing but the statutory days: 调休 and bridging days are unknown until published.
    assert sorted(days) == sorted(d for listed in STATUTORY_2027.values() for d in listed)


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        # the three deadlines measured on a public holiday with the Monday–Friday fallback
        ("2026-12-31 17:00", wd(1), "2027-01-04 17:00"),  # not 01-01 (元旦)
        ("2027-02-04 17:00", wh(2), "2027-02-09 10:00"),  # not 02-05 (除夕); 02-06…08 off
        ("2027-09-30 17:00", wh(2), "2027-10-04 10:00"),  # not 10-01 (国庆)
        ("2027-09-14 17:00", wh(2), "2027-09-16 10:00"),  # 中秋 on a Wednesday
        ("2027-01-08 17:00", wh(2), "2027-01-11 10:00"),  # an ordinary weekend
    ],
)
def test_deadlines_in_an_unpublished_year_skip_statutory_holidays(
    start: str, limit: TimeLimit, expected: str
) -> None:
    _skip_if_known(2027)
    assert WorkCalendar().deadline(dt(start), limit) == dt(expected)


def test_the_published_2026_schedule_still_comes_from_the_package() -> None:
    cal = WorkCalendar()
    assert cal.year_status(2026) is YearStatus.OFFICIAL
    special = cal.special_days(2026)
    assert {d.source for d in special} == {DaySource.PACKAGE}
    expected = {
        d.day: chinese_calendar.is_workday(d.day) for d in special
    }
    for ordinal in range(date(2026, 1, 1).toordinal(), date(2026, 12, 31).toordinal() + 1):
        day = date.fromordinal(ordinal)
        assert cal.is_workday(day) == chinese_calendar.is_workday(day), day
        if chinese_calendar.is_workday(day) != (day.weekday() < 5):
            assert day in expected, day  # every 调休 day is listed as special
    by_day = {d.day: d for d in special}
    assert by_day[date(2026, 10, 10)].kind is DayKind.WORKDAY  # make-up Saturday
    assert by_day[date(2026, 10, 10)].is_makeup_workday
    assert by_day[date(2026, 10, 10)].name == "国庆节调休"
    assert by_day[date(2026, 10, 7)].kind is DayKind.HOLIDAY
    assert by_day[date(2026, 10, 7)].name == "国庆节"


@pytest.mark.parametrize("year", [2027, 2030])
def test_unconfirmed_year_warns_once_with_what_is_known(
    caplog: pytest.LogCaptureFixture, year: int
) -> None:
    _skip_if_known(year)
    caplog.set_level(logging.WARNING, logger="workstation.calendar")
    cal = WorkCalendar()
    assert cal.year_status(year) is YearStatus.UNCONFIRMED
    assert caplog.records == []  # asking does not warn; using the year does
    cal.deadline(datetime(year, 3, 5, 17), wh(2))
    cal.deadline(datetime(year, 6, 5, 17), wd(3))
    warnings = [r for r in caplog.records if r.name == "workstation.calendar"]
    assert [w.getMessage() for w in warnings] == [
        f"{year} 年调休安排尚未录入：已按法定节日计算，调休工作日以管理员录入为准"
    ]
    assert warnings[0].levelno == logging.WARNING


def test_a_confirmed_year_does_not_warn(caplog: pytest.LogCaptureFixture) -> None:
    _skip_if_known(2027)
    caplog.set_level(logging.WARNING, logger="workstation.calendar")
    cal = WorkCalendar(overrides={date(2027, 2, 20): True}, confirmed_years=[2027])
    assert cal.year_status(2027) is YearStatus.CONFIRMED
    assert cal.deadline(dt("2027-02-19 17:00"), wh(2)) == dt("2027-02-20 10:00")
    assert caplog.records == []
    assert cal.unconfirmed_years(date(2026, 12, 1), date(2028, 1, 5)) == {2028}


def test_published_confirmed_and_unconfirmed_years() -> None:
    _skip_if_known(2027)
    cal = WorkCalendar()
    assert cal.year_status(2004) is YearStatus.OFFICIAL
    assert cal.year_status(2026) is YearStatus.OFFICIAL
    assert cal.year_status(2003) is YearStatus.UNCONFIRMED
    assert cal.unconfirmed_years(date(2026, 11, 1), date(2026, 12, 31)) == set()
    assert cal.unconfirmed_years(date(2026, 11, 1), datetime(2028, 1, 5, 9)) == {2027, 2028}
    assert cal.unconfirmed_years(date(2028, 1, 5), date(2026, 11, 1)) == {2027, 2028}


def test_deadline_across_into_an_unpublished_year() -> None:
    _skip_if_known(2027)
    # Thu 2026-12-31 17:00: 1 h; 2027-01-01 is 元旦, so Monday 01-04 09:00–10:00.
    assert WorkCalendar().deadline(dt("2026-12-31 17:00"), wh(2)) == dt("2027-01-04 10:00")


def test_an_override_of_a_statutory_day_names_the_day_it_replaces() -> None:
    _skip_if_known(2027)
    cal = WorkCalendar(overrides={date(2027, 2, 8): True, date(2027, 2, 9): False})
    info = {d.day: d for d in cal.special_days(2027, notes={date(2027, 2, 9): "春节连休"})}
    assert info[date(2027, 2, 8)].source is DaySource.OVERRIDE
    assert info[date(2027, 2, 8)].kind is DayKind.WORKDAY
    assert info[date(2027, 2, 8)].name == "春节"
    assert info[date(2027, 2, 9)].kind is DayKind.HOLIDAY
    assert info[date(2027, 2, 9)].note == "春节连休"
    assert cal.is_workday(date(2027, 2, 8))
    assert not cal.is_workday(date(2027, 2, 9))


# --- administrator overrides -------------------------------------------------------------


def test_overrides_in_an_unknown_year() -> None:
    _skip_if_known(2027)
    cal = WorkCalendar(overrides={date(2027, 1, 9): True, date(2027, 1, 11): False})
    assert cal.year_status(2027) is YearStatus.UNCONFIRMED  # entering days does not confirm
    assert cal.is_workday(date(2027, 1, 9))  # Saturday made a working day
    assert not cal.is_workday(date(2027, 1, 11))  # Monday made a holiday
    assert cal.deadline(dt("2027-01-08 17:00"), wh(2)) == dt("2027-01-09 10:00")
    assert cal.deadline(dt("2027-01-09 17:00"), wh(2)) == dt("2027-01-12 10:00")
    assert cal.working_seconds(dt("2027-01-08 00:00"), dt("2027-01-13 00:00")) == 3 * 6.5 * H


def test_overrides_win_in_a_known_year() -> None:
    cal = WorkCalendar(overrides={date(2026, 10, 8): False, datetime(2026, 10, 3, 12): True})
    assert not cal.is_workday(date(2026, 10, 8))
    assert cal.is_workday(date(2026, 10, 3))
    # 2 h on 9-30, then the overridden holiday 10-03 (a Saturday) is worked.
    assert cal.deadline(dt("2026-09-30 16:00"), wh(8)) == dt("2026-10-03 17:30")
    assert cal.overrides == {date(2026, 10, 8): False, date(2026, 10, 3): True}
    # The default calendar is unaffected; with_overrides gives an edited copy.
    assert CAL.deadline(dt("2026-09-30 16:00"), wh(8)) == dt("2026-10-08 17:30")
    edited = CAL.with_overrides({date(2026, 10, 8): False})
    assert edited.deadline(dt("2026-09-30 17:00"), wh(2)) == dt("2026-10-09 10:00")
    assert edited.office_hours == CAL.office_hours


def test_override_table_is_read_only() -> None:
    cal = WorkCalendar(overrides={date(2026, 10, 8): False})
    with pytest.raises(TypeError):
        cal.overrides[date(2026, 10, 9)] = False  # type: ignore[index]


# --- custom office hours -----------------------------------------------------------------


def test_custom_office_hours() -> None:
    assert CUSTOM.seconds_per_workday == 7.5 * H
    assert CUSTOM.deadline(dt("2026-03-09 11:30"), wh(1)) == dt("2026-03-09 14:00")
    assert CUSTOM.deadline(dt("2026-03-09 17:00"), wh(1)) == dt("2026-03-10 09:00")
    assert CUSTOM.deadline(dt("2026-03-09 08:00"), wh(3.5)) == dt("2026-03-09 12:00")
    assert CUSTOM.deadline(dt("2026-03-09 08:30"), wd(1)) == dt("2026-03-09 17:30")
    assert CUSTOM.deadline(dt("2026-03-09 10:00"), wd(1)) == dt("2026-03-10 10:00")
    assert CUSTOM.deadline(dt("2026-03-06 17:00"), wd(1)) == dt("2026-03-09 17:00")
    assert CUSTOM.working_seconds(dt("2026-03-09 00:00"), dt("2026-03-10 00:00")) == 7.5 * H


def test_office_hours_parse_and_str() -> None:
    parsed = OfficeHours.parse("08:30-12:00，13:30–17:30")
    assert parsed == CUSTOM.office_hours
    assert str(parsed) == "08:30-12:00, 13:30-17:30"
    assert OfficeHours().seconds_per_day == 6.5 * H
    assert str(OfficeHours()) == "09:00-12:00, 14:30-18:00"


@pytest.mark.parametrize(
    ("periods", "message"),
    [
        ((), "不能为空"),
        (((time(12), time(9)),), "早于结束"),
        (((time(9), time(12)), (time(11), time(14))), "互不重叠"),
        (((time(14), time(18)), (time(9), time(12))), "先后"),
    ],
)
def test_office_hours_validation(periods: tuple[tuple[time, time], ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        OfficeHours(periods)


@pytest.mark.parametrize("text", ["", "9-12", "09:00-25:00", "09:00 12:00"])
def test_office_hours_parse_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError, match="办公时段"):
        OfficeHours.parse(text)


# --- TimeLimit -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "canonical"),
    [
        ("8 工作时", 8, LimitUnit.WORK_HOURS, "8 工作时"),
        ("8工作时", 8, LimitUnit.WORK_HOURS, "8 工作时"),
        ("４ 工作小时", 4, LimitUnit.WORK_HOURS, "4 工作时"),  # full-width digit
        ("3 工作日", 3, LimitUnit.WORK_DAYS, "3 工作日"),
        ("3个工作日", 3, LimitUnit.WORK_DAYS, "3 工作日"),
        ("1.5 工作日", 1.5, LimitUnit.WORK_DAYS, "1.5 工作日"),
        ("2.0 工作日", 2, LimitUnit.WORK_DAYS, "2 工作日"),
        ("2 小时", 2, LimitUnit.NATURAL_HOURS, "2 自然小时"),
        ("2 自然小时", 2, LimitUnit.NATURAL_HOURS, "2 自然小时"),
        ("36小时", 36, LimitUnit.NATURAL_HOURS, "36 自然小时"),
        ("30 分钟", 30, LimitUnit.NATURAL_MINUTES, "30 分钟"),
        ("  30分钟 ", 30, LimitUnit.NATURAL_MINUTES, "30 分钟"),
        ("8wh", 8, LimitUnit.WORK_HOURS, "8 工作时"),
        ("8 work_hours", 8, LimitUnit.WORK_HOURS, "8 工作时"),
        ("3 WD", 3, LimitUnit.WORK_DAYS, "3 工作日"),
        ("2h", 2, LimitUnit.NATURAL_HOURS, "2 自然小时"),
        ("45 min", 45, LimitUnit.NATURAL_MINUTES, "45 分钟"),
    ],
)
def test_time_limit_parse(text: str, value: float, unit: LimitUnit, canonical: str) -> None:
    limit = TimeLimit.parse(text)
    assert limit == TimeLimit(value, unit)
    assert limit.unit is unit
    assert str(limit) == canonical
    assert TimeLimit.parse(str(limit)) == limit
    assert TimeLimit.parse(f"{limit.value} {limit.unit.value}") == limit


@pytest.mark.parametrize(
    "text", ["abc", "", "   ", "8", "工作时", "8 工作周", "8 工作时 以内", "1e3 小时", "八 工作时"]
)
def test_time_limit_parse_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError, match="无法识别的时限") as info:
        TimeLimit.parse(text)
    assert repr(text) in str(info.value)
    assert "8 工作时、3 工作日、2 小时" in str(info.value)


@pytest.mark.parametrize("text", ["0 工作时", "0.0 工作日", "-2 小时", "-30 分钟", "+0 wh"])
def test_time_limit_parse_rejects_non_positive(text: str) -> None:
    with pytest.raises(ValueError, match="时限必须大于 0"):
        TimeLimit.parse(text)


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), True])
def test_time_limit_constructor_validates(value: float) -> None:
    with pytest.raises(ValueError, match="时限必须是大于 0 的数值"):
        TimeLimit(value, LimitUnit.WORK_HOURS)


def test_time_limit_accepts_stored_unit_value() -> None:
    limit = TimeLimit(2, "work_days")  # type: ignore[arg-type]
    assert limit.unit is LimitUnit.WORK_DAYS
    with pytest.raises(ValueError, match="work_weeks"):
        TimeLimit(2, "work_weeks")  # type: ignore[arg-type]


def test_limit_units() -> None:
    assert [u.value for u in LimitUnit] == [
        "work_hours",
        "work_days",
        "natural_hours",
        "natural_minutes",
    ]
    assert LimitUnit.WORK_DAYS.label == "工作日"
    assert LimitUnit.WORK_HOURS.is_working_time
    assert not LimitUnit.NATURAL_MINUTES.is_working_time
