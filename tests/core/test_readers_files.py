"""What reaches the reader from disk: encodings, binary files, empty files, huge files."""

from __future__ import annotations

import os
import random

import pytest

from dateline.core.errors import ImportFailed
from dateline.core.readers import MAX_FILE_BYTES, read_articles

CP1252_TEXT = (
    "Rutte’s “clear” answer — €40 billion for Ukraine\n"
    "The café owner said the aid was “déjà vu” and cost €20.9 billion… so far.\n"
)


def _reason(path, **kwargs) -> str:
    with pytest.raises(ImportFailed) as info:
        read_articles(path, **kwargs)
    assert info.value.path == str(path)
    assert str(path) in info.value.message  # the message a person sees names the file
    return info.value.reason


def test_cp1252_text_comes_out_right(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(CP1252_TEXT.encode("cp1252"))
    [article] = read_articles(path)
    assert article.text == CP1252_TEXT.rstrip()
    assert article.title == "Rutte’s “clear” answer — €40 billion for Ukraine"
    assert article.encoding == "cp1252"
    assert "decoded as cp1252" in article.warnings


def test_short_cp1252_text_comes_out_right(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("He said “hello” — it costs €5.".encode("cp1252"))
    [article] = read_articles(path)
    assert article.text == "He said “hello” — it costs €5."


def test_cyrillic_legacy_encoding_is_detected_not_read_as_cp1252(tmp_path):
    text = "Генеральный секретарь НАТО Марк Рютте заявил в среду, что альянс выполнит план.\n" * 5
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    [article] = read_articles(path)
    assert article.text == text.rstrip()
    assert article.encoding == "cp1251"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    data = CP1252_TEXT.replace("\n", "\r\n").encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    [article] = read_articles(path)
    assert article.text == CP1252_TEXT.rstrip()
    assert article.encoding.startswith(encoding[:6])


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(CP1252_TEXT.encode("utf-16-le"))
    [article] = read_articles(path)
    assert article.text == CP1252_TEXT.rstrip()


def test_utf8_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\nBody\n")
    [article] = read_articles(path)
    assert article.title == "Headline"
    assert article.text == "Headline\nBody"


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    ],
)
def test_binary_formats_are_refused_by_magic_number(tmp_path, header, kind):
    path = tmp_path / "article.txt"  # the suffix lies
    path.write_bytes(header + bytes(range(256)) * 4)
    reason = _reason(path)
    assert reason.startswith("binary file (not text)")
    assert kind in reason


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes_are_binary(tmp_path, seed):
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(seed).randbytes(4096))
    assert _reason(path) == "binary file (not text)"


def test_random_bytes_without_nul_are_binary(tmp_path):
    data = random.Random(7).randbytes(4096).replace(b"\x00", b"\x01")
    path = tmp_path / "noise.html"
    path.write_bytes(data)
    assert _reason(path) == "binary file (not text)"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty_files(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert _reason(path) == "empty file"


def test_undecodable_text_says_what_was_tried(tmp_path):
    path = tmp_path / "bad.txt"
    # Printable random bytes: no NULs or controls, not UTF-8, not cp1252, no detector match.
    data = bytes(b if b > 31 else 65 for b in random.Random(3).randbytes(300))
    path.write_bytes(data)
    reason = _reason(path)
    assert reason == "could not decode the text (tried utf-8, cp1252, automatic detection)"


def test_mostly_utf8_with_a_broken_byte_stays_utf8(tmp_path):
    path = tmp_path / "a.txt"
    text = "Rutte’s “clear” answer — €40 billion\n" * 10
    path.write_bytes(text.encode("utf-8") + b"trailing \xe2\x80 cut\n")
    [article] = read_articles(path)
    assert article.encoding == "utf-8"
    assert article.text.startswith(text)
    assert any("invalid UTF-8" in w for w in article.warnings)


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: the test never writes 50 MB
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"x")
    assert _reason(path) == "file is 50.0 MB, over the 20 MB limit"
    assert MAX_FILE_BYTES == 20 * 1024 * 1024


def test_custom_size_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\n" + "word " * 400, "utf-8")
    assert _reason(path, max_bytes=1024) == "file is 2.0 KB, over the 1 KB limit"


def test_missing_file_and_folder(tmp_path):
    assert _reason(tmp_path / "nope.txt") == "file not found"
    assert _reason(tmp_path) == "this is a folder, not a file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX-only")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert _reason(path) == "not a regular file (a device, pipe or socket)"


def test_unknown_suffix_is_sniffed(tmp_path):
    path = tmp_path / "page.download"
    path.write_text("<!DOCTYPE html><html><body><p>Hello there.</p></body></html>", "utf-8")
    [article] = read_articles(path)
    assert article.format == "html"
    assert article.text == "Hello there."
