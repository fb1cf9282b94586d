"""History search over every case, on a real SQLite file and a real PostgreSQL database:
Chinese words of one, two and more characters, case numbers, literal % and _, filters,
pages, the unit's own cases only, and the index written with the report (or not at all)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from workstation.bootstrap import Workstation
from workstation.domain.errors import ValidationError
from workstation.services.history import HistoryFilter

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)


def _report(ws: Workstation, description: str, address: str = "", *, source: str = "supervisor",
            at: datetime = NOW):  # fmt: skip
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    who = ws.actor("jdy001" if source == "supervisor" else "acceptor")
    return ws.report(who, description=description, address=address, source=source,
                     lon=cell.lon, lat=cell.lat, category_code="E0102", at=at)  # fmt: skip


def _found(ws: Workstation, words: str, **filters: object) -> list[str]:
    page = ws.search_cases(HistoryFilter(words, **filters))  # type: ignore[arg-type]
    return [c.description for c in page.cases]


def test_words_numbers_and_literal_text(db_url: str) -> None:
    ws = make_world(db_url, NOW)
    try:
        a = _report(ws, "人行道井盖破损", "彩云北路12号", at=datetime(2026, 11, 4, 9))
        _report(ws, "雨水井盖缺失", "春融西路", at=datetime(2026, 11, 10, 9))
        _report(ws, "绿化带积存垃圾", "彩云中路", at=datetime(2026, 11, 20, 9))
        _report(ws, "完成率100%的告示牌破损_待修", "洛龙路", at=datetime(2026, 11, 21, 9))
        _report(ws, "告示牌破损", "洛龙路1005号", at=datetime(2026, 11, 22, 9))
        ws.act(ws.actor("leader"), a.id, "void", {"reason": "重复上报"})

        # two characters, newest first; the voided case of 11-04 is found too
        assert _found(ws, "井盖") == ["雨水井盖缺失", "人行道井盖破损"]
        assert _found(ws, "彩云北路") == ["人行道井盖破损"]  # four characters: a phrase
        assert _found(ws, "云中") == ["绿化带积存垃圾"]  # inside a word, across the field
        assert _found(ws, "彩云 垃圾") == ["绿化带积存垃圾"]  # every word must occur
        assert _found(ws, "缺") == ["雨水井盖缺失"]  # one character
        assert _found(ws, "路") == ["告示牌破损", "完成率100%的告示牌破损_待修", "绿化带积存垃圾",
                                   "雨水井盖缺失", "人行道井盖破损"]  # fmt: skip
        assert _found(ws, a.case_no[-6:]) == ["人行道井盖破损"]  # part of a case number
        # what is typed is text: % and _ are no wildcards
        assert _found(ws, "100%") == ["完成率100%的告示牌破损_待修"]
        assert _found(ws, "破损_待") == ["完成率100%的告示牌破损_待修"]
        assert _found(ws, "10%5") == []  # "1005" is not "10%5"
        assert _found(ws, "%") == ["完成率100%的告示牌破损_待修"]  # punctuation alone: still found
        assert _found(ws, "下水道") == []
        # filters: state, period (the last day inclusive), an area prefix
        assert _found(ws, "井盖", states=("voided",)) == ["人行道井盖破损"]
        assert _found(ws, "", first_day=date(2026, 11, 20), last_day=date(2026, 11, 21)) == \
            ["完成率100%的告示牌破损_待修", "绿化带积存垃圾"]  # fmt: skip
        street = ws.reference.supervisors["jdy001"].patrol_cells[0][:9]
        assert len(_found(ws, "路", area=street)) == 5
        assert _found(ws, "路", area="530114999") == []
    finally:
        ws.dispose()


def test_pages_and_what_unit_staff_may_see(db_url: str) -> None:
    ws = make_world(db_url, NOW)
    try:
        for n in range(7):
            _report(ws, f"路灯不亮第{n}盏", at=datetime(2026, 11, 1 + n, 9))
        page = ws.search_cases(HistoryFilter("路灯"), limit=3)
        assert [c.description for c in page.cases] == \
            ["路灯不亮第6盏", "路灯不亮第5盏", "路灯不亮第4盏"]  # fmt: skip
        assert page.more
        second = ws.search_cases(HistoryFilter("路灯"), before=page.next_before, limit=3)
        assert [c.description for c in second.cases] == \
            ["路灯不亮第3盏", "路灯不亮第2盏", "路灯不亮第1盏"]  # fmt: skip
        last = ws.search_cases(HistoryFilter("路灯"), before=second.next_before, limit=3)
        assert [c.description for c in last.cases] == ["路灯不亮第0盏"]
        assert not last.more
        one = _report(ws, "路灯杆倾斜")
        ws.act(ws.actor("leader"), one.id, "file")
        sent = ws.act(ws.actor("dispatcher"), one.id, "dispatch")
        staff = ws.actor(sent.unit.lower())
        mine = ws.search_cases(HistoryFilter("路灯"), staff)
        assert [c.id for c in mine.cases] == [one.id]  # only the unit's own case
    finally:
        ws.dispose()


def test_the_index_is_written_with_the_report_or_not_at_all(sqlite_url: str) -> None:
    ws = make_world(sqlite_url, NOW)
    try:
        with pytest.raises(ValidationError, match="问题描述"):  # refused: nothing written
            ws.report(ws.actor("jdy001"), description="   ", address="井盖路")
        with ws.read_session() as s:
            assert _indexed(s) == 0
        case = _report(ws, "井盖移位")
        with ws.read_session() as s:
            assert _indexed(s) == 1
        assert [c.id for c in ws.search_cases(HistoryFilter("移位")).cases] == [case.id]
    finally:
        ws.dispose()


def _indexed(session: object) -> int:
    """Cases in the index and waiting to go into it."""
    return sum(session.execute(text(f"SELECT count(*) FROM {table}")).scalar()  # type: ignore[attr-defined]
               for table in ("case_search", "case_search_pending"))  # fmt: skip


QUERIES = ("井盖", "井", "盖破", "彩云北路", "12", "1", "路 井盖", "北路12号", "破损_", "完成率100",
           "100%", "人行道井盖破损", "缺", "不存在的词", "00001", "2026")  # fmt: skip


def test_reports_waiting_for_the_index_are_found_as_those_in_it(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """A report's terms wait in the pending table until every FLUSH_EVERY-th report moves
    them into the index: every query finds the same cases before and after the move, and
    a case taken out is taken out of either."""
    from workstation.persistence import search_index

    monkeypatch.setattr(search_index, "FLUSH_EVERY", 1000)  # nothing moves on its own
    ws = make_world(db_url, NOW)
    try:
        texts = [("人行道井盖破损", "彩云北路12号"), ("雨水井盖缺失", "春融西路1号"),
                 ("完成率100%的告示牌破损_待修", "洛龙路"), ("井", "北路"), ("盖破了", "彩云北")]
        cases = [_report(ws, d, a, at=datetime(2026, 11, 4 + i, 9))
                 for i, (d, a) in enumerate(texts)]  # fmt: skip
        with ws.read_session() as s:
            assert s.execute(text("SELECT count(*) FROM case_search_pending")).scalar() == 5
        waiting = {q: [c.id for c in ws.search_cases(HistoryFilter(q)).cases] for q in QUERIES}
        assert waiting["井盖"] == [cases[1].id, cases[0].id]  # newest first
        with ws.write_session() as s:
            assert search_index.flush_pending(s) == 5
        with ws.read_session() as s:
            assert s.execute(text("SELECT count(*) FROM case_search_pending")).scalar() == 0
        moved = {q: [c.id for c in ws.search_cases(HistoryFilter(q)).cases] for q in QUERIES}
        assert moved == waiting
        # Pages run across both: two cases in the index, one waiting.
        later = _report(ws, "井盖又坏", at=datetime(2026, 11, 20, 9))
        first = ws.search_cases(HistoryFilter("井盖"), limit=2)
        assert [c.id for c in first.cases] == [later.id, cases[1].id]
        rest = ws.search_cases(HistoryFilter("井盖"), before=first.next_before, limit=2)
        assert [c.id for c in rest.cases] == [cases[0].id]
        with ws.write_session() as s:
            search_index.remove_cases(s, [later.id, cases[0].id])
        assert [c.id for c in ws.search_cases(HistoryFilter("井盖")).cases] == [cases[1].id]
    finally:
        ws.dispose()


def test_every_so_many_reports_move_the_waiting_terms(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from workstation.persistence import search_index

    monkeypatch.setattr(search_index, "FLUSH_EVERY", 4)
    ws = make_world(db_url, NOW)
    try:
        made = [_report(ws, f"路灯不亮第{i}盏") for i in range(6)]
        with ws.read_session() as s:
            waiting = s.execute(text("SELECT case_id FROM case_search_pending")).scalars()
            assert sorted(waiting) == [c.id for c in made if c.id > max(
                c.id for c in made if c.id % 4 == 0)]  # fmt: skip
            assert _indexed(s) == 6
        found = ws.search_cases(HistoryFilter("路灯")).cases
        assert [c.id for c in found] == [c.id for c in reversed(made)]
    finally:
        ws.dispose()


def test_cases_recorded_before_the_index_are_indexed_by_the_upgrade(sqlite_url: str) -> None:
    from alembic import command

    from workstation.bootstrap import bootstrap
    from workstation.persistence import migrate
    from workstation.settings import Settings

    ws = make_world(sqlite_url, NOW)
    case = _report(ws, "窨井盖松动")
    command.downgrade(migrate.alembic_config(ws.engine), "0009")  # as a database of before
    ws.dispose()
    again = bootstrap(Settings(db_url=sqlite_url), clock=lambda: NOW, upgrade=True)
    try:
        assert [c.id for c in again.search_cases(HistoryFilter("井盖松")).cases] == [case.id]
    finally:
        again.dispose()


def test_the_sqlite_index_keeps_no_copy_and_survives_the_upgrade(sqlite_url: str) -> None:
    """Revision 0014 makes the FTS5 table contentless (a report writes fewer pages): the
    cases indexed before are indexed again, and a case can still be taken out."""
    from alembic import command
    from sqlalchemy import text

    from workstation.bootstrap import bootstrap
    from workstation.persistence import migrate, search_index
    from workstation.settings import Settings

    ws = make_world(sqlite_url, NOW)
    old = _report(ws, "窨井盖松动")
    command.downgrade(migrate.alembic_config(ws.engine), "0013")  # the index with its copy
    ws.dispose()
    again = bootstrap(Settings(db_url=sqlite_url), clock=lambda: NOW, upgrade=True)
    try:
        with again.engine.connect() as conn:
            sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'case_search'"))
            assert "content = ''" in sql.scalar()
        new = _report(again, "井盖松动，有安全隐患")
        found = again.search_cases(HistoryFilter("井盖松")).cases
        assert [c.id for c in found] == [new.id, old.id]
        with again.write_session() as session:
            search_index.remove_cases(session, [old.id])
        assert [c.id for c in again.search_cases(HistoryFilter("井盖松")).cases] == [new.id]
    finally:
        again.dispose()


def test_the_upgrade_says_how_far_the_re_indexing_is(sqlite_url: str) -> None:
    from alembic import command

    from workstation.bootstrap import bootstrap
    from workstation.persistence import migrate
    from workstation.settings import Settings

    ws = make_world(sqlite_url, NOW)
    for i in range(3):
        _report(ws, f"井盖松动第{i}处")
    command.downgrade(migrate.alembic_config(ws.engine), "0013")
    ws.dispose()
    again = bootstrap(Settings(db_url=sqlite_url), clock=lambda: NOW)
    steps: list[tuple[str, int, int]] = []
    try:
        again.upgrade(lambda step, done, total: steps.append((step, done, total)))
        assert steps[-1] == ("建立案件检索索引", 3, 3)
        assert len(again.search_cases(HistoryFilter("井盖松")).cases) == 3
    finally:
        again.dispose()


def test_matches_beyond_the_recent_ids_come_newest_first(db_url: str, monkeypatch) -> None:
    """PostgreSQL asks the recent ids first, then all the older ones in one query: shrunk
    to two ids here, the older ones must follow in order, without gaps or repeats."""
    from workstation.persistence import search_index

    monkeypatch.setattr(search_index, "_PG_WINDOW", 2)
    ws = make_world(db_url, NOW)
    try:
        made = [_report(ws, f"井盖破损第{i}处") for i in range(5)]
        _report(ws, "路灯不亮")
        _report(ws, "路灯不亮")
        found = [c.id for c in ws.search_cases(HistoryFilter("井盖")).cases]
        assert found == [c.id for c in reversed(made)]
    finally:
        ws.dispose()
