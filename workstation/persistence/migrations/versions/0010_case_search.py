"""The full-text index of every case (case number, address, description, reporter)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

SQLite: an FTS5 table whose rowid is the case id; PostgreSQL: a tsvector per case with a
GIN index. Both hold the character-pair terms of `domain.search.index_terms`; the
repositories keep them in step with every case they write, and `Workstation.upgrade()`
indexes the cases recorded before this revision. The table lives outside the models
(neither database's form has a portable SQLAlchemy type).
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE case_search USING fts5("
                   "terms, tokenize = 'unicode61 remove_diacritics 0')")  # fmt: skip
        # Merge the per-transaction segments less eagerly (FTS5's default, 4, merged on
        # many single-case commits: +20 % on a report; 8: +4 %, see docs/benchmarks.md).
        op.execute("INSERT INTO case_search(case_search, rank) VALUES ('automerge', 8)")
    else:
        op.execute("CREATE TABLE case_search (case_id INTEGER PRIMARY KEY REFERENCES cases(id)"
                   " ON DELETE CASCADE, terms TSVECTOR NOT NULL)")  # fmt: skip
        op.execute("CREATE INDEX ix_case_search_terms ON case_search USING gin (terms)")


def downgrade() -> None:
    op.execute("DROP TABLE case_search")
