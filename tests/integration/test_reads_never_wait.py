"""Reads never wait for a writer (issue 10 §2): while another connection holds SQLite's
write lock, every read path a dispatcher uses answers at once — they run in read
transactions (they used to open write transactions and wait up to the busy timeout)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from workstation.persistence.database import writer_engine
from workstation.services.history import HistoryFilter
from workstation.services.map_queries import HeatQuery
from workstation.services.queue_queries import load_queue

from support.world import dispatched_case, make_world

NOW = datetime(2026, 11, 25, 10, 0)


def test_every_read_path_answers_while_a_writer_holds_the_lock(sqlite_url: str) -> None:
    ws = make_world(sqlite_url, NOW)
    case = dispatched_case(ws, NOW)
    dispatcher = ws.actor("dispatcher")

    def queue() -> object:
        with ws.read_session() as session:
            return load_queue(session, ws.reference, dispatcher, NOW)

    reads: dict[str, Callable[[], object]] = {
        "load_case": lambda: ws.load_case(case.id),
        "recommend": lambda: ws.recommend(case.id),
        "case_detail": lambda: ws.case_detail(case.id, dispatcher),
        "allowed_actions": lambda: ws.allowed_actions([case.id], dispatcher),
        "queue": queue,
        "map": lambda: ws.heat_counts(HeatQuery(NOW - timedelta(days=30), NOW)),
        "evaluation": lambda: ws.evaluate("2026-11-01", "2026-11-25", "unit"),
        "search": lambda: ws.search_cases(HistoryFilter("井盖")),
    }  # fmt: skip
    for fn in reads.values():
        fn()  # warm: reference data and the like, outside the measured part
    writer = writer_engine(ws.engine).connect()
    writer.begin()  # BEGIN IMMEDIATE: another console, mid-action, holds the write lock
    writer.execute(text("UPDATE settings SET value = value WHERE key = 'office_hours'"))
    try:
        for name, fn in reads.items():
            done = threading.Event()
            failure: list[BaseException] = []

            def call(fn: Callable[[], object] = fn, done: threading.Event = done,
                     failure: list[BaseException] = failure) -> None:  # fmt: skip
                try:
                    fn()
                except BaseException as exc:  # reported below
                    failure.append(exc)
                finally:
                    done.set()

            threading.Thread(target=call, daemon=True).start()
            assert done.wait(3), f"{name} waited for the writer"
            assert not failure, f"{name}: {failure}"
    finally:
        writer.rollback()
        writer.close()
        ws.dispose()


@pytest.mark.postgres
def test_reads_run_in_read_only_transactions(postgres_url: str) -> None:
    ws = make_world(postgres_url, NOW)
    try:
        with ws.read_session() as session:
            assert session.execute(text("SHOW transaction_read_only")).scalar() == "on"
        with ws.write_session() as session:
            assert session.execute(text("SHOW transaction_read_only")).scalar() == "off"
    finally:
        ws.dispose()


def test_sqlite_commits_are_durable(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """synchronous=FULL on every connection by default: a commit is on disk when it
    returns (NORMAL under WAL may lose the last ones on power loss)."""
    monkeypatch.delenv("WORKSTATION_SQLITE_SYNCHRONOUS", raising=False)  # the suite's
    ws = make_world(sqlite_url, NOW)
    try:
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        ws.dispose()
