"""Near-duplicate sentences and posts, linked to their first occurrence (never dropped)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from frontline.models import Post, Sentence

SENTENCE_SIMILARITY = 90
MIN_WORDS = 5


def normalise(text: str) -> str:
    text = text.lower().translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", text)).strip()


def link_sentences(sentences: list[Sentence]) -> None:
    """Set `duplicate_of` on each sentence that repeats an earlier one of the same document."""
    seen: list[str] = []
    owners: list[int] = []
    for s in sentences:
        norm = normalise(s.text)
        if len(norm.split()) < MIN_WORDS:
            continue
        if seen:
            hit = process.extractOne(norm, seen, scorer=fuzz.ratio, score_cutoff=SENTENCE_SIMILARITY)
            if hit is not None:
                s.duplicate_of = owners[hit[2]]
                continue
        seen.append(norm)
        owners.append(s.index)


def link_posts(posts: list[Post]) -> None:
    """Mark a post whose text repeats an earlier post (a re-published update)."""
    norms = [normalise(p.headline + " " + p.text) if p.text else "" for p in posts]
    for i, post in enumerate(posts):
        if not post.text:
            continue
        for j, earlier in enumerate(posts[:i]):
            if earlier.duplicate_of is None and norms[j] and fuzz.ratio(norms[i], norms[j]) >= SENTENCE_SIMILARITY:
                post.duplicate_of = earlier.post_id
                break
