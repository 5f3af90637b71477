"""Event extraction and merging on hand-written live-blog posts, through the real pipeline
(spaCy parse, gazetteer, date resolver, attribution)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.events import merge_mentions
from frontline.events.classify import classify_text
from frontline.events.triggers import find_triggers
from frontline.ingest import process
from frontline.models import Block, Document

DCT = dt.datetime(2024, 2, 20, 12, 0)  # a Tuesday


def live_blog(*posts: tuple[str, list[str]], published: dt.datetime = DCT) -> Document:
    """A structured document: one block per (headline, paragraphs) post."""
    blocks = [Block(headline=h, paragraphs=list(body), kind="post") for h, body in posts]
    return Document(doc_id="test-blog.txt", title="Ukraine war live", blocks=blocks, published=published)


def events_of(*posts: tuple[str, list[str]], published: dt.datetime = DCT):
    _, mentions = process(live_blog(*posts, published=published))
    return merge_mentions(mentions)


def one(events, etype: str):
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.summary) for e in events]
    return found[0]


# ------------------------------------------------------------------ triggers


@pytest.mark.parametrize("sentence, etype", [
    ("Russian forces captured the village overnight.", "territory.capture"),
    ("The troops withdrew from the city after weeks of fighting.", "territory.withdrawal"),
    ("A missile strike on the port destroyed grain silos.", "strike"),
    ("The two leaders spoke by phone on Monday.", "call"),
    ("Armenia and Azerbaijan signed a peace agreement in Washington.", "agreement"),
    ("The EU imposed new sanctions on Russian banks.", "sanctions"),
    ("Moscow announced a partial mobilisation of reservists.", "mobilization"),
    ("The OSCE chief met Ukraine's foreign minister in Vienna.", "meeting"),
    ("Separatists were targeting the plant with heavy artillery.", "strike"),
    ("Rail traffic to the city over the river had been cut.", "other"),
])
def test_trigger_types(sentence: str, etype: str) -> None:
    assert etype in {h.type for h in find_triggers(sentence)}


@pytest.mark.parametrize("sentence", [
    "The minister struck a deal with unions over pay.",
    "Teachers are on a general strike across the country.",
    "The decision was hit by sanctions fatigue, critics said.",
    "Fans clashed with police after the match.",
    "Recruits hit targets with rifle fire half of the time.",
])
def test_non_war_uses_do_not_trigger(sentence: str) -> None:
    assert not [h for h in find_triggers(sentence) if h.type in {"strike", "clash", "territory.capture"}]


def test_a_demand_that_was_met_is_no_meeting() -> None:
    assert "meeting" not in {h.type for h in find_triggers("The rebels' demand was met within a day.")}


def test_classify_snippets() -> None:
    assert classify_text("Warplanes pounded the village, killing six civilians.") == "strike"
    assert classify_text("Rebels overran the army base and took control of the town.") == "territory.capture"
    assert classify_text("Thousands marched peacefully through the capital to demand new elections.") is None


# ------------------------------------------------------------------ status and sources


def test_claim_by_a_party_is_claimed_with_its_source() -> None:
    events = events_of(("Russia claims village", [
        "Russia's defence ministry said that its troops had captured the town of Vuhledar on Monday."]))
    e = one(events, "territory.capture")
    assert e.status == "claimed"
    assert any("defence ministry" in s["name"].lower() and s["stance"] == "asserts" for s in e.sources)
    assert e.location is not None and e.location.country == "UA"
    assert e.date is not None and e.date.start == dt.date(2024, 2, 19)


def test_claim_and_denial_in_two_posts_merge_as_contested() -> None:
    events = events_of(
        ("Russia claims village", ["Russia claimed control of the village of Robotyne on Monday."]),
        ("Kyiv denies", ["Ukraine denied Russian claims that its forces had captured Robotyne."]),
    )
    e = one(events, "territory.capture")
    assert e.status == "contested"
    stances = {s["stance"] for s in e.sources}
    assert stances == {"asserts", "denies"}
    texts = [x.text for x in e.evidence]
    assert any("claimed control" in t for t in texts) and any("denied" in t for t in texts)


def test_affected_party_confirming_makes_it_confirmed() -> None:
    events = events_of(("Ukraine pulls out", [
        "Ukraine's military confirmed on Sunday that its troops had withdrawn from Avdiivka."]))
    e = one(events, "territory.withdrawal")
    assert e.status == "confirmed"
    assert e.location is not None and e.location.country == "UA"
    assert abs(e.location.lat - 48.14) < 0.1 and abs(e.location.lon - 37.75) < 0.1  # Avdiivka
    assert e.date.start == dt.date(2024, 2, 18)


def test_planned_and_cancelled() -> None:
    events = events_of(
        ("Leaders to speak", [
            "Joe Biden is expected to speak with Olaf Scholz this week about military aid for Ukraine."]),
        ("Trip off", ["A planned visit to Kyiv by the Nato secretary general has been cancelled."]),
    )
    assert one(events, "call").status == "expected"
    assert one(events, "meeting").status == "cancelled"


def test_reported_fact_has_no_source() -> None:
    events = events_of(("Strike on Odesa", ["A Russian drone strike hit the port of Odesa overnight."]))
    e = one(events, "strike")
    assert e.status == "reported" and e.sources == []
    assert e.location is not None and e.location.name == "Odesa"


# ------------------------------------------------------------------ what yields no event


def test_questions_hypotheticals_and_background_yield_nothing() -> None:
    events = events_of(("Explainer", [
        "What is the coalition of the willing?",
        "If war broke out, Britons could be conscripted, the MP warned.",
        "Prices rose despite continuous shelling of the region.",
    ]))
    assert [e for e in events if e.type in {"mobilization", "strike", "meeting"}] == []


def test_off_topic_post_yields_no_event() -> None:
    events = events_of(("Festival opens", [
        "Thousands of visitors gathered for the opening night of the city's film festival."]))
    assert events == []


# ------------------------------------------------------------------ merging


def test_repeated_sentence_in_summary_and_post_is_one_event() -> None:
    line = "Russian troops captured the town of Marinka after months of fighting, Moscow said on Monday."
    events = events_of(("", [line]), ("Marinka falls", [line, "The town had been shelled for weeks."]))
    captures = [e for e in events if e.type == "territory.capture"]
    assert len(captures) == 1
    assert len(captures[0].evidence) == 2


def test_two_strikes_on_different_towns_stay_apart() -> None:
    events = events_of(("Overnight attacks", [
        "A missile strike hit Kharkiv overnight.",
        "Separately, a drone strike hit Odesa overnight.",
    ]))
    strikes = [e for e in events if e.type == "strike"]
    assert sorted(e.location.name for e in strikes) == ["Kharkiv", "Odesa"]


def test_past_event_mentioned_in_passing_keeps_its_own_date() -> None:
    events = events_of(("Background", ["Russian forces first captured Bakhmut in May 2023."]))
    e = one(events, "territory.capture")
    assert (e.date.start.year, e.date.start.month) == (2023, 5)


def test_headline_alone_is_not_an_event() -> None:
    events = events_of(("Russia captures village in the east", [
        "Officials gave no further details on Tuesday about the situation in the east."]))
    assert [e for e in events if e.type == "territory.capture"] == []
