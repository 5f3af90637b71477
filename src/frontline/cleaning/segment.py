"""Split a flat list of paragraphs (copied live-blog text) into posts.

A live blog copied as text is a run of lines: headlines and captions look like
titles (short, no closing full stop), body paragraphs look like prose. A run of
title-like lines followed by prose is: teasers / captions ..., then the post's
headline. A title line repeating the headline of the post just above is that
post's video caption; its following line is the caption's standfirst. A title
line repeated verbatim by the next line (its video caption) with no prose of its
own is a video post; two *different* titles in a row (a promo card's short title
and the linked article's full title) are teasers of another article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from frontline.cleaning.dedupe import normalise
from frontline.cleaning.sentences import split_spans

_TERMINAL = re.compile(r"[.!?…:;,][\"'”’»)\]]*$")
MAX_TITLE_CHARS = 220
CAPTION_SIMILARITY = 72  # token-set ratio of a caption to the headline it repeats
REPEAT_SIMILARITY = 95  # a video caption repeating its own headline (case, punctuation aside)


def is_title_like(line: str) -> bool:
    """A headline, caption or teaser: one short sentence without a closing full stop."""
    text = line.strip()
    if not text or len(text) > MAX_TITLE_CHARS:
        return False
    if text[0] in "\"“«":  # a quotation paragraph
        return False
    if text[0] in "•·▪◦●-–—*" or re.match(r"^\d{1,2}[.)] ", text):  # a list item belongs to the post's body
        return False
    if text.endswith("?") and len(text) <= 140 and len(split_spans(text)) == 1:
        return True  # question headlines: "What is the coalition of the willing?"
    if _TERMINAL.search(text):
        return False
    return len(split_spans(text)) <= 1


def similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return fuzz.token_set_ratio(a.lower(), b.lower()) >= CAPTION_SIMILARITY and (
        fuzz.ratio(a.lower(), b.lower()) >= 55
    )


def repeats(a: str, b: str) -> bool:
    """`b` says the same as `a` (a caption restating its headline), not merely a similar title."""
    na, nb = normalise(a), normalise(b)
    return bool(na) and fuzz.ratio(na, nb) >= REPEAT_SIMILARITY


@dataclass
class Segment:
    headline: str
    paragraphs: list[str] = field(default_factory=list)
    kind: str = "post"  # post | summary | teaser
    # The video caption block: caption lines repeating the headline and the caption's
    # standfirst, in source order (they follow the body in the copied text).
    captions: list[str] = field(default_factory=list)
    stamp: str | None = None  # the timestamp line that preceded the post, as written


_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DAY = r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
_TIME = r"\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?(\s?(gmt|bst|utc|cet|cest|eet|eest|msk|et|est|edt|pt|pst|pdt))?"
TIMESTAMP = re.compile(
    rf"^(updated:?\s*|posted:?\s*|published:?\s*)?("
    rf"{_TIME}"  # 09:31 GMT
    rf"|(\d+|an?|one) (second|minute|min|hour|hr|day)s? ago"  # 5 minutes ago
    rf"|({_DAY},?\s+)?\d{{1,2}}(st|nd|rd|th)?\s+{_MONTH}(\s+\d{{4}})?(,?\s+{_TIME})?"  # Sunday 16 March 2025 09:31
    rf"|({_DAY},?\s+)?{_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?(,?\s+\d{{4}})?(,?\s+{_TIME})?"  # March 16, 2025 9:31am
    rf"|\d{{10}}"  # a Unix timestamp left in copied text
    rf")$", re.IGNORECASE)


def is_timestamp(line: str) -> bool:
    """A line that only says when the next post was published."""
    return bool(TIMESTAMP.match(line.strip()))


def split_stamps(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Remove timestamp lines; return the rest and, for each line that followed a stamp, its stamp."""
    out: list[str] = []
    stamps: dict[str, str] = {}
    pending: str | None = None
    for line in lines:
        if is_timestamp(line):
            pending = line.strip()
            continue
        if pending is not None:
            stamps.setdefault(line, pending)
            pending = None
        out.append(line)
    return out, stamps


def segment(paragraphs: list[str], *, first_is_standfirst: bool = True) -> tuple[str, list[Segment]]:
    """Return (standfirst, segments) for the paragraphs after a document's title.

    Timestamp lines ("09:31 GMT", "Sunday 16 March 2025 09:31") are not posts: each
    becomes the `stamp` of the post that follows it.
    """
    lines, stamps = split_stamps([p for p in paragraphs if p.strip()])
    standfirst, segments = _segment(lines, first_is_standfirst)
    for seg in segments:
        key = seg.headline if seg.headline in stamps else (seg.paragraphs[0] if seg.paragraphs else "")
        seg.stamp = stamps.get(key)
    return standfirst, segments


def _segment(lines: list[str], first_is_standfirst: bool) -> tuple[str, list[Segment]]:
    standfirst = ""
    if first_is_standfirst and lines and is_title_like(lines[0]):
        standfirst, lines = lines[0], lines[1:]
    segments: list[Segment] = []
    # Lead: prose before the first title-like line is the summary of the live blog.
    i = 0
    lead: list[str] = []
    while i < len(lines) and not is_title_like(lines[i]):
        lead.append(lines[i])
        i += 1
    if lead:
        segments.append(Segment(headline="", paragraphs=lead, kind="summary"))
    while i < len(lines):
        run: list[str] = []
        while i < len(lines) and is_title_like(lines[i]):
            run.append(lines[i])
            i += 1
        body: list[str] = []
        while i < len(lines) and not is_title_like(lines[i]):
            body.append(lines[i])
            i += 1
        segments.extend(_resolve_run(run, body, segments))
    return standfirst, segments


def _resolve_run(run: list[str], body: list[str], before: list[Segment]) -> list[Segment]:
    """Turn a run of title-like lines (+ the prose after it) into segments."""
    previous = next((s for s in reversed(before) if s.kind == "post"), None)
    limit = len(run) - (1 if body else 0)  # with prose, the run's last line is the next headline
    j = 0
    # Captions repeating the post just above, each with an optional standfirst line.
    while previous is not None and j < limit and similar(run[j], previous.headline):
        previous.captions.append(run[j])
        j += 1
        if j < limit and not similar(run[j], previous.headline) and not _starts_post(run, j):
            previous.captions.append(run[j])
            j += 1
    rest = run[j:]
    if not body:
        return _videos_and_teasers(rest)
    *between, headline = rest if rest else [""]
    return _videos_and_teasers(between) + [Segment(headline=headline, paragraphs=body, kind="post")]


def _videos_and_teasers(lines: list[str]) -> list[Segment]:
    """Title lines with no prose: video posts (headline, its repeated caption, a standfirst), else teasers."""
    out: list[Segment] = []
    k = 0
    while k < len(lines):
        if k + 1 < len(lines) and repeats(lines[k], lines[k + 1]):
            seg = Segment(headline=lines[k], captions=[lines[k + 1]], kind="post")
            k += 2
            if k < len(lines) and not _starts_post(lines, k):
                seg.captions.append(lines[k])  # the video's standfirst stands in for the body
                k += 1
            out.append(seg)
        else:
            out.extend(_teasers([lines[k]]))
            k += 1
    return out


def _starts_post(run: list[str], j: int) -> bool:
    """Line j opens a pair of titles of its own (a video post or a promo card), so it is no standfirst."""
    return j + 1 < len(run) and similar(run[j], run[j + 1])


def _teasers(lines: list[str]) -> list[Segment]:
    return [Segment(headline="", paragraphs=[ln], kind="teaser") for ln in lines]
