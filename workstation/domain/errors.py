"""Domain errors: every message is a complete Chinese sentence fit to show a dispatcher."""

from __future__ import annotations


class DomainError(Exception):
    """A business rule refused the action; nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class IllegalTransition(DomainError):
    """The action is not allowed in the case's current state."""


class PermissionDenied(DomainError):
    """The actor's role (or unit) may not perform the action."""


class ValidationError(DomainError):
    """The action's input is incomplete or malformed."""


class NotFound(DomainError):
    """A referenced case, account, unit, category or grid cell does not exist."""


class ConcurrencyConflict(DomainError):
    """Someone else changed the case first (optimistic version check failed)."""
