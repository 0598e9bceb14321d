"""Import and export from the window: bad files are reported by name and reason while the rest of the
batch goes on; the export dialog counts each subset the way the file will hold it."""

from __future__ import annotations

from dateline.core import commands as cmds
from dateline.ui import errors


def settle(qtbot, win):
    qtbot.waitUntil(
        lambda: win.runner.is_idle() and win.session.is_idle() and not win.events.loading
    )


def test_a_bad_file_is_reported_and_the_rest_imported(qtbot, main_window, tmp_path, seeds_dir):
    win = main_window
    good = tmp_path / "good.txt"
    good.write_text(
        "Talks resume\n\nNegotiators met in Geneva on 3 March 2023 and will meet again in April.\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 500)
    shown = len(errors.SHOWN)
    win.jobs.start_import([bad, good])
    qtbot.waitUntil(lambda: win.jobs.last_import_report is not None, timeout=20000)
    settle(qtbot, win)
    report = win.jobs.last_import_report
    assert [p for p, _ in report.imported] == [str(good)]
    assert [p for p, _ in report.failed] == [str(bad)]
    assert report.failed[0][1]  # a reason a person can read
    assert len(errors.SHOWN) == shown, "failures go to the import report, not an error box"
    assert len(win.documents) == 3


def test_export_dialog_counts_each_subset(qtbot, main_window):
    win = main_window
    ids = win.model.ids()
    win.session.push(cmds.SetStatus(tuple(ids[:3]), "accepted"))
    settle(qtbot, win)
    assert win.jobs.count_for("accepted") == 3
    assert win.jobs.count_for("all") == len(ids)
    win.filter_bar.status.setCurrentIndex(1)  # Proposed
    settle(qtbot, win)
    assert win.jobs.count_for("filter") == len(ids) - 3


def test_setting_a_publication_date_re_anchors_and_undoes(qtbot, main_window):
    import datetime as dt

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    from dateline.core.store import Store

    win = main_window
    doc_id = sorted(win.documents)[0]
    answered = []

    from dateline.ui.published_dialog import PublishedDateDialog

    def answer():
        dialog = win.findChild(PublishedDateDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, answer)  # the dialog is not up yet
            return
        dialog.date_edit.setText("2024-10-23")
        answered.append(dialog)
        box = dialog.findChild(QDialogButtonBox)
        box.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():  # never leave a modal loop running
            dialog.reject()

    QTimer.singleShot(0, answer)
    win.documents_panel.published_edit_requested.emit(doc_id)
    assert answered and answered[0].result() == 1
    settle(qtbot, win)
    qtbot.waitUntil(lambda: win.documents[doc_id].published == dt.date(2024, 10, 23))
    with Store.open(win.db_path) as s:
        assert s.document(doc_id).published == dt.date(2024, 10, 23)
        values = {e.value for e in s.events(s.event_ids())}
    assert "2024-10-23" in values, "'Wednesday' now reads as the new publication day"
    win.session.stack.undo()
    settle(qtbot, win)
    qtbot.waitUntil(lambda: win.documents[doc_id].published == dt.date(2024, 10, 16))
