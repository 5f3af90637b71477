"""Attribution and modality (language/attribution.py) on hand-written sentences.

Who says it (as named in the text), with what stance, and whether the reported event happened,
is planned, was called off, is hypothetical or is denied: what an event's status is built from.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from frontline.language.actors import find_actors
from frontline.language.attribution import find_attributions, find_modality
from frontline.language.nlp import get_nlp

WHEN = dt.date(2025, 3, 16)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_nlp()


def said(nlp: Language, text: str, previous: str | None = None) -> list[tuple[str, str, bool]]:
    doc: Doc = nlp(text)
    prev = nlp(previous) if previous else None
    return [(a.speaker, a.stance, a.confirms) for a in find_attributions(doc, find_actors(doc, WHEN), prev)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow claims that recent gains have left Ukrainian troops holding less than 200 square km.",
     [("Moscow", "asserts", False)]),
    ("Russia claimed control of the eastern village on Monday.", [("Russia", "asserts", False)]),
    ("Kyiv has denied claims that its troops were surrounded.", [("Kyiv", "denies", False)]),
    ("The Kremlin dismissed the report as propaganda.", [("Kremlin", "denies", False)]),
    ("Ukraine has confirmed the withdrawal of its troops from the town.", [("Ukraine", "asserts", True)]),
    ("The army admitted that the situation was difficult.", [("army", "asserts", True)]),
    ("According to the general staff, 20 clashes took place on the front line.",
     [("general staff", "asserts", False)]),
    ("The withdrawal was confirmed by Ukraine's general staff.", [("Ukraine's general staff", "asserts", True)]),
    ("The Russian defence ministry said late on Sunday that Kyiv had mounted a counter-attack.",
     [("Russian defence ministry", "asserts", False)]),
    ("The officials did not provide an exact amount, the officials said yesterday.",
     [("officials", "asserts", False)]),
    ("Two senior defence officials said the package would be announced on Thursday.",
     [("Two senior defence officials", "asserts", False)]),
    ("Mr Trump said he would meet the Russian leader soon.", [("Trump", "asserts", False)]),
    ("Speaking to CNN on Monday, US envoy Steve Witkoff said the two leaders would talk by phone.",
     [("Steve Witkoff", "asserts", False)]),
    ("A statement released by the president's office said the talks were useful.",
     [("president's office", "asserts", False)]),
    ("A statement released on Monday by Tayyip Erdogan's office said the talks were useful.",
     [("Tayyip Erdogan", "asserts", False)]),
    ("A map posted by Ukraine's general staff this week confirmed they had retreated.",
     [("Ukraine's general staff", "asserts", True)]),
    ("Reuters reported the strike, citing two local officials.",
     [("Reuters", "asserts", False), ("two local officials", "asserts", False)]),
    ("“Truth and lies,” wrote Anton Gerashenko, an adviser at the interior ministry.",
     [("Anton Gerashenko", "asserts", False)]),
    ("The DC-based Institute for the Study of War reported that Russian troops were pausing.",
     [("DC-based Institute for the Study of War", "asserts", False)]),
    ("The governor wrote a letter to the president.", []),
    ("The town has been destroyed by shelling.", []),
    ("The decision was reported over the weekend.", []),
])
def test_speakers_and_stances(nlp: Language, text: str, expected: list) -> None:
    assert said(nlp, text) == expected


def test_denied_claims_name_both_sides(nlp: Language) -> None:
    result = said(nlp, "Ukraine has denied Russian claims that it lost the town, but admitted the situation is hard.")
    assert ("Ukraine", "denies", False) in result
    assert ("Russia", "asserts", False) in result  # whose claims they are
    assert ("Ukraine", "asserts", True) in result


def test_pronoun_speaker_resolves_to_previous_sentence(nlp: Language) -> None:
    previous = "Ukraine's general staff said its forces had hit a command post near the border."
    assert said(nlp, "The strike was coordinated with ground units, it said.", previous) == [
        ("Ukraine's general staff", "asserts", False)]
    previous = "Foreign minister Andrii Sybiha said the visit would be rescheduled."
    assert said(nlp, "“I am sure this meeting will take place,” he said.", previous) == [
        ("Andrii Sybiha", "asserts", False)]
    # In a subordinate clause the pronoun may point back within the sentence.
    assert said(nlp, "Sunak will give a lecture in which he will say that taxes must fall.") == [
        ("Sunak", "asserts", False)]
    # Without a previous sentence a bare pronoun names nobody.
    assert said(nlp, "The strike was coordinated with ground units, it said.") == []


def test_the_statement_refers_back_to_its_author(nlp: Language) -> None:
    previous = "A statement released by the Turkish foreign ministry said the talks were useful."
    assert said(nlp, "The statement also says the ministry will keep working for peace.", previous) == [
        ("Turkish foreign ministry", "asserts", False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The administration is set to announce a package of weapons.", "expected"),
    ("Trump and Putin are expected to speak by phone this week.", "expected"),
    ("Trump and Putin to speak this week", "expected"),
    ("Zelensky plans to visit Washington next month.", "expected"),
    ("The defence minister is due to speak at the summit.", "expected"),
    ("The summit is scheduled for Tuesday.", "expected"),
    ("I expect there will be a call between both presidents this week, the envoy said.", "expected"),
    ("Officials said the package was expected to be substantial.", "expected"),
    ("Witkoff said the two leaders will talk over the phone.", "expected"),
    ("The trip has been cancelled.", "cancelled"),
    ("The envoy's visit has been canceled and will be rescheduled later, the minister said.", "cancelled"),
    ("The meeting was called off at the last minute.", "cancelled"),
    ("The vote was postponed until next week.", "cancelled"),
    ("If war broke out, Britons could be conscripted.", "conditional"),
    ("Russia could launch a new offensive in the spring.", "conditional"),
    ("The officials did not provide an exact amount.", "negated"),
    ("The town has never been captured.", "negated"),
    ("No new invitation to join the alliance has been offered.", "negated"),
    ("Russia claimed control of the eastern village on Monday.", None),
    ("Kyiv has denied claims that its troops were surrounded.", None),
    ("Ukrainian forces withdrew from the town on Sunday.", None),
])
def test_modality(nlp: Language, text: str, expected: str | None) -> None:
    assert find_modality(nlp(text)) == expected


def test_a_name_set_off_by_an_office_before_a_sentence_final_verb_speaks(nlp: Language) -> None:
    # the parser joins the name to the town before it and "told" to the first clause's subject
    text = ("Ukrainian troops enjoyed a small change of fortune after managing to retake most of Sievierodonetsk, "
            "Serhiy Haidai, governor of the Luhansk province where the city lies, told national TV.")
    assert [s for s, _stance, _c in said(nlp, text)] == ["Serhiy Haidai"]


def test_the_statement_says_is_by_who_spoke_before_not_a_name_merely_mentioned(nlp: Language) -> None:
    before = "It is unclear how the flags reached the station, which is shared by the US and Russia."
    assert all(s[0] != "Russia" for s in said(nlp, "The message under the photos says: “Happy Liberation Day!”",
                                               before))
    before = "The Russian defence ministry said its forces had taken the village."
    assert said(nlp, "The statement added that the army had lost no men.", before)[0][0] == \
        "Russian defence ministry"


def test_an_office_set_off_by_a_comma_before_said_speaks_not_the_first_clauses_subject(nlp: Language) -> None:
    found = said(nlp, "Moscow was moving a great many reserve troops to Avdiivka from quieter fronts in order to "
                      "seize the battered town, the governor of Ukraine’s Donetsk region said on Friday.")
    assert found and found[0][0].startswith("governor of Ukraine"), found


def test_the_one_led_to_speak_is_who_says_not_the_visitor(nlp: Language) -> None:
    found = said(nlp, "The strikes took place while the Austrian chancellor was touring the region, leading the "
                      "regional governor, Oleh Syniehubov, to call for a “tough response”, saying the shelling showed "
                      "Moscow’s contempt.")
    assert found and "chancellor" not in found[0][0], found


def test_who_could_not_check_the_accounts_is_not_who_gave_them(nlp: Language) -> None:
    found = said(nlp, "According to accounts that could not be independently confirmed by the BBC, Russian troops "
                      "shelled the bridge at Zatoka on Monday.")
    assert all(speaker != "BBC" for speaker, _, _ in found)


def test_who_continues_a_quote_speaks_it_not_the_people_inside_it(nlp: Language) -> None:
    found = said(nlp, "“We have long heeded the old generals who say that wars are won by supplies,” Shoigu continued.")
    assert [s for s, _, _ in found] == ["Shoigu"]


def test_a_command_named_in_quotes_is_named_whole(nlp: Language) -> None:
    found = said(nlp, "Russia’s Western Military District ‘Centre’ reported that two drones were shot down overnight.")
    assert [s for s, _, _ in found] == ["Russia’s Western Military District Centre"]


def test_a_nations_adjective_alone_is_no_speaker() -> None:
    doc = get_nlp()("The paper notes that officials reject a separate identity, implying that people who "
                    "identify as Ukrainian threaten national unity.")
    assert "Ukrainian" not in [a.speaker for a in find_attributions(doc, find_actors(doc))]
    people = get_nlp()("Ukrainians said the shelling had gone on all night.")
    assert "Ukrainians" in [a.speaker for a in find_attributions(people, find_actors(people))]


def test_a_command_whose_name_the_tagger_split_still_speaks() -> None:
    doc = get_nlp()("“The enemy hit the Mykolaiv grain terminal with drones,” Ukraine’s operational "
                    "command south wrote on its Telegram channel.")
    assert [a.speaker for a in find_attributions(doc, find_actors(doc))] == ["Ukraine’s operational command south"]


def test_a_speaking_participle_the_parser_hangs_inside_the_words_is_the_reporters() -> None:
    doc = get_nlp()("The Kremlin spokesman Dmitry Peskov said reports that Truss would soon step down as leader "
                    "were of no interest to Moscow, saying “she is no friend of ours”.")
    assert [a.speaker for a in find_attributions(doc, find_actors(doc))] == ["Dmitry Peskov"]


def test_what_several_statements_are_read_to_suggest_is_the_writers_inference() -> None:
    from test_events_arguments import mentions_of

    mentions = mentions_of("The head of the army said troops must prepare to fight in Europe again.",
                           "The statements suggest western capitals think Kyiv cannot win quickly, even with the "
                           "new arms.")
    assert [m.evidence.text[:14] for m in mentions] == ["The head of th"]


def test_a_long_list_before_said_does_not_lend_its_first_name_the_words(nlp: Language) -> None:
    text = ("Those now subject to the ban include the mayor of Oslo, Hans Berg; the mayor of Bergen, Kari Moe; the "
            "commander of Norway’s navy, Admiral Lars Dahl; and the journalists Eva Lund and Nils Holm, Russia’s "
            "foreign ministry said on Friday.")
    assert [s for s, _, _ in said(nlp, text)] == ["Russia’s foreign ministry"]
