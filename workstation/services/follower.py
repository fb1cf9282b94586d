"""Following the change feed on a thread of its own, for any client: a console, a wall, a
benchmark's process. The GUI only receives what it delivers.

It reads the feed (`services.feed`) every `interval` seconds and, on PostgreSQL, also as
soon as a NOTIFY arrives (a second thread holds a LISTEN connection), so a shared centre
sees a change at once without polling harder. The cursor moves on only after `deliver`
returned: a batch that could not be read or delivered is read again, so an outage costs
time, never a change. An outage is logged once with its cause (and told to `on_status`),
not at every retry; retries slow down to `max_interval`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

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
                 on_status: StatusCallback | None = None, listen_url: str | None = None,
                 interval: float = 0.4, max_interval: float = 5.0,
                 name: str = "feed") -> None:  # fmt: skip
        self._read = read
        self._start_at = start_at
        self._deliver = deliver
        self._on_status = on_status
        self._listen_url = listen_url
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
        if self._listen_url is not None:
            self._threads.append(threading.Thread(target=self._listen, name=f"{self._name}-listen",
                                                  daemon=True))  # fmt: skip
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
        while not self._stop.is_set():
            ok = self.poll_once()
            delay = self._interval if ok else min(max(delay, self._interval) * 2,
                                                  self._max_interval)  # fmt: skip
            self._wake.wait(delay)
            self._wake.clear()

    def _listen(self) -> None:
        """LISTEN workstation_changes (the trigger of migration 0002 sends it at commit)."""
        import psycopg
        from sqlalchemy.engine import make_url

        assert self._listen_url is not None
        url = make_url(self._listen_url).set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        failing = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute("LISTEN workstation_changes")
                    if failing:
                        log.info("LISTEN connection restored")
                        failing = False
                    self._wake.set()  # anything sent while it was down
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            self._wake.set()
            except Exception as exc:  # the poll still runs; retry the listener quietly
                if not failing:
                    failing = True
                    log.info("LISTEN connection failed (%s); retrying", first_line(exc))
                self._stop.wait(2.0)
