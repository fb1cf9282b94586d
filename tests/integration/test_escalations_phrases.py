"""督办 with its reply, the 督办 list, and canned phrases (惯用语), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from workstation.domain.errors import IllegalTransition, PermissionDenied, ValidationError
from workstation.persistence.tables import ChangeFeedRow, EscalationRow, PhraseRow

from support.world import dispatched_case, make_world

NOW = datetime(2026, 11, 10, 9, 0)  # a Tuesday morning


@pytest.fixture
def ws(db_url: str):
    ws = make_world(db_url, NOW)
    yield ws
    ws.dispose()


def _unit(ws, case):
    return ws.actor((case.unit or "").lower())


def _other_unit(ws, case):
    other = next(u for u in ws.reference.matrix.units if u != case.unit)
    return ws.actor(other.lower())


# ----------------------------------------------------------------------------- 督办


def test_escalation_records_who_when_and_the_instruction(ws) -> None:
    case = dispatched_case(ws, NOW - timedelta(hours=3))
    at = NOW - timedelta(hours=2)
    ws.act(ws.actor("dispatcher"), case.id, "escalate", {"reason": "群众反映强烈，请限期处置"},
           at=at)  # fmt: skip
    with ws.read_session() as s:
        row = s.scalars(select(EscalationRow)).one()
    assert (row.case_id, row.escalated_by, row.escalated_at) == (case.id, "dispatcher", at)
    assert row.instruction == "群众反映强烈，请限期处置"
    assert row.reply is None
    escalation = ws.case_detail(case.id, ws.actor("leader")).escalations[0]
    assert escalation.is_open
    assert escalation.instruction == "群众反映强烈，请限期处置"
    assert escalation.escalated_by_name == ws.reference.account_name("dispatcher")
    assert escalation.age == timedelta(hours=2)


def test_an_escalation_needs_an_instruction(ws) -> None:
    case = dispatched_case(ws, NOW - timedelta(hours=1))
    with pytest.raises(ValidationError, match="请填写督办意见"):
        ws.act(ws.actor("dispatcher"), case.id, "escalate", {})


def test_the_units_reply_is_recorded_and_shown_in_the_case_detail(ws) -> None:
    case = dispatched_case(ws, NOW - timedelta(hours=3))
    ws.act(ws.actor("dispatcher"), case.id, "escalate", {"reason": "请今日处置完毕"},
           at=NOW - timedelta(hours=2))  # fmt: skip
    unit = _unit(ws, case)
    assert "escalation_reply" in ws.allowed_actions([case.id], unit)[case.id]
    after = ws.act(unit, case.id, "escalation_reply", {"reply": "已安排人员现场处置"},
                   at=NOW - timedelta(minutes=30))  # fmt: skip
    assert after.is_key  # still a key case
    detail = ws.case_detail(case.id, unit)
    (escalation,) = detail.escalations
    assert not escalation.is_open
    assert (escalation.reply, escalation.replied_by) == ("已安排人员现场处置", unit.username)
    assert escalation.replied_at == NOW - timedelta(minutes=30)
    assert escalation.age == timedelta(hours=1, minutes=30)  # until the reply
    assert detail.events[-1].action == "escalation_reply"
    assert detail.to_json()["escalations"][0]["reply"] == "已安排人员现场处置"
    assert "escalation_reply" not in detail.allowed_actions
    assert ws.open_escalations() == []
    # Replied: the dispatcher may escalate again.
    assert "escalate" in ws.allowed_actions([case.id], ws.actor("dispatcher"))[case.id]


def test_a_reply_is_refused_for_another_unit_and_without_an_open_escalation(ws) -> None:
    case = dispatched_case(ws, NOW - timedelta(hours=3))
    with pytest.raises(IllegalTransition, match="没有待回复的督办"):
        ws.act(_unit(ws, case), case.id, "escalation_reply", {"reply": "已处置"})
    assert "escalation_reply" not in ws.allowed_actions([case.id], _unit(ws, case))[case.id]
    ws.act(ws.actor("dispatcher"), case.id, "escalate", {"reason": "请限期处置"})
    with pytest.raises(PermissionDenied, match="不属于本单位"):
        ws.act(_other_unit(ws, case), case.id, "escalation_reply", {"reply": "已处置"})
    with pytest.raises(PermissionDenied):
        ws.act(ws.actor("dispatcher"), case.id, "escalation_reply", {"reply": "已处置"})
    with ws.read_session() as s:
        assert s.scalars(select(EscalationRow.reply)).one() is None


def test_open_escalations_are_listed_with_their_age_longest_waiting_first(ws) -> None:
    first = dispatched_case(ws, NOW - timedelta(days=2))
    second = dispatched_case(ws, NOW - timedelta(days=2))
    replied = dispatched_case(ws, NOW - timedelta(days=2))
    dispatcher = ws.actor("dispatcher")
    ws.act(dispatcher, second.id, "escalate", {"reason": "乙"}, at=NOW - timedelta(hours=5))
    ws.act(dispatcher, first.id, "escalate", {"reason": "甲"}, at=NOW - timedelta(days=1))
    ws.act(dispatcher, replied.id, "escalate", {"reason": "丙"}, at=NOW - timedelta(days=1))
    ws.act(_unit(ws, replied), replied.id, "escalation_reply", {"reply": "已处置"})
    listed = ws.open_escalations()
    assert [e.case_id for e in listed] == [first.id, second.id]
    assert [e.age for e in listed] == [timedelta(days=1), timedelta(hours=5)]
    assert [e.instruction for e in listed] == ["甲", "乙"]
    assert listed[0].unit_name == first.unit_name
    assert ws.open_escalation_ids() == [first.id, second.id]
    # The age runs on the workstation's clock.
    later = NOW + timedelta(hours=1)
    assert ws.open_escalations(at=later)[1].age == timedelta(hours=6)
    # A unit sees its own cases' only.
    other = _other_unit(ws, first)
    assert first.id not in ws.open_escalation_ids(other)


def test_records_are_built_from_the_events_for_cases_written_in_bulk(ws) -> None:
    from workstation.services import escalations

    case = dispatched_case(ws, NOW - timedelta(hours=3))
    ws.act(ws.actor("dispatcher"), case.id, "escalate", {"reason": "请限期处置"})
    ws.act(_unit(ws, case), case.id, "escalation_reply", {"reply": "已处置"})
    with ws.write_session() as s:
        s.query(EscalationRow).delete()
    with ws.write_session() as s:
        assert escalations.fill_missing(s) == 1
    with ws.write_session() as s:
        assert escalations.fill_missing(s) == 0  # once
    (escalation,) = ws.case_detail(case.id, ws.actor("leader")).escalations
    assert (escalation.instruction, escalation.reply) == ("请限期处置", "已处置")


# ----------------------------------------------------------------------------- 惯用语


def test_shared_phrases_are_seeded_for_every_box(ws) -> None:
    book = ws.phrase_book(ws.actor("dispatcher"))
    texts = [p.text for p in book.offered("remind")]
    assert "请尽快处置" in texts
    assert "请按标准恢复原状并拍照反馈" in texts  # a general one, offered everywhere
    assert all(p.shared for p in book.offered("escalate"))
    assert not book.can_edit_shared


def test_a_phrase_added_by_a_dispatcher_is_personal(ws) -> None:
    dispatcher = ws.actor("dispatcher")
    shared_before = ws.phrase_book(ws.actor("leader")).texts("remind", shared=True)
    book = ws.save_phrases(dispatcher, "remind", ["请今天 17 点前回复", "  ", "请今天 17 点前回复"])
    assert book.texts("remind", shared=False) == ["请今天 17 点前回复"]
    assert book.offered("remind")[-1].text == "请今天 17 点前回复"
    assert not book.offered("remind")[-1].shared
    # Nobody else sees it; the shared list is unchanged.
    leader_book = ws.phrase_book(ws.actor("leader"))
    assert "请今天 17 点前回复" not in [p.text for p in leader_book.offered("remind")]
    assert leader_book.texts("remind", shared=True) == shared_before
    with ws.read_session() as s:
        row = s.scalars(select(PhraseRow).where(PhraseRow.text == "请今天 17 点前回复")).one()
        assert row.owner == "dispatcher"
        assert s.scalars(select(ChangeFeedRow.topic).order_by(ChangeFeedRow.id.desc())).first() \
            == "phrases"  # fmt: skip
    # Reordered and removed through the same call.
    book = ws.save_phrases(dispatcher, "remind", ["乙", "甲"])
    assert book.texts("remind", shared=False) == ["乙", "甲"]


def test_editing_the_shared_list_is_for_the_leader_and_the_administrator(ws) -> None:
    with pytest.raises(PermissionDenied, match="值班长"):
        ws.save_phrases(ws.actor("dispatcher"), "remind", ["请立即处置"], shared=True)
    assert "请立即处置" not in ws.phrase_book(ws.actor("dispatcher")).texts("remind", shared=True)
    book = ws.save_phrases(ws.actor("leader"), "remind", ["请立即处置", "请尽快处置"], shared=True)
    assert book.can_edit_shared
    assert book.texts("remind", shared=True) == ["请立即处置", "请尽快处置"]
    assert ws.phrase_book(ws.actor("dispatcher")).texts("remind", shared=True) == [
        "请立即处置", "请尽快处置",
    ]  # fmt: skip
    ws.save_phrases(ws.actor("admin"), "void", ["重复上报"], shared=True)


def test_shared_editing_is_checked_against_the_stored_account(ws) -> None:
    from dataclasses import replace

    from workstation.domain.roles import Role

    # A window signed in as leader whose account has since become a dispatcher's.
    stale = ws.actor("leader")
    with ws.write_session() as s:
        from workstation.persistence.tables import AccountRow

        s.get(AccountRow, "leader").role = Role.DISPATCHER.value
    with pytest.raises(PermissionDenied):
        ws.save_phrases(stale, "remind", ["请立即处置"], shared=True)
    forged = replace(ws.actor("dispatcher"), role=Role.LEADER)
    with pytest.raises(PermissionDenied):
        ws.save_phrases(forged, "remind", ["请立即处置"], shared=True)


def test_phrase_lists_are_validated(ws) -> None:
    with pytest.raises(ValidationError, match="未知的惯用语用途"):
        ws.save_phrases(ws.actor("dispatcher"), "nonsense", ["甲"])
    with pytest.raises(ValidationError, match="不能超过"):
        ws.save_phrases(ws.actor("dispatcher"), "remind", ["长" * 201])
