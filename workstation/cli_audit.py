"""`workstation audit`: the audit trail (case events and administration changes), filtered,
as a list, JSON or CSV (UTF-8 with a BOM, so that Excel reads the Chinese)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from workstation.cli_identity import acting


def run(ws: Any, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from workstation.services.audit import AuditFilter, to_csv

    flt = AuditFilter(args.user, args.case, args.action, args.workstation,
                      _day(args.first_day), _day(args.last_day))  # fmt: skip
    entries = ws.audit_trail(acting(ws, args.user_as), flt, args.limit)
    if args.csv_file:
        text = to_csv(entries)
        if args.csv_file == "-":
            sys.stdout.write(text)
        else:
            from pathlib import Path

            Path(args.csv_file).write_text(text, encoding="utf-8-sig")
            print(f"已导出 {len(entries)} 条审计记录：{args.csv_file}")
        return 0
    if args.json:
        rows = [{**asdict(e), "at": e.at.isoformat(timespec="seconds")} for e in entries]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for e in entries:
        where = e.case_no or e.subject
        print(f"{e.at:%Y-%m-%d %H:%M:%S}  {e.actor:<12} {e.workstation or '-':<14} "
              f"{e.action:<22} {where}  {e.note}".rstrip())  # fmt: skip
    print(f"共 {len(entries)} 条")
    return 0


def _day(text: str | None) -> Any:
    from datetime import date

    from workstation.domain.errors import ValidationError

    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"无法识别的日期：{text}（应为如 2026-11-01）") from None
