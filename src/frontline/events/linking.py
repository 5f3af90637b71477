"""Stage 2 of merging, blocked and order-independent: which documents' stories tell one event.

`merge._link_score` decides whether a story joins an event. It is positive only when some pair of
mentions (one from each side) does not conflict and has positive affinity, and across documents
the rules give positive affinity only to two mentions of one kind dated within a day of each
other, and two mentions placed in two countries conflict. So stories are compared only within *blocks*
(type family x day, with the neighbouring days so a one-day window is not cut; x region, an
unplaced mention being of every region), and a pair of stories with such a pair of mentions is an
*edge* (tests/test_incremental_merge.py checks this contract against the rules). Stories joined by
edges form groups; a story can only ever join an event of its own group. Inside each group the
stories are linked greedily in a canonical order (document id, then the story's place in its
document), each to the best event so far, as before, but against every earlier event of the group
rather than the last few hundred of the corpus. The result is therefore the same whatever order
documents arrived in, and adding a document re-links only the groups its stories touch
(`store.merging`).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontline.events import merge
from frontline.models import EventMention

GROUND_FAMILY = "ground"
NEIGHBOUR_DAYS = 1  # merge._same_day: start dates at most one day apart


def family(event_type: str) -> str:
    """Capture, withdrawal, offensive and clash may tell one fight; every other type is its own family."""
    return GROUND_FAMILY if event_type in merge.GROUND else event_type


def block_keys(m: EventMention) -> tuple[str, int] | None:
    """(type family, day) of a mention, or None when it can link nothing across documents (no date)."""
    if m.date is None:
        return None
    return family(m.type), m.date.start.toordinal()


def story_blocks(mentions: Iterable[EventMention]) -> set[tuple[str, int]]:
    return {k for m in mentions if (k := block_keys(m)) is not None}


def neighbours(key: tuple[str, int]) -> list[tuple[str, int]]:
    fam, day = key
    return [(fam, d) for d in range(day - NEIGHBOUR_DAYS, day + NEIGHBOUR_DAYS + 1)]


@dataclass
class Story:
    """One document's story: its key orders stories canonically (document, place in the document)."""

    document: str
    position: int
    mentions: list[EventMention]

    @property
    def key(self) -> tuple[str, int]:
        return (self.document, self.position)


def region(m: EventMention) -> str:
    """The country a mention is placed in ('' when unplaced): two places in two countries conflict
    (`merge._places_compatible`), an unplaced mention is compatible with any."""
    return m.location.country if m.location is not None else ""


def regions_compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def pair_links(x: EventMention, m: EventMention) -> bool:
    """Could these two mentions of two documents put their stories in one event? `x` is of the
    story that comes first in canonical order (the event `merge._link_score` compares a story with)."""
    return merge._affinity(x, m) > 0 and not merge._conflict(x, m)


def block_index(mentions: Iterable[EventMention]) -> dict[tuple[str, int], list[EventMention]]:
    index: dict[tuple[str, int], list[EventMention]] = defaultdict(list)
    for x in mentions:
        if (k := block_keys(x)) is not None:
            index[k].append(x)
    return index


def linked(a: Story, b: Story, index: dict[tuple[str, int], list[EventMention]] | None = None) -> bool:
    """An edge: some pair of mentions, one of each story, in neighbouring blocks and compatible
    regions, that links (`index`: `block_index(a.mentions)`, when the caller has it)."""
    if a.document == b.document:
        return False
    if index is None:
        index = block_index(a.mentions)
    a_first = a.key < b.key
    for m in b.mentions:
        k = block_keys(m)
        if k is None:
            continue
        rm = region(m)
        for n in neighbours(k):
            for x in index.get(n, ()):
                if regions_compatible(region(x), rm) and (pair_links(x, m) if a_first else pair_links(m, x)):
                    return True
    return False


def groups(stories: Sequence[Story]) -> list[list[Story]]:
    """Connected components of the edge graph, each in canonical order, ordered by their first story."""
    by_block: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, s in enumerate(stories):
        for k in story_blocks(s.mentions):
            by_block[k].append(i)
    parent = list(range(len(stories)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    indexes: dict[int, dict] = {}
    tried: set[tuple[int, int]] = set()
    for (fam, day), members in by_block.items():
        for d in range(day, day + NEIGHBOUR_DAYS + 1):  # this day and the next: each neighbour pair once
            others = members if d == day else by_block.get((fam, d), ())
            for i in members:
                for j in others:
                    if i == j or stories[i].document == stories[j].document:
                        continue
                    pair = (i, j) if i < j else (j, i)
                    if pair in tried:
                        continue
                    tried.add(pair)
                    if find(i) == find(j):
                        continue
                    if i not in indexes:
                        indexes[i] = block_index(stories[i].mentions)
                    if linked(stories[i], stories[j], indexes[i]):
                        parent[find(i)] = find(j)
    out: dict[int, list[Story]] = defaultdict(list)
    for i, s in enumerate(stories):
        out[find(i)].append(s)
    comps = [sorted(c, key=lambda s: s.key) for c in out.values()]
    return sorted(comps, key=lambda c: c[0].key)


def group_id(group: Sequence[Story]) -> str:
    """A name for a group that depends only on its first story (stable whoever computes it)."""
    doc, pos = min(s.key for s in group)
    return hashlib.sha1(f"{doc}\x1f{pos}".encode()).hexdigest()[:24]


def link_group(group: Sequence[Story]) -> list[merge._Cluster]:
    """Link one group's stories into events: in canonical order, each story joins the earlier
    event `merge._link_score` rates best (ties to the earliest), else founds its own."""
    merged: list[merge._Cluster] = []
    for story in sorted(group, key=lambda s: s.key):
        cluster = merge._Cluster(story.mentions[0])
        cluster.mentions = list(story.mentions)
        best, best_score = None, 0.0
        for c in merged:
            score = merge._link_score(c, cluster)
            if score > best_score:
                best, best_score = c, score
        if best is None:
            merged.append(cluster)
        else:
            best.mentions.extend(cluster.mentions)
    return merged
