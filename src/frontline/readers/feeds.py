"""RSS and Atom feeds: one Document per entry, parsed with feedparser (no network: bytes in)."""

from __future__ import annotations

import calendar
import datetime as dt
import io

from frontline.models import Block, Document
from frontline.readers.html import html_to_paragraphs, scrub


def read(text: str, *, name: str) -> list[Document]:
    import feedparser

    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise ValueError(f"malformed feed ({_reason(parsed.get('bozo_exception'))})")
        raise ValueError("feed has no entries")
    source = (parsed.get("feed") or {}).get("title", "") or ""
    docs = []
    for i, entry in enumerate(entries, 1):
        paragraphs = scrub(html_to_paragraphs(_body(entry)))
        title = (entry.get("title") or "").strip()
        if not paragraphs:
            continue  # a headline-only entry links elsewhere: nothing to read here
        link = (entry.get("link") or "").strip()
        doc_id = link or (entry.get("id") or "").strip() or f"{name}#{i}"
        docs.append(Document(
            doc_id=doc_id, title=title or paragraphs[0][:120], blocks=[Block(headline="", paragraphs=paragraphs)],
            source=source, url=link or None, published=_when(entry), format="feed",
        ))
    if not docs:
        raise ValueError("no entry of the feed has any text")
    return docs


def _body(entry: dict) -> str:
    """The fullest text the entry offers: content:encoded / atom content, else the summary."""
    contents = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    best = max(contents, key=len, default="")
    summary = entry.get("summary") or entry.get("description") or ""
    return best if len(best) >= len(summary) else summary


def _when(entry: dict) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
    return None


def _reason(exc: object) -> str:
    text = str(exc or "unreadable XML").strip().splitlines()
    return text[0] if text else "unreadable XML"
