"""Storage for following live blogs: fetch validators per URL, the per-post mention cache,
and the edit history read back as SPEC section 6 `changes` lines."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from sqlalchemy import Connection, delete, insert, select

from frontline.serialize import loads
from frontline.store import schema as t
from frontline.store.db import Store, _now

# ------------------------------------------------------------------ fetch validators


def fetch_state(store: Store, url: str) -> tuple[str | None, str | None]:
    """(etag, last_modified) of the last answer for this URL, for a conditional request."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t.fetch_state.c.etag, t.fetch_state.c.last_modified)
                           .where(t.fetch_state.c.url == url)).first()
    return (row[0], row[1]) if row else (None, None)


def remember_fetch(store: Store, url: str, etag: str | None, last_modified: str | None, changed: bool) -> None:
    now = _now()
    with store.engine.begin() as conn:
        old = conn.execute(select(t.fetch_state.c.changed_at).where(t.fetch_state.c.url == url)).first()
        conn.execute(delete(t.fetch_state).where(t.fetch_state.c.url == url))
        conn.execute(insert(t.fetch_state).values(
            url=url, etag=etag, last_modified=last_modified, checked_at=now,
            changed_at=now if changed or old is None else old[0]))


# ------------------------------------------------------------------ per-post mention cache


def load_post_cache(store: Store, doc_id: str) -> dict[str, tuple[str, list]]:
    """post_id -> (key, cached mentions as JSON rows) of a stored document."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.post_mentions.c.post_id, t.post_mentions.c.key, t.post_mentions.c.data)
                            .where(t.post_mentions.c.document_id == doc_id)).all()
    return {pid: (key, loads(data)) for pid, key, data in rows}


def write_post_cache(conn: Connection, doc_id: str, fresh: dict[str, tuple[str, list]]) -> None:
    """Store the mentions of freshly parsed posts (replacing an edited post's old entry), in the
    transaction that stores their document (under the writer lock: two processes ingesting one
    document at once would otherwise both insert the same post)."""
    if not fresh:
        return
    ids = list(fresh)
    for i in range(0, len(ids), 500):
        conn.execute(delete(t.post_mentions).where(t.post_mentions.c.document_id == doc_id,
                                                   t.post_mentions.c.post_id.in_(ids[i:i + 500])))
    conn.execute(insert(t.post_mentions), [
        dict(document_id=doc_id, post_id=pid, key=key, data=json.dumps(entries, ensure_ascii=False))
        for pid, (key, entries) in fresh.items()])


# ------------------------------------------------------------------ changes (SPEC section 6)


def iso(value: dt.datetime) -> str:
    """Stored times are naive UTC; exports say so."""
    return value.replace(tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")


def parse_since(value: str) -> dt.datetime:
    """An ISO date or time (any offset; naive means UTC) as naive UTC, or ValueError."""
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    when = dt.datetime.fromisoformat(text)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when


def post_body(headline: str, text: str) -> str:
    return f"{headline}\n{text}" if headline and text else (headline or text)


def post_changes(store: Store, since: dt.datetime | None = None, document: str | None = None,
                 after_id: int = 0) -> list[dict]:
    """new / edited / deleted post lines, with the text before and after, oldest first.

    `after_id` keeps only revisions recorded after that one (what a poll or a stream has not shown yet).
    """
    query = (select(t.post_revisions.c.id, t.post_revisions.c.post_pk, t.post_revisions.c.change,
                    t.post_revisions.c.headline, t.post_revisions.c.text, t.snapshots.c.ingested_at,
                    t.posts.c.document_id, t.posts.c.post_id)
             .join(t.snapshots, t.snapshots.c.id == t.post_revisions.c.snapshot_id)
             .join(t.posts, t.posts.c.pk == t.post_revisions.c.post_pk)
             .order_by(t.post_revisions.c.id))
    if document is not None:
        query = query.where(t.posts.c.document_id == document)
    if after_id:
        touched = select(t.post_revisions.c.post_pk).where(t.post_revisions.c.id > after_id)
        query = query.where(t.post_revisions.c.post_pk.in_(touched))
    out = []
    last: dict[int, str] = {}  # post pk -> its text in the previous revision
    with store.engine.connect() as conn:
        for r in conn.execute(query).mappings():
            text = post_body(r["headline"], r["text"])
            before = last.get(r["post_pk"]) if r["change"] != "new" else None
            after = None if r["change"] == "deleted" else text
            if r["change"] == "deleted":
                before = text
            last[r["post_pk"]] = text
            if (since is not None and r["ingested_at"] < since) or r["id"] <= after_id:
                continue
            out.append({"at": iso(r["ingested_at"]), "kind": "post", "change": r["change"],
                        "document": r["document_id"], "post": r["post_id"], "before": before, "after": after,
                        "_seq": r["id"], "_t": r["ingested_at"]})
    return out


def event_changes(store: Store, since: dt.datetime | None = None, after_id: int = 0) -> list[dict]:
    query = select(t.event_changes).where(t.event_changes.c.id > after_id).order_by(t.event_changes.c.id)
    if since is not None:
        query = query.where(t.event_changes.c.at >= since)
    with store.engine.connect() as conn:
        return [{"at": iso(r["at"]), "kind": "event", "change": r["change"], "id": r["event_id"],
                 "fields": json.loads(r["fields"]), "status": r["status"], "type": r["type"],
                 "summary": r["summary"], "_seq": r["id"], "_t": r["at"]}
                for r in conn.execute(query).mappings()]


def iter_changes(store: Store, since: dt.datetime | None = None) -> Iterator[dict]:
    """Every change, oldest first (a snapshot's post changes before the event changes they caused)."""
    rows = post_changes(store, since) + event_changes(store, since)
    rows.sort(key=lambda r: (r["_t"], r["kind"] != "post", r["_seq"]))
    for r in rows:
        r.pop("_seq", None)
        r.pop("_t", None)
        yield r


def last_event_change_id(store: Store) -> int:
    from sqlalchemy import func

    with store.engine.connect() as conn:
        return conn.execute(select(func.coalesce(func.max(t.event_changes.c.id), 0))).scalar() or 0


def last_revision_id(store: Store) -> int:
    from sqlalchemy import func

    with store.engine.connect() as conn:
        return conn.execute(select(func.coalesce(func.max(t.post_revisions.c.id), 0))).scalar() or 0
