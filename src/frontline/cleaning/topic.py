"""Is a block about the war at all? Live blogs carry off-topic items (festivals, sport)."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _lexicon() -> re.Pattern:
    raw = tomllib.loads(resources.files("frontline.data").joinpath("war_lexicon.toml").read_text("utf-8"))
    words = sorted(set(raw["terms"]), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(words) + r")", re.IGNORECASE)


def war_terms(text: str) -> list[str]:
    return [m.group(0).lower() for m in _lexicon().finditer(text)]


# Extraction asks about the same sentence and the same headline several times (once per sentence
# of a post): the answers are cached, as a regex of hundreds of alternatives is not cheap.
@lru_cache(maxsize=8192)
def is_war_related(text: str) -> bool:
    """True when the text uses the vocabulary of war, conflict or its diplomacy."""
    return bool(_lexicon().search(text))


# Words that report harm but not its cause: a toll is war news only beside another war word.
HARM_WORDS = ("killed", "wounded", "dead", "casualt", "death toll", "civilian", "civilians")


@lru_cache(maxsize=8192)
def is_war_context(text: str) -> bool:
    """Like is_war_related, but harm alone ('two people were killed') does not make a war."""
    return any(not m.group(0).lower().startswith(HARM_WORDS) for m in _lexicon().finditer(text))


# Lexicon words that other news uses as often ("the Capitol attack", "a climate summit", "a sexual
# assault"): a story with only these is about the war only if it is set in the war's countries.
GENERIC_TERMS = re.compile(
    r"(attack|strike|struck|shell|bomb|blast|explosion|killed|wounded|dead|death toll|civilian|talks|summit|"
    r"peace|negotiat|draft|armed|forces|battle|assault|arms|tank|patriot|refugee|humanitarian|evacuat|"
    r"captured|hostage|weapon|nuclear)", re.IGNORECASE)


def has_specific_war_term(text: str) -> bool:
    """Whether the text uses a war word that other news rarely does (troops, Kremlin, artillery, Nato...)."""
    return any(not GENERIC_TERMS.fullmatch(m.group(0)) for m in _lexicon().finditer(text))
