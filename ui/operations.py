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
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ui.labels import error_text
from workstation.domain.errors import DomainError

log = logging.getLogger("ui.operations")

SuccessCallback = Callable[[Any], None]
ProgressCallback = Callable[[int, int], None]  # (done, total)
ErrorCallback = Callable[[str, BaseException], None]


class _Signals(QObject):
    # Created on the GUI thread, so emissions from the worker are queued to the GUI thread.
    succeeded = Signal(object)
    failed = Signal(object)


class _ProgressRelay(QObject):
    # Created on the GUI thread: a worker's emissions are queued to it, in order, before
    # the task's own result (same sending thread, same receiving thread).
    progressed = Signal(int, int)


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


def weak_callback(method: Callable[..., None]) -> Callable[..., None]:
    """A callback for `Operations.run` that does not keep its widget alive, and is skipped
    when the widget is gone by the time the result arrives (a closed dock, a dialog)."""
    ref = weakref.WeakMethod(method)

    def call(*args: Any) -> None:
        bound = ref()
        if bound is not None and shiboken6.isValid(getattr(bound, "__self__", None)):
            bound(*args)

    return call


def user_message(exc: BaseException) -> str:
    """What to tell the dispatcher: the domain's own sentence (in the user's language), or
    a plain database message."""
    if isinstance(exc, DomainError | ValueError):
        return error_text(str(exc))
    from sqlalchemy.exc import DBAPIError, OperationalError

    from workstation.persistence.problems import database_problem

    translate = QCoreApplication.translate  # thread-safe: this also runs on workers
    if isinstance(exc, OperationalError | DBAPIError) and exc.connection_invalidated:
        return translate("Operations", "与数据库的连接已断开，正在重试；请稍后再试")
    problem = database_problem(exc)  # the CLI's words too
    if problem is not None:
        return error_text(problem)
    return translate("Operations", "内部错误：%1").replace("%1", f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True, slots=True)
class _Pending:
    fn: Callable[[], Any]
    on_success: SuccessCallback | None
    on_error: ErrorCallback | None
    description: str
    owner: QObject | None = None


class Operations(QObject):
    """Runs service calls in the background; at most a few at once, each on its own session."""

    busy_changed = Signal(bool)
    error = Signal(str)  # a failure nobody handled: the main window shows it

    def __init__(self, parent: QObject | None = None, max_threads: int = 4, *,
                 pool: QThreadPool | None = None,
                 scope: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(max_threads)
        self._pool = pool
        self._scope = scope
        self._pending: dict[_Signals, _Pending] = {}

    def scoped(self, scope: QObject) -> Operations:
        """The same workers for one window: every result that arrives after `scope` is
        gone is dropped (a logged-out window's late answers must not reach its widgets)."""
        return Operations(self, pool=self._pool, scope=scope)

    @property
    def running(self) -> int:
        return len(self._pending)

    def run(
        self,
        fn: Callable[[], Any],
        on_success: SuccessCallback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        description: str = "",
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn`` on a worker; the callbacks follow on the GUI thread.

        ``owner``: the widget the callbacks belong to. When it has been deleted by the time
        the result arrives (a closed window), the callbacks are skipped: a lambda over
        ``self`` would otherwise call into a deleted C++ object.
        """
        if owner is None:  # a widget's or controller's own method: it owns the result
            bound_to = getattr(on_success, "__self__", None)
            owner = bound_to if isinstance(bound_to, QObject) else self._scope
        signals = _Signals(self)  # kept alive (and parented) until the task reports back
        # Everything that may hold the last reference to a widget (the function and the
        # callbacks) is kept here, on the GUI thread, and dropped here right after use —
        # not left to the worker or to the deferred deletion of the signals object.
        self._pending[signals] = _Pending(fn, on_success, on_error, description, owner)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        signals.succeeded.connect(lambda result: self._finished(signals, result, None))
        signals.failed.connect(lambda exc: self._finished(signals, None, exc))
        self._pool.start(_Task(fn, signals))

    def run_with_progress(
        self,
        fn: Callable[[ProgressCallback], Any],
        on_progress: ProgressCallback,
        on_success: SuccessCallback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        description: str = "",
        owner: QObject | None = None,
    ) -> None:
        """Like `run`, for work that can say how far it is: ``fn(report)`` calls
        ``report(done, total)`` on the worker; ``on_progress`` follows on the GUI thread."""
        relay = _ProgressRelay(self)

        def progressed(done: int, total: int) -> None:
            if owner is None or shiboken6.isValid(owner):
                on_progress(done, total)

        relay.progressed.connect(progressed)

        def release() -> None:
            relay.progressed.disconnect()
            relay.deleteLater()

        def succeeded(result: Any) -> None:
            release()
            if on_success is not None:
                on_success(result)

        def failed(message: str, exc: BaseException) -> None:
            release()
            if on_error is not None:
                on_error(message, exc)
            else:
                self.error.emit(message)

        emit = relay.progressed.emit
        self.run(lambda: fn(emit), succeeded, failed, description=description, owner=owner)
        # (A dropped result, its owner gone, leaves the relay to its parent: no callback
        # holds a widget, and it goes with this object.)

    def _finished(self, signals: _Signals, result: Any, exc: BaseException | None) -> None:
        pending = self._pending.pop(signals)
        signals.succeeded.disconnect()
        signals.failed.disconnect()
        signals.deleteLater()
        if not self._pending:
            self.busy_changed.emit(False)
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            log.debug("%s: result dropped, its window is gone", pending.description)
            return
        if exc is None:
            if pending.on_success is not None:
                pending.on_success(result)
            return
        message = user_message(exc)
        what = pending.description or "operation"
        if isinstance(exc, DomainError | ValueError):
            log.info("%s: %s", what, message)
        else:
            log.error("%s failed: %s\n%s", what, exc, getattr(exc, "details", ""))
        if pending.on_error is not None:
            pending.on_error(message, exc)
        else:
            self.error.emit(message)

    def wait_for_done(self, msecs: int = 5000) -> bool:
        """Used at shutdown only, so that no worker outlives the database engine."""
        return bool(self._pool.waitForDone(msecs))
