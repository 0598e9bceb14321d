"""'Re-date this source…': the analyst's own reading of one source's date, checked as it is typed."""

from __future__ import annotations

import html

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import datecheck, timevalue
from ..core.model import SourceRecord
from . import theme


class RedateSourceDialog(QDialog):
    """Asks for a value (and optional end); OK only while both read as dates."""

    def __init__(self, src: SourceRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redate_source_dialog")
        self.setWindowTitle("Re-date this source")
        self.source = src
        quote = src.quote if len(src.quote) <= 160 else src.quote[:157] + "…"
        said = f"&ldquo;{html.escape(src.timex_text)}&rdquo; " if src.timex_text else ""
        now = timevalue.label(src.value) if src.value else "no date"
        intro = QLabel(
            f"{html.escape(quote)}<br><br>This source reads {said}as <b>{html.escape(now)}</b>. "
            "What does it really say?",
            self,
        )
        intro.setWordWrap(True)
        self.value_edit = QLineEdit(src.value, self)
        self.value_edit.setObjectName("redate_value")
        self.value_edit.setPlaceholderText("2024-10-17, 17 Oct 2024, 2024-Q4…")
        self.end_edit = QLineEdit(self)
        self.end_edit.setObjectName("redate_end")
        self.end_edit.setPlaceholderText("optional end of a range")
        self.reading = QLabel(self)
        self.reading.setObjectName("redate_reading")
        self.reading.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)  # Enter in either field accepts
        ok.setText("Re-date")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Date", self.value_edit)
        form.addRow("&End", self.end_edit)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.reading)
        lay.addWidget(self.buttons)
        self.value_edit.returnPressed.connect(self._submit)
        self.end_edit.returnPressed.connect(self._submit)
        self.value_edit.textChanged.connect(self._check)
        self.end_edit.textChanged.connect(self._check)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._check()
        self.value_edit.selectAll()

    def chosen(self) -> tuple[str, str | None] | None:
        """(value, end) normalised to TIMEX3, or None while the input is not a date."""
        value, why = datecheck.check_value(self.value_edit.text())
        if why:
            return None
        end: str | None = None
        if self.end_edit.text().strip():
            end, why = datecheck.check_value(self.end_edit.text())
            if why or datecheck.check_range(value, end):
                return None
        return value, end

    @Slot()
    def _submit(self) -> None:
        if self.chosen() is not None:
            self.accept()

    @Slot()
    def _check(self, *_: object) -> None:
        value, why = datecheck.check_value(self.value_edit.text())
        if not why and self.end_edit.text().strip():
            end, why = datecheck.check_value(self.end_edit.text())
            why = f"End: {why}" if why else datecheck.check_range(value, end)
            reads = "" if why else timevalue.label(value, end)
        else:
            reads = "" if why else timevalue.label(value)
        ok = not why
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if ok:
            self.reading.setText(f"reads as {html.escape(reads)}")
        else:
            warn = theme.warning_color(self.palette()).name()
            self.reading.setText(f"<span style='color:{warn}'>{html.escape(why)}</span>")
