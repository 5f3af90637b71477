"""The whole pipeline for one input: read -> clean -> language -> event mentions -> store.

Events (the merge of all mentions) are rebuilt once after a batch, not per document. Parsing and
extraction can run on a pool of processes or a Dask cluster; reading, storing and merging stay in
the calling process (one writer).
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
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


def ingest_files(
    store: Store,
    specs: list[FileSpec],
    *,
    on_done: Callable[[Outcome], None] | None = None,
    rebuild: bool = True,
    workers: int = 1,
    cluster: str | None = None,
) -> list[Outcome]:
    """Read each file here, parse and extract its new documents on `workers` processes (or on the
    Dask cluster at `cluster`), and store them here, one writer, in input order; then rebuild
    the events once. Workers get a Document and return plain dataclasses, so the result does not
    depend on how many there are or which document finished first."""
    with _mapper(workers, cluster) as run:
        outcomes = _ingest(store, specs, run, max(1, workers) * 2, on_done)
    if rebuild and any(r.status != "unchanged" for o in outcomes for r in o.results):
        rebuild_events(store)
    return outcomes


def _ingest(store: Store, specs: list[FileSpec], run, window: int,
            on_done: Callable[[Outcome], None] | None) -> list[Outcome]:
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

    def jobs() -> Iterable[_Job]:
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

    for job in run(jobs(), window):
        i = job.spec_index
        pending[i] -= 1
        if job.error is not None:
            errors[i] = errors[i] or f"{specs[i].path}: {job.error}"
        elif errors[i] is None:
            try:
                clean, mentions = job.result  # type: ignore[misc]
                results[i].append(store.save_document(clean, mentions, job.sha, file_name=specs[i].path.name))
            except Exception as exc:  # noqa: BLE001
                errors[i] = _internal(specs[i].path, exc)
        report_ready()
    report_ready()
    return outcomes


def _internal(path: Path, exc: BaseException) -> str:
    return f"{path}: internal error while ingesting ({type(exc).__name__}: {exc})"


def work(job: _Job) -> _Job:
    """What a worker does with one document: clean, annotate, extract (no I/O)."""
    try:
        job.result = process(job.doc)
    except Exception as exc:  # noqa: BLE001 - reported against its file by the writer
        job.error = f"internal error while ingesting ({type(exc).__name__}: {exc})"
    job.doc = None  # type: ignore[assignment] - the cleaned document carries it back
    return job


@contextmanager
def _mapper(workers: int, cluster: str | None):
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
    # forked child would inherit mid-lock. Each worker loads the model once (the actor catalogue
    # comes from the disk cache).
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["frontline.ingest"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=warm_up) as pool:
        yield lambda jobs, window: _ordered(lambda j: pool.submit(work, j), lambda f: f.result(), jobs, window)


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


def warm_up() -> None:
    """Load what every document needs (spaCy model, actor catalogue, gazetteer) now, once."""
    from frontline.language.actors import get_catalogue
    from frontline.language.gazetteer import get_gazetteer
    from frontline.language.nlp import get_nlp

    get_nlp()
    get_catalogue()
    get_gazetteer()


def rebuild_events(store: Store) -> int:
    """Merge every stored mention into events. The mentions come in a canonical order (see
    Store.all_mentions), so the events and their ids do not depend on ingest order or on how
    documents were split between workers."""
    events = merge_mentions(store.all_mentions())
    store.replace_events(events)
    return len(events)
