"""Long jobs of the main window — import, export, the sample articles — and database switching.

Imports write, so they run on the writer; exports only read, so they run on a reader. Both report
progress in the status bar with a Cancel button and end with a report; the GUI thread only starts
them and shows their results.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QMessageBox

from ..core import export as export_mod
from ..core import importing
from ..core.model import Status
from ..core.store import EventFilter
from . import file_dialogs
from .errors import show_error
from .tasks import Task, TaskContext

if TYPE_CHECKING:
    from .main_window import MainWindow


def find_seeds_dir() -> Path | None:
    """The sample articles: shipped as package data, or ``seeds/`` at the root of a source checkout."""
    here = Path(__file__).resolve()
    for candidate in (here.parent.parent / "resources" / "seeds", here.parents[3] / "seeds"):
        if (candidate / "manifest.json").is_file():
            return candidate
    return None


def seed_files(seeds: Path) -> list[Path]:
    return sorted(
        p for p in seeds.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm", ".md")
    )


ALL_STATUSES = tuple(s.value for s in Status)
OPEN_WINDOWS: set[Any] = set()  # windows opened from File > Open, owned by no Python variable


class JobsMixin:
    def _init_jobs(self: MainWindow) -> None:
        self.job: Task | None = None
        self.last_import_report: Any = None
        self.last_export: list[Path] = []
        self._report_dialogs: list[Any] = []
        self._seed_box: QMessageBox | None = None

    def _connect_job_actions(self: MainWindow) -> None:
        a = self.actions_
        a.import_files.triggered.connect(self.import_files_dialog)
        a.import_folder.triggered.connect(self.import_folder_dialog)
        a.load_seeds.triggered.connect(self.load_seeds)
        a.export.triggered.connect(self.export_dialog)
        a.open_db.triggered.connect(self.open_database_dialog)
        a.new_db.triggered.connect(self.new_database_dialog)
        a.quit.triggered.connect(self.close)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        if self.actions_.recent_menu is not None:
            self.actions_.recent_menu.aboutToShow.connect(self._fill_recent)

    # ---- progress ----
    def _start_job(self: MainWindow, task: Task, text: str) -> None:
        self.job = task
        self.progress.setRange(0, 0)
        self.progress.setFormat(text)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(text)
        task.progress.connect(self._job_progress)
        task.ended.connect(self._job_ended)

    @Slot(int, int, str)
    def _job_progress(self: MainWindow, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat("%v / %m")
        if text:
            self.statusBar().showMessage(Path(text).name if "/" in text else text)

    @Slot()
    def _job_ended(self: MainWindow) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()

    @Slot()
    def cancel_job(self: MainWindow) -> None:
        if self.job is not None:
            self.job.cancel()
            self.statusBar().showMessage("Cancelling…")

    def is_busy(self: MainWindow) -> bool:
        return not self.runner.is_idle()

    # ---- import ----
    @Slot()
    def import_files_dialog(self: MainWindow) -> None:
        files = file_dialogs.open_file_names(
            self,
            "Import articles",
            str(Path.home()),
            "Articles (*.txt *.html *.htm *.md *.json *.eml);;All files (*)",
        )
        if files:
            self.start_import(files)

    @Slot()
    def import_folder_dialog(self: MainWindow) -> None:
        folder = file_dialogs.existing_directory(
            self, "Import a folder of articles", str(Path.home())
        )
        if folder:
            self.start_import([folder])

    def start_import(self: MainWindow, paths: Sequence[str | Path]) -> Task | None:
        """Import files or folders on the writer, with progress, Cancel and a final report."""
        if self.job is not None:
            self.statusBar().showMessage("Wait for the current job to finish, or cancel it.", 5000)
            return None
        paths = [str(p) for p in paths]

        def body(ctx: TaskContext) -> Any:
            return importing.import_paths(
                ctx.store, paths, progress=ctx.progress, cancel=ctx.cancelled
            )

        task = self.runner.write(body, name="import", on_done=self._import_done)
        self._start_job(task, "Importing…")
        return task

    def _import_done(self: MainWindow, report: Any) -> None:
        self.last_import_report = report
        self.statusBar().showMessage(f"Import: {report.summary()}", 8000)
        try:
            from .import_report import show_import_report

            dlg = show_import_report(self, report)
            if dlg is not None:
                self._report_dialogs = [d for d in self._report_dialogs if d.isVisible()] + [dlg]
        except ImportError:
            pass
        self.reload()
        self.reload_documents()

    @Slot()
    def load_seeds(self: MainWindow) -> Task | None:
        seeds = find_seeds_dir()
        if seeds is None:
            show_error(self, FileNotFoundError("The sample articles are not installed."))
            return None
        return self.start_import([str(p) for p in seed_files(seeds)])

    def maybe_offer_seeds(self: MainWindow) -> None:
        """On an empty database, offer the sample articles once per database (non-blocking)."""
        if not self.offer_seeds or self.settings.seeds_offered(self.db_path) or self._seed_box:
            return
        if find_seeds_dir() is None:
            return
        self.settings.set_seeds_offered(self.db_path)
        box = QMessageBox(self)
        box.setObjectName("seed_offer")
        box.setWindowTitle("Dateline")
        box.setIcon(QMessageBox.Icon.Question)
        box.setText("This database is empty. Load the two sample news articles to try Dateline?")
        box.setInformativeText("You can also drop article files or folders on the window.")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(self._seed_answer)
        self._seed_box = box
        box.open()

    @Slot(int)
    def _seed_answer(self: MainWindow, result: int) -> None:
        box = self._seed_box
        self._seed_box = None
        yes = QMessageBox.StandardButton.Yes
        if box is not None and (box.clickedButton() is box.button(yes) or result == yes):
            self.load_seeds()

    # ---- export ----
    @Slot()
    def export_dialog(self: MainWindow) -> None:
        from .export_dialog import ExportDialog

        default = self.db_path.with_name(f"{self.db_path.stem}-timeline.json")
        dlg = ExportDialog(
            self._count_for,
            self,
            initial_path=str(default),
            current_filter_label=f"{self.model.rowCount():,} shown",
        )
        dlg.setObjectName("export_dialog")
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda d=dlg: self.start_export(d.choice()))
        self._export_dlg = dlg
        dlg.open()

    def _count_for(self: MainWindow, subset: str) -> int:
        flt, statuses = self._subset(subset)
        return self.store.count_events(replace(flt or EventFilter(), statuses=statuses))

    def _subset(self: MainWindow, subset: str) -> tuple[EventFilter | None, tuple[str, ...]]:
        """The export dialog's subsets as (filter, statuses) for ``Store.export_bundle``."""
        if subset == "all":
            return None, ALL_STATUSES
        if subset == "filter":
            return self.filter, self.filter.statuses or ALL_STATUSES
        return None, ("accepted", "edited")

    def start_export(self: MainWindow, choice: Any) -> Task | None:
        if choice is None:
            return None
        flt, statuses = self._subset(str(choice.subset))
        fmt, out = str(choice.fmt), Path(choice.path)

        def body(ctx: TaskContext) -> list[Path]:
            bundle = ctx.store.export_bundle(flt, statuses=statuses)
            ctx.check()
            return export_mod.write_export(bundle, fmt, out, progress=ctx.progress)

        task = self.runner.run(body, name="export", on_done=self._export_done)
        self._start_job(task, "Exporting…")
        return task

    def _export_done(self: MainWindow, files: list[Path]) -> None:
        self.last_export = list(files)
        where = files[0] if len(files) == 1 else (files[0].parent if files else "")
        self.statusBar().showMessage(f"Exported {len(files)} file(s) to {where}", 8000)

    # ---- databases ----
    @Slot()
    def open_database_dialog(self: MainWindow) -> None:
        path = file_dialogs.open_file_name(
            self,
            "Open a Dateline database",
            str(self.db_path.parent),
            "Dateline database (*.db);;All files (*)",
        )
        if path:
            self.open_database(path)

    @Slot()
    def new_database_dialog(self: MainWindow) -> None:
        path = file_dialogs.save_file_name(
            self,
            "New Dateline database",
            str(self.db_path.parent / "timeline.db"),
            "Dateline database (*.db)",
        )
        if path:
            self.open_database(path)

    def open_database(self: MainWindow, path: str | Path) -> MainWindow:
        """Open another database in a new window and close this one (state is saved on close)."""
        from .main_window import MainWindow

        win = MainWindow(Path(path), self.settings, offer_seeds=self.offer_seeds)
        # A top-level window without a Python owner would be collected: keep it until destroyed.
        OPEN_WINDOWS.add(win)
        win.destroyed.connect(functools.partial(OPEN_WINDOWS.discard, win))
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        win.show()
        self.close()
        return win

    @Slot()
    def _fill_recent(self: MainWindow) -> None:
        menu = self.actions_.recent_menu
        if menu is None:
            return
        menu.clear()
        for p in self.settings.recent_dbs():
            act = menu.addAction(str(p))
            act.setData(str(p))
            act.setEnabled(p.exists() and p.resolve() != self.db_path.resolve())
            act.triggered.connect(functools.partial(self.open_database, str(p)))
        if menu.isEmpty():
            menu.addAction("(none)").setEnabled(False)

    # ---- help ----
    @Slot()
    def show_shortcuts(self: MainWindow) -> None:
        from .shortcut_sheet import ShortcutSheet

        sheet = ShortcutSheet(self.actions_.all(), self)
        sheet.setObjectName("shortcut_sheet")
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()

    @Slot()
    def show_about(self: MainWindow) -> None:
        from .. import __version__

        QMessageBox.about(
            self,
            "About Dateline",
            f"<b>Dateline {__version__}</b><p>Finds the dates in news articles, proposes sourced "
            f"timeline events and keeps an audit trail of every review decision.</p>"
            f"<p>Database: {self.db_path}<br>Python {sys.version.split()[0]}</p>",
        )
