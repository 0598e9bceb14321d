"""The editor's date field and the publication-date dialog: what they show is what is stored."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox
from test_panels_seed import documents, event

from dateline.core.model import Granularity
from dateline.ui.event_editor import EventEditor
from dateline.ui.provenance_models import source_html
from dateline.ui.published_dialog import PublishedDateDialog


def _editor(qtbot, ev):
    w = EventEditor()
    qtbot.addWidget(w)
    w.set_event(ev)
    return w


def test_a_decade_reads_as_a_decade_and_an_unknown_date_as_unknown(qtbot):
    ev = event("rutte-press-conference")
    decade = dataclasses.replace(ev, value="199", end=None, granularity=Granularity.DECADE)
    w = _editor(qtbot, decade)
    assert w.value_edit.text() == "1990s" and w.precision_combo.currentText() == "Decade"
    assert w.changes() == {}, "showing it is not changing it"
    unknown = dataclasses.replace(ev, value="XXXX-XX", end=None, earliest=None, latest=None)
    w.set_event(unknown)
    assert w.value_edit.text() == "" and "unknown" in w.value_edit.placeholderText()
    assert "XXXX" not in w.date_label.text() and "not known" in w.date_label.text()
    assert w.changes() == {} and w.date_error.isHidden()
    w.value_edit.setText("2024-10-16")
    assert w.changes() == {"date": ("2024-10-16", None)} and w.apply_button.isEnabled()


def test_an_event_with_an_empty_title_can_still_have_its_date_edited(qtbot):
    ev = dataclasses.replace(event("rutte-press-conference"), title="")
    w = _editor(qtbot, ev)
    assert not w.title_error.isHidden(), "the missing title is pointed out"
    w.value_edit.setText("2024-10-17")
    assert w.apply_button.isEnabled()
    assert w.changes() == {"date": ("2024-10-17", None)}
    w.title_edit.setText("x")
    w.title_edit.setText("")
    assert w.apply_button.isEnabled(), "clearing it again is no change"


def test_a_ranged_reading_does_not_warn_against_its_own_range(qtbot):
    ev = event("defence-ministerial")
    src = dataclasses.replace(
        ev.sources[0], value="2007-08/2007-09", timex_text="August and September"
    )
    ranged = dataclasses.replace(ev, value="2007-08", end="2007-09", sources=(src,))
    from PySide6.QtGui import QPalette

    html = source_html(src, None, ranged, QPalette())
    assert "2007-08/2007-09" not in html.split("(")[0]
    assert "This source reads" not in html
    assert "Aug 2007 - Sep 2007" in html
    elsewhere = dataclasses.replace(ranged, value="2007-11", end=None)
    assert "This source reads Aug 2007 - Sep 2007" in source_html(src, None, elsewhere, QPalette())


def test_the_dialog_opens_on_the_date_line_not_today(qtbot):
    doc = dataclasses.replace(
        documents()[1],
        published=None,
        published_source="unknown",
        text="Boeing rolls out the 787\n\nMarch 01, 2008\n\nEVERETT - Boeing said ...",
    )
    from dateline.core.typed_dates import guess_published

    dialog = PublishedDateDialog(doc, guesses={doc.id: guess_published(doc.text)})
    qtbot.addWidget(dialog)
    assert dialog.date_edit.text() == "Sat 1 Mar 2008"
    assert "March 01, 2008" in dialog.found.text()
    assert dialog.chosen_date() == dt.date(2008, 3, 1)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for typed, day in (
        ("Thu 27 Mar 2008", dt.date(2008, 3, 27)),
        ("2008-03-27", dt.date(2008, 3, 27)),
        ("27 Mar 2008", dt.date(2008, 3, 27)),
        ("March 27, 2008", dt.date(2008, 3, 27)),
        ("27/03/2008", dt.date(2008, 3, 27)),
    ):
        dialog.date_edit.setText(typed)
        assert dialog.chosen_date() == day and ok.isEnabled(), typed
        assert "Thu 27 Mar 2008" in dialog.reading.text()
    dialog.date_edit.setText("Fri 27 Mar 2008")
    assert dialog.chosen_date() is None and not ok.isEnabled()
    assert "Thursday" in dialog.reading.text()
    dialog.date_edit.setText("03/27/2008")
    assert not ok.isEnabled()
    dialog.convention.setCurrentIndex(1)  # month first
    assert dialog.chosen_date() == dt.date(2008, 3, 27) and ok.isEnabled()


def test_an_undated_text_leaves_the_field_empty(qtbot):
    doc = dataclasses.replace(
        documents()[1], published=None, published_source="unknown", text="No dates here."
    )
    dialog = PublishedDateDialog([doc, dataclasses.replace(doc, id=9)])
    qtbot.addWidget(dialog)
    assert dialog.date_edit.text() == "", "never today"
    assert "2 documents" in dialog.findChildren(type(dialog.reading))[0].text()
