"""`workstation handover` as a subprocess on a real SQLite file: the sheet as JSON and as
Chinese text, the default shift from the settings, a stored sheet, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from workstation.bootstrap import local_now
from workstation.domain.handover import parse_shift_times, shift_at
from workstation.persistence.tables import SettingRow

from support.accounts import add_account
from support.world import PASSWORD, dispatched_case, make_world

NOW = datetime(2026, 11, 25, 15, 0)


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "WORKSTATION_PASSWORD": PASSWORD}
    env.pop("WORKSTATION_DB", None)
    cmd = [sys.executable, "-m", "workstation", "--db", db, *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def world(sqlite_url: str):
    ws = make_world(sqlite_url, NOW)
    overdue = dispatched_case(ws, datetime(2026, 11, 25, 8, 40), "1 工作时")  # due 10:00
    ws.act(ws.actor("dispatcher"), overdue.id, "escalate", {"reason": "今日办结"},
           at=datetime(2026, 11, 25, 9, 0))  # fmt: skip
    yield ws, overdue
    ws.dispose()


def test_json_of_a_period_has_the_stable_keys(world) -> None:
    ws, case = world
    result = run("handover", "--from", "2026-11-25T08:30", "--to", "2026-11-25T17:30",
                 "--at", "2026-11-25T15:00", "--json", db=ws.settings.db_url)  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"start", "end", "generated_at", "flow", "overdue", "due_soon",
                         "key_cases", "requests", "supervisors"}  # fmt: skip
    assert (data["start"], data["end"]) == ("2026-11-25T08:30:00", "2026-11-25T17:30:00")
    assert data["flow"] == {"reported": 1, "filed": 1, "dispatched": 1, "closed": 0,
                            "voided": 0, "by_source": {"supervisor": 1}, "open_now": 1}
    assert [(c["case_no"], c["detail"], c["due"]) for c in data["overdue"]] == [
        (case.case_no, "处置超期", "2026-11-25T10:00:00")]  # fmt: skip
    assert [c["case_no"] for c in data["key_cases"]] == [case.case_no]
    for key in ("case_id", "case_no", "title", "state_label", "unit_name", "due", "detail"):
        assert key in data["overdue"][0]


def test_default_is_the_shift_on_now_by_the_settings(world) -> None:
    ws, _ = world
    db = ws.settings.db_url
    result = run("handover", "--at", "2026-11-25T15:00", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["start"], data["end"]) == ("2026-11-25T08:30:00", "2026-11-25T17:30:00")
    with ws.write_session() as s:
        s.merge(SettingRow(key="shift_times", value="07:00, 15:00, 23:00"))
    data = json.loads(run("handover", "--at", "2026-11-25T15:00", "--json", db=db).stdout)
    assert (data["start"], data["end"]) == ("2026-11-25T15:00:00", "2026-11-25T23:00:00")
    # without --at: the shift on at the real time now
    before = local_now()
    result = run("handover", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    starts = parse_shift_times("07:00, 15:00, 23:00")
    possible = {shift_at(t, starts) for t in (before, local_now() + timedelta(seconds=1))}
    got = (datetime.fromisoformat(data["start"]), datetime.fromisoformat(data["end"]))
    assert got in possible


def test_text_is_chinese_with_every_section(world) -> None:
    ws, case = world
    result = run("handover", "--at", "2026-11-25T15:00", db=ws.settings.db_url)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("交接班记录 2026-11-25 08:30 至 2026-11-25 17:30")
    for heading in ("本班新上报 1 件（监督员上报 1）", "立案 1  派遣 1  结案 0  作废 0  当前在办 1",
                    "超期案件（1 件）", "即将超期（0 件）", "督办案件（1 件）",
                    "待审批的单位申请（0 件）", "监督员异常（0 人）"):  # fmt: skip
        assert heading in out
    assert f"{case.case_no}  处置超期" in out


def test_a_stored_sheet_with_its_notes_and_acknowledgement(world) -> None:
    ws, _ = world
    stored = ws.save_handover(ws.actor("leader"), "夜班请跟进督办件", at=NOW)
    add_account(ws)
    ws.acknowledge_handover(ws.actor("leader2"), stored.id, at=NOW + timedelta(minutes=5))
    db = ws.settings.db_url
    data = json.loads(run("handover", "--id", str(stored.id), "--json", db=db).stdout)
    assert (data["id"], data["notes"], data["acknowledged_by"]) == (
        stored.id, "夜班请跟进督办件", "leader2")  # fmt: skip
    text = run("handover", "--id", str(stored.id), db=db).stdout
    assert "交接备注：夜班请跟进督办件" in text
    assert "接班：值班长 李四 2026-11-25 15:05 已确认" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-11-25T08:30"), "错误：--from 与 --to 须同时给出（或都不给：当前班次）"),
        (("--from", "昨天", "--to", "2026-11-25T17:30"), "错误：无法识别的时刻 --from '昨天'"),
        (("--from", "2026-11-25T17:30", "--to", "2026-11-25T08:30"), "错误：交接班时段的结束"),
        (("--id", "99"), "错误：交接单 99 不存在"),
    ],
)  # fmt: skip
def test_errors_are_one_chinese_line(world, args, message) -> None:
    ws, _ = world
    result = run("handover", *args, db=ws.settings.db_url)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(message)


def test_a_bad_shift_setting_is_one_chinese_line(world) -> None:
    ws, _ = world
    with ws.write_session() as s:
        s.merge(SettingRow(key="shift_times", value="8点半"))
    result = run("handover", db=ws.settings.db_url)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "错误：无法识别的交接班时刻：'8点半'（应为如 08:30, 17:30）"]  # fmt: skip
