"""Long jobs of the main window: import, export, the sample articles.

Imports write, so they run on the writer; exports only read, so they run on a reader. Both report
progress in the status bar with a Cancel button and end with a report; the GUI thread only starts
them and shows their results. However an import ends (finished, cancelled, failed), ``imported`` tells
the window to show what the database now holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton, QWidget

from ..core import samples, services
from ..core.export.sharing import ExportResult, export_project
from ..core.ingest import ImportReport
from ..core.ingest.collector import full_collections_held
from ..core.model import Status
from ..core.store import EventFilter
from . import file_dialogs
from .actions import Actions
from .errors import show_error
from .export_dialog import ExportChoice, ExportDialog, report_left_out
from .import_report import ImportReportDialog, show_import_report
from .settings import Settings
from .tasks import Task, TaskContext, TaskRunner


def find_seeds_dir() -> Path | None:
    """The sample articles: shipped as package data, or ``seeds/`` at the root of a source checkout."""
    return samples.samples_dir()


def seed_files(seeds: Path) -> list[Path]:
    return samples.sample_files(seeds)


ALL_STATUSES = tuple(s.value for s in Status)


class JobsController(QObject):
    """Starts imports and exports, shows their progress with Cancel, and reports how they ended."""

    imported = Signal(object)  # the ImportReport, or None when the import was cancelled or failed
    exported = Signal(list)  # the files written
    message_posted = Signal(str, int)  # status-bar text, milliseconds (0: until replaced)

    def __init__(
        self,
        runner: TaskRunner,
        settings: Settings,
        db_path: Path,
        window: QWidget,
        progress: QProgressBar,
        cancel_button: QPushButton,
        *,
        current_filter: Callable[[], EventFilter],
        count_events: Callable[[EventFilter], int],
        shown_count: Callable[[], int],
        offer_seeds: bool = True,
        readonly: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.db_path = db_path
        self.window = window
        self.progress = progress
        self.cancel_button = cancel_button
        self._current_filter = current_filter
        self._count_events = count_events
        self._shown_count = shown_count
        self.offer_seeds = offer_seeds and not readonly
        self.readonly = readonly
        self.job: Task | None = None
        self.last_import_report: ImportReport | None = None
        self.last_export: list[Path] = []
        self.export_dialog: ExportDialog | None = None
        self._report_dialogs: list[ImportReportDialog] = []
        self._seed_box: QMessageBox | None = None
        cancel_button.clicked.connect(self.cancel_job)

    def connect_actions(self, a: Actions) -> None:
        a.import_files.triggered.connect(self.import_files_dialog)
        a.import_folder.triggered.connect(self.import_folder_dialog)
        a.load_seeds.triggered.connect(self.load_seeds)
        a.export.triggered.connect(self.open_export_dialog)

    # ---- progress ----
    def _start_job(self, task: Task, text: str) -> None:
        self.job = task
        self.progress.setRange(0, 0)
        self.progress.setFormat(text)
        self.progress.show()
        self.cancel_button.show()
        self.message_posted.emit(text, 0)
        task.progress.connect(self._job_progress)
        task.ended.connect(self._job_ended)

    @Slot(int, int, str)
    def _job_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat("%v / %m")
        if text:
            self.message_posted.emit(Path(text).name if "/" in text else text, 0)

    @Slot()
    def _job_ended(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()

    @Slot()
    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.message_posted.emit("Cancelling…", 0)

    def is_busy(self) -> bool:
        return not self.runner.is_idle()

    # ---- import ----
    @Slot()
    def import_files_dialog(self) -> None:
        files = file_dialogs.open_file_names(
            self.window,
            "Import articles",
            str(Path.home()),
            "Articles (*.txt *.html *.htm *.md *.json *.eml);;All files (*)",
        )
        if files:
            self.start_import(files)

    @Slot()
    def import_folder_dialog(self) -> None:
        folder = file_dialogs.existing_directory(
            self.window, "Import a folder of articles", str(Path.home())
        )
        if folder:
            self.start_import([folder])

    def start_import(self, paths: Sequence[str | Path]) -> Task | None:
        """Import files or folders on the writer, with progress, Cancel and a final report."""
        if self.readonly:
            self.message_posted.emit(
                "This project is open read-only: nothing can be imported.", 5000
            )
            return None
        if self.job is not None:
            self.message_posted.emit("Wait for the current job to finish, or cancel it.", 5000)
            return None
        names = [str(p) for p in paths]

        def body(ctx: TaskContext) -> ImportReport:
            with full_collections_held():  # a large batch: see core.ingest.collector
                return services.import_and_extract(
                    ctx.store, names, progress=ctx.progress, cancel=ctx.cancelled
                )

        task = self.runner.write(
            body,
            name="import",
            on_done=self._import_done,
            on_cancel=self._import_cancelled,
            on_error=self._import_failed,
        )
        self._start_job(task, "Importing…")
        return task

    def _import_done(self, report: ImportReport) -> None:
        self.last_import_report = report
        self.message_posted.emit(f"Import: {report.summary()}", 8000)
        dlg = show_import_report(self.window, report)
        self._report_dialogs = [d for d in self._report_dialogs if d.isVisible()] + [dlg]
        self.imported.emit(report)

    def _import_cancelled(self) -> None:
        # Cancelled inside a file: what was committed before it stays, and the window shows it.
        self.message_posted.emit(
            "Import cancelled: every article imported before the cancel is kept.", 8000
        )
        self.imported.emit(None)

    def _import_failed(self, exc: BaseException) -> None:
        show_error(self.window, exc)
        self.imported.emit(None)

    @Slot()
    def load_seeds(self) -> Task | None:
        seeds = find_seeds_dir()
        if seeds is None:
            show_error(self.window, FileNotFoundError("The sample articles are not installed."))
            return None
        return self.start_import([str(p) for p in seed_files(seeds)])

    def maybe_offer_seeds(self) -> None:
        """On an empty database, offer the sample articles once per database (non-blocking)."""
        if not self.offer_seeds or self.settings.seeds_offered(self.db_path) or self._seed_box:
            return
        if find_seeds_dir() is None:
            return
        self.settings.set_seeds_offered(self.db_path)
        box = QMessageBox(self.window)
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
    def _seed_answer(self, result: int) -> None:
        box = self._seed_box
        self._seed_box = None
        yes = QMessageBox.StandardButton.Yes
        if box is not None and (box.clickedButton() is box.button(yes) or result == yes):
            self.load_seeds()

    # ---- export ----
    @Slot()
    def open_export_dialog(self) -> None:
        default = self.db_path.with_name(f"{self.db_path.stem}-timeline.json")
        dlg = ExportDialog(
            self.count_for,
            self.window,
            initial_path=str(default),
            current_filter_label=f"{self._shown_count():,} shown",
        )
        dlg.setObjectName("export_dialog")
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda d=dlg: self.start_export(d.choice()))
        self.export_dialog = dlg
        dlg.open()

    def count_for(self, subset: str) -> int:
        flt, statuses = self._subset(subset)
        return self._count_events(replace(flt or EventFilter(), statuses=statuses))

    def _subset(self, subset: str) -> tuple[EventFilter | None, tuple[str, ...]]:
        """The export dialog's subsets as (filter, statuses) for ``Store.export_bundle``."""
        if subset == "all":
            return None, ALL_STATUSES
        if subset == "filter":
            flt = self._current_filter()
            return flt, flt.statuses or ALL_STATUSES
        return None, ("accepted", "edited")

    def start_export(self, choice: ExportChoice | None) -> Task | None:
        if choice is None:
            return None
        flt, statuses = self._subset(str(choice.subset))
        fmt, out = str(choice.fmt), Path(choice.path)

        notes = choice.include_notes

        def body(ctx: TaskContext) -> ExportResult:
            return export_project(
                ctx.store, fmt, out, flt, statuses, include_notes=notes, progress=ctx.progress
            )

        task = self.runner.run(body, name="export", on_done=self._export_done)
        self._start_job(task, "Exporting…")
        return task

    def _export_done(self, result: ExportResult) -> None:
        self.last_export = list(result.files)
        self.message_posted.emit(result.summary(), 10000)
        self._left_out_box = report_left_out(self.window, result)
        self.exported.emit(list(result.files))
