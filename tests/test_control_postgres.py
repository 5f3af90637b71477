"""The control layer against a real PostgreSQL server: reference maps (WKB in bytea), control,
the check and the API, as on SQLite. Skips like tests/test_store_postgres.py when no server."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from frontline.control.check import check_events
from frontline.control.from_events import control_on, load_changes, territorial_events
from frontline.control.reference import ReferenceIndex, import_paths
from frontline.control.sample import EXPECTED_VERDICTS, control_events, write_maps
from frontline.store import Store
from frontline.web.app import create_app
from test_store_postgres import pg_base_url, pg_url  # noqa: F401 - the same throwaway-schema fixtures

pytestmark = pytest.mark.postgres


def test_control_reference_and_check_on_postgres(pg_url, tmp_path):  # noqa: F811
    store = Store(pg_url)
    try:
        assert store.engine.dialect.name == "postgresql"
        store.replace_events(control_events())
        maps = write_maps(tmp_path / "maps")
        assert [r.status for r in import_paths(store.engine, maps, "testmap", "Russia", "UA")] == ["new"] * 3
        assert [r.status for r in import_paths(store.engine, maps, "testmap", "Russia", "UA")] == ["unchanged"] * 3
        ref = ReferenceIndex.load(store.engine, "testmap")
        assert {v.event: v.verdict for v in check_events(ref, territorial_events(store.engine))} == EXPECTED_VERDICTS
        states = {s.place["name"]: s.controller for s in control_on(load_changes(store.engine), dt.date(2025, 6, 14))}
        assert states["Novoselivka"] == "Ukraine"
        with TestClient(create_app(store=store)) as c:
            assert c.get("/api/reference/testmap", params={"date": "2025-06-13"}).json()["properties"]["date"] == \
                "2025-06-12"
            assert c.get("/api/check").json()["counts"]["ahead_of_map"] == 2
            assert c.get("/api/reference").json()[0]["snapshots"] == 3
    finally:
        store.engine.dispose()
