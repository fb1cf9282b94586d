"""The one way the UI calls services: work on a worker thread, results on the GUI thread.

Threading rules (the whole UI follows them):
- widgets are touched only on the GUI thread;
- every database or network call goes through `Operations.run`: the function runs on a
  `QThreadPool` worker, opens its own session (the `Workstation` services do), and returns
  frozen dataclasses; success and failure callbacks are delivered on the GUI thread;
- nothing waits: no `processEvents()` loops, no nested event loops, no blocking joins
  (except a bounded wait at shutdown).
qasync is kept for what is naturally asyncio (HTTP with httpx, the change-feed listener).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workstation.domain.errors import DomainError

log = logging.getLogger("ui.operations")

SuccessCallback = Callable[[Any], None]
ErrorCallback = Callable[[str, BaseException], None]


class _Signals(QObject):
    # Created on the GUI thread, so emissions from the worker are queued to the GUI thread.
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        # Objects must die on the thread that owns them: the function (a closure that may
        # hold the last reference to a widget) is also held by `Operations` on the GUI
        # thread, and this worker drops its own reference before reporting, so the final
        # release always happens on the GUI thread.
        fn, self._fn = self._fn, _released
        try:
            result = fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            del fn
            # The traceback is rendered here and the live one dropped: it references this
            # runnable's frames, which Qt deletes once run() returns.
            exc.details = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.failed.emit(exc.with_traceback(None))
        else:
            del fn
            self._signals.succeeded.emit(result)


def _released() -> None:
    raise RuntimeError("a background task runs only once")


def user_message(exc: BaseException) -> str:
    """What to tell the dispatcher: the domain's own sentence, or a plain database message."""
    if isinstance(exc, DomainError):
        return str(exc)
    if isinstance(exc, ValueError):
        return str(exc)
    from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

    if isinstance(exc, OperationalError | DBAPIError) and exc.connection_invalidated:
        return "与数据库的连接已断开，正在重试；请稍后再试"
    if isinstance(exc, SQLAlchemyError):
        first = str(getattr(exc, "orig", exc)).strip().splitlines()
        return f"数据库错误：{first[0] if first else type(exc).__name__}"
    return f"内部错误：{type(exc).__name__}: {exc}"


class Operations(QObject):
    """Runs service calls in the background; at most a few at once, each on its own session."""

    busy_changed = Signal(bool)
    error = Signal(str)  # a failure nobody handled: the main window shows it

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[_Signals] = set()
        self._functions: dict[_Signals, Callable[[], Any]] = {}

    @property
    def running(self) -> int:
        return len(self._running)

    def run(
        self,
        fn: Callable[[], Any],
        on_success: SuccessCallback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        description: str = "",
    ) -> None:
        signals = _Signals(self)  # kept alive (and parented) until the task reports back
        self._running.add(signals)
        self._functions[signals] = fn  # released on the GUI thread, see _Task.run
        if len(self._running) == 1:
            self.busy_changed.emit(True)

        def finish() -> None:
            self._running.discard(signals)
            self._functions.pop(signals, None)
            signals.deleteLater()
            if not self._running:
                self.busy_changed.emit(False)

        def succeeded(result: Any) -> None:
            finish()
            if on_success is not None:
                on_success(result)

        def failed(exc: BaseException) -> None:
            finish()
            message = user_message(exc)
            if isinstance(exc, DomainError):
                log.info("%s: %s", description or "operation", message)
            else:
                details = getattr(exc, "details", "")
                log.error("%s failed: %s\n%s", description or "operation", exc, details)
            if on_error is not None:
                on_error(message, exc)
            else:
                self.error.emit(message)

        signals.succeeded.connect(succeeded)
        signals.failed.connect(failed)
        self._pool.start(_Task(fn, signals))

    def wait_for_done(self, msecs: int = 5000) -> bool:
        """Used at shutdown only, so that no worker outlives the database engine."""
        return bool(self._pool.waitForDone(msecs))
