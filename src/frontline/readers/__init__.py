"""Readers turn a file (or bytes) into `Document`s; one module per input format.

`read_path` is the single entry point: it checks size and encoding, detects the
format from the content (not only the extension) and dispatches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from frontline.models import Document
from frontline.readers.detect import detect_format

MAX_BYTES = 20 * 1024 * 1024  # a live-blog snapshot is well under 1 MB; refuse giants


class ReaderError(Exception):
    """A file that cannot be read; the message names the file and the reason."""

    def __init__(self, where: str, reason: str):
        reason = " ".join(reason.split())  # always one line
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


# Signatures of common binary files, to say what a file is rather than only that it is not text.
_MAGIC = (
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or Office document)"), (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"SQLite format 3", "a SQLite database"),
    (b"\x7fELF", "an executable"), (b"BZh", "bzip2 data"), (b"\xfd7zXZ", "xz data"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)|<\?xml[^>]+encoding=["']([\w-]+)""", re.IGNORECASE)


def decode(data: bytes, where: str) -> str:
    """Decode bytes as text, refusing binary data with a precise reason.

    UTF-8 is expected; a page or feed that declares another charset (a
    windows-1251 news site) is decoded with it. Text that was UTF-8 decoded as
    Windows-1252 somewhere upstream ("â€™") is repaired.
    """
    if not data.strip():
        raise ReaderError(where, "empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReaderError(where, f"binary data ({what}), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark (Windows "Unicode")
        try:
            return fix_mojibake(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ReaderError(where, "not text (a UTF-16 byte-order mark, then undecodable bytes)") from None
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is None:
            raise ReaderError(where, "binary data (NUL bytes), not text")
        return fix_mojibake(_checked_text(text, where))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _declared(data) or _detected(data)
        if text is None:
            raise ReaderError(
                where, f"not text in UTF-8 or any charset detected (undecodable byte 0x{data[exc.start]:02x} "
                f"at offset {exc.start})"
            ) from None
    return fix_mojibake(_checked_text(text, where))


def _checked_text(text: str, where: str) -> str:
    if sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f") > 0.05 * min(len(text), 8192):
        raise ReaderError(where, "binary data (control characters), not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no byte-order mark (Windows "Unicode" saved by some tools): text in a Latin script
    has a NUL in every other byte, on the odd side for little-endian, the even side for big-endian."""
    head = data[:8192]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    encoding = "utf-16-le" if odd_nul > 0.6 and even_nul < 0.05 else (
        "utf-16-be" if even_nul > 0.6 and odd_nul < 0.05 else None)
    if encoding is None:
        return None
    try:
        return data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None


_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff]")


def _detected(data: bytes) -> str | None:
    """Legacy 8-bit text with no declared charset, decoded by charset-normalizer's guess.

    The detector tells scripts apart well (Cyrillic windows-1251 from Latin text) but not the
    Latin code pages from each other on short texts (it may say cp1250 for French): text it finds
    to be in a Latin script is decoded as Windows-1252, the superset of Latin-1 that the web uses.
    """
    from charset_normalizer import from_bytes

    for match in from_bytes(data[:200_000]):
        if match.encoding.startswith(("utf_16", "utf_32")) or match.chaos > 0.2:
            continue  # no NUL bytes, so not UTF-16/32; too much noise means a wrong guess
        try:
            text = data.decode(match.encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        if _NON_LATIN.search(text):
            return text
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return None


def _declared(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    encoding = (m.group(1) or m.group(2)).decode("ascii", "replace")
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


_MOJIBAKE = re.compile(
    "(?:[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3})+"
)


def _cp1252_byte(ch: str) -> bytes:
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return ch.encode("latin-1")  # the five bytes cp1252 leaves undefined pass through as themselves


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 ("â€“" -> "–"), run by run; runs that do not round-trip stay."""
    def repair(m: re.Match) -> str:
        try:
            raw = b"".join(_cp1252_byte(ch) for ch in m.group(0))
            return raw.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)

    return _MOJIBAKE.sub(repair, text)


def read_bytes(
    data: bytes,
    name: str,
    *,
    published: dt.date | dt.datetime | None = None,
    source: str | None = None,
    where: str | None = None,
) -> list[Document]:
    """Read one input's bytes into documents (feeds and JSON Lines may hold several)."""
    where = where or name
    if len(data) > MAX_BYTES:
        raise ReaderError(where, _too_large(len(data)))
    text = decode(data, where)
    fmt = detect_format(text, name)
    sha = hashlib.sha256(data).hexdigest()
    if fmt == "xml":
        raise ReaderError(where, "XML that is neither an RSS/Atom feed nor an HTML page")
    try:
        if fmt == "html":
            from frontline.readers import html as reader

            docs = reader.read(text, name=name)
        elif fmt == "feed":
            from frontline.readers import feeds as reader

            docs = reader.read(text, name=name)
        elif fmt == "jsonl":
            from frontline.readers import jsonl as reader

            docs = reader.read(text, name=name)
        elif fmt == "guardian":
            from frontline.readers import guardian as reader

            docs = [reader.read(text, name=name)]
        else:
            from frontline.readers import text as reader

            docs = [reader.read(text, name=name)]
    except ReaderError:
        raise
    except (ValueError, RecursionError) as exc:
        raise ReaderError(where, f"cannot read as {_FORMAT_NAMES.get(fmt, fmt)}: {exc}") from None
    if not docs:
        raise ReaderError(where, f"no document found in {fmt} input")
    for doc in docs:
        if published is not None:
            doc.published = _as_datetime(published)
        if source:
            doc.source = source
        if len(docs) == 1:
            doc.raw_sha = doc.raw_sha or sha
        doc.retrieved = doc.retrieved or dt.datetime.now(dt.UTC)
        if not any(b.paragraphs or b.headline for b in doc.blocks):
            raise ReaderError(where, "no text found in document")
    return docs


_FORMAT_NAMES = {"html": "HTML", "feed": "an RSS/Atom feed", "jsonl": "JSON Lines", "guardian": "a Guardian live blog",
                 "text": "text"}


def read_path(
    path: Path,
    *,
    published: dt.date | dt.datetime | None = None,
    source: str | None = None,
) -> list[Document]:
    """Read a local file into documents, identified by the file's base name."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReaderError(str(path), _too_large(size))
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderError(str(path), exc.strerror or str(exc)) from None
    return read_bytes(data, path.name, published=published, source=source, where=str(path))


def _too_large(size: int) -> str:
    mib = 1024 * 1024
    return f"too large ({size / mib:.1f} MB > {MAX_BYTES / mib:.0f} MB limit)"


def _as_datetime(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, 12, 0)


def content_sha(doc: Document) -> str:
    """Hash of what a document says, so an unchanged snapshot is recognised."""
    h = hashlib.sha256()
    h.update(doc.title.encode())
    for b in doc.blocks:
        h.update(b"\x1e" + b.headline.encode() + b"\x1f" + "\n".join(b.paragraphs).encode())
        h.update((b.published.isoformat() if b.published else "").encode())
    return h.hexdigest()
