"""Pipeline speed on the Guardian 2022 corpus: words per second through each stage.

    python bench/ingest_speed.py ../shared/data/guardian-2022

Reads every file, cleans it, runs the spaCy pipeline alone (the NLP cost), then the whole
language layer and event extraction (no database). Prints one line per stage and, last,
`ingest guardian-2022: words_per_second=<n> docs=<n>` for the full pipeline.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from frontline.cleaning import clean_document
from frontline.events import extract_mentions, merge_mentions
from frontline.language import annotate_document
from frontline.language.nlp import get_nlp, parse
from frontline.readers import ReaderError, read_path


def main(folder: Path) -> None:
    if not folder.is_dir():
        sys.exit(f"ingest_speed: {folder} not found (the Guardian corpus lives in ../shared/data)")
    files = sorted(f for f in folder.glob("*.txt") if f.name != "SOURCE.txt")
    get_nlp()  # model load is a one-off per process, not per document
    from frontline.language import gazetteer, places  # noqa: F401 - warm the gazetteer too

    t0 = time.perf_counter()
    cleaned = []
    for f in files:
        try:
            for doc in read_path(f):
                cleaned.append(clean_document(doc))
        except ReaderError as exc:
            print(f"skipped: {exc}")
    t1 = time.perf_counter()
    sentences = [s.text for c in cleaned for s in c.sentences]
    words = sum(len(s.split()) for s in sentences)
    parse(sentences)
    t2 = time.perf_counter()
    mentions = []
    for c in cleaned:
        mentions.extend(extract_mentions(c, annotate_document(c)))
    t3 = time.perf_counter()
    events = merge_mentions(mentions)
    t4 = time.perf_counter()
    print(f"read+clean: {len(cleaned)} docs, {len(sentences)} sentences, {words} words in {t1 - t0:.2f}s")
    print(f"spaCy parse only: {words / (t2 - t1):,.0f} words/s")
    print(f"language+events: {words / (t3 - t2):,.0f} words/s ({len(mentions)} mentions)")
    print(f"merge: {len(events)} events in {t4 - t3:.2f}s")
    total = (t1 - t0) + (t3 - t2) + (t4 - t3)
    print(f"ingest guardian-2022: words_per_second={words / total:,.0f} docs={len(cleaned)}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/guardian-2022"))
