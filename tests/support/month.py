"""The small known month the statistics tests read (by hand: see their assertions).

Three cases dispatched to one unit with 2 工作时 each on 23–24 November 2026 (one fed back
in 1 h and closed on the 23rd, one fed back late after 3.5 h, one with no feedback —
overdue since Tuesday 11:00), and a hotline report still to verify; judged on Wednesday
25 November 10:00. ``with_october`` adds one case handled on time in October (the 环比).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from support.world import dispatched_case


def known_month(ws: Any, *, with_october: bool = False) -> dict[str, Any]:
    a = dispatched_case(ws, datetime(2026, 11, 23, 9, 0))  # due Mon 11:00
    b = dispatched_case(ws, datetime(2026, 11, 23, 9, 0))
    c = dispatched_case(ws, datetime(2026, 11, 24, 9, 0))  # no feedback: overdue Tue 11:00
    unit = ws.actor(a.unit.lower())
    ws.act(unit, a.id, "feedback", at=datetime(2026, 11, 23, 10, 0))  # 1 h, on time
    ws.act(unit, b.id, "feedback", at=datetime(2026, 11, 23, 15, 0))  # 3.5 h, late
    ws.act(ws.actor("dispatcher"), a.id, "send_for_check", at=datetime(2026, 11, 23, 10, 30))
    ws.act(ws.actor("jdy001"), a.id, "check_pass", at=datetime(2026, 11, 23, 11, 0))
    cell = ws.reference.cells[ws.reference.supervisors["jdy002"].patrol_cells[0]]
    d = ws.report(ws.actor("acceptor"), description="夜间施工噪音", source="hotline_12345",
                  lon=cell.lon, lat=cell.lat, category_code="E0102",
                  at=datetime(2026, 11, 24, 14, 0))  # fmt: skip
    out: dict[str, Any] = {"a": a.id, "b": b.id, "c": c.id, "d": d.id, "unit": a.unit}
    if with_october:
        october = dispatched_case(ws, datetime(2026, 10, 20, 9, 0))
        ws.act(unit, october.id, "feedback", at=datetime(2026, 10, 20, 10, 0))
        out["october"] = october.id
    return out
