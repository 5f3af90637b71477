"""Dataclasses <-> JSON-ready dicts, for the store and the exports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import orjson

from frontline.models import ActorRef, DateRef, Event, EventMention, Evidence, PlaceRef, Quantity

_PLAIN = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...] | None] = {}  # a class -> its dataclass fields' names (None: not one)


def loads(text: str | bytes) -> Any:
    """json.loads, faster for what the store wrote (orjson); what orjson refuses but json reads
    (NaN, a lone surrogate escaped by json.dumps) goes through json.loads: the same values either way."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def to_jsonable(value: Any) -> Any:
    cls = type(value)
    if cls in _PLAIN:
        return value
    names = _FIELDS.get(cls, ())
    if names == ():
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(value)) \
            if dataclasses.is_dataclass(value) and not isinstance(value, type) else None
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _datetime(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def date_from_dict(d: dict | None) -> DateRef | None:
    if not d:
        return None
    return DateRef(**{**d, "start": _date(d["start"]), "end": _date(d["end"])})


def place_from_dict(d: dict | None) -> PlaceRef | None:
    return PlaceRef(**d) if d else None


def mention_from_dict(d: dict) -> EventMention:
    return EventMention(
        type=d["type"], status=d["status"], summary=d["summary"], evidence=Evidence(**d["evidence"]),
        date=date_from_dict(d.get("date")), location=place_from_dict(d.get("location")),
        actors=[ActorRef(**a) for a in d.get("actors", [])],
        sources=[tuple(s) for s in d.get("sources", [])],
        quantities=[Quantity(**q) for q in d.get("quantities", [])],
        trigger=d.get("trigger", ""), confirms=d.get("confirms", False),
        published=_datetime(d.get("published")),
        supporting=d.get("supporting", d.get("from_headline", False)), sentence_key=d.get("sentence_key", ""),
        date_weight=d.get("date_weight", 0), joins=d.get("joins", ""), block=d.get("block", ""),
    )


def event_to_export(event: Event) -> dict:
    """The SPEC section 6 JSON object for one event."""
    out: dict[str, Any] = {
        "id": event.id, "type": event.type, "status": event.status, "summary": event.summary,
        "date": None, "location": None,
        "actors": event.actors, "sources": event.sources,
        "quantities": [{"value": q.value, "unit": q.unit, "text": q.text} for q in event.quantities],
        "evidence": [to_jsonable(e) for e in event.evidence],
    }
    if event.date:
        out["date"] = {"start": event.date.start.isoformat(), "end": event.date.end.isoformat(),
                       "precision": event.date.precision, "basis": event.date.basis}
    if event.location:
        loc = event.location
        out["location"] = {"name": loc.name, "lat": loc.lat, "lon": loc.lon, "country": loc.country,
                           "admin1": loc.admin1, "precision": loc.precision, "gazetteer_id": loc.gazetteer_id}
    return out


def event_from_export(d: dict) -> Event:
    loc = d.get("location")
    return Event(
        id=d["id"], type=d["type"], status=d["status"], summary=d["summary"],
        date=date_from_dict(d.get("date")),
        location=PlaceRef(**loc) if loc else None,
        actors=d.get("actors", []), sources=d.get("sources", []),
        quantities=[Quantity(**q) for q in d.get("quantities", [])],
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
    )
