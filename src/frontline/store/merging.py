"""Incremental merging: a rebuild re-merges only what changed, with the same result as merging all.

Merging has two stages (`events.merge`, `events.linking`):
1. a document's stories depend on its mentions alone: they are stored (`merge_stories`) with a
   hash of those mentions and of the merge rules (`doc_stories.key`), so only documents whose
   mentions changed (`dirty_documents`, written with the mentions) are clustered again; and with
   how they were clustered (`doc_progress`), so a live blog that grew by new posts is clustered
   again scoring only what the new posts touch (`merge.resume_stories`, the same stories);
2. stories link across documents only within blocks (type family x day), and stories that may
   link form groups; a changed document's old and new stories touch a few groups, which are
   linked again from their stories in a canonical order; every other group, and its events, is
   left as it is.
Events are then given their ids (`identity.assign`, scoped to the groups re-merged) and only
events whose row changed are written, in the caller's transaction (the writer lock), which also
clears the stale mark and the dirty documents. `prepare` may run outside the lock; `current`
says whether its plan is still good inside it. A change of merge code or data (see
`merge_version`) makes the next rebuild a full one; `frontline doctor --fix --full` asks for one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, delete, insert, select

from frontline.events import linking, merge, pairs, similarity
from frontline.events.linking import Story
from frontline.language import actors
from frontline.models import Event, EventMention
from frontline.serialize import loads, mention_from_dict
from frontline.store import identity
from frontline.store import schema as t
from frontline.store import statements as sql
from frontline.store.db import (
    MERGE_VERSION_KEY,
    STALE_KEY,
    Store,
    _bump,
    event_row,
    events_version,
    record_events_count,
    stored_events_count,
)

CHUNK = 500  # ids per IN (...) clause


@lru_cache(maxsize=1)
def merge_version() -> str:
    """A hash of what merging depends on besides mentions: the merge and linking code, the pair
    model, the actor catalogue and the code resolving names to it (whose answers the stories'
    rows keep, `resolved`). Stored stories and groups made by other code are not reused."""
    h = hashlib.sha256()
    for module in (merge, linking, pairs, similarity, actors):
        h.update(Path(module.__file__).read_bytes())
    model = os.environ.get(pairs.ENV_VAR)
    for path in (Path(model) if model else pairs.packaged_model_path(),
                 Path(str(resources.files("frontline.data").joinpath("actors.toml")))):
        h.update(str(path).encode())
        h.update(path.read_bytes() if path.is_file() else b"-")
    return h.hexdigest()[:20]


def stories_key(raws: list[str]) -> str:
    """The cache key of a document's stories: the merge version and its mentions (sorted JSON)."""
    h = hashlib.sha256(merge_version().encode())
    for raw in raws:
        h.update(b"\x1e")
        h.update(raw.encode())
    return h.hexdigest()


@dataclass
class Plan:
    """What a rebuild writes, computed from the state at `generation` / `events_version`."""

    full: bool
    generation: int
    events_version: int
    documents: list[str]  # dirty documents handled (all, when full)
    keys: dict[str, str] = field(default_factory=dict)  # re-clustered document -> its stories' key
    stories: dict[str, list[Story]] = field(default_factory=dict)  # re-clustered document -> stories
    progress: dict[str, merge.Progress] = field(default_factory=dict)  # re-clustered document -> its record
    raws: dict[int, str] = field(default_factory=dict)  # id(mention) -> its stored JSON
    reclustered: list[str] = field(default_factory=list)
    old_groups: set[str] = field(default_factory=set)
    old_event_ids: list[str] = field(default_factory=list)
    old_rows: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # old event -> (data, grp)
    regrouped: dict[tuple[str, int], str] = field(default_factory=dict)  # story -> its (new) group
    stored_groups: dict[tuple[str, int], str] = field(default_factory=dict)  # stored story -> its old group
    events: list[Event] = field(default_factory=list)
    event_groups: list[str] = field(default_factory=list)  # group of each event, in `events` order
    events_count: int | None = None  # how many events there are once `apply` wrote the plan


def prepare(store: Store, conn: Connection | None = None, *, full: bool = False) -> Plan:
    """The new events of the groups touched by the dirty documents (of all groups when `full`)."""
    if conn is None:
        with store.engine.connect() as own:
            return prepare(store, own, full=full)
    generation, version = store.mentions_generation(conn), events_version(conn)
    full = full or store.get_state(MERGE_VERSION_KEY, conn) != merge_version()
    if full:
        docs = sorted(set(conn.execute(select(t.mentions.c.document_id).distinct()).scalars())
                      | set(conn.execute(select(t.doc_stories.c.document_id)).scalars()))
    else:
        docs = sorted(conn.execute(select(t.dirty_documents.c.document_id)).scalars())
    plan = Plan(full, generation, version, docs)
    cached = _doc_keys(conn, None if full else docs)
    raws_by_doc = _doc_mentions(conn, None if full else docs)
    kept: set[str] = set()
    earlier = _doc_progress(conn, [d for d in docs if cached.get(d) is not None])
    for doc in docs:
        raws = raws_by_doc.get(doc, [])
        mentions = [mention_from_dict(loads(r)) for r in raws]
        keyed = sorted(zip(mentions, raws, strict=True), key=lambda mr: (
            mr[0].evidence.document, mr[0].evidence.start, mr[0].evidence.end, mr[0].type, mr[1]))
        key = stories_key([r for _m, r in keyed])
        if cached.get(doc) == key:
            kept.add(doc)  # stage 1 reused: the same mentions give the same stories
            continue
        ordered = [m for m, _r in keyed]
        plan.raws.update((id(m), r) for m, r in keyed)
        plan.keys[doc] = key
        # A live blog grown by new posts resumes from how its earlier version was clustered.
        clusters, plan.progress[doc] = merge.resume_stories(ordered, earlier.get(doc))
        plan.stories[doc] = [Story(doc, i, c.mentions) for i, c in enumerate(clusters)]
        plan.reclustered.append(doc)
    if full:
        members = []
        for s, grp in _load_stories(conn, kept):
            members.append(s)
            plan.stored_groups[s.key] = grp
        plan.old_event_ids = list(conn.execute(select(t.events.c.id)).scalars())
    else:
        members = _touched(conn, plan)
    _link(plan, members + [s for ss in plan.stories.values() for s in ss])
    return plan


def current(store: Store, plan: Plan, conn: Connection) -> bool:
    """Inside the lock: nothing changed mentions or events since the plan was made."""
    return store.mentions_generation(conn) == plan.generation and events_version(conn) == plan.events_version


def apply(store: Store, plan: Plan, conn: Connection) -> int:
    """Write the plan in the caller's write transaction: stable ids, changed events, merge state.
    Returns how many event rows were written or deleted."""
    if plan.full:
        count = len(plan.events)
        identity.assign(store, plan.events, conn=conn)
        store.replace_events(plan.events, conn, {e.id: g for e, g in zip(plan.events, plan.event_groups,
                                                                          strict=True)})
        written = len(plan.events) + len(plan.old_event_ids)
    else:
        count = stored_events_count(conn)
        scope = identity.Scope(plan.old_event_ids, {(x.document, x.post) for e in plan.events for x in e.evidence})
        identity.assign(store, plan.events, conn=conn, scope=scope)
        if count is not None:  # the events of the groups re-merged are replaced (by ids named just now)
            before, after = set(plan.old_rows), {e.id for e in plan.events}
            count += len(after - before) - len(before - after)
        written = _write_events(store, plan, conn)
    if plan.full:  # every document was merged (one stored without mentions too)
        conn.execute(delete(t.dirty_documents))
    for chunk in ([] if plan.full else _chunks(plan.documents)):
        conn.execute(delete(t.dirty_documents).where(t.dirty_documents.c.document_id.in_(chunk)))
    for chunk in _chunks(sorted(plan.stories)):
        conn.execute(delete(t.story_blocks).where(t.story_blocks.c.document_id.in_(chunk)))
        conn.execute(delete(t.merge_stories).where(t.merge_stories.c.document_id.in_(chunk)))
        conn.execute(delete(t.doc_stories).where(t.doc_stories.c.document_id.in_(chunk)))
        conn.execute(delete(t.doc_progress).where(t.doc_progress.c.document_id.in_(chunk)))
    for (doc, pos), grp in sorted(plan.regrouped.items()):
        old = plan.stored_groups.get((doc, pos))
        if old is not None and old != grp:
            conn.execute(sql.REGROUP_STORY, {"grp": grp, "doc": doc, "pos": pos})
    _insert_stories(conn, plan)
    store._set_state(conn, MERGE_VERSION_KEY, merge_version())
    store._set_state(conn, STALE_KEY, "0")
    _bump(conn, "events_version")
    plan.events_count = record_events_count(conn, count)
    return written


# ------------------------------------------------------------------ stage 2: the groups touched


def _touched(conn: Connection, plan: Plan) -> list[Story]:
    """Stored stories of the groups a re-clustered document's old or new stories belong to."""
    changed = set(plan.stories)
    for chunk in _chunks(sorted(changed)):
        plan.old_groups.update(conn.execute(select(t.merge_stories.c.grp).where(
            t.merge_stories.c.document_id.in_(chunk))).scalars())
    new = [s for ss in plan.stories.values() for s in ss]
    # The stored mentions in the new stories' neighbouring blocks and compatible regions, by story:
    # all a link can rest on.
    # By type family: the days, and the regions ('' for an unplaced mention, which may link with any).
    wanted: dict[str, tuple[set[int], set[str]]] = defaultdict(lambda: (set(), set()))
    for s in new:
        for m in s.mentions:
            if (key := linking.block_keys(m)) is not None:
                days, regions = wanted[key[0]]
                days.update(d for _f, d in linking.neighbours(key))
                regions.add(linking.region(m))
    by_block: dict[tuple[str, int], list[tuple[Story, EventMention]]] = defaultdict(list)
    probes: dict[tuple[str, int], list[_Probe]] = defaultdict(list)  # the same, worked out for could_link
    for n in new:
        for m in n.mentions:
            if (key := linking.block_keys(m)) is not None:
                by_block[key].append((n, m))
                probes[key].append(_Probe(n.document, linking.region(m), linking.place_id(m),
                                          similarity._stems(m.evidence.text), id(m)))
    near_probes = {key: [p for block in linking.neighbours(key) for p in probes.get(block, ())] for key in probes}
    near_index: dict[tuple[str, int], _NearIndex] = {}
    promising: set[int] = set()  # stored mentions that pass linking.could_link with a new one
    tried: set[int] = set()  # a row read again (an unplaced one, for another region) is not tried again
    # One query per family (a row of a day or region no new mention is near finds no probe below)
    for fam, (days, regions) in sorted(wanted.items()):
        days_sorted = sorted(days)
        for i in range(0, len(days_sorted), CHUNK):
            params = {"fam": fam, "days": days_sorted[i:i + CHUNK]}
            if "" in regions:
                rows = conn.execute(sql.NEAR_ROWS, params)
            else:
                rows = conn.execute(sql.NEAR_ROWS_IN_REGIONS, {**params, "regions": sorted(regions | {""})})
            for row_id, doc, day, region, place, words in rows:
                if doc in changed or row_id in tried:
                    continue
                tried.add(row_id)
                index = near_index.get((fam, day))
                if index is None:
                    index = near_index[(fam, day)] = _NearIndex(_near(probes, near_probes, fam, day))
                if index.could_link_row(words, place, doc, region):
                    promising.add(row_id)
    # The promising rows, by story, with the story's group: the groups touched are what this stage
    # finds, so a story of a group already touched (an event many documents told) is neither parsed
    # nor asked again.
    nearby: dict[tuple[str, int], list[str]] = defaultdict(list)
    group_of: dict[tuple[str, int], str] = {}
    for chunk in _chunks(sorted(promising)):
        for doc, pos, data, grp, resolved in conn.execute(sql.PROMISING_STORIES, {"ids": chunk}):
            if (doc, pos) not in group_of:
                _remember(resolved)  # the story's names, once for its rows
            nearby[(doc, pos)].append(data)
            group_of[(doc, pos)] = grp

    def links_new(key: tuple[str, int], x: EventMention) -> bool:
        """Does stored mention `x` (of story `key`) link with a new mention of its neighbouring blocks?
        Only those `x` could link with are asked (linking.pair_links implies linking.could_link)."""
        rx, block_key = linking.region(x), linking.block_keys(x)
        index = near_index.get(block_key)
        if index is None:  # (the scan built the index of the row's block: its family and day)
            index = near_index[block_key] = _NearIndex(_near(probes, near_probes, *block_key))
        near = index.linkable(similarity._stems(x.evidence.text), linking.place_id(x))
        for block in linking.neighbours(block_key):
            for n, m in by_block.get(block, ()):
                if id(m) in near and n.document != key[0] and linking.regions_compatible(rx, linking.region(m)) and \
                        (linking.pair_links(x, m) if key < n.key else linking.pair_links(m, x)):
                    return True
        return False

    for key in sorted(nearby):
        grp = group_of[key]
        if grp not in plan.old_groups and any(links_new(key, mention_from_dict(loads(data))) for data in nearby[key]):
            plan.old_groups.add(grp)
    members = []
    for s, grp in _load_group_stories(conn, sorted(plan.old_groups), skip=changed):
        members.append(s)
        plan.stored_groups[s.key] = grp
    for chunk in _chunks(sorted(plan.old_groups)):  # their events, with the rows `_write_events` compares
        for eid, data, grp in conn.execute(sql.GROUP_EVENTS, {"grps": chunk}):
            plan.old_rows[eid] = (data, grp)
    plan.old_event_ids = sorted(plan.old_rows)
    return members


@dataclass(frozen=True)
class _Probe:
    """A new mention as stored rows are tried against it: what `linking.could_link` reads of it."""

    document: str
    region: str
    place: str
    stems: frozenset[str]
    mention: int  # id() of the mention


def _near(probes: dict, near_probes: dict, fam: str, day: int) -> list[_Probe]:
    """The probes of the blocks neighbouring (fam, day) (remembered in `near_probes`)."""
    hit = near_probes.get((fam, day))
    if hit is None:
        hit = near_probes[(fam, day)] = [p for block in linking.neighbours((fam, day)) for p in probes.get(block, ())]
    return hit


# The fewest stems two texts share when the overlap rule holds: a share of at least LINK_OVERLAP of
# the shorter text's three stems or more (k / 3 >= LINK_OVERLAP, and more stems only ask for more).
_LEAST_SHARED = next((k for k in range(1, 4) if k / 3 >= linking.LINK_OVERLAP), 4)


class _NearIndex:
    """The probes near one block, indexed by place and by stem, so that a stored row is tried
    against the few probes sharing its place or `_LEAST_SHARED` of its stems, not against every
    one: what `_could_link_any` answers for the probes of another document and a compatible region."""

    def __init__(self, probes: list[_Probe]):
        self.probes = probes
        self.by_place: dict[str, list[_Probe]] = defaultdict(list)
        for p in probes:
            if p.place:
                self.by_place[p.place].append(p)
        self.stems = frozenset().union(*(p.stems for p in probes))  # most rows share fewer than two
        self._by_stem: dict[str, list[int]] | None = None

    @property
    def by_stem(self) -> dict[str, list[int]]:
        """Stem -> the probes with it, built when a row first shares enough stems to need it (the
        rows of most blocks are all turned down on `stems` alone)."""
        if self._by_stem is None:
            self._by_stem = defaultdict(list)
            for i, p in enumerate(self.probes):
                for stem in p.stems:
                    self._by_stem[stem].append(i)
        return self._by_stem

    def could_link_row(self, words: str, place: str, document: str, region: str) -> bool:
        """`could_link` of a stored row (its `words` column as read): most of the ~170 rows a document
        reads share no place and fewer than `_LEAST_SHARED` stems with the probes, and are turned
        down here without building the set of their stems (a few µs a row, in a new process too)."""
        if place and place in self.by_place or not words.startswith(STEMS_MARK):
            return self.could_link(_row_stems(words), place, document, region)
        stems = words[1:].split()  # distinct: `_stored_stems` joined a set
        if len(stems) < 3 or len(self.stems.intersection(stems)) < _LEAST_SHARED:
            return False
        return self.could_link(frozenset(stems), place, document, region)

    def linkable(self, stems: frozenset[str], place: str) -> set[int]:
        """The probes (their mentions' ids) a text of `stems` at `place` could link with, whatever
        their document and region: those p for which `_could_link_any(stems, place, [p])` holds."""
        out = {p.mention for p in self.by_place.get(place, ())} if place else set()
        out.update(p.mention for p in self._sharing(stems))
        return out

    def _sharing(self, stems: frozenset[str]) -> Iterator[_Probe]:
        """The probes whose words overlap `stems` enough to link (`linking.LINK_OVERLAP` of the
        smaller set), counted through the stem index rather than probe by probe."""
        if len(stems) < 3:
            return
        common = stems & self.stems
        if len(common) < _LEAST_SHARED:
            return
        shared: dict[int, int] = defaultdict(int)
        for stem in common:
            for i in self.by_stem[stem]:
                shared[i] += 1
        for i, n in shared.items():
            p = self.probes[i]
            small = min(len(stems), len(p.stems))
            if small >= 3 and n / small >= linking.LINK_OVERLAP:
                yield p

    def could_link(self, stems: frozenset[str], place: str, document: str, region: str) -> bool:
        def other(p: _Probe) -> bool:
            return p.document != document and (not region or not p.region or region == p.region)

        if place and any(other(p) for p in self.by_place.get(place, ())):
            return True
        return any(other(p) for p in self._sharing(stems))


STEMS_MARK = "\x1f"  # `story_blocks.words` holding the text's stems, not the text (databases before it)


def _stored_stems(text: str) -> str:
    """What `story_blocks.words` keeps of a mention's text: its stems (`similarity._stems`), worked out
    once when the story is stored rather than by every later rebuild that reads the row. Stems are
    runs of letters, apostrophes and hyphens, so a space joins them. A change of `similarity` changes
    `merge_version`, and the full rebuild that follows stores every row again."""
    return STEMS_MARK + " ".join(sorted(similarity._stems(text)))


def _row_stems(words: str) -> frozenset[str]:
    """The stems of a `story_blocks` row: stored, or (a row written before they were) worked out."""
    if words.startswith(STEMS_MARK):
        return frozenset(words[1:].split())
    return similarity._stems(words)


def _could_link_any(stems: frozenset[str], place: str, probes: list[_Probe]) -> bool:
    """Whether `linking.could_link(text, place, m)` holds for a mention m of `probes` (`stems` those
    of the text): the same place, or a share of at least LINK_OVERLAP of the shorter text's stems
    (`similarity.text_overlap`), with each text's stems worked out once, not once per pair.
    tests/test_incremental_merge.py checks that it answers as could_link does."""
    for p in probes:
        if place and place == p.place:
            return True
        small = min(len(stems), len(p.stems))
        if small >= 3 and len(stems & p.stems) / small >= linking.LINK_OVERLAP:
            return True
    return False


def _link(plan: Plan, stories: list[Story]) -> None:
    """Group and link the stories; events in the order merging lists them (`merge.events_of`)."""
    pairs_: list[tuple[Event, str]] = []
    for group in linking.groups(stories):
        gid = linking.group_id(group)
        for s in group:
            plan.regrouped[s.key] = gid
        pairs_.extend((merge._event(c), gid) for c in linking.link_group(group))
    pairs_.sort(key=lambda eg: eg[0].id)
    pairs_.sort(key=lambda eg: eg[0].date.start if eg[0].date else dt.date.min, reverse=True)
    plan.events = [e for e, _g in pairs_]
    plan.event_groups = [g for _e, g in pairs_]


# ------------------------------------------------------------------ writes


def _write_events(store: Store, plan: Plan, conn: Connection) -> int:
    """Insert new events, update changed ones, delete those gone: nothing else is written. The old
    rows were read with the plan (`_touched`), which `current` checked is still the state."""
    old = plan.old_rows
    new_ids = {e.id for e in plan.events}
    gone = sorted(set(old) - new_ids)
    rewrite: list[Event] = []
    groups: dict[str, str] = {}
    for e, g in zip(plan.events, plan.event_groups, strict=True):
        row = event_row(e, g)
        if e.id in old and old[e.id] == (row["data"], g):
            continue  # unchanged: not written
        if e.id in old:
            gone.append(e.id)  # changed: its row and evidence are written again
        rewrite.append(e)
        groups[e.id] = g
    for chunk in _chunks(gone):
        conn.execute(sql.DELETE_EVIDENCE, {"ids": chunk})
        conn.execute(sql.DELETE_EVENTS, {"ids": chunk})
    store.insert_events(conn, rewrite, groups)
    return len(set(gone) | {e.id for e in rewrite})


def _insert_stories(conn: Connection, plan: Plan) -> None:
    """The re-clustered documents' stories, their blocks and their cache keys."""
    story_rows, block_rows = [], []
    for s in (s for ss in plan.stories.values() for s in ss):
        data = "[" + ",".join(plan.raws[id(m)] for m in s.mentions) + "]"
        story_rows.append(dict(document_id=s.document, position=s.position, grp=plan.regrouped[s.key], data=data,
                               resolved=_resolved(s.mentions)))
        block_rows.extend(dict(family=key[0], day=key[1], region=linking.region(m), document_id=s.document,
                               position=s.position, place=linking.place_id(m), words=_stored_stems(m.evidence.text),
                               data=plan.raws[id(m)])
                          for m in s.mentions if (key := linking.block_keys(m)) is not None)
    if story_rows:
        conn.execute(insert(t.merge_stories), story_rows)
    if block_rows:
        conn.execute(insert(t.story_blocks), block_rows)
    doc_rows = [dict(document_id=d, key=k) for d, k in sorted(plan.keys.items())]
    if doc_rows:
        conn.execute(insert(t.doc_stories), doc_rows)
    progress_rows = [dict(document_id=d, data=json.dumps({"version": merge_version(), "progress": p.to_json()},
                                                         separators=(",", ":")))
                     for d, p in sorted(plan.progress.items()) if p.rows]
    if progress_rows:
        conn.execute(insert(t.doc_progress), progress_rows)


# ------------------------------------------------------------------ reads


def _chunks(items: list) -> list[list]:
    return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]


def _doc_keys(conn: Connection, docs: list[str] | None) -> dict[str, str]:
    query = select(t.doc_stories.c.document_id, t.doc_stories.c.key)
    if docs is None:
        return dict(conn.execute(query).all())
    out: dict[str, str] = {}
    for chunk in _chunks(docs):
        out.update(conn.execute(query.where(t.doc_stories.c.document_id.in_(chunk))).all())
    return out


def _doc_progress(conn: Connection, docs: list[str]) -> dict[str, merge.Progress]:
    """The stored stage-1 records of `docs` made by this merge version."""
    out: dict[str, merge.Progress] = {}
    for chunk in _chunks(docs):
        for doc, data in conn.execute(select(t.doc_progress.c.document_id, t.doc_progress.c.data)
                                      .where(t.doc_progress.c.document_id.in_(chunk))):
            record = loads(data)
            if record.get("version") == merge_version():
                out[doc] = merge.Progress.from_json(record["progress"])
    return out


def _doc_mentions(conn: Connection, docs: list[str] | None) -> dict[str, list[str]]:
    query = select(t.mentions.c.document_id, t.mentions.c.data)
    out: dict[str, list[str]] = defaultdict(list)
    for chunk in ([None] if docs is None else _chunks(docs)):
        q = query if chunk is None else query.where(t.mentions.c.document_id.in_(chunk))
        for doc, raw in conn.execute(q):
            out[doc].append(raw)
    return out


def _story(doc: str, pos: int, data: str, resolved: str | None = None) -> Story:
    _remember(resolved)
    return Story(doc, pos, [mention_from_dict(item) for item in loads(data)])


# Names resolved once, kept with the rows: the merge rules resolve each speaker's name to the actor
# catalogue (`actors.canonical_actor`, a spaCy pass, ~0.1 ms a name), and a new process (each
# `frontline ingest`) would otherwise resolve again the names of every stored mention it compares
# with a new one. A story's row (`merge_stories.resolved`) holds what its mentions' source names
# resolved to when it was written (`actors.resolved_ids`; the names are resolved by then, as
# clustering the document asked); a reader of the story or of its block rows (which come with it)
# hands them to `actors.remember_resolved` before the rules run. NULL (a row written before the
# column) is read as before: the names are resolved when asked. A change of the code resolving
# names changes `merge_version`, and the full rebuild that follows writes every row again.
def _resolved(mentions: list[EventMention]) -> str:
    """The `resolved` column of a story of `mentions`: their source names and what they resolve to."""
    names = [name for m in mentions for name, _stance in m.sources]
    return json.dumps(actors.resolved_ids(names), separators=(",", ":")) if names else "{}"


def _remember(resolved: str | None) -> None:
    if resolved:
        actors.remember_resolved(loads(resolved))


def _load_stories(conn: Connection, documents: set[str]) -> list[tuple[Story, str]]:
    """The stored stories of `documents` with their groups (a full rebuild: the documents whose
    stories are reused, stored by this merge version, so their names' answers are current too;
    the stories of every other document are replaced, and neither parsed nor trusted)."""
    ms = t.merge_stories
    return [(_story(doc, pos, data, resolved), grp)
            for doc, pos, data, grp, resolved in conn.execute(
                select(ms.c.document_id, ms.c.position, ms.c.data, ms.c.grp, ms.c.resolved))
            if doc in documents]


def _load_group_stories(conn: Connection, grps: list[str], skip: set[str] = frozenset()) -> list[tuple[Story, str]]:
    """The stored stories of groups `grps` but those of documents `skip` (re-clustered: their old
    stories are replaced, so they are not even parsed)."""
    out = []
    for chunk in _chunks(grps):
        for doc, pos, data, grp, resolved in conn.execute(sql.GROUP_STORIES, {"grps": chunk}):
            if doc not in skip:
                out.append((_story(doc, pos, data, resolved), grp))
    return out
