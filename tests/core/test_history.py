from __future__ import annotations

from dateline.core.history import field_changes, last_acceptance, show_value, when_label
from dateline.core.model import AuditEntry


def _e(i, at, action, before, after, who="alice"):
    return AuditEntry(i, at, who, action, "event", 7, before, after)


def test_each_changed_field_is_a_row_and_unchanged_ones_are_not():
    entries = [
        _e(
            2,
            "2026-11-23T10:42:00Z",
            "edit",
            {"title": "Old", "notes": "x", "version": 1},
            {"title": "New", "notes": "x", "version": 2},
        ),
        _e(1, "2026-11-23T10:41:00Z", "accept", {"status": "proposed"}, {"status": "accepted"}),
        _e(3, "2026-11-23T10:43:00Z", "merge", {}, {}, who="bob"),
    ]
    rows = field_changes(entries)
    assert [(r.action, r.field, r.before, r.after) for r in rows] == [
        ("accept", "status", "proposed", "accepted"),
        ("edit", "title", "Old", "New"),
        ("merge", "", "", ""),
    ]
    assert rows[2].who == "bob"


def test_dates_and_lists_read_like_people_write_them():
    assert show_value(["2024-10-17", "2024-10-18"], "date") == "Thu 17 - Fri 18 Oct 2024"
    assert show_value("2024-H1", "value") == "H1 2024"
    assert show_value(["nato", "aid"], "tags") == "nato, aid"
    assert show_value(None) == "—"
    assert show_value("", "notes") == "—"
    assert show_value(3, "credibility") == "3"


def test_added_field_reads_from_nothing():
    rows = field_changes([_e(1, "2026-11-23T10:41:00Z", "tag", {}, {"tags": ["nato"]})])
    assert (rows[0].field, rows[0].before, rows[0].after) == ("tags", "—", "nato")


def test_last_acceptance_is_undone_by_a_later_rejection():
    acc = _e(1, "2026-11-23T10:41:00Z", "accept", {"status": "proposed"}, {"status": "accepted"})
    assert last_acceptance([acc]) == acc
    rej = _e(2, "2026-11-23T10:45:00Z", "reject", {"status": "accepted"}, {"status": "rejected"})
    assert last_acceptance([acc, rej]) is None
    assert last_acceptance([]) is None


def test_when_label():
    assert when_label("2026-11-23T10:41:07Z") == "2026-11-23 10:41"
    assert when_label("yesterday") == "yesterday"
