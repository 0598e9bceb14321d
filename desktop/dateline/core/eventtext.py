"""What a dated sentence says happened: a short clause-based title, key terms, and speech frames.

Heuristics over surface text (no parser): news copy is regular enough that the clause around a date, the
noun phrase it modifies, or the statement it dates ("Rutte said Wednesday that ...") gives a usable title.
Who made a statement, and whether a date dates one at all, is read by ``speakers``.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .speakers import (
    LEADING_PREPOSITION,
    NAME,
    SPEECH_VERBS,
    find_speaker,
    last_name_before,
    surname,
)
from .tailmatch import TailPattern

# The lookahead is a cheap gate: without it the engine enters ``\s*`` at every position.
_CLAUSE_BREAK = re.compile(r"(?=[\s;:“”\"—–,])\s*(?:[;:“”\"]|—|–|\s-\s|,(?=\s))\s*")
_CAP_BEFORE = TailPattern(r"\b[A-Z][\w’'\-]*$", ())  # within the last token
_SENTENCE_WORDS = re.compile(r"(?:The|A|An|He|She|It|They|We|I|But|And|This)\b")
_CAP_AFTER = re.compile(r"\s*[A-Z][\w’'\-]*")
_SUBORDINATE = re.compile(
    r"^(?:which|who|that|where|when|while|although|though|but|and|as|because|since|if|after|before|"
    r"referring to|noting|saying|adding|including|amid|despite|during|with|ahead of)\b(?![’'])\s*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"^(?:which|that|who)\s+(?:was|were|is|are|has been|had been|will be)\s+", re.I
)
_DETERMINERS = re.compile(
    r"^(?:(?:the|a|an|his|her|their|its|our|this|these|those|that|so-called|upcoming|new)\s+)+",
    re.I,
)
_DET = r"(?:the|a|an|his|her|their|its|this|that)"
_DET_WORD = re.compile(_DET, re.IGNORECASE)
_PLACE_TAIL = r"(?:\s+(?:to|in|at|of|with|on)\s+(?:[A-Z][\w’'\-]*,?\s*){1,3})?"
_EVENT_NOUNS = frozenset(
    """summit meeting meetings visit conference talks election elections vote referendum attack attacks
    strike strikes ceremony trial hearing speech address launch presentation rally protest protests
    ministerial session assembly congress convention parade festival match game tour deadline
    ceasefire agreement deal treaty accord offensive invasion raid bombing explosion crash earthquake
    storm flood inauguration funeral wedding debate interview briefing announcement release report
    verdict ruling sentencing arrest resignation appointment merger acquisition ipo flight delivery
    bankruptcy recall closure shutdown bailout takeover buyout lawsuit settlement debut unveiling
    accident collapse""".split()
)


def is_event_noun(word: str) -> bool:
    """Whether ``word`` (lower case, singular or plural) names a happening ("bombing", "talks")."""
    return word in _EVENT_NOUNS or word.rstrip("s") in _EVENT_NOUNS


_STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has have had
    do does did will would shall should can could may might must not no nor so than that this these those
    it its they them their he him his she her we our you your i me my who whom whose which what when where
    why how all any both each few more most other some such only own same too very just also into over
    under about above below up down out off again further then once here there s t don now said says say
    told according after before during while since until ahead amid including per via whether because
    however although though yet still even already many much one two three new last next year years
    month months week weeks day days time first half""".split()
)
# (a number ends on a digit: "closed at 10,473." is 10473)
_WORD = re.compile(
    r"[€$£]?\d(?:[\d.,]*\d)?(?:\s(?:billion|million|trillion))?|[A-Za-zÀ-ÿ][\w’'\-]*"
)
# ``_WORD`` for a text all in ASCII, where \d is [0-9] and \w is [A-Za-z0-9_]: the engine tests a
# character against a class of ASCII ranges faster than it looks its Unicode category up.
_WORD_ASCII = re.compile(
    r"\$?[0-9](?:[0-9.,]*[0-9])?(?:\s(?:billion|million|trillion))?|[A-Za-z][A-Za-z0-9_'\-]*"
)


@dataclass(frozen=True, slots=True)
class Frame:
    title: str
    terms: frozenset[str]
    speaker: str = ""  # surname of the person whose statement the date attaches to
    speech: bool = False
    event_noun: str = ""

    # A report's frame is remade once or twice per date: ``dataclasses.replace`` costs 2.5x these.
    def titled(self, title: str) -> Frame:
        return Frame(title, self.terms, self.speaker, self.speech, self.event_noun)

    def with_terms(self, terms: frozenset[str]) -> Frame:
        return Frame(self.title, terms, self.speaker, self.speech, self.event_noun)


@functools.lru_cache(maxsize=65536)  # news vocabulary repeats: most words are stemmed many times
def stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, min_len in (("ing", 6), ("ied", 5), ("ed", 5), ("es", 5), ("s", 4)):
        if w.endswith(suffix) and len(w) >= min_len and not w.endswith("ss"):
            w = w[: -len(suffix)]
            break
    # Equivalents that news copy alternates between.
    return _SYNONYMS.get(w, w)


_SYNONYMS = {
    "unveil": "present",
    "present": "present",
    "defence": "defense",
    "pledg": "commit",
    "pledge": "commit",
    "committ": "commit",
    "commitment": "commit",
}


def key_terms(text: str) -> frozenset[str]:
    """Content words of ``text``, lightly stemmed; sums of money kept whole ("€40 billion")."""
    words = (_WORD_ASCII if text.isascii() else _WORD).findall(text)
    return frozenset(filter(None, map(_term, words)))  # no term is "": None only


def surface_words(terms: Iterable[str], texts: Iterable[str]) -> list[str]:
    """The words of ``texts`` that the key ``terms`` came from, in the terms' order ("allies" for
    "alli"); a term no text holds is given as it is."""
    wanted = set(terms)
    found: dict[str, str] = {}
    for text in texts:
        for tok in _WORD.findall(text):
            term = _term(tok)
            if term in wanted and term not in found:
                found[term] = tok if tok[:1].isupper() and not tok.isupper() else tok.lower()
        if len(found) == len(wanted):
            break
    return [found.get(t, t) for t in terms]


@functools.lru_cache(maxsize=65536)  # as for ``stem``: the same words come back in every article
def _term(tok: str) -> str | None:
    """The key term a word token stands for, or None for a stopword or a short word."""
    if tok[0] in "€$£" or tok[0].isdigit():
        return tok.lower().replace(",", "")
    low = tok.lower()
    if low in _STOPWORDS or len(low) < 3:
        return None
    return stem(low)


def idf_weights(term_sets: Iterable[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency over candidate clauses: terms every clause shares weigh little."""
    sets = list(term_sets)
    n = max(len(sets), 1)
    df: dict[str, int] = {}
    for s in sets:
        for t in s:
            df[t] = df.get(t, 0) + 1
    return {t: math.log(1.0 + n / c) for t, c in df.items()}


def overlap(a: frozenset[str], b: frozenset[str], weights: dict[str, float] | None = None) -> float:
    """Weighted overlap coefficient in [0, 1]: shared weight over the smaller side's weight."""
    if not a or not b:
        return 0.0
    if weights is None:
        return len(a & b) / min(len(a), len(b))
    w = weights.get
    # fsum: exactly rounded, so the result does not depend on the order the sets iterate in (which
    # changes with Python's per-process string hashing).
    sa = math.fsum(w(t, 1.0) for t in a)
    sb = math.fsum(w(t, 1.0) for t in b)
    shared = math.fsum(w(t, 1.0) for t in a & b)
    return shared / min(sa, sb) if min(sa, sb) > 0 else 0.0


_EDITORIAL_INSERTION = re.compile(r"\[\w+\]\s*")  # "[on]"


def _tidy(title: str, max_words: int = 14) -> str:
    title = " ".join(title.split()).strip(" ,;:.—–-\"“”'’")
    for mark in ",.;:":  # no space before it (spaces are single now: no pattern needed)
        if " " + mark in title:
            title = title.replace(" " + mark, mark)
    if "[" in title:
        title = _EDITORIAL_INSERTION.sub("", title)
    words = title.split()
    if len(words) > max_words:
        title = " ".join(words[:max_words]).rstrip(",;:") + "…"
    return title[:1].upper() + title[1:] if title else title


_DETERMINERS_BEFORE_DATE = "the|a|an|this|that|last|next"
_TRAILING_DETERMINER = TailPattern(
    rf"\b(?:{_DETERMINERS_BEFORE_DATE})\s*$", _DETERMINERS_BEFORE_DATE.split("|"), re.IGNORECASE
)


def _lead_in(before: str) -> str:
    """The text before a date without the preposition (and determiner) that introduce the date."""
    return LEADING_PREPOSITION.remove(_TRAILING_DETERMINER.remove(before)).rstrip()


def _strip_timex(text: str, rel_start: int, rel_end: int, lead_in: str | None = None) -> str:
    """Remove the date and the preposition (and determiner) that introduce it from a clause.
    ``lead_in`` is ``_lead_in(text[:rel_start])`` when the caller already has it."""
    before = _lead_in(text[:rel_start]) if lead_in is None else lead_in
    return (before + " " + text[rel_end:].lstrip()).strip()


def _clause_around(sentence: str, rel_start: int, rel_end: int) -> tuple[str, int, int, str]:
    """The clause holding the date, the date's offsets inside it, and the text before the clause."""
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(sentence):
        start, end = m.span()
        if start <= rel_start < end or start < rel_end <= end:
            continue
        if (
            sentence[start] == ","
            and _CAP_AFTER.match(sentence, end)  # cheapest test first: most commas fail it
            and _CAP_BEFORE.search(sentence, endpos=start)
            and not _SENTENCE_WORDS.match(sentence, end)
        ):
            continue  # "Wiesbaden, Germany", "Japan, South Korea, Australia": one noun phrase
        cuts.extend([start, end])
    cuts.append(len(sentence))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    for i, (a, b) in enumerate(pairs):
        if a <= rel_start < b or (a <= rel_start and rel_end <= b):
            clause = sentence[a:b]
            previous = sentence[: pairs[i - 1][1]] if i > 0 else ""
            return clause, rel_start - a, rel_end - a, previous
    return sentence, rel_start, rel_end, ""


_EVENT_NP_BEFORE = None
_EVENT_NP_AFTER = None


def _event_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    global _EVENT_NP_BEFORE, _EVENT_NP_AFTER
    if _EVENT_NP_BEFORE is None or _EVENT_NP_AFTER is None:
        nouns = "|".join(
            sorted(_EVENT_NOUNS | {n + "s" for n in _EVENT_NOUNS}, key=len, reverse=True)
        )
        body = rf"(?:{_DET}\s+)?(?:[\w’'\-]+\s+){{0,4}}?(?P<noun>{nouns}){_PLACE_TAIL}"
        _EVENT_NP_BEFORE = re.compile(rf"(?P<np>{body})\s*$", re.IGNORECASE)
        _EVENT_NP_AFTER = re.compile(
            rf"^\s*(?:at|during|for|in|of)?\s*(?P<np>{_DET}\s+(?:[\w’'\-]+\s+){{0,4}}?(?P<noun>{nouns}){_PLACE_TAIL})",
            re.IGNORECASE,
        )
    return _EVENT_NP_BEFORE, _EVENT_NP_AFTER


_NP_STOP = frozenset(
    "to for at by with from on in into of ahead that which who and or but is are was were be been has "
    "have had will would".split()
)


def _np_start(words: list[str], head_at: int) -> int:
    """Where the noun phrase ending at ``words[head_at]`` begins: at its last determiner, else after the
    last word that cannot be inside a noun phrase."""
    for i in range(head_at - 1, -1, -1):
        if _DET_WORD.fullmatch(words[i]):
            return i
    for i in range(head_at - 1, -1, -1):
        if words[i].lower() in _NP_STOP:
            return i + 1
    return 0


_PLACE_PREPOSITIONS = frozenset({"to", "in", "at", "of", "with", "on"})


def _event_np_before(before: str) -> tuple[str, str]:
    """An event noun phrase ending ``before``, optionally followed by a short place tail:
    "the NATO leaders' summit", "his visit to Brussels". Word by word from the end (a regex anchored
    with "$" and a lazy prefix backtracks badly on long clauses)."""
    words = before.split()[-10:]
    if not words:
        return "", ""
    head = len(words) - 1
    # "... visit to Brussels" / "... summit in Washington, D.C.": skip 1-3 capitalised words + preposition.
    k = head
    while k >= 0 and head - k < 3 and words[k][:1].isupper():
        k -= 1
    if k < head and k >= 1 and words[k].lower() in _PLACE_PREPOSITIONS:
        head = k - 1
    raw = words[head].strip(",;:").lower().replace("’", "'")
    if raw.endswith("'s"):
        raw = raw[:-2]
    if raw not in _EVENT_NOUNS and raw.rstrip("s") not in _EVENT_NOUNS:
        return "", ""
    if raw == "congress" and words[head][0].isupper() and words[head - 1 : head] != ["Party"]:
        return "", ""  # "apologised to the United States Congress": the legislature, no meeting
    noun = stem(raw)
    start = _np_start(words, head)
    if head - start > 5:
        return "", ""
    return " ".join(words[start:]).rstrip(","), noun


def _event_np(before: str, after: str) -> tuple[str, str]:
    """An event noun phrase right before the date ("his visit to Brussels", "the NATO leaders' summit")
    or right after it ("at the NATO summit in Washington"): (noun phrase, event noun)."""
    np, noun = _event_np_before(before)
    if np:
        return np, noun
    m = _event_patterns()[1].match(after)
    if not m:
        return "", ""
    words = m.group("np").strip().rstrip(",").split()
    if words[0].lower() in ("a", "an"):
        return "", ""  # "handed over its first jet on Monday at a ceremony": where, not what
    noun = stem(m.group("noun").lower())
    noun_at = next(i for i, w in enumerate(words) if stem(w.strip(",").lower()) == noun)
    return " ".join(words[_np_start(words, noun_at) :]), noun


def _noun_phrase_before(text: str) -> str:
    """The noun phrase ending ``text``: "his so-called victory plan" in "... to push his so-called
    victory plan"."""
    words = text.split()[-7:]
    if not words:
        return ""
    return " ".join(words[_np_start(words, len(words) - 1) :])


def analyse(
    sentence: str,
    rel_start: int,
    rel_end: int,
    last_speaker: str | Callable[[], str] = "",
    is_headline: bool = False,
    titled: bool = True,
) -> Frame:
    """Title, key terms and speech frame for the happening that the date at [rel_start, rel_end) dates.

    ``titled=False``: a caller that titles the report itself gets no title for a plain clause
    (a statement's and an event noun phrase's are still made: their words are read)."""
    speaker, speech = find_speaker(sentence, rel_start, rel_end, last_speaker)
    clause, cs, ce, previous = _clause_around(sentence, rel_start, rel_end)
    before_timex = _lead_in(clause[:cs])
    np, event_noun = _event_np(before_timex, clause[ce:])

    if speech:
        title = _statement_title(sentence, rel_start, rel_end, speaker)
        terms = frozenset({speaker.lower(), "statement"} if speaker else {"statement"})
        return Frame(title, terms | key_terms(title), speaker, True, event_noun)

    clause_text = _strip_timex(clause, cs, ce, before_timex)
    if np:
        np = _resolve_possessive(np, sentence)
        title = _tidy(_DETERMINERS.sub("", np))
    else:
        text = _cut_after_timex(clause_text, len(before_timex))
        if _RELATIVE.match(text):
            antecedent = _DETERMINERS.sub("", _noun_phrase_before(previous.rstrip(" ,")))
            text = _RELATIVE.sub(f"{antecedent} was ", text, count=1)
        else:
            text = _SUBORDINATE.sub("", text)
        if "that" in text:  # the pattern tries every speech verb at every position
            text = _REPORTED_THAT.sub("", text)
        text = _FIRST_PERSON_LEAD.sub("", text)
        if len(text.strip(" .,;").split()) < 5 and previous:
            lead = _SUBORDINATE.sub("", previous.strip())
            lead = _SPEAKER_LEAD.sub("", lead)
            text = lead + " " + text
        title = _tidy(_DETERMINERS.sub("", text)) if titled else ""
        clause_text = text
    return Frame(title, key_terms(clause_text), speaker, False, event_noun)


_REPORTED_THAT = re.compile(rf"^.*?\b(?:{SPEECH_VERBS})\s+(?:[\w’']+\s+)?that\s+")
_SPEAKER_LEAD = re.compile(rf"^{NAME}\s+(?:also\s+)?(?:{SPEECH_VERBS})\s+")
_COORDINATION = re.compile(r",\s|\s(?:and|but|while|whereas)\s")
_POSSESSIVE_LEAD = re.compile(r"^(his|her)\s+", re.I)
_THAT_CLAUSE = re.compile(r"\bthat\s+(.+)$")
_QUOTE = re.compile(r"“([^”]{12,})”")
_CONTENT_END = re.compile(r",\s+(?:but|and|while|although)\b|;|—")
_DELIGHTED_LEAD = re.compile(r"^(?:I’m|I am)\s+delighted to report that\s+")
_ANNOUNCE_LEAD = re.compile(r"^I can announce\s+(?:today\s+)?that\s+")
_QUOTE_END = re.compile(r",\s+(?:and|but)\b|;|\.(?!\d)")
_ARTICLE_LEAD = re.compile(r"^(?:the|a|an)\s+", re.I)
_WE_ARE = re.compile(r"\b(?:we are|we’re)\b")
_FIRST_PERSON_LEAD = re.compile(
    r"^(?:I|we)(?:’m|'m| am| are|’re)?\b[^,;]*?\b(?:report|announce|say|confirm|tell you)\s+that\s+",
    re.IGNORECASE,
)


def _cut_after_timex(text: str, timex_at: int) -> str:
    """Drop what a coordinating conjunction or comma adds after the date ("... and were on course")."""
    m = _COORDINATION.search(text, timex_at)
    return text[: m.start()] if m else text


def _resolve_possessive(np: str, sentence: str) -> str:
    m = _POSSESSIVE_LEAD.match(np)
    if not m:
        return np
    name = last_name_before(sentence[: sentence.find(np)] if np in sentence else sentence)
    return f"{surname(name)}’s {np[m.end() :]}" if name else np[m.end() :]


def _statement_title(sentence: str, rel_start: int, rel_end: int, speaker: str) -> str:
    """ "Rutte: alliance will reach €40 billion military aid target" from the statement's content."""
    content = ""
    m = _THAT_CLAUSE.search(sentence[rel_end:])
    quote = _QUOTE.search(sentence)
    if m and not sentence[rel_end:].lstrip().startswith(("“", '"')):
        content = _CONTENT_END.split(m.group(1))[0]
    elif quote:
        content = quote.group(1)
        content = _DELIGHTED_LEAD.sub("", content)
        content = _ANNOUNCE_LEAD.sub("", content)
        content = _QUOTE_END.split(content)[0]
    else:
        content = _strip_timex(sentence, rel_start, rel_end)
    content = _ARTICLE_LEAD.sub("", content.strip())
    content = _WE_ARE.sub("allies are", content)
    if not content:
        return _tidy(f"{speaker} statement")
    body = _tidy(content, 12)
    if len(body) > 1 and body[1].islower() and not body.startswith("I "):
        body = body[0].lower() + body[1:]
    return f"{speaker}: {body}" if speaker else body
