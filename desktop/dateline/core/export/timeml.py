"""TimeML 1.2.1 (.tml), one file per document, in the layout of the TempEval-3 corpora.

The text between tags is the stored document text, so a parser's ``itertext()`` over <TEXT> gives back
the exact characters the stored offsets refer to. Two things XML cannot carry as-is are handled here:
a carriage return would be folded into a newline by every parser, so it is written as ``&#13;``; and
characters XML 1.0 forbids outright (NUL and most C0 controls, lone surrogates) cannot be written at
all, so they become U+FFFD and that one document no longer round-trips byte for byte.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import DocumentRecord, ExportBundle, TimexRecord
from ._common import Progress, each

_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
)
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TYPES = {"DATE", "TIME", "DURATION", "SET"}


def _text(s: str) -> str:
    s = _FORBIDDEN.sub("\ufffd", s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(s: str) -> str:
    # Attribute values are normalised by parsers (tabs and newlines become spaces): escape them too.
    s = _text(s).replace('"', "&quot;")
    return s.replace("\t", "&#9;").replace("\n", "&#10;")


def slug(title: str, limit: int = 40) -> str:
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return s[:limit].rstrip("-") or "document"


def file_name(doc: DocumentRecord) -> str:
    return f"{doc.id}-{slug(doc.title or doc.path)}.tml"


def kept_timexes(doc: DocumentRecord, timexes: list[TimexRecord]) -> list[TimexRecord]:
    """The timexes that can be tagged: valid spans, and no overlaps.

    TIMEX3 elements cannot nest or cross, so where two overlap the outer one (the earlier start, then
    the longer span) is kept and the inner one dropped: the outer span is what TempEval annotates.
    """
    kept: list[TimexRecord] = []
    edge = 0
    for t in sorted(timexes, key=lambda t: (t.start, -t.end, t.id)):
        if not (0 <= t.start < t.end <= len(doc.text)) or t.start < edge:
            continue
        kept.append(t)
        edge = t.end
    return kept


def render_document(doc: DocumentRecord, timexes: list[TimexRecord]) -> str:
    kept = kept_timexes(doc, timexes)
    tids = {t.start: f"t{i}" for i, t in enumerate(kept, 1)}
    out = [_HEADER, f"<DOCID>{_text(file_name(doc)[:-4])}</DOCID>\n"]
    if doc.published is not None:
        dct = doc.published.isoformat()
        out.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false"'
            f' functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        )
    else:
        # TempEval tools expect a DCT element; an unknown publication date is said as such.
        out.append(
            '<DCT><TIMEX3 tid="t0" type="DATE" value="XXXX-XX-XX" temporalFunction="false"'
            ' functionInDocument="CREATION_TIME"></TIMEX3></DCT>\n'
        )
    out.append(f"<TITLE>{_text(doc.title)}</TITLE>\n")
    out.append("<TEXT>")
    pos = 0
    for t in kept:
        out.append(_text(doc.text[pos : t.start]))
        attrs = [
            f'tid="{tids[t.start]}"',
            f'type="{t.type if t.type in _TYPES else "DATE"}"',
            f'value="{_attr(t.value)}"',
        ]
        relative = t.anchor in ("published", "mention")
        attrs.append(f'temporalFunction="{"true" if relative else "false"}"')
        attrs.append('functionInDocument="NONE"')
        if t.anchor == "published" and doc.published is not None:
            attrs.append('anchorTimeID="t0"')
        elif t.anchor == "mention" and t.anchor_start in tids:
            attrs.append(f'anchorTimeID="{tids[t.anchor_start]}"')
        out.append(f"<TIMEX3 {' '.join(attrs)}>{_text(doc.text[t.start : t.end])}</TIMEX3>")
        pos = t.end
    out.append(_text(doc.text[pos:]))
    out.append("</TEXT>\n</TimeML>\n")
    return "".join(out)


def render_timeml(bundle: ExportBundle, progress: Progress | None = None) -> dict[str, str]:
    """File name -> file text, one per document of the bundle."""
    by_doc: dict[int, list[TimexRecord]] = {}
    for t in bundle.timexes:
        by_doc.setdefault(t.document_id, []).append(t)
    return {
        file_name(d): render_document(d, by_doc.get(d.id, []))
        for d in each(bundle.documents, progress)
    }
