"""Satisfaction (回访 result per case, the shift leader's monthly surveys) and the
safety-related flag of categories

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

The flag is set here for the reference catalog's safety classes (the seed's list, see
resources/data/catalog-defaults.csv), so a database built before keeps the 绩效目标 page's
"hazards eliminated" figure meaningful.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# As seeded in catalog-defaults.csv (column `safety`) at the time of this migration.
SAFETY_CODES = (
    "C0101", "C0102", "C0103", "C0105", "C0106", "C0107", "C0108", "C0109", "C0111",
    "C0112", "C0114", "C0127", "C0128", "C0129", "C0130", "C0133", "C0135", "C0601",
    "E0401", "E0402", "E0403", "E0601", "E0604", "E0702",
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("satisfaction", sa.String(length=20), nullable=True))
    with op.batch_alter_table("categories") as batch:
        batch.add_column(sa.Column("safety_related", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))  # fmt: skip
    categories = sa.table("categories", sa.column("code", sa.String),
                          sa.column("safety_related", sa.Boolean))  # fmt: skip
    op.execute(categories.update().where(categories.c.code.in_(SAFETY_CODES))
               .values(safety_related=True))  # fmt: skip
    op.create_table(
        "satisfaction_surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("respondent", sa.String(length=10), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("surveyed", sa.Integer(), nullable=False),
        sa.Column("satisfied", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(length=40), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_satisfaction_surveys")),
        sa.UniqueConstraint("month", "respondent", "subject",
                            name="uq_satisfaction_surveys_key"),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("satisfaction_surveys")
    with op.batch_alter_table("categories") as batch:
        batch.drop_column("safety_related")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("satisfaction")
