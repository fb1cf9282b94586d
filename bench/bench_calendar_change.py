"""Benchmark: what a calendar change costs — finding the affected open cases and applying.

    python bench/bench_calendar_change.py [--db URL] [--days 30] [--cases-per-day 300]

Without --db it builds a demo database in a temporary directory. Prints, for a single
day made a working day, a day made a holiday inside the open cases' deadlines and an
office-hours change (every open case a candidate): the candidates re-derived, the cases
affected, the time of `calendar_impact` (read-only) and of `change_calendar` with
recomputation (one transaction, one audited event per affected case).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from workstation.adapters.demo import DemoOptions, build_demo
from workstation.bootstrap import bootstrap
from workstation.domain.holiday_rules import DayKind
from workstation.services.calendar_admin import CalendarChange, DayChange
from workstation.settings import Settings

END = datetime(2026, 11, 25, 10, 30)


def _next(weekday: int, after: date) -> date:
    return after + timedelta(days=(weekday - after.weekday()) % 7 or 7)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db")
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--cases-per-day", type=float, default=None)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'demo.sqlite'}"
    ws = bootstrap(Settings(db_url=url), clock=lambda: END)
    if args.db is None:
        options = DemoOptions(days=args.days, end=END)
        if args.cases_per_day is not None:
            options = options.with_rate(args.cases_per_day)
        t0 = time.perf_counter()
        stats = build_demo(ws, options)
        print(f"demo: {stats.cases:,} cases ({stats.open_cases:,} open) "
              f"in {time.perf_counter() - t0:.1f} s")  # fmt: skip
    admin = ws.actor("admin")
    today = END.date()
    office = ws.reference.calendar.office_hours
    changes = {
        "next Saturday → working day": CalendarChange(
            days=(DayChange(_next(5, today), DayKind.WORKDAY),)),
        "next Wednesday → holiday": CalendarChange(
            days=(DayChange(_next(2, today), DayKind.HOLIDAY),)),
        "office hours 08:30-12:00, 14:00-17:30": CalendarChange(
            settings=(("office_hours", "08:30-12:00, 14:00-17:30"),)),
    }  # fmt: skip
    undo = {
        "next Saturday → working day": CalendarChange(days=(DayChange(_next(5, today), None),)),
        "next Wednesday → holiday": CalendarChange(days=(DayChange(_next(2, today), None),)),
        "office hours 08:30-12:00, 14:00-17:30": CalendarChange(
            settings=(("office_hours", str(office)),)),
    }  # fmt: skip
    _ = ws.reference  # loaded before the clock starts: the change alone is measured
    for name, change in changes.items():
        t0 = time.perf_counter()
        found = ws.calendar_impact(change)
        impact_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = ws.change_calendar(admin, change, recompute=True)
        apply_s = time.perf_counter() - t0
        # undone at once (measured too), so that the database is as before and the
        # benchmark can run again on the same file
        _ = ws.reference
        t0 = time.perf_counter()
        back = ws.change_calendar(admin, undo[name], recompute=True)
        undo_s = time.perf_counter() - t0
        _ = ws.reference
        print(f"{name}: {found.checked:,} candidates, {found.count:,} affected; "
              f"impact {impact_s * 1000:.0f} ms; apply + recompute {result.recomputed:,} "
              f"in {apply_s * 1000:.0f} ms; undo {back.recomputed:,} in "
              f"{undo_s * 1000:.0f} ms")  # fmt: skip
    ws.dispose()


if __name__ == "__main__":
    main()
