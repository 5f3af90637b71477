"""Territorial control: who holds what on a date from the events, reference maps imported with
shapely, and claims checked against them (SPEC sections 5 and 6), on an invented scenario."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from frontline.control.check import check_events
from frontline.control.from_events import changes_from_events, control_on, find_place, history, load_changes
from frontline.control.parties import claimed_controller, party_of
from frontline.control.reference import ReferenceIndex, import_paths
from frontline.control.sample import EXPECTED_VERDICTS, control_events, write_maps
from frontline.serialize import event_to_export
from frontline.store import Store


@pytest.fixture
def scenario(tmp_path, db_path):
    store = Store(db_path)
    store.replace_events(control_events())
    maps = write_maps(tmp_path / "maps")
    results = import_paths(store.engine, maps, "testmap", "Russia", "UA")
    assert [r.status for r in results] == ["new", "new", "new"]
    return store, maps


def _state(states, name):
    return next(s for s in states if s.place["name"] == name)


def test_sides_of_actors():
    assert party_of("Russian forces") == "Russia"
    assert party_of("Ukraine's general staff") == "Ukraine"
    assert party_of("Kyiv") == "Ukraine"
    # A side does not deny its own capture: the asserting side is the capturer.
    ev = {"type": "territory.capture", "actors": [{"name": "Ukraine", "role": "agent"}],
          "sources": [{"name": "Russia", "stance": "asserts"}, {"name": "Ukraine", "stance": "denies"}]}
    assert claimed_controller(ev) == "Russia"
    # A withdrawal hands the place to the other side.
    assert claimed_controller({"type": "territory.withdrawal", "actors": [{"name": "Ukrainian troops",
                                                                          "role": "agent"}]}) == "Russia"


def test_control_on_a_date(scenario):
    store, _ = scenario
    changes = load_changes(store.engine)
    before = control_on(changes, dt.date(2025, 6, 9))
    assert [s.place["name"] for s in before] == ["Testivka"]  # Novoselivka: no event speaks of it yet
    on_10 = control_on(changes, dt.date(2025, 6, 10))
    novo = _state(on_10, "Novoselivka")
    assert (novo.controller, novo.status, novo.since.isoformat()) == ("Russia", "claimed", "2025-06-10")
    on_12 = control_on(changes, dt.date(2025, 6, 12))
    novo = _state(on_12, "Novoselivka")
    # A claim followed by a report of the same holder: one run, confirmed, since the claim.
    assert (novo.controller, novo.status, novo.since.isoformat()) == ("Russia", "confirmed", "2025-06-10")
    assert novo.events == ["evt_c_novo_claim", "evt_c_novo_taken"]
    assert _state(on_12, "Testivka").controller == "Ukraine"
    assert _state(on_12, "Sudzha").controller == "Russia"  # Ukraine withdrew
    on_14 = control_on(changes, dt.date(2025, 6, 14))
    novo = _state(on_14, "Novoselivka")
    assert (novo.controller, novo.since.isoformat(), novo.events) == ("Ukraine", "2025-06-14", ["evt_c_novo_back"])
    line = novo.to_json()
    assert set(line) == {"place", "controller", "status", "since", "events"}
    assert line["place"]["gazetteer_id"] == "test:novoselivka"


def test_same_day_disagreement_and_denials():
    base = {"type": "territory.capture", "location": {"name": "X", "lat": 1.0, "lon": 2.0, "country": "UA",
                                                       "precision": "place", "gazetteer_id": "g:x"},
            "date": {"start": "2025-01-06"}, "sources": []}
    events = [dict(base, id="a", status="claimed", actors=[{"name": "Russia", "role": "agent"}]),
              dict(base, id="b", status="claimed", actors=[{"name": "Ukraine", "role": "agent"}]),
              dict(base, id="c", status="denied", actors=[{"name": "Ukraine", "role": "agent"}],
                   date={"start": "2025-01-07"})]
    changes = changes_from_events(events)
    state = control_on(changes, dt.date(2025, 1, 8))[0]
    assert (state.controller, state.status) == ("contested", "contested")
    assert state.to_json()["claimed_by"] == ["Russia", "Ukraine"]
    steps = history(find_place(changes, "x"))
    assert [s["counts"] for s in steps] == [True, True, False]  # the denied claim changes nothing
    assert steps[-1]["controller_after"] == "contested"


def test_reference_import_is_idempotent_and_refuses_bad_files(scenario, tmp_path):
    store, maps = scenario
    again = import_paths(store.engine, maps, "testmap", "Russia", "UA")
    assert [r.status for r in again] == ["unchanged"] * 3
    bad = tmp_path / "broken_20250601.geojson"
    bad.write_text("{not json", encoding="utf-8")
    undated = tmp_path / "nodate.geojson"
    undated.write_text(json.dumps({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}))
    # A changed map for a stored date replaces that snapshot; dated by a property, not the name.
    changed = tmp_path / "changed.geojson"
    changed.write_text(json.dumps({"type": "Feature", "properties": {"date": "2025-06-01"},
                                   "geometry": {"type": "Polygon",
                                                "coordinates": [[[30, 45], [31, 45], [31, 46], [30, 45]]]}}))
    out = import_paths(store.engine, [bad, undated, changed], "testmap", "Russia", "UA")
    assert [r.status for r in out] == ["error", "error", "replaced"]
    assert out[0].message.startswith("broken_20250601.geojson: not GeoJSON")
    assert "no date" in out[1].message
    ref = ReferenceIndex.load(store.engine, "testmap")
    assert [d.isoformat() for d in ref.dates] == ["2025-06-01", "2025-06-12", "2025-06-20"]
    assert not ref.held(0, 37.9, 47.9)  # the replaced 1 June map no longer covers Testivka


def test_reference_lookup_by_date(scenario):
    store, _ = scenario
    ref = ReferenceIndex.load(store.engine)  # the only one
    assert ref.holder(dt.date(2025, 6, 11), 37.5, 48.1, "UA") == "other"
    assert ref.holder(dt.date(2025, 6, 12), 37.5, 48.1, "UA") == "Russia"
    assert ref.holder(dt.date(2025, 6, 25), 37.5, 48.1, "UA") == "other"
    assert ref.holder(dt.date(2025, 5, 1), 37.5, 48.1, "UA") == "outside"  # before the first map
    assert ref.holder(dt.date(2025, 6, 12), 35.27, 51.2, "RU") == "outside"


def test_every_verdict(scenario):
    store, _ = scenario
    ref = ReferenceIndex.load(store.engine, "testmap")
    verdicts = {v.event: v for v in check_events(ref, (event_to_export(e) for e in store.iter_events()))}
    assert {k: v.verdict for k, v in verdicts.items()} == EXPECTED_VERDICTS
    claim = verdicts["evt_c_novo_claim"]
    assert (claim.reference_at_event, claim.reference_agrees_from, claim.lag_days) == ("other", "2025-06-12", 2)
    assert "2 days later" in claim.sentence(ref.held_by)
    back = verdicts["evt_c_novo_back"]
    assert (back.claimed_controller, back.reference_at_event, back.reference_agrees_from) == (
        "Ukraine", "Russia", "2025-06-20")
    assert verdicts["evt_c_testivka_ua"].reference_agrees_from is None
    line = verdicts["evt_c_sudzha"].to_json()
    assert {"event", "place", "claimed_controller", "reference", "reference_at_event", "reference_agrees_from",
            "verdict"} <= set(line)
    assert line["reference_at_event"] == "outside"


def test_cli_control_reference_check(scenario, run_cli, db_path, tmp_path):
    _, maps = scenario
    out = run_cli("control", "--date", "2025-06-12", "--db", db_path)
    assert out.exit_code == 0, out.output
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert {x["place"]["name"]: x["controller"] for x in lines} == {
        "Novoselivka": "Russia", "Testivka": "Ukraine", "Sudzha": "Russia"}
    geo = json.loads(run_cli("control", "--format", "geojson", "--db", db_path).stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["type"] == "Point"
    hist = json.loads(run_cli("control", "--place", "novoselivka", "--db", db_path).stdout)
    assert [c["controller_after"] for c in hist["changes"]] == ["Russia", "Russia", "Ukraine"]
    assert hist["changes"][0]["evidence"][0]["text"] == "Moscow claims Novoselivka"
    checked = run_cli("check", "--db", db_path)
    assert checked.exit_code == 0, checked.output
    assert {json.loads(x)["event"]: json.loads(x)["verdict"] for x in checked.stdout.splitlines()} == EXPECTED_VERDICTS
    text = run_cli("check", "--format", "text", "--verdict", "ahead_of_map", "--db", db_path).stdout
    assert len(text.splitlines()) == 2 and "ahead of the map" in text
    missing = run_cli("check", "--reference", "nope", "--db", db_path)
    assert missing.exit_code == 1 and "no reference map 'nope'" in missing.output
    bad = tmp_path / "bad_20250101.geojson"
    bad.write_text("[]", encoding="utf-8")
    imported = run_cli("reference", "import", str(maps[0]), str(bad), "--name", "testmap", "--held-by", "Russia",
                       "--covers", "UA", "--db", db_path)
    assert imported.exit_code == 1 and "bad_20250101.geojson: not GeoJSON" in imported.output
    assert "1 unchanged" in imported.output
