"""The whole pipeline for one input: read -> clean -> language -> event mentions -> store.

Events (the merge of all mentions) are rebuilt once after a batch, not per document, and
keep their ids across snapshots (`store.identity`). A newer snapshot of a stored document
re-does the language work only for its new and edited posts (`incremental`). Inputs are
files or http(s) URLs (`readers.fetch`); a URL is the document's identity across snapshots.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from frontline.cleaning import clean_document
from frontline.events import extract_mentions, merge_mentions
from frontline.language import annotate_document
from frontline.models import Block, CleanDocument, Document, EventMention
from frontline.readers import ReaderError, content_sha, read_path
from frontline.store import Store
from frontline.store.db import IngestResult, StoreBusy


@dataclass
class Outcome:
    path: str
    results: list[IngestResult]
    error: str | None = None


MAX_SENTENCE_CHARS = 3000  # as language.annotate parses: longer "sentences" are scraping accidents


class EmptyDocument(ValueError):
    """Cleaning left no post: the document would be stored with nothing in it."""


def process(doc: Document) -> tuple[CleanDocument, list[EventMention]]:
    """Clean, annotate and extract event mentions from one document (no I/O)."""
    clean = clean_or_refuse(doc)
    view = _language_view(clean)
    annotations = annotate_document(view)
    return clean, extract_mentions(view, annotations)


def clean_or_refuse(doc: Document) -> CleanDocument:
    """The cleaned document with at least one post, or EmptyDocument saying why there is none."""
    clean = clean_document(doc)
    if not clean.posts:
        clean = _as_single_post(doc)
    if not clean.posts:
        raise EmptyDocument(_nothing_left(doc))
    return clean


def _as_single_post(doc: Document) -> CleanDocument:
    """Segmentation found no post (a one-line file, a text that is all standfirst): keep the text as
    one post rather than store a document with nothing in it. Boilerplate is still removed."""
    paragraphs = [p for b in doc.blocks for p in ([b.headline] if b.headline else []) + b.paragraphs]
    single = replace(doc, blocks=[Block(headline="", paragraphs=paragraphs, kind="post")], standfirst="")
    return clean_document(single)


def _nothing_left(doc: Document) -> str:
    paragraphs = [p for b in doc.blocks for p in ([b.headline] if b.headline else []) + b.paragraphs]
    first = " ".join(paragraphs[0].split())[:60] if paragraphs else ""
    return (f"nothing left after cleaning: all {len(paragraphs)} paragraph(s) matched publisher boilerplate "
            f"(first: {first!r}); not stored")


def _language_view(clean: CleanDocument) -> CleanDocument:
    """The document as the language and event stages see it: a "sentence" of megabytes (a file with no
    line breaks or stops) is cut to its first MAX_SENTENCE_CHARS, so the work per document stays
    proportional to its real sentences. The stored text and posts are the whole, uncut text."""
    if all(s.end - s.start <= MAX_SENTENCE_CHARS for s in clean.sentences):
        return clean
    posts = [replace(p, sentences=[
        s if s.end - s.start <= MAX_SENTENCE_CHARS
        else replace(s, text=s.text[:MAX_SENTENCE_CHARS], end=s.start + MAX_SENTENCE_CHARS)
        for s in p.sentences]) for p in clean.posts]
    return replace(clean, posts=posts)


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    published: dt.date | dt.datetime | None = None,
    source: str | None = None,
    on_done: Callable[[Outcome], None] | None = None,
    rebuild: bool = True,
) -> list[Outcome]:
    """Ingest files one transaction each; a bad file is reported and the rest go on."""
    outcomes = []
    for path in paths:
        try:
            docs = read_path(path, published=published, source=source)
            results = []
            empty: list[str] = []
            for doc in docs:
                sha = content_sha(doc)
                known = store.seen_snapshot(doc.doc_id, doc.title, doc.source, sha)
                if known is not None:  # the same snapshot again: nothing to do, and no parsing
                    results.append(IngestResult(known, "unchanged"))
                    continue
                try:
                    results.append(save_snapshot(store, doc, sha, file_name=path.name))
                except EmptyDocument as exc:  # said, never stored as "new" with nothing in it
                    empty.append(f"{doc.doc_id}: {exc}" if len(docs) > 1 else str(exc))
                    continue
            error = None
            if empty:
                error = f"{path}: {empty[0]}" + (f" (and {len(empty) - 1} more)" if len(empty) > 1 else "")
            outcome = Outcome(str(path), results, error)
        except (ReaderError, StoreBusy) as exc:
            outcome = Outcome(str(path), [], str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad input must not stop a batch
            outcome = Outcome(str(path), [], f"{path}: internal error while ingesting ({type(exc).__name__}: {exc})")
        outcomes.append(outcome)
        if on_done:
            on_done(outcome)
    if rebuild and (any(r.status != "unchanged" for o in outcomes for r in o.results) or store.events_stale()):
        rebuild_events(store, only_if_stale=True)
    return outcomes


def save_snapshot(store: Store, doc: Document, sha: str, file_name: str | None = None) -> IngestResult:
    """Clean, annotate (new and edited posts only) and store one snapshot."""
    from frontline import incremental
    from frontline.store import live

    stored_id = store.find_document(doc.doc_id, doc.title, doc.source)
    cache = live.load_post_cache(store, stored_id) if stored_id else {}
    done = incremental.process(doc, cache, doc_id=stored_id or doc.doc_id, annotate=annotate_document,
                               extract=extract_mentions, cleaner=clean_or_refuse, view=_language_view)
    result = store.save_document(done.clean, done.mentions, sha, file_name=file_name)
    live.save_post_cache(store, result.document_id, done.fresh)
    return result


def ingest_url(
    store: Store,
    url: str,
    *,
    published: dt.date | dt.datetime | None = None,
    source: str | None = None,
    client=None,
    rebuild: bool = True,
) -> Outcome:
    """Fetch a page or feed (conditionally: an unchanged page costs a 304) and ingest it like a file.

    A single-document page is stored under the URL asked for, whatever the page calls itself,
    so every snapshot of a live blog lands on the same document.
    """
    from frontline.readers import read_bytes
    from frontline.readers.fetch import fetch
    from frontline.store import live

    try:
        etag, modified = live.fetch_state(store, url)  # remembered only after a snapshot was stored
        got = fetch(url, etag=etag, last_modified=modified, client=client)
        if got.not_modified:
            live.remember_fetch(store, url, etag, modified, changed=False)
            return Outcome(url, [IngestResult(url, "unchanged")])
        docs = read_bytes(got.data or b"", url, published=published, source=source, where=url)
        if len(docs) == 1:
            docs[0].doc_id = url
            docs[0].url = docs[0].url or got.final_url
        results = []
        for doc in docs:
            sha = content_sha(doc)
            seen = store.seen_snapshot(doc.doc_id, doc.title, doc.source, sha)
            if seen is not None:
                results.append(IngestResult(seen, "unchanged"))
                continue
            results.append(save_snapshot(store, doc, sha, file_name=url))
        live.remember_fetch(store, url, got.etag, got.last_modified,
                            changed=any(r.status != "unchanged" for r in results))
        outcome = Outcome(url, results)
    except ReaderError as exc:
        outcome = Outcome(url, [], str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop a batch
        outcome = Outcome(url, [], f"{url}: internal error while ingesting ({type(exc).__name__}: {exc})")
    if rebuild and any(r.status != "unchanged" for r in outcome.results):
        rebuild_events(store)
    return outcome


def rebuild_events(store: Store, *, only_if_stale: bool = False) -> int:
    """Merge all mentions into events and replace the stored events; return how many there are.

    Events are written (and the stale mark cleared) in one transaction under the writer lock,
    from mentions whose generation is checked inside that lock: a process killed here leaves the
    old events and the mark, and two processes rebuilding at once both end with events from the
    newest mentions (never a stale merge over a newer one).
    With `only_if_stale`, nothing is done when another process has already rebuilt them.
    """
    from frontline.store import identity

    if only_if_stale and not store.events_stale():
        return store.count_events()
    # Merge outside the lock (it can take a while; other writers need not wait for it) ...
    generation = store.mentions_generation()
    events = merge_mentions(store.all_mentions())
    with store.write_transaction() as conn:
        if only_if_stale and not store.events_stale(conn):
            return store.count_events(conn)
        if store.mentions_generation(conn) != generation:
            # ... unless mentions changed meanwhile: then merge what is there now, inside the lock.
            events = merge_mentions(store.all_mentions(conn))
        identity.assign(store, events, conn=conn)  # stable ids, change records (same transaction)
        store.replace_events(events, conn)
        _test_pause()
    return len(events)


def ensure_events(store: Store, say: Callable[[str], None] | None = None) -> bool:
    """Rebuild events if an earlier run changed mentions and stopped before rebuilding them.

    Read commands call this first, so nobody reads events that disagree with the documents.
    Returns True when a rebuild was needed.
    """
    if not store.events_stale():
        return False
    if say:
        say("events are out of date (an earlier run stopped before rebuilding them); rebuilding them now")
    n = rebuild_events(store, only_if_stale=True)
    if say:
        say(f"rebuilt {n} events")
    return True


def _test_pause() -> None:
    """Test hook: with FRONTLINE_TEST_PAUSE_IN_REBUILD=PATH, create PATH and wait inside the rebuild
    transaction (events replaced, not yet committed), so a test can kill the process right there."""
    marker = os.environ.get("FRONTLINE_TEST_PAUSE_IN_REBUILD")
    if marker:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(float(os.environ.get("FRONTLINE_TEST_PAUSE_SECONDS", "60")))
