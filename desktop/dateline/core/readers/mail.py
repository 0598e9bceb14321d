""".eml (one e-mail, RFC 5322) -> the article it carries, with the standard ``email`` package.

The subject is the title ("Fwd:"/"Re:" removed) and the Date header the publication date
(``published_source`` "email": when it was sent, which an article's own date line overrides).
The body is the text/plain part, else the HTML part through the HTML reader. A forwarded message
(inline after "---------- Forwarded message ---------", "-----Original Message-----", "Begin
forwarded message:", or attached as message/rfc822) is read instead of the note around it, with
its own subject and date.
"""

from __future__ import annotations

import datetime as dt
import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from typing import Any

from dateline.core.errors import ImportFailed
from dateline.core.readers.article import Draft, shorten_title
from dateline.core.readers.dates import parse_date
from dateline.core.readers.encoding import decode_bytes, normalize_text
from dateline.core.readers.html import NoReadableText, read_html

_HEADERS = ("from", "to", "subject", "date", "message-id", "received", "mime-version")
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|tr|wg|aw|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
_FORWARD_MARK = re.compile(
    r"^[> ]*(?:-{2,}\s*(?:forwarded message|original message)\s*-{2,}|begin forwarded message:"
    r"|_{10,})\s*$",
    re.I | re.M,
)
_QUOTED_HEADER = re.compile(r"^[> ]*(?P<key>[A-Za-z-]{2,20})\s*:\s*(?P<value>.*)$")
_FORWARD_KEYS = {"from", "date", "sent", "subject", "to", "cc", "bcc", "reply-to"}


def read_email(data: bytes, name: str) -> tuple[Draft, str]:
    """(the article, the text's charset); ImportFailed when it is no e-mail or holds no text."""
    try:
        message: Any = BytesParser(policy=policy.default).parsebytes(data)
    except (ValueError, TypeError, IndexError) as exc:  # the parser is lenient; this is rare
        raise ImportFailed(name, f"broken e-mail: {exc}") from None
    if not any(key in message for key in _HEADERS):
        raise ImportFailed(name, "not an e-mail message: no From, To, Subject or Date header")
    draft = Draft(text="", format="email")
    draft.title = _subject(message)
    draft.published = _sent(message)
    attached = _attached_message(message)
    if attached is not None:
        draft.warnings.append("the e-mail's own note was left out; the attached message was read")
        draft.title = _subject(attached) or draft.title
        draft.published = _sent(attached) or draft.published
        message = attached
    text, charset = _body_text(message, name)
    text = _forwarded(text, draft)
    draft.text = normalize_text(text)
    if not draft.text.strip():
        raise ImportFailed(name, "no text in this e-mail")
    if draft.published is not None:
        draft.published_source = "email"
    draft.title = shorten_title(draft.title) if draft.title else ""
    return draft, charset


def _subject(message: Any) -> str:
    try:
        subject = str(message.get("subject") or "")
    except (ValueError, TypeError, IndexError):
        return ""
    return " ".join(_REPLY_PREFIX.sub("", subject).split())


def _sent(message: Any) -> dt.date | None:
    try:
        raw = str(message.get("date") or "")
    except (ValueError, TypeError, IndexError):
        return None
    try:
        # The day as the sender's clock read it: the header's own time zone, never converted.
        return parsedate_to_datetime(raw).date() if raw else None
    except (ValueError, TypeError, IndexError):
        return parse_date(raw)


def _attached_message(message: Any) -> EmailMessage | None:
    if not message.is_multipart():
        return None
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            if isinstance(inner, EmailMessage):
                return inner
    return None


def _body_text(message: Any, name: str) -> tuple[str, str]:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        names = [p.get_filename() or p.get_content_type() for p in message.iter_attachments()]
        only = f" (only attachments: {', '.join(names[:5])})" if names else ""
        raise ImportFailed(name, f"no text in this e-mail{only}")
    charset = part.get_content_charset() or "us-ascii"
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        content = decode_bytes(payload, name).text if payload.strip() else ""
    if not isinstance(content, str):
        content = ""
    if part.get_content_subtype() == "html":
        try:
            return read_html(content).text, charset
        except (NoReadableText, ValueError):
            return "", charset
    return content, charset


def _forwarded(text: str, draft: Draft) -> str:
    """The forwarded message's body (its subject and date into ``draft``); else the text as is."""
    marks = list(_FORWARD_MARK.finditer(text))
    if not marks:
        return text
    mark = marks[-1]  # a message forwarded several times: the innermost is the original
    lines = text[mark.end() :].lstrip("\n").split("\n")
    headers: dict[str, str] = {}
    body_start = 0
    for i, line in enumerate(lines):
        match = _QUOTED_HEADER.match(line)
        if match and match.group("key").lower() in _FORWARD_KEYS:
            headers.setdefault(match.group("key").lower(), match.group("value").strip())
            body_start = i + 1
            continue
        if not line.strip(" >") and not headers:
            continue
        break
    if not headers:
        return text
    body = lines[body_start:]
    if body and all(line.startswith(">") or not line.strip() for line in body):
        body = [re.sub(r"^> ?", "", line) for line in body]
    note = text[: mark.start()].strip()
    if note:
        draft.warnings.append("the note above the forwarded message was left out")
    draft.title = " ".join(_REPLY_PREFIX.sub("", headers.get("subject", "")).split()) or draft.title
    sent = headers.get("date") or headers.get("sent") or ""
    draft.published = parse_date(sent.replace(" at ", " ")) or draft.published
    return "\n".join(body)
