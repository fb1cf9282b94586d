"""Following the change feed on a thread of its own, for any client: a console, a wall, a
benchmark's process. The GUI only receives what it delivers.

It reads the feed (`services.feed`) every `interval` seconds and, on PostgreSQL, also as
soon as a NOTIFY arrives, so a shared centre sees a change at once without polling
harder. On PostgreSQL one connection of its own does both, LISTEN and the reads (in
autocommit, so notifications arrive between them): a wall needs one connection, a
console one beside its pool — 60 followers with two each had exceeded the server's
default 100. The cursor moves on only after `deliver`
returned: a batch that could not be read or delivered is read again, so an outage costs
time, never a change. An outage is logged once with its cause (and told to `on_status`),
not at every retry; retries slow down to `max_interval`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from workstation.services import feed
from workstation.services.feed import ChangeBatch, FeedCursor

log = logging.getLogger("workstation.feed")

StatusCallback = Callable[[BaseException | None], None]  # the outage's cause, None: restored


def first_line(exc: BaseException) -> str:
    """An error's cause in one line (a driver's message without its SQL and hints)."""
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


class FeedFollower:
    def __init__(self, read: Callable[[FeedCursor], ChangeBatch],
                 start_at: Callable[[], FeedCursor],
                 deliver: Callable[[ChangeBatch], None], *,
                 on_status: StatusCallback | None = None, listen: Engine | None = None,
                 interval: float = 0.4, max_interval: float = 5.0,
                 name: str = "feed") -> None:  # fmt: skip
        """``read``/``start_at``: the feed through the client's sessions (SQLite);
        ``listen``: a PostgreSQL engine of one connection, which then serves both."""
        self._listen_engine = listen
        self._conn: Connection | None = None
        self._read = read if listen is None else self._read_listening
        self._start_at = start_at if listen is None else self._start_listening
        self._deliver = deliver
        self._on_status = on_status
        self._interval = interval
        self._max_interval = max_interval
        self._name = name
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._cursor: FeedCursor | None = None
        self._failing = False
        self._last_good: float | None = None  # time.time() of the last read that worked

    @property
    def cursor(self) -> FeedCursor | None:
        """Where the follower is (None until its first read)."""
        return self._cursor

    @property
    def failing(self) -> bool:
        return self._failing

    @property
    def last_good(self) -> float | None:
        """When the feed last answered (seconds since the epoch): what a view shows is at
        least that fresh."""
        return self._last_good

    def start(self, cursor: FeedCursor | None = None) -> None:
        """Follow the changes after ``cursor`` (default: the feed's end when it starts)."""
        self._cursor = cursor
        self._stop.clear()
        self._threads = [threading.Thread(target=self._run, name=f"{self._name}-poll",
                                          daemon=True)]  # fmt: skip
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        """Stop and wait (bounded) for the threads: nothing is delivered afterwards."""
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout)
        self._threads = []

    def wake(self) -> None:
        """Read now (a NOTIFY arrived, or a client knows something changed)."""
        self._wake.set()

    def poll_once(self) -> bool:
        """One read and delivery; False when it failed (the outage is reported)."""
        try:
            if self._cursor is None:
                self._cursor = self._start_at()
            else:
                batch = self._read(self._cursor)
                if not batch.empty:
                    self._deliver(batch)
                self._cursor = batch.cursor
        except Exception as exc:  # a database gone away, a deliver that could not read
            if self._stop.is_set():
                return False
            if not self._failing:
                self._failing = True
                log.warning("change feed unavailable: %s", first_line(exc))
                log.debug("change feed error", exc_info=True)
                self._status(exc)
            return False
        self._last_good = time.time()
        if self._failing:
            self._failing = False
            log.info("change feed available again")
            self._status(None)
        return True

    def _status(self, exc: BaseException | None) -> None:
        if self._on_status is not None:
            try:
                self._on_status(exc)
            except Exception:  # a client's callback must not stop the follower
                log.exception("change feed status callback failed")

    def _run(self) -> None:
        delay = self._interval
        try:
            while not self._stop.is_set():
                ok = self.poll_once()
                delay = self._interval if ok else min(max(delay, self._interval) * 2,
                                                      self._max_interval)  # fmt: skip
                if not ok:
                    self._drop_connection()
                self._wait(delay)
        finally:
            self._drop_connection()

    def _wait(self, delay: float) -> None:
        """Until the next read: ``delay``, a wake(), or (PostgreSQL) a NOTIFY."""
        conn = self._conn
        if conn is None:
            self._wake.wait(delay)
        else:
            try:
                raw = conn.connection.driver_connection
                for _ in raw.notifies(timeout=delay, stop_after=1):  # type: ignore[union-attr]
                    pass
            except Exception:  # the connection broke: the next read says how
                self._drop_connection()
        self._wake.clear()

    # -- PostgreSQL: one connection for LISTEN and the reads ------------------------------

    def _listening(self) -> Connection:
        if self._conn is None:
            assert self._listen_engine is not None
            conn = self._listen_engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql("LISTEN workstation_changes")
            self._conn = conn
        return self._conn

    def _read_listening(self, cursor: FeedCursor) -> ChangeBatch:
        with Session(bind=self._listening()) as session:
            return feed.changes_since(session, cursor)

    def _start_listening(self) -> FeedCursor:
        with Session(bind=self._listening()) as session:
            return feed.feed_cursor(session)

    def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.invalidate()  # a broken connection must not go back to the pool
                conn.close()
            except Exception:  # already gone with the server
                log.debug("closing the feed connection", exc_info=True)

    def dispose(self) -> None:
        """Stop, and close the follower's own connection pool (PostgreSQL)."""
        self.stop()
        if self._listen_engine is not None:
            self._listen_engine.dispose()
