"""PDF, Word and e-mail files: text, title, publication date, and every way they can be bad."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest

from dateline.core.errors import Cancelled, ImportFailed
from dateline.core.readers import read_articles
from dateline.core.temporal import find_timexes
from support.documents import (
    ROLLOUT_BODY,
    ROLLOUT_HEADLINE,
    docx_bytes,
    forwarded_email,
    pdf_bytes,
)

MARCH1 = dt.date(2008, 3, 1)


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _reason(path) -> str:
    with pytest.raises(ImportFailed) as info:
        read_articles(path)
    assert str(path) in info.value.message  # the message a person sees names the file
    return info.value.reason


def _date_line_is_no_timex(article) -> None:
    assert article.dateline and article.dateline not in article.text
    found = [article.text[t.start : t.end] for t in find_timexes(article.text, article.published)]
    assert not any("2008" in text and "March" in text for text in found), found


# ---- PDF ----


def test_pdf_paragraphs_title_and_date_line(tmp_path):
    first = [ROLLOUT_HEADLINE, "March 1, 2008", *ROLLOUT_BODY]
    second = [
        "Airlines that ordered the plane in 2004 and 2005 will be told of the new schedule by "
        "the end of the month, a spokeswoman said, declining to give figures on penalties owed."
    ]
    path = _write(
        tmp_path, "report.pdf", pdf_bytes([first, second], running_header="Aviation Weekly")
    )
    [article] = read_articles(path)
    assert article.format == "pdf"
    assert article.title == ROLLOUT_HEADLINE
    assert (article.published, article.published_source) == (MARCH1, "dateline")
    assert article.dateline == "March 1, 2008"
    lines = article.text.split("\n")
    # Lines broken at the page width are one paragraph again; page numbers are gone.
    assert ROLLOUT_BODY[0] in lines and ROLLOUT_BODY[1] in lines
    assert second[0] in lines
    assert not any(line.startswith("Page ") for line in lines)
    _date_line_is_no_timex(article)


def test_pdf_reports_progress_page_by_page_and_can_be_cancelled(tmp_path):
    pages = [[f"Page {n} of the report says the board met on {n} March 2008."] for n in range(1, 6)]
    path = _write(tmp_path, "long.pdf", pdf_bytes(pages))
    seen: list[tuple[int, int]] = []
    read_articles(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 5) for n in range(1, 6)]

    def cancel_at_page_2(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        read_articles(path, progress=cancel_at_page_2)


def test_pdf_title_comes_from_its_metadata_when_it_is_a_real_title(tmp_path):
    data = pdf_bytes([["First line of the body text.", "More text."]], title="Quarterly review")
    [article] = read_articles(_write(tmp_path, "q.pdf", data))
    assert article.title == "Quarterly review"
    data = pdf_bytes([["Real headline", "Body text."]], title="Microsoft Word - draft3.docx")
    [article] = read_articles(_write(tmp_path, "w.pdf", data))
    assert article.title == "Real headline"


def test_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    lock = StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0)
    path = _write(
        tmp_path, "locked.pdf", pdf_bytes([[ROLLOUT_HEADLINE, *ROLLOUT_BODY]], encrypt=lock)
    )
    [article] = read_articles(path)
    assert ROLLOUT_BODY[0] in article.text


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (
            lambda: pdf_bytes([["Secret text."]], encrypt="password"),
            "encrypted PDF: it needs a password",
        ),
        (lambda: pdf_bytes([["x"]], image_only=True), "no text in this PDF: its pages are images"),
        (lambda: pdf_bytes([["Some text."]])[:400], "broken PDF"),
        (lambda: b"%PDF-1.4\n%%EOF\n", "broken PDF"),
        (lambda: b"", "empty file"),
    ],
    ids=["password", "image-only", "truncated", "no-objects", "empty"],
)
def test_bad_pdfs_are_refused_with_a_reason(tmp_path, make, reason):
    assert reason in _reason(_write(tmp_path, "bad.pdf", make()))


def test_a_damaged_page_is_reported_and_the_other_pages_kept(tmp_path):
    data = pdf_bytes([["Page one tells of the rollout."], ["Page two tells of the delay."]])
    last_stream = [m.end() for m in re.finditer(rb"(?<!end)stream\r?\n", data)][-1]
    data = data[:last_stream] + b"\x00\x01\x02\x03" + data[last_stream + 4 :]
    [article] = read_articles(_write(tmp_path, "damaged.pdf", data))
    assert article.text == "Page one tells of the rollout."
    assert "page(s) 2 of 2 could not be read and are missing" in article.warnings


def test_a_pdf_without_its_suffix_is_still_read_as_pdf(tmp_path):
    path = _write(tmp_path, "download", pdf_bytes([[ROLLOUT_HEADLINE, *ROLLOUT_BODY]]))
    [article] = read_articles(path)
    assert article.format == "pdf"


# ---- Word ----


def test_docx_paragraphs_tables_heading_and_byline_date(tmp_path):
    data = docx_bytes(
        ["By Jane Doe | March 1, 2008", *ROLLOUT_BODY],
        heading=ROLLOUT_HEADLINE,
        table=[["Milestone", "Date"], ["First order", "April 2004"]],
    )
    [article] = read_articles(_write(tmp_path, "memo.docx", data))
    assert article.format == "docx"
    assert article.title == ROLLOUT_HEADLINE
    assert (article.published, article.published_source) == (MARCH1, "dateline")
    assert article.author == "Jane Doe"
    assert article.dateline == "By Jane Doe | March 1, 2008"
    assert "Milestone | Date\nFirst order | April 2004" in article.text
    assert all(p in article.text for p in ROLLOUT_BODY)
    _date_line_is_no_timex(article)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: docx_bytes(["Text."])[:500], "broken Word file"),
        (lambda: _zip({"xl/workbook.xml": b"<x/>"}), "not a Word document"),
        (lambda: _zip({"word/document.xml": b"<not-closed"}), "broken Word file"),
        (lambda: docx_bytes([]), "no text in this Word document"),
        (
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            "old Word (.doc) file or a password-protected",
        ),
        (lambda: _zip({"word/document.xml": b" " * (201 * 1024 * 1024)}), "over the 200 MB limit"),
    ],
    ids=["truncated", "other-zip", "bad-xml", "empty", "ole", "zip-bomb"],
)
def test_bad_word_files_are_refused_with_a_reason(tmp_path, make, reason):
    assert reason in _reason(_write(tmp_path, "bad.docx", make()))


# ---- e-mail ----


def test_forwarded_email_reads_the_forwarded_article(tmp_path):
    [article] = read_articles(_write(tmp_path, "fwd.eml", forwarded_email()))
    assert article.format == "email"
    assert article.title == ROLLOUT_HEADLINE  # "Fwd:" gone, the original subject
    # The forwarded message's own Date, as the sender wrote it, with its reason.
    assert (article.published, article.published_source) == (MARCH1, "email")
    assert article.text == "\n\n".join(ROLLOUT_BODY)
    assert "FYI" not in article.text  # the forwarding note is not the article
    assert "the note above the forwarded message was left out" in article.warnings


def test_html_only_email_goes_through_the_html_reader(tmp_path):
    [article] = read_articles(_write(tmp_path, "news.eml", forwarded_email(html_only=True)))
    assert article.published == dt.date(2008, 3, 5)  # the Date header: when it was sent
    assert article.published_source == "email"
    assert ROLLOUT_BODY[0] in article.text
    assert "ADVERTISEMENT" not in article.text and "Share on" not in article.text


def test_email_date_line_in_the_body_wins_over_the_sending_date(tmp_path):
    text = (
        "From: a@example.org\nTo: b@example.org\nSubject: Rollout\n"
        "Date: Wed, 05 Mar 2008 09:00:00 +0000\n\n"
        f"{ROLLOUT_HEADLINE}\nMarch 1, 2008\n\n" + "\n".join(ROLLOUT_BODY) + "\n"
    )
    [article] = read_articles(_write(tmp_path, "pasted.eml", text.encode()))
    assert (article.published, article.published_source) == (MARCH1, "dateline")
    assert any("e-mail was sent 2008-03-05" in w for w in article.warnings)


def test_email_attached_as_a_message_is_read(tmp_path):
    from email import message_from_bytes, policy
    from email.message import EmailMessage

    inner = message_from_bytes(forwarded_email(), policy=policy.default)
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "b@example.org", "FW: see attached"
    outer["Date"] = "Mon, 10 Mar 2008 10:00:00 +0000"
    outer.set_content("See the attached story.")
    outer.add_attachment(inner)
    [article] = read_articles(_write(tmp_path, "att.eml", bytes(outer)))
    assert article.title == ROLLOUT_HEADLINE and article.published == MARCH1
    assert "See the attached" not in article.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"just a line of text\nand another\n", "not an e-mail message"),
        (b"Subject: nothing\nFrom: a@b\n\n   \n", "no text in this e-mail"),
        (b"", "empty file"),
    ],
    ids=["no-headers", "no-body", "empty"],
)
def test_bad_emails_are_refused_with_a_reason(tmp_path, data, reason):
    assert reason in _reason(_write(tmp_path, "bad.eml", data))


def test_email_with_only_attachments_names_them(tmp_path):
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["Subject"] = "a@example.org", "scan"
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="r.pdf")
    reason = _reason(_write(tmp_path, "scan.eml", bytes(message)))
    assert reason == "no text in this e-mail (only attachments: r.pdf)"
