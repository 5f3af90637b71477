"""RSS and Atom feeds: one Document per entry, parsed with feedparser (no network: bytes in)."""

from __future__ import annotations

import calendar
import datetime as dt
import io

from frontline.models import Block, Document
from frontline.readers.html import html_to_paragraphs, scrub


def read(text: str, *, name: str) -> list[Document]:
    import feedparser

    _refuse_entity_declarations(text)
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


def _refuse_entity_declarations(text: str) -> None:
    """A feed that declares its own entities is refused: expanding them is how a "billion laughs"
    exhausts memory and how an external entity reads local files (XXE). feedparser leaves them
    unexpanded, which would store "&lol9;" as if it were text; defusedxml names what was found."""
    if "<!entity" not in text[:200_000].lower():
        return
    import defusedxml
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        fromstring(text.encode("utf-8"))
    except defusedxml.DefusedXmlException as exc:
        what = f"entity {exc.name!r}" if getattr(exc, "name", None) else type(exc).__name__
        system = f" pointing at {exc.sysid!r}" if getattr(exc, "sysid", None) else ""
        raise ValueError(f"XML entity declarations refused ({what} declared{system}): entity expansion is "
                         "not allowed in feeds") from None
    except ParseError:
        pass
    raise ValueError("XML entity declarations (<!ENTITY>) refused: entity expansion is not allowed in feeds")


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
