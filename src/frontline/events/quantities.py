"""Quantities in event sentences: areas, people, money, counts ("200 square km", "$4bn", "50 partner nations")."""

from __future__ import annotations

import re

from frontline.models import Quantity

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "hundred": 100, "dozen": 12, "dozens": 24}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
          "tn": 1e12, "trillion": 1e12}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(_WORDS) + r")"
_MONEY = re.compile(r"([$£€])\s?(\d+(?:[.,]\d+)?)\s?(bn|billion|m|mn|million|k|thousand|tn|trillion)?\b", re.I)
_AREA = re.compile(_NUM + r"\s?(?:square (km|kilometres|kilometers|miles|mi)|(km2|km²|sq km|sq mi))\b", re.I)
_COUNTED = (r"(people|civilians|soldiers|troops|servicemen|children|residents|prisoners|pows|"
            r"drones|missiles|rockets|nations|countries|leaders|partner nations|villages|settlements|tanks|fighters|"
            r"killed|dead|wounded|injured|casualties|men|women|bodies|hostages|captives)\b")
_COUNT = re.compile(
    r"(?:(at least|more than|over|about|around|nearly|almost|some|up to|less( than)?)\s+)?" + _NUM
    + r"\s+(?:[\w-]+\s+){0,2}?" + _COUNTED, re.I)
# Every pattern above needs a digit or a number word (anywhere: _NUM is not anchored at a word
# start): a sentence without one has no quantity, found by one cheap search instead of three scans.
# Likewise an area needs its unit and a count one of its nouns (_COUNT tries its optional
# qualifier at every position, the slow part).
_MAYBE = re.compile("|".join([r"\d", *_WORDS]), re.I)
_MAYBE_AREA = re.compile(r"square|km2|km²|sq km|sq mi", re.I)
_MAYBE_COUNT = re.compile(_COUNTED, re.I)
_UNIT = {"km": "km2", "kilometres": "km2", "kilometers": "km2", "km2": "km2", "km²": "km2", "sq km": "km2",
         "miles": "mi2", "mi": "mi2", "sq mi": "mi2"}
_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR"}


def _number(text: str) -> float | None:
    text = text.lower().replace(",", "")
    if text in _WORDS:
        return float(_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None


def find_quantities(text: str) -> list[Quantity]:
    """Every area, money amount and count of people/things in the sentence, in order."""
    if not _MAYBE.search(text):
        return []
    out: list[tuple[int, Quantity]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _MONEY.finditer(text):
        value = float(m.group(2).replace(",", "")) * _SCALE.get((m.group(3) or "").lower(), 1)
        out.append((m.start(), Quantity(value, _CURRENCY[m.group(1)], m.group(0))))
        taken.append(m.span())
    for m in _AREA.finditer(text) if _MAYBE_AREA.search(text) else ():
        value = _number(m.group(1))
        unit = _UNIT.get((m.group(2) or m.group(3) or "").lower(), "km2")
        if value is not None and free(*m.span()):
            # "less 200 square km" keeps its qualifier in the text
            start = m.start()
            before = re.search(r"(less( than)?|more than|about|around|nearly|over|some)\s+$", text[:start], re.I)
            if before:
                start = before.start()
            out.append((start, Quantity(value, unit, text[start:m.end()])))
            taken.append(m.span())
    for m in _COUNT.finditer(text) if _MAYBE_COUNT.search(text) else ():
        value = _number(m.group(3))
        if value is not None and free(*m.span()) and not re.match(r"\d+-year", text[m.start(3):m.start(3) + 10]):
            unit = m.group(4).lower()
            out.append((m.start(), Quantity(value, unit, m.group(0))))
            taken.append(m.span())
    return [q for _, q in sorted(out, key=lambda x: x[0])]
