"""Regions (街道, 社区, unit grid): filings, 监督举报率 and the handling figures."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from workstation.domain.case import CaseEvent
from workstation.domain.lifecycle import Action, CaseState
from workstation.domain.metrics.handling import UnitIndicators
from workstation.domain.metrics.period import Period, grid_of, rate


@dataclass
class RegionFacts:
    """What a region's row needs besides the handling: filings and public reports."""

    filed: int = 0  # 立案数: cases filed in the period in the region
    public_verified: int = 0  # public reports confirmed on site (监督举报)
    grids: int = 1  # unit grids in the region (for the per-grid 立案数 band)
    undispatched: int = 0  # 未派遣数: filed in the period, still waiting for dispatch at as_of


def region_filings(histories: Iterable[Sequence[CaseEvent]], period: Period,
                   key: Callable[[str], str]) -> dict[str, RegionFacts]:  # fmt: skip
    """Per region (``key(grid code)``): filings and confirmed public reports of the period."""
    out: dict[str, RegionFacts] = {}
    for events in histories:
        known = [e for e in events if e.at <= period.as_of]
        if not known:
            continue
        grid = grid_of(known)
        if not grid:
            continue
        group = key(grid)
        region = out.get(group)
        if region is None:  # (not setdefault: it would build one for every case)
            region = out[group] = RegionFacts()
        if any(e.action is Action.FILE and e.at in period for e in known):
            region.filed += 1
            region.undispatched += known[-1].to_state is CaseState.FILED
        if known[0].payload.get("source") != "supervisor" and any(
            e.action is Action.VERIFY and e.payload.get("confirmed") and e.at in period
            for e in known
        ):
            region.public_verified += 1
    return out


def region_row(handling: UnitIndicators, filings: RegionFacts) -> dict[str, Any]:
    """A region's indicators: 监督举报率 (lower is better), 立案数, 结案率, 按期结案率 …"""
    figures = handling.as_dict()
    figures["filed"] = filings.filed
    figures["undispatched"] = filings.undispatched
    figures["public_verified"] = filings.public_verified
    figures["public_report_rate"] = rate(filings.public_verified, filings.filed)
    figures["filed_per_grid"] = round(filings.filed / max(1, filings.grids), 2)
    return figures
