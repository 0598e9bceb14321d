"""What is evidence that two reports tell one happening when no actor is named in both: words that say
what happened, not the words of the kind both tell ("closed", "fell", "was named") nor a market's
vocabulary ("stocks", "shares"), and never a chain through a third report."""

from __future__ import annotations

import datetime as dt

from dateline.core import services
from dateline.core.engine import propose
from dateline.core.happening import profile as profiles
from dateline.core.happening.cluster import cluster
from dateline.core.happening.same import Verdict, compare
from dateline.core.model import Article
from dateline.core.store import Store

THU = dt.date(2021, 3, 11)


def _events(*texts: str, published: dt.date = THU):
    return propose([Article(f"a{i}", t, published=published) for i, t in enumerate(texts)])


def _articles(*texts: str) -> list[str]:
    """Articles with a headline of their own, so that each text's sentence is a report of the body."""
    return [f"Report {i}\n\n{t}" for i, t in enumerate(texts)]


def _joined(evs, words: str, verb: str = "") -> set[str]:
    """The articles of the event holding a source whose sentence has ``words`` (and, for a sentence
    telling two happenings, whose quoted words are ``verb``)."""
    (event,) = [
        e
        for e in evs
        if any(
            words.lower() in s.sentence.lower() and (not verb or s.text == verb) for s in e.sources
        )
    ]
    return {s.document for s in event.sources}


def _profile(text: str, article: str, published: dt.date = THU):
    found = propose([Article(article, "Headline.\n\n" + text, published=published)])
    (p,) = [p for p in found if p.sources[0].start > len("Headline.")]
    return profiles.of_proposal(p)


# ---- must not merge: the kind and the day are all they share ----


def test_two_markets_closing_on_the_same_day_are_two_happenings():
    tokyo = "In Tokyo, stocks closed lower on Wednesday in active trading."
    london = "In London, stocks closed lower on Wednesday after a quiet session."
    evs = _events(*_articles(tokyo, london))
    assert _joined(evs, "In Tokyo") == {"a0"}
    found = compare(_profile(tokyo, "a"), _profile(london, "b"))
    assert found.verdict == Verdict.SUGGEST  # offered to the analyst, not joined
    assert "both fall" in found.explain([tokyo, london])  # "closed lower": a fall


def test_a_market_close_and_a_company_s_close_the_same_morning_are_two_happenings():
    """Both dated by the day their articles came out: "closed" and "shares" are in every report of
    that day's trading."""
    tokyo = "In Tokyo, stocks closed lower but above intraday lows in active trading."
    retailer = "On the Toronto Stock Exchange, Hudson's Bay shares closed at C$35, up 12.5 cents."
    evs = _events(*_articles(tokyo, retailer))
    assert _joined(evs, "In Tokyo") == {"a0"}
    assert compare(_profile(tokyo, "a"), _profile(retailer, "b")).verdict < Verdict.MERGE


def test_markets_closing_elsewhere_are_no_copy_of_the_first_market_s_close():
    """Every word of the shorter report is in the longer one, but they are the kind's and a
    market's: no copy of one report."""
    evs = _events(
        "European markets\n\nLondon share prices closed sharply lower Friday in active trading. "
        "Elsewhere, share prices closed lower in Paris, Zurich and Stockholm."
    )
    assert len([e for e in evs if any(s.text in ("Friday", "closed") for s in e.sources)]) == 2


def test_two_companies_stock_falls_are_not_one_for_the_word_stock():
    """ "The stock fell" tells of a stock named before: its actor is unknown, not none, and does
    not become Norvik's for sharing "stock" and "fell"."""
    norvik = "Norvik Savings Bank's stock fell sharply on Wednesday."
    chips = "Tarvik Micro found a flaw in its chip. The stock fell 12% on Wednesday on the news."
    evs = _events(*_articles(norvik, chips))
    assert _joined(evs, "Norvik Savings") == {"a0"}
    a = _profile(norvik, "a")
    (b,) = [
        profiles.of_proposal(e)
        for e in propose([Article("b", "Headline.\n\n" + chips, published=THU)])
        if "stock fell" in e.sources[0].sentence
    ]
    assert compare(a, b).verdict == Verdict.SUGGEST


def test_a_stock_that_plummeted_the_day_its_article_came_out_is_not_another_s_fall():
    bank = "Norvik Savings Bank's stock plummeted after the bank suspended its dividend."
    chips = "Tarvik Micro found a flaw in its chip. The stock fell 7/8 Thursday amid concerns."
    evs = _events(*_articles(bank, chips))
    assert _joined(evs, "plummeted") == {"a0"}


def test_two_people_named_to_posts_on_one_day_are_two_appointments():
    evs = _events(
        *_articles(
            "Jan Holm was named chief executive of Norvik Bank.",
            "No successor was named, the insurer said.",
        )
    )
    assert _joined(evs, "Jan Holm") == {"a0"}


def test_two_vessels_sinking_on_one_day_share_only_the_verb():
    ferry = "The ferry sank off Ushant on Monday."
    barge = "A barge loaded with timber sank on Monday."
    evs = _events(*_articles(ferry, barge))
    assert _joined(evs, "ferry sank") == {"a0"}
    assert compare(_profile(ferry, "a"), _profile(barge, "b")).verdict == Verdict.SUGGEST


# ---- must still merge: the same happening in other words, its actor named in one report only ----


def test_a_resignation_named_in_one_report_and_not_the_other_is_one_happening():
    evs = _events(
        *_articles(
            "The finance minister resigned on Tuesday after the budget vote.",
            "Finance Minister Ana Lind resigned Tuesday, hours after the budget vote failed.",
        )
    )
    assert _joined(evs, "minister resigned") == {"a0", "a1"}


def test_a_sinking_told_with_other_words_is_one_happening():
    evs = _events(
        *_articles(
            "The ferry sank off Ushant on Monday.",
            "A passenger ferry sank near the island on Monday, the coastguard said.",
        )
    )
    assert _joined(evs, "off Ushant") == {"a0", "a1"}


BOMBINGS = "The bombings in the capital on Friday killed 20 people and injured 5,000."
ATTACKS = "The attacks on Friday killed 22 and injured 4,800."


def test_the_injured_of_one_bombing_counted_in_two_articles_are_one_happening():
    """Clauses that take their date and subject from the clause before them ("... killed 20 people
    and injured nearly 500") say little besides their verb: the kind on the day the text gives is
    the evidence."""
    evs = _events(*_articles(BOMBINGS, ATTACKS))
    assert _joined(evs, "injured 5,000", "injured") == {"a0", "a1"}


def test_a_merge_says_what_the_reports_share_besides_their_kind():
    evs = _events(
        *_articles(
            "The ferry sank off Ushant on Monday.",
            "A passenger ferry sank near the island on Monday, the coastguard said.",
        )
    )
    joined = [s.joined for e in evs for s in e.sources if s.joined]
    assert joined and "ferry" in joined[0] and "same day" in joined[0]


# ---- chains ----

PLANT = "The carmaker closed its plant near Tromso on Monday, ending 40 years of production."
BOTH = "The company closed the plant and the grain warehouse on Monday."
WAREHOUSE = "The retailer closed its old grain warehouse on Monday."


def test_a_report_does_not_join_a_happening_through_another_report_it_shares_nothing_with():
    plant, both, warehouse = (
        _profile(t, n) for t, n in ((PLANT, "a"), (BOTH, "b"), (WAREHOUSE, "c"))
    )
    assert compare(plant, both).verdict == Verdict.MERGE
    assert compare(both, warehouse).verdict == Verdict.MERGE
    assert compare(plant, warehouse).verdict == Verdict.NONE
    groups = cluster([plant, both, warehouse])
    assert sorted(sorted(g.members) for g in groups) == [[0, 1], [2]]
    evs = _events(*_articles(PLANT, BOTH, WAREHOUSE))
    assert _joined(evs, "old grain warehouse") == {"a2"}


def _import(tmp_path, *texts: str, published: str = "2021-03-11"):
    """Each text imported as an article of its own, one import after the other; the stored events
    as sets of the articles (numbered from 0) their sources come from."""
    store = Store.open(tmp_path / "p.db")
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"published: {published}\n\nReport {i}\n\n{text}\n", encoding="utf-8")
        services.import_and_extract(store, [path])
    names = {d.id: int(d.path.rsplit("/", 1)[-1].split(".")[0]) for d in store.documents()}
    events = store.events(store.event_ids())
    return store, [{names[s.document_id] for s in e.sources} for e in events]


def test_an_import_does_not_join_a_report_to_an_event_through_one_of_its_reports(tmp_path):
    store, events = _import(tmp_path, PLANT, BOTH, WAREHOUSE)
    assert {0, 1} in events and {2} in events
    assert len(services.merge_suggestions(store)) == 1  # offered to the analyst instead
    store.close()


def test_an_import_joins_and_keeps_apart_what_extracting_together_does(tmp_path):
    store, events = _import(
        tmp_path,
        "In Tokyo, stocks closed lower on Wednesday in active trading.",
        "In London, stocks closed lower on Wednesday after a quiet session.",
        "The finance minister resigned on Tuesday after the budget vote.",
        "Finance Minister Ana Lind resigned Tuesday, hours after the budget vote failed.",
    )
    assert {0} in events and {1} in events
    assert {2, 3} in events
    store.close()


def test_an_import_joins_the_injured_of_one_bombing_as_extracting_together_does(tmp_path):
    """A stored report dated by the clause before it is not dated by its story's day: the day the
    text gives holds for it in an import as it does when articles are extracted together."""
    store, events = _import(tmp_path, BOMBINGS, ATTACKS)
    assert events.count({0, 1}) == 1
    store.close()


def test_a_stored_report_is_dated_by_its_story_only_when_its_basis_says_so():
    from dateline.core.happening.profile import dated_by_story

    text = (
        "Norvik Steel shuts its Tromso plant\n\nThe plant closed on Monday and the workers left. "
        "Norvik Steel also sold its warehouse in Bergen. Prices of steel rose."
    )
    evs = propose([Article("a", text, published=THU)])
    told = {(s.rule, dated_by_story(s.basis)) for e in evs for s in e.sources if s.basis}
    assert told == {("headline", True), ("continues", False), ("story", True)}
