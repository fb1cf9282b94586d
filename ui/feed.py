"""Follows the database's change feed and tells the panels what changed, within a second.

SQLite: a cheap poll of the change feed (one indexed query) every `interval_ms`.
PostgreSQL: the same poll, plus a LISTEN thread that wakes it at once on NOTIFY, so a
shared centre sees changes immediately without polling harder.
Polls run through `Operations` (never on the GUI thread) and at most one at a time.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from ui.operations import Operations
from workstation.bootstrap import Workstation
from workstation.domain.roles import Actor
from workstation.services.dto import CaseSummary
from workstation.services.feed import ChangeBatch

log = logging.getLogger("ui.feed")


class ChangeFollower(QObject):
    cases_changed = Signal(list)  # list[CaseSummary]: changed or new cases (actor-visible)
    cases_hidden = Signal(list)  # list[int]: changed cases the actor may no longer see
    reload_needed = Signal()  # too much changed: reload views from scratch
    reference_changed = Signal()  # catalog, units, grid … changed
    topics_changed = Signal(frozenset)  # every topic of a batch (supervisor positions …)
    connection_lost = Signal(str)
    connection_restored = Signal()

    def __init__(self, ws: Workstation, ops: Operations, actor: Actor | None = None,
                 interval_ms: int = 400, parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._ws = ws
        self._ops = ops
        self._actor = actor
        self._last_id: int | None = None
        self._in_flight = False
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._listener: _PgListener | None = None

    @property
    def last_id(self) -> int | None:
        return self._last_id

    def start(self, from_id: int | None = None) -> None:
        """Follow changes after `from_id` (default: the current end of the feed)."""
        self._last_id = from_id
        self._timer.start()
        if self._ws.engine.dialect.name == "postgresql" and self._listener is None:
            self._listener = _PgListener(self._ws.settings.db_url)
            self._listener.notified.connect(self.poll)
            self._listener.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    def poll(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        after = self._last_id
        ws, actor = self._ws, self._actor

        def fetch() -> tuple[ChangeBatch | None, list[CaseSummary], int]:
            if after is None:
                return None, [], ws.last_change_id()
            batch = ws.changes_since(after)
            rows = [] if batch.truncated or not batch.case_ids else \
                ws.cases_by_ids(batch.case_ids, actor)  # fmt: skip
            return batch, rows, batch.last_id

        self._ops.run(fetch, self._fetched, self._failed, description="follow change feed",
                      owner=self)  # a logged-out window's follower must not report

    def _fetched(self, result: tuple[ChangeBatch | None, list[CaseSummary], int]) -> None:
        self._in_flight = False
        if not self._timer.isActive():
            return  # stopped while the poll was on its way (the window is closing)
        batch, rows, last_id = result
        self._last_id = last_id
        if self._failing:
            self._failing = False
            self.connection_restored.emit()
        if batch is None or batch.empty:
            return
        if "reference" in batch.topics:
            self._ws.invalidate_reference()
            self.reference_changed.emit()
        if batch.truncated:
            self.reload_needed.emit()
        else:
            if rows:
                self.cases_changed.emit(rows)
            # Unit staff lose sight of a case returned to the centre: say so, so that the
            # views drop it instead of showing a stale row.
            hidden = sorted(set(batch.case_ids) - {r.id for r in rows})
            if hidden:
                self.cases_hidden.emit(hidden)
        self.topics_changed.emit(batch.topics)

    def _failed(self, message: str, exc: BaseException) -> None:
        self._in_flight = False
        if not self._failing:  # say it once, not every 400 ms
            self._failing = True
            log.warning("change feed unavailable: %s", message)
            self.connection_lost.emit(message)


class _PgListener(QObject):
    """LISTEN workstation_changes on its own connection, in its own thread."""

    notified = Signal()

    def __init__(self, url: str) -> None:
        super().__init__()
        self._url = url
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pg-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)

    def _run(self) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(self._url).set(drivername="postgresql")
        while not self._stop.is_set():
            try:
                with psycopg.connect(url.render_as_string(hide_password=False),
                                     autocommit=True, connect_timeout=5) as conn:  # fmt: skip
                    conn.execute("LISTEN workstation_changes")
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            self.notified.emit()  # queued to the GUI thread
            except Exception as exc:  # the poll still runs; retry the listener quietly
                log.info("LISTEN connection failed (%s); retrying", exc)
                self._stop.wait(5)
