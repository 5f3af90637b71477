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
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
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

# Counters that change whenever derived data is rebuilt ("events_version": every replace_events),
# so that caches of counts and stats know when they are stale.
store_meta = Table(
    "store_meta", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Integer, nullable=False, default=0),
)
