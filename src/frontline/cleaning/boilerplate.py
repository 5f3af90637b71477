"""Publisher boilerplate removal driven by the pattern lists in data/boilerplate.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Patterns:
    drop_paragraph: tuple[re.Pattern, ...]
    appeal_strong: tuple[re.Pattern, ...]
    appeal_signal: tuple[re.Pattern, ...]
    drop_sentence: tuple[re.Pattern, ...]
    glue: re.Pattern


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    raw = tomllib.loads(resources.files("frontline.data").joinpath("boilerplate.toml").read_text("utf-8"))

    def compile_all(key: str) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in raw[key])

    return Patterns(
        drop_paragraph=compile_all("drop_paragraph"),
        appeal_strong=compile_all("appeal_strong"),
        appeal_signal=compile_all("appeal_signal"),
        drop_sentence=compile_all("drop_sentence"),
        glue=re.compile(raw["glue"]),
    )


def unglue(paragraphs: list[str]) -> list[str]:
    """Split paragraphs where boilerplate was glued to content without a space."""
    pat = patterns().glue
    out: list[str] = []
    for para in paragraphs:
        out.extend(part.strip() for part in pat.split(para) if part.strip())
    return out


def is_boilerplate(paragraph: str) -> bool:
    text = paragraph.strip()
    return any(p.search(text) for p in patterns().drop_paragraph)


def strip_paragraphs(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Remove boilerplate paragraphs and appeal runs; return (kept, removed).

    An appeal opens with a strong line ("Your support helps us...") and runs over
    the next few paragraphs that speak as the publisher (we/our, journalism,
    donations).
    """
    pats = patterns()
    kept: list[str] = []
    removed: list[str] = []
    run = 0  # paragraphs into the current appeal; 0 = not in one
    for para in unglue(paragraphs):
        if any(p.search(para) for p in pats.appeal_strong):
            removed.append(para)
            run += 1
            continue
        if 0 < run <= MAX_APPEAL_PARAGRAPHS and _speaks_as_publisher(para):
            removed.append(para)
            run += 1
            continue
        run = 0
        (removed if is_boilerplate(para) else kept).append(para)
    return kept, removed


MAX_APPEAL_PARAGRAPHS = 6


def _speaks_as_publisher(para: str) -> bool:
    signals = patterns().appeal_signal
    return bool(signals[0].search(para)) or sum(1 for p in signals[1:] if p.search(para)) >= 2


def strip_sentences(sentences: list[str]) -> tuple[list[str], list[str]]:
    """Drop boilerplate sentences (credits, 'read more' links) from a paragraph's sentences."""
    pats = patterns().drop_sentence
    kept, removed = [], []
    for s in sentences:
        (removed if any(p.search(s.strip()) for p in pats) else kept).append(s)
    return kept, removed
