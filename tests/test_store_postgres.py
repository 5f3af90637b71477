"""The same store code against a real PostgreSQL server: idempotence, revisions, one transaction per document.

Runs when FRONTLINE_TEST_POSTGRES is a postgresql:// URL, or when a server answers on
127.0.0.1:5432 (then as frontline/frontline on database frontline_test, as .ci/run sets up).
Each test works in a schema of its own, dropped afterwards, so runs never see each other's rows.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.postgres

DEFAULT_URL = "postgresql://frontline:frontline@127.0.0.1:5432/frontline_test"


def _server_answers(host: str = "127.0.0.1", port: int = 5432) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def pg_base_url() -> str:
    url = os.environ.get("FRONTLINE_TEST_POSTGRES")
    if url:
        return url
    if not _server_answers():
        pytest.skip("no PostgreSQL server: set FRONTLINE_TEST_POSTGRES=postgresql://... or run one on 127.0.0.1:5432")
    return DEFAULT_URL


@pytest.fixture
def pg_url(pg_base_url: str) -> Iterator[str]:
    """A URL whose connections use a fresh schema of their own (dropped after the test)."""
    pytest.importorskip("psycopg", reason="psycopg (PostgreSQL driver) is not installed")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from frontline.store import resolve_db_url

    base = make_url(resolve_db_url(pg_base_url))
    admin = create_engine(base)
    schema = f"frontline_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - any connection problem means: no usable server
        admin.dispose()
        if os.environ.get("FRONTLINE_TEST_POSTGRES"):
            raise  # asked for explicitly: a broken server is a failure, not a skip
        pytest.skip(f"PostgreSQL on 127.0.0.1:5432 is not usable as {base.username}@{base.database}: "
                    f"{str(exc).splitlines()[0]}")
    url = base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_postgres_idempotence_and_revisions(pg_url, tmp_path, blog, revision_scenario):
    from frontline.store import Store

    store = Store(pg_url)
    try:
        assert store.engine.dialect.name == "postgresql"
        revision_scenario(store, tmp_path, blog)
    finally:
        store.engine.dispose()


def test_postgres_failure_rolls_back_the_whole_document(pg_url, tmp_path, blog, save_text, monkeypatch):
    from frontline.store import Store

    store = Store(pg_url)
    try:
        save_text(store, tmp_path, "eastland-live.txt", blog["v1"], source=blog["source"])
        counts = store.table_counts()
        real = Store._save_posts

        def save_posts_then_fail(self, *args, **kwargs):
            real(self, *args, **kwargs)
            raise RuntimeError("connection lost")

        monkeypatch.setattr(Store, "_save_posts", save_posts_then_fail)
        with pytest.raises(RuntimeError):
            save_text(store, tmp_path, "eastland-live.txt", blog["v2"], source=blog["source"])
        assert store.table_counts() == counts
    finally:
        store.engine.dispose()


def test_postgres_keeps_long_document_urls(pg_url):
    """URLs with long query strings are document ids too; PostgreSQL enforces column widths."""
    from frontline.cleaning import clean_document
    from frontline.models import Block, Document
    from frontline.store import Store

    url = "https://news.example/live/war?" + "&".join(f"utm_param{i}=value{i}" for i in range(60))
    assert len(url) > 1000
    doc = Document(doc_id=url, url=url, title="War live", format="html", blocks=[
        Block(headline="Shelling resumes in the south", paragraphs=["Artillery fire hit the port overnight."])])
    store = Store(pg_url)
    try:
        assert store.save_document(clean_document(doc), [], "sha-long").status == "new"
        assert [p["document_id"] for p in store.iter_posts()] == [url]
    finally:
        store.engine.dispose()


def test_postgres_older_database_loses_the_unused_index_of_event_changes(pg_url):
    """As on SQLite (test_store.py): the index on `event_changes.event_id` that databases made before
    have is dropped when opened (in the database's own schema), and the changes stay."""
    import datetime as dt

    from sqlalchemy import insert, text

    from frontline.store import Store, live
    from frontline.store import schema as t
    from frontline.store.db import _has_index

    store = Store(pg_url)
    with store.write_transaction() as conn:
        conn.execute(insert(t.event_changes).values(at=dt.datetime(2026, 1, 1), event_id="evt_1", change="new",
                                                    fields="[]", status="reported", type="strike", summary="s"))
        conn.execute(text("CREATE INDEX ix_event_changes_event_id ON event_changes (event_id)"))  # as made before
    assert _has_index(store.engine, "ix_event_changes_event_id")
    store.engine.dispose()
    reopened = Store(pg_url)
    try:
        assert not _has_index(reopened.engine, "ix_event_changes_event_id")
        assert [c["id"] for c in live.event_changes(reopened)] == ["evt_1"]
    finally:
        reopened.engine.dispose()
