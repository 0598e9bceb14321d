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

from . import theme


def _entry(item: object) -> tuple[str, str]:
    """(path, detail) from a report entry: a path, a (path, detail) pair or an object with them."""
    if isinstance(item, str):
        return item, ""
    if isinstance(item, tuple | list):
        path = str(item[0]) if item else ""
        detail = item[1] if len(item) > 1 else ""
        return path, "" if isinstance(detail, int) else str(detail)
    return str(getattr(item, "path", item)), str(getattr(item, "reason", "") or "")


def report_sections(report: object) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(key, heading, [(path, detail)]) for every non-empty part of ``report``, in reading order."""
    parts = [
        ("failed", "Failed", "failed"),
        ("imported", "Imported", "imported"),
        ("duplicates", "Skipped: already in the project", "duplicates"),
        ("undated", "Imported without a publication date", "undated"),
        ("not_processed", "Not processed (import cancelled)", "not_processed"),
        ("warnings", "Warnings", "warnings"),
    ]
    out = []
    for key, heading, attr in parts:
        entries = [_entry(x) for x in getattr(report, attr, ()) or ()]
        if key == "undated":
            entries = [(p, "relative dates wait for a publication date") for p, _ in entries]
        if entries:
            out.append((key, heading, entries))
    return out


def report_text(report: object) -> str:
    """The report as plain text (for the clipboard and logs)."""
    lines = [_summary(report)]
    for _key, heading, entries in report_sections(report):
        lines.append("")
        lines.append(f"{heading} ({len(entries)}):")
        lines += [f"  {p}" + (f": {d}" if d else "") for p, d in entries]
    return "\n".join(lines)


def _summary(report: object) -> str:
    summary = getattr(report, "summary", None)
    if callable(summary):
        return str(summary())
    n = {a: len(getattr(report, a, ()) or ()) for a in ("imported", "duplicates", "failed")}
    return f"{n['imported']} imported, {n['duplicates']} duplicates, {n['failed']} failed"


class ImportReportDialog(QDialog):
    def __init__(self, report: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Report")
        self.setModal(False)
        self._report = report
        palette = self.palette()
        sections = report_sections(report)
        failed = any(k == "failed" for k, _, _ in sections)
        cancelled = bool(getattr(report, "cancelled", False))

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Import summary")
        text = f"<b>{html.escape(_summary(report))}</b>"
        events = int(getattr(report, "events_proposed", 0) or 0)
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


def show_import_report(parent: QWidget | None, report: object) -> ImportReportDialog:
    """Show ``report`` (a dateline.core.importing.ImportReport) in a non-modal dialog."""
    dialog = ImportReportDialog(report, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
