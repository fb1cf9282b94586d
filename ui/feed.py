"""The change feed, told to the panels: the core's follower (`services.follower`) reads the
feed on its own thread and, there too, the changed cases as this account may see them;
this object hands the results to the GUI thread as signals.

SQLite: a cheap poll (one indexed query) every `interval_ms`. PostgreSQL: the same poll,
plus a LISTEN connection that wakes it at once on NOTIFY.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal, Slot

from ui.operations import user_message
from workstation.bootstrap import Workstation
from workstation.domain.roles import Actor
from workstation.services.dto import CaseSummary
from workstation.services.feed import ChangeBatch, FeedCursor


class ChangeFollower(QObject):
    cases_changed = Signal(list)  # list[CaseSummary]: changed or new cases (actor-visible)
    cases_hidden = Signal(list)  # list[int]: changed cases the actor may no longer see
    reload_needed = Signal()  # too much changed: reload views from scratch
    reference_changed = Signal()  # catalog, units, grid … changed
    topics_changed = Signal(frozenset)  # every topic of a batch (supervisor positions …)
    connection_lost = Signal(str)
    connection_restored = Signal()
    # From the follower's thread (queued to this object's, the GUI thread):
    _delivered = Signal(object, list)  # ChangeBatch, list[CaseSummary]
    _status = Signal(object)  # the outage's cause, or None when restored

    def __init__(self, ws: Workstation, actor: Actor | None = None,
                 interval_ms: int = 400, parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._ws = ws
        self._actor = actor
        self._running = False
        self._follower = ws.follower(self._read_cases, on_status=self._status.emit,
                                     interval=interval_ms / 1000, name="console-feed")  # fmt: skip
        self._delivered.connect(self._on_delivered)
        self._status.connect(self._on_status)

    @property
    def cursor(self) -> FeedCursor | None:
        return self._follower.cursor

    @property
    def last_good(self) -> datetime | None:
        """When the feed last answered (local time): the views are at least that fresh."""
        stamp = self._follower.last_good
        return None if stamp is None else datetime.fromtimestamp(stamp)

    def start(self, cursor: FeedCursor | None = None) -> None:
        """Follow changes after ``cursor`` (default: the current end of the feed)."""
        self._running = True
        self._follower.start(cursor)

    def stop(self) -> None:
        self._running = False
        self._follower.stop()

    def poll(self) -> None:
        """Read now instead of at the next tick."""
        self._follower.wake()

    def _read_cases(self, batch: ChangeBatch) -> None:
        """On the follower's thread: the changed cases as this account sees them. An error
        here is an outage like any other: the batch is read again later."""
        rows = [] if batch.truncated or not batch.case_ids else \
            self._ws.cases_by_ids(batch.case_ids, self._actor)  # fmt: skip
        self._delivered.emit(batch, rows)

    @Slot(object, list)
    def _on_delivered(self, batch: ChangeBatch, rows: list[CaseSummary]) -> None:
        if not self._running:
            return  # stopped while the batch was on its way (the window is closing)
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

    @Slot(object)
    def _on_status(self, cause: BaseException | None) -> None:
        if not self._running:
            return
        if cause is None:
            self.connection_restored.emit()
        else:
            self.connection_lost.emit(user_message(cause))
