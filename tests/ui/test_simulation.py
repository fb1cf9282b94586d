"""The in-process field simulator of the GUI's demo mode: ticks, fixes, speeds, errors."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from ui.context import AppContext
from ui.simulation import SPEEDS, SimulationRunner
from workstation.adapters.simulator import SimulatorOptions
from workstation.bootstrap import bootstrap
from workstation.settings import Settings

NOW = datetime(2026, 11, 25, 10, 0)  # the clock of the `ws` world (tests/ui/conftest.py)


def _runner(ctx: AppContext, parent: QObject | None = None) -> SimulationRunner:
    return SimulationRunner(ctx, parent, options=SimulatorOptions(seed=3, photos=False),
                            interval_ms=50)  # fmt: skip


def test_ticks_produce_fixes_and_the_runner_stops_cleanly(qtbot, ws, ops, ctx_for) -> None:
    runner = _runner(ctx_for("dispatcher"))
    runner.set_speed(60)
    assert runner.now() == NOW  # the workstation's clock until the simulator exists
    stats: list[str] = []
    runner.stats_changed.connect(stats.append)
    with qtbot.waitSignal(runner.running_changed) as started:
        runner.start()
    assert started.args == [True]
    # 4 supervisors, a fix every 30 simulated seconds: two minutes give every one a few.
    qtbot.waitUntil(lambda: runner.now() >= NOW + timedelta(minutes=2), timeout=20_000)
    with qtbot.waitSignal(runner.running_changed) as stopped:
        runner.stop()
    assert stopped.args == [False]
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert not runner.running
    assert not runner.timer_active
    assert ops.running == 0  # no worker left behind
    assert ops.wait_for_done(1000)

    board = ws.supervisor_board(at=runner.now())
    assert all(r.last_fix_at is not None for r in board)
    assert all(r.status == "patrolling" and not r.late for r in board)
    assert all(NOW < r.last_fix_at <= runner.now() for r in board)
    assert stats
    assert stats[-1] == runner.stats_text
    assert stats[-1].startswith("位置 ")
    fixes = int(stats[-1].split()[1])
    assert fixes >= 4 * 3

    # Paused: the simulated clock stands still until the runner starts again.
    paused = runner.now()
    assert runner.now() == paused
    with qtbot.waitSignal(runner.time_changed, timeout=10_000):
        runner.start()
    assert runner.now() > paused
    runner.stop()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def test_simulated_time_follows_the_speed(qtbot, ctx_for) -> None:
    runner = _runner(ctx_for("dispatcher"))
    runner.set_speed(600)  # 30 simulated seconds per 50 ms tick
    times: list[datetime] = []
    runner.time_changed.connect(times.append)
    runner.start()
    qtbot.waitUntil(lambda: len(times) >= 6, timeout=20_000)
    runner.stop()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    # Each advance covers the real time since the last one in whole 30-second simulator
    # steps, never more than 600 × 5 s, and the clock only moves forward.
    steps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]
    assert all(s % 30 == 0 and 0 < s <= 3000 for s in steps)
    assert times[0] == NOW
    assert times[-1] > NOW


def test_menu_actions_start_stop_and_choose_the_speed(qtbot, ctx_for) -> None:
    parent = QObject()
    runner = _runner(ctx_for("dispatcher"), parent)
    actions = runner.create_actions(parent)
    run, separator, *speeds = actions
    assert run.isCheckable()
    assert not run.isChecked()
    assert separator.isSeparator()
    assert [a.text() for a in speeds] == ["实时（1×）", "10 倍速", "60 倍速"]
    assert [a.isChecked() for a in speeds] == [True, False, False]

    speeds[2].trigger()
    assert runner.speed == SPEEDS[2] == 60
    assert [a.isChecked() for a in speeds] == [False, False, True]
    runner.set_speed(10)
    assert [a.isChecked() for a in speeds] == [False, True, False]

    with qtbot.waitSignal(runner.running_changed):
        run.trigger()
    assert run.isChecked()
    assert runner.running
    with qtbot.waitSignal(runner.running_changed):
        runner.toggle()
    assert not run.isChecked()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert not runner.timer_active


@pytest.mark.parametrize("speed", [0, -1, math.inf, math.nan])
def test_a_bad_speed_is_refused(ctx_for, speed: float) -> None:
    runner = _runner(ctx_for("dispatcher"))
    with pytest.raises(ValueError, match="倍速必须是正数"):
        runner.set_speed(speed)
    assert runner.speed == 1


def test_a_database_without_a_grid_is_reported_not_crashed(qtbot, ops, ctx_for,
                                                           sqlite_url: str) -> None:  # fmt: skip
    account = ctx_for("dispatcher").account
    empty = bootstrap(Settings(db_url=sqlite_url.replace(".sqlite", "-empty.sqlite")),
                      clock=lambda: NOW, upgrade=True)  # fmt: skip
    try:
        runner = _runner(AppContext(empty, ops, account, demo=True))
        running: list[bool] = []
        runner.running_changed.connect(running.append)
        with qtbot.waitSignal(runner.error, timeout=10_000) as failed:
            runner.start()
        assert failed.args == ["无法启动外业模拟：数据库中没有网格和监督员，请先生成演示数据"]
        assert running == [True, False]
        assert not runner.busy
        assert not runner.timer_active
        assert ops.wait_for_done(1000)
    finally:
        empty.dispose()


def test_paused_simulation_lets_the_clock_go_on_and_never_back(qtbot, ws, ctx_for) -> None:
    from datetime import timedelta

    from ui.simulation import SimulationRunner

    real = [ws.clock()]
    ws.clock = lambda: real[0]  # a controllable real clock
    runner = SimulationRunner(ctx_for("leader"))
    runner._offset = timedelta(minutes=10)  # as after running ahead at 60×
    first = runner.now()
    real[0] += timedelta(minutes=1)  # paused: time goes on at normal speed
    assert runner.now() == first + timedelta(minutes=1)
    runner._publish("", real[0])  # a late advance result cannot pull the clock back
    assert runner.now() == first + timedelta(minutes=1)


def _demo_database(ws, autostart: str | None) -> None:
    from workstation.persistence.tables import SettingRow

    with ws.write_session() as s:
        s.merge(SettingRow(key="demo", value="1"))
        if autostart is not None:
            s.merge(SettingRow(key="demo_autostart", value=autostart))
    ws.invalidate_reference()


def _window(qtbot, ctx_for, qsettings):
    from ui.main_window import MainWindow

    window = MainWindow(ctx_for("dispatcher"), qsettings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


def _close(qtbot, window) -> None:
    runner = window.simulation
    window.close()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert not runner.running


@pytest.mark.parametrize("stored", [None, "1"])
def test_a_demo_window_starts_the_simulation_by_itself(qtbot, ws, ops, ctx_for, qsettings,
                                                       stored) -> None:  # fmt: skip
    _demo_database(ws, stored)  # absent: on (the default of a demo database)
    window = _window(qtbot, ctx_for, qsettings)
    runner = window.simulation
    assert runner is not None
    qtbot.waitUntil(lambda: runner.running, timeout=10_000)
    switch = window.findChild(QToolButton, "simulationSwitch")
    assert switch is not None
    assert switch.isVisible()
    assert switch.isChecked()
    assert switch.text() == "模拟运行中"
    run = window.findChild(QAction, "simulationRun")
    assert run.isChecked()
    qtbot.waitUntil(lambda: runner.stats_text.startswith("位置 "), timeout=20_000)
    _close(qtbot, window)
    assert ws.demo_autostart()  # closing the window is no "pause": still on next time


def test_a_paused_demo_stays_paused_and_the_switch_remembers(qtbot, ws, ops, ctx_for,
                                                              qsettings) -> None:  # fmt: skip
    _demo_database(ws, "0")
    window = _window(qtbot, ctx_for, qsettings)
    runner = window.simulation
    assert ops.wait_for_done(10_000)  # the setting was read
    assert not runner.running
    switch = window.findChild(QToolButton, "simulationSwitch")
    assert not switch.isChecked()
    assert switch.text() == "模拟已暂停"

    with qtbot.waitSignal(runner.running_changed) as started:
        switch.click()
    assert started.args == [True]
    assert switch.text() == "模拟运行中"
    qtbot.waitUntil(lambda: ws.demo_autostart(), timeout=10_000)

    run = window.findChild(QAction, "simulationRun")
    with qtbot.waitSignal(runner.running_changed) as stopped:
        run.trigger()  # the 视图 → 演示 menu's switch does the same
    assert stopped.args == [False]
    assert not switch.isChecked()
    assert switch.text() == "模拟已暂停"
    qtbot.waitUntil(lambda: not ws.demo_autostart(), timeout=10_000)
    _close(qtbot, window)


def test_a_demo_window_on_a_database_that_is_no_demo_does_not_start(
    qtbot, ws, ops, ctx_for, qsettings
) -> None:
    window = _window(qtbot, ctx_for, qsettings)  # the test world: demo mode, no demo data
    assert ops.wait_for_done(10_000)
    assert window.simulation is not None
    assert not window.simulation.running
    _close(qtbot, window)
