"""Document -> CleanDocument: the cleaning stage's one entry point."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache

import dateparser

from frontline.cleaning import boilerplate, dedupe, segment, sentences, topic
from frontline.models import Block, CleanDocument, Document, Post, Sentence


def clean_document(doc: Document) -> CleanDocument:
    """Strip boilerplate, segment and classify posts, split sentences, link repeats."""
    segs = _segments(doc)
    parts: list[str] = []
    posts: list[Post] = []
    offset = 0
    used_ids: set[str] = set()
    sent_index = 0
    for seg_headline, paras, kind, published, removed in segs:
        kept, cut = _clean_paragraphs(tuple(paras))
        removed = [*removed, *cut]
        kept_paras = [para for para, _spans in kept]
        headline = seg_headline.strip()
        if not headline and not kept_paras:
            continue
        if headline and not kept_paras and kind == "post":
            kind = "teaser"  # a headline with no body links elsewhere
        body = "\n".join(kept_paras)
        block_text = headline + ("\n" if headline and body else "") + body
        if parts:
            offset += 2  # the "\n\n" between posts
        start = offset
        post_id = _post_id(headline, body, kind, published, used_ids)
        post = Post(
            doc_id=doc.doc_id, post_id=post_id, index=len(posts), headline=headline, text=body,
            kind=kind, published=published, start=start, end=start + len(block_text), removed=removed,
        )
        # Sentences with offsets into the cleaned document text.
        cursor = start
        if headline:
            post.sentences.append(Sentence(doc.doc_id, post_id, sent_index, headline, cursor,
                                           cursor + len(headline), is_headline=True, published=published))
            sent_index += 1
            cursor += len(headline) + 1
        for para, spans in kept:
            for a, b in spans:
                post.sentences.append(Sentence(doc.doc_id, post_id, sent_index, para[a:b], cursor + a,
                                               cursor + b, published=published))
                sent_index += 1
            cursor += len(para) + 1
        posts.append(post)
        parts.append(block_text)
        offset += len(block_text)
    text = "\n\n".join(parts)
    for post in posts:
        post.off_topic = not topic.is_war_related(post.headline + " " + post.text)
    all_sentences = [s for p in posts for s in p.sentences]
    dedupe.link_sentences(all_sentences)
    dedupe.link_posts(posts)
    return CleanDocument(document=doc, text=text, posts=posts)


Segment = tuple[str, list[str], str, object, list[str]]

# Cleaning a post's paragraphs depends on their words alone, and a live blog's next snapshot
# repeats all but a few of its posts: so what cleaning made of each post's paragraphs is
# remembered in this process (a `watch` keeps it from one poll to the next), for this many posts.
MEMO_POSTS = 4096


@lru_cache(maxsize=MEMO_POSTS)
def _clean_paragraphs(paras: tuple[str, ...]) -> tuple[tuple[tuple[str, tuple[tuple[int, int], ...]], ...],
                                                       tuple[str, ...]]:
    """((kept paragraph, its sentence spans), ...) and the boilerplate sentences cut, in order."""
    kept: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    removed: list[str] = []
    for para in paras:
        spans = sentences.split_spans(para)
        sents = [para[a:b] for a, b in spans]
        keep, cut = boilerplate.strip_sentences(sents)
        removed.extend(cut)
        if keep:
            text = " ".join(keep) if cut else para
            kept.append((text, tuple(sentences.split_spans(text) if cut else spans)))
    return tuple(kept), tuple(removed)


def _segments(doc: Document) -> list[Segment]:
    """(headline, paragraphs, kind, published, removed) for each block of the document."""
    out: list[Segment] = []
    flat = len(doc.blocks) == 1 and not doc.blocks[0].headline and doc.blocks[0].kind is None
    if flat:
        kept, removed = boilerplate.strip_paragraphs(doc.blocks[0].paragraphs)
        standfirst, segs = segment.segment(kept)
        if standfirst and not doc.standfirst:
            doc.standfirst = standfirst
        for i, seg in enumerate(segs):
            published = parse_stamp(seg.stamp, doc.published) if seg.stamp else None
            out.append((seg.headline, seg.paragraphs + seg.captions, seg.kind, published, removed if i == 0 else []))
        return out
    for block in doc.blocks:
        out.append(_structured(block))
    return out


def parse_stamp(stamp: str, dct: dt.datetime | None) -> dt.datetime | None:
    """A post's timestamp line as a datetime: a Unix time, a clock time on the document's day,
    "5 minutes ago", or a full date; never later than a day after the document itself."""
    text = re.sub(r"^(updated|posted|published):?\s*", "", stamp.strip(), flags=re.I)
    if re.fullmatch(r"\d{10}", text):
        return dt.datetime.fromtimestamp(int(text), tz=dt.UTC)
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if dct is not None:
        settings["RELATIVE_BASE"] = dct.replace(tzinfo=None) if dct.tzinfo else dct
    value = dateparser.parse(text, settings=settings, languages=["en"])
    if value is None:
        return None
    if dct is not None and value - (dct.replace(tzinfo=None) if dct.tzinfo else dct) > dt.timedelta(days=1):
        return None
    return value


def _structured(block: Block) -> Segment:
    headline, kept, removed = _strip_block(block.headline, tuple(block.paragraphs))
    return (headline, list(kept), block.kind or "post", block.published, list(removed))


@lru_cache(maxsize=MEMO_POSTS)
def _strip_block(headline: str, paragraphs: tuple[str, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(headline, kept paragraphs, removed) of a reader's block: boilerplate paragraphs and headline out."""
    kept, removed = boilerplate.strip_paragraphs(list(paragraphs))
    headline = headline.strip()
    if headline and boilerplate.is_boilerplate(headline):
        removed.insert(0, headline)
        headline = ""
    return headline, tuple(kept), tuple(removed)


def _post_id(headline: str, body: str, kind: str, published, used: set[str]) -> str:
    """Stable id: the same post in a later snapshot gets the same id, even if edited.

    Ids are unique within a document (the store keys posts by document and id), and
    deliberately do not hash the document id: a snapshot saved under another file name
    but recognised as the same live blog (same title and publisher) must map onto the
    posts already stored. A headline-less lead summary is one slot that publishers
    rewrite in every snapshot, so it is keyed by its kind, not its first words; a
    headline-less update with a timestamp is keyed by that timestamp alone.
    """
    if headline.strip():
        key = headline.strip().lower()
    elif kind == "summary":
        key = "\x00summary"
    elif published is not None:
        key = "\x00stamped"  # a headline-less timestamped update: its time identifies it
    else:
        key = dedupe.normalise(body)[:80]
    stamp = published.isoformat() if published is not None else ""
    base = hashlib.sha1(f"{key}\x1f{stamp}".encode()).hexdigest()[:12]
    post_id, n = f"p_{base}", 1
    while post_id in used:
        n += 1
        post_id = f"p_{base}_{n}"
    used.add(post_id)
    return post_id
