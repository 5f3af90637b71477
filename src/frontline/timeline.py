"""A readable terminal timeline of events: newest first, grouped by day, status marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import groupby

from rich.console import Console
from rich.markup import escape

from frontline.models import Event

STATUS_STYLE = {
    "reported": ("●", "green"), "confirmed": ("✔", "bold green"), "claimed": ("◐", "yellow"),
    "denied": ("✖", "red"), "contested": ("⇄", "magenta"), "expected": ("…", "cyan"), "cancelled": ("⊘", "dim"),
}


def select(events: Iterable[Event], *, types: set[str] = frozenset(), statuses: set[str] = frozenset(),
           since: dt.date | None = None, place: str | None = None) -> Iterable[Event]:
    needle = place.lower() if place else None
    for e in events:
        if types and e.type not in types:
            continue
        if statuses and e.status not in statuses:
            continue
        if since and (e.date is None or e.date.end < since):
            continue
        if needle and not (e.location and (needle in e.location.name.lower()
                                           or needle in (e.location.admin1 or "").lower()
                                           or needle == e.location.country.lower())):
            continue
        yield e


def print_timeline(events: Iterable[Event], *, types: set[str] = frozenset(), statuses: set[str] = frozenset(),
                   since: dt.date | None = None, place: str | None = None, limit: int = 0,
                   console: Console | None = None) -> int:
    console = console or Console()
    chosen = list(select(events, types=types, statuses=statuses, since=since, place=place))
    chosen.sort(key=lambda e: (e.date.start if e.date else dt.date.min), reverse=True)
    if limit:
        chosen = chosen[:limit]
    if not chosen:
        console.print("no events match", style="dim")
        return 0
    for day, group in groupby(chosen, key=lambda e: e.date.start if e.date else None):
        console.print(f"\n[bold]{day.isoformat() if day else 'undated'}[/bold]")
        for e in group:
            mark, style = STATUS_STYLE.get(e.status, ("·", ""))
            where = f" — {escape(e.location.name)}" if e.location else ""
            who = ", ".join(f"{s['name']} ({s['stance']})" for s in e.sources[:3])
            console.print(f"  [{style}]{mark} {e.status:9}[/{style}] [cyan]{e.type:20}[/cyan] "
                          f"{escape(e.summary)}{where}", highlight=False)
            if who:
                console.print(f"      [dim]{escape(who)} · {len(e.evidence)} sentence(s)[/dim]", highlight=False)
    return len(chosen)
