"""An event's one-line summary is what a reader sees first in lists, feeds and the map: it must say
what happened, so it comes from the sentence that told the event, never from a sentence that only
carries on someone's words. Sentences are written for the tests."""

from __future__ import annotations

from test_events_arguments import events_of


def test_a_quote_carrying_on_a_speakers_words_is_not_the_summary() -> None:
    events = events_of(
        "The foreign minister of Estonia, Kaja Tamberg, accused Moscow on Tuesday of staging fake referendums "
        "in the occupied south of Ukraine. “Nobody will recognise it,” she added.")
    statement = next(e for e in events if any("fake referendums" in x.text for x in e.evidence))
    assert any("Nobody will" in x.text for x in statement.evidence)  # the quote is part of the event ...
    assert "fake referendums" in statement.summary  # ... but the summary tells what was said by whom


def test_the_first_sentence_that_told_the_event_is_its_summary_not_a_shorter_retelling() -> None:
    events = events_of(
        "Russian cruise missiles struck a fuel depot on the edge of Lutsk early on Sunday, setting two tanks "
        "alight, the regional governor said.",
        "Firefighters were still at work in the afternoon.",
        "The Lutsk depot was hit by missiles on Sunday.")
    strike = next(e for e in events if e.type == "strike")
    assert len(strike.evidence) == 2
    assert strike.summary.startswith("Russian cruise missiles struck a fuel depot")


def test_a_quotation_that_reads_like_a_headline_is_not_taken_for_one() -> None:
    events = events_of("Russian drones struck grain silos in the port of Izmail on Tuesday, the regional governor "
                       "said. The US ambassador to Kyiv, Ann Lee, condemned the shelling. “Russia hits the port of "
                       "Izmail hours after promising calm on the Danube,” she wrote.")
    strike = next(e for e in events if e.type == "strike")
    assert strike.summary.startswith("Russian drones struck grain silos")
