"""`workstation evaluate`: the 综合评价 tables on a terminal, or as JSON.

One table printer; each grouping is a list of columns (title, indicator, kind) and the
formula printed under its table, as public evaluation pages do.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from workstation.cli_text import pad

# (title, indicator key, "count" | "rate", width)
Column = tuple[str, str, str, int]
_UNITS: tuple[Column, ...] = (
    ("应处置", "due_to_handle", "count", 6), ("处置", "handled", "count", 6),
    ("按期处置率", "on_time_handling_rate", "rate", 10), ("结案率", "closing_rate", "rate", 7),
    ("返工率", "rework_rate", "rate", 7),
)  # fmt: skip
_SUPERVISORS: tuple[Column, ...] = (
    ("上报数", "reports", "count", 6), ("有效上报率", "valid_report_rate", "rate", 10),
    ("按时核实率", "on_time_verification_rate", "rate", 10),
    ("按时核查率", "on_time_check_rate", "rate", 10), ("漏报数", "missed", "count", 6),
    ("漏报率", "missed_rate", "rate", 7),
)  # fmt: skip
_REGIONS: tuple[Column, ...] = (
    ("立案数", "filed", "count", 6), ("未派遣", "undispatched", "count", 6),
    ("应结案数", "due_to_close", "count", 8), ("结案率", "closing_rate", "rate", 7),
    ("按期结案率", "on_time_closing_rate", "rate", 10),
    ("监督举报率", "public_report_rate", "rate", 10),
)  # fmt: skip
_POSTS: dict[str, tuple[Column, ...]] = {
    "acceptor": (("受理数", "received", "count", 6),
                 ("核实按时派发率", "on_time_verification_dispatch_rate", "rate", 14),
                 ("核查按时派发率", "on_time_check_dispatch_rate", "rate", 14)),
    "leader": (("立案数", "filed", "count", 6), ("按时立案率", "on_time_filing_rate", "rate", 10),
               ("准确立案率", "accurate_filing_rate", "rate", 10),
               ("按时结案率", "on_time_closing_rate", "rate", 10)),
    "dispatcher": (("派遣数", "dispatched", "count", 6),
                   ("按时派遣率", "on_time_dispatch_rate", "rate", 10),
                   ("准确派遣率", "accurate_dispatch_rate", "rate", 10)),
}  # fmt: skip
_RESCALED = "（无分母的比率不计，其余权重按比例放大）"
_FORMULAS = {
    "unit": "立案数分值 × 10% + 结案率 × 30% + 按期处置率 × 30% + (1 − 返工率) × 30%",
    "supervisor": "有效上报率 × 40% + (1 − 漏报率) × 20% + 按时核实率 × 20% + 按时核查率 × 20%"
                  + _RESCALED,
    "region": "(1 − 监督举报率) × 10% + 立案数分值 × 20% + 结案率 × 30% + 按期结案率 × 40%"
              "（立案数分值按每个单元网格的立案数，分一类、二类区域）",
    "acceptor": "受理数分值 × 25% + 核实按时派发率 × 40% + 核查按时派发率 × 35%" + _RESCALED,
    "leader": "按时立案率 × 25% + 准确立案率 × 40% + 按时结案率 × 35%" + _RESCALED,
    "dispatcher": "派遣数分值 × 20% + 按时派遣率 × 40% + 准确派遣率 × 40%" + _RESCALED,
}  # fmt: skip
_TITLES = {"unit": ("综合评价", "单位", 26), "centre": ("综合评价", "单位", 26),
           "supervisor": ("监督员评价", "姓名", 10), "region": ("区域评价", "区域", 16),
           "post": ("岗位评价", "姓名", 14)}  # fmt: skip


def run(ws: Any, args: argparse.Namespace, at: datetime | None) -> int:
    rows = ws.evaluate(args.first_day, args.last_day, args.by, at=at, compare=args.compare)
    if args.json:
        json.dump([r.to_json() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    by = args.by
    kind = "region" if by in ("street", "community", "grid") else \
        "post" if by in _POSTS else by  # fmt: skip
    columns = {"supervisor": _SUPERVISORS, "region": _REGIONS}.get(kind) or _POSTS.get(by) \
        or _UNITS  # fmt: skip
    title, name_title, name_width = _TITLES[kind]
    print(f"{title} {args.first_day} 至 {args.last_day}")
    _table(rows, columns, name_title, name_width, compare=args.compare)
    formula = _FORMULAS.get(by if kind == "post" else "unit" if kind == "centre" else kind)
    print(f"综合指标值 = {formula}")
    return 0


def _table(rows: list[Any], columns: tuple[Column, ...], name_title: str, name_width: int,
           *, compare: bool) -> None:  # fmt: skip
    heads = ["序号", name_title, *(c[0] for c in columns), "综合指标值", "等级"]
    widths = [4, name_width, *(c[3] for c in columns), 10, 4]
    if compare:  # 环比 / 同比 of the first rate of the table
        heads += ["环比", "同比"]
        widths += [8, 8]
    first_rate = next((c[1] for c in columns if c[2] == "rate"), "")
    print(_line(heads, widths))
    for n, r in enumerate(rows, start=1):
        i = r.indicators
        cells = [str(n), r.name]
        cells += [_pct(i[key]) if how == "rate" else str(i[key]) for _, key, how, _ in columns]
        cells += ["—" if r.score is None else f"{r.score:.1f}", r.level or "—"]
        if compare:
            cells += [_change(i, r.previous, first_rate), _change(i, r.last_year, first_rate)]
        print(_line(cells, widths))


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(pad(c, w, right=k != 1)
                     for k, (c, w) in enumerate(zip(cells, widths, strict=True)))  # fmt: skip


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def _change(now: dict[str, Any], then: dict[str, Any] | None, key: str) -> str:
    """The change of a rate in percentage points ("+1.2", "−0.5"), or "—"."""
    before = (then or {}).get("indicators", {}).get(key)
    if now.get(key) is None or before is None:
        return "—"
    return f"{float(now[key]) - float(before):+.1f}".replace("-", "−")


def run_targets(ws: Any, args: argparse.Namespace, at: datetime | None) -> int:
    """`workstation targets`: the 绩效目标 table (declared targets against the measured)."""
    report = ws.performance_targets(args.first_day, args.last_day, at=at)
    if args.json:
        rows = [{"key": r.key, "name": r.name, "target": r.target, "measured": r.measured,
                 "measured_text": r.measured_text, "verdict": r.verdict.value,
                 "basis": r.basis} for r in report.rows]  # fmt: skip
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    verdicts = {"met": "达标", "missed": "未达标", "no_data": "无数据", "not_measured": "无法计算"}
    print(f"绩效目标 {args.first_day} 至 {args.last_day}")
    for r in report.rows:
        print(f"{pad(r.name, 28)}  目标 {pad(r.target, 26)}  实测 {pad(r.measured_text, 34)}  "
              f"{verdicts[r.verdict.value]}")
        print(f"    {r.basis}")
    return 0
