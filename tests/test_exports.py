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


def test_csv_header_is_the_first_line_with_acled_columns(events):
    text = export(events, "csv")
    assert text.split("\n", 1)[0] == ",".join(CSV_COLUMNS)  # no comment line before the header
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == CSV_COLUMNS
    assert ACLED_COLUMNS <= set(reader.fieldnames) and "fatalities" in reader.fieldnames
    rows = list(reader)
    assert len(rows) == 2
    w, s = rows
    assert (w["event_id_cnty"], w["event_date"], w["frontline_type"]) == (
        "evt_velika_withdrawal", "2025-03-16", "territory.withdrawal")
    assert (w["event_type"], w["sub_event_type"]) == TYPE_MAPPING["territory.withdrawal"]
    assert (w["actor1"], w["actor2"]) == ("Northland", "Eastland")
    assert (w["location"], w["admin1"], w["country"], w["country_iso2"]) == ("Velika", "Donetsk Oblast", "Ukraine",
                                                                            "UA")
    assert (float(w["latitude"]), float(w["longitude"])) == (48.51, 37.02)
    assert (w["geo_precision"], w["time_precision"]) == ("1", "1")
    assert w["fatalities"] == ""  # an area is no death toll
    assert "eastland-live.txt#10-70" in w["evidence_ids"]
    assert s["event_type"] == "" and s["event_date"] == "" and s["latitude"] == ""  # statements: not coded
    assert "\r" not in text  # one line-ending convention throughout


def _hostile_events() -> list[Event]:
    """Sentences that start like spreadsheet formulas, a death toll, and a negative longitude."""
    evidence = [Evidence("hostile.txt", "p_x", "Two people were killed when a drone hit the port, officials said.",
                         0, 66)]
    return [
        Event("evt_formula", "casualties", "reported", '=HYPERLINK("http://evil.example","click")',
              DateRef(dt.date(2025, 3, 16), dt.date(2025, 3, 16), "day", "explicit", "16 March"),
              PlaceRef("Westport", 40.1, -8.5, "PT", None, "place", "geo:1"),
              [{"name": "@SUM(1+1)*cmd|' /C calc'!A0", "role": "agent"}],
              [{"name": "+44 officials", "stance": "asserts"}],
              [Quantity(2, "people", "Two people")], evidence),
        Event("evt_minus", "strike", "reported", "-1+1 shelling\tcontinued", None, None,
              [{"name": "\tTabbed", "role": "agent"}, {"name": "\rReturned", "role": "other"}], [], [], evidence),
    ]


def test_csv_neutralises_formula_cells_and_fills_fatalities():
    pd = pytest.importorskip("pandas", reason="pandas is a dev dependency")
    text = export(_hostile_events(), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    f, m = rows
    assert f["notes"] == "'" + '=HYPERLINK("http://evil.example","click")'
    assert f["actor1"].startswith("'@") and f["source"].startswith("'+")
    assert m["notes"].startswith("'-") and m["actor1"] == "'\tTabbed" and m["actor2"] == "'\nReturned"
    first_chars = {cell[:1] for row in rows for cell in row.values() if cell and cell[:1] != "'"}
    assert not first_chars & set("=+@\t\r")  # no cell a spreadsheet would evaluate
    assert f["longitude"] == "-8.5"  # a number stays a number
    assert f["fatalities"] == "2" and m["fatalities"] == ""
    frame = pd.read_csv(io.StringIO(text))  # no options: header on the first line
    assert list(frame.columns) == CSV_COLUMNS and len(frame) == 2
    assert frame.loc[0, "longitude"] == -8.5 and frame.loc[0, "fatalities"] == 2
    assert frame.loc[0, "country"] == "Portugal"


def test_type_mapping_is_printed_by_the_cli(run_cli):
    result = run_cli("export", "events", "--mapping")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["frontline_type"] for r in rows} == SPEC_TYPES
    assert {r["frontline_type"]: (r["event_type"], r["sub_event_type"]) for r in rows} == TYPE_MAPPING


def test_kml_is_escaped_xml_with_one_placemark_per_located_event(events):
    from xml.etree import ElementTree as ET

    hostile = _hostile_events()
    hostile[0].summary = "<script>alert(1)</script> & \x01 ]]> strike"
    root = ET.fromstring(export(list(events) + hostile, "kml"))
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = root.findall(".//k:Placemark", ns)
    assert [m.get("id") for m in marks] == ["evt_velika_withdrawal", "evt_formula"]
    assert marks[1].find("k:name", ns).text == "<script>alert(1)</script> &  ]]> strike"  # text, not markup
    assert marks[0].find("k:Point/k:coordinates", ns).text == "37.02,48.51"  # KML order: lon,lat
    assert marks[0].find("k:TimeSpan/k:begin", ns).text == "2025-03-16"


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
    assert export([], "csv").splitlines() == [",".join(CSV_COLUMNS)]
    assert "Placemark" not in export([], "kml")


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
    assert len(list(csv.DictReader(io.StringIO(table.stdout)))) == 2
    kml = run_cli("export", "events", "--format", "kml", "--db", db_path)
    assert kml.exit_code == 0 and kml.stdout.count("<Placemark") == 1


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


def test_api_export_neutralises_formulas_and_opens_in_pandas(db_path):
    pd = pytest.importorskip("pandas", reason="pandas is a dev dependency")
    from fastapi.testclient import TestClient

    from frontline.web.app import create_app

    store = Store(db_path)
    store.replace_events(_hostile_events())
    with TestClient(create_app(store=store)) as client:
        r = client.get("/api/export", params={"format": "csv"})
        kml = client.get("/api/export", params={"format": "kml"})
    assert r.status_code == 200
    frame = pd.read_csv(io.StringIO(r.text))
    assert list(frame.columns) == CSV_COLUMNS
    notes = dict(zip(frame["event_id_cnty"], frame["notes"], strict=True))
    assert notes["evt_formula"].startswith("'=HYPERLINK")
    assert kml.status_code == 200 and kml.text.count("<Placemark") == 1
