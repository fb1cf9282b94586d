"""The background-operation helper: results come back on the GUI thread, or not at all
when the widget they belong to is gone."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject

from ui.operations import Operations


def test_results_reach_a_live_owner(qtbot, qapp) -> None:
    ops = Operations(qapp)
    owner = QObject()
    got: list[int] = []
    ops.run(lambda: 41 + 1, got.append, owner=owner)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    assert ops.wait_for_done(5000)


def test_results_for_a_deleted_owner_are_dropped(qtbot, qapp) -> None:
    ops = Operations(qapp)
    owner = QObject()
    calls: list[object] = []
    errors: list[str] = []
    ops.error.connect(errors.append)
    ops.run(lambda: 1, lambda result: calls.append(owner.objectName()), owner=owner)
    ops.run(lambda: 1 / 0, None, lambda message, exc: calls.append(owner.objectName()),
            owner=owner)  # fmt: skip
    shiboken6.delete(owner)
    assert ops.wait_for_done(5000)
    qtbot.waitUntil(lambda: ops.running == 0, timeout=5000)
    assert calls == []
    assert errors == []  # not reported elsewhere either: nobody is left to show it to


def test_progress_arrives_on_the_gui_thread_before_the_result(qtbot, qapp) -> None:
    import threading

    ops = Operations(qapp)
    seen: list[tuple[int, int, bool]] = []
    gui = threading.get_ident()

    def work(report) -> str:
        for done in range(1, 4):
            report(done, 3)
        return "done"

    result: list[str] = []
    ops.run_with_progress(work, lambda d, t: seen.append((d, t, threading.get_ident() == gui)),
                          lambda r: result.append(f"{r} after {len(seen)}"))  # fmt: skip
    qtbot.waitUntil(lambda: result == ["done after 3"], timeout=5000)
    assert seen == [(1, 3, True), (2, 3, True), (3, 3, True)]
    assert ops.wait_for_done(5000)
