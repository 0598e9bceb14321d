"""EventTableModel: lazy rows over ids, labels at each precision, precise dataChanged, model tester."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from dateline.core import commands as cmds
from dateline.core.store import EventFilter, Store
from dateline.ui.event_table import (
    COLUMNS,
    DATE,
    EVENT_ID_ROLE,
    GRADE,
    STATUS,
    TITLE,
    EventTableModel,
)


def test_model_passes_the_model_tester(qtmodeltester, seeded_db):
    with Store.open(seeded_db) as store:
        model = EventTableModel(store.events)
        model.set_ids(store.event_ids())
        qtmodeltester.check(model)
        model.set_ids([])
        qtmodeltester.check(model)


def test_model_takes_qts_own_events(qtbot, seeded_db):
    # The row accessor once overrode QObject.event: every event Qt sent the model (a queued call, a
    # deferred delete) went to it as a row and failed, so queued slots never ran and deleteLater
    # never deleted the model.
    with Store.open(seeded_db) as store:
        model = EventTableModel(store.events)
        model.set_ids(store.event_ids())
        assert model.record(0) is not None
        ran: list[bool] = []
        QTimer.singleShot(0, model, lambda: ran.append(True))
        qtbot.waitUntil(lambda: ran == [True], timeout=2000)
        with qtbot.waitSignal(model.destroyed, timeout=2000):
            model.deleteLater()


def test_dates_show_at_their_precision(qapp, seeded_db):
    with Store.open(seeded_db) as store:
        model = EventTableModel(store.events)
        model.set_ids(store.event_ids())
        labels = [model.index(r, DATE).data() for r in range(model.rowCount())]
    assert "H1 2024" in labels
    assert "Jul 2024" in labels
    assert "Thu 17 - Fri 18 Oct 2024" in labels
    assert "Wed 16 Oct 2024" in labels
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))] == list(
        COLUMNS
    )


def test_rows_are_fetched_lazily_in_blocks(qapp, seeded_db):
    calls: list[list[int]] = []
    with Store.open(seeded_db) as store:
        ids = store.event_ids()

        def fetch(wanted):
            calls.append(list(wanted))
            return store.events(wanted)

        model = EventTableModel(fetch)
        model.BLOCK = 4
        model.set_ids(ids)
        assert calls == []
        model.index(0, TITLE).data()
        model.index(1, TITLE).data()
        assert len(calls) == 1 and len(calls[0]) == 4
        model.index(len(ids) - 1, TITLE).data()
        assert len(calls) == 2


def test_refresh_announces_only_the_touched_rows(qtbot, seeded_db):
    with Store.open(seeded_db) as store:
        model = EventTableModel(store.events)
        ids = store.event_ids()
        model.set_ids(ids)
        for r in range(model.rowCount()):
            model.index(r, STATUS).data()
        target = ids[2]
        change = store.apply(cmds.SetStatus((target,), "accepted"))
        seen = []
        model.dataChanged.connect(
            lambda a, b, roles: seen.append((a.row(), b.row(), a.column(), b.column()))
        )
        model.refresh(change.updated)
        assert seen == [(2, 2, 0, len(COLUMNS) - 1)]
        assert model.index(2, STATUS).data() == "Accepted"
        assert model.index(2, 0).data(EVENT_ID_ROLE) == target


def test_grade_and_sort_request(qtbot, seeded_db):
    with Store.open(seeded_db) as store:
        ids = store.event_ids()
        store.apply(cmds.EditEvent(ids[0], {"reliability": "B", "credibility": 2}))
        model = EventTableModel(store.events)
        model.set_ids(ids)
        assert model.index(0, GRADE).data() == "B2"
        with qtbot.waitSignal(model.sort_requested) as sig:
            model.sort(TITLE, Qt.SortOrder.DescendingOrder)
        assert sig.args == ["-title"]
        model.set_ids(store.event_ids(EventFilter(), "-title"))
        titles = [model.index(r, TITLE).data() for r in range(model.rowCount())]
        assert titles == sorted(titles, key=str.casefold, reverse=True)
