"""Typed errors. Each carries a sentence a user can read; only the edges (CLI, GUI) display them."""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error Dateline reports to a user.

    ``message`` is one sentence for a person; ``details`` is optional extra text (a path, a reason)
    shown on demand. ``exit_code`` is what the CLI returns for it.
    """

    exit_code = 1

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class InputError(DatelineError):
    """A file or argument the user gave cannot be used (bad path, bad date, unreadable file)."""

    exit_code = 2


class ImportFailed(InputError):
    """One file of an import could not be read; the rest of the batch goes on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}", details=reason)
        self.path = path
        self.reason = reason


class NotFound(DatelineError):
    """An event, document or other record the user named does not exist."""

    exit_code = 3


class ConflictError(DatelineError):
    """Someone else changed the record since it was read (optimistic concurrency)."""

    exit_code = 4


class StoreError(DatelineError):
    """The database cannot be opened, migrated or written (locked, corrupt, read-only)."""

    exit_code = 5


class ValidationError(DatelineError):
    """An edit is not valid (impossible date, unknown grade). ``field`` names the offending field."""

    exit_code = 2

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class Cancelled(Exception):
    """Raised inside a long operation when the user cancels. Not an error: callers report what finished."""
