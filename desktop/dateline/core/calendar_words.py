"""English month and weekday names as people write them, for reading dates typed or printed in
metadata (the engine's own vocabulary lives in its language bundle)."""

from __future__ import annotations

_MONTH_FORMS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_WEEKDAY_FORMS = (
    ("monday", "mon"),
    ("tuesday", "tue", "tues"),
    ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)

# lower-case name or abbreviation -> 1..12
MONTHS: dict[str, int] = {n: i for i, names in enumerate(_MONTH_FORMS, start=1) for n in names}
# lower-case name or abbreviation -> 0 (Monday)..6
WEEKDAYS: dict[str, int] = {n: i for i, names in enumerate(_WEEKDAY_FORMS) for n in names}
