"""File dialogs that never open the files they list.

Qt's file dialogs guess each listed file's type from its first bytes to pick an icon. For the project
database that is a plain ``open()``/``close()`` inside the process holding its SQLite connections, and on
POSIX systems closing any descriptor of a file drops every lock the process holds on it. The next
process to close the database then believes it is the last one and may checkpoint and remove the
write-ahead log under the window's feet: later saves fail and earlier ones are lost. These dialogs are
Qt's own (a platform dialog running in this process may sniff files too) with an icon provider that
names types from the file name alone.
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name, never from the file's contents."""

    def icon(self, what: QFileIconProvider.IconType | QFileInfo) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (
                QFileIconProvider.IconType.Folder
                if what.isDir()
                else QFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


_PROVIDER: NameOnlyIconProvider | None = None


def _dialog(
    parent: QWidget | None, caption: str, start: str, filters: str, mode: QFileDialog.FileMode
) -> QFileDialog:
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = NameOnlyIconProvider()
    dlg = QFileDialog(parent, caption, start, filters)
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dlg.setIconProvider(_PROVIDER)
    dlg.setFileMode(mode)
    return dlg


def open_file_names(parent: QWidget | None, caption: str, start: str, filters: str) -> list[str]:
    dlg = _dialog(parent, caption, start, filters, QFileDialog.FileMode.ExistingFiles)
    return dlg.selectedFiles() if dlg.exec() else []


def open_file_name(parent: QWidget | None, caption: str, start: str, filters: str) -> str:
    dlg = _dialog(parent, caption, start, filters, QFileDialog.FileMode.ExistingFile)
    return dlg.selectedFiles()[0] if dlg.exec() and dlg.selectedFiles() else ""


def existing_directory(parent: QWidget | None, caption: str, start: str) -> str:
    dlg = _dialog(parent, caption, start, "", QFileDialog.FileMode.Directory)
    dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dlg.selectedFiles()[0] if dlg.exec() and dlg.selectedFiles() else ""


def save_file_name(parent: QWidget | None, caption: str, start: str, filters: str) -> str:
    dlg = _dialog(parent, caption, start, filters, QFileDialog.FileMode.AnyFile)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return dlg.selectedFiles()[0] if dlg.exec() and dlg.selectedFiles() else ""
