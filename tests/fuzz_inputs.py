"""Hypothesis strategies for hostile reader input, shared by tests/test_fuzz_readers.py and
bench/fuzz_readers.py: random bytes, and text, HTML, feeds and JSON Lines built from hostile pieces."""

from __future__ import annotations

import json

from hypothesis import strategies as st

# Pieces that have broken parsers before: markup, entities, furniture, stamps, odd whitespace and encodings.
PIECES = [
    "Troops shelled the town on Monday, officials said.", "Comments", "Sign up to our newsletter",
    "Your support helps us to tell the story", "09:31 GMT", "Sunday 16 March 2025 09:31", "Photograph: Reuters",
    "<script>alert(1)</script>", "<p>", "</p>", "<div>", "&amp;", "&lol;", "<!ENTITY x 'y'>", "]]>", "<![CDATA[",
    "=HYPERLINK(\"http://x\")", "@SUM(1)", "\u202e", "\ufeff", "\x00", "\r", "\t", "Mr.", "U.S.", "...", "?",
    "“", "»", "Київ", "‮", "{", "}", "[", "]", '"text":', "\\u0000", "<rss>", "<feed>", "<html>", " " * 50,
]

text_lines = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=80)), max_size=30).map("\n".join)


@st.composite
def html_pages(draw) -> str:
    body = "".join(f"<{tag}>{line}</{tag}>" for tag, line in draw(st.lists(
        st.tuples(st.sampled_from(["p", "h2", "div", "span", "article", "li", "time"]),
                  st.one_of(st.sampled_from(PIECES), st.text(max_size=60))), max_size=20)))
    title = draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)))
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


@st.composite
def feeds(draw) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>https://feed.example/{i}</link><description>{d}</description></item>"
        for i, (t, d) in enumerate(draw(st.lists(st.tuples(
            st.one_of(st.sampled_from(PIECES), st.text(max_size=40)),
            st.one_of(st.sampled_from(PIECES), st.text(max_size=120))), max_size=5))))
    prolog = draw(st.sampled_from(["", '<?xml version="1.0"?>', '<!DOCTYPE rss [<!ENTITY a "b">]>']))
    return f'{prolog}<rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>'


@st.composite
def json_lines(draw) -> str:
    records = draw(st.lists(st.fixed_dictionaries({}, optional={
        "url": st.one_of(st.text(max_size=30), st.just("https://news.example/live")),
        "title": st.one_of(st.text(max_size=40), st.sampled_from(PIECES), st.integers(), st.none()),
        "published": st.one_of(st.text(max_size=25), st.just("2025-03-16T09:00:00Z"), st.none()),
        "text": st.one_of(text_lines, st.integers(), st.lists(st.text(max_size=5), max_size=3)),
        "html": html_pages(),
    }), max_size=4))
    lines = [json.dumps(r) for r in records]
    if draw(st.booleans()) and lines:
        lines[draw(st.integers(0, len(lines) - 1))] += draw(st.sampled_from(["}", "{", ",", "\x00"]))
    return "\n".join(lines)


ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1251"]


@st.composite
def hostile_inputs(draw) -> tuple[str, bytes]:
    """(file name, bytes) for one input of any kind, sometimes in another encoding, sometimes raw bytes."""
    kind = draw(st.sampled_from(["text", "html", "feed", "jsonl", "bytes"]))
    if kind == "bytes":
        return draw(st.sampled_from(["x.txt", "x.html", "x.xml", "x.jsonl"])), draw(st.binary(max_size=600))
    text = draw({"text": text_lines, "html": html_pages(), "feed": feeds(), "jsonl": json_lines()}[kind])
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    name = {"text": "x.txt", "html": "x.html", "feed": "x.xml", "jsonl": "x.jsonl"}[kind]
    return name, data
