"""Reports' search terms wait in a plain table and move into the index in batches

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08

A full-text index pays a fixed price for every transaction that writes it (FTS5: a new
segment and its structure record at commit, about 0.2 ms, as much as the rest of a
report). `case_search_pending` holds the terms of the latest reports, which the search
reads too; every 128th report moves them into the index (`persistence.search_index`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_search_pending",
        sa.Column("case_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("terms", sa.Text, nullable=False),
    )


def downgrade() -> None:
    from workstation.persistence import search_index

    search_index.flush_pending(op.get_bind())
    op.drop_table("case_search_pending")
