"""The control layer's API: control on a date, a place's history, reference polygons by date,
claims checked and filtered by verdict, and the map's offline context (labels, areas)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from frontline.control.reference import import_paths
from frontline.control.sample import EXPECTED_VERDICTS, control_events, write_maps
from frontline.models import Event, PlaceRef
from frontline.store import Store
from frontline.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("control-api")
    store = Store(str(folder / "c.db"))
    # A strike placed only at a region (the gazetteer's own Kursk Oblast point): drawn as an area.
    kursk = PlaceRef("Kursk Oblast", 51.70038, 36.23517, "RU", "Kursk Oblast", "admin1", "admin1:RU.41")
    strike = Event("evt_strike_kursk", "strike", "reported", "Strike in Kursk region", None, kursk, [], [], [], [])
    store.replace_events(control_events() + [strike])
    import_paths(store.engine, write_maps(folder / "maps"), "testmap", "Russia", "UA")
    with TestClient(create_app(store=store)) as c:
        yield c


def test_control_follows_the_date(client):
    def holders(date):
        body = client.get("/api/control", params={"date": date}).json()
        return {x["place"]["name"]: (x["controller"], x["status"]) for x in body["items"]}

    assert holders("2025-06-10")["Novoselivka"] == ("Russia", "claimed")
    assert holders("2025-06-12")["Novoselivka"] == ("Russia", "confirmed")
    assert holders("2025-06-14")["Novoselivka"] == ("Ukraine", "confirmed")
    body = client.get("/api/control").json()
    assert (body["first"], body["last"]) == ("2025-05-20", "2025-06-14")
    geo = client.get("/api/control", params={"format": "geojson"}).json()
    assert {f["properties"]["name"] for f in geo["features"]} == {"Novoselivka", "Testivka", "Sudzha",
                                                                   "Donetsk Oblast"}
    assert client.get("/api/control", params={"date": "June"}).status_code == 422


def test_place_history(client):
    body = client.get("/api/control/history", params={"place": "Novoselivka"}).json()
    assert [(c["date"], c["controller_after"]) for c in body["changes"]] == [
        ("2025-06-10", "Russia"), ("2025-06-12", "Russia"), ("2025-06-14", "Ukraine")]
    missing = client.get("/api/control/history", params={"place": "Atlantis"})
    assert missing.status_code == 404 and "Atlantis" in missing.json()["detail"]


def test_reference_polygons_by_date(client):
    refs = client.get("/api/reference").json()
    assert refs == [{"name": "testmap", "held_by": "Russia", "covers": "UA", "snapshots": 3,
                     "first": "2025-06-01", "last": "2025-06-20"}]
    june_11 = client.get("/api/reference/testmap", params={"date": "2025-06-11"}).json()
    june_13 = client.get("/api/reference/testmap", params={"date": "2025-06-13"}).json()
    assert june_11["properties"]["date"] == "2025-06-01" and june_13["properties"]["date"] == "2025-06-12"
    assert june_11["geometry"] != june_13["geometry"]
    assert june_11["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert client.get("/api/reference/testmap", params={"date": "2024-01-01"}).json()["geometry"] is None
    assert client.get("/api/reference/nope").status_code == 404


def test_check_and_verdict_filter(client):
    body = client.get("/api/check").json()
    assert {x["event"]: x["verdict"] for x in body["items"]} == EXPECTED_VERDICTS
    assert body["counts"] == {"consistent": 1, "ahead_of_map": 2, "contradicted": 1, "outside_reference": 3}
    ahead = client.get("/api/check", params={"verdict": "ahead_of_map"}).json()["items"]
    assert {x["event"] for x in ahead} == {"evt_c_novo_claim", "evt_c_novo_back"}
    one = client.get("/api/check", params={"event": "evt_c_novo_taken"}).json()["items"]
    assert one[0]["sentence"] == "The reference map shows Novoselivka held by Russia on the day of the claim."
    assert client.get("/api/check", params={"verdict": "maybe"}).status_code == 400


def test_check_without_a_reference_is_a_404_with_advice(tmp_path):
    with TestClient(create_app(str(tmp_path / "empty.db"))) as c:
        r = c.get("/api/check")
    assert r.status_code == 404 and "frontline reference import" in r.json()["detail"]


def test_basemap_labels_and_areas(client):
    country = client.get("/api/basemap/labels", params={"bbox": "22,44,41,53", "zoom": 5}).json()
    names = [x["name"] for x in country]
    assert "Kyiv" in names and "Kharkiv" in names
    assert not any(x["population"] < 300_000 for x in country if x["kind"] == "place")
    town = client.get("/api/basemap/labels", params={"bbox": "37.0,47.7,37.6,48.2", "zoom": 10}).json()
    assert "Kurakhove" in [x["name"] for x in town]  # a town-level view is not empty
    assert len(town) < 60
    assert client.get("/api/basemap/labels", params={"bbox": "x", "zoom": 5}).status_code == 400
    areas = client.get("/api/basemap/areas").json()
    # Only the region-level place: the towns (and the scenario's made-up oblast) are no gazetteer areas.
    assert [(a["place"], a["precision"], a["radius_km"]) for a in areas] == [("Kursk Oblast", "admin1", 90)]


def test_control_sees_an_event_rebuilt_with_the_same_id(tmp_path):
    """Events keep their ids across re-ingests; a changed status must not be hidden by the cache."""
    store = Store(str(tmp_path / "r.db"))
    events = control_events()
    store.replace_events(events)
    with TestClient(create_app(store=store)) as c:
        assert _novo(c) == ("Russia", "claimed")
        claim = next(e for e in events if e.id == "evt_c_novo_claim")
        claim.status = "contested"
        store.replace_events(events)
        assert _novo(c) == ("contested", "contested")


def _novo(c) -> tuple[str, str]:
    item = next(x for x in c.get("/api/control", params={"date": "2025-06-10"}).json()["items"]
                if x["place"]["name"] == "Novoselivka")
    return item["controller"], item["status"]


def test_start_up_waits_for_the_control_warm_up(tmp_path):
    """`settle` (what `frontline serve` runs once the app is built) freezes what start-up made out of the
    collector's sight; the control cache's warm-up thread is part of start-up, so it is finished
    first: otherwise it competes with the first requests and what it builds (the actor catalogue,
    every territorial change) is rescanned by each full collection (the API's p95 spikes)."""
    from frontline.web import control_api

    store = Store(str(tmp_path / "w.db"))
    store.replace_events(control_events())
    app = create_app(store=store)
    control_api.finish_warm_up()
    cache = app.state.control_cache
    assert cache.events_key is not None and cache.changes  # warm before any request
    assert not control_api._WARMING
