"""Annotate every sentence of a cleaned document: actors, places, dates, attribution, modality.

Sentences are parsed in one batch; each post's sentences share a DateResolver (so
"three months later" follows the date just mentioned) and a place context (the
post's text and the document title, to disambiguate names).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from frontline.language import actors as actor_layer
from frontline.language import attribution as attribution_layer
from frontline.language import places as place_layer
from frontline.language.dates import DateResolver
from frontline.language.nlp import parse
from frontline.models import CleanDocument, SentenceAnnotation

MAX_SENTENCE_CHARS = 3000


def annotate_document(clean: CleanDocument) -> list[SentenceAnnotation]:
    """One SentenceAnnotation per sentence, with the parsed spaCy Doc kept on `.doc`."""
    sentences = clean.sentences
    # A "sentence" of thousands of characters is a scraping accident, not prose: parse its start only.
    docs = parse(s.text[:MAX_SENTENCE_CHARS] for s in sentences)
    dct = clean.document.published
    out: list[SentenceAnnotation] = []
    by_post = {p.post_id: p for p in clean.posts}
    resolvers: dict[str, DateResolver] = {}
    # The post first, then the whole document: one sense per name across a live blog. Built once
    # per post, not per sentence (the place layer caches on this string; rebuilding it is quadratic).
    contexts = {p.post_id: f"{clean.document.title}\n{p.headline}\n{p.text}\n{clean.text}" for p in clean.posts}
    previous: Doc | None = None
    previous_post = None
    for sent, doc in zip(sentences, docs, strict=True):
        post = by_post[sent.post_id]
        anchor = post.published or dct
        when = _as_date(anchor)
        if sent.post_id not in resolvers:
            resolvers[sent.post_id] = DateResolver(anchor or dt.date.today())
        context = contexts[sent.post_id]
        found_actors = actor_layer.find_actors(doc, when)
        ann = SentenceAnnotation(
            sentence=sent,
            actors=found_actors,
            places=place_layer.find_places(doc, context),
            dates=resolvers[sent.post_id].resolve(sent.text) if anchor else [],
            attributions=attribution_layer.find_attributions(
                doc, found_actors, previous if previous_post == sent.post_id else None),
            modality=attribution_layer.find_modality(doc),
            doc=doc,
        )
        out.append(ann)
        previous, previous_post = doc, sent.post_id
    return out


def _as_date(value: dt.datetime | dt.date | None) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value
