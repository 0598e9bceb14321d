"""Business, market and aviation news, a third round: weeks of a month, rates of days, fiscal periods,
amounts after verbs, deadlines and holidays. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from dateline.core.temporal import find_timexes

REPORT_DAY = dt.date(2008, 10, 15)  # a Wednesday, in an earnings season


def read(text: str, published: dt.date | None = REPORT_DAY) -> dict[str, tuple[str, str, str]]:
    return {t.text: (t.type.value, t.value, t.mod) for t in find_timexes(text, published)}


def test_a_week_or_weekday_counted_in_a_month_is_one_date():
    found = read("The plant will close during the last week of March.")
    assert found == {"the last week of March": ("DATE", "2009-W13", "")}
    found = read("The maker will hold its annual meeting on the third Tuesday of May.")
    assert found == {"the third Tuesday of May": ("DATE", "2009-05-19", "")}
    found = read("Deliveries fell in the first week of October 2007.")
    assert found == {"the first week of October 2007": ("DATE", "2007-W40", "")}
    found = read("The machinists walked out in the second week of last month.")
    assert found == {"the second week of last month": ("DATE", "2008-W37", "")}
    found = read("The airshow opens on the first weekend of June.")
    assert found == {"the first weekend of June": ("DATE", "2009-W23-WE", "")}
    found = read("Bailout funds run out on the last Friday of the month.")
    assert found == {"the last Friday of the month": ("DATE", "2008-10-31", "")}
    # in a future clause, a week of the year that is over is next year's
    found = read("Deliveries will resume in the first week of the year.")
    assert found == {"the first week of the year": ("DATE", "2009-W01", "")}
    assert read("Sales fell in the final week of the year.")["the final week of the year"][1] == (
        "2008-W52"
    )
