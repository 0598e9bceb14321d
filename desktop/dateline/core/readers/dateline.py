"""The date line at the top of an article ("March 01, 2008" under the headline, a byline date,
"WASHINGTON, March 1 (Reuters) -") -> the publication date, and that line out of the text.

The line is metadata, not something that happened: it is removed from the text the engine sees
(the stored text is that text, so every offset stays right) and kept in ``Header.removed`` for
display. Only the header block is read: the title and a few short lines, up to the first
paragraph of prose. A date further down is never taken, nor a line holding two dates, a date
inside a sentence, or a weekday that does not match its date. When the header's date lines
disagree nothing is taken and nothing removed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.core.calendar_words import WEEKDAYS
from dateline.core.readers.article import Draft
from dateline.core.readers.dates import parse_date

HEADER_LINES = 6  # the title and five more non-empty lines
PROSE_WORDS = 30  # a line this long is the body's first paragraph: the header ends with it
SENTENCE_WORDS = 8  # a line this long ending like a sentence reads as prose
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’")

_WD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"(?:1[89]|20)\d{2}"
_DATE = re.compile(
    rf"(?<![\w/.-])(?:(?P<wd>{_WD}),?\s+)?(?P<date>{_MON}\s+{_D},?\s+{_Y}"
    rf"|{_D}\s+(?:of\s+)?{_MON},?\s+{_Y}"
    rf"|{_Y}-\d{{1,2}}-\d{{1,2}}(?:T[\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|{_Y}/\d{{1,2}}/\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]{_Y})(?![\w/-])",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:\||•|·|—|–|\s-\s|,|;)\s*|\s+/\s+")
_LABEL = re.compile(
    r"^(?:(?:first|originally)\s+)?(?P<word>published|posted|updated|last\s+updated|modified|"
    r"last\s+modified|filed|issued|released|created|dated|date|on)(?:\s+(?:on|at))?\s*:?\s*",
    re.I,
)
_UPDATE_WORDS = ("updated", "last updated", "modified", "last modified")
_TIME = re.compile(
    r"^(?:at\s+)?\d{1,2}(?:[:.h]\d{2}){0,2}\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:\s*\(?(?:[A-Z]{1,4}T|utc|gmt|et|pt|ct|mt|cet|cest|bst|ist|jst)"
    r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?$",
    re.I,
)
_ZONE = re.compile(r"^\(?(?:[A-Z]{1,4}T|UTC|GMT|ET|PT|CT|MT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?$")
_BYLINE = re.compile(r"^by\s+(?P<name>[^\d|]{2,80})$", re.I)
_NAME = re.compile(r"^\(?(?:[A-Z][\w.'’&-]*\)?(?:\s+|$)){1,5}$")
_DECORATION = "*_#>`~=\"'“”‘’()[]{}.:"
_HAS_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_YEAR = re.compile(rf"(?<![\w$€£-]){_Y}(?![\w-])")
_WIRE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][A-Za-z.'’ -]*[a-zA-Z.])?)"
    rf"(?P<date>\s*,\s*(?i:(?:{_WD},?\s+)?(?P<md>{_MON}\s+{_D})(?:,?\s+(?P<year>{_Y}))?))"
    r"\s*(?P<agency>\([^()\n]{1,40}\))?\s*(?:[-–—]+|:)\s+"
)


@dataclass(frozen=True)
class LineDate:
    """What one line says as a date line: ``kind`` is "date", "updated" or "ambiguous"."""

    kind: str
    date: dt.date | None = None
    author: str = ""
    why: str = ""


@dataclass(frozen=True)
class Header:
    """The text without its date line(s), and what they said."""

    text: str
    published: dt.date | None = None
    removed: tuple[str, ...] = ()  # the lines (or the wire dateline's date) taken out, as written
    author: str = ""
    warnings: tuple[str, ...] = ()


def classify_line(line: str, *, first: bool = False) -> LineDate | None:
    """The line as a date line, or None when it is not one (no date, or a date inside prose).

    ``first`` is the article's first line: there capitalised words next to the date are a
    headline unless the line is a byline ("By Jane Doe, Associated Press | March 1, 2008").
    """
    if len(line) > 200 or not _HAS_YEAR.search(line):  # most lines: no date line, cheaply
        return None
    line = line.strip().strip(_DECORATION + " ").strip()
    if not line or len(line) > 160:
        return None
    matches = list(_DATE.finditer(line))
    if not matches:
        return None
    if len(matches) > 1:
        return LineDate("ambiguous", why=f"two dates on one line: '{line}'")
    match = matches[0]
    before = _segments(line[: match.start()])
    after = _segments(line[match.end() :])
    kinds = [_segment_kind(segment) for segment in before + after]
    if None in kinds:
        return None  # words that are not a byline, label or time: a sentence or a headline
    bylines = [k[3:] for k in kinds if k and k.startswith("by:")]
    if first and "name" in kinds and not bylines:
        return None
    author = bylines[0] if bylines else ""
    date = parse_date(match.group("date").replace(" of ", " "))
    if date is None:
        return LineDate("ambiguous", why=f"not a clear date: '{match.group(0)}'")
    weekday = match.group("wd")
    if weekday and WEEKDAYS[weekday[:3].lower()] != date.weekday():
        return LineDate("ambiguous", why=f"'{match.group(0)}': the weekday does not match the date")
    label = _LABEL.match(before[-1]) if before else None
    if label and " ".join(label.group("word").lower().split()) in _UPDATE_WORDS:
        return LineDate("updated", date, author)
    return LineDate("date", date, author)


def _segments(part: str) -> list[str]:
    pieces = (p.strip(_DECORATION + " ") for p in _SEPARATORS.split(part))
    return [p for p in pieces if p]


def _segment_kind(segment: str) -> str | None:
    """label | time | by:NAME | name | None (anything else)."""
    rest = segment
    label = _LABEL.match(rest)
    if label:
        rest = rest[label.end() :].strip()
        if not rest:
            return "label"
    if _TIME.match(rest) or _ZONE.match(rest):
        return "time"
    byline = _BYLINE.match(rest)
    if byline:
        return "by:" + " ".join(byline.group("name").split())
    if not label and _NAME.match(rest) and not any(c.isdigit() for c in rest):
        return "name"
    return None


def read_dateline(text: str) -> Header:
    """The publication date from the header block, and the text without its date line(s)."""
    lines = text.split("\n")
    header = _header_indexes(lines)
    found: list[tuple[int, LineDate]] = []
    for position, i in enumerate(header):
        result = classify_line(lines[i], first=position == 0)
        if result is not None:
            found.append((i, result))
    ambiguous = [r.why for _, r in found if r.kind == "ambiguous"]
    dates = {r.date for _, r in found if r.kind == "date"}
    if ambiguous:
        return Header(
            text, warnings=(f"publication date not read from the header: {ambiguous[0]}",)
        )
    if len(dates) > 1:
        shown = ", ".join(sorted(d.isoformat() for d in dates if d))
        return Header(
            text, warnings=(f"publication date not read: the header names several dates ({shown})",)
        )
    published = next(iter(dates), None)
    warnings: list[str] = []
    if published is None and found:
        updated = found[0][1].date
        warnings.append(
            f"the header only gives an update date ({updated}); not used as the publication date"
        )
    author = next((r.author for _, r in found if r.author), "")
    removed_lines = {i for i, _ in found}
    removed = [lines[i].strip() for i, _ in found]
    wire = _wire_dateline(lines, header, removed_lines, published, warnings)
    if wire is not None:
        index, new_line, fragment, wire_date = wire
        lines[index] = new_line
        removed.append(fragment)
        published = published or wire_date
    if not removed:
        return Header(text, warnings=tuple(warnings))
    kept = _drop_lines(lines, removed_lines)
    return Header("\n".join(kept), published, tuple(removed), author, tuple(warnings))


def _header_indexes(lines: list[str]) -> list[int]:
    """Indexes of the header block's non-empty lines.

    The first paragraph of prose ends it: a long line, or the second line that reads as a
    sentence (the first may be a standfirst under the headline, above the byline).
    """
    indexes: list[int] = []
    sentences = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        indexes.append(i)
        words = len(line.split())
        if words >= SENTENCE_WORDS and line.rstrip().endswith(_SENTENCE_ENDS):
            sentences += 1
        if len(indexes) >= HEADER_LINES or words >= PROSE_WORDS or sentences >= 2:
            break
    return indexes


def _wire_dateline(
    lines: list[str],
    header: list[int],
    removed: set[int],
    published: dt.date | None,
    warnings: list[str],
) -> tuple[int, str, str, dt.date | None] | None:
    """(line index, the line without its date, the date as written, the date) for a wire dateline."""
    for position, i in enumerate(header):
        if i in removed or position == 0:
            continue
        match = _WIRE.match(lines[i].lstrip())
        if match is None:
            continue
        if not match.group("place").isupper() and not match.group("agency"):
            continue
        year = match.group("year")
        if year is None:
            year = published.year if published else _header_year(lines, header[:position])
        date = parse_date(f"{match.group('md')} {year}") if year else None
        if published is not None and date is not None and date != published:
            warnings.append(
                f"the wire dateline says {date.isoformat()}, the date line "
                f"{published.isoformat()}; using the date line"
            )
        if date is None and published is None:
            return None  # a month and day with no year anywhere safe: leave the text alone
        indent = len(lines[i]) - len(lines[i].lstrip())
        start, end = indent + match.start("date"), indent + match.end("date")
        fragment = lines[i][start:end].lstrip(", ")
        return i, lines[i][:start] + lines[i][end:], fragment, date
    return None


def _header_year(lines: list[str], indexes: list[int]) -> str | None:
    """The one year the header's short lines (not the title) name, if exactly one."""
    years: set[str] = set()
    for position, i in enumerate(indexes):
        if position == 0 or len(lines[i].split()) > 10:
            continue  # a year in a headline is often the subject ("2009 deliveries"), not the date
        years.update(_YEAR.findall(lines[i]))
    return years.pop() if len(years) == 1 else None


def _drop_lines(lines: list[str], drop: set[int]) -> list[str]:
    """Lines without ``drop``; a blank line left next to another blank line goes too."""
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if not line.strip() and (not kept or not kept[-1].strip()) and i - 1 in drop:
            continue
        kept.append(line)
    return kept


def take_dateline(draft: Draft) -> None:
    """Apply ``read_dateline`` to a reader's draft: the date if it had none, the line out.

    A date the file states as metadata wins over the date line (with a warning if they differ);
    an e-mail's Date header is when it was sent, so an article's own date line wins over it.
    """
    header = read_dateline(draft.text)
    has_date = draft.published is not None and draft.published_source != "email"
    if not has_date:
        draft.warnings.extend(header.warnings)
    if not header.removed:
        return
    draft.text = header.text
    draft.dateline = "\n".join(header.removed)
    draft.author = draft.author or header.author
    if header.published is None or header.published == draft.published:
        return
    if draft.published is None:
        draft.published, draft.published_source = header.published, "dateline"
    elif draft.published_source == "email":
        draft.warnings.append(
            f"the e-mail was sent {draft.published.isoformat()}; the article's date line says "
            f"{header.published.isoformat()}: using the date line"
        )
        draft.published, draft.published_source = header.published, "dateline"
    else:
        draft.warnings.append(
            f"the date line says {header.published.isoformat()}, the file's metadata "
            f"{draft.published.isoformat()}: using the metadata"
        )
