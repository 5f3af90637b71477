"""Territorial control according to the events: who holds each place on a date, and a place's
history of changes with the evidence behind each (SPEC section 6, control line).

Every territory.capture and territory.withdrawal event with a place is a *change*: from its
date the place is held by the capturer, or by the other side of whoever withdrew. Changes are
replayed in date order per place: repeated claims of the same holder extend one run (its
`since` is the run's first day and its `events` every event in it); two holders on the same
day, or a contested event, make the place contested. Denied, expected and cancelled events
are kept in the history but change nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from frontline.control.parties import claimed_controller
from frontline.store import schema as t

TERRITORIAL = ("territory.capture", "territory.withdrawal")
# How an event's status reads as control: the publisher stating it as fact counts as confirmed.
STATUS_AS_CONTROL = {"reported": "confirmed", "confirmed": "confirmed", "claimed": "claimed",
                     "contested": "contested"}
NOT_A_CHANGE = {"denied", "expected", "cancelled"}
STRENGTH = {"claimed": 0, "confirmed": 1, "contested": 2}


@dataclass
class Change:
    """One territorial event read as a change of control of one place."""

    place_key: str
    place: dict
    date: dt.date
    event: str
    type: str
    event_status: str
    claimed_by: str | None  # the side that holds the place if the event is true
    summary: str = ""
    evidence: list[dict] = field(default_factory=list)

    @property
    def counts(self) -> bool:
        return self.event_status not in NOT_A_CHANGE

    @property
    def controller(self) -> str:
        if self.event_status == "contested":
            return "contested"
        return self.claimed_by or "unknown"

    @property
    def status(self) -> str:
        return STATUS_AS_CONTROL.get(self.event_status, "claimed")


@dataclass
class ControlState:
    """Who holds a place on a date (one line of `frontline control`)."""

    place: dict
    controller: str
    status: str
    since: dt.date
    events: list[str]
    claimed_by: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        out = {"place": self.place, "controller": self.controller, "status": self.status,
               "since": self.since.isoformat(), "events": self.events}
        if self.controller == "contested" and self.claimed_by:
            out["claimed_by"] = self.claimed_by
        return out


def place_key(location: dict) -> str:
    return location.get("gazetteer_id") or location.get("name", "").casefold()


def changes_from_events(events: Iterable[dict]) -> list[Change]:
    """Territorial events (SPEC export objects) with a place and a date, as changes, oldest first."""
    out: list[Change] = []
    for ev in events:
        loc, date = ev.get("location"), ev.get("date")
        if ev.get("type") not in TERRITORIAL or not loc or not date or not date.get("start"):
            continue
        out.append(Change(
            place_key=place_key(loc), place=loc, date=dt.date.fromisoformat(date["start"]), event=ev["id"],
            type=ev["type"], event_status=ev.get("status", "reported"), claimed_by=claimed_controller(ev),
            summary=ev.get("summary", ""),
            evidence=[{"document": e.get("document"), "post": e.get("post"), "text": e.get("text")}
                      for e in ev.get("evidence", [])]))
    out.sort(key=lambda c: (c.date, c.event))
    return out


def territorial_events(engine: Engine) -> list[dict]:
    """Every stored territorial event as its SPEC export object (read from the events table by type)."""
    with engine.connect() as conn:
        rows = conn.execute(select(t.events.c.data).where(t.events.c.type.in_(TERRITORIAL))).scalars().all()
    return [json.loads(r) for r in rows]


def load_changes(engine: Engine) -> list[Change]:
    """The changes of every stored territorial event."""
    return changes_from_events(territorial_events(engine))


def _replay_steps(changes: list[Change]) -> list[ControlState | None]:
    """The state after each of one place's changes (sorted by date), in one pass: a day's
    changes are judged together, so each change of a day gets the state after the whole day."""
    after: list[ControlState | None] = [None] * len(changes)
    state: ControlState | None = None
    i = 0
    while i < len(changes):
        day = changes[i].date
        j = i
        while j < len(changes) and changes[j].date == day:
            j += 1
        same_day = [c for c in changes[i:j] if c.counts]
        if same_day:
            holders = {c.controller for c in same_day}
            controller = holders.pop() if len(holders) == 1 else "contested"
            status = "contested" if controller == "contested" else max(
                (c.status for c in same_day), key=STRENGTH.__getitem__)
            ids = [c.event for c in same_day]
            claims = sorted({c.claimed_by for c in same_day if c.claimed_by})
            if state is not None and state.controller == controller:
                state = ControlState(place=state.place, controller=controller,
                                     status=max(state.status, status, key=STRENGTH.__getitem__), since=state.since,
                                     events=state.events + ids, claimed_by=sorted(set(state.claimed_by) | set(claims)))
            else:
                state = ControlState(place=same_day[-1].place, controller=controller, status=status, since=day,
                                     events=ids, claimed_by=claims)
        for k in range(i, j):
            after[k] = state
        i = j
    return after


def _replay(changes: list[Change]) -> ControlState | None:
    """The state after one place's changes (already filtered by date and sorted)."""
    steps = _replay_steps(changes)
    return steps[-1] if steps else None


def by_place(changes: Iterable[Change]) -> dict[str, list[Change]]:
    grouped: dict[str, list[Change]] = {}
    for c in changes:
        grouped.setdefault(c.place_key, []).append(c)
    return grouped


def control_on(changes: list[Change], day: dt.date | None = None) -> list[ControlState]:
    """Who holds each place the events speak of on `day` (default: after every event).
    Places whose first change comes later are left out: the events say nothing of them yet."""
    out = []
    for group in by_place(changes).values():
        upto = [c for c in group if day is None or c.date <= day]
        state = _replay(upto)
        if state is not None:
            out.append(state)
    out.sort(key=lambda s: (s.place.get("country") or "", s.place.get("name") or ""))
    return out


def find_place(changes: list[Change], name: str) -> list[Change]:
    """Changes of the place called `name` (case-insensitive; its gazetteer id also works)."""
    want = name.strip().casefold()
    hits = [c for c in changes if c.place.get("name", "").casefold() == want or c.place_key.casefold() == want]
    if not hits:
        hits = [c for c in changes if want and want in c.place.get("name", "").casefold()]
    return hits


def history(changes: list[Change]) -> list[dict]:
    """One place's changes in date order, each with the holder after its day and its evidence."""
    out = []
    for c, after in zip(changes, _replay_steps(changes), strict=True):
        out.append({
            "date": c.date.isoformat(), "event": c.event, "type": c.type, "event_status": c.event_status,
            "claimed_controller": c.claimed_by, "counts": c.counts,
            "controller_after": after.controller if after else "unknown",
            "status_after": after.status if after else None,
            "summary": c.summary, "evidence": c.evidence,
        })
    return out


def control_geojson(states: list[ControlState]) -> dict:
    """The control lines as GeoJSON points (properties are the control line without the place)."""
    features = []
    for s in states:
        p = s.place
        if p.get("lat") is None or p.get("lon") is None:
            continue
        props = {k: v for k, v in s.to_json().items() if k != "place"}
        props.update(name=p.get("name"), country=p.get("country"), precision=p.get("precision"),
                     gazetteer_id=p.get("gazetteer_id"))
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}
