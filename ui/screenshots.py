"""Screenshots of the workstation on the demo data, for the README and for review.

    python -m ui.screenshots [--db demo.sqlite] [--out docs/screenshots] [--lang zh_CN|en]
                             [--only window|calendar|stats|history|handover]

Runs off-screen. Without --db it builds a fresh demo database (fixed seed and time, so
the pictures are reproducible); the clock is frozen at the demo's end time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

END = datetime(2026, 11, 25, 10, 30)


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Let the event loop run (workers report back through it) until `condition` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the window did not get there in time")


def settle(seconds: float = 0.5) -> None:
    """Let paints and layouts happen (only for pictures; tests wait on conditions)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def window_shots(window: Any, grab: Callable[[Any, str], None]) -> None:
    """The dispatcher's window, its docks on their own, the dispatch dialog, the map."""
    window.resize(1920, 1080)
    window.show()
    window.start()
    queue, detail, board = window.queue, window.detail, window.supervisors
    wait_until(lambda: queue.model.rowCount() > 0)
    wait_until(lambda: window.map.case_count > 0 and board.model.rowCount() > 0)

    # The case a dispatcher would look at: dispatched, overdue, with a reminder on it.
    cases = [queue.model.case_at(r) for r in range(queue.model.rowCount())]
    dispatched = [c for c in cases if c.state == "dispatched" and c.deadline]
    focus = max(dispatched, key=lambda c: (c.remind_count, c.rework_count), default=cases[0])
    loaded: list[int] = []
    detail.load_finished.connect(loaded.append)
    queue.select_case(focus.id)
    wait_until(lambda: focus.id in loaded)
    grab(window, "workstation")
    for dock, name, size in ((window.detail_dock, "detail", (620, 1050)),
                             (window.reminder_dock, "reminders", (900, 620)),
                             (window.supervisor_dock, "supervisors", (1100, 700))):  # fmt: skip
        dock.setFloating(True)  # on its own, at a size where it shows its content
        dock.resize(*size)
        grab(dock, name)
        dock.setFloating(False)

    filed = [c for c in cases if c.state == "filed"]
    if filed:
        queue.select_case(filed[0].id)
        window.actions.trigger("dispatch", [filed[0].id])
        dialog = window.actions.dialog
        wait_until(lambda: dialog is not None and dialog.recommendation is not None)
        grab(dialog, "dispatch-dialog")
        dialog.close()

    # The map on its own, floated and large, with its legend.
    window.map_dock.setFloating(True)
    window.map_dock.resize(1400, 900)
    window.map.set_layer_visible("legend", True)
    window.map.show_district()
    grab(window.map_dock, "map-district")
    queue.select_case(focus.id)
    grab(window.map_dock, "map-community")


def calendar_shot(ctx: Any, grab: Callable[[Any, str], None]) -> None:
    """The administrator's working calendar: 2027 (not published yet), two days entered."""
    from datetime import date

    from ui.admin.calendar_screen import CalendarScreen
    from workstation.domain.holiday_rules import DayKind
    from workstation.services.calendar_admin import CalendarChange, DayChange

    change = CalendarChange(days=(DayChange(date(2027, 2, 9), DayKind.HOLIDAY, "春节连休"),
                                  DayChange(date(2027, 2, 20), DayKind.WORKDAY, "春节调休")))
    ctx.ws.change_calendar(ctx.actor, change, recompute=True)
    screen = CalendarScreen(ctx)
    screen.resize(1280, 900)
    screen.show()
    screen.year_spin.setValue(2027)
    wait_until(lambda: screen.view is not None and screen.view.year == 2027
               and not screen.controller.busy)  # fmt: skip
    screen.year_spin.setFocus()  # the grid's keyboard cursor is not in the legend
    grab(screen, "calendar")
    screen.close()


def stats_shot(ctx: Any, grab: Callable[[Any, str], None]) -> None:
    """The statistics window on the demo month: volume and flow, then the units' ranking."""
    from ui.stats.window import StatsWindow

    window = StatsWindow(ctx)
    window.resize(1600, 1000)
    window.show()
    window.refresh()
    wait_until(lambda: window.stats is not None and not window.busy_now)
    grab(window, "statistics")
    window.tabs.setCurrentIndex(1)
    grab(window, "statistics-units")
    window.tabs.setCurrentIndex(4)
    grab(window, "statistics-tables")
    window.tabs.setCurrentWidget(window.targets)
    wait_until(lambda: window.targets.report is not None)
    grab(window, "targets")
    window.close()


def history_shot(ctx: Any, grab: Callable[[Any, str], None]) -> None:
    """The history search: a two-character word over every case of the demo."""
    from ui.history.window import HistoryWindow

    window = HistoryWindow(ctx)
    window.resize(1500, 800)
    window.show()
    window.text.setText("井盖")
    window.search()
    wait_until(lambda: not window.model.loading and window.model.rowCount() > 0)
    window.table.selectRow(2)
    grab(window, "history")
    window.close()


def handover_shot(ctx: Any, grab: Callable[[Any, str], None]) -> None:
    """The hand-over window: the night shift's sheet, written by one shift leader and
    acknowledged by the next (a second leader account is added to the demo for it)."""
    from workstation.persistence.tables import AccountRow
    from workstation.services.auth import hash_password

    ws = ctx.ws
    if "leader2" not in ws.reference.accounts:
        with ws.write_session() as session:
            session.add(AccountRow(username="leader2", display_name="值班长 李建华", role="leader",
                                   unit_code=None, password_hash=hash_password("demo"),
                                   active=True))  # fmt: skip
        ws.invalidate_reference()
    from ui.handover.window import HandoverWindow

    night = ws.handover_shift(END, previous=True)
    if not any((s.start, s.end) == night for s in ws.handover_sheets(None)):
        day = ws.handover_shift(night[0] - timedelta(minutes=1))
        first = ws.save_handover(ws.actor("leader"), "白班无遗留。", period=day, at=END)
        ws.acknowledge_handover(ws.actor("leader2"), first.id, at=END)
        sheet = ws.save_handover(
            ws.actor("leader2"),
            "1. 斗南花卉市场周边占道经营已电话通知城管中队，白班请跟进。\n"
            "2. 督办件请于上午催办一次；两件延期申请待审批。\n3. 大屏 2 号屏信号不稳，已报信息科。",
            period=night, at=END)  # fmt: skip
        ws.acknowledge_handover(ws.actor("leader"), sheet.id, "已阅，接班", at=END)
    window = HandoverWindow(ctx)
    window.resize(1400, 1000)
    window.show()
    wait_until(lambda: window.stored is not None and (window.stored.info.start,
                                                      window.stored.info.end) == night)
    grab(window, "handover")
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="a demo database (default: build one)")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--only", choices=["window", "calendar", "stats", "history", "handover"],
                        help="make only these pictures")  # fmt: skip
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import qt_environment

    qt_environment()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.app import apply_fonts, install_translations
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.operations import Operations
    from workstation.bootstrap import bootstrap
    from workstation.services.auth import find_account
    from workstation.settings import Settings

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh_CN" else f"-{args.lang}"
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "demo.sqlite")
    ws = bootstrap(Settings.from_env(db), clock=lambda: END)
    if not Path(db).exists() or not ws.has_grid():
        from workstation.adapters.demo import DemoOptions, build_demo

        build_demo(ws, DemoOptions(days=30, seed=1, end=END))
        # Half an hour of field work before the pictures: positions, tracks, new reports.
        from datetime import timedelta

        from workstation.adapters.simulator import FieldSimulator, SimulatorOptions

        sim = FieldSimulator(ws, SimulatorOptions(seed=1), start=END - timedelta(minutes=30))
        sim.advance(30 * 60)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translations(app, args.lang)
    apply_fonts(app)
    ops = Operations(app)
    shots: list[str] = []

    def grab(widget: Any, name: str) -> None:
        settle()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        shots.append(str(path))

    settings = QSettings(str(Path(tmp.name) / "settings.ini"), QSettings.Format.IniFormat)
    with ws.read_session() as session:
        leader, admin = find_account(session, "leader"), find_account(session, "admin")
    if args.only in (None, "window"):
        window = MainWindow(AppContext(ws, ops, leader, demo=True), settings)
        window_shots(window, grab)
        window.close()
    if args.only in (None, "calendar"):
        calendar_shot(AppContext(ws, ops, admin), grab)
    if args.only in (None, "stats"):
        stats_shot(AppContext(ws, ops, leader, demo=True), grab)
    if args.only in (None, "history"):
        history_shot(AppContext(ws, ops, leader, demo=True), grab)
    if args.only in (None, "handover"):
        handover_shot(AppContext(ws, ops, leader, demo=True), grab)
    ops.wait_for_done(10_000)
    ws.dispose()
    for path in shots:
        print(path)
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
