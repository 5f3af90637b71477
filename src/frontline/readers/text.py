"""Plain text as copied from a live-blog page: title line, then paragraphs, one per line.

Segmentation into posts needs boilerplate removed first, so this reader keeps
the paragraphs flat in one unsegmented block; `cleaning.segment` splits it.
"""

from __future__ import annotations

from frontline.models import Block, Document


def read(text: str, *, name: str) -> Document:
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise ValueError("no text lines")
    title, rest = lines[0], lines[1:]
    return Document(doc_id=name, title=title, blocks=[Block(headline="", paragraphs=rest)], format="text")
