"""The whole pipeline for one input: read -> clean -> language -> event mentions -> store.

Events (the merge of all mentions) are rebuilt once after a batch, not per document, and
keep their ids across snapshots (`store.identity`). A newer snapshot of a stored document
re-does the language work only for its new and edited posts (`incremental`). Inputs are
files or http(s) URLs (`readers.fetch`); a URL is the document's identity across snapshots.
Parsing and extraction can run on a pool of processes or a Dask cluster; reading, storing and
merging stay in the calling process (one writer).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from frontline.cleaning import clean_document
from frontline.events import extract_mentions
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


@dataclass
class FileSpec:
    """One input file and the publication date and publisher to read it with."""

    path: Path
    published: dt.date | dt.datetime | None = None
    source: str | None = None


@dataclass
class _Job:
    """A document read in the writer, waiting for (or back from) a worker."""

    spec_index: int
    doc: Document
    sha: str
    result: tuple[CleanDocument, list[EventMention]] | None = None
    error: str | None = None
    cpu: float = 0.0  # CPU seconds the worker spent on it
    check_seen: bool = False  # ask the store whether it is a snapshot seen before when its turn comes
    clean: CleanDocument | None = None  # cleaned already (by `_parsed_ahead`)


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    published: dt.date | dt.datetime | None = None,
    source: str | None = None,
    on_done: Callable[[Outcome], None] | None = None,
    rebuild: bool = True,
    workers: int = 1,
    cluster: str | None = None,
) -> list[Outcome]:
    """Ingest files one transaction each; a bad file is reported and the rest go on."""
    specs = [FileSpec(Path(p), published, source) for p in paths]
    return ingest_files(store, specs, on_done=on_done, rebuild=rebuild, workers=workers, cluster=cluster)


@dataclass
class Timings:
    """Where an ingest's wall-clock time went in this process (the writer), in seconds."""

    parse_here: float = 0.0  # documents this process parsed itself
    waiting: float = 0.0  # waiting for workers' results
    store: float = 0.0
    merge: float = 0.0
    # how the documents were shared: how many, and the CPU seconds they took, here and elsewhere
    docs_here: int = 0
    docs_away: int = 0
    cpu_here: float = 0.0
    cpu_away: float = 0.0


def ingest_files(
    store: Store,
    specs: list[FileSpec],
    *,
    on_done: Callable[[Outcome], None] | None = None,
    rebuild: bool = True,
    workers: int = 1,
    cluster: str | None = None,
    timings: Timings | None = None,
) -> list[Outcome]:
    """Read each file here, parse and extract its new documents on `workers` processes (or on the
    Dask cluster at `cluster`), and store them here, one writer, in input order; then rebuild
    the events once. Workers get a Document and return plain dataclasses, so the result does not
    depend on how many there are or which document finished first."""
    times = timings if timings is not None else Timings()
    with _settled_heap():
        if workers <= 1 and not cluster:
            outcomes = _ingest(store, specs, None, 1, on_done, times)  # here, reusing stored posts' mentions
        else:
            with _mapper(workers, cluster, times) as run:
                outcomes = _ingest(store, specs, run, max(1, workers) * 4, on_done, times)
        if rebuild and (any(r.status != "unchanged" for o in outcomes for r in o.results) or store.events_stale()):
            started = time.perf_counter()
            rebuild_events(store, only_if_stale=True)
            times.merge += time.perf_counter() - started
    return outcomes


# During an ingest the collector runs after this many new container objects, not after 700:
# parsing and extraction make and drop objects by the million, nearly all freed at once by their
# reference counts, and the default made it pass over the survivors (caches of names, places,
# parsed sentences) 814 times, 0.6 s of CPU on the Guardian corpus (18 times, 0.15 s, with this).
# The objects waiting for a pass are a few megabytes at most.
INGEST_GC_THRESHOLD = 20_000


@contextmanager
def _settled_heap() -> Iterator[None]:
    """Objects alive before an ingest (a loaded spaCy model, actor catalogue and gazetteer: hundreds of
    thousands) are left out of the cyclic garbage collector's full passes during it, which would
    scan them all again each time; they are handed back to it afterwards. Only when nothing is
    frozen yet (the API freezes its start-up state for good). The collector runs less often
    meanwhile (INGEST_GC_THRESHOLD). Inside one already (the rebuild at the end of an ingest), nothing
    more is done: `gc.get_freeze_count` walks every frozen object (~50 ms after a live blog's ingest)."""
    global _settling
    if _settling:
        _settling += 1
        try:
            yield
        finally:
            _settling -= 1
        return
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], INGEST_GC_THRESHOLD), *thresholds[1:])
    frozen = not gc.get_freeze_count()
    if frozen:
        gc.freeze()
    _settling += 1
    try:
        yield
    finally:
        _settling -= 1
        if frozen:
            gc.unfreeze()
        gc.set_threshold(*thresholds)


_settling = 0  # how deep in `_settled_heap` this process is


def _ingest(store: Store, specs: list[FileSpec], run, window: int,
            on_done: Callable[[Outcome], None] | None, times: Timings) -> list[Outcome]:
    results: list[list[IngestResult]] = [[] for _ in specs]
    errors: list[str | None] = [None] * len(specs)
    pending: list[int] = [0] * len(specs)  # documents of each file still to store
    read_done = [False] * len(specs)
    outcomes: list[Outcome] = []
    next_report = 0

    def report_ready() -> None:
        nonlocal next_report
        while next_report < len(specs) and pending[next_report] == 0 and read_done[next_report]:
            i = next_report
            outcome = Outcome(str(specs[i].path), [] if errors[i] else results[i], errors[i])
            outcomes.append(outcome)
            if on_done:
                on_done(outcome)
            next_report += 1

    def jobs(defer_seen: bool) -> Iterable[_Job]:
        for i, spec in enumerate(specs):
            try:
                docs = read_path(spec.path, published=spec.published, source=spec.source)
            except ReaderError as exc:
                errors[i] = str(exc)
                docs = []
            except Exception as exc:  # noqa: BLE001 - one bad input must not stop a batch
                errors[i] = _internal(spec.path, exc)
                docs = []
            todo = []
            for doc in docs:
                sha = content_sha(doc)
                if defer_seen:  # asked when its turn comes, after the documents before it are stored
                    todo.append(_Job(i, doc, sha, check_seen=True))
                    continue
                known = store.seen_snapshot(doc.doc_id, doc.title, doc.source, sha)
                if known is not None:  # the same snapshot again: nothing to do, and no parsing
                    results[i].append(IngestResult(known, "unchanged"))
                    continue
                todo.append(_Job(i, doc, sha))
            pending[i] = len(todo)
            read_done[i] = True  # so the file is reported as soon as its last document is stored
            if not todo:
                report_ready()
            yield from todo

    for job in (run(jobs(False), window) if run is not None else _parsed_ahead(store, jobs(True))):
        i = job.spec_index
        pending[i] -= 1
        if job.error is not None:
            errors[i] = errors[i] or f"{specs[i].path}: {job.error}"
        elif errors[i] is None:
            try:
                known = None
                if job.check_seen:
                    known = store.seen_snapshot(job.doc.doc_id, job.doc.title, job.doc.source, job.sha)
                if known is not None:  # the same snapshot again: nothing to do, and no parsing
                    results[i].append(IngestResult(known, "unchanged"))
                elif job.result is None:  # no worker: the incremental path, which reads the store
                    results[i].append(save_snapshot(store, job.doc, job.sha, file_name=specs[i].path.name,
                                                    clean=job.clean))
                    job.clean = None
                else:
                    clean, mentions = job.result
                    started = time.perf_counter()
                    results[i].append(store.save_document(clean, mentions, job.sha,
                                                          file_name=specs[i].path.name))
                    times.store += time.perf_counter() - started
            except EmptyDocument as exc:  # said, never stored as "new" with nothing in it
                errors[i] = f"{specs[i].path}: {exc}"
            except StoreBusy as exc:
                errors[i] = str(exc)
            except Exception as exc:  # noqa: BLE001
                errors[i] = _internal(specs[i].path, exc)
        report_ready()
    report_ready()
    return outcomes


# Sentences parsed ahead in one batch by the single-process ingest: spaCy parses a corpus of short
# articles 7% faster in batches of BATCH_SIZE across documents than one article (30 sentences on
# average) at a time. Well under nlp.DOC_CACHE, which keeps them until their document's turn.
PARSE_AHEAD_SENTENCES = 1024
PARSE_AHEAD_DOCUMENTS = 64


def _parsed_ahead(store: Store, jobs: Iterable[_Job]) -> Iterator[_Job]:
    """The jobs in their order, with the sentences of the next new documents parsed in one batch
    before the first of them is handed on (`nlp.parse` keeps the parses for their turn).

    Only documents that will be parsed whole are parsed ahead: not yet in the store, and no
    earlier document of this batch is the same one (a later snapshot of a stored document parses
    only its new and edited posts when its turn comes). A document parsed ahead is cleaned here
    once; one that cannot be cleaned is left to fail in its turn. Parses do not depend on the batch
    they are in, so nothing else changes."""
    from frontline.language.nlp import parse

    pending = iter(jobs)
    buffer: deque[_Job] = deque()
    seen_ids: set[str] = set()
    seen_titles: set[tuple[str, str]] = set()
    while True:
        if not buffer:
            texts: list[str] = []
            while len(texts) < PARSE_AHEAD_SENTENCES and len(buffer) < PARSE_AHEAD_DOCUMENTS:
                job = next(pending, None)
                if job is None:
                    break
                buffer.append(job)
                texts.extend(_ahead(store, job, seen_ids, seen_titles, PARSE_AHEAD_SENTENCES))
            if not buffer:
                return
            if texts:
                parse(texts)
        yield buffer.popleft()


def _ahead(store: Store, job: _Job, seen_ids: set[str], seen_titles: set[tuple[str, str]],
           most: int) -> list[str]:
    """The sentences to parse ahead for one job (cleaning it), or none."""
    doc = job.doc
    title = (doc.title, doc.source) if doc.source else None
    fresh = doc.doc_id not in seen_ids and (title is None or title not in seen_titles)
    seen_ids.add(doc.doc_id)
    if title is not None:
        seen_titles.add(title)
    if not fresh or store.find_document(doc.doc_id, doc.title, doc.source) is not None:
        return []
    try:
        clean = clean_or_refuse(doc)
    except Exception:  # noqa: BLE001 - reported in its turn, by the same call
        return []
    sentences = _language_view(clean).sentences
    if len(sentences) > most:
        return []  # a long document is one batch of its own anyway; keep the cache for the others
    job.clean = clean
    return [s.text[:MAX_SENTENCE_CHARS] for s in sentences]


def _internal(path: Path, exc: BaseException) -> str:
    return f"{path}: internal error while ingesting ({type(exc).__name__}: {exc})"


def work(job: _Job) -> _Job:
    """What a worker does with one document: clean, annotate, extract (no I/O)."""
    started = time.process_time()
    try:
        job.result = process(job.doc)
    except EmptyDocument as exc:
        job.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - reported against its file by the writer
        job.error = f"internal error while ingesting ({type(exc).__name__}: {exc})"
    job.doc = None  # type: ignore[assignment] - the cleaned document carries it back
    job.cpu = time.process_time() - started
    return job


@contextmanager
def _mapper(workers: int, cluster: str | None, times: Timings):
    """A function (jobs, window) -> finished jobs in input order, at most `window` in flight."""
    if cluster:
        from distributed import Client

        with Client(cluster) as client:
            def on_dask(jobs: Iterable[_Job], window: int) -> Iterator[_Job]:
                window = max(window, 2 * sum(client.nthreads().values()))
                return _ordered(lambda j: client.submit(work, j, pure=False), lambda f: f.result(), jobs, window)
            yield on_dask
        return
    if workers <= 1:
        yield lambda jobs, _window: map(work, jobs)
        return
    import multiprocessing as mp

    # forkserver, not fork: the writer may have threads (a web server, a Dask client) that a
    # forked child would inherit mid-lock. Each worker imports frontline and loads the model once
    # (the actor catalogue comes from the disk cache); no preload in the fork server, which would
    # keep this process waiting about a second for those imports at the first submit. This process
    # is one of the `workers`: it parses whenever the oldest result is not back yet, so it works
    # while the pool starts and between its writes.
    ctx = mp.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=ctx, initializer=warm_up) as pool:
        yield lambda jobs, window: _shared(lambda j: pool.submit(work, j), jobs, window, times)


def _ordered(submit, result, jobs: Iterable[_Job], window: int) -> Iterator[_Job]:
    """Submit up to `window` jobs ahead and hand back results in submission order (a bounded queue:
    memory stays flat however many files there are)."""
    queue: deque = deque()
    for job in jobs:
        queue.append(submit(job))
        if len(queue) >= window:
            yield result(queue.popleft())
    while queue:
        yield result(queue.popleft())


def _shared(submit, jobs: Iterable[_Job], window: int, times: Timings,
            here: Callable[[_Job], _Job] = work) -> Iterator[_Job]:
    """Like `_ordered` over a local pool, with this process as one more worker: while the oldest job
    is not back, it does the next one itself instead of waiting, and once every document is read it
    takes back jobs the pool has not started (the last of them first), so the pool's queue does not
    leave it idle at the end. Jobs keep the order they were read in, whoever did them, so results
    are stored in input order as before; at most `window` are with the pool and at most 4 x
    `window` held here, so memory stays flat."""
    queue: deque = deque()  # Futures of the pool's jobs and jobs done here, in input order
    sent: dict = {}  # Future -> its job, to take back one the pool has not started
    pending = iter(jobs)
    in_pool = 0
    more = True

    def take() -> _Job | None:
        nonlocal more
        job = next(pending, None) if more else None
        more = job is not None
        return job

    def do_here(job: _Job) -> _Job:
        started = time.perf_counter()
        done = here(job)
        times.parse_here += time.perf_counter() - started
        times.docs_here += 1
        times.cpu_here += done.cpu
        return done

    def take_back() -> bool:
        nonlocal in_pool
        for i in range(len(queue) - 1, 0, -1):
            item = queue[i]
            if not isinstance(item, _Job) and item.cancel():
                in_pool -= 1
                queue[i] = do_here(sent.pop(item))
                return True
        return False

    while True:
        while more and in_pool < window:
            job = take()
            if job is not None:
                future = submit(job)
                sent[future] = job
                queue.append(future)
                in_pool += 1
        if not queue:
            return
        head = queue[0]
        if isinstance(head, _Job):
            yield queue.popleft()
            continue
        if not head.done():
            if more and len(queue) < 4 * window:  # results held here stay bounded too
                job = take()
                if job is not None:
                    queue.append(do_here(job))
                    continue
            elif not more and take_back():
                continue
        started = time.perf_counter()
        done = queue.popleft().result()
        times.waiting += time.perf_counter() - started
        del sent[head]
        in_pool -= 1
        times.docs_away += 1
        times.cpu_away += done.cpu
        yield done


def warm_up() -> None:
    """Load what every document needs (spaCy model, actor catalogue, gazetteer, the compiled trigger
    rules and their prefilter) now, once."""
    from frontline.events.triggers import find_triggers
    from frontline.language.actors import get_catalogue
    from frontline.language.gazetteer import get_gazetteer
    from frontline.language.nlp import get_nlp

    get_nlp()
    get_catalogue()
    get_gazetteer()
    find_triggers("")


def save_snapshot(store: Store, doc: Document, sha: str, file_name: str | None = None,
                  clean: CleanDocument | None = None) -> IngestResult:
    """Clean (unless `clean` is the document cleaned already), annotate (new and edited posts only)
    and store one snapshot."""
    from frontline import incremental
    from frontline.store import live

    stored_id = store.find_document(doc.doc_id, doc.title, doc.source)
    cache = live.load_post_cache(store, stored_id) if stored_id else {}
    cleaner = clean_or_refuse if clean is None else (lambda _doc: clean)
    done = incremental.process(doc, cache, doc_id=stored_id or doc.doc_id, annotate=annotate_document,
                               extract=extract_mentions, cleaner=cleaner, view=_language_view)
    return store.save_document(done.clean, done.mentions, sha, file_name=file_name,
                               also=lambda conn, doc_id: live.write_post_cache(conn, doc_id, done.fresh))


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


def rebuild_events(store: Store, *, only_if_stale: bool = False, full: bool = False) -> int:
    """Merge the changed documents' mentions into the stored events; return how many events there are.

    Only documents whose mentions changed are clustered again, and only the merge groups their
    stories touch are linked again (`store.merging`): the result is the one a full merge of all
    mentions gives (`full=True` does that, as after a change of merge rules).
    Events are written (and the stale mark cleared) in one transaction under the writer lock,
    from a merge whose inputs are checked inside that lock: a process killed here leaves the
    old events and the mark, and two processes rebuilding at once both end with events from the
    newest mentions (never a stale merge over a newer one).
    With `only_if_stale`, nothing is done when another process has already rebuilt them.
    The collector is settled meanwhile (`_settled_heap`), as during an ingest: `frontline ingest`
    rebuilds after its documents are stored, with the model, the actor catalogue and the gazetteer
    alive, and a merge into a large database makes and keeps more objects (rows read, stored
    mentions parsed) than one into a small one, so it crossed the collector's thresholds more often
    and passed over all of those again: in `bench/incremental_merge.py`'s pairs the large side's
    commits and reading of neighbours took 0.7-0.8 and 3.4-3.5 ms more than the small side's, and
    0.0 and 2.5-2.6 ms more settled (medians of 41 pairs). The same events either way.
    """
    with _settled_heap():
        return _rebuild_events(store, only_if_stale=only_if_stale, full=full)


def _rebuild_events(store: Store, *, only_if_stale: bool, full: bool) -> int:
    from frontline.store import merging

    if only_if_stale and not full and not store.events_stale():
        return store.count_events()
    # Merge outside the lock (it can take a while; other writers need not wait for it) ...
    plan = prepare_merge(store, full=full)
    with store.write_transaction() as conn:
        if only_if_stale and not full and not store.events_stale(conn):
            return store.count_events(conn)
        if not merging.current(store, plan, conn):
            # ... unless mentions or events changed meanwhile: then merge what is there now, inside the lock.
            plan = prepare_merge(store, conn, full=full)
        merging.apply(store, plan, conn)
        n = plan.events_count if plan.events_count is not None else store.count_events(conn)
        _test_pause()
    return n


def prepare_merge(store: Store, conn=None, *, full: bool = False):
    """What a rebuild will write (`store.merging.prepare`); a name tests can wrap."""
    from frontline.store import merging

    return merging.prepare(store, conn, full=full)


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
