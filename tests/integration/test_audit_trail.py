"""The audit viewer (issue 10 §6): case events and administration changes filtered by
person, case, action, workstation and period, newest first; CSV that Excel reads; only the
shift leader and the administrator may look."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from workstation.bootstrap import Workstation
from workstation.domain.errors import PermissionDenied
from workstation.services.audit import AuditFilter

from support.world import PASSWORD, dispatched_case, make_world

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def world(db_url: str):
    ws = make_world(db_url, NOW)
    case = dispatched_case(ws, NOW)
    desk = Workstation(replace(ws.settings, workstation_name="席位-3"), ws.engine, ws.clock)
    desk.act(desk.actor("leader"), case.id, "remind", {"note": "请尽快处置"},
             at=NOW + timedelta(days=1))  # fmt: skip
    ws.set_demo_autostart(True)  # an administration change, audited
    yield ws, case
    ws.dispose()


def test_filters_by_person_case_action_workstation_and_period(world) -> None:
    ws, case = world
    admin = ws.actor("admin")
    everything = ws.audit_trail(admin, AuditFilter())
    assert everything == sorted(everything, key=lambda e: e.at, reverse=True)
    assert {e.action for e in everything} >= {"report", "file", "dispatch", "remind"}
    by_desk = ws.audit_trail(admin, AuditFilter(workstation="席位-3"))
    assert [(e.action, e.actor, e.case_no) for e in by_desk] == [
        ("remind", "leader", case.case_no)]
    assert [e.action for e in ws.audit_trail(admin, AuditFilter(user="dispatcher"))] == \
        ["dispatch"]  # fmt: skip
    assert {e.case_no for e in ws.audit_trail(admin, AuditFilter(case_no=str(case.id)))} == \
        {case.case_no}  # fmt: skip
    later = ws.audit_trail(admin, AuditFilter(first_day=date(2026, 11, 26)))
    assert [e.action for e in later] == ["remind"]
    assert ws.audit_trail(admin, AuditFilter(action="remind", last_day=date(2026, 11, 25))) == []


def test_only_leaders_and_administrators_may_read_it(world) -> None:
    ws, _ = world
    with pytest.raises(PermissionDenied, match="无权查看审计记录"):
        ws.audit_trail(ws.actor("dispatcher"), AuditFilter())
    assert ws.audit_trail(ws.actor("leader"), AuditFilter(), limit=1)


def test_the_cli_exports_csv_with_a_bom(world, tmp_path) -> None:
    ws, case = world
    out = tmp_path / "audit.csv"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "WORKSTATION_PASSWORD": PASSWORD}
    env.pop("WORKSTATION_DB", None)
    result = subprocess.run([sys.executable, "-m", "workstation", "--db", ws.settings.db_url,
                             "audit", "--case", case.case_no, "--csv", str(out)],
                            capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["时间", "账号", "角色", "工作站", "操作"]
    assert [r[4] for r in rows[1:]] == ["remind", "dispatch", "file", "report"]
    assert rows[1][3] == "席位-3"
