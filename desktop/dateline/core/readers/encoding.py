"""Bytes on disk -> normalized text: size limit, binary sniffing, encoding detection, cleanup.

Every problem is raised as ``ImportFailed`` with a reason a person understands.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dateline.core.errors import ImportFailed

# Magic numbers of files people drop into an article folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/EPUB file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh9", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program"),
    (b"MZ\x90\x00", "a Windows program"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x1cftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
    (b"\x1aE\xdf\xa3", "a video file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters a Western cp1252 text plausibly contains outside ASCII.
_CP1252_PLAUSIBLE = re.compile(
    r"[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    r"\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030"
    r"\u2039\u203a\u20ac\u2122\u02c6\u02dc]"
)
_CP1252_ODD = re.compile(
    r"[\u00a4\u00a6\u00a8\u00ac\u00af\u00b4\u00b8\u00b9\u00b2\u00b3\u00bc-\u00be]"
)

# Line breaks ``str.splitlines`` knows: all become "\n" so that splitlines() == split("\n").
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Other C0/C1 controls, DEL, stray BOMs/noncharacters and lone surrogates are dropped.
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

SNIFF_BYTES = 8192
_PLAUSIBILITY_SAMPLE = 256 * 1024
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Decoded:
    text: str  # normalized
    encoding: str
    warnings: tuple[str, ...] = ()


def human_size(n: int, *, exact: bool = True) -> str:
    """'50.0 MB' (exact) or '20 MB' (a limit); MB here means MiB, as file managers show it."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            return f"{value:.1f} {unit}" if exact else f"{value:g} {unit}"
    return f"{n} bytes"


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after checking it is a readable regular file within the size limit."""
    name = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ImportFailed(name, "file not found") from None
    except PermissionError:
        raise ImportFailed(name, "permission denied: cannot read this file") from None
    except OSError as exc:
        raise ImportFailed(name, f"cannot read this file ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ImportFailed(name, "this is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        # A FIFO or device would block or never end.
        raise ImportFailed(name, "not a regular file (a device, pipe or socket)")
    if st.st_size > max_bytes:
        raise ImportFailed(name, _too_big(st.st_size, max_bytes))
    try:
        with open(path, "rb") as fh:
            # what stat() told and a byte more, which tells whether the file grew since: asking
            # for ``max_bytes`` at once has the reader allocate them all, for every small file
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += fh.read(max_bytes + 1 - len(data))
    except PermissionError:
        raise ImportFailed(name, "permission denied: cannot read this file") from None
    except OSError as exc:
        raise ImportFailed(name, f"cannot read this file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise ImportFailed(name, _too_big(os.path.getsize(path), max_bytes))
    return data


def _too_big(size: int, limit: int) -> str:
    return f"file is {human_size(size)}, over the {human_size(limit, exact=False)} limit"


def decode_bytes(data: bytes, name: str, *, html: bool = False) -> Decoded:
    """Decode and normalize; raise ImportFailed for empty, binary or undecodable data."""
    if not data.strip():
        raise ImportFailed(name, "empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ImportFailed(name, f"binary file (not text): it looks like {what}")
    text, encoding, warnings = _decode(data, name, html=html)
    sample = text[:SNIFF_BYTES]
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if bad > max(8, 0.02 * len(sample)):  # a few stray controls are dropped, not fatal
        raise ImportFailed(name, "binary file (not text)")
    text = normalize_text(text)
    if not text.strip():
        raise ImportFailed(name, "empty file")
    return Decoded(text, encoding, tuple(warnings))


def _decode(data: bytes, name: str, *, html: bool) -> tuple[str, str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, []
            except UnicodeDecodeError:
                raise ImportFailed(
                    name,
                    f"could not decode the text: it starts with a {encoding} byte-order mark "
                    f"but is not valid {encoding}",
                ) from None
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        utf16 = _bomless_utf16(head)
        if utf16:
            try:
                return data.decode(utf16), utf16, [f"decoded as {utf16} (no byte-order mark)"]
            except UnicodeDecodeError:
                pass
        if head.count(0) > max(8, len(head) // 100):  # a stray NUL in a text is dropped later
            raise ImportFailed(name, "binary file (not text)")
    if _mostly_binary(head):
        raise ImportFailed(name, "binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    tried = ["utf-8"]
    if html:
        declared = _declared_charset(head)
        if declared and declared != "utf-8":  # the page says what it is: believe it first
            tried.append(declared)
            try:
                return data.decode(declared), declared, [f"decoded as {declared}"]
            except UnicodeDecodeError:
                pass
    tried.append("cp1252")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible_cp1252(text):
        return text, "cp1252", ["decoded as cp1252"]
    tried.append("automatic detection")
    guess = _detect(data)
    if guess is not None:
        text, encoding = guess
        return text, encoding, [f"decoded as {encoding} (detected automatically; check the text)"]
    raise ImportFailed(name, f"could not decode the text (tried {', '.join(tried)})")


def _mostly_utf8(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-8 with a few broken bytes (a truncated paste, a bad concatenation) is still UTF-8."""
    text = data.decode("utf-8", errors="replace")
    errors = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - errors
    if errors <= max(3, len(data) // 10_000) and multibyte >= 10 * errors:
        warning = f"{errors} invalid UTF-8 byte sequence(s) replaced with \ufffd"
        return text, "utf-8", [warning]
    return None


def _bomless_utf16(head: bytes) -> str | None:
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    if odd.count(0) / len(odd) > 0.7 and even.count(0) / len(even) < 0.1:
        return "utf-16-le"
    if even.count(0) / len(even) > 0.7 and odd.count(0) / len(odd) < 0.1:
        return "utf-16-be"
    return None


def _declared_charset(head: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(head)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _plausible_cp1252(text: str) -> bool:
    """Western text decoded as cp1252: a few accented letters and typographic marks among ASCII.

    Cyrillic or Greek bytes also decode as cp1252, but then nearly every letter is non-ASCII;
    Central European bytes give superscripts and currency signs instead of letters.
    """
    text = text[:_PLAUSIBILITY_SAMPLE]
    non_ascii = _NON_ASCII.findall(text)
    if not non_ascii:
        return True
    plausible = sum(1 for c in non_ascii if _CP1252_PLAUSIBLE.match(c) and not _CP1252_ODD.match(c))
    if plausible / len(non_ascii) < 0.95:
        return False
    letters = len(_LETTER.findall(text))
    high_letters = sum(1 for c in non_ascii if c.isalpha())
    return letters == 0 or high_letters / letters < 0.3


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # slow to import; only needed for odd files

    best = from_bytes(data[: 512 * 1024]).best()
    if best is None or best.encoding is None:
        return None
    try:
        encoding = codecs.lookup(best.encoding).name
        return data.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError):
        return None


# Every byte but the control characters that are not layout (tab, line breaks, form feed, escape).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 11, 12, 13, 27)))


def _mostly_binary(head: bytes) -> bool:
    controls = len(head.translate(None, _NOT_CONTROL))  # the control bytes alone are left
    return controls > max(8, len(head) // 50)


def normalize_text(text: str) -> str:
    """Line endings to "\\n", controls and stray BOMs out, NFC, no trailing blanks."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _DROP.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return _LEADING_BLANK_LINES.sub("", text).rstrip()
