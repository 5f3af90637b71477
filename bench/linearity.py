"""Cost against input size: time per 100 kB at 100 kB, 1 MB and 5 MB of input.

    python bench/linearity.py ../shared/data/guardian-2022 [--sizes 100000,1000000,5000000] [--shapes "one line"]

Two shapes of input, each through read -> clean -> annotate -> extract (frontline.ingest.process,
no database):
- a live blog: one document whose posts are the paragraphs of the corpus, repeated to the size
  (so it also exercises near-duplicate linking and the per-post place context);
- a one-line file: the corpus words with no sentence end and no line break, read as a text file
  (a scraping accident: it used to take more than 15 minutes at 3 MB).
Prints one line per size and shape, then `linearity_ratio=R`: the worst ratio of the CPU time per
100 kB at any size to the CPU time per 100 kB at the smallest (1.0 is perfectly linear).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from frontline.cleaning import boilerplate
from frontline.ingest import process
from frontline.language.actors import get_catalogue
from frontline.language.nlp import get_nlp
from frontline.models import Block, Document
from frontline.readers import ReaderError, read_path


def corpus_paragraphs(folder: Path) -> list[str]:
    """The corpus's prose paragraphs (no boilerplate: one newsletter line inside a one-line
    file makes cleaning drop the whole line)."""
    paras: list[str] = []
    for f in sorted(folder.glob("*.txt")):
        try:
            for doc in read_path(f):
                for block in doc.blocks:
                    kept, _removed = boilerplate.strip_paragraphs(block.paragraphs)
                    paras.extend(p for p in kept if len(p) > 40 and not _furniture(p))
        except ReaderError:
            continue
    return paras


def _furniture(para: str) -> bool:
    pats = boilerplate.patterns()
    return any(p.search(para) for p in (*pats.appeal_strong, *pats.appeal_signal, *pats.drop_sentence,
                                         *pats.inline_cut)) or bool(pats.credit_lead and pats.credit_lead.search(para))


def live_blog(paras: list[str], size: int) -> Document:
    """Posts of three paragraphs each, cycling through the corpus until `size` characters."""
    blocks, total, i = [], 0, 0
    while total < size:
        body = [paras[(i + k) % len(paras)] for k in range(3)]
        blocks.append(Block(headline=f"Update {len(blocks) + 1}", paragraphs=body, kind="post"))
        total += sum(len(p) + 1 for p in body)
        i += 3
    return Document(doc_id=f"linearity-{size}", title="Linearity live", format="html", blocks=blocks)


def one_line(paras: list[str], size: int, folder: Path) -> Document:
    words: list[str] = []
    total, i = 0, 0
    while total < size:
        for w in paras[i % len(paras)].replace(".", "").replace("!", "").replace("?", "").split():
            words.append(w)
            total += len(w) + 1
        i += 1
    path = folder / f"one-line-{size}.txt"
    path.write_text("One line\n\n" + " ".join(words) + "\n", encoding="utf-8")  # a title, then the line
    return read_path(path)[0]


def timed(doc: Document) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds): the ratio uses CPU time, which other users of
    a shared machine do not distort."""
    t, c = time.perf_counter(), time.process_time()
    process(doc)
    return time.process_time() - c, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path, nargs="?", default=Path("../shared/data/guardian-2022"))
    ap.add_argument("--sizes", default="100000,1000000,5000000")
    ap.add_argument("--shapes", default="one line,live blog", help="comma-separated: one line, live blog")
    args = ap.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"linearity: {args.folder} not found (the Guardian corpus lives in ../shared/data)")
    sizes = [int(s) for s in args.sizes.split(",")]
    paras = corpus_paragraphs(args.folder)
    get_nlp()
    get_catalogue()  # start-up is not part of the per-size cost
    process(live_blog(paras, 20_000))  # warm caches (gazetteer, rules)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for shape in [x.strip() for x in args.shapes.split(",")]:
            base = None
            for size in sizes:
                doc = live_blog(paras, size) if shape == "live blog" else one_line(paras, size, Path(tmp))
                secs, wall = timed(doc)
                per = secs / (size / 100_000)
                base = base or per
                worst = max(worst, per / base)
                print(f"{shape} {size / 1e6:g} MB: {secs:.1f}s CPU ({wall:.1f}s wall), {per:.2f}s CPU per 100 kB, "
                      f"x{per / base:.2f}", flush=True)
    print(f"linearity_ratio={worst:.2f}")


if __name__ == "__main__":
    main()
