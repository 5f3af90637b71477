"""One more document into 10,000 documents' worth of events, against into an empty database.

    python bench/incremental_merge.py ../shared/data/guardian-2022 [--documents 10000] [--repeats 21]

Mentions are extracted once from the corpus (spaCy; cached under the user cache directory), then
10,000 synthetic documents are made by resampling those documents with their dates shifted (up to
four years), places swapped for others of the same precision in half of them and actors
permuted, and stored directly (no parsing). Prints the full rebuild of them all (for context),
then the time to store and merge ONE more document (`save_document` + `rebuild_events`) into that
database and into an empty one (whose merge state exists, as after a first ingest), side by side
in one run: the same document into each, in alternating order (pairs interleaved), each through a
newly opened database (a new engine and connection: what a new `frontline ingest` process has) with
memoised words and speakers forgotten. Before the pairs, the large database is checkpointed and
the kernel's dirty pages written out (`sync`), so the timings are of merging, not of the kernel
writing back the gigabyte just built. Then checks on a smaller set that one-by-one ingest in two
orders and all at once give identical events (ids included).
Prints the medians of each side and the ratio of the medians; the last line is
`incremental_ratio=R`, the median of the --repeats paired ratios (into 10,000 / into none, the same
document; goal <= 1.2): a pause of the machine during one run moves one pair, not the figure.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import io
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir
from sqlalchemy import insert, select

from frontline.exports import write_events
from frontline.ingest import FileSpec, ingest_files, rebuild_events
from frontline.models import CleanDocument, Document, EventMention, Post
from frontline.serialize import mention_from_dict
from frontline.store import Store
from frontline.store import schema as t
from frontline.store.db import STALE_KEY


@dataclass
class Template:
    doc_id: str
    title: str
    source: str
    published: dt.datetime | None
    posts: list[dict]
    mentions: list[dict]


def source_templates(corpus: Path) -> list[Template]:
    files = sorted(corpus.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt documents in {corpus}")
    listing = "dated\n" + "\n".join(f"{f.name}:{f.stat().st_size}" for f in files)
    key = hashlib.sha256(listing.encode()).hexdigest()[:16]
    cache = Path(user_cache_dir("frontline")) / "bench" / f"incremental-source-{key}.db"
    if not cache.is_file():
        cache.parent.mkdir(parents=True, exist_ok=True)
        print(f"extracting mentions from {len(files)} documents once (cached in {cache}) ...", flush=True)
        partial = cache.with_suffix(".partial")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        source = Store(str(partial))
        # the report date is in the file name (YYYY-MM-DD_...): with it, mentions get their dates
        ingest_files(source, [FileSpec(f, _name_date(f)) for f in files], rebuild=False)
        source.engine.dispose()  # closes the last connection: SQLite folds the WAL into the file
        partial.rename(cache)
    store = Store(str(cache))
    out = []
    with store.engine.connect() as conn:
        mentions: dict[str, list[dict]] = {}
        for doc, raw in conn.execute(select(t.mentions.c.document_id, t.mentions.c.data)):
            mentions.setdefault(doc, []).append(json.loads(raw))
        posts: dict[str, list[dict]] = {}
        for r in conn.execute(select(t.posts).where(t.posts.c.deleted_snapshot.is_(None))).mappings():
            posts.setdefault(r["document_id"], []).append(dict(r))
        for r in conn.execute(select(t.documents)).mappings():
            if mentions.get(r["id"]):
                out.append(Template(r["id"], r["title"], r["source"], r["published"], posts.get(r["id"], []),
                                    mentions[r["id"]]))
    return out


def _name_date(path: Path) -> dt.date | None:
    try:
        return dt.date.fromisoformat(path.name[:10])
    except ValueError:
        return None


class Synthesiser:
    """Documents resampled from the templates: dates shifted, places and actors swapped."""

    def __init__(self, templates: list[Template], seed: int = 9):
        self.templates = templates
        self.rng = random.Random(seed)
        self.places: dict[str, list[dict]] = {}
        self.actors: dict[str, list[dict]] = {}
        for tpl in templates:
            for m in tpl.mentions:
                if m.get("location"):
                    self.places.setdefault(m["location"]["precision"], []).append(m["location"])
                for a in m.get("actors", []):
                    self.actors.setdefault(a["kind"], []).append(a)
        for pool in (*self.places.values(), *self.actors.values()):
            unique = {json.dumps(x, sort_keys=True): x for x in pool}
            pool[:] = [unique[k] for k in sorted(unique)]

    def document(self, n: int, *, days: tuple[int, int] = (-400, 1100), swap_places: float = 0.5,
                 template: int | None = None) -> tuple[CleanDocument, list[EventMention]]:
        rng = self.rng
        tpl = self.templates[template if template is not None else rng.randrange(len(self.templates))]
        doc_id = f"synthetic-{n:05d}.txt"
        shift = dt.timedelta(days=rng.randint(*days))
        place_map: dict[str, dict] = {}
        swap = rng.random() < swap_places
        actor_map: dict[str, dict] = {}

        def place(loc: dict | None) -> dict | None:
            if loc is None or not swap:
                return loc
            if loc["gazetteer_id"] not in place_map:
                new = dict(rng.choice(self.places[loc["precision"]]))
                new.update(text=loc.get("text", ""), start=loc.get("start", 0), end=loc.get("end", 0))
                place_map[loc["gazetteer_id"]] = new
            return place_map[loc["gazetteer_id"]]

        def actor(a: dict) -> dict:
            if a["kind"] == "state":
                return a
            key = a["actor_id"] or a["name"]
            if key not in actor_map:
                new = dict(rng.choice(self.actors[a["kind"]]))
                new.update(text=a["text"], start=a["start"], end=a["end"])
                actor_map[key] = new
            return actor_map[key]

        def moved(value: str | None) -> str | None:
            if not value:
                return value
            return (dt.datetime.fromisoformat(value) + shift).isoformat() if "T" in value else \
                (dt.date.fromisoformat(value) + shift).isoformat()

        mentions = []
        for raw in tpl.mentions:
            m = copy.deepcopy(raw)
            m["evidence"]["document"] = doc_id
            for k in ("sentence_key", "block", "joins"):
                if m.get(k):
                    m[k] = m[k].replace(tpl.doc_id, doc_id, 1)
            if m.get("date"):
                m["date"]["start"], m["date"]["end"] = moved(m["date"]["start"]), moved(m["date"]["end"])
            m["published"] = moved(m.get("published"))
            m["location"] = place(m.get("location"))
            m["actors"] = [actor(a) for a in m.get("actors", [])]
            mentions.append(mention_from_dict(m))
        published = tpl.published + shift if tpl.published else None
        posts = [Post(doc_id, p["post_id"], p["position"], p["headline"], p["text"], p["kind"],
                      p["published"] + shift if p["published"] else None, p["start"], p["end"])
                 for p in sorted(tpl.posts, key=lambda p: p["position"])]
        doc = Document(doc_id, f"{tpl.title} ({n})", [], source=tpl.source, published=published)
        return CleanDocument(doc, "", posts), mentions


def bulk_store(store: Store, docs: list[tuple[CleanDocument, list[EventMention]]]) -> None:
    """Store many synthetic documents in a few transactions (what `save_document` stores, minus history)."""
    from frontline.serialize import to_jsonable

    now = dt.datetime(2026, 1, 1)
    with store.write_transaction() as conn:
        first_snap = (conn.execute(select(t.snapshots.c.id).order_by(t.snapshots.c.id.desc())).scalar() or 0) + 1
        doc_rows, snap_rows, post_rows, mention_rows = [], [], [], []
        for i, (clean, mentions) in enumerate(docs):
            d, snap = clean.document, first_snap + i
            doc_rows.append(dict(id=d.doc_id, title=d.title, source=d.source, url=None, published=d.published,
                                 format="text", standfirst="", clean_text="", current_snapshot=snap,
                                 created_at=now, updated_at=now))
            snap_rows.append(dict(id=snap, document_id=d.doc_id, content_sha=d.doc_id, raw_sha="", file_name=None,
                                  ingested_at=now, new_posts=len(clean.posts)))
            post_rows.extend(dict(document_id=d.doc_id, post_id=p.post_id, position=p.index, headline=p.headline,
                                  text=p.text, kind=p.kind, published=p.published, start=p.start, end=p.end,
                                  off_topic=False, removed="[]", content_sha="", first_snapshot=snap)
                             for p in clean.posts)
            mention_rows.extend(dict(document_id=d.doc_id, post_id=m.evidence.post,
                                     data=json.dumps(to_jsonable(m))) for m in mentions)
        for table, rows in ((t.documents, doc_rows), (t.snapshots, snap_rows), (t.posts, post_rows),
                            (t.mentions, mention_rows), (t.dirty_documents, [dict(document_id=r["id"])
                                                                            for r in doc_rows])):
            for i in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[i:i + 5000])
        store._set_state(conn, STALE_KEY, "1")


def cold() -> None:
    """Forget what earlier runs memoised about words and speakers (as a new `frontline ingest` process
    would), so the second of two runs on one document is not helped by the first."""
    from frontline.events import merge, similarity
    from frontline.language import actors

    for fn in (similarity._stems, similarity.speaker_identity, similarity.proper_names, merge._party):
        fn.cache_clear()
    actors.clear_canonical_cache()


def one_more(store: Store, doc: tuple[CleanDocument, list[EventMention]]) -> float:
    clean, mentions = doc
    cold()
    start = time.perf_counter()
    store.save_document(clean, mentions, hashlib.sha256(clean.document.doc_id.encode()).hexdigest())
    rebuild_events(store)
    return time.perf_counter() - start


def reopened(path: Path) -> Store:
    """The database as a new process opens it: a new engine (no compiled statements, no connection,
    no page cache of SQLite's own)."""
    store = Store(str(path))
    store.engine.dispose()
    return store


def settle(path: Path) -> float:
    """Fold the WAL into the database file and write the kernel's dirty pages out; seconds taken."""
    start = time.perf_counter()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.sync()
    return time.perf_counter() - start


def exported(store: Store) -> str:
    buf = io.StringIO()
    write_events(store.iter_events(), buf)
    return buf.getvalue()


def order_check(synth: Synthesiser, tmp: Path, n: int = 40) -> None:
    """Documents told within a week of each other (so their stories link), ingested one by one in
    two orders and all at once: the same events, ids included."""
    docs = [synth.document(90_000 + i, days=(0, 6), swap_places=0.0, template=i % 8) for i in range(n)]
    outs = []
    for name, order, one_by_one in (("a", list(range(n)), True), ("b", list(reversed(range(n))), True),
                                    ("c", synth.rng.sample(range(n), n), False)):
        store = Store(str(tmp / f"order-{name}.db"))
        for i in order:
            clean, mentions = copy.deepcopy(docs[i])
            store.save_document(clean, mentions, clean.document.doc_id)
            if one_by_one:
                rebuild_events(store)
        rebuild_events(store)
        outs.append(exported(store))
    multi = sum(len({x["document"] for x in json.loads(line)["evidence"]}) > 1 for line in outs[0].splitlines())
    same = outs[0] == outs[1] == outs[2]
    print(f"order check: {n} documents, {len(outs[0].splitlines())} events ({multi} told by several documents); "
          f"one by one forwards, backwards and all at once identical (ids included): {'yes' if same else 'NO'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=21)
    args = ap.parse_args()
    templates = source_templates(args.corpus)
    synth = Synthesiser(templates)
    print(f"{len(templates)} source documents, {sum(len(x.mentions) for x in templates)} mentions")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        big_path = tmp / "big.db"
        big = Store(str(big_path))
        docs = [synth.document(i) for i in range(args.documents)]
        start = time.perf_counter()
        bulk_store(big, docs)
        stored = time.perf_counter() - start
        n_mentions = sum(len(m) for _c, m in docs)
        del docs
        start = time.perf_counter()
        n_events = rebuild_events(big)
        full = time.perf_counter() - start
        big.engine.dispose()
        print(f"{args.documents} synthetic documents, {n_mentions} mentions stored in {stored:.1f} s; "
              f"full rebuild: {n_events} events in {full:.1f} s; checkpoint and sync: {settle(big_path):.1f} s")
        # warm both paths once (imports, the pair model, the caches of similarity functions)
        one_more(Store(str(tmp / "warm.db")), synth.document(80_000))
        one_more(reopened(big_path), synth.document(80_001))
        into_big, into_empty = [], []
        for k in range(args.repeats):
            empty_path = tmp / f"empty-{k}.db"
            empty = Store(str(empty_path))
            rebuild_events(empty)  # untimed: the merge state of an empty database, as after any first ingest
            empty.engine.dispose()
            doc = synth.document(70_000 + k)
            sides = [(into_big, big_path), (into_empty, empty_path)]
            for times, path in (sides if k % 2 else sides[::-1]):  # the same document into both, alternating
                store = reopened(path)
                times.append(one_more(store, copy.deepcopy(doc)))
                store.engine.dispose()
        b, e = statistics.median(into_big), statistics.median(into_empty)
        paired = statistics.median(x / y for x, y in zip(into_big, into_empty, strict=True))
        print(f"one more document: into {args.documents} documents {b * 1000:.0f} ms, into an empty database "
              f"{e * 1000:.0f} ms (medians of {args.repeats}; ratio of the medians {b / e:.2f}; all, in pairs: "
              f"{' '.join(f'{x * 1000:.0f}/{y * 1000:.0f}' for x, y in zip(into_big, into_empty, strict=True))})")
        print(f"full rebuild / one more document: {full / b:.0f}x")
        order_check(Synthesiser(templates, seed=1), tmp)
    print(f"incremental_ratio={paired:.2f}")


if __name__ == "__main__":
    main()
