"""Cost of following a live blog: a new snapshot with one new post vs the first ingest.

    python bench/live_update.py [../shared/data/guardian-2022] [--posts 200]

Builds a 200-post live blog (LiveBlogPosting JSON-LD, newest first) at run time from the
posts of real live blogs and articles in the given folder (default: ../shared/data/guardian-2022
and ../shared/seeds; nothing is copied into the repository), ingests it into a fresh SQLite
database, then ingests the next snapshot (one new post on top), each through the whole
pipeline (read, clean, language, events, merge, stable ids, store). With --uncached, also
the same update with the per-post cache emptied (what every snapshot cost before). The last
line is `live_update_ratio=R`: the update's CPU time over the first ingest's (the goal is
<= 0.05); CPU time, because wall time on a shared machine measures the neighbours too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete

from frontline.ingest import ingest_paths
from frontline.language.nlp import get_nlp
from frontline.sample_blog import corpus_posts, live_blog_page
from frontline.store import Store
from frontline.store import schema as t

HERE = Path(__file__).resolve().parents[1]
SHARED = HERE / ".." / "shared"
DCT = dt.datetime(2025, 6, 10, 12, 0, tzinfo=dt.UTC)


def real_posts(folders: list[Path], want: int) -> list[tuple[str, str]]:
    return corpus_posts(folders, want)


def page(posts: list[tuple[str, str]], stamps: list[dt.datetime]) -> str:
    return live_blog_page(posts, stamps, DCT, "War live: a long day of updates")


def timed_ingest(store: Store, path: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ingest; the CPU time is what a noisy shared machine does not blur."""
    w0, c0 = time.perf_counter(), time.process_time()
    [outcome] = ingest_paths(store, [path])
    if outcome.error:
        sys.exit(f"live_update: {outcome.error}")
    return time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--posts", type=int, default=200)
    ap.add_argument("--uncached", action="store_true", help="also time the update with the cache emptied")
    args = ap.parse_args()
    folders = [args.folder] if args.folder else [SHARED / "data" / "guardian-2022", SHARED / "seeds"]
    posts = real_posts(folders, args.posts + 1)
    if len(posts) < args.posts + 1:
        sys.exit(f"live_update: found {len(posts)} posts in {', '.join(map(str, folders))}; need {args.posts + 1}")
    new, posts = posts[0], posts[1:]
    stamps = [DCT - dt.timedelta(minutes=5 * i) for i in range(1, len(posts) + 1)]
    get_nlp()  # the model load is a one-off per process, not per snapshot
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store(str(folder / "bench.db"))
        path = folder / "live.html"
        path.write_text(page(posts, stamps), encoding="utf-8")
        first = timed_ingest(store, path)
        events1 = store.stats()["events"]
        path.write_text(page([new, *posts], [DCT, *stamps]), encoding="utf-8")
        update = timed_ingest(store, path)
        stats = store.stats()
        uncached = None
        if args.uncached:  # side by side: a third snapshot (one more post) with the cache emptied
            with store.engine.begin() as conn:
                conn.execute(delete(t.post_mentions))
            extra = (new[0] + " (correction)", new[1])
            path.write_text(page([extra, new, *posts], [DCT + dt.timedelta(minutes=1), DCT, *stamps]),
                            encoding="utf-8")
            uncached = timed_ingest(store, path)
    print(f"live blog: {len(posts)} posts, {stats['sentences']} sentences, {events1} events after the first "
          f"ingest, {stats['events']} after the update")
    print(f"first ingest: {first[0]:.2f}s wall, {first[1]:.2f}s CPU")
    print(f"update with one new post: {update[0]:.3f}s wall, {update[1]:.3f}s CPU "
          f"({update[0] / first[0]:.2%} of the first ingest's wall time, {update[1] / first[1]:.2%} of its CPU)")
    if uncached:
        print(f"the same update without the per-post cache: {uncached[0]:.2f}s wall, {uncached[1]:.2f}s CPU "
              f"({uncached[1] / first[1]:.1%} of the first ingest's CPU)")
    print(f"live_update_ratio={update[1] / first[1]:.4f}")


if __name__ == "__main__":
    main()
