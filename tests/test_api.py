"""The JSON API: what a client (the web page, a script, a notebook) can rely on."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from frontline.models import CleanDocument, Document, Event, Post, Sentence
from frontline.store import Store
from frontline.web.app import STATIC, create_app
from frontline.web.queries import highlights
from frontline.web.testing import build_sample, day, evidence, place


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("api")
    return build_sample(folder / "sample.db", folder)


@pytest.fixture(scope="module")
def client(sample):
    with TestClient(create_app(sample.db)) as c:
        yield c


def ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {e["id"] for e in response.json()["items"]}


# ---------------------------------------------------------------- events


def test_events_are_listed_newest_first_with_a_total_and_pages(client, sample):
    body = client.get("/api/events", params={"limit": 3}).json()
    assert body["total"] == len(sample.events)
    starts = [e["date_start"] for e in body["items"]]
    assert len(starts) == 3 and starts == sorted(starts, reverse=True)
    rest = client.get("/api/events", params={"limit": 3, "offset": 3}).json()["items"]
    assert not {e["id"] for e in body["items"]} & {e["id"] for e in rest}
    oldest = client.get("/api/events", params={"sort": "date", "limit": 1}).json()["items"][0]
    assert oldest["id"] == "evt_offensive_donetsk"


def test_event_summaries_carry_what_the_map_and_timeline_draw(client):
    item = next(e for e in client.get("/api/events").json()["items"] if e["id"] == "evt_capture_novoselivka")
    assert item["type"] == "territory.capture" and item["status"] == "contested"
    assert (item["lat"], item["lon"], item["place"]) == (48.1, 37.5, "Novoselivka")
    assert item["sources"] == ["Russia's defence ministry", "Ukraine's general staff"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "strike"}, {"evt_strike_kharkiv"}),
    ({"type": "strike,casualties"}, {"evt_strike_kharkiv", "evt_casualties_kharkiv"}),
    ({"type": ["strike", "casualties"]}, {"evt_strike_kharkiv", "evt_casualties_kharkiv"}),
    ({"status": "expected"}, {"evt_visit_odesa", "evt_sanctions_eu"}),
    ({"status": "contested,confirmed"}, {"evt_capture_novoselivka", "evt_meeting_geneva"}),
    ({"place": "odesa"}, {"evt_visit_odesa"}),
    ({"place": "Donetsk"}, {"evt_capture_novoselivka", "evt_offensive_donetsk"}),  # admin1 counts
    ({"place": "CH"}, {"evt_meeting_geneva"}),  # a country code
    ({"actor": "zelensky"}, {"evt_visit_odesa"}),
    ({"source": "general staff"}, {"evt_capture_novoselivka"}),
    ({"q": "geneva"}, {"evt_meeting_geneva"}),
    ({"q": "wound"}, {"evt_casualties_kharkiv"}),  # prefix match
    ({"q": "power plant kharkiv"}, {"evt_strike_kharkiv"}),  # every word, any order
    ({"q": "village denied"}, {"evt_capture_novoselivka"}),  # evidence text is searched too
    ({"bbox": "30,45,40,52"}, {"evt_strike_kharkiv", "evt_casualties_kharkiv", "evt_capture_novoselivka",
                               "evt_visit_odesa", "evt_offensive_donetsk"}),
    ({"bbox": "5,45,8,47"}, {"evt_meeting_geneva"}),
    ({"date_from": "2025-06-12"}, {"evt_visit_odesa", "evt_sanctions_eu"}),
    ({"date_to": "2025-06-09"}, {"evt_offensive_donetsk"}),
    # A month-long event overlaps a range inside it.
    ({"date_from": "2025-05-10", "date_to": "2025-05-12"}, {"evt_offensive_donetsk"}),
    ({"type": "meeting", "status": "expected", "place": "odesa"}, {"evt_visit_odesa"}),
    ({"publisher": "sample news", "type": "strike"}, {"evt_strike_kharkiv"}),
    ({"publisher": "another paper"}, set()),
    ({"q": "nothing-like-this"}, set()),
    ({"source": "%"}, set()),  # LIKE wildcards are literal
])
def test_filters_select_the_right_events(client, params, expected):
    assert ids(client.get("/api/events", params=params)) == expected


def test_document_filter(client, sample):
    assert len(ids(client.get("/api/events", params={"document": sample.document}))) == len(sample.events)
    assert ids(client.get("/api/events", params={"document": "other.txt"})) == set()


def test_event_detail_links_each_sentence_to_its_post_and_document(client, sample):
    body = client.get("/api/events/evt_capture_novoselivka").json()
    assert body["summary"] == "Russia claims capture of Novoselivka"
    assert {s["stance"] for s in body["sources"]} == {"asserts", "denies"}
    assert len(body["evidence"]) == 2
    first = body["evidence"][0]
    assert "claimed its troops had captured the village" in first["text"]
    assert first["document"] == sample.document and first["post"]
    assert first["document_title"].startswith("Ukraine war live")
    assert first["publisher"] == "Sample News"
    assert first["post_headline"] == "Moscow claims capture of Novoselivka"
    marked = {h["kind"]: first["text"][h["start"]:h["end"]] for h in first["highlights"]}
    assert marked["source"] == "Russia's defence ministry"
    assert marked["place"] == "Novoselivka"
    assert marked["claim"].lower().startswith("captur")


def test_highlights_do_not_overlap_and_stay_inside_the_sentence(client, sample):
    for e in sample.events:
        for x in client.get(f"/api/events/{e.id}").json()["evidence"]:
            spans = sorted((h["start"], h["end"]) for h in x["highlights"])
            assert all(0 <= a < b <= len(x["text"]) for a, b in spans)
            assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def test_highlights_come_from_the_stored_mention_when_there_is_one():
    sentence = "Kyiv said on Sunday its troops had retreated from Lyptsi, a village in the region."
    mention = {"trigger": "retreated", "sources": [["Kyiv", "asserts"]],
               "location": {"text": "Lyptsi", "start": 50, "end": 56},
               "date": {"text": "on Sunday", "char_start": 10, "char_end": 19},
               "actors": [{"text": "its troops", "start": 99, "end": 120}],  # stale offsets: found by text
               "quantities": []}
    event = {"type": "territory.withdrawal", "sources": [], "location": {"name": "Lyptsi"}, "actors": []}
    marked = {h["kind"]: sentence[h["start"]:h["end"]] for h in highlights(sentence, event, mention)}
    assert marked == {"claim": "retreated", "source": "Kyiv", "place": "Lyptsi", "date": "on Sunday",
                      "actor": "its troops"}


def test_unknown_event_is_404_with_a_message(client):
    r = client.get("/api/events/evt_nope")
    assert r.status_code == 404 and "evt_nope" in r.json()["detail"]


@pytest.mark.parametrize("path", ["/api/events/evt_", "/api/documents/doc_", "/api/nothing_"])
def test_a_404_does_not_echo_a_huge_id_back(client, path):
    r = client.get(path + "x" * 10_000)
    assert r.status_code == 404
    detail = r.json()["detail"]
    assert len(detail) < 300 and "characters)" in detail and "x" * 500 not in detail


def test_stats_count_the_selection_and_the_store(client, sample):
    body = client.get("/api/stats").json()
    assert body["total"] == len(sample.events)
    assert body["located"] == len(sample.events) - 1
    assert body["by_type"]["meeting"] == 2
    assert body["by_status"]["expected"] == 2
    assert body["by_day"]["2025-06-11"] == 2
    assert body["date_min"] == "2025-05-01" and body["date_max"] == "2025-06-15"
    assert body["top_places"]["Kharkiv"] == 2
    assert body["store"]["documents"] == 1 and body["store"]["events"] == len(sample.events)
    only = client.get("/api/stats", params={"type": "meeting"}).json()
    assert only["total"] == 2 and set(only["by_type"]) == {"meeting"}


# ---------------------------------------------------------------- export


def test_export_jsonl_is_the_selection_in_the_spec_format(client):
    r = client.get("/api/export", params={"format": "jsonl", "type": "meeting"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert {row["id"] for row in rows} == {"evt_meeting_geneva", "evt_visit_odesa"}
    assert set(rows[0]) >= {"id", "type", "status", "summary", "date", "location", "actors", "sources", "evidence"}


def test_export_csv_and_geojson(client, sample):
    r = client.get("/api/export", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))  # the header is the first line
    assert len(rows) == len(sample.events) and "fatalities" in rows[0]
    kml = client.get("/api/export", params={"format": "kml", "place": "kharkiv"})
    assert kml.status_code == 200 and kml.headers["content-type"].startswith("application/vnd.google-earth.kml+xml")
    assert kml.text.count("<Placemark") == 2
    geo = client.get("/api/export", params={"format": "geojson", "place": "kharkiv"}).json()
    assert geo["type"] == "FeatureCollection"
    assert {f["id"] for f in geo["features"]} == {"evt_strike_kharkiv", "evt_casualties_kharkiv"}
    assert geo["features"][0]["geometry"]["coordinates"] == [36.2304, 49.9935]


# ---------------------------------------------------------------- documents


def test_documents_list_and_detail(client, sample):
    body = client.get("/api/documents").json()
    assert body["total"] == 1
    item = body["items"][0]
    assert item["id"] == sample.document and item["events"] == len(sample.events) and item["posts"] >= 1
    doc = client.get(f"/api/documents/{sample.document}").json()
    assert doc["title"].startswith("Ukraine war live") and doc["source"] == "Sample News"
    cited = {x["event"] for p in doc["posts"] for x in p["evidence"]}
    assert cited == {e.id for e in sample.events}
    for p in doc["posts"]:
        for x in p["evidence"]:
            assert x["text"] in p["headline"] + "\n" + p["text"]


def _hand_made_document(store: Store, doc_id: str) -> None:
    """A cleaned document built directly (not through the cleaner), so the test owns what was cut."""
    headline, body = "Strike on depot", "A depot was hit overnight, officials said."
    text = headline + "\n" + body
    post = Post(doc_id=doc_id, post_id="p_1", index=0, headline=headline, text=body, kind="post",
                published=dt.datetime(2025, 6, 1, 8, 30), start=0, end=len(text),
                removed=["Sign up for our newsletter", "Read more: other stories"],
                sentences=[Sentence(doc_id, "p_1", 0, headline, 0, len(headline), is_headline=True),
                           Sentence(doc_id, "p_1", 1, body, len(headline) + 1, len(text))])
    doc = Document(doc_id=doc_id, title="A live blog from the web", blocks=[], source="Web Paper",
                   url=doc_id, published=dt.datetime(2025, 6, 1, 9), format="html")
    store.save_document(CleanDocument(document=doc, text=text, posts=[post]), mentions=[], content_sha="x1")


def test_document_shows_boilerplate_as_removed_and_urls_work_as_ids(tmp_path):
    store = Store(str(tmp_path / "web.db"))
    doc_id = "https://news.example.org/live/2025/jun/01/war-latest"
    _hand_made_document(store, doc_id)
    store.replace_events([Event("evt_depot", "strike", "reported", "Depot hit", day("2025-06-01"),
                                place("Depot town", 50.0, 30.0, "UA", None), [], [], [],
                                [evidence(store, doc_id, "A depot was hit")])])
    with TestClient(create_app(store=store)) as c:
        listed = c.get("/api/documents").json()["items"][0]
        assert listed["id"] == doc_id and listed["events"] == 1
        from urllib.parse import quote

        doc = c.get("/api/documents/" + quote(doc_id, safe="")).json()
        assert doc["url"] == doc_id
        post = doc["posts"][0]
        assert post["removed"] == ["Sign up for our newsletter", "Read more: other stories"]
        assert post["published"] == "2025-06-01T08:30:00"
        assert [x["event"] for x in post["evidence"]] == ["evt_depot"]
        assert c.get("/api/events", params={"document": doc_id}).json()["total"] == 1


def test_free_text_index_follows_rebuilt_events(tmp_path):
    sample = build_sample(tmp_path / "fts.db", tmp_path)
    store = Store(sample.db)
    with TestClient(create_app(store=store)) as c:
        assert ids(c.get("/api/events", params={"q": "geneva"})) == {"evt_meeting_geneva"}
        renamed = [e for e in sample.events if e.id != "evt_meeting_geneva"]
        renamed[0].summary = "Renamed summary mentioning Lausanne"
        store.replace_events(renamed)
        assert ids(c.get("/api/events", params={"q": "geneva"})) == set()
        assert ids(c.get("/api/events", params={"q": "lausanne"})) == {renamed[0].id}


# ---------------------------------------------------------------- bad input: 4xx with a message, never 500


@pytest.mark.parametrize("url", [
    "/api/events?type=bogus",
    "/api/events?status=rumoured",
    "/api/events?date_from=2025-13-01",
    "/api/events?date_to=yesterday",
    "/api/events?date_from=2025-02-30",
    "/api/events?date_from=2025-06-12&date_to=2025-06-01",
    "/api/events?bbox=1,2",
    "/api/events?bbox=a,b,c,d",
    "/api/events?bbox=0,0,0,nan",
    "/api/events?bbox=0,80,10,10",
    "/api/events?limit=0",
    "/api/events?limit=100000",
    "/api/events?limit=ten",
    "/api/events?offset=-1",
    "/api/events?sort=place",
    "/api/events?q=" + "x" * 600,
    "/api/stats?type=bogus",
    "/api/export?format=xml",
    "/api/export?format=csv&status=nope",
    "/api/documents?limit=0",
    "/api/events/does-not-exist",
    "/api/documents/does-not-exist.txt",
    "/api/nothing-here",
])
def test_bad_parameters_get_a_4xx_and_a_message(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code, r.text)
    detail = r.json()["detail"]
    assert isinstance(detail, str) and len(detail) > 5


@pytest.mark.parametrize("q", ['"', "*", "NEAR(", "a OR", "-", "'; DROP TABLE events; --", "ünïcødé", "日本"])
def test_odd_search_text_is_never_an_error(client, q):
    assert client.get("/api/events", params={"q": q}).status_code == 200
    assert client.get("/api/events", params={"place": q, "actor": q, "source": q}).status_code == 200


def test_bbox_across_the_antimeridian_and_past_180(client):
    assert client.get("/api/events", params={"bbox": "170,-10,-170,10"}).json()["total"] == 0
    assert client.get("/api/events", params={"bbox": "-200,40,200,55"}).json()["total"] == 6


# ---------------------------------------------------------------- pages, headers, offline assets


def test_every_response_has_a_strict_content_security_policy(client):
    for url in ("/", "/api/events", "/static/js/main.js", "/api/events/nope"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
        assert "object-src 'none'" in csp


def test_api_docs_work_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert not re.findall(r'(?:src|href)="https?://', page.text)
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200, asset
    # The one inline bootstrap script is allowed by its hash only.
    assert "'sha256-" in page.headers["content-security-policy"]
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stats", "/api/export", "/api/documents",
            "/api/documents/{doc_id}"} <= set(spec["paths"])


def test_front_end_loads_nothing_from_other_hosts(client):
    index = client.get("/").text
    assets = re.findall(r'src="([^"]+)"', index) + re.findall(r'<link [^>]*href="([^"]+)"', index)
    assert len(assets) >= 6
    for asset in assets:
        assert asset.startswith("/") and not asset.startswith("//"), asset
        assert client.get(asset).status_code == 200, asset
    for path in (STATIC / "js").glob("*.js"):
        urls = re.findall(r"https?://[^\s'\"`]+", path.read_text(encoding="utf-8"))
        # Only the opt-in online tile layer, and the SVG namespace (an identifier, not a request).
        assert all("tile.openstreetmap.org" in u or u.startswith("http://www.w3.org/") for u in urls), (path, urls)


def test_vendored_libraries_ship_with_their_licences():
    vendor = STATIC / "vendor"
    for lib, licence in [("leaflet", "LICENSE"), ("leaflet.markercluster", "MIT-LICENCE.txt"),
                         ("topojson-client", "LICENSE"), ("world-atlas", "LICENSE"), ("swagger-ui", "LICENSE")]:
        assert (vendor / lib / licence).is_file(), lib
    topo = json.loads((vendor / "world-atlas" / "countries-50m.json").read_text())
    assert len(topo["objects"]["countries"]["geometries"]) > 200
