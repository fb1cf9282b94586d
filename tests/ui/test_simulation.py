"""The in-process field simulator of the GUI's demo mode: ticks, fixes, speeds, errors."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QObject

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
