"""The case events and the administration audit are append-only: triggers on both
databases refuse UPDATE and DELETE on them (and TRUNCATE on PostgreSQL), whoever asks —
the application, a script, a person at `psql` (migration 0017).

The one exception is wiping a demo or training database's cases to build new ones
(`demo --replace`): `lifted` drops the triggers and makes them again in the same
transaction, so they are never missing once it commits. It refuses on any other database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from workstation.domain.errors import DomainError

TABLES = ("case_events", "admin_audit")
MESSAGE = "审计记录只能追加，不能修改或删除"

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION workstation_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}（%）', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""


def create_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        out = [_PG_FUNCTION]
        for table in TABLES:
            out += [f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION workstation_append_only()",
                    f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION workstation_append_only()"]  # fmt: skip
        return out
    return [f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}（{table}）'); END"
            for table in TABLES for verb in ("UPDATE", "DELETE")]  # fmt: skip


def drop_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        out = [f"DROP TRIGGER IF EXISTS {table}_{kind} ON {table}"
               for table in TABLES for kind in ("append_only", "no_truncate")]  # fmt: skip
        return out
    return [f"DROP TRIGGER IF EXISTS {table}_no_{verb}" for table in TABLES
            for verb in ("update", "delete")]  # fmt: skip


@contextmanager
def lifted(db: Session | Connection) -> Iterator[None]:
    """Inside the caller's transaction: the triggers gone for the block, then back."""
    dialect = (db.get_bind() if isinstance(db, Session) else db).dialect.name
    demo = db.execute(text("SELECT value FROM settings WHERE key = 'demo'")).scalar()
    if demo != "1":
        raise DomainError("这不是演示或培训数据库：案件记录不能删除")
    for sql in drop_statements(dialect):
        db.execute(text(sql))
    yield
    for sql in create_statements(dialect):
        db.execute(text(sql))
