"""The 绩效目标 table from hand-made measurements: the thresholds, "—" and "cannot measure"."""

from __future__ import annotations

from dataclasses import replace

from workstation.domain.metrics.targets import TargetFacts, Verdict, target_table

FACTS = TargetFacts(
    on_duty_per_day=[30, 29, 31], reports=200, valid_reports=190,  # 95.0 %: met
    safety_due_to_close=1000, safety_closed_on_time=949,  # 94.9 %: missed
    safety_categories=24, citizens_revisited=0, citizens_satisfied=0,  # none answered: "—"
    units_surveyed=40, units_satisfied=39, staff_surveyed=0, staff_satisfied=0,
)  # fmt: skip

def test_each_target_is_judged_against_its_declared_value() -> None:
    table = {r.key: r for r in target_table(FACTS)}
    assert list(table) == ["supervisors", "acceptance", "budget", "cost", "hazards", "citizens",
                           "units", "staff"]  # fmt: skip
    assert (table["acceptance"].measured, table["acceptance"].verdict) == (95.0, Verdict.MET)
    assert (table["hazards"].measured, table["hazards"].verdict) == (94.9, Verdict.MISSED)
    assert (table["hazards"].numerator, table["hazards"].denominator) == (949, 1000)
    assert "24 个小类" in table["hazards"].basis
    assert (table["units"].measured, table["units"].verdict) == (97.5, Verdict.MET)
    assert table["citizens"].measured is None
    assert table["citizens"].verdict is Verdict.NO_DATA
    assert table["staff"].verdict is Verdict.NO_DATA
    assert table["budget"].verdict is Verdict.NOT_MEASURED
    assert table["budget"].measured is None
    assert table["cost"].verdict is Verdict.NOT_MEASURED

def test_thirty_supervisors_every_day_or_the_target_is_missed() -> None:
    short = {r.key: r for r in target_table(FACTS)}["supervisors"]
    # one day with 29 on duty: missed, whatever the mean (30.0)
    assert (short.measured, short.minimum, short.numerator, short.denominator) == (30.0, 29, 2, 3)
    assert short.verdict is Verdict.MISSED
    assert short.measured_text == "日均 30.0 人，最少 29 人；满员 2/3 天"
    full = {r.key: r for r in target_table(replace(FACTS, on_duty_per_day=[30, 31]))}
    assert full["supervisors"].verdict is Verdict.MET
    none = {r.key: r for r in target_table(replace(FACTS, on_duty_per_day=[]))}
    assert none["supervisors"].verdict is Verdict.NO_DATA
