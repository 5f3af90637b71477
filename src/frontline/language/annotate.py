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
from frontline.models import ActorRef, CleanDocument, SentenceAnnotation

MAX_SENTENCE_CHARS = 3000
CONTEXT_CHARS = 40_000  # see _place_contexts


def annotate_document(clean: CleanDocument) -> list[SentenceAnnotation]:
    """One SentenceAnnotation per sentence, with the parsed spaCy Doc kept on `.doc`."""
    sentences = clean.sentences
    # A "sentence" of thousands of characters is a scraping accident, not prose: parse its start only.
    docs = parse(s.text[:MAX_SENTENCE_CHARS] for s in sentences)
    dct = clean.document.published
    out: list[SentenceAnnotation] = []
    by_post = {p.post_id: p for p in clean.posts}
    resolvers: dict[str, DateResolver] = {}
    contexts = _place_contexts(clean)
    previous: Doc | None = None
    previous_post = None
    quote_open = False  # the sentence starts inside a quotation opened earlier in its post
    before_quote: Doc | None = None  # the sentence before that quotation opened
    quote_opener: Doc | None = None  # the sentence that opened it
    quote_sentences = 0
    actors_of: dict[int, list[ActorRef]] = {}  # each parsed sentence's actors, for the sentence after
    surnames: set[str] = set()  # last words of people named in full so far in the document
    for sent, doc in zip(sentences, docs, strict=True):
        if previous_post != sent.post_id:
            quote_open, previous = False, None
        post = by_post[sent.post_id]
        anchor = post.published or dct
        when = _as_date(anchor)
        if sent.post_id not in resolvers:
            resolvers[sent.post_id] = DateResolver(anchor or dt.date.today())
        ctxs = contexts[sent.post_id]
        context = ctxs[min(max(0, sent.start - post.start) // CONTEXT_CHARS, len(ctxs) - 1)]
        found_actors = actor_layer.find_actors(doc, when)
        _known_surnames(found_actors, surnames)
        actors_of[id(doc)] = found_actors
        # '“Russia ... for years. Its army commits war crimes,” it said': "it" is who spoke before
        # the quotation, not a name inside it
        told = before_quote if quote_open else previous
        ann = SentenceAnnotation(
            sentence=sent,
            actors=found_actors,
            places=place_layer.find_places(doc, context),
            dates=resolvers[sent.post_id].resolve(sent.text) if anchor else [],
            attributions=attribution_layer.find_attributions(
                doc, found_actors, told, actors_of.get(id(told)) if told is not None else None),
            modality=attribution_layer.find_modality(doc),
            doc=doc,
        )
        out.append(ann)
        still_open = _quote_open_after(sent.text, quote_open)
        if still_open and not quote_open:
            before_quote, quote_sentences, quote_opener = previous, 0, doc
        quote_sentences += 1
        closed_unsaid = quote_open and not still_open and not ann.attributions
        # a mark left open by mistake must not hold the rest of a long post inside a quotation
        quote_open = still_open and quote_sentences <= MAX_QUOTE_SENTENCES
        # 'X said: “... . ... .” He added: ...': after a quotation that closes with no speaker of its
        # own, "he" is whoever opened it, not a name inside the quoted words
        previous, previous_post = (quote_opener if closed_unsaid else doc), sent.post_id
    return out


MAX_QUOTE_SENTENCES = 12


def _known_surnames(found: list[ActorRef], surnames: set[str]) -> None:
    """A lone name that closes the name of a person the document named before is that person
    ("Robert Jenrick, the MP for ..." then "Jenrick said"), whatever NER called it: a writer names a
    person in full once and by surname after. Remembers this sentence's people for the ones after."""
    for a in found:
        if a.actor_id is None and a.kind in {"org", "unknown"} and " " not in a.name and a.name in surnames:
            a.kind = "person"
    surnames.update(a.name.split()[-1] for a in found if a.kind == "person" and len(a.name.split()) > 1)


def _quote_open_after(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of this sentence (curly marks open and close;
    a straight one flips)."""
    is_open = open_before
    for ch in text:
        if ch == "“":
            is_open = True
        elif ch == "”":
            is_open = False
        elif ch == '"':
            is_open = not is_open
    return is_open


def _place_contexts(clean: CleanDocument) -> dict[str, list[place_layer.PlaceContext]]:
    """The text each post's place names are resolved against: the post first, then the whole
    document (one sense per name across a live blog). Built once per post, not per sentence (the
    place layer caches on this string).

    A guard keeps the cost linear in the document: the document part is a window of
    CONTEXT_CHARS around the post, and a post longer than that gets one context per
    CONTEXT_CHARS of its text. Every live blog seen so far is far shorter, so for them the context
    is the whole document, as before; a 5 MB one costs per post what a long live blog does.
    The document part is one string shared by the posts, so the place layer scans it once."""
    text = clean.text
    out: dict[str, list[str]] = {}
    for p in clean.posts:
        chunks = [p.text[i:i + CONTEXT_CHARS] for i in range(0, max(len(p.text), 1), CONTEXT_CHARS)]
        contexts = []
        for i, chunk in enumerate(chunks):
            around = text
            if len(text) > CONTEXT_CHARS:
                middle = p.start + i * CONTEXT_CHARS + len(chunk) // 2
                around = _window(text, middle)
            body = p.text if len(chunks) == 1 else chunk
            contexts.append(place_layer.PlaceContext(f"{clean.document.title}\n{p.headline}\n{body}", around))
        out[p.post_id] = contexts
    return out


def _window(text: str, middle: int) -> str:
    """CONTEXT_CHARS of `text` around `middle`, cut at line ends so no name is cut in two."""
    lo = max(0, min(middle - CONTEXT_CHARS // 2, len(text) - CONTEXT_CHARS))
    hi = lo + CONTEXT_CHARS
    if lo > 0:
        nl = text.find("\n", lo, hi)
        lo = nl + 1 if nl >= 0 else lo
    if hi < len(text):
        nl = text.rfind("\n", lo, hi)
        hi = nl if nl > lo else hi
    return text[lo:hi]


def _as_date(value: dt.datetime | dt.date | None) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value
