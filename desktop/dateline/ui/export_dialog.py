"""The export dialog: format, which events, where; with a live count of what will be written."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.export import FORMATS
from ..core.export.sharing import NOTES_RULE, ExportResult
from . import file_dialogs, theme

SUBSETS = (
    ("accepted", "&Accepted events"),
    ("all", "A&ll events, reviewed or not"),
    ("filter", "Events in the current &filter"),
)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    fmt: str  # a key of dateline.core.export.FORMATS
    subset: str  # accepted | all | filter
    path: str  # a file, or a folder for multi-file formats
    include_notes: bool = False  # analyst notes are private unless shared on purpose


@dataclass(frozen=True, slots=True)
class _Format:
    label: str
    suffix: str
    multi_file: bool = False
    skips_unresolved: bool = False


def available_formats() -> dict[str, _Format]:
    """The exporters' own list (labels, suffixes, what each format leaves out)."""
    return {
        key: _Format(info.name, info.suffix, info.multi_file, info.skips_unresolved)
        for key, info in FORMATS.items()
    }


class ExportDialog(QDialog):
    """Ask what to export. ``count_for(subset)`` gives the number of events a subset holds."""

    def __init__(
        self,
        count_for: Callable[[str], int],
        parent: QWidget | None = None,
        *,
        initial_format: str = "timelinejs",
        initial_path: str = "",
        current_filter_label: str = "",
        formats: Mapping[str, _Format] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Timeline")
        self._count_for = count_for
        self._formats = dict(formats) if formats is not None else available_formats()

        # Built in the order the Tab key goes through them.
        self._make_format_combo(initial_format)
        subset_box = self._make_subset_buttons(current_filter_label)
        path_row = self._make_path_row(initial_path)
        self._make_notes_and_preview()
        self._make_buttons()
        self._lay_out(subset_box, path_row)

        self._suffix = self._format().suffix
        self._count = self.preview_count()
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.subset_group.buttonToggled.connect(self._subset_changed)
        self.path_edit.textChanged.connect(self._refresh)
        self.notes_check.toggled.connect(self._refresh)
        self.browse_button.clicked.connect(self._browse)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._refresh()

    def _make_format_combo(self, initial_format: str) -> None:
        self.format_combo = QComboBox(self)
        for key, info in self._formats.items():
            self.format_combo.addItem(f"{info.label} ({key})", key)
        self.format_combo.setAccessibleName("Export format")
        i = self.format_combo.findData(initial_format)
        self.format_combo.setCurrentIndex(max(0, i))

    def _make_subset_buttons(self, current_filter_label: str) -> QVBoxLayout:
        """One radio button per subset; "Accepted events" checked."""
        self.subset_group = QButtonGroup(self)
        subset_box = QVBoxLayout()
        subset_box.setContentsMargins(0, 0, 0, 0)
        self.subset_buttons: dict[str, QRadioButton] = {}
        for key, text in SUBSETS:
            if key == "filter" and current_filter_label:
                text = f"{text} ({current_filter_label})"
            button = QRadioButton(text, self)
            button.setAccessibleName(text.replace("&", ""))
            self.subset_group.addButton(button)
            self.subset_buttons[key] = button
            subset_box.addWidget(button)
        self.subset_buttons["accepted"].setChecked(True)
        return subset_box

    def _make_path_row(self, initial_path: str) -> QHBoxLayout:
        self.path_edit = QLineEdit(initial_path, self)
        self.path_edit.setPlaceholderText("Where to write the export")
        self.path_edit.setAccessibleName("Output path")
        self.browse_button = QPushButton("&Browse…", self)
        self.browse_button.setToolTip("Choose the output file or folder")
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        return path_row

    def _make_notes_and_preview(self) -> None:
        self.notes_check = QCheckBox("Share analyst &notes", self)
        self.notes_check.setToolTip(NOTES_RULE)
        self.notes_check.setAccessibleName("Share analyst notes in the export")

        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setAccessibleName("Export preview")
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)

    def _make_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("&Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self, subset_box: QVBoxLayout, path_row: QHBoxLayout) -> None:
        form = QFormLayout()
        fmt_label = QLabel("F&ormat", self)
        fmt_label.setBuddy(self.format_combo)
        form.addRow(fmt_label, self.format_combo)
        subset_label = QLabel("Events", self)
        form.addRow(subset_label, subset_box)
        path_label = QLabel("&Save to", self)
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)
        form.addRow("Notes", self.notes_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _format(self) -> _Format:
        return self._formats[str(self.format_combo.currentData())]

    def subset(self) -> str:
        for key, button in self.subset_buttons.items():
            if button.isChecked():
                return key
        return "accepted"

    def set_subset(self, subset: str) -> None:
        self.subset_buttons[subset].setChecked(True)

    def choice(self) -> ExportChoice:
        return ExportChoice(
            str(self.format_combo.currentData()),
            self.subset(),
            self.path_edit.text().strip(),
            self.notes_check.isChecked(),
        )

    def preview_count(self) -> int:
        return int(self._count_for(self.subset()))

    @Slot(QAbstractButton, bool)
    def _subset_changed(self, _button: QAbstractButton, checked: bool) -> None:
        # Counting may be a query: once per subset chosen, not on every keystroke in the path.
        if checked:
            self._count = self.preview_count()
            self._refresh()

    @Slot(int)
    def _format_changed(self, _index: int) -> None:
        """Keep the file name's suffix in step with the format, when it was the old format's."""
        new = self._format().suffix
        path = self.path_edit.text().strip()
        if path and self._suffix and path.endswith(self._suffix) and not self._format().multi_file:
            self.path_edit.setText(path[: -len(self._suffix)] + new)
        self._suffix = new
        self._refresh()

    @Slot()
    def _browse(self) -> None:
        fmt = self._format()
        start = self.path_edit.text().strip() or str(Path.home())
        if fmt.multi_file:
            chosen = file_dialogs.existing_directory(self, "Export to Folder", start)
        else:
            chosen = file_dialogs.save_file_name(
                self, "Export Timeline", start, f"{fmt.label} (*{fmt.suffix});;All files (*)"
            )
        if chosen:
            self.path_edit.setText(chosen)

    @Slot()
    def _refresh(self) -> None:
        palette = self.palette()
        n = self._count
        fmt = self._format()
        muted = theme.muted_color(palette).name()
        if n:
            text = f"<b>{n} event{'s' if n != 1 else ''}</b> will be exported."
        else:
            warn = theme.warning_color(palette).name()
            text = f"<span style='color:{warn}'>&#9888; No events in this selection: nothing to export.</span>"
        self.preview_label.setText(text)
        notes = []
        if fmt.skips_unresolved:
            notes.append(
                "Events without a resolved date are left out of this format;"
                " the export names them when it is done."
            )
        if not self.notes_check.isChecked():
            notes.append("Analyst notes stay private.")
        if fmt.multi_file:
            notes.append("Writes one file per document into the chosen folder.")
        self.note_label.setText(
            f"<span style='color:{muted}'>{html.escape(' '.join(notes))}</span>" if notes else ""
        )
        self.note_label.setVisible(bool(notes))
        self.path_edit.setPlaceholderText(
            "Folder to write into" if fmt.multi_file else f"File to write (*{fmt.suffix})"
        )
        self.export_button.setEnabled(bool(n) and bool(self.path_edit.text().strip()))
        self.export_button.setToolTip(
            "" if self.export_button.isEnabled() else "Choose where to save, with events to export"
        )
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignLeft)


def report_left_out(window: QWidget, result: ExportResult) -> QMessageBox | None:
    """Name every event the export left out, in a box that does not block the window (it stays until
    read). None when nothing was left out."""
    if not result.left_out:
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, "Export", result.summary(), parent=window)
    box.setObjectName("export_left_out")
    box.setInformativeText(result.left_out_summary())
    box.setDetailedText("\n".join(result.left_out_lines()))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
