"""`workstation handover`: the shift hand-over sheet (交接班) on a terminal, or as JSON.

Without --from/--to: the shift that is on now (the one ending), by the ``shift_times``
setting. The sheet is generated, not stored (the outgoing leader stores it in the GUI,
with notes); ``--id`` prints a stored sheet as it was saved, with its notes and who
acknowledged it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from workstation.cli_text import pad
from workstation.domain.lifecycle import SOURCE_LABELS

_SOURCES = {s.value: label for s, label in SOURCE_LABELS.items()}


def add_parser(sub: Any, leaf: dict[str, Any]) -> None:
    ho = sub.add_parser(
        "handover", help="交接班：本班交接单（默认：当前班次，按设置中的交接班时刻）", **leaf
    )
    ho.add_argument("--from", dest="start", help="时段起（ISO，如 2026-11-25T08:30）")
    ho.add_argument("--to", dest="end", help="时段止（ISO，不含）")
    ho.add_argument("--at", help="按此时刻生成（ISO，默认现在）")
    ho.add_argument("--id", dest="sheet_id", type=int, help="显示已保存的交接单（编号）")
    ho.add_argument("--json", action="store_true", help="输出 JSON")


def run(ws: Any, args: argparse.Namespace) -> int:
    if args.sheet_id is not None:
        if args.start or args.end:
            raise ValueError("--id 不能与 --from/--to 同时使用")
        stored = ws.handover_sheet(None, args.sheet_id)
        data = stored.to_json()
    else:
        at = _instant(args.at, "--at") or ws.clock()
        if (args.start is None) != (args.end is None):
            raise ValueError("--from 与 --to 须同时给出（或都不给：当前班次）")
        start, end = _instant(args.start, "--from"), _instant(args.end, "--to")
        if start is None or end is None:
            start, end = ws.handover_shift(at)
        data = ws.handover_preview(None, start, end, at=at).to_json()
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_sheet(data)
    return 0


def print_sheet(data: dict[str, Any]) -> None:
    flow = data["flow"]
    title = f"交接班记录 {_t(data['start'])} 至 {_t(data['end'])}"
    print(title + (f"（第 {data['id']} 号）" if data.get("id") else ""))
    print(f"生成时间 {_t(data['generated_at'])}；以下“超期”等为该时刻的情况")
    sources = "，".join(f"{_SOURCES.get(k, k)} {v}" for k, v in flow["by_source"].items())
    print(f"本班新上报 {flow['reported']} 件" + (f"（{sources}）" if sources else ""))
    print(f"立案 {flow['filed']}  派遣 {flow['dispatched']}  结案 {flow['closed']}  "
          f"作废 {flow['voided']}  当前在办 {flow['open_now']}")  # fmt: skip
    for key, heading in (("overdue", "超期案件"), ("due_soon", "即将超期"),
                         ("key_cases", "督办案件"), ("requests", "待审批的单位申请")):  # fmt: skip
        rows = data[key]
        print(f"\n{heading}（{len(rows)} 件）")
        for c in rows:
            print(f"  {c['case_no']}  {pad(c['detail'], 16)}  {pad(_t(c['due']), 16)}  "
                  f"{pad(c['unit_name'] or '—', 24)}  {c['title']}")  # fmt: skip
    people = data["supervisors"]
    print(f"\n监督员异常（{len(people)} 人）")
    for s in people:
        print(f"  {pad(s['name'], 8)}  {pad(s['street_name'], 10)}  {pad(s['status_label'], 10)}  "
              f"{s['problem']}")  # fmt: skip
    if "notes" in data:
        print(f"\n交接备注：{data['notes'] or '（无）'}")
        print(f"交班：{data['created_by_name']} {_t(data['created_at'])}")
        if data.get("acknowledged_at"):
            note = f"，意见：{data['acknowledge_note']}" if data.get("acknowledge_note") else ""
            who = data["acknowledged_by_name"]
            print(f"接班：{who} {_t(data['acknowledged_at'])} 已确认{note}")
        else:
            print("接班：尚未确认")


def _t(text: str | None) -> str:
    return "—" if not text else text.replace("T", " ")[:16]


def _instant(text: str | None, option: str) -> datetime | None:
    if text is None:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        hint = "应为 ISO 格式，如 2026-11-25T08:30"
        raise ValueError(f"无法识别的时刻 {option} {text!r}（{hint}）") from None
    if at.tzinfo is not None:
        raise ValueError(f"时刻必须是不带时区的北京时间：{text}")
    return at
