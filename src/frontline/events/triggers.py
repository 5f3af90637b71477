"""Event triggers: which words in a sentence denote which SPEC event type.

The rules are data (data/event_triggers.toml); this module only compiles and
applies them. A hit is a candidate: extraction decides which hits become events.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CONTEXT_CHARS = 30


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
    for rule in rules():
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
