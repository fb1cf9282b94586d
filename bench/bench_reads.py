"""The read paths a dispatcher waits for, idle and while another process writes as fast as
it can (issue 10 §2): on the million-case SQLite database of bench_evaluation.py (and on
PostgreSQL with --postgres).

    python bench/bench_reads.py [--db PATH] [--postgres] [--samples 300]

Per path, p50 / p95 / worst over `--samples` calls on random open cases: `recommend`
(the dispatch dialog's recommendation), `load_case`, `case_detail`, `allowed_actions`
(targets: p95 ≤ 5 ms, idle and under the writer); then the big reads once each — the
queue's load, the map's heat counts for a month, the month's evaluation by unit — idle
and under the writer (they must not wait for it: same time within the noise). The writer
is a second process recording notes on other cases, one transaction each, durable
commits as configured.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_evaluation import DEFAULT_DB, END, PG_ADMIN, PG_NAME  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from workstation.bootstrap import Workstation, bootstrap  # noqa: E402
from workstation.domain.roles import Actor  # noqa: E402
from workstation.persistence.repositories import CASES  # noqa: E402
from workstation.services.map_queries import HeatQuery  # noqa: E402
from workstation.services.queue_queries import load_queue  # noqa: E402
from workstation.settings import Settings  # noqa: E402


def writer(url: str, ids: list[int], seconds: float) -> None:
    """The concurrent writer: notes on ``ids`` for ``seconds``; prints actions/s."""
    import signal

    stopped: list[bool] = []
    signal.signal(signal.SIGTERM, lambda *_: stopped.append(True))
    ws = bootstrap(Settings(db_url=url), clock=lambda: END)
    leader = ws.actor("leader")
    done, started = 0, time.perf_counter()
    while not stopped and time.perf_counter() - started < seconds:
        ws.act(leader, ids[done % len(ids)], "note", {"text": f"并发写入 {done}"})
        done += 1
    print(f"{done / (time.perf_counter() - started):.0f}", flush=True)
    ws.dispose()


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (f"p50 {statistics.median(ordered) * 1000:6.2f}  p95 {p95 * 1000:6.2f}  "
            f"worst {ordered[-1] * 1000:7.2f} ms")  # fmt: skip


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _queue(ws: Workstation, actor: Actor) -> object:
    with ws.read_session() as session:  # as the queue panel reads it
        return load_queue(session, ws.reference, actor, END)


def measure(ws: Workstation, ids: list[int], samples: int) -> None:
    dispatcher = ws.actor("dispatcher")
    paths: dict[str, Callable[[int], object]] = {
        "recommend": lambda i: ws.recommend(i),
        "load_case": lambda i: ws.load_case(i),
        "case_detail": lambda i: ws.case_detail(i, dispatcher),
        "allowed_actions": lambda i: ws.allowed_actions([i], dispatcher),
    }
    for name, fn in paths.items():
        runs = [_timed(lambda i=i, fn=fn: fn(i))  # type: ignore[misc]
                for i in random.sample(ids, min(samples, len(ids)))]  # fmt: skip
        print(f"  {name:<16} {_percentiles(runs)}")
    month = HeatQuery(END - timedelta(days=30), END)
    big: dict[str, Callable[[], object]] = {
        "queue load": lambda: _queue(ws, dispatcher),
        "map heat (month)": lambda: ws.heat_counts(month),
        "evaluation by unit": lambda: ws.evaluate("2026-10-26", "2026-11-25", "unit"),
    }
    for name, big_fn in big.items():
        runs = [_timed(big_fn) for _ in range(3)]
        print(f"  {name:<20} median {statistics.median(runs) * 1000:7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--writer", nargs=3, help=argparse.SUPPRESS)  # URL IDS SECONDS
    args = parser.parse_args()
    if args.writer:
        url, ids, seconds = args.writer
        writer(url, [int(i) for i in ids.split(",")], float(seconds))
        return
    url = make_url(PG_ADMIN).set(database=PG_NAME).render_as_string(hide_password=False) \
        if args.postgres else f"sqlite:///{args.db}"  # fmt: skip
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, {url.split('://')[0]}")
    ws = bootstrap(Settings(db_url=url), clock=lambda: END, upgrade=True)
    random.seed(1)
    with ws.read_session() as session:
        writes = list(session.scalars(select(CASES.c.id).where(
            CASES.c.state.in_(("dispatched", "filed", "reported"))).limit(200)))  # fmt: skip
        last = int(session.scalar(select(CASES.c.id).order_by(CASES.c.id.desc()).limit(1)) or 0)
    # Reads: the last month's cases, any state (a dispatcher opens closed ones too).
    reads = [i for i in range(max(1, last - 10_000), last + 1) if i not in set(writes)]
    _ = ws.reference
    print(f"{last:,} cases; reads on the last {len(reads):,}, the writer on {len(writes)} open")
    print("idle:")
    measure(ws, reads, args.samples)
    proc = subprocess.Popen([sys.executable, __file__, "--writer", url,
                             ",".join(map(str, writes)), "60"], stdout=subprocess.PIPE,
                            text=True)  # fmt: skip
    time.sleep(3)  # the writer's start-up (imports, reference data)
    print("under a concurrent writer:")
    measure(ws, reads, args.samples)
    proc.terminate()
    out, _ = proc.communicate(timeout=30)
    print(f"  (the writer meanwhile: {out.strip()} actions/s)")
    ws.dispose()


if __name__ == "__main__":
    main()
