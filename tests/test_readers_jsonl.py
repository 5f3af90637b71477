"""JSON Lines of documents: {"url", "title", "published", "text" | "html"} per line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontline.readers import ReaderError, read_bytes, read_path

FIXTURES = Path(__file__).parent / "fixtures"


def test_text_and_html_lines():
    docs = read_path(FIXTURES / "documents.jsonl")
    assert [d.doc_id for d in docs] == ["https://example.com/a", "https://example.com/b"]
    text_doc, html_doc = docs
    assert text_doc.title == "Border crossing reopens"
    assert text_doc.published == dt.datetime(2024, 2, 1, 12, 0)
    assert text_doc.blocks[0].paragraphs[1] == "Queues of lorries stretched for several kilometres."
    # A whole page in "html" goes through the HTML reader: its live-blog posts are kept.
    assert html_doc.title == "Live: day 700" and html_doc.format == "jsonl"
    [post] = html_doc.blocks
    assert post.headline == "Air raid alert in Kyiv"
    assert post.published == dt.datetime(2024, 1, 24, 3, 10, tzinfo=dt.UTC)


def test_bad_line_is_named():
    with pytest.raises(ReaderError) as err:
        read_path(FIXTURES / "bad_line.jsonl")
    message = str(err.value)
    assert "bad_line.jsonl" in message and "line 2" in message and "\n" not in message


@pytest.mark.parametrize("line, reason", [
    ('{"text": "ok"}\n["a list"]', "line 2: not a JSON object"),
    ('{"url": "u", "title": "t"}', 'line 1: no "text" or "html" field'),
    ('{"url": 5, "text": "x"}', 'line 1: "url" must be a string'),
    ('{"text": "Some text here.", "published": "someday"}', "line 1: unreadable date"),
])
def test_invalid_records(line, reason):
    with pytest.raises(ReaderError, match=reason):
        read_bytes(line.encode(), "x.jsonl")


def test_documents_without_url_get_line_ids():
    data = "\n".join(json.dumps({"title": f"T{i}", "text": f"Body number {i} of the file."}) for i in (1, 2))
    assert [d.doc_id for d in read_bytes(data.encode(), "batch.jsonl")] == ["batch.jsonl#1", "batch.jsonl#2"]


def test_single_json_document_or_array():
    one = json.dumps({"url": "https://e.com/x", "title": "X", "text": "A body."}, indent=2)
    assert read_bytes(one.encode(), "x.json")[0].doc_id == "https://e.com/x"
    many = json.dumps([{"title": "A", "text": "First body."}, {"title": "B", "text": "Second body."}])
    assert [d.title for d in read_bytes(many.encode(), "x.json")] == ["A", "B"]
