"""Dedupe skips comparisons that cannot reach the cutoff (by length and character counts): the
links it makes are those of comparing every pair, on texts with near-repeats of every degree."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from frontline.cleaning import dedupe
from frontline.models import Post, Sentence

WORDS = ("the russian forces shelled kharkiv overnight while ukrainian officials said drones hit a depot "
         "near the border city as talks on grain exports stalled again in istanbul élan café").split()


def texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        if out and rng.random() < 0.4:  # a near-repeat of an earlier text, a few characters changed
            chars = list(rng.choice(out))
            for _ in range(rng.choice([0, 1, 2, 4, 8, 16])):
                chars[rng.randrange(len(chars))] = rng.choice("abcxyz é’")
            out.append("".join(chars))
        else:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 30))))
    return out


def reference_sentences(norms: list[str]) -> list[int | None]:
    seen, owners, exact, out = [], [], {}, []
    for i, norm in enumerate(norms):
        if len(norm.split()) < dedupe.MIN_WORDS:
            out.append(None)
            continue
        if norm in exact:
            out.append(exact[norm])
            continue
        hit = process.extractOne(norm, seen, scorer=fuzz.ratio, score_cutoff=dedupe.SENTENCE_SIMILARITY) \
            if seen else None
        if hit is not None:
            out.append(owners[hit[2]])
            continue
        out.append(None)
        seen.append(norm)
        owners.append(i)
        exact[norm] = i
    return out


def test_sentence_links_are_those_of_comparing_every_pair():
    for seed in range(4):
        raw = texts(300, seed)
        sentences = [Sentence("d", "p", i, t, 0, len(t)) for i, t in enumerate(raw)]
        dedupe.link_sentences(sentences)
        assert [s.duplicate_of for s in sentences] == reference_sentences([dedupe.normalise(t) for t in raw])
        assert any(s.duplicate_of is not None for s in sentences)


def test_post_links_are_those_of_comparing_every_pair():
    for seed in range(4):
        raw = texts(120, seed + 10)
        posts = [Post("d", f"p{i}", i, "", t, "post", None, 0, len(t)) for i, t in enumerate(raw)]
        dedupe.link_posts(posts)
        norms = [dedupe.normalise(" " + t) for t in raw]
        want: list[str | None] = []
        for i, n in enumerate(norms):
            want.append(next((f"p{j}" for j in range(i) if want[j] is None and norms[j] and
                              fuzz.ratio(n, norms[j]) >= dedupe.SENTENCE_SIMILARITY), None))
        assert [p.duplicate_of for p in posts] == want
        assert any(w is not None for w in want)
