"""Extraction that generalises beyond trigger words: statements from any reporting verb, sentences
that carry on the one before, tolls, history, places abroad, and the learned same-event scorer.
Hand-written posts through the real pipeline (spaCy, gazetteer, dates, attribution)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from frontline.events import merge_mentions, syntax
from frontline.events.pairs import ENV_VAR, FEATURES, pair_model, save_model
from frontline.events.train_pairs import fit
from frontline.ingest import process
from frontline.models import Block, Document

DCT = dt.datetime(2022, 5, 4, 12, 0)


def events_of(*posts: tuple[str, list[str]]):
    blocks = [Block(headline=h, paragraphs=list(body), kind="post") for h, body in posts]
    doc = Document(doc_id="general.txt", title="Ukraine war live", blocks=blocks, published=DCT)
    return merge_mentions(process(doc)[1])


def test_a_named_officials_plain_said_is_a_statement_with_that_source() -> None:
    events = events_of(("", ["Ukraine's top diplomat, Dmytro Kuleba, said on Tuesday that Russia "
                             "must pay for the war in Ukraine."]))
    statements = [e for e in events if e.type == "statement"]
    assert len(statements) == 1
    assert any("Kuleba" in s["name"] for s in statements[0].sources)


def test_a_quote_that_carries_on_joins_the_statement_before_it() -> None:
    events = events_of(("", [
        "The governor of the region, Pavlo Kyrylenko, said the Russian army was shelling the town of Lyman.",
        "“They do not stop even at night,” Kyrylenko said.",
    ]))
    assert len(events) == 1
    assert len(events[0].evidence) == 2


def test_a_toll_in_war_reporting_is_casualties_without_a_weapon_word() -> None:
    events = events_of(("", ["Two further civilians were killed in Vuhledar, the governor said."]))
    assert [e.type for e in events] == ["casualties"]
    assert events[0].location is not None and events[0].location.name == "Vuhledar"


def test_history_years_before_the_report_is_not_an_event() -> None:
    events = events_of(("", ["Kaliningrad was captured by Soviet troops in April 1945 and handed to the "
                             "USSR after the war ended."]))
    assert not [e for e in events if e.type == "territory.capture"]


def test_a_treaty_named_after_a_word_is_not_a_town_abroad() -> None:
    events = events_of(("", ["Sergei Lavrov, Russia's foreign minister, said Washington had not offered to "
                             "restart talks on the New Start nuclear arms treaty."]))
    assert events, "the statement itself is news"
    assert all(e.location is None or e.location.country != "US" for e in events)


def test_a_position_and_the_call_it_followed_are_two_events() -> None:
    events = events_of(("Turkey backs talks", [
        "Turkey's president has backed Donald Trump's efforts to end the war in Ukraine after the two men "
        "spoke on the phone."]))
    assert {"statement", "call"} <= {e.type for e in events}


def test_the_pair_scorer_is_packaged_and_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert pair_model() is not None, "the packaged model ships with the package"
    monkeypatch.setenv(ENV_VAR, "none")
    assert pair_model() is None


def test_the_pair_scorer_learns_that_shared_words_mean_one_event(tmp_path, monkeypatch) -> None:
    rng = np.random.default_rng(8)
    x = rng.random((400, len(FEATURES)))
    overlap = FEATURES.index("overlap")
    y = (x[:, overlap] > 0.6).astype(float)
    weights, bias = fit(x, y)
    assert weights[overlap] > 1.0
    path = tmp_path / "pairs.json"
    save_model(path, weights, bias, 0.9, {})
    monkeypatch.setenv(ENV_VAR, str(path))
    assert pair_model() is not None and pair_model().threshold == 0.9


def test_a_phrase_the_parser_hangs_across_others_does_not_put_them_under_its_head() -> None:
    # "Kyiv said it left Izium, the town": a parse that hangs "the town" on "Kyiv" spans the whole
    # clause between them, but what Kyiv said is not part of the subject
    doc = Doc(Vocab(), words=["Kyiv", "said", "it", "left", "Izium", ",", "the", "town"],
              heads=[1, 1, 3, 1, 3, 1, 7, 0], deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct", "det", "appos"])
    assert not syntax.in_subtree(doc[3], doc[0])
    assert syntax.in_subtree(doc[7], doc[0]) and syntax.in_subtree(doc[4], doc[1])
