"""Cost of `frontline check`: every territorial event of the Guardian 2022 corpus against all
147 DeepState maps.

    python bench/check_cost.py ../shared/data/guardian-2022 ../shared/data/deepstate-occupied [--db PATH]

Ingests the corpus into a temporary database (or uses --db if it already holds events),
imports the maps, then times the check cold (load the reference, decode and prepare the
geometries it needs, resolve the claimants' sides) and warm (the web app's case), and, in the
same run, the same point-in-polygon work on unprepared geometries, for the ratio. The last
line is the figure: `check guardian-2022: events=<n> maps=<n> cold_ms=<n> warm_ms=<n> ...`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import shapely

from frontline.control.check import check_events
from frontline.control.from_events import territorial_events
from frontline.control.reference import ReferenceIndex, import_paths
from frontline.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("maps", type=Path)
    ap.add_argument("--db", help="a database that already holds the corpus (skips the ingest)")
    args = ap.parse_args()
    if not args.corpus.is_dir() or not args.maps.is_dir():
        sys.exit(f"check_cost: {args.corpus} or {args.maps} not found (they live in ../shared/data)")
    db = args.db or str(Path(tempfile.mkdtemp(prefix="frontline-check-")) / "bench.db")
    store = Store(db)
    if not territorial_events(store.engine):
        from frontline.ingest import ingest_paths, rebuild_events

        t = time.perf_counter()
        files = sorted(f for f in args.corpus.glob("*.txt") if f.name != "SOURCE.txt")
        for f in files:
            ingest_paths(store, [f], rebuild=False)
        rebuild_events(store)
        print(f"ingest: {len(files)} documents in {time.perf_counter() - t:.1f} s")

    maps = sorted(args.maps.glob("*.geojson"))
    t = time.perf_counter()
    results = import_paths(store.engine, maps, "deepstate", "Russia", "UA")
    print(f"import: {len(maps)} maps in {time.perf_counter() - t:.2f} s ({Counter(r.status for r in results)})")

    events = territorial_events(store.engine)
    located = [e for e in events if e.get("location") and e.get("date")]
    print(f"events: {len(events)} territorial, {len(located)} with a place and a date")

    from frontline.control.parties import claimed_controller

    t = time.perf_counter()
    for e in events:
        claimed_controller(e)  # the claimants' sides, through the actor catalogue (cached after)
    sides = time.perf_counter() - t
    print(f"sides: {len(events)} events resolved in {sides * 1000:.0f} ms (actor catalogue load included)")
    t = time.perf_counter()
    ref = ReferenceIndex.load(store.engine, "deepstate")
    verdicts = check_events(ref, events)
    cold = time.perf_counter() - t
    runs = 20
    t = time.perf_counter()
    for _ in range(runs):
        check_events(ref, events)
    warm = (time.perf_counter() - t) / runs
    decoded = sum(g is not None for g in ref._geoms)

    # The corpus (2022) predates the maps (from 2024-07-08), so every verdict above is
    # outside_reference without a lookup. Shifted so that 24 Feb 2022 falls on the first map's
    # day, the same events exercise the lookups, the backward walks and the forward scans.
    shift = (ref.dates[0] - dt.date(2022, 2, 24)).days
    shifted = []
    for e in events:
        if e.get("date") and e["date"].get("start"):
            d = dt.date.fromisoformat(e["date"]["start"]) + dt.timedelta(days=shift)
            e = dict(e, date=dict(e["date"], start=d.isoformat()))
        shifted.append(e)
    fresh = ReferenceIndex.load(store.engine, "deepstate")
    t = time.perf_counter()
    moved = check_events(fresh, shifted)
    moved_cold = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(runs):
        check_events(fresh, shifted)
    moved_warm = (time.perf_counter() - t) / runs
    print(f"shifted by {shift} days into the maps' range: cold_ms={moved_cold * 1000:.0f} "
          f"warm_ms={moved_warm * 1000:.1f} geometries_decoded={sum(g is not None for g in fresh._geoms)} "
          f"verdicts={dict(sorted(Counter(v.verdict for v in moved).items()))}")
    # Same run: the point-in-polygon lookups alone, prepared (what check uses) vs unprepared.
    raw = [shapely.from_wkb(w) for w in ref._wkb]
    pairs = []
    for e in located:
        i = ref.index_at(dt.date.fromisoformat(e["date"]["start"]) + dt.timedelta(days=shift))
        if i is not None:
            pairs.append((i, e["location"]["lon"], e["location"]["lat"]))
    reps = 300
    prepared_s = plain_s = 0.0
    for _ in range(reps):  # interleaved, so that the machine's noise hits both alike
        t = time.perf_counter()
        for i, x, y in pairs:
            ref.held(i, x, y)
        prepared_s += time.perf_counter() - t
        t = time.perf_counter()
        for i, x, y in pairs:
            shapely.contains_xy(raw[i], x, y)
        plain_s += time.perf_counter() - t
    prepared_us = prepared_s / reps / max(1, len(pairs)) * 1e6
    plain_us = plain_s / reps / max(1, len(pairs)) * 1e6
    print(f"point-in-polygon: prepared {prepared_us:.1f} us, unprepared {plain_us:.1f} us per lookup "
          f"(x{plain_us / max(prepared_us, 1e-9):.1f}, {len(pairs)} lookups, same run)")
    counts = Counter(v.verdict for v in verdicts)
    print(f"check guardian-2022: events={len(verdicts)} maps={len(ref.dates)} cold_ms={cold * 1000:.0f} "
          f"warm_ms={warm * 1000:.1f} us_per_event={warm / max(1, len(verdicts)) * 1e6:.0f} "
          f"geometries_decoded={decoded} verdicts={dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
