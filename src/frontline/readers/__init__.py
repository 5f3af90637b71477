"""Readers turn a file (or bytes) into `Document`s; one module per input format.

`read_path` is the single entry point: it checks size and encoding, detects the
format from the content (not only the extension) and dispatches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from frontline.models import Document
from frontline.readers.detect import detect_format

MAX_BYTES = 20 * 1024 * 1024  # a live-blog snapshot is well under 1 MB; refuse giants


class ReaderError(Exception):
    """A file that cannot be read; the message names the file and the reason."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


def decode(data: bytes, where: str) -> str:
    """Decode bytes as UTF-8 text, refusing binary data with a precise reason."""
    if not data.strip():
        raise ReaderError(where, "empty file")
    if b"\x00" in data[:8192]:
        raise ReaderError(where, "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError(
            where, f"not UTF-8 text (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


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
        raise ReaderError(where, f"too large ({len(data) / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB limit)")
    text = decode(data, where)
    fmt = detect_format(text, name)
    sha = hashlib.sha256(data).hexdigest()
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
    except ValueError as exc:
        raise ReaderError(where, f"cannot parse as {fmt}: {exc}") from None
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
            raise ReaderError(str(path), f"too large ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB limit)")
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderError(str(path), exc.strerror or str(exc)) from None
    return read_bytes(data, path.name, published=published, source=source, where=str(path))


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
