"""Actors (language/actors.py): the catalogue in data/actors.toml matched on parsed sentences.

Sentences are written for these tests; each is parsed with the shared pipeline once.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources

import pytest
from spacy.language import Language

from frontline.language.actors import canonical_actor, find_actors
from frontline.language.nlp import get_nlp
from frontline.models import ActorRef

D2025 = dt.date(2025, 3, 16)
D2023 = dt.date(2023, 6, 1)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_nlp()


def actors(nlp: Language, text: str, when: dt.date | None = D2025) -> list[ActorRef]:
    refs = find_actors(nlp(text), when)
    for r in refs:
        assert text[r.start:r.end] == r.text  # offsets are character offsets in the sentence
    return refs


def names(nlp: Language, text: str, when: dt.date | None = D2025) -> list[str]:
    return [r.name for r in actors(nlp, text, when)]


def test_catalogue_is_valid_data() -> None:
    raw = tomllib.loads(resources.files("frontline.data").joinpath("actors.toml").read_text("utf-8"))
    entries = raw["actor"]
    assert len(entries) >= 100
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        assert e["kind"] in {"state", "person", "org", "force"}, e["id"]
        for role in e.get("roles", []):
            if "to" in role:
                assert role["from"] < role["to"], e["id"]


def test_metonyms_and_forces_resolve_to_the_state(nlp: Language) -> None:
    refs = actors(nlp, "Moscow claims that recent advances have left Ukrainian troops with little land in Kursk.")
    assert [(r.text, r.name, r.kind, r.country) for r in refs][:2] == [
        ("Moscow", "Russia", "state", "RU"), ("Ukrainian troops", "Ukrainian Armed Forces", "force", "UA")]
    assert names(nlp, "The Kremlin and Washington traded blame.") == ["Russia", "United States"]
    assert names(nlp, "Kyiv has denied claims that its troops were surrounded.") == ["Ukraine"]
    assert names(nlp, "Russian forces advanced while Kiev's troops dug in.") == [
        "Russian Armed Forces", "Ukrainian Armed Forces"]


def test_case_rules(nlp: Language) -> None:
    assert names(nlp, "Officials in kyiv said so.") == []  # a place here, whatever the case
    assert names(nlp, "kyiv said the attack failed.") == ["Ukraine"]
    assert "United States" not in names(nlp, "They told us the convoy had left.")
    assert names(nlp, "The US and the UK sent more aid.") == ["United States", "United Kingdom"]
    assert names(nlp, "USAID staff left the city.") == ["USAID"]
    assert "Donald Trump" not in names(nlp, "It was a trump card for the defenders.")


def test_demonyms_map_to_the_state_but_not_in_compounds(nlp: Language) -> None:
    assert names(nlp, "Russian shelling destroyed the bridge.") == ["Russia"]
    assert names(nlp, "Ukrainians queued for water.") == ["Ukraine"]
    refs = actors(nlp, "A pro-Russian blogger said the Ukrainian-born commander had left.")
    assert "Russia" not in [r.name for r in refs] and "Ukraine" not in [r.name for r in refs]
    assert "Russia" in names(nlp, "Residents fled Russian-occupied towns.")


def test_places_are_not_actors(nlp: Language) -> None:
    assert names(nlp, "A drone hit a building in Kyiv overnight.") == []
    assert names(nlp, "Air defences were active in the Kyiv region.") == []
    assert names(nlp, "The family moved to Washington state.") == []


def test_office_titles_resolve_by_date(nlp: Language) -> None:
    text = "The US president spoke to the Russian president on Tuesday."
    assert names(nlp, text, D2025) == ["Donald Trump", "Vladimir Putin"]
    assert names(nlp, text, D2023) == ["Joe Biden", "Vladimir Putin"]
    assert names(nlp, text, dt.date(2019, 6, 1)) == ["Donald Trump", "Vladimir Putin"]
    assert names(nlp, "Ukraine's foreign minister met the Nato chief.", D2023) == ["Dmytro Kuleba", "Jens Stoltenberg"]
    assert names(nlp, "Ukraine's foreign minister met the Nato chief.", D2025) == ["Andrii Sybiha", "Mark Rutte"]
    assert names(nlp, "The Kremlin spokesman dismissed the report.") == ["Dmitry Peskov"]
    assert names(nlp, "The Turkish leader backed the plan.") == ["Recep Tayyip Erdogan"]


def test_title_before_a_name_is_not_a_second_person(nlp: Language) -> None:
    assert names(nlp, "Russian president Vladimir Putin met US envoy Steve Witkoff.") == [
        "Vladimir Putin", "United States", "Steve Witkoff"]
    jan = dt.date(2025, 1, 8)
    assert "Joe Biden" not in names(nlp, "US president-elect Donald Trump will not meet Putin.", jan)
    assert "Joe Biden" not in names(nlp, "Former US president Barack Obama spoke.", D2023)


def test_surnames_with_and_without_honorifics(nlp: Language) -> None:
    refs = actors(nlp, "Mr Trump said Mr Sybiha and Zelenskyy would meet.")
    assert [(r.text, r.name) for r in refs] == [
        ("Mr Trump", "Donald Trump"), ("Mr Sybiha", "Andrii Sybiha"), ("Zelenskyy", "Volodymyr Zelensky")]
    assert names(nlp, "Hunter Biden was not there.") == ["Hunter Biden"]  # someone else named Biden
    assert names(nlp, "Mr Johnson said the House would vote.", dt.date(2024, 5, 1))[0] == "Mike Johnson"
    assert names(nlp, "Mr Johnson said Britain would help.", dt.date(2021, 5, 1))[0] == "Boris Johnson"


def test_unknown_entities_are_kept_without_an_id(nlp: Language) -> None:
    refs = actors(nlp, "Lib Dem MP Mike Martin told the Express that Britons could be conscripted.")
    by_text = {r.text: r for r in refs}
    assert by_text["Mike Martin"].actor_id is None and by_text["Mike Martin"].kind == "person"
    assert by_text["Lib Dem"].name == "Liberal Democrats"
    assert by_text["Britons"].name == "United Kingdom"


def test_organisations_ministries_and_units(nlp: Language) -> None:
    text = "Ukraine’s general staff and the Russian defence ministry both cited the IAEA and Wagner."
    assert names(nlp, text) == [
        "General Staff of the Armed Forces of Ukraine", "Russian Ministry of Defence",
        "International Atomic Energy Agency", "Wagner Group"]


@pytest.mark.parametrize(("name", "when", "expected"), [
    ("Mr Sybiha", None, "Andrii Sybiha"),
    ("the Kremlin", None, "Russia"),
    ("US president", D2023, "Joe Biden"),
    ("US president", D2025, "Donald Trump"),
    ("Ukraine's top diplomat Andrii Sybiha", None, "Andrii Sybiha"),
    ("Russian defence ministry", None, "Russian Ministry of Defence"),
    ("kyiv", None, "Ukraine"),
    ("us", None, None),
    ("Hunter Biden", None, None),
    ("two senior defence officials", None, None),
])
def test_canonical_actor(name: str, when: dt.date | None, expected: str | None) -> None:
    ref = canonical_actor(name, when)
    assert (ref.name if ref else None) == expected


def test_a_states_own_security_council_is_not_the_uns(nlp: Language) -> None:
    names = [a.name for a in actors(nlp, "The secretary of the Kremlin’s security council threatened Lithuania.")]
    assert "UN Security Council" not in names, names
    names = [a.name for a in actors(nlp, "The UN’s Security Council met in New York.")]
    assert "UN Security Council" in names, names


def test_whose_adviser_or_office_head_someone_is_names_someone_else() -> None:
    when = dt.date(2022, 6, 11)
    for name in ("an adviser to Volodymyr Zelenskiy", "the chief of the Ukrainian president’s office"):
        ref = canonical_actor(name, when)
        assert ref is None or ref.name != "Volodymyr Zelensky", (name, ref)
    # an office of a body is still that body's, for where it sits
    ref = canonical_actor("the head of the European Commission", when)
    assert ref is not None and ref.name != "Volodymyr Zelensky"


def test_a_demonym_as_a_surname_is_a_person_not_a_state(nlp: Language) -> None:
    assert canonical_actor("Anna French") is None  # a person the catalogue does not know, not France
    assert canonical_actor("the French") is not None
    doc = nlp("“Ports matter more than ever,” said Anna French, a professor of security studies in Leeds.")
    assert [(a.name, a.kind) for a in find_actors(doc)] == [("Anna French", "person")]
