"""Territorial claims checked against a reference map (SPEC section 6, check line).

For each territory.capture / territory.withdrawal with a place, the side that would hold the
place if the event is true is compared with the reference snapshot in force on the event's date:

- `consistent`: the map already agrees (`reference_agrees_from` is the first day of the map's
  unbroken agreement up to the event, so "the map showed it 9 days before the claim");
- `ahead_of_map`: the map agrees only on a later snapshot, within AHEAD_HORIZON_DAYS
  (`reference_agrees_from` minus the event date is the lag);
- `contradicted`: no snapshot within the horizon agrees;
- `outside_reference`: the map cannot speak to it: the place is outside the country the map
  covers, the event predates the first snapshot, or the place is a whole region or country
  (a point cannot stand for an area; `note` says which).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from frontline.control.from_events import TERRITORIAL
from frontline.control.parties import claimed_controller
from frontline.control.reference import ReferenceIndex

AHEAD_HORIZON_DAYS = 120
VERDICTS = ("consistent", "ahead_of_map", "contradicted", "outside_reference")


@dataclass
class Verdict:
    event: str
    place: str
    date: str
    claimed_controller: str | None
    reference: str
    reference_at_event: str  # <party> | other | outside
    reference_agrees_from: str | None
    verdict: str
    event_status: str = ""
    note: str = ""

    @property
    def lag_days(self) -> int | None:
        if self.reference_agrees_from is None:
            return None
        return (dt.date.fromisoformat(self.reference_agrees_from) - dt.date.fromisoformat(self.date)).days

    def to_json(self) -> dict:
        out = {"event": self.event, "place": self.place, "claimed_controller": self.claimed_controller,
               "reference": self.reference, "reference_at_event": self.reference_at_event,
               "reference_agrees_from": self.reference_agrees_from, "verdict": self.verdict,
               "date": self.date, "lag_days": self.lag_days, "event_status": self.event_status}
        if self.note:
            out["note"] = self.note
        return out

    def sentence(self, held_by: str) -> str:
        """The verdict in words, for the event panel and `--format text`."""
        lag = self.lag_days
        who = self.claimed_controller or "the claimed side"
        if self.verdict == "consistent":
            if lag is not None and lag < 0:
                return (f"The reference map already shows {self.place} held by {who} "
                        f"{-lag} day{'s' if lag != -1 else ''} before the claim.")
            return f"The reference map shows {self.place} held by {who} on the day of the claim."
        if self.verdict == "ahead_of_map":
            return (f"The claim is ahead of the map: the reference map shows {self.place} held by {who} "
                    f"only from {self.reference_agrees_from}, {lag} day{'s' if lag != 1 else ''} later.")
        if self.verdict == "contradicted":
            shown = held_by if self.reference_at_event == held_by else f"not held by {held_by}"
            return (f"The reference map contradicts the claim: it shows {self.place} {shown} "
                    f"and does not come round within {AHEAD_HORIZON_DAYS} days.")
        return f"Outside the reference map: {self.note or 'it does not cover this place'}."


def _agrees(ref: ReferenceIndex, i: int, lon: float, lat: float, claimed: str) -> bool:
    held = ref.held(i, lon, lat)
    return held if claimed.casefold() == ref.held_by.casefold() else not held


def check_event(ref: ReferenceIndex, ev: dict) -> Verdict | None:
    """The verdict for one event (SPEC export object); None when it is not a located territorial event."""
    loc, date = ev.get("location"), ev.get("date")
    if ev.get("type") not in TERRITORIAL or not loc or not date or not date.get("start"):
        return None
    day = dt.date.fromisoformat(date["start"])
    claimed = claimed_controller(ev)
    v = Verdict(event=ev["id"], place=loc.get("name", ""), date=day.isoformat(), claimed_controller=claimed,
                reference=ref.name, reference_at_event="outside", reference_agrees_from=None,
                verdict="outside_reference", event_status=ev.get("status", ""))
    if not ref.covers_place(loc.get("country")):
        v.note = f"{v.place} is in {loc.get('country') or 'an unknown country'}; the map covers {ref.covers} only"
        return v
    i = ref.index_at(day)
    if i is None:
        first = ref.dates[0].isoformat() if ref.dates else "none"
        v.note = f"the event ({day}) predates the map's first snapshot ({first})"
        return v
    lon, lat = loc["lon"], loc["lat"]
    v.reference_at_event = ref.held_by if ref.held(i, lon, lat) else "other"
    if loc.get("precision") not in (None, "place"):
        v.note = f"{v.place} is a whole {loc.get('precision')}, which one point cannot stand for"
        return v
    if not claimed:
        v.note = "no side could be told for this claim"
        return v
    if _agrees(ref, i, lon, lat, claimed):
        j = i
        while j > 0 and _agrees(ref, j - 1, lon, lat, claimed):
            j -= 1
        v.verdict, v.reference_agrees_from = "consistent", ref.dates[j].isoformat()
        return v
    horizon = day + dt.timedelta(days=AHEAD_HORIZON_DAYS)
    for j in range(i + 1, len(ref.dates)):
        if ref.dates[j] > horizon:
            break
        if _agrees(ref, j, lon, lat, claimed):
            v.verdict, v.reference_agrees_from = "ahead_of_map", ref.dates[j].isoformat()
            return v
    v.verdict = "contradicted"
    return v


def check_events(ref: ReferenceIndex, events: Iterable[dict]) -> list[Verdict]:
    """Verdicts for every located territorial event, oldest first."""
    out = [v for v in (check_event(ref, ev) for ev in events) if v is not None]
    out.sort(key=lambda v: (v.date, v.event))
    return out
