"""Worker-side halves of the case actions: what runs on the thread pool (no widgets here)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ui.operations import user_message
from workstation.bootstrap import Workstation
from workstation.domain.errors import ConcurrencyConflict, DomainError
from workstation.domain.grid import Grid
from workstation.domain.lifecycle import Action, RequestKind
from workstation.domain.roles import Actor, Supervisor
from workstation.domain.units import HandlingUnit, ResponsibilityMatrix
from workstation.services.dto import CaseSummary, RecommendationView
from workstation.services.field import nearest_on_duty

log = logging.getLogger("ui.actions")


@dataclass(frozen=True, slots=True)
class ActionItem:
    """One action on one case, as the user saw the case (its version guards the race)."""

    case: CaseSummary
    action: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Outcome:
    item: ActionItem
    result: CaseSummary | None = None
    original: CaseSummary | None = None  # merge: the original after absorbing the duplicate
    error: str = ""
    conflict: bool = False
    detail: str = ""  # for the confirmation: the supervisor a task went to

    @property
    def ok(self) -> bool:
        return self.result is not None


@dataclass(frozen=True, slots=True)
class BatchResult:
    outcomes: tuple[Outcome, ...]

    @property
    def succeeded(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.ok]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def updated(self) -> list[CaseSummary]:
        """Every case summary the services returned (both halves of a merge)."""
        out: list[CaseSummary] = []
        for o in self.succeeded:
            out += [s for s in (o.result, o.original) if s is not None]
        return out


def perform(ws: Workstation, actor: Actor, items: Sequence[ActionItem]) -> BatchResult:
    """Run each item in its own transaction; one failure never undoes the others' success."""
    outcomes = []
    for item in items:
        try:
            outcomes.append(_perform_one(ws, actor, item))
        except Exception as exc:  # reported per case, the batch goes on
            if not isinstance(exc, DomainError):
                log.exception("%s on case %s failed", item.action, item.case.id)
            conflict = isinstance(exc, ConcurrencyConflict)
            outcomes.append(Outcome(item, error=user_message(exc), conflict=conflict))
    return BatchResult(tuple(outcomes))


def _perform_one(ws: Workstation, actor: Actor, item: ActionItem) -> Outcome:
    case = item.case
    if item.action == Action.MERGE:
        original_id = ws.resolve(str(item.params["original"]))
        duplicate, original = ws.merge(actor, case.id, original_id,
                                       expected_version=case.version)  # fmt: skip
        return Outcome(item, duplicate, original)
    result = ws.act(actor, case.id, item.action, dict(item.params),
                    expected_version=case.version)  # fmt: skip
    detail = ""
    if item.action in (Action.SEND_FOR_CHECK, Action.REQUEST_VERIFICATION, Action.REMIND):
        # Without a choice the service picked the grid's supervisor: name whom. (A
        # reminder names the supervisor it went to, or the unit.)
        payload = ws.load_case(case.id)[2][-1].payload
        username = payload.get("supervisor") or ""
        account = ws.reference.accounts.get(username)
        detail = account.display_name if account else username
        if item.action == Action.REMIND and not username:
            detail = result.unit_name
    return Outcome(item, result, detail=detail)


# ------------------------------------------------------------------------------ loaders


@dataclass(frozen=True, slots=True)
class DispatchOptions:
    """What the dispatch dialog offers: the recommendation (or why there is none) and units."""

    recommendation: RecommendationView | None
    error: str
    candidates: tuple[HandlingUnit, ...]  # matching rules, best first, then the street office
    units: tuple[HandlingUnit, ...]  # every unit
    # unit code → the 街道/社区/cell codes it answers for in this category (empty: all)
    areas: dict[str, tuple[str, ...]] = field(default_factory=dict)
    grid: Grid | None = None  # loaded here, on the worker, for the dialog's small map


def dispatch_options(ws: Workstation, case: CaseSummary) -> DispatchOptions:
    ref = ws.reference
    units = tuple(sorted(ref.matrix.units.values(), key=lambda u: (u.kind.value, u.code)))
    try:
        rec = ws.recommend(case.id)
    except DomainError as exc:
        return DispatchOptions(None, user_message(exc), (), units)
    candidates: tuple[HandlingUnit, ...] = ()
    if case.category_code and case.grid_code:
        candidates = tuple(ref.matrix.candidates(case.category_code, case.grid_code))
    areas = {u.code: unit_areas(ref.matrix, u, case.category_code or "") for u in units}
    try:
        grid: Grid | None = ref.grid
    except DomainError:
        grid = None
    return DispatchOptions(rec, "", candidates, units, areas, grid)


def unit_areas(matrix: ResponsibilityMatrix, unit: HandlingUnit, category: str) -> tuple[str, ...]:
    """Where a unit answers for this category: its rules' areas, its own 街道 if an office."""
    codes = [
        r.area
        for r in matrix.rules
        if r.unit_code == unit.code and r.area and category.startswith(r.category)
    ]
    if unit.street_code:
        codes.append(unit.street_code)
    return tuple(dict.fromkeys(codes))


@dataclass(frozen=True, slots=True)
class BulkRecommendation:
    case: CaseSummary
    recommendation: RecommendationView | None
    error: str = ""


def bulk_recommendations(ws: Workstation, cases: Sequence[CaseSummary]) -> list[BulkRecommendation]:
    out = []
    for case in cases:
        try:
            out.append(BulkRecommendation(case, ws.recommend(case.id)))
        except DomainError as exc:
            out.append(BulkRecommendation(case, None, user_message(exc)))
    return out


@dataclass(frozen=True, slots=True)
class SupervisorChoice:
    supervisors: tuple[Supervisor, ...]
    default: str | None  # the grid's own supervisor, else the nearest one on duty
    street_names: Mapping[str, str]
    why: str = ""  # "own": the grid's supervisor; "nearest": the nearest on duty


def supervisor_choice(
    ws: Workstation, grid_code: str | None, lon: float | None = None, lat: float | None = None
) -> SupervisorChoice:
    """Suggest the grid's own supervisor when on duty and reachable, else the nearest one
    on duty (by last position fix), else the grid's own all the same."""
    ref = ws.reference
    own = ref.supervisor_for_cell(grid_code)
    board = {row.username: row for row in ws.supervisor_board()}
    default, why = (own.username, "own") if own else (None, "")
    own_row = board.get(own.username) if own else None
    if own_row is None or own_row.late or own_row.status != "patrolling":
        cell = ref.cells.get(grid_code or "")
        if (lon is None or lat is None) and cell is not None:
            lon, lat = cell.lon, cell.lat
        nearest = nearest_on_duty(list(board.values()), lon, lat) \
            if lon is not None and lat is not None else None  # fmt: skip
        if nearest is not None:
            default, why = nearest.username, "nearest"
    return SupervisorChoice(tuple(ref.supervisors.values()), default, dict(ref.street_names),
                            why)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """A request waiting for the shift leader: a unit's return/extension/suspension, or a
    supervisor's 先行处置 report."""

    kind: str  # a RequestKind value, or "self_handled"
    reason: str
    extra: str  # extension: the requested extra time
    requested_by: str
    requested_at: datetime | None
    unit_name: str
    note: str


SELF_HANDLED = "self_handled"


def request_info(ws: Workstation, actor: Actor, case_id: int) -> RequestInfo | None:
    detail = ws.case_detail(case_id, actor)
    summary = detail.summary
    if summary.pending_request:
        wanted = f"request_{RequestKind(summary.pending_request).value}"
        event = next((e for e in reversed(detail.events) if e.action == wanted), None)
        payload = event.payload if event else {}
        return RequestInfo(summary.pending_request, str(payload.get("reason", "")),
                           str(payload.get("extra", "")),
                           event.actor_name if event else "", event.at if event else None,
                           summary.unit_name, event.note if event else "")  # fmt: skip
    if summary.self_handled:
        report = detail.events[0] if detail.events else None
        return RequestInfo(SELF_HANDLED, summary.description, "",
                           report.actor_name if report else "",
                           report.at if report else None, "",
                           report.note if report else "")  # fmt: skip
    return None


@dataclass(frozen=True, slots=True)
class CasePreview:
    case: CaseSummary | None
    error: str = ""


def preview_case(ws: Workstation, actor: Actor, case_ref: str) -> CasePreview:
    """A case by id or number, for the merge dialog's "is this the right original?" line."""
    try:
        found = ws.cases_by_ids([ws.resolve(case_ref)], actor)
    except DomainError as exc:
        return CasePreview(None, user_message(exc))
    # Not found for this actor (a unit sees only its own cases): the dialog says so.
    return CasePreview(found[0] if found else None)
