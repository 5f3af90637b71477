"""Event triggers: which words in a sentence denote which SPEC event type.

The rules are data (data/event_triggers.toml); this module only compiles and
applies them. A hit is a candidate: extraction decides which hits become events.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import product

import ahocorasick

CONTEXT_CHARS = 60


@dataclass(frozen=True)
class Rule:
    type: str
    pattern: re.Pattern
    require: re.Pattern | None
    exclude: re.Pattern | None
    strength: float
    veto: re.Pattern | None = None
    topical: bool = False  # words common outside war: the sentence itself must be about the war


@dataclass
class TriggerHit:
    type: str
    start: int  # character offsets within the sentence
    end: int
    text: str
    strength: float
    topical: bool = False


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    raw = tomllib.loads(resources.files("frontline.data").joinpath("event_triggers.toml").read_text("utf-8"))

    def rx(value: str | None) -> re.Pattern | None:
        return re.compile(value, re.IGNORECASE) if value else None

    return tuple(Rule(r["type"], rx(r["pattern"]), rx(r.get("require")), rx(r.get("exclude")),
                      float(r.get("strength", 0.5)), rx(r.get("veto")), bool(r.get("topical", False)))
                 for r in raw["rule"])


def find_triggers(text: str) -> list[TriggerHit]:
    """Every rule match in the sentence that its `require`/`exclude` conditions allow."""
    hits: list[TriggerHit] = []
    plan = _plan()
    tried = set(plan.always)
    if plan.needles is not None:
        for _end, found in plan.needles.iter(fold(text)):
            tried |= found
    for i, rule in enumerate(plan.rules):
        if i not in tried:
            continue  # no match of the rule's pattern can be in this sentence
        if rule.require is not None and not rule.require.search(text):
            continue
        if rule.veto is not None and rule.veto.search(text):
            continue
        for m in rule.pattern.finditer(text):
            if rule.exclude is not None:
                window = text[max(0, m.start() - CONTEXT_CHARS): m.end() + CONTEXT_CHARS]
                if any(_overlaps(x, m.start() - max(0, m.start() - CONTEXT_CHARS), len(m.group(0)))
                       for x in rule.exclude.finditer(window)):
                    continue
            hits.append(TriggerHit(rule.type, m.start(), m.end(), m.group(0), rule.strength, rule.topical))
    hits.sort(key=lambda h: (h.start, -h.strength))
    return hits


def _overlaps(match: re.Match, start: int, length: int) -> bool:
    """An exclusion vetoes a trigger only when it covers the trigger's words."""
    return match.start() < start + length and match.end() > start


# --------------------------------------------------------------------------- the literal prefilter
# Trying every rule on every sentence was most of extraction's own time; most rules cannot match a
# given sentence, and which can is told by words every match of the pattern must contain: for
# '\b(re)?captur(e|ed|es|ing)\b' the text must contain "captur". Each rule's pattern yields a few
# such words ("needles", folded as below, any one of which must be in the folded sentence); a rule
# whose needles are all absent is skipped, which cannot change the hits (tests/test_triggers.py runs
# both ways). A pattern the analysis cannot bound gets None and is always tried.

_MAX_LANGUAGE = 64  # most strings a sub-pattern's finite language is expanded to

try:  # the characters `re` treats as one letter besides upper and lower case: i/ı, s/ſ, µ/μ, ...
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - older Pythons; tests/test_trigger_prefilter.py would tell
    _EXTRA_CASES = {}
_SIMPLE_LOWER = {0x130: "i"}  # the one letter whose str.lower() is not its one-letter lower case (İ)
_SAME_LETTER = {c: chr(min((c, *others))) for c, others in _EXTRA_CASES.items() if min((c, *others)) != c}


def fold(text: str) -> str:
    """What `re.IGNORECASE` compares: each letter's lower case, letters `re` takes for one as one."""
    return text.translate(_SIMPLE_LOWER).lower().translate(_SAME_LETTER)


@dataclass(frozen=True)
class _Plan:
    rules: tuple[Rule, ...]
    always: frozenset[int]  # the rules to try on every sentence (no needles found)
    needles: ahocorasick.Automaton | None  # every needle -> the rules (indexes) that need it


@lru_cache(maxsize=1)
def _plan() -> _Plan:
    """The rules and their needles, in one Aho-Corasick automaton that finds all of them in one pass
    over the sentence; worked out once per process."""
    return plan_for(rules())


def plan_for(rule_set: tuple[Rule, ...], prefilter: bool = True) -> _Plan:
    """The plan for these rules; without `prefilter`, every rule is tried on every sentence."""
    wanted: dict[int, tuple[str, ...] | None] = {i: needles(r.pattern) if prefilter else None
                                                 for i, r in enumerate(rule_set)}
    by_needle: dict[str, set[int]] = {}
    for i, found in wanted.items():
        for n in found or ():
            by_needle.setdefault(n, set()).add(i)
    automaton = None
    if by_needle:
        automaton = ahocorasick.Automaton()
        for n, which in by_needle.items():
            automaton.add_word(n, frozenset(which))
        automaton.make_automaton()
    return _Plan(rule_set, frozenset(i for i, found in wanted.items() if found is None), automaton)


def needles(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Folded strings at least one of which occurs in the folded text of anything `pattern` matches (it
    is compiled case-insensitive), or None when no such short list is found."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):
        return None
    found = _required(list(parsed))
    if not found or "" in found:
        return None
    found = _minimal(set(found))
    return tuple(sorted(found, key=lambda s: (-len(s), s)))


def _language(item) -> frozenset[str] | None:
    """Every string one parsed item matches, folded, when it is a small finite set."""
    op, av = item
    if op is sre.LITERAL:
        return frozenset({fold(chr(av))})
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset({""})  # zero width
    if op is sre.SUBPATTERN:
        return _sequence_language(list(av[-1]))
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            lang = _sequence_language(list(branch))
            if lang is None:
                return None
            out |= lang
            if len(out) > _MAX_LANGUAGE:
                return None
        return frozenset(out)
    if op is sre.IN:
        if all(o is sre.LITERAL for o, _ in av):
            return frozenset(fold(chr(v)) for _, v in av)
        return None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, sub = av
        if (low, high) in ((0, 1), (1, 1)):
            lang = _sequence_language(list(sub))
            if lang is None:
                return None
            return lang | {""} if low == 0 else lang
    return None


def _sequence_language(items: list) -> frozenset[str] | None:
    out = frozenset({""})
    for item in items:
        lang = _language(item)
        if lang is None:
            return None
        out = frozenset(a + b for a, b in product(out, lang))
        if len(out) > _MAX_LANGUAGE:
            return None
    return out


def _score(found: frozenset[str] | None) -> tuple[int, int, int] | None:
    """How well a set of needles rules sentences out: each has 4 letters or more (spaces and
    punctuation are in most sentences), then fewer of them, then longer."""
    if not found or "" in found:
        return None
    shortest = min(sum(c.isalnum() for c in s) for s in found)
    return min(shortest, 4), -len(found), shortest


def _minimal(found: set[str]) -> frozenset[str]:
    """Drop a needle that contains another: wherever it occurs, so does the other."""
    return frozenset(s for s in found if not any(t != s and t in s for t in found))


def _required(items: list) -> frozenset[str] | None:
    """Strings one of which any match of the sequence contains: the best of the finite languages of
    its contiguous runs of items, and of what its unbounded items require."""
    best: frozenset[str] | None = None

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        score = _score(found)
        if score is not None and (best is None or score > _score(best)):
            best = found

    langs = [_language(item) for item in items]
    for i, lang in enumerate(langs):
        consider(_required_of(items[i]))
        if lang is None:
            continue
        run = frozenset({""})
        for j in range(i, len(items)):
            if langs[j] is None:
                break
            run = frozenset(a + b for a, b in product(run, langs[j]))
            if len(run) > _MAX_LANGUAGE:
                break
            consider(run)
    return best


def _required_of(item) -> frozenset[str] | None:
    """What an item with an unbounded language requires of any text it matches."""
    op, av = item
    if op is sre.SUBPATTERN:
        return _required(list(av[-1]))
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _required(list(branch))
            if not found or "" in found:
                return None
            out |= found
        return _minimal(out)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _required(list(av[2]))
    return None
