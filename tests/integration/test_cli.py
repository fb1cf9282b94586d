"""The `workstation` command as a subprocess on a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workstation.persistence.tables import CaseEventRow

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)


def run(*args: str, db: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("WORKSTATION_DB", None)
    cmd = [sys.executable, "-m", "workstation", *(["--db", db] if db else []), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def world(sqlite_url: str):
    ws = make_world(sqlite_url, NOW)
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    case = ws.report(ws.actor("jdy001"), description="路口暴露垃圾", lon=cell.lon, lat=cell.lat,
                     category_code="E0102")  # fmt: skip
    yield ws, case
    ws.dispose()


def test_cases_list_json_has_the_stable_keys(world) -> None:
    ws, case = world
    result = run("cases", "list", "--json", db=ws.settings.db_url)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [case.id]
    for key in ("id", "state", "category_code", "grid_code", "unit", "deadline", "reported_at"):
        assert key in rows[0]
    assert rows[0]["state"] == "reported"
    assert rows[0]["category_code"] == "E0102"


def test_act_and_show_follow_the_loop(world) -> None:
    ws, case = world
    db = ws.settings.db_url
    assert run("case", "act", str(case.id), "file", "--as", "leader", db=db).returncode == 0
    result = run("case", "act", case.case_no, "dispatch", "--as", "dispatcher", "--json", db=db)
    assert result.returncode == 0, result.stderr
    dispatched = json.loads(result.stdout)
    assert dispatched["state"] == "dispatched"
    assert dispatched["unit"] == ws.recommend(case.id).unit_code
    shown = json.loads(run("case", "show", str(case.id), "--json", "--as", "dispatcher",
                           db=db).stdout)  # fmt: skip
    assert [e["action"] for e in shown["events"]] == ["report", "file", "dispatch"]
    assert "remind" in shown["allowed_actions"]
    assert run("cases", "list", "--state", "dispatched", "--json", db=db).stdout.count('"id"') == 1


def test_refused_action_exits_nonzero_with_one_chinese_line_and_writes_nothing(world) -> None:
    ws, case = world
    with ws.read_session() as s:
        before = s.scalar(select(func.count()).select_from(CaseEventRow))
    result = run("case", "act", str(case.id), "dispatch", "--as", "dispatcher",
                 db=ws.settings.db_url)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"错误：案件 {case.case_no} 处于『上报』，不能派遣"
    ]  # fmt: skip
    with ws.read_session() as s:
        assert s.scalar(select(func.count()).select_from(CaseEventRow)) == before


def test_unknown_user_and_case_are_clear_errors(world) -> None:
    ws, case = world
    db = ws.settings.db_url
    nobody = run("case", "act", str(case.id), "remind", "--as", "nobody", db=db)
    assert nobody.returncode == 1
    assert "账号 nobody 不存在" in nobody.stderr
    missing = run("case", "show", "999999", "--json", db=db)
    assert missing.returncode == 1
    assert "案件 999999 不存在" in missing.stderr


def test_a_database_without_schema_asks_for_upgrade(tmp_path: Path) -> None:
    result = run("cases", "list", db=str(tmp_path / "empty.sqlite"))
    assert result.returncode == 1
    assert "workstation db upgrade" in result.stderr
    upgraded = run("db", "upgrade", db=str(tmp_path / "empty.sqlite"))
    assert upgraded.returncode == 0, upgraded.stderr
    assert run("cases", "list", "--json", db=str(tmp_path / "empty.sqlite")).stdout.strip() == "[]"


def test_unreachable_postgres_is_a_clear_error() -> None:
    result = run("cases", "list", db="postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert result.returncode == 1
    assert result.stderr.startswith("错误：")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("start", "limit", "deadline"),
    [
        # 30 Sep 17:00 + 19.5 working hours: 1 h on 30 Sep, National Day 1–7 Oct off,
        # 8 and 9 Oct (6.5 h each), then 5.5 h on Saturday 10 Oct, a make-up working day.
        ("2026-09-30T17:00", "3 工作日", "2026-10-10 17:00"),
        ("2026-11-27T17:00", "2 工作时", "2026-11-30 10:00"),  # Friday → Monday
        ("2026-11-25T11:30", "1 工作时", "2026-11-25 15:00"),  # across the lunch break
        ("2026-10-01T08:00", "2 小时", "2026-10-01 10:00"),  # natural hours ignore holidays
    ],
)
def test_calendar_add_prints_the_deadline(start: str, limit: str, deadline: str) -> None:
    result = run("calendar", "add", "--from", start, "--limit", limit)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == deadline


def test_calendar_add_rejects_bad_input() -> None:
    result = run("calendar", "add", "--from", "yesterday", "--limit", "3 工作日")
    assert result.returncode == 1
    assert "无法识别的起始时间" in result.stderr


def test_calendar_add_uses_the_databases_calendar(world) -> None:
    ws, _ = world
    from workstation.persistence.tables import CalendarOverrideRow

    with ws.write_session() as s:  # an administrator declares Monday 30 Nov a holiday
        s.add(CalendarOverrideRow(day=datetime(2026, 11, 30).date(), is_workday=False))
    result = run("calendar", "add", "--from", "2026-11-27T17:00", "--limit", "2 工作时",
                 db=ws.settings.db_url)  # fmt: skip
    assert result.stdout.strip() == "2026-12-01 10:00"
