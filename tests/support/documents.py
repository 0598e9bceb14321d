"""Documents the tests make themselves, from code (no binary fixture files): PDF, Word and e-mail files,
and saved web pages full of furniture (share bars, advertisements, "More from..." boxes)."""

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


# Saved web pages of one article (two layouts): its own paragraphs, amid furniture.
PARAGRAPHS = [
    "EVERETT, Washington — Boeing rolled out its first 787 Dreamliner on Saturday in front of "
    "15,000 employees, airline customers and guests.",
    "The company said the aircraft would make its first flight in the third quarter, after a "
    "delay announced in January that pushed deliveries into 2009.",
    '"This is a great day for our company and for our customers," said chief executive Jim '
    "McNerney, who spoke at the ceremony on the factory floor in Everett.",
    "Analysts said the delay could cost the company several hundred million dollars in "
    "penalties to airlines that had ordered the plane in 2004 and 2005.",
]
# Furniture lines, and the dates furniture carries: none may reach the text.
FURNITURE = ["Staff Reporter", "Share on", "ADVERTISEMENT", "More from World", "newsletter",
             "Subscribe", "Airbus delays", "Strikes hit", "Updated", "Sign up", "Most read"]  # fmt: skip
FURNITURE_DATES = ["March 2", "March 3", "February 28", "2:15", "March 1, 2008"]

DIV_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Boeing rolls out 787 | World News</title>
<meta property="article:published_time" content="2008-03-01T10:32:00-05:00"></head>
<body>
<div class="top-bar"><a href="/">Home</a> <a href="/world">World</a></div>
<div class="page">
 <div class="headline-box"><h1>Boeing rolls out the 787 Dreamliner</h1></div>
 <div class="byline">By Staff Reporter</div>
 <div class="dateline">Updated March 2, 2008 2:15 PM</div>
 <div class="share-bar"><a>Share on Facebook</a> <a>Share on Twitter</a></div>
 <div class="story-body">
  <div class="para">{PARAGRAPHS[0]}</div>
  <div class="para">{PARAGRAPHS[1]}</div>
  <div class="ad-slot">ADVERTISEMENT</div>
  <div class="para">{PARAGRAPHS[2]}</div>
  <div>ADVERTISEMENT</div>
  <div class="para">{PARAGRAPHS[3]}</div>
 </div>
 <div class="newsletter">Sign up for our daily newsletter. Get the top stories every morning.
   <a>Subscribe</a></div>
 <div class="box"><h3>Most read</h3>
   <div><a>Airbus delays A380 again</a> March 3, 2008</div>
   <div><a>Strikes hit European airports</a> February 28, 2008</div>
 </div>
</div>
<div class="footer">© 2008 World News. All rights reserved.</div>
</body></html>"""

ARTICLE_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Boeing rolls out 787</title></head>
<body><nav>Home | World</nav>
<article>
 <h1>Boeing rolls out the 787 Dreamliner</h1>
 <p>By Staff Reporter</p>
 <p><time datetime="2008-03-01">March 1, 2008</time> · Updated March 2, 2008</p>
 <ul class="social"><li>Share on Facebook</li><li>Share on Twitter</li><li>Email</li></ul>
 <p>{PARAGRAPHS[0]}</p>
 <p>{PARAGRAPHS[1]}</p>
 <p>ADVERTISEMENT</p>
 <p>{PARAGRAPHS[2]}</p>
 <div class="inline-signup"><p>Get our newsletter: the day's top stories in your inbox.</p>
   <button>Sign up</button></div>
 <p>{PARAGRAPHS[3]}</p>
 <p>Share this article</p>
 <section><h2>More from World</h2><ul>
   <li><a href="/a">Airbus delays A380 again</a> <span>March 3, 2008</span></li>
   <li><a href="/b">Strikes hit European airports</a> <span>February 28, 2008</span></li>
 </ul></section>
</article>
<footer>© 2008</footer></body></html>"""
