"""Annotate every sentence of a cleaned document."""

from __future__ import annotations

from frontline.models import CleanDocument, SentenceAnnotation


def annotate_document(clean: CleanDocument) -> list[SentenceAnnotation]:
    return [SentenceAnnotation(sentence=s) for s in clean.sentences]
