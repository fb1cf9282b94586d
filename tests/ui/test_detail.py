"""The case detail panel on a real SQLite file: fields, deadlines, photos, timeline, actions,
duplicates, background loading."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.panels.detail import CaseDetailPanel
from ui.widgets.detail_actions import PRIMARY
from ui.widgets.detail_style import LATE_COLOUR, OK_COLOUR, WARN_COLOUR
from workstation.adapters.images import placeholder_photo
from workstation.domain.grid import CHENGGONG_PROJECTION
from workstation.domain.lifecycle import Action

NOW = datetime(2026, 11, 25, 10, 0)  # a Wednesday; the ws fixture's clock
A1 = "530114001001001"
TIMEOUT = 10_000


def _report(ws, description: str = "路口暴露垃圾", *, east_m: float = 0.0,
            category: str | None = "E0102", hours_ago: float = 0, **kw):  # fmt: skip
    ref = ws.reference.cells[A1]
    x, y = CHENGGONG_PROJECTION.to_metres(ref.lon, ref.lat)
    lon, lat = CHENGGONG_PROJECTION.to_lonlat(x + east_m, y)
    at = NOW - timedelta(hours=hours_ago)
    return ws.report(ws.actor("jdy001"), description=description, lon=lon, lat=lat,
                     category_code=category, at=at, reported_at=at, **kw)  # fmt: skip


def _panel(qtbot, ctx, width: int = 420, height: int = 900) -> CaseDetailPanel:
    panel = CaseDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    return panel


def _show(qtbot, panel: CaseDetailPanel, case_id: int) -> None:
    with qtbot.waitSignal(panel.load_finished, timeout=TIMEOUT):
        panel.show_case(case_id)


def _dispatched(ws, at: datetime):
    case = _report(ws, hours_ago=(NOW - at).total_seconds() / 3600 + 1)
    ws.act(ws.actor("leader"), case.id, "file", at=at - timedelta(minutes=30))
    return ws.act(ws.actor("dispatcher"), case.id, "dispatch", at=at)


def test_fields_and_timeline_show_the_case_after_a_few_steps(qtbot, ws, ctx_for) -> None:
    case = _dispatched(ws, datetime(2026, 11, 25, 9, 0))
    unit = ws.actor(case.unit.lower())
    ws.act(ws.actor("dispatcher"), case.id, "remind", {"message": "请尽快处置"},
           at=datetime(2026, 11, 25, 9, 20))  # fmt: skip
    ws.act(unit, case.id, "request_extension", {"reason": "需要调派清运车", "extra": "1 工作日"},
           at=datetime(2026, 11, 25, 9, 30))  # fmt: skip
    panel = _panel(qtbot, ctx_for("leader"))
    _show(qtbot, panel, case.id)

    assert panel.case_id == case.id
    assert panel.header.case_no.text() == case.case_no
    assert panel.header.markers == ["已派遣", "待审批：延期"]
    f = panel.fields
    supervisor = ws.reference.accounts["jdy001"].display_name
    assert f.text("来源") == "监督员上报"
    assert f.text("上报人") == f"{supervisor}（监督员）"
    assert f.text("上报时间").startswith("2026-11-25 08:00")
    assert f.text("类别") == "事件 · 01 市容环境 · 0102 暴露垃圾（E0102）"
    assert f.text("街道/社区") == "龙城街道 / 测试11社区"
    assert f.text("网格") == A1
    assert f.text("处置单位") == f"{case.unit_name}（{case.unit}）"
    assert f.text("计数") == "返工 0 · 催办 1 · 延期 0 · 回退 0"
    pending = f.text("待审批申请")
    assert "延期（延长 1 工作日）" in pending
    assert "理由：需要调派清运车" in pending
    assert unit.name in pending
    assert "作废原因" not in f.labels()

    # The handling clock: 1 工作日 = 6.5 office hours from 09:00; at 10:00 one is used.
    (bar,) = panel.deadlines.bars
    assert bar.timing.stage == "handling"
    assert bar.timing.fraction == pytest.approx(1 / 6.5)
    assert bar.colour == OK_COLOUR
    assert "已用 15%" in bar.figures.text()
    assert "剩余 5 工作时 30 分" in bar.figures.text()

    # Timeline: newest first, with who, role and the payload in words.
    texts = [e.plain_text() for e in panel.timeline.entries]
    assert len(texts) == 5
    assert texts[0].startswith("申请延期")
    assert f"{unit.name}（处置单位）" in texts[0]
    assert "申请理由：需要调派清运车" in texts[0]
    assert "申请延长：1 工作日" in texts[0]
    assert texts[1].startswith("催办")
    assert f"催办单位：{case.unit_name}" in texts[1]
    dispatch = texts[2]
    assert dispatch.startswith("派遣 | 已立案 → 已派遣")
    assert f"处置单位：{case.unit_name}" in dispatch
    assert "处置时限：1 工作日" in dispatch
    assert "截止时间：2026-11-25 18:00" in dispatch
    assert texts[-1].startswith("上报")
    assert panel.timeline_section.title.text() == "处置过程 · 5"

    panel.timeline.order.click()
    assert not panel.timeline.newest_first
    assert panel.timeline.entries[0].plain_text().startswith("上报")
    assert panel.timeline.entries[-1].plain_text().startswith("申请延期")


@pytest.mark.parametrize(
    ("dispatched_at", "colour", "overdue", "figures"),
    [
        (datetime(2026, 11, 25, 9, 0), OK_COLOUR, False, "已用 15%"),
        # 24 Nov 10:00 + 6.5 office hours = 25 Nov 10:00: all of it used, not yet late
        (datetime(2026, 11, 24, 10, 0), WARN_COLOUR, False, "已用 100%"),
        # 24 Nov 09:00 + 6.5 h = 24 Nov 18:00: one office hour late at 10:00 next day
        (datetime(2026, 11, 24, 9, 0), LATE_COLOUR, True, "已超期 1 工作时 0 分"),
    ],
)
def test_deadline_bar_is_green_yellow_or_red_in_working_time(
    qtbot, ws, ctx_for, dispatched_at, colour, overdue, figures
) -> None:
    case = _dispatched(ws, dispatched_at)
    panel = _panel(qtbot, ctx_for("dispatcher"))
    _show(qtbot, panel, case.id)
    (bar,) = panel.deadlines.bars
    assert (bar.colour, bar.timing.overdue) == (colour, overdue)
    assert figures in bar.figures.text()
    assert ("超期" in panel.header.markers) is overdue
    assert ("即将超期" in panel.header.markers) is (colour == WARN_COLOUR)


def _offered(panel: CaseDetailPanel) -> list[str]:
    return list(panel.action_bar.buttons)


def test_action_buttons_are_the_allowed_actions_of_each_role(qtbot, ws, ctx_for) -> None:
    reported = _report(ws)
    dispatched = _dispatched(ws, datetime(2026, 11, 25, 9, 0))
    unit_account = dispatched.unit.lower()
    for username, case, must, never in (
        ("leader", reported, {"file", "void", "merge"}, {"dispatch", "feedback"}),
        ("acceptor", reported, {"request_verification", "void"}, {"file", "dispatch"}),
        ("dispatcher", dispatched, {"remind", "escalate", "feedback"}, {"file", "approve_return"}),
        (unit_account, dispatched, {"feedback", "request_extension"}, {"remind", "dispatch"}),
    ):
        panel = _panel(qtbot, ctx_for(username))
        _show(qtbot, panel, case.id)
        allowed = ws.case_detail(case.id, ws.actor(username)).allowed_actions
        offered = _offered(panel)
        assert set(offered) == set(allowed), username
        assert must <= set(offered), username
        assert not never & set(offered), username  # forbidden: simply not there
        labels = [panel.action_bar.buttons[a].text() for a in offered]
        assert labels == [Action(a).label for a in offered]
        # Primary (the next step of the loop) before the rest.
        primary = [panel.action_bar.buttons[a].property("primary") for a in offered]
        assert primary == sorted(primary, reverse=True), username
        assert {a for a, p in zip(offered, primary, strict=True) if p} <= {p.value for p in PRIMARY}
        if username == "leader":
            assert offered[0] == "file"
            # a supervisor's own report needs no verification: offered, but not as primary
            assert panel.action_bar.buttons["request_verification"].property("primary") is False
    assert _offered(panel)[0] == "feedback"


def test_clicking_an_action_button_emits_action_requested(qtbot, ws, ctx_for) -> None:
    case = _report(ws)
    panel = _panel(qtbot, ctx_for("leader"))
    _show(qtbot, panel, case.id)
    assert _offered(panel)[0] == "file"
    with qtbot.waitSignal(panel.action_requested, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(panel.action_bar.buttons["file"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["file", case.id]


def test_unit_cannot_open_another_units_case_and_sees_why(qtbot, ws, ctx_for) -> None:
    dispatched = _dispatched(ws, datetime(2026, 11, 25, 9, 0))
    other = next(u for u in ws.reference.matrix.units if u != dispatched.unit).lower()
    panel = _panel(qtbot, ctx_for(other))
    _show(qtbot, panel, dispatched.id)
    assert panel.error.isVisible()
    assert "不属于本单位" in panel.error.text()
    assert _offered(panel) == []
    assert not panel.scroll_area.isVisible()


def test_photos_are_grouped_and_open_in_a_zoomable_viewer(qtbot, ws, ctx_for) -> None:
    case = _report(ws)
    supervisor = ws.actor("jdy001")
    before = [ws.attach(supervisor, case.id, filename=f"现场{i}.jpg", kind="before",
                        data=placeholder_photo(f"before {i}", i)) for i in (1, 2)]  # fmt: skip
    after = ws.attach(supervisor, case.id, filename="处置后.jpg", kind="after",
                      data=placeholder_photo("after", 3, size=(1600, 1200)))  # fmt: skip
    panel = _panel(qtbot, ctx_for("leader"))
    _show(qtbot, panel, case.id)

    strip = panel.photos
    assert set(strip.buttons) == {before[0].id, before[1].id, after.id}
    assert [p.info.id for p in strip.image_photos()] == [before[0].id, before[1].id, after.id]
    assert panel.photo_section.title.text() == "照片与附件 · 3"
    assert all(not b.icon().isNull() for b in strip.buttons.values())
    # The attachment notes are in the timeline too.
    assert "附件：处置后：处置后.jpg" in panel.timeline.entries[0].plain_text()

    qtbot.mouseClick(strip.buttons[after.id], Qt.MouseButton.LeftButton)
    viewer = panel.viewer
    assert viewer is not None
    assert viewer.isVisible()
    qtbot.waitUntil(lambda: viewer.full_loaded_id == after.id, timeout=TIMEOUT)
    assert viewer.status.text() == "原图 1600 × 1200 像素"
    assert viewer.view.fitting
    viewer.view.actual_size()
    assert viewer.view.zoom == pytest.approx(1.0)
    assert viewer.zoom_label.text() == "100%"
    wheel = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(viewer.view.viewport(), wheel)
    assert viewer.view.zoom == pytest.approx(1.25)
    assert not viewer.view.fitting
    viewer.view.fit()
    assert viewer.view.fitting
    assert viewer.view.zoom < 1.0

    viewer.previous()  # pages through the case's photos; the new one loads in turn
    assert viewer.current.info.id == before[1].id
    qtbot.waitUntil(lambda: viewer.full_loaded_id == before[1].id, timeout=TIMEOUT)
    viewer.close()


def test_duplicates_are_ranked_and_merge_is_confirmed_first(qtbot, ws, ctx_for) -> None:
    base = _report(ws, "路口东南角垃圾堆放")
    far = _report(ws, "人行道垃圾", east_m=150, hours_ago=3)
    near = _report(ws, "交叉口垃圾", east_m=15, hours_ago=2)
    related = _report(ws, "积存渣土", east_m=40, category="E0103", hours_ago=1)
    _report(ws, "游商占道", east_m=5, category="E0501")  # another 大类: not a candidate
    panel = _panel(qtbot, ctx_for("leader"))
    _show(qtbot, panel, base.id)

    rows = panel.duplicate_list.rows
    assert [r.candidate.case_id for r in rows] == [near.id, related.id, far.id]
    assert panel.duplicate_section.title.text() == "疑似重复案件 · 3"
    assert "15 米" in rows[0].label.text()
    assert "（同类）" in rows[0].label.text()
    assert "（相关类别）" in rows[1].label.text()
    # (Qt shows widgets added to a visible parent on the next pass of the event loop.)
    qtbot.waitUntil(lambda: all(r.merge.isVisible() and r.merge.isEnabled() for r in rows))

    # Cancel: nothing happens.
    with qtbot.assertNotEmitted(panel.merge_requested):
        rows[0].merge.click()
        box = panel.duplicate_list.confirmation
        assert box is not None
        assert box.isVisible()
        assert near.case_no in box.text()
        assert base.case_no in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()
    # Confirm: the panel asks for the merge of this case into the candidate.
    rows[0].merge.click()
    box = panel.duplicate_list.confirmation
    with qtbot.waitSignal(panel.merge_requested, timeout=TIMEOUT) as blocker:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert blocker.args == [base.id, near.id]


def test_merge_is_not_offered_when_the_case_may_not_be_merged(qtbot, ws, ctx_for) -> None:
    dispatched = _dispatched(ws, datetime(2026, 11, 25, 9, 0))
    _report(ws, "交叉口垃圾", east_m=15)
    panel = _panel(qtbot, ctx_for("leader"))
    _show(qtbot, panel, dispatched.id)
    assert "merge" not in ws.case_detail(dispatched.id, ws.actor("leader")).allowed_actions
    (row,) = panel.duplicate_list.rows
    assert not row.merge.isVisible()
    # A unit account is shown no neighbours at all (they are other units' cases).
    unit_panel = _panel(qtbot, ctx_for(dispatched.unit.lower()))
    _show(qtbot, unit_panel, dispatched.id)
    assert not unit_panel.duplicate_section.isVisible()


def test_a_stale_load_is_ignored(qtbot, ws, ops, ctx_for, monkeypatch) -> None:
    slow, fast = _report(ws, "先点的案件"), _report(ws, "后点的案件", east_m=500)
    gate = threading.Event()
    real = ws.case_detail

    def case_detail(case_ref, actor, at=None):
        if case_ref == slow.id:
            assert gate.wait(10)  # held until the user has moved on
        return real(case_ref, actor, at)

    monkeypatch.setattr(ws, "case_detail", case_detail)
    panel = _panel(qtbot, ctx_for("leader"))
    panel.show_case(slow.id)
    assert panel.is_loading
    qtbot.waitUntil(panel.loading.isVisible)  # a slow load shows the loading bar
    _show(qtbot, panel, fast.id)
    assert panel.header.case_no.text() == fast.case_no
    gate.set()
    qtbot.waitUntil(lambda: ops.running == 0, timeout=TIMEOUT)
    assert panel.case_id == fast.id
    assert panel.header.case_no.text() == fast.case_no
    assert panel.fields.text("描述") == "后点的案件"
    assert not panel.is_loading
    assert not panel.loading.isVisible()


def test_case_change_reloads_and_keeps_the_scroll_position(qtbot, ws, ctx_for) -> None:
    case = _report(ws, hours_ago=3)
    leader = ws.actor("leader")
    for i in range(12):
        ws.act(leader, case.id, "note", {"text": f"第 {i + 1} 次电话联系市民"},
               at=NOW - timedelta(minutes=90 - i))  # fmt: skip
    panel = _panel(qtbot, ctx_for("leader"), height=600)
    _show(qtbot, panel, case.id)
    bar = panel.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 400, timeout=TIMEOUT)
    bar.setValue(400)

    unchanged = ws.cases_by_ids([case.id])
    with qtbot.assertNotEmitted(panel.load_finished, wait=100):
        panel.on_cases_changed(unchanged)  # same version: nothing to reload
    changed = ws.act(leader, case.id, "note", {"text": "市民确认已看到处理"})
    with qtbot.waitSignal(panel.load_finished, timeout=TIMEOUT):
        panel.on_cases_changed([changed])
    assert len(panel.timeline.entries) == 14
    assert panel.timeline.entries[0].plain_text().endswith("内容：市民确认已看到处理")
    qtbot.waitUntil(lambda: bar.value() == 400, timeout=TIMEOUT)

    panel.show_case(-1)
    assert panel.case_id == -1
    assert panel.header.case_no.text() == "未选择案件"
    assert _offered(panel) == []


def test_nothing_is_clipped_at_420_pixels(qtbot, ws, ctx_for) -> None:
    text = "春融路与彩龙路交叉口东南角人行道上堆放大量建筑垃圾和生活垃圾，已散发异味，" * 4
    case = _report(ws, text, address="呈贡区龙城街道春融路与彩龙路交叉口东南角（近地铁站 B 出口）")
    ws.act(ws.actor("leader"), case.id, "note", {"text": "很长的备注" * 30})
    _report(ws, text, east_m=20)
    panel = _panel(qtbot, ctx_for("leader"), width=420)
    _show(qtbot, panel, case.id)
    viewport = panel.scroll_area.viewport()
    labels = [panel.fields.label, *(e.label for e in panel.timeline.entries),
              *(r.label for r in panel.duplicate_list.rows)]  # fmt: skip

    def fits() -> None:
        for label in labels:
            assert label.height() >= label.heightForWidth(label.width())
            right = label.mapTo(viewport, QPoint(label.width(), 0)).x()
            assert right <= viewport.width()

    qtbot.waitUntil(fits, timeout=TIMEOUT)
    assert panel.width() == 420
    assert panel.scroll_area.horizontalScrollBar().maximum() == 0
    assert text in panel.fields.text("描述")


def test_a_load_finishing_after_the_panel_is_gone_is_dropped(qtbot, ws, ops, ctx_for,
                                                            monkeypatch) -> None:  # fmt: skip
    case = _report(ws)
    gate = threading.Event()
    real = ws.case_detail

    def case_detail(case_ref, actor, at=None):
        assert gate.wait(10)
        return real(case_ref, actor, at)

    monkeypatch.setattr(ws, "case_detail", case_detail)
    panel = CaseDetailPanel(ctx_for("leader"))
    panel.show_case(case.id)
    shiboken6.delete(panel)  # the window closed while the detail was loading
    gate.set()
    # An exception in the late callback would fail this test (pytest-qt captures them).
    qtbot.waitUntil(lambda: ops.running == 0, timeout=TIMEOUT)
