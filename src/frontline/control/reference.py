"""Reference control maps: dated polygons of what one party holds inside one country.

`frontline reference import` reads GeoJSON (Multi)Polygons, one file per date (the date in the
file name as YYYYMMDD or YYYY-MM-DD, or a `date` property), unions and repairs them with
shapely/GEOS and stores per date: the exact geometry as WKB (for point-in-polygon), a
simplified GeoJSON copy (for the browser) and its bounding box. A `ReferenceIndex` loads one
map's snapshots once, keeps the geometries prepared and answers "who held this point on that
date" by bisecting the dates: a whole corpus is checked against 147 maps in well under a second.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape
from sqlalchemy import Engine, insert, select, update

from frontline.store import schema as t

MAX_FILE_BYTES = 200 * 1024 * 1024
# Simplification for drawing: ~0.004 degrees is ~300-450 m at these latitudes, invisible at
# country zoom and still follows the front at town zoom; the exact geometry stays in the WKB.
DRAW_TOLERANCE = 0.004
DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


class ReferenceMapError(ValueError):
    """A reference file that cannot be imported; the message says which file and why."""


@dataclass
class ImportResult:
    path: str
    date: str | None
    status: str  # new | replaced | unchanged | error
    message: str = ""


def date_of(path: Path, data: dict) -> dt.date:
    """The date a map shows: a `date` property (collection or first feature), else the file name."""
    candidates = [data.get("date"), (data.get("properties") or {}).get("date")]
    for f in data.get("features") or []:
        if isinstance(f, dict):
            candidates.append((f.get("properties") or {}).get("date"))
            break
    for value in candidates:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    m = DATE_IN_NAME.search(path.name)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise ReferenceMapError(f"{path.name}: no date (put YYYYMMDD or YYYY-MM-DD in the file name, or a 'date' property)")


def read_geometry(path: Path) -> tuple[dt.date, shapely.Geometry]:
    """One file's date and the union of its polygons (invalid rings repaired by GEOS)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReferenceMapError(f"{path}: cannot read ({exc.strerror})") from None
    if size > MAX_FILE_BYTES:
        raise ReferenceMapError(f"{path.name}: {size // (1024 * 1024)} MB is over the {MAX_FILE_BYTES // (1024 * 1024)}"
                              " MB limit for one reference map")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReferenceMapError(f"{path.name}: not GeoJSON ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(data, dict):
        raise ReferenceMapError(f"{path.name}: not GeoJSON (top level is not an object)")
    day = date_of(path, data)
    if data.get("type") == "FeatureCollection":
        geoms = [f.get("geometry") for f in data.get("features") or [] if isinstance(f, dict)]
    elif data.get("type") == "Feature":
        geoms = [data.get("geometry")]
    else:
        geoms = [data]
    polys = []
    for i, g in enumerate(geoms):
        if not isinstance(g, dict) or g.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        try:
            polys.append(shapely.make_valid(shape(g)))
        except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException) as exc:
            raise ReferenceMapError(f"{path.name}: feature {i}: bad polygon ({exc})") from None
    if not polys:
        raise ReferenceMapError(f"{path.name}: no Polygon or MultiPolygon features")
    # One repaired (Multi)Polygon is already a valid area (DeepState's case); several overlap.
    geom = polys[0] if len(polys) == 1 else shapely.union_all(polys)
    if geom.geom_type == "GeometryCollection":
        # make_valid may leave lines or points from degenerate rings: keep the areas only.
        parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(parts) if parts else geom
    if geom.is_empty or geom.area == 0:
        raise ReferenceMapError(f"{path.name}: the polygons enclose no area")
    return day, geom


def _area_km2(geom: shapely.Geometry) -> float:
    """Approximate area: degrees scaled by the cosine of the mean latitude (good to ~1% here)."""
    import math

    miny, maxy = geom.bounds[1], geom.bounds[3]
    k = 111.32 * 111.32 * math.cos(math.radians((miny + maxy) / 2))
    return round(geom.area * k, 1)


def _get_map(conn, name: str) -> dict | None:
    row = conn.execute(select(t.reference_maps).where(t.reference_maps.c.name == name)).mappings().first()
    return dict(row) if row else None


def import_paths(engine: Engine, paths: Iterable[Path], name: str, held_by: str,
                 covers: str | None) -> list[ImportResult]:
    """Import map files into the reference `name` (created on first use). A bad file is reported
    and skipped, the others are still imported (all in one transaction, after every file was
    read); the same geometry imported again changes nothing, a different one for a stored date
    replaces it."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    covers = covers.upper() if covers else None
    with engine.begin() as conn:
        ref = _get_map(conn, name)
        if ref is None:
            map_id = conn.execute(insert(t.reference_maps).values(
                name=name, held_by=held_by, covers=covers, created_at=now, updated_at=now)).inserted_primary_key[0]
        else:
            map_id = ref["id"]
            conn.execute(update(t.reference_maps).where(t.reference_maps.c.id == map_id).values(
                held_by=held_by, covers=covers, updated_at=now))
    results: list[ImportResult] = []
    ready: list[tuple[int, str, dict]] = []  # (index in results, date, row values)
    for path in paths:
        try:
            day, geom = read_geometry(path)
        except ReferenceMapError as exc:
            results.append(ImportResult(str(path), None, "error", str(exc)))
            continue
        wkb = shapely.to_wkb(geom, output_dimension=2)
        simple = shapely.simplify(geom, DRAW_TOLERANCE, preserve_topology=True)
        minx, miny, maxx, maxy = geom.bounds
        ready.append((len(results), day.isoformat(), dict(
            source=path.name, sha=hashlib.sha256(wkb).hexdigest(), wkb=wkb, simplified=json.dumps(mapping(simple)),
            area_km2=_area_km2(geom), minx=minx, miny=miny, maxx=maxx, maxy=maxy, imported_at=now)))
        results.append(ImportResult(str(path), day.isoformat(), "pending"))
    # Every file was parsed before anything is written: one transaction for all the snapshots.
    with engine.begin() as conn:
        stored = {r.date: (r.id, r.sha) for r in conn.execute(select(
            t.reference_snapshots.c.id, t.reference_snapshots.c.date, t.reference_snapshots.c.sha).where(
            t.reference_snapshots.c.map_id == map_id))}
        for i, date, values in ready:
            old = stored.get(date)
            if old is None:
                conn.execute(insert(t.reference_snapshots).values(map_id=map_id, date=date, **values))
                results[i].status = "new"
            elif old[1] == values["sha"]:
                results[i].status = "unchanged"
            else:
                conn.execute(update(t.reference_snapshots).where(t.reference_snapshots.c.id == old[0]).values(**values))
                results[i].status = "replaced"
            stored[date] = (old[0] if old else None, values["sha"])
    return results


def list_references(engine: Engine) -> list[dict]:
    """Every reference map with its date range and number of snapshots."""
    from sqlalchemy import func

    s = t.reference_snapshots
    with engine.connect() as conn:
        rows = conn.execute(select(
            t.reference_maps.c.name, t.reference_maps.c.held_by, t.reference_maps.c.covers,
            func.count(s.c.id), func.min(s.c.date), func.max(s.c.date),
        ).select_from(t.reference_maps.outerjoin(s, s.c.map_id == t.reference_maps.c.id)).group_by(
            t.reference_maps.c.id, t.reference_maps.c.name, t.reference_maps.c.held_by,
            t.reference_maps.c.covers).order_by(t.reference_maps.c.name)).all()
    return [{"name": r[0], "held_by": r[1], "covers": r[2], "snapshots": r[3], "first": r[4], "last": r[5]}
            for r in rows]


class ReferenceIndex:
    """One reference map in memory: sorted dates and their prepared geometries (decoded lazily)."""

    def __init__(self, name: str, held_by: str, covers: str | None, rows: list[tuple[str, bytes]]):
        self.name, self.held_by, self.covers = name, held_by, covers
        self.dates = [dt.date.fromisoformat(d) for d, _ in rows]
        self._wkb = [w for _, w in rows]
        self._geoms: list[shapely.Geometry | None] = [None] * len(rows)

    @classmethod
    def load(cls, engine: Engine, name: str | None = None) -> ReferenceIndex:
        """The named reference map (or the only one there is); ValueError says what is missing."""
        with engine.connect() as conn:
            maps = conn.execute(select(t.reference_maps)).mappings().all()
            if name is not None:
                chosen = [m for m in maps if m["name"] == name]
                if not chosen:
                    known = ", ".join(sorted(m["name"] for m in maps)) or "none imported"
                    raise ValueError(f"no reference map {name!r} (known: {known})")
            else:
                if not maps:
                    raise ValueError("no reference map imported: run `frontline reference import PATH... "
                                     "--name NAME --held-by PARTY`")
                if len(maps) > 1:
                    raise ValueError("several reference maps: choose one with --reference ("
                                     + ", ".join(sorted(m["name"] for m in maps)) + ")")
                chosen = list(maps)
            ref = chosen[0]
            rows = conn.execute(select(t.reference_snapshots.c.date, t.reference_snapshots.c.wkb).where(
                t.reference_snapshots.c.map_id == ref["id"]).order_by(t.reference_snapshots.c.date)).all()
        return cls(ref["name"], ref["held_by"], ref["covers"], [(r[0], bytes(r[1])) for r in rows])

    def geometry(self, i: int) -> shapely.Geometry:
        g = self._geoms[i]
        if g is None:
            g = shapely.from_wkb(self._wkb[i])
            shapely.prepare(g)
            self._geoms[i] = g
        return g

    def index_at(self, day: dt.date) -> int | None:
        """The snapshot in force on `day`: the latest dated on or before it (None before the first)."""
        i = bisect.bisect_right(self.dates, day) - 1
        return i if i >= 0 else None

    def covers_place(self, country: str | None) -> bool:
        return self.covers is None or (country or "").upper() == self.covers

    def held(self, i: int, lon: float, lat: float) -> bool:
        return bool(shapely.contains_xy(self.geometry(i), lon, lat))

    def holder(self, day: dt.date, lon: float, lat: float, country: str | None = None) -> str:
        """`held_by`, `other` or `outside` (place outside the covered country or before the first map)."""
        if not self.covers_place(country):
            return "outside"
        i = self.index_at(day)
        if i is None:
            return "outside"
        return self.held_by if self.held(i, lon, lat) else "other"
