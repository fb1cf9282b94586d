"""Change-feed latency between processes, and a centre of many followers (issue 10).

    python bench/bench_feed.py                        # SQLite and PostgreSQL, one console
    python bench/bench_feed.py --consoles 50 --walls 10 --postgres-only   # a centre

A writer process records notes on its own cases at `--rate` actions/s (one transaction
each, as a console does) and notes when each commit returned; each follower process runs
the core's follower (`services.follower`: poll + LISTEN, its own connections) and notes
when each change arrived. Printed: latency from commit to delivery (p50 / p95 / worst,
targets p95 ≤ 50 ms on PostgreSQL, ≤ 600 ms on SQLite, ≤ 300 ms for the centre), changes
missed or delivered twice (target 0), the PostgreSQL server's CPU over the run, and the
connections each follower held.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

NOW = datetime(2026, 11, 25, 10, 0)
PG_ADMIN = os.environ.get("WORKSTATION_BENCH_PG",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")  # fmt: skip


# ----------------------------------------------------------------------- the processes

def follow(url: str, out: str, seconds: float, console: bool) -> None:
    """A console starts from its queue's snapshot (read through its own pool, which keeps
    that connection); a wall has no pool and starts from the feed's end."""
    from workstation.bootstrap import bootstrap
    from workstation.settings import Settings

    ws = bootstrap(Settings(db_url=url))
    arrived: dict[int, float] = {}
    twice: list[int] = []

    def deliver(batch) -> None:  # type: ignore[no-untyped-def]
        now = time.time()
        for change in batch.change_ids:
            if change in arrived:
                twice.append(change)
            arrived[change] = now

    follower = ws.follower(deliver, name="bench")
    follower.start(ws.feed_cursor() if console else None)
    while follower.cursor is None:
        time.sleep(0.05)
    Path(out + ".ready").write_text("1")
    time.sleep(seconds)
    follower.stop()
    Path(out).write_text(json.dumps({"arrived": arrived, "twice": twice}))
    ws.dispose()


def write(url: str, ids: list[int], rate: float, seconds: float, out: str) -> None:
    from workstation.bootstrap import bootstrap
    from workstation.settings import Settings

    ws = bootstrap(Settings(db_url=url))
    leader = ws.actor("leader")
    committed: list[tuple[int, float]] = []  # (case id, when the commit returned)
    started = time.perf_counter()
    i = 0
    while time.perf_counter() - started < seconds:
        time.sleep(max(0.0, started + i / rate - time.perf_counter()))
        case_id = ids[i % len(ids)]
        ws.act(leader, case_id, "note", {"text": f"延迟测量 {i}"})
        committed.append((case_id, time.time()))
        i += 1
    Path(out).write_text(json.dumps(committed))
    ws.dispose()


# ----------------------------------------------------------------------- the run

def run(url: str, consoles: int, walls: int, rate: float, seconds: float, name: str) -> None:
    from sqlalchemy import text

    from support.world import make_world

    ws = make_world(url, NOW)
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    ids = [ws.report(ws.actor("jdy001"), description=f"测量 {i}", grid_code=cell,
                     category_code="E0102").id for i in range(20)]  # fmt: skip
    start = ws.feed_cursor()
    tmp = Path(tempfile.mkdtemp(prefix="bench-feed-"))
    follow_for = seconds + 8
    followers = consoles + walls
    procs = [subprocess.Popen([sys.executable, __file__, "--follow", url, str(tmp / f"f{i}"),
                               str(follow_for), "console" if i < consoles else "wall"])
             for i in range(followers)]  # fmt: skip
    deadline = time.monotonic() + 120
    while sum((tmp / f"f{i}.ready").exists() for i in range(followers)) < followers:
        if time.monotonic() > deadline:
            raise SystemExit("followers did not start")
        time.sleep(0.2)
    cpu_before = _server_cpu() if ws.engine.dialect.name == "postgresql" else None
    writer = subprocess.Popen([sys.executable, __file__, "--write", url,
                               ",".join(map(str, ids)), str(rate), str(seconds),
                               str(tmp / "w")])  # fmt: skip
    time.sleep(seconds / 2)
    connections = None
    if ws.engine.dialect.name == "postgresql":
        with ws.engine.connect() as conn:
            connections = conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            )).scalar()  # fmt: skip
    writer.wait()
    cpu_after = _server_cpu() if cpu_before is not None else None
    for p in procs:
        p.wait()
    committed = json.loads((tmp / "w").read_text())
    with ws.read_session() as session:
        rows = session.execute(text("SELECT id, entity_id FROM change_feed WHERE id > :after "
                                    "AND action = 'note' ORDER BY id"),
                               {"after": start.last_id}).all()  # fmt: skip
    # The k-th note on a case is its k-th feed row (one writer, its own cases).
    per_case: dict[int, list[int]] = {}
    for change_id, entity in rows:
        per_case.setdefault(int(entity), []).append(int(change_id))
    when: dict[int, float] = {}
    seen: dict[int, int] = {}
    for case_id, at in committed:
        k = seen.get(case_id, 0)
        seen[case_id] = k + 1
        when[per_case[case_id][k]] = at
    latencies: list[float] = []
    missed = twice = 0
    for i in range(followers):
        data = json.loads((tmp / f"f{i}").read_text())
        arrived = {int(k): v for k, v in data["arrived"].items()}
        twice += len(data["twice"])
        for change_id, at in when.items():
            if change_id in arrived:
                latencies.append(max(0.0, arrived[change_id] - at))
            else:
                missed += 1
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95)] if latencies else float("nan")
    print(f"{name}: {consoles} console(s) + {walls} wall(s), {len(committed)} changes at "
          f"{rate:g}/s: latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, worst {latencies[-1] * 1000:.0f} ms; missed {missed}, "
          f"twice {twice}")  # fmt: skip
    if cpu_before is not None and cpu_after is not None:
        busy = (cpu_after - cpu_before) / os.sysconf("SC_CLK_TCK")
        print(f"  server CPU {busy:.1f} s over {seconds:.0f} s ({busy / seconds * 100:.0f} % of "
              f"one core); {connections} connections for {consoles} consoles, {walls} walls, "
              f"the writer and this process")  # fmt: skip
    ws.dispose()


def _server_cpu() -> int:
    """utime + stime of every postgres process, in clock ticks."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        if name.startswith("postgres"):
            fields = stat[stat.rindex(")") + 2:].split()
            total += int(fields[11]) + int(fields[12])
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consoles", type=int, default=1)
    parser.add_argument("--walls", type=int, default=0)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--postgres-only", action="store_true")
    parser.add_argument("--follow", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--write", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.follow:
        follow(args.follow[0], args.follow[1], float(args.follow[2]), args.follow[3] == "console")
        return
    if args.write:
        url, ids, rate, seconds, out = args.write
        write(url, [int(i) for i in ids.split(",")], float(rate), float(seconds), out)
        return
    from support.pg import throwaway_database

    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    if not args.postgres_only:
        with tempfile.TemporaryDirectory() as tmp:
            run(f"sqlite:///{tmp}/feed.sqlite", args.consoles, args.walls, args.rate,
                args.seconds, "SQLite")  # fmt: skip
    with throwaway_database(PG_ADMIN, prefix="bench_feed") as url:
        run(url, args.consoles, args.walls, args.rate, args.seconds, "PostgreSQL")


if __name__ == "__main__":
    main()
