"""Incremental language work: a new snapshot of a live blog re-annotates only new or edited posts.

Everything the language and event stages derive for a post depends on that post alone
(its sentences, its timestamp, the document's date; date resolution, attribution and
"the town" references never cross a post), except three document-wide things that are
re-derived here for every post on every snapshot: the sentences' offsets in the cleaned
text (posts move down when new ones are added on top), the repeat links between
sentences (`sentence_key`), and whether a mention repeats a headline (`supporting`).
So the mentions of an unchanged post are kept from the store and re-based, and only the
other posts go through spaCy. The one approximation: place names are disambiguated with
the whole document as context, so a kept post does not see words that later posts add.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

from frontline.cleaning import clean_document
from frontline.events import extract_mentions
from frontline.language import annotate_document
from frontline.models import CleanDocument, Document, EventMention, Post
from frontline.serialize import mention_from_dict, to_jsonable

CACHE_VERSION = "1"  # bump when the language or event stages change what they derive from a post


@dataclass
class CachedMention:
    """A mention as the cache keeps it: where it sits in its post, and whether it supports on its own."""

    ordinal: int  # index of its sentence within the post
    base_supporting: bool  # supporting before the document-wide headline-repeat rule
    mention: dict  # the mention as JSON, evidence offsets relative to the post's start
    refs: dict[str, int] = field(default_factory=dict)  # sentence-key fields -> ordinal of that sentence
    spans: dict[str, int] = field(default_factory=dict)  # "doc:post:N" fields -> N relative to the post

    def to_json(self) -> list:
        return [self.ordinal, self.base_supporting, self.mention, self.refs, self.spans]

    @classmethod
    def from_json(cls, row: list) -> CachedMention:
        return cls(int(row[0]), bool(row[1]), row[2], dict(row[3]) if len(row) > 3 else {},
                   dict(row[4]) if len(row) > 4 else {})


@dataclass
class Processed:
    clean: CleanDocument
    mentions: list[EventMention]
    fresh: dict[str, tuple[str, list]]  # post_id -> (key, JSON rows) to store
    reused_posts: int
    parsed_posts: int


def post_key(post: Post, doc: Document) -> str:
    """What a post's mentions depend on: its words, kind and time, and the document's date."""
    parts = [CACHE_VERSION, post.headline, post.text, post.kind, str(post.off_topic),
             post.published.isoformat() if post.published else "",
             doc.published.isoformat() if doc.published else ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def process(doc: Document, cache: dict[str, tuple[str, list]] | None = None,
            doc_id: str | None = None, *, annotate=annotate_document, extract=extract_mentions,
            cleaner=clean_document, view=lambda c: c) -> Processed:
    """Clean `doc` and extract its mentions, reusing `cache` (post_id -> (key, JSON rows)) for unchanged posts.

    With an empty cache the result equals a full run of annotate + extract on the document.
    `doc_id` is the stored document's id when the snapshot was recognised under another name.
    """
    cache = cache or {}
    doc_id = doc_id or doc.doc_id
    clean = cleaner(doc)
    entries: dict[str, list[CachedMention]] = {}
    fresh: dict[str, tuple[str, list]] = {}
    todo: list[Post] = []
    for post in clean.posts:
        key = post_key(post, doc)
        hit = cache.get(post.post_id)
        if hit is not None and hit[0] == key:
            entries[post.post_id] = [CachedMention.from_json(r) for r in hit[1]]
        else:
            todo.append(post)
    if todo:
        # The posts to parse, with repeat links cut: extraction then reports each sentence's own
        # `supporting`, and the document-wide repeat rule is applied below for every post alike.
        sub_posts = [dataclasses.replace(p, sentences=[dataclasses.replace(s, duplicate_of=None)
                                                       for s in p.sentences]) for p in todo]
        sub = view(CleanDocument(document=doc, text=clean.text, posts=sub_posts))
        found: dict[str, list[CachedMention]] = {p.post_id: [] for p in todo}
        where = {p.post_id: _Where(p, doc.doc_id) for p in sub_posts}
        for m in extract(sub, annotate(sub)):
            found[m.evidence.post].append(_relative(m, where[m.evidence.post]))
        for cached in found.values():
            _rebase_spans(cached)
        for post in todo:
            entries[post.post_id] = found[post.post_id]
            fresh[post.post_id] = (post_key(post, doc), [e.to_json() for e in found[post.post_id]])
    mentions = _assemble(clean, entries, doc_id)
    return Processed(clean, mentions, fresh, len(clean.posts) - len(todo), len(todo))


class _Where:
    """What `_relative` needs to know of a post, worked out once per post, not per mention."""

    def __init__(self, post: Post, doc_id: str):
        self.post = post
        self.ordinals = {s.index: i for i, s in enumerate(post.sentences)}  # sentence number -> ordinal
        self.by_start: dict[int, int] = {}  # sentence start -> ordinal of the first sentence starting there
        for i, s in enumerate(post.sentences):
            self.by_start.setdefault(s.start, i)
        self.key = f"{doc_id}:"  # a sentence key: this + its number
        self.span = f"{doc_id}:{post.post_id}:"  # a stretch of the post: this + its number


def _number_after(value: str, prefix: str) -> int | None:
    r"""N when `value` is `prefix` + N (decimal digits), else None: what re.fullmatch(re.escape(prefix)
    + r"(\d+)", value) reads (\d is a Unicode decimal digit, as for isdecimal), with no pattern
    compiled per post."""
    if value.startswith(prefix):
        rest = value[len(prefix):]
        if rest.isdecimal():  # False for ""
            return int(rest)
    return None


def _relative(m: EventMention, where: _Where) -> CachedMention:
    """A fresh mention in the cache's form: nothing in it depends on where the post sits.

    Besides the evidence offsets, any field holding a sentence key ("doc:index", e.g.
    `sentence_key` or the sentence a continuing mention joins) is kept as the ordinal of that
    sentence in the post, and any "doc:post:N" field (a stretch of the post) relative to the post.
    """
    post, ordinals = where.post, where.ordinals
    ordinal = where.by_start.get(m.evidence.start, 0)
    data = to_jsonable(m)
    data["evidence"]["start"] -= post.start
    data["evidence"]["end"] -= post.start
    data["evidence"]["document"] = ""
    refs, spans = {}, {}
    for name, value in data.items():
        if not isinstance(value, str):
            continue
        if (n := _number_after(value, where.key)) is not None and n in ordinals:
            refs[name], data[name] = ordinals[n], ""
        elif (n := _number_after(value, where.span)) is not None:
            spans[name], data[name] = n, ""
    return CachedMention(ordinal, m.supporting, data, refs, spans)


def _rebase_spans(cached: list[CachedMention]) -> None:
    """Number a post's stretches from 0, whatever the document-wide count was when it was parsed."""
    for name in {n for c in cached for n in c.spans}:
        base = min(c.spans[name] for c in cached if name in c.spans)
        for c in cached:
            if name in c.spans:
                c.spans[name] -= base


def _assemble(clean: CleanDocument, entries: dict[str, list[CachedMention]], doc_id: str) -> list[EventMention]:
    """Mentions in reading order with offsets, repeat keys and `supporting` for this snapshot."""
    headlines = {s.index for p in clean.posts for s in p.sentences if s.is_headline}
    name = clean.document.doc_id

    def key(post: Post, ordinal: int) -> tuple[str, int]:
        sent = post.sentences[ordinal]
        first = sent.duplicate_of if sent.duplicate_of is not None else sent.index
        return f"{name}:{first}", first

    out: list[EventMention] = []
    for post in clean.posts:
        for entry in entries.get(post.post_id, []):
            data = dict(entry.mention)
            for field_name, ordinal in entry.refs.items():
                data[field_name] = key(post, ordinal)[0]
            for field_name, n in entry.spans.items():
                data[field_name] = f"{name}:{post.post_id}:{n}"
            m = mention_from_dict(data)
            sent = post.sentences[entry.ordinal]
            m.evidence.document = doc_id
            m.evidence.start, m.evidence.end = sent.start, sent.end
            m.sentence_key, first = key(post, entry.ordinal)
            m.supporting = entry.base_supporting or first in headlines
            out.append(m)
    return out
