"""Positive evidence that two mentions tell one event: the same words, the same speaker."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from frontline.language.actors import canonical_actor, is_media

STOP = frozenset("""the and for that with from this have has had was were are been said says will would could
which their they them there than then into onto over under after before about also more most some such its
his her she him who whom what when where while been being not but all any one two three new latest other
told says saying added according""".split())


COMMON_NAMES = frozenset("""russia russian russians ukraine ukrainian ukrainians kyiv kiev moscow kremlin west western
europe european nato monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december""".split())


@lru_cache(maxsize=65536)
def _stems(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z'’-]+", text.lower())
    return frozenset(w[:5] for w in words if len(w) >= 4 and w not in STOP and w not in COMMON_NAMES)


def text_overlap(x: str, y: str) -> float:
    """Share of the shorter text's content words found in the other (stems of five letters)."""
    a, b = _stems(x), _stems(y)
    small = min(len(a), len(b))
    if small < 3:
        return 0.0
    return len(a & b) / small


# A name written out in full: two to four capitalised words ("Richard Moore", "Linda Thomas-Greenfield").
FULL_NAME = re.compile(r"^(?:[A-Z][\w’'-]+ ){1,3}[A-Z][\w’'-]+$")
CALENDAR = re.compile(r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
                      r"may|june|july|august|september|october|november|december)$", re.I)
TITLES = re.compile(r"^(mr|mrs|ms|dr|capt|gen|col|maj|lt|sir|president|minister|governor|mayor)\.?$", re.I)


@lru_cache(maxsize=8192)
def speaker_identity(name: str) -> str:
    """One key per speaker however the text names them: the catalogue's name if it knows them,
    else the surname of a named person ('Hungary's prime minister Viktor Orban' / 'Orban'),
    else the words of the description."""
    actor = canonical_actor(name)
    if actor is not None:
        return actor.name
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # Vučić / Vucic
    words = re.findall(r"[\w’'-]+", name)
    proper = [w for w in words if w[:1].isupper() and not CALENDAR.match(w) and not TITLES.match(w)]
    if proper and not re.search(r"['’]s$", proper[-1]):
        return proper[-1].lower()
    return re.sub(r"[^a-z0-9 ]", "", name.lower().replace("’", "'").replace("'s ", " ")).strip()


@lru_cache(maxsize=65536)
def proper_names(text: str) -> frozenset[str]:
    """Capitalised words inside a sentence (not its first word), the sides and the calendar left out:
    'Robotyne' shared by two sentences is evidence of one place even when the gazetteer lacks it."""
    words = re.findall(r"(?<=[\s(“\"'])([A-Z][a-z’'-]{2,})", text)
    return frozenset(w.lower().rstrip("’'s") for w in words if w.lower().rstrip("’'s") not in COMMON_NAMES)


def normalized_name(text: str) -> str:
    """Lower case, letters and digits only, possessive 's dropped: names compared as words."""
    return re.sub(r"[^a-z0-9 ]", "", text.lower().replace("’", "'").replace("'s ", " ")).strip()


@lru_cache(maxsize=4096)
def side_of(name: str) -> str:
    """The side a source speaks for: its country if the catalogue knows it, else its name."""
    actor = canonical_actor(name)
    if actor is not None:
        return actor.country or actor.name
    return normalized_name(name)


# words that name a role, not who holds it: "the official" may be any official named before
ROLE_WORDS = frozenset("""
a an the of from for in at on to and his her its their this that country state top senior
official officials spokesman spokeswoman spokesperson minister ministry president governor mayor
agency office head chief leader authorities government lawmakers mps sources source statement
former adviser advisor aide deputy
""".split())


def _voice_words(name: str) -> frozenset[str]:
    """The words that name this voice and no other: a possessor names someone else ("Putin's
    former adviser" is not Putin), a role may be anyone's."""
    name = re.split(r"['’]s\b", name)[-1]
    words = re.findall(r"[a-z0-9]+", name.lower())
    return frozenset(w for w in words if w not in ROLE_WORDS)


def voices_apart(na: str, nb: str) -> bool:
    """Two voices each named by words of their own ("the bloc's top justice official" and
    "Russia"; a research institute and the US). A bare role ("the official", "the ministry") may be
    anyone named before; an outlet passes on others' words; two names of one side are one side."""
    if speaker_identity(na) == speaker_identity(nb) or side_of(na) == side_of(nb):
        return False
    if any(k is not None and is_media(k.actor_id) for k in (canonical_actor(na), canonical_actor(nb))):
        return False
    wa, wb = _voice_words(na), _voice_words(nb)
    return bool(wa) and bool(wb) and not wa & wb


def war_side(name: str, text: str = "") -> str | None:
    """The warring side ("RU" or "UA") a voice speaks for: its catalogued state, the state its office is
    given in the text, or the side its own words name."""
    actor = canonical_actor(name)
    if actor is not None and actor.country in ("RU", "UA"):
        return actor.country
    # "Serhai Haidai, Ukraine's governor of Luhansk,": the state whose office the text gives them
    office = re.search(re.escape(name) + r",? (?:the )?(Ukraine|Russia)['’]s ", text) if text else None
    if office is not None:
        return "UA" if office.group(1) == "Ukraine" else "RU"
    low = name.lower()
    if re.search(r"\b(russian|moscow|kremlin|separatist|pro-russian)", low):
        return "RU"
    if re.search(r"\b(ukrain|kyiv)", low):
        return "UA"
    return None
