"""Feeds the calendar screen from the services in the background, and carries a change
through the affected-cases rule: impact first, then apply as the administrator chose.

Every call goes through `Operations` (never on the GUI thread). The flow of a change:
`propose(change)` → `calendar_impact` on a worker → no case affected: `apply(change, None)`
at once; some affected: `impact_ready(impact)` and the screen asks → `apply(change, True /
False)` or `cancel()`. `applied(result)` follows a write; `failed(message)` any error, in
the services' own Chinese sentence. `busy_changed(text)` says what is running ("" idle).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.context import AppContext
from ui.operations import weak_callback
from workstation.adapters.calendar_csv import read_schedule_file
from workstation.services.calendar_admin import (
    CalendarChange,
    CalendarChangeResult,
    CalendarImpact,
    DayChange,
    YearView,
    schedule_import,
)


class CalendarController(QObject):
    year_loaded = Signal(object)  # YearView
    impact_ready = Signal(object)  # CalendarImpact with count > 0: the administrator decides
    applied = Signal(object)  # CalendarChangeResult
    failed = Signal(str)
    busy_changed = Signal(str)  # what runs now; "" when idle
    progress_changed = Signal(int, int)  # open cases re-derived so far, of how many

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._load_seq = 0
        self._busy = ""

    @property
    def busy(self) -> str:
        return self._busy

    def _set_busy(self, text: str) -> None:
        if text != self._busy:
            self._busy = text
            self.busy_changed.emit(text)

    def _run(self, fn: Callable[[], Any], done: Callable[..., None], description: str,
             *context: Any) -> None:  # fmt: skip
        """``done(result, *context)`` on the GUI thread; dropped if this object is gone."""
        on_done = weak_callback(done)
        self._ctx.ops.run(fn, lambda result: on_done(result, *context),
                          weak_callback(self._failed), description=description)  # fmt: skip

    def _run_reporting(self, fn: Callable[[Callable[[int, int], None]], Any],
                       done: Callable[[Any], None], description: str) -> None:  # fmt: skip
        self._ctx.ops.run_with_progress(fn, self.progress_changed.emit, weak_callback(done),
                                        weak_callback(self._failed), description=description,
                                        owner=self)  # fmt: skip

    def _failed(self, message: str, exc: BaseException) -> None:
        self._set_busy("")
        self.failed.emit(message)

    # -- reading -------------------------------------------------------------------------

    def load(self, year: int) -> None:
        """Read ``year``; an answer for a year asked before the last one is dropped."""
        self._load_seq += 1
        ws = self._ctx.ws
        if not self._busy:
            self._set_busy(self.tr("正在加载 %1 年…").replace("%1", str(year)))
        self._run(lambda: ws.calendar_year(year), self._loaded, f"load calendar {year}",
                  self._load_seq)  # fmt: skip

    def _loaded(self, view: YearView, seq: int) -> None:
        if seq == self._load_seq:
            self._set_busy("")
            self.year_loaded.emit(view)

    # -- changing ------------------------------------------------------------------------

    def propose(self, change: CalendarChange) -> None:
        """Find the cases the change moves; write at once only when there are none."""
        ws = self._ctx.ws
        self._set_busy(self.tr("正在计算受影响的案件…"))
        self._run_reporting(lambda report: ws.calendar_impact(change, report), self._checked,
                            "calendar impact")  # fmt: skip

    def _checked(self, found: CalendarImpact) -> None:
        if found.count == 0:
            self.apply(found.change, None)
        else:
            self._set_busy(self.tr("请选择如何处理受影响案件的期限…"))
            self.impact_ready.emit(found)

    def apply(self, change: CalendarChange, recompute: bool | None) -> None:
        """Write the change; recompute (True) or keep (False) the moved deadlines.

        None is only for a change that moves nothing (the service refuses it otherwise,
        e.g. when a case was dispatched between the impact and now)."""
        ws, actor = self._ctx.ws, self._ctx.actor
        self._set_busy(self.tr("正在保存…"))
        self._run_reporting(
            lambda report: ws.change_calendar(actor, change, recompute=recompute,
                                              progress=report),
            self._written, "change calendar",
        )  # fmt: skip

    def _written(self, result: CalendarChangeResult) -> None:
        self._set_busy("")
        self.applied.emit(result)

    def cancel(self) -> None:
        """The administrator cancelled at the impact dialog: nothing was written."""
        self._set_busy("")

    def import_file(self, path: str | Path) -> None:
        """Read a ``date,kind,note`` schedule (on a worker: it is file I/O), then propose it."""
        self._set_busy(self.tr("正在读取调休表…"))
        self._run(lambda: read_schedule_file(path), self._read, "read schedule file")

    def _read(self, days: tuple[DayChange, ...]) -> None:
        self.propose(schedule_import(days))
