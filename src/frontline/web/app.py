"""The FastAPI app: a JSON API over the store and the static map/timeline front end.

Everything the page needs is served from here (no CDN): the front end, Leaflet, the
Natural Earth basemap and Swagger UI's assets. Every response carries a strict
Content-Security-Policy, because the text shown comes from untrusted web pages.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import gc
import gzip
import hashlib
import math
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontline import __version__
from frontline.exports import write_events
from frontline.store import Store
from frontline.web import control_api, queries
from frontline.web.queries import STATUSES, TYPES, EventFilter

STATIC = Path(__file__).parent / "static"
SWAGGER = "/static/vendor/swagger-ui"
BASEMAP = "vendor/world-atlas/countries-50m.json"
# Opt-in online basemap (off by default; the offline Natural Earth layer needs nothing).
ONLINE_TILES = "https://tile.openstreetmap.org"

CSP = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", f"img-src 'self' data: {ONLINE_TILES}",
    "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
    "frame-ancestors 'none'",
])
EXPORT_TYPES = {"jsonl": ("application/x-ndjson", "jsonl"), "csv": ("text/csv", "csv"),
                "geojson": ("application/geo+json", "geojson"), "kml": ("application/vnd.google-earth.kml+xml", "kml")}
MAX_LIMIT = 5000
EXPORT_CACHE_CHARS = 2 * 1024 * 1024  # exports up to this size are kept per events version


# ---------------------------------------------------------------- response models (for the OpenAPI docs)


class EventSummary(BaseModel):
    id: str
    type: str
    status: str
    summary: str
    date_start: str | None = Field(None, description="ISO date the event started")
    date_end: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    actors: list[str] = []
    sources: list[str] = Field([], description="who asserts or denies it, as named in the text")


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    items: list[EventSummary]


class Highlight(BaseModel):
    start: int
    end: int
    kind: str = Field(description="claim | source | place | date | quantity | actor")


class EvidenceOut(BaseModel):
    document: str
    post: str
    text: str = Field(description="the whole source sentence")
    start: int = Field(description="offset in the document's cleaned text")
    end: int
    document_title: str | None = None
    publisher: str | None = None
    url: str | None = None
    document_published: str | None = None
    post_headline: str | None = None
    post_published: str | None = None
    post_kind: str | None = None
    post_deleted: bool = False
    highlights: list[Highlight] = []


class EventDetail(BaseModel):
    """The SPEC section 6 export object, with each evidence sentence's post, document and highlights."""

    id: str
    type: str
    status: str
    summary: str
    date: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    actors: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    quantities: list[dict[str, Any]] = []
    evidence: list[EvidenceOut] = []


class Stats(BaseModel):
    total: int = Field(description="events matching the filters")
    date_min: str | None = None
    date_max: str | None = None
    located: int = Field(description="matching events with coordinates")
    by_type: dict[str, int]
    by_status: dict[str, int]
    by_day: dict[str, int]
    top_places: dict[str, int]
    store: dict[str, int] = Field(description="whole-database counts: events, documents, posts")


class DocumentSummary(BaseModel):
    id: str
    title: str
    source: str
    url: str | None = None
    published: str | None = None
    posts: int
    events: int


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class PostEvidence(BaseModel):
    event: str
    type: str
    status: str
    summary: str
    date_start: str | None = None
    place: str | None = None
    text: str
    start: int
    end: int


class PostOut(BaseModel):
    post: str
    position: int
    headline: str
    text: str
    kind: str = Field(description="post | summary | teaser")
    published: str | None = None
    off_topic: bool
    duplicate_of: str | None = None
    deleted: bool = Field(description="gone from a later snapshot of the live blog")
    removed: list[str] = Field(description="boilerplate cut from this post")
    evidence: list[PostEvidence]


class DocumentDetail(BaseModel):
    id: str
    title: str
    source: str
    url: str | None = None
    published: str | None = None
    standfirst: str
    format: str
    snapshots: int
    events: int
    posts: list[PostOut]


# ---------------------------------------------------------------- parameters


def _listed(values: list[str] | None, allowed: tuple[str, ...], name: str) -> list[str]:
    """Repeated (?type=a&type=b) or comma-separated (?type=a,b) values, checked against the allowed set."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    bad = [v for v in out if v not in allowed]
    if bad:
        raise HTTPException(400, f"{name}: unknown value {_clip(bad[0])!r}; use one of: {', '.join(allowed)}")
    return out


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(400, "bbox: give four numbers west,south,east,north (e.g. 30,45,40,55)") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise HTTPException(400, "bbox: coordinates must be finite numbers")
    if not (-90 <= south <= north <= 90):
        raise HTTPException(400, "bbox: latitudes must satisfy -90 <= south <= north <= 90")
    if west < -180 or east > 180 or west > 180 or east < -180:
        # Leaflet reports longitudes past ±180 after panning round the world: a full-width box.
        if east - west >= 360:
            return (-180.0, south, 180.0, north)
        west = ((west + 180) % 360) - 180
        east = ((east + 180) % 360) - 180
    return (west, south, east, north)


TypeQ = Annotated[list[str] | None, Query(description=f"event types, repeated or comma-separated: {', '.join(TYPES)}")]
StatusQ = Annotated[list[str] | None, Query(description=f"statuses, repeated or comma-separated: "
                                                         f"{', '.join(STATUSES)}")]


def event_filter(
    type: TypeQ = None,
    status: StatusQ = None,
    date_from: Annotated[dt.date | None, Query(description="events ending on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[dt.date | None, Query(description="events starting on or before (YYYY-MM-DD)")] = None,
    place: Annotated[str | None, Query(max_length=200, description="place or region name, or a country code")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="an actor's name, or part of it")] = None,
    source: Annotated[str | None, Query(max_length=200, description="who asserts or denies it")] = None,
    q: Annotated[str | None, Query(max_length=500, description="free text over summaries and evidence")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="west,south,east,north in degrees")] = None,
    document: Annotated[str | None, Query(max_length=1000, description="events cited from this document")] = None,
    publisher: Annotated[str | None, Query(max_length=200, description="events cited from this publisher")] = None,
) -> EventFilter:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, f"date_from {date_from} is after date_to {date_to}")
    return EventFilter(types=_listed(type, TYPES, "type"), statuses=_listed(status, STATUSES, "status"),
                       date_from=date_from, date_to=date_to, place=place or None, actor=actor or None,
                       source=source or None, q=q or None, bbox=_bbox(bbox), document=document or None,
                       publisher=publisher or None)


Filter = Annotated[EventFilter, Depends(event_filter)]


# ---------------------------------------------------------------- the app


class SecurityHeaders:
    """CSP and friends on every response (plain ASGI: no buffering of large static files)."""

    def __init__(self, app, docs_csp: str):
        self.app = app
        self.docs_csp = docs_csp

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = self.docs_csp if scope["path"] == "/docs" else CSP

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", csp)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                headers.setdefault("X-Frame-Options", "DENY")
            await send(message)

        await self.app(scope, receive, send_with_headers)


@functools.cache
def _basemap_gzip() -> bytes:
    return gzip.compress((STATIC / BASEMAP).read_bytes(), compresslevel=6, mtime=0)


def _docs_html(openapi_url: str) -> tuple[str, str]:
    """Swagger UI from local assets, and the CSP hash of its one inline bootstrap script."""
    html = get_swagger_ui_html(
        openapi_url=openapi_url, title="frontline API", swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
        swagger_css_url=f"{SWAGGER}/swagger-ui.css", swagger_favicon_url=f"{SWAGGER}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},
    ).body.decode()
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
                      for s in scripts)
    csp = CSP.replace("script-src 'self'", f"script-src 'self' {hashes}").replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'")
    return html, csp


def create_app(db: str | None = None, store: Store | None = None) -> FastAPI:
    """Build the app over a store (a path or URL, $FRONTLINE_DB, or the user's default database)."""
    store = store or Store(db)
    engine = store.engine
    queries.ensure_indexes(engine)
    queries.ensure_search(engine)  # built before the first request, not by several at once
    app = FastAPI(
        title="frontline", version=__version__, docs_url=None, redoc_url=None,
        description="Events and claims from war live blogs: what happened, who did it, where, when, "
                    "and who says so, each with the sentences that report it. Every list takes the same "
                    "filters; `/api/export` writes the same selection as JSONL, CSV or GeoJSON.",
    )
    app.state.store = store
    # Level 1: a 2,000-event map payload compresses in a few ms (level 9 took most of the request)
    # and is barely larger.
    app.add_middleware(GZipMiddleware, minimum_size=2000, compresslevel=1)
    docs_html, docs_csp = _docs_html(app.openapi_url or "/openapi.json")

    app.add_middleware(SecurityHeaders, docs_csp=docs_csp)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return JSONResponse({"detail": "; ".join(problems)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def crashed(_request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, status_code=500)

    # ------------------------------------------------------------ API

    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def events_page(
        f: Filter,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        sort: Annotated[str, Query(pattern="^-?date$", description="-date (newest first) or date")] = "-date",
    ) -> JSONResponse:
        """Events matching the filters, one page at a time, newest first."""
        with engine.connect() as conn:
            total, items = queries.list_events(conn, f, limit=limit, offset=offset, sort=sort)
        # Returned as is (the model documents it): validating 2,000 map points per load costs more than the
        # query; orjson writes them in a tenth of the time of the json module.
        body = orjson.dumps({"total": total, "limit": limit, "offset": offset, "items": items})
        return Response(body, media_type="application/json")

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"])
    def event(event_id: str) -> dict:
        """One event with all its evidence sentences, their posts and documents."""
        with engine.connect() as conn:
            found = queries.get_event(conn, event_id)
        if found is None:
            raise HTTPException(404, f"no event {_clip(event_id)!r}")
        return found

    @app.get("/api/stats", response_model=Stats, tags=["events"])
    def stats(f: Filter) -> dict:
        """Counts of the selection by type, status, day and place, and of the whole database."""
        with engine.connect() as conn:
            return queries.event_stats(conn, f)

    @app.get("/api/export", tags=["events"], response_class=StreamingResponse,
             responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {}, "application/geo+json": {},
                                          "application/vnd.google-earth.kml+xml": {}},
                              "description": "the selection as a download"}})
    def export(
        f: Filter,
        format: Annotated[str, Query(description="jsonl, csv, geojson or kml")] = "jsonl",
        sort: Annotated[str, Query(pattern="^-?date$")] = "-date",
    ) -> StreamingResponse:
        """The current selection in one of the `frontline export events` formats."""
        if format not in EXPORT_TYPES:
            raise HTTPException(400, f"format: {_clip(format)!r} is not one of {', '.join(EXPORT_TYPES)}")
        media, ext = EXPORT_TYPES[format]
        name = f"frontline-events-{dt.date.today().isoformat()}.{ext}"
        headers = {"Content-Disposition": f'attachment; filename="{name}"'}
        key = ("export", queries.filter_key(f), format, sort)
        with engine.connect() as conn:
            # a selection's export is the same until the events are rebuilt: small ones are kept
            held = queries.cached_only(conn, key)
            if held is not None:
                return Response(held, media_type=media, headers=headers)
            spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024, mode="w+", encoding="utf-8",
                                                  newline="")
            write_events(queries.iter_events(conn, f, sort=sort), spool, format)
            if spool.tell() <= EXPORT_CACHE_CHARS:
                spool.seek(0)
                body = spool.read().encode("utf-8")
                spool.close()
                queries.remember(conn, key, body)
                return Response(body, media_type=media, headers=headers)
        spool.seek(0)

        def chunks() -> Iterator[bytes]:
            try:
                while block := spool.read(64 * 1024):
                    yield block.encode("utf-8")
            finally:
                spool.close()

        return StreamingResponse(chunks(), media_type=media, headers=headers)

    @app.get("/api/documents", response_model=DocumentPage, tags=["documents"])
    def documents(
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict:
        """Ingested documents (live blogs, articles), newest first."""
        with engine.connect() as conn:
            total, items = queries.list_documents(conn, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/documents/{doc_id:path}", response_model=DocumentDetail, tags=["documents"])
    def document(doc_id: str) -> dict:
        """A document's posts, each with the events found in it and the boilerplate removed from it."""
        with engine.connect() as conn:
            found = queries.get_document(conn, doc_id)
        if found is None:
            raise HTTPException(404, f"no document {_clip(doc_id)!r}")
        return found

    control_api.register(app, store)  # /api/control, /api/reference, /api/check
    from frontline.web.live import router as live_router

    app.include_router(live_router)  # changes, the SSE stream, post revisions (before the catch-all)

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> None:
        raise HTTPException(404, f"no API endpoint /api/{_clip(rest)}; see /docs")

    # ------------------------------------------------------------ pages

    @app.get("/basemap/countries.json", include_in_schema=False)
    def basemap(request: Request) -> Response:
        """The Natural Earth countries, compressed once (streaming gzip of 750 kB per page load is slow)."""
        headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
        if "gzip" in request.headers.get("accept-encoding", ""):
            headers["Content-Encoding"] = "gzip"
            return Response(_basemap_gzip(), media_type="application/json", headers=headers)
        return FileResponse(STATIC / BASEMAP, media_type="application/json", headers=headers)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_html)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _clip(value: str, limit: int = 80) -> str:
    """An id echoed in an error, cut short: a 10,000-character id is not repeated back in full."""
    return value if len(value) <= limit else value[:limit] + f"… ({len(value)} characters)"


def settle() -> None:
    """Move everything built at start-up out of the garbage collector's sight: otherwise every
    full collection rescans it, and a map load (2,000 events, ~30,000 objects) that triggers one
    took 60-70 ms instead of 20 (the p95 of `bench/api_latency.py`). Start-up includes the control
    cache's warm-up thread, waited for first: frozen before it ended, what it built stayed in sight
    (full collections of 150 ms; the p95 of 155-415 ms of map loads, bbox and first page)."""
    control_api.finish_warm_up()
    gc.collect()
    gc.freeze()


def serve(db: str | None, host: str, port: int) -> None:
    """Run the web app with uvicorn until interrupted (`frontline serve`)."""
    import uvicorn

    store = Store(db)
    app = create_app(store=store)
    settle()
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    where = store.engine.url.render_as_string(hide_password=True)
    print(f"frontline: serving {where} on http://{shown}:{port}  (API docs: /docs; Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
