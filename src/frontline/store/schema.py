"""Tables. Documents keep every snapshot and every post revision: history is never overwritten."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    literal_column,
)

metadata = MetaData()

# Key widths. SQLite ignores them but PostgreSQL enforces them, so they are generous enough
# that a long URL or a longer id scheme fails on neither backend.
DOC_ID_LEN = 2048  # URLs with query strings
POST_ID_LEN = 64
EVENT_ID_LEN = 80

documents = Table(
    "documents", metadata,
    Column("id", String(DOC_ID_LEN), primary_key=True),  # URL or file base name
    Column("title", Text, nullable=False),
    Column("source", String(200), nullable=False, default=""),
    Column("url", Text),
    Column("published", DateTime),
    Column("format", String(20), nullable=False),
    Column("standfirst", Text, nullable=False, default=""),
    Column("clean_text", Text, nullable=False, default=""),  # offsets of current sentences refer here
    Column("current_snapshot", Integer),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)
# A snapshot saved under another name is found by its title and publisher (Store.find_document): without
# an index, every new document scanned the table (each row holding a document's text). On the title's
# first TITLE_KEY_CHARS characters, as an expression, so a hostile title of any length can be indexed
# (PostgreSQL refuses b-tree entries over ~2.7 kB).
TITLE_KEY_CHARS = 200
TITLE_KEY_SQL = f"substr(title, 1, {TITLE_KEY_CHARS})"
Index("ix_documents_source_title", documents.c.source, literal_column(TITLE_KEY_SQL))

snapshots = Table(
    "snapshots", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(DOC_ID_LEN), ForeignKey("documents.id"), nullable=False, index=True),
    Column("content_sha", String(64), nullable=False),
    Column("raw_sha", String(64), nullable=False, default=""),
    Column("file_name", Text),
    Column("ingested_at", DateTime, nullable=False),
    Column("new_posts", Integer, nullable=False, default=0),
    Column("edited_posts", Integer, nullable=False, default=0),
    Column("deleted_posts", Integer, nullable=False, default=0),
)

posts = Table(
    "posts", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(DOC_ID_LEN), ForeignKey("documents.id"), nullable=False),
    Column("post_id", String(POST_ID_LEN), nullable=False),
    Column("position", Integer, nullable=False),
    Column("headline", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("kind", String(20), nullable=False),
    Column("published", DateTime),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("off_topic", Boolean, nullable=False, default=False),
    Column("duplicate_of", String(POST_ID_LEN)),
    Column("removed", Text, nullable=False, default="[]"),  # JSON list of boilerplate cut
    Column("content_sha", String(64), nullable=False),
    Column("first_snapshot", Integer, nullable=False),
    Column("deleted_snapshot", Integer),  # set when a later snapshot no longer has it
    UniqueConstraint("document_id", "post_id"),
)

post_revisions = Table(
    "post_revisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("post_pk", Integer, ForeignKey("posts.pk"), nullable=False, index=True),
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), nullable=False),
    Column("change", String(10), nullable=False),  # new | edited | deleted
    Column("headline", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("content_sha", String(64), nullable=False),
)

sentences = Table(
    "sentences", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(DOC_ID_LEN), ForeignKey("documents.id"), nullable=False),
    Column("post_id", String(POST_ID_LEN), nullable=False),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("is_headline", Boolean, nullable=False, default=False),
    Column("duplicate_of", Integer),
    Index("ix_sentences_doc", "document_id", "position"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(DOC_ID_LEN), ForeignKey("documents.id"), nullable=False, index=True),
    Column("post_id", String(POST_ID_LEN), nullable=False),
    Column("data", Text, nullable=False),  # JSON of an EventMention
)

events = Table(
    "events", metadata,
    Column("id", String(EVENT_ID_LEN), primary_key=True),
    Column("type", String(40), nullable=False, index=True),
    Column("status", String(20), nullable=False, index=True),
    Column("summary", Text, nullable=False),
    Column("date_start", String(10), index=True),
    Column("date_end", String(10), index=True),  # with date_start: sargable date-range filters
    Column("place", String(200), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2), index=True),
    Column("admin1", String(200), index=True),  # the location's region, a column for the place filter
    Column("actors", Text, nullable=False, default=""),  # names joined, for filtering
    Column("sources", Text, nullable=False, default=""),
    Column("search_text", Text, nullable=False, default=""),  # summary + evidence, for free text
    Column("data", Text, nullable=False),  # the SPEC export object as JSON
    Column("grp", String(24), index=True),  # the merge group it came from (store.merging)
)

event_evidence = Table(
    "event_evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(EVENT_ID_LEN), ForeignKey("events.id"), nullable=False, index=True),
    Column("document_id", String(DOC_ID_LEN), nullable=False, index=True),
    Column("post_id", String(POST_ID_LEN), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

# Small named facts about the database itself. `events_stale` is "1" from the transaction that
# changes mentions until the transaction that writes the events rebuilt from them (Store.replace_events),
# so a run killed in between is noticed and repaired by the next command.
state = Table(
    "state", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# ---------------------------------------------------------------- reference control maps
# A reference map (e.g. DeepState's occupied areas) is a series of dated polygon snapshots of
# what one party holds inside one country. The geometry is kept as WKB (exact, for point-in-
# polygon) and as simplified GeoJSON (for the browser); the bbox columns let a lookup skip a
# snapshot without decoding it. See frontline.control.reference.

reference_maps = Table(
    "reference_maps", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("held_by", String(200), nullable=False),  # the party the polygons are held by
    Column("covers", String(2)),  # ISO country the map covers (None: wherever it has polygons)
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

reference_snapshots = Table(
    "reference_snapshots", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("map_id", Integer, ForeignKey("reference_maps.id"), nullable=False),
    Column("date", String(10), nullable=False),  # ISO date the map shows
    Column("source", Text, nullable=False, default=""),  # file name it came from
    Column("sha", String(64), nullable=False),  # of the normalised geometry: re-import is a no-op
    Column("wkb", LargeBinary, nullable=False),
    Column("simplified", Text, nullable=False),  # GeoJSON geometry simplified for drawing
    Column("area_km2", Float, nullable=False, default=0.0),
    Column("minx", Float), Column("miny", Float), Column("maxx", Float), Column("maxy", Float),
    Column("imported_at", DateTime, nullable=False),
    UniqueConstraint("map_id", "date"),
    Index("ix_reference_snapshots_map_date", "map_id", "date"),
)

# ------------------------------------------------------------------ following live blogs (issue 10)

# What the last fetch of a URL answered, so the next poll can ask "changed since?" (ETag / Last-Modified).
fetch_state = Table(
    "fetch_state", metadata,
    Column("url", String(DOC_ID_LEN), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", DateTime),
    Column("changed_at", DateTime),
)

# The event mentions of each post as last extracted, keyed by what they depend on (the post's text,
# kind and time, and the document's date), so a new snapshot re-does the language work only for
# posts that are new or edited. Offsets are relative to the post (posts move when others are added).
post_mentions = Table(
    "post_mentions", metadata,
    Column("document_id", String(DOC_ID_LEN), primary_key=True),
    Column("post_id", String(POST_ID_LEN), primary_key=True),
    Column("key", String(64), nullable=False),
    Column("data", Text, nullable=False),  # JSON list of cached mentions
)

# Every event id ever given out, with the sentence that first reported the event (document, post,
# normalised text): the id lives as long as that sentence. Retracted events stay here.
event_registry = Table(
    "event_registry", metadata,
    Column("id", String(EVENT_ID_LEN), primary_key=True),
    Column("anchor_document", String(DOC_ID_LEN), nullable=False),
    Column("anchor_post", String(POST_ID_LEN), nullable=False),
    Column("anchor_text", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("retracted_at", DateTime),
    Column("data", Text, nullable=False),  # the last export object of the event
    Index("ix_event_registry_anchor", "anchor_document", "anchor_post"),
)

# One row per new / updated / retracted event (SPEC section 6 `changes`); post changes come from post_revisions.
event_changes = Table(
    "event_changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False, index=True),
    # Not indexed: read by id (`live.event_changes`) and time, never by event; an index on this hash
    # would cost every new or changed event a write to a random page of a large B-tree.
    Column("event_id", String(EVENT_ID_LEN), nullable=False),
    Column("change", String(10), nullable=False),  # new | updated | retracted
    Column("fields", Text, nullable=False, default="[]"),  # JSON list of changed field names
    Column("status", String(20), nullable=False),
    Column("type", String(40), nullable=False, default=""),
    Column("summary", Text, nullable=False, default=""),
)

# Counters that change whenever derived data is rebuilt ("events_version": every replace_events),
# so that caches of counts and stats know when they are stale.
store_meta = Table(
    "store_meta", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Integer, nullable=False, default=0),
)

# ------------------------------------------------------------------ incremental merging (issue 9)
# See frontline.store.merging. A document's stories (stage 1 of merging) are kept with the hash of
# the mentions (and merge rules) they came from; each story is indexed by its blocks (type family x
# day) and belongs to a group of stories that may link. A rebuild re-merges only the documents
# whose mentions changed (`dirty_documents`, written in the same transaction as the mentions) and
# the groups their stories touch.

doc_stories = Table(
    "doc_stories", metadata,
    Column("document_id", String(DOC_ID_LEN), primary_key=True),
    Column("key", String(64), nullable=False),  # hash of the merge version and the document's mentions
)

# How stage 1 clustered the document (`events.merge.Progress`, JSON with the merge version): a
# live blog that grew by new posts is clustered again from it, scoring only what the new posts touch.
doc_progress = Table(
    "doc_progress", metadata,
    Column("document_id", String(DOC_ID_LEN), primary_key=True),
    Column("data", Text, nullable=False),
)

merge_stories = Table(
    "merge_stories", metadata,
    Column("document_id", String(DOC_ID_LEN), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("grp", String(24), nullable=False, index=True),
    Column("data", Text, nullable=False),  # JSON list of the story's mentions, in story order
    # JSON {source name: catalogue id or null} of its mentions' sources (store.merging._resolved)
    Column("resolved", Text, nullable=True),
)

# One row per dated mention of a story, in its block: a new story is compared with the mentions of
# its neighbouring blocks only, without loading whole stories.
story_blocks = Table(
    "story_blocks", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("family", String(40), nullable=False),
    Column("day", Integer, nullable=False),  # proleptic ordinal of the mention's start date
    Column("region", String(2), nullable=False, default=""),  # the location's country, '' unplaced
    Column("document_id", String(DOC_ID_LEN), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("place", String(200), nullable=False, default=""),  # gazetteer id: with `words`, what
    # linking.could_link tries before reading `data`: the text's stems ("\x1f" and the stems joined by
    # spaces, store.merging._stored_stems; in databases written before, the text itself)
    Column("words", Text, nullable=False, default=""),
    Column("data", Text, nullable=False),  # JSON of the mention
    # What a rebuild reads of the blocks near a new document (`store.statements.NEAR_ROWS`): on SQLite
    # every column it reads is in the index, so the rows of a block are read together from a few
    # index pages rather than each from a page of its own among the mentions' JSON (a 10,000-document
    # database reads ~170 rows a new document). PostgreSQL, whose index entries are limited to a
    # third of a page (a long sentence's stems would not fit), keeps the index on the block.
    Index("ix_story_blocks_near", "family", "day", "region", "document_id", "place", "words").ddl_if(dialect="sqlite"),
    Index("ix_story_blocks_block", "family", "day", "region").ddl_if(dialect="postgresql"),
)

dirty_documents = Table(
    "dirty_documents", metadata,
    Column("document_id", String(DOC_ID_LEN), primary_key=True),
)
