"""Statements of a rebuild written as SQL text, for what a new process pays to compile them.

Every new process (each `frontline ingest`) compiles each SQLAlchemy Core statement the first time
it runs it: 0.1-0.3 ms apiece. Most here run only when stored stories lie near a new document's
(reading the neighbours, their groups and events, rewriting changed events and registry rows),
which one more document into an empty database never pays for; a `text()` statement, its IN
lists expanding parameters, compiles in a fraction of that (15-90 µs), so one more document into a
large database costs closer to what it costs into an empty one (`bench/incremental_merge.py`).
Plain SQL that SQLite and PostgreSQL both read; the column names are those of `store.schema`
("key" quoted) and DateTime values are bound and read through SQLAlchemy's types, as Core would.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import TextClause, bindparam, text

from frontline.store import schema as t


def _in(sql: str, *names: str) -> TextClause:
    """`sql` with the named parameters expanding into IN lists."""
    return text(sql).bindparams(*(bindparam(n, expanding=True) for n in names))


# store.merging: the stored rows of a type family's blocks on some days (in some regions), which are
# tried against a new document's mentions; on SQLite read from the index alone (ix_story_blocks_near).
_NEAR = "SELECT id, document_id, day, region, place, words FROM story_blocks WHERE family = :fam AND day IN :days"
NEAR_ROWS = _in(_NEAR, "days")
NEAR_ROWS_IN_REGIONS = _in(_NEAR + " AND region IN :regions", "days", "regions")
# store.merging: the stored stories of the promising rows, with their groups (and names resolved).
PROMISING_STORIES = _in("SELECT sb.document_id, sb.position, sb.data, ms.grp, ms.resolved FROM story_blocks sb "
                        "JOIN merge_stories ms ON ms.document_id = sb.document_id AND ms.position = sb.position "
                        "WHERE sb.id IN :ids", "ids")
GROUP_STORIES = _in("SELECT document_id, position, data, grp, resolved FROM merge_stories WHERE grp IN :grps",
                    "grps")
GROUP_EVENTS = _in("SELECT id, data, grp FROM events WHERE grp IN :grps", "grps")
DELETE_EVIDENCE = _in("DELETE FROM event_evidence WHERE event_id IN :ids", "ids")
DELETE_EVENTS = _in("DELETE FROM events WHERE id IN :ids", "ids")
REGROUP_STORY = text("UPDATE merge_stories SET grp = :grp WHERE document_id = :doc AND position = :pos")

# store.identity: the registry rows of the live events a partial re-merge replaces.
_REG = t.event_registry
REGISTRY_ROWS = _in("SELECT id, anchor_document, anchor_post, anchor_text, created_at, updated_at, retracted_at, "
                    "data FROM event_registry WHERE id IN :ids", "ids").columns(
    created_at=_REG.c.created_at.type, updated_at=_REG.c.updated_at.type, retracted_at=_REG.c.retracted_at.type)
POSTS_SEEN = _in("SELECT document_id, post_id, first_snapshot, published, position FROM posts "
                 "WHERE document_id IN :docs", "docs").columns(published=t.posts.c.published.type)
RETRACT = text("UPDATE event_registry SET retracted_at = :at, updated_at = :at WHERE id = :id").bindparams(
    bindparam("at", type_=_REG.c.retracted_at.type))


# store.db: the number of event rows, kept with the events_version it was counted at.
EVENTS_COUNT = text("SELECT \"key\", value FROM store_meta "
                    "WHERE \"key\" IN ('events_version', 'events_count', 'events_counted')")
SET_EVENTS_COUNT = text("UPDATE store_meta SET value = CASE \"key\" WHEN 'events_count' THEN :count ELSE :version END "
                        "WHERE \"key\" IN ('events_count', 'events_counted')")
SET_META = text("UPDATE store_meta SET value = :value WHERE \"key\" = :key")
ADD_META = text("INSERT INTO store_meta (\"key\", value) VALUES (:key, :value)")


@lru_cache(maxsize=64)
def update_registry(names: tuple[str, ...]) -> TextClause:
    """UPDATE of the registry columns `names` of the row `:_id`, each value bound as `:v_<name>`."""
    unknown = set(names) - set(_REG.c.keys())
    if unknown:
        raise ValueError(f"not columns of event_registry: {sorted(unknown)}")
    sets = ", ".join(f"{n} = :v_{n}" for n in names)
    return text(f"UPDATE event_registry SET {sets} WHERE id = :_id").bindparams(
        *(bindparam(f"v_{n}", type_=_REG.c[n].type) for n in names))
