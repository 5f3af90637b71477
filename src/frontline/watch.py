"""`frontline watch`: poll live blogs, ingest each changed snapshot, say what changed, alert.

Each target (a URL or a file) is polled every `every` seconds. A failed poll (network
error, a 500, a snapshot that cannot be read) is logged on one line and the target is
polled again later with exponential backoff; the watch itself never stops for it. Each
new or updated event that matches the filters is POSTed as JSON to the `--notify` URL.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import httpx

from frontline.readers.fetch import TIMEOUT, USER_AGENT, is_url
from frontline.store import Store, live

MAX_BACKOFF = 30 * 60  # seconds: a dead page is still retried twice an hour


@dataclass
class Filters:
    """Which events an alert is about (empty means any)."""

    types: set[str] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)
    place: str | None = None

    def match(self, event: dict) -> bool:
        if self.types and event.get("type") not in self.types:
            return False
        if self.statuses and event.get("status") not in self.statuses:
            return False
        if self.place:
            loc = event.get("location") or {}
            hay = " ".join(str(loc.get(k) or "") for k in ("name", "admin1", "country")).lower()
            if self.place.lower() not in hay:
                return False
        return True


@dataclass
class Target:
    spec: str
    failures: int = 0
    next_at: float = 0.0

    @property
    def is_url(self) -> bool:
        return is_url(self.spec)


@dataclass
class Watcher:
    store: Store
    targets: list[Target]
    every: float = 300.0
    published: object = None
    source: str | None = None
    notify: str | None = None
    filters: Filters = field(default_factory=Filters)
    out: TextIO | None = None  # one line per change
    log: Callable[[str], None] = print  # one line per failure
    client: httpx.Client | None = None
    errors: int = 0

    def poll(self, target: Target) -> bool:
        """Poll one target once; True when it answered (changed or not), False on failure."""
        from frontline.ingest import ingest_paths, ingest_url

        try:
            rev0, evt0 = live.last_revision_id(self.store), live.last_event_change_id(self.store)
            if target.is_url:
                outcome = ingest_url(self.store, target.spec, published=self.published, source=self.source,
                                     client=self.client)
            else:
                outcome = ingest_paths(self.store, [Path(target.spec)], published=self.published,
                                       source=self.source)[0]
            error = outcome.error
        except Exception as exc:  # noqa: BLE001 - a database hiccup must not end the watch
            error = f"{target.spec}: {type(exc).__name__}: {' '.join(str(exc).split())}"
        if error:
            target.failures += 1
            self.errors += 1
            delay = self.backoff(target)
            target.next_at = time.monotonic() + delay
            self.log(f"error: {error} (retrying in {delay:.0f}s)")
            return False
        target.failures = 0
        target.next_at = time.monotonic() + self.every
        try:
            self.report(rev0, evt0)
        except Exception as exc:  # noqa: BLE001 - the snapshot is stored; only the report failed
            self.log(f"error: {target.spec}: could not list the changes ({type(exc).__name__}: {exc})")
        return True

    def backoff(self, target: Target) -> float:
        return min(self.every * (2 ** min(target.failures, 16)), max(MAX_BACKOFF, self.every))

    def report(self, rev0: int, evt0: int) -> None:
        posts = live.post_changes(self.store, after_id=rev0)
        events = live.event_changes(self.store, after_id=evt0)
        for c in posts:
            text = c["after"] if c["after"] is not None else (c["before"] or "")
            self._say(f"post {c['change']:<7} {c['document']} {c['post']}: {_first_line(text)}")
        alerts = []
        for c in events:
            extra = f" ({', '.join(c['fields'])})" if c["fields"] else ""
            self._say(f"event {c['change']:<9} {c['id']} {c['type']} {c['status']}{extra}: {c['summary']}")
            if c["change"] in ("new", "updated"):
                alerts.append(c)
        if self.notify and alerts:
            self.send(alerts)

    def send(self, changes: list[dict]) -> None:
        """POST each matching new/updated event ({"change", "fields", "event"}) to the webhook."""
        from frontline.store.identity import registry_events

        exports = registry_events(self.store, [c["id"] for c in changes])
        client = self.client or httpx.Client(timeout=TIMEOUT)
        try:
            for c in changes:
                event = exports.get(c["id"])
                if event is None or not self.filters.match(event):
                    continue
                body = {"change": c["change"], "fields": c["fields"], "at": c["at"], "event": event}
                try:
                    resp = client.post(self.notify, json=body, headers={"User-Agent": USER_AGENT})
                    if resp.status_code >= 400:
                        self.log(f"error: notify {self.notify}: HTTP {resp.status_code} for {c['id']}")
                except httpx.HTTPError as exc:
                    self.log(f"error: notify {self.notify}: {type(exc).__name__}: {exc}")
        finally:
            if self.client is None:
                client.close()

    def _say(self, line: str) -> None:
        if self.out is not None:
            self.out.write(line.replace("\n", " ") + "\n")
            self.out.flush()

    def run(self, once: bool = False, stop: threading.Event | None = None) -> None:
        """Poll until `stop` is set (checked between polls, so a snapshot is never half-done), or
        one round if `once`."""
        stop = stop or threading.Event()
        while not stop.is_set():
            now = time.monotonic()
            for target in self.targets:
                if stop.is_set():
                    return
                if once or target.next_at <= now:
                    self.poll(target)
            if once:
                return
            wake = min(t.next_at for t in self.targets)
            stop.wait(max(0.0, wake - time.monotonic()))


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= 120 else line[:119] + "…"
