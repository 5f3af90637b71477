"""Peak memory of one ingest of many documents: does memory stay flat as the batch grows?

    python bench/peak_rss.py ../shared/data/guardian-2022 [--docs 10000] [--workers 1]

Writes `--docs` small text files (a title and two paragraphs of the corpus each, cycled), ingests
them with one `ingest_files` call into a temporary SQLite database (events merged once at the end,
as the CLI does), and prints the peak resident set size of this process (and of the worker
processes, if any). The last line is `peak_rss_mb=N`.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from frontline.ingest import FileSpec, ingest_files
from frontline.store import Store
from linearity import corpus_paragraphs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path, nargs="?", default=Path("../shared/data/guardian-2022"))
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"peak_rss: {args.folder} not found (the Guardian corpus lives in ../shared/data)")
    paras = corpus_paragraphs(args.folder)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        specs = []
        for i in range(args.docs):
            body = "\n\n".join(paras[(2 * i + k) % len(paras)] for k in range(2))
            path = root / f"doc-{i:05d}.txt"
            path.write_text(f"Synthetic report {i}\n\n{body}\n", encoding="utf-8")
            specs.append(FileSpec(path))
        store = Store(str(root / "bench.db"))
        t = time.perf_counter()
        outcomes = ingest_files(store, specs, workers=args.workers)
        secs = time.perf_counter() - t
        events = store.stats()["events"]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    failed = sum(1 for o in outcomes if o.error)
    print(f"{args.docs} documents ({failed} failed), {events} events, {secs:.0f}s with {args.workers} worker(s)")
    print(f"peak RSS: this process {own:.0f} MB, largest worker {kids:.0f} MB")
    print(f"peak_rss_mb={max(own, kids):.0f}")


if __name__ == "__main__":
    main()
