"""One notion of "same happening", used by proposal clustering, import matching and merge suggestions.

Two reports are one happening only on evidence a reader would accept, and the evidence is kept so the
provenance panel can say what made a merge. The verdict is one of:

- MERGE: joined automatically. Statements by one speaker on one day (a press conference told five
  ways); or, at day or week precision, the same kind of happening (action or event noun) with the
  same actor or a clear share of what it was about; for two reports of the same month, quarter or
  year, the same kind and the same actor or a strong share of the rest; for a coarse date and a
  finer one, the same kind *and* the same actor *and* a clear share of the rest (a year-wide mention
  must not swallow every delivery of that year). Without an actor in common, the words shared must
  include one besides the kind's own ("closed", "fell", "was named") and a market's vocabulary
  ("stocks", "shares"): two reports of one kind on one day share those whatever each tells of.
- SUGGEST: shown to the analyst, who confirms with M: a shared actor, kind or subject without that
  much evidence.
- NONE: not related, or in conflict: dates that cannot be one date, different speakers, different
  event nouns, two named actors that are not the same.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from fractions import Fraction

from .. import timevalue
from ..eventtext import surface_words
from . import english as en
from .figures import MOVES, figures_agree, near_figures, same_move, sums_apart
from .profile import ACTION, NOUN, Profile, kind_terms, market_terms

WEEK = 6  # the widest span still "precise": a week (day ordinals, inclusive)
CLEAR_SHARE = 0.5  # share of the smaller side's words the two reports have in common
SOME_SHARE = 0.3
SOME_RATIO = Fraction(SOME_SHARE).limit_denominator(100)  # 3/10: compared in whole numbers
STRONG_SHARE = 0.6
NEAR_ALL = 0.8  # two reports this alike, on the same dates, are one report copied
COPY_WORDS = 4  # words two reports must share, at least, to be one report copied
SHOWN_WORDS = 6  # words in common an explanation names
MONTH = 30  # the widest span (days beyond the first) a statement is tied to a happening at
OWN_NEWS_WORDS = 2  # words a statement must share with a report of its speaker's own happening


class Verdict(IntEnum):
    NONE = 0
    SUGGEST = 1
    MERGE = 2


@dataclass(frozen=True, slots=True)
class Evidence:
    verdict: Verdict
    score: float  # for ranking suggestions, 0..1
    reasons: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()  # the key terms the two have in common, as stemmed
    kinds: tuple[str, ...] = ()  # the kinds of happening both tell (action classes, "#" nouns)

    def explain(self, texts: Sequence[str] = ()) -> str:
        """ "same speaker Rutte; same day Wed 16 Oct 2024"; with the reports' ``texts``, the words
        they share as written there ("allies", not the key term "alli"; "launched", not the
        action class "introduce")."""
        if not texts:
            return "; ".join(self.reasons)
        out = []
        for r in self.reasons:
            if r.startswith("shared ") and self.shared:
                r = "shared " + ", ".join(surface_words(self.shared[:SHOWN_WORDS], texts))
            elif r.startswith("both ") and self.kinds:
                r = "both " + ", ".join(_kind_words(self.kinds, texts))
            out.append(r)
        return "; ".join(out)


def _kind_words(kinds: Sequence[str], texts: Sequence[str]) -> list[str]:
    """Each kind as a word of ``texts`` telling it ("launched" for "introduce"), else its name."""
    words = [w for text in texts for w in _VERBISH.findall(text)]
    out = []
    for kind in kinds:
        if kind.startswith(NOUN):
            out.append(kind[1:])
            continue
        found = ""
        for w in words:
            forms = en.verb_forms(w)
            if forms is not None and en.action_of(forms[0]) == kind:
                found = w
                break
        word = found or kind.replace("_", " ")
        if word not in out:
            out.append(word)
    return out


_VERBISH = re.compile(r"\b[a-z][a-z'’\-]+\b")


NOTHING = Evidence(Verdict.NONE, 0.0)


LATE_REPORT_DAYS = 3  # how long before publication a happening reported without a date may be


def dates_agree(a: Profile, b: Profile) -> bool:
    """One date contains the other; or one is only the publication day of news that reports,
    without a date, what the other dates up to a few days earlier ("Jobs resigns", the day after
    "On August 24, Jobs resigned")."""
    if a.span is None or b.span is None:
        return False
    if a.span.compatible(b.span):
        return True
    return _late_report(a, b) or _late_report(b, a)


def _late_report(soft: Profile, stated: Profile) -> bool:
    assert soft.span is not None and stated.span is not None
    return (
        soft.soft
        and not stated.soft
        and stated.span.width <= WEEK
        and 0 < soft.span.first - stated.span.last <= LATE_REPORT_DAYS
    )


def conflict(a: Profile, b: Profile) -> str:
    """Why two reports cannot be one happening, or "" when nothing rules it out."""
    if a.sentences & b.sentences:
        return "two dates in one sentence date two things"
    if a.span is None or b.span is None:
        return "a date is not resolved"
    if not dates_agree(a, b):
        return "the dates cannot be one date"
    if a.speakers and b.speakers and not a.speakers & b.speakers:
        return "different speakers"
    if a.nouns and b.nouns and not a.nouns & b.nouns:
        return "different kinds of event"
    if a.actors and b.actors and not shared_actors(a, b, sure=True):
        return "different actors"
    return ""


def compare(a: Profile, b: Profile, matching: bool = False) -> Evidence:
    """How strongly two profiles tell one happening, with the reasons.

    ``matching``: ``b`` is a stored event and ``a`` a report of a new article, which has already
    been grouped with the rest of its article; what the two share counts as across articles, and
    only MERGE evidence is told (anything less is NOTHING: an import joins or leaves alone).
    """
    # The cheap tests first: most pairs an index offers share a word and little else.
    if a.speech or b.speech:
        if a.speech and b.speech and a.speakers & b.speakers and not conflict(a, b):
            return _statements(a, b, matching)
        if a.speech != b.speech:
            return _own_news(a, b) if a.speech else _own_news(b, a)
        return NOTHING
    kindless = a.actions.isdisjoint(b.actions) and a.nouns.isdisjoint(b.nouns)
    both = a.content & b.content
    if matching and kindless and len(both) < COPY_WORDS:
        return NOTHING  # an import joins only on MERGE evidence: a kind in common, or a copy
    # Most pairs an index offers share one word: when even every word both hold, over the fewest
    # words either could keep once names are set aside, is not SOME_SHARE, the share below is not.
    fewest = min(len(a.content), len(b.content)) - len(a.name_words) - len(b.name_words)
    if len(both) * SOME_RATIO.denominator < SOME_RATIO.numerator * fewest:  # no rounding
        return NOTHING
    # What the two share besides who acted: a name in common is counted once, as the actor.
    names = a.name_words | b.name_words
    wa, wb = a.content - names, b.content - names
    common = _in_common(a, b, wa, wb, kindless)
    # a name both give the subject of what they tell counts once, as the actor
    subject = bool(shared_actors(a, b, sure=True))
    share = (len(common) + subject) / (max(1, min(len(wa), len(wb))) + subject)
    if share < SOME_SHARE:
        return NOTHING  # every verdict below needs at least some share of what it was about
    if conflict(a, b):
        return NOTHING
    assert a.span is not None and b.span is not None
    kinds = _kinds(a, b)
    # the same dates, or a late report of a stated date
    same = a.span == b.span or not a.span.compatible(b.span)
    copied = same and _copied(a, b, common, share, kinds)
    if matching and not kinds and not copied:
        return NOTHING  # an import joins only on MERGE evidence, and that needs a kind in common
    precise = max(a.span.width, b.span.width) <= WEEK
    actors = shared_actors(a, b)
    # Without an actor in common, what the two share besides the words of the kind both tell and a
    # market's vocabulary: "closed" and "stocks" are in every report of a market's close that day.
    kind_only = bool(kinds) and not actors and not _telling(common, kinds)
    words = sorted(w for w in common if w[:1] != ACTION)
    score = min(1.0, share + 0.25 * bool(kinds) + 0.25 * bool(actors))
    merge = (
        kinds
        and figures_agree(a, b, kinds, bool(actors), precise, subject)
        and (not kind_only or _kind_and_day(a, b))
        and (
            (precise and (actors or share >= CLEAR_SHARE or (same and same_move(a, b, kinds))))
            or (same and (actors or share >= STRONG_SHARE))  # the same month, quarter or year
            # a coarse date and a finer one, and besides the actor and an action something more
            # in common: an event noun, another name or a word ("Airbus delivered its first A380
            # last month" / "Airbus expects to deliver 470 aircraft this year")
            or (
                actors
                and share >= CLEAR_SHARE
                and _more_than_actor_and_action(a, b, actors, kinds, common)
            )
        )
    )
    if copied or merge:
        verdict = Verdict.MERGE
    elif matching:
        return (
            NOTHING  # an import acts only on MERGE evidence: what would be suggested is not asked
        )
    elif actors or ((kinds or share >= CLEAR_SHARE) and (precise or len(common) > 1)):
        # Beyond a day or a week, one word in common (often the kind itself, "debated") says
        # nothing: a year-wide mention would be offered against every report of its kind.
        verdict = Verdict.SUGGEST
    else:
        return NOTHING
    return _evidence(verdict, score, actors, kinds, words, _date_reason(a, b))


def _copied(
    a: Profile, b: Profile, common: frozenset[str], share: float, kinds: Sequence[str]
) -> bool:
    """The same report, word for word, on the same dates; not two short reports made of the
    kind's words and a market's ("share prices closed lower" in London and, "elsewhere", in
    Paris), nor two giving different prices ("closed at $29" / "down 25 cents to $30.25")."""
    return (
        len(common) >= COPY_WORDS
        and share >= NEAR_ALL
        and bool(_telling(common, kinds))
        and not sums_apart(a, b)
    )


def _kinds(a: Profile, b: Profile) -> list[str]:
    """The kinds of happening both tell: actions, and "#" event nouns."""
    return sorted((a.actions & b.actions) | {NOUN + n for n in a.nouns & b.nouns})


def _in_common(
    a: Profile, b: Profile, wa: frozenset[str], wb: frozenset[str], kindless: bool
) -> frozenset[str]:
    """What two reports share besides their names; and, between two naming the same, what they
    tell alike in other words: one figure rounded ("4.3" / "4.25"), and the kind ("resigned" /
    "stepped down")."""
    common = wa & wb
    told = [] if kindless else [k for k in _kinds(a, b) if k in ONE_HAPPENING_KINDS]
    if a.name_words.isdisjoint(b.name_words):
        moved = told and told[0] in MOVES and same_move(a, b, told)
        if moved and not common & _kinds_words(tuple(told)):
            common |= {ACTION + told[0]}  # "fell 512 points" / "the index lost 512 points"
        return common
    common |= near_figures(wa, wb)
    if told and not common & _kinds_words(tuple(told)):
        common |= {ACTION + told[0]}
    return common


def _evidence(
    verdict: Verdict, score: float, actors: list[str], kinds: list[str], words: list[str], when: str
) -> Evidence:
    reasons = []
    if actors:
        reasons.append("same actor " + ", ".join(actors))
    if kinds:
        reasons.append("both " + ", ".join(k.lstrip(NOUN).replace("_", " ") for k in kinds))
    if words:
        reasons.append("shared " + ", ".join(words[:SHOWN_WORDS]))
    reasons.append(when)
    return Evidence(verdict, score, tuple(reasons), tuple(words), tuple(kinds))


def related(a: Profile, b: Profile) -> bool:
    """Whether ``a`` has something to do with ``b``, a member of a happening it would join: a
    shared actor, or evidence worth suggesting. A report that merges with one member of a group
    but has nothing to do with another must not join it through the first (A~B and B~C do not
    make A~C)."""
    return compare(a, b).verdict > Verdict.NONE or bool(shared_actors(a, b))


# Kinds whose words, different as they are, tell one happening of one actor on one day ("resigned"
# / "stepped down", "fell" / "dropped", "bought" / "acquired"); not "unveiled" / "released", which
# are often two happenings of one product, months apart.
ONE_HAPPENING_KINDS = frozenset(
    {"resign", "die", "acquire", "fall", "rise", "arrest", "kill", "close"}
)


def _telling(common: frozenset[str], kinds: Sequence[str]) -> frozenset[str]:
    """The words of ``common`` that say which happening of ``kinds`` two reports tell."""
    told = common.difference(market_terms(), _kinds_words(tuple(kinds)))
    return frozenset(w for w in told if w[:1] != ACTION)


@functools.lru_cache(maxsize=4096)
def _kinds_words(kinds: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*map(kind_terms, kinds))


def _more_than_actor_and_action(
    a: Profile, b: Profile, actors: Sequence[str], kinds: Sequence[str], common: frozenset[str]
) -> bool:
    """Besides one actor and an action, something more in common: an event noun, a word, or a
    name that is the subject of neither ("launched the iTunes Music Store in 2003" / "on April
    28, 2003"); one company doing one kind of thing twice in a year is not one happening."""
    if any(k.startswith(NOUN) for k in kinds) or _telling(common, kinds) or len(actors) > 1:
        return True
    return bool(_shared_names(a.names, b.names))  # ``names`` holds no subject


def _kind_and_day(a: Profile, b: Profile) -> bool:
    """Whether the kind and the day alone make two reports one happening, when they share no other
    word: only two clauses that each take their date, and their subject, from the clause before them
    ("... killed 257 people and injured more than 5,500" / "... claimed 217 lives and injured nearly
    5,000", two accounts of one bombing), which say little of their own besides the verb.

    Not a report dated by its story's day: that is the day of every report of the story ("was
    named" in two articles of one morning). Not a clause that names its own subject: against
    "Norvik's stock fell", "The stock fell" tells of a stock named earlier, an actor unknown rather
    than none; and "The ferry sank" / "A barge sank" share only the verb. Not when both name someone
    or somewhere, and nothing in common ("In Tokyo, stocks closed" / "In London, shares closed")."""
    assert a.span is not None and b.span is not None
    if a.stated or b.stated or a.soft or b.soft or max(a.span.width, b.span.width) > WEEK:
        return False
    if a.actors or b.actors:
        return False
    return not (a.name_words and b.name_words) or bool(a.name_words & b.name_words)


def _statements(a: Profile, b: Profile, matching: bool = False) -> Evidence:
    """Statements by one speaker: one event when the texts date both to the same day (a press
    conference told several ways), or when one article says the same thing twice that day. Across
    articles, statements dated only by the story's day are suggested, not joined: which of several
    alike statements a report joins would depend on the order the articles came in."""
    assert a.span is not None and b.span is not None
    who = ", ".join(sorted(w.capitalize() for w in a.speakers & b.speakers))
    same_day = a.span == b.span or _late_report(a, b) or _late_report(b, a)
    words = sorted((a.content & b.content) - {w.lower() for w in who.split(", ")})
    share = len(words) / max(1, min(len(a.content), len(b.content)) - 1)
    reasons = [f"same speaker {who}", _date_reason(a, b)] + (
        [f"shared {', '.join(words[:SHOWN_WORDS])}"] if words else []
    )
    # Ranked by what they share, and above all by both days being stated: a report joins the
    # press conference rather than a statement that only happens to share its words.
    score = min(1.0, 0.5 + 0.3 * (a.stated and b.stated) + 0.2 * share)
    one_article = not matching and bool({d for d, _ in a.sentences} & {d for d, _ in b.sentences})
    if same_day and ((a.stated and b.stated) or (one_article and share >= CLEAR_SHARE)):
        return Evidence(Verdict.MERGE, score, tuple(reasons), tuple(words))
    if share >= SOME_SHARE or (a.stated and b.stated):
        return Evidence(Verdict.SUGGEST, min(score, 0.5), tuple(reasons), tuple(words))
    return NOTHING  # the same person said other things that day


def _own_news(said: Profile, told: Profile) -> Evidence:
    """A speaker's statement about what they themselves did, and a report of that happening ("Varga
    announced on 4 January she would take leave" / "Varga has been on leave since January"): one
    happening when its subject is the speaker and most of what the report says is in the statement."""
    who = said.who & told.who
    if not who or conflict(said, told):
        return NOTHING
    assert said.span is not None and told.span is not None
    if max(said.span.width, told.span.width) > MONTH:
        return NOTHING  # a year-wide date is too weak to tie a statement to a happening
    names = said.name_words | told.name_words
    told_words, said_words = told.content - names, said.content - names - said.speakers
    common = sorted(told_words & said_words)
    share = len(common) / max(1, min(len(told_words), len(said_words)))
    if len(common) < OWN_NEWS_WORDS or share < CLEAR_SHARE:
        return NOTHING
    speaker = ", ".join(sorted(w.capitalize() for w in who))
    reasons = (
        f"same actor {speaker}, who announced it",
        f"shared {', '.join(common[:SHOWN_WORDS])}",
        _date_reason(said, told),
    )
    return Evidence(Verdict.MERGE, min(1.0, 0.5 + 0.5 * share), reasons, tuple(common))


def shared_actors(a: Profile, b: Profile, sure: bool = False) -> list[str]:
    """Actors named in both ("Jobs" is "Steve Jobs"; "Apple" is "Apple Computer"; "Apple Corps" is
    not "Apple Computer"). ``sure``: only the clauses' own subjects, else any name tied to them."""
    if sure:
        return _shared_names(a.actors, b.actors)
    return _shared_names(a.actors | a.names, b.actors | b.names)


def _shared_names(xs: frozenset[tuple[str, ...]], ys: frozenset[tuple[str, ...]]) -> list[str]:
    out = []
    for x in xs:
        for y in ys:
            short, long_ = (x, y) if len(x) <= len(y) else (y, x)
            if _within(short, long_):
                out.append(" ".join(w.capitalize() for w in long_))
    return sorted(set(out))


def _within(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    if len(short) > 1 and short[0] == "new" and _within(short[1:], long_):
        return True  # a headline's "New Eastmark emerges" (a firm remade) is "Eastmark Motors"
    n = len(short)
    if any(long_[i : i + n] == short for i in range(len(long_) - n + 1)):
        return True
    if n == 1 and _initials(long_) == short[0]:  # "GM" is "General Motors"
        return True
    # "Jean-Pierre Raffarin" is "Jean Pierre Raffarin", "Dar-es-Salaam" is "Dar es Salaam": the
    # whole name only ("Packard" alone is not "Hewlett-Packard")
    return any("-" in w for w in short + long_) and _unhyphened(short) == _unhyphened(long_)


def _unhyphened(name: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part for w in name for part in w.split("-") if part)


def _initials(name: tuple[str, ...]) -> str:
    """ "gm" for ("general", "motors"); "" for a name of one word."""
    words = [w for w in name if w not in ("of", "and", "the", "&", "for")]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _date_reason(a: Profile, b: Profile) -> str:
    assert a.span is not None and b.span is not None
    if not a.span.compatible(b.span):
        stated = a if b.soft else b
        days = abs((b if b.soft else a).span.first - stated.span.last)  # type: ignore[union-attr]
        when = timevalue.label(stated.span.start.isoformat())  # type: ignore[union-attr]
        return f"reported {days} day{'s' if days > 1 else ''} after {when}"
    fine = a.span.finer(b.span)
    if fine.width == 0:
        when = timevalue.label(fine.start.isoformat())
        return f"same day {when}" if a.span == b.span else f"dates agree ({when})"
    return "same dates" if a.span == b.span else "dates agree"
