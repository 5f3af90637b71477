"""Export formats (SPEC section 6): events as JSONL, ACLED-style CSV and GeoJSON; posts as JSONL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from frontline.cleaning import clean_document
from frontline.exports import write_events, write_posts
from frontline.exports.formats import CSV_COLUMNS, TYPE_MAPPING
from frontline.models import Block, DateRef, Document, Event, Evidence, PlaceRef, Quantity
from frontline.serialize import event_to_export
from frontline.store import Store

SPEC_EVENT_KEYS = {"id", "type", "status", "summary", "date", "location", "actors", "sources", "quantities",
                   "evidence"}
SPEC_DATE_KEYS = {"start", "end", "precision", "basis"}
SPEC_LOCATION_KEYS = {"name", "lat", "lon", "country", "admin1", "precision", "gazetteer_id"}
SPEC_EVIDENCE_KEYS = {"document", "post", "text", "start", "end"}
SPEC_TYPES = {"territory.capture", "territory.withdrawal", "offensive", "clash", "strike", "casualties", "prisoners",
              "meeting", "call", "statement", "agreement", "aid", "sanctions", "mobilization", "other"}
ACLED_COLUMNS = {"event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
                 "latitude", "longitude", "geo_precision", "time_precision", "source", "notes"}
POST_KEYS = {"document", "post", "headline", "text", "published", "kind"}


@pytest.fixture(scope="module")
def events() -> list[Event]:
    withdrawal = Event(
        id="evt_velika_withdrawal", type="territory.withdrawal", status="confirmed",
        summary="Northland forces withdraw from Velika",
        date=DateRef(dt.date(2025, 3, 16), dt.date(2025, 3, 16), "day", "relative", "on Sunday"),
        location=PlaceRef("Velika", 48.51, 37.02, "UA", "Donetsk Oblast", "place", "geo:123456"),
        actors=[{"name": "Northland", "role": "agent"}, {"name": "Eastland", "role": "other"}],
        sources=[{"name": "Northland's general staff", "stance": "asserts"}],
        quantities=[Quantity(200, "km2", "less than 200 square km")],
        evidence=[
            Evidence("eastland-live.txt", "p_aaa", "Northland's general staff said its troops left Velika.", 10, 70),
            Evidence("other-live.txt", "p_bbb", "Troops left Velika on Sunday, officials said.", 300, 346),
        ],
    )
    statement = Event(
        id="evt_statement", type="statement", status="reported", summary="Eastland rejects the proposal",
        date=None, location=None, actors=[{"name": "Eastland", "role": "agent"}], sources=[], quantities=[],
        evidence=[Evidence("eastland-live.txt", "p_ccc", "Eastland rejected the proposal.", 400, 431)],
    )
    return [withdrawal, statement]


def export(events: list[Event], fmt: str) -> str:
    out = io.StringIO()
    write_events(events, out, fmt)
    return out.getvalue()


def test_event_jsonl_lines_have_exactly_the_spec_keys(events):
    lines = export(events, "jsonl").splitlines()
    assert len(lines) == 2
    rows = [json.loads(line) for line in lines]
    for row in rows:
        assert set(row) == SPEC_EVENT_KEYS
        assert all(set(ev) == SPEC_EVIDENCE_KEYS for ev in row["evidence"])
    located, unlocated = rows
    assert set(located["date"]) == SPEC_DATE_KEYS and located["date"]["start"] == "2025-03-16"
    assert set(located["location"]) == SPEC_LOCATION_KEYS
    assert located["location"]["lat"] == 48.51 and located["location"]["country"] == "UA"
    assert located["quantities"] == [{"value": 200, "unit": "km2", "text": "less than 200 square km"}]
    assert located["sources"] == [{"name": "Northland's general staff", "stance": "asserts"}]
    assert unlocated["date"] is None and unlocated["location"] is None


def test_every_spec_type_has_an_acled_mapping():
    assert set(TYPE_MAPPING) == SPEC_TYPES


def test_csv_has_acled_columns_and_states_the_type_mapping(events):
    text = export(events, "csv")
    first, rest = text.split("\n", 1)
    assert first.startswith("#") and "type mapping" in first
    for spec_type in SPEC_TYPES:
        assert f"{spec_type}=" in first
    reader = csv.DictReader(io.StringIO(rest))
    assert reader.fieldnames == CSV_COLUMNS
    assert ACLED_COLUMNS <= set(reader.fieldnames)
    rows = list(reader)
    assert len(rows) == 2
    w, s = rows
    assert (w["event_id_cnty"], w["event_date"], w["frontline_type"]) == (
        "evt_velika_withdrawal", "2025-03-16", "territory.withdrawal")
    assert (w["event_type"], w["sub_event_type"]) == TYPE_MAPPING["territory.withdrawal"]
    assert (w["actor1"], w["actor2"]) == ("Northland", "Eastland")
    assert (w["location"], w["admin1"], w["country"]) == ("Velika", "Donetsk Oblast", "UA")
    assert (float(w["latitude"]), float(w["longitude"])) == (48.51, 37.02)
    assert (w["geo_precision"], w["time_precision"]) == ("1", "1")
    assert "eastland-live.txt#10-70" in w["evidence_ids"]
    assert s["event_type"] == "" and s["event_date"] == "" and s["latitude"] == ""  # statements: not coded
    assert "\r" not in text  # one line-ending convention throughout


def test_geojson_is_a_feature_collection_of_located_events_only(events):
    data = json.loads(export(events, "geojson"))
    assert data["type"] == "FeatureCollection"
    assert [f["id"] for f in data["features"]] == ["evt_velika_withdrawal"]
    feature = data["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.02, 48.51]}  # GeoJSON order: lon, lat
    props = feature["properties"]
    assert props["type"] == "territory.withdrawal" and props["place"] == "Velika"
    assert len(props["evidence"]) == 2


def test_empty_exports_are_still_valid():
    assert json.loads(export([], "geojson"))["features"] == []
    assert export([], "jsonl") == ""
    assert export([], "csv").splitlines()[1] == ",".join(CSV_COLUMNS)


def test_unknown_format_is_refused(events):
    with pytest.raises(ValueError, match="unknown format"):
        export(events, "xml")


def test_events_round_trip_through_the_store_and_the_cli(events, db_path, run_cli):
    Store(db_path).replace_events(events)
    jsonl = run_cli("export", "events", "--db", db_path)
    assert jsonl.exit_code == 0, jsonl.output
    rows = sorted((json.loads(line) for line in jsonl.stdout.splitlines()), key=lambda r: r["id"])
    assert rows == sorted((event_to_export(e) for e in events), key=lambda r: r["id"])
    geo = run_cli("export", "events", "--format", "geojson", "--db", db_path)
    assert len(json.loads(geo.stdout)["features"]) == 1
    table = run_cli("export", "events", "--format", "csv", "--db", db_path)
    assert len(list(csv.DictReader(io.StringIO(table.stdout.split("\n", 1)[1])))) == 2


def test_replacing_events_replaces_them(events, db_path):
    store = Store(db_path)
    store.replace_events(events)
    store.replace_events(events[:1])
    assert [e.id for e in store.iter_events()] == ["evt_velika_withdrawal"]
    assert store.table_counts()["event_evidence"] == 2


def test_posts_jsonl_has_the_spec_keys(blog, tmp_path, db_path, save_text, run_cli):
    store = Store(db_path)
    save_text(store, tmp_path, "eastland-live.txt", blog["v1"])
    stamped = dt.datetime(2025, 3, 16, 9, 30, tzinfo=dt.UTC)
    doc = Document(doc_id="https://news.example/live", title="Live", format="html", blocks=[
        Block(headline="Air raid alert in the east", published=stamped,
              paragraphs=["Sirens sounded across the eastern regions."])])
    store.save_document(clean_document(doc), [], "sha-live")
    result = run_cli("export", "posts", "--db", db_path)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(set(r) == POST_KEYS for r in rows)
    assert {r["kind"] for r in rows} == {"summary", "post", "teaser"}
    assert {r["document"] for r in rows} == {"eastland-live.txt", "https://news.example/live"}
    raid = next(r for r in rows if r["headline"] == "Air raid alert in the east")
    assert raid["published"] == "2025-03-16T09:30:00+00:00"  # the instant, with its offset
    assert all(isinstance(r["text"], str) and isinstance(r["post"], str) for r in rows)


def test_write_posts_streams_store_rows(blog, tmp_path, db_path, save_text):
    store = Store(db_path)
    save_text(store, tmp_path, "eastland-live.txt", blog["v1"])
    out = io.StringIO()
    n = write_posts(store.iter_posts(), out)
    assert n == len(out.getvalue().splitlines()) > 0
