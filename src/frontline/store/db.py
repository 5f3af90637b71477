"""Store: every write for one document happens in one transaction, so a bad input never
leaves a half-written document, and history (snapshots, post revisions) is append-only."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.exc import OperationalError

from frontline.models import CleanDocument, Event, EventMention
from frontline.serialize import event_from_export, event_to_export, mention_from_dict, to_jsonable
from frontline.store import schema as t
from frontline.store import statements as sql


def resolve_db_url(db: str | None = None, *, create: bool = True) -> str:
    """--db beats FRONTLINE_DB beats the user's data directory. Paths become SQLite URLs.

    With create=False no directory is made (read commands must not leave new folders behind).
    """
    value = db or os.environ.get("FRONTLINE_DB")
    if not value:
        value = str(Path(user_data_dir("frontline")) / "frontline.db")
    if "://" in value:
        if value.startswith("postgres://"):
            value = "postgresql://" + value[len("postgres://"):]
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value[len("postgresql://"):]
        return value
    path = Path(value).expanduser()
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for other backends and in-memory databases)."""
    if not url.startswith("sqlite:///"):
        return None
    rest = url[len("sqlite:///"):]
    return Path(rest) if rest and rest != ":memory:" else None


class StoreBusy(Exception):
    """Another process held the database's writer lock for longer than we wait."""


STALE_KEY = "events_stale"
MENTIONS_GEN_KEY = "mentions_generation"  # +1 in every transaction that changes mentions
MERGE_VERSION_KEY = "merge_version"  # what made the stored stories and groups (store.merging)
LOCK_WAIT_SECONDS = float(os.environ.get("FRONTLINE_LOCK_WAIT", "900"))
_PG_LOCK_NAMESPACE = 7_310_412  # first key of the two-int advisory lock; the second is the schema


@dataclass
class IngestResult:
    document_id: str
    status: str  # new | unchanged | updated
    new_posts: int = 0
    edited_posts: int = 0
    deleted_posts: int = 0


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _naive(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _sha(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class Store:
    def __init__(self, url: str | None = None, *, on_wait: Callable[[str], None] | None = None):
        self.url = resolve_db_url(url)
        self.engine: Engine = create_engine(self.url, future=True)
        # Told once when another process holds the writer lock (the CLI prints it).
        self.on_wait = on_wait
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._create_tables()
        if _needs_migration(self.engine):
            with self.write_transaction() as conn:
                _migrate(conn)

    def _create_tables(self) -> None:
        """Create missing tables under the writer lock: two processes opening a new database at once
        would otherwise both try to create the same table."""
        existing = set(inspect(self.engine).get_table_names())
        if set(t.metadata.tables) <= existing:
            return
        with self.write_transaction() as conn:
            t.metadata.create_all(conn)

    # ------------------------------------------------------------ the writer lock

    @contextmanager
    def write_transaction(self) -> Iterator[Connection]:
        """One transaction holding the database's single writer lock, committed on exit.

        SQLite: BEGIN IMMEDIATE takes the write lock before anything is read, so what the
        transaction reads cannot change under it. PostgreSQL: a transaction-scoped advisory
        lock (per schema), released by commit, rollback or a dropped connection. Every write
        that checks and then inserts (documents, snapshots) or rebuilds derived rows (events)
        goes through here, so two processes never race to insert the same row.
        """
        with self.engine.connect() as conn:
            try:
                self._lock(conn)
                yield conn
                conn.commit()
            except BaseException:
                conn.rollback()
                raise

    def _lock(self, conn: Connection) -> None:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        told = False
        if self.engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA busy_timeout=1000")
            try:
                while True:
                    try:
                        conn.exec_driver_sql("BEGIN IMMEDIATE")
                        return
                    except OperationalError as exc:
                        if "locked" not in str(exc.orig) and "busy" not in str(exc.orig):
                            raise
                        conn.rollback()
                    if time.monotonic() > deadline:
                        raise StoreBusy(f"{self.where()}: another frontline process kept the database locked "
                                        f"for over {LOCK_WAIT_SECONDS:.0f} s; try again when it has finished")
                    if not told:
                        self._tell_wait()
                        told = True
            finally:
                conn.exec_driver_sql("PRAGMA busy_timeout=10000")
        elif self.engine.dialect.name == "postgresql":
            key = text("SELECT pg_try_advisory_xact_lock(:ns, hashtext(current_schema()))")
            if not conn.execute(key, {"ns": _PG_LOCK_NAMESPACE}).scalar():
                self._tell_wait()
                conn.execute(text("SELECT pg_advisory_xact_lock(:ns, hashtext(current_schema()))"),
                             {"ns": _PG_LOCK_NAMESPACE})

    @contextmanager
    def _writing(self, conn: Connection | None) -> Iterator[Connection]:
        """The caller's write transaction when given, else a new one."""
        if conn is not None:
            yield conn
        else:
            with self.write_transaction() as own:
                yield own

    def _tell_wait(self) -> None:
        if self.on_wait and not getattr(self, "_told_wait", False):
            self._told_wait = True  # once per process: a batch would otherwise say it per document
            self.on_wait(f"waiting: another frontline process is writing to {self.where()}")

    def where(self) -> str:
        """The database for messages, without a password."""
        return self.engine.url.render_as_string(hide_password=True)

    # ------------------------------------------------------------ derived-state marks

    def _set_state(self, conn: Connection, key: str, value: str) -> None:
        """Upsert one state row (callers hold the writer lock, so update-then-insert cannot race)."""
        if conn.execute(update(t.state).where(t.state.c.key == key).values(value=value)).rowcount == 0:
            conn.execute(insert(t.state).values(key=key, value=value))

    def get_state(self, key: str, conn: Connection | None = None) -> str | None:
        if conn is not None:
            return conn.execute(select(t.state.c.value).where(t.state.c.key == key)).scalar()
        with self.engine.connect() as own:
            return own.execute(select(t.state.c.value).where(t.state.c.key == key)).scalar()

    def events_stale(self, conn: Connection | None = None) -> bool:
        """Mentions changed since events were last rebuilt (a run stopped in between)."""
        return self.get_state(STALE_KEY, conn) == "1"

    def mark_events_stale(self, conn: Connection) -> None:
        """Call in the same transaction (a `write_transaction`) as any change to mentions."""
        self._set_state(conn, STALE_KEY, "1")
        self._set_state(conn, MENTIONS_GEN_KEY, str(int(self.get_state(MENTIONS_GEN_KEY, conn) or 0) + 1))

    def mentions_generation(self, conn: Connection | None = None) -> int:
        """Changes with every change to mentions: a rebuild merged outside the lock is still good
        when the generation it read is the one found inside the lock."""
        return int(self.get_state(MENTIONS_GEN_KEY, conn) or 0)

    # ------------------------------------------------------------ ingest

    def find_document(self, doc_id: str, title: str, source: str, conn: Connection | None = None) -> str | None:
        """An existing document this snapshot belongs to: same id, or same title and publisher."""
        if conn is None:
            with self.engine.connect() as own:
                return self.find_document(doc_id, title, source, own)
        if conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first():
            return doc_id
        if source:
            # through ix_documents_source_title (the whole title is compared here: a condition on the
            # column itself would make SQLite use only the index's first column)
            for found, found_title in conn.execute(select(t.documents.c.id, t.documents.c.title).where(
                    t.documents.c.source == source,
                    literal_column(t.TITLE_KEY_SQL) == func.substr(title, 1, t.TITLE_KEY_CHARS))):
                if found_title == title:
                    return found
        return None

    def seen_snapshot(self, doc_id: str, title: str, source: str, content_sha: str) -> str | None:
        """The stored document id if this exact snapshot was ingested before (so work can be skipped)."""
        existing = self.find_document(doc_id, title, source)
        if existing is None:
            return None
        with self.engine.connect() as conn:
            hit = conn.execute(select(t.snapshots.c.id).where(
                t.snapshots.c.document_id == existing, t.snapshots.c.content_sha == content_sha)).first()
        return existing if hit else None

    def save_document(self, clean: CleanDocument, mentions: list[EventMention], content_sha: str,
                      file_name: str | None = None,
                      also: Callable[[Connection, str], None] | None = None) -> IngestResult:
        """Record a snapshot: new, edited and deleted posts become revisions; nothing is overwritten.

        Under the writer lock, so a second process saving the same document at the same time
        finds it (and returns "unchanged") instead of inserting it again. `also(conn, document id)`
        writes what goes with the document (its posts' mention cache) in the same transaction:
        one commit per document, and never one without the other.
        """
        doc = clean.document
        now = _now()
        with self.write_transaction() as conn:
            doc_id = self.find_document(doc.doc_id, doc.title, doc.source, conn) or doc.doc_id
            if also is not None:
                also(conn, doc_id)
            existing = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
            # A snapshot already recorded (the current one or an older one ingested again
            # out of order) is not news: re-recording it would flip posts back and forth.
            if existing and conn.execute(select(t.snapshots.c.id).where(
                    t.snapshots.c.document_id == doc_id, t.snapshots.c.content_sha == content_sha).limit(1)).first():
                return IngestResult(doc_id, "unchanged")
            values = dict(title=doc.title, source=doc.source, url=doc.url, published=_naive(doc.published),
                          format=doc.format, standfirst=doc.standfirst, clean_text=clean.text, updated_at=now)
            if existing:
                conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(**values))
            else:
                conn.execute(insert(t.documents).values(id=doc_id, created_at=now, **values))
            snap_id = conn.execute(insert(t.snapshots).values(
                document_id=doc_id, content_sha=content_sha, raw_sha=doc.raw_sha, file_name=file_name,
                ingested_at=now)).inserted_primary_key[0]
            result = IngestResult(doc_id, "updated" if existing else "new")
            self._save_posts(conn, doc_id, clean, snap_id, result)
            conn.execute(update(t.snapshots).where(t.snapshots.c.id == snap_id).values(
                new_posts=result.new_posts, edited_posts=result.edited_posts, deleted_posts=result.deleted_posts))
            conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(current_snapshot=snap_id))
            # Sentences and mentions are derived from the current snapshot: replace them.
            conn.execute(delete(t.sentences).where(t.sentences.c.document_id == doc_id))
            sent_rows = [dict(document_id=doc_id, post_id=s.post_id, position=s.index, text=s.text, start=s.start,
                              end=s.end, is_headline=s.is_headline, duplicate_of=s.duplicate_of)
                         for s in clean.sentences]
            if sent_rows:
                conn.execute(insert(t.sentences), sent_rows)
            conn.execute(delete(t.mentions).where(t.mentions.c.document_id == doc_id))
            rows = []
            for m in mentions:
                m.evidence.document = doc_id
                rows.append(dict(document_id=doc_id, post_id=m.evidence.post, data=json.dumps(to_jsonable(m))))
            if rows:
                conn.execute(insert(t.mentions), rows)
            if not conn.execute(select(t.dirty_documents.c.document_id).where(
                    t.dirty_documents.c.document_id == doc_id)).first():
                conn.execute(insert(t.dirty_documents).values(document_id=doc_id))  # re-merge it (store.merging)
            self.mark_events_stale(conn)  # events derive from mentions: stale until rebuilt
        return result

    def _save_posts(self, conn, doc_id: str, clean: CleanDocument, snap_id: int, result: IngestResult) -> None:
        stored = {r["post_id"]: r for r in conn.execute(
            select(t.posts).where(t.posts.c.document_id == doc_id)).mappings()}
        seen = set()
        moved: list[dict] = []  # stored posts whose row changes (offsets move as a live blog grows)
        # New posts and the revisions, each written in one statement, in post order (so they get the
        # ids one insert per post gave them): a revision of a new post names it by its place in `added`.
        added: list[dict] = []
        revisions: list[tuple[int | None, int, dict]] = []  # (stored pk, index in `added`, values)
        for post in clean.posts:
            seen.add(post.post_id)
            sha = _sha(post.headline, post.text, post.kind)
            values = dict(position=post.index, headline=post.headline, text=post.text, kind=post.kind,
                          published=_naive(post.published), start=post.start, end=post.end,
                          off_topic=post.off_topic, duplicate_of=post.duplicate_of,
                          removed=json.dumps(post.removed), content_sha=sha, deleted_snapshot=None)
            old = stored.get(post.post_id)
            pk: int | None = None
            if old is None:
                added.append(dict(document_id=doc_id, post_id=post.post_id, first_snapshot=snap_id, **values))
                change = "new"
                result.new_posts += 1
            else:
                pk = old["pk"]
                if any(old[k] != v for k, v in values.items()):
                    moved.append({"_pk": pk, **{"v_" + k: v for k, v in values.items()}})
                if old["content_sha"] == sha and old["deleted_snapshot"] is None:
                    continue  # unchanged post: offsets may move, no revision
                change = "edited" if old["deleted_snapshot"] is None else "new"
                if change == "edited":
                    result.edited_posts += 1
                else:
                    result.new_posts += 1
            revisions.append((pk, len(added) - 1, dict(snapshot_id=snap_id, change=change, headline=post.headline,
                                                       text=post.text, content_sha=sha)))
        new_pks: list[int] = []
        if added:
            new_pks = list(conn.execute(insert(t.posts).returning(t.posts.c.pk, sort_by_parameter_order=True),
                                        added).scalars())
        if revisions:
            conn.execute(insert(t.post_revisions), [
                dict(post_pk=new_pks[i] if pk is None else pk, **values) for pk, i, values in revisions])
        if moved:  # in one statement (the columns are the same for every row)
            from sqlalchemy import bindparam

            conn.execute(update(t.posts).where(t.posts.c.pk == bindparam("_pk")).values(
                {k[2:]: bindparam(k) for k in moved[0] if k != "_pk"}), moved)
        for post_id, old in stored.items():
            if post_id not in seen and old["deleted_snapshot"] is None:
                conn.execute(update(t.posts).where(t.posts.c.pk == old["pk"]).values(deleted_snapshot=snap_id))
                conn.execute(insert(t.post_revisions).values(post_pk=old["pk"], snapshot_id=snap_id,
                                                             change="deleted", headline=old["headline"],
                                                             text=old["text"], content_sha=old["content_sha"]))
                result.deleted_posts += 1

    # ------------------------------------------------------------ events

    def all_mentions(self, conn: Connection | None = None) -> list[EventMention]:
        """Every stored mention in a canonical order (document, position in it, type, content), not
        insertion order: the merge then gives the same events and ids whatever order documents
        were ingested in, by one process or by several workers."""
        if conn is None:
            with self.engine.connect() as own:
                return self.all_mentions(own)
        rows = conn.execute(select(t.mentions.c.data)).scalars().all()
        keyed = []
        for raw in rows:
            m = mention_from_dict(json.loads(raw))
            keyed.append(((m.evidence.document, m.evidence.start, m.evidence.end, m.type, raw), m))
        keyed.sort(key=lambda km: km[0])
        return [m for _k, m in keyed]

    def replace_events(self, events: list[Event], conn: Connection | None = None,
                       groups: dict[str, str] | None = None) -> None:
        """Events are derived from all mentions; rebuilt wholesale in one transaction, which also
        clears the stale mark. Pass `conn` (a `write_transaction`) to write inside the caller's
        transaction, after reading the mentions there; `groups` (event id -> merge group) from
        `store.merging`."""
        with self._writing(conn) as conn:
            conn.execute(delete(t.event_evidence))
            conn.execute(delete(t.events))
            self.insert_events(conn, events, groups or {})
            if groups is None:  # events from elsewhere: the next rebuild merges everything again
                conn.execute(delete(t.state).where(t.state.c.key == MERGE_VERSION_KEY))
            self._set_state(conn, STALE_KEY, "0")
            _bump(conn, "events_version")
            record_events_count(conn, len(events))

    def insert_events(self, conn: Connection, events: list[Event], groups: dict[str, str]) -> None:
        """Insert event rows and their evidence (the caller has deleted any old rows of these ids)."""
        ev_rows, evid_rows = [], []
        for e in events:
            ev_rows.append(event_row(e, groups.get(e.id)))
            evid_rows.extend(dict(event_id=e.id, document_id=x.document, post_id=x.post, start=x.start,
                                  end=x.end, text=x.text) for x in e.evidence)
        if ev_rows:
            conn.execute(insert(t.events), ev_rows)
        if evid_rows:
            conn.execute(insert(t.event_evidence), evid_rows)

    def count_events(self, conn: Connection | None = None) -> int:
        """How many events there are: as the last rebuild recorded it (`record_events_count`), else counted."""
        if conn is None:
            with self.engine.connect() as own:
                return self.count_events(own)
        stored = stored_events_count(conn)
        return stored if stored is not None else conn.execute(select(func.count()).select_from(t.events)).scalar()

    def events_version(self) -> int:
        """A number that changes whenever the events are rebuilt (caches of counts key on it)."""
        with self.engine.connect() as conn:
            return events_version(conn)

    def iter_events(self) -> Iterator[Event]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.events.c.data).order_by(
                t.events.c.date_start.desc(), t.events.c.id)).scalars()
            for r in rows:
                yield event_from_export(json.loads(r))

    # ------------------------------------------------------------ reads

    def iter_posts(self, include_off_topic: bool = False) -> Iterator[dict]:
        query = select(t.posts).where(t.posts.c.deleted_snapshot.is_(None)).order_by(
            t.posts.c.document_id, t.posts.c.position)
        if not include_off_topic:
            query = query.where(t.posts.c.off_topic.is_(False))
        with self.engine.connect() as conn:
            for r in conn.execute(query).mappings():
                yield dict(r)

    def stats(self) -> dict:
        with self.engine.connect() as conn:
            def count(table, *where):
                q = select(func.count()).select_from(table)
                for w in where:
                    q = q.where(w)
                return conn.execute(q).scalar()

            by_type = dict(conn.execute(select(t.events.c.type, func.count()).group_by(t.events.c.type)).all())
            by_status = dict(conn.execute(
                select(t.events.c.status, func.count()).group_by(t.events.c.status)).all())
            return {
                "documents": count(t.documents), "snapshots": count(t.snapshots),
                "posts": count(t.posts, t.posts.c.deleted_snapshot.is_(None)),
                "post_revisions": count(t.post_revisions), "sentences": count(t.sentences),
                "mentions": count(t.mentions), "events": count(t.events),
                "events_by_type": by_type, "events_by_status": by_status,
                "events_stale": self.events_stale(conn),
            }

    def table_counts(self) -> dict[str, int]:
        """Row count of every table (tests use it to prove re-ingest changes nothing)."""
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(tbl)).scalar()
                    for name, tbl in t.metadata.tables.items()}


def event_row(e: Event, group: str | None = None) -> dict:
    """The `events` row of an event: the export object and the columns filters use."""
    return dict(
        id=e.id, type=e.type, status=e.status, summary=e.summary,
        date_start=e.date.start.isoformat() if e.date else None,
        date_end=e.date.end.isoformat() if e.date else None,
        place=e.location.name if e.location else None,
        lat=e.location.lat if e.location else None, lon=e.location.lon if e.location else None,
        country=e.location.country if e.location else None,
        admin1=e.location.admin1 if e.location else None,
        actors="|".join(a["name"] for a in e.actors), sources="|".join(s["name"] for s in e.sources),
        search_text=" ".join([e.summary] + [x.text for x in e.evidence]),
        data=json.dumps(event_to_export(e), ensure_ascii=False), grp=group)


def events_version(conn) -> int:
    return conn.execute(select(t.store_meta.c.value).where(t.store_meta.c.key == "events_version")).scalar() or 0


def stored_events_count(conn) -> int | None:
    """The number of event rows recorded by the last write of events, None when the events changed
    since without it being recorded (another writer; a database from before it was kept)."""
    meta = dict(conn.execute(sql.EVENTS_COUNT).all())
    if "events_count" in meta and meta.get("events_counted") == meta.get("events_version", 0):
        return meta["events_count"]
    return None


def record_events_count(conn, count: int | None) -> int:
    """Record the number of event rows after the caller's write of events (and its `_bump` of
    events_version), in its transaction. COUNT(*) reads a whole index: a rebuild that changed a few
    events of a large database would spend more on counting them than on merging (`count` None:
    counted here, once)."""
    if count is None:
        count = conn.execute(select(func.count()).select_from(t.events)).scalar()
    version = events_version(conn)
    if conn.execute(sql.SET_EVENTS_COUNT, {"count": count, "version": version}).rowcount < 2:  # not kept yet
        for key, value in (("events_count", count), ("events_counted", version)):
            if conn.execute(sql.SET_META, {"key": key, "value": value}).rowcount == 0:
                conn.execute(sql.ADD_META, {"key": key, "value": value})
    return count


def _bump(conn, key: str) -> None:
    """Increment a counter inside the caller's transaction (readers see old data and old number,
    or new data and new number)."""
    done = conn.execute(update(t.store_meta).where(t.store_meta.c.key == key).values(
        value=t.store_meta.c.value + 1)).rowcount
    if not done:
        conn.execute(insert(t.store_meta).values(key=key, value=1))


MIGRATED_INDEXES = ("admin1", "country", "place", "date_end", "grp")
# Columns added to merge state tables after databases were first created: NULL in older rows,
# which are read as before (store.merging resolves their names again).
MIGRATED_COLUMNS = (("merge_stories", "resolved", "TEXT"),)
DROPPED_INDEXES = ("ix_event_changes_event_id",)  # indexes no query uses, dropped from older databases
# On SQLite the story blocks' covering index (schema.story_blocks) replaces the index on the block alone.
SQLITE_NEAR_INDEX = "ix_story_blocks_near"
NEAR_INDEX_COLUMNS = {"family", "day", "region", "document_id", "place", "words"}


def _needs_migration(engine: Engine) -> bool:
    """Whether the events table lacks a column or index added after databases were first created.
    Asked without writing: a process opening a database another one is writing to must not wait
    for the writer lock (or fail on it) when there is nothing to change."""
    found = inspect(engine)
    names = {c["name"] for c in found.get_columns("events")}
    indexes = {i["name"] for i in found.get_indexes("events")}
    return not {"admin1", "grp"} <= names or any(f"ix_events_{c}" not in indexes for c in MIGRATED_INDEXES) \
        or any(column not in {c["name"] for c in found.get_columns(table)} for table, column, _ in MIGRATED_COLUMNS) \
        or not _has_index(engine, "ix_documents_source_title") or any(_has_index(engine, i) for i in DROPPED_INDEXES) \
        or engine.dialect.name == "sqlite" and _near_index_missing(engine, found)


def _near_index_missing(engine: Engine, found) -> bool:
    """A SQLite database whose story blocks lack their covering index (schema.story_blocks). Not one whose
    story_blocks table is older than the columns the index covers (written by development versions;
    a rebuild cannot use it either)."""
    return NEAR_INDEX_COLUMNS <= {c["name"] for c in found.get_columns("story_blocks")} \
        and not _has_index(engine, SQLITE_NEAR_INDEX)


def _has_index(engine: Engine, name: str) -> bool:
    """Whether an index exists (an expression index too, which SQLAlchemy's reflection skips on SQLite)."""
    if engine.dialect.name == "sqlite":
        query = text("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :name")
    else:
        query = text("SELECT 1 FROM pg_indexes WHERE indexname = :name AND schemaname = current_schema()")
    with engine.connect() as conn:
        return conn.execute(query, {"name": name}).first() is not None


def _migrate(conn: Connection) -> None:
    """Columns added after a database was created: add them and fill them from the stored JSON
    (in the caller's write transaction, under the writer lock)."""
    names = {c["name"] for c in inspect(conn).get_columns("events")}
    if "admin1" not in names:
        conn.execute(text("ALTER TABLE events ADD COLUMN admin1 VARCHAR(200)"))
        rows = conn.execute(select(t.events.c.id, t.events.c.data)).all()
        for eid, data in rows:
            loc = (json.loads(data).get("location") or {}) if data else {}
            if loc.get("admin1"):
                conn.execute(update(t.events).where(t.events.c.id == eid).values(admin1=loc["admin1"]))
    if "grp" not in names:  # the merge group (store.merging); NULL until the next rebuild fills it
        conn.execute(text("ALTER TABLE events ADD COLUMN grp VARCHAR(24)"))
    for table, column, kind in MIGRATED_COLUMNS:
        if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))
    for column in MIGRATED_INDEXES:  # create_all skips existing tables
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_events_{column} ON events ({column})"))
    conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_documents_source_title ON documents (source, {t.TITLE_KEY_SQL})"))
    for name in DROPPED_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    if conn.dialect.name == "sqlite" and NEAR_INDEX_COLUMNS <= {c["name"] for c in inspect(conn).get_columns(
            "story_blocks")}:
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {SQLITE_NEAR_INDEX} ON story_blocks "
                          "(family, day, region, document_id, place, words)"))
        conn.execute(text("DROP INDEX IF EXISTS ix_story_blocks_block"))


def _switch_to_wal(cur) -> None:
    """Put the file in WAL mode, retrying while another process does the same.

    SQLite answers "database is locked" at once, without calling the busy handler, when two
    connections switch a new file's journal mode together; so two ingests started at the same
    moment on a new database would make one fail. Retry with a short back-off instead.
    """
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    pause = 0.01
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=10000")  # first: switching to WAL waits for a lock, too
    _switch_to_wal(cur)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
