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

from support.world import PASSWORD, dispatched_case, make_world

NOW = datetime(2026, 11, 25, 10, 0)


def run(*args: str, db: str | None = None,
        password: str | None = PASSWORD) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """The CLI as a subprocess; ``password``: the `--as` account's (None: none given)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("WORKSTATION_PASSWORD", None)
    if password is not None:
        env["WORKSTATION_PASSWORD"] = password
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


def test_acting_as_an_account_needs_its_password_on_a_real_database(world) -> None:
    """`--as` is a login (issue 10 §5): without the password, or with a wrong one, the
    command is refused with one line and changes nothing; with it, it acts."""
    ws, case = world
    db = ws.settings.db_url
    bare = run("case", "act", str(case.id), "file", "--as", "leader", db=db, password=None)
    assert bare.returncode == 1
    assert "需要其密码" in bare.stderr
    assert "WORKSTATION_PASSWORD" in bare.stderr
    assert "Traceback" not in bare.stderr
    wrong = run("case", "act", str(case.id), "file", "--as", "leader", db=db, password="x")
    assert wrong.returncode == 1
    assert "账号或密码错误" in wrong.stderr
    assert [e.action for e in ws.load_case(case.id)[2]][-1] != "file"
    right = run("case", "act", str(case.id), "file", "--as", "leader", db=db)
    assert right.returncode == 0, right.stderr
    assert [e.action for e in ws.load_case(case.id)[2]][-1] == "file"


def test_unknown_user_and_case_are_clear_errors(world) -> None:
    ws, case = world
    db = ws.settings.db_url
    nobody = run("case", "act", str(case.id), "remind", "--as", "nobody", db=db)
    assert nobody.returncode == 1
    assert "账号或密码错误" in nobody.stderr
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


# --- the working calendar (administrator) -------------------------------------------------


@pytest.fixture
def calendar_world(sqlite_url: str):
    ws = make_world(sqlite_url, datetime(2027, 2, 19, 17, 0))
    yield ws
    ws.dispose()


def _dispatch_friday_evening(ws) -> int:
    """A case dispatched Fri 2027-02-19 17:00 with 2 工作时: due Monday 10:00."""
    return int(dispatched_case(ws, datetime(2027, 2, 19, 17, 0)).id)


def _deadline(ws, case_id: int) -> datetime | None:
    return ws.load_case(case_id)[0].deadline


def test_calendar_show_lists_statutory_days_with_their_source(calendar_world) -> None:
    result = run("calendar", "show", "2027", "--json", db=calendar_world.settings.db_url)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["year"], data["status"], data["confirmed"]) == (2027, "unconfirmed", False)
    assert data["warning"].startswith("2027 年调休安排尚未录入")
    days = {d["date"]: d for d in data["days"]}
    assert {k: days["2027-02-05"][k] for k in ("kind", "source")} == {
        "kind": "holiday", "source": "rule"}  # fmt: skip
    assert "2027-10-03" in days
    assert "2027-03-01" not in days  # an ordinary Monday is not listed
    official = json.loads(run("calendar", "show", "2026", "--json",
                              db=calendar_world.settings.db_url).stdout)  # fmt: skip
    assert official["status"] == "official"
    make_up = {d["date"]: d for d in official["days"]}["2026-10-10"]
    assert (make_up["kind"], make_up["source"]) == ("workday", "package")


def test_calendar_set_makes_the_next_deadline_land_on_the_make_up_saturday(
    calendar_world,
) -> None:
    url = calendar_world.settings.db_url
    add = ("calendar", "add", "--from", "2027-02-19T17:00", "--limit", "2 工作时")
    assert run(*add, db=url).stdout.strip() == "2027-02-22 10:00"
    result = run("calendar", "set", "2027-02-20", "workday", "--note", "春节调休", db=url)
    assert result.returncode == 0, result.stderr
    assert run(*add, db=url).stdout.strip() == "2027-02-20 10:00"
    shown = json.loads(run("calendar", "show", "2027", "--json", db=url).stdout)
    saturday = {d["date"]: d for d in shown["days"]}["2027-02-20"]
    assert saturday == {"date": "2027-02-20", "weekday": "六", "kind": "workday",
                        "source": "override", "name": "", "note": "春节调休"}  # fmt: skip


def test_calendar_set_with_affected_cases_asks_for_recompute_or_keep(calendar_world) -> None:
    ws = calendar_world
    case_id = _dispatch_friday_evening(ws)
    url = ws.settings.db_url
    refused = run("calendar", "set", "2027-02-20", "workday", db=url)
    assert refused.returncode == 1
    assert "此变更影响 1 件在办案件的期限" in refused.stderr
    assert "--recompute" in refused.stderr
    assert "--keep" in refused.stderr
    assert ws.calendar_year(2027).days[50].special is None  # 02-20: nothing written

    kept = run("calendar", "set", "2027-02-20", "workday", "--keep", "--json", db=url)
    assert kept.returncode == 0, kept.stderr
    assert json.loads(kept.stdout) | {"change": ""} == {
        "change": "", "affected": 1, "recomputed": 0, "kept": 1}  # fmt: skip
    assert _deadline(ws, case_id) == datetime(2027, 2, 22, 10, 0)

    run("calendar", "set", "2027-02-20", "clear", "--keep", db=url)
    recomputed = run("calendar", "set", "2027-02-20", "workday", "--recompute", db=url)
    assert recomputed.returncode == 0, recomputed.stderr
    assert "已重算 1 件的期限" in recomputed.stdout
    assert _deadline(ws, case_id) == datetime(2027, 2, 20, 10, 0)
    assert ws.load_case(case_id)[2][-1].action.value == "recompute_deadlines"


def test_calendar_import_with_a_bad_line_writes_nothing_and_names_it(
    calendar_world, tmp_path: Path
) -> None:
    url = calendar_world.settings.db_url
    bad = tmp_path / "2027.csv"
    bad.write_text("date,kind,note\n2027-02-09,holiday,春节\n2027-02-30,holiday,春节\n",
                   encoding="utf-8")  # fmt: skip
    result = run("calendar", "import", str(bad), db=url)
    assert result.returncode == 1
    assert result.stderr.startswith("错误：第 3 行")
    assert "2027-02-30" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not [d for d in calendar_world.calendar_year(2027).days if d.is_override]

    for line, message in (
        ("2027-02-09,rest", "第 2 行：无法识别的类型"),
        ("2027-02-09,holiday\n2027-02-09,workday", "第 3 行：日期 2027-02-09 与第 2 行重复"),
        ("2027-02-09", "第 2 行：应为"),
    ):
        bad.write_text(f"date,kind,note\n{line}\n", encoding="utf-8")
        failed = run("calendar", "import", str(bad), db=url)
        assert failed.returncode == 1
        assert message in failed.stderr


def test_calendar_import_enters_and_confirms_the_year(calendar_world, tmp_path: Path) -> None:
    url = calendar_world.settings.db_url
    schedule = tmp_path / "2027.csv"
    # Excel on a Chinese Windows writes GB18030; a header is optional.
    schedule.write_bytes("2027-02-09,holiday,春节\n2027-02-10,holiday,春节\n"
                         "2027-02-20,workday,春节调休\n".encode("gb18030"))  # fmt: skip
    result = run("calendar", "import", str(schedule), db=url)
    assert result.returncode == 0, result.stderr
    assert "2027 年调休安排已确认" in result.stdout
    shown = json.loads(run("calendar", "show", "2027", "--json", db=url).stdout)
    assert (shown["status"], shown["confirmed"], shown["warning"]) == ("confirmed", True, None)
    days = {d["date"]: d for d in shown["days"]}
    assert days["2027-02-09"]["source"] == "override"
    assert days["2027-02-20"]["kind"] == "workday"
    add = run("calendar", "add", "--from", "2027-02-04T17:00", "--limit", "2 工作时", db=url)
    assert add.stdout.strip() == "2027-02-11 10:00"  # 05–08 by rule, 09 and 10 entered
    assert "调休安排尚未录入" not in add.stderr


def test_calendar_changes_are_for_the_administrator_only(calendar_world) -> None:
    url = calendar_world.settings.db_url
    result = run("calendar", "set", "2027-02-20", "workday", "--as", "leader", db=url)
    assert result.returncode == 1
    assert result.stderr.strip() == "错误：值班长无权修改工作日历（仅限管理员）"
    bad_date = run("calendar", "set", "2027-02-30", "workday", db=url)
    assert bad_date.stderr.strip() == "错误：无法识别的日期：'2027-02-30'（应为如 2027-02-20）"
    bad_limit = run("calendar", "limit", "file", "很快", db=url)
    assert bad_limit.returncode == 1
    assert "立案时限填写有误" in bad_limit.stderr
    ok = run("calendar", "limit", "file", "2 工作时", db=url)
    assert ok.returncode == 0, ok.stderr
    urgent = run("calendar", "limit", "file", "30 分钟", "--priority", "urgent", db=url)
    assert urgent.returncode == 0, urgent.stderr
    shown = run("calendar", "show", "2027", db=url).stdout
    assert "  立案时限：2 工作时" in shown
    assert "  紧急案件立案时限：30 分钟" in shown


# --- scenarios with known timings (demo / training databases) -----------------------------


def test_at_is_refused_on_a_database_that_is_not_a_demo(world) -> None:
    ws, case = world
    url = ws.settings.db_url
    result = run("case", "act", str(case.id), "file", "--as", "leader",
                 "--at", "2026-11-25T11:00", db=url)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == "错误：只有演示或培训数据库允许指定操作时间（--at）"
    assert ws.load_case(case.id)[0].state.value == "reported"


def test_at_records_actions_at_the_given_times_on_a_demo_database(world) -> None:
    ws, _ = world
    from workstation.persistence.tables import SettingRow

    with ws.write_session() as s:
        s.merge(SettingRow(key="demo", value="1"))
    url = ws.settings.db_url
    cell = ws.reference.cells[ws.reference.supervisors["jdy002"].patrol_cells[0]]
    reported = run("case", "report", "--as", "jdy002", "--description", "井盖破损",
                   "--lon", str(cell.lon), "--lat", str(cell.lat), "--category", "E0102",
                   "--at", "2026-11-02T09:30", "--json", db=url)  # fmt: skip
    assert reported.returncode == 0, reported.stderr
    data = json.loads(reported.stdout)
    assert data["reported_at"] == "2026-11-02T09:30:00"
    assert data["case_no"].startswith("20261102")
    case_id = str(data["id"])
    for action, user, at in (("file", "leader", "2026-11-02T09:40"),
                             ("dispatch", "dispatcher", "2026-11-02T10:00")):  # fmt: skip
        done = run("case", "act", case_id, action, "--as", user, "--at", at, db=url)
        assert done.returncode == 0, done.stderr
    shown = json.loads(run("case", "show", case_id, "--json", db=url).stdout)
    assert [e["at"] for e in shown["events"]] == [
        "2026-11-02T09:30:00", "2026-11-02T09:40:00", "2026-11-02T10:00:00"]  # fmt: skip
    # E0102: 1 工作日 = 6.5 h from Monday 10:00 → Tuesday 10:00
    assert shown["deadline"] == "2026-11-03T10:00:00"
    # The clock read as of Tuesday 09:00: 5.5 of 6.5 h used (10–12, 14:30–18 on Monday).
    as_of = run("case", "show", case_id, "--json", "--at", "2026-11-03T09:00", db=url)
    assert json.loads(as_of.stdout)["clock"] == {
        "stage": "handling", "started_at": "2026-11-02T10:00:00",
        "deadline": "2026-11-03T10:00:00", "limit": "1 工作日", "used_fraction": 0.8462,
        "remaining_minutes": 60, "level": "warning"}  # fmt: skip
    listed = json.loads(run("cases", "list", "--json", "--at", "2026-11-03T10:30",
                            db=url).stdout)  # fmt: skip
    clock = next(r["clock"] for r in listed if str(r["id"]) == case_id)
    assert (clock["level"], clock["remaining_minutes"]) == ("overdue", -30)
    assert "clock_stage" not in listed[0]  # the reading, not its parts
    earlier = run("case", "act", case_id, "remind", "--as", "dispatcher",
                  "--at", "2026-11-02T09:59", db=url)  # fmt: skip
    assert earlier.returncode == 1
    assert "早于该案件上一次操作（2026-11-02 10:00）" in earlier.stderr
    bad = run("case", "act", case_id, "remind", "--as", "dispatcher", "--at", "昨天", db=url)
    assert "无法识别的时刻" in bad.stderr


# --- evaluation ---------------------------------------------------------------------------


def test_evaluate_by_unit_and_centre_as_json(calendar_world) -> None:
    """Two cases of one unit in the week of 2027-02-22: one on time, one late."""
    ws = calendar_world
    on_time = dispatched_case(ws, datetime(2027, 2, 22, 9, 0))  # 2 工作时: due 11:00
    late = dispatched_case(ws, datetime(2027, 2, 22, 9, 0))
    unit = ws.actor(on_time.unit.lower())
    ws.act(unit, on_time.id, "feedback", at=datetime(2027, 2, 22, 10, 0))
    ws.act(unit, late.id, "feedback", at=datetime(2027, 2, 22, 15, 0))  # 3.5 of 2 h used
    for case in (on_time, late):
        ws.act(ws.actor("dispatcher"), case.id, "send_for_check", at=datetime(2027, 2, 23, 9))
        ws.act(ws.actor("jdy001"), case.id, "check_pass", at=datetime(2027, 2, 23, 10))
    url = ws.settings.db_url
    result = run("evaluate", "--from", "2027-02-22", "--to", "2027-02-28", "--by", "unit",
                 "--json", "--at", "2027-03-01T09:00", db=url)  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = {r["key"]: r for r in json.loads(result.stdout)}
    row = rows[on_time.unit]
    assert set(row) == {"key", "name", "indicators", "score", "level"}
    i = row["indicators"]
    assert (i["due_to_handle"], i["handled"], i["handled_on_time"]) == (2, 2, 1)
    assert (i["on_time_handling_rate"], i["closing_rate"], i["on_time_closing_rate"]) == (
        50.0, 100.0, 50.0)  # fmt: skip
    assert (i["rework_rate"], i["open_overdue"], i["overtime_ratio"]) == (0.0, 0, 0.75)
    # 10 % × 100 + 30 % × 100 + 30 % × 50 + 30 % × 100 = 85.0 → B
    assert (row["score"], row["level"]) == (85.0, "B")
    idle = next(r for k, r in rows.items() if k != on_time.unit)
    assert idle["indicators"]["on_time_handling_rate"] is None  # "—", never 100 %
    assert (idle["score"], idle["level"]) == (None, None)
    centre = json.loads(run("evaluate", "--from", "2027-02-22", "--to", "2027-02-28", "--by",
                            "centre", "--json", "--at", "2027-03-01T09:00", db=url).stdout)
    assert centre[0]["key"] == "centre"
    assert centre[0]["indicators"]["due_to_handle"] == 2
    sups = json.loads(run("evaluate", "--from", "2027-02-22", "--to", "2027-02-28", "--by",
                          "supervisor", "--json", "--at", "2027-03-01T09:00", db=url).stdout)
    checker = {r["key"]: r for r in sups}["jdy001"]["indicators"]
    # jdy001 reported both cases (valid: filed, not voided) and checked both, on time
    assert (checker["reports"], checker["valid_report_rate"]) == (2, 100.0)
    assert (checker["checks"], checker["on_time_check_rate"]) == (2, 100.0)
    streets = json.loads(run("evaluate", "--from", "2027-02-22", "--to", "2027-02-28", "--by",
                             "street", "--json", "--at", "2027-03-01T09:00", db=url).stdout)
    street = {r["key"]: r for r in streets}[on_time.grid_code[:9]]["indicators"]
    assert (street["filed"], street["due_to_close"], street["closing_rate"]) == (2, 2, 100.0)
    compared = json.loads(run("evaluate", "--from", "2027-02-22", "--to", "2027-02-28",
                              "--by", "centre", "--compare", "--json",
                              "--at", "2027-03-01T09:00", db=url).stdout)[0]
    assert compared["previous"]["indicators"]["due_to_handle"] == 0  # the week before
    assert compared["same_period_last_year"]["score"] is None
    text = run("evaluate", "--from", "2027-02-22", "--to", "2027-02-28", db=url).stdout
    assert "综合指标值 = 立案数分值 × 10%" in text
    bad = run("evaluate", "--from", "2027-02-28", "--to", "2027-02-22", db=url)
    assert bad.stderr.strip() == "错误：统计期的结束日期不能早于开始日期"


def test_cases_search_finds_closed_and_open_cases_and_takes_text_literally(world) -> None:
    ws, case = world
    db = ws.settings.db_url
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    odd = ws.report(ws.actor("jdy001"), description="标牌写着50%折扣", lon=cell.lon,
                    lat=cell.lat, category_code="E0102")  # fmt: skip
    ws.act(ws.actor("leader"), case.id, "void", {"reason": "重复上报"})
    result = run("cases", "search", "暴露", "--json", db=db)
    assert result.returncode == 0, result.stderr
    assert [(r["id"], r["state"]) for r in json.loads(result.stdout)] == [(case.id, "voided")]
    literal = run("cases", "search", "50%", "--json", db=db)
    assert [r["id"] for r in json.loads(literal.stdout)] == [odd.id]
    assert json.loads(run("cases", "search", "5_%", "--json", db=db).stdout) == []
    wrong = run("cases", "search", "垃圾", "--from", "2026-13-01", db=db)
    assert wrong.returncode != 0
    assert wrong.stderr.strip() == "错误：无法识别的日期：2026-13-01（应为如 2026-11-01）"
    text = run("cases", "search", "垃圾", "--state", "voided", db=db)
    assert case.case_no in text.stdout
    assert "共列出 1 件" in text.stderr


def test_parser_errors_are_one_chinese_line_with_the_nearest_choice() -> None:
    wrong = run("case", "act", "1", "dispach", "--as", "leader")
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "错误：未知操作 dispach，是否要用 dispatch？"
    limit = run("cases", "list", "--limit", "0")
    assert limit.returncode == 2
    assert limit.stderr.strip() == "错误：参数 --limit：应为正整数，而不是 0"
    missing = run("case", "act", "1")
    assert missing.stderr.strip().startswith("错误：缺少必需的参数：")
    assert len(missing.stderr.strip().splitlines()) == 1
    helped = run("--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("用法：workstation")
    assert "显示本帮助并退出" in helped.stdout


def test_a_mistyped_database_is_named_not_created(tmp_path: Path) -> None:
    typo = tmp_path / "typo" / "workstaton.sqlite"
    result = run("cases", "list", db=str(typo))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"错误：数据库文件不存在：{typo}（新建数据库请运行 "
                                     "workstation db upgrade 或 workstation demo）")  # fmt: skip
    assert not typo.parent.exists()  # nothing made from the typo
    scheme = run("cases", "list", db="mysql+nothing://u@h/db")
    assert scheme.returncode == 1
    assert scheme.stderr.strip().startswith("错误：不支持的数据库地址：mysql+nothing://u@h/db")


def test_a_newer_schema_is_one_clear_line(world) -> None:
    from sqlalchemy import text

    ws, _ = world
    with ws.write_session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    result = run("cases", "list", db=ws.settings.db_url)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("错误：数据库的结构版本（9999）比本程序新")
    assert len(result.stderr.strip().splitlines()) == 1
