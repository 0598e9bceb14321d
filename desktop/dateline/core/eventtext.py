"""What a dated sentence says happened: a short clause-based title, key terms, and speech frames.

Heuristics over surface text (no parser): news copy is regular enough that the clause around a date, the
noun phrase it modifies, or the statement it dates ("Rutte said Wednesday that ...") gives a usable title.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .tailmatch import TailPattern

SPEECH_VERBS = (
    "said|says|say|told|tells|announced|announces|announce|confirmed|confirms|added|adds|stated|"
    "declared|warned|warns|stressed|noted|insisted|argued|acknowledged|explained|promised|vowed|"
    "urged|claimed|denied|revealed|disclosed|admitted|pledged to|wrote|tweeted|posted"
)
_SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_SPEECH_NOUN = re.compile(
    r"\b(?:press|news) conference|\bpress briefing|\bbriefing|\binterview|\bspeech|\baddress|\bstatement"
)
_NAME = r"(?:[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|de|van|von|bin|al-?))*)"
_PRONOUNS = {"he", "she", "they", "we", "i"}
_PREPOSITIONS = (
    "on|in|at|during|by|since|until|till|from|for|of|before|after|through|throughout|around|"
    "about|as of|early|late|later|earlier|over|to"
)
_LEADING_PREPOSITION = TailPattern(
    rf"(?:\b(?:{_PREPOSITIONS})\s+)+$", _PREPOSITIONS.replace("|", " ").split(), re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:“”\"]|—|–|\s-\s|,(?=\s))\s*")
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
    verdict ruling sentencing arrest resignation appointment merger acquisition ipo""".split()
)
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
_WORD = re.compile(r"[€$£]?\d[\d.,]*(?:\s(?:billion|million|trillion))?|[A-Za-zÀ-ÿ][\w’'\-]*")


@dataclass(frozen=True, slots=True)
class Frame:
    title: str
    terms: frozenset[str]
    speaker: str = ""  # surname of the person whose statement the date attaches to
    speech: bool = False
    event_noun: str = ""


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
    terms = {term for term in map(_term, _WORD.findall(text)) if term is not None}
    return frozenset(terms)


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


_NAMES = re.compile(_NAME)
_VERB_ENDING = re.compile(rf"\b({SPEECH_VERBS})\b((?:\s+[\w’'\-]+){{0,4}}?)\s*$")
_VERB_OPENING = re.compile(rf"^\s*,?\s*(?:{_NAME}\s+)?({SPEECH_VERBS})\b")
_CLAUSE_PUNCTUATION = re.compile(r"[,;“”\"—]")
_VERB_THEN_NAME_AT = re.compile(rf"\s*(?:{SPEECH_VERBS})\s+({_NAME})")
_PRONOUN_ENDING = re.compile(r"\b(he|she|they|we|I)\s*$", re.I)
_NAME_THEN_VERB = re.compile(rf"({_NAME})\s+(?:{SPEECH_VERBS})\b")
_NAME_NEAR_VERB = re.compile(rf"({_NAME})\s+(?:[\w’'\-]+\s+){{0,2}}(?:{SPEECH_VERBS})\b")
_VERB_THEN_NAME = re.compile(rf"\b(?:{SPEECH_VERBS})\s+({_NAME})")


_CORPORATE = frozenset("Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC Plc PLC AG SA NV".split())


def _surname(name: str) -> str:
    """The last name of a person, or the name of a company without its legal suffix."""
    parts = [p for p in name.split() if p[:1].isupper() and p not in _CORPORATE]
    if not parts:
        return ""
    last = parts[-1]
    for suffix in ("'s", "’s"):
        last = last.removesuffix(suffix)
    return last.rstrip("’'.,")


def _last_name_before(text: str) -> str:
    names = _NAMES.findall(text)
    for name in reversed(names):
        first = name.split()[0]
        if first.lower() in {"the", "a", "an", "in", "on", "at", "during", "nato", "eu", "u.s"}:
            name = " ".join(name.split()[1:])
        if name.lower() in _PRONOUNS or name.lower() == "it":
            continue  # "He said on Wednesday": a capitalised pronoun, resolved by the caller
        if name and not name.isupper():
            return name
    return ""


def find_speaker(
    sentence: str, rel_start: int, rel_end: int, last_speaker: str | Callable[[], str]
) -> tuple[str, bool]:
    """If the date at [rel_start, rel_end) of ``sentence`` dates a statement, return (speaker, True).

    Covers "X said Wednesday", "X told a press conference on Wednesday", "I can announce today",
    "X on Wednesday said", "During a press conference on Wednesday, X confirmed", and pronouns
    resolved to the last speaker of the article. ``last_speaker`` may be a function that finds them:
    few statements need them, and finding them means reading every earlier sentence.
    """
    before = sentence[max(0, rel_start - 60) : rel_start]
    after = sentence[rel_end : rel_end + 60]
    before_clean = _LEADING_PREPOSITION.remove(before)
    # "said Wednesday", "told a press conference on Wednesday", "announce today"
    m = _VERB_ENDING.search(before_clean)
    attached = bool(m)
    verb_pos = (rel_start - len(before)) + m.start() if m else -1
    if not attached:
        # "Rutte on Wednesday said", "Wednesday, Rutte said"
        m2 = _VERB_OPENING.match(after)
        if m2:
            attached = True
            verb_pos = rel_end + m2.start(1)
    if not attached and _SPEECH_NOUN.search(before_clean[-40:]):
        attached = True
        m3 = _SPEECH_VERB.search(sentence, rel_end)
        verb_pos = m3.start() if m3 else -1
    if not attached:
        return "", False
    # Who speaks: the name before the verb in the same clause, an inverted "said Rutte", or a pronoun.
    speaker = ""
    if verb_pos >= 0:
        head = sentence[:verb_pos]
        clause_head = _CLAUSE_PUNCTUATION.split(head)[-1]
        speaker = _last_name_before(clause_head)
        if not speaker:
            tail = _VERB_THEN_NAME_AT.match(sentence, verb_pos)
            if tail:
                speaker = tail.group(1)
        if not speaker:
            pron = _PRONOUN_ENDING.search(clause_head.strip())
            if (
                pron
                or clause_head.strip().lower() in _PRONOUNS
                or sentence.lstrip().startswith("“")
            ):
                speaker = last_speaker if isinstance(last_speaker, str) else last_speaker()
        if not speaker:
            # "During a press conference on Wednesday, Rutte confirmed ..."
            rest = sentence[rel_end:]
            m4 = _NAME_THEN_VERB.search(rest)
            if m4:
                speaker = m4.group(1)
    return _surname(speaker) if speaker else "", True


def sentence_speaker(sentence: str) -> str:
    """The surname of whoever the sentence quotes, if anyone (for resolving a later "he said")."""
    m = _NAME_NEAR_VERB.search(sentence)
    if m:
        name = _last_name_before(m.group(1)) or m.group(1)
        # "He said ...": not a name; the speaker is whoever an earlier sentence named
        return "" if name.lower() in _PRONOUNS or name.lower() == "it" else _surname(name)
    m = _VERB_THEN_NAME.search(sentence)
    return _surname(m.group(1)) if m else ""


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:])")
_EDITORIAL_INSERTION = re.compile(r"\[\w+\]\s*")  # "[on]"


def _tidy(title: str, max_words: int = 14) -> str:
    title = " ".join(title.split()).strip(" ,;:.—–-\"“”'’")
    title = _SPACE_BEFORE_PUNCTUATION.sub("", title)
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
    return _LEADING_PREPOSITION.remove(_TRAILING_DETERMINER.remove(before)).rstrip()


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
) -> Frame:
    """Title, key terms and speech frame for the happening that the date at [rel_start, rel_end) dates."""
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
        title = _tidy(_DETERMINERS.sub("", text))
        clause_text = text
    return Frame(title, key_terms(clause_text), speaker, False, event_noun)


_REPORTED_THAT = re.compile(rf"^.*?\b(?:{SPEECH_VERBS})\s+(?:[\w’']+\s+)?that\s+")
_SPEAKER_LEAD = re.compile(rf"^{_NAME}\s+(?:also\s+)?(?:{SPEECH_VERBS})\s+")
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
    name = _last_name_before(sentence[: sentence.find(np)] if np in sentence else sentence)
    return f"{_surname(name)}’s {np[m.end() :]}" if name else np[m.end() :]


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
