"""Turn domain cases and events into the frozen views the UI and the CLI show."""

from __future__ import annotations

from workstation.domain.case import Case, CaseEvent
from workstation.services.dto import CaseSummary, EventView
from workstation.services.reference import Reference


def summarize(case: Case, version: int, ref: Reference) -> CaseSummary:
    cell = ref.cells.get(case.grid_code or "")
    return CaseSummary(
        id=case.id,
        case_no=case.case_no,
        version=version,
        state=case.state.value,
        state_label=case.state.label,
        source=case.source.value,
        source_label=case.source.label,
        priority=case.priority.value,
        reported_at=case.reported_at,
        category_code=case.category_code,
        category_name=ref.category_name(case.category_code),
        grid_code=case.grid_code,
        street_name=ref.street_names.get(cell.street_code, "") if cell else "",
        community_name=ref.community_names.get(cell.community_code, "") if cell else "",
        address=ref.display_address(case.address, case.lon, case.lat, case.grid_code),
        description=case.description,
        unit=case.unit_code,
        unit_name=ref.unit_name(case.unit_code),
        deadline=case.deadline,
        stage_deadline=case.stage_deadline,
        handling_limit=case.handling_limit,
        pending_request=case.pending_request.value if case.pending_request else None,
        remind_count=case.remind_count,
        is_key=case.is_key,
        rework_count=case.rework_count,
        self_handled=case.self_handled,
        lon=case.lon,
        lat=case.lat,
        closed_at=case.closed_at,
        updated_at=case.updated_at,
        verified=case.verified,
        dispatched_at=case.dispatched_at,
        clock_stage=case.clock_stage,
        clock_started_at=case.clock_started_at,
        clock_limit=case.clock_limit,
        handling_paused_seconds=case.handling_paused_seconds,
        suspended_at=case.suspended_at,
    )


def event_view(event: CaseEvent, ref: Reference) -> EventView:
    return EventView(
        seq=event.seq,
        action=event.action.value,
        action_label=event.action.label,
        actor=event.actor,
        actor_name=ref.account_name(event.actor),
        role=event.role.value,
        role_label=event.role.label,
        at=event.at,
        from_state=event.from_state.value if event.from_state else None,
        to_state=event.to_state.value,
        payload=dict(event.payload),
        note=event.note,
    )
