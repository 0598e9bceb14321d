"""Word ``.docx`` -> text (python-docx): paragraphs and table cells in document order.

The document's "created" property is when the file (or its template) was made, not when the
article was published: it is never taken as the publication date; a date line at the top is.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from dateline.core.errors import ImportFailed
from dateline.core.readers.article import Draft, shorten_title
from dateline.core.readers.encoding import human_size, normalize_text

# A .docx is a zip: what it unpacks to is checked before anything is unpacked (zip bombs).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TITLE_STYLES = ("title", "heading 1")


def read_docx(data: bytes, name: str) -> Draft:
    """The document's text; ImportFailed for a protected, broken, empty or oversized file."""
    if data.startswith(_OLE):
        raise ImportFailed(
            name, "not a .docx: an old Word (.doc) file or a password-protected document"
        )
    _check_zip(data, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, NotImplementedError) as exc:
        raise ImportFailed(name, f"broken Word file: {_short(exc)}") from None
    except ValueError as exc:  # python-docx: "file is not a Word file, content type is ..."
        raise ImportFailed(name, f"not a Word document ({_short(exc)})") from None
    except Exception as exc:  # lxml errors in a damaged part
        raise ImportFailed(name, f"broken Word file: {_short(exc)}") from None
    lines, heading = _body_lines(document)
    text = normalize_text("\n".join(lines))
    if not text.strip():
        raise ImportFailed(name, "no text in this Word document")
    draft = Draft(text=text, format="docx")
    # The core "author" is whoever owns the Word licence (or "python-docx"): not the article's.
    title = " ".join((document.core_properties.title or "").split())
    draft.title = shorten_title(heading or title)
    return draft


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
        raise ImportFailed(
            name, "broken Word file: it is not a valid .docx (zip) archive"
        ) from None
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise ImportFailed(
            name,
            f"the Word file unpacks to {human_size(total)}, over the "
            f"{human_size(MAX_UNPACKED_BYTES, exact=False)} limit",
        )
    if "word/document.xml" not in {info.filename for info in infos}:
        raise ImportFailed(name, "not a Word document: the archive has no word/document.xml")


def _body_lines(document: Any) -> tuple[list[str], str]:
    """(one line per paragraph or table row, the first Title/Heading 1 paragraph)."""
    from docx.table import Table

    lines: list[str] = []
    heading = ""
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = dict.fromkeys(" ".join(cell.text.split()) for cell in row.cells)
                line = " | ".join(c for c in cells if c)
                if line:
                    lines.append(line)
            continue
        text = block.text.strip()
        lines.append(text)
        style = (block.style.name if block.style is not None else "").lower()
        if text and not heading and style in _TITLE_STYLES:
            heading = text
    return lines, heading


def _short(exc: BaseException) -> str:
    return (" ".join(str(exc).split()) or type(exc).__name__)[:120]
