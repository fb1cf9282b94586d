"""Test-wide set-up: Qt off-screen, database fixtures for SQLite files and PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# Every library that looks for a Qt binding must pick PySide6, and no test opens a screen.
os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Throw-away databases need no fsync per commit (production's FULL is tested on its own,
# test_sqlite_commits_are_durable); it kept the suite near its 10 minutes.
os.environ.setdefault("WORKSTATION_SQLITE_SYNCHRONOUS", "NORMAL")

PG_ADMIN_URL = os.environ.get(
    "WORKSTATION_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)

pytest_plugins = ["support.sockets"]  # refused_port, silent_server


def _postgres_available() -> str | None:
    """None when a server answers, else the reason it does not."""
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure means: no usable server
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"no PostgreSQL at {PG_ADMIN_URL} ({first})"
    return None


@pytest.fixture(scope="session")
def postgres_server() -> str:
    reason = _postgres_available()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: {reason}")
        pytest.skip(reason)
    return PG_ADMIN_URL


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A fresh, empty database of each kind: a real SQLite file, a real PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "workstation.sqlite"
        yield f"sqlite:///{path}"
    else:
        from support.pg import throwaway_database

        with throwaway_database(request.getfixturevalue("postgres_server")) as url:
            yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (for what only a shared server can show)."""
    from support.pg import throwaway_database

    with throwaway_database(postgres_server) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'workstation.sqlite'}"
