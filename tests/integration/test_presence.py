"""Who is on which case (issue 10 §4): two consoles — two processes — see each other on a
case, viewing or with a dialog open; a console that goes away without a word stops
counting after the TTL; presence changes go on the change feed."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta

from workstation.bootstrap import Workstation
from workstation.services.presence import TTL

from support.world import dispatched_case, make_world

NOW = datetime(2026, 11, 25, 10, 0)

OTHER_CONSOLE = """
import sys
from datetime import datetime
from workstation.bootstrap import bootstrap
from workstation.settings import Settings
url, case_id, activity, at = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ws = bootstrap(Settings(db_url=url, workstation_name="席位-2"))
ws.touch_presence(ws.actor("dispatcher"), case_id, activity, at=datetime.fromisoformat(at))
print([(p.username, p.workstation, p.activity) for p in ws.presence_on([case_id],
      at=datetime.fromisoformat(at))])
ws.dispose()
"""


def _console(ws: Workstation, name: str) -> Workstation:
    return Workstation(replace(ws.settings, workstation_name=name), ws.engine, ws.clock)


def test_two_console_processes_see_each_other(db_url: str) -> None:
    ws = make_world(db_url, NOW)
    try:
        case = dispatched_case(ws, NOW)
        here = _console(ws, "席位-1")
        start = here.feed_cursor()
        here.touch_presence(here.actor("leader"), case.id, at=NOW)
        seen = subprocess.run([sys.executable, "-c", OTHER_CONSOLE, db_url, str(case.id),
                               "dispatch", NOW.isoformat()], capture_output=True, text=True,
                              timeout=120)  # fmt: skip
        assert seen.returncode == 0, seen.stderr
        # The other process saw this one; this one sees the other's open dialog.
        assert "('leader', '席位-1', 'viewing')" in seen.stdout
        now = here.presence_on([case.id], at=NOW)
        assert [(p.username, p.workstation, p.activity, p.editing) for p in now] == [
            ("dispatcher", "席位-2", "dispatch", True), ("leader", "席位-1", "viewing", False)]
        assert now[0].name  # the display name, for "派遣员 X 正在派遣"
        assert "presence" in here.changes_since(start).topics
    finally:
        ws.dispose()


def test_a_console_that_went_away_stops_counting(db_url: str) -> None:
    ws = make_world(db_url, NOW)
    try:
        case = dispatched_case(ws, NOW)
        gone, here = _console(ws, "席位-9"), _console(ws, "席位-1")
        gone.touch_presence(gone.actor("dispatcher"), case.id, "dispatch", at=NOW)
        later = NOW + TTL + timedelta(seconds=1)
        assert [p.workstation for p in here.presence_on([case.id], at=NOW)] == ["席位-9"]
        assert here.presence_on([case.id], at=later) == []  # never heard of again
        here.touch_presence(here.actor("leader"), case.id, at=later)  # any write cleans up
        with ws.read_session() as s:
            from sqlalchemy import text

            rows = s.execute(text("SELECT workstation FROM case_presence")).scalars().all()
        assert rows == ["席位-1"]
        here.touch_presence(here.actor("leader"), None, at=later)  # closed the case
        assert here.presence_on([case.id], at=later) == []
    finally:
        ws.dispose()


def test_a_heartbeat_keeps_a_console_present_without_feeding_the_feed(db_url: str) -> None:
    ws = make_world(db_url, NOW)
    try:
        case = dispatched_case(ws, NOW)
        here = _console(ws, "席位-1")
        here.touch_presence(here.actor("leader"), case.id, at=NOW)
        start = here.feed_cursor()
        for minute in range(1, 4):  # past the TTL, refreshed every minute
            here.touch_presence(here.actor("leader"), case.id, at=NOW + timedelta(minutes=minute))
        assert [p.since for p in here.presence_on([case.id], at=NOW + timedelta(minutes=3))] \
            == [NOW]  # fmt: skip
        assert here.changes_since(start).empty
    finally:
        ws.dispose()
