"""English month and weekday names: the one table of them, and the forms derived from it.

Read by the English language bundle (``temporal.english``: what "Sept." means, the patterns' names), by
the readers of dates typed or printed in metadata, and by every label, export and message (which name
months and days in English whatever the process locale: ``calendar``'s names follow LC_TIME, and labels
end up in stored titles and exports). A second language's bundle brings its own words; the app's own
labels stay English.
"""

from __future__ import annotations

# Each name, the abbreviation labels use, then any other abbreviation people write.
_MONTH_FORMS = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May", "May"),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sep", "Sept"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)
_WEEKDAY_FORMS = (
    ("Monday", "Mon"),
    ("Tuesday", "Tue", "Tues"),
    ("Wednesday", "Wed"),
    ("Thursday", "Thu", "Thur", "Thurs"),
    ("Friday", "Fri"),
    ("Saturday", "Sat"),
    ("Sunday", "Sun"),
)

# by month number: MONTH_NAMES[10] == "October", MONTH_ABBR[10] == "Oct" (index 0 is "")
MONTH_NAMES: tuple[str, ...] = ("", *(forms[0] for forms in _MONTH_FORMS))
MONTH_ABBR: tuple[str, ...] = ("", *(forms[1] for forms in _MONTH_FORMS))
# by ``date.weekday()``: WEEKDAY_NAMES[0] == "Monday", DAY_ABBR[0] == "Mon"
WEEKDAY_NAMES: tuple[str, ...] = tuple(forms[0] for forms in _WEEKDAY_FORMS)
DAY_ABBR: tuple[str, ...] = tuple(forms[1] for forms in _WEEKDAY_FORMS)

# lower-case name or abbreviation -> 1..12
MONTHS: dict[str, int] = {
    n.lower(): i for i, forms in enumerate(_MONTH_FORMS, start=1) for n in forms
}
# lower-case name or abbreviation -> 0 (Monday)..6
WEEKDAYS: dict[str, int] = {n.lower(): i for i, forms in enumerate(_WEEKDAY_FORMS) for n in forms}


def _shortened(table: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    return tuple(
        a for forms in table for a in sorted(set(forms[1:]) - {forms[0]}, key=len, reverse=True)
    )


# The abbreviations that are not the whole name, each name's longest first (for patterns):
# "Jan", ..., "Sept", "Sep", ... (no "May"); "Mon", "Tues", "Tue", ...
MONTH_SHORT_FORMS: tuple[str, ...] = _shortened(_MONTH_FORMS)
WEEKDAY_SHORT_FORMS: tuple[str, ...] = _shortened(_WEEKDAY_FORMS)
