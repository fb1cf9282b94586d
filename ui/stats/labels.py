"""Names and colours of the statistics panel: indicator labels, stages, levels, sources."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from workstation.domain.scores import ScoreRules

CONTEXT = "Statistics"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks `text` for translation under `context` (lupdate needs literal arguments)."""
    return text


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


INDICATORS: dict[str, str] = {
    "filed": QT_TRANSLATE_NOOP("Statistics", "立案数"),
    "undispatched": QT_TRANSLATE_NOOP("Statistics", "未派遣数"),
    "due_to_handle": QT_TRANSLATE_NOOP("Statistics", "应处置数"),
    "handled": QT_TRANSLATE_NOOP("Statistics", "处置数"),
    "handled_on_time": QT_TRANSLATE_NOOP("Statistics", "按期处置数"),
    "on_time_handling_rate": QT_TRANSLATE_NOOP("Statistics", "按期处置率"),
    "handling_rate": QT_TRANSLATE_NOOP("Statistics", "处置率"),
    "due_to_close": QT_TRANSLATE_NOOP("Statistics", "应结案数"),
    "closed": QT_TRANSLATE_NOOP("Statistics", "结案数"),
    "closed_on_time": QT_TRANSLATE_NOOP("Statistics", "按期结案数"),
    "closing_rate": QT_TRANSLATE_NOOP("Statistics", "结案率"),
    "on_time_closing_rate": QT_TRANSLATE_NOOP("Statistics", "按期结案率"),
    "rework": QT_TRANSLATE_NOOP("Statistics", "返工数"),
    "rework_rate": QT_TRANSLATE_NOOP("Statistics", "返工率"),
    "extended": QT_TRANSLATE_NOOP("Statistics", "延期数"),
    "extension_rate": QT_TRANSLATE_NOOP("Statistics", "延期率"),
    "open_overdue": QT_TRANSLATE_NOOP("Statistics", "超期未处置数"),
    "reports": QT_TRANSLATE_NOOP("Statistics", "上报数"),
    "valid_reports": QT_TRANSLATE_NOOP("Statistics", "有效上报数"),
    "valid_report_rate": QT_TRANSLATE_NOOP("Statistics", "有效上报率"),
    "verifications": QT_TRANSLATE_NOOP("Statistics", "应核实数"),
    "verified_on_time": QT_TRANSLATE_NOOP("Statistics", "按时核实数"),
    "on_time_verification_rate": QT_TRANSLATE_NOOP("Statistics", "按时核实率"),
    "checks": QT_TRANSLATE_NOOP("Statistics", "应核查数"),
    "checked_on_time": QT_TRANSLATE_NOOP("Statistics", "按时核查数"),
    "on_time_check_rate": QT_TRANSLATE_NOOP("Statistics", "按时核查率"),
    "missed": QT_TRANSLATE_NOOP("Statistics", "漏报数"),
    "missed_rate": QT_TRANSLATE_NOOP("Statistics", "漏报率"),
    "received": QT_TRANSLATE_NOOP("Statistics", "受理数"),
    "verification_due": QT_TRANSLATE_NOOP("Statistics", "应派发核实数"),
    "verification_sent_on_time": QT_TRANSLATE_NOOP("Statistics", "核实按时派发数"),
    "on_time_verification_dispatch_rate": QT_TRANSLATE_NOOP("Statistics", "核实按时派发率"),
    "checks_sent": QT_TRANSLATE_NOOP("Statistics", "派发核查数"),
    "checks_sent_on_time": QT_TRANSLATE_NOOP("Statistics", "核查按时派发数"),
    "on_time_check_dispatch_rate": QT_TRANSLATE_NOOP("Statistics", "核查按时派发率"),
    "filed_on_time": QT_TRANSLATE_NOOP("Statistics", "按时立案数"),
    "on_time_filing_rate": QT_TRANSLATE_NOOP("Statistics", "按时立案率"),
    "accurate_filing_rate": QT_TRANSLATE_NOOP("Statistics", "准确立案率"),
    "dispatched": QT_TRANSLATE_NOOP("Statistics", "派遣数"),
    "dispatched_on_time": QT_TRANSLATE_NOOP("Statistics", "按时派遣数"),
    "on_time_dispatch_rate": QT_TRANSLATE_NOOP("Statistics", "按时派遣率"),
    "accurate_dispatch_rate": QT_TRANSLATE_NOOP("Statistics", "准确派遣率"),
    "public_verified": QT_TRANSLATE_NOOP("Statistics", "监督举报数"),
    "public_report_rate": QT_TRANSLATE_NOOP("Statistics", "监督举报率"),
    "filed_per_grid": QT_TRANSLATE_NOOP("Statistics", "每网格立案数"),
    "satisfaction_rate": QT_TRANSLATE_NOOP("Statistics", "满意率"),
    "score": QT_TRANSLATE_NOOP("Statistics", "综合指标值"),
    "level": QT_TRANSLATE_NOOP("Statistics", "评价等级"),
}
# A leader's 按时结案率 is over the cases they closed (先行处置), not a unit's 应结案数.
LEADER_CLOSING = QT_TRANSLATE_NOOP("Statistics", "按时结案率")
LEADER_CLOSED = QT_TRANSLATE_NOOP("Statistics", "结案数")

STAGES: dict[str, str] = {
    "verify": QT_TRANSLATE_NOOP("Statistics", "核实"),
    "file": QT_TRANSLATE_NOOP("Statistics", "立案"),
    "dispatch": QT_TRANSLATE_NOOP("Statistics", "派遣"),
    "handling": QT_TRANSLATE_NOOP("Statistics", "处置"),
    "check": QT_TRANSLATE_NOOP("Statistics", "核查"),
}
FUNNEL: dict[str, str] = {
    "reported": QT_TRANSLATE_NOOP("Statistics", "上报"),
    "filed": QT_TRANSLATE_NOOP("Statistics", "立案"),
    "dispatched": QT_TRANSLATE_NOOP("Statistics", "派遣"),
    "handled": QT_TRANSLATE_NOOP("Statistics", "处置"),
    "closed": QT_TRANSLATE_NOOP("Statistics", "结案"),
}
KINDS: dict[str, str] = {
    "C": QT_TRANSLATE_NOOP("Statistics", "部件"),
    "E": QT_TRANSLATE_NOOP("Statistics", "事件"),
}
SOURCES: dict[str, str] = {
    "supervisor": QT_TRANSLATE_NOOP("Statistics", "监督员上报"),
    "hotline_12345": QT_TRANSLATE_NOOP("Statistics", "12345热线"),
    "hotline_12319": QT_TRANSLATE_NOOP("Statistics", "12319热线"),
    "walk_in": QT_TRANSLATE_NOOP("Statistics", "来访"),
    "platform": QT_TRANSLATE_NOOP("Statistics", "上级平台"),
}
GROUPINGS: dict[str, str] = {
    "unit": QT_TRANSLATE_NOOP("Statistics", "专业部门"),
    "supervisor": QT_TRANSLATE_NOOP("Statistics", "监督员"),
    "acceptor": QT_TRANSLATE_NOOP("Statistics", "受理员"),
    "leader": QT_TRANSLATE_NOOP("Statistics", "值班长"),
    "dispatcher": QT_TRANSLATE_NOOP("Statistics", "派遣员"),
    "street": QT_TRANSLATE_NOOP("Statistics", "街道"),
}

# Level colours (A–E): always shown with the letter, never alone.
LEVEL_COLOURS = {"A": "#2e7d32", "B": "#7cb342", "C": "#f9a825", "D": "#ef6c00", "E": "#c62828"}
NO_LEVEL = "#9e9e9e"
SOURCE_COLOURS = ("#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#8d6e63")
KIND_COLOURS = {"C": "#5e35b1", "E": "#00897b"}
TARGET = 95.0  # the centre's ≥ 95 % targets (EVALUATION.md §4)


def level_colour(level: str | None) -> QColor:
    return QColor(LEVEL_COLOURS.get(level or "", NO_LEVEL))


def indicator(key: str, grouping: str = "") -> str:
    if grouping == "leader" and key == "on_time_closing_rate":
        return tr(LEADER_CLOSING)
    if grouping == "leader" and key == "closed":
        return tr(LEADER_CLOSED)
    return tr(INDICATORS.get(key, key))


def formula(rules: ScoreRules, kind: str) -> str:
    """"综合指标值 = 立案数分值×10% + 结案率×30% + …", from the stored weights."""
    grouping = "leader" if kind == "leader" else ""
    parts = []
    for weight, key, how in rules.weights[kind]:
        name = indicator(key, grouping)
        if how == "band":
            name = QCoreApplication.translate("Statistics", "%1分值").replace("%1", name)
        elif how == "inverse":
            name = f"(1−{name})"
        parts.append(f"{name}×{weight * 100:g}%")
    return f"{tr(INDICATORS['score'])} = " + " + ".join(parts)
