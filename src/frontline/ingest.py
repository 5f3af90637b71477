"""The whole pipeline for one input: read -> clean -> language -> event mentions -> store.

Events (the merge of all mentions) are rebuilt once after a batch, not per document, and
keep their ids across snapshots (`store.identity`). A newer snapshot of a stored document
re-does the language work only for its new and edited posts (`incremental`). Inputs are
files or http(s) URLs (`readers.fetch`); a URL is the document's identity across snapshots.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from frontline.cleaning import clean_document
from frontline.events import extract_mentions, merge_mentions
from frontline.language import annotate_document
from frontline.models import CleanDocument, Document, EventMention
from frontline.readers import ReaderError, content_sha, read_path
from frontline.store import Store
from frontline.store.db import IngestResult


@dataclass
class Outcome:
    path: str
    results: list[IngestResult]
    error: str | None = None


def process(doc: Document) -> tuple[CleanDocument, list[EventMention]]:
    """Clean, annotate and extract event mentions from one document (no I/O)."""
    clean = clean_document(doc)
    annotations = annotate_document(clean)
    return clean, extract_mentions(clean, annotations)


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
            for doc in docs:
                sha = content_sha(doc)
                known = store.seen_snapshot(doc.doc_id, doc.title, doc.source, sha)
                if known is not None:  # the same snapshot again: nothing to do, and no parsing
                    results.append(IngestResult(known, "unchanged"))
                    continue
                results.append(save_snapshot(store, doc, sha, file_name=path.name))
            outcome = Outcome(str(path), results)
        except ReaderError as exc:
            outcome = Outcome(str(path), [], str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad input must not stop a batch
            outcome = Outcome(str(path), [], f"{path}: internal error while ingesting ({type(exc).__name__}: {exc})")
        outcomes.append(outcome)
        if on_done:
            on_done(outcome)
    if rebuild and any(r.status != "unchanged" for o in outcomes for r in o.results):
        rebuild_events(store)
    return outcomes


def save_snapshot(store: Store, doc: Document, sha: str, file_name: str | None = None) -> IngestResult:
    """Clean, annotate (new and edited posts only) and store one snapshot."""
    from frontline import incremental
    from frontline.store import live

    stored_id = store.find_document(doc.doc_id, doc.title, doc.source)
    cache = live.load_post_cache(store, stored_id) if stored_id else {}
    done = incremental.process(doc, cache, doc_id=stored_id or doc.doc_id, annotate=annotate_document,
                               extract=extract_mentions)
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


def rebuild_events(store: Store) -> int:
    """Merge all mentions into events, keep ids stable across snapshots, record what changed."""
    from frontline.store import identity

    events = merge_mentions(store.all_mentions())
    identity.assign(store, events)
    store.replace_events(events)
    return len(events)
