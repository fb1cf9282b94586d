"""Evaluation (综合评价) on 1,000,000 cases: one month for every unit, supervisor and post.

    python bench/bench_evaluation.py                 # SQLite and PostgreSQL
    python bench/bench_evaluation.py --no-postgres

The databases are demo data sets of ~1,000,000 cases (the demo's ~300 reports a day, about
nine years ending 2026-11-25 16:00), built once and kept: a SQLite file
(`$TMPDIR/gdw-bench-eval/eval-1m.sqlite`, `--db PATH`) and a PostgreSQL database
`gdw_bench_eval` (dropped with `--drop-postgres`). The month is 2026-10-26 … 2026-11-25,
judged at 11-25 16:00. Each figure is the median of `--repeat` warm runs (the first, cold
run reads the file from disk and is printed apart):

- every grouping at once (unit, supervisor, acceptor, leader, dispatcher) from one load of
  the month's histories — what the statistics panel and the monthly report need (≤ 1 s);
- each grouping alone through `Workstation.evaluate` (what the CLI does per call);
- the load alone, to show where the time goes.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from workstation.adapters.demo import DEFAULT_CASES_PER_DAY, DemoOptions, build_demo
from workstation.bootstrap import Workstation, bootstrap
from workstation.services import evaluation
from workstation.settings import Settings

END = datetime(2026, 11, 25, 16, 0)
PG_ADMIN = os.environ.get(
    "WORKSTATION_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
PG_NAME = "gdw_bench_eval"
DEFAULT_DB = Path(tempfile.gettempdir()) / "gdw-bench-eval" / "eval-1m.sqlite"
GROUPINGS = ("unit", "supervisor", "acceptor", "leader", "dispatcher")


def ensure(url: str, cases: int) -> Workstation:
    ws = bootstrap(Settings(db_url=url), clock=lambda: END, upgrade=True)
    with ws.read_session() as session:
        count = session.execute(text("SELECT count(*) FROM cases")).scalar() or 0
    if count < cases * 0.9:
        days = round(cases / DEFAULT_CASES_PER_DAY)
        print(f"  building {cases:,} cases ({days} days) … ", end="", flush=True)
        started = time.perf_counter()
        build_demo(ws, DemoOptions(days=days, seed=1, end=END))
        ws.invalidate_reference()
        print(f"{time.perf_counter() - started:.0f} s")
    return ws


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    """(the first run, the warm runs after it), in seconds."""
    runs = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return runs[0], runs[1:]


def measure(name: str, ws: Workstation, repeat: int) -> None:
    period = evaluation.period_of("2026-10-26", "2026-11-25", END)
    ref = ws.reference

    def load() -> dict[int, list[object]]:
        with ws.read_session() as session:
            return evaluation.load_histories(session, period)  # type: ignore[return-value]

    histories = load()
    events = sum(len(h) for h in histories.values())
    print(f"\n{name}: {len(histories):,} cases and {events:,} events in the month's load")

    def everything() -> None:
        with ws.read_session() as session:
            loaded = evaluation.load_histories(session, period)
        evaluation.evaluate_many(ref, loaded, period, GROUPINGS)

    rows = [("all groupings from one load (target ≤ 1 s)", everything), ("the load alone", load)]
    rows += [(f"evaluate --by {by}", lambda by=by: ws.evaluate("2026-10-26", "2026-11-25", by))
             for by in GROUPINGS]  # fmt: skip
    for title, fn in rows:
        cold, warm = timed(fn, repeat)
        print(f"  {title:<44} median {statistics.median(warm) * 1000:7.0f} ms   "
              f"best {min(warm) * 1000:7.0f} ms   (first run {cold * 1000:.0f} ms)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--drop-postgres", action="store_true")
    args = parser.parse_args()
    print(f"{platform.node()}: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
          f"load average {os.getloadavg()[0]:.2f}, {datetime.now():%Y-%m-%d %H:%M}")  # fmt: skip
    if not args.no_sqlite:
        args.db.parent.mkdir(parents=True, exist_ok=True)
        ws = ensure(f"sqlite:///{args.db}", args.cases)
        try:
            measure("SQLite", ws, args.repeat)
        finally:
            ws.dispose()
    if not args.no_postgres:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                  {"n": PG_NAME}).scalar()  # fmt: skip
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{PG_NAME}"'))
        url = make_url(PG_ADMIN).set(database=PG_NAME).render_as_string(hide_password=False)
        ws = ensure(url, args.cases)
        try:
            measure("PostgreSQL", ws, args.repeat)
        finally:
            ws.dispose()
        if args.drop_postgres:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)'))
        admin.dispose()
    print(f"\nload average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
