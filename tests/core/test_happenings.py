"""Happenings in news: the article's own news dated, reference points kept out, each clause its own
date, coarse dates that do not swallow other happenings, and one happening told different ways."""

from __future__ import annotations

import datetime as dt

from dateline.core.engine import propose
from dateline.core.eventtext import key_terms
from dateline.core.happening import profile
from dateline.core.happening.clauses import clauses
from dateline.core.happening.reference import reference_reason
from dateline.core.happening.same import Verdict, compare
from dateline.core.model import Article

TUE = dt.date(2021, 3, 9)


def events(*texts: str, published: dt.date | None = TUE):
    return propose([Article(f"a{i}", t, published=published) for i, t in enumerate(texts)])


def by_words(evs, *words):
    """The events with a source whose sentence holds every word."""
    return [
        e
        for e in evs
        if any(all(w.lower() in s.sentence.lower() for w in words) for s in e.sources)
    ]


# ---- 1. the news itself ----
def test_a_headline_and_lead_without_a_date_are_dated_to_the_publication_day():
    evs = events(
        "Harbour authority closes the old ferry terminal\n\n"
        "The harbour authority closed the old ferry terminal after an inspection found cracks.\n"
        "Passengers were sent to the north pier.\n"
    )
    (headline,) = by_words(evs, "closes the old ferry")
    assert headline.value == "2021-03-09"
    src = headline.sources[0]
    assert src.rule == "headline" and "publication date" in src.basis
    assert src.confidence < 0.9  # inferred, less sure than a date the text states
    assert any(e.value == "2021-03-09" for e in by_words(evs, "inspection found cracks"))


def test_the_lead_dates_the_news_when_it_says_when():
    evs = events(
        "Council approves the budget\n\n"
        "The city council approved the budget on Sunday after a long debate.\n"
        "The mayor thanked the members.\n"
    )
    (headline,) = by_words(evs, "Council approves")
    assert headline.value == "2021-03-07"  # the Sunday before publication, as the lead says
    assert "lead" in headline.sources[0].basis or len(headline.sources) > 1
    assert {e.value for e in by_words(evs, "mayor thanked")} == {"2021-03-07"}


def test_a_sentence_that_carries_on_a_dated_one_takes_its_date_and_says_so():
    evs = events(
        "In 2012, the brewery opened a second plant in Lyon. It then hired two hundred workers.",
        published=dt.date(2021, 3, 9),
    )
    (hired,) = by_words(evs, "hired two hundred")
    assert hired.value == "2012"
    assert "continues sentence 1" in hired.sources[0].basis


def test_plans_states_and_quotes_propose_no_undated_event():
    evs = events(
        "The plant will reopen after repairs. The company owns three plants. "
        "The museum is closed on Mondays. The group has branches in Oslo and Bergen."
    )
    assert evs == []
    # "has options": a state, even when the noun could be a verb's form
    evs = events("The airline ordered 12 ferries in 2019 and has options on six more.")
    assert [e.value for e in evs] == ["2019"]


def test_without_a_publication_date_nothing_undated_is_dated():
    assert events("The harbour authority closed the terminal.", published=None) == []


def test_a_sentence_counted_weeks_from_another_happening_is_not_the_storys_news():
    evs = events(
        "Ferry line cuts jobs\n\nThe ferry line merged with a rival in 2019.\n"
        "A month after the merger, 200 jobs were cut.\n"
    )
    assert by_words(evs, "200 jobs") == []
    # hours after it: still the day's news
    evs = events("Hours after the storm, the harbour closed.")
    assert [e.value for e in evs] == ["2021-03-09"]


def test_a_record_summed_up_to_now_is_not_the_days_news():
    evs = events(
        "Norvik unveils a ferry\n\nNorvik launched its first ferry in June 2007, and has since "
        "sold more than 40 of them.\nThe line has so far received $50 million in aid.\n"
        "In the biggest order since 1998, Baltic Lines has bought six ferries.\n"
    )
    assert by_words(evs, "has since sold") and all(
        e.value == "2007-06" for e in by_words(evs, "has since sold")
    )
    assert by_words(evs, "so far received") == []
    (order,) = by_words(evs, "biggest order")  # "since 1998" compares, it sums nothing up
    assert order.value == "2021-03-09"


def test_also_in_what_was_said_does_not_carry_the_sentence_before_on():
    evs = events(
        "Harbour fees rise\n\nThe harbour board met on Thursday.\nThe mayor said on Monday that "
        "fees would rise.\nAnalysts said shippers were also worried about delays.\n"
    )
    (analysts,) = by_words(evs, "Analysts said")
    assert analysts.sources[0].rule == "story"  # the day of the news, not the mayor's Monday


def test_a_contracted_negation_tells_no_happening():
    for text in (
        "The harbour master couldn't be reached for comment.",
        "Terms weren't disclosed.",
        "The ferry line didn't say when the route reopens.",
    ):
        assert clauses(text)[0].negated, text
        assert events(text) == [], text
    assert [c.tense for c in clauses("The pier won't reopen.")] == ["future"]


def test_what_is_said_after_a_year_told_as_background_is_dated_by_the_story():
    evs = events(
        "Anna Berg, who founded the ferry line in 1998, opened its new terminal yesterday.\n"
        "She said the line would hire 40 people.\n"
    )
    (said,) = by_words(evs, "She said")
    assert said.value == "2021-03-08" or said.sources[0].rule == "story"
    assert not [e for e in evs if e.value == "1998" and "She said" in e.sources[0].sentence]


def test_a_contrasting_while_does_not_time_the_sentence():
    evs = events("Norvik's ticket sales fell 30 percent, while Baltic Lines' fell 23 percent.")
    assert [e.value for e in evs] == ["2021-03-09"]
    # a clause of time with "while" still does
    assert events("The deputy ran the line while the chief underwent surgery.") == []


# ---- 2. reference points ----
def test_comparison_points_are_kept_out_of_the_timeline():
    for sentence, words in (
        ("Shares hit their lowest level since 1998 on Monday.", "1998"),
        ("Exports rose 4% compared to May 2019.", "May 2019"),
        ("Profit was up from 12% a year ago.", "a year ago"),
        ("Sales grew 8% over the same period last year.", "the same period"),
    ):
        start = sentence.index(words)
        assert reference_reason(sentence, start, start + len(words)), sentence
    evs = events("Exports rose 4% compared to May 2019.")
    assert not [e for e in evs if e.value.startswith("2019")]


def test_a_figure_compared_with_and_a_first_since_are_comparison_points():
    for sentence, words in (
        ("The yard built 212 ferries in 2019, up from 180 in 2018.", "2018"),
        ("The brewer lost $4 million, compared with a profit of $2 million in 2018.", "2018"),
        ("The index closed at 3,100 on Friday, its first close below 3,200 since March 2016.",
         "March 2016"),
        ("Visitors rose from fewer than 9,000 in 2001 to 30,000 last year.", "2001"),
        ("The index fell 7%, its worst day since the October 1987 crash.", "October 1987"),
        # a date given up for another is no date of anything
        ("The ferry will now sail in May instead of the end of March.", "the end of March"),
    ):  # fmt: skip
        start = sentence.index(words)
        assert reference_reason(sentence, start, start + len(words)), sentence
    evs = events("The yard built 212 ferries in 2019, up from 180 in 2018.")
    assert [e.value for e in evs] == ["2019"]
    # "first" dates the first time it happened unless a "since" makes it a comparison; "more
    # than" an amount is no comparison with the date after it
    for sentence, words in (
        ("The yard first built a ferry in 1998.", "1998"),
        ("Its share grew to more than 13% in September.", "September"),
    ):
        start = sentence.index(words)
        assert reference_reason(sentence, start, start + len(words)) == "", sentence


def test_a_figure_right_before_the_date_is_a_comparison_but_a_record_in_a_period_dates_it():
    sentence = "The ferry line carried 8,120 cars on Sunday, down from 9,450 a year ago."
    start = sentence.index("a year ago")
    assert "comparison" in reference_reason(sentence, start, start + len("a year ago"))
    assert [e.value for e in events(sentence)] == ["2021-03-07"]
    # so is last year's figure after a forecast; a stretch after "after" is no figure
    sentence = "The yard expects to launch 40 ferries this year, after 31 launches in 2020."
    at = sentence.index("2020")
    assert "comparison" in reference_reason(sentence, at, at + 4)
    sentence = "The harbour master retired after 30 years in 2020."
    assert reference_reason(sentence, at := sentence.index("2020"), at + 4) == ""
    # a record set in a period is dated by it; "since" still makes a comparison
    for sentence, words, value in (
        ("The yard launched a record 31 ferries in 2019.", "2019", "2019"),
        ("The brewer posted record sales in the third quarter of 2020.", "the third quarter", "2020-Q3"),
        ("The line was the busiest in the region until a rival overtook it in 2018.", "2018", "2018"),
    ):  # fmt: skip
        start = sentence.index(words)
        assert reference_reason(sentence, start, start + len(words)) == "", sentence
        assert value in [e.value for e in events(sentence)], sentence
    sentence = "The index posted its biggest drop since 2011."
    assert reference_reason(sentence, sentence.index("2011"), sentence.index("2011") + 4)
    # so does "since" a named happening and its date; a clause with a verb dates its happening
    for sentence, comparison in (
        ("The index had its worst day since the harbour strike of 1998.", True),
        ("Shares fell 7%, the biggest fall since the dock fire in 1998.", True),
        ("The yard has grown since the second dock was built in 1998.", False),
    ):  # fmt: skip
        at = sentence.index("1998")
        assert bool(reference_reason(sentence, at, at + 4)) is comparison, sentence


def test_a_fiscal_quarter_dates_no_happening_on_the_calendar():
    # where a company's year starts is not in the text: the quarter is kept as a date found,
    # and the report of the results is the article's news
    evs = events("The brewer said it earned $4 million in its fiscal second quarter.")
    assert [e.value for e in evs] == ["2021-03-09"]
    evs = events("During the first half of the financial year the brewer sold 2 million barrels.")
    assert not [e for e in evs if e.value.startswith("2021-H") or e.value.startswith("2020-H")]
    # a calendar quarter still dates its happening
    assert [
        e.value for e in events("The brewer earned $4 million in the fourth quarter of 2020.")
    ] == ["2020-Q4"]


def test_a_date_given_up_dates_nothing_and_the_new_date_dates_the_happening():
    for text, new in (
        ("The ferry strike was postponed from March 3 to March 10.", "2021-03-10"),
        ("The new terminal, originally planned for June, will open in September.", "2021-09"),
        ("The first sailing, initially scheduled for 2020, was delayed to May 2021.", "2021-05"),
    ):
        assert [e.value for e in events(text)] == [new], text
    sentence = "The vote had been delayed from February 20 after a dispute."
    at = sentence.index("February 20")
    assert "given up" in reference_reason(sentence, at, at + len("February 20"))
    # "first" with a happening's verb still dates it
    assert [e.value for e in events("The yard first built a ferry in 1998.")] == ["1998"]


def test_the_same_day_of_a_story_is_that_day_not_a_comparison_period():
    evs = events(
        "On March 3, the ferry line was sold, and the sale closed the following week. The same "
        "day, its chief executive resigned.",
        published=dt.date(2021, 4, 20),
    )
    (resigned,) = by_words(evs, "resigned")
    assert resigned.value == "2021-03-03"
    # "the same period last year" is still one to compare with
    sentence = "Ticket sales rose 8% over the same period last year."
    at = sentence.index("the same period")
    assert "comparison" in reference_reason(sentence, at, at + len("the same period last year"))
    sentence = "Ticket sales rose 8% in the same month last year."
    at = sentence.index("the same month")
    assert "comparison" in reference_reason(sentence, at, at + len("the same month last year"))


def test_a_record_since_a_happening_told_with_its_date_is_a_comparison():
    sentence = "It was the biggest fall since the harbour reopened after the March 3, 2011 storm."
    at = sentence.index("March 3, 2011")
    assert "comparison" in reference_reason(sentence, at, at + len("March 3, 2011"))
    # "at least" is no record
    sentence = "He has met her at least three times since he arrived on April 6."
    at = sentence.index("April 6")
    assert reference_reason(sentence, at, at + len("April 6")) == ""


def test_an_amount_counted_since_a_date_dates_nothing_but_a_when_after_it_does():
    sentence = "The brewer has lost $40 million since 2015, when it last made a profit."
    start = sentence.index("2015")
    assert "counted" in reference_reason(sentence, start, start + 4)
    evs = events(sentence + " The company said on Monday that sales fell.")
    (profit,) = [e for e in evs if e.value == "2015"]
    assert "last made a profit" in profit.title and "lost" not in profit.title
    # the reference point's "when" is background: the story goes on at its own date
    assert {e.value for e in evs if "sales fell" in e.title or "sales" in e.title} == {"2021-03-08"}


def test_since_after_a_state_gives_its_start():
    sentence = "The mine has been flooded since 2017."
    start = sentence.index("2017")
    assert reference_reason(sentence, start, start + 4) == ""


# ---- 3. each clause its own date ----
def test_two_happenings_in_one_sentence_get_their_own_dates():
    evs = events(
        "The club was founded in 1921, and it moved to the new stadium in 1998.",
        published=dt.date(2021, 3, 9),
    )
    founded = [e for e in evs if "founded" in e.title.lower()]
    moved = [e for e in evs if "moved" in e.title.lower() or "stadium" in e.title.lower()]
    assert [e.value for e in founded] == ["1921"]
    assert [e.value for e in moved] == ["1998"]


def test_a_date_dates_the_coordinated_verb_it_follows_not_an_as_clause_after_it():
    evs = events(
        "The brewer said on Monday it would cut 2,000 jobs and close six breweries by 2026 as it "
        "tries to return to profit."
    )
    (closing,) = [e for e in evs if e.value == "2026"]
    assert "close six breweries" in closing.title and "profit" not in closing.title
    found = clauses("The brewer will cut 2,000 jobs and close 14 plants by 2026 as it tries.")
    assert [(c.lemma, c.tense) for c in found] == [
        ("cut", "future"),
        ("close", "future"),  # the bare verb shares "will"
        ("try", "present"),
    ]
    # a verb whose past is its bare form ("cut", "set", "shut") shares "will" too, so it is not
    # dated by the day the plan was told of
    text = "The brewer said on Monday it will shut three plants by 2026 and cut 2,000 jobs."
    assert [(c.lemma, c.tense) for c in clauses(text)][-1] == ("cut", "future")
    assert [e.title for e in events(text) if e.title.startswith("Brewer cut")] == []
    found = clauses("Prices rose and wages fell.")
    assert [c.lemma for c in found] == ["rise", "fall"]  # "wages" before "fell" is a noun


def test_a_statement_is_dated_by_the_story_and_what_was_said_by_its_own_date():
    evs = events(
        "The governor said the bridge was completed in 2019.", published=dt.date(2021, 3, 9)
    )
    assert {e.value for e in evs} == {"2019", "2021-03-09"}


def test_a_headline_verb_after_a_plural_noun_is_the_verb():
    # "Harbour fees rise": "fees" is the subject's noun, "rise" its verb (headline present)
    found, after = clauses("Harbour fees rise after ferry traffic doubles", headline=True)
    assert (found.lemma, found.subject) == ("rise", "Harbour fees")
    assert (after.role, after.lemma) == ("subordinate", "double")  # a clause of time of its own


def test_clauses_know_their_verbs_tenses_and_roles():
    found = clauses("Ministers approved the plan on Friday, which delighted the unions.")
    assert [(c.role, c.lemma, c.tense) for c in found] == [
        ("main", "approve", "past"),
        ("relative", "delight", "past"),
    ]
    (headline,) = clauses("Harbour authority closes ferry terminal", headline=True)
    assert (headline.lemma, headline.tense) == ("close", "present")
    (plan,) = clauses("The bank plans to open ten branches.")
    assert plan.lemma == "open" and plan.irrealis


def test_a_clause_finds_its_verb_after_a_leading_phrase_or_an_of_phrase():
    (bought, closed) = clauses("In 1998 she bought the mill which was closed in 2009.")
    assert (bought.role, bought.lemma) == ("main", "buy")
    assert closed.role == "relative"
    (made,) = clauses("The revenue of the ferry line made up $3 million in 2006.")
    assert made.lemma == "make"
    first = clauses("In the late 1990s the town added a harbour, prompting the port to sue.")[0]
    assert first.lemma == "add"


def test_compared_to_is_a_comparison_not_a_clause():
    found = clauses("The firm sold 2 million kettles, up 28% and 50% compared to the year before.")
    assert [c.lemma for c in found if c.finite] == ["sell"]


def test_a_clause_knows_where_its_subject_and_verb_group_stand():
    s = "During a short ceremony, the mayor, Ana Silva, has opened the bridge."
    (c,) = clauses(s)
    assert s[c.subject_start : c.subject_end] == "the mayor"
    assert s[c.group_start : c.end] == "has opened the bridge"
    s = "During his speech he announced a new tram line."
    (c,) = clauses(s)
    assert s[c.subject_start : c.subject_end] == "he"
    s = "A depot in Lyon, France will open."
    (c,) = clauses(s)
    assert s[c.subject_start : c.subject_end] == "A depot in Lyon, France"


def test_a_leading_date_then_a_subject_keeps_the_verb_before_the_comma():
    # "On Monday" ends where "the ferry line" begins: its verb is before the comma, and the
    # date is the jump's, not the "after" clause's
    text = (
        "On Sunday the ferry line had carried 9,120 cars, its busiest day ever, after the bridge "
        "closed for repairs."
    )
    assert [(c.role, c.lemma) for c in clauses(text)] == [
        ("main", "carry"),
        ("subordinate", "close"),
    ]
    (carried,) = events(text)
    assert carried.value == "2021-03-07" and "carried 9,120 cars" in carried.title
    # a leading phrase with a participle still ends at its comma
    found = clauses("During a storm remembered for decades, the ferry line carried 40 cars.")
    assert [(c.role, c.lemma) for c in found] == [("main", "carry")]


def test_an_of_inside_the_subject_is_no_leading_phrase():
    text = (
        "Hundreds of Norvik dockers protested on Monday against the plan to cut 200 jobs, which "
        "the board announced on Friday."
    )
    assert [(c.role, c.lemma) for c in clauses(text)] == [
        ("main", "protest"),
        ("relative", "announce"),
    ]
    (protest,) = [e for e in events(text) if e.value == "2021-03-08"]
    assert "protested" in protest.title


def test_a_reported_figures_quarter_is_its_period_and_the_day_told_dates_the_report():
    (report,) = events("Norvik will report its fourth-quarter results on Thursday.")
    assert report.value == "2021-03-11"
    # without a day, the quarter dates it; and a year-back comparison is no such day
    assert [e.value for e in events("Norvik posted a fourth-quarter loss of $4 million.")] == [
        "2020-Q4"
    ]


def test_a_happening_named_by_its_noun_after_after_is_titled_by_it():
    evs = events(
        "Norvik delivered its first seaplane in October 2019, two years after the plane's maiden "
        "flight in April 2017."
    )
    (flight,) = [e for e in evs if e.value == "2017-04"]
    assert flight.title == "Plane's maiden flight"


# ---- 4. coarse dates do not swallow other happenings ----
def test_year_mentions_by_different_actors_stay_apart():
    evs = events(
        "Volvo will close its plant in Ghent by 2008, the carmaker said.",
        "Renault will close its plant in Vilvoorde by 2008, the carmaker said.",
        "Opel will close its plant in Antwerp by 2008, the carmaker said.",
    )
    closures = [e for e in evs if e.value == "2008"]
    assert len(closures) == 3
    assert all(len({s.document for s in e.sources}) == 1 for e in closures)


def test_merging_never_chains_reports_whose_dates_disagree():
    evs = events(
        "The regulator fined the airline on 3 May 2019.",
        "The regulator fined the airline in 2019.",
        "The regulator fined the airline on 9 November 2019.",
    )
    for e in evs:
        days = {s.value for s in e.sources if s.value.count("-") == 2}
        assert len(days) <= 1, e  # 3 May and 9 November never share an event


def test_one_company_doing_one_kind_of_thing_twice_in_a_year_is_suggested_not_merged():
    evs = events(
        "Last month Norvik delivered its first ferry to Baltic Lines.",
        "Norvik expects to deliver 40 vessels this year.",
    )
    assert all(len({s.document for s in e.sources}) == 1 for e in evs)
    first, forecast = by_words(evs, "first ferry")[0], by_words(evs, "40 vessels")[0]
    found = compare(profile.of_proposal(first), profile.of_proposal(forecast))
    assert found.verdict == Verdict.SUGGEST and "same actor Norvik" in found.reasons


def test_one_companys_reports_of_a_year_with_different_counts_stay_apart():
    evs = events(
        "Norvik plans to deliver 13 ferries in 2020.",
        "Norvik delivered 12 ferries in 2020, fewer than planned.",
        "Norvik delivered 12 ferries in 2020, its shipyard said.",
    )
    (delivered,) = [e for e in evs if len(e.sources) > 1]
    assert {s.document for s in delivered.sources} == {"a1", "a2"}
    # a year naming a noun ("its 40th ferry of 2020") does not date the delivery told that day
    evs = events("Norvik delivered its 40th ferry of 2020 on Monday.")
    assert [e.value for e in evs] == ["2021-03-08"]


# ---- 5. one happening, different words ----
def test_said_yesterday_and_a_press_conference_on_that_day_are_one_statement():
    evs = events(
        "Mayor Lindqvist said yesterday that the tram line will open in June.",
        "At a press conference on 8 March, Mayor Lindqvist said the tram line would open in June.",
    )
    statements = [e for e in evs if e.value == "2021-03-08"]
    assert len(statements) == 1 and {s.document for s in statements[0].sources} == {"a0", "a1"}
    assert "same speaker Lindqvist" in statements[0].sources[-1].joined


def test_posted_a_loss_and_lost_are_one_happening():
    evs = events(
        "The brewer lost $4.2 million in 2020, its first loss in a decade.",
        "The brewer posted a net loss of $4.2 million last year.",
        "The brewer had an operating loss of $4.2 million in 2020, the company said.",
    )
    (loss,) = [e for e in evs if e.value == "2020"]
    assert {s.document for s in loss.sources} == {"a0", "a1", "a2"}
    assert "both lost" in loss.sources[-1].joined
    # another company's loss that year stays apart
    evs = events("The brewer lost $4.2 million in 2020.", "The distiller posted a loss in 2020.")
    assert all(len(e.sources) == 1 for e in evs)


def test_agreed_on_a_day_to_buy_tells_a_purchase_like_agreed_to_buy():
    assert [c.lemma for c in clauses("The brewer agreed on Sunday to buy a rival.")] == ["buy"]
    assert [c.lemma for c in clauses("The union voted late Monday to strike.")] == ["strike"]
    evs = events(
        "The brewer agreed on Sunday to buy Norvik Ales for $40 million.",
        "Norvik Ales was bought by the brewer on Sunday for $40 million.",
    )
    (deal,) = [e for e in evs if e.value == "2021-03-07"]
    assert {s.document for s in deal.sources} == {"a0", "a1"}


def test_a_figure_rounded_in_one_report_is_the_figure_of_the_other():
    evs = events(
        "Norway's Oslo Bors index fell 4.3 percent on Monday to close at 1,473.",
        "The Oslo Bors dropped 4.25 percent on Monday.",
    )
    (fall,) = [e for e in evs if e.value == "2021-03-08"]
    assert {s.document for s in fall.sources} == {"a0", "a1"}
    assert "1473" in key_terms("It closed at 1,473.")  # the full stop is no decimal
    # a round sum is not another's rounded, and two reports without a name in common stay apart
    evs = events(
        "Ferry revenue dropped to $1 billion in 2020.",
        "Bus revenue dropped to $1.27 billion in 2020.",
    )
    assert all(len(e.sources) == 1 for e in evs)


def test_resigned_and_stepped_down_are_one_resignation_but_unveiled_and_released_may_be_two():
    evs = events(
        "Norvik Lines chief Anna Berg resigned yesterday after eight months in the job.",
        "Anna Berg stepped down as chief executive of Norvik Lines on Monday.",
    )
    (resigned,) = [e for e in evs if e.value == "2021-03-08"]
    assert {s.document for s in resigned.sources} == {"a0", "a1"}
    assert "both resign" in resigned.sources[-1].joined
    evs = events(
        "Norvik unveiled the Model 9 ferry on Monday.",
        "Norvik released a software update for its ferries on Monday.",
    )
    assert all(len(e.sources) == 1 for e in evs)


def test_one_actors_moves_with_different_figures_are_two_moves():
    evs = events(
        "In late trading on Monday, the Oslo index fell 51.20 points to 1,527.29.",
        "In early trading on Monday, the Oslo index fell 48.85 points to 1,478.44.",
    )
    assert all(len(e.sources) == 1 for e in evs)  # suggested, as the analyst may know better


def test_a_launch_in_a_year_joins_the_launch_on_a_day_of_that_year():
    evs = events(
        "Northwind launched its streaming service on 14 April 2016.",
        "Northwind launched its streaming service in 2016, and it now has a million users.",
    )
    launches = [e for e in evs if e.value == "2016-04-14"]
    assert len(launches) == 1
    assert {s.document for s in launches[0].sources} == {"a0", "a1"}


def test_the_same_day_at_different_clock_times_is_one_day():
    evs = events(
        "The storm reached the coast at 6 p.m. on Monday, the weather service said.",
        "The storm reached the coast on Monday at 18:00, forecasters said.",
    )
    storms = [e for e in evs if "storm" in e.title.lower() and e.earliest == dt.date(2021, 3, 8)]
    assert len(storms) == 1


def test_news_reported_the_day_after_joins_the_dated_report():
    evs = propose(
        [
            Article("a0", "Rector resigns\n\nThe university rector resigned.\n", published=TUE),
            Article(
                "a1",
                "On 8 March, the university rector resigned after the audit.",
                published=dt.date(2021, 3, 20),
            ),
        ]
    )
    (resigned,) = [e for e in evs if e.value == "2021-03-08"]
    assert {s.document for s in resigned.sources} == {"a0", "a1"}
    assert any("reported 1 day after" in s.joined for s in resigned.sources)


def test_a_merge_is_explained_in_the_words_the_reports_use():
    evs = events(
        "Northwind launched its streaming service on 14 April 2016.",
        "Northwind launched its streaming service in 2016, and it now has a million users.",
    )
    (launch,) = [e for e in evs if e.value == "2016-04-14"]
    joined = next(s.joined for s in launch.sources if s.joined)
    # the words as written, never the stems or classes the matcher compares ("stream", "introduce")
    assert "both launched" in joined and "streaming" in joined and "Northwind" in joined
    assert "stream," not in joined and "introduce" not in joined


def test_a_merge_suggestion_says_what_the_two_events_share(tmp_path):
    from dateline.core import services
    from dateline.core.ingest import import_paths
    from dateline.core.store import Store

    for name, text in {
        "a.txt": "published: 2021-03-09\n\nProtesters blocked the entrance of the ministry on 8 March.",
        "b.txt": "published: 2021-04-10\n\nIn March, protesters blocked roads around the city and the "
        "offices of the ministry.",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "p.db") as store:
        import_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"])
        pairs = services.merge_suggestions(store)
        assert len(pairs) == 1, "the two reports are offered as one happening"
        a, b, _ = pairs[0]
        reason = services.suggestion_reason(store, a, b)
        # a month and a day of it, the same kind of happening: offered, not joined
        assert "both blocked" in reason and "ministry" in reason
        assert services.suggestion_reason(store, a, a + b + 100) == ""


def test_the_date_of_a_source_the_news_is_attributed_to_dates_nothing():
    sentence = (
        "The ferry line became the busiest in Brittany in May, according to passenger counts "
        "published June 4 by the port authority."
    )
    start = sentence.index("June 4")
    assert reference_reason(sentence, start, start + len("June 4"))
    evs = events(sentence, published=dt.date(2021, 6, 9))
    assert {e.value for e in evs} == {"2021-05"}


def test_a_year_naming_an_agreement_does_not_date_the_sentence_that_dates_it_otherwise():
    evs = events(
        "The union's complaint, filed in March 2019, says the port breached the 1998 agreement "
        "on night shifts.",
        published=dt.date(2021, 3, 9),
    )
    assert "1998" not in {e.value for e in evs}
    assert "2019-03" in {e.value for e in evs}
