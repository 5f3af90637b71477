"""Helpers for the web tests and the demo: a sample database, a live server, a headless Chromium.

They live in the package (not a conftest) so the API, browser and XSS tests share one
definition of the fixture data, and so a developer can start the same server by hand:
`python -m frontline.web.testing /tmp/demo.db` builds the sample and serves it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from frontline.cleaning import clean_document
from frontline.models import DateRef, Event, Evidence, PlaceRef, Quantity
from frontline.readers import content_sha, read_path
from frontline.store import Store
from frontline.store import schema as t

# A live blog written for these tests (fictional wording; no publisher's text). One line a
# paragraph, headlines on their own lines, an appeal to readers that cleaning should cut.
SAMPLE_BLOG = """\
Ukraine war live: drones hit Kharkiv power plant as envoys meet in Geneva
Envoys resumed talks while strikes continued overnight
Drones hit Kharkiv power plant overnight
Russian drones struck a power plant in Kharkiv overnight, the regional governor Oleh Syniehubov said.
Two workers were wounded and thousands of homes lost electricity, he added.
Your support helps us to tell the story. Please consider a donation today.
Moscow claims capture of Novoselivka
Russia's defence ministry claimed its troops had captured the village of Novoselivka in the Donetsk region.
Ukraine's general staff denied the claim and said fighting was still under way on the edge of the village.
Envoys meet in Geneva for second round of talks
Ukrainian and Russian envoys met in Geneva on Tuesday for a second round of talks, both delegations confirmed.
Zelensky expected in Odesa
President Volodymyr Zelensky is expected to visit Odesa later this week, his office said.
Summer push in Donetsk
Analysts said the Russian summer offensive in the Donetsk region began in May and has slowed since.
EU weighs new measures
The European Commission warned it would propose new sanctions on Russian banks.
"""

SAMPLE_PUBLISHED = dt.datetime(2025, 6, 12, 9, 0)


@dataclass
class Sample:
    """What the sample database holds, so tests can assert against it without repeating literals."""

    db: str
    document: str
    events: list[Event]

    def event(self, type_: str) -> Event:
        return next(e for e in self.events if e.type == type_)


def ingest_text(store: Store, folder: Path, name: str, text: str, published: dt.datetime,
                source: str = "Sample News") -> str:
    """Ingest a plain-text live blog the way `frontline ingest` does, without event extraction."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    doc = read_path(path, published=published, source=source)[0]
    result = store.save_document(clean_document(doc), mentions=[], content_sha=content_sha(doc), file_name=name)
    return result.document_id


def evidence(store: Store, document: str, phrase: str) -> Evidence:
    """The stored sentence containing `phrase`, as evidence (offsets into the cleaned text)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.sentences).where(t.sentences.c.document_id == document)
                            .order_by(t.sentences.c.position)).mappings().all()
    for r in rows:
        if phrase in r["text"]:
            return Evidence(document=document, post=r["post_id"], text=r["text"], start=r["start"], end=r["end"])
    # Sentence splitting is another module's business: fall back to the post holding the phrase.
    with store.engine.connect() as conn:
        clean = conn.execute(select(t.documents.c.clean_text).where(t.documents.c.id == document)).scalar_one()
        posts = conn.execute(select(t.posts).where(t.posts.c.document_id == document)).mappings().all()
    at = clean.find(phrase)
    if at < 0:
        raise LookupError(f"{phrase!r} did not survive cleaning of {document}")
    post = next((p for p in posts if p["start"] <= at < p["end"]), posts[0])
    return Evidence(document=document, post=post["post_id"], text=phrase, start=at, end=at + len(phrase))


def place(name: str, lat: float, lon: float, country: str, admin1: str | None, precision: str = "place") -> PlaceRef:
    return PlaceRef(name=name, lat=lat, lon=lon, country=country, admin1=admin1, precision=precision,
                    gazetteer_id=f"test:{name.lower()}")


def day(iso: str, end: str | None = None, precision: str = "day", basis: str = "explicit") -> DateRef:
    return DateRef(start=dt.date.fromisoformat(iso), end=dt.date.fromisoformat(end or iso), precision=precision,
                   basis=basis)


def sample_events(store: Store, doc: str) -> list[Event]:
    """Hand-made events over the sample blog, one per status the legend shows."""
    ev = lambda phrase: evidence(store, doc, phrase)  # noqa: E731
    donetsk = "Donetsk Oblast"
    return [
        Event("evt_strike_kharkiv", "strike", "reported", "Russian drones strike Kharkiv power plant",
              day("2025-06-11", basis="relative"), place("Kharkiv", 49.9935, 36.2304, "UA", "Kharkiv Oblast"),
              [{"name": "Russia", "role": "agent"}],
              [{"name": "Oleh Syniehubov", "stance": "asserts"}], [],
              [ev("Russian drones struck a power plant in Kharkiv")]),
        Event("evt_casualties_kharkiv", "casualties", "reported", "Two workers wounded in Kharkiv",
              day("2025-06-11", basis="relative"), place("Kharkiv", 49.9935, 36.2304, "UA", "Kharkiv Oblast"),
              [], [], [Quantity(2, "people", "Two workers")], [ev("Two workers were wounded")]),
        Event("evt_capture_novoselivka", "territory.capture", "contested", "Russia claims capture of Novoselivka",
              day("2025-06-10", basis="dct"), place("Novoselivka", 48.1, 37.5, "UA", donetsk),
              [{"name": "Russia", "role": "agent"}],
              [{"name": "Russia's defence ministry", "stance": "asserts"},
               {"name": "Ukraine's general staff", "stance": "denies"}], [],
              [ev("claimed its troops had captured the village"), ev("denied the claim")]),
        Event("evt_meeting_geneva", "meeting", "confirmed", "Ukrainian and Russian envoys meet in Geneva",
              day("2025-06-10", basis="relative"), place("Geneva", 46.2022, 6.1457, "CH", "Geneva"),
              [{"name": "Ukraine", "role": "participant"}, {"name": "Russia", "role": "participant"}],
              [], [], [ev("envoys met in Geneva on Tuesday")]),
        Event("evt_visit_odesa", "meeting", "expected", "Zelensky expected to visit Odesa",
              day("2025-06-12", "2025-06-15", precision="week", basis="relative"),
              place("Odesa", 46.4825, 30.7233, "UA", "Odesa Oblast"),
              [{"name": "Volodymyr Zelensky", "role": "participant"}],
              [{"name": "his office", "stance": "asserts"}], [], [ev("is expected to visit Odesa")]),
        Event("evt_offensive_donetsk", "offensive", "reported", "Russian summer offensive in the Donetsk region",
              day("2025-05-01", "2025-05-31", precision="month"),
              place(donetsk, 48.0, 37.8, "UA", donetsk, precision="admin1"),
              [{"name": "Russia", "role": "agent"}], [{"name": "Analysts", "stance": "asserts"}], [],
              [ev("summer offensive in the Donetsk region")]),
        Event("evt_sanctions_eu", "sanctions", "expected", "EU to propose sanctions on Russian banks",
              day("2025-06-12", basis="dct"), None,
              [{"name": "European Commission", "role": "agent"}],
              [{"name": "The European Commission", "stance": "asserts"}], [], [ev("propose new sanctions")]),
    ]


def build_sample(db: str | Path, folder: Path) -> Sample:
    """A fresh database holding the sample blog and its events."""
    store = Store(str(db))
    doc = ingest_text(store, folder, "sample_live_blog.txt", SAMPLE_BLOG, SAMPLE_PUBLISHED)
    events = sample_events(store, doc)
    store.replace_events(events)
    return Sample(db=str(db), document=doc, events=events)


# ---------------------------------------------------------------- live server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def live_server(db: str) -> Iterator[str]:
    """Serve the app over `db` on a free loopback port in a thread; yields the base URL."""
    import uvicorn

    from frontline.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# ---------------------------------------------------------------- browser

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """Debian's Chromium (CI installs it with apt); Playwright's own browser downloads are not used."""
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def main(argv: list[str]) -> None:
    """Build the sample database at the given path (if new) and serve it on port 8000."""
    import tempfile

    from frontline.web.app import serve

    db = argv[0] if argv else str(Path(tempfile.mkdtemp()) / "sample.db")
    if not Path(db).exists():
        build_sample(db, Path(tempfile.mkdtemp()))
    serve(db, "127.0.0.1", int(argv[1]) if len(argv) > 1 else 8000)


if __name__ == "__main__":
    main(sys.argv[1:])
