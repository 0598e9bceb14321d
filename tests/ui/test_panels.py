from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow
from test_panels_seed import documents

from dateline.core.ingest import ImportReport
from dateline.ui import theme
from dateline.ui.documents_panel import DocumentListModel, DocumentsPanel
from dateline.ui.export_dialog import ExportChoice, ExportDialog
from dateline.ui.import_report import report_sections, report_text, show_import_report
from dateline.ui.published_dialog import PublishedDateDialog, ask_published_date
from dateline.ui.shortcut_sheet import ShortcutSheet

COUNTS = {1: {"proposed": 5, "accepted": 2}, 2: {"proposed": 3, "accepted": 3, "edited": 1}}


def _docs_with_undated():
    docs = documents()
    undated = dataclasses.replace(
        docs[2],
        id=3,
        title="Wiesbaden hub to coordinate aid",
        published=None,
        published_source="unknown",
    )
    return [docs[1], docs[2], undated]


@pytest.fixture
def docs_panel(qtbot):
    w = DocumentsPanel()
    qtbot.addWidget(w)
    w.resize(560, 300)
    w.set_documents(_docs_with_undated(), COUNTS)
    w.show()
    qtbot.waitExposed(w)
    return w


def _row(panel: DocumentsPanel, doc_id: int) -> int:
    for r in range(panel.proxy.rowCount()):
        if panel.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) == doc_id:
            return r
    raise LookupError(doc_id)


# ---- documents panel ----


def test_documents_show_dates_counts_and_a_warning_where_the_date_is_missing(docs_panel):
    p = docs_panel.proxy
    undated = _row(docs_panel, 3)
    dated = _row(docs_panel, 2)
    assert p.index(undated, DocumentListModel.PUBLISHED).data() == "No date"
    assert (
        p.index(undated, DocumentListModel.PUBLISHED).data(Qt.ItemDataRole.DecorationRole)
        is not None
    )
    assert "Click to set it" in p.index(undated, DocumentListModel.PUBLISHED).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert p.index(dated, DocumentListModel.PUBLISHED).data() == "16 Oct 2024"
    assert p.index(dated, DocumentListModel.PUBLISHED).data(Qt.ItemDataRole.DecorationRole) is None
    assert p.index(dated, DocumentListModel.PROPOSED).data() == 3
    assert p.index(dated, DocumentListModel.ACCEPTED).data() == 4  # accepted + edited
    assert p.index(undated, DocumentListModel.PROPOSED).data() == 0
    assert "1 needs a publication date" in docs_panel.summary_label.text()


def test_a_guessed_date_is_flagged_too():
    model = DocumentListModel()
    guessed = dataclasses.replace(documents()[1], published_source="unknown")
    model.set_documents([guessed], {})
    assert model.index(0, DocumentListModel.PUBLISHED).data() == "16 Oct 2024 (guessed)"
    assert "guessed" in model.index(0, DocumentListModel.PUBLISHED).data(
        Qt.ItemDataRole.ToolTipRole
    )


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("dateline", "from the date line under the headline"),
        ("email", "from the e-mail's Date header"),
        ("argument", "given on the command line"),
    ],
)
def test_the_date_tooltip_says_in_words_where_the_date_came_from(source, words):
    model = DocumentListModel()
    model.set_documents([dataclasses.replace(documents()[1], published_source=source)], {})
    tip = model.index(0, DocumentListModel.PUBLISHED).data(Qt.ItemDataRole.ToolTipRole)
    assert f"({words})" in tip.replace("&#x27;", "'")
    assert f"({source})" not in tip


def test_one_click_on_the_date_asks_to_edit_it(docs_panel, qtbot):
    pos = docs_panel.published_rect(3).center()
    with qtbot.waitSignal(docs_panel.published_edit_requested, timeout=1000) as blocker:
        qtbot.mouseClick(docs_panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [3]


def test_clicking_a_title_selects_without_asking_for_a_date(docs_panel, qtbot):
    index = docs_panel.proxy.index(_row(docs_panel, 1), DocumentListModel.TITLE)
    rect = docs_panel.view.visualRect(index)
    pos = rect.topLeft() + QPoint(rect.width() // 2, rect.height() // 4)  # on the title line
    with (
        qtbot.waitSignal(docs_panel.document_selected, timeout=1000) as blocker,
        qtbot.assertNotEmitted(docs_panel.published_edit_requested),
    ):
        qtbot.mouseClick(docs_panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [1]
    # F2 asks for the current document's date from the keyboard.
    docs_panel.view.setFocus()
    with qtbot.waitSignal(docs_panel.published_edit_requested, timeout=1000) as blocker:
        qtbot.keyClick(docs_panel.view, Qt.Key.Key_F2)
    assert blocker.args == [1]


def test_select_document_from_outside_does_not_echo(docs_panel, qtbot):
    with qtbot.assertNotEmitted(docs_panel.document_selected):
        docs_panel.select_document(2)
    assert docs_panel.current_document_id() == 2
    # A refresh keeps the selection.
    docs_panel.set_documents(_docs_with_undated(), COUNTS)
    assert docs_panel.current_document_id() == 2
    docs_panel.select_document(None)
    assert not docs_panel.view.selectionModel().hasSelection()


def test_filter_narrows_by_title(docs_panel, qtbot):
    qtbot.keyClicks(docs_panel.filter_edit, "wiesbaden")
    assert docs_panel.proxy.rowCount() == 1
    # Selecting a filtered-out document clears the filter rather than hiding the selection.
    docs_panel.select_document(1)
    assert docs_panel.current_document_id() == 1
    assert docs_panel.proxy.rowCount() == 3


def test_documents_keep_their_order_and_can_sort_by_date(docs_panel):
    def order():
        return [docs_panel.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(3)]

    assert order() == [1, 2, 3]  # as given
    by_date = next(a for a in docs_panel.sort_actions.actions() if "Date" in a.text())
    by_date.trigger()
    assert order()[0] == 3  # no date first
    assert by_date in docs_panel.view.actions()  # offered in the context menu


def test_each_row_reads_out_whole(docs_panel):
    index = docs_panel.proxy.index(_row(docs_panel, 3), 0)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Wiesbaden hub to coordinate aid, no publication date, 0 proposed, 0 accepted"
    )
    index = docs_panel.proxy.index(_row(docs_panel, 2), 0)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).endswith(
        ", published 16 Oct 2024, 3 proposed, 4 accepted"
    )


def test_document_model_passes_the_model_tester(qtmodeltester):
    model = DocumentListModel()
    model.set_documents(_docs_with_undated(), COUNTS)
    qtmodeltester.check(model)


def test_published_date_dialog(qtbot):
    doc = documents()[1]
    dialog = PublishedDateDialog(doc)
    qtbot.addWidget(dialog)
    assert dialog.chosen_date() == dt.date(2024, 10, 16)
    dialog.date_edit.setText("2024-10-15")
    assert dialog.chosen_date() == dt.date(2024, 10, 15)
    dialog.unknown_check.setChecked(True)
    assert not dialog.date_edit.isEnabled()
    assert dialog.chosen_date() is None


@pytest.mark.parametrize(("accept", "expected"), [(True, dt.date(2024, 10, 16)), (False, ...)])
def test_ask_published_date_returns_the_date_or_ellipsis(qtbot, accept, expected):
    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PublishedDateDialog)
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, answer)
    result = ask_published_date(None, documents()[2])
    assert result == expected


# ---- shortcut sheet ----


@pytest.fixture
def sheet(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = {}
    menus = {
        "&File": [("&Import…", "Ctrl+O"), ("&Export…", "Ctrl+E")],
        "&Review": [
            ("&Accept", "A"),
            ("Re&ject", "X"),
            ("&Next Event", "J"),
            ("&Merge with Next", "M"),
        ],
        "&Edit": [("&Undo", "Ctrl+Z"), ("&Redo", "Ctrl+Shift+Z")],
    }
    for title, items in menus.items():
        menu = window.menuBar().addMenu(title)
        for text, keys in items:
            action = QAction(text, window)
            action.setShortcut(QKeySequence(keys))
            menu.addAction(action)
            actions[text.replace("&", "")] = action
    actions["Merge with Next"].setEnabled(False)
    dialog = ShortcutSheet(list(actions.values()), window)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog, actions
    window.close()  # the window owns the actions and the sheet: keep it alive until here


def test_sheet_lists_every_action_with_its_keys_grouped_by_menu(sheet):
    dialog, _ = sheet
    groups = {
        dialog.tree.topLevelItem(i).text(0): [
            (
                dialog.tree.topLevelItem(i).child(c).text(0),
                dialog.tree.topLevelItem(i).child(c).text(1),
            )
            for c in range(dialog.tree.topLevelItem(i).childCount())
        ]
        for i in range(dialog.tree.topLevelItemCount())
    }
    assert list(groups) == ["File", "Review", "Edit"]
    assert groups["Review"][0] == ("Accept", "A")
    assert (
        "Redo",
        QKeySequence("Ctrl+Shift+Z").toString(QKeySequence.SequenceFormat.NativeText),
    ) in groups["Edit"]


def test_filter_then_enter_runs_the_command(sheet, qtbot):
    dialog, actions = sheet
    qtbot.keyClicks(dialog.filter_edit, "acc")
    assert dialog.visible_commands() == ["Accept"]
    with qtbot.waitSignal(actions["Accept"].triggered, timeout=1000):
        qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_filter_matches_keys_and_arrows_move_the_highlight(sheet, qtbot):
    dialog, actions = sheet
    qtbot.keyClicks(dialog.filter_edit, "ctrl")
    assert dialog.visible_commands() == ["Import…", "Export…", "Undo", "Redo"]
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Down)
    assert dialog.tree.currentItem().text(0) == "Undo"
    with qtbot.waitSignal(actions["Undo"].triggered, timeout=1000):
        qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Enter)


def test_disabled_commands_are_shown_but_not_run(sheet, qtbot):
    dialog, actions = sheet
    qtbot.keyClicks(dialog.filter_edit, "merge")
    assert dialog.visible_commands() == ["Merge with Next"]
    with qtbot.assertNotEmitted(actions["Merge with Next"].triggered):
        qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.filter_edit.setText("zzz")
    assert dialog.visible_commands() == []
    assert dialog.empty_label.isVisible()


# ---- export dialog ----

COUNTS_BY_SUBSET = {"accepted": 7, "all": 19, "filter": 0}


@pytest.fixture
def export(qtbot):
    dialog = ExportDialog(COUNTS_BY_SUBSET.__getitem__, current_filter_label="tag: nato")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_export_dialog_returns_the_choice_and_previews_the_count(export, qtbot):
    assert "7 events" in export.preview_label.text()
    assert not export.export_button.isEnabled()  # no path yet
    export.path_edit.setText("/tmp/out/timeline.json")
    assert export.export_button.isEnabled()
    export.subset_buttons["all"].click()
    assert "19 events" in export.preview_label.text()
    assert export.choice() == ExportChoice("timelinejs", "all", "/tmp/out/timeline.json")
    assert "without a resolved date are left out" in export.note_label.text()


def test_export_of_an_empty_subset_is_refused(export):
    export.path_edit.setText("/tmp/out/timeline.json")
    export.subset_buttons["filter"].click()
    assert "nothing to export" in export.preview_label.text()
    assert not export.export_button.isEnabled()
    assert "tag: nato" in export.subset_buttons["filter"].text()


def test_changing_format_follows_the_file_suffix(export):
    export.path_edit.setText("/tmp/out/timeline.json")
    export.format_combo.setCurrentIndex(export.format_combo.findData("ics"))
    assert export.path_edit.text() == "/tmp/out/timeline.ics"
    export.format_combo.setCurrentIndex(export.format_combo.findData("markdown"))
    assert export.choice() == ExportChoice("markdown", "accepted", "/tmp/out/timeline.md")
    keys = [export.format_combo.itemData(i) for i in range(export.format_combo.count())]
    for name in (
        "csv",
        "json",
        "timelinejs",
        "ics",
        "timeml",
        "timesketch",
        "timesketch-jsonl",
        "markdown",
        "html",
    ):
        assert name in keys


# ---- import report ----


def _report() -> ImportReport:
    return ImportReport(
        imported=(("/data/news/000.txt", 1), ("/data/news/001.txt", 2)),
        duplicates=("/data/inbox/copy-of-001.txt",),
        failed=(("/data/inbox/scan.pdf", "not a text or HTML file"),),
        undated=("/data/news/000.txt",),
        events_proposed=19,
    )


def test_import_report_lists_every_file_with_reasons(qtbot):
    dialog = show_import_report(None, _report())
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    headings = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert headings == [
        "Failed (1)",
        "Imported (2)",
        "Skipped: already in the project (1)",
        "Imported without a publication date (1)",
    ]
    failed = dialog.tree.topLevelItem(0).child(0)
    assert (failed.text(0), failed.text(1)) == ("scan.pdf", "not a text or HTML file")
    assert "2 imported, 1 duplicate, 1 failed" in dialog.summary_label.text()
    assert "19 events proposed" in dialog.summary_label.text()
    dialog.copy_button.click()
    assert "/data/inbox/scan.pdf: not a text or HTML file" in QApplication.clipboard().text()


def test_report_sections_accept_plain_sequences():
    sections = report_sections(_report())
    assert [k for k, _, _ in sections] == ["failed", "imported", "duplicates", "undated"]
    assert report_text(ImportReport()).startswith("0 imported, 0 duplicates, 0 failed")


# ---- theme ----


@pytest.mark.parametrize("dark", [False, True])
def test_status_colours_read_on_light_and_dark(dark):
    palette = theme.dark_palette() if dark else QPalette(QColor("#efefef"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#17181a" if dark else "#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed" if dark else "#000000"))
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    colours = set()
    for status in theme.STATUSES:
        colour = theme.status_color(status, palette)
        colours.add(colour.name())
        assert theme.contrast(colour, base) >= 4.5, status  # as text on the base
        assert theme.contrast(text, theme.status_fill(status, palette)) >= 4.5, status
    assert len(colours) == len(theme.STATUSES)
    assert theme.contrast(theme.error_color(palette), base) >= 4.5
    assert theme.contrast(text, theme.sentence_fill(palette)) >= 4.5


def test_documents_panel_recolours_for_a_dark_palette(docs_panel):
    index = docs_panel.proxy.index(_row(docs_panel, 3), DocumentListModel.PUBLISHED)
    light = index.data(Qt.ItemDataRole.ForegroundRole)
    docs_panel.setPalette(theme.dark_palette())
    dark = index.data(Qt.ItemDataRole.ForegroundRole)
    assert light != dark
    assert dark == theme.warning_color(theme.dark_palette())


def test_export_counts_once_per_subset_not_per_keystroke(qtbot):
    asked = []

    def count_for(subset: str) -> int:
        asked.append(subset)
        return 3

    dialog = ExportDialog(count_for)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.path_edit, "/tmp/x.json")
    dialog.subset_buttons["all"].click()
    assert asked == ["accepted", "all"]
