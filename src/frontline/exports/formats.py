"""Writers for each export format. Every writer streams, so exports of any size use little memory."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from typing import TextIO

from frontline.models import Event
from frontline.serialize import event_to_export

# SPEC type -> (ACLED event_type, ACLED sub_event_type), stated in every export.
TYPE_MAPPING: dict[str, tuple[str, str]] = {
    "territory.capture": ("Battles", "Government regains territory / Non-state actor overtakes territory"),
    "territory.withdrawal": ("Strategic developments", "Non-violent transfer of territory"),
    "offensive": ("Battles", "Armed clash"),
    "clash": ("Battles", "Armed clash"),
    "strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "casualties": ("Battles", "Armed clash"),
    "prisoners": ("Strategic developments", "Arrests"),
    "meeting": ("Strategic developments", "Other"),
    "call": ("Strategic developments", "Other"),
    "statement": ("", ""),
    "agreement": ("Strategic developments", "Agreement"),
    "aid": ("", ""),
    "sanctions": ("", ""),
    "mobilization": ("Strategic developments", "Other"),
    "other": ("", ""),
}

CSV_COLUMNS = [
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "frontline_type", "status", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision", "source",
    "notes", "evidence_ids",
]
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}  # ACLED's 1-3 scale
GEO_PRECISION = {"place": 1, "admin1": 2, "country": 3}


def write_events(events: Iterable[Event], out: TextIO, fmt: str = "jsonl") -> int:
    if fmt == "jsonl":
        return _jsonl(events, out)
    if fmt == "csv":
        return _csv(events, out)
    if fmt == "geojson":
        return _geojson(events, out)
    raise ValueError(f"unknown format {fmt!r} (use jsonl, csv or geojson)")


def _jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(event_to_export(e), ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(events: Iterable[Event], out: TextIO) -> int:
    out.write("# type mapping (frontline -> ACLED): " + "; ".join(
        f"{k}={v[0] or 'not coded'}/{v[1] or '-'}" for k, v in TYPE_MAPPING.items()) + "\n")
    # "\n" like the comment line above: csv's default "\r\n" would mix line endings in one file.
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        acled, sub = TYPE_MAPPING.get(e.type, ("", ""))
        agents = [a["name"] for a in e.actors if a.get("role") == "agent"] or [a["name"] for a in e.actors]
        others = [a["name"] for a in e.actors if a["name"] not in agents[:1]]
        loc = e.location
        writer.writerow({
            "event_id_cnty": e.id, "event_date": e.date.start.isoformat() if e.date else "",
            "event_type": acled, "sub_event_type": sub, "frontline_type": e.type, "status": e.status,
            "actor1": agents[0] if agents else "", "actor2": "; ".join(others),
            "country": loc.country if loc else "", "admin1": (loc.admin1 or "") if loc else "",
            "location": loc.name if loc else "", "latitude": loc.lat if loc else "",
            "longitude": loc.lon if loc else "", "geo_precision": GEO_PRECISION.get(loc.precision, "") if loc else "",
            "time_precision": TIME_PRECISION.get(e.date.precision, "") if e.date else "",
            "source": "; ".join(f"{s['name']} ({s['stance']})" for s in e.sources),
            "notes": e.summary,
            "evidence_ids": "; ".join(f"{x.document}#{x.start}-{x.end}" for x in e.evidence),
        })
        n += 1
    return n


def _geojson(events: Iterable[Event], out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "frontline_type_mapping": ')
    out.write(json.dumps({k: {"acled_event_type": v[0], "acled_sub_event_type": v[1]}
                          for k, v in TYPE_MAPPING.items()}))
    out.write(', "features": [')
    n = 0
    for e in events:
        if not e.location:
            continue
        props = event_to_export(e)
        props.pop("location")
        props["place"] = e.location.name
        props["country"] = e.location.country
        props["geo_precision"] = e.location.precision
        feature = {"type": "Feature", "id": e.id,
                   "geometry": {"type": "Point", "coordinates": [e.location.lon, e.location.lat]},
                   "properties": props}
        out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_posts(posts: Iterable[dict], out: TextIO) -> int:
    """Posts as SPEC JSON Lines; `published` carries its UTC offset (the store keeps naive UTC)."""
    n = 0
    for p in posts:
        row = {"document": p["document_id"], "post": p["post_id"], "headline": p["headline"], "text": p["text"],
               "published": _utc_iso(p["published"]), "kind": p["kind"]}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def _utc_iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()
