"""Hypothesis strategies for texts the temporal engine and the proposals must survive: date-laden word
salad, any Unicode (odd spaces, line separators, byte-order marks), and both glued together."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

WORDS = (
    "on in the last next this early late mid Monday Friday May March July Dec. 7, 1998 2024 1990s '90s "
    "a year ago two weeks later the next day today now soon recently quarter third first half of fiscal "
    "10 a.m. noon every week daily €40 $20.9 billion 40 troops km and or to - between from , . ; \n "
    "other than of least more at up dozens minute hour year-ago yearend FY98 additional straight "
    "Valentine's Day New Year's Christmas winter fall season weekend 5th 'the company' ago century"
).split(" ")
fragments = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=40).map(" ".join)
weird = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",))
    | st.sampled_from(["\u00a0", "\u2009", "\t", "\r", "\n", "\u2028", "\ufeff"]),
    max_size=120,
)
texts = fragments | weird | st.tuples(fragments, weird).map("".join)
published = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
