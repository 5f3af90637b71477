"""Speaker names resolved once and kept with the stored stories (`store.merging`,
`merge_stories.resolved`): a later process compares a new document with stored mentions without resolving their
names again, gets the same events, and reads rows written before the column as before.
"""

from __future__ import annotations

import pytest

from frontline.events import similarity
from frontline.ingest import rebuild_events
from frontline.language import actors
from frontline.serialize import loads
from frontline.store import Store
from test_incremental_merge import DOCS, document, exported
from test_store_postgres import pg_base_url, pg_url  # noqa: F401 - fixtures: a fresh schema per test

# Who speaks in each invented outlet: catalogued voices written several ways, and unknown ones.
VOICES = {
    "outlet-a": [("the Kremlin", "asserts")],
    "outlet-b": [("Mr Zelenskiy", "asserts"), ("a local official", "asserts")],
    "outlet-c": [("Ukraine’s defence ministry", "asserts")],
    "outlet-d": [("Reuters", "asserts")],
    "outlet-e": [("Russian president", "denies")],
    "outlet-f": [("Volodymyr Zelenskyy", "asserts"), ("a regional governor", "asserts")],
    "outlet-g": [("the Kremlin", "denies")],
}
NEW = ("outlet-f", 1, ["depot", "bridge"])  # one more document, near the stored ones
STORED_ONLY = {"the Kremlin", "Mr Zelenskiy", "a local official", "Ukraine’s defence ministry", "Reuters",
               "Russian president"}


def save(store: Store, doc_id: str, day: int, names: list[str]) -> None:
    clean, mentions = document(doc_id, day, names)
    for m in mentions:
        m.sources = list(VOICES[doc_id])
    store.save_document(clean, mentions, f"{doc_id}-{day}-{names}")


def cold() -> None:
    """What a new process knows of names: nothing."""
    for fn in (similarity.speaker_identity, similarity.side_of):
        fn.cache_clear()
    actors.clear_canonical_cache()


def stored(where, name: str = "") -> Store:
    store = Store(str(where / name) if name else where)
    for doc_id in sorted(DOCS):
        save(store, doc_id, *DOCS[doc_id])
        rebuild_events(store)
    return store


def test_remembered_answers_are_the_answers():
    names = ["the Kremlin", "Mr Zelenskiy", " Mr Sybiha ", "Russian president", "a local official", "", "Reuters"]
    cold()
    answers = actors.resolved_ids(names)
    fresh = [actors.canonical_actor(n) for n in names]
    assert answers["a local official"] is None and answers["the Kremlin"] == "Q159"
    cold()
    actors.remember_resolved(answers)
    assert [actors.canonical_actor(n) for n in names] == fresh
    cold()
    actors.remember_resolved({"the Kremlin": "no-such-entry"})  # stale: resolved again, not trusted
    assert actors.canonical_actor("the Kremlin") == fresh[0]


def test_stored_names_are_not_resolved_again(tmp_path, monkeypatch):
    store = stored(tmp_path, "kept.db")
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT document_id, resolved FROM merge_stories").all()
    assert rows and all(loads(r) == actors.resolved_ids(n for n, _s in VOICES[d]) for d, r in rows)

    asked: list[str] = []
    real = actors._resolve_actor
    monkeypatch.setattr(actors, "_resolve_actor", lambda text, when, cat: asked.append(text) or real(text, when, cat))
    cold()
    save(store, *NEW)
    rebuild_events(store)
    events = exported(store)
    assert sum("outlet-f" in line and '"outlet-b"' in line for line in events.splitlines()) >= 1  # it linked
    assert asked and not STORED_ONLY & set(asked)  # only the new document's own names

    assert events == _expected(tmp_path)  # the events of merging every document at once


def test_answers_of_another_resolver_are_not_trusted(tmp_path, monkeypatch):
    """Rows written by other code (another `merge_version`: the resolver or the catalogue changed)
    are merged again from their mentions: their stored answers are not taken, even wrong ones."""
    from frontline.store import merging

    store = stored(tmp_path, "stale.db")
    save(store, *NEW)
    rebuild_events(store)
    right = exported(store)
    with store.write_transaction() as conn:  # answers a former resolver gave: every voice Ukraine's
        conn.exec_driver_sql("UPDATE merge_stories SET resolved = replace(replace(resolved, 'null', '\"Q212\"'), "
                             "'\"Q159\"', '\"Q212\"')")
    with store.engine.connect() as conn:
        assert "Q212" in "".join(conn.exec_driver_sql("SELECT resolved FROM merge_stories").scalars())
    version = merging.merge_version()
    monkeypatch.setattr(merging, "merge_version", lambda: version + "-next")  # the code changed since
    cold()
    save(store, "outlet-g", 2, ["village"])
    rebuild_events(store)  # another merge version: a full rebuild
    save(every := Store(str(tmp_path / "every.db")), "outlet-g", 2, ["village"])
    for doc_id in sorted(DOCS):
        save(every, doc_id, *DOCS[doc_id])
    save(every, *NEW)
    rebuild_events(every)
    assert exported(store) == exported(every) != right
    with store.engine.connect() as conn:
        assert "Q212" not in "".join(conn.exec_driver_sql("SELECT resolved FROM merge_stories").scalars())


def _old_rows(store: Store) -> Store:
    """The database as code before the `resolved` column left it; opened again, as such code's
    successor opens it (which adds the column back, NULL in every row)."""
    url = store.url
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE merge_stories DROP COLUMN resolved")
    store.engine.dispose()
    return Store(url)


def _rows_written_before_the_column_read_as_before(store: Store, monkeypatch, expected: str) -> None:
    old = _old_rows(store)
    with old.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM merge_stories WHERE resolved IS NULL").scalar() > 0
    asked: list[str] = []
    real = actors._resolve_actor
    monkeypatch.setattr(actors, "_resolve_actor", lambda text, when, cat: asked.append(text) or real(text, when, cat))
    cold()
    save(old, *NEW)
    rebuild_events(old)
    assert STORED_ONLY & set(asked)  # resolved when asked, as before
    assert exported(old) == expected


def _expected(tmp_path) -> str:
    every = Store(str(tmp_path / "expected.db"))
    for doc_id in sorted(DOCS):
        save(every, doc_id, *DOCS[doc_id])
    save(every, *NEW)
    rebuild_events(every)
    return exported(every)


def test_rows_written_before_the_column_read_as_before(tmp_path, monkeypatch):
    _rows_written_before_the_column_read_as_before(stored(tmp_path, "old.db"), monkeypatch, _expected(tmp_path))


@pytest.mark.postgres
def test_rows_written_before_the_column_read_as_before_on_postgres(tmp_path, pg_url, monkeypatch):  # noqa: F811
    store = stored(pg_url)
    assert store.engine.dialect.name == "postgresql"
    _rows_written_before_the_column_read_as_before(store, monkeypatch, _expected(tmp_path))
