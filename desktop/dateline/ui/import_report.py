"""The end-of-import report: what was imported, skipped as a duplicate, or failed and why."""

from __future__ import annotations

import html
from pathlib import PurePath

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.ingest import ImportReport
from . import theme

Entry = tuple[str, str]  # (path, detail)


def report_sections(report: ImportReport) -> list[tuple[str, str, list[Entry]]]:
    """(key, heading, [(path, detail)]) for every non-empty part of ``report``, in reading order."""
    parts: list[tuple[str, str, list[Entry]]] = [
        ("failed", "Failed", [(p, why) for p, why in report.failed]),
        ("imported", "Imported", [(p, "") for p, _doc in report.imported]),
        (
            "copies",
            "Imported as copies of articles already in the project (not independent reports)",
            [
                (p, f"a copy of {PurePath(orig).name} (document {o})")
                for p, _d, o, orig in report.copies
            ],
        ),
        ("duplicates", "Skipped: already in the project", [(p, "") for p in report.duplicates]),
        (
            "undated",
            "Imported without a publication date",
            [(p, "relative dates wait for a publication date") for p in report.undated],
        ),
        (
            "not_processed",
            "Not processed (import cancelled)",
            [(p, _partly(report, p)) for p in report.not_processed],
        ),
        ("warnings", "Warnings", [(p, why) for p, why in report.warnings]),
    ]
    return [(key, heading, entries) for key, heading, entries in parts if entries]


def _partly(report: ImportReport, path: str) -> str:
    for p, done, total in report.partly:
        if p == path:
            return f"{done} of its {total} articles imported before the cancel"
    return ""


def report_text(report: ImportReport) -> str:
    """The report as plain text (for the clipboard and logs)."""
    lines = [report.summary()]
    for _key, heading, entries in report_sections(report):
        lines.append("")
        lines.append(f"{heading} ({len(entries)}):")
        lines += [f"  {p}" + (f": {d}" if d else "") for p, d in entries]
    return "\n".join(lines)


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Report")
        self.setModal(False)
        self._report = report
        palette = self.palette()
        sections = report_sections(report)
        failed = any(k == "failed" for k, _, _ in sections)
        cancelled = report.cancelled

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Import summary")
        text = f"<b>{html.escape(report.summary())}</b>"
        events = report.events_proposed
        if events:
            text += f"<br>{events} event{'s' if events != 1 else ''} proposed for review."
        if failed or cancelled:
            colour = theme.warning_color(palette).name()
            why = "Files that failed are listed with the reason; everything else was kept."
            if cancelled:
                why = "Import cancelled: every file imported before the cancel is kept."
            text += f"<br><span style='color:{colour}'>{why}</span>"
        self.summary_label.setText(text)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["File", "Detail"])
        self.tree.setAccessibleName("Imported files")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        style = self.style()
        icons = {
            "failed": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warnings": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "undated": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "imported": style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
        }
        bold = self.tree.font()
        bold.setBold(True)
        for key, heading, entries in sections:
            group = QTreeWidgetItem(self.tree, [f"{heading} ({len(entries)})", ""])
            group.setFont(0, bold)
            group.setFirstColumnSpanned(True)
            if key in icons:
                group.setIcon(0, icons[key])
            for path, detail in entries:
                item = QTreeWidgetItem(group, [PurePath(path).name or path, detail])
                item.setToolTip(0, path)
                if detail:
                    item.setToolTip(1, detail)
            group.setExpanded(key != "imported" or len(entries) <= 20)
        self.tree.resizeColumnToContents(0)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("&Copy Report", self)
        self.copy_button.setToolTip("Copy the whole report as text")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._copy)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        fm = self.fontMetrics()
        self.resize(fm.averageCharWidth() * 90, fm.lineSpacing() * 22)

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(report_text(self._report))


def show_import_report(parent: QWidget | None, report: ImportReport) -> ImportReportDialog:
    """Show ``report`` in a non-modal dialog."""
    dialog = ImportReportDialog(report, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
