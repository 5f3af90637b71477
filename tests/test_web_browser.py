"""The web app in a real browser (Debian's Chromium driven by Playwright), as a journalist uses it:
load the map and timeline, filter, click a marker, read an event's evidence, open its document.

Screenshots of the map, timeline, event panel and document view go to test-artifacts/.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from frontline.web.testing import build_sample, live_server

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    sample = build_sample(folder / "sample.db", folder)
    with live_server(sample.db) as base:
        yield base, sample


class Watch:
    """Console errors, uncaught exceptions, CSP violations and any request that leaves the machine."""

    def __init__(self, page, base: str):
        self.errors: list[str] = []
        self.outside: list[str] = []
        host = urlparse(base).netloc
        page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))

        def route(r):
            if urlparse(r.request.url).netloc in (host, ""):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)

    def assert_clean(self) -> None:
        assert not self.outside, f"requests to other hosts: {self.outside}"
        assert not self.errors, self.errors


@pytest.fixture()
def page(browser, server):
    base, _sample = server
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.watch = Watch(pg, base)
    yield pg
    context.close()


def open_app(page, base: str, path: str = "/") -> None:
    page.goto(base + path)
    page.wait_for_selector("body[data-ready=true]", timeout=20000)
    page.wait_for_selector(".leaflet-overlay-pane canvas", state="attached")


def timeline_ids(page) -> set[str]:
    """Events drawn on the timeline (a ranged event has a bar and a dot with the same id)."""
    marks = page.locator("#timeline .tl-event[data-id]:not([display=none])")
    return {marks.nth(i).get_attribute("data-id") for i in range(marks.count())}


def expect_heading(page, text: str) -> None:
    """Wait for the panel to report a count (Python-side polling: the page's CSP forbids eval)."""
    from playwright.sync_api import expect

    expect(page.locator("#panel h2")).to_have_text(text, timeout=10000)


def shot(page, name: str, selector: str | None = None) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target = page.locator(selector) if selector else page
    target.screenshot(path=str(ARTIFACTS / name))


def test_map_timeline_and_event_with_evidence(page, server):
    base, sample = server
    open_app(page, base)
    # The list, the map and the timeline show the same selection.
    assert page.locator("#panel h2").inner_text() == f"{len(sample.events)} events"
    assert timeline_ids(page) == {e.id for e in sample.events}
    assert page.locator("#map .ev-marker[data-id]").count() + page.locator("#map .ev-cluster").count() >= 2
    # The basemap is drawn offline (a canvas of country shapes) and the legend explains the styles.
    legend = page.locator(".legend").inner_text()
    for word in ("Strike", "Meeting", "Reported", "Claimed", "Confirmed", "Denied", "Contested"):
        assert word in legend
    shot(page, "map.png")
    shot(page, "timeline.png", "#timeline")

    page.locator("#map .ev-marker[data-id=evt_meeting_geneva]").click()
    page.wait_for_selector("#event-view[data-id=evt_meeting_geneva]")
    view = page.locator("#event-view")
    assert view.locator("h2").inner_text() == "Ukrainian and Russian envoys meet in Geneva"
    assert "Confirmed" in view.locator(".status-chip").inner_text()
    evidence = view.locator(".evidence-text").first
    assert "envoys met in Geneva on Tuesday" in evidence.inner_text()
    assert evidence.locator("mark.hl-place").inner_text() == "Geneva"
    assert evidence.locator("mark.hl-claim").count() == 1
    # Linked: the timeline highlights the same event, and the URL names it.
    assert page.locator("#timeline .tl-event.selected").get_attribute("data-id") == "evt_meeting_geneva"
    assert page.url.endswith("#/event/evt_meeting_geneva")
    assert page.locator("#map .ev-marker.selected").get_attribute("data-id") == "evt_meeting_geneva"
    shot(page, "event-panel.png")
    page.watch.assert_clean()


def test_contested_event_shows_who_asserts_and_who_denies(page, server):
    base, _ = server
    open_app(page, base, "/#/event/evt_capture_novoselivka")
    page.wait_for_selector("#event-view")
    assert page.locator(".who.asserts").inner_text().strip() == "Russia's defence ministry"
    assert page.locator(".who.denies").inner_text().strip() == "Ukraine's general staff"
    assert page.locator(".evidence").count() == 2
    assert page.locator(".evidence mark.hl-source").first.inner_text() == "Russia's defence ministry"
    page.watch.assert_clean()


def test_filters_narrow_the_map_timeline_list_and_export(page, server):
    base, _ = server
    open_app(page, base)
    page.locator("#f-type summary").click()
    page.locator("#f-type input[value=strike]").check()
    expect_heading(page, "1 event")
    assert timeline_ids(page) == {"evt_strike_kharkiv"}
    assert page.locator("#map .ev-marker[data-id=evt_strike_kharkiv]").count() == 1
    assert "type=strike" in page.url
    assert "type=strike" in page.locator("#export-csv").get_attribute("href")
    page.locator("#f-type summary").click()

    page.locator("#f-reset").click()
    expect_heading(page, "7 events")
    page.locator("#f-q").fill("geneva")
    expect_heading(page, "1 event")
    assert page.locator(".event-row").inner_text().startswith("Ukrainian and Russian envoys")

    page.locator("#f-q").fill("")
    page.locator("#f-status summary").click()
    page.locator("#f-status input[value=expected]").check()
    expect_heading(page, "2 events")
    page.locator("#f-status summary").click()
    page.locator("#f-actor").fill("zelensky")
    expect_heading(page, "1 event")
    page.locator("#f-from").fill("2025-06-13")
    expect_heading(page, "1 event")
    page.locator("#f-from").fill("2025-06-20")
    expect_heading(page, "0 events")
    assert "No event matches" in page.locator("#panel").inner_text()
    page.watch.assert_clean()


def test_filters_in_the_url_are_restored(page, server):
    base, _ = server
    open_app(page, base, "/?place=kharkiv")
    assert page.locator("#panel h2").inner_text() == "2 events"
    assert page.locator("#f-place").input_value() == "kharkiv"
    page.watch.assert_clean()


def test_timeline_selects_on_the_map_and_zooms_to_hours(page, server):
    from playwright.sync_api import expect

    base, _ = server
    open_app(page, base)
    page.locator("#timeline circle.tl-event[data-id=evt_visit_odesa]").click()
    page.wait_for_selector("#event-view[data-id=evt_visit_odesa]")
    assert page.locator("#map .selected").count() == 1
    # The month-long offensive is drawn as a period behind the lanes, and is selectable too.
    page.locator("#timeline .tl-period[data-id=evt_offensive_donetsk]").click()
    page.wait_for_selector("#event-view[data-id=evt_offensive_donetsk]")
    before = page.locator(".tl-caption").inner_text()
    box = page.locator(".tl-svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + 60)
    for _ in range(12):
        page.mouse.wheel(0, -600)
        page.wait_for_timeout(30)
    page.wait_for_timeout(200)
    assert page.locator(".tl-caption").inner_text() != before
    labels = " ".join(page.locator(".tl-tick-label").all_text_contents())
    assert re.search(r"\d\d:00", labels), labels  # hour ticks
    page.locator(".tl-btn", has_text="Fit").click()
    expect(page.locator(".tl-caption")).to_have_text(before)
    page.watch.assert_clean()


def test_document_view_shows_posts_events_and_removed_boilerplate(page, server):
    base, sample = server
    open_app(page, base, "/#/event/evt_strike_kharkiv")
    page.wait_for_selector("#event-view")
    page.locator(".evidence .post-link").first.click()
    page.wait_for_selector("#document-view")
    doc = page.locator("#document-view")
    assert doc.locator(".doc-title").inner_text().startswith("Ukraine war live")
    focused = doc.locator("section.post.focused")
    assert focused.locator(".post-headline").inner_text() == "Drones hit Kharkiv power plant overnight"
    assert focused.locator("mark.hl-evidence").count() >= 1
    assert "Russian drones strike Kharkiv power plant" in focused.locator(".post-events").inner_text()
    struck = doc.locator(".removed del").all_inner_texts()
    assert struck == [x for p in _stored_removed(sample.db) for x in p]
    shot(page, "document.png")
    # A marked sentence leads back to its event.
    doc.locator("mark.hl-evidence").first.click()
    page.wait_for_selector("#event-view")
    page.watch.assert_clean()


def _stored_removed(db: str) -> list[list[str]]:
    import json

    from sqlalchemy import select

    from frontline.store import Store
    from frontline.store import schema as t

    with Store(db).engine.connect() as conn:
        rows = conn.execute(select(t.posts.c.removed).order_by(t.posts.c.position)).scalars()
        return [json.loads(r) for r in rows]


def test_export_buttons_download_the_selection(page, server):
    base, _ = server
    open_app(page, base, "/?type=meeting")
    with page.expect_download() as info:
        page.locator("#export-jsonl").click()
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all('"type": "meeting"' in line for line in lines)
    page.watch.assert_clean()


def test_documents_list_and_api_docs_work_offline(page, server):
    base, _ = server
    open_app(page, base, "/#/documents")
    page.wait_for_selector(".doc-list")
    assert page.locator(".doc-list li").count() == 1
    page.goto(base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert "/api/events" in page.locator(".swagger-ui").inner_text()
    page.watch.assert_clean()
