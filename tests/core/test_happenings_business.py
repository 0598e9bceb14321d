"""Business and market news read right: which clause a date belongs to when a participle, a
demand or an aside stands between, plans given up, years that only name a document, and a
session's price moves told one after another."""

from __future__ import annotations

import datetime as dt

from dateline.core.engine import propose
from dateline.core.happening.clauses import clauses
from dateline.core.model import Article

FRI = dt.date(2010, 3, 12)  # a Friday


def titled(text: str, published: dt.date = FRI) -> dict[str, list[str]]:
    """The titles of the events proposed from ``text``, by date."""
    out: dict[str, list[str]] = {}
    for e in propose([Article(id="a", text=text, published=published)]):
        out.setdefault(e.value, []).append(e.title)
    return out


def roles(sentence: str) -> list[tuple[str, str]]:
    return [(c.role, c.lemma) for c in clauses(sentence)]


def test_a_clause_of_time_after_an_aside_is_a_clause_of_its_own():
    # the part after the aside had no subject of its own, so "after" was read as a preposition
    # and the clause's date went to "failed"
    assert roles(
        "The motion, which cleared the lower house on Tuesday, failed after opposition members "
        "walked out of the chamber."
    ) == [("relative", "clear"), ("main", "fail"), ("subordinate", "walk")]


def test_what_is_demanded_is_not_dated_as_the_demand_nor_as_the_clause_before():
    sentence = (
        "The rescue plan collapsed on Wednesday after lenders demanded that the shipyard's "
        "workers give up their bonuses by the end of 2011."
    )
    assert roles(sentence)[-1][0] == "complement"
    assert clauses(sentence)[-1].tense == "modal"  # what should happen, not what did
    found = titled(sentence)
    assert found["2010-03-10"] == ["Rescue plan collapsed"]
    assert "collapsed" not in " ".join(found.get("2011", []))


def test_a_participle_after_its_noun_takes_the_date_that_follows_it():
    found = titled(
        "The ministry said on Thursday that it would pay the contractors from the emergency fund "
        "approved in November."
    )
    assert found["2009-11"] == ["Emergency fund approved"]
    assert any("ministry" in t.lower() for t in found["2010-03-11"])


def test_a_participle_phrase_ends_at_the_attribution_after_it():
    found = titled("Sales rose 6 percent at branches opened in June, the bank said on Tuesday.")
    assert found["2009-06"] == ["Branches opened"]
    assert any(t.startswith("Bank said") for t in found["2010-03-09"])
    assert all("said" not in t for t in found["2009-06"])


def test_a_plan_as_it_stood_before_dates_nothing():
    found = titled(
        "The builder had originally planned to open the bridge in early 2009 and finish the "
        "approach roads in May 2009. It was initially due to carry traffic by the summer of 2009."
    )
    assert found == {}


def test_a_year_that_names_a_document_dates_no_modal_or_negated_clause():
    found = titled(
        "Under the 2004 lease, the tenant may leave if the roof is not repaired. "
        "The 1996 rules do not allow fishing near the reef."
    )
    assert "2004" not in found and "1996" not in found
    # a year naming what will happen still dates it
    assert titled("The 2012 Summer Games will be held in the capital.")


def test_a_price_move_after_a_dated_move_is_of_the_same_session():
    found = titled(
        "Rates up, markets down\n\n"
        "The central bank raised its key rate on Wednesday night.\n"
        "European markets slumped on Thursday, with the DAX closing down 3.1 percent.\n"
        "Bank shares dropped more than 6 percent.\n"
        "The finance minister said the rise was needed."
    )
    assert sorted(found["2010-03-11"]) == [
        "Bank shares dropped more than 6 percent",
        "European markets slumped, with the DAX closing down 3.1 percent",
    ]
    # what is said after them is dated by the story's lead, as before
    assert "Finance minister said the rise was needed" in found["2010-03-10TNI"]


def test_a_close_told_down_or_up_is_a_fall_or_a_rise():
    assert roles("Shares of the airline closed down 4.2 percent.") == [("main", "fall")]
    assert roles("The index ended higher.") == [("main", "rise")]
    assert roles("The carmaker closed down the plant in May.") == [("main", "close")]
    evs = propose(
        [
            Article(
                id="a", text="Shares in Norvia fell 4.2 percent in Oslo on Friday.", published=FRI
            ),
            Article(id="b", text="Norvia shares closed down 4.2 percent on Friday.", published=FRI),
        ]
    )
    assert len(evs) == 1 and len(evs[0].sources) == 2


def test_a_delivery_that_had_been_due_is_a_plan_given_up():
    sentence = (
        "The airline, which had been due to receive its first jet in May 2011, said it would wait."
    )
    (relative, *_) = clauses(sentence)
    assert relative.lemma == "receive" and relative.prospective and relative.given_up
    assert "2011-05" not in titled(sentence)


def test_a_move_by_a_figure_from_a_year_is_measured_from_it():
    found = titled("The brewer sold 9 million barrels last year, down 12 percent from 2007.")
    assert "2007" not in found
    assert found["2009"] == ["Brewer sold 9 million barrels"]
    # a range that starts from a date is still a range
    assert "2010-01/2010-03" in {
        e.value if e.end is None else f"{e.value}/{e.end}"
        for e in propose(
            [
                Article(
                    id="a",
                    text="Trade\n\nExports rose 8 percent from January to March.",
                    published=FRI,
                )
            ]
        )
    }


def test_a_clause_opened_by_as_and_a_name_has_that_name_for_its_subject():
    assert roles("The strike comes as Norvia is still recovering from a fire.") == [
        ("main", "come"),
        ("subordinate", "recover"),
    ]
    found = titled(
        "Lumen will present its new scanner on Friday.\n"
        "The launch comes as Norvia is still recovering from a recall of its X5 scanner, which it "
        "withdrew from shops on Monday after two fires."
    )
    assert found["2010-03-08"] == ["Norvia withdrew from shops"]


def test_its_happening_is_the_clause_subjects_even_after_an_aside():
    # "The 787," ends on a number but is no age ("Wonham, 58,"): the aside after it is one
    found = titled(
        "The V40, built largely of aluminium, has won 300 orders since its launch in April 2006."
    )
    assert found["2006-04"] == ["V40’s launch"]


def test_one_indexs_move_told_with_other_figures_is_one_happening():
    def sources(first: str, second: str) -> list[int]:
        evs = propose(
            [
                Article(id="a", text=f"Markets\n\n{first}", published=FRI),
                Article(id="b", text=f"Stocks\n\n{second}", published=FRI),
            ]
        )
        return sorted(len(e.sources) for e in evs if "Hang Seng" in e.title)

    told = "The Hang Seng Index plunged 1,208 points, or 5.4 percent, on Tuesday."
    # one figure in common, the points rounded in one report: one move
    assert sources(
        told, "The Hang Seng dropped 1,208.33 points to close at 21,160.43 on Tuesday."
    ) == [2]
    # no figure in common: two moves of that index
    assert sources(told, "The Hang Seng dropped 300 points to close at 21,160.43 on Tuesday.") == [
        1,
        1,
    ]


def test_a_days_possessive_after_the_verb_dates_its_noun_not_the_clause():
    found = titled(
        "Copper prices fell on Wednesday.\n"
        "The slide erased most of Monday's record 9 percent gain.\n"
        "Traders cheered Tuesday's announcement by the miners' union."
    )
    # the erasing is the story's (Wednesday's), not Monday's; an announcement is a happening of
    # its own day
    assert "2010-03-08" not in found
    assert found["2010-03-09"] == ["Traders cheered the announcement by the miners' union"]
    assert "Slide erased most of Monday's record 9 percent gain" in found["2010-03-10"]


def test_what_was_said_after_a_short_subject_with_a_regular_past_is_its_own_clause():
    assert roles("The chairman said the bank planned to shut 40 branches by 2012.") == [
        ("main", "say"),
        ("complement", "shut"),
    ]
    assert roles("She said Norvia remained on track.") == [
        ("main", "say"),
        ("complement", "remain"),
    ]
    # a possessive is no subject of its own: "Norvia's bid" is a noun phrase
    assert "bid" not in [lemma for _, lemma in roles("He said Norvia's bid offered too little.")]
    found = titled("The chairman said the bank planned to shut 40 branches by 2012.")
    assert found["2012"] == ["Bank planned to shut 40 branches"]


def test_an_order_signed_and_an_order_placed_are_one_order():
    evs = propose(
        [
            Article(
                id="a",
                text="Orders\n\nNorsk Air signed a firm order for 30 Lumen jets on Monday.",
                published=FRI,
            ),
            Article(
                id="b",
                text="Jets\n\nNorsk Air ordered 30 jets from Lumen on Monday.",
                published=FRI,
            ),
        ]
    )
    assert any(len({s.document for s in e.sources}) == 2 for e in evs)


def test_a_headlines_quarterly_loss_is_the_news_of_its_leads_day():
    found = propose(
        [
            Article(
                id="a",
                text="Norvia posts $2.1 billion fourth-quarter loss\n\n"
                "Norvia Motors reported a fourth-quarter loss of $2.1 billion on Thursday.",
                published=FRI,
            )
        ]
    )
    # "posts a loss" is a loss, not a statement; the quarter is the figure's, the day the news's
    (event,) = found
    assert event.value == "2010-03-11" and len(event.sources) == 2


def test_two_companies_losses_for_the_same_quarter_are_two_happenings():
    evs = propose(
        [
            Article(
                id="a",
                text="Results\n\nHarbor Savings Inc. reported a net loss of $12.5 million for "
                "the quarter ended Sept. 30.",
                published=dt.date(2009, 10, 20),
            ),
            Article(
                id="b",
                text="Results\n\nLumen Books Inc. said it hired an adviser and reported a net loss "
                "of $3.1 million for the third quarter ended Sept. 30.",
                published=dt.date(2009, 10, 20),
            ),
        ]
    )
    assert all(len({s.document for s in e.sources}) == 1 for e in evs)


def test_taking_over_a_post_is_no_purchase_and_leaving_is_departing():
    assert roles("Dana Ortiz took over as chief executive on May 3.") == [("main", "succeed")]
    assert roles("Ortiz took over on May 3.") == [("main", "succeed")]
    assert roles("Norvia took over Lumen in June.") == [("main", "acquire")]
    evs = propose(
        [
            Article(
                id="a",
                text="Trains\n\nThe night train left Vienna at 9 p.m. on Monday.",
                published=FRI,
            ),
            Article(
                id="b",
                text="Rail\n\nThe night train departed Vienna at 9 p.m. on Monday.",
                published=FRI,
            ),
        ]
    )
    assert any(len({s.document for s in e.sources}) == 2 for e in evs)


def test_what_went_on_as_a_dated_happening_happened_shares_its_day():
    found = titled(
        "Markets\n\nStocks suffered their worst day in a year on Tuesday as Norvia Bank filed for "
        "bankruptcy and Lumen was sold."
    )
    assert sorted(found["2010-03-09"]) == [
        "Lumen was sold",
        "Norvia Bank filed for bankruptcy",
        "Stocks suffered their worst day in a year",
    ]


def test_an_index_losing_or_gaining_points_falls_or_rises():
    assert roles("On Monday, the index had lost 504 points.") == [("main", "fall")]
    assert roles("The index gained 2.1 percent.") == [("main", "rise")]
    assert roles("Norvia lost $3 billion last year.") == [("main", "lose")]
    evs = propose(
        [
            Article(
                id="a", text="Week\n\nOn Monday, the Hang Seng had lost 504 points.", published=FRI
            ),
            Article(
                id="b", text="Day\n\nThe Hang Seng fell 504.48 points on Monday.", published=FRI
            ),
        ]
    )
    assert any(len({s.document for s in e.sources}) == 2 for e in evs)


def test_and_inside_a_subject_joins_no_clause():
    assert roles("Workers at Norvia plants in Spain and Italy staged protests on Tuesday.") == [
        ("main", "stage")
    ]
    found = titled("Strikes\n\nWorkers at Norvia plants in Spain and Italy walked out on Tuesday.")
    assert found["2010-03-09"] == ["Workers at Norvia plants in Spain and Italy walked out"]
    assert roles("Sales fell and profits rose.") == [("main", "fall"), ("coordinate", "rise")]
    # a plural after a preposition and a name is a noun, a plural right after the verb its object
    assert roles("Workers at Norvia plants in Ohio walked out.") == [("main", "walk")]
    assert roles("A maker of Western boots said sales rose.")[0] == ("main", "say")


def test_the_year_a_result_is_for_dates_nothing_when_its_report_is_dated():
    found = titled("Lumen reported a loss of 310 million euros for 2009 last month.")
    assert "2009" not in found and "2010-02" in found
    # a comparison point is no report's date: the quarter still dates the figure
    found = titled(
        "Net income for the third quarter fell to $35 million from $70 million a year ago."
    )
    assert "2009-Q3" in found


def test_a_plural_before_an_aside_or_an_and_is_the_subject_not_the_verb():
    found = titled(
        "Norvia shares, which traded as high as $88.10 in May 2001, closed at 64 cents on Friday."
    )
    assert found["2001-05"] == ["Norvia shares traded as high as $88.10"]
    assert found["2010-03-12"] == ["Norvia shares closed at 64 cents"]
    assert roles("European allies and other members have objected to the plan.") == [
        ("main", "object")
    ]
    # an adverb and a participle before a noun describe it: "newly created shares"
    assert "create" not in [
        lemma for _, lemma in roles("The deal, for 10,000 newly created shares, is valued at $5.")
    ]


def test_the_particle_of_took_over_stays_in_the_title():
    found = titled("Chief executive Dana Ortiz, who took over in July, announced a new plan.")
    assert found["2009-07"] == ["Dana Ortiz took over"]


def test_an_attribution_after_a_relative_clause_is_the_statement():
    sentence = "About 74 percent of the 9,000 members who voted backed the deal, the union said late Sunday."
    assert [role for role, _ in roles(sentence)][-1] == "main"
    found = titled(f"Strike over\n\n{sentence}")
    assert found["2010-03-07"] == [
        "Union said about 74 percent of the 9,000 members who voted backed the deal"
    ]


def test_overnight_is_the_night_before_its_own_sentences_day_or_describes_its_noun():
    found = titled(
        "Strikes\n\nTokyo shares fell 2 percent on Friday.\n"
        "The bombings, on Feb. 2, killed 40 people.\n"
        "Officials linked the camps struck overnight with the bombings.\n"
        "Shares were depressed early by overnight losses in Tokyo."
    )
    # another sentence's day is no anchor for "overnight": the night before publication
    assert "2010-03-11TNI" in found and "2010-02-01TNI" not in found
    # "overnight losses" are the losses' night; the shares were depressed on the story's day
    assert "Shares were depressed early by overnight losses in Tokyo" in found["2010-03-12"]


def test_two_plural_nouns_joined_by_and_are_no_clause():
    assert roles("Norvia sold 2.1 million cars and trucks in 2009.") == [("main", "sell")]
    assert titled("Sales\n\nNorvia sold 2.1 million cars and trucks in 2009.")["2009"] == [
        "Norvia sold 2.1 million cars and trucks"
    ]


def test_a_new_voice_quoted_after_a_flashback_speaks_on_the_storys_day():
    """A worker's words after the sentence on how the strike ended speak of the return, the
    lead's Thursday, not of the deal's day; the speaker of the dated sentence carries it on."""
    found = titled(
        "Dockers back at work\n\nDockers returned to work at Harwich on Thursday.\n\nThe deal was "
        "reached on March 5 with the help of a mediator.\n\n“It's good to be back,” said a crane "
        "driver at the port."
    )
    assert any("good to be back" in t for t in found["2010-03-11"])
    assert not any("good to be back" in t for t in found["2010-03-05"])
    found = titled(
        "Plant opens\n\nThe Harwich plant opened on Thursday.\n\nIn a speech on March 5, Ines "
        "Varga announced the plant's opening date.\n\nShe said it would hire 300 workers."
    )
    assert any("hire 300 workers" in t for t in found["2010-03-05"])


def test_a_rate_with_decimals_held_since_a_month_is_counted_from_it_not_dated_by_it():
    found = titled(
        "Rates on hold\n\nThe Reserve Bank has kept its cash rate at 4.75 percent since March 2009."
    )
    assert "2009-03" not in found


def test_a_month_naming_the_figures_reported_on_another_day_dates_nothing():
    found = titled(
        "Sales halted\n\nKell Motors is due to report its February sales figures next Tuesday."
    )
    assert "2010-02" not in found
    assert found["2010-03-16"] == ["Kell Motors is due to report its February sales figures"]
    # the month's figures told alone are that month's
    assert "2010-02" in titled("Sales fall\n\nKell Motors' February sales fell 10 percent.")


def test_a_while_clause_tells_what_happened_that_day_too():
    found = titled(
        "Orders at the show\n\nQantas signed an order for 12 jets on Tuesday, while Garuda "
        "ordered 20 smaller aircraft."
    )
    assert any(t.startswith("Garuda ordered 20") for t in found["2010-03-09"])


def test_a_plural_before_an_adverb_and_a_past_verb_is_the_subject():
    found = titled(
        "Markets fall\n\nTokyo shares fell 3 percent on Thursday.\n\nEuropean markets also fell."
    )
    assert any(t.startswith("European markets also fell") for ts in found.values() for t in ts)
