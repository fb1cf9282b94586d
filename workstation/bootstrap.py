"""Composition root: builds the engine, sessions and services from settings, on demand.

Nothing here runs at import; `bootstrap()` is called by the CLI, the GUI and the tests.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from workstation.domain.attachments import AttachmentInfo
from workstation.domain.case import Case, CaseEvent
from workstation.domain.handover import HandoverSheet
from workstation.domain.lifecycle import Action, Source
from workstation.domain.metrics import Period
from workstation.domain.roles import Account, Actor
from workstation.persistence import migrate, search_index
from workstation.persistence.database import create_db_engine, writer_engine
from workstation.persistence.repositories import AttachmentRepository, CaseRepository
from workstation.persistence.tables import GridCellRow
from workstation.persistence.uow import SqlUnitOfWork
from workstation.services import (
    audit,
    auth,
    calendar_admin,
    cases,
    duplicates,
    escalations,
    evaluation,
    feed,
    handover,
    history,
    map_queries,
    phrases,
    queries,
    queue_queries,
    reminder_acks,
    statistics,
    surveys,
    targets,
)
from workstation.services import field as field_service
from workstation.services import presence as presence_service
from workstation.services.attention import AttentionItem
from workstation.services.calendar_admin import (
    CalendarChange,
    CalendarChangeResult,
    CalendarImpact,
    YearView,
)
from workstation.services.dto import (
    CaseDetail,
    CaseSummary,
    EscalationView,
    RecommendationView,
)
from workstation.services.duplicates import DuplicateCandidate
from workstation.services.feed import ChangeBatch, FeedCursor
from workstation.services.field import FieldTask, SupervisorView, UnitWork
from workstation.services.follower import FeedFollower, StatusCallback
from workstation.services.map_queries import CellSummary, HeatQuery
from workstation.services.phrases import PhraseBook
from workstation.services.presence import Presence
from workstation.services.queries import CaseFilter
from workstation.services.reference import Reference, load_reference, seed_defaults
from workstation.services.reminder_acks import ReminderHold
from workstation.services.statistics import LoadedPeriod, Statistics, StatsFilter
from workstation.settings import Settings

if TYPE_CHECKING:
    from workstation.domain.grid import Grid

# The last migration that (re)created the case search index: cases recorded before get
# their terms again at the upgrade.
SEARCH_INDEX_REVISION = "0014"
ESCALATIONS_REVISION = "0012"  # the migration that created the 督办 records
log = logging.getLogger("workstation")
Clock = Callable[[], datetime]


def local_now() -> datetime:
    """Beijing time, naive (see WorkCalendar: every datetime here means Beijing time)."""
    from datetime import UTC, timedelta

    return (datetime.now(UTC) + timedelta(hours=8)).replace(tzinfo=None, microsecond=0)


@dataclass
class Workstation:
    """The application's services, bound to one database. Thread-safe: every call opens
    its own session, so worker threads may call it concurrently."""

    settings: Settings
    engine: Engine
    clock: Clock = local_now
    _reads: sessionmaker[Session] = field(init=False, repr=False)
    _writes: sessionmaker[Session] = field(init=False, repr=False)
    _write_engine: Engine = field(init=False, repr=False)
    _reference: Reference | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        # Reads: on PostgreSQL a READ ONLY transaction (the server refuses a write through
        # it); on SQLite a deferred one, which under WAL never takes the write lock.
        reads = self.engine.execution_options(postgresql_readonly=True) \
            if self.engine.dialect.name == "postgresql" else self.engine  # fmt: skip
        self._reads = sessionmaker(reads, expire_on_commit=False)
        self._write_engine = writer_engine(self.engine)
        self._writes = sessionmaker(self._write_engine, expire_on_commit=False)

    # ----------------------------------------------------------------- infrastructure

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        with self._reads() as session:
            yield session

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on error."""
        with self._writes() as session, session.begin():
            yield session

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._write_engine, self.settings.workstation_name)

    def upgrade(self, progress: Callable[[str, int, int], None] | None = None) -> None:
        """Create or migrate the schema and seed the catalog into an empty database;
        ``progress(step, done, total)`` hears of the long steps (re-indexing every case)."""
        before = migrate.current_revision(self.engine)
        migrate.upgrade(self.engine)
        if before is not None and before < SEARCH_INDEX_REVISION:
            # Cases recorded before this form of the search index get their terms (once).
            step = "建立案件检索索引"
            report = (lambda done, total: progress(step, done, total)) if progress else None
            with self.write_session() as session:
                indexed = search_index.fill_missing(session, progress=report)
            log.info("已为 %d 件案件建立检索索引", indexed)
        if before is not None and before < ESCALATIONS_REVISION:
            # 督办 given before the records existed get theirs, from their events (once).
            with self.write_session() as session:
                recorded = escalations.fill_missing(session)
            log.info("已补记 %d 条督办记录", recorded)
        with self.write_session() as session:
            if seed_defaults(session):
                log.info("已写入默认问题类别与设置")
        filled = cases.fill_missing_clocks(self.uow())
        if filled:
            log.info("已为 %d 件在办案件补记案件时钟", filled)
        self.invalidate_reference()

    def is_up_to_date(self) -> bool:
        return migrate.is_up_to_date(self.engine)

    @property
    def reference(self) -> Reference:
        with self._lock:
            if self._reference is None:
                with self.read_session() as session:
                    self._reference = load_reference(session, self._load_grid)
            return self._reference

    def invalidate_reference(self) -> None:
        with self._lock:
            self._reference = None

    def _load_grid(self) -> Grid:
        from workstation.adapters.grid_store import load_grid

        with self.read_session() as session:
            return load_grid(session)

    def dispose(self) -> None:
        self.engine.dispose()

    # ----------------------------------------------------------------- accounts

    def login(self, username: str, password: str) -> Account:
        with self.read_session() as session:
            return auth.authenticate(session, username, password)

    def actor(self, username: str) -> Actor:
        with self.read_session() as session:
            return auth.find_account(session, username).as_actor()

    # ----------------------------------------------------------------- cases

    def report(self, actor: Actor, *, description: str, source: Source | str = Source.SUPERVISOR,
               at: datetime | None = None, **fields: Any) -> CaseSummary:  # fmt: skip
        return cases.report(self.uow(), self.reference, actor, at or self.clock(),
                            description=description, source=source, **fields)  # fmt: skip

    def act(self, actor: Actor, case_id: int, action: Action | str,
            params: Mapping[str, Any] | None = None, *, expected_version: int | None = None,
            at: datetime | None = None) -> CaseSummary:  # fmt: skip
        return cases.perform(self.uow(), self.reference, actor, at or self.clock(), case_id,
                             action, params, expected_version)  # fmt: skip

    def merge(self, actor: Actor, duplicate_id: int, original_id: int, *,
              expected_version: int | None = None,
              at: datetime | None = None) -> tuple[CaseSummary, CaseSummary]:  # fmt: skip
        return cases.merge(self.uow(), self.reference, actor, at or self.clock(), duplicate_id,
                           original_id, expected_version)  # fmt: skip

    def attach(self, actor: Actor, case_id: int, *, filename: str, data: bytes,
               kind: str = "other", note: str = "",
               at: datetime | None = None) -> AttachmentInfo:  # fmt: skip
        return cases.attach(self.uow(), self.reference, actor, at or self.clock(), case_id,
                            filename=filename, data=data, kind=kind, note=note)  # fmt: skip

    def attachments(self, case_id: int) -> list[AttachmentInfo]:
        with self.read_session() as session:
            return AttachmentRepository(session).list(case_id)

    def attachment_data(self, attachment_id: int) -> tuple[str, str, bytes]:
        with self.read_session() as session:
            return AttachmentRepository(session).data(attachment_id)

    def duplicate_candidates(self, case_id: int, *, radius_m: float = 300.0, days: float = 7,
                             limit: int = 10) -> list[DuplicateCandidate]:  # fmt: skip
        """Nearby open or recently closed cases of the same or a related category."""
        with self.read_session() as session:
            return duplicates.find_candidates(
                session, self.reference, case_id, radius_m=radius_m, days=days, limit=limit
            )

    def recommend(self, case_id: int, at: datetime | None = None) -> RecommendationView:
        with self.read_session() as session:
            case = CaseRepository(session).get(case_id)
        return cases.recommend_unit(self.reference, case, at or self.clock())

    def list_cases(self, flt: CaseFilter | None = None,
                   actor: Actor | None = None) -> list[CaseSummary]:  # fmt: skip
        with self.read_session() as session:
            return queries.list_cases(session, self.reference, flt, actor)

    def cases_by_ids(self, ids: Sequence[int], actor: Actor | None = None) -> list[CaseSummary]:
        with self.read_session() as session:
            return queries.cases_by_ids(session, self.reference, ids, actor)

    def search_cases(self, flt: history.HistoryFilter, actor: Actor | None = None,
                     before: int | None = None,
                     limit: int = history.PAGE) -> history.HistoryPage:  # fmt: skip
        """案件检索 over every case ever recorded, newest first, a page at a time (the next
        page: ``before`` = the previous page's `next_before`)."""
        with self.read_session() as session:
            return history.search(session, self.reference, actor, flt, before, limit)

    def awaiting_revisit(self, days: int = 7, at: datetime | None = None) -> list[int]:
        """待回访: citizens' reports closed in the last ``days`` days not yet called back."""
        with self.read_session() as session:
            return queue_queries.awaiting_revisit(session, at or self.clock(), days)

    def open_escalations(self, actor: Actor | None = None,
                         at: datetime | None = None) -> list[EscalationView]:  # fmt: skip
        """督办 waiting for the handling unit's reply, the longest-waiting first, each with
        its age (a unit's account sees its own cases' only)."""
        with self.read_session() as session:
            return escalations.open_escalations(session, self.reference, at or self.clock(),
                                                actor)  # fmt: skip

    def open_escalation_ids(self, actor: Actor | None = None,
                            at: datetime | None = None) -> list[int]:  # fmt: skip
        """The 督办 list for a drill-down: case ids, the longest-waiting first."""
        return [e.case_id for e in self.open_escalations(actor, at)]

    def phrase_book(self, actor: Actor) -> PhraseBook:
        """惯用语: the shared lists and the actor's own."""
        with self.read_session() as session:
            return phrases.phrase_book(session, actor.username)

    def save_phrases(self, actor: Actor, purpose: str, texts: Sequence[str], *,
                     shared: bool = False) -> PhraseBook:  # fmt: skip
        """Replace the actor's own list of ``purpose`` (or, for the shift leader and the
        administrator, the shared one) with ``texts``."""
        return phrases.save_phrases(self.uow(), actor, self.clock(), purpose=purpose,
                                    texts=texts, shared=shared)  # fmt: skip

    def allowed_actions(self, ids: Sequence[int], actor: Actor,
                        at: datetime | None = None) -> dict[int, tuple[str, ...]]:  # fmt: skip
        with self.read_session() as session:
            return queries.allowed_actions_for(session, self.reference, ids, actor,
                                               at or self.clock())  # fmt: skip

    # ----------------------------------------------------------------- evaluation

    def evaluate(self, first_day: str, last_day: str, by: str, at: datetime | None = None,
                 compare: bool = False) -> list[evaluation.EvaluationRow]:  # fmt: skip
        """综合评价 of the days ``first_day`` … ``last_day`` (inclusive), grouped ``by``;
        with ``compare`` each row also carries 环比 and 同比."""
        period = evaluation.period_of(first_day, last_day, at or self.clock())
        with self.read_session() as session:
            if compare:
                return evaluation.evaluate_compared(session, self.reference, period, by)
            return evaluation.evaluate(session, self.reference, period, by)

    def statistics(self, period: Period, flt: StatsFilter | None = None, *,
                   compare: bool = True) -> Statistics:  # fmt: skip
        """The statistics panel's figures (统计分析) for ``period`` and the filters, with
        the cases behind each count; with ``compare`` the headline's 环比."""
        return self.statistics_of(self.load_period(period, compare=compare), flt)

    def statistics_of(self, loaded: LoadedPeriod,
                      flt: StatsFilter | None = None) -> Statistics:
        """The figures from a period already read (no database work)."""
        return statistics.compute(self.reference, loaded, flt)

    def load_period(self, period: Period, *, compare: bool = True) -> LoadedPeriod:
        """A period's histories for the statistics panel (a filter change reuses them)."""
        with self.read_session() as session:
            return statistics.load_period(session, self.reference, period, compare=compare)

    def performance_targets(self, first_day: str, last_day: str,
                            at: datetime | None = None) -> targets.TargetsReport:  # fmt: skip
        """绩效目标: the declared targets against what was measured over the days."""
        period = evaluation.period_of(first_day, last_day, at or self.clock())
        with self.read_session() as session:
            return targets.performance_targets(session, self.reference, period)

    def month_surveys(self, month: str) -> list[surveys.SurveyEntry]:
        """The month's satisfaction surveys of the units and the dispatch staff."""
        with self.read_session() as session:
            return surveys.of_month(session, month)

    def record_surveys(self, actor: Actor, month: str, entries: list[surveys.SurveyEntry],
                       at: datetime | None = None) -> int:  # fmt: skip
        return surveys.record(self.uow(), self.reference, actor, at or self.clock(), month,
                              entries)  # fmt: skip

    # ----------------------------------------------------------------- the hand-over

    def handover_shift(self, at: datetime | None = None,
                       previous: bool = False) -> tuple[datetime, datetime]:  # fmt: skip
        """[start, end) of the shift on at ``at`` (with ``previous``: the one before)."""
        now = at or self.clock()
        if previous:
            return handover.previous_shift(self.reference, now)
        return handover.current_shift(self.reference, now)

    def handover_preview(self, actor: Actor | None, start: datetime, end: datetime,
                         at: datetime | None = None) -> HandoverSheet:  # fmt: skip
        """交接单 of [start, end) generated now, not stored."""
        with self.read_session() as session:
            return handover.preview(session, self.reference, actor, start, end,
                                    at or self.clock())  # fmt: skip

    def save_handover(self, actor: Actor, notes: str,
                      period: tuple[datetime, datetime] | None = None,
                      at: datetime | None = None) -> handover.StoredSheet:  # fmt: skip
        """The outgoing leader stores the sheet of ``period`` (default: the current shift)."""
        with self.read_session() as session:
            return handover.save(self.uow(), session, self.reference, actor, at or self.clock(),
                                 notes, period)  # fmt: skip

    def acknowledge_handover(self, actor: Actor, sheet_id: int, note: str = "",
                             at: datetime | None = None) -> handover.StoredSheet:  # fmt: skip
        """The incoming leader's 确认接班 (audited)."""
        return handover.acknowledge(self.uow(), self.reference, actor, at or self.clock(),
                                    sheet_id, note)  # fmt: skip

    def handover_sheets(self, actor: Actor | None, limit: int = 200) -> list[handover.SheetInfo]:
        """Stored sheets, newest first."""
        with self.read_session() as session:
            return handover.sheets(session, self.reference, actor, limit)

    def handover_sheet(self, actor: Actor | None, sheet_id: int) -> handover.StoredSheet:
        with self.read_session() as session:
            return handover.sheet(session, self.reference, actor, sheet_id)

    # ----------------------------------------------------------------- reminder holds

    def acknowledge_reminders(self, actor: Actor, items: Sequence[AttentionItem],
                              at: datetime | None = None) -> list[ReminderHold]:  # fmt: skip
        """确认 reminder-centre items for the shift (see services.reminder_acks)."""
        return reminder_acks.acknowledge(self.uow(), actor, at or self.clock(), items)

    def snooze_reminders(self, actor: Actor, items: Sequence[AttentionItem], until: datetime,
                         at: datetime | None = None) -> list[ReminderHold]:  # fmt: skip
        """稍后提醒: hide the items for the shift until ``until``."""
        return reminder_acks.snooze(self.uow(), actor, at or self.clock(), items, until)

    def release_reminders(self, actor: Actor, keys: Sequence[tuple[str, int]] | None = None,
                          at: datetime | None = None) -> int:  # fmt: skip
        """Show held items again (``None``: every hold the actor may release)."""
        return reminder_acks.release(self.uow(), actor, at or self.clock(), keys)

    def reminder_holds(self, actor: Actor) -> list[ReminderHold]:
        """The acknowledgements and snoozes the actor's reminder centre applies."""
        with self.read_session() as session:
            return reminder_acks.holds_for(session, actor)

    # ----------------------------------------------------------------- the calendar

    def calendar_year(self, year: int) -> YearView:
        with self.read_session() as session:
            return calendar_admin.year_view(session, year)

    def calendar_impact(
        self, change: CalendarChange, progress: calendar_admin.Progress | None = None
    ) -> CalendarImpact:
        """The open cases whose deadlines the change would move (read-only)."""
        with self.read_session() as session:
            return calendar_admin.impact(session, self.reference, change, progress)

    def change_calendar(self, actor: Actor, change: CalendarChange, *, recompute: bool | None,
                        at: datetime | None = None,
                        progress: calendar_admin.Progress | None = None,
                        ) -> CalendarChangeResult:  # fmt: skip
        """Write a calendar change (administrator); recompute or keep the moved deadlines."""
        result = calendar_admin.apply(self.uow(), self.reference, actor, at or self.clock(),
                                      change, recompute=recompute, progress=progress)  # fmt: skip
        self.invalidate_reference()
        return result

    # ----------------------------------------------------------------- the field

    def demo_autostart(self) -> bool:
        """Whether the GUI starts the field simulation by itself (a demo database's
        remembered switch: on unless it was paused)."""
        from workstation.services.reference import demo_autostart

        with self.read_session() as session:
            return demo_autostart(session)

    def set_demo_autostart(self, on: bool) -> None:
        """Remember the simulation switch for the next start (not in the cached reference:
        nothing else depends on it)."""
        from workstation.services.reference import set_demo_autostart

        with self.write_session() as session:
            set_demo_autostart(session, on)

    def record_fix(self, actor: Actor, lon: float, lat: float, at: datetime | None = None) -> None:
        field_service.record_fix(self.uow(), self.reference, actor, at or self.clock(), lon, lat)

    def set_supervisor_status(self, actor: Actor, status: str,
                              at: datetime | None = None) -> None:  # fmt: skip
        field_service.set_status(self.uow(), self.reference, actor, at or self.clock(), status)

    def supervisor_board(self, at: datetime | None = None) -> list[SupervisorView]:
        with self.read_session() as session:
            return field_service.board(session, self.reference, at or self.clock())

    def supervisor_track(self, supervisor_code: str,
                         since: datetime) -> list[tuple[datetime, float, float]]:  # fmt: skip
        with self.read_session() as session:
            return field_service.track(session, supervisor_code, since)

    def field_tasks(self) -> list[FieldTask]:
        with self.read_session() as session:
            return field_service.open_tasks(session)

    def unit_work(self) -> list[UnitWork]:
        with self.read_session() as session:
            return field_service.unit_work(session)

    # ----------------------------------------------------------------- the map

    def heat_counts(self, query: HeatQuery) -> dict[str, int]:
        with self.read_session() as session:
            return map_queries.heat_counts(session, query)

    def cell_summary(self, code: str, at: datetime | None = None) -> CellSummary:
        with self.read_session() as session:
            return map_queries.cell_summary(session, self.reference, code, at or self.clock())

    def feed_cursor(self) -> FeedCursor:
        """The change feed's end now (see services.feed)."""
        with self.read_session() as session:
            return feed.feed_cursor(session)

    def changes_since(self, cursor: FeedCursor, limit: int = 2000) -> ChangeBatch:
        with self.read_session() as session:
            return feed.changes_since(session, cursor, limit)

    def audit_trail(self, reader: Actor, flt: audit.AuditFilter,
                    limit: int = 1000) -> list[audit.AuditEntry]:  # fmt: skip
        """审计记录: case events and administration changes, newest first."""
        with self.read_session() as session:
            return audit.trail(session, reader, flt, limit)

    def touch_presence(self, actor: Actor, case_id: int | None, activity: str = "viewing",
                       at: datetime | None = None) -> None:  # fmt: skip
        """This console shows ``case_id`` (None: no case) doing ``activity`` (see
        services.presence)."""
        presence_service.touch(self.uow(), actor, self.settings.workstation_name,
                               at or self.clock(), case_id, activity)  # fmt: skip

    def presence_on(self, case_ids: Sequence[int] | None,
                    at: datetime | None = None) -> list[Presence]:  # fmt: skip
        """Who is on these cases (None: on any) now, on any console (this one included)."""
        with self.read_session() as session:
            return presence_service.of_cases(session, case_ids, at or self.clock())

    def follower(self, deliver: Callable[[ChangeBatch], None], *,
                 on_status: StatusCallback | None = None, interval: float = 0.4,
                 name: str = "feed") -> FeedFollower:  # fmt: skip
        """A follower of this database's change feed (not started): it polls, and on
        PostgreSQL also LISTENs; ``deliver`` runs on its thread."""
        listen = None
        if self.engine.dialect.name == "postgresql":  # one connection of its own, no more
            listen = create_db_engine(self.settings.db_url, pool_size=1, max_overflow=0,
                                      connect_timeout=self.settings.connect_timeout,
                                      statement_timeout=self.settings.statement_timeout)
        return FeedFollower(self.changes_since, self.feed_cursor, deliver, on_status=on_status,
                            listen=listen, interval=interval, name=name)  # fmt: skip

    def case_detail(self, case_ref: int | str, actor: Actor,
                    at: datetime | None = None) -> CaseDetail:  # fmt: skip
        with self.read_session() as session:
            return queries.case_detail(session, self.reference, case_ref, actor,
                                       at or self.clock())  # fmt: skip

    def resolve(self, case_ref: int | str) -> int:
        """A case id from an id or a case number (案件编号)."""
        with self.read_session() as session:
            return queries.find_case(session, case_ref).id

    def load_case(self, case_id: int) -> tuple[Case, int, list[CaseEvent]]:
        with self.read_session() as session:
            return cases.load(session, case_id)

    def has_grid(self) -> bool:
        with self.read_session() as session:
            return session.scalar(select(GridCellRow.code).limit(1)) is not None


def bootstrap(settings: Settings | None = None, *, clock: Clock | None = None,
              upgrade: bool = False) -> Workstation:  # fmt: skip
    """Build the workstation for these settings; connects only when first used."""
    settings = settings or Settings.from_env()
    engine = create_db_engine(settings.db_url, echo=settings.echo_sql,
                              connect_timeout=settings.connect_timeout,
                              statement_timeout=settings.statement_timeout)  # fmt: skip
    ws = Workstation(settings, engine, clock or local_now)
    if upgrade:
        ws.upgrade()
    return ws
