"""Service actions per second on SQLite and PostgreSQL (target ≥ 500/s).

Each action is a full user action through `Workstation`: one transaction that reads the
case, decides, writes the case row (optimistic version), its event and a change-feed row.
Usage: python bench/bench_services.py [--cases 300] [--pg URL]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.pg import throwaway_database
from support.world import make_world  # noqa: E402

NOW = datetime(2026, 11, 25, 10, 0)
LOOP = ("file", "dispatch", "feedback", "send_for_check", "check_pass")


def bench(url: str, cases: int, clients: int = 1) -> tuple[int, float]:
    """`clients` threads (like that many workstations) each run `cases` full loops."""
    ws = make_world(url, NOW)
    ref = ws.reference
    supervisor = ws.actor("jdy001")
    leader, dispatcher = ws.actor("leader"), ws.actor("dispatcher")
    cell_code = ref.supervisors["jdy001"].patrol_cells[0]
    units = {u.lower(): ws.actor(u.lower()) for u in ref.matrix.units}
    ws.report(supervisor, description="预热", grid_code=cell_code, category_code="E0102")

    def loop(client: int) -> int:
        done = 0
        for i in range(cases):
            case = ws.report(supervisor, description=f"路口暴露垃圾 {client}-{i}",
                             grid_code=cell_code, category_code="E0102")  # fmt: skip
            case = ws.act(leader, case.id, "file")
            case = ws.act(dispatcher, case.id, "dispatch")
            ws.act(units[(case.unit or "").lower()], case.id, "feedback")
            ws.act(dispatcher, case.id, "send_for_check")
            ws.act(supervisor, case.id, "check_pass")
            done += 6
        return done

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        actions = sum(pool.map(loop, range(clients)))
    seconds = time.perf_counter() - start
    ws.dispose()
    return actions, seconds


@contextmanager
def sqlite_db() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        yield f"sqlite:///{tmp}/bench.sqlite"


def postgres_db(admin_url: str) -> AbstractContextManager[str]:
    return throwaway_database(admin_url, prefix="bench_services")


def report(label: str, database: Callable[[], AbstractContextManager[str]], cases: int) -> None:
    for clients in (1, 4):
        with database() as url:
            actions, seconds = bench(url, cases // clients, clients)
        print(f"{label:<11}: {clients} client(s): {actions} actions in {seconds:.2f} s = "
              f"{actions / seconds:,.0f} actions/s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=400)
    default_pg = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    parser.add_argument("--pg", default=os.environ.get("WORKSTATION_TEST_PG", default_pg))
    args = parser.parse_args()
    print(f"{args.cases} full loops (report, file, dispatch, feedback, send_for_check, "
          "check_pass) split over the clients")  # fmt: skip
    report("SQLite", sqlite_db, args.cases)
    try:
        report("PostgreSQL", lambda: postgres_db(args.pg), args.cases)
    except Exception as exc:  # no server here: say so, don't fail the whole run
        print(f"PostgreSQL : skipped ({str(exc).strip().splitlines()[0]})")


if __name__ == "__main__":
    main()
