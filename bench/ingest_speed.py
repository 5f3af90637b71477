"""Ingest speed on the Guardian 2022 corpus: frontline against spaCy alone, and 2 workers against 1.

    python bench/ingest_speed.py ../shared/data/guardian-2022 [--skip-workers]

From one run, side by side on this machine:
- the stages without a database: read+clean, spaCy's parse alone of the cleaned sentences (the NLP
  floor), the language layer and extraction, the merge;
- `frontline ingest` as the command does it (read, clean, annotate, extract, store in SQLite, merge)
  with 1 worker and with 2 (`--workers 2`: a process pool, one writer).
Words are whitespace-separated words of the cleaned sentences. The last two lines are
`ingest_vs_spacy=R` (1-worker ingest words/s over spaCy-only words/s, both in CPU time of this
process, which other users of a shared machine do not distort; the goal is >= 0.8) and
`workers2_vs_1=R` (the wall-clock speed-up of 2 workers; >= 1.6 on two idle cores).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from frontline.cleaning import clean_document
from frontline.cli import _index_dates
from frontline.events import extract_mentions, merge_mentions
from frontline.ingest import FileSpec, ingest_files, warm_up
from frontline.language import annotate_document
from frontline.language.nlp import parse
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


def timed_ingest(specs: list[FileSpec], workers: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        t, c = time.perf_counter(), time.process_time()
        outcomes = ingest_files(store, specs, workers=workers)
        secs, cpu = time.perf_counter() - t, time.process_time() - c
        failed = sum(1 for o in outcomes if o.error)
        if failed:
            print(f"  ({failed} files failed to ingest)")
        store.engine.dispose()
    return secs, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path, nargs="?", default=Path("../shared/data/guardian-2022"))
    ap.add_argument("--skip-workers", action="store_true", help="only the single-process figures")
    args = ap.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"ingest_speed: {args.folder} not found (the Guardian corpus lives in ../shared/data)")
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
    c1 = time.process_time()
    parse(sentences)
    t2, c2 = time.perf_counter(), time.process_time()
    mentions = []
    for c in cleaned:
        mentions.extend(extract_mentions(c, annotate_document(c)))
    t3 = time.perf_counter()
    events = merge_mentions(mentions)
    t4 = time.perf_counter()
    spacy_wps = words / (c2 - c1)
    print(f"read+clean: {len(cleaned)} docs, {len(sentences)} sentences, {words} words in {t1 - t0:.2f}s")
    print(f"spaCy parse only: {spacy_wps:,.0f} words/s CPU ({words / (t2 - t1):,.0f} wall)")
    print(f"language+events (parse included): {words / (t3 - t2):,.0f} words/s ({len(mentions)} mentions)")
    print(f"merge: {len(events)} events in {t4 - t3:.2f}s")
    total = (t1 - t0) + (t3 - t2) + (t4 - t3)
    print(f"pipeline without database: {words / total:,.0f} words/s")

    one, one_cpu = timed_ingest(specs, 1)
    print(f"frontline ingest, 1 worker: {one:.1f}s wall, {one_cpu:.1f}s CPU, {words / one_cpu:,.0f} words/s CPU "
          f"({words / one:,.0f} wall)")
    print(f"ingest guardian-2022: words_per_second={words / one:,.0f} docs={len(cleaned)}")
    if not args.skip_workers:
        two, _cpu = timed_ingest(specs, 2)
        print(f"frontline ingest --workers 2: {two:.1f}s wall, {words / two:,.0f} words/s "
              f"({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end)")
    print(f"ingest_vs_spacy={(words / one_cpu) / spacy_wps:.2f}")
    if not args.skip_workers:
        print(f"workers2_vs_1={one / two:.2f}")


if __name__ == "__main__":
    main()
