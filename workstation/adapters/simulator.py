"""Field simulator for demo and training: supervisors patrol, report and check; units work.

It plays only the field — the 30 supervisors and the handling units — and goes only
through the services (no SQL of its own), so everything it does is audited like a
person's action. The centre (filing, dispatching, sending checks) stays with the people at
the workstations. Time is simulated: `advance(seconds)` moves the simulated clock and
performs everything due until then, at that simulated time.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from workstation.adapters.images import placeholder_photo
from workstation.domain.errors import DomainError
from workstation.domain.grid import CHENGGONG_PROJECTION
from workstation.domain.roles import Actor
from workstation.domain.roster import on_duty

log = logging.getLogger("workstation.simulator")

# (category, weight, description) — the everyday mix of a Chinese city-management centre.
REPORT_MIX: tuple[tuple[str, float, str], ...] = (
    ("E0102", 18, "路边暴露垃圾，需及时清运"),
    ("E0201", 14, "墙面、电杆张贴小广告"),
    ("E0504", 10, "商户店外占道经营"),
    ("E0505", 9, "机动车乱停放，占用人行道"),
    ("E0507", 8, "人行道乱堆物料"),
    ("E0306", 5, "道路路面破损，有坑洼"),
    ("E0103", 4, "积存垃圾渣土未清运"),
    ("E0302", 3, "工地扬尘，未覆盖防尘网"),
    ("C0102", 4, "污水井盖破损，存在安全隐患"),
    ("C0103", 3, "雨水井盖缺失"),
    ("C0118", 4, "路灯不亮"),
    ("C0305", 4, "垃圾箱破损、满溢"),
    ("C0211", 3, "交通护栏倒伏"),
    ("C0402", 3, "行道树倒伏、枯死"),
    ("E0404", 1, "下水道堵塞，污水外溢"),
    ("E0401", 0.5, "路面塌陷，需紧急处置"),
)
WALK_SPEED = 1.3  # m/s: patrolling on foot or by e-bike between stops
# The night team (domain.roster) reports less per person: fewer people and shops about.
NIGHT_REPORT_FACTOR = 0.3
# A demo database's last positions (its supervisors' last fixes) younger than this are
# where the simulation's walkers start, so the map does not jump when it starts.
RESUME_FIX_AGE = timedelta(minutes=15)


@dataclass(frozen=True)
class SimulatorOptions:
    seed: int = 1
    fix_interval: timedelta = timedelta(seconds=30)
    reports_per_hour: float = 30.0  # all supervisors together, during patrol hours
    # The day shift: everyone is out 08:00–19:00; the night team (domain.roster) outside.
    patrol_hours: tuple[int, int] = (8, 19)
    self_handled_share: float = 0.03  # 先行处置: fixed on the spot, reported with a photo
    verify_minutes: tuple[float, float] = (10, 60)
    check_minutes: tuple[float, float] = (15, 90)
    verify_confirm_rate: float = 0.9
    check_pass_rate: float = 0.88
    unit_late_share: float = 0.1  # units finishing after the deadline
    return_share: float = 0.03
    extension_share: float = 0.04
    photos: bool = True


@dataclass
class SimStats:
    fixes: int = 0
    reports: int = 0
    verifications: int = 0
    checks_passed: int = 0
    checks_failed: int = 0
    feedbacks: int = 0
    requests: int = 0
    refused: int = 0  # actions the services refused (someone was faster): expected, logged
    touched: set[int] = field(default_factory=set)

    def describe(self) -> str:
        return (
            f"位置 {self.fixes} 次，上报 {self.reports} 件，核实 {self.verifications} 件，"
            f"核查通过 {self.checks_passed} 件、不通过 {self.checks_failed} 件，"
            f"处置反馈 {self.feedbacks} 件，回退/延期申请 {self.requests} 件"
        )


@dataclass
class _Walker:
    actor: Actor
    cells: tuple[str, ...]
    x: float
    y: float
    target: tuple[float, float]
    next_fix: datetime


class FieldSimulator:
    """Plays the field against a `Workstation`; deterministic for a seed and start time."""

    def __init__(self, ws: Any, options: SimulatorOptions | None = None,
                 start: datetime | None = None) -> None:  # fmt: skip
        self.ws = ws
        self.options = options or SimulatorOptions()
        self.now = (start or ws.clock()).replace(microsecond=0)
        self.rng = random.Random(self.options.seed)
        self.stats = SimStats()
        ref = ws.reference
        self._grid = ref.grid
        self._projection = CHENGGONG_PROJECTION
        self._categories = [c for c, _, _ in REPORT_MIX if c in ref.catalog]
        self._weights = [w for c, w, _ in REPORT_MIX if c in ref.catalog]
        self._texts = {c: text for c, _, text in REPORT_MIX}
        self._walkers: list[_Walker] = []
        for username, supervisor in sorted(ref.supervisors.items()):
            cells = tuple(c for c in supervisor.patrol_cells if c in ref.cells)
            if not cells:
                continue
            x, y = self._point_in(self.rng.choice(cells))
            self._walkers.append(_Walker(
                ws.actor(username), cells, x, y, self._point_in(self.rng.choice(cells)),
                self.now + timedelta(seconds=self.rng.uniform(0, 30))))  # fmt: skip
        self._resume_positions()
        self._units = {u.lower(): ws.actor(u.lower()) for u in ref.matrix.units
                       if u.lower() in ref.accounts}  # fmt: skip
        self._due: dict[tuple[str, int], datetime] = {}  # (what, case id) → when it happens
        self._next_report = self.now + self._report_gap()

    # -- time -------------------------------------------------------------------------

    def advance(
        self, seconds: float, on_step: Callable[[datetime], None] | None = None
    ) -> SimStats:
        """Move the simulated clock forward, doing everything that falls due on the way."""
        end = self.now + timedelta(seconds=seconds)
        step = self.options.fix_interval
        while self.now < end:
            previous, self.now = self.now, min(self.now + step, end)
            self._tick((self.now - previous).total_seconds())
            if on_step is not None:
                on_step(self.now)
        return self.stats

    def _on_duty(self) -> list[_Walker]:
        """The walkers out now: everyone in the day shift, the night team by night."""
        start, stop = self.options.patrol_hours
        names = on_duty([w.actor.username for w in self._walkers], self.now,
                        (start * 3600, stop * 3600))  # fmt: skip
        if len(names) == len(self._walkers):
            return self._walkers
        out = set(names)
        return [w for w in self._walkers if w.actor.username in out]

    def _tick(self, dt: float) -> None:
        walkers = self._on_duty()
        if walkers:
            for walker in walkers:
                self._walk(walker, dt)
            # Reports come at the day's rate per person out, less by night.
            share = len(walkers) / len(self._walkers)
            if walkers is not self._walkers:
                share *= NIGHT_REPORT_FACTOR
            while self._next_report <= self.now:
                self._report(self._next_report, walkers)
                self._next_report += self._report_gap(share)
        else:
            self._next_report = max(self._next_report, self.now)
        self._field_tasks()
        self._unit_work()

    def _resume_positions(self) -> None:
        """Start each walker where its supervisor was last seen, if that was recently."""
        board = {r.username: r for r in self.ws.supervisor_board(at=self.now)}
        for walker in self._walkers:
            row = board.get(walker.actor.username)
            if row is None or row.lon is None or row.lat is None or row.last_fix_at is None:
                continue
            if timedelta(0) <= self.now - row.last_fix_at <= RESUME_FIX_AGE:
                walker.x, walker.y = self._projection.to_metres(row.lon, row.lat)

    # -- supervisors ------------------------------------------------------------------

    def _point_in(self, cell: str) -> tuple[float, float]:
        lon, lat = self._grid.random_point_in_cell(cell, self.rng)
        return self._projection.to_metres(lon, lat)

    def _walk(self, walker: _Walker, dt: float) -> None:
        tx, ty = walker.target
        dx, dy = tx - walker.x, ty - walker.y
        distance = math.hypot(dx, dy)
        travel = WALK_SPEED * dt
        if distance <= travel:
            walker.x, walker.y = tx, ty
            walker.target = self._point_in(self.rng.choice(walker.cells))
        else:
            walker.x += dx / distance * travel
            walker.y += dy / distance * travel
        if walker.next_fix <= self.now:
            lon, lat = self._projection.to_lonlat(walker.x, walker.y)
            self._do(self.ws.record_fix, walker.actor, lon, lat, at=self.now)
            self.stats.fixes += 1
            walker.next_fix = self.now + self.options.fix_interval

    def _report_gap(self, share: float = 1.0) -> timedelta:
        return timedelta(hours=self.rng.expovariate(self.options.reports_per_hour * share))

    def _report(self, at: datetime, walkers: list[_Walker]) -> None:
        walker = self.rng.choice(walkers)
        category = self.rng.choices(self._categories, self._weights)[0]
        lon, lat = self._projection.to_lonlat(walker.x, walker.y)
        cell = self._grid.locate(lon, lat)
        if cell is None:
            return
        self_handled = self.rng.random() < self.options.self_handled_share
        text = self._texts[category] + ("（已现场处置）" if self_handled else "")
        # No address: the report service names the place (road and 社区) from the point.
        case = self._do(self.ws.report, walker.actor, description=text, lon=lon, lat=lat,
                        grid_code=cell, category_code=category, self_handled=self_handled,
                        at=at)  # fmt: skip
        if case is None:
            return
        self.stats.reports += 1
        self.stats.touched.add(case.id)
        if self.options.photos:
            kind = "after" if self_handled else "before"
            photo = placeholder_photo(f"{case.case_no} {kind}", seed=case.id)
            self._do(self.ws.attach, walker.actor, case.id, filename=f"{case.case_no}.jpg",
                     data=photo, kind=kind, at=at)  # fmt: skip

    def _field_tasks(self) -> None:
        o = self.options
        for task in self.ws.field_tasks():
            key = (task.kind, task.case_id)
            minutes = o.verify_minutes if task.kind == "verify" else o.check_minutes
            due = self._due.setdefault(key, (task.since or self.now) + timedelta(
                minutes=self.rng.uniform(*minutes)))  # fmt: skip
            if due > self.now:
                continue
            del self._due[key]
            actor = self.ws.actor(task.supervisor)
            if task.kind == "verify":
                confirmed = self.rng.random() < o.verify_confirm_rate
                params: dict[str, Any] = {"confirmed": confirmed}
                if not confirmed:
                    params["reason"] = "现场核实未发现该问题"
                if self._act(actor, task.case_id, "verify", params):
                    self.stats.verifications += 1
            elif self.rng.random() < o.check_pass_rate:
                if self._act(actor, task.case_id, "check_pass", {"comment": "现场核查已处置到位"}):
                    self.stats.checks_passed += 1
            elif self._act(actor, task.case_id, "check_fail",
                           {"comment": "现场核查未处置到位，需返工"}):  # fmt: skip
                self.stats.checks_failed += 1

    # -- handling units ---------------------------------------------------------------

    def _unit_work(self) -> None:
        o = self.options
        for work in self.ws.unit_work():
            actor = self._units.get(work.unit_code.lower())
            if actor is None or work.pending_request or work.deadline is None:
                continue
            key = ("unit", work.case_id)
            if key not in self._due:
                start = work.dispatched_at or self.now
                span = max((work.deadline - start).total_seconds(), 600.0)
                late = self.rng.random() < o.unit_late_share
                share = self.rng.uniform(1.05, 1.6) if late else self.rng.uniform(0.15, 0.9)
                self._due[key] = start + timedelta(seconds=span * share)
                roll = self.rng.random()
                if roll < o.return_share:
                    self._request(actor, work.case_id, "request_return",
                                  {"reason": "不属于本单位职责范围"})  # fmt: skip
                elif roll < o.return_share + o.extension_share:
                    params = {"reason": "需采购材料，申请延期", "extra": "1 工作日"}
                    self._request(actor, work.case_id, "request_extension", params)
                continue
            if self._due[key] > self.now:
                continue
            del self._due[key]
            if self._act(actor, work.case_id, "feedback", {"result": "已按要求处置完毕"}):
                self.stats.feedbacks += 1

    def _request(self, actor: Actor, case_id: int, action: str, params: dict[str, str]) -> None:
        if self._act(actor, case_id, action, params):
            self.stats.requests += 1

    # -- plumbing ---------------------------------------------------------------------

    def _act(self, actor: Actor, case_id: int, action: str, params: dict[str, Any]) -> bool:
        done = self._do(self.ws.act, actor, case_id, action, params, at=self.now) is not None
        if done:
            self.stats.touched.add(case_id)
        return done

    def _do(self, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Perform one service call; a refusal (someone else acted first) is not an error."""
        try:
            result = call(*args, **kwargs)
        except DomainError as exc:
            self.stats.refused += 1
            log.info("simulator action refused: %s", exc)
            return None
        return True if result is None else result
