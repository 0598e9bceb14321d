"""Whatever the bytes, the reader returns clean articles or a plain ImportFailed, never a crash."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.core.errors import ImportFailed
from dateline.core.readers import read_articles

SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl", ".unknown", ".pdf", ".docx", ".eml")
FRAGMENTS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<!--", "-->",
     "<article>", "<br>", "&amp;", "&#0;", "&#xD800;", "<meta property='og:title' content='T'>",
     "---\n", "title: x\n", "date: 2024-02-30\n", '{"text": "a"}', "[", "]", "\n", "\r\n",
     "\x00", "\ufeff", "e\u0301", "“quoted”", "€", "<time datetime='2024-10-16'>", "\u2028"]
)  # fmt: skip


def _check(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        try:
            articles = read_articles(path)
        except ImportFailed as exc:
            assert exc.reason and exc.reason[0].islower()
            return
    assert articles
    for article in articles:
        text = article.text
        assert text.strip()
        assert "\r" not in text and "\x00" not in text and "\ufeff" not in text
        assert text.splitlines() == text.split("\n")
        assert unicodedata.is_normalized("NFC", text)
        assert "\n" not in article.title


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data, suffix):
    _check(data, suffix)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=40),
    suffix=st.sampled_from(SUFFIXES),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]),
)
def test_tag_soup_and_text(parts, suffix, encoding):
    _check("".join(parts).encode(encoding, errors="surrogatepass"), suffix)


def _valid_documents() -> dict[str, bytes]:
    from support.documents import ROLLOUT_BODY, docx_bytes, forwarded_email, pdf_bytes

    return {
        ".pdf": pdf_bytes([["Headline", "March 1, 2008", *ROLLOUT_BODY]]),
        ".docx": docx_bytes(ROLLOUT_BODY, heading="Headline"),
        ".eml": forwarded_email(),
    }


_DOCUMENTS = _valid_documents()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    suffix=st.sampled_from(sorted(_DOCUMENTS)),
    cuts=st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), min_size=1, max_size=4),
    truncate=st.floats(0.05, 1),
)
def test_damaged_pdf_word_and_email_files(suffix, cuts, truncate):
    data = bytearray(_DOCUMENTS[suffix])
    for where, junk in cuts:
        at = int(where * (len(data) - 1))
        data[at : at + len(junk)] = junk
    _check(bytes(data[: max(1, int(truncate * len(data)))]), suffix)
