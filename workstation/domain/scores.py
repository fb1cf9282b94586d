"""Composite scores (综合指标值) and levels A–E of EVALUATION.md §3.

The rules are data (weights, count bands, level bounds): `ScoreRules` holds them, with the
standard's defaults; a centre changes them without code (the services load them).

One written rule for every object: each component scores its rate, at most 100 (or
100 − rate for a "lower is better" rate, or its count's band) times its weight. A rate without a
denominator ("—": no verification task this month, say) leaves the score and the other
weights are scaled up to 100 %; an object with nothing to count has no score.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["DEFAULT_RULES", "ScoreRules", "band_score", "level_of"]

# (upper bound inclusive, score); the last band has no upper bound (None)
Bands = tuple[tuple[int | None, float], ...]
# (weight, indicator key, how it scores): "rate", "inverse" (100 − rate), "band"
Weights = tuple[tuple[float, str, str], ...]

# A unit's 立案数 (cases dispatched to it): fewer problems is better.
UNIT_FILED_BANDS: Bands = ((50, 100), (100, 90), (200, 75), (500, 60), (1000, 40), (None, 0))
# 受理数 / 派遣数 of a person: more work is better.
WORK_BANDS: Bands = ((100, 0), (300, 40), (500, 60), (1200, 75), (2000, 90), (None, 100))
# Per-grid 立案数 of a 一类 / 二类区域: fewer problems is better.
GRID_FILED_BANDS_CLASS1: Bands = ((0, 100), (2, 90), (4, 75), (6, 60), (8, 40), (None, 0))
GRID_FILED_BANDS_CLASS2: Bands = ((0, 100), (3, 90), (5, 75), (7, 60), (9, 40), (None, 0))

WEIGHTS: dict[str, Weights] = {
    "unit": ((0.10, "filed", "band"), (0.30, "closing_rate", "rate"),
             (0.30, "on_time_handling_rate", "rate"), (0.30, "rework_rate", "inverse")),
    "supervisor": ((0.40, "valid_report_rate", "rate"), (0.20, "missed_rate", "inverse"),
                   (0.20, "on_time_verification_rate", "rate"),
                   (0.20, "on_time_check_rate", "rate")),
    "acceptor": ((0.25, "received", "band"),
                 (0.40, "on_time_verification_dispatch_rate", "rate"),
                 (0.35, "on_time_check_dispatch_rate", "rate")),
    "leader": ((0.25, "on_time_filing_rate", "rate"), (0.40, "accurate_filing_rate", "rate"),
               (0.35, "on_time_closing_rate", "rate")),
    "dispatcher": ((0.20, "dispatched", "band"), (0.40, "on_time_dispatch_rate", "rate"),
                   (0.40, "accurate_dispatch_rate", "rate")),
    "region": ((0.10, "public_report_rate", "inverse"), (0.20, "filed_per_grid", "band"),
               (0.30, "closing_rate", "rate"), (0.40, "on_time_closing_rate", "rate")),
}  # fmt: skip
BANDS: dict[tuple[str, str], Bands] = {
    ("unit", "filed"): UNIT_FILED_BANDS,
    ("acceptor", "received"): WORK_BANDS,
    ("dispatcher", "dispatched"): WORK_BANDS,
    ("region", "filed_per_grid"): GRID_FILED_BANDS_CLASS1,
    ("region", "filed_per_grid:2"): GRID_FILED_BANDS_CLASS2,  # a region of 二类 grids
}
# What an object must have counted to get a score at all.
HAS_DATA: dict[str, tuple[str, ...]] = {
    "unit": ("due_to_handle",),
    "supervisor": ("reports", "verifications", "checks", "missed"),
    "acceptor": ("received", "checks_sent"),
    "leader": ("filed", "closed"),
    "dispatcher": ("dispatched",),
    "region": ("filed", "due_to_close"),
}
LEVELS: tuple[tuple[float, str], ...] = ((90, "A"), (75, "B"), (60, "C"), (40, "D"), (0, "E"))


def band_score(count: float, bands: Bands) -> float:
    count = math.ceil(count)  # a per-grid average of 2.5 falls in the band of 3
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
    weights: Mapping[str, Weights] = field(default_factory=lambda: dict(WEIGHTS))
    bands: Mapping[tuple[str, str], Bands] = field(default_factory=lambda: dict(BANDS))
    levels: tuple[tuple[float, str], ...] = LEVELS

    def score(self, kind: str, indicators: Mapping[str, Any]) -> float | None:
        """The 综合指标值 of an object of ``kind`` ("unit", "supervisor", "acceptor",
        "leader", "dispatcher", "region") from its indicators."""
        if not any(indicators.get(key) for key in HAS_DATA[kind]):
            return None
        total = weights = 0.0
        for weight, key, how in self.weights[kind]:
            value = indicators.get(key)
            if how == "band":
                variant = (kind, f"{key}:{indicators.get('area_class', 1)}")
                bands = self.bands.get(variant) or self.bands[(kind, key)]
                part = band_score(float(value or 0), bands)
            elif value is None:
                continue
            elif how == "inverse":
                part = 100.0 - min(100.0, float(value))
            else:
                # A closing rate can pass 100 % (closings count in the period they happen,
                # 应结案数 by handling): as a score component it counts as 100.
                part = min(100.0, float(value))
            total += weight * part
            weights += weight
        return round(total / weights, 1) if weights else None

    def level(self, score: float | None) -> str | None:
        return level_of(score, self.levels)

    # -- as stored (the settings row "evaluation.rules") ------------------------------

    def to_json(self) -> str:
        return json.dumps({
            "weights": {kind: [list(w) for w in ws] for kind, ws in self.weights.items()},
            "bands": {f"{kind}.{key}": [list(b) for b in bands]
                      for (kind, key), bands in self.bands.items()},
            "levels": [list(level) for level in self.levels],
        }, ensure_ascii=False)  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> ScoreRules:
        """Rules as an administrator stored them; ValueError (Chinese) when malformed."""
        try:
            data = json.loads(text)
            weights = {str(kind): tuple((float(w), str(key), str(how)) for w, key, how in ws)
                       for kind, ws in data["weights"].items()}  # fmt: skip
            bands = {tuple(name.split(".", 1)): tuple(
                (None if upper is None else int(upper), float(score)) for upper, score in rows)
                for name, rows in data["bands"].items()}  # fmt: skip
            levels = tuple((float(lower), str(name)) for lower, name in data["levels"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"评价规则设置有误（evaluation.rules）：{exc}") from None
        for kind in WEIGHTS:
            if kind not in weights:
                raise ValueError(f"评价规则设置有误（evaluation.rules）：缺少 {kind} 的权重")
            for _, key, how in weights[kind]:
                if how not in ("rate", "inverse", "band"):
                    raise ValueError(f"评价规则设置有误：{kind}.{key} 的计分方式 {how} 未知")
                if how == "band" and (kind, key) not in bands:
                    raise ValueError(f"评价规则设置有误：缺少 {kind}.{key} 的分档")
        return cls(weights, bands, levels)

    # The objects by name (what the services and tests call).
    def unit_score(self, indicators: Mapping[str, Any]) -> float | None:
        return self.score("unit", indicators)

    def supervisor_score(self, indicators: Mapping[str, Any]) -> float | None:
        return self.score("supervisor", indicators)

    def region_score(self, indicators: Mapping[str, Any]) -> float | None:
        return self.score("region", indicators)


DEFAULT_RULES = ScoreRules()
