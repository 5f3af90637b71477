"""The SQL text statements of a rebuild (`store.statements`) against the real schema, on SQLite and
PostgreSQL: a misspelt column, a type read back as a string or an IN list that does not expand
would only show when a document lands near stored stories, so each is run here on rows made for it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select

from frontline.store import Store
from frontline.store import schema as t
from frontline.store import statements as sql
from frontline.store.db import _bump, record_events_count, stored_events_count
from test_store_postgres import pg_base_url, pg_url  # noqa: F401 - fixtures: a fresh schema per test

AT = dt.datetime(2025, 3, 10, 12, 30, 15, 250000)


def _events(ids: list[str], grp: str) -> list[dict]:
    return [dict(id=i, type="strike", status="reported", summary=i, data=f'{{"id": "{i}"}}', grp=grp) for i in ids]


def check(store: Store) -> None:
    with store.write_transaction() as conn:
        conn.execute(insert(t.events), _events(["evt_a", "evt_b"], "g1") + _events(["evt_c"], "g2"))
        conn.execute(insert(t.event_evidence), [dict(event_id=e, document_id="d1", post_id="p1", start=0, end=4,
                                                     text="text") for e in ("evt_a", "evt_b", "evt_c")])
        conn.execute(insert(t.merge_stories), [dict(document_id="d1", position=0, grp="g1", data="[1]", resolved=None),
                                               dict(document_id="d2", position=0, grp="g2", data="[2]",
                                                    resolved='{"Mr Sybiha":"andrii-sybiha"}')])
        conn.execute(insert(t.story_blocks), [dict(family="strike", day=1, region="UA", document_id="d2",
                                                   position=0, place="", words="", data="{}"),
                                              dict(family="strike", day=2, region="", document_id="d3",
                                                   position=1, place="kyiv", words="\x1fkyiv strike", data="{}"),
                                              dict(family="strike", day=2, region="RU", document_id="d4",
                                                   position=0, place="", words="", data="{}"),
                                              dict(family="aid", day=1, region="UA", document_id="d5",
                                                   position=0, place="", words="", data="{}")])
        conn.execute(insert(t.event_registry), [dict(id=i, anchor_document="d1", anchor_post="p1", anchor_text=i,
                                                     created_at=AT, updated_at=AT, retracted_at=None, data="{}")
                                                for i in ("evt_a", "evt_b")])
        conn.execute(insert(t.documents), dict(id="d1", title="d1", format="text", created_at=AT, updated_at=AT))
        conn.execute(insert(t.posts), dict(document_id="d1", post_id="p1", position=3, kind="post",
                                           published=AT, start=0, end=4, content_sha="", first_snapshot=1))

        assert sorted(conn.execute(sql.GROUP_EVENTS, {"grps": ["g1", "g9"]}).all()) == [
            ("evt_a", '{"id": "evt_a"}', "g1"), ("evt_b", '{"id": "evt_b"}', "g1")]
        near = sorted(r[1:] for r in conn.execute(sql.NEAR_ROWS, {"fam": "strike", "days": [0, 1, 2]}))
        assert near == [("d2", 1, "UA", "", ""), ("d3", 2, "", "kyiv", "\x1fkyiv strike"), ("d4", 2, "RU", "", "")]
        assert sorted(r[1] for r in conn.execute(sql.NEAR_ROWS_IN_REGIONS, {
            "fam": "strike", "days": [1, 2], "regions": ["", "UA"]})) == ["d2", "d3"]
        block = conn.execute(select(t.story_blocks.c.id).where(t.story_blocks.c.document_id == "d2")).scalar()
        assert conn.execute(sql.PROMISING_STORIES, {"ids": [block]}).all() == [
            ("d2", 0, "{}", "g2", '{"Mr Sybiha":"andrii-sybiha"}')]
        assert sorted(conn.execute(sql.GROUP_STORIES, {"grps": ["g1", "g2"]}).all(), key=str) == [
            ("d1", 0, "[1]", "g1", None), ("d2", 0, "[2]", "g2", '{"Mr Sybiha":"andrii-sybiha"}')]
        assert conn.execute(sql.POSTS_SEEN, {"docs": ["d1", "d3"]}).all() == [("d1", "p1", 1, AT, 3)]

        conn.execute(sql.REGROUP_STORY, {"grp": "g2", "doc": "d1", "pos": 0})
        assert conn.execute(sql.GROUP_STORIES, {"grps": ["g1"]}).all() == []
        conn.execute(sql.DELETE_EVIDENCE, {"ids": ["evt_a", "evt_c"]})
        conn.execute(sql.DELETE_EVENTS, {"ids": ["evt_a", "evt_c"]})
        assert conn.execute(select(t.events.c.id)).scalars().all() == ["evt_b"]
        assert conn.execute(select(t.event_evidence.c.event_id)).scalars().all() == ["evt_b"]

        later = AT + dt.timedelta(days=1, microseconds=1)
        conn.execute(sql.update_registry(("data", "updated_at")), [
            {"_id": "evt_a", "v_data": '{"x": 1}', "v_updated_at": later}])
        conn.execute(sql.RETRACT, {"at": later, "id": "evt_b"})
        rows = {r["id"]: r for r in conn.execute(sql.REGISTRY_ROWS, {"ids": ["evt_a", "evt_b"]}).mappings()}
        assert (rows["evt_a"]["data"], rows["evt_a"]["updated_at"], rows["evt_a"]["retracted_at"]) == \
            ('{"x": 1}', later, None)
        assert (rows["evt_b"]["created_at"], rows["evt_b"]["retracted_at"], rows["evt_b"]["updated_at"]) == \
            (AT, later, later)
        with pytest.raises(ValueError, match="not columns"):
            sql.update_registry(("data; DROP TABLE events",))

        assert stored_events_count(conn) is None  # never recorded
        record_events_count(conn, None)  # counted
        assert stored_events_count(conn) == 1
        _bump(conn, "events_version")  # events written without recording the count
        assert stored_events_count(conn) is None
        record_events_count(conn, 7)
        assert stored_events_count(conn) == 7


def test_statements_on_sqlite(tmp_path):
    check(Store(str(tmp_path / "statements.db")))


@pytest.mark.postgres
def test_statements_on_postgres(pg_url):  # noqa: F811
    store = Store(pg_url)
    assert store.engine.dialect.name == "postgresql"
    check(store)
