"""Sentence splitting with character offsets, tuned for news prose.

A regex splitter (not a model) keeps offsets exact and runs at millions of
characters per second; it knows news abbreviations ("Mr", "Gen", "U.S.") and
closing quotes after the full stop.
"""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
    "gov", "sen", "rep", "st", "mt", "ft", "jr", "sr", "vs", "etc", "approx", "est",
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
    "u.n", "e.g", "i.e", "inc", "ltd", "co", "corp", "brig", "cmdr", "rev", "hon",
}
# Abbreviations only before a number ("No. 10", "Nos. 3 and 4"); elsewhere the word ends a
# sentence ("Russia said no. The talks collapsed.").
NUMBER_ABBREVIATIONS = {"no", "nos"}

# A "sentence" longer than this is a scraping accident (a page without full stops), not prose:
# it is cut at a space into pieces no longer than this, so that every per-sentence step (parse,
# dates, triggers, quantities) runs on bounded text and a 3 MB one-line file costs linear time.
MAX_SENTENCE_CHARS = 3000

# End of sentence: . ! ? or …, optional closing quotes/brackets, whitespace, then a
# capital, digit or opening quote.
_BOUNDARY = re.compile(r"([.!?…]+[\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]?[A-Z0-9])")


_LAST_WORD = re.compile(r"[\w.]+$")


def split_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in `text`, none longer than MAX_SENTENCE_CHARS."""
    out: list[tuple[int, int]] = []
    for a, b in _sentence_spans(text):
        out.extend(_cut(text, a, b))
    return out


def _cut(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Pieces of an over-long span, cut after the last space of each window."""
    pieces = []
    while b - a > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", a + 1, a + MAX_SENTENCE_CHARS)
        if cut <= a:
            cut = a + MAX_SENTENCE_CHARS
        end = cut
        while end > a and text[end - 1].isspace():
            end -= 1
        if end > a:
            pieces.append((a, end))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        pieces.append((a, b))
    return pieces


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end(1)
        # the word before the stop, looked for in a short window (a search from `start` over a
        # long run without sentence ends made splitting quadratic); abbreviations are short
        word = _LAST_WORD.search(text, max(start, m.start(1) - 64), m.start(1))
        token = word.group(0).lower() if word else ""
        if m.group(1) == "." and (token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token) or (
                token in NUMBER_ABBREVIATIONS and text[m.end(2):m.end(2) + 1].isdigit())):
            continue  # "Mr. Trump", "J. Biden", "No. 10"
        if end - start > 1:
            spans.append((start, end))
        start = m.end(2)
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)]
