"""Escalation (督办) replies and canned phrases (惯用语)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08

`cases.escalation_open`: a 督办 waits for the handling unit's reply. Before this revision
a 督办 had no reply, so every open key case has an open one. The `escalations` records
of those 督办 are built from their events by `Workstation.upgrade()` (services.escalations
.fill_missing). `phrases` starts with the shared lists below.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
OPEN_STATES = ("reported", "verifying", "filed", "dispatched", "awaiting_check", "suspended")

# The shared lists a new centre starts with (the shift leader edits them in the program).
SHARED_PHRASES: dict[str, tuple[str, ...]] = {
    "general": ("请尽快处置", "请按标准恢复原状并拍照反馈"),
    "dispatch": ("请按时限处置并反馈", "请按标准恢复原状并拍照反馈", "请注意现场安全防护"),
    "remind": ("请尽快处置", "已临近处置时限，请抓紧处置", "已超期，请立即处置并反馈",
               "请于今日下班前处置完毕并反馈"),
    "escalate": ("群众反映强烈，请限期处置并回复督办意见", "多次催办仍未处置，请单位负责人督促落实",
                 "存在安全隐患，请立即处置并反馈处置情况", "领导批示，请优先处置并回复"),
    "escalation_reply": ("已安排人员现场处置，预计今日完成", "已处置完毕，现场已恢复原状",
                         "需协调相关部门，正在推进，将按期回复"),
    "feedback": ("已处置完毕，现场已恢复原状", "已按标准处置并拍照反馈"),
    "request": ("不属于本单位职责", "需协调其他部门", "工程量较大，需纳入工程计划"),
    "approve": ("同意", "同意，请按新期限处置"),
    "reject": ("属于本单位职责，请按时处置", "理由不充分，请按原期限处置"),
    "check": ("现场问题已解决",),
    "check_fail": ("现场问题未解决，请重新处置", "处置不彻底，请按标准恢复原状并拍照反馈",
                   "处置后现场未清理"),
    "void": ("重复上报", "不属于受理范围", "现场未发现问题"),
    "note": ("已电话联系责任单位", "已电话联系上报人"),
}  # fmt: skip


def upgrade() -> None:
    # A plain ADD COLUMN, never a batch copy of `cases` (the other tables reference it).
    op.add_column("cases", sa.Column("escalation_open", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))  # fmt: skip
    cases = sa.table("cases", sa.column("is_key", sa.Boolean), sa.column("state", sa.String),
                     sa.column("escalation_open", sa.Boolean))  # fmt: skip
    op.execute(cases.update().where(cases.c.is_key.is_(True), cases.c.state.in_(OPEN_STATES))
               .values(escalation_open=True))  # fmt: skip
    op.create_table(
        "escalations",
        sa.Column("id", BigId, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("event_seq", sa.Integer(), nullable=False),
        sa.Column("escalated_by", sa.String(length=40), nullable=False),
        sa.Column("escalated_at", sa.DateTime(), nullable=False),
        sa.Column("instruction", sa.Text(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("replied_by", sa.String(length=40), nullable=True),
        sa.Column("replied_at", sa.DateTime(), nullable=True),
        sa.Column("reply_seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_escalations_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
        sa.UniqueConstraint("case_id", "event_seq", name="uq_escalations_case_seq"),
    )  # fmt: skip
    op.create_index(op.f("ix_escalations_case_id"), "escalations", ["case_id"])
    phrases = op.create_table(
        "phrases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=40), nullable=False, server_default=""),
        sa.Column("purpose", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phrases")),
    )
    op.create_index("ix_phrases_owner_purpose", "phrases", ["owner", "purpose", "position"])
    op.bulk_insert(phrases, [
        {"owner": "", "purpose": purpose, "position": i, "text": text}
        for purpose, texts in SHARED_PHRASES.items() for i, text in enumerate(texts)
    ])  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_phrases_owner_purpose", table_name="phrases")
    op.drop_table("phrases")
    op.drop_index(op.f("ix_escalations_case_id"), table_name="escalations")
    op.drop_table("escalations")
    # A plain DROP COLUMN (SQLite ≥ 3.35 has it): a batch copy of `cases` would drop the
    # old table, which the rows of `events` and the other tables still reference.
    op.drop_column("cases", "escalation_open")
