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
from dataclasses import dataclass

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

    def to_json(self) -> list:
        return [self.ordinal, self.base_supporting, self.mention]

    @classmethod
    def from_json(cls, row: list) -> CachedMention:
        return cls(int(row[0]), bool(row[1]), row[2])


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
            doc_id: str | None = None, *, annotate=annotate_document, extract=extract_mentions) -> Processed:
    """Clean `doc` and extract its mentions, reusing `cache` (post_id -> (key, JSON rows)) for unchanged posts.

    With an empty cache the result equals a full run of annotate + extract on the document.
    `doc_id` is the stored document's id when the snapshot was recognised under another name.
    """
    cache = cache or {}
    doc_id = doc_id or doc.doc_id
    clean = clean_document(doc)
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
        sub = CleanDocument(document=doc, text=clean.text, posts=sub_posts)
        by_post = {p.post_id: p for p in sub_posts}
        ordinals = {(p.post_id, s.index): i for p in sub_posts for i, s in enumerate(p.sentences)}
        found: dict[str, list[CachedMention]] = {p.post_id: [] for p in todo}
        for m in extract(sub, annotate(sub)):
            post = by_post[m.evidence.post]
            index = int(m.sentence_key.rsplit(":", 1)[1])
            data = to_jsonable(m)
            data["evidence"]["start"] -= post.start
            data["evidence"]["end"] -= post.start
            data["evidence"]["document"] = ""
            data["sentence_key"] = ""
            found[post.post_id].append(CachedMention(ordinals[(post.post_id, index)], m.supporting, data))
        for post in todo:
            entries[post.post_id] = found[post.post_id]
            fresh[post.post_id] = (post_key(post, doc), [e.to_json() for e in found[post.post_id]])
    mentions = _assemble(clean, entries, doc_id)
    return Processed(clean, mentions, fresh, len(clean.posts) - len(todo), len(todo))


def _assemble(clean: CleanDocument, entries: dict[str, list[CachedMention]], doc_id: str) -> list[EventMention]:
    """Mentions in reading order with offsets, repeat keys and `supporting` for this snapshot."""
    headlines = {s.index for p in clean.posts for s in p.sentences if s.is_headline}
    out: list[EventMention] = []
    for post in clean.posts:
        for entry in entries.get(post.post_id, []):
            sent = post.sentences[entry.ordinal]
            m = mention_from_dict(entry.mention)
            m.evidence.document = doc_id
            m.evidence.start, m.evidence.end = sent.start, sent.end
            first = sent.duplicate_of if sent.duplicate_of is not None else sent.index
            m.sentence_key = f"{clean.document.doc_id}:{first}"
            m.supporting = entry.base_supporting or first in headlines
            out.append(m)
    return out
