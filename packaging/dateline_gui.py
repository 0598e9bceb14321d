"""Frozen entry point of ``dateline-gui``, the desktop app (started from the application menu).

It has no terminal: a failure before the window opens is written to a log file and shown in a
message box, so a desktop user never sees nothing at all.
"""

import sys
import traceback


def _report(exc: BaseException) -> None:
    from pathlib import Path

    text = "".join(traceback.format_exception(exc))
    log = Path.home() / ".cache" / "dateline" / "startup-error.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(text, encoding="utf-8")
    except OSError:
        log = None
    sys.stderr.write(text)
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
        box = QMessageBox(QMessageBox.Icon.Critical, "Dateline", "Dateline could not start.")
        box.setInformativeText(f"Details were written to {log}." if log else str(exc))
        box.setDetailedText(text)
        box.exec()
    except Exception:
        pass


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # an import's worker processes start as this executable
    try:
        from dateline.app import main

        code = main()
    except SystemExit:
        raise
    except BaseException as exc:
        _report(exc)
        code = 1
    sys.exit(code)
