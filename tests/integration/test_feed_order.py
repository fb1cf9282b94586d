"""The change feed delivers every committed change exactly once, however commits interleave
(issue 10 §1): a commit held open while later ones go through, four writer processes at
full speed, and the core's follower across an outage."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from workstation.bootstrap import Workstation
from workstation.persistence.repositories import FEED
from workstation.persistence.uow import SqlUnitOfWork
from workstation.services.feed import ChangeBatch, FeedCursor

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)
WRITER = Path(__file__).resolve().parents[1] / "support" / "feed_writer.py"


def _cases(ws: Workstation, n: int) -> list[int]:
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    return [ws.report(ws.actor("jdy001"), description=f"暴露垃圾 {i}", grid_code=cell,
                      category_code="E0102").id for i in range(n)]  # fmt: skip


def _all_ids_after(ws: Workstation, cursor: FeedCursor) -> list[int]:
    with ws.read_session() as s:
        return list(s.scalars(select(FEED.c.id).where(FEED.c.id > cursor.last_id)
                              .order_by(FEED.c.id)))  # fmt: skip


@pytest.mark.postgres
def test_a_change_committed_late_is_delivered_after_its_commit(
        postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Writer A takes a feed id, then holds its commit while writer B takes the next id
    and commits; the follower gets B at once, and A after A commits — not never."""
    ws = make_world(postgres_url, NOW)
    try:
        held, other = _cases(ws, 2)
        cursor = ws.feed_cursor()
        commit = SqlUnitOfWork.commit
        inside, release = threading.Event(), threading.Event()

        def slow_commit(self: SqlUnitOfWork) -> None:
            if threading.current_thread().name == "held-writer":
                inside.set()  # the feed row is written, its id taken: commit later
                assert release.wait(20)
            commit(self)

        monkeypatch.setattr(SqlUnitOfWork, "commit", slow_commit)
        writer = threading.Thread(name="held-writer", target=lambda: ws.act(
            ws.actor("leader"), held, "note", {"text": "提交被拖住的备注"}))  # fmt: skip
        writer.start()
        assert inside.wait(20)
        ws.act(ws.actor("dispatcher"), other, "note", {"text": "随后提交的备注"})
        first = ws.changes_since(cursor)
        assert first.case_ids == (other,)
        ids = _all_ids_after(ws, cursor)
        assert first.change_ids == (ids[-1],)  # the held row's id (lower) is not visible
        release.set()
        writer.join(20)
        second = ws.changes_since(first.cursor)
        assert second.case_ids == (held,)
        assert sorted(first.change_ids + second.change_ids) == _all_ids_after(ws, cursor)
        assert second.change_ids[0] < first.change_ids[0]  # it had taken the lower id
        assert ws.changes_since(second.cursor).empty  # once
    finally:
        ws.dispose()


def test_four_writer_processes_at_full_speed_miss_nothing(db_url: str) -> None:
    """A follower reading as fast as it can while four processes write: every feed row
    delivered once, and each case's changes in the order they were made."""
    ws = make_world(db_url, NOW)
    try:
        cases = _cases(ws, 8)
        per_writer = 100
        delivered: list[int] = []
        order: dict[int, list[int]] = {}
        follower = ws.follower(lambda batch: _collect(batch, delivered), interval=0.005)
        follower.start(ws.feed_cursor())
        writers = [subprocess.Popen(
            [sys.executable, str(WRITER), db_url, f"{cases[2 * w]},{cases[2 * w + 1]}",
             str(per_writer)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for w in range(4)]  # fmt: skip
        for writer in writers:
            out, err = writer.communicate(timeout=240)
            assert writer.returncode == 0, err
        with ws.read_session() as s:
            rows = s.execute(select(FEED.c.id, FEED.c.entity_id).where(FEED.c.action == "note")
                             .order_by(FEED.c.id)).all()  # fmt: skip
        notes = {int(r[0]) for r in rows}
        assert len(notes) == 4 * per_writer
        deadline = time.monotonic() + 20
        while not notes <= set(delivered) and time.monotonic() < deadline:
            time.sleep(0.05)  # the last batch may still be on its way
        time.sleep(0.2)  # …and nothing more (a second delivery) after it
        follower.stop()
        assert len(delivered) == len(set(delivered)), "a change was delivered twice"
        assert notes <= set(delivered), f"missed: {sorted(notes - set(delivered))[:10]}"
        for change_id, entity in rows:
            order.setdefault(int(entity), []).append(delivered.index(int(change_id)))
        assert all(positions == sorted(positions) for positions in order.values())
    finally:
        ws.dispose()


def _collect(batch: ChangeBatch, into: list[int]) -> None:
    into.extend(batch.change_ids)


def test_the_follower_reports_an_outage_once_and_catches_up(
        sqlite_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    """The database file goes away under a follower: one warning with its cause, however
    many retries; back again, every change made meanwhile arrives."""
    import logging

    ws = make_world(sqlite_url, NOW)
    path = Path(ws.engine.url.database or "")
    try:
        (case,) = _cases(ws, 1)
        statuses: list[str | None] = []
        delivered: list[int] = []
        follower = ws.follower(lambda b: _collect(b, delivered),
                               on_status=lambda e: statuses.append(None if e is None else str(e)),
                               interval=0.02)  # fmt: skip
        follower.start(ws.feed_cursor())
        caplog.set_level(logging.INFO, logger="workstation.feed")
        moved = tmp_path / "away.sqlite"
        ws.engine.dispose()
        path.rename(moved)  # the file is gone: every read fails
        path.mkdir()  # …and cannot be created again in its place
        time.sleep(0.6)
        path.rmdir()
        moved.rename(path)
        ws.act(ws.actor("leader"), case, "note", {"text": "恢复后的备注"})
        deadline = time.monotonic() + 10
        while not delivered and time.monotonic() < deadline:
            time.sleep(0.02)
        follower.stop()
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1
        assert "unable to open" in warnings[0].getMessage()
        assert not any(r.exc_info for r in caplog.records if r.levelno >= logging.INFO)
        assert statuses[0] is not None
        assert statuses[-1] is None
        assert len(delivered) == 1
    finally:
        ws.dispose()


@pytest.mark.postgres
def test_a_follower_on_postgresql_reconnects_after_its_connections_are_cut(
        postgres_url: str, postgres_server: str) -> None:  # fmt: skip
    """Every connection of the follower killed by the server (as a restart does), and new
    ones refused for a while; another console commits meanwhile on the connection it
    kept. The follower reports the outage once, reconnects and delivers every change."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    ws = make_world(postgres_url, NOW)
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    name = make_url(postgres_url).database
    other = create_engine(postgres_url).connect()  # the other console, connected before
    try:
        (case,) = _cases(ws, 1)
        statuses: list[bool] = []
        delivered: list[int] = []
        follower = ws.follower(lambda b: _collect(b, delivered), interval=0.05,
                               on_status=lambda e: statuses.append(e is None))  # fmt: skip
        follower.start(ws.feed_cursor())
        time.sleep(0.3)
        keep = other.execute(text("SELECT pg_backend_pid()")).scalar()
        other.commit()
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :db AND pid <> :keep"),
                         {"db": name, "keep": keep})  # fmt: skip
        deadline = time.monotonic() + 10
        while not statuses and time.monotonic() < deadline:
            time.sleep(0.05)
        assert statuses == [False]  # the outage, once
        written = []
        for _ in range(3):  # another console's changes while this one is cut off
            with other.begin():
                written.append(other.execute(text(
                    "INSERT INTO change_feed (at, topic, entity_id, action, actor) "
                    "VALUES (now(), 'case', :case, 'note', 'leader') RETURNING id"),
                    {"case": str(case)}).scalar())  # fmt: skip
        time.sleep(0.5)
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        deadline = time.monotonic() + 15
        while not set(written) <= set(delivered) and time.monotonic() < deadline:
            time.sleep(0.05)
        follower.stop()
        assert sorted(delivered) == sorted(written)  # each once, none missed
        assert statuses == [False, True]
    finally:
        other.close()
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()
        ws.dispose()
