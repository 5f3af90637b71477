"""Plain text as copied from a live-blog page: title line, then paragraphs, one per line.

Segmentation into posts needs boilerplate removed first, so this reader keeps
the paragraphs flat in one unsegmented block; `cleaning.segment` splits it.
"""

from __future__ import annotations

import re

from frontline.models import Block, Document

MAX_TITLE_CHARS = 300  # a first line longer than this is text, not a title
SHORT_TITLE_CHARS = 120
_FIRST_SENTENCE = re.compile(r"(.{20,%d}?[.!?])\s" % SHORT_TITLE_CHARS)  # noqa: UP031 - a regex, braces inside


def read(text: str, *, name: str) -> Document:
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise ValueError("no text lines")
    title, rest = lines[0], lines[1:]
    if not rest:
        # One line: it names the document and is its text (a title alone would leave nothing to read).
        rest = [title]
    if len(title) > MAX_TITLE_CHARS:
        # A file without line breaks (or starting with a paragraph): its first words name it, and the
        # whole line stays text, so nothing is lost to the title.
        title, rest = short_title(title), lines
    return Document(doc_id=name, title=title, blocks=[Block(headline="", paragraphs=rest)], format="text")


def short_title(line: str) -> str:
    """The first sentence when it is short, else the first words, marked as cut."""
    first = _FIRST_SENTENCE.match(line[:MAX_TITLE_CHARS + 1])
    if first:
        return first.group(1)
    cut = line[:SHORT_TITLE_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > SHORT_TITLE_CHARS // 2 else cut).rstrip(" ,;:-") + "…"
