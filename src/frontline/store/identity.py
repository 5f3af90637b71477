"""Stable event ids (SPEC section 5), as a layer after merging.

Merging names events after offsets, which move whenever a post is added on top of a
live blog. Here each merged event is mapped onto the stored event whose *anchor* (the
sentence that first reported it: document, post and normalised text, never offsets)
is among its evidence, and takes that id. An event whose anchor sentence was edited
keeps its id when one of its sentences is still in the same post and close to the old
wording, or when it still shares evidence with the new event. Stored events that no
new event takes are `retracted`: kept in the registry with their last state, shown in
`export changes`, gone from `export events`. Every new / updated / retracted event is
recorded as a change with the names of the fields that changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from sqlalchemy import insert, select

from frontline.models import Event, Evidence
from frontline.serialize import event_to_export, loads
from frontline.store import schema as t
from frontline.store import statements as sql
from frontline.store.db import Store, _now

EDIT_SIMILARITY = 70  # a sentence this close to the vanished anchor, in the same post, is its edit
FIELDS = ("type", "status", "summary", "date", "location", "actors", "sources", "quantities")


_QUOTES = str.maketrans("‘’“”–—", "''\"\"--")
_PUNCT = re.compile(r"[^\w\s']")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """A sentence's words, as `sentence_key` compares them (each stored event's evidence is keyed again
    on every rebuild: cached)."""
    text = text.lower().translate(_QUOTES)
    return _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()


def sentence_key(ev: Evidence | dict) -> tuple[str, str, str]:
    if isinstance(ev, dict):
        return (ev["document"], ev["post"], normalise(ev["text"]))
    return (ev.document, ev.post, normalise(ev.text))


@dataclass
class _Stored:
    id: str
    anchor: tuple[str, str, str]
    created_at: dt.datetime
    retracted: bool
    data: dict
    keys: set = field(default_factory=set)


@dataclass
class Change:
    event_id: str
    change: str  # new | updated | retracted
    fields: list[str]
    status: str
    type: str
    summary: str


def evidence_keys(data: dict) -> set[tuple[str, str, str]]:
    return {sentence_key(e) for e in data.get("evidence", [])}


def changed_fields(old: dict, new: dict) -> list[str]:
    """Names of fields that differ; evidence counts only when its sentences differ (not its offsets)."""
    out = [f for f in FIELDS if old.get(f) != new.get(f)]
    if evidence_keys(old) != evidence_keys(new):
        out.append("evidence")
    return out


@dataclass
class Scope:
    """The part of the registry a partial re-merge can touch (store.merging): the live events it
    replaces (`live_ids`) and retracted events anchored in the posts its events cite, which may
    come back. Live events elsewhere keep their ids and are neither taken nor retracted."""

    live_ids: list[str]
    posts: set[tuple[str, str]]


def assign(store: Store, events: list[Event], at: dt.datetime | None = None, conn=None,
           scope: Scope | None = None) -> list[Change]:
    """Give `events` (fresh from merging) their stable ids in place, record changes, update the registry.

    With `conn`, inside the caller's transaction (the rebuild's, under the writer lock). With
    `scope`, `events` replace only the scope's live events (the rest of the registry is not read)."""
    if conn is None:
        with store.engine.begin() as own:
            return assign(store, events, at, own, scope)
    at = at or _now()
    rows = _registry_rows(conn, scope)
    stored = [_Stored(r["id"], (r["anchor_document"], r["anchor_post"], r["anchor_text"]), r["created_at"],
                      r["retracted_at"] is not None, loads(r["data"])) for r in rows]
    firsts = _first_seen(conn, events, {s.anchor[0] for s in stored})
    anchors = [_anchor(ev, firsts) for ev in events]

    def earlier_report(s: _Stored, i: int) -> bool:
        """The event has a report in a document published before the stored event's anchor: the
        event is that report's (as a merge of every document at once would name it), whatever
        order the documents arrived in."""
        return firsts.rank(anchors[i][0]) < firsts.rank(s.anchor[0])

    for s in stored:
        s.keys = evidence_keys(s.data)
    by_anchor: dict[tuple, list[_Stored]] = {}
    for s in stored:
        by_anchor.setdefault(s.anchor, []).append(s)
    taken: dict[str, _Stored] = {}  # stored id -> claimed
    chosen: dict[int, _Stored] = {}  # index of new event -> stored event it continues
    keys = [{sentence_key(e) for e in ev.evidence} for ev in events]

    # 1. The anchor sentence is still there: the event continues (live ones before retracted ones).
    #    One sentence can found two events (a strike and a capture): every event first looks for
    #    its own type, then (an event whose type changed) for any, so the order events are listed
    #    in does not let one take the other's id.
    for same_type in (True, False):
        for i, ks in enumerate(keys):
            if i in chosen:
                continue
            cands = [s for k in ks for s in by_anchor.get(k, ()) if s.id not in taken and not earlier_report(s, i)
                     and (not same_type or s.data.get("type") == events[i].type)]
            if cands:
                best = min(cands, key=lambda s: (s.retracted, s.created_at, s.id))
                chosen[i], taken[best.id] = best, best
    # 2. The anchor was edited or removed: a live event that still shares sentences, or whose
    #    anchor's post holds a sentence close to the old wording, continues as the new event.
    #    Not when its anchor is still told by an event of its type that has an earlier report: that
    #    event is named after the earlier report, and the old id goes with the sentence, not elsewhere.
    free = [i for i in range(len(events)) if i not in chosen]
    told: dict[tuple[str, str, str], set[str]] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            told.setdefault(k, set()).add(events[i].type)
    for s in stored:
        if s.id in taken or s.retracted or not free or s.data.get("type") in told.get(s.anchor, ()):
            continue
        best_i, best_score = None, 0.0
        for i in free:
            if earlier_report(s, i):
                continue
            shared = len(s.keys & keys[i])
            score = float(shared * 1000)
            if not shared:
                score = max((fuzz.ratio(s.anchor[2], k[2]) for k in keys[i]
                             if k[0] == s.anchor[0] and k[1] == s.anchor[1]), default=0.0)
                if score < EDIT_SIMILARITY:
                    score = 0.0
            if score and s.data.get("type") == events[i].type:
                score += 0.5  # ties go to the event of the same type
            if score > best_score:
                best_i, best_score = i, score
        if best_i is not None:
            chosen[best_i], taken[s.id] = s, s
            free.remove(best_i)

    used: set[str] | _UsedIds = {s.id for s in stored} if scope is None else _UsedIds(conn, {s.id for s in stored})
    changes: list[Change] = []
    new_rows: list[dict] = []  # inserted at once (a first merge of a large corpus names every event)
    updates: dict[tuple[str, ...], list[dict]] = {}  # rows of the registry to update, by the columns set
    for i, ev in enumerate(events):
        prev = chosen.get(i)
        if prev is None:
            anchor = anchors[i]
            ev.id = _new_id(anchor, ev.type, used)
            used.add(ev.id)
            data = event_to_export(ev)
            new_rows.append(dict(
                id=ev.id, anchor_document=anchor[0], anchor_post=anchor[1], anchor_text=anchor[2],
                created_at=at, updated_at=at, retracted_at=None, data=json.dumps(data, ensure_ascii=False)))
            changes.append(Change(ev.id, "new", [], ev.status, ev.type, ev.summary))
            continue
        ev.id = prev.id
        data = event_to_export(ev)
        values: dict = {}
        if prev.anchor not in keys[i]:  # re-anchor on a sentence that exists now
            anchor = anchors[i]
            values.update(anchor_document=anchor[0], anchor_post=anchor[1], anchor_text=anchor[2])
        if prev.retracted:
            values.update(retracted_at=None, updated_at=at)
            changes.append(Change(ev.id, "new", [], ev.status, ev.type, ev.summary))
        else:
            fields = changed_fields(prev.data, data)
            if fields:
                values["updated_at"] = at
                changes.append(Change(ev.id, "updated", fields, ev.status, ev.type, ev.summary))
        if values or data != prev.data:
            # evidence offsets move when a live blog grows: nearly every row, so written in batches
            values["data"] = json.dumps(data, ensure_ascii=False)
            updates.setdefault(tuple(sorted(values)), []).append(
                {"_id": ev.id, **{"v_" + k: v for k, v in values.items()}})
    for names, params in sorted(updates.items()):
        stmt = sql.update_registry(names)
        for i in range(0, len(params), 1000):
            conn.execute(stmt, params[i:i + 1000])
    for i in range(0, len(new_rows), 1000):
        conn.execute(insert(t.event_registry), new_rows[i:i + 1000])
    for s in stored:
        if s.id not in taken and not s.retracted:
            conn.execute(sql.RETRACT, {"at": at, "id": s.id})
            changes.append(Change(s.id, "retracted", [], s.data.get("status", ""), s.data.get("type", ""),
                                  s.data.get("summary", "")))
    if changes:
        conn.execute(insert(t.event_changes), [
            dict(at=at, event_id=c.event_id, change=c.change, fields=json.dumps(c.fields), status=c.status,
                 type=c.type, summary=c.summary) for c in changes])
    return changes


def _registry_rows(conn, scope: Scope | None) -> list:
    reg = t.event_registry
    if scope is None:
        return list(conn.execute(select(reg).order_by(reg.c.created_at, reg.c.id)).mappings())
    rows = {}
    for i in range(0, len(scope.live_ids), 500):
        for r in conn.execute(sql.REGISTRY_ROWS, {"ids": scope.live_ids[i:i + 500]}).mappings():
            rows[r["id"]] = r
    by_doc: dict[str, set[str]] = {}
    for doc, post in scope.posts:
        by_doc.setdefault(doc, set()).add(post)
    for doc, posts in sorted(by_doc.items()):
        for r in conn.execute(select(reg).where(reg.c.anchor_document == doc, reg.c.anchor_post.in_(sorted(posts)),
                                                reg.c.retracted_at.is_not(None))).mappings():
            rows[r["id"]] = r
    return sorted(rows.values(), key=lambda r: (r["created_at"], r["id"]))


class _UsedIds:
    """Ids already given out, asked of the registry one at a time (a partial re-merge does not read it all)."""

    def __init__(self, conn, known: set[str]):
        self.conn, self.known = conn, set(known)

    def __contains__(self, eid: object) -> bool:
        if eid in self.known:
            return True
        return self.conn.execute(select(t.event_registry.c.id).where(t.event_registry.c.id == eid)).first() is not None

    def add(self, eid: str) -> None:
        self.known.add(eid)


class _Firsts:
    """The order in which reports came first: documents by publication date, then id (so the order
    documents were ingested in does not matter); within a document, the post seen first (the
    snapshot that brought it), then the oldest."""

    def __init__(self, ranks: dict[str, tuple], posts: dict[tuple[str, str], tuple]):
        self.ranks, self.posts = ranks, posts

    def rank(self, doc: str) -> tuple:
        return self.ranks.get(doc, (dt.datetime.max, doc))

    def key(self, ev: Evidence) -> tuple:
        return (self.rank(ev.document), self.posts.get((ev.document, ev.post), (1 << 62, dt.datetime.max, 0)),
                ev.document, ev.start)


def _first_seen(conn, events: list[Event], more_docs: set[str] = frozenset()) -> _Firsts:
    docs = {e.document for ev in events for e in ev.evidence}
    posts: dict[tuple[str, str], tuple] = {}
    cited = sorted(docs)
    for i in range(0, len(cited), 500):  # the posts of every cited document at once, not one query each
        for doc, post, first, published, position in conn.execute(sql.POSTS_SEEN, {"docs": cited[i:i + 500]}):
            posts[(doc, post)] = (first, published or dt.datetime.max, -position)
    ranks: dict[str, tuple] = {}
    wanted = sorted(docs | set(more_docs))
    for i in range(0, len(wanted), 500):
        for doc, published in conn.execute(select(t.documents.c.id, t.documents.c.published).where(
                t.documents.c.id.in_(wanted[i:i + 500]))):
            ranks[doc] = (published or dt.datetime.max, doc)
    return _Firsts(ranks, posts)


def _anchor(ev: Event, firsts: _Firsts) -> tuple[str, str, str]:
    """The sentence that first reported the event: from the document published first, within it
    from the post seen first (else the oldest)."""
    return sentence_key(min(ev.evidence, key=firsts.key))


def _new_id(anchor: tuple[str, str, str], etype: str, used) -> str:
    n = 0
    while True:
        salt = f"\x1f{n}" if n else ""
        eid = "evt_" + hashlib.sha1(f"{anchor[0]}\x1f{anchor[1]}\x1f{anchor[2]}\x1f{etype}{salt}".encode()
                                    ).hexdigest()[:12]
        if eid not in used:
            return eid
        n += 1


def registry_events(store: Store, ids: list[str] | None = None, document: str | None = None,
                    retracted_only: bool = False) -> dict[str, dict]:
    """Last known export object of events by id (retracted ones too, with `retracted_at`);
    `document` keeps those first reported in that document."""
    query = select(t.event_registry.c.id, t.event_registry.c.data, t.event_registry.c.retracted_at)
    if ids is not None:
        query = query.where(t.event_registry.c.id.in_(ids))
    if document is not None:
        query = query.where(t.event_registry.c.anchor_document == document)
    if retracted_only:
        query = query.where(t.event_registry.c.retracted_at.is_not(None))
    out = {}
    with store.engine.connect() as conn:
        for eid, data, retracted in conn.execute(query):
            obj = json.loads(data)
            if retracted is not None:
                obj["retracted_at"] = retracted.isoformat() + "Z"
            out[eid] = obj
    return out
