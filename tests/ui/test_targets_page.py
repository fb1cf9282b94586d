"""The 绩效目标 page of the statistics window and the shift leader's survey dialog, on a real
SQLite file: the figures of a known month, pass/fail as text, a survey entered and shown."""

from __future__ import annotations

from datetime import datetime

import shiboken6

from ui.main_window import MainWindow
from ui.stats.survey_dialog import SurveyDialog

from support.world import dispatched_case


def _cell(page, key: str, column: int) -> str:
    row = [r.key for r in page.report.rows].index(key)
    return page.table.item(row, column).text()


def test_the_targets_of_the_month_and_a_survey_entered(qtbot, ws, ctx_for, qsettings) -> None:
    # Two cases of November, both 2 工作时 from 09:00: one fed back on time and closed.
    on_time = dispatched_case(ws, datetime(2026, 11, 23, 9, 0))
    dispatched_case(ws, datetime(2026, 11, 23, 9, 0))  # no feedback: overdue since 11:00
    ws.act(ws.actor(on_time.unit.lower()), on_time.id, "feedback", at=datetime(2026, 11, 23, 10))
    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    stats = window.open_statistics()
    page = stats.targets
    stats.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)

    assert page.title.text() == "项目绩效目标 · 本期实测（2026-11）"
    # jdy001 reported both, both filed: 验收合格率 100 %; nothing answered or surveyed yet
    assert _cell(page, "acceptance", 2) == "100.0%（2/2）"
    assert _cell(page, "acceptance", 3) == "✔ 达标"
    assert _cell(page, "units", 3) == "— 本期无数据"
    assert _cell(page, "budget", 2) == "无法计算"
    assert "预算" in _cell(page, "budget", 4)
    assert page.verdicts()["supervisors"] == "missed"  # 4 supervisors in this world, not 30

    assert page.survey_button.isVisible()
    page.survey_button.click()
    qtbot.waitUntil(lambda: page.findChild(SurveyDialog) is not None)
    dialog = page.findChild(SurveyDialog)
    assert dialog.month_text() == "2026-11"
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)  # the month's figures are in
    surveyed, satisfied = dialog.spins[("unit", on_time.unit)]
    surveyed.setValue(10)
    satisfied.setValue(12)  # more satisfied than asked: refused, nothing written
    dialog.save()
    qtbot.waitUntil(lambda: "不能多于调查人数" in dialog.error.text(), timeout=10_000)
    assert ws.month_surveys("2026-11") == []
    satisfied.setValue(9)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.save()
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert _cell(page, "units", 2) == "90.0%（9/10）"
    assert _cell(page, "units", 3) == "✘ 未达标"


def test_the_survey_button_is_only_for_those_who_may_enter_one(qtbot, ctx_for) -> None:
    from ui.stats.targets_page import TargetsPage

    for username, shown in (("dispatcher", False), ("leader", True), ("admin", True)):
        page = TargetsPage(ctx_for(username))
        qtbot.addWidget(page)
        page.show()
        assert page.survey_button.isVisible() is shown, username
