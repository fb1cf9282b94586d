"""Benchmark: WorkCalendar.deadline() calls per second and elapsed_fraction() over a queue."""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta

from workstation.domain.calendar import LimitUnit, TimeLimit, WorkCalendar

# Limits as in the catalog: hours to a few days, plus an occasional long one.
_TEXTS = ("4 工作时", "5 工作时", "8 工作时", "1 工作日", "3 工作日", "4 工作日", "15 工作日")
LIMITS = [TimeLimit.parse(text) for text in _TEXTS]
TYPICAL = LIMITS[:-1]


def _starts(n: int, rng: random.Random) -> list[datetime]:
    base = datetime(2025, 1, 1)
    span = int(timedelta(days=700).total_seconds())
    return [base + timedelta(seconds=rng.randrange(span)) for _ in range(n)]


def bench_deadline(cal: WorkCalendar, limits: list[TimeLimit], n: int) -> float:
    rng = random.Random(1)
    starts = _starts(n, rng)
    chosen = [rng.choice(limits) for _ in range(n)]
    deadline = cal.deadline
    t0 = time.perf_counter()
    for start, limit in zip(starts, chosen, strict=True):
        deadline(start, limit)
    return n / (time.perf_counter() - t0)


def bench_queue(cal: WorkCalendar, rows: int) -> float:
    rng = random.Random(2)
    starts = _starts(rows, rng)
    items = [(s, cal.deadline(s, rng.choice(LIMITS))) for s in starts]
    now = datetime(2026, 11, 20, 10, 30)
    fraction = cal.elapsed_fraction
    t0 = time.perf_counter()
    for start, due in items:
        fraction(start, due, now, LimitUnit.WORK_HOURS)
    return time.perf_counter() - t0


def main() -> None:
    cal = WorkCalendar()
    bench_deadline(cal, LIMITS, 10_000)  # warm the per-year caches
    n = 300_000
    typical = bench_deadline(cal, TYPICAL, n)
    mixed = bench_deadline(cal, LIMITS, n)
    long_only = bench_deadline(cal, LIMITS[-1:], n // 3)
    print(f"deadline(), typical limits (≤ 4 工作日): {typical:,.0f} calls/s")
    print(f"deadline(), mix incl. 15 工作日:          {mixed:,.0f} calls/s")
    print(f"deadline(), 15 工作日 only:               {long_only:,.0f} calls/s")
    # Rows started up to 700 days before "now": the worst case for span length.
    seconds = bench_queue(cal, 20_000)
    print(f"elapsed_fraction() for 20,000 queue rows: {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
