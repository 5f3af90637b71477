"""Untrusted text cannot run code in the web app.

A live blog whose title, headlines and paragraphs carry `<script>`, `<img onerror=...>`,
`<svg onload=...>` and `javascript:` links is ingested, and events whose summary, place,
actors, sources, type, status and id carry more payloads are stored. Each payload, if it
ran, would set `window.__pwned` or change `document.title`. The page is driven through
every view in Chromium, once with the Content-Security-Policy and once with the browser
told to ignore it, so escaping alone is proven to be enough; the text must show literally.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import update

from frontline.models import Event, Quantity
from frontline.store import Store
from frontline.store import schema as t
from frontline.web.testing import day, evidence, ingest_text, live_server, place

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"

TITLE_PAYLOAD = '<script>window.__pwned="title";document.title="pwned"</script>'
HEADLINE_PAYLOAD = '<img src=x onerror="window.__pwned=\'headline\'">'
BODY_PAYLOAD = '<svg onload="window.__pwned=\'body\'"></svg>'
LINK_PAYLOAD = '<a href="javascript:window.__pwned=\'link\'">read the full report</a>'

BLOG = f"""\
Live: {TITLE_PAYLOAD} shelling continues along the front
Updates through the day from our correspondents
{HEADLINE_PAYLOAD} Shelling reported near the river crossing
Shelling hit the river town overnight {BODY_PAYLOAD} officials said on Monday.
The regional army command said: {LINK_PAYLOAD} and javascript:window.__pwned='bare' for details.
Troops hold the line near the bridge
Troops repelled an assault near the bridge, the army said, "><iframe src="javascript:window.__pwned='iframe'"></iframe>
"""

EVENT_ID = "evt_\"><img src=x onerror=window.__pwned='id'>"
SUMMARY = "<script>window.__pwned='summary'</script> Shelling of the river town"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("xss")
    db = str(folder / "xss.db")
    store = Store(db)
    doc = ingest_text(store, folder, "hostile_blog.txt", BLOG, dt.datetime(2025, 6, 2, 12, 0),
                      source='<b onmouseover="window.__pwned=\'publisher\'">Evil Times</b>')
    with store.engine.begin() as conn:  # a page's canonical URL is untrusted too
        conn.execute(update(t.documents).where(t.documents.c.id == doc)
                     .values(url="javascript:window.__pwned='url'"))
    shelling = evidence(store, doc, "Shelling hit the river town")
    link = evidence(store, doc, "read the full report")
    store.replace_events([
        Event(EVENT_ID, "strike", "claimed", SUMMARY, day("2025-06-01"),
              place('<img src=x onerror="window.__pwned=\'place\'">', 48.5, 35.0, "UA", "<i>Oblast</i>"),
              [{"name": '<b onmouseover="window.__pwned=\'actor\'">Army</b>', "role": "agent"}],
              [{"name": '"><script>window.__pwned="source"</script>', "stance": "asserts"},
               {"name": "javascript:window.__pwned='denier'", "stance": "denies"}],
              [Quantity(3, "<u>shells</u>", "<script>window.__pwned='qty'</script>")], [shelling, link]),
        Event("evt_odd_type", "<script>window.__pwned='type'</script>", "<img src=x onerror=window.__pwned=1>",
              "An event with a hostile type and status", day("2025-06-02"),
              place("Somewhere", 48.7, 35.4, "UA", None), [], [], [], [shelling]),
    ])
    return db


def not_pwned(page, title: str) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => document.title") == title
    injected = page.locator("img, iframe, svg[onload], [onerror], [onload], [onmouseover], a[href^='javascript:']")
    assert injected.count() == 0
    assert page.locator("script").count() == 4  # the page's own: Leaflet, the cluster plugin, TopoJSON, main.js


@pytest.mark.browser
@pytest.mark.parametrize("csp", ["enforced", "bypassed"])
def test_hostile_text_is_shown_literally_and_never_runs(browser, hostile_db, csp):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=csp == "bypassed")
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    with live_server(hostile_db) as base:
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready=true]", timeout=20000)
        title = page.title()
        assert title.startswith("frontline")
        expect(page.locator("#panel h2")).to_have_text("2 events")
        rows = page.locator(".event-row").all_inner_texts()
        assert any(SUMMARY in r for r in rows)
        assert any("<img src=x onerror=window.__pwned=1>" in r for r in rows)  # the hostile status, as text

        # Hover the markers (tooltips) and timeline marks, then open the event from the map.
        for marker in page.locator("#map .ev-marker[data-id]").all():
            marker.hover()
        page.locator("#timeline .tl-event").first.hover()
        not_pwned(page, title)
        page.locator(".event-row a").filter(has_text="Shelling of the river town").click()
        page.wait_for_selector("#event-view")
        view = page.locator("#event-view")
        assert view.get_attribute("data-id") == EVENT_ID
        assert view.locator("h2").inner_text() == SUMMARY
        text = view.inner_text()
        for literal in ['<img src=x onerror="window.__pwned=\'place\'">', '"><script>window.__pwned="source"</script>',
                        "<b onmouseover=\"window.__pwned='actor'\">Army</b>", "javascript:window.__pwned='denier'",
                        "<script>window.__pwned='qty'</script>"]:
            assert literal in text, literal
        sentences = view.locator(".evidence-text").all_inner_texts()
        assert any(BODY_PAYLOAD in s for s in sentences)
        assert any(LINK_PAYLOAD in s for s in sentences)
        assert view.locator(".original-link").count() == 0  # a javascript: URL is never made a link
        if csp == "enforced":
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "xss-event-panel.png"))
        not_pwned(page, title)

        # The document view: title, publisher, headlines and paragraphs.
        view.locator(".post-link").first.click()
        page.wait_for_selector("#document-view")
        doc = page.locator("#document-view")
        assert TITLE_PAYLOAD in doc.locator(".doc-title").inner_text()
        body = doc.inner_text()
        assert HEADLINE_PAYLOAD in body and BODY_PAYLOAD in body and LINK_PAYLOAD in body
        assert "Evil Times</b>" in body
        for link in doc.locator("a").all():  # every link is in-app or plain http(s)
            href = link.get_attribute("href") or ""
            assert href.startswith(("#", "/", "http://", "https://")), href
        doc.locator("mark.hl-evidence").first.click()
        page.wait_for_selector("#event-view")
        not_pwned(page, title)

        page.goto(base + "/#/documents")
        page.wait_for_selector(".doc-list")
        assert TITLE_PAYLOAD in page.locator(".doc-list").inner_text()
        page.goto(base + "/?q=" + "%3Cscript%3Ewindow.__pwned%3D%27query%27%3C%2Fscript%3E")
        page.wait_for_selector("body[data-ready=true]")
        not_pwned(page, title)
    context.close()
    assert not problems, problems


def test_the_policy_forbids_inline_script_even_if_markup_got_through(hostile_db):
    from fastapi.testclient import TestClient

    from frontline.web.app import create_app

    with TestClient(create_app(hostile_db)) as c:
        csp = c.get("/").headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["script-src"] == "'self'"
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
        assert c.get("/").headers["x-content-type-options"] == "nosniff"
