"""Every command of the main window as a QAction with its shortcut, menu and toolbar place.

Shortcuts use ``QKeySequence`` standard keys where Qt has one (Open, Undo, Redo, Find, Quit, Help) and
single letters for the review keys. Single letters are window shortcuts: text fields accept them as
typing first (Qt's ShortcutOverride), so typing a note never accepts an event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from . import icons

Std = QKeySequence.StandardKey


@dataclass
class Actions:
    """The window's actions by name; ``menus`` keeps each menu's title with its actions for the sheet."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    menus: dict[str, QMenu] = field(default_factory=dict)
    recent_menu: QMenu | None = None
    order_group: QActionGroup | None = None
    toolbar: QToolBar | None = None

    def __getattr__(self, name: str) -> QAction:
        try:
            return self.__dict__["by_name"][name]
        except KeyError:
            raise AttributeError(name) from None

    def all(self) -> list[QAction]:
        return list(self.by_name.values())

    def review_keys(self) -> list[QAction]:
        """The plain-letter actions: add them to each widget where they should work."""
        return [self.by_name[n] for n in REVIEW_KEYS]


def _keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    for k in keys:
        if isinstance(k, str):
            out.append(QKeySequence(k))
        else:
            out.extend(QKeySequence.keyBindings(k))
    # de-duplicate while keeping order (standard keys can repeat on some platforms)
    seen: list[str] = []
    uniq = []
    for seq in out:
        s = seq.toString()
        if s and s not in seen:
            seen.append(s)
            uniq.append(seq)
    return uniq


# name: (menu, text, shortcuts, icon, tip)
_SPEC: list[tuple[str, str, str, tuple, str, str]] = [
    ("open_db", "&File", "&Open Database…", (Std.Open,), "open", "Open another Dateline database"),
    ("new_db", "&File", "&New Database…", (Std.New,), "", "Create an empty database"),
    ("import_files", "&File", "&Import Articles…", ("Ctrl+I",), "import", "Import article files"),
    (
        "import_folder",
        "&File",
        "Import &Folder…",
        ("Ctrl+Shift+I",),
        "",
        "Import every article in a folder",
    ),
    ("load_seeds", "&File", "Load &Sample Articles", (), "", "Import the two sample NATO articles"),
    ("export", "&File", "&Export…", ("Ctrl+E",), "export", "Export the timeline"),
    ("quit", "&File", "&Quit", (Std.Quit, "Ctrl+Q"), "", "Close Dateline"),
    ("undo", "&Edit", "&Undo", (Std.Undo,), "undo", "Undo the last change"),
    ("redo", "&Edit", "&Redo", ("Ctrl+Shift+Z", Std.Redo), "redo", "Redo"),
    ("find", "&Edit", "&Find Events", (Std.Find,), "", "Search event titles, notes and quotes"),
    (
        "select_all",
        "&Edit",
        "Select &All Events",
        (Std.SelectAll,),
        "",
        "Select every event in the table",
    ),
    ("next", "Revie&w", "&Next Event", ("J",), "", "Select the next event (also Down)"),
    ("previous", "Revie&w", "&Previous Event", ("K",), "", "Select the previous event (also Up)"),
    ("accept", "Revie&w", "&Accept", ("A",), "accept", "Accept the selected events"),
    ("reject", "Revie&w", "Re&ject", ("X",), "reject", "Reject the selected events"),
    ("edit", "Revie&w", "&Edit Event", ("E",), "", "Edit the selected event"),
    (
        "open_source",
        "Revie&w",
        "&Open Source",
        ("Return", "Enter"),
        "",
        "Show the source sentence in the article",
    ),
    ("tag", "Revie&w", "&Tag…", ("T",), "tag", "Add a tag to the selected events"),
    ("note", "Revie&w", "&Note", ("N",), "", "Write a note on the selected event"),
    (
        "edit_date",
        "Revie&w",
        "Edit &Date",
        ("D",),
        "",
        "Change the date, precision or end of the event",
    ),
    (
        "merge",
        "Revie&w",
        "&Merge with Suggested Event",
        ("M",),
        "merge",
        "Merge with the top merge suggestion (several selected: merge them)",
    ),
    (
        "next_merge",
        "Revie&w",
        "Next Merge Su&ggestion",
        ("Shift+M",),
        "",
        "Select the next event that has a merge suggestion",
    ),
    ("split", "Revie&w", "&Split Merged Event", (), "", "Undo a merge: move sources back out"),
    ("delete", "Revie&w", "&Delete Event", (Std.Delete,), "", "Delete the selected events"),
    (
        "set_published",
        "Revie&w",
        "Set &Publication Date…",
        ("F2",),
        "",
        "Set the publication date of the selected documents (or the article shown);"
        " their relative dates are re-anchored",
    ),
    ("view_table", "V&iew", "&Table", ("Ctrl+1",), "", "Show the event table"),
    ("view_timeline", "V&iew", "T&imeline", ("Ctrl+2",), "", "Show the timeline"),
    (
        "shortcuts",
        "&Help",
        "&Keyboard Shortcuts",
        (Std.HelpContents, "F1", "?"),
        "help",
        "Every shortcut",
    ),
    ("about", "&Help", "&About Dateline", (), "", ""),
]

ORDERS = (
    ("order_date", "By &Date", "date"),
    ("order_document", "By D&ocument Order", "document"),
    ("order_doubt", "Most Doubtful &First", "doubt"),
)
TOOLBAR = (
    "import_files",
    "export",
    None,
    "undo",
    "redo",
    None,
    "accept",
    "reject",
    "tag",
    "merge",
    None,
    "shortcuts",
)
_TOOLBAR_TEXT = {"import_files": "Import", "merge": "Merge", "shortcuts": "Shortcuts"}
WIDGET_ONLY = {"open_source"}  # the table owns Return: it must not steal Return from text fields
# Plain-letter keys act only where events are shown (table, timeline, article): a combo box or
# button does not claim letters as typing, so window-wide they would fire while choosing a precision.
REVIEW_KEYS = {
    "next",
    "previous",
    "accept",
    "reject",
    "edit",
    "tag",
    "note",
    "edit_date",
    "merge",
    "next_merge",
    "delete",
}


def build_actions(window: QMainWindow) -> Actions:
    acts = Actions()
    bar = window.menuBar()
    for name, menu_title, text, keys, icon, tip in _SPEC:
        menu = acts.menus.get(menu_title)
        if menu is None:
            menu = bar.addMenu(menu_title)
            acts.menus[menu_title] = menu
        action = QAction(text, window)
        action.setObjectName(name)
        shortcuts = _keys(*keys)
        if shortcuts:
            action.setShortcuts(shortcuts)
        if icon:
            action.setIcon(icons.icon(icon, window.palette()))
        short = _TOOLBAR_TEXT.get(name)
        if short:
            action.setIconText(short)
        if tip:
            shortcut = (
                shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText) if shortcuts else ""
            )
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
        if name in WIDGET_ONLY:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        elif name in REVIEW_KEYS:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        menu.addAction(action)
        acts.by_name[name] = action
        if name == "load_seeds":
            acts.recent_menu = menu.addMenu("Open &Recent")
            menu.addSeparator()
        if name in ("export", "select_all", "previous", "note", "view_timeline", "delete"):
            menu.addSeparator()
        if name == "merge":
            order_menu = acts.menus["Revie&w"].addMenu("Review &Order")
            group = QActionGroup(window)
            group.setExclusive(True)
            for oname, otext, key in ORDERS:
                oa = QAction(otext, window)
                oa.setObjectName(oname)
                oa.setCheckable(True)
                oa.setData(key)
                group.addAction(oa)
                order_menu.addAction(oa)
                acts.by_name[oname] = oa
            acts.order_group = group
    for name in ("view_table", "view_timeline"):
        acts.by_name[name].setCheckable(True)
    view_group = QActionGroup(window)
    view_group.addAction(acts.view_table)
    view_group.addAction(acts.view_timeline)
    acts.view_table.setChecked(True)

    tb = QToolBar("Main", window)
    tb.setObjectName("main_toolbar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    tb.setMovable(False)
    for entry in TOOLBAR:
        if entry is None:
            tb.addSeparator()
        else:
            tb.addAction(acts.by_name[entry])
    window.addToolBar(tb)
    acts.toolbar = tb
    return acts


def add_view_actions(acts: Actions, menu_title: str, actions: dict[str, QAction]) -> None:
    """Put actions that belong to a view (the article's C, the editor's Ctrl+Enter) in a menu and in
    the shortcut sheet. Their shortcuts keep the view's context: C still types in a text field."""
    menu = acts.menus[menu_title]
    menu.addSeparator()
    for name, action in actions.items():
        action.setObjectName(name)
        menu.addAction(action)
        acts.by_name[name] = action


def show_undo_text(action: QAction, verb: str, text: str, width: int) -> None:
    """``&Undo Accept 3 events`` in the menu; on the toolbar the same, elided to ``width`` pixels so
    a long step never pushes the buttons after it; the tooltip holds the whole text."""
    full = f"{verb} {text}" if text else verb
    action.setText(f"&{full}")
    fm = QFontMetrics(action.font())
    action.setIconText(fm.elidedText(full, Qt.TextElideMode.ElideRight, width))
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{full} ({keys})" if keys else full)


def refresh_icons(acts: Actions, window: QMainWindow) -> None:
    """Redraw icons in the palette's text colour (after a light/dark switch)."""
    for name, *_rest, icon, _tip in _SPEC:
        if icon:
            acts.by_name[name].setIcon(icons.icon(icon, window.palette()))


def empty_icon() -> QIcon:
    return QIcon()
