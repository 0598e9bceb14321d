from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_panels_seed import event

from dateline.core.model import Status
from dateline.ui.event_editor import PRECISIONS, EventEditor, parse_tags


@pytest.fixture
def editor(qtbot):
    w = EventEditor()
    qtbot.addWidget(w)
    w.set_tag_completions(["nato", "aid", "ministerial", "ukraine"])
    w.set_event(event("rutte-press-conference"))
    w.show()
    qtbot.waitExposed(w)
    return w


def _retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_apply_emits_exactly_the_changed_fields(editor, qtbot):
    ev = editor.event_record()
    assert not editor.apply_button.isEnabled()  # nothing changed yet
    _retype(qtbot, editor.title_edit, "Rutte: EUR 40 billion target on track")
    _retype(qtbot, editor.tags_edit, "nato, aid, press conference")
    editor.reliability_combo.setCurrentIndex(editor.reliability_combo.findData("B"))
    editor.notes_edit.setPlainText("Both articles quote the same press conference.")
    assert editor.apply_button.isEnabled()
    with qtbot.waitSignal(editor.edit_requested, timeout=1000) as blocker:
        qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    event_id, changes = blocker.args
    assert event_id == ev.id
    assert changes == {
        "title": "Rutte: EUR 40 billion target on track",
        "tags": ("nato", "aid", "press conference"),
        "reliability": "B",
        "notes": "Both articles quote the same press conference.",
    }


def test_status_grade_and_date_changes(editor, qtbot):
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("rejected"))
    editor.credibility_combo.setCurrentIndex(editor.credibility_combo.findData(2))
    _retype(qtbot, editor.end_edit, "2024-10-17")
    changes = editor.changes()
    assert changes == {
        "status": Status.REJECTED,
        "credibility": 2,
        "date": ("2024-10-16", "2024-10-17"),
    }
    assert "Wed 16 - Thu 17 Oct 2024" in editor.date_label.text()


def test_ctrl_enter_applies_and_escape_reverts(editor, qtbot):
    _retype(qtbot, editor.location_edit, "Brussels")
    with qtbot.waitSignal(editor.edit_requested, timeout=1000) as blocker:
        qtbot.keyClick(editor.location_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[1] == {"location": "Brussels"}
    _retype(qtbot, editor.actors_edit, "Mark Rutte")
    qtbot.keyClick(editor.actors_edit, Qt.Key.Key_Escape)
    assert editor.actors_edit.text() == ""
    assert editor.changes() == {}
    assert not editor.apply_button.isEnabled()


def test_ctrl_enter_in_the_notes_applies_rather_than_adding_a_line(editor, qtbot):
    editor.notes_edit.setFocus()
    qtbot.keyClicks(editor.notes_edit, "checked")
    with qtbot.waitSignal(editor.edit_requested, timeout=1000) as blocker:
        qtbot.keyClick(editor.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[1] == {"notes": "checked"}


def test_precision_chooser_coarsens_and_refines_the_same_day(editor, qtbot):
    assert editor.value_edit.text() == "2024-10-16"
    assert editor.precision_combo.currentText() == "Day"
    editor.precision_combo.setFocus()
    seen = []
    for _ in range(len(PRECISIONS) - 1):
        qtbot.keyClick(editor.precision_combo, Qt.Key.Key_Down)
        seen.append((editor.precision_combo.currentText(), editor.value_edit.text()))
    assert seen == [
        ("Month", "2024-10"),
        ("Quarter", "2024-Q4"),
        ("Half year", "2024-H2"),
        ("Year", "2024"),
        ("Decade", "2020s"),  # the field shows the decade, never the raw "202"
    ]
    assert "2020s" in editor.date_label.text()
    assert editor.changes() == {"date": ("202", None)}
    for _ in range(len(PRECISIONS) - 1):
        qtbot.keyClick(editor.precision_combo, Qt.Key.Key_Up)
    assert editor.value_edit.text() == "2024-10-16"  # the day comes back, not 2020-01-01
    assert editor.changes() == {}


def test_precision_applies_to_a_range(qtbot):
    w = EventEditor()
    qtbot.addWidget(w)
    w.set_event(event("defence-ministerial"))
    assert (w.value_edit.text(), w.end_edit.text()) == ("2024-10-17", "2024-10-18")
    month = w.precision_combo.findData("month")
    w.precision_combo.setCurrentIndex(month)
    w.precision_combo.activated.emit(month)
    assert (w.value_edit.text(), w.end_edit.text()) == ("2024-10", "")
    assert w.changes() == {"date": ("2024-10", None)}
    day = w.precision_combo.findData("day")
    w.precision_combo.setCurrentIndex(day)
    w.precision_combo.activated.emit(day)
    assert (w.value_edit.text(), w.end_edit.text()) == ("2024-10-17", "2024-10-18")


def test_typing_a_coarser_value_moves_the_precision(editor, qtbot):
    _retype(qtbot, editor.value_edit, "Q4 2024")
    assert editor.precision_combo.currentText() == "Quarter"
    assert editor.changes() == {"date": ("2024-Q4", None)}


@pytest.mark.parametrize(
    ("field", "text", "reason"),
    [
        ("value_edit", "2024-02-30", "February 2024 has only 29 days."),
        ("value_edit", "2024-13-01", "There is no month 13"),
        ("value_edit", "soon", "Not a date"),
        (
            "end_edit",
            "2024-10-15",
            "The end (Tue 15 Oct 2024) is before the start (Wed 16 Oct 2024).",
        ),
        ("end_edit", "2024-11-31", "End date: November 2024 has only 30 days."),
    ],
)
def test_invalid_dates_block_apply_and_say_why_next_to_the_field(
    editor, qtbot, field, text, reason
):
    _retype(qtbot, editor.title_edit, "Changed title")  # something worth applying
    _retype(qtbot, getattr(editor, field), text)
    assert editor.date_error.isVisible()
    assert reason in editor.date_error.text()
    assert not editor.apply_button.isEnabled()
    assert not editor.is_valid()
    with qtbot.assertNotEmitted(editor.edit_requested):
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        editor.apply()
    # Fixing the date clears the message and enables Apply again.
    _retype(qtbot, getattr(editor, field), "2024-10-18" if field == "end_edit" else "2024-10-16")
    assert not editor.date_error.isVisible()
    assert editor.apply_button.isEnabled()


def test_an_empty_title_is_refused_next_to_the_title(editor, qtbot):
    _retype(qtbot, editor.title_edit, "   ")
    assert editor.title_error.isVisible()
    assert "title is required" in editor.title_error.text()
    assert not editor.apply_button.isEnabled()


def test_an_unresolved_machine_value_left_alone_is_not_an_error(qtbot):
    ev = dataclasses.replace(event("wiesbaden-hub"), value="FUTURE_REF", earliest=None, latest=None)
    w = EventEditor()
    qtbot.addWidget(w)
    w.set_event(ev)
    w.title_edit.setText("Hub opens")
    assert w.is_valid()
    assert w.changes() == {"title": "Hub opens"}


def test_focus_field_and_tag_completion(editor, qtbot):
    editor.focus_field("tags")
    assert QApplication.focusWidget() is editor.tags_edit
    assert editor.tags_edit.text().endswith(", ")  # ready for one more tag
    completer = editor.tag_completer
    assert completer.splitPath("nato, mi") == ["mi"]
    qtbot.keyClicks(editor.tags_edit, "mi")
    # Only "ministerial" starts with "mi"; taking it keeps the tags typed before.
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "nato, aid, ministerial"
    editor.focus_field("title")
    assert QApplication.focusWidget() is editor.title_edit
    editor.focus_field("notes")
    assert QApplication.focusWidget() is editor.notes_edit


def test_parse_tags():
    assert parse_tags(" nato,  aid ,,NATO, press  conference ") == (
        "nato",
        "aid",
        "press conference",
    )


def test_conflicting_sources_offer_their_readings(qtbot):
    ev = event("rutte-press-conference")
    first = dataclasses.replace(ev.sources[0], value="2024-10-15", timex_text="Tuesday")
    ev = dataclasses.replace(ev, sources=(first, *ev.sources[1:]), flags=("date-conflict",))
    w = EventEditor()
    qtbot.addWidget(w)
    w.set_event(ev)
    w.show()
    assert w.readings_row.isVisible()
    assert "sources disagree" in w.header_label.text()
    text = w.readings_row.text()
    assert "Sources disagree" in text
    assert ">Tue 15 Oct 2024</a> (1 source)" in text
    assert ">Wed 16 Oct 2024</a> (3 sources)" in text
    # Nothing else edited: the pick is applied at once.
    with qtbot.waitSignal(w.edit_requested) as applied:
        w.readings_row.linkActivated.emit("range")  # "keep the range"
    assert applied.args == [ev.id, {"date": ("2024-10-15", "2024-10-16")}]
    # With other edits pending it only fills the date: Apply sends everything together.
    w.set_event(ev)
    w.title_edit.setText("Rutte's press conference")
    with qtbot.assertNotEmitted(w.edit_requested):
        w.readings_row.linkActivated.emit("0")  # the earliest reading
    assert w.changes() == {"title": "Rutte's press conference", "date": ("2024-10-15", None)}
    w.set_event(event("rutte-press-conference"))  # sources agree: no choice offered
    assert not w.readings_row.isVisible()


def test_no_event_disables_every_field(qtbot):
    w = EventEditor()
    qtbot.addWidget(w)
    w.set_event(None)
    assert not w.title_edit.isEnabled()
    assert not w.apply_button.isEnabled()
    assert w.changes() == {}
    w.apply()  # harmless


def test_fields_have_accessible_names_and_buddies(editor):
    from PySide6.QtWidgets import QLabel

    assert editor.value_edit.accessibleName() == "Date"
    labels = [lbl for lbl in editor.findChildren(QLabel) if lbl.buddy() is not None]
    buddies = {lbl.buddy() for lbl in labels}
    assert editor.title_edit in buddies and editor.tags_edit in buddies
    # Alt+letter reaches each field: no two labels share a mnemonic.
    letters = [lbl.text()[lbl.text().index("&") + 1].lower() for lbl in labels]
    assert len(letters) == len(set(letters)) == 10
    # ...nor a menu of the main window (File, Edit, Review, View, Help: Alt+F/E/W/I/H).
    assert not set(letters) & set("fewih")


def test_corroboration_suggests_a_credibility_grade_but_never_sets_it(editor):
    assert "Reported by 2 independent documents: suggests 2 (probably true)" in (
        editor.corroboration_label.text()
    )
    assert editor.credibility_combo.currentData() is None
    assert editor.changes() == {}
    editor.corroboration_label.linkActivated.emit("use")  # the analyst clicks "Use it"
    assert editor.changes() == {"credibility": 2}


def test_a_refresh_with_the_same_record_keeps_what_is_being_typed(editor, qtbot):
    ev = editor.event_record()
    _retype(qtbot, editor.location_edit, "Brussels")
    editor.set_event(ev)  # the main window refreshed for an unrelated reason
    assert editor.location_edit.text() == "Brussels"
    editor.set_event(dataclasses.replace(ev, version=ev.version + 1, location="Brussels"))
    assert editor.location_edit.text() == "Brussels"
    assert editor.changes() == {}  # the new version holds the edit: nothing left to apply
