"""The reminder centre on a real SQLite world: yellow and red items, acknowledge, snooze,
toasts on crossings, activation, 催办 — with the clock injected through the workstation."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QMainWindow

from ui.panels.reminders import ReminderPanel
from ui.widgets.reminder_model import (
    HeadingRole,
    HeldRole,
    HoldRole,
    ItemRole,
    ReminderListModel,
    SubtitleRole,
    WhenRole,
)
from workstation.services.attention import AttentionEvaluator, AttentionItem, Kind, Severity

TUE = datetime(2026, 11, 24, 9, 54)  # dispatched with 1 工作日 → due Wed 09:54
MON = datetime(2026, 11, 23, 10, 0)  # dispatched with 1 工作日 → due Tue 10:00
WED_0900 = datetime(2026, 11, 25, 9, 0)  # 5.6 of 6.5 working hours used: 86 %


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class FakeSound:
    def __init__(self) -> None:
        self.played = 0

    def play(self) -> None:
        self.played += 1


def _report(ws, description: str, at: datetime, **fields):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    return ws.report(ws.actor("jdy001"), description=description, lon=cell.lon, lat=cell.lat,
                     category_code="E0102", at=at, **fields)  # fmt: skip


def _dispatched(ws, description: str, at: datetime, limit: str = "1 工作日"):
    case = _report(ws, description, at - timedelta(minutes=30))
    ws.act(ws.actor("leader"), case.id, "file", at=at - timedelta(minutes=10))
    return ws.act(ws.actor("dispatcher"), case.id, "dispatch", {"limit": limit}, at=at)


@pytest.fixture
def clock(ws) -> Clock:
    clock = Clock(WED_0900)
    ws.clock = clock  # AppContext.clock reads it on every call
    return clock


@pytest.fixture
def world(ws, clock):
    """One case at 86 % of its handling time (yellow), one overdue (red)."""
    yellow = _dispatched(ws, "路口暴露垃圾", TUE)
    red = _dispatched(ws, "人行道乱堆物料", MON)
    return yellow, red


def _panel(qtbot, ctx, settings=None) -> ReminderPanel:
    panel = ReminderPanel(ctx, settings=settings)
    qtbot.addWidget(panel)
    panel.sound = FakeSound()
    panel.resize(420, 520)
    return panel


def _load(qtbot, panel: ReminderPanel, ws, rows: int) -> None:
    panel.set_cases(ws.list_cases())
    qtbot.waitUntil(lambda: panel.model.rowCount() == rows, timeout=10_000)


def _rows(panel: ReminderPanel) -> list[tuple[Kind, int]]:
    return [(i.kind, i.case_id) for i in panel.model.items()]


def _select(panel: ReminderPanel, case_id: int) -> None:
    row = next(r for r, i in enumerate(panel.model.items()) if i.case_id == case_id)
    panel.list.setCurrentIndex(panel.model.index(row))


def test_yellow_at_85_percent_and_red_when_overdue(qtbot, ws, ctx_for, world) -> None:
    yellow, red = world
    panel = _panel(qtbot, ctx_for("dispatcher"))
    _load(qtbot, panel, ws, 2)
    assert _rows(panel) == [(Kind.OVERDUE, red.id), (Kind.YELLOW, yellow.id)]  # red first
    first, second = panel.model.index(0), panel.model.index(1)
    assert first.data(HeadingRole) == f"{red.case_no}  处置超期"
    assert first.data(WhenRole) == "超期 23 小时"  # natural time since Tue 10:00
    assert second.data(HeadingRole) == f"{yellow.case_no}  处置即将超期"
    assert second.data(WhenRole) == "已用 86%"
    assert "期限 11-25 09:54" in second.data(SubtitleRole)
    assert panel.summary.text() == "需要关注 2 项"
    assert panel.chips[panel.model.item_at(0).severity].text() == "超期/紧急 1"
    assert panel.notifier.toasts == []  # the first load is the baseline: no pop-ups


def test_acknowledging_hides_an_item_until_it_changes(qtbot, ws, ctx_for, world,
                                                      clock) -> None:  # fmt: skip
    yellow, red = world
    panel = _panel(qtbot, ctx_for("dispatcher"))
    _load(qtbot, panel, ws, 2)
    _select(panel, yellow.id)
    qtbot.mouseClick(panel.ack_button, Qt.MouseButton.LeftButton)
    assert _rows(panel) == [(Kind.OVERDUE, red.id)]
    assert panel.summary.text() == "需要关注 1 项"
    clock.now = datetime(2026, 11, 25, 9, 30)
    panel.refresh()
    assert _rows(panel) == [(Kind.OVERDUE, red.id)]  # still yellow: still acknowledged
    clock.now = datetime(2026, 11, 25, 9, 55)  # now it is overdue: a new item
    panel.refresh()
    assert _rows(panel) == [(Kind.OVERDUE, red.id), (Kind.OVERDUE, yellow.id)]


def test_an_acknowledgement_is_the_shifts_and_the_leader_sees_who(qtbot, ws, ctx_for, world,
                                                                  qsettings) -> None:  # fmt: skip
    yellow, red = world
    dispatcher = ctx_for("dispatcher")
    panel = _panel(qtbot, dispatcher, qsettings)
    _load(qtbot, panel, ws, 2)
    _select(panel, red.id)
    with qtbot.waitSignal(panel.holds_saved, timeout=10_000):
        panel.acknowledge_selected()
    assert _rows(panel) == [(Kind.YELLOW, yellow.id)]  # at once, before the write is done
    assert not any("reminders/state" in k for k in qsettings.allKeys())  # the database's now

    # the shift leader's console, another account on the same database
    leader = _panel(qtbot, ctx_for("leader"), qsettings)
    with qtbot.waitSignal(leader.holds_loaded, timeout=10_000):
        leader.set_cases(ws.list_cases())
    assert _rows(leader) == [(Kind.YELLOW, yellow.id)]
    assert leader.summary.text() == "需要关注 1 项"
    assert leader.held_toggle.text() == "显示已确认 (1)"
    leader.held_toggle.setChecked(True)  # 显示已确认: who acknowledged what, and when
    assert _rows(leader) == [(Kind.OVERDUE, red.id), (Kind.YELLOW, yellow.id)]
    held = leader.model.index(0)
    who = f"{dispatcher.account.display_name} 09:00 已确认"
    assert held.data(HoldRole) == who
    assert held.data(HeldRole) is True
    assert who in held.data(Qt.ItemDataRole.ToolTipRole)
    assert leader.model.index(1).data(HeldRole) is False
    assert leader.summary.text() == "需要关注 1 项"  # held items are listed, not counted
    leader.show()
    leader.list.viewport().grab()  # paints the greyed row with its "who" text

    # the leader restores it: every console shows it again
    _select(leader, red.id)
    assert leader.release_button.isVisible()
    assert leader.release_button.isEnabled()
    with qtbot.waitSignal(leader.holds_saved, timeout=10_000):
        qtbot.mouseClick(leader.release_button, Qt.MouseButton.LeftButton)
    assert ws.reminder_holds(dispatcher.actor) == []
    panel.reload_holds()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)


def test_a_hold_reaches_other_consoles_through_the_change_feed(qtbot, ws, ctx_for, world,
                                                               ops, clock) -> None:  # fmt: skip
    from ui.feed import ChangeFollower

    yellow, red = world
    acceptor = _panel(qtbot, ctx_for("acceptor"))
    _load(qtbot, acceptor, ws, 2)
    follower = ChangeFollower(ws, acceptor._ctx.actor, interval_ms=50)
    follower.topics_changed.connect(acceptor.on_topics)  # the main window's wiring
    follower.start()
    qtbot.waitUntil(lambda: follower.cursor is not None, timeout=10_000)
    try:
        dispatcher = _panel(qtbot, ctx_for("dispatcher"))
        _load(qtbot, dispatcher, ws, 2)
        _select(dispatcher, red.id)
        dispatcher.snooze_menu.actions()[0].trigger()  # 15 分钟后
        qtbot.waitUntil(lambda: _rows(acceptor) == [(Kind.YELLOW, yellow.id)], timeout=10_000)
        hold = acceptor.holds.get((Kind.OVERDUE.value, red.id))
        assert hold is not None
        assert hold.actor == "dispatcher"
        # the snooze ends: the console that had it hidden reminds too
        with qtbot.waitSignal(acceptor.notified, timeout=5_000) as reminded:
            clock.now = WED_0900 + timedelta(minutes=15, seconds=1)
            acceptor.refresh()
        assert [(i.kind, i.case_id) for i in reminded.args[0]] == [(Kind.OVERDUE, red.id)]
    finally:
        follower.stop()


def test_old_per_console_state_in_qsettings_is_ignored(qtbot, ws, ctx_for, world,
                                                        qsettings) -> None:  # fmt: skip
    yellow, red = world
    stamp = f"handling@{red.deadline.isoformat()}"  # what the old panel saved for red
    old = json.dumps({"acknowledged": [["overdue", red.id, stamp]], "snoozed": []})
    qsettings.setValue("accounts/dispatcher/reminders/state", old)
    panel = _panel(qtbot, ctx_for("dispatcher"), qsettings)
    _load(qtbot, panel, ws, 2)
    assert panel.model.item_at(0).stamp == stamp  # it would have matched


def test_unit_staff_acknowledge_for_their_unit_only(qtbot, ws, ctx_for, world) -> None:
    yellow, red = world
    unit = _panel(qtbot, ctx_for(red.unit.lower()))
    _load(qtbot, unit, ws, 1 if yellow.unit != red.unit else 2)
    _select(unit, red.id)
    with qtbot.waitSignal(unit.holds_saved, timeout=10_000):
        unit.acknowledge_selected()
    centre = _panel(qtbot, ctx_for("dispatcher"))
    with qtbot.waitSignal(centre.holds_loaded, timeout=10_000):
        centre.set_cases(ws.list_cases())
    qtbot.waitUntil(lambda: centre.model.rowCount() == 2)  # the centre still sees both


def test_snooze_hides_until_the_clock_passes_it(qtbot, ws, ctx_for, world, clock) -> None:
    yellow, red = world
    panel = _panel(qtbot, ctx_for("dispatcher"))
    _load(qtbot, panel, ws, 2)
    _select(panel, red.id)
    panel.snooze_menu.actions()[0].trigger()  # 15 分钟后
    assert _rows(panel) == [(Kind.YELLOW, yellow.id)]
    panel.timer.setInterval(20)  # the 30-second tick, fast: time is the injected clock
    clock.now = WED_0900 + timedelta(minutes=14)
    with qtbot.assertNotEmitted(panel.notified, wait=100):
        pass
    assert _rows(panel) == [(Kind.YELLOW, yellow.id)]
    with qtbot.waitSignal(panel.notified, timeout=5_000) as reminded:
        clock.now = WED_0900 + timedelta(minutes=15, seconds=1)
    assert [(i.kind, i.case_id) for i in reminded.args[0]] == [(Kind.OVERDUE, red.id)]
    assert _rows(panel) == [(Kind.OVERDUE, red.id), (Kind.YELLOW, yellow.id)]
    assert panel.notifier.toasts  # "稍后提醒" reminds


def test_a_crossing_pops_a_toast_without_taking_focus(qtbot, ws, ctx_for, world,
                                                      clock) -> None:  # fmt: skip
    yellow, red = world
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = QLineEdit(window)  # the dispatcher is typing here
    window.setCentralWidget(editor)
    panel = ReminderPanel(ctx_for("dispatcher"))
    panel.sound = sound = FakeSound()
    dock = QDockWidget("提醒中心", window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    _load(qtbot, panel, ws, 2)

    clock.now = datetime(2026, 11, 25, 9, 55)  # the yellow case passes its deadline
    panel.refresh()
    qtbot.waitUntil(lambda: len(panel.notifier.toasts) == 1)
    toast = panel.notifier.toasts[0]
    assert toast.parent() is window
    assert toast.heading.text() == f"处置超期  {yellow.case_no}"
    assert toast.isVisible()
    assert window.rect().contains(toast.geometry())
    assert sound.played == 1
    assert QApplication.focusWidget() is editor
    with qtbot.waitSignal(panel.case_activated) as activated:
        qtbot.mouseClick(toast, Qt.MouseButton.LeftButton, pos=QPoint(60, 20))
    assert activated.args == [yellow.id]
    qtbot.waitUntil(lambda: panel.notifier.toasts == [])

    # an urgent report arrives through the change feed: a toast at once
    urgent = _report(ws, "燃气井盖缺失", clock.now, priority="urgent")
    panel.on_cases_changed(ws.cases_by_ids([urgent.id]))
    qtbot.waitUntil(lambda: len(panel.notifier.toasts) == 1)
    assert panel.notifier.toasts[0].heading.text() == f"紧急上报  {urgent.case_no}"
    assert (Kind.URGENT_REPORT, urgent.id) in _rows(panel)
    assert QApplication.focusWidget() is editor


def test_toasts_auto_hide(qtbot, ws, ctx_for, world, clock) -> None:
    panel = _panel(qtbot, ctx_for("dispatcher"))
    panel.notifier.timeout_ms = 50
    panel.show()
    _load(qtbot, panel, ws, 2)
    clock.now = datetime(2026, 11, 25, 9, 55)
    panel.refresh()
    assert len(panel.notifier.toasts) == 1
    qtbot.waitUntil(lambda: panel.notifier.toasts == [], timeout=5_000)


def test_popups_and_sound_can_be_switched_off(qtbot, ws, ctx_for, world, clock,
                                              qsettings) -> None:  # fmt: skip
    panel = _panel(qtbot, ctx_for("dispatcher"), qsettings)
    _load(qtbot, panel, ws, 2)
    panel.popup_action.setChecked(False)
    panel.sound_action.setChecked(False)
    # the dispatcher's own choice: the next person at the console keeps theirs
    assert qsettings.value("accounts/dispatcher/reminders/sound", type=bool) is False
    assert _panel(qtbot, ctx_for("leader"), qsettings).sound_enabled
    clock.now = datetime(2026, 11, 25, 9, 55)
    with qtbot.waitSignal(panel.notified):
        panel.refresh()
    assert panel.notifier.toasts == []
    assert panel.sound.played == 0
    assert ReminderPanel(ctx_for("dispatcher"), settings=qsettings).sound_enabled is False


def test_double_click_and_enter_activate_delete_acknowledges(qtbot, ws, ctx_for, world) -> None:
    yellow, red = world
    panel = _panel(qtbot, ctx_for("dispatcher"))
    panel.show()
    qtbot.waitExposed(panel)
    _load(qtbot, panel, ws, 2)
    centre = panel.list.visualRect(panel.model.index(1)).center()
    with qtbot.waitSignal(panel.case_activated) as activated:
        # QTest's double click sends only the DblClick event; a real one starts with a
        # press, which the view needs to know which row was hit.
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert activated.args == [yellow.id]
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(0))
    with qtbot.waitSignal(panel.case_activated) as activated:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert activated.args == [red.id]
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)  # 确认 from the keyboard
    assert _rows(panel) == [(Kind.YELLOW, yellow.id)]
    assert panel.list.currentIndex().row() == 0  # the keyboard stays in the list


def test_remind_on_an_overdue_item(qtbot, ws, ctx_for, world) -> None:
    yellow, red = world
    panel = _panel(qtbot, ctx_for("dispatcher"))
    _load(qtbot, panel, ws, 2)
    _select(panel, red.id)
    assert panel.remind_button.isEnabled()
    with qtbot.waitSignal(panel.remind_requested) as requested:
        qtbot.mouseClick(panel.remind_button, Qt.MouseButton.LeftButton)
    assert requested.args == [red.id]
    # the action controller performs it; the change feed brings the new count
    reminded = ws.act(ws.actor("dispatcher"), red.id, "remind")
    panel.on_cases_changed([reminded])
    qtbot.waitUntil(lambda: "已催办 1 次" in panel.model.index(0).data(SubtitleRole))
    # an acceptor may not remind: no button
    other = _panel(qtbot, ctx_for("acceptor"))
    assert other.remind_button.isHidden()


def test_urgent_report_leaves_once_seen_and_filter_by_kind(qtbot, ws, ctx_for, world) -> None:
    yellow, red = world
    urgent = _report(ws, "燃气井盖缺失", WED_0900, priority="urgent")
    panel = _panel(qtbot, ctx_for("leader"))
    _load(qtbot, panel, ws, 3)
    assert _rows(panel)[1] == (Kind.URGENT_REPORT, urgent.id)
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData(Kind.YELLOW.value))
    assert _rows(panel) == [(Kind.YELLOW, yellow.id)]
    assert panel.kind_filter.currentText() == "即将超期 (1)"
    assert panel.summary.text() == "需要关注 3 项"
    panel.kind_filter.setCurrentIndex(0)
    panel.mark_seen(urgent.id)  # e.g. opened from the queue
    assert _rows(panel) == [(Kind.OVERDUE, red.id), (Kind.YELLOW, yellow.id)]


def test_feed_updates_during_a_reload_are_not_lost(qtbot, ws, ctx_for, world) -> None:
    yellow, red = world
    panel = _panel(qtbot, ctx_for("leader"))
    stale = ws.list_cases()
    handled = ws.act(ws.actor("dispatcher"), red.id, "feedback", at=WED_0900)
    panel.set_cases(stale)  # the reload was read before the unit's feedback …
    panel.on_cases_changed([handled])  # … which the feed delivers while it is prepared
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert _rows(panel) == [(Kind.YELLOW, yellow.id)]
    with qtbot.waitSignal(panel.attention_count_changed):
        panel.on_cases_changed(stale)  # an older summary never overwrites a newer one
    assert _rows(panel) == [(Kind.YELLOW, yellow.id)]


def test_model_passes_qtmodeltester(qtmodeltester, ws, world, clock) -> None:
    yellow, red = world
    evaluator = AttentionEvaluator(ws.reference.calendar, ws.reference.stage_limits)
    evaluator.set_cases(ws.list_cases())
    model = ReminderListModel()
    model.set_items(evaluator.items_at(WED_0900), WED_0900)
    qtmodeltester.check(model)
    later = datetime(2026, 11, 25, 9, 55)
    model.set_items(evaluator.items_at(later), later)  # yellow → red: remove + insert
    qtmodeltester.check(model)
    assert [model.index(r).data(ItemRole).kind for r in range(2)] == [Kind.OVERDUE] * 2
    model.set_items([], later)
    qtmodeltester.check(model)


_ITEM = st.tuples(
    st.sampled_from(list(Kind)), st.integers(1, 30), st.integers(0, 600), st.integers(0, 3)
)


def _item(kind: Kind, case_id: int, minutes: int, stamp: int) -> AttentionItem:
    severity = {Kind.OVERDUE: 3, Kind.CHECK_OVERDUE: 3, Kind.URGENT_REPORT: 3,
                Kind.YELLOW: 2}.get(kind, 1)  # fmt: skip
    return AttentionItem(kind, case_id, f"N{case_id}", "", "handling", Severity(severity),
                         WED_0900 - timedelta(minutes=minutes), stamp=str(stamp))  # fmt: skip


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(before=st.lists(_ITEM, max_size=25), after=st.lists(_ITEM, max_size=25))
def test_model_merges_any_change_row_by_row(qtmodeltester, before, after) -> None:
    def unique(raw):
        items = {}
        for kind, case_id, minutes, stamp in raw:
            items[(kind, case_id)] = _item(kind, case_id, minutes, stamp)
        return sorted(items.values(), key=lambda i: i.rank)

    old, new = unique(before), unique(after)
    model = ReminderListModel()
    model.set_items(old, WED_0900)
    kept = next((i for i in old if any(n.key == i.key and n.rank == i.rank for n in new)), None)
    persistent = QPersistentModelIndex(model.index(old.index(kept))) if kept else None
    qtmodeltester.check(model)
    model.set_items(new, WED_0900)
    assert model.items() == new
    if persistent is not None:  # a row that stays keeps its identity (selection, scroll)
        assert persistent.isValid()
        assert persistent.data(ItemRole).key == kept.key


def test_alert_sound_is_a_short_wav_and_silent_offscreen(qapp) -> None:
    import wave

    from ui.notifications import AlertSound, _alert_path

    path = _alert_path()
    assert path is not None
    with wave.open(str(path)) as sound:
        assert sound.getnframes() / sound.getframerate() < 1.0
    assert path.stat().st_size < 50_000
    assert AlertSound().method == "silent"  # nobody listens to the offscreen platform


def test_a_reload_that_finishes_after_the_panel_is_gone_is_dropped(qtbot, ws, ctx_for,
                                                                    world) -> None:  # fmt: skip
    """A window closed while its reminders are prepared on a worker: the late result must
    not reach the deleted widget ("Internal C++ object already deleted")."""
    import shiboken6

    ctx = ctx_for("dispatcher")
    panel = ReminderPanel(ctx)
    rows = ws.list_cases()
    assert rows
    panel.set_cases(rows)
    shiboken6.delete(panel)  # gone before the worker reports back
    assert ctx.ops.wait_for_done(10_000)
    qtbot.waitUntil(lambda: ctx.ops.running == 0, timeout=10_000)
