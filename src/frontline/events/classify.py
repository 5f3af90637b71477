"""Type of the main event in a short text (a news snippet), for benchmarks and quick checks.

Uses the same triggers and syntax rules as extraction, without places, dates or
attribution: the strongest eligible trigger wins, and the act itself (a strike, a
capture) outranks its consequences (casualties) or the words about it (statement).
"""

from __future__ import annotations

from frontline.cleaning.sentences import split
from frontline.cleaning.topic import is_war_context
from frontline.events import syntax
from frontline.events.extract import retype_hit
from frontline.events.triggers import find_triggers
from frontline.language.nlp import parse

# Tie-breaks between types that fire in the same text: the act outranks its outcome.
PRIORITY = {
    "territory.capture": 0.30, "territory.withdrawal": 0.25, "agreement": 0.25, "strike": 0.20,
    "prisoners": 0.15, "offensive": 0.10, "clash": 0.10, "sanctions": 0.10, "aid": 0.05, "meeting": 0.05,
    "call": 0.05, "mobilization": 0.05, "casualties": -0.25, "statement": -0.3, "other": -0.35,
}


def classify_text(text: str) -> str | None:
    """The SPEC type of the text's main war event, or None when it reports none."""
    best: tuple[float, int, str] | None = None
    for n, doc in enumerate(parse(split(text) or [text])):
        for hit in find_triggers(doc.text):
            tok = syntax.token_at(doc, hit.start, hit.end)
            if tok is None or syntax.is_background(tok) or syntax.is_negated(tok):
                continue
            retyped = retype_hit(hit, tok)
            if retyped is None or retyped.type == "statement":
                continue  # words about a war are not a war event
            if hit.topical and not is_war_context(doc.text):
                continue  # "two people were killed in a crash", "the court sentenced": not the war's news
            score = retyped.strength + PRIORITY.get(retyped.type, 0.0) - 0.05 * n
            key = (score, -hit.start, retyped.type)
            if best is None or key > best:
                best = key
    return best[2] if best else None
