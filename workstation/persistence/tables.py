"""SQLAlchemy 2.x typed mapping of every table; the schema itself evolves through Alembic."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Deterministic constraint names, so that Alembic migrations (and SQLite batch mode) can
# refer to them on both databases.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# 64-bit ids on PostgreSQL; SQLite only autoincrements a column declared INTEGER.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, datetime: DateTime(), date: Date()}


# ----------------------------------------------------------------------------- reference


class StreetRow(Base):
    __tablename__ = "streets"
    code: Mapped[str] = mapped_column(String(9), primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    geometry: Mapped[str] = mapped_column(Text)  # GeoJSON geometry


class CommunityRow(Base):
    __tablename__ = "communities"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    street_code: Mapped[str] = mapped_column(ForeignKey("streets.code"), index=True)
    geometry: Mapped[str] = mapped_column(Text)


class GridCellRow(Base):
    __tablename__ = "grid_cells"
    code: Mapped[str] = mapped_column(String(15), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    street_code: Mapped[str] = mapped_column(String(9), index=True)
    ring: Mapped[str] = mapped_column(Text)  # JSON [[lon, lat], ...] of the outer ring
    lon: Mapped[float] = mapped_column(Float)  # centroid
    lat: Mapped[float] = mapped_column(Float)
    area_m2: Mapped[float] = mapped_column(Float)
    # 一类 (1) / 二类 (2) 区域: which 立案数 bands the evaluation applies (EVALUATION.md §3)
    area_class: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class CategoryRow(Base):
    __tablename__ = "categories"
    code: Mapped[str] = mapped_column(String(5), primary_key=True)  # 'C0101' / 'E0101'
    kind: Mapped[str] = mapped_column(String(12))
    major_code: Mapped[str] = mapped_column(String(2))
    major_name: Mapped[str] = mapped_column(String(40))
    minor_code: Mapped[str] = mapped_column(String(4))
    name: Mapped[str] = mapped_column(String(60))
    time_limit: Mapped[str] = mapped_column(String(20))  # '3 工作日'
    priority: Mapped[str] = mapped_column(String(12))
    unit_type: Mapped[str] = mapped_column(String(40), default="")
    filing_standard: Mapped[str] = mapped_column(Text, default="")
    closing_standard: Mapped[str] = mapped_column(Text, default="")
    extension: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # 安全隐患类: counted by the 绩效目标 "hazards eliminated" (manhole covers, gas, …)
    safety_related: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class UnitRow(Base):
    __tablename__ = "units"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20))
    unit_types: Mapped[str] = mapped_column(String(200), default="")  # comma-separated
    street_code: Mapped[str | None] = mapped_column(String(9))
    phone: Mapped[str] = mapped_column(String(30), default="")


class ResponsibilityRuleRow(Base):
    __tablename__ = "responsibility_rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(5), default="")
    area: Mapped[str] = mapped_column(String(15), default="")
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    note: Mapped[str] = mapped_column(String(200), default="")


class AccountRow(Base):
    __tablename__ = "accounts"
    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SupervisorRow(Base):
    __tablename__ = "supervisors"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    phone: Mapped[str] = mapped_column(String(30), default="")
    street_code: Mapped[str] = mapped_column(String(9))
    username: Mapped[str] = mapped_column(String(40), unique=True)


class PatrolCellRow(Base):
    __tablename__ = "supervisor_cells"
    supervisor_code: Mapped[str] = mapped_column(ForeignKey("supervisors.code"), primary_key=True)
    cell_code: Mapped[str] = mapped_column(String(15), primary_key=True, index=True)


class SupervisorFixRow(Base):
    """Position fixes sent by the supervisors' phones (append-only): today's tracks."""

    __tablename__ = "supervisor_fixes"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    supervisor_code: Mapped[str] = mapped_column(ForeignKey("supervisors.code"))
    at: Mapped[datetime]
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_supervisor_fixes_code_at", "supervisor_code", "at"),)


class SupervisorStateRow(Base):
    """Each supervisor's current status and last known position (a cache of the fixes)."""

    __tablename__ = "supervisor_states"
    supervisor_code: Mapped[str] = mapped_column(ForeignKey("supervisors.code"), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    status_since: Mapped[datetime]
    last_fix_at: Mapped[datetime | None]
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)


class CalendarOverrideRow(Base):
    """A day the administrator declared a holiday or a working day; wins over every rule."""

    __tablename__ = "calendar_overrides"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(100), default="")
    updated_by: Mapped[str] = mapped_column(String(40), default="", server_default="")
    updated_at: Mapped[datetime | None]


class CalendarYearRow(Base):
    """A year whose official schedule the administrator entered (已确认)."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    confirmed_by: Mapped[str] = mapped_column(String(40))
    confirmed_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(String(200), default="")


class AdminAuditRow(Base):
    """Append-only record of administration changes (calendar, settings, …): who, when, what."""

    __tablename__ = "admin_audit"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))  # 'calendar.set', 'settings.set', …
    subject: Mapped[str] = mapped_column(String(80))  # '2027-02-20', 'office_hours', …
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # before / after
    note: Mapped[str] = mapped_column(Text, default="")


class SettingRow(Base):
    """Key/value configuration that an administrator edits (office hours, stage limits)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CounterRow(Base):
    """Named counters (case ids, daily case numbers) incremented inside the transaction."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


# ----------------------------------------------------------------------------- cases


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    case_no: Mapped[str] = mapped_column(String(20), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic concurrency
    source: Mapped[str] = mapped_column(String(20))
    reported_at: Mapped[datetime] = mapped_column(index=True)
    reporter: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(String(200), default="")
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    grid_code: Mapped[str | None] = mapped_column(String(15), index=True)
    category_code: Mapped[str | None] = mapped_column(String(5))
    priority: Mapped[str] = mapped_column(String(12))
    state: Mapped[str] = mapped_column(String(20))
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    self_handled: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_code: Mapped[str | None] = mapped_column(String(20), index=True)
    handling_limit: Mapped[str | None] = mapped_column(String(20))
    dispatched_at: Mapped[datetime | None]
    deadline: Mapped[datetime | None]
    stage_deadline: Mapped[datetime | None]
    suspended_at: Mapped[datetime | None]
    pending_request: Mapped[str | None] = mapped_column(String(20))
    pending_payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    check_supervisor: Mapped[str | None] = mapped_column(String(40))
    verify_supervisor: Mapped[str | None] = mapped_column(String(40))
    check_sent_at: Mapped[datetime | None]
    check_passed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_by_self_handling: Mapped[bool] = mapped_column(Boolean, default=False)
    remind_count: Mapped[int] = mapped_column(Integer, default=0)
    is_key: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation_open: Mapped[bool] = mapped_column(Boolean, default=False,
                                                  server_default=false())  # 督办 awaiting reply
    rework_count: Mapped[int] = mapped_column(Integer, default=0)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    return_count: Mapped[int] = mapped_column(Integer, default=0)
    merged_into: Mapped[int | None] = mapped_column(Integer)
    duplicate_ids: Mapped[str] = mapped_column(String(200), default="")  # comma-separated
    void_reason: Mapped[str] = mapped_column(String(200), default="")
    closed_at: Mapped[datetime | None] = mapped_column(index=True)
    updated_at: Mapped[datetime | None]
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    # The running clock (domain.clock): stage, start, limit, paused handling time.
    clock_stage: Mapped[str | None] = mapped_column(String(20))
    clock_started_at: Mapped[datetime | None]
    clock_limit: Mapped[str | None] = mapped_column(String(20))
    handling_paused_seconds: Mapped[float] = mapped_column(Float, default=0.0,
                                                           server_default="0")  # fmt: skip
    satisfaction: Mapped[str | None] = mapped_column(String(20))  # 回访 result

    __table_args__ = (
        Index("ix_cases_state_deadline", "state", "deadline"),
        # Covers the map's heat query (cases per cell over a period and category).
        Index("ix_cases_heat", "reported_at", "grid_code", "category_code", "state"),
    )


class SatisfactionSurveyRow(Base):
    """A month's satisfaction survey of one handling unit, or of the dispatch staff,
    entered by the shift leader (the 满意度 target needs more than the citizens' 回访)."""

    __tablename__ = "satisfaction_surveys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7))  # '2026-11'
    respondent: Mapped[str] = mapped_column(String(10))  # 'unit' | 'staff'
    subject: Mapped[str] = mapped_column(String(20))  # the unit's code; 'staff' for staff
    surveyed: Mapped[int] = mapped_column(Integer)
    satisfied: Mapped[int] = mapped_column(Integer)  # 满意 + 基本满意
    recorded_by: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[datetime]

    __table_args__ = (
        UniqueConstraint("month", "respondent", "subject", name="uq_satisfaction_surveys_key"),
    )


class CaseEventRow(Base):
    """Append-only: rows are inserted, never updated or deleted."""

    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(30))
    actor: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(index=True)
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(64), default="", server_default="")  # console

    __table_args__ = (UniqueConstraint("case_id", "seq", name="uq_case_events_case_seq"),)


class AttachmentRow(Base):
    """Photos and files live in the database so that a shared database carries them."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    event_seq: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # before / after / other
    filename: Mapped[str] = mapped_column(String(200))
    mime: Mapped[str] = mapped_column(String(60))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(40))


class ChangeFeedRow(Base):
    """Outbox of changes: written in the same transaction as the change it announces."""

    __tablename__ = "change_feed"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime]
    topic: Mapped[str] = mapped_column(String(20))  # 'case', 'supervisor', 'reference'
    entity_id: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(30))
    actor: Mapped[str] = mapped_column(String(40), default="")
    # PostgreSQL: the writing transaction's id, set by the server (migration 0016), so that
    # followers can tell which transactions have finished (services.feed). SQLite: NULL.
    txid: Mapped[int | None] = mapped_column(BigInteger, index=True)


# ----------------------------------------------------------------------------- hand-over


class HandoverSheetRow(Base):
    """A shift's hand-over sheet (交接班): the content generated for the period, the
    outgoing leader's notes, the incoming leader's acknowledgement (one sheet a period)."""

    __tablename__ = "handover_sheets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_start: Mapped[datetime] = mapped_column(index=True)
    period_end: Mapped[datetime]
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # domain.handover
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]
    acknowledged_by: Mapped[str | None] = mapped_column(String(40))
    acknowledged_at: Mapped[datetime | None]
    acknowledge_note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("period_start", "period_end", name="uq_handover_sheets_period"),
    )


# ----------------------------------------------------------------------------- reminders


class CasePresenceRow(Base):
    """Who has a case open on which console, and whether a dialog on it (a soft lock: it
    warns the others, it blocks nobody). A row not refreshed for `services.presence.TTL`
    belongs to a console that went away and counts for nothing."""

    __tablename__ = "case_presence"
    case_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    workstation: Mapped[str] = mapped_column(String(64), primary_key=True)
    activity: Mapped[str] = mapped_column(String(40))  # 'viewing', or the dialog's action
    since: Mapped[datetime]
    seen_at: Mapped[datetime] = mapped_column(index=True)


class ReminderAckRow(Base):
    """The shift's acknowledgements (确认) and snoozes (稍后提醒) of reminder-centre items:
    the current one per item and scope; their history is in admin_audit (see
    services.reminder_acks for when one holds)."""

    __tablename__ = "reminder_acks"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    scope: Mapped[str] = mapped_column(String(20))  # 'centre', or a handling unit's code
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    item_kind: Mapped[str] = mapped_column(String(20))  # attention.Kind
    kind: Mapped[str] = mapped_column(String(10))  # 'ack' | 'snooze'
    stamp: Mapped[str] = mapped_column(String(80))  # the item's situation when held
    item_since: Mapped[datetime]  # when the item began, as held
    snooze_until: Mapped[datetime | None]
    actor: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime]

    __table_args__ = (
        UniqueConstraint("scope", "item_kind", "case_id", name="uq_reminder_acks_item"),
    )


# ----------------------------------------------------------------------------- 督办 / 惯用语


class EscalationRow(Base):
    """One 督办 of a case and the handling unit's reply: a projection of the ESCALATE and
    ESCALATION_REPLY events, written in the same transaction (services.escalations)."""

    __tablename__ = "escalations"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    event_seq: Mapped[int] = mapped_column(Integer)  # the ESCALATE event
    escalated_by: Mapped[str] = mapped_column(String(40))
    escalated_at: Mapped[datetime]
    instruction: Mapped[str] = mapped_column(Text, default="")  # 督办意见
    reply: Mapped[str | None] = mapped_column(Text)
    replied_by: Mapped[str | None] = mapped_column(String(40))
    replied_at: Mapped[datetime | None]
    reply_seq: Mapped[int | None] = mapped_column(Integer)  # the ESCALATION_REPLY event

    __table_args__ = (UniqueConstraint("case_id", "event_seq", name="uq_escalations_case_seq"),)


class PhraseRow(Base):
    """A canned phrase (惯用语) for one kind of opinion box: shared (owner '') or an
    account's own."""

    __tablename__ = "phrases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(40), default="", server_default="")
    purpose: Mapped[str] = mapped_column(String(30))  # services.phrases.PURPOSES
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(String(200))

    __table_args__ = (Index("ix_phrases_owner_purpose", "owner", "purpose", "position"),)
