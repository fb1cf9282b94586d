"""Engines for the embedded SQLite file (WAL) and a shared PostgreSQL server, from a URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

APP_NAME = "grid-dispatch-workstation"
ENV_DB = "WORKSTATION_DB"


def default_sqlite_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "workstation.sqlite"


def resolve_url(url: str | None = None) -> str:
    """`--db` wins, then $WORKSTATION_DB, then the embedded SQLite file in the data dir.

    A bare file path is accepted as shorthand for a SQLite URL.
    """
    url = url or os.environ.get(ENV_DB) or ""
    if not url:
        path = default_sqlite_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        # psycopg 3 is the driver we ship; plain URLs would pick psycopg2.
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_db_engine(url: str, *, connect_timeout: float = 5.0, statement_timeout: float = 30.0,
                     **kwargs: Any) -> Engine:  # fmt: skip
    """An engine with the settings each backend needs; connects lazily, not here.

    PostgreSQL: a server that accepts a connection and never answers fails it after
    ``connect_timeout`` s (it hung the CLI for good); any statement, lock waits
    included, is cancelled after ``statement_timeout`` s, and a transaction left idle for
    a minute is ended by the server (it would hold back every console's change feed,
    see services.feed). Bulk loads and migrations lift the statement limit for
    themselves."""
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy, not pysqlite, open transactions, so BEGIN IMMEDIATE works.
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # JIT compilation pays off for long analytic scans only: on the evaluation's month it
    # added 0.17–0.23 s of compiling to a 0.1 s query (see docs/benchmarks.md).
    options = f"-c jit=off -c statement_timeout={int(statement_timeout * 1000)} " \
        "-c idle_in_transaction_session_timeout=60000"  # fmt: skip
    connect_args: dict[str, Any] = {"options": options}
    if connect_timeout:
        connect_args["connect_timeout"] = max(1, round(connect_timeout))  # libpq: whole seconds
    pool = {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 10}
    return create_engine(url, connect_args=connect_args, **{**pool, **kwargs})


# FULL: a commit is on disk when it returns, power cut or not (NORMAL under WAL may lose
# the last commits on power loss: not for a centre's records). About 0.13 ms per commit here.
# $WORKSTATION_SQLITE_SYNCHRONOUS=NORMAL for throw-away databases (the test suite's).
ENV_SYNCHRONOUS = "WORKSTATION_SQLITE_SYNCHRONOUS"


def sqlite_synchronous() -> str:
    value = os.environ.get(ENV_SYNCHRONOUS, "FULL").strip().upper()
    return value if value in ("FULL", "EXTRA", "NORMAL") else "FULL"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets readers (other workstations' polls, the GUI's queries) run beside a writer.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA synchronous={sqlite_synchronous()}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # Writers (engines made by `writer_engine`) BEGIN IMMEDIATE: taking the write lock up
    # front means a read-then-write transaction cannot fail half-way with "database is
    # locked" when another writer got in between. Readers BEGIN DEFERRED and, under WAL,
    # never wait for a writer.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def writer_engine(engine: Engine) -> Engine:
    """The same pool, with transactions that announce their intent to write."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(sqlite_begin="IMMEDIATE")
    return engine
