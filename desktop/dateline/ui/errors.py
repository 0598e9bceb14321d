"""The one place the GUI explains an error: a non-modal message with details, also written to a log file.

Core errors (``DatelineError``) carry a sentence for the user; anything else is a bug and is shown as
"Something went wrong" with the traceback in the details. ``install_excepthook`` routes uncaught
exceptions here so nothing vanishes silently.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.errors import Cancelled, DatelineError

log = logging.getLogger("dateline")

# Dialogs currently shown (kept referenced: a parentless non-modal box would be garbage collected).
_OPEN: list[QMessageBox] = []
# Every error box shown this session, newest last (tests and the status bar read it); a failure
# repeated while its box is still open raises that box instead of stacking another.
SHOWN: list[tuple[str, str]] = []


def log_path() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("Dateline", appauthor=False)) / "dateline.log"


class _LogFile(logging.FileHandler):
    """The log file ``setup_logging`` installs: found again by its class, not another's handler."""


def setup_logging() -> Path:
    """Log warnings and errors to the user log dir (created on demand); returns the file."""
    path = log_path()
    root = logging.getLogger("dateline")
    for h in list(root.handlers):
        if isinstance(h, _LogFile):
            if Path(h.baseFilename) == path:
                return path
            root.removeHandler(h)  # the user dir moved (another HOME): follow it
            h.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _LogFile(path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def describe(exc: BaseException, tb: str = "") -> tuple[str, str]:
    """(message for the user, details) of an exception."""
    if isinstance(exc, DatelineError):
        details = exc.details or ""
        field = getattr(exc, "field", "")
        if field:
            details = f"Field: {field}\n{details}".strip()
        return exc.message, details
    if not tb:
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return f"Something went wrong: {exc.__class__.__name__}: {exc}", tb


def show_error(
    parent: QWidget | None, exc: BaseException, tb: str = "", *, title: str = "Dateline"
) -> QMessageBox | None:
    """Show ``exc`` in a non-modal message box with details and log it. A cancel is not an error."""
    if isinstance(exc, Cancelled):
        return None
    message, details = describe(exc, tb)
    if isinstance(exc, DatelineError):
        log.warning("%s%s", message, f" ({details})" if details else "")
    else:
        log.error("%s\n%s", message, details)
    if QApplication.instance() is None:
        SHOWN.append((message, details))
        print(f"dateline: {message}", file=sys.stderr)
        return None
    # The same failure reached again (every write of a broken file, a read after it) is one box.
    for open_box in _OPEN:
        if open_box.text() == message and open_box.isVisible():
            open_box.raise_()
            return open_box
    SHOWN.append((message, details))
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setIcon(
        QMessageBox.Icon.Warning if isinstance(exc, DatelineError) else QMessageBox.Icon.Critical
    )
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.setInformativeText(f"Logged to {log_path()}")
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setModal(False)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _OPEN.append(box)
    box.finished.connect(lambda _=0, b=box: _OPEN.remove(b) if b in _OPEN else None)
    box.show()
    return box


def close_all() -> None:
    """Close every open error box (window shutdown, tests)."""
    for box in list(_OPEN):
        box.close()
    _OPEN.clear()


def _excepthook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(etype, KeyboardInterrupt):
        sys.__excepthook__(etype, value, tb)
        return
    text = "".join(traceback.format_exception(etype, value, tb))
    try:
        show_error(QApplication.activeWindow(), value, text)
    except Exception:  # the hook itself must never raise
        sys.__excepthook__(etype, value, tb)


def install_excepthook() -> None:
    setup_logging()
    sys.excepthook = _excepthook
