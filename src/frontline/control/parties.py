"""Sides of a territorial change: who takes a place, and who a withdrawal hands it to.

Events name actors as the text does after merging ("Ukraine", "Russian Armed Forces", "the
Ukrainian general staff"); control needs the *side* they act for. Forces
are sided exactly as events/merge.py does (`_side`, imported, not copied); officials, ministries
and general staffs act for their state too.
"""

from __future__ import annotations

from functools import lru_cache

# Who faces whom: a withdrawal by one side hands the place to the other. Only wars with two
# clear sides are listed; elsewhere a withdrawal leaves the holder unknown.
OPPONENTS: dict[str, str] = {
    "Russia": "Ukraine", "Ukraine": "Russia",
    "Israel": "Hamas", "Hamas": "Israel",
}


@lru_cache(maxsize=4096)
def party_of(name: str | None) -> str | None:
    """The side an actor acts for ("Russian forces" -> "Russia", "Kyiv" -> "Ukraine"), or the
    name itself when the catalogue does not know it."""
    if not name or not name.strip():
        return None
    if name in OPPONENTS:  # merged events name most agents by their side already: no catalogue needed
        return name
    from frontline.events.merge import _side
    from frontline.language.actors import canonical_actor, state_of

    actor = canonical_actor(name)
    if actor is None:
        return name.strip()
    if actor.kind == "force":
        return _side(actor)
    if actor.kind in ("org", "person") and actor.country:
        return state_of(actor.country) or actor.name
    return actor.name


def other_side(party: str | None) -> str | None:
    """The side facing `party`, when the war has two clear sides."""
    return OPPONENTS.get(party or "")


def claimed_controller(event: dict) -> str | None:
    """Who holds the place if the event is true: a capture's agent, a withdrawal's opponent.

    A side does not deny its own capture: when the agent found by extraction is among the
    deniers and another side asserts, the asserting side is the capturer ("Russia claimed
    control of Kurakhove ... Ukraine denies" is Russia's capture whoever the parser made agent).
    """
    actors = event.get("actors") or []
    agent = next((a["name"] for a in actors if a.get("role") == "agent"), None)
    if agent is None and actors:
        agent = actors[0]["name"]
    party = party_of(agent)
    sources = event.get("sources") or []

    def asserters() -> list[str]:
        return [p for p in (party_of(s["name"]) for s in sources if s.get("stance") == "asserts") if p]

    # Sources are resolved only when needed: the actor catalogue costs a model load.
    if event.get("type") == "territory.capture" and any(s.get("stance") == "denies" for s in sources):
        deniers = {party_of(s["name"]) for s in sources if s.get("stance") == "denies"}
        if party in deniers:
            others = [p for p in asserters() if p not in deniers]
            if others:
                party = others[0]
    if party is None:
        party = next(iter(asserters()), None)
    if event.get("type") == "territory.withdrawal":
        return other_side(party)
    return party
