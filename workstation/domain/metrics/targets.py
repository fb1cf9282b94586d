"""The sub-centre's own performance targets (项目绩效目标, EVALUATION.md §4) against what the
system measured for a period.

The 2026 declaration for the supervision project: 30 supervisors collecting information
365 days; 验收合格率 ≥ 95 %; budget execution ≥ 95 %; a monthly outsourcing cost of
103,500 元; hazards eliminated (citizens' travel safety) ≥ 95 %; satisfaction of citizens,
handling units and dispatch staff ≥ 95 %. How each is measured is written here, once:

- 监督员在岗: a supervisor is on duty on a day when the phone sent a position or the
  supervisor reported, verified or checked a case; met when every day of the period (up
  to the evaluation instant) had at least the declared number on duty;
- 验收合格率: the supervisors' 有效上报率 (reports filed and not voided ÷ reports);
- 消除安全隐患: the on-time closing rate (按期结案数 ÷ 应结案数) of the safety-related
  categories (the catalog's flag: manhole covers, gas, road collapse, fallen wires …);
- 满意度: citizens from the 回访 of closed cases; handling units and dispatch staff from the
  shift leader's monthly surveys;
- budget execution and the outsourcing cost: the system has no budget or cost data, and
  says so instead of showing a figure.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from workstation.domain.metrics.period import rate


class Verdict(enum.StrEnum):
    MET = "met"
    MISSED = "missed"
    NO_DATA = "no_data"  # measurable, but nothing to measure in the period (a "—" rate)
    NOT_MEASURED = "not_measured"  # the system has no data for it at all


@dataclass(frozen=True, slots=True)
class TargetRow:
    key: str
    name: str  # the declaration's wording
    target: str  # the declared value, as written
    measured: float | None  # a percentage, or a count (supervisors)
    measured_text: str  # the figure with its unit and context, Chinese
    verdict: Verdict
    basis: str  # how it was measured, or which data is missing
    # The figures behind `measured_text` (a view words them in its own language): a rate's
    # numerator and denominator; for the supervisors, the days fully staffed and the days,
    # with the smallest day's count as `minimum`.
    numerator: int | None = None
    denominator: int | None = None
    minimum: int | None = None


@dataclass(frozen=True, slots=True)
class TargetFacts:
    """What the services measured for the period."""

    on_duty_per_day: Sequence[int]  # supervisors on duty, one count per day so far
    reports: int  # supervisors' 上报数
    valid_reports: int  # 有效上报数
    safety_due_to_close: int
    safety_closed_on_time: int
    safety_categories: int  # how many categories carry the safety flag
    citizens_revisited: int
    citizens_satisfied: int
    units_surveyed: int
    units_satisfied: int
    staff_surveyed: int
    staff_satisfied: int


SUPERVISORS_DECLARED = 30
RATE_TARGET = 95.0
MONTHLY_COST = "103,500 元／月（全年 1,242,000 元）"


def target_table(facts: TargetFacts) -> list[TargetRow]:
    return [
        _on_duty(facts.on_duty_per_day),
        _rate_row("acceptance", "验收合格率", facts.valid_reports, facts.reports,
                  "监督员有效上报率 = 有效上报数 ÷ 上报数"),
        TargetRow("budget", "预算执行率", "≥ 95%", None, "无法计算", Verdict.NOT_MEASURED,
                  "系统中没有项目预算与实际支出数据，需财务部门提供预算执行情况"),
        TargetRow("cost", "月度外包服务费", MONTHLY_COST, None, "无法计算",
                  Verdict.NOT_MEASURED, "系统不记录外包服务合同与付款数据"),
        _rate_row("hazards", "消除安全隐患，市民出行安全", facts.safety_closed_on_time,
                  facts.safety_due_to_close,
                  f"安全隐患类（井盖、燃气、路面塌陷、线缆脱落等 {facts.safety_categories} 个小类）"
                  "按期结案数 ÷ 应结案数"),
        _rate_row("citizens", "市民满意度", facts.citizens_satisfied, facts.citizens_revisited,
                  "回访中（满意 + 基本满意）÷ 已回访案件数"),
        _rate_row("units", "处置单位满意度", facts.units_satisfied, facts.units_surveyed,
                  "值班长录入的处置单位满意度调查：满意人数 ÷ 调查人数"),
        _rate_row("staff", "派遣人员满意度", facts.staff_satisfied, facts.staff_surveyed,
                  "值班长录入的派遣人员满意度调查：满意人数 ÷ 调查人数"),
    ]  # fmt: skip


def _rate_row(key: str, name: str, numerator: int, denominator: int, basis: str) -> TargetRow:
    value = rate(numerator, denominator)
    if value is None:
        return TargetRow(key, name, "≥ 95%", None, "—（本期无数据）", Verdict.NO_DATA, basis)
    verdict = Verdict.MET if value >= RATE_TARGET else Verdict.MISSED
    return TargetRow(key, name, "≥ 95%", value, f"{value:.1f}%（{numerator}/{denominator}）",
                     verdict, basis, numerator, denominator)  # fmt: skip


def _on_duty(per_day: Sequence[int]) -> TargetRow:
    name = f"{SUPERVISORS_DECLARED} 名监督员 365 天采集信息"
    target = f"每天 {SUPERVISORS_DECLARED} 人在岗"
    basis = "当天有定位上报或上报、核实、核查案件的监督员计为在岗"
    if not per_day:
        return TargetRow("supervisors", name, target, None, "—（本期无数据）", Verdict.NO_DATA,
                         basis)  # fmt: skip
    mean = sum(per_day) / len(per_day)
    full = sum(1 for n in per_day if n >= SUPERVISORS_DECLARED)
    text = f"日均 {mean:.1f} 人，最少 {min(per_day)} 人；满员 {full}/{len(per_day)} 天"
    verdict = Verdict.MET if full == len(per_day) else Verdict.MISSED
    return TargetRow("supervisors", name, target, round(mean, 1), text, verdict, basis,
                     full, len(per_day), min(per_day))  # fmt: skip
