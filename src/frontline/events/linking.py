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
from frontline.events.similarity import text_overlap
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


LINK_OVERLAP = 0.6  # the least share of words any cross-document rule of `merge._affinity` asks for


def place_id(m: EventMention) -> str:
    return m.location.gazetteer_id if m.location is not None else ""


def could_link(x_text: str, x_place: str, m: EventMention) -> bool:
    """A necessary condition of `merge._affinity` across documents, cheap enough to try on every
    stored mention of a block before reading it whole: the rules link two documents' mentions on
    shared words (a share of at least LINK_OVERLAP) or on the same town (with the same voices).
    tests/test_incremental_merge.py checks that every pair that links passes it."""
    return (bool(x_place) and x_place == place_id(m)) or text_overlap(x_text, m.evidence.text) >= LINK_OVERLAP


def pair_links(x: EventMention, m: EventMention) -> bool:
    """Could these two mentions of two documents put their stories in one event? `x` is of the
    story that comes first in canonical order (the event `merge._link_score` compares a story with)."""
    return merge._affinity(x, m) > 0 and not merge._conflict(x, m)


def groups(stories: Sequence[Story]) -> list[list[Story]]:
    """Connected components of the edge graph, each in canonical order, ordered by their first story.

    Each pair of mentions of two documents in neighbouring blocks is looked at once at most, and
    not at all once their stories are already joined."""
    by_block: dict[tuple[str, int], list[tuple[int, EventMention, str]]] = defaultdict(list)
    for i, s in enumerate(stories):
        for m in s.mentions:
            if (k := block_keys(m)) is not None:
                by_block[k].append((i, m, region(m)))
    parent = list(range(len(stories)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (fam, day), members in sorted(by_block.items()):
        for d in range(day, day + NEIGHBOUR_DAYS + 1):  # this day and the next: each pair of blocks once
            others = members if d == day else by_block.get((fam, d), ())
            for a, (i, x, rx) in enumerate(members):
                for j, m, rm in (others[a + 1:] if d == day else others):
                    if stories[i].document == stories[j].document or not regions_compatible(rx, rm):
                        continue
                    ri, rj = find(i), find(j)
                    if ri == rj:
                        continue
                    first, later = (x, m) if stories[i].key < stories[j].key else (m, x)
                    if could_link(x.evidence.text, place_id(x), m) and pair_links(first, later):
                        parent[ri] = rj
    out: dict[int, list[Story]] = defaultdict(list)
    for i, s in enumerate(stories):
        out[find(i)].append(s)
    comps = [sorted(c, key=lambda s: s.key) for c in out.values()]
    return sorted(comps, key=lambda c: c[0].key)


def group_id(group: Sequence[Story]) -> str:
    """A name for a group that depends only on its first story (stable whoever computes it): a hash
    of its document, then of the story, so that the groups one document founds sort together in the
    indexes of group names (a new document's stories and events then write one or two pages of
    each, not a page of a large index for every story)."""
    doc, pos = min(s.key for s in group)
    return hashlib.sha1(doc.encode()).hexdigest()[:10] + hashlib.sha1(f"{doc}\x1f{pos}".encode()).hexdigest()[:14]


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
