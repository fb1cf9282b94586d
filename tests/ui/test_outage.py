"""The database goes away under a console (issue 10 §7), from the real login: a banner at
once with the time of the last good data, the lists faded, an action refused in Chinese
with nothing written; back again, the banner says so, the fade goes, and a change made
meanwhile by another console arrives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView
from sqlalchemy.engine import make_url

from support.world import dispatched_case


def _faded(window) -> bool:  # type: ignore[no-untyped-def]
    views = window.queue.findChildren(QAbstractItemView) + [window.queue.table]
    return all(v.viewport().graphicsEffect() is not None for v in views)


def test_the_console_shows_an_outage_and_catches_up(qtbot, ws, log_in, tmp_path) -> None:
    case = dispatched_case(ws, ws.clock())
    window = log_in("dispatcher")
    qtbot.waitUntil(lambda: window.follower.cursor is not None, timeout=10_000)
    qtbot.waitUntil(lambda: window.follower.last_good is not None, timeout=10_000)
    assert not window.outage.isVisible()
    path = Path(make_url(ws.settings.db_url).database or "")
    away = tmp_path / "away.sqlite"
    ws.engine.dispose()
    path.rename(away)
    path.mkdir()  # nothing can open the database in its place
    try:
        qtbot.waitUntil(window.outage.isVisible, timeout=10_000)
        text = window.outage.text.text()
        assert text.startswith("数据库连接中断，正在重连…（显示的是 ")
        assert window.follower.last_good.strftime("%H:%M:%S") in text
        assert "无法连接数据库" in text  # the cause, in Chinese
        assert _faded(window)
        failed: list[str] = []
        window._ctx.ops.run(lambda: ws.act(ws.actor("dispatcher"), case.id, "remind"),
                            None, lambda message, exc: failed.append(message))  # fmt: skip
        qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
        assert failed[0].startswith("无法连接数据库")
    finally:
        path.rmdir()
        away.rename(path)
    assert [e.action for e in ws.load_case(case.id)[2]][-1] != "remind"  # nothing written
    noted = ws.act(ws.actor("leader"), case.id, "note", {"text": "中断后另一席位的备注"})
    qtbot.waitUntil(lambda: not _faded(window), timeout=10_000)
    assert window.outage.text.text() == "数据库连接已恢复，中断期间的变化已补齐"
    model = window.queue.model

    def caught_up() -> bool:
        row = model.row_of(noted.id)
        return row is not None and model.case_at(row).version == noted.version

    qtbot.waitUntil(caught_up, timeout=10_000)
    qtbot.waitUntil(lambda: not window.outage.isVisible(), timeout=10_000)
