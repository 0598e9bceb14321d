"""Two writers on one event, the window and the command line: the one that acts on what it saw earlier
is stopped by the version check with a sentence, and the other's change stays.

The single-process checks are ``tests/core/test_commands.py::test_version_conflicts_are_detected``;
these run the second writer as a real ``dateline`` process on the same file.
"""

from __future__ import annotations

import pytest

from dateline.core.commands import SetNote, SetStatus
from dateline.core.errors import ConflictError
from support.processes import run_cli, stored_events
from support.store import seeded_store


@pytest.fixture
def window(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    yield store
    store.close()


def test_an_edit_made_on_what_the_window_saw_is_stopped_after_a_command_changed_it(window):
    eid = window.event_ids()[0]
    seen = window.event(eid).version  # the editor opens the event

    run_cli("note", str(eid), "from the command line", db=window.path)

    with pytest.raises(ConflictError) as err:
        window.apply(SetNote(eid, "from the window", versions=((eid, seen),)))
    assert err.value.message == (
        f"Event {eid} was changed elsewhere since you opened it; reload and try again."
    )
    assert err.value.exit_code == 4
    assert stored_events(window.path)[eid]["notes"] == "from the command line"
    assert [h.action for h in window.history(eid)][-1] == "note", "the refused edit left no trace"
    assert len(window.history(eid)) == 1


def test_undo_and_redo_in_the_window_never_drop_a_command_s_later_change(window):
    eid = window.event_ids()[0]
    mine = SetStatus((eid,), "accepted")
    window.apply(mine)
    run_cli("note", str(eid), "checked by a colleague", db=window.path)

    with pytest.raises(ConflictError) as err:
        window.revert(mine)  # Ctrl+Z in the window
    assert err.value.message == (
        f"Cannot undo this change: event {eid} was changed since (by another edit or import)."
    )
    back = stored_events(window.path)[eid]
    assert (back["status"], back["notes"]) == ("accepted", "checked by a colleague")

    other = window.event_ids()[1]
    second = SetStatus((other,), "rejected")
    window.apply(second)
    window.revert(second)
    run_cli("accept", str(other), db=window.path)
    with pytest.raises(ConflictError, match="Cannot redo this change"):
        window.apply(second)  # Ctrl+Shift+Z
    assert stored_events(window.path)[other]["status"] == "accepted"


def test_a_command_acting_on_an_event_the_window_just_changed_sees_the_change(window):
    """The command line always reads the event afresh: it never writes over the window's change."""
    eid = window.event_ids()[0]
    window.apply(SetNote(eid, "from the window"))
    run_cli("accept", str(eid), db=window.path)
    back = stored_events(window.path)[eid]
    assert (back["status"], back["notes"]) == ("accepted", "from the window")
