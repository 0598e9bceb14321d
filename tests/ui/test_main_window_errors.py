"""Errors reach the user once, non-modally, with details, and land in the log file."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from dateline.core.errors import StoreError
from dateline.ui import errors


def test_uncaught_exception_is_shown_and_logged(qtbot):
    errors.install_excepthook()
    try:
        try:
            raise StoreError(
                "The database is locked by another program; try again.", "database is locked"
            )
        except StoreError:
            sys.excepthook(*sys.exc_info())
        box = errors._OPEN[-1]
        assert isinstance(box, QMessageBox)
        assert box.isVisible() and not box.isModal()
        assert box.text() == "The database is locked by another program; try again."
        assert "database is locked" in box.detailedText()
        for handler in errors.log.handlers:
            handler.flush()
        assert "locked by another program" in errors.log_path().read_text(encoding="utf-8")
    finally:
        sys.excepthook = sys.__excepthook__
        for h in list(errors.log.handlers):
            if getattr(h, "_dateline", False):
                errors.log.removeHandler(h)
                h.close()


def test_a_bug_shows_its_traceback(qtbot):
    box = errors.show_error(None, ZeroDivisionError("division by zero"))
    assert box is not None
    assert box.text().startswith("Something went wrong: ZeroDivisionError")
    assert "ZeroDivisionError" in box.detailedText()
