"""Guess an input's format from its content; the extension only breaks ties.

A .txt holding a saved web page is HTML, a .xml holding RSS is a feed, a file of
JSON objects one per line is JSON Lines, whatever the files are called.
"""

from __future__ import annotations

import re

from frontline.readers.guardian import looks_like as _guardian_layout

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)\b")
_HTML_MARK = re.compile(r"<!doctype html|<html\b|<head\b|<body\b")
_HTML_TAG = re.compile(r"<(div|p|article|section|main|title|meta|script|span|h[1-6]|ul|table|a)\b[^>]*>")
_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")


def detect_format(text: str, name: str = "") -> str:
    """Return one of: html, feed, jsonl, guardian, text, or xml (XML that is neither feed nor page)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    head = stripped[:4000].lower()
    lower_name = name.lower()
    if head.startswith("<"):
        if _FEED_ROOT.search(head) and not _HTML_MARK.search(head[:1000]):
            return "feed"
        if _HTML_MARK.search(head) or _HTML_TAG.search(head):
            return "html"
        if head.startswith("<?xml"):
            return "xml"
    if stripped.startswith(("{", "[")):
        return "jsonl"
    if _guardian_layout(text):
        return "guardian"
    # A page saved with something before the markup (headers, a stray line).
    if _HTML_MARK.search(head[:1500]) or (lower_name.endswith(_HTML_EXT) and _HTML_TAG.search(head)):
        return "html"
    return "text"
