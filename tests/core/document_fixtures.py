"""PDF, Word and e-mail files the tests make themselves, from code (no binary fixture files)."""

from __future__ import annotations

import io
import textwrap
from email.message import EmailMessage

ROLLOUT_HEADLINE = "Boeing rolls out the 787 Dreamliner"
ROLLOUT_BODY = [
    "EVERETT, Washington — Boeing rolled out its first 787 Dreamliner on Saturday in front of "
    "15,000 employees, airline customers and guests at its plant north of Seattle.",
    "The company said the aircraft would make its first flight in the third quarter, after a "
    "delay announced in January that pushed the first deliveries into 2009.",
    "Chief executive Jim McNerney told the crowd that the plane was the most important product "
    "the company had launched in a generation.",
]


def pdf_bytes(
    pages: list[list[str]],
    *,
    encrypt: object = None,
    image_only: bool = False,
    running_header: str = "",
    title: str = "",
) -> bytes:
    """A PDF with one paragraph per string, wrapped at 90 characters, one list per page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    if title:
        pdf.setTitle(title)
    for number, paragraphs in enumerate(pages, start=1):
        if image_only:
            pdf.rect(60, 200, 400, 500, fill=1)  # a "scan": marks, no text layer
        else:
            if running_header:
                pdf.drawString(60, 810, running_header)
            y = 780
            for paragraph in paragraphs:
                for line in textwrap.wrap(paragraph, 90) or [""]:
                    pdf.drawString(60, y, line)
                    y -= 14
                y -= 14
            pdf.drawString(280, 30, f"Page {number} of {len(pages)}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_bytes(paragraphs: list[str], *, heading: str = "", table: list[list[str]] = ()) -> bytes:
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, 1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def forwarded_email(*, html_only: bool = False) -> bytes:
    """An analyst forwarding a wire story to a colleague: note, forwarded headers, article."""
    message = EmailMessage()
    message["From"] = "Ann Analyst <ann@example.org>"
    message["To"] = "desk@example.org"
    message["Subject"] = "Fwd: " + ROLLOUT_HEADLINE
    message["Date"] = "Wed, 05 Mar 2008 09:00:00 -0500"
    article = "\n\n".join(ROLLOUT_BODY)
    plain = (
        "FYI, this came in on Monday.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Wire Desk <wire@example.com>\n"
        "Date: Sat, Mar 1, 2008 at 10:32 AM\n"
        f"Subject: {ROLLOUT_HEADLINE}\n"
        "To: Ann Analyst <ann@example.org>\n\n"
        f"{article}\n"
    )
    html = (
        "<html><body><article><h1>" + ROLLOUT_HEADLINE + "</h1>"
        + "".join(f"<p>{p}</p>" for p in ROLLOUT_BODY)
        + "<p>ADVERTISEMENT</p><p>Share on Facebook</p></article></body></html>"
    )  # fmt: skip
    if html_only:
        message.set_content(html, subtype="html")
    else:
        message.set_content(plain)
        message.add_alternative(html, subtype="html")
    return bytes(message)
