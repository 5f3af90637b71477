"""The trigger rules' literal prefilter (events/triggers.py) skips a rule only when no match of its
pattern can be in the sentence: the hits are the same as trying every rule on every sentence."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import SEEDS, SHARED
from frontline.events import triggers
from frontline.events.triggers import find_triggers, fold, needles, rules

GUARDIAN = SHARED / "data" / "guardian-2022"


def _unfiltered(monkeypatch) -> None:
    every_rule = triggers.plan_for(rules(), prefilter=False)
    assert every_rule.needles is None and len(every_rule.always) == len(rules())
    monkeypatch.setattr(triggers, "_plan", lambda: every_rule)


def test_needles_are_words_every_match_contains() -> None:
    assert needles(re.compile(r"\b(re)?captur(e|ed|es|ing)\b", re.I)) == ("captur",)
    assert needles(re.compile(r"\b(took|taken) (over|control)\b", re.I)) == ("taken", "took")
    # a needle that contains another is dropped: wherever "withdrawal" occurs, "withdr" does
    assert needles(re.compile(r"\b(withdr[ae]w(n|s)?|withdrawal|retreat(s|ed)?)\b", re.I)) == ("retreat", "withdr")
    assert needles(re.compile(r"\b\w+\b", re.I)) is None  # nothing to require: always tried
    assert needles(re.compile(r"(a|b)?c", re.I)) == ("c",)
    # nearly every rule has needles, so most rules are left out of a given sentence
    assert len(triggers._plan().always) < len(rules()) * 0.1


SAMPLES = [
    "Russian forces RECAPTURED the village of Foo after heavy fighting, officials said.",
    "Ukraine's troops have taken over the town; the Kremlin denied it.",
    "Missile strikes hit the power plant overnight, killing at least 12 civilians.",
    "Protesters clashed with riot police in the capital.",
    "ſanctions on Rusſia: the EU adopted a new package of ſanctions.",  # long s folds to s
    "The K\u212aremlin (Kelvin sign) said SEİZED ships would be released by ATTACKİNG forces.",
    "Russıa's troops ATTACKED the vılla; the seızed port.",
    "Zelenskiy spoke by phone with Macron about a ceasefire deal.",
    "",
]


def test_same_hits_as_every_rule_on_invented_sentences(monkeypatch) -> None:
    filtered = [find_triggers(s) for s in SAMPLES]
    _unfiltered(monkeypatch)
    assert filtered == [find_triggers(s) for s in SAMPLES]
    assert sum(map(len, filtered)) > 8


def test_same_hits_as_every_rule_on_real_reporting(monkeypatch) -> None:
    files = sorted(GUARDIAN.glob("2022-0[4-6]*.txt"))[:40] + sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip(f"{GUARDIAN} and {SEEDS} not found; clone ../shared next to the repo")
    lines = [line for f in files for line in f.read_text("utf-8").splitlines() if line.strip()]
    filtered = [find_triggers(s) for s in lines]
    _unfiltered(monkeypatch)
    assert filtered == [find_triggers(s) for s in lines]
    assert sum(map(len, filtered)) > 500


def test_case_folding_never_hides_a_match() -> None:
    """The prefilter compares folded needles with the folded sentence: every character that a rule's
    letter matches case-insensitively (İ and ı match i, ſ matches s) must fold to what the letter does."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    letters = {c for r in rules() for c in r.pattern.pattern if c.isalpha()}
    assert "k" in letters and "s" in letters
    for letter in letters:
        for m in re.finditer(re.escape(letter), everything, re.IGNORECASE):
            assert fold(m.group()) == fold(letter), (letter, m.group())
