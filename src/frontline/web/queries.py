"""Read queries behind the JSON API, in SQLAlchemy Core over the store's tables.

Everything here reads; the only write is the lazily created SQLite FTS5 index over
`events.search_text`, kept in step with `events` by triggers so that `Store.replace_events`
(which deletes and re-inserts every event) needs to know nothing about it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
import threading
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from sqlalchemy import Connection, Engine, and_, case, false, func, literal_column, or_, select, text
from sqlalchemy.sql.elements import ColumnElement

from frontline.models import Event
from frontline.serialize import event_from_export
from frontline.store import schema as t

log = logging.getLogger(__name__)

TYPES: tuple[str, ...] = (
    "territory.capture", "territory.withdrawal", "offensive", "clash", "strike", "casualties", "prisoners",
    "meeting", "call", "statement", "agreement", "aid", "sanctions", "mobilization", "other",
)
STATUSES: tuple[str, ...] = ("reported", "claimed", "confirmed", "denied", "contested", "expected", "cancelled")
SORTS = ("-date", "date")

_FTS_READY: dict[str, bool] = {}  # engine URL -> FTS5 index usable
_FTS_LOCK = threading.Lock()


@dataclass
class EventFilter:
    """The selection a user has made; every list, map, timeline, stats and export call shares it."""

    types: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    place: str | None = None
    actor: str | None = None
    source: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    document: str | None = None
    publisher: str | None = None


# ---------------------------------------------------------------- indexes and free text

# One covering index holds every column the web filters, sorts, counts and lists, so that at
# 100k events no query has to read the wide rows (each carries its JSON and search text):
# newest-first pages walk it in order, counts and facets scan it. On SQLite the type and status
# filters are written as `type || ''` so the planner prefers it to the store's narrow indexes.
WEB_INDEXES = {
    "ix_events_web_cover2": "events (date_start, id, type, status, date_end, lat, lon, place, country, admin1, "
                            "actors, sources, summary)",
    # actor and source filters look up the few distinct values that match (see _matching_values)
    "ix_events_web_actors": "events (actors)",
    "ix_events_web_sources": "events (sources)",
}
_INDEXED: set[str] = set()
_RTREE_READY: dict[str, bool] = {}


def ensure_indexes(engine: Engine) -> None:
    """Create the web's indexes once per database (a read-only database just goes without)."""
    key = str(engine.url)
    if key in _INDEXED:
        return
    _INDEXED.add(key)
    if engine.dialect.name != "sqlite":
        return  # PostgreSQL plans with its own statistics, and caps index entries at ~2.7 kB
    try:
        with engine.begin() as conn:
            # the store's ix_events_place replaces the first; the second lacked admin1
            conn.execute(text("DROP INDEX IF EXISTS ix_events_web_place"))
            conn.execute(text("DROP INDEX IF EXISTS ix_events_web_cover"))
            for name, target in WEB_INDEXES.items():
                conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {target}"))
    except Exception as exc:  # noqa: BLE001
        log.warning("could not create indexes for the web app: %s", exc)
    _RTREE_READY[key] = _create_rtree(engine)


def _create_rtree(engine: Engine) -> bool:
    """An R*Tree over the events' points, kept in step with `events` by triggers (like the FTS
    index), so that a map view's bounding box is an index lookup, not a scan of 100k rows."""
    try:
        with engine.begin() as conn:
            exists = conn.execute(text(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='events_rtree'")).first()
            if exists:
                return True
            conn.execute(text("CREATE VIRTUAL TABLE events_rtree USING rtree(id, minlat, maxlat, minlon, maxlon)"))
            conn.execute(text(
                "CREATE TRIGGER IF NOT EXISTS events_rtree_ai AFTER INSERT ON events "
                "WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN "
                "INSERT INTO events_rtree VALUES (new.rowid, new.lat, new.lat, new.lon, new.lon); END"))
            conn.execute(text(
                "CREATE TRIGGER IF NOT EXISTS events_rtree_ad AFTER DELETE ON events BEGIN "
                "DELETE FROM events_rtree WHERE id = old.rowid; END"))
            conn.execute(text(
                "CREATE TRIGGER IF NOT EXISTS events_rtree_au AFTER UPDATE OF lat, lon ON events BEGIN "
                "DELETE FROM events_rtree WHERE id = old.rowid; "
                "INSERT INTO events_rtree SELECT new.rowid, new.lat, new.lat, new.lon, new.lon "
                "WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL; END"))
            conn.execute(text("INSERT INTO events_rtree SELECT rowid, lat, lat, lon, lon FROM events "
                              "WHERE lat IS NOT NULL AND lon IS NOT NULL"))
        return True
    except Exception as exc:  # noqa: BLE001 - no R*Tree module, or read-only: plain lat/lon ranges
        log.warning("spatial index unavailable, using lat/lon ranges: %s", exc)
        return False


# ---------------------------------------------------------------- caches keyed by the events version

_CACHE_LOCK = threading.Lock()
_CACHE: dict[str, tuple[int, dict]] = {}  # engine URL -> (events version, {key: value})
CACHE_ENTRIES = 2000
CACHE_BYTES = 64 * 1024 * 1024  # kept exports, at most
_BYTES = ("bytes held",)


def _version(conn: Connection) -> int:
    return conn.execute(select(t.store_meta.c.value).where(t.store_meta.c.key == "events_version")).scalar() or 0


def _cached(conn: Connection, key: tuple, compute):
    """`compute()` once per events version: counts, stats and distinct values change only when
    the events are rebuilt (Store.replace_events bumps the version in the same transaction)."""
    url = str(conn.engine.url)
    version = _version(conn)
    with _CACHE_LOCK:
        held = _CACHE.get(url)
        if held is None or held[0] != version:
            held = (version, {})
            _CACHE[url] = held
        if key in held[1]:
            return held[1][key]
    value = compute()
    with _CACHE_LOCK:
        entries = held[1]
        size = len(value) if isinstance(value, bytes) else 0
        if len(entries) >= CACHE_ENTRIES or entries.get(_BYTES, 0) + size > CACHE_BYTES:
            entries.clear()  # crude but bounded: a burst of distinct filters just starts afresh
        entries[key] = value
        if size:
            entries[_BYTES] = entries.get(_BYTES, 0) + size
    return value


def cached_only(conn: Connection, key: tuple):
    """The value held for `key` in this events version, or None."""
    url, version = str(conn.engine.url), _version(conn)
    with _CACHE_LOCK:
        held = _CACHE.get(url)
        return held[1].get(key) if held is not None and held[0] == version else None


def remember(conn: Connection, key: tuple, value) -> None:
    _cached(conn, key, lambda: value)


def clear_caches() -> None:
    """Forget cached counts and stats (the benchmark's cold figures)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def filter_key(f: EventFilter) -> tuple:
    return (tuple(sorted(f.types)), tuple(sorted(f.statuses)), f.date_from, f.date_to, f.place, f.actor, f.source,
            f.q, f.bbox, f.document, f.publisher)


MAX_IN_VALUES = 1000


def _matching_values(conn: Connection, column, needle: str) -> list[str] | None:
    """The distinct values of `column` that contain `needle` (case-insensitive), so that a
    substring filter becomes an indexed `IN`; None when there are too many to list."""
    values = _cached(conn, ("distinct", column.name), lambda: [
        v for v in conn.execute(select(column).where(column.is_not(None)).distinct()).scalars() if v])
    if len(values) > 50_000:
        return None
    low = needle.lower()
    hits = [v for v in values if low in v.lower()]
    return hits if len(hits) <= MAX_IN_VALUES else None


def ensure_search(engine: Engine) -> bool:
    """Create the FTS5 index (and its sync triggers) once; False where FTS5 is unavailable.

    PostgreSQL, or a SQLite build without FTS5, falls back to LIKE matching.
    """
    key = str(engine.url)
    if key in _FTS_READY:
        return _FTS_READY[key]
    with _FTS_LOCK:  # concurrent first requests must not race to create (or query) a half-built index
        if key in _FTS_READY:
            return _FTS_READY[key]
        ok = _create_search(engine)
        _FTS_READY[key] = ok
        return ok


def _create_search(engine: Engine) -> bool:
    ok = False
    if engine.dialect.name == "sqlite":
        try:
            with engine.begin() as conn:
                exists = conn.execute(text(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='events_fts'")).first()
                if not exists:
                    conn.execute(text(
                        "CREATE VIRTUAL TABLE events_fts USING fts5(search_text, content='events', "
                        "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"))
                    conn.execute(text(
                        "CREATE TRIGGER IF NOT EXISTS events_fts_ai AFTER INSERT ON events BEGIN "
                        "INSERT INTO events_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"))
                    conn.execute(text(
                        "CREATE TRIGGER IF NOT EXISTS events_fts_ad AFTER DELETE ON events BEGIN "
                        "INSERT INTO events_fts(events_fts, rowid, search_text) "
                        "VALUES ('delete', old.rowid, old.search_text); END"))
                    conn.execute(text(
                        "CREATE TRIGGER IF NOT EXISTS events_fts_au AFTER UPDATE ON events BEGIN "
                        "INSERT INTO events_fts(events_fts, rowid, search_text) "
                        "VALUES ('delete', old.rowid, old.search_text); "
                        "INSERT INTO events_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"))
                    conn.execute(text("INSERT INTO events_fts(events_fts) VALUES ('rebuild')"))
            ok = True
        except Exception as exc:  # noqa: BLE001 - no FTS5, or a read-only database: fall back to LIKE
            log.warning("free-text index unavailable, using LIKE: %s", exc)
    return ok


def _terms(q: str) -> list[str]:
    return re.findall(r"\w+", q.lower())[:12]


def _text_clause(conn: Connection, q: str, walk: bool = False) -> ColumnElement | None:
    terms = _terms(q)
    if not terms:
        return None
    if ensure_search(conn.engine):
        # Each word quoted (no FTS5 syntax from the user survives) and prefix-matched.
        match = " AND ".join(f'"{w}"*' for w in terms)
        sub = text("SELECT rowid FROM events_fts WHERE events_fts MATCH :match").bindparams(match=match)
        # "+rowid": not a key lookup per match, so that with `walk` the date index is walked
        return literal_column("+events.rowid" if walk else "events.rowid").in_(sub)
    return and_(*[_contains(t.events.c.search_text, w) for w in terms])


def _contains(column, value: str) -> ColumnElement:
    """Case-insensitive substring match with LIKE wildcards in the input escaped."""
    return func.lower(column).contains(value.lower(), autoescape=True)


def _substring(conn: Connection, column, needle: str, walk: bool = False) -> ColumnElement:
    """Case-insensitive substring match: an indexed IN over the matching distinct values when
    they are few (places, regions, actor lists), else LIKE."""
    hits = _matching_values(conn, column, needle)
    if hits is None:
        return _contains(column, needle)
    return (_plain(conn, column) if walk else column).in_(hits) if hits else false()


# ---------------------------------------------------------------- events


def _plain(conn: Connection, column) -> ColumnElement:
    """The column as an expression SQLite cannot answer from a single-column index (see WEB_INDEXES)."""
    return column.concat("") if conn.dialect.name == "sqlite" else column


def _where(conn: Connection, f: EventFilter, walk: bool = False) -> list[ColumnElement]:
    """The filter as SQL conditions. With `walk`, the conditions that have their own index are
    written so that SQLite does not use it and walks the date-ordered covering index instead,
    stopping at the page's last row: the better plan when many events match (see list_events)."""
    e = t.events.c
    out: list[ColumnElement] = []
    if f.types:
        out.append(_plain(conn, e.type).in_(f.types))
    if f.statuses:
        out.append(_plain(conn, e.status).in_(f.statuses))
    if f.date_from:
        # "ends on or after": exact on coalesce(end, start), made sargable by a bound on the start
        # that no event's span can cross (the longest span, cached per events version)
        day = f.date_from.isoformat()
        earliest = (f.date_from - dt.timedelta(days=_max_span_days(conn))).isoformat()
        out.append(e.date_start >= earliest)
        out.append(func.coalesce(e.date_end, e.date_start) >= day)
    if f.date_to:
        out.append(e.date_start <= f.date_to.isoformat())
    if f.place:
        place = f.place.strip()
        conds = [_substring(conn, e.place, place, walk), _substring(conn, e.admin1, place, walk)]
        if len(place) == 2 and place.isalpha():
            conds.append((_plain(conn, e.country) if walk else e.country) == place.upper())
        out.append(or_(*conds))
    if f.actor:
        out.append(_substring(conn, e.actors, f.actor.strip(), walk))
    if f.source:
        out.append(_substring(conn, e.sources, f.source.strip(), walk))
    if f.q:
        clause = _text_clause(conn, f.q, walk)
        if clause is not None:
            out.append(clause)
    if f.bbox:
        west, south, east, north = f.bbox
        if west <= east and not walk and _RTREE_READY.get(str(conn.engine.url)):
            # the R*Tree finds the candidates (its float32 boxes are rounded outwards); the exact
            # ranges below keep the answer exact
            box = text("SELECT id FROM events_rtree WHERE maxlat >= :s AND minlat <= :n AND maxlon >= :w "
                       "AND minlon <= :e").bindparams(s=south, n=north, w=west, e=east)
            out.append(literal_column("events.rowid").in_(box))
        out.append(e.lat.between(south, north))
        if west <= east:
            out.append(e.lon.between(west, east))
        else:  # the box crosses the antimeridian
            out.append(or_(e.lon >= west, e.lon <= east))
    if f.document or f.publisher:
        ev = select(t.event_evidence.c.event_id)
        if f.document:
            ev = ev.where(t.event_evidence.c.document_id == f.document)
        if f.publisher:
            docs = select(t.documents.c.id).where(_contains(t.documents.c.source, f.publisher.strip()))
            ev = ev.where(t.event_evidence.c.document_id.in_(docs))
        out.append(e.id.in_(ev))
    return out


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("|") if v]


def _summary_row(r) -> dict:
    # unpacked as a plain tuple: attribute access on 2,000 rows was most of a map load's time
    eid, etype, status, summary, date_start, date_end, place, lat, lon, country, actors, sources = r
    return {
        "id": eid, "type": etype, "status": status, "summary": summary,
        "date_start": date_start, "date_end": date_end, "place": place,
        "lat": None if lat is None else round(lat, 5), "lon": None if lon is None else round(lon, 5),
        "country": country,
        "actors": [v for v in actors.split("|") if v] if actors else [],
        "sources": [v for v in sources.split("|") if v] if sources else [],
    }


_SUMMARY_COLUMNS = ("id", "type", "status", "summary", "date_start", "date_end", "place", "lat", "lon", "country",
                    "actors", "sources")


def _ordered(query, sort: str, dialect: str = "sqlite"):
    """Date order with id as tie-break, in the direction of the (date_start, id) index so that
    SQLite walks the index instead of sorting (undated events come last when newest-first)."""
    e = t.events.c
    if sort == "date":
        return query.order_by(e.date_start, e.id)
    if dialect == "sqlite":
        return query.order_by(e.date_start.desc(), e.id.desc())
    return query.order_by(e.date_start.desc().nulls_last(), e.id.desc())


def list_events(conn: Connection, f: EventFilter, limit: int = 100, offset: int = 0,
                sort: str = "-date") -> tuple[int, list[dict]]:
    """One page of matching events (newest first by default) and the total that match."""
    where = _where(conn, f)
    total = _cached(conn, ("count", filter_key(f)), lambda: conn.execute(
        select(func.count()).select_from(t.events).where(*where)).scalar_one())
    if conn.dialect.name == "sqlite" and _walk_is_cheaper(conn, total, offset + limit):
        where = _where(conn, f, walk=True)
    cols = [t.events.c[name] for name in _SUMMARY_COLUMNS]
    query = _ordered(select(*cols).where(*where), sort, conn.dialect.name).limit(limit).offset(offset)
    rows = conn.execute(query).all()
    # lat/lon to five decimals (about a metre): a shorter map payload than a float's 17 digits
    return total, [_summary_row(tuple(r)) for r in rows]


def _max_span_days(conn: Connection) -> int:
    def compute() -> int:
        e = t.events.c
        longest = 0
        rows = conn.execute(select(e.date_start, e.date_end).where(
            e.date_end.is_not(None), e.date_start.is_not(None), e.date_end != e.date_start))
        for start, end in rows:
            try:
                longest = max(longest, (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days)
            except ValueError:
                return 100_000  # a malformed date: no bound
        return longest
    return _cached(conn, ("max_span",), compute)


def _walk_is_cheaper(conn: Connection, matching: int, rows: int) -> bool:
    """Walking the date index until `rows` matches reads about rows * N / matching entries;
    fetching every match through its own index reads `matching` rows at random and sorts them
    (about ten times dearer per row). The cached count makes the choice free."""
    n = _cached(conn, ("count", ()), lambda: conn.execute(select(func.count()).select_from(t.events)).scalar_one())
    return matching > 0 and rows * n < 10 * matching * matching


def iter_events(conn: Connection, f: EventFilter, sort: str = "-date") -> Iterator[Event]:
    """Every matching event as an `Event`, for the exports."""
    query = _ordered(select(t.events.c.data).where(*_where(conn, f)), sort, conn.dialect.name)
    for data in conn.execute(query.execution_options(yield_per=1000)).scalars():
        yield event_from_export(json.loads(data))


def get_event(conn: Connection, event_id: str) -> dict | None:
    """The SPEC export object, its evidence enriched with post, document and highlight spans."""
    data = conn.execute(select(t.events.c.data).where(t.events.c.id == event_id)).scalar()
    if data is None:
        return None
    event = json.loads(data)
    doc_ids = {x["document"] for x in event.get("evidence", [])}
    docs = {r.id: r for r in conn.execute(
        select(t.documents.c.id, t.documents.c.title, t.documents.c.source, t.documents.c.url,
               t.documents.c.published).where(t.documents.c.id.in_(doc_ids)))} if doc_ids else {}
    post_keys = {(x["document"], x["post"]) for x in event.get("evidence", [])}
    posts = {}
    mentions: dict[tuple[str, str], list[dict]] = {}
    if post_keys:
        rows = conn.execute(select(t.posts.c.document_id, t.posts.c.post_id, t.posts.c.headline,
                                   t.posts.c.published, t.posts.c.kind, t.posts.c.deleted_snapshot)
                            .where(t.posts.c.document_id.in_(doc_ids)))
        posts = {(r.document_id, r.post_id): r for r in rows if (r.document_id, r.post_id) in post_keys}
        for r in conn.execute(select(t.mentions.c.document_id, t.mentions.c.post_id, t.mentions.c.data)
                              .where(t.mentions.c.document_id.in_(doc_ids))):
            if (r.document_id, r.post_id) in post_keys:
                try:
                    mentions.setdefault((r.document_id, r.post_id), []).append(json.loads(r.data))
                except ValueError:
                    continue
    for x in event.get("evidence", []):
        doc = docs.get(x["document"])
        post = posts.get((x["document"], x["post"]))
        x["document_title"] = doc.title if doc else None
        x["publisher"] = doc.source if doc else None
        x["url"] = doc.url if doc else None
        x["document_published"] = doc.published.isoformat() if doc and doc.published else None
        x["post_headline"] = post.headline if post else None
        x["post_published"] = post.published.isoformat() if post and post.published else None
        x["post_kind"] = post.kind if post else None
        x["post_deleted"] = bool(post and post.deleted_snapshot is not None)
        mention = _matching_mention(mentions.get((x["document"], x["post"]), []), x)
        x["highlights"] = highlights(x["text"], event, mention)
    return event


def _matching_mention(candidates: list[dict], evidence: dict) -> dict | None:
    for m in candidates:
        ev = m.get("evidence") or {}
        if ev.get("start") == evidence["start"] and ev.get("end") == evidence["end"]:
            return m
    for m in candidates:
        if (m.get("evidence") or {}).get("text") == evidence["text"]:
            return m
    return None


# Where spans overlap, the earlier kind in this list wins.
HIGHLIGHT_KINDS = ("claim", "source", "place", "date", "quantity", "actor")


def highlights(sentence: str, event: dict, mention: dict | None = None) -> list[dict]:
    """Spans of the sentence to mark: the claim's trigger, who says so, where, when, how many, who.

    From the stored mention when there is one (exact offsets); otherwise by finding the
    event's own names in the sentence, so a hand-made or merged event is still marked.
    """
    spans: list[tuple[int, int, str]] = []

    def find(needle: str | None, kind: str) -> None:
        if not needle or len(needle) < 2:
            return
        m = re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", sentence, flags=re.I)
        if m:
            spans.append((m.start(), m.end(), kind))

    def at(start, end, kind: str, expect: str | None = None) -> None:
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence):
            if expect is None or sentence[start:end].lower() == expect.lower():
                spans.append((start, end, kind))
                return
        find(expect, kind)

    if mention:
        find(mention.get("trigger"), "claim")
        for name, _stance in mention.get("sources") or []:
            find(name, "source")
        loc = mention.get("location") or {}
        if loc:
            at(loc.get("start"), loc.get("end"), "place", loc.get("text") or None)
        date = mention.get("date") or {}
        if date:
            at(date.get("char_start"), date.get("char_end"), "date", date.get("text") or None)
        for q in mention.get("quantities") or []:
            find(q.get("text"), "quantity")
        for a in mention.get("actors") or []:
            at(a.get("start"), a.get("end"), "actor", a.get("text") or None)
    if not any(k == "claim" for _a, _b, k in spans):
        trigger = _trigger_span(sentence, event.get("type", ""))
        if trigger:
            spans.append((*trigger, "claim"))
    for s in event.get("sources") or []:
        find(s.get("name"), "source")
    loc = event.get("location") or {}
    find(loc.get("name"), "place")
    for q in event.get("quantities") or []:
        find(q.get("text"), "quantity")
    for a in event.get("actors") or []:
        find(a.get("name"), "actor")
    spans.sort(key=lambda s: (HIGHLIGHT_KINDS.index(s[2]), s[0]))
    chosen: list[tuple[int, int, str]] = []
    for s in spans:
        if all(s[1] <= c[0] or s[0] >= c[1] for c in chosen):
            chosen.append(s)
    return [{"start": a, "end": b, "kind": k} for a, b, k in sorted(chosen)]


@functools.cache
def _trigger_patterns() -> dict[str, list[re.Pattern]]:
    """The extractor's trigger rules (data/event_triggers.toml), to mark the claim in a sentence
    when no stored mention says which words triggered the event."""
    out: dict[str, list[re.Pattern]] = {}
    try:
        with resources.files("frontline.data").joinpath("event_triggers.toml").open("rb") as fh:
            rules = tomllib.load(fh).get("rule", [])
        for rule in rules:
            try:
                out.setdefault(rule["type"], []).append(re.compile(rule["pattern"], re.I))
            except (KeyError, TypeError, re.error):
                continue
    except (OSError, ValueError) as exc:
        log.warning("no trigger rules for claim highlighting: %s", exc)
    return out


def _trigger_span(sentence: str, event_type: str) -> tuple[int, int] | None:
    for pattern in _trigger_patterns().get(event_type, []):
        m = pattern.search(sentence)
        if m and m.end() > m.start():
            return m.start(), m.end()
    return None


def event_stats(conn: Connection, f: EventFilter) -> dict:
    """Counts of the selection (by type, status, day, place) and of the whole store, computed
    once per events version and filter (a rebuild of the events makes them stale)."""
    return _cached(conn, ("stats", filter_key(f)), lambda: _event_stats(conn, f))


def _event_stats(conn: Connection, f: EventFilter) -> dict:
    """Counts of the selection (by type, status, day, place) and of the whole store.

    Counting by type and status is one pass of conditional sums rather than a GROUP BY, which
    SQLite would answer by sorting every matching row (the slow part at 100k events).
    """
    where = _where(conn, f)
    e = t.events.c
    if not where:  # the first page load: the store's type and status indexes come grouped already
        span = _whole_span(conn)
        return _stats(conn, where, span[0], span[1], span[2], span[3],
                      dict(conn.execute(select(e.type, func.count()).group_by(e.type)).all()),
                      dict(conn.execute(select(e.status, func.count()).group_by(e.status)).all()))
    known = [func.sum(case((e.type == x, 1), else_=0)) for x in TYPES]
    known += [func.sum(case((e.status == x, 1), else_=0)) for x in STATUSES]
    row = conn.execute(select(func.count(), func.min(e.date_start), func.max(func.coalesce(e.date_end, e.date_start)),
                              func.count(e.lat), *known).where(*where)).one()
    total, date_min, date_max, located = row[0], row[1], row[2], row[3]
    sums = [int(v or 0) for v in row[4:]]
    by_type = {x: n for x, n in zip(TYPES, sums[:len(TYPES)], strict=True) if n}
    by_status = {x: n for x, n in zip(STATUSES, sums[len(TYPES):], strict=True) if n}
    for counts, column, values in ((by_type, e.type, TYPES), (by_status, e.status, STATUSES)):
        if sum(counts.values()) < total:  # values outside the SPEC's lists: rare, count them apart
            counts.update(dict(conn.execute(select(column, func.count()).where(*where, column.not_in(values))
                                            .group_by(column)).all()))
    return _stats(conn, where, total, date_min, date_max, located, by_type, by_status)


def _whole_span(conn: Connection) -> tuple[int, str | None, str | None, int]:
    """(events, first date, last date, located) of the whole store from its indexes: one
    aggregate over every row read the wide table (seconds on a cold cache at 100k events)."""
    e = t.events.c
    total = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
    first = conn.execute(select(func.min(e.date_start))).scalar()
    last_start = conn.execute(select(func.max(e.date_start))).scalar()
    last_end = conn.execute(select(func.max(e.date_end))).scalar()  # an end is never before its start
    last = max((d for d in (last_start, last_end) if d is not None), default=None)
    if _RTREE_READY.get(str(conn.engine.url)):
        located = conn.execute(text("SELECT count(*) FROM events_rtree")).scalar_one()
    else:
        located = conn.execute(select(func.count(e.lat))).scalar_one()
    return total, first, last, located


def _stats(conn: Connection, where: list, total: int, date_min: str | None, date_max: str | None, located: int,
           by_type: dict, by_status: dict) -> dict:
    e = t.events.c
    by_day = {d: n for d, n in conn.execute(select(e.date_start, func.count()).where(*where, e.date_start.is_not(None))
                                            .group_by(e.date_start).order_by(e.date_start)).all()}
    # Unfiltered, the place index hands rows over already grouped; filtered, the covering index is scanned.
    place = (_plain(conn, e.place) if where else e.place).label("place")
    top_places = dict(conn.execute(select(place, func.count()).where(*where, e.place.is_not(None))
                                   .group_by(place).order_by(func.count().desc(), place).limit(15)).all())
    totals = {
        "events": conn.execute(select(func.count()).select_from(t.events)).scalar_one(),
        "documents": conn.execute(select(func.count()).select_from(t.documents)).scalar_one(),
        "posts": conn.execute(select(func.count()).select_from(t.posts)
                              .where(t.posts.c.deleted_snapshot.is_(None))).scalar_one(),
    }
    return {"total": total, "date_min": date_min, "date_max": date_max, "located": located, "by_type": by_type,
            "by_status": by_status, "by_day": by_day, "top_places": top_places, "store": totals}


# ---------------------------------------------------------------- documents


def list_documents(conn: Connection, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """Documents, newest first, with how many live posts and events each has."""
    d = t.documents.c
    n_posts = (select(func.count()).select_from(t.posts)
               .where(t.posts.c.document_id == d.id, t.posts.c.deleted_snapshot.is_(None))
               .scalar_subquery())
    n_events = (select(func.count(func.distinct(t.event_evidence.c.event_id)))
                .where(t.event_evidence.c.document_id == d.id).scalar_subquery())
    total = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
    rows = conn.execute(select(d.id, d.title, d.source, d.url, d.published, n_posts.label("posts"),
                               n_events.label("events"))
                        .order_by(d.published.desc(), d.id).limit(limit).offset(offset)).all()
    return total, [{"id": r.id, "title": r.title, "source": r.source, "url": r.url,
                    "published": r.published.isoformat() if r.published else None,
                    "posts": r.posts, "events": r.events} for r in rows]


def get_document(conn: Connection, doc_id: str) -> dict | None:
    """A document's posts in page order, each with the events it evidences and the boilerplate cut."""
    d = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
    if d is None:
        return None
    by_post: dict[str, list[dict]] = {}
    rows = conn.execute(
        select(t.event_evidence.c.post_id, t.event_evidence.c.start, t.event_evidence.c.end,
               t.event_evidence.c.text, t.events.c.id, t.events.c.type, t.events.c.status, t.events.c.summary,
               t.events.c.date_start, t.events.c.place)
        .join(t.events, t.events.c.id == t.event_evidence.c.event_id)
        .where(t.event_evidence.c.document_id == doc_id)
        .order_by(t.event_evidence.c.start))
    for r in rows:
        by_post.setdefault(r.post_id, []).append({
            "event": r.id, "type": r.type, "status": r.status, "summary": r.summary, "date_start": r.date_start,
            "place": r.place, "text": r.text, "start": r.start, "end": r.end})
    posts = []
    for p in conn.execute(select(t.posts).where(t.posts.c.document_id == doc_id)
                          .order_by(t.posts.c.position, t.posts.c.pk)).mappings():
        try:
            removed = [str(x) for x in json.loads(p["removed"] or "[]")]
        except ValueError:
            removed = []
        posts.append({
            "post": p["post_id"], "position": p["position"], "headline": p["headline"], "text": p["text"],
            "kind": p["kind"], "published": p["published"].isoformat() if p["published"] else None,
            "off_topic": bool(p["off_topic"]), "duplicate_of": p["duplicate_of"],
            "deleted": p["deleted_snapshot"] is not None, "removed": removed,
            "evidence": by_post.get(p["post_id"], []),
        })
    snapshots = conn.execute(select(func.count()).select_from(t.snapshots)
                             .where(t.snapshots.c.document_id == doc_id)).scalar_one()
    return {
        "id": d["id"], "title": d["title"], "source": d["source"], "url": d["url"],
        "published": d["published"].isoformat() if d["published"] else None,
        "standfirst": d["standfirst"], "format": d["format"], "snapshots": snapshots,
        "events": len({x["event"] for xs in by_post.values() for x in xs}),
        "posts": posts,
    }
