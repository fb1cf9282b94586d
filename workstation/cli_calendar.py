"""`workstation calendar show|set|import|confirm|hours|limit`: the working calendar from the
command line. Changes are administrator actions, audited, and never move a deadline
silently: when open cases are affected the command needs `--recompute` or `--keep`.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from workstation.cli_identity import acting
from workstation.cli_text import pad
from workstation.domain.errors import ValidationError
from workstation.domain.holiday_rules import DayKind
from workstation.services.calendar_admin import (
    STAGE_SETTING_LABELS,
    CalendarChange,
    CalendarImpact,
    DayChange,
    YearView,
    schedule_import,
)

_WEEKDAYS = "一二三四五六日"
_SHOWN_CASES = 10


def run(ws: Any, args: argparse.Namespace) -> int:
    if args.cal_command == "show":
        _show(ws.calendar_year(args.year), args.json)
        return 0
    return _change(ws, args, _change_of(args))


def _change_of(args: argparse.Namespace) -> CalendarChange:
    command = args.cal_command
    if command == "set":
        day = _parse_date(args.date)
        kind = None if args.kind == "clear" else DayKind(args.kind)
        return CalendarChange(days=(DayChange(day, kind, args.note.strip()),))
    if command == "import":
        from workstation.adapters.calendar_csv import read_schedule_file

        return schedule_import(read_schedule_file(args.file), confirm=not args.no_confirm)
    if command == "confirm":
        if args.undo:
            return CalendarChange(unconfirm_years=(args.year,))
        return CalendarChange(confirm_years=(args.year,))
    if command == "hours":
        return CalendarChange(settings=(("office_hours", args.office_hours),))
    if args.priority == "urgent" and args.stage != "urgent_handling":
        return CalendarChange(settings=((f"stage_limit.urgent.{args.stage}", args.limit),))
    return CalendarChange(settings=((f"stage_limit.{args.stage}", args.limit),))


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"无法识别的日期：{text!r}（应为如 2027-02-20）") from None


def _change(ws: Any, args: argparse.Namespace, change: CalendarChange) -> int:
    actor = acting(ws, args.user)
    preview: CalendarImpact = ws.calendar_impact(change)
    if preview.count and args.recompute is None:
        print(_affected_lines(preview), file=sys.stderr)
        raise ValidationError(
            f"此变更影响 {preview.count} 件在办案件的期限：请加 --recompute（重算期限）"
            "或 --keep（保留原期限）后重试，未作任何修改"
        )
    result = ws.change_calendar(actor, change, recompute=args.recompute)
    if args.json:
        json.dump({"change": change.describe(), "affected": result.affected,
                   "recomputed": result.recomputed, "kept": result.kept},
                  sys.stdout, ensure_ascii=False)  # fmt: skip
        print()
        return 0
    print(f"已保存：{change.describe().removeprefix('工作日历变更：')}")
    if result.affected:
        done = f"已重算 {result.recomputed} 件的期限" if result.recomputed else "已保留原期限"
        print(f"影响在办案件 {result.affected} 件：{done}")
    else:
        print("没有在办案件的期限因此改变")
    for year in sorted(change.confirm_years):
        print(f"{year} 年调休安排已确认")
    return 0


def _affected_lines(found: CalendarImpact) -> str:
    lines = [f"受影响的在办案件（{found.count} 件）："]
    for item in found.affected[:_SHOWN_CASES]:
        old = item.deadline or item.stage_deadline
        new = item.new_deadline or item.new_stage_deadline
        lines.append(f"  {item.case_no}  期限 {_at(old)} → {_at(new)}")
    if found.count > _SHOWN_CASES:
        lines.append(f"  … 另有 {found.count - _SHOWN_CASES} 件")
    return "\n".join(lines)


def _at(value: Any) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else "—"


def _show(view: YearView, as_json: bool) -> None:
    if as_json:
        json.dump(view.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    state = view.status.label
    if view.confirmed_by:
        state += f"（{view.confirmed_by} 于 {view.confirmed_at:%Y-%m-%d %H:%M} 确认）"
    print(f"{view.year} 年工作日历：{state}")
    if view.warning:
        print(f"注意：{view.warning}")
    for key, value in view.settings.items():
        print(f"  {STAGE_SETTING_LABELS[key]}：{value}")
    print(f"日期        星期  {pad('类型', 8)}  {pad('来源', 12)}  名称 / 备注")
    for d in view.special_days:
        label = "调休上班" if d.is_makeup_workday else d.kind.label
        text = " ".join(part for part in (d.name, d.note) if part)
        print(f"{d.day.isoformat()}  {_WEEKDAYS[d.day.weekday()]}    {pad(label, 8)}  "
              f"{pad(d.source.label, 12)}  {text}")  # fmt: skip
