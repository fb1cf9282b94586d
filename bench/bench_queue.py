"""Case queue on 1,000,000 cases (~20,000 open): first paint, keystrokes, feed, memory.

Measures, off-screen, a `QueuePanel` without the main window on a SQLite demo database:
- start → first paint: from creating the panel and calling `reload()` (cold reference
  data) to the table viewport's first paint event with rows in it (target ≤ 1.5 s);
- search per keystroke: realistic strings typed and erased character by character into
  the search box; the filter alone (setText returns with the proxy updated) and the filter
  plus a synchronous repaint of the visible rows (targets ≤ 16 ms median, ≤ 50 ms worst);
- change-feed latency: a report committed by another thread through `ws.report` until its
  row is in the model, through a real `ui.feed.ChangeFollower` (target ≤ 1 s);
- peak resident memory of this process (target ≤ 500 MB).

The database is built once (in a child process, so its memory does not count) and kept:
Usage: python bench/bench_queue.py [--db PATH] [--days 77] [--rate 13000] [--typing-rounds 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workstation.bootstrap import Workstation

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

NOW = datetime(2026, 11, 25, 10, 0)  # the demo's "now" and the workstation's fixed clock
DEFAULT_DB = Path(tempfile.gettempdir()) / "gdw-bench-queue" / "queue-1m.sqlite"
# 13,200 reports a day for 77 days ≈ 1,000,000 cases of which ~20,000 stay open (about a
# day and a half of reports still in the loop, plus the suspended ones accumulating).
DEFAULT_DAYS, DEFAULT_RATE = 77, 13_200.0
TYPED = ("乱停放", "吴家营 路名牌", "2026112", "河道保洁", "城市管理局", "井盖")


def build(db: Path, days: int, rate: float) -> None:
    from workstation.adapters.demo import DemoOptions, build_demo
    from workstation.bootstrap import bootstrap
    from workstation.settings import Settings

    db.parent.mkdir(parents=True, exist_ok=True)
    ws = bootstrap(Settings(db_url=f"sqlite:///{db}"), clock=lambda: NOW)
    started = time.perf_counter()

    def progress(step: str, done: int, total: int) -> None:
        if done in (0, total) or done % 100_000 < 2_000:
            print(f"  {step} {done:,}/{total:,}", flush=True)

    stats = build_demo(ws, DemoOptions(days=days, seed=1, end=NOW).with_rate(rate), progress)
    print(stats.describe())
    print(f"built in {time.perf_counter() - started:.0f} s: {db}")
    ws.dispose()


def ensure_database(db: Path, days: int, rate: float) -> None:
    if db.exists():
        return
    # A child process: the generator's memory must not count against the queue's RSS.
    subprocess.run([sys.executable, __file__, "--build", "--db", str(db), "--days", str(days),
                    "--rate", str(rate)], check=True)  # fmt: skip


def wait_until(cond: Callable[[], bool], timeout: float = 30.0) -> None:
    """Spin the event loop until `cond()` (a bench may; application code never does)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(lambda: loop.quit() if cond() else None)
    deadline = time.perf_counter() + timeout
    poll.start()
    while not cond():
        if time.perf_counter() > deadline:
            raise TimeoutError("benchmark step timed out")
        loop.exec()
    poll.stop()


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    with open("/proc/meminfo", encoding="ascii") as info:
        mem_kib = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
    return f"{os.cpu_count()} cores ({cpu}), {mem_kib / 1024**2:.0f} GiB, Python " \
        f"{platform.python_version()}"  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--days", type=int, default=DEFAULT_DAYS)
    parser.add_argument("--rate", type=float, default=DEFAULT_RATE)
    parser.add_argument("--typing-rounds", type=int, default=3)
    parser.add_argument("--feed-reports", type=int, default=10)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(args.db, args.days, args.rate)
        return
    ensure_database(args.db, args.days, args.rate)
    measure(args)


def measure(args: argparse.Namespace) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from ui.context import AppContext
    from ui.feed import ChangeFollower
    from ui.operations import Operations
    from ui.panels.queue import QueuePanel
    from workstation.bootstrap import bootstrap
    from workstation.settings import Settings

    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f} at start")
    print(f"database: {args.db} ({args.db.stat().st_size / 1e9:.1f} GB)")
    app = QApplication.instance() or QApplication([])
    from ui.app import apply_fonts

    apply_fonts(app)  # the CJK font the workstation uses (else every glyph falls back)
    rss_before = rss_mb()

    ws = bootstrap(Settings(db_url=f"sqlite:///{args.db}"), clock=lambda: NOW)
    with ws.read_session() as session:
        from workstation.services.auth import find_account

        account = find_account(session, "leader")
    ops = Operations(app)
    ctx = AppContext(ws, ops, account)

    # -- start → first paint -----------------------------------------------------------
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not painted \
                    and panel.model.rowCount() > 0:  # fmt: skip
                painted.append(time.perf_counter())
            return False

    started, cpu_started = time.perf_counter(), time.process_time()
    panel = QueuePanel(ctx)
    spy = FirstPaint()
    panel.table.viewport().installEventFilter(spy)
    panel.resize(1500, 900)
    panel.show()
    panel.reload()
    loaded_at: list[float] = []
    panel.cases_loaded.connect(lambda rows: loaded_at.append(time.perf_counter()))
    wait_until(lambda: bool(painted))
    first_paint = painted[0] - started
    cpu = time.process_time() - cpu_started
    rows = panel.model.rowCount()
    open_rows = sum(1 for r in panel.model.rows if r.case.state != "closed")
    print(f"start → first paint: {first_paint * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU "
          f"(all threads) ({rows:,} rows: {open_rows:,} open"
          f" + {rows - open_rows:,} closed today; rows in the model after "
          f"{(loaded_at[0] - started) * 1000:.0f} ms)")  # fmt: skip
    breakdown(ws)

    # -- search per keystroke ----------------------------------------------------------
    filter_ms: list[float] = []
    total_ms: list[float] = []
    viewport = panel.table.viewport()
    app.processEvents()
    for _ in range(args.typing_rounds):
        for text in TYPED:
            # As after any feed change: no scan of an earlier string is cached.
            panel.proxy.recount()
            steps = [text[:k] for k in range(1, len(text) + 1)]
            steps += [text[:k] for k in range(len(text) - 1, -1, -1)]
            for step in steps:
                t0 = time.perf_counter()
                panel.search.setText(step)
                t1 = time.perf_counter()
                viewport.repaint()
                t2 = time.perf_counter()
                filter_ms.append((t1 - t0) * 1000)
                total_ms.append((t2 - t0) * 1000)
    print(f"search per keystroke ({len(filter_ms)} keystrokes over {open_rows:,} open cases): "
          f"filter median {statistics.median(filter_ms):.1f} ms, worst {max(filter_ms):.1f} ms;"
          f" filter + repaint median {statistics.median(total_ms):.1f} ms, worst "
          f"{max(total_ms):.1f} ms")  # fmt: skip
    paint_only = []
    for _ in range(20):
        t0 = time.perf_counter()
        viewport.repaint()
        paint_only.append((time.perf_counter() - t0) * 1000)
    print(f"  (a repaint alone, nothing changed: median {statistics.median(paint_only):.1f} ms)")

    # -- other interactions ------------------------------------------------------------
    from ui.models.queue_rows import Stage

    for stage in (Stage.HANDLING, Stage.OVERDUE, Stage.PENDING_FILE, Stage.ALL):
        t0 = time.perf_counter()
        panel.set_stage(stage)
        print(f"stage {stage.name}: {panel.proxy.rowCount():,} rows in "
              f"{(time.perf_counter() - t0) * 1000:.1f} ms")  # fmt: skip
    t0 = time.perf_counter()
    panel.table.sortByColumn(panel.model.TIMER_COLUMN, panel.model.sort_order)
    sort_ms = (time.perf_counter() - t0) * 1000
    panel.table.sortByColumn(1, panel.model.sort_order.DescendingOrder)
    t0 = time.perf_counter()
    panel.refresh_timers()
    tick_ms = (time.perf_counter() - t0) * 1000
    print(f"sort by 剩余时限: {sort_ms:.0f} ms; minute tick (countdown column): {tick_ms:.1f} ms")

    # -- change-feed latency -----------------------------------------------------------
    follower = ChangeFollower(ws, ctx.actor, parent=panel)
    follower.cases_changed.connect(panel.apply_changes)
    follower.start()
    wait_until(lambda: follower.cursor is not None)
    supervisor = ws.actor("jdy001")
    cells = list(ws.reference.supervisors["jdy001"].patrol_cells)
    rng = random.Random(7)
    latencies: list[float] = []
    committed: list[tuple[int, float]] = []

    def write(i: int, lon: float, lat: float, pause: float) -> None:
        time.sleep(pause)  # anywhere in the poll interval
        case = ws.report(supervisor, description=f"基准测试上报 {i} 路口暴露垃圾",
                         lon=lon, lat=lat, category_code="E0102")  # fmt: skip
        committed.append((case.id, time.perf_counter()))  # after the commit returned

    def visible() -> bool:
        return bool(committed) and panel.model.row_of(committed[0][0]) is not None

    for i in range(args.feed_reports):
        committed.clear()
        cell = ws.reference.cells[rng.choice(cells)]
        writer = threading.Thread(target=write, args=(i, cell.lon, cell.lat, rng.uniform(0, 0.4)))
        writer.start()
        wait_until(visible)
        latencies.append(time.perf_counter() - committed[0][1])
        writer.join()
    follower.stop()
    print(f"change feed, commit → row in the model ({len(latencies)} reports, poll 400 ms): "
          f"median {statistics.median(latencies) * 1000:.0f} ms, worst "
          f"{max(latencies) * 1000:.0f} ms")  # fmt: skip

    # -- memory ------------------------------------------------------------------------
    print(f"memory: RSS {rss_mb():.0f} MB now, peak {peak_rss_mb():.0f} MB "
          f"(Qt + Python before loading: {rss_before:.0f} MB); "
          f"load average {os.getloadavg()[0]:.1f} at the end")  # fmt: skip
    ops.wait_for_done(10_000)
    panel.close()
    ws.dispose()


def breakdown(ws: Workstation) -> None:
    """Where the load's time goes: the same steps as the worker, timed one by one."""
    from ui.models.queue_rows import QueueRow
    from workstation.domain.lifecycle import CaseState
    from workstation.services.queries import CaseFilter
    from workstation.services.queue_queries import load_queue

    t0 = time.perf_counter()
    old = ws.list_cases(CaseFilter(states=[s for s in CaseState if s.is_open]))
    t1 = time.perf_counter()
    ref = ws.reference
    with ws.read_session() as session:
        snap = load_queue(session, ref, None, NOW)
    t2 = time.perf_counter()
    majors = {c.major_key: c.major_name for c in ref.catalog}
    rows = [QueueRow(c, c.id in snap.verified, now=NOW, day_start=snap.day_start,
                     major_names=majors) for c in snap.cases]  # fmt: skip
    t3 = time.perf_counter()
    print(f"  load breakdown: ws.list_cases (open only, as before) {(t1 - t0) * 1000:.0f} ms "
          f"for {len(old):,}; lean load_queue (open + closed today) {(t2 - t1) * 1000:.0f} ms "
          f"for {len(snap.cases):,}; {len(rows):,} queue rows (search keys, stages, timers) "
          f"{(t3 - t2) * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
