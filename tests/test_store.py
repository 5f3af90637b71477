"""The embedded store: idempotent ingest, snapshots and post revisions, one transaction per document, WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontline.store import Store, resolve_db_url
from frontline.store.db import IngestResult


def test_same_snapshot_twice_then_a_newer_one(db_path, tmp_path, blog, revision_scenario):
    revision_scenario(Store(db_path), tmp_path, blog)


def test_same_title_and_publisher_under_another_file_name_is_the_same_document(db_path, tmp_path, blog, save_text):
    store = Store(db_path)
    morning = save_text(store, tmp_path, "eastland-0900.txt", blog["v1"], source=blog["source"])
    evening = save_text(store, tmp_path, "eastland-1500.txt", blog["v2"], source=blog["source"])
    assert evening.document_id == morning.document_id == "eastland-0900.txt"
    assert evening.status == "updated"
    # Posts map onto the stored ones: only the real changes are recorded.
    assert (evening.new_posts, evening.edited_posts, evening.deleted_posts) == (1, 1, 1)
    counts = store.table_counts()
    assert counts["documents"] == 1 and counts["snapshots"] == 2
    # The first file ingested again under its own name changes nothing.
    assert save_text(store, tmp_path, "eastland-0900.txt", blog["v1"], source=blog["source"]).status == "unchanged"
    assert store.table_counts() == counts


def test_a_document_is_found_by_title_and_publisher_through_an_index(db_path):
    """Finding a snapshot's document by title and publisher reads an index, not every stored document
    (a database made before the index gets it when opened), and two long titles that differ only
    after the indexed prefix stay two documents."""
    import datetime as dt

    from sqlalchemy import insert

    from frontline.store import schema as t

    store = Store(db_path)
    long_a, long_b = "War live: " + "x" * 300 + " day one", "War live: " + "x" * 300 + " day two"
    now = dt.datetime(2026, 1, 1)
    with store.write_transaction() as conn:
        for doc_id, title in (("a.html", long_a), ("b.html", long_b), ("c.html", "Short title")):
            conn.execute(insert(t.documents).values(id=doc_id, title=title, source="The Daily", format="html",
                                                    created_at=now, updated_at=now))
    assert [store.find_document("new.html", title, "The Daily") for title in (long_a, long_b, "Short title")] == \
        ["a.html", "b.html", "c.html"]
    assert store.find_document("new.html", long_a, "Another Daily") is None
    assert store.find_document("new.html", long_a[:-1], "The Daily") is None
    with sqlite3.connect(db_path) as conn:
        plan = conn.execute("EXPLAIN QUERY PLAN SELECT id, title FROM documents WHERE source = ? AND "
                            f"{t.TITLE_KEY_SQL} = substr(?, 1, {t.TITLE_KEY_CHARS})", ("x", "y")).fetchall()
        assert "ix_documents_source_title" in str(plan) and "SCAN" not in str(plan)
        conn.execute("DROP INDEX ix_documents_source_title")  # a database from before the index
    Store(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_documents_source_title'").fetchone()


def test_an_older_database_loses_the_unused_index_of_event_changes_and_keeps_its_rows(db_path):
    """`event_changes` is read by id and time, never by event: databases made before lose the index on
    its event ids when opened (each new event wrote a random page of it), and keep every change."""
    import datetime as dt

    from sqlalchemy import insert

    from frontline.store import live
    from frontline.store import schema as t

    store = Store(db_path)
    with store.write_transaction() as conn:
        conn.execute(insert(t.event_changes), [dict(at=dt.datetime(2026, 1, 1), event_id=f"evt_{i}", change="new",
                                                    fields="[]", status="reported", type="strike", summary=f"s{i}")
                                               for i in range(3)])
    changes = live.event_changes(store)
    assert [c["id"] for c in changes] == ["evt_0", "evt_1", "evt_2"]
    store.engine.dispose()
    with sqlite3.connect(db_path) as conn:
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_event_changes_event_id'").fetchone()
        conn.execute("CREATE INDEX ix_event_changes_event_id ON event_changes (event_id)")  # as made before
    reopened = Store(db_path)
    with sqlite3.connect(db_path) as conn:
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_event_changes_event_id'").fetchone()
    assert live.event_changes(reopened) == changes


def test_the_blocks_near_a_new_document_are_read_from_one_index_also_in_an_older_database(db_path):
    """A rebuild reads the stored rows of the blocks near a new document from an index holding every
    column it asks for (no page of the rows' JSON is read for them); a database made before that index
    gets it when opened, in place of the index on the block alone, and keeps its rows."""
    from sqlalchemy import insert

    from frontline.store import schema as t
    from frontline.store import statements as sql

    store = Store(db_path)
    with store.write_transaction() as conn:
        conn.execute(insert(t.story_blocks), [dict(family="strike", day=d, region="UA", document_id=f"d{d}",
                                                   position=0, place="", words="\x1fstrike", data="{}")
                                              for d in range(3)])
    store.engine.dispose()

    def plans() -> list[str]:
        with sqlite3.connect(db_path) as conn:
            return [str(conn.execute("EXPLAIN QUERY PLAN " + query.text.replace(" IN :days", " IN (?, ?)").replace(
                " IN :regions", " IN (?, ?)").replace(":fam", "?"), ("strike", 1, 2, "", "UA")[:n]).fetchall())
                for query, n in ((sql.NEAR_ROWS, 3), (sql.NEAR_ROWS_IN_REGIONS, 5))]

    assert all("COVERING INDEX ix_story_blocks_near" in plan for plan in plans())
    with sqlite3.connect(db_path) as conn:  # as databases were made before
        conn.execute("DROP INDEX ix_story_blocks_near")
        conn.execute("CREATE INDEX ix_story_blocks_block ON story_blocks (family, day, region)")
    assert not any("COVERING" in plan for plan in plans())
    reopened = Store(db_path)
    assert all("COVERING INDEX ix_story_blocks_near" in plan for plan in plans())
    with sqlite3.connect(db_path) as conn:
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_story_blocks_block'").fetchone()
    with reopened.engine.connect() as conn:
        assert sorted(r[1] for r in conn.execute(sql.NEAR_ROWS, {"fam": "strike", "days": [1, 2]})) == ["d1", "d2"]


def test_same_title_from_another_publisher_is_another_document(db_path, tmp_path, blog, save_text):
    store = Store(db_path)
    save_text(store, tmp_path, "a.txt", blog["v1"], source=blog["source"])
    other = save_text(store, tmp_path, "b.txt", blog["v1"], source="Another Daily")
    assert (other.document_id, other.status) == ("b.txt", "new")
    assert store.table_counts()["documents"] == 2


def test_failure_inside_a_document_transaction_leaves_stored_data_intact(db_path, tmp_path, blog, save_text,
                                                                          monkeypatch):
    store = Store(db_path)
    save_text(store, tmp_path, "eastland-live.txt", blog["v1"], source=blog["source"])
    counts = store.table_counts()
    posts_before = list(store.iter_posts())

    real_save_posts = Store._save_posts

    def save_posts_then_fail(self, *args, **kwargs):
        real_save_posts(self, *args, **kwargs)  # snapshot and posts written inside the transaction ...
        raise RuntimeError("disk full")  # ... then the failure

    monkeypatch.setattr(Store, "_save_posts", save_posts_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        save_text(store, tmp_path, "eastland-live.txt", blog["v2"], source=blog["source"])
    assert store.table_counts() == counts
    assert list(store.iter_posts()) == posts_before

    monkeypatch.setattr(Store, "_save_posts", real_save_posts)
    retry = save_text(store, tmp_path, "eastland-live.txt", blog["v2"], source=blog["source"])
    assert (retry.status, retry.new_posts, retry.edited_posts, retry.deleted_posts) == ("updated", 1, 1, 1)


def test_failing_stage_during_ingest_reports_the_file_and_keeps_the_rest(db_path, tmp_path, blog, monkeypatch):
    """One bad document: a one-line error naming it, the other files still ingested, nothing lost."""
    import frontline.ingest as ingest

    store = Store(db_path)
    v1 = tmp_path / "eastland-live.txt"
    v1.write_text(blog["v1"], encoding="utf-8")
    [ok] = ingest.ingest_paths(store, [v1], rebuild=False)
    assert ok.error is None and ok.results[0].status == "new"
    counts = store.table_counts()

    real_extract = ingest.extract_mentions

    def extract_or_fail(clean, annotations):
        if clean.document.doc_id == "eastland-live.txt":
            raise RuntimeError("extractor crashed")
        return real_extract(clean, annotations)

    monkeypatch.setattr(ingest, "extract_mentions", extract_or_fail)
    v1.write_text(blog["v2"], encoding="utf-8")  # a newer snapshot that will fail
    other = tmp_path / "other-live.txt"
    other.write_text(blog["v1"].replace("Eastland war live", "Southland war live"), encoding="utf-8")
    bad, good = ingest.ingest_paths(store, [v1, other], rebuild=False)
    assert bad.results == [] and "eastland-live.txt" in bad.error and "extractor crashed" in bad.error
    assert "\n" not in bad.error
    assert good.error is None and good.results[0].status == "new"
    after = store.table_counts()
    assert after["documents"] == counts["documents"] + 1
    assert after["snapshots"] == counts["snapshots"] + 1
    # The failed snapshot wrote nothing: the stored eastland posts are still snapshot 1's.
    stored = [p["headline"] for p in store.iter_posts() if p["document_id"] == "eastland-live.txt"]
    assert blog["deleted_headline"] in stored and blog["new_headline"] not in stored


def test_sqlite_file_is_in_wal_mode(db_path):
    store = Store(db_path)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"
    con = sqlite3.connect(db_path)  # WAL is a property of the file: other readers see it too
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    finally:
        con.close()


def test_db_location_precedence(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FRONTLINE_DB", str(tmp_path / "env.db"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_db_url(str(tmp_path / "flag.db")) == f"sqlite:///{tmp_path / 'flag.db'}"  # --db wins
    assert resolve_db_url("postgresql://u:p@host/db") == "postgresql+psycopg://u:p@host/db"
    assert resolve_db_url("postgres://u:p@host/db") == "postgresql+psycopg://u:p@host/db"
    nested = tmp_path / "new" / "dir" / "x.db"
    resolve_db_url(str(nested))
    assert nested.parent.is_dir()  # the data directory is created on first use


def test_stats_count_current_posts(db_path, tmp_path, blog, save_text):
    store = Store(db_path)
    save_text(store, tmp_path, "eastland-live.txt", blog["v1"], source=blog["source"])
    save_text(store, tmp_path, "eastland-live.txt", blog["v2"], source=blog["source"])
    stats = store.stats()
    assert stats["documents"] == 1 and stats["snapshots"] == 2
    live = len(list(store.iter_posts(include_off_topic=True)))
    assert stats["posts"] == live  # deleted posts are history, not current posts
    assert stats["post_revisions"] == store.table_counts()["post_revisions"]


def test_ingest_result_is_a_plain_record():
    r = IngestResult("doc", "new", 3)
    assert (r.document_id, r.status, r.new_posts, r.edited_posts, r.deleted_posts) == ("doc", "new", 3, 0, 0)
