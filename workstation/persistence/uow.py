"""Unit of work: one transaction per user action, committed whole or rolled back whole."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from workstation.persistence.repositories import CaseRepository, ChangeFeed, CounterRepository


class SqlUnitOfWork:
    """`with uow:` opens a session; leaving without `commit()` rolls everything back."""

    session: Session
    cases: CaseRepository
    feed: ChangeFeed
    counters: CounterRepository

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self._session_factory()
        self.cases = CaseRepository(self.session)
        self.feed = ChangeFeed(self.session)
        self.counters = self.cases.counters
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()  # a no-op after commit()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
