"""Case services: one function per user action, each a single transaction.

Every function takes the unit of work, the reference data, the acting person and the
time, checks permissions through the domain rules, and writes the new case state, its
event and a change-feed row together — or nothing at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from workstation.domain.attachments import AttachmentInfo, AttachmentKind, sniff_mime
from workstation.domain.case import Case, CaseEvent, coordinate, decide, evolve, handling_limit
from workstation.domain.errors import (
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from workstation.domain.lifecycle import INTERNAL_ACTIONS, RULES, Action, CaseState, Source
from workstation.domain.roles import Actor
from workstation.persistence.repositories import CaseRepository
from workstation.persistence.uow import SqlUnitOfWork
from workstation.services import escalations
from workstation.services.auth import resolve_actor
from workstation.services.dto import CaseSummary, RecommendationView
from workstation.services.reference import Reference
from workstation.services.views import summarize


def report(
    uow: SqlUnitOfWork,
    ref: Reference,
    actor: Actor,
    now: datetime,
    *,
    description: str,
    source: Source | str = Source.SUPERVISOR,
    lon: float | None = None,
    lat: float | None = None,
    grid_code: str | None = None,
    category_code: str | None = None,
    address: str = "",
    priority: str | None = None,
    reporter: str | None = None,
    self_handled: bool = False,
    reported_at: datetime | None = None,
    note: str = "",
) -> CaseSummary:
    """Register a new report (上报): from a supervisor, a hotline, a visitor or a platform."""
    lon, lat = coordinate(lon, 180, "经度"), coordinate(lat, 90, "纬度")  # NaN, ∞: refused
    if grid_code is None and lon is not None and lat is not None:
        grid_code = ref.grid.locate(lon, lat)
        if grid_code is None and ref.cells:
            raise ValidationError(f"坐标 {lon:.6f}, {lat:.6f} 不在本区的单元网格内，请核对位置")
    if grid_code is not None and ref.cells and grid_code not in ref.cells:
        raise NotFound(f"单元网格 {grid_code} 不存在")
    if category_code is not None:
        category = ref.catalog.get(category_code)
        priority = priority or category.default_priority.value
    if not address.strip():  # a phone fix or a map click: the gazetteer names the place
        address = ref.address_at(lon, lat, grid_code)
    with uow:
        actor = resolve_actor(uow.connection, actor)
        case_id, case_no = uow.cases.next_identity(reported_at or now)
        params = dict(
            case_id=case_id, case_no=case_no, description=description, source=str(source),
            lon=lon, lat=lat, grid_code=grid_code, category_code=category_code,
            address=address, priority=priority, reporter=reporter or actor.username,
            self_handled=self_handled, reported_at=reported_at, note=note,
        )  # fmt: skip
        event = decide(None, Action.REPORT, actor, now, ref.context, params)
        case = evolve(None, event)
        uow.cases.add(case, event)
        uow.feed.append("case", case.id, Action.REPORT.value, actor.username, now)
        uow.commit()
    return summarize(case, 1, ref)


def perform(
    uow: SqlUnitOfWork,
    ref: Reference,
    actor: Actor,
    now: datetime,
    case_id: int,
    action: Action | str,
    params: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> CaseSummary:
    """Perform any action but REPORT and MERGE on one case.

    `expected_version` is the version the user saw; when somebody changed the case since,
    the action is refused with a `ConcurrencyConflict` naming who did what and when.
    """
    action = Action(action)
    if action is Action.REPORT:
        raise ValidationError("请使用上报功能登记新问题")
    if action is Action.MERGE:
        original = (params or {}).get("original_id")
        if original is None:
            raise ValidationError("请选择要并入的原案件")
        merged, _ = merge(uow, ref, actor, now, case_id, int(original), expected_version)
        return merged
    params = dict(params or {})
    with uow:
        actor = resolve_actor(uow.connection, actor)
        case, version = uow.cases.get_versioned(case_id)
        if expected_version is not None and expected_version != version:
            raise uow.cases._conflict(case)  # noqa: SLF001 - same layer
        params = _complete_params(ref, case, action, params)
        event = decide(case, action, actor, now, ref.context, params)
        new = evolve(case, event)
        version = uow.cases.save(new, event, version)
        escalations.record(uow.connection, new, event)  # 督办 and its reply: their record
        uow.feed.append("case", case.id, action.value, actor.username, now)
        uow.commit()
    return summarize(new, version, ref)


def _complete_params(
    ref: Reference, case: Case, action: Action, params: dict[str, Any]
) -> dict[str, Any]:
    """Fill what the centre would pick by default: the recommended unit, the grid's checker."""
    if action is Action.DISPATCH and not params.get("unit_code") and case.category_code \
            and case.grid_code:  # fmt: skip
        rec = ref.matrix.recommend(case.category_code, case.grid_code,
                                   _category_names(ref), ref.area_names())  # fmt: skip
        params["unit_code"] = rec.unit_code
        params.setdefault("reason", rec.reason)
    if action is Action.DISPATCH and params.get("unit_code"):
        ref.matrix.unit(str(params["unit_code"]))  # NotFound for an unknown unit
    if action in (Action.SEND_FOR_CHECK, Action.REQUEST_VERIFICATION) and not params.get(
        "supervisor"
    ):
        supervisor = ref.supervisor_for_cell(case.grid_code)
        if supervisor is not None:
            params["supervisor"] = supervisor.username
    if action in (Action.SEND_FOR_CHECK, Action.REQUEST_VERIFICATION) and params.get(
        "supervisor"
    ) and params["supervisor"] not in ref.supervisors:  # fmt: skip
        raise NotFound(f"监督员 {params['supervisor']} 不存在")
    return params


def attach(
    uow: SqlUnitOfWork,
    ref: Reference,
    actor: Actor,
    now: datetime,
    case_id: int,
    *,
    filename: str,
    data: bytes,
    kind: AttachmentKind | str = AttachmentKind.OTHER,
    note: str = "",
) -> AttachmentInfo:
    """Attach a photo or file to a case: a NOTE event and the stored file, together."""
    from workstation.adapters.images import thumbnail_png

    kind = AttachmentKind(kind)
    mime = sniff_mime(data, filename)
    thumbnail = thumbnail_png(data, filename) if mime.startswith("image/") else None
    with uow:
        actor = resolve_actor(uow.connection, actor)
        case, version = uow.cases.get_versioned(case_id)
        params = {"text": note, "attachments": [{"filename": filename, "kind": kind.value}]}
        event = decide(case, Action.NOTE, actor, now, ref.context, params)
        uow.cases.save(evolve(case, event), event, version)
        attachment_id = uow.attachments.add(case.id, event.seq, kind, filename, mime, data,
                                            thumbnail, now, actor.username)  # fmt: skip
        uow.feed.append("case", case.id, Action.NOTE.value, actor.username, now)
        uow.commit()
    return AttachmentInfo(attachment_id, case.id, event.seq, kind, filename, mime, len(data),
                          now, actor.username, thumbnail)  # fmt: skip


def merge(
    uow: SqlUnitOfWork,
    ref: Reference,
    actor: Actor,
    now: datetime,
    duplicate_id: int,
    original_id: int,
    expected_version: int | None = None,
) -> tuple[CaseSummary, CaseSummary]:
    """Merge a duplicate report into its original: both events in one transaction."""
    if duplicate_id == original_id:
        raise ValidationError("不能把案件与自身合并")
    with uow:
        actor = resolve_actor(uow.connection, actor)
        duplicate, dup_version = uow.cases.get_versioned(duplicate_id)
        original, orig_version = uow.cases.get_versioned(original_id)
        if original.merged_into is not None or not original.is_open:
            raise ValidationError(f"{original.label} 已结束，不能作为原案件")
        if expected_version is not None and expected_version != dup_version:
            raise uow.cases._conflict(duplicate)  # noqa: SLF001
        e1 = decide(duplicate, Action.MERGE, actor, now, ref.context,
                    {"original_id": original.id, "original_no": original.case_no})  # fmt: skip
        e2 = decide(original, Action.ABSORB_DUPLICATE, actor, now, ref.context,
                    {"duplicate_id": duplicate.id, "duplicate_no": duplicate.case_no})  # fmt: skip
        new_dup, new_orig = evolve(duplicate, e1), evolve(original, e2)
        v1 = uow.cases.save(new_dup, e1, dup_version)
        v2 = uow.cases.save(new_orig, e2, orig_version)
        uow.feed.append("case", duplicate.id, e1.action.value, actor.username, now)
        uow.feed.append("case", original.id, e2.action.value, actor.username, now)
        uow.commit()
    return summarize(new_dup, v1, ref), summarize(new_orig, v2, ref)


def recommend_unit(ref: Reference, case: CaseSummary | Case, now: datetime) -> RecommendationView:
    """The unit the responsibility matrix suggests, why, and the deadline it would get."""
    if not case.category_code or not case.grid_code:
        raise ValidationError("案件缺少类别或网格，无法推荐处置单位")
    rec = ref.matrix.recommend(case.category_code, case.grid_code, _category_names(ref),
                               ref.area_names())  # fmt: skip
    limit = handling_limit(case.category_code, case.priority, ref.context)
    return RecommendationView(rec.unit_code, rec.unit_name, rec.reason,
                              ref.calendar.deadline(now, limit), str(limit))  # fmt: skip


def _category_names(ref: Reference) -> dict[str, str]:
    names = {c.code: c.name for c in ref.catalog}
    names.update({key: label for key, label in ref.catalog.majors()})
    return names


def allowed_actions(ref: Reference, case: Case, actor: Actor, now: datetime) -> list[Action]:
    """Actions this actor may take on the case now: state, role and guards all hold.

    Each candidate is decided without input: a `ValidationError` only means the action
    still needs input (a reason, a unit), so it is offered; a refused transition or a
    missing permission means it is not.
    """
    out: list[Action] = []
    for action, rule in RULES.items():
        if action in INTERNAL_ACTIONS:
            continue  # only ever performed by a service (the other half of a merge, …)
        if case.state not in rule.sources or actor.role not in rule.roles:
            continue
        try:
            decide(case, action, actor, now, ref.context, {})
        except (IllegalTransition, PermissionDenied):
            continue
        except (ValidationError, NotFound, ValueError):
            pass
        out.append(action)
    return out


def load(session: Session, case_id: int) -> tuple[Case, int, list[CaseEvent]]:
    """A case, its version and its events, read in one read-only transaction (a reader
    never waits for a writer: it opened a write transaction before, 0.5 s p95 on SQLite
    under a concurrent writer)."""
    repo = CaseRepository(session)
    case, version = repo.get_versioned(case_id)
    return case, version, repo.events(case_id)


def fill_missing_clocks(uow: SqlUnitOfWork, chunk: int = 500) -> int:
    """Give open cases recorded before the clock existed their clock (replayed from their
    events; the rows are a cache of the replay). Idempotent; the number of cases filled."""
    from sqlalchemy import select, update

    from workstation.domain.case import replay
    from workstation.persistence.repositories import CASES, EVENTS, event_from_row

    filled = 0
    with uow:
        conn = uow.connection
        ids = list(conn.execute(
            select(CASES.c.id).where(CASES.c.state.in_([s.value for s in open_states()]),
                                     CASES.c.clock_stage.is_(None))
        ).scalars())  # fmt: skip
        for start in range(0, len(ids), chunk):
            part = ids[start:start + chunk]
            histories: dict[int, list[CaseEvent]] = {}
            for row in conn.execute(select(EVENTS).where(EVENTS.c.case_id.in_(part))
                                    .order_by(EVENTS.c.case_id, EVENTS.c.seq)):  # fmt: skip
                histories.setdefault(row.case_id, []).append(event_from_row(row))
            for case_id, events in histories.items():
                case = replay(events)
                conn.execute(update(CASES).where(CASES.c.id == case_id).values(
                    clock_stage=case.clock_stage, clock_started_at=case.clock_started_at,
                    clock_limit=case.clock_limit,
                    handling_paused_seconds=case.handling_paused_seconds))  # fmt: skip
                filled += 1
        uow.commit()
    return filled


def open_states() -> list[CaseState]:
    return [s for s in CaseState if s.is_open]
