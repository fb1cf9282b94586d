"""Case events and the administration audit cannot be rewritten (issue 10 §6): UPDATE and
DELETE are refused on both databases, whoever sends them; only a demo database's reset
lifts the guard, inside its own transaction."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from workstation.domain.errors import DomainError
from workstation.persistence import append_only

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)
REWRITES = (
    "UPDATE case_events SET actor = 'ghost'",
    "DELETE FROM case_events",
    "UPDATE admin_audit SET actor = 'ghost'",
    "DELETE FROM admin_audit",
)


def _world_with_history(url: str):  # type: ignore[no-untyped-def]
    ws = make_world(url, NOW)
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    case = ws.report(ws.actor("jdy001"), description="暴露垃圾", grid_code=cell,
                     category_code="E0102")  # fmt: skip
    ws.act(ws.actor("leader"), case.id, "file")
    with ws.write_session() as s:  # an administration change, as the services write it
        s.execute(text("INSERT INTO admin_audit (at, actor, role, action, subject, detail, note) "
                       "VALUES (:at, 'admin', 'admin', 'settings.set', 'x', '{}', '')"),
                  {"at": NOW})  # fmt: skip
    return ws


@pytest.mark.parametrize("sql", REWRITES)
def test_rewriting_the_audit_is_refused(db_url: str, sql: str) -> None:
    ws = _world_with_history(db_url)
    try:
        table = sql.split()[1] if sql.startswith("UPDATE") else sql.split()[2]
        with ws.read_session() as s:
            before = s.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
        with pytest.raises(DBAPIError, match="审计记录只能追加"), ws.engine.begin() as conn:
            conn.execute(text(sql))
        with ws.read_session() as s:
            assert s.execute(text(f"SELECT * FROM {table} ORDER BY id")).all() == before
        assert before  # there was something to protect
    finally:
        ws.dispose()


@pytest.mark.postgres
def test_truncating_the_events_is_refused(postgres_url: str) -> None:
    ws = _world_with_history(postgres_url)
    try:
        with pytest.raises(DBAPIError, match="审计记录只能追加"), ws.engine.begin() as conn:
            conn.execute(text("TRUNCATE case_events CASCADE"))
    finally:
        ws.dispose()


def test_only_a_demo_database_can_lift_the_guard(db_url: str) -> None:
    ws = _world_with_history(db_url)
    try:
        with pytest.raises(DomainError, match="不是演示或培训数据库"), \
                ws.write_session() as s, append_only.lifted(s):  # fmt: skip
            s.execute(text("DELETE FROM case_events"))
        with ws.write_session() as s:
            s.execute(text("DELETE FROM settings WHERE key = 'demo'"))
            s.execute(text("INSERT INTO settings (key, value) VALUES ('demo', '1')"))
        with ws.write_session() as s, append_only.lifted(s):
            s.execute(text("DELETE FROM case_events"))
        with ws.read_session() as s:
            assert s.execute(text("SELECT count(*) FROM case_events")).scalar() == 0
        # …and the guard is back for everyone else.
        with pytest.raises(DBAPIError, match="审计记录只能追加"), ws.engine.begin() as conn:
            conn.execute(text("DELETE FROM admin_audit"))
    finally:
        ws.dispose()
