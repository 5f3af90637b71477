"""A small, invented control scenario for the tests and the demo: territorial events at three
places and three dated reference maps, chosen so that every verdict of `frontline check` and
every kind of control (claimed, confirmed, contested, handed back) occurs.

Geography (held_by Russia, covers UA): Novoselivka (48.1 N, 37.5 E) is outside the 1 June map,
inside the 12 June map and outside again on 20 June; Testivka (47.9 N, 37.9 E) is inside all
three; Sudzha is in Russia, outside what the maps cover.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from frontline.models import DateRef, Event, Evidence, PlaceRef

NOVOSELIVKA = PlaceRef("Novoselivka", 48.1, 37.5, "UA", "Donetsk Oblast", "place", "test:novoselivka")
TESTIVKA = PlaceRef("Testivka", 47.9, 37.9, "UA", "Donetsk Oblast", "place", "test:testivka")
SUDZHA = PlaceRef("Sudzha", 51.1976, 35.2726, "RU", "Kursk Oblast", "place", "test:sudzha")
DONETSK_OBLAST = PlaceRef("Donetsk Oblast", 48.0, 37.8, "UA", "Donetsk Oblast", "admin1", "test:donetsk-oblast")

# (date, west, south, east, north) of the area held by Russia on each map.
MAPS = [("2025-06-01", 37.8, 47.5, 39.0, 48.6), ("2025-06-12", 37.3, 47.5, 39.0, 48.6),
        ("2025-06-20", 37.6, 47.5, 39.0, 48.6)]

# event id -> the verdict `check` must give it against MAPS
EXPECTED_VERDICTS = {
    "evt_c_novo_claim": "ahead_of_map", "evt_c_novo_taken": "consistent", "evt_c_novo_back": "ahead_of_map",
    "evt_c_testivka_ua": "contradicted", "evt_c_sudzha": "outside_reference", "evt_c_oblast": "outside_reference",
    "evt_c_testivka_may": "outside_reference",
}


def write_maps(folder: Path) -> list[Path]:
    """The three reference maps as GeoJSON files named like DeepState's (date in the name)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for date, w, s, e, n in MAPS:
        ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]
        data = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]}}]}
        path = folder / f"testmap_{date.replace('-', '')}.geojson"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def _day(iso: str) -> DateRef:
    d = dt.date.fromisoformat(iso)
    return DateRef(start=d, end=d, precision="day", basis="explicit")


def control_events(evidence: Callable[[str], Evidence] | None = None) -> list[Event]:
    """The scenario's territorial events; `evidence(summary)` gives each its evidence sentence."""
    ev = evidence or (lambda s: Evidence(document="control-sample", post="p1", text=s, start=0, end=len(s)))
    ru, ua = [{"name": "Russia", "role": "agent"}], [{"name": "Ukraine", "role": "agent"}]
    mod = [{"name": "Russian defence ministry", "stance": "asserts"}]
    staff = [{"name": "Ukraine's general staff", "stance": "asserts"}]

    def event(eid, type_, status, summary, date, place, actors, sources):
        return Event(eid, type_, status, summary, _day(date), place, actors, sources, [], [ev(summary)])

    return [
        event("evt_c_testivka_may", "territory.capture", "reported", "Russian forces take Testivka",
              "2025-05-20", TESTIVKA, [{"name": "Russian forces", "role": "agent"}], []),
        event("evt_c_novo_claim", "territory.capture", "claimed", "Moscow claims Novoselivka",
              "2025-06-10", NOVOSELIVKA, ru, mod),
        event("evt_c_testivka_ua", "territory.capture", "claimed", "Kyiv claims to have retaken Testivka",
              "2025-06-11", TESTIVKA, ua, staff),
        event("evt_c_novo_taken", "territory.capture", "reported", "Russian troops hold Novoselivka",
              "2025-06-12", NOVOSELIVKA, ru, []),
        event("evt_c_sudzha", "territory.withdrawal", "confirmed", "Ukrainian forces withdraw from Sudzha",
              "2025-06-12", SUDZHA, ua, staff),
        event("evt_c_oblast", "territory.capture", "claimed", "Moscow claims the whole Donetsk region",
              "2025-06-13", DONETSK_OBLAST, ru, mod),
        event("evt_c_novo_back", "territory.withdrawal", "confirmed", "Russian troops pull out of Novoselivka",
              "2025-06-14", NOVOSELIVKA, [{"name": "Russian troops", "role": "agent"}], staff),
    ]
