"""frontline's spaCy pipeline (language/nlp.py) annotates exactly as spaCy's own: its attribute
ruler looks its patterns up instead of running spaCy's Matcher, its lemmatizer remembers answers
and repeated sentences are parsed once, and none of it may change a single attribute of a token
but the few verb lemmas it mends on purpose. Compared on every sentence of the seed live blogs."""

from __future__ import annotations

import pytest
import spacy

from conftest import SEEDS
from frontline.cleaning import clean_document
from frontline.language.nlp import BATCH_SIZE, MODEL, VERB_LEMMA_FIXES, get_nlp, parse
from frontline.readers import read_path


def _attrs(doc) -> list:
    return [(t.text, t.tag_, t.pos_, str(t.morph), _mended(t), t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


def _mended(t) -> str:
    return VERB_LEMMA_FIXES.get(t.lower_, t.lemma_) if t.pos_ == "VERB" else t.lemma_


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("seeds not found; clone ../shared next to the repo")
    return [s.text for p in paths for d in read_path(p) for s in clean_document(d).sentences]


def test_pipeline_annotates_like_stock_spacy(sentences):
    stock = spacy.load(MODEL)
    nlp = get_nlp()
    # the comparison is with frontline's own components in place, not spaCy's
    assert type(nlp.get_pipe("attribute_ruler")).__name__.startswith("Quick")
    assert type(nlp.get_pipe("lemmatizer")).__name__.startswith("Remembering")
    ours = list(nlp.pipe(sentences, batch_size=BATCH_SIZE))
    theirs = list(stock.pipe(sentences, batch_size=BATCH_SIZE))
    assert len(sentences) > 40
    diff = [s for s, a, b in zip(sentences, ours, theirs, strict=True) if _attrs(a) != _attrs(b)]
    assert not diff, f"{len(diff)} sentences annotated differently, e.g. {diff[0]!r}"
    assert any(t.lemma_ != t.text.lower() for d in ours for t in d)  # lemmas were set at all


def test_repeated_sentences_are_parsed_once_and_alike(sentences):
    first, again = sentences[3], sentences[7]
    docs = parse([first, again, first])
    assert docs[0] is docs[2]
    later = parse([again])[0]
    assert later is docs[1]  # seen lately: not parsed again
    fresh = spacy.load(MODEL)(again)
    assert _attrs(later) == _attrs(fresh)


def test_hoping_is_lemmatized_as_hope_not_hop():
    # stock spaCy strips "hoping" to "hop": "men gathered hoping to fight in Ukraine" would be no hope
    doc = parse(["Volunteers were hoping to enlist, staring at the queue."])[0]
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"][:2] == ["hope", "enlist"]
