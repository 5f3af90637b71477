"""Where the extra time of one more document into 10,000 goes: `bench/incremental_merge.py`'s pairs,
split by stage.

    python bench/incremental_split.py ../shared/data/guardian-2022 [--documents 10000] [--repeats 15]

Builds the same 10,000 synthetic documents as `bench/incremental_merge.py` (its functions), then
stores and merges one more document into that database and into an empty one, in interleaved
pairs, each through a newly opened database, and prints per side the median time of: the whole
step, SQLAlchemy compiling statements (a new process compiles every statement once), the commits
(SQLite's WAL writes and fsyncs), reading and trying the neighbouring stored rows
(`merging._touched`), naming events (`identity.assign`), writing the events
(`merging._write_events`) and storing the document (`save_document`). The stages are timed by
wrapping those functions (a few microseconds each), so the figures are for explaining the ratio,
not for replacing it.
"""

from __future__ import annotations

import argparse
import collections
import copy
import functools
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import default
from sqlalchemy.sql import elements

sys.path.insert(0, str(Path(__file__).parent))
import incremental_merge as im  # noqa: E402
from frontline.ingest import rebuild_events  # noqa: E402
from frontline.store import Store, identity, merging  # noqa: E402

SPENT: collections.Counter = collections.Counter()
STAGES = {"compile statements": (elements.ClauseElement, "_compiler"),
          "commits": (default.DefaultDialect, "do_commit"),
          "read and try neighbours": (merging, "_touched"),
          "name events": (identity, "assign"),
          "write events": (merging, "_write_events"),
          "store the document": (Store, "save_document")}


def _timed(owner, name: str, label: str) -> None:
    inner = getattr(owner, name)

    @functools.wraps(inner)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - start

    setattr(owner, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=15)
    args = ap.parse_args()
    synth = im.Synthesiser(im.source_templates(args.corpus))
    for label, (owner, name) in STAGES.items():
        _timed(owner, name, label)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        big_path = tmp / "big.db"
        big = Store(str(big_path))
        im.bulk_store(big, [synth.document(i) for i in range(args.documents)])
        rebuild_events(big)
        big.engine.dispose()
        im.settle(big_path)
        im.one_more(Store(str(tmp / "warm.db")), synth.document(80_000))
        im.one_more(im.reopened(big_path), synth.document(80_001))
        seen: dict[str, dict[str, list[float]]] = {"big": collections.defaultdict(list),
                                                   "empty": collections.defaultdict(list)}
        for k in range(args.repeats):
            empty_path = tmp / f"empty-{k}.db"
            empty = Store(str(empty_path))
            rebuild_events(empty)
            empty.engine.dispose()
            doc = synth.document(70_000 + k)
            sides = [("big", big_path), ("empty", empty_path)]
            for side, path in (sides if k % 2 else sides[::-1]):
                store = im.reopened(path)
                SPENT.clear()
                seen[side]["whole step"].append(im.one_more(store, copy.deepcopy(doc)))
                store.engine.dispose()
                for label in STAGES:
                    seen[side][label].append(SPENT[label])
    print(f"medians of {args.repeats} pairs, ms        into {args.documents}   into empty   extra")
    for label in ["whole step", *STAGES]:
        b, e = statistics.median(seen["big"][label]) * 1000, statistics.median(seen["empty"][label]) * 1000
        print(f"{label:32} {b:12.1f} {e:12.1f} {b - e:7.1f}")
    paired = statistics.median(x / y for x, y in zip(seen["big"]["whole step"], seen["empty"]["whole step"],
                                                     strict=True))
    print(f"paired ratio (median) {paired:.2f}")


if __name__ == "__main__":
    main()
