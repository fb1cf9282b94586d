"""The live case queue on a real SQLite world: stages, search, filters, live changes, timers."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from ui.feed import ChangeFollower
from ui.models.case_table import (
    CaseIdRole,
    CaseTableModel,
    SortKeyRole,
    TimerLevelRole,
    UnseenRole,
)
from ui.models.queue_filter import QueueCriteria, QueueFilterProxy
from ui.models.queue_rows import Level, Stage
from ui.panels.queue import QueuePanel
from workstation.domain.calendar import TimeLimit
from workstation.domain.lifecycle import CaseState
from workstation.services.queries import CaseFilter
from workstation.services.queue_queries import load_queue

NOW = datetime(2026, 11, 25, 10, 0)  # the world's fixed clock (tests/ui/conftest.py)
TIMER = CaseTableModel.TIMER_COLUMN
STATE, REMINDS = CaseTableModel.column("state"), CaseTableModel.column("reminds")


# -- building a world -----------------------------------------------------------------------


def _cell(ws, supervisor: str = "jdy001", index: int = 0):
    return ws.reference.cells[ws.reference.supervisors[supervisor].patrol_cells[index]]


def report(ws, description: str, *, supervisor: str = "jdy001", at: datetime | None = None,
           **fields):  # fmt: skip
    cell = _cell(ws, supervisor)
    fields.setdefault("category_code", "E0102")
    return ws.report(ws.actor(supervisor), description=description, lon=cell.lon, lat=cell.lat,
                     at=at, reported_at=at, **fields)  # fmt: skip


def hotline(ws, description: str, address: str = "", at: datetime | None = None):
    return ws.report(ws.actor("acceptor"), description=description, source="hotline_12345",
                     address=address, at=at, reported_at=at)  # fmt: skip


def dispatched(ws, description: str, *, at: datetime | None = None, limit: str | None = None,
               **fields):  # fmt: skip
    """A supervisor report filed and dispatched to the recommended unit at `at`."""
    at = at or NOW
    case = report(ws, description, at=at - timedelta(minutes=10), **fields)
    ws.act(ws.actor("leader"), case.id, "file", at=at - timedelta(minutes=5))
    unit = ws.recommend(case.id, at=at).unit_code
    params = {"unit_code": unit, **({"limit": limit} if limit else {})}
    return ws.act(ws.actor("dispatcher"), case.id, "dispatch", params, at=at)


def closed(ws, description: str, at: datetime):
    case = dispatched(ws, description, at=at)
    unit = ws.actor((case.unit or "").lower())
    ws.act(unit, case.id, "feedback", at=at + timedelta(minutes=5))
    ws.act(ws.actor("dispatcher"), case.id, "send_for_check", {"supervisor": "jdy001"},
           at=at + timedelta(minutes=6))  # fmt: skip
    return ws.act(ws.actor("jdy001"), case.id, "check_pass", at=at + timedelta(minutes=7))


def build_states(ws) -> dict[str, int]:
    """One case in every stage of the queue, and two that are not in it."""
    leader, dispatcher, acceptor = ws.actor("leader"), ws.actor("dispatcher"), ws.actor("acceptor")
    ids: dict[str, int] = {}
    ids["supervisor_report"] = report(ws, "路口暴露垃圾").id
    ids["hotline"] = hotline(ws, "市民来电反映井盖松动", address="龙城街道春融路 12 号").id
    verifying = hotline(ws, "人行道有积水")
    ws.act(acceptor, verifying.id, "request_verification")
    ids["verifying"] = verifying.id
    verified = hotline(ws, "广告牌破损")
    ws.act(acceptor, verified.id, "request_verification")
    ws.act(ws.actor("jdy002"), verified.id, "verify", {"confirmed": True})
    ids["verified"] = verified.id
    ids["self_handled"] = report(ws, "路面散落垃圾已清理", self_handled=True).id
    filed = report(ws, "绿地积存垃圾", supervisor="jdy003")  # 斗南街道, 测试21社区
    ws.act(leader, filed.id, "file")
    ids["filed"] = filed.id
    ids["dispatched"] = dispatched(ws, "人行道乱堆物料").id
    key = dispatched(ws, "道路严重积存垃圾")
    ws.act(dispatcher, key.id, "escalate", {"reason": "群众反映强烈"})
    ids["key"] = key.id
    checking = dispatched(ws, "路边垃圾桶满溢")
    ws.act(ws.actor((checking.unit or "").lower()), checking.id, "feedback")
    ids["awaiting_check"] = checking.id
    suspended = dispatched(ws, "施工围挡内垃圾")
    unit = ws.actor((suspended.unit or "").lower())
    ws.act(unit, suspended.id, "request_suspension", {"reason": "需协调施工单位"})
    ws.act(leader, suspended.id, "approve_suspension")
    ids["suspended"] = suspended.id
    ids["overdue"] = dispatched(ws, "河道漂浮垃圾", at=NOW - timedelta(days=3)).id
    ids["closed_today"] = closed(ws, "垃圾已清运", NOW - timedelta(hours=1)).id
    ids["closed_yesterday"] = closed(ws, "昨日已结案", NOW - timedelta(days=1)).id
    voided = report(ws, "重复上报")
    ws.act(leader, voided.id, "void", {"reason": "重复"})
    ids["voided"] = voided.id
    return ids


EXPECTED_COUNTS = {
    Stage.PENDING_ACCEPT: 1, Stage.VERIFYING: 1, Stage.PENDING_FILE: 3,
    Stage.PENDING_DISPATCH: 1, Stage.HANDLING: 3, Stage.PENDING_CHECK: 1, Stage.SUSPENDED: 1,
    Stage.OVERDUE: 1, Stage.KEY: 1, Stage.CLOSED_TODAY: 1, Stage.ALL: 12,
}  # fmt: skip


@pytest.fixture
def make_panel(qtbot, ctx_for):
    def make(username: str = "leader") -> QueuePanel:
        panel = QueuePanel(ctx_for(username))
        qtbot.addWidget(panel)
        panel.resize(1400, 600)
        with qtbot.waitSignal(panel.cases_loaded, timeout=10_000):
            panel.reload()
        return panel

    return make


def shown_ids(panel: QueuePanel) -> list[int]:
    return [panel.proxy.index(r, 0).data(CaseIdRole) for r in range(panel.proxy.rowCount())]


def cell(panel: QueuePanel, case_id: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    return panel.model.index(panel.model.row_of(case_id), column).data(role)


def changed(ws, *ids: int):
    return ws.cases_by_ids(list(ids))


# -- models -----------------------------------------------------------------------------------


def test_model_and_proxy_pass_qtmodeltester(qtmodeltester, make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel()
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    # Qt's tester stays attached: every change below is checked for consistent signals.
    panel.search.setText("垃圾")
    panel.set_stage(Stage.HANDLING)
    panel.set_stage(Stage.ALL)
    panel.search.setText("")
    new = report(ws, "新上报的暴露垃圾")
    ws.act(ws.actor("leader"), ids["supervisor_report"], "file")
    ws.act(ws.actor("leader"), ids["filed"], "void", {"reason": "不属实"})
    panel.apply_changes(changed(ws, new.id, ids["supervisor_report"], ids["filed"]))
    panel.table.sortByColumn(TIMER, Qt.SortOrder.AscendingOrder)
    panel.set_stage(Stage.PENDING_DISPATCH)
    panel.apply_changes(changed(ws, ids["hotline"]))
    panel.refresh_timers()
    assert panel.model.row_of(new.id) is not None
    assert panel.model.row_of(ids["filed"]) is None


def test_lean_queue_query_matches_list_cases(ws) -> None:
    build_states(ws)
    with ws.read_session() as session:
        snapshot = load_queue(session, ws.reference, None, NOW)
    open_states = [s for s in CaseState if s.is_open]
    expected = {c.id: c for c in ws.list_cases(CaseFilter(states=open_states))}
    lean = {c.id: c for c in snapshot.cases if c.state != "closed"}
    assert lean == expected  # every field, the names looked up the same way
    assert [c.description for c in snapshot.cases if c.state == "closed"] == ["垃圾已清运"]
    hotline_reports = {c.id for c in snapshot.cases if c.source == "hotline_12345"}
    verified = {c.id for c in snapshot.cases if c.description == "广告牌破损"}
    assert snapshot.verified & hotline_reports == verified
    assert snapshot.day_start == datetime(2026, 11, 25)


# -- stages -----------------------------------------------------------------------------------


def test_stage_counts_follow_the_case_states(make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel()
    assert panel.proxy.counts == EXPECTED_COUNTS
    assert panel.stage_bar.counts() == EXPECTED_COUNTS
    assert panel.stage_bar.button(Stage.PENDING_FILE).text() == "待立案 3"
    assert panel.model.row_of(ids["closed_yesterday"]) is None
    assert panel.model.row_of(ids["voided"]) is None
    assert panel.status.text() == "在办案件 11 件，今日结案 1 件"

    expected = {
        Stage.PENDING_ACCEPT: {ids["hotline"]},
        Stage.VERIFYING: {ids["verifying"]},
        Stage.PENDING_FILE: {ids["supervisor_report"], ids["verified"], ids["self_handled"]},
        Stage.PENDING_DISPATCH: {ids["filed"]},
        Stage.HANDLING: {ids["dispatched"], ids["key"], ids["overdue"]},
        Stage.PENDING_CHECK: {ids["awaiting_check"]},
        Stage.SUSPENDED: {ids["suspended"]},
        Stage.OVERDUE: {ids["overdue"]},
        Stage.KEY: {ids["key"]},
        Stage.CLOSED_TODAY: {ids["closed_today"]},
    }
    for stage, cases in expected.items():
        panel.stage_bar.button(stage).click()
        assert set(shown_ids(panel)) == cases, stage

    # Live: filing moves a case from 待立案 to 待派遣 in the counts and out of this view.
    panel.set_stage(Stage.PENDING_FILE)
    ws.act(ws.actor("leader"), ids["supervisor_report"], "file")
    panel.apply_changes(changed(ws, ids["supervisor_report"]))
    assert panel.stage_bar.counts()[Stage.PENDING_FILE] == 2
    assert panel.stage_bar.counts()[Stage.PENDING_DISPATCH] == 2
    assert ids["supervisor_report"] not in shown_ids(panel)
    # A verification confirmed in the field moves a hotline report from 待核实 to 待立案.
    ws.act(ws.actor("jdy001"), ids["verifying"], "verify", {"confirmed": True})
    panel.apply_changes(changed(ws, ids["verifying"]))
    assert ids["verifying"] in shown_ids(panel)
    assert panel.stage_bar.counts()[Stage.VERIFYING] == 0


def test_counts_respect_the_other_filters(make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel()
    panel.search.setText("垃圾")
    counts = panel.stage_bar.counts()
    assert counts[Stage.HANDLING] == 3  # 人行道乱堆物料 is no 垃圾, but the other three are
    assert counts[Stage.PENDING_ACCEPT] == 0
    assert counts[Stage.ALL] == len(shown_ids(panel))
    assert ids["hotline"] not in shown_ids(panel)


# -- search and filters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("井盖", {"hotline"}),  # description
        ("春融路 12", {"hotline"}),  # address, two terms
        (
            "环境卫生",
            {"dispatched", "key", "awaiting_check", "suspended", "overdue", "closed_today"},
        ),  # unit name  # fmt: skip
        (
            "hws",
            {"dispatched", "key", "awaiting_check", "suspended", "overdue", "closed_today"},
        ),  # unit code, any case  # fmt: skip
        ("市容环境/暴露", set()),  # a term never spans two fields
        ("测试11社区 绿地", set()),  # the filed report is in 测试21社区
        ("测试21社区 绿地", {"filed"}),  # community and description
        ("斗南 绿地", {"filed"}),  # street
    ],
)
def test_search_finds_by_field(make_panel, ws, text: str, expected: set[str]) -> None:
    ids = build_states(ws)
    panel = make_panel()
    panel.search.setText(text)
    assert set(shown_ids(panel)) == {ids[k] for k in expected}


def test_search_by_case_number_and_id(make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel()
    case_no = cell(panel, ids["filed"], 0)
    panel.search.setText(case_no)
    assert shown_ids(panel) == [ids["filed"]]
    panel.search.setText(str(ids["key"]))
    assert ids["key"] in shown_ids(panel)
    panel.search.setText("")
    assert len(shown_ids(panel)) == 12
    # Category names, major and minor.
    panel.search.setText("暴露垃圾")
    assert ids["supervisor_report"] in shown_ids(panel)
    assert ids["hotline"] not in shown_ids(panel)  # not classified yet


def test_each_filter_box_narrows_the_queue(make_panel, ws) -> None:
    ids = build_states(ws)
    old = report(ws, "上周的上报", at=NOW - timedelta(days=5))
    older = report(ws, "上上周的上报", at=NOW - timedelta(days=12))
    urgent = report(ws, "井盖缺失", category_code="C0102", priority="urgent")
    panel = make_panel()
    f = panel.filters
    every = set(shown_ids(panel))
    assert every >= {old.id, older.id, urgent.id}

    def pick(combo, code: str) -> set[int]:
        at = combo.findData(code)
        assert at >= 0, code
        combo.setCurrentIndex(at)
        return set(shown_ids(panel))

    assert f.street.count() == 3  # 全部街道 + the world's two
    assert pick(f.street, "530114002") == {ids["filed"]}  # 斗南 (hotline reports: no grid)
    assert f.community.count() == 3  # 全部社区 + the street's two communities
    assert pick(f.community, "530114002001") == {ids["filed"]}
    assert pick(f.community, "530114002002") == set()
    assert pick(f.street, "") == every  # the community box follows its street
    assert f.community.currentData() == ""
    assert pick(f.community, "530114001001") >= {ids["supervisor_report"]}
    pick(f.community, "")

    assert urgent.id in pick(f.major, "C01")
    assert ids["supervisor_report"] not in set(shown_ids(panel))
    assert f.category.findData("C0102") > 0
    assert f.category.findData("E0102") < 0
    assert pick(f.category, "C0102") == {urgent.id}
    pick(f.major, "")
    assert pick(f.category, "E0102") >= {ids["supervisor_report"], ids["filed"]}
    pick(f.category, "")

    hws = pick(f.unit, "HWS")
    assert hws == {ids[k] for k in ("dispatched", "key", "awaiting_check", "suspended",
                                     "overdue", "closed_today")}  # fmt: skip
    pick(f.unit, "")
    assert pick(f.source, "hotline_12345") == {ids["hotline"], ids["verifying"], ids["verified"]}
    pick(f.source, "")
    assert pick(f.priority, "urgent") == {urgent.id}
    pick(f.priority, "")

    today = pick(f.period, "today")
    assert ids["filed"] in today
    assert not today & {old.id, older.id}
    assert ids["overdue"] not in today  # reported three days ago
    assert old.id not in pick(f.period, "3d")  # today and the two days before
    assert ids["overdue"] not in set(shown_ids(panel))  # Sunday, three days back
    assert pick(f.period, "7d") >= {old.id, ids["overdue"]}
    assert older.id not in set(shown_ids(panel))
    f.date_from.setDate(f.date_from.date().fromString("2026-11-10", "yyyy-MM-dd"))
    f.date_to.setDate(f.date_to.date().fromString("2026-11-14", "yyyy-MM-dd"))
    assert pick(f.period, "custom") == {older.id}
    assert f.date_from.isVisibleTo(panel)

    panel.set_cell_filter(_cell(ws, "jdy002").community_code[:12] + "999")
    assert set(shown_ids(panel)) == set()
    f.clear_button.click()
    assert set(shown_ids(panel)) == every
    panel.set_cell_filter(ws.load_case(ids["filed"])[0].grid_code)
    assert set(shown_ids(panel)) == {ids["filed"]}
    panel.set_cell_filter(None)
    assert set(shown_ids(panel)) == every


def test_filter_state_round_trips(make_panel, ws) -> None:
    build_states(ws)
    panel = make_panel()
    panel.set_stage(Stage.HANDLING)
    panel.search.setText("垃圾")
    panel.filters.unit.setCurrentIndex(panel.filters.unit.findData("HWS"))
    state = panel.filter_state()
    shown = shown_ids(panel)
    panel.clear_filters()
    panel.set_stage(Stage.ALL)
    assert shown_ids(panel) != shown
    panel.restore_filter_state(state)
    assert shown_ids(panel) == shown
    assert panel.stage_bar.stage() is Stage.HANDLING


# -- live changes -----------------------------------------------------------------------------


def test_changes_keep_selection_and_scroll_and_never_reset(qtbot, make_panel, ws) -> None:
    ids = build_states(ws)
    for i in range(60):  # enough rows to scroll
        report(ws, f"批量上报 {i}", at=NOW - timedelta(hours=2, minutes=i))
    panel = make_panel()
    panel.show()
    qtbot.waitExposed(panel)
    resets: list[str] = []
    panel.model.modelReset.connect(lambda: resets.append("model"))
    panel.proxy.modelReset.connect(lambda: resets.append("proxy"))
    panel.model.layoutChanged.connect(lambda: resets.append("layout"))

    target = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(ids["dispatched"]), 0))
    other = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(ids["filed"]), 0))
    selection = panel.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(target, flags)
    selection.select(other, flags)
    selection.setCurrentIndex(target, QItemSelectionModel.SelectionFlag.NoUpdate)
    bar = panel.table.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2 + 7)  # mid-row: the pixel offset must stay too
    top = panel.proxy.index(panel.table.rowAt(0), 0).data(CaseIdRole)
    offset = panel.table.rowViewportPosition(panel.table.rowAt(0))

    ws.act(ws.actor("dispatcher"), ids["dispatched"], "remind")
    new = report(ws, "刚刚上报的暴露垃圾")  # newest: inserted above everything
    with qtbot.waitSignal(panel.selection_changed) as sent:
        panel.apply_changes(changed(ws, ids["dispatched"], new.id))

    assert resets == []
    assert {c.id for c in panel.selected_cases()} == {ids["dispatched"], ids["filed"]}
    assert panel.current_case().id == ids["dispatched"]
    assert panel.current_case().remind_count == 1  # the row shows the new version
    assert cell(panel, ids["dispatched"], REMINDS) == "1"
    assert {c.id: c.remind_count for c in sent.args[0]}[ids["dispatched"]] == 1
    # The rows on screen did not move although a row was inserted above them.
    assert panel.proxy.index(panel.table.rowAt(0), 0).data(CaseIdRole) == top
    assert panel.table.rowViewportPosition(panel.table.rowAt(0)) == offset
    assert panel.model.row_of(new.id) == 0


def test_new_rows_show_at_the_top_when_scrolled_to_the_top(make_panel, ws) -> None:
    build_states(ws)
    panel = make_panel()
    new = report(ws, "刚刚上报的暴露垃圾")
    panel.apply_changes(changed(ws, new.id))
    assert panel.table.verticalScrollBar().value() == 0
    assert panel.proxy.index(panel.table.rowAt(0), 0).data(CaseIdRole) == new.id


def test_a_report_written_by_another_thread_arrives_through_the_feed(
    qtbot, make_panel, ws, ops
) -> None:
    build_states(ws)
    panel = make_panel()
    follower = ChangeFollower(ws, panel._ctx.actor, interval_ms=100, parent=panel)
    follower.cases_changed.connect(panel.apply_changes)
    resets: list[bool] = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    follower.start()
    qtbot.waitUntil(lambda: follower.cursor is not None)
    written: list[int] = []

    def write() -> None:  # another workstation, through the services
        written.append(report(ws, "另一台工作站录入的暴露垃圾").id)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join()
    qtbot.waitUntil(lambda: panel.model.row_of(written[0]) is not None, timeout=5_000)
    follower.stop()
    qtbot.waitUntil(lambda: ops.running == 0)  # no poll may outlive the panel
    assert resets == []
    assert cell(panel, written[0], 0, UnseenRole) is True
    assert panel.stage_bar.counts()[Stage.PENDING_FILE] == EXPECTED_COUNTS[Stage.PENDING_FILE] + 1


def test_cases_that_leave_the_queue_are_removed(make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel()
    resets: list[bool] = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    ws.act(ws.actor("leader"), ids["filed"], "void", {"reason": "不属实"})
    case = ws.load_case(ids["awaiting_check"])[0]
    ws.act(ws.actor("dispatcher"), case.id, "send_for_check", {"supervisor": "jdy001"})
    ws.act(ws.actor("jdy001"), case.id, "check_pass")
    panel.apply_changes(changed(ws, ids["filed"], ids["awaiting_check"]))
    assert resets == []
    assert panel.model.row_of(ids["filed"]) is None  # voided: gone
    assert cell(panel, ids["awaiting_check"], STATE) == "已结案"  # closed today: stays
    assert panel.stage_bar.counts()[Stage.CLOSED_TODAY] == 2
    # An older version (a reload racing the feed) never overwrites a newer one.
    stale = [c for c in ws.cases_by_ids([ids["key"]])]
    ws.act(ws.actor("dispatcher"), ids["key"], "remind")
    panel.apply_changes(changed(ws, ids["key"]))
    panel.apply_changes(stale)
    assert panel.model.case_at(panel.model.row_of(ids["key"])).remind_count == 1
    # A case the actor can no longer see, reported by id.
    panel.forget_cases([ids["suspended"], 999_999])
    assert panel.model.row_of(ids["suspended"]) is None
    assert panel.stage_bar.counts()[Stage.SUSPENDED] == 0
    assert resets == []


def test_new_reports_stay_highlighted_until_selected(make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel()
    assert panel.model.unseen_count() == 0  # the first load is not "new"
    new = report(ws, "刚刚上报的暴露垃圾")
    panel.apply_changes(changed(ws, new.id))
    assert cell(panel, new.id, 0, UnseenRole) is True
    assert cell(panel, new.id, 0, Qt.ItemDataRole.FontRole).bold()
    assert cell(panel, new.id, 3, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(panel, ids["filed"], 0, Qt.ItemDataRole.FontRole) is None
    assert "新到 1 件未查看" in panel.info.text()
    # An update keeps the mark; looking at another case does not clear it.
    ws.act(ws.actor("leader"), new.id, "note", {"text": "已通知"})
    panel.apply_changes(changed(ws, new.id))
    assert cell(panel, new.id, 0, UnseenRole) is True
    panel.select_case(ids["filed"])
    assert cell(panel, new.id, 0, UnseenRole) is True
    panel.select_case(new.id)
    assert cell(panel, new.id, 0, UnseenRole) is False
    assert cell(panel, new.id, 0, Qt.ItemDataRole.FontRole) is None
    assert "未查看" not in panel.info.text()


def test_a_reload_keeps_marks_selection_and_changes_that_arrive_meanwhile(
    qtbot, make_panel, ws
) -> None:
    ids = build_states(ws)
    panel = make_panel()
    new = report(ws, "刚刚上报的暴露垃圾")
    panel.apply_changes(changed(ws, new.id))
    panel.select_case(ids["key"])
    later = report(ws, "重新加载期间的上报")
    with qtbot.waitSignal(panel.cases_loaded, timeout=10_000):
        panel.reload()
        assert panel.status.text() == "正在加载案件…"
        assert panel.progress.isVisibleTo(panel)
        panel.apply_changes(changed(ws, later.id))  # held until the load is in
        assert panel.model.row_of(later.id) is None
    assert not panel.progress.isVisibleTo(panel)
    assert panel.model.row_of(later.id) is not None
    assert cell(panel, new.id, 0, UnseenRole) is True  # still not looked at
    assert [c.id for c in panel.selected_cases()] == [ids["key"]]


# -- countdown --------------------------------------------------------------------------------


def _start_for(ws, fraction: float, limit: str) -> datetime:
    """The dispatch instant after which `fraction` of `limit` is used up at NOW."""
    calendar = ws.reference.calendar
    parsed = TimeLimit.parse(limit)
    target = fraction * calendar.limit_seconds(parsed)
    lo, hi = NOW - timedelta(days=10), NOW  # used(lo) ≥ target ≥ used(hi)
    for _ in range(60):
        mid = lo + (hi - lo) / 2
        used = calendar.working_seconds(mid, NOW) if parsed.unit.is_working_time \
            else (NOW - mid).total_seconds()  # fmt: skip
        lo, hi = (mid, hi) if used >= target else (lo, mid)
    return hi.replace(microsecond=0)


def test_countdown_turns_yellow_at_80_percent_and_red_when_overdue(make_panel, ws) -> None:
    yellow = dispatched(ws, "井盖缺失", category_code="C0102",
                        at=_start_for(ws, 0.85, "6 自然小时"))  # fmt: skip
    red = dispatched(ws, "暴露垃圾未清", at=_start_for(ws, 1.10, "1 工作日"))
    calm = dispatched(ws, "暴露垃圾", at=_start_for(ws, 0.5, "1 工作日"))
    before = report(ws, "刚上报", at=NOW - timedelta(minutes=20))  # 立案 stage: 1 工作时
    late_stage = report(ws, "早上报未立案", at=NOW - timedelta(hours=20))
    panel = make_panel()

    assert cell(panel, yellow.id, TIMER) == "剩 54分"  # 15 % of 6 h
    assert cell(panel, yellow.id, TIMER, TimerLevelRole) == Level.WARNING
    assert cell(panel, yellow.id, TIMER, Qt.ItemDataRole.BackgroundRole).color().name() == \
        "#ffe082"  # fmt: skip
    assert cell(panel, red.id, TIMER) == "超期 39分"  # 10 % of 6.5 working hours
    assert cell(panel, red.id, TIMER, TimerLevelRole) == Level.OVERDUE
    assert cell(panel, red.id, TIMER, Qt.ItemDataRole.BackgroundRole).color().name() == \
        "#d32f2f"  # fmt: skip
    assert cell(panel, calm.id, TIMER) == "剩 3时15分"
    assert cell(panel, calm.id, TIMER, TimerLevelRole) == Level.NORMAL
    assert cell(panel, calm.id, TIMER, Qt.ItemDataRole.BackgroundRole) is None
    assert "处置时限 1 工作日" in cell(panel, calm.id, TIMER, Qt.ItemDataRole.ToolTipRole)
    # Before dispatch the stage timer runs: 20 of 60 working minutes used.
    assert cell(panel, before.id, TIMER) == "剩 40分"
    assert cell(panel, before.id, TIMER, TimerLevelRole) == Level.NORMAL
    assert cell(panel, late_stage.id, TIMER, TimerLevelRole) == Level.OVERDUE
    assert panel.stage_bar.counts()[Stage.OVERDUE] == 2


def test_minute_tick_refreshes_the_countdown_column_only(qtbot, make_panel, ws) -> None:
    case = dispatched(ws, "暴露垃圾", at=_start_for(ws, 0.5, "1 工作日"))
    filed_only = report(ws, "待派遣", at=NOW)
    ws.act(ws.actor("leader"), filed_only.id, "file")
    panel = make_panel()
    changes: list[tuple[int, int, list[int]]] = []
    resets: list[bool] = []
    panel.model.dataChanged.connect(lambda tl, br, roles: changes.append(
        (tl.column(), br.column(), list(roles))))  # fmt: skip
    panel.model.modelReset.connect(lambda: resets.append(True))
    panel.proxy.modelReset.connect(lambda: resets.append(True))
    assert panel.stage_bar.counts()[Stage.OVERDUE] == 0

    ws.clock = lambda: NOW + timedelta(hours=2)  # 12:00: 2 more working hours used
    panel.refresh_timers()
    assert resets == []
    assert changes
    assert all(left == right == TIMER for left, right, _ in changes)
    assert all(SortKeyRole not in roles for _, _, roles in changes)
    assert cell(panel, case.id, TIMER) == "剩 1时15分"
    assert cell(panel, case.id, TIMER, TimerLevelRole) == Level.WARNING
    assert panel.stage_bar.counts()[Stage.OVERDUE] == 1  # 派遣 stage (1 工作时) ran out
    panel.set_stage(Stage.OVERDUE)
    assert shown_ids(panel) == [filed_only.id]


def test_yesterdays_closed_cases_leave_at_midnight(make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel()
    assert panel.model.row_of(ids["closed_today"]) is not None
    ws.clock = lambda: NOW + timedelta(days=1)
    panel.refresh_timers()
    assert panel.model.row_of(ids["closed_today"]) is None
    assert panel.stage_bar.counts()[Stage.CLOSED_TODAY] == 0
    assert panel.stage_bar.counts()[Stage.ALL] == EXPECTED_COUNTS[Stage.ALL] - 1


# -- sorting, keyboard, visibility ------------------------------------------------------------


def test_sorting_uses_the_timer_deadline_and_keeps_the_selection(make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel()
    assert shown_ids(panel)[0] != ids["overdue"]
    panel.select_case(ids["key"])
    panel.table.sortByColumn(TIMER, Qt.SortOrder.AscendingOrder)
    order = shown_ids(panel)
    assert order[0] == ids["overdue"]  # the earliest running deadline first
    assert order.index(ids["suspended"]) > order.index(ids["dispatched"])  # paused: after
    assert [c.id for c in panel.selected_cases()] == [ids["key"]]
    panel.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    times = [panel.model.case_at(panel.model.row_of(i)).reported_at for i in shown_ids(panel)]
    assert times == sorted(times, reverse=True)
    # A change that moves a row under the current sort keeps it selected.
    panel.table.sortByColumn(REMINDS, Qt.SortOrder.DescendingOrder)
    ws.act(ws.actor("dispatcher"), ids["key"], "remind")
    panel.apply_changes(changed(ws, ids["key"]))
    assert shown_ids(panel)[0] == ids["key"]
    assert [c.id for c in panel.selected_cases()] == [ids["key"]]


def test_keyboard_search_escape_enter_home_end(qtbot, make_panel, ws) -> None:
    build_states(ws)
    panel = make_panel()
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)
    assert panel.table.currentIndex().row() == 0  # the cursor rests on the newest case

    qtbot.keyClick(panel.table, Qt.Key.Key_End)
    assert panel.table.currentIndex().row() == panel.proxy.rowCount() - 1
    qtbot.keyClick(panel.table, Qt.Key.Key_Home)
    assert panel.table.currentIndex().row() == 0
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.table.currentIndex().row() == 1
    with qtbot.waitSignal(panel.case_activated) as activated:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert activated.args == [panel.current_case().id]

    panel.search.setFocus()
    panel.search.insert("垃圾")  # Chinese comes through the input method, not key events
    assert panel.proxy.rowCount() < 12
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == ""
    assert panel.proxy.rowCount() == 12
    assert QApplication.focusWidget() is panel.table
    panel.search.setFocus()
    panel.search.insert("井盖")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.table
    assert "井盖" in panel.current_case().description


def test_select_case_clears_filters_that_hide_it(make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel()
    panel.set_stage(Stage.SUSPENDED)
    panel.search.setText("施工")
    assert panel.select_case(ids["key"])
    assert panel.stage_bar.stage() is Stage.ALL
    assert panel.search.text() == ""
    assert [c.id for c in panel.selected_cases()] == [ids["key"]]
    assert not panel.select_case(ids["voided"])  # not in the queue at all


def test_unit_staff_see_only_their_units_cases(make_panel, ws) -> None:
    ids = build_states(ws)
    panel = make_panel("hws")
    hws = ("dispatched", "key", "awaiting_check", "suspended", "overdue", "closed_today")
    assert set(shown_ids(panel)) == {ids[k] for k in hws}


def test_proxy_without_a_panel_filters_a_bare_model(ws) -> None:
    build_states(ws)
    model = CaseTableModel()
    proxy = QueueFilterProxy()
    proxy.setSourceModel(model)
    model.reset_rows(ws.list_cases(CaseFilter(states=[s for s in CaseState if s.is_open])))
    assert proxy.rowCount() == 11
    proxy.set_criteria(QueueCriteria(stage=Stage.HANDLING, text="积存 垃圾"))
    assert proxy.rowCount() == 1
    assert proxy.counts[Stage.HANDLING] == 1
    assert proxy.counts[Stage.PENDING_DISPATCH] == 1  # 绿地积存垃圾
    with pytest.raises(TypeError):
        QueueFilterProxy().setSourceModel(proxy)


def test_an_empty_list_says_what_is_empty_and_why(qtbot, make_panel, ws) -> None:
    report(ws, "路口暴露垃圾")  # one report waiting to be filed, nothing else
    panel = make_panel()
    empty = panel.empty_state
    assert empty.isHidden()  # there is a case to show
    panel.set_stage(Stage.PENDING_DISPATCH)
    qtbot.waitUntil(lambda: not empty.isHidden())
    assert empty.text() == "待派遣：没有等待派遣的案件"
    panel.set_stage(Stage.ALL)
    qtbot.waitUntil(empty.isHidden)
    panel.search.setText("彩云路")
    qtbot.waitUntil(lambda: not empty.isHidden())
    assert empty.text().startswith("没有符合“彩云路”的案件")
    assert "Ctrl+Shift+F" in empty.text()
    panel.search.clear()
    qtbot.waitUntil(empty.isHidden)
