"""Event mentions from annotated sentences."""

from __future__ import annotations

from frontline.models import CleanDocument, EventMention, SentenceAnnotation


def extract_mentions(clean: CleanDocument, annotations: list[SentenceAnnotation]) -> list[EventMention]:
    return []
