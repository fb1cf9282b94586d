"""The case search index on each database: writing terms, and finding candidate cases.

The terms are `domain.search.index_terms` of a case's number, address, description and
reporter. SQLite keeps them in an FTS5 table (rowid = case id), PostgreSQL in a tsvector
column with a GIN index ('simple' configuration: the terms are already what is matched).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Integer, Select, column, select, text
from sqlalchemy.orm import Session

from workstation.domain.search import SearchQuery, index_terms
from workstation.persistence.tables import Base

CASES = Base.metadata.tables["cases"]
Executor = Connection | Session
TEXT_COLUMNS = (CASES.c.case_no, CASES.c.address, CASES.c.description, CASES.c.reporter)
_SQLITE_INSERT = text("INSERT INTO case_search(rowid, terms) VALUES (:id, :terms)")
_SQLITE_DELETE = text("DELETE FROM case_search WHERE rowid = :id")
_PG_UPSERT = text(
    "INSERT INTO case_search(case_id, terms) VALUES (:id, to_tsvector('simple', :terms)) "
    "ON CONFLICT (case_id) DO UPDATE SET terms = EXCLUDED.terms"
)


def _dialect(db: Executor) -> str:
    bind = db.get_bind() if isinstance(db, Session) else db
    return bind.dialect.name


def index_cases(db: Executor, rows: Iterable[Sequence[Any]]) -> int:
    """(id, case_no, address, description, reporter) rows → their terms, replacing any."""
    values = [{"id": r[0], "terms": index_terms(r[1:5])} for r in rows]
    if not values:
        return 0
    if _dialect(db) == "sqlite":
        db.execute(_SQLITE_DELETE, [{"id": v["id"]} for v in values])
        db.execute(_SQLITE_INSERT, values)
    else:
        db.execute(_PG_UPSERT, values)
    return len(values)


def fill_missing(db: Executor, chunk: int = 5000) -> int:
    """Index every case that has no terms yet (one pass in id order); returns how many."""
    sqlite = _dialect(db) == "sqlite"
    indexed = text("SELECT rowid FROM case_search WHERE rowid BETWEEN :lo AND :hi") if sqlite \
        else text("SELECT case_id FROM case_search WHERE case_id BETWEEN :lo AND :hi")  # fmt: skip
    done, after = 0, -1
    while True:
        rows = db.execute(select(CASES.c.id, *TEXT_COLUMNS).where(CASES.c.id > after)
                          .order_by(CASES.c.id).limit(chunk)).tuples().all()  # fmt: skip
        if not rows:
            return done
        lo, hi = rows[0][0], rows[-1][0]
        have = set(db.execute(indexed, {"lo": lo, "hi": hi}).scalars())
        done += index_cases(db, [r for r in rows if r[0] not in have])
        after = hi


def matching(db: Executor, query: SearchQuery, base: Select[Any]) -> Select[Any]:
    """``base`` (a select over cases) narrowed to the cases whose terms match ``query``."""
    if not query.indexed:
        return base
    if _dialect(db) == "sqlite":
        # FTS5: a quoted string of terms is a phrase (consecutive terms), "x"* a prefix.
        parts = ['"' + " ".join(p) + '"' for p in query.phrases]
        parts += [f'"{c}"*' for c in query.prefixes]
        sql, argument = "SELECT rowid AS id FROM case_search WHERE case_search MATCH :q", \
            " AND ".join(parts)  # fmt: skip
    else:
        words = ["(" + " <-> ".join(p) + ")" for p in query.phrases]
        words += [f"{c}:*" for c in query.prefixes]
        sql, argument = ("SELECT case_id AS id FROM case_search "
                         "WHERE terms @@ to_tsquery('simple', :q)"), " & ".join(words)  # fmt: skip
    found = text(sql).bindparams(q=argument).columns(column("id", Integer)).subquery()
    return base.where(CASES.c.id.in_(select(found.c.id)))
