"""A status-bar notice while a year the deadlines run into has no confirmed 调休 schedule.

Deadlines of such a year count the statutory holidays by rule but no make-up working
days: the dispatcher should know, and the administrator should enter the year.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ui.context import AppContext

# Deadlines given today reach this far (extensions and suspensions aside).
HORIZON = timedelta(days=90)


class CalendarNotice(QLabel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarNotice")
        self.setStyleSheet("QLabel { color: #8a3c00; padding: 0 6px; }")
        self._ctx = ctx
        self.hide()

    def refresh(self) -> None:
        """Ask (on a worker: the reference data may have to be read) which years are open."""
        ws, clock = self._ctx.ws, self._ctx.clock

        def unconfirmed() -> list[int]:
            today = clock().date()
            return sorted(ws.reference.calendar.unconfirmed_years(today, today + HORIZON))

        self._ctx.ops.run(unconfirmed, self._show, lambda message, exc: None,
                          description="unconfirmed calendar years", owner=self)  # fmt: skip

    def _show(self, years: list[int]) -> None:
        if not years:
            self.hide()
            return
        listed = "、".join(str(y) for y in years)
        self.setText(self.tr("%1 年调休未录入").replace("%1", listed))
        self.setToolTip(unconfirmed_warning(listed))
        self.show()


def unconfirmed_warning(years: str) -> str:
    """The UI's wording of `holiday_rules.unconfirmed_year_message` (translatable)."""
    return QCoreApplication.translate(
        "CalendarNotice", "%1 年调休安排尚未录入：已按法定节日计算，调休工作日以管理员录入为准"
    ).replace("%1", years)
