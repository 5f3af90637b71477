"""What the learned typer fires on across a whole corpus, not only on the gold documents.

    python bench/types_corpus.py ../shared/data/guardian-2022 [--per-label 3] [--seed 8]

Reads and cleans every document of the folder as ingest does, types every sentence with the
installed model ($FRONTLINE_TYPE_MODEL or the packaged one), and prints how many sentences
each label wins, how confident the model is, and a few sentences per label drawn with the
seed, for a human to read. (The gold documents are part of the corpus: their sentences were
seen in training, so this is a sanity check of behaviour, not an accuracy figure.)
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from frontline.cleaning import clean_document
from frontline.events import learned
from frontline.readers import ReaderError, read_path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--per-label", type=int, default=3)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    if not args.folder.is_dir():
        print(f"types_corpus: skipped, {args.folder} not found (the Guardian corpus lives in ../shared/data)")
        return 0
    if learned.type_scores("test") is None:
        print(f"types_corpus: no model at {learned.model_dir()}")
        return 1
    sentences: list[str] = []
    for f in sorted(p for p in args.folder.glob("*.txt") if p.name != "SOURCE.txt"):
        try:
            for doc in read_path(f):
                sentences.extend(s.text for post in clean_document(doc).posts if not post.off_topic
                                 for s in post.sentences)
        except ReaderError as exc:
            print(f"skipped: {exc}")
    start = time.perf_counter()
    won: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for text in sentences:
        label, p = learned.best_type(text)
        won[label].append((p, text))
    elapsed = time.perf_counter() - start
    print(f"{len(sentences)} sentences typed in {elapsed:.1f}s ({1000 * elapsed / max(len(sentences), 1):.2f} ms each)"
          f" by {learned.model_dir()}")
    rng = random.Random(args.seed)
    for label in learned.LABELS:
        items = won.get(label, [])
        if not items:
            print(f"\n{label}: 0")
            continue
        mean = sum(p for p, _ in items) / len(items)
        print(f"\n{label}: {len(items)} ({len(items) / len(sentences):.1%}), mean winning probability {mean:.2f}")
        for p, text in rng.sample(items, min(args.per_label, len(items))):
            print(f"   {p:.2f}  {' '.join(text.split())[:160]}")
    share = sum(len(v) for k, v in won.items() if k != learned.NONE) / max(len(sentences), 1)
    print(f"\ntypes_corpus: sentences={len(sentences)} typed_as_event={share:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
