"""Runs the field simulator inside the GUI for demo mode, on workers, never on the GUI thread.

A `QTimer` ticks every second of real time; each tick advances the simulator by speed × the
real seconds since the last advance, in whole 30-second simulator steps (the remainder
carries over), through `Operations`: at most one advance in flight, and ticks that find one
running are skipped, their time covered by the next. The simulator is built on a worker
too: it loads the whole grid.

Time: the simulator starts at the workstation's clock and then runs at its own speed, so at
10× or 60× it runs ahead of the wall clock. `now()` is the simulated time (thread-safe; it
moves in 30-second steps and pauses while the simulation is stopped). In demo mode the main
window can let the whole workstation follow it (`ctx.ws.clock = runner.now`), so that the
dispatchers' actions, case ages and the supervisor board agree with the simulated field.

On a demo database the simulation starts by itself (`start_if_remembered`): the demo is
alive when the window opens. The run/pause switch — the 视图 → 演示 menu's checkable action
and the status bar's button (`create_switch`) — remembers what the user chose in the
database (`demo_autostart`), so a demo paused on purpose stays paused at the next start.
Stops that the user did not ask for (an error, closing the window) are not remembered.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QToolButton, QWidget

from ui.context import AppContext
from ui.operations import weak_callback
from workstation.adapters.simulator import FieldSimulator, SimStats, SimulatorOptions
from workstation.domain.errors import DomainError

SPEEDS = (1.0, 10.0, 60.0)
# Real seconds one advance may cover at most. When the database cannot keep up with the
# chosen speed the field runs slower than asked instead of piling up ever bigger advances.
MAX_CATCH_UP_SECONDS = 5.0


class _Halted(Exception):
    """Raised between simulator steps when the runner was stopped meanwhile."""


class SimulationRunner(QObject):
    running_changed = Signal(bool)
    stats_changed = Signal(str)  # SimStats.describe()
    speed_changed = Signal(float)
    time_changed = Signal(object)  # datetime: the simulated clock after an advance
    error = Signal(str)  # in Chinese, for the status bar; the runner has stopped

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *,
                 options: SimulatorOptions | None = None,
                 interval_ms: int = 1000) -> None:  # fmt: skip
        super().__init__(parent)
        self._ctx = ctx
        # Captured once: the main window may later point ws.clock at self.now.
        self._base_clock: Callable[[], datetime] = ctx.ws.clock
        self._options = options or SimulatorOptions()
        self._sim: FieldSimulator | None = None
        self._running = False
        self._building = False
        self._advancing = False
        self._speed = SPEEDS[0]
        self._halt = threading.Event()
        self._since_advance = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last_stats = ""
        self._carry = 0.0  # simulated seconds owed to the next advance (less than a step)
        self._offset = timedelta(0)  # how far simulated time is ahead of the real clock

    # -- state -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    @property
    def busy(self) -> bool:
        """A build or an advance is still running on a worker."""
        return self._building or self._advancing

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def stats_text(self) -> str:
        return self._last_stats

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    def now(self) -> datetime:
        """The workstation's time in demo mode: the real clock plus however far the
        simulation has run ahead. Paused, it goes on at normal speed (actions taken
        meanwhile get their own times); it never runs backwards."""
        return self._base_clock() + self._offset

    # -- control (QAction-friendly) --------------------------------------------------------

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._halt.clear()
        self.running_changed.emit(True)
        if self._sim is None:
            self._build()
        else:
            self._resume()

    def stop(self) -> None:
        """Stop ticking; an advance in flight ends after its current 30-second step."""
        if not self._running:
            return
        self._running = False
        self._timer.stop()
        self._halt.set()
        self.running_changed.emit(False)

    def toggle(self) -> None:
        if self._running:
            self.stop()
        else:
            self.start()

    def set_running(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.stop()

    def switch(self, on: bool) -> None:
        """The user's run/pause switch: start or stop, and remember it for the next start."""
        self.set_running(on)
        ws = self._ctx.ws
        self._ctx.ops.run(lambda: ws.set_demo_autostart(on), description="remember simulation")

    def start_if_remembered(self) -> None:
        """Start by itself on a demo database unless the switch was left paused."""
        self._ctx.ops.run(self._ctx.ws.demo_autostart, weak_callback(self._autostart),
                          description="read simulation autostart")  # fmt: skip

    def _autostart(self, on: bool) -> None:
        if on:
            self.start()

    def create_switch(self, parent: QWidget) -> QToolButton:
        """The status bar's switch: "模拟运行中" / "模拟已暂停"; a click pauses or resumes."""
        button = QToolButton(parent)
        button.setObjectName("simulationSwitch")
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolTip(self.tr("点击暂停或继续外业模拟（下次启动时保持此状态）"))

        def show(on: bool) -> None:
            button.setChecked(on)
            button.setText(self.tr("模拟运行中") if on else self.tr("模拟已暂停"))

        show(self._running)
        button.clicked.connect(self.switch)
        self.running_changed.connect(show)
        return button

    def set_speed(self, speed: float) -> None:
        """Simulated seconds per real second (1×, 10×, 60× in the menu; any positive value)."""
        speed = float(speed)
        if not math.isfinite(speed) or speed <= 0:
            raise ValueError(self.tr("倍速必须是正数"))
        if speed != self._speed:
            self._speed = speed
            self.speed_changed.emit(speed)

    def create_actions(self, parent: QObject) -> list[QAction]:
        """Menu actions for 视图/演示: a checkable start/stop and the exclusive speeds."""
        run = QAction(self.tr("运行外业模拟"), parent)
        run.setObjectName("simulationRun")
        run.setCheckable(True)
        run.setChecked(self._running)
        run.setStatusTip(self.tr("监督员巡查、上报、核实核查，处置单位反馈（演示模式）"))
        run.triggered.connect(self.switch)
        self.running_changed.connect(run.setChecked)
        separator = QAction(parent)
        separator.setSeparator(True)
        group = QActionGroup(parent)
        group.setExclusive(True)
        actions = [run, separator]
        by_speed: dict[float, QAction] = {}
        for speed in SPEEDS:
            label = self.tr("实时（1×）") if speed == 1 else \
                self.tr("%1 倍速").replace("%1", f"{speed:g}")  # fmt: skip
            action = QAction(label, parent)
            action.setObjectName(f"simulationSpeed{speed:g}")
            action.setCheckable(True)
            action.setChecked(speed == self._speed)
            action.triggered.connect(lambda _=False, s=speed: self.set_speed(s))
            group.addAction(action)
            by_speed[speed] = action
            actions.append(action)

        def follow(speed: float) -> None:
            action = by_speed.get(speed)
            if action is not None:
                action.setChecked(True)

        self.speed_changed.connect(follow)
        return actions

    # -- work on workers -------------------------------------------------------------------

    def _build(self) -> None:
        if self._building:
            return
        self._building = True
        ws, options, start = self._ctx.ws, self._options, self._base_clock()
        missing = self.tr("数据库中没有网格和监督员，请先生成演示数据")

        def build() -> FieldSimulator:
            if not ws.has_grid() or not ws.reference.supervisors:
                raise DomainError(missing)
            return FieldSimulator(ws, options, start=start)

        self._ctx.ops.run(build, weak_callback(self._built), weak_callback(self._build_failed),
                          description="build field simulator")  # fmt: skip

    def _built(self, sim: FieldSimulator) -> None:
        self._building = False
        self._sim = sim
        self._publish(self._describe(sim.stats), sim.now)
        if self._running:
            self._resume()

    def _build_failed(self, message: str, exc: BaseException) -> None:
        self._building = False
        self._fail(self.tr("无法启动外业模拟：%1").replace("%1", message))

    def _resume(self) -> None:
        sim = self._sim
        if sim is not None:  # no advance is in flight here: the simulator is ours
            sim.now = max(sim.now, self.now().replace(microsecond=0))
        self._since_advance.start()
        self._timer.start()

    def _tick(self) -> None:
        sim = self._sim
        if not self._running or sim is None or self._advancing:
            return  # skipped: the running advance's successor covers this time
        real = min(self._since_advance.restart() / 1000.0, MAX_CATCH_UP_SECONDS)
        # Advance in whole simulator steps (its fix interval, 30 s): FieldSimulator.advance
        # moves the walkers a full step's distance even for a shorter remainder, so 1-second
        # advances at 1× would make them walk 30 times too fast. The rest carries over.
        self._carry += real * self._speed
        step = self._options.fix_interval.total_seconds()
        seconds = step * int(self._carry // step)
        if seconds <= 0:
            return
        self._carry -= seconds
        self._advancing = True
        halt = self._halt

        def check(_: datetime) -> None:
            if halt.is_set():
                raise _Halted

        def advance() -> tuple[str, datetime]:
            with contextlib.suppress(_Halted):  # stopped meanwhile: keep the steps done
                sim.advance(seconds, check)
            return self._describe(sim.stats), sim.now

        self._ctx.ops.run(
            advance,
            weak_callback(self._advanced),
            weak_callback(self._advance_failed),
            description="advance field simulator",
        )

    def _advanced(self, result: tuple[str, datetime]) -> None:
        self._advancing = False
        self._publish(*result)

    def _advance_failed(self, message: str, exc: BaseException) -> None:
        self._advancing = False
        self._fail(self.tr("外业模拟出错，已停止：%1").replace("%1", message))

    def _describe(self, stats: SimStats) -> str:
        """The simulation's counts in the interface's language (the CLI prints the core's)."""
        text = self.tr("位置 %1 次，上报 %2 件，核实 %3 件，核查通过 %4 件、不通过 %5 件，"
                       "处置反馈 %6 件，回退/延期申请 %7 件")  # fmt: skip
        counts = (stats.fixes, stats.reports, stats.verifications, stats.checks_passed,
                  stats.checks_failed, stats.feedbacks, stats.requests)  # fmt: skip
        for i, n in reversed(list(enumerate(counts, start=1))):  # %7 before %1…
            text = text.replace(f"%{i}", str(n))
        return text

    def _publish(self, stats: str, now: datetime) -> None:
        self._offset = max(self._offset, now - self._base_clock())
        self._last_stats = stats
        self.stats_changed.emit(stats)
        self.time_changed.emit(now)

    def _fail(self, message: str) -> None:
        self.stop()
        self.error.emit(message)
