"""Following a live blog in the browser (Debian's Chromium via Playwright): while the page is
open, a newer snapshot is ingested; the Server-Sent Events stream makes the new event appear
with an "N new" badge, without a reload; the edited post shows a word-level diff, and the
event built on the edited sentence says so and links to it."""

from __future__ import annotations

from pathlib import Path

import pytest

import livesite as L
from frontline.store import Store
from frontline.web.testing import live_server

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"


@pytest.fixture
def site():
    s = L.Site().start()
    yield s
    s.stop()


def test_new_event_appears_live_and_the_edit_shows_its_diff(browser, site, tmp_path):
    from playwright.sync_api import expect

    from frontline.ingest import ingest_url

    db = str(tmp_path / "live.db")
    url = site.url("/live")
    site.set("/live", L.live_blog_html(L.POSTS_V1, url))
    store = Store(db)
    assert ingest_url(store, url).error is None
    capture = next(e for e in store.iter_events() if "Novoselivka" in e.summary)

    with live_server(db) as base:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        try:
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready=true]", timeout=20000)
            panel = page.locator("#panel")
            expect(panel).not_to_contain_text(L.NEW_POST[0])
            expect(page.locator("#live-badge")).to_be_hidden()
            page.wait_for_timeout(500)  # the stream is open

            # `frontline watch` in another process would do this: the live blog changes, a poll ingests it.
            site.set("/live", L.live_blog_html(L.POSTS_V2, url))
            assert ingest_url(store, url).results[0].status == "updated"

            expect(page.locator("#live-badge")).to_have_text("1 new", timeout=15000)
            expect(panel).to_contain_text(L.NEW_POST[0], timeout=15000)  # no reload: same page
            assert page.evaluate("performance.getEntriesByType('navigation').length") == 1

            # The event whose sentence was edited links to the diff.
            page.goto(f"{base}/#/event/{capture.id}")
            link = page.locator("#event-view a.edited-sentence")
            expect(link).to_have_text("built on an edited sentence: see the diff", timeout=10000)
            link.click()
            revisions = page.locator("section.post.edited details.revisions")
            expect(revisions).to_have_attribute("open", "", timeout=10000)
            diff = revisions.locator(".diff")
            inserted, deleted = (" ".join(diff.locator(tag).all_inner_texts()) for tag in ("ins", "del"))
            assert "Ukraine's general staff confirmed" in inserted and "claimed" in deleted
            assert "Novoselivka" not in inserted + deleted  # word level: unchanged words stay plain
            expect(page.locator("section.post.edited .edited-badge")).to_have_text("edited")
            # The deleted post's event is listed as retracted in the document view.
            expect(page.locator("section.retracted")).to_contain_text("EU weighs new sanctions")
            ARTIFACTS.mkdir(exist_ok=True)
            page.locator("#panel").screenshot(path=str(ARTIFACTS / "live-document-diff.png"))
        finally:
            context.close()
    assert not errors, errors
