"""Connecting, and knowing where you are (issue 10 §3): a server that accepts and never
answers, a statement that waits too long, a database migrated by a newer version — each
one clear line from every command, nothing written, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime

import pytest
from sqlalchemy import create_engine, text

from support.world import PASSWORD, make_world

NOW = datetime(2026, 11, 25, 10, 0)


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONIOENCODING": "utf-8", "WORKSTATION_PASSWORD": PASSWORD, **env}
    full.pop("WORKSTATION_DB", None)
    return subprocess.run([sys.executable, "-m", "workstation", *args], capture_output=True,
                          text=True, env=full, timeout=120)  # fmt: skip


def test_a_server_that_never_answers_fails_the_command_in_time(silent_server: int) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{silent_server}/nowhere"
    started = time.monotonic()
    result = run("--db", url, "cases", "list", WORKSTATION_CONNECT_TIMEOUT="1")
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    assert "无法连接数据库：服务器没有在限定时间内应答" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert elapsed < 30  # it hung for good before (a subprocess start is a few seconds)


@pytest.mark.postgres
def test_a_statement_that_waits_too_long_is_cancelled_and_writes_nothing(
        postgres_url: str) -> None:  # fmt: skip
    ws = make_world(postgres_url, NOW)
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    case = ws.report(ws.actor("jdy001"), description="暴露垃圾", grid_code=cell,
                     category_code="E0102")  # fmt: skip
    other = create_engine(postgres_url)
    try:
        with other.begin() as conn:  # another console holds the case's row
            conn.execute(text("SELECT id FROM cases WHERE id = :id FOR UPDATE"), {"id": case.id})
            result = run("--db", postgres_url, "case", "act", str(case.id), "file", "--as",
                         "leader", WORKSTATION_STATEMENT_TIMEOUT="1")  # fmt: skip
        assert result.returncode == 1
        assert "数据库操作超时，已取消，未写入任何内容" in result.stderr
        assert "Traceback" not in result.stderr
        assert [e.action for e in ws.load_case(case.id)[2]] == ["report"]
    finally:
        other.dispose()
        ws.dispose()


def test_a_database_of_a_newer_version_is_refused_by_every_command(db_url: str) -> None:
    ws = make_world(db_url, NOW)
    with ws.write_session() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9001'"))
    ws.dispose()
    for command in (["cases", "list"], ["db", "upgrade"], ["demo", "--days", "1"]):
        result = run("--db", db_url, *command)
        assert result.returncode == 1, command
        assert "数据库的结构版本（9001）比本程序新" in result.stderr, (command, result.stderr)
        assert "db upgrade" not in result.stderr  # advice that cannot help
        assert "Traceback" not in result.stderr
    again = create_engine(db_url)
    with again.connect() as conn:  # untouched
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9001"
    again.dispose()
