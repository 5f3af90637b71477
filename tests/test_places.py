"""Place recognition and resolution (language/places.py) on sentences written for these tests."""

from __future__ import annotations

import math

import pytest
from spacy.language import Language

from frontline.language.nlp import get_nlp
from frontline.language.places import find_places, resolve_toponym
from frontline.models import PlaceRef


def km(a: PlaceRef, lat: float, lon: float) -> float:
    p1, p2 = math.radians(a.lat), math.radians(lat)
    dl = math.radians(lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_nlp()


def places(nlp: Language, text: str, context: str = "") -> list[PlaceRef]:
    refs = find_places(nlp(text), context)
    for r in refs:
        assert text[r.start:r.end] == r.text
    return refs


def test_war_town_resolves_with_its_region(nlp: Language) -> None:
    refs = places(nlp, "Ukrainian troops pulled out of Sudzha on Sunday, the general staff said.")
    sudzha = [r for r in refs if r.text == "Sudzha"]
    assert sudzha and sudzha[0].country == "RU" and sudzha[0].admin1 == "Kursk Oblast"
    assert sudzha[0].precision == "place"


def test_region_phrase_is_the_oblast_not_the_city(nlp: Language) -> None:
    refs = places(nlp, "Fighting continued in the Kursk region overnight.")
    assert [(r.text, r.precision, r.name) for r in refs] == [("Kursk region", "admin1", "Kursk Oblast")]
    assert resolve_toponym("Kursk Oblast").precision == "admin1"  # type: ignore[union-attr]
    assert resolve_toponym("Donetsk province").name == "Donetsk Oblast"  # type: ignore[union-attr]


def test_named_region_disambiguates_a_village(nlp: Language) -> None:
    refs = places(nlp, "Russian troops entered the Kursk settlement of Belaya.")
    belaya = [r for r in refs if r.text == "Belaya"]
    assert belaya and km(belaya[0], 51.05, 35.71) < 10


def test_renamed_and_transliterated_names_resolve_alike() -> None:
    def gid(name: str) -> str:
        ref = resolve_toponym(name)
        assert ref is not None, name
        return ref.gazetteer_id

    assert gid("Kurakhove") == gid("Kurakhovo")
    assert gid("Kyiv") == gid("Kiev")
    assert gid("Bakhmut") == gid("Artemivsk")


def test_comma_state_and_context_choose_the_namesake(nlp: Language) -> None:
    us = places(nlp, "The rally took place in Palm Beach, Florida, on Friday.")
    assert [r.country for r in us if r.text == "Palm Beach"] == ["US"]
    au = resolve_toponym("Palm Beach", context="Surf lifesavers patrol the beaches of Queensland all summer.")
    assert au is not None and au.country == "AU"


def test_famous_city_wins_without_context() -> None:
    moscow = resolve_toponym("Moscow")
    assert moscow is not None and moscow.country == "RU"


def test_country_names_have_country_precision(nlp: Language) -> None:
    germany = resolve_toponym("Germany")
    assert germany is not None and germany.precision == "country" and germany.country == "DE"
    refs = places(nlp, "Germany pledged more air defence systems.")
    assert [(r.country, r.precision) for r in refs] == [("DE", "country")]


def test_unknown_names_stay_unresolved(nlp: Language) -> None:
    assert resolve_toponym("Zorblaxington") is None
    assert places(nlp, "Officials in Zorblaxington declined to comment.") == []


def test_no_places_in_months_alliances_or_people(nlp: Language) -> None:
    assert places(nlp, "In May, Nato leaders met to discuss the summit agenda.") == []
    assert places(nlp, "Vladimir Putin spoke to Donald Trump by phone.") == []


def test_ner_mislabels_do_not_hide_places(nlp: Language) -> None:
    refs = places(nlp, "Air raid sirens sounded in Kyiv and Kharkiv early on Tuesday.")
    assert {r.name for r in refs} >= {"Kyiv", "Kharkiv"}
    assert all(r.country == "UA" for r in refs)


def test_demonyms_are_country_level(nlp: Language) -> None:
    refs = places(nlp, "The Russian town of Sudzha was shelled.")
    assert ("RU", "country") in {(r.country, r.precision) for r in refs if r.text == "Russian"}
    assert not [r for r in find_places(nlp("The Russian town of Sudzha was shelled."), demonyms=False)
                if r.text == "Russian"]
