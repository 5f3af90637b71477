"""Guess an input's format from its content, using the extension only as a tie-breaker."""

from __future__ import annotations

import re

# "7 Jul 2022 00.51" or "From 7 Jul 2022 18.14": the Guardian's inline post stamps.
GUARDIAN_STAMP = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}\.\d{2}\b")


def detect_format(text: str, name: str = "") -> str:
    """Return one of: html, feed, jsonl, guardian, text."""
    head = text.lstrip()[:2000].lower()
    lower_name = name.lower()
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed") or "<rss" in head[:500]:
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
    if head.startswith("<!doctype html") or head.startswith("<html") or "<html" in head[:1000] or (
        lower_name.endswith((".html", ".htm")) and "<" in head
    ):
        return "html"
    if head.startswith("{") and (lower_name.endswith((".jsonl", ".ndjson", ".json")) or "\n{" in text[:100000]
                                 or text.strip().count("\n") == 0):
        return "jsonl"
    if len(GUARDIAN_STAMP.findall(text[:200000])) >= 2:
        return "guardian"
    return "text"
