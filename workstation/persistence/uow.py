"""Unit of work: one transaction per user action, committed whole or rolled back whole."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Connection, Engine

from workstation.persistence.repositories import (
    AttachmentRepository,
    CaseRepository,
    ChangeFeed,
    CounterRepository,
)


class SqlUnitOfWork:
    """`with uow:` opens a connection and a transaction; leaving without `commit()` rolls
    everything back. Core statements on a plain connection: a user action needs no ORM
    identity map, and skipping it keeps an action to its few round trips."""

    connection: Connection
    cases: CaseRepository
    feed: ChangeFeed
    counters: CounterRepository
    attachments: AttachmentRepository

    def __init__(self, engine: Engine, origin: str = "") -> None:
        self._engine = engine
        self._origin = origin  # the workstation recorded with each event

    def __enter__(self) -> SqlUnitOfWork:
        self.connection = self._engine.connect()
        self._transaction = self.connection.begin()
        self.cases = CaseRepository(self.connection, self._origin)
        self.feed = ChangeFeed(self.connection)
        self.counters = self.cases.counters
        self.attachments = AttachmentRepository(self.connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._transaction.is_active:
                self._transaction.rollback()
        finally:
            self.connection.close()

    def commit(self) -> None:
        self._transaction.commit()

    def rollback(self) -> None:
        self._transaction.rollback()
