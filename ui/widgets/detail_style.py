"""Colours, chips and text formats shared by the case detail widgets (one place to restyle)."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

# One colour per case state: the badge in the header, the timeline dots, the duplicate list.
STATE_COLOURS: dict[str, str] = {
    "reported": "#1565c0",
    "verifying": "#6a1b9a",
    "filed": "#00838f",
    "dispatched": "#e65100",
    "awaiting_check": "#b28704",
    "suspended": "#6d4c41",
    "closed": "#2e7d32",
    "voided": "#616161",
}
SIDE_ACTION_COLOUR = "#90a4ae"  # an event that did not change the state

OK_COLOUR = "#2e7d32"
WARN_COLOUR = "#f9a825"  # ≥ 80 % of the time used
LATE_COLOUR = "#c62828"  # overdue (超期)
KEY_COLOUR = "#c62828"  # 督办 / 紧急


# Spelled out at each call: lupdate reads translate("Context", "literal") only.
translate = QCoreApplication.translate


def secondary_colour(widget: QWidget) -> str:
    """Window text blended 45 % towards the background: readable in light and dark themes."""
    pal = widget.palette()
    fg = pal.color(QPalette.ColorRole.WindowText)
    bg = pal.color(QPalette.ColorRole.Window)
    mix = QColor(
        round(fg.red() * 0.55 + bg.red() * 0.45),
        round(fg.green() * 0.55 + bg.green() * 0.45),
        round(fg.blue() * 0.55 + bg.blue() * 0.45),
    )
    return mix.name()


def chip(text: str, background: str, foreground: str = "#ffffff") -> str:
    """Rich-text badge (QLabel rich text has no border-radius, so padding only)."""
    return (
        f'<span style="background-color:{background}; color:{foreground};">'
        f"&nbsp;{html.escape(text)}&nbsp;</span>"
    )


def esc(text: object) -> str:
    """User content inside rich text: escaped, line breaks kept."""
    return html.escape(str(text)).replace("\n", "<br>")


def fmt_dt(value: datetime | None) -> str:
    """2026-11-25 10:00: numeric and year-first, so it reads the same in both languages
    (the locales' short formats differ in order and drop the century in English)."""
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d %H:%M")


def fmt_span(delta: timedelta) -> str:
    """A natural duration, coarse: 3 天 4 小时, 2 小时 5 分, 12 分."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return (
            translate("CaseDetail", "%1 天 %2 小时")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
    if hours:
        return (
            translate("CaseDetail", "%1 小时 %2 分")
            .replace("%1", str(hours))
            .replace("%2", str(mins))
        )
    return translate("CaseDetail", "%1 分").replace("%1", str(mins))


def fmt_working(seconds: float, seconds_per_day: float) -> str:
    """Working time: 2 工作日 3 工作时, 4 工作时 30 分, 25 分."""
    minutes = int(abs(seconds) // 60)
    day_minutes = max(int(seconds_per_day // 60), 1)
    days, rest = divmod(minutes, day_minutes)
    hours, mins = divmod(rest, 60)
    if days:
        text = (
            translate("CaseDetail", "%1 工作日 %2 工作时")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
        return text
    if hours:
        return (
            translate("CaseDetail", "%1 工作时 %2 分")
            .replace("%1", str(hours))
            .replace("%2", str(mins))
        )
    return translate("CaseDetail", "%1 分").replace("%1", str(mins))


def fmt_distance(metres: float) -> str:
    if metres < 1000:
        return translate("CaseDetail", "%1 米").replace("%1", str(round(metres)))
    return translate("CaseDetail", "%1 公里").replace("%1", f"{metres / 1000:.1f}")
