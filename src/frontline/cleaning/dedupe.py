"""Near-duplicate sentences and posts, linked to their first occurrence (never dropped)."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from frontline.models import Post, Sentence

SENTENCE_SIMILARITY = 90
MIN_WORDS = 5


_QUOTES = str.maketrans("‘’“”–—", "''\"\"--")
_NOT_WORD = re.compile(r"[^\w\s']")
_SPACES = re.compile(r"\s+")


# Texts a live blog's next snapshot repeats are normalised and counted once per process (a `watch`
# keeps them from one poll to the next), for this many texts.
MEMO_TEXTS = 16384


@lru_cache(maxsize=MEMO_TEXTS)
def normalise(text: str) -> str:
    text = text.lower().translate(_QUOTES)
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", text)).strip()


# Fuzzy comparison is against the most recent WINDOW distinct texts (exact repeats are found at
# any distance through a dict). A live blog has a few hundred posts and a few thousand sentences,
# all inside the windows, so the result is unchanged; a 5 MB document stays linear, not quadratic.
SENTENCE_WINDOW = 4000
POST_WINDOW = 400


def _lengths(n: int) -> tuple[int, int]:
    """The lengths a text can have and still score SENTENCE_SIMILARITY with one of `n` characters
    (a little more): fuzz.ratio is 100 * (1 - d / (n + m)) with an edit distance d >= |n - m|."""
    f = (100 - SENTENCE_SIMILARITY) / 100
    return int(n * (1 - f) / (1 + f)) - 1, int(n * (1 + f) / (1 - f)) + 1


def link_sentences(sentences: list[Sentence]) -> None:
    """Set `duplicate_of` on each sentence that repeats an earlier one of the same document."""
    seen: list[str] = []
    owners: list[int] = []
    exact: dict[str, int] = {}
    sizes = np.zeros(len(sentences), dtype=np.int64)  # len(seen[i])
    counts = np.zeros((len(sentences), 64), dtype=np.int32)  # seen[i]'s characters (`_counts`)
    slack = (100 - SENTENCE_SIMILARITY) / 100
    for s in sentences:
        norm = normalise(s.text)
        if len(norm.split()) < MIN_WORDS:
            continue
        if norm in exact:  # the first occurrence is also what extractOne picks (the first best score)
            s.duplicate_of = exact[norm]
            continue
        mine = _counts(norm)
        if seen:
            lo = max(0, len(seen) - SENTENCE_WINDOW)
            # Only texts whose length and characters can reach the cutoff, in their order: what
            # extractOne would pick among them all.
            low, high = _lengths(len(norm))
            near = sizes[lo:len(seen)]
            picks = np.flatnonzero((near >= low) & (near <= high)) + lo
            if picks.size:
                apart = np.abs(counts[picks] - mine).sum(axis=1)
                picks = picks[apart <= slack * (sizes[picks] + len(norm)) + 1]
            if picks.size:
                hit = process.extractOne(norm, [seen[j] for j in picks], scorer=fuzz.ratio,
                                         score_cutoff=SENTENCE_SIMILARITY)
                if hit is not None:
                    s.duplicate_of = owners[int(picks[hit[2]])]
                    continue
        sizes[len(seen)] = len(norm)
        counts[len(seen)] = mine
        seen.append(norm)
        owners.append(s.index)
        exact[norm] = s.index


@lru_cache(maxsize=MEMO_TEXTS)
def _counts(text: str) -> np.ndarray:
    """How often each character occurs, by code point modulo 64: the counts of two texts differ by
    no more than the edit distance between them (insertions and deletions) that fuzz.ratio rests on.
    Read-only: the array is shared by every caller with the same text."""
    out = np.bincount(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) % 64, minlength=64).astype(np.int32)
    out.flags.writeable = False
    return out


def link_posts(posts: list[Post]) -> None:
    """Mark a post whose text repeats an earlier post (a re-published update)."""
    norms = [normalise(p.headline + " " + p.text) if p.text else "" for p in posts]
    sizes = np.array([len(n) for n in norms], dtype=np.int64)
    # earlier posts an update can repeat: originals (not repeats themselves) with some text
    open_ = np.array([p.duplicate_of is None and bool(n) for p, n in zip(posts, norms, strict=True)], dtype=bool)
    # Characters counted (by code point modulo 64): the counts' difference is a floor of the edit
    # distance fuzz.ratio rests on, so texts it puts too far apart cannot score the cutoff.
    counts = np.zeros((len(posts), 64), dtype=np.int32)
    for i, n in enumerate(norms):
        if n:
            counts[i] = _counts(n)
    slack = (100 - SENTENCE_SIMILARITY) / 100
    exact: dict[str, str] = {}  # an original's text -> its id, for repeats older than the window
    for i, post in enumerate(posts):
        if not post.text:
            continue
        lo = max(0, i - POST_WINDOW)
        low, high = _lengths(int(sizes[i]))  # a text much shorter or longer cannot score the cutoff
        near = sizes[lo:i]
        apart = np.abs(counts[lo:i] - counts[i]).sum(axis=1)
        fits = open_[lo:i] & (near >= low) & (near <= high) & (apart <= slack * (near + sizes[i]) + 1)
        for j in (np.flatnonzero(fits) + lo).tolist():
            if fuzz.ratio(norms[i], norms[j], score_cutoff=SENTENCE_SIMILARITY) >= SENTENCE_SIMILARITY:
                post.duplicate_of = posts[j].post_id
                break
        else:
            if lo and norms[i] in exact:
                post.duplicate_of = exact[norms[i]]
        open_[i] = post.duplicate_of is None and bool(norms[i])
        if post.duplicate_of is None and norms[i]:
            exact.setdefault(norms[i], post.post_id)
