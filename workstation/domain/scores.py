"""Composite scores (综合指标值) and levels A–E of EVALUATION.md §3.

The rules are data (weights, count bands, level bounds): `ScoreRules` holds them, with the
standard's defaults; a centre changes them without code (the services load them).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["DEFAULT_RULES", "ScoreRules", "band_score", "level_of"]

# (upper bound inclusive, score); the last band has no upper bound (None)
Bands = tuple[tuple[int | None, float], ...]

# A unit's 立案数: fewer problems is better.
UNIT_FILED_BANDS: Bands = ((50, 100), (100, 90), (200, 75), (500, 60), (1000, 40), (None, 0))
# (weight, indicator key, how it scores): "rate" = rate, "inverse" = 100 − rate, "band"
UNIT_WEIGHTS: tuple[tuple[float, str, str], ...] = (
    (0.10, "filed", "band"),
    (0.30, "closing_rate", "rate"),
    (0.30, "on_time_handling_rate", "rate"),
    (0.30, "rework_rate", "inverse"),
)
SUPERVISOR_WEIGHTS: tuple[tuple[float, str, str], ...] = (
    (0.40, "valid_report_rate", "rate"),
    (0.20, "missed_rate", "inverse"),
    (0.20, "on_time_verification_rate", "rate"),
    (0.20, "on_time_check_rate", "rate"),
)
# Per-grid 立案数 of a 一类区域 (the default class): fewer problems is better.
GRID_FILED_BANDS_CLASS1: Bands = ((0, 100), (2, 90), (4, 75), (6, 60), (8, 40), (None, 0))
GRID_FILED_BANDS_CLASS2: Bands = ((0, 100), (3, 90), (5, 75), (7, 60), (9, 40), (None, 0))
REGION_WEIGHTS: tuple[tuple[float, str, str], ...] = (
    (0.10, "public_report_rate", "inverse"),
    (0.20, "filed_per_grid", "band"),
    (0.30, "closing_rate", "rate"),
    (0.40, "on_time_closing_rate", "rate"),
)
LEVELS: tuple[tuple[float, str], ...] = ((90, "A"), (75, "B"), (60, "C"), (40, "D"), (0, "E"))


def band_score(count: int, bands: Bands) -> float:
    for upper, score in bands:
        if upper is None or count <= upper:
            return score
    return 0.0  # pragma: no cover - the last band is open


def level_of(score: float | None, levels: Sequence[tuple[float, str]] = LEVELS) -> str | None:
    """A ≥ 90, B 75–89, C 60–74, D 40–59, E < 40; None without a score."""
    if score is None:
        return None
    for lower, name in levels:
        if score >= lower:
            return name
    return levels[-1][1]


@dataclass(frozen=True)
class ScoreRules:
    unit_weights: tuple[tuple[float, str, str], ...] = UNIT_WEIGHTS
    supervisor_weights: tuple[tuple[float, str, str], ...] = SUPERVISOR_WEIGHTS
    region_weights: tuple[tuple[float, str, str], ...] = REGION_WEIGHTS
    grid_filed_bands: Bands = GRID_FILED_BANDS_CLASS1
    unit_filed_bands: Bands = UNIT_FILED_BANDS
    levels: tuple[tuple[float, str], ...] = LEVELS
    bands: Mapping[str, Bands] = field(default_factory=lambda: {"filed": UNIT_FILED_BANDS})

    def unit_score(self, indicators: Mapping[str, Any]) -> float | None:
        """The weighted score of a handling unit; None when it had nothing to handle."""
        if not indicators.get("due_to_handle"):
            return None
        total = 0.0
        for weight, key, how in self.unit_weights:
            value = indicators.get(key)
            if how == "band":
                part = band_score(int(value or 0), self.bands.get(key, self.unit_filed_bands))
            elif value is None:
                return None
            elif how == "inverse":
                part = 100.0 - float(value)
            else:
                part = float(value)
            total += weight * part
        return round(total, 1)


    def supervisor_score(self, indicators: Mapping[str, Any]) -> float | None:
        """The weighted score of a supervisor. A rate without a denominator ("—": no
        verification task this period, say) leaves the score, and the other weights are
        scaled up to 100 %; no rate at all: no score."""
        total = weights = 0.0
        for weight, key, how in self.supervisor_weights:
            value = indicators.get(key)
            if value is None:
                continue
            total += weight * (100.0 - float(value) if how == "inverse" else float(value))
            weights += weight
        return round(total / weights, 1) if weights else None


    def region_score(self, indicators: Mapping[str, Any]) -> float | None:
        """(1 − 监督举报率) 10 % + 立案数分值 20 % + 结案率 30 % + 按期结案率 40 %; rates
        without a denominator leave the score as for supervisors."""
        total = weights = 0.0
        for weight, key, how in self.region_weights:
            value = indicators.get(key)
            if value is None:
                continue
            if how == "band":
                part = band_score(math.ceil(float(value)), self.grid_filed_bands)
            elif how == "inverse":
                part = 100.0 - float(value)
            else:
                part = float(value)
            total += weight * part
            weights += weight
        if not indicators.get("due_to_close") and not indicators.get("filed"):
            return None
        return round(total / weights, 1) if weights else None


DEFAULT_RULES = ScoreRules()
