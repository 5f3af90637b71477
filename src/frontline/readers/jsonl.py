"""JSON Lines of documents, one per line: {"url", "title", "published", "text" | "html"}.

A line holding a whole page ("html") goes through the HTML reader, so live-blog
JSON-LD inside it is used; the line's own fields override the page's metadata.
A single JSON document or array (a .json file) is accepted too.
"""

from __future__ import annotations

import json

from frontline.models import Block, Document
from frontline.readers.html import html_to_paragraphs, parse_datetime, scrub


def read(text: str, *, name: str) -> list[Document]:
    records = _records(text)
    docs: list[Document] = []
    for line_no, record in records:
        docs.append(_document(record, line_no, name, single=len(records) == 1))
    return docs


def _records(text: str) -> list[tuple[int, dict]]:
    lines = text.split("\n")
    stripped = text.strip()
    if stripped.startswith("[") or (stripped.startswith("{") and not _first_line_is_json(lines)):
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError:
            whole = None
        if isinstance(whole, list):
            return [(i, _as_object(item, i, "item")) for i, item in enumerate(whole, 1)]
        if isinstance(whole, dict):
            return [(1, whole)]
    out = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number}: not JSON ({exc.msg} at column {exc.colno})") from None
        out.append((number, _as_object(value, number, "line")))
    return out


def _first_line_is_json(lines: list[str]) -> bool:
    first = next((ln for ln in lines if ln.strip()), "")
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _as_object(value: object, number: int, what: str) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{what} {number}: not a JSON object")
    return value


def _document(record: dict, number: int, name: str, *, single: bool) -> Document:
    where = f"line {number}"
    url = _field(record, "url", where)
    title = _field(record, "title", where)
    published_raw = record.get("published")
    published = parse_datetime(published_raw)
    if published_raw not in (None, "") and published is None:
        raise ValueError(f"{where}: unreadable date in \"published\": {str(published_raw)[:40]!r}")
    text, html = record.get("text"), record.get("html")
    if isinstance(html, str) and html.strip():
        from frontline.readers import html as html_reader

        try:
            doc = html_reader.read(html, name=url or name)[0]
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
    elif isinstance(text, str) and text.strip():
        paragraphs = scrub(html_to_paragraphs(text))
        doc = Document(doc_id=url or name, title="", blocks=[Block(headline="", paragraphs=paragraphs)])
    else:
        raise ValueError(f'{where}: no "text" or "html" field')
    doc.doc_id = url or (name if single else f"{name}#{number}")
    doc.url = url or doc.url
    doc.title = title or doc.title or _first_words(doc)
    doc.published = published or doc.published
    if isinstance(record.get("source"), str) and record["source"].strip():
        doc.source = record["source"].strip()
    doc.format = "jsonl"
    return doc


def _field(record: dict, key: str, where: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f'{where}: "{key}" must be a string')
    return value.strip()


def _first_words(doc: Document) -> str:
    for block in doc.blocks:
        for p in block.paragraphs:
            return p[:120]
    return ""
