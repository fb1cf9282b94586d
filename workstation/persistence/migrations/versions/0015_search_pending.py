"""New cases are listed for the search index by a trigger and indexed in batches

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08

A full-text index pays a fixed price for every transaction that writes it (FTS5: a new
segment and its structure record at commit, about 0.2 ms, as much as the rest of a
report). A trigger on `cases` lists each new case in `case_search_pending` — inside the
report's own statement, no round trip — the search reads the listed cases too, and every
128th report moves them into the index (`persistence.search_index`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from workstation.persistence import search_index

    op.create_table(
        "case_search_pending",
        sa.Column("case_id", sa.Integer, primary_key=True, autoincrement=False),
    )
    for sql in search_index.list_trigger_statements(op.get_bind().dialect.name):
        op.execute(sql)


def downgrade() -> None:
    from workstation.persistence import search_index

    dialect = op.get_bind().dialect.name
    search_index.flush_pending(op.get_bind())
    for sql in search_index.drop_list_trigger_statements(dialect):
        op.execute(sql)
    if dialect == "postgresql":
        op.execute("DROP FUNCTION workstation_list_for_search()")
    op.drop_table("case_search_pending")
