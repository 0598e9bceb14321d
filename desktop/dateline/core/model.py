"""Value types shared by every layer: timexes, documents, proposed and stored events.

All are frozen dataclasses; dates are ``datetime.date``; TIMEX3 values are strings
(see ``dateline.core.timevalue`` for turning a value into an interval or a label).
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, TypeVar

_T = TypeVar("_T")


def pickled_as_arguments(cls: type[_T]) -> type[_T]:
    """Pickle ``cls`` (a dataclass whose fields are all ``__init__`` arguments) as those arguments.
    Dataclasses' own way looks the fields up again for every object loaded: what an import's
    worker hands back (hundreds of timexes, events and sources a batch) took twice as long."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    assert names and all(f.init for f in fields(cls))  # type: ignore[arg-type]
    getter = operator.attrgetter(*names)

    def reduce(self: Any) -> tuple[type[_T], tuple[Any, ...]]:
        values = getter(self)
        return cls, values if len(names) > 1 else (values,)

    cls.__reduce__ = reduce  # type: ignore[method-assign]
    return cls


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Granularity(StrEnum):
    """Precision of a date value, finest first. Order matters: see ``GRANULARITY_ORDER``."""

    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    UNKNOWN = "unknown"  # PRESENT_REF, PAST_REF, FUTURE_REF, durations, unresolved values


GRANULARITY_ORDER: tuple[Granularity, ...] = tuple(Granularity)


class Anchor(StrEnum):
    """What a timex was resolved against. ``MENTION`` timexes also carry ``anchor_start``."""

    ABSOLUTE = "absolute"  # fully specified in the text ("16 October 2024")
    PUBLISHED = (
        "published"  # relative to the document's publication date ("Wednesday", "next month")
    )
    MENTION = "mention"  # relative to an earlier timex in the text ("the next day")
    NONE = "none"  # relative, but nothing to anchor it to (no publication date): needs an anchor


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a text.

    ``text == source[start:end]``; the span never includes a leading preposition.
    ``earliest``/``latest`` are the inclusive calendar days the value covers (None when the value is
    unresolved, a duration or a set). ``group`` is shared by the parts of one coordinated or ranged
    expression ("Thursday and Friday", "July 9-11", "between 2019 and 2021"); ``group_role`` is
    "start", "end" or "member".
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    granularity: Granularity
    earliest: dt.date | None
    latest: dt.date | None
    anchor: Anchor
    rule: str
    confidence: float
    anchor_start: int | None = None  # offset of the earlier mention for Anchor.MENTION
    needs_anchor: bool = False
    mod: str = ""  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, EARLY, LATE...
    tense: str = ""  # "past", "present", "future" or "" when the clause gave no clue
    group: int | None = None
    group_role: str = ""
    explanation: str = (
        ""  # one human line: "'Thursday' in a future-tense clause of ... -> Thu 17 Oct 2024"
    )
    alternatives: tuple[str, ...] = ()  # other values considered, best first


# Where a document's publication date came from (``published_source``), in the words the window
# shows: "Published Sat 1 Mar 2008 (from the date line under the headline)".
PUBLISHED_REASONS: dict[str, str] = {
    "dateline": "from the date line under the headline",
    "metadata": "from the file's metadata",
    "email": "from the e-mail's Date header",
    "manifest": "from the import manifest",
    "argument": "given on the command line",
    "analyst": "set by the analyst",
    "unknown": "guessed",
}


def published_reason(source: str) -> str:
    """Where a publication date came from, in words. A source this version does not know (in a
    project written by a newer one) reads "from <source>" rather than a bare code."""
    return PUBLISHED_REASONS.get(source, f"from {source}")


@dataclass(frozen=True, slots=True)
class Article:
    """A text to extract from, the engine's input: a file just read (``ParsedArticle.article``) or a
    stored document (``DocumentRecord.article``).

    One article has three shapes, each for one layer. ``readers.ParsedArticle`` is what a reader
    made of a file: the article plus the facts of reading it (warnings, the date line taken out of
    the text), and no id yet. ``Article`` is what the engine reads, under an id; it also carries
    what the import stores of the file (outlet, URL, format, encoding), so one value goes from
    reading to storing. ``DocumentRecord`` is the stored row: a database id, the content hash that
    finds duplicates, when it was imported. Each turns into the next in one place:
    ``ParsedArticle.article``, ``store.records.document_row`` (the row to insert) and
    ``store.records.document_record`` (the row read back), ``DocumentRecord.article``.
    """

    id: str
    text: str
    title: str = ""
    published: dt.date | None = None
    path: str = ""
    # a key of PUBLISHED_REASONS: metadata | dateline | email | analyst | manifest | argument | unknown
    published_source: str = "unknown"
    source: str = ""  # outlet name
    url: str = ""
    author: str = ""
    language: str = "en"
    format: str = "text"
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    is_headline: bool = False


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a proposed event comes from: one timex in one sentence of one document."""

    document: str
    start: int  # timex span in the document text
    end: int
    text: str  # the timex text
    sentence: str
    sentence_start: int
    sentence_end: int
    rule: str
    value: str  # this source's own reading of the date
    confidence: float
    # What matching needs of this report (content words and the markers of ``happening.profile``),
    # computed with the article's context so "he said" keeps its speaker after merges and splits.
    terms: tuple[str, ...] = ()
    basis: str = ""  # how the date was found when the clause states none ("headline event, ...")
    joined: str = ""  # why this report was joined to its event ("same speaker Rutte; same day ...")


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class ProposedEvent:
    """A candidate timeline event made by the machine, not yet reviewed."""

    id: str  # stable across runs for the same sources
    title: str
    value: str
    end: str | None
    granularity: Granularity
    earliest: dt.date | None
    latest: dt.date | None
    confidence: float
    sources: tuple[SourceRef, ...]
    key_terms: tuple[str, ...] = ()


# ---- stored records (rows of the project database, as read by the store) ----


class Status(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EDITED = "edited"


RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")  # source reliability (Admiralty scale)
CREDIBILITY_GRADES = (1, 2, 3, 4, 5, 6)  # information credibility (Admiralty scale)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: int
    content_hash: str
    title: str
    text: str
    published: dt.date | None
    published_source: str  # a key of PUBLISHED_REASONS
    source: str = ""  # outlet name
    url: str = ""
    author: str = ""
    language: str = "en"
    path: str = ""
    imported_at: str = ""
    format: str = "text"
    encoding: str = "utf-8"

    def article(self) -> Article:
        """What the engine reads of this document (its id as the article id): the article it was
        imported as (``store.records.document_row``), under its stored id."""
        return Article(
            id=str(self.id),
            text=self.text,
            title=self.title,
            published=self.published,
            path=self.path,
            published_source=self.published_source,
            source=self.source,
            url=self.url,
            author=self.author,
            language=self.language,
            format=self.format,
            encoding=self.encoding,
        )


@dataclass(frozen=True, slots=True)
class SourceRecord:
    id: int
    event_id: int
    document_id: int
    sentence_start: int
    sentence_end: int
    timex_start: int | None
    timex_end: int | None
    quote: str  # the sentence text
    timex_text: str = ""
    value: str = ""  # this source's reading of the date
    rule: str = ""
    origin: str = "machine"  # machine | analyst
    extractor_version: str = ""
    document_title: str = ""
    match_terms: tuple[str, ...] = ()  # SourceRef.terms as stored (see core.happening.profile)
    basis: str = ""  # SourceRef.basis as stored
    joined: str = ""  # SourceRef.joined as stored
    copy_of: int | None = None  # the document's original when it is a copy (documents.copy_of)


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: int
    title: str
    value: str
    end: str | None
    granularity: Granularity
    earliest: dt.date | None
    latest: dt.date | None
    status: Status
    confidence: float
    origin: str = "machine"  # machine | analyst
    description: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""
    location: str = ""
    actors: str = ""
    reliability: str | None = None  # A-F
    credibility: int | None = None  # 1-6
    flags: tuple[str, ...] = ()  # e.g. "anchor-changed", "date-conflict"
    version: int = 1
    created_at: str = ""
    updated_at: str = ""
    sources: tuple[SourceRecord, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class TimexRecord:
    id: int
    document_id: int
    start: int
    end: int
    text: str
    type: str
    value: str
    granularity: str
    anchor: str
    rule: str
    confidence: float = 1.0
    earliest: dt.date | None = None
    latest: dt.date | None = None
    anchor_start: int | None = None  # offset of the earlier timex a MENTION-anchored one hangs on
    explanation: str = ""  # the engine's one-line reading of how the value was resolved
    alternatives: tuple[str, ...] = ()  # other values the engine considered, best first


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str  # ISO 8601 UTC
    who: str
    action: str  # accept, reject, edit, merge, split, tag, note, create, delete, import, set-published...
    entity: str  # event | document | source
    entity_id: int
    before: dict[str, object]
    after: dict[str, object]


@dataclass(frozen=True, slots=True)
class ExportBundle:
    """Everything an exporter needs, read from the store in one go (exporters never query)."""

    documents: tuple[DocumentRecord, ...]
    events: tuple[EventRecord, ...]  # already filtered to the chosen subset, in date order
    timexes: tuple[TimexRecord, ...] = ()  # reviewed timexes of those documents (TimeML)
    audit: tuple[AuditEntry, ...] = ()  # audit rows of the exported events
    title: str = "Dateline timeline"
    generated_at: str = ""  # ISO 8601 UTC
    project_key: str = ""  # the project's stable identity (its db path): unique iCalendar UIDs
