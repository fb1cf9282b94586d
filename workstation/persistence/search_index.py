"""The case search index on each database: writing terms, and finding candidate cases.

The terms are `domain.search.index_terms` of a case's number (also searchable by its
end), address, description and reporter. SQLite keeps them in a contentless FTS5 table
(rowid = case id), PostgreSQL in a tsvector column with a GIN index ('simple'
configuration: the terms are already what is matched).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, column, func, select, table, text
from sqlalchemy.orm import Session

from workstation.domain.search import REVERSED, SearchQuery, index_terms, matches_terms
from workstation.persistence.tables import Base

CASES = Base.metadata.tables["cases"]
Executor = Connection | Session
TEXT_COLUMNS = (CASES.c.case_no, CASES.c.address, CASES.c.description, CASES.c.reporter)
_SQLITE_INSERT = text("INSERT INTO case_search(rowid, terms) VALUES (:id, :terms)")
# FTS5 keeps no copy of the terms (contentless, migration 0014): a row is removed by
# giving its terms back, and all of them with 'delete-all'.
_SQLITE_DELETE = text(
    "INSERT INTO case_search(case_search, rowid, terms) VALUES ('delete', :id, :terms)"
)
PENDING = table("case_search_pending", column("case_id"))  # (outside the models, as the index)
_PENDING_TAKE = text("DELETE FROM case_search_pending RETURNING case_id")
FLUSH_EVERY = 128  # reports between two moves of the listed cases into the index
_PG_UPSERT = text(
    "INSERT INTO case_search(case_id, terms) VALUES (:id, to_tsvector('simple', :terms)) "
    "ON CONFLICT (case_id) DO UPDATE SET terms = EXCLUDED.terms"
)


def list_trigger_statements(dialect: str) -> list[str]:
    """The trigger that lists every new case as pending (migration 0015)."""
    insert = "INSERT INTO case_search_pending (case_id) VALUES (NEW.id);"
    if dialect == "postgresql":
        return [f"CREATE OR REPLACE FUNCTION workstation_list_for_search() RETURNS trigger AS $$ "
                f"BEGIN {insert} RETURN NULL; END; $$ LANGUAGE plpgsql",
                "CREATE TRIGGER cases_list_for_search AFTER INSERT ON cases "
                "FOR EACH ROW EXECUTE FUNCTION workstation_list_for_search()"]  # fmt: skip
    return [f"CREATE TRIGGER cases_list_for_search AFTER INSERT ON cases BEGIN {insert} END"]


def drop_list_trigger_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return ["DROP TRIGGER IF EXISTS cases_list_for_search ON cases"]
    return ["DROP TRIGGER IF EXISTS cases_list_for_search"]


def _dialect(db: Executor) -> str:
    bind = db.get_bind() if isinstance(db, Session) else db
    return bind.dialect.name


def index_report(db: Executor, case_id: int) -> None:
    """A case just reported (the trigger has listed it as pending): every `FLUSH_EVERY`-th
    report moves the listed cases into the index. By id, not by a count of the pending
    rows: no extra query per report (ids a failed transaction took are skipped, so a move
    may come a little later)."""
    if case_id % FLUSH_EVERY == 0:
        flush_pending(db)


def index_cases(db: Executor, rows: Iterable[Sequence[Any]], *, new: bool = False) -> int:
    """(id, case_no, address, description, reporter) rows → their terms in the index,
    replacing any (``new``: cases that have none)."""
    values = [{"id": r[0], "terms": index_terms(r[1], r[2:5])} for r in rows]
    if not values:
        return 0
    if not new:
        remove_cases(db, [v["id"] for v in values])
    _write_index(db, values)
    return len(values)


def flush_pending(db: Executor) -> int:
    """Move every listed case into the index; returns how many. Concurrent movers each
    take the rows they deleted (the other waits for the row locks)."""
    ids = [int(i) for i in db.execute(_PENDING_TAKE).scalars()]
    for i in range(0, len(ids), 500):
        _write_index(db, _terms_of(db, ids[i:i + 500]))
    return len(ids)


def _terms_of(db: Executor, case_ids: Sequence[int]) -> list[dict[str, Any]]:
    rows = db.execute(select(CASES.c.id, *TEXT_COLUMNS)
                      .where(CASES.c.id.in_(list(case_ids)))).tuples()  # fmt: skip
    return [{"id": r[0], "terms": index_terms(r[1], r[2:5])} for r in rows]


def _write_index(db: Executor, values: list[dict[str, Any]]) -> None:
    if not values:
        return
    db.execute(_SQLITE_INSERT if _dialect(db) == "sqlite" else _PG_UPSERT, values)


def remove_cases(db: Executor, case_ids: Sequence[int]) -> None:
    """Take these cases out of the index (before the cases themselves are deleted)."""
    if not case_ids:
        return
    db.execute(text("DELETE FROM case_search_pending WHERE case_id IN :ids")
               .bindparams(bindparam("ids", expanding=True)), {"ids": list(case_ids)})  # fmt: skip
    if _dialect(db) == "sqlite":
        _remove_sqlite(db, case_ids)
    else:
        db.execute(text("DELETE FROM case_search WHERE case_id = ANY(:ids)"),
                   {"ids": list(case_ids)})  # fmt: skip


def remove_all(db: Executor) -> None:
    db.execute(text("DELETE FROM case_search_pending"))
    if _dialect(db) == "sqlite":
        db.execute(text("INSERT INTO case_search(case_search) VALUES ('delete-all')"))
    else:
        db.execute(text("DELETE FROM case_search"))


def _remove_sqlite(db: Executor, case_ids: Sequence[int]) -> None:
    """The terms of indexed cases, recomputed from their (unchanging) text, given back."""
    present = text("SELECT rowid FROM case_search WHERE rowid = :id")
    for i in range(0, len(case_ids), 500):
        chunk = list(case_ids[i:i + 500])
        rows = db.execute(select(CASES.c.id, *TEXT_COLUMNS)
                          .where(CASES.c.id.in_(chunk))).tuples().all()  # fmt: skip
        gone = [{"id": r[0], "terms": index_terms(r[1], r[2:5])} for r in rows
                if db.execute(present, {"id": r[0]}).first() is not None]  # fmt: skip
        if gone:
            db.execute(_SQLITE_DELETE, gone)


def fill_missing(db: Executor, chunk: int = 5000,
                 progress: Callable[[int, int], None] | None = None,
                 pending: bool = True) -> int:  # fmt: skip
    """Index every case that has no terms yet (one pass in id order); returns how many.
    ``progress(done, total)`` after each chunk, cases looked at of all the cases.
    ``pending``: whether the pending table exists (not below revision 0015)."""
    sqlite = _dialect(db) == "sqlite"
    total = int(db.execute(select(func.count()).select_from(CASES)).scalar() or 0) \
        if progress else 0  # fmt: skip
    seen = 0
    indexed = text("SELECT rowid FROM case_search WHERE rowid BETWEEN :lo AND :hi") if sqlite \
        else text("SELECT case_id FROM case_search WHERE case_id BETWEEN :lo AND :hi")  # fmt: skip
    # Listed cases are indexed here like any other, and no longer listed.
    listed = text("DELETE FROM case_search_pending WHERE case_id BETWEEN :lo AND :hi")
    done, after = 0, -1
    while True:
        rows = db.execute(select(CASES.c.id, *TEXT_COLUMNS).where(CASES.c.id > after)
                          .order_by(CASES.c.id).limit(chunk)).tuples().all()  # fmt: skip
        if not rows:
            return done
        lo, hi = rows[0][0], rows[-1][0]
        have = set(db.execute(indexed, {"lo": lo, "hi": hi}).scalars())
        done += index_cases(db, [r for r in rows if r[0] not in have], new=True)
        if pending:
            db.execute(listed, {"lo": lo, "hi": hi})
        after = hi
        seen += len(rows)
        if progress is not None:
            progress(seen, total)


def newest_matches(db: Executor, query: SearchQuery, before: int | None,
                   limit: int) -> list[int]:  # fmt: skip
    """Ids of the newest cases (highest ids, below ``before``) whose terms match ``query``,
    at most ``limit``: both indexes hand them out in id order without collecting every
    match first, so a common word ("垃圾") costs no more than a rare one."""
    upper = before if before is not None else 2**62
    indexed = _newest_indexed(db, query, upper, limit)
    # IN, not a join: the planners then walk the few listed ids, not the cases.
    listed = select(CASES.c.id, *TEXT_COLUMNS).where(CASES.c.id.in_(select(PENDING.c.case_id)))
    if before is not None:
        listed = listed.where(CASES.c.id < before)
    waiting = [int(r[0]) for r in db.execute(listed).tuples()
               if matches_terms(query, index_terms(r[1], r[2:5]))]  # fmt: skip
    if not waiting:
        return indexed
    return sorted(set(indexed) | set(waiting), reverse=True)[:limit]


def _newest_indexed(db: Executor, query: SearchQuery, upper: int, limit: int) -> list[int]:
    if _dialect(db) != "sqlite":
        return _newest_matches_pg(db, query, upper, limit)
    # FTS5: a quoted string of terms is a phrase (consecutive terms), "x"* a prefix.
    parts = ['"' + " ".join(p) + '"' for p in query.phrases]
    parts += [f'"{c}"*' for c in query.prefixes]
    # A number or Latin word: the start of a word, or the end of the case number.
    parts += [f'("{w}"* OR "{REVERSED}{w[::-1]}"*)' for w in query.words]
    sql = text("SELECT rowid FROM case_search WHERE case_search MATCH :q AND rowid < :before "
               "ORDER BY rowid DESC LIMIT :n")  # fmt: skip
    rows = db.execute(sql, {"q": " AND ".join(parts), "before": upper, "n": limit})
    return [int(i) for i in rows.scalars()]


_PG_WINDOW = 20_000  # the recent case ids asked first; then all the older ones at once


def _newest_matches_pg(db: Executor, query: SearchQuery, upper: int, limit: int) -> list[int]:
    """PostgreSQL reads every match of a common phrase to sort them (乱停放: 0.26 s on a
    million cases): the recent ids first, where a common word fills the page at once
    (26 ms); what is left is asked in one query over the older ids, which the planner
    answers from the GIN index for a rare word (wider and wider windows scanned the table
    by id instead: 383 ms for a case number's first eleven digits)."""
    words = ["(" + " <-> ".join(p) + ")" for p in query.phrases]
    words += [f"{c}:*" for c in query.prefixes]
    words += [f"({w}:* | {REVERSED}{w[::-1]}:*)" for w in query.words]
    match = "SELECT case_id FROM case_search WHERE terms @@ to_tsquery('simple', :q) "
    recent = text(match + "AND case_id < :hi AND case_id >= :lo ORDER BY case_id DESC LIMIT :n")
    # `case_id + 0`: not the primary key, so the planner takes the GIN index alone (its
    # estimate for a prefix is far too high, and it would walk the key backwards instead,
    # testing every row: 561 ms for a case number's first eleven digits).
    older = text(match + "AND case_id + 0 < :hi ORDER BY case_id + 0 DESC LIMIT :n")
    q = " & ".join(words)
    hi = min(upper, int(db.execute(text("SELECT coalesce(max(case_id), 0) + 1 "
                                        "FROM case_search")).scalar() or 1))  # fmt: skip
    lo = max(0, hi - _PG_WINDOW)
    found = [int(i) for i in db.execute(recent, {"q": q, "hi": hi, "lo": lo, "n": limit})
             .scalars()]  # fmt: skip
    if len(found) < limit and lo > 0:
        rows = db.execute(older, {"q": q, "hi": lo, "n": limit - len(found)})
        found += [int(i) for i in rows.scalars()]
    return found
