"""Ingest speed on the Guardian 2022 corpus: frontline against spaCy alone, and 2 workers against 1.

    python bench/ingest_speed.py ../shared/data/guardian-2022 [--skip-workers] [--rounds N]

From one run, side by side on this machine:
- the stages without a database: read+clean, spaCy's parse alone of the cleaned sentences (the NLP
  floor), the language layer and extraction, the merge;
- `frontline ingest` as the command does it (read, clean, annotate, extract, store in SQLite, merge)
  with 1 worker and with 2 (`--workers 2`: a process pool, one writer).
Words are whitespace-separated words of the cleaned sentences. The last two lines are
`ingest_vs_spacy=R` (1-worker ingest words/s over spaCy-only words/s, both in CPU time of the
process doing the work, which other users of a shared machine distort less than wall time; the
goal is >= 0.8) and
`workers2_vs_1=R` (the wall-clock speed-up of 2 workers; >= 1.6 on two idle cores).

spaCy alone is the stock pipeline as `spacy.load` gives it (without frontline's quicker attribute
ruler and lemmatizer), run on every cleaned sentence (`nlp.pipe`, no cache of parses). It and the
two ingests are timed in `--rounds` rounds (default 2), side by side, and each figure is the best
of its rounds: the one least slowed by other users of the machine, the same rule for all three.
Each ingest runs in a fresh process (warmed up: model, gazetteer, actor catalogue; nothing of
this process's earlier passes cached), as `frontline ingest` would. The 2-worker line says where
the writer's wall time went: documents it parsed itself, waiting for the pool, storing, merging.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from frontline.cleaning import clean_document
from frontline.cli import _index_dates
from frontline.events import extract_mentions, merge_mentions
from frontline.ingest import FileSpec, Timings, ingest_files, warm_up
from frontline.language import annotate_document
from frontline.language.nlp import BATCH_SIZE, MODEL
from frontline.readers import ReaderError, read_path
from frontline.store import Store


def specs_for(folder: Path) -> list[FileSpec]:
    files = sorted(f for f in folder.glob("*.txt") if f.name != "SOURCE.txt")
    index = _index_dates(files)
    out = []
    for f in files:
        day, source = index.get(f, (None, None))
        published = None
        if day:
            import datetime as dt

            try:
                published = dt.datetime.fromisoformat(day.replace("Z", "+00:00"))
            except ValueError:
                published = None
        out.append(FileSpec(f, published, source))
    return out


def timed_ingest(folder: Path, workers: int) -> dict:
    """Wall and CPU seconds (CPU of the writer process) of one ingest, run in a fresh process."""
    out = subprocess.run([sys.executable, __file__, str(folder), "--timed-ingest", str(workers)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _timed_ingest_here(folder: Path, workers: int) -> None:
    specs = specs_for(folder)
    warm_up()  # model, gazetteer, actor catalogue: once per process, not per document
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        times = Timings()
        t, c = time.perf_counter(), time.process_time()
        outcomes = ingest_files(store, specs, workers=workers, timings=times)
        secs, cpu = time.perf_counter() - t, time.process_time() - c
        store.engine.dispose()
    failed = sum(1 for o in outcomes if o.error)
    print(json.dumps({"wall": secs, "cpu": cpu, "failed": failed, "load": os.getloadavg()[0],
                      "parse_here": times.parse_here, "waiting": times.waiting, "store": times.store,
                      "merge": times.merge, "docs_here": times.docs_here, "docs_away": times.docs_away,
                      "cpu_here": times.cpu_here, "cpu_away": times.cpu_away}))


def spacy_only(nlp, sentences: list[str]) -> float:
    """CPU seconds of the stock spaCy pipeline over every sentence."""
    c = time.process_time()
    for _doc in nlp.pipe(sentences, batch_size=BATCH_SIZE):
        pass
    return time.process_time() - c


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path, nargs="?", default=Path("../shared/data/guardian-2022"))
    ap.add_argument("--skip-workers", action="store_true", help="only the single-process figures")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of the timed runs; the best of each is kept")
    ap.add_argument("--timed-ingest", type=int, metavar="WORKERS", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"ingest_speed: {args.folder} not found (the Guardian corpus lives in ../shared/data)")
    if args.timed_ingest:
        _timed_ingest_here(args.folder, args.timed_ingest)
        return
    specs = specs_for(args.folder)
    warm_up()  # model, gazetteer, actor catalogue: once per process, not per document

    t0 = time.perf_counter()
    cleaned = []
    for spec in specs:
        try:
            for doc in read_path(spec.path, published=spec.published, source=spec.source):
                cleaned.append(clean_document(doc))
        except ReaderError as exc:
            print(f"skipped: {exc}")
    t1 = time.perf_counter()
    sentences = [s.text for c in cleaned for s in c.sentences]
    words = sum(len(s.split()) for s in sentences)
    stock = spacy.load(MODEL)  # spaCy alone: the pipeline as spaCy loads it, none of frontline's changes
    t2 = time.perf_counter()
    mentions = []
    for c in cleaned:
        mentions.extend(extract_mentions(c, annotate_document(c)))
    t3 = time.perf_counter()
    events = merge_mentions(mentions)
    t4 = time.perf_counter()
    print(f"read+clean: {len(cleaned)} docs, {len(sentences)} sentences, {words} words in {t1 - t0:.2f}s")
    print(f"language+events (parse included): {words / (t3 - t2):,.0f} words/s ({len(mentions)} mentions)")
    print(f"merge: {len(events)} events in {t4 - t3:.2f}s")
    total = (t1 - t0) + (t3 - t2) + (t4 - t3)
    print(f"pipeline without database: {words / total:,.0f} words/s")

    # Rounds of (spaCy alone, 1-worker ingest, 2-worker ingest), side by side; each figure is the
    # best of its rounds (the least disturbed by other users of the machine), the same for all.
    floors, ones, twos = [], [], []
    for _ in range(args.rounds):
        floors.append(spacy_only(stock, sentences))
        ones.append(timed_ingest(args.folder, 1))
        if not args.skip_workers:
            twos.append(timed_ingest(args.folder, 2))
    if ones[0]["failed"]:
        print(f"  ({ones[0]['failed']} files failed to ingest)")
    spacy_wps = words / min(floors)
    print(f"spaCy parse only: {spacy_wps:,.0f} words/s CPU (rounds: "
          f"{', '.join(f'{words / f:,.0f}' for f in floors)})")
    one = min(ones, key=lambda r: r["cpu"])
    rounds_one = ", ".join(f"{r['cpu']:.1f}s CPU at load {r['load']:.1f}" for r in ones)
    print(f"frontline ingest, 1 worker: {one['wall']:.1f}s wall, {one['cpu']:.1f}s CPU, "
          f"{words / one['cpu']:,.0f} words/s CPU ({words / one['wall']:,.0f} wall; merge {one['merge']:.1f}s; "
          f"rounds: {rounds_one})")
    print(f"ingest guardian-2022: words_per_second={words / one['wall']:,.0f} docs={len(cleaned)}")
    if twos:
        two = min(twos, key=lambda r: r["wall"])
        walls_one = [r["wall"] for r in ones]
        one_wall = min(walls_one)
        rounds_two = ", ".join(f"{r['wall']:.1f}s at load {r['load']:.1f}" for r in twos)
        print(f"frontline ingest --workers 2: {two['wall']:.1f}s wall, {words / two['wall']:,.0f} words/s "
              f"({os.cpu_count()} CPUs; rounds: "
              f"{rounds_two}; 1 worker: {', '.join(f'{r:.1f}s' for r in walls_one)})")
        print(f"--workers 2, the writer's {two['wall']:.1f}s: parsed documents itself {two['parse_here']:.1f}s, "
              f"waited for the pool {two['waiting']:.1f}s, stored {two['store']:.1f}s, "
              f"merged {two['merge']:.1f}s, other (start-up, reading) "
              f"{two['wall'] - two['parse_here'] - two['waiting'] - two['store'] - two['merge']:.1f}s; "
              f"documents parsed by the writer {two['docs_here']} ({two['cpu_here']:.1f}s CPU), "
              f"by the pool {two['docs_away']} ({two['cpu_away']:.1f}s CPU)")
    print(f"ingest_vs_spacy={(words / one['cpu']) / spacy_wps:.2f}")
    if twos:
        print(f"workers2_vs_1={one_wall / two['wall']:.2f}")


if __name__ == "__main__":
    main()
