"""Rules of event extraction checked on hand-written posts through the real pipeline (spaCy, gazetteer,
dates, attribution): what counts as an event, its type and its place. Sentences are written for the
tests, not copied from any corpus."""

from __future__ import annotations

from test_events_arguments import mentions_of


def test_weapons_a_country_is_to_supply_are_aid_not_a_battle() -> None:
    mentions = mentions_of("Portugal will provide Ukraine with anti-tank missiles and Leopard battle vehicles, "
                           "together with training for the crews.")
    types = {m.type for m in mentions}
    assert "aid" in types and "clash" not in types


def test_a_ship_detained_by_customs_is_not_prisoners() -> None:
    mentions = mentions_of("Georgian customs officers have detained a Russian cargo ship carrying grain that Kyiv "
                           "says was stolen from Ukraine, the Ukrainian envoy said.")
    assert "prisoners" not in {m.type for m in mentions}
