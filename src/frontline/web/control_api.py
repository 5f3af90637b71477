"""API of the control layer: who holds what on a date, a place's history, reference polygons for
a date (simplified for the browser) and claims checked against the reference map.

Results are cached per app and keyed by a cheap fingerprint of the tables they read (row
counts and extreme ids/dates), so a re-ingest or an import is seen on the next request while a
slider replaying day after day costs one in-memory replay per day, not a database scan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from frontline.control.check import VERDICTS, check_events
from frontline.control.from_events import (
    TERRITORIAL,
    Change,
    changes_from_events,
    control_geojson,
    control_on,
    find_place,
    history,
    territorial_events,
)
from frontline.control.reference import ReferenceIndex, list_references
from frontline.store import Store
from frontline.store import schema as t
from frontline.web import basemap


class ControlLine(BaseModel):
    place: dict[str, Any]
    controller: str = Field(description="<party> | contested | unknown")
    status: str = Field(description="claimed | confirmed | contested")
    since: str
    events: list[str]
    claimed_by: list[str] | None = Field(None, description="the sides claiming a contested place")


class ControlOut(BaseModel):
    date: str | None
    first: str | None = Field(None, description="the first day any capture or withdrawal speaks of")
    last: str | None = None
    items: list[ControlLine]


class CheckLine(BaseModel):
    event: str
    place: str
    claimed_controller: str | None
    reference: str
    reference_at_event: str
    reference_agrees_from: str | None
    verdict: str
    date: str
    lag_days: int | None = None
    event_status: str = ""
    note: str | None = None
    sentence: str = Field(description="the verdict in words")


class CheckOut(BaseModel):
    reference: str
    held_by: str
    covers: str | None
    counts: dict[str, int]
    items: list[CheckLine]


class _Cache:
    """Per-app cache of the territorial changes and the loaded reference maps."""

    def __init__(self, store: Store):
        self.engine = store.engine
        self.lock = threading.Lock()
        self.events_key: tuple | None = None
        self.events: list[dict] = []
        self.changes: list[Change] = []
        self.refs: dict[str | None, tuple[tuple, ReferenceIndex]] = {}
        self.verdicts: dict[tuple, list] = {}

    def _events_key(self, conn) -> tuple:
        """A digest of what control reads from each territorial event: a re-ingest that keeps an
        event's id but changes its status, date, place or evidence is seen (a few ms per request)."""
        e = t.events.c
        rows = conn.execute(select(e.id, e.status, e.date_start, e.place, func.length(e.data)).where(
            e.type.in_(TERRITORIAL)).order_by(e.id)).all()
        return (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())

    def _refs_key(self, conn) -> tuple:
        return tuple(conn.execute(select(func.count(), func.max(t.reference_snapshots.c.imported_at),
                                         func.max(t.reference_maps.c.updated_at)).select_from(
            t.reference_maps.outerjoin(t.reference_snapshots,
                                       t.reference_snapshots.c.map_id == t.reference_maps.c.id))).one())

    def territorial(self) -> tuple[tuple, list[dict], list[Change]]:
        with self.engine.connect() as conn:
            key = self._events_key(conn)
        with self.lock:
            if key != self.events_key:
                self.events = territorial_events(self.engine)
                self.changes = changes_from_events(self.events)
                self.events_key = key
            return key, self.events, self.changes

    def reference(self, name: str | None) -> tuple[tuple, ReferenceIndex]:
        with self.engine.connect() as conn:
            key = self._refs_key(conn)
        with self.lock:
            hit = self.refs.get(name)
            if hit and hit[0] == key:
                return hit
        try:
            ref = ReferenceIndex.load(self.engine, name)
        except ValueError as exc:
            raise HTTPException(404, str(exc)) from None
        with self.lock:
            self.refs[name] = (key, ref)
        return key, ref

    def check(self, name: str | None) -> tuple[ReferenceIndex, list]:
        ekey, events, _ = self.territorial()
        rkey, ref = self.reference(name)
        key = (ekey, rkey, ref.name)
        with self.lock:
            if key in self.verdicts:
                return ref, self.verdicts[key]
        verdicts = check_events(ref, events)
        with self.lock:
            self.verdicts = {key: verdicts}
        return ref, verdicts


_WARMING: list[threading.Thread] = []  # warm-up threads started by `register`, until `finish_warm_up`


def finish_warm_up(timeout: float = 120.0) -> None:
    """Wait for the warm-up threads to finish (`web.app.settle` does before freezing what start-up
    built): a warm-up still running then competes with the first requests for the interpreter, and
    what it builds afterwards (the actor catalogue, every territorial change: ~240,000 objects at
    100k events) is rescanned by every full collection, 150 ms each."""
    while _WARMING:
        _WARMING.pop().join(timeout)


def register(app: FastAPI, store: Store) -> None:
    """Add the control, reference and check endpoints (call before the /api catch-all route)."""
    cache = _Cache(store)
    app.state.control_cache = cache

    def warm() -> None:
        # Telling sides loads the actor catalogue (a spaCy model): done before the first page asks.
        try:
            cache.territorial()
        except Exception:  # noqa: BLE001 - a cold cache is only slower; the request will report errors
            pass

    thread = threading.Thread(target=warm, name="frontline-control-warm", daemon=True)
    thread.start()
    _WARMING.append(thread)

    @app.get("/api/basemap/labels", tags=["map"])
    def basemap_labels(
        bbox: Annotated[str, Query(max_length=200, description="west,south,east,north in degrees")],
        zoom: Annotated[int, Query(ge=0, le=20, description="the map's zoom level")],
    ) -> list[dict]:
        """Town labels by population (and admin-1 names) for a view, decluttered for that zoom."""
        from frontline.web.app import _bbox

        box = _bbox(bbox)
        assert box is not None
        return basemap.labels(box, zoom)

    @app.get("/api/basemap/areas", tags=["map"])
    def basemap_areas() -> list[dict]:
        """Event places that are whole regions or countries, with a radius: drawn as areas, not pins."""
        return basemap.areas(store.engine)

    @app.get("/api/control", response_model=ControlOut, tags=["control"])
    def control(
        date: Annotated[dt.date | None, Query(description="the day (YYYY-MM-DD); default: after every event")] = None,
        format: Annotated[str, Query(pattern="^(json|geojson)$", description="json or geojson")] = "json",
    ) -> Any:
        """Who holds each place a capture or withdrawal speaks of on `date` (SPEC section 6 control lines)."""
        _, _, changes = cache.territorial()
        states = control_on(changes, date)
        if format == "geojson":
            return JSONResponse(control_geojson(states), media_type="application/geo+json")
        return {"date": date.isoformat() if date else None,
                "first": changes[0].date.isoformat() if changes else None,
                "last": changes[-1].date.isoformat() if changes else None,
                "items": [s.to_json() for s in states]}

    @app.get("/api/control/history", tags=["control"])
    def control_history(
        place: Annotated[str, Query(min_length=1, max_length=200, description="a place name or gazetteer id")],
    ) -> dict:
        """A place's changes of control in date order, each with the holder after it and its evidence."""
        _, _, changes = cache.territorial()
        hits = find_place(changes, place)
        if not hits:
            raise HTTPException(404, f"no capture or withdrawal speaks of {place!r}")
        key = hits[0].place_key
        group = [c for c in hits if c.place_key == key]
        return {"place": group[0].place, "changes": history(group)}

    @app.get("/api/reference", tags=["control"])
    def references() -> list[dict]:
        """The reference control maps stored, with their first and last dates."""
        return list_references(store.engine)

    @app.get("/api/reference/{name}", tags=["control"])
    def reference_shape(
        name: str,
        date: Annotated[dt.date | None, Query(description="the day; the snapshot in force then is returned")] = None,
    ) -> JSONResponse:
        """The reference polygons in force on `date`, simplified for drawing, as a GeoJSON Feature."""
        with store.engine.connect() as conn:
            ref = conn.execute(select(t.reference_maps).where(t.reference_maps.c.name == name)).mappings().first()
            if ref is None:
                raise HTTPException(404, f"no reference map {name!r}")
            s = t.reference_snapshots
            q = select(s.c.date, s.c.simplified, s.c.area_km2, s.c.source).where(s.c.map_id == ref["id"])
            if date is not None:
                q = q.where(s.c.date <= date.isoformat())
            row = conn.execute(q.order_by(s.c.date.desc()).limit(1)).first()
        if row is None:
            return JSONResponse({"type": "Feature", "geometry": None, "properties": {
                "reference": name, "held_by": ref["held_by"], "covers": ref["covers"], "date": None}},
                media_type="application/geo+json")
        body = ('{"type":"Feature","properties":' + json.dumps({
            "reference": name, "held_by": ref["held_by"], "covers": ref["covers"], "date": row[0],
            "area_km2": row[2], "source": row[3]}) + ',"geometry":' + row[1] + "}")
        return JSONResponse(json.loads(body), media_type="application/geo+json",
                            headers={"Cache-Control": "public, max-age=300"})

    @app.get("/api/check", response_model=CheckOut, tags=["control"])
    def check(
        reference: Annotated[str | None, Query(max_length=200, description="reference map (default: the only one)")]
        = None,
        verdict: Annotated[list[str] | None, Query(description=f"only these verdicts: {', '.join(VERDICTS)}")] = None,
        event: Annotated[str | None, Query(max_length=100, description="only this event")] = None,
    ) -> dict:
        """Every located capture and withdrawal checked against the reference map."""
        wanted: list[str] = []
        for v in verdict or []:
            wanted.extend(x.strip() for x in v.split(",") if x.strip())
        bad = [v for v in wanted if v not in VERDICTS]
        if bad:
            raise HTTPException(400, f"verdict: unknown value {bad[0]!r}; use one of: {', '.join(VERDICTS)}")
        ref, verdicts = cache.check(reference)
        counts = {v: 0 for v in VERDICTS}
        for v in verdicts:
            counts[v.verdict] += 1
        items = [dict(v.to_json(), sentence=v.sentence(ref.held_by)) for v in verdicts
                 if (not wanted or v.verdict in wanted) and (event is None or v.event == event)]
        return {"reference": ref.name, "held_by": ref.held_by, "covers": ref.covers, "counts": counts,
                "items": items}
