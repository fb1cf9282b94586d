"""Supervisors (监督员) and the centre's posts (受理员, 值班长, 派遣员), per person."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workstation.domain.case import CaseEvent
from workstation.domain.lifecycle import Action, CaseState
from workstation.domain.metrics.period import Period, grid_of, rate


@dataclass
class SupervisorIndicators:
    """EVALUATION.md §2 for one supervisor (监督员)."""

    reports: int = 0  # 上报数 (先行处置 apart)
    self_handled: int = 0
    valid_reports: int = 0  # filed and not voided later
    verifications: int = 0  # 应核实数
    verified_on_time: int = 0
    checks: int = 0  # 应核查数
    checked_on_time: int = 0
    missed: int = 0  # 漏报数: public reports in the supervisor's grids confirmed on site

    def as_dict(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "self_handled": self.self_handled,
            "valid_reports": self.valid_reports,
            "valid_report_rate": rate(self.valid_reports, self.reports),
            "verifications": self.verifications,
            "verified_on_time": self.verified_on_time,
            "on_time_verification_rate": rate(self.verified_on_time, self.verifications),
            "checks": self.checks,
            "checked_on_time": self.checked_on_time,
            "on_time_check_rate": rate(self.checked_on_time, self.checks),
            "missed": self.missed,
            "missed_rate": rate(self.missed, self.missed + self.reports),
        }


def supervisor_indicators(
    histories: Iterable[Sequence[CaseEvent]], period: Period, cell_owner: Mapping[str, str]
) -> dict[str, SupervisorIndicators]:
    """Per supervisor username. Reports count in the period they were made; verification
    and check tasks in the period they were sent, on time when the result came by the
    stage deadline the task was sent with; 漏报 in the period of the public report, for
    the supervisor whose patrol grids hold it (``cell_owner``: cell code → username)."""
    out: dict[str, SupervisorIndicators] = {}

    def of(username: str) -> SupervisorIndicators:
        found = out.get(username)
        if found is None:  # (not setdefault: it would build one per call)
            found = out[username] = SupervisorIndicators()
        return found

    for events in histories:
        known = [e for e in events if e.at <= period.as_of]
        if not known:
            continue
        report = known[0]
        p = report.payload
        reported_at = datetime.fromisoformat(str(p["reported_at"]))
        if reported_at in period:
            if p["source"] == "supervisor":
                figures = of(report.actor)
                if p.get("self_handled"):
                    figures.self_handled += 1
                else:
                    figures.reports += 1
                    filed = any(e.action is Action.FILE for e in known)
                    if filed and known[-1].to_state is not CaseState.VOIDED:
                        figures.valid_reports += 1
            elif any(e.action is Action.VERIFY and e.payload.get("confirmed") for e in known):
                grid = grid_of(known)
                owner = cell_owner.get(grid or "")
                if owner is not None:
                    of(owner).missed += 1
        _count_tasks(known, period, of)
    return out


def _count_tasks(events: Sequence[CaseEvent], period: Period,
                 of: Callable[[str], SupervisorIndicators]) -> None:  # fmt: skip
    for i, e in enumerate(events):
        if e.action is Action.REQUEST_VERIFICATION:
            results: tuple[Action, ...] = (Action.VERIFY,)
        elif e.action is Action.SEND_FOR_CHECK:
            results = (Action.CHECK_PASS, Action.CHECK_FAIL)
        else:
            continue
        who = e.payload.get("supervisor")
        if not who or e.at not in period:
            continue
        due = e.payload.get("stage_deadline")
        done = next((r for r in events[i + 1:] if r.action in results), None)
        on_time = done is not None and due is not None and \
            done.at <= datetime.fromisoformat(str(due))  # fmt: skip
        figures = of(str(who))
        if e.action is Action.REQUEST_VERIFICATION:
            figures.verifications += 1
            figures.verified_on_time += on_time
        else:
            figures.checks += 1
            figures.checked_on_time += on_time


@dataclass
class PostIndicators:
    """The centre's posts, per person (EVALUATION.md §2 "Posts"): what the person did in
    the period and whether it was within the stage limit in force when it was done."""

    received: int = 0  # 受理数: reports registered
    verification_due: int = 0  # registered reports that needed a verification task
    verification_sent_on_time: int = 0  # sent by the verify stage's deadline
    checks_sent: int = 0  # 派发核查 done by the person
    checks_sent_on_time: int = 0  # by the check stage's deadline (from the feedback)
    filed: int = 0  # 立案
    filed_on_time: int = 0
    filed_accurately: int = 0  # not voided later
    closed: int = 0  # 结案 decided by the person (先行处置 approvals)
    closed_on_time: int = 0
    dispatched: int = 0  # 派遣数
    dispatched_on_time: int = 0
    dispatched_accurately: int = 0  # the unit kept it (no approved return afterwards)

    def as_dict(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "verification_due": self.verification_due,
            "verification_sent_on_time": self.verification_sent_on_time,
            "on_time_verification_dispatch_rate": rate(self.verification_sent_on_time,
                                                       self.verification_due),
            "checks_sent": self.checks_sent,
            "checks_sent_on_time": self.checks_sent_on_time,
            "on_time_check_dispatch_rate": rate(self.checks_sent_on_time, self.checks_sent),
            "filed": self.filed,
            "filed_on_time": self.filed_on_time,
            "on_time_filing_rate": rate(self.filed_on_time, self.filed),
            "accurate_filing_rate": rate(self.filed_accurately, self.filed),
            "closed": self.closed,
            "closed_on_time": self.closed_on_time,
            "on_time_closing_rate": rate(self.closed_on_time, self.closed),
            "dispatched": self.dispatched,
            "dispatched_on_time": self.dispatched_on_time,
            "on_time_dispatch_rate": rate(self.dispatched_on_time, self.dispatched),
            "accurate_dispatch_rate": rate(self.dispatched_accurately, self.dispatched),
        }  # fmt: skip


def post_indicators(histories: Iterable[Sequence[CaseEvent]],
                    period: Period) -> dict[str, PostIndicators]:  # fmt: skip
    """Per username: every action of a post counts in the period it was done; "on time"
    compares it with the stage deadline in force just before it (the event history says
    which: each stage start records its deadline)."""
    out: dict[str, PostIndicators] = {}
    for events in histories:
        known = [e for e in events if e.at <= period.as_of]
        due: datetime | None = None  # the running stage's deadline before each event
        for i, e in enumerate(known):
            before, due = due, _stage_due(e, due)
            if e.at not in period:
                continue
            who = out.get(e.actor)
            if who is None:  # (not setdefault: it would build one for every event)
                who = out[e.actor] = PostIndicators()
            on_time = before is not None and e.at <= before
            action = e.action
            if action is Action.REPORT:
                who.received += 1
                if e.payload.get("source") != "supervisor":
                    who.verification_due += 1
                    sent = next((x for x in known[i + 1:]
                                 if x.action is Action.REQUEST_VERIFICATION), None)  # fmt: skip
                    if sent is not None and due is not None and sent.at <= due:
                        who.verification_sent_on_time += 1
            elif action is Action.SEND_FOR_CHECK:
                who.checks_sent += 1
                who.checks_sent_on_time += on_time
            elif action is Action.FILE:
                who.filed += 1
                who.filed_on_time += on_time
                who.filed_accurately += known[-1].to_state is not CaseState.VOIDED
            elif action is Action.APPROVE_SELF_HANDLED:
                who.closed += 1
                who.closed_on_time += on_time
            elif action is Action.DISPATCH:
                who.dispatched += 1
                who.dispatched_on_time += on_time
                returned = any(x.action is Action.APPROVE_RETURN for x in known[i + 1:])
                who.dispatched_accurately += not returned
    return out


def _stage_due(event: CaseEvent, previous: datetime | None) -> datetime | None:
    """The running stage's deadline after ``event`` (it records one when it starts one)."""
    value = event.payload.get("stage_deadline", ...)
    if value is ...:
        return None if not event.to_state.is_open else previous
    return datetime.fromisoformat(str(value)) if value else None
