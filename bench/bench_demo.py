"""Benchmark: demo generation (`workstation demo`) — a typical month and a large run, timed.

    python bench/bench_demo.py                  # 30-day demo + 1,000,000 cases, SQLite and PG
    python bench/bench_demo.py --cases 200000   # quicker
    python bench/bench_demo.py --skip-large --realism   # the month only, with its figures

The large run keeps the default ~300 reports a day and goes back as many days as needed
(1,000,000 cases ≈ 9 years ending at --end). Databases are built offscreen in a temporary
directory (SQLite) or in a throw-away PostgreSQL database `bench_demo_<pid>` that is
dropped afterwards. Peak RSS is reported for this process and for the largest generator
subprocess.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import resource
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from workstation.adapters.demo import DEFAULT_CASES_PER_DAY, DemoOptions, DemoStats, build_demo
from workstation.bootstrap import Workstation, bootstrap
from workstation.domain.case import Case, evolve
from workstation.domain.lifecycle import Action, CaseState, Source
from workstation.persistence.repositories import CASES, EVENTS, case_from_row, event_from_row
from workstation.settings import Settings

PG_ADMIN = os.environ.get(
    "WORKSTATION_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
END = datetime(2026, 11, 25, 16, 0)  # a Wednesday afternoon
TARGET_RATE = 1_000_000 / 120  # the target: 1 M cases in 2 minutes


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPU ({model}), Python {platform.python_version()}"


class ChildRss:
    """Peak RSS of the generator processes, sampled from /proc while they run.

    getrusage(RUSAGE_CHILDREN) would count a child's pages from before its exec (a copy
    of ours), so the children's own high-water mark (VmHWM) is read instead.
    """

    def __init__(self) -> None:
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ChildRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.5):
            try:
                children = Path(f"/proc/{me}/task/{me}/children").read_text().split()
            except OSError:
                return  # not Linux, or no such file: report 0
            for pid in children:
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kib = max(self.peak_kib, int(line.split()[1]))


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sqlite_size_mb(url: str) -> float:
    path = Path(make_url(url).database or "")
    files = [path, path.with_name(path.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 2**20


def pg_available() -> str | None:
    try:
        engine = create_engine(PG_ADMIN, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure: no usable server
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return None


class ThrowawayPg:
    def __init__(self) -> None:
        self.name = f"bench_demo_{os.getpid()}"
        self.admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")

    def __enter__(self) -> str:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        return make_url(PG_ADMIN).set(database=self.name).render_as_string(hide_password=False)

    def size_mb(self) -> float:
        with self.admin.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(:n)"), {"n": self.name}).scalar()
        return float(size or 0) / 2**20

    def __exit__(self, *exc: object) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished children (the generators)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(
    url: str, days: int, workers: int | None, quiet: bool = False
) -> tuple[DemoStats, float, float]:
    ws = bootstrap(Settings(db_url=url), clock=lambda: END)
    shown = [-1]

    def progress(step: str, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if not quiet and step == "生成案件" and percent // 10 != shown[0] // 10:
            print(f"    {step} {percent:3d}%  {done:,}/{total:,}", flush=True)
            shown[0] = percent

    try:
        started, cpu = time.perf_counter(), cpu_seconds()
        with ChildRss() as children:
            options = DemoOptions(days=days, seed=1, end=END, workers=workers)
            stats = build_demo(ws, options, progress=progress)
        seconds = time.perf_counter() - started
        used = cpu_seconds() - cpu
        if not quiet:
            print(f"    CPU {used:.1f} s in our processes ({used / seconds:.2f} cores busy; "
                  f"{used / stats.cases * 1e6:.0f} µs per case); load average now "
                  f"{os.getloadavg()[0]:.2f}")  # fmt: skip
        return stats, seconds, children.peak_kib / 1024
    finally:
        ws.dispose()


def report(label: str, stats: DemoStats, seconds: float, size_mb: float, child_mb: float,
           target: bool = True) -> None:  # fmt: skip
    rate = stats.cases / seconds
    print(f"  {label}: {stats.cases:,} cases, {stats.events:,} events in {seconds:.1f} s "
          f"(grid, reference data and cases)")  # fmt: skip
    line = f"    {rate:,.0f} cases/s, {stats.events / seconds:,.0f} events/s"
    if target:
        verdict = "meets" if rate >= TARGET_RATE else "BELOW"
        line += (f" ({verdict} the target of {TARGET_RATE:,.0f} cases/s); "
                 f"1 M cases would take {1_000_000 / rate:.0f} s")  # fmt: skip
    print(line)
    workers = (
        f"{child_mb:,.0f} MiB (largest generator process)" if child_mb else "no generator processes"
    )
    print(f"    database {size_mb:,.0f} MiB; peak RSS {peak_rss_mb():,.0f} MiB (main, so far), "
          f"{workers}")  # fmt: skip


# ----------------------------------------------------------------------------- realism


def realism(url: str) -> None:
    """How the generated month reads: states, timeliness, loops, sources, categories."""
    ws = bootstrap(Settings(db_url=url), clock=lambda: END)
    try:
        _realism(ws)
    finally:
        ws.dispose()


def _realism(ws: Workstation) -> None:
    ref = ws.reference
    with ws.read_session() as session:
        cases = [case_from_row(r) for r in session.execute(select(CASES))]
        n = len(cases)
        by_state = Counter(c.state for c in cases)
        sources = Counter(c.source for c in cases)
        kinds = Counter((c.category_code or "?")[0] for c in cases)
        top = Counter(c.category_code for c in cases).most_common(8)
        per_day = Counter(c.reported_at.date() for c in cases)
        overdue = sum(1 for c in cases if c.state is CaseState.DISPATCHED and c.deadline
                      and c.deadline < END)  # fmt: skip
        stage_late = sum(1 for c in cases if c.state in (CaseState.REPORTED,
                         CaseState.VERIFYING, CaseState.FILED) and c.stage_deadline
                         and c.stage_deadline < END)  # fmt: skip
        pending = Counter(c.pending_request.value for c in cases if c.pending_request)
        # Timeliness from the events: was each feedback within the deadline then in force?
        actions: Counter[Action] = Counter()
        feedbacks = late = first_late = dispatched = not_confirmed = 0
        returned = extended = suspended = reworked = 0
        current: Case | None = None
        last_id = None
        flags: set[Action] = set()
        rows = session.execute(select(EVENTS).order_by(EVENTS.c.case_id, EVENTS.c.seq))
        for row in rows:
            event = event_from_row(row)
            if event.case_id != last_id:
                returned += Action.APPROVE_RETURN in flags
                extended += Action.APPROVE_EXTENSION in flags
                suspended += Action.APPROVE_SUSPENSION in flags
                reworked += Action.CHECK_FAIL in flags
                dispatched += Action.DISPATCH in flags
                flags, current, last_id = set(), None, event.case_id
                first = True
            if event.action is Action.FEEDBACK and current is not None and current.deadline:
                feedbacks += 1
                is_late = event.at > current.deadline
                late += is_late
                if first:
                    first_late += is_late
                    first = False
            actions[event.action] += 1
            not_confirmed += event.action is Action.VERIFY and not event.payload["confirmed"]
            flags.add(event.action)
            current = evolve(current, event)
        returned += Action.APPROVE_RETURN in flags
        extended += Action.APPROVE_EXTENSION in flags
        suspended += Action.APPROVE_SUSPENSION in flags
        reworked += Action.CHECK_FAIL in flags
        dispatched += Action.DISPATCH in flags
        n_events = session.scalar(select(func.count()).select_from(EVENTS)) or 0
    closed = by_state[CaseState.CLOSED]
    weekday = [v for d, v in per_day.items() if ref.calendar.is_workday(d)]
    restday = [v for d, v in per_day.items() if not ref.calendar.is_workday(d)]

    def pct(a: float, b: float) -> str:
        return f"{100 * a / b:.1f} %" if b else "—"

    print(f"  {n:,} cases, {n_events:,} events ({n_events / max(n, 1):.2f} per case)")
    print("  states: " + ", ".join(f"{s.label} {by_state[s]:,}" for s in CaseState))
    print(f"  open {sum(v for s, v in by_state.items() if s.is_open):,}; handling overdue "
          f"{overdue:,}; stage overdue (to file/verify/dispatch) {stage_late:,}; "
          f"pending requests {dict(pending) or 0}")  # fmt: skip
    print(f"  reports/day: workdays {sum(weekday) / max(len(weekday), 1):.0f}, "
          f"rest days {sum(restday) / max(len(restday), 1):.0f}")  # fmt: skip
    print("  sources: " + ", ".join(f"{s.label} {pct(sources[s], n)}" for s in Source))
    print(
        f"  事件 {pct(kinds['E'], n)}, 部件 {pct(kinds['C'], n)}; top: "
        + ", ".join(f"{ref.category_name(c)} {pct(v, n)}" for c, v in top)
    )
    print(f"  feedback late: {pct(first_late, dispatched)} of dispatched cases on first "
          f"feedback, {pct(late, feedbacks)} of all feedbacks")  # fmt: skip
    print(
        f"  voided {pct(by_state[CaseState.VOIDED], n)} (at filing {actions[Action.VOID]:,}, "
        f"not confirmed on site {not_confirmed:,}, merged "
        f"{actions[Action.MERGE]:,}); self-handled {pct(actions[Action.APPROVE_SELF_HANDLED], n)}"
    )
    print(f"  of dispatched cases: rework {pct(reworked, dispatched)} "
          f"(check_fail/check_pass {pct(actions[Action.CHECK_FAIL], actions[Action.CHECK_PASS])}),"
          f" returned {pct(returned, dispatched)}, extended {pct(extended, dispatched)}, "
          f"suspended {pct(suspended, dispatched)}")  # fmt: skip
    print(f"  reminders {actions[Action.REMIND]:,}, escalations {actions[Action.ESCALATE]:,} "
          f"({pct(actions[Action.ESCALATE], n)}), reclassified {actions[Action.RECLASSIFY]:,}, "
          f"closed {closed:,}")  # fmt: skip


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="size of the large run")
    parser.add_argument("--workers", type=int, default=None, help="generator processes")
    parser.add_argument("--skip-typical", action="store_true")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true", help="large run on PostgreSQL only")
    parser.add_argument("--realism", action="store_true", help="figures of the 30-day demo")
    parser.add_argument("--dir", help="where the SQLite files go (default: a temp dir)")
    args = parser.parse_args(argv)

    print(f"demo generation benchmark — {machine()}")
    pg_reason = None if not args.no_postgres else "skipped (--no-postgres)"
    pg_reason = pg_reason or pg_available()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="bench_demo_") as tmp:
        if not args.skip_typical:
            url = f"sqlite:///{Path(tmp) / 'typical.sqlite'}"
            stats, seconds, child_mb = run(url, 30, args.workers, quiet=True)
            print(f"typical demo (30 days, ~{DEFAULT_CASES_PER_DAY:.0f} reports/day), SQLite:")
            report("30 days", stats, seconds, sqlite_size_mb(url), child_mb, target=False)
            if args.realism:
                realism(url)
        if args.skip_large:
            return 0
        days = math.ceil(args.cases / DEFAULT_CASES_PER_DAY)
        print(f"large run: {days:,} days × ~{DEFAULT_CASES_PER_DAY:.0f} reports/day "
              f"≈ {args.cases:,} cases")  # fmt: skip
        if not args.no_sqlite:
            url = f"sqlite:///{Path(tmp) / 'large.sqlite'}"
            print("  SQLite:")
            stats, seconds, child_mb = run(url, days, args.workers)
            report("SQLite", stats, seconds, sqlite_size_mb(url), child_mb)
            Path(make_url(url).database or "").unlink(missing_ok=True)
    if pg_reason is not None:
        print(f"  PostgreSQL: not run ({pg_reason})")
        return 0
    print("  PostgreSQL:")
    pg = ThrowawayPg()
    with pg as pg_url:
        stats, seconds, child_mb = run(pg_url, days, args.workers)
        report("PostgreSQL", stats, seconds, pg.size_mb(), child_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
