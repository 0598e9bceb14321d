"""The documents as a Qt model: title, publication date (flagged when missing or guessed) and how
many of each document's events are proposed and accepted."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QIcon,
    QPalette,
)
from PySide6.QtWidgets import (
    QWidget,
)

from ..core import timevalue
from ..core.model import DocumentRecord, published_reason
from . import theme

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


def needs_date(doc: DocumentRecord) -> bool:
    """Missing or guessed: relative dates in it ("Wednesday") may be resolved wrongly or not at all."""
    return doc.published is None or doc.published_source == "unknown"


class DocumentListModel(QAbstractTableModel):
    """Rows of documents: title, publication date, proposed and accepted event counts."""

    TITLE, PUBLISHED, PROPOSED, ACCEPTED = range(4)
    # Short headers: the panel is a narrow side column; tooltips spell them out.
    HEADERS = ("Title", "Published", "Prop.", "Acc.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs: list[DocumentRecord] = []
        self._counts: Mapping[int, Mapping[str, int]] = {}
        self._palette = QPalette()
        self._warning_icon: QIcon | None = None

    def set_documents(
        self, docs: Sequence[DocumentRecord], counts: Mapping[int, Mapping[str, int]]
    ) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self._counts = counts
        self.endResetModel()

    def set_palette(self, palette: QPalette, warning_icon: QIcon) -> None:
        self._palette = palette
        self._warning_icon = warning_icon
        if self._docs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._docs) - 1, 3))

    def document(self, row: int) -> DocumentRecord:
        return self._docs[row]

    def row_of(self, doc_id: int) -> int:
        for i, d in enumerate(self._docs):
            if d.id == doc_id:
                return i
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                "Title of the article",
                "Publication date, the anchor of relative dates like 'Wednesday'",
                "Proposed: events found by the extractor, not reviewed yet",
                "Accepted: events accepted (or accepted after an edit)",
            )[section]
        return None

    def _count(self, doc: DocumentRecord, key: str) -> int:
        counts = self._counts.get(doc.id, {})
        if key == "accepted":
            return int(counts.get("accepted", 0)) + int(counts.get("edited", 0))
        return int(counts.get(key, 0))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._docs):
            return None
        doc = self._docs[index.row()]
        col = index.column()
        if role == DOC_ID_ROLE:
            return doc.id
        if col == self.TITLE:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return doc.title or "(untitled)"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                # The list shows one column: its spoken text carries the whole row.
                published = self._published_data(doc, Qt.ItemDataRole.AccessibleTextRole)
                return (
                    f"{doc.title or '(untitled)'}, {published}, "
                    f"{self._count(doc, 'proposed')} proposed, "
                    f"{self._count(doc, 'accepted')} accepted"
                )
            if role == Qt.ItemDataRole.ToolTipRole:
                extra = " · ".join(x for x in (doc.source, doc.author, doc.path) if x)
                return f"<b>{html.escape(doc.title)}</b>" + (
                    f"<br>{html.escape(extra)}" if extra else ""
                )
        elif col == self.PUBLISHED:
            return self._published_data(doc, role)
        else:
            n = self._count(doc, "proposed" if col == self.PROPOSED else "accepted")
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return n
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                what = "awaiting review" if col == self.PROPOSED else "accepted"
                return f"{n} event{'s' if n != 1 else ''} {what}"
            if role == Qt.ItemDataRole.ForegroundRole and col == self.PROPOSED and n:
                return theme.status_color("proposed", self._palette)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return str(self.data(index, Qt.ItemDataRole.DisplayRole))
        return None

    def _published_data(self, doc: DocumentRecord, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if doc.published is None:
                return "No date"
            label = timevalue.label(doc.published.isoformat(), weekday=False)
            return f"{label} (guessed)" if doc.published_source == "unknown" else label
        if role == SORT_ROLE:
            return doc.published.toordinal() if doc.published else -1
        if role == Qt.ItemDataRole.DecorationRole and needs_date(doc):
            return self._warning_icon
        if role == Qt.ItemDataRole.ForegroundRole and needs_date(doc):
            return theme.warning_color(self._palette)
        if role == Qt.ItemDataRole.ToolTipRole:
            if doc.published is None:
                return (
                    "No publication date: relative dates such as 'Wednesday' cannot be resolved."
                    "<br><i>Click to set it.</i>"
                )
            label = timevalue.label(doc.published.isoformat())
            if doc.published_source == "unknown":
                return (
                    f"Publication date guessed as {label}.<br><i>Click to confirm or change it.</i>"
                )
            how = html.escape(published_reason(doc.published_source))
            return f"Published {label} ({how}).<br><i>Click to change it.</i>"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if doc.published is None:
                return "no publication date"
            text = f"published {self._published_data(doc, Qt.ItemDataRole.DisplayRole)}"
            return f"{text}, needs checking" if needs_date(doc) else text
        return None
