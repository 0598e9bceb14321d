"""TimeML export: parsed with lxml and ElementTree, text byte for byte, TIMEX3 at the stored offsets."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from export_fixtures import seed_bundle
from lxml import etree

from dateline.core.export import write_export
from dateline.core.model import DocumentRecord, ExportBundle, TimexRecord


def _spans(text_el) -> tuple[str, list[tuple[int, int, dict[str, str], str]]]:
    """The plain text under <TEXT> and each TIMEX3 as (start, end, attributes, text)."""
    parts = [text_el.text or ""]
    spans = []
    pos = len(parts[0])
    for child in text_el:
        inner = "".join(child.itertext())
        spans.append((pos, pos + len(inner), dict(child.attrib), inner))
        parts += [inner, child.tail or ""]
        pos += len(inner) + len(child.tail or "")
    return "".join(parts), spans


def _export(tmp_path, bundle: ExportBundle):
    return write_export(bundle, "timeml", tmp_path / "tml")


def test_every_seed_document_round_trips_byte_for_byte(tmp_path):
    bundle = seed_bundle()
    files = _export(tmp_path, bundle)
    assert [p.name for p in files] == [
        "1-nato-on-track-to-deliver-40-billion-for.tml",
        "2-nato-pledges-money-not-membership-as-zel.tml",
    ]
    for path, doc in zip(files, bundle.documents, strict=True):
        for root in (etree.parse(str(path)).getroot(), ET.parse(path).getroot()):
            assert root.tag == "TimeML"
            text_el = root.find("TEXT")
            assert "".join(text_el.itertext()) == doc.text
            assert root.findtext("TITLE") == doc.title
            dct = root.find("DCT/TIMEX3")
            assert dct.get("value") == "2024-10-16"
            assert dct.get("functionInDocument") == "CREATION_TIME" and dct.get("tid") == "t0"


def test_timex3_tags_sit_on_the_stored_offsets_with_reviewed_values(tmp_path):
    bundle = seed_bundle()
    files = _export(tmp_path, bundle)
    for path, doc in zip(files, bundle.documents, strict=True):
        plain, spans = _spans(etree.parse(str(path)).getroot().find("TEXT"))
        assert plain == doc.text
        stored = sorted(
            (t.start, t.end, t.value, t.text) for t in bundle.timexes if t.document_id == doc.id
        )
        assert [(s, e, a["value"], txt) for s, e, a, txt in spans] == stored
        for s, e, attrs, _ in spans:
            assert doc.text[s:e] == plain[s:e]
            assert attrs["type"] == "DATE"
            assert attrs["tid"] != "t0"
        weekdays = [a for _, _, a, txt in spans if txt == "Wednesday"]
        assert len(weekdays) == 3
        assert {(a["value"], a["anchorTimeID"], a["temporalFunction"]) for a in weekdays} == {
            ("2024-10-16", "t0", "true")
        }
        absolute = [a for _, _, a, txt in spans if txt == "first half of 2024"]
        assert absolute[0]["value"] == "2024-H1"
        assert "anchorTimeID" not in absolute[0] and absolute[0]["temporalFunction"] == "false"


def _doc(text: str, published: dt.date | None = dt.date(2024, 3, 4)) -> DocumentRecord:
    return DocumentRecord(5, "h", 'Odd & <"title">', text, published, "analyst")


def _timex(i: int, text: str, start: int, length: int, value: str, anchor: str = "published", **kw):
    return TimexRecord(i, 5, start, start + length, text[start : start + length], "DATE", value,
                       "day", anchor, "g", **kw)  # fmt: skip


def test_markup_characters_carriage_returns_and_tabs_survive(tmp_path):
    text = 'A & B <tag> "q" ]]> on Monday,\r\nthen\ttabs\r and the next day\n\n  end  '
    m, nd = text.index("Monday"), text.index("the next day")
    bundle = ExportBundle(
        documents=(_doc(text),),
        events=(),
        timexes=(
            _timex(1, text, m, 6, "2024-03-04"),
            _timex(2, text, nd, 12, "2024-03-05", anchor="mention", anchor_start=m),
        ),
    )
    [path] = _export(tmp_path, bundle)
    for root in (etree.parse(str(path)).getroot(), ET.parse(path).getroot()):
        plain, spans = _spans(root.find("TEXT"))
        assert plain == text
        assert root.findtext("TITLE") == 'Odd & <"title">'
        assert [(s, e, txt) for s, e, _, txt in spans] == [
            (m, m + 6, "Monday"),
            (nd, nd + 12, "the next day"),
        ]
        first, second = (a for _, _, a, _ in spans)
        assert first["anchorTimeID"] == "t0"
        assert second["anchorTimeID"] == first["tid"]  # anchored to the earlier mention


def test_overlapping_timexes_keep_the_outer_one(tmp_path):
    text = "From Monday to Friday, and later."
    bundle = ExportBundle(
        documents=(_doc(text),),
        events=(),
        timexes=(
            _timex(1, text, 5, 6, "2024-03-04"),  # "Monday", inside the range
            _timex(2, text, 0, 21, "2024-W10", anchor="absolute"),  # "From Monday to Friday"
            _timex(3, text, 8, 20, "XXXX"),  # crosses the outer one's end
            _timex(4, text, 30, 99, "2024"),  # beyond the text: invalid span
        ),
    )
    [path] = _export(tmp_path, bundle)
    plain, spans = _spans(etree.parse(str(path)).getroot().find("TEXT"))
    assert plain == text
    assert [(s, e, a["value"]) for s, e, a, _ in spans] == [(0, 21, "2024-W10")]


def test_document_without_publication_date_still_has_a_dct(tmp_path):
    [path] = _export(tmp_path, ExportBundle(documents=(_doc("Nothing dated.", None),), events=()))
    root = etree.parse(str(path)).getroot()
    assert root.find("DCT/TIMEX3").get("value") == "XXXX-XX-XX"
    assert "".join(root.find("TEXT").itertext()) == "Nothing dated."


def test_characters_xml_cannot_carry_are_replaced_not_fatal(tmp_path):
    text = "Bell\x07 and NUL\x00 here."
    [path] = _export(tmp_path, ExportBundle(documents=(_doc(text),), events=()))
    plain = "".join(etree.parse(str(path)).getroot().find("TEXT").itertext())
    assert plain == "Bell\ufffd and NUL\ufffd here."
    assert len(plain) == len(text)  # offsets of everything else are unchanged
