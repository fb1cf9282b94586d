"""The indicators of the evaluation step (综合评价), computed from event histories.

Pure functions: the services feed them each case's events once per period. The counting
rules are those of `../shared/EVALUATION.md` §2, written once where the standard leaves a
choice: `handling` (units and the centre), `people` (supervisors and posts), `regions`.
"""

from workstation.domain.metrics.handling import (
    HandlingFacts,
    UnitIndicators,
    centre_indicators,
    handling_facts,
    unit_indicators,
)
from workstation.domain.metrics.people import (
    PostIndicators,
    SupervisorIndicators,
    post_indicators,
    supervisor_indicators,
)
from workstation.domain.metrics.period import Period, rate
from workstation.domain.metrics.regions import RegionFacts, region_filings, region_row

__all__ = [
    "HandlingFacts",
    "Period",
    "PostIndicators",
    "RegionFacts",
    "SupervisorIndicators",
    "UnitIndicators",
    "centre_indicators",
    "handling_facts",
    "post_indicators",
    "rate",
    "region_filings",
    "region_row",
    "supervisor_indicators",
    "unit_indicators",
]
