"""Faster ways to the same results: each shortcut agrees with the slow path it replaced, on tricky input
(case the engine folds ignoring case: "ſ", "K"; line breaks; marks inside words; control bytes)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import replace

from dateline.core import eventtext, proposals
from dateline.core.happening import cluster, titles, wording
from dateline.core.happening import english as en
from dateline.core.model import Article
from dateline.core.readers import encoding
from dateline.core.readers.fingerprint import fingerprint
from dateline.core.temporal import find_timexes

_LEAD_IN_REGEX = re.compile(wording._LEAD_IN.pattern.pattern, re.IGNORECASE)
_CLAUSE_BREAK_REGEX = re.compile(r"\s*(?:[;:“”\"]|—|–|\s-\s|,(?=\s))\s*")


def test_a_dates_lead_in_words_are_cut_as_the_pattern_cuts_them() -> None:
    words = ["on", "the", "as", "of", "early", "ON", "ſince", "(on", "x-the", "2020", "said", "a"]
    ends = ["", " ", "  ", "\n", " \n", "\t"]
    for n in range(5):
        for combo in itertools.product(words, repeat=n):
            for end in ends:
                text = "He resigned " + " ".join(combo) + end
                assert wording._LEAD_IN.remove(text) == _LEAD_IN_REGEX.sub("", text), repr(text)


def test_a_date_keeps_the_words_before_its_lead_in() -> None:
    assert wording.cut_out("Jobs resigned on August 24 from his post", [(17, 26)]) == (
        "Jobs resigned from his post"
    )
    assert wording.cut_out("Jobs resigned ſince August 24", [(20, 29)]) == "Jobs resigned "


def test_clause_breaks_are_the_ones_the_pattern_without_its_gate_finds() -> None:
    marks = ["a", " ", "  ", ",", ", ", ";", " - ", "-", "—", "“", "”", '"', ":", "\n", "\t"]
    for n in range(5):
        for combo in itertools.product(marks, repeat=n):
            text = "".join(combo)
            got = [m.span() for m in eventtext._CLAUSE_BREAK.finditer(text)]
            assert got == [m.span() for m in _CLAUSE_BREAK_REGEX.finditer(text)], repr(text)


def test_binary_is_told_by_the_same_count_of_control_bytes() -> None:
    def slow(head: bytes) -> bool:
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 11, 12, 13, 27))
        return controls > max(8, len(head) // 50)

    samples = [bytes(range(256)), b"plain text\n" * 40, b"\x00\x01\x1b\t\n\r" * 3, b""]
    samples += [bytes([b]) * n for b in (0, 9, 27, 31, 32, 200) for n in (8, 9, 500, 600)]
    for head in samples:
        assert encoding._mostly_binary(head) == slow(head)


def test_a_fingerprint_is_what_it_was_before_its_word_hashes_were_kept() -> None:
    text = "The council approved the budget on Monday. The council approved the budget again."
    first = fingerprint(text)
    assert fingerprint(text) == first
    assert first.words == 13 and first.shingles == 8
    assert first.sketch[:2] == (736434000302726047, 1928393089742129013)


def _balanced_slow(text: str) -> str:
    for o, c in (("“", "”"), ("(", ")"), ("[", "]")):
        while text.count(o) > text.count(c):
            i = text.rfind(o)
            text = (text[:i] + text[i + 1 :]).replace("  ", " ")
        while text.count(c) > text.count(o):
            i = text.find(c)
            text = (text[:i] + text[i + 1 :]).replace("  ", " ")
    if text.count('"') % 2:
        i = text.rfind('"')
        text = (text[:i] + text[i + 1 :]).replace("  ", " ")
    return text.strip()


def _tight_slow(text: str) -> str:
    for mark in ",.;:!?)’”":
        text = text.replace(" " + mark, mark)
    for mark in "(“‘":
        text = text.replace(mark + " ", mark)
    return text


def test_title_marks_pair_and_hug_their_words_as_they_did() -> None:
    pieces = [" Jobs", "said", " “", "” ", "(", ")", "[", "]", '"', " ,", " .", "‘ ", " ’", "  "]
    for n in range(5):
        for combo in itertools.product(pieces, repeat=n):
            text = "".join(combo)
            assert wording.balanced(text) == _balanced_slow(text), repr(text)
            assert wording._tight(text) == _tight_slow(text), repr(text)


def _coordinated_slow(text: str, start: int, end: int, at: int) -> tuple[int, int, bool]:
    """``titles._coordinated`` as it was: every coordination mark up to the sentence's end read."""
    found: list[tuple[int, str]] = []
    for m in titles._COORDINATION.finditer(text, start):
        nxt = titles._NEXT_WORDS.match(text, m.end())
        if nxt is None:
            continue
        mark = m.group().strip()
        if ";" in mark or (mark.startswith(",") and mark != ","):
            found.append((m.end(), "strong"))
            continue
        first, second = nxt.groups()
        if titles._finite(first) or (
            first in en.GROUP_ADVERBS and second is not None and titles._finite(second)
        ):
            found.append((m.end(), mark))
    cuts = [start] + [
        at
        for n, (at, mark) in enumerate(found)
        if at < end and (mark != "," or any(m in ("and", "but") for _, m in found[n + 1 :]))
    ]
    cuts.append(end)
    k = max((n for n in range(len(cuts) - 1) if cuts[n] <= at), default=0)
    a, b = cuts[k], cuts[k + 1]
    own = k > 0 and not titles._finite(text[a:b].split(None, 1)[0] if text[a:b].split() else "")
    return a, b, own


def test_coordinated_verbs_are_cut_as_when_the_whole_sentence_was_read() -> None:
    words = ["sales", "tripled", "in", "2004,", "and", "but", "doubled;", "rose", "then", "will"]
    for n in range(1, 5):
        for combo in itertools.product(words, repeat=n):
            text = " ".join(combo)
            for end in {len(text), len(text) // 2, text.find(",") + 1}:
                for at in (-1, 0, len(text) // 3, end - 1):
                    got = titles._coordinated(text, 0, end, at)
                    assert got == _coordinated_slow(text, 0, end, at), (text, end, at)


def test_names_inside_sentences_are_found_as_without_the_capital_first_gate() -> None:
    slow = re.compile(r"(?<=[\w,;)’'”] )([A-Z][\w’'\-.&]*)")
    pieces = ["Apple", " ", "said", ",", ")", "’", "”", "(", "NATO's", "É", "iPhone", "\n", "'"]
    for n in range(6):
        for combo in itertools.product(pieces, repeat=n):
            text = "".join(combo)
            got = [m.span(1) for m in wording._NAME_INSIDE.finditer(text)]
            assert got == [m.span(1) for m in slow.finditer(text)], repr(text)


def test_an_event_of_one_report_is_made_as_one_of_several_reports_is() -> None:
    text = (
        "Council approves budget\n\nThe council approved the budget on Monday, the mayor said. "
        "The mayor resigned on 4 June 2013. The council approved the budget on Monday again."
    )
    article = Article(id="a", text=text, published=dt.date(2013, 6, 12))
    cands = proposals.candidates_for([article], {"a": find_timexes(text, article.published)})
    groups = cluster.cluster([c.profile for c in cands], proposals._order(cands))
    assert any(len(g.members) == 1 for g in groups) and any(len(g.members) > 1 for g in groups)
    for g in (g for g in groups if len(g.members) == 1):
        event = proposals._to_event(cands, g)
        # its one report named twice takes the general path, and makes the same event
        general = proposals._to_event(cands, cluster.Group(g.members * 2, dict(g.evidence)))
        assert event.sources == general.sources[:1] == general.sources[1:]
        assert replace(general, sources=event.sources) == event
    assert cluster._candidates({}, cands[0].profile, range(2013, 2014)) == []
