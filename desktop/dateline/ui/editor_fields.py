"""Pieces of the event editor that need no editor: tag parsing and completion, the grade choosers,
the note boxes, the editor's keyboard actions and the summary at its top."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QWidget

from ..core.corroboration import CREDIBILITY_LABELS, independent_documents, suggested_credibility
from ..core.model import EventRecord
from . import theme


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, trimmed, blanks and repeats dropped, first spelling kept."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the tags before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + str(index.data())


def grade_combo(
    parent: QWidget, labels: Mapping[str, str] | Mapping[int, str], tip: str
) -> QComboBox:
    """An Admiralty grade chooser: "— not graded" then "B — Usually reliable" and so on."""
    combo = QComboBox(parent)
    combo.addItem("— not graded", None)
    for grade, text in labels.items():
        combo.addItem(f"{grade} — {text}", grade)
    combo.setToolTip(tip)
    return combo


def text_box(parent: QWidget, placeholder: str) -> QPlainTextEdit:
    """A short multi-line field (four lines high); Tab moves on instead of typing a tab."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    fm = parent.fontMetrics()
    box.setMaximumHeight(fm.lineSpacing() * 4 + fm.height())
    return box


def editor_action(parent: QWidget, text: str, *keys: str) -> QAction:
    """An action whose keys work while the keyboard is anywhere in the editor."""
    action = QAction(text, parent)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    parent.addAction(action)
    return action


def summary_html(ev: EventRecord | None, palette: QPalette) -> tuple[str, str, int | None]:
    """(the editor's header, the corroboration caption, the credibility it suggests) for ``ev``."""
    if ev is None:
        return "No event selected", "", None
    docs = {s.document_id for s in ev.sources}
    n = len(ev.sources)
    parts = [
        f"<b>Event {ev.id}</b>",
        "by the analyst" if ev.origin == "analyst" else "by the extractor",
        f"{round(ev.confidence * 100)}% confidence",
        f"{n} source{'s' if n != 1 else ''}, {len(docs)} document{'s' if len(docs) != 1 else ''}",
    ]
    text = " · ".join(parts)
    if "date-conflict" in ev.flags:
        colour = theme.warning_color(palette).name()
        text += f"<br><span style='color:{colour}'>&#9888; Its sources disagree on the date</span>"
    muted = theme.muted_color(palette).name()
    n_docs = independent_documents(ev)
    grade = suggested_credibility(ev)
    reports = f"{n_docs} independent document{'s' if n_docs != 1 else ''}"
    corroboration = (
        f"<span style='color:{muted}'>Reported by {reports}: suggests {grade} "
        f"({CREDIBILITY_LABELS[grade].lower()}).</span> <a href='use'>Use it</a>"
    )
    return text, corroboration, grade
