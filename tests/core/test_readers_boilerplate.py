"""Saved web pages full of furniture: only the article's own paragraphs reach the text."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.readers import read_articles
from dateline.core.temporal import find_timexes

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


@pytest.mark.parametrize("markup", [DIV_PAGE, ARTICLE_PAGE], ids=["div-layout", "article"])
def test_no_furniture_line_and_no_furniture_date_reaches_the_text(tmp_path, markup):
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    [article] = read_articles(path)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text.split("\n")
    for junk in FURNITURE + FURNITURE_DATES:
        assert junk not in article.text, junk
    assert article.published == dt.date(2008, 3, 1)
    # Every date the engine finds is one the article's own sentences state.
    found = {article.text[t.start : t.end] for t in find_timexes(article.text, article.published)}
    assert found <= {"Saturday", "the third quarter", "January", "2009", "2004", "2005"}, found


def test_a_real_byline_gives_the_author(tmp_path):
    markup = ARTICLE_PAGE.replace("<p>By Staff Reporter</p>", '<p class="byline">By Jane Doe</p>')
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    [article] = read_articles(path)
    assert article.author == "Jane Doe"
    assert "Jane Doe" not in article.text


def test_a_sentence_that_starts_like_furniture_is_kept(tmp_path):
    kept = [
        "Updated figures show the company delivered 375 aircraft in 2007.",
        "Share prices rose 2 percent on Friday after the announcement.",
        "More from the company is expected when it reports results in April.",
    ]
    markup = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS + kept)
    path = tmp_path / "page.html"
    path.write_text(markup + "</article></body></html>", encoding="utf-8")
    [article] = read_articles(path)
    for line in kept:
        assert line in article.text
