"""API latency at scale: p50/p95 of the main endpoints over 100k synthetic events.

    python bench/api_latency.py [--events 100000] [--repeat 40] [--db PATH]

Builds a temporary SQLite database (unless --db names an existing one), then times the
endpoints the web page calls on load and on every filter change, in-process through
FastAPI's TestClient (so the figures are the server's work, without network). Each endpoint
is timed once cold (caches of counts and stats emptied) and then `--repeat` times; the last
line is `api_p95_max_ms=N`, the worst p95.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from frontline.models import DateRef, Event, Evidence, PlaceRef, Quantity
from frontline.store import Store
from frontline.web import queries
from frontline.web.app import create_app, settle

TYPES = list(queries.TYPES)
STATUSES = list(queries.STATUSES)
WORDS = ("drone missile shelling assault village town bridge depot refinery port convoy brigade border "
         "offensive talks ceasefire sanctions aid envoy minister governor officials region frontline").split()
ACTORS = ["Russia", "Ukraine", "Russian forces", "Ukrainian forces", "NATO", "United States", "European Union",
          "Volunteer battalion", "Air force", "Navy", "Border guards", "Ministry of defence"]
SOURCES = ["general staff", "defence ministry", "regional governor", "military blogger", "mayor", "spokesperson",
           "analysts", "state media", "president's office", "war monitor"]


def synthetic_events(n: int, seed: int = 7) -> list[Event]:
    """Events spread over three years and a few hundred places, with skewed type frequencies."""
    rng = random.Random(seed)
    places = [PlaceRef(name=f"Place {i}", lat=rng.uniform(44.0, 56.0), lon=rng.uniform(22.0, 45.0),
                       country=rng.choice(["UA", "RU", "BY", "MD"]), admin1=f"Region {i % 40}",
                       precision="place", gazetteer_id=f"synthetic:{i}") for i in range(600)]
    start = dt.date(2022, 2, 24)
    weights = [5, 2, 4, 6, 10, 5, 2, 3, 1, 6, 1, 2, 1, 1, 2]
    events = []
    for i in range(n):
        day = start + dt.timedelta(days=int(rng.triangular(0, 1100, 1000)))
        long = rng.random() < 0.02
        date = DateRef(start=day, end=day + dt.timedelta(days=rng.randint(7, 60) if long else 0),
                       precision="month" if long else "day", basis="relative")
        etype = rng.choices(TYPES, weights)[0]
        where = rng.choice(places) if rng.random() < 0.9 else None
        # Common war words, plus one rarer name (like a village or a commander) per sentence.
        text = " ".join(rng.choice(WORDS) for _ in range(18)) + f" near Zorivka{rng.randint(0, 2999)}."
        summary = f"{etype.replace('.', ' ').title()}: " + " ".join(rng.choice(WORDS) for _ in range(6))
        events.append(Event(
            id=f"evt_{i:07d}", type=etype, status=rng.choices(STATUSES, [10, 6, 2, 1, 2, 2, 1])[0], summary=summary,
            date=date, location=where,
            actors=[{"name": a, "role": "agent"} for a in rng.sample(ACTORS, rng.randint(0, 2))],
            sources=[{"name": s, "stance": rng.choice(["asserts", "asserts", "denies"])}
                     for s in rng.sample(SOURCES, rng.randint(0, 2))],
            quantities=[Quantity(rng.randint(1, 50), "people", "")] if etype == "casualties" else [],
            evidence=[Evidence(document=f"doc_{rng.randint(0, 999):03d}", post=f"p_{rng.randint(0, 99)}", text=text,
                               start=0, end=len(text)) for _ in range(rng.randint(1, 3))],
        ))
    return events


def timed(client, url: str, repeat: int) -> tuple[float, float, float, int]:
    queries.clear_caches()  # cold: counts and stats not yet computed for this events version
    t0 = time.perf_counter()
    client.get(url)
    cold = (time.perf_counter() - t0) * 1000
    times = []
    status = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        status = r.status_code
    times.sort()
    return cold, statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))], status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--db", help="reuse this database (built on first use)")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    db = args.db or str(Path(tempfile.mkdtemp(prefix="frontline-bench-")) / "bench.db")
    store = Store(db)
    if store.stats()["events"] != args.events:
        t0 = time.perf_counter()
        events = synthetic_events(args.events)
        store.replace_events(events)
        print(f"wrote {args.events:,} synthetic events in {time.perf_counter() - t0:.1f} s ({db})")
    t0 = time.perf_counter()
    queries.ensure_search(store.engine)
    print(f"free-text index ready in {time.perf_counter() - t0:.2f} s")

    client = TestClient(create_app(store=store))
    settle()  # as `frontline serve` does once the app is built
    some_id = client.get("/api/events?limit=1&offset=5000").json()["items"][0]["id"]
    endpoints = [
        ("first page (100, newest)", "/api/events"),
        ("map+timeline load (2000)", "/api/events?limit=2000"),
        ("stats (whole selection)", "/api/stats"),
        ("type+status filter", "/api/events?type=strike&status=claimed"),
        ("date range (one month)", "/api/events?date_from=2024-05-01&date_to=2024-05-31"),
        ("bbox (map view)", "/api/events?bbox=30,46,38,50&limit=2000"),
        ("place substring", "/api/events?place=place%2012"),
        ("actor substring", "/api/events?actor=border"),
        ("free text, rare name (FTS5)", "/api/events?q=zorivka1234"),
        ("free text, common words", "/api/events?q=refinery%20drone"),
        ("deep page (offset 50000)", "/api/events?offset=50000"),
        ("stats, filtered", "/api/stats?type=strike&date_from=2024-01-01"),
        ("event by id", f"/api/events/{some_id}"),
        ("export geojson, 1 type+month", "/api/export?format=geojson&type=clash&date_from=2024-05-01"
                                         "&date_to=2024-05-31"),
    ]
    print(f"\n{'endpoint':32} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8}  status   ({args.repeat} requests each "
          f"after the cold one, {store.stats()['events']:,} events)")
    worst = 0.0
    for name, url in endpoints:
        cold, p50, p95, status = timed(client, url, args.repeat)
        worst = max(worst, p95)
        print(f"{name:32} {cold:8.1f} {p50:8.1f} {p95:8.1f}  {status}")
    print("cold = first request of an events version (counts, stats and distinct values not cached yet)")
    print(f"api_p95_max_ms={worst:.0f}")


if __name__ == "__main__":
    main()
