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


def test_state_names_are_states_unless_the_town_is_inside_or_the_capital() -> None:
    oregon = resolve_toponym("Oregon")  # Oregon, Ohio is a town of 20,000
    assert oregon is not None and oregon.precision == "admin1" and oregon.country == "US"
    washington = resolve_toponym("Washington")  # the capital keeps its name
    assert washington is not None and washington.precision == "place" and washington.admin1 == "District of Columbia"


def test_region_points_follow_geonames() -> None:
    ontario = resolve_toponym("Ontario", context="Voters in Toronto and Ottawa went to the polls.")
    assert ontario is not None and ontario.precision == "admin1" and km(ontario, 49.25, -84.5) < 50


def test_headline_capitals_and_postal_codes_resolve_as_toponyms() -> None:
    cairo = resolve_toponym("CAIRO", context="CAIRO (Reuters) - Egypt's cabinet met on Sunday.")
    assert cairo is not None and cairo.country == "EG"
    nsw = resolve_toponym("NSW", context="Bushfires burned near Sydney and Newcastle in Australia.")
    assert nsw is not None and nsw.name == "New South Wales"
    assert resolve_toponym("Washington, D.C.") is not None


def test_postal_codes_are_not_places_in_running_text(nlp: Language) -> None:
    refs = places(nlp, "The SC ruling was read out in Kyiv on Monday.")
    assert [r.text for r in refs] == ["Kyiv"]


def test_directional_and_institutional_names_resolve_to_the_place_they_contain() -> None:
    south = resolve_toponym("South Florida")
    assert south is not None and south.name == "Florida" and south.text == "South Florida"
    uni = resolve_toponym("University of California")
    assert uni is not None and uni.precision == "admin1" and uni.name == "California"
    bank = resolve_toponym("Bank of Japan")
    assert bank is not None and bank.country == "JP"
    club = resolve_toponym("Manchester City", context="The match was played in England on Saturday.")
    assert club is not None and club.country == "GB"
    assert resolve_toponym("West Wing") is None or resolve_toponym("West Wing").name != "Wing"  # type: ignore[union-attr]


def test_regional_demonyms_name_their_region() -> None:
    ohioans = resolve_toponym("Ohioans")
    assert ohioans is not None and ohioans.name == "Ohio" and ohioans.precision == "admin1"
    kurdish = resolve_toponym("Kurdish", context="Fighting in northern Syria and Iraq.")
    assert kurdish is not None and kurdish.name == "Kurdistan"


def test_a_list_of_countries_is_not_a_town_in_a_country() -> None:
    text = "Envoys from France, Russia, US and China met in Geneva."
    ref = resolve_toponym("Russia", context=text)
    assert ref is not None and ref.country == "RU" and ref.precision == "country"


def test_a_name_keeps_the_reading_the_post_settled_on(nlp: Language) -> None:
    context = "A fire broke out in Paris, Texas, near the county courthouse on Lamar Avenue."
    refs = places(nlp, "Firefighters in Paris worked through the night.", context)
    assert [(r.text, r.country, r.admin1) for r in refs] == [("Paris", "US", "Texas")]


def test_a_town_followed_by_a_weekday_is_still_a_town(nlp: Language) -> None:
    refs = places(nlp, "Explosions were heard in Kharkiv on Monday.")
    assert [r.name for r in refs] == ["Kharkiv"]


def test_a_compass_word_before_a_features_noun_names_the_feature_not_a_town(nlp: Language) -> None:
    # "Ocean" alone is a county in New Jersey; "the Southern Ocean" is no town
    refs = places(nlp, "The treaty protects the Southern Ocean from overfishing, the commission said.")
    assert not [r for r in refs if r.text == "Ocean"], refs
    refs = places(nlp, "Heavy fighting continued in southern Ukraine on Monday.")
    assert [r.name for r in refs] == ["Ukraine"]


def test_trials_named_after_a_city_are_not_the_city(nlp: Language) -> None:
    refs = places(nlp, "The minister said the generals should face justice like the defendants at the Tokyo "
                       "trials after the second world war.")
    assert not [r for r in refs if r.text == "Tokyo"], refs


def test_a_world_region_is_the_region_not_a_small_namesake_town(nlp: Language) -> None:
    refs = places(nlp, "Trawlers have fished off Patagonia for decades, and timber comes from the Urals.")
    assert [(r.text, r.country) for r in refs] == [("Patagonia", "AR"), ("Urals", "RU")], refs


def test_a_newspaper_named_after_its_town_is_no_place(nlp: Language) -> None:
    refs = places(nlp, "The weekly, which is run by the Guangzhou Daily media group, got the story wrong, and the "
                       "Kyiv Post disputed it from Lviv.")
    assert [r.text for r in refs] == ["Lviv"], refs


@pytest.mark.parametrize("text", [
    "Russian troops shelled Kharkiv and Sumy.\nThe governor of Kharkiv Oblast said the Kursk region was hit.",
    "Fighting near the Kursk settlement\nof Sudzha continued.\nUkrainian forces held Sudzha.",
    "Strikes hit the Kursk and\nBelgorod regions overnight.",
    "Strikes hit Kursk,\nBelgorod and Bryansk regions overnight.",
    "He met the Bank of\nEngland governor in London.\nLater he flew to Kyiv.",
    "The mayor of Mariupol, Vadym Boychenko, spoke.\n\nZelenskiy visited Odesa on Monday.\nOn Tuesday he was in Lviv",
    "Residents of\n\nKherson Oblast left.\nof Mykolaiv\nKyiv Mayor Vitali Klitschko said",
])
def test_a_text_scanned_line_by_line_reads_as_when_scanned_whole(text: str) -> None:
    """A post's context is scanned from the cached scans of its lines (most of them are lines of the
    document scanned before); it finds the same names, surnames and region marks as one scan of the
    whole text, also where a name, a connector or "X and Y regions" runs over a line break."""
    from frontline.language.places import _scan_by_lines, _scan_text

    def plain(result):
        return [sp.__dict__ for sp in result[0]], sorted(result[1])

    assert plain(_scan_by_lines(text)) == plain(_scan_text(text)[:2])


def test_the_moskva_is_a_ship_not_the_city(nlp: Language) -> None:
    refs = places(nlp, "Divers searched the wreck of the Moskva off the coast near Odesa on Monday.")
    assert not [r for r in refs if r.country == "RU"] and [r for r in refs if r.text == "Odesa"]


def test_a_town_after_a_held_by_adjective_is_found(nlp: Language) -> None:
    for text in ("Shelling hit Russian-held Melitopol on Monday.", "Kremlin-backed Kherson officials said so."):
        assert places(nlp, text), text
    assert [r.text for r in places(nlp, "Rostov-on-Don was hit by a drone.")] == ["Rostov-on-Don"]


def test_a_firm_named_with_a_possessive_is_not_a_hamlet_abroad(nlp: Language) -> None:
    refs = places(nlp, "People in Moscow queued outside McDonald’s on Sunday.")
    assert [r.text for r in refs] == ["Moscow"]


def test_a_given_name_alone_later_is_not_a_village_abroad(nlp: Language) -> None:
    refs = places(nlp, "Vladislav Petrenko was freed after talks with the Russian army, whose officers wanted to "
                       "exchange Vladislav for a man they sought.")
    assert not [r for r in refs if r.text == "Vladislav"], refs


def test_parts_of_a_region_and_a_list_of_regions_name_the_regions_not_their_cities(nlp: Language) -> None:
    found = places(nlp, "Shelling hit several towns in the government-held parts of Luhansk overnight.")
    assert [(p.name, p.precision) for p in found if p.country == "UA"] == [("Luhansk Oblast", "admin1")]
    found = places(nlp, "Most abductions were recorded in the regions of Kharkiv, Sumy and Chernihiv.")
    assert {p.precision for p in found if p.country == "UA"} == {"admin1"} and len(found) == 3
    # the city is still the city where the text says so
    found = places(nlp, "Missiles hit a school in central Kharkiv on Monday.")
    assert [(p.name, p.precision) for p in found] == [("Kharkiv", "place")]


def test_a_region_named_before_plural_towns_is_the_region(nlp: Language) -> None:
    found = places(nlp, "Artillery pounded the three Zaporizhzhia villages all night.")
    assert [(p.name, p.precision) for p in found] == [("Zaporizhzhia Oblast", "admin1")]
    found = places(nlp, "The shelling of Zaporizhzhia went on all night.")
    assert [(p.name, p.precision) for p in found] == [("Zaporizhzhia", "place")]


def test_a_summit_named_with_capitals_is_no_town() -> None:
    from frontline.language.nlp import get_nlp
    from frontline.language.places import find_places

    doc = get_nlp()("The premier phoned Kyiv early on Friday, straight after the Nato Leader’s Summit in Spain.")
    assert "Summit" not in [p.text for p in find_places(doc)]


def test_russian_republics_go_by_their_english_names(nlp: Language) -> None:
    for text, name in (("an editor in the Russian region of Khakassia", "Republic of Khakassia"),
                       ("troops recruited in Buryatia", "Republic of Buryatia")):
        assert [(p.name, p.country) for p in find_places(nlp(text)) if p.precision == "admin1"] == [(name, "RU")]


def test_a_place_misspelt_by_one_letter_is_the_place_as_written(nlp: Language) -> None:
    found = places(nlp, "Shelling hit villages across the Khersonn region overnight, the governor said.")
    assert [(p.name, p.precision) for p in found] == [("Kherson Oblast", "admin1")]
    assert found[0].text == "Khersonn region"


def test_a_person_whose_name_is_one_letter_from_a_town_is_no_place(nlp: Language) -> None:
    assert places(nlp, "Magdalena Andersson spoke to reporters after the vote.") == []
