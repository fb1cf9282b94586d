"""Frozen data-transfer objects: what services return to the CLI and the UI (never ORM rows)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One queue row. `to_json()` keys are the stable CLI/API contract (snake_case)."""

    id: int
    case_no: str
    version: int
    state: str
    state_label: str
    source: str
    source_label: str
    priority: str
    reported_at: datetime
    category_code: str | None
    category_name: str
    grid_code: str | None
    street_name: str
    community_name: str
    address: str
    description: str
    unit: str | None
    unit_name: str
    deadline: datetime | None
    stage_deadline: datetime | None
    handling_limit: str | None
    pending_request: str | None
    remind_count: int
    is_key: bool
    rework_count: int
    self_handled: bool
    lon: float | None
    lat: float | None
    closed_at: datetime | None
    updated_at: datetime | None
    verified: bool = False  # a non-supervisor report confirmed on site
    dispatched_at: datetime | None = None
    # The running clock: what `domain.clock.read_clock` reads (see there).
    clock_stage: str | None = None
    clock_started_at: datetime | None = None
    clock_limit: str | None = None
    handling_paused_seconds: float = 0.0
    suspended_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        data = dict(_jsonable(asdict(self)))
        for key in _CLOCK_FIELDS:  # the CLI shows the clock read (`clock`), not its parts
            data.pop(key)
        return data


_CLOCK_FIELDS = ("clock_stage", "clock_started_at", "clock_limit", "handling_paused_seconds",
                 "suspended_at")  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventView:
    seq: int
    action: str
    action_label: str
    actor: str
    actor_name: str
    role: str
    role_label: str
    at: datetime
    from_state: str | None
    to_state: str
    payload: dict[str, Any]
    note: str

    def to_json(self) -> dict[str, Any]:
        return dict(_jsonable(asdict(self)))


@dataclass(frozen=True, slots=True)
class CaseDetail:
    summary: CaseSummary
    events: tuple[EventView, ...]
    allowed_actions: tuple[str, ...]  # for the actor who asked
    check_supervisor: str | None
    void_reason: str
    merged_into: int | None
    duplicate_ids: tuple[int, ...]
    verified: bool
    extension_count: int
    return_count: int
    escalations: tuple[EscalationView, ...] = ()  # every 督办 of the case, oldest first

    def to_json(self) -> dict[str, Any]:
        data = self.summary.to_json()
        data.update(
            events=[e.to_json() for e in self.events],
            allowed_actions=list(self.allowed_actions),
            check_supervisor=self.check_supervisor,
            void_reason=self.void_reason,
            merged_into=self.merged_into,
            duplicate_ids=list(self.duplicate_ids),
            verified=self.verified,
            extension_count=self.extension_count,
            return_count=self.return_count,
            escalations=[e.to_json() for e in self.escalations],
        )
        return data


@dataclass(frozen=True, slots=True)
class EscalationView:
    """One 督办: who gave which instruction when, and the handling unit's reply (if any).

    ``age``: how long it waited, or has waited so far, for the reply
    (`services.escalations.escalation_age`, the one home of that rule).
    """

    case_id: int
    case_no: str
    seq: int  # the ESCALATE event
    escalated_by: str
    escalated_by_name: str
    escalated_at: datetime
    instruction: str
    reply: str | None
    replied_by: str | None
    replied_by_name: str
    replied_at: datetime | None
    age: timedelta
    unit_code: str | None = None
    unit_name: str = ""

    @property
    def is_open(self) -> bool:
        """Waiting for the unit's reply."""
        return self.replied_at is None

    def to_json(self) -> dict[str, Any]:
        data = dict(_jsonable(asdict(self)))
        data["age_seconds"] = int(self.age.total_seconds())
        del data["age"]
        return data


@dataclass(frozen=True, slots=True)
class RecommendationView:
    unit_code: str
    unit_name: str
    reason: str
    deadline: datetime
    limit: str


@dataclass(frozen=True, slots=True)
class AccountView:
    username: str
    display_name: str
    role: str
    role_label: str
    unit_code: str | None


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
