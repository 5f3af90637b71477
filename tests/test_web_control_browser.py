"""Control on the map in a real browser (Debian's Chromium via Playwright): the replay slider
and play button redraw who holds each place and the reference map's polygons for the day; the
claim check shows on the event panel and filters the map; the map reads at country and town
zoom (screenshots in test-artifacts/); the timeline opens on the months the events are in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontline.control.reference import import_paths
from frontline.control.sample import control_events, write_maps
from frontline.models import DateRef, Event, PlaceRef
from frontline.store import Store
from frontline.web.testing import build_sample, evidence, live_server

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"
NOVO = ".ctl-at-test-novoselivka"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web-control")
    sample = build_sample(folder / "control.db", folder)
    store = Store(sample.db)
    sentence = evidence(store, sample.document, "claimed its troops had captured the village")
    store.replace_events(sample.events + control_events(lambda _s: sentence))
    import_paths(store.engine, write_maps(folder / "maps"), "testmap", "Russia", "UA")
    with live_server(sample.db) as base:
        yield base


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: m.type in ("error", "warning") and errors.append(f"{m.type}: {m.text}"))
    pg.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    pg.errors = errors
    yield pg
    context.close()


def open_app(page, base: str, path: str = "/") -> None:
    page.goto(base + path)
    page.wait_for_selector("body[data-ready=true]", timeout=30000)


def set_day(page, day: str) -> None:
    """Move the slider as a reader drags it (the input event), then wait for the redraw."""
    page.locator(".replay-slider").fill(str(_slider_index(page, day)))
    page.wait_for_selector(f"body[data-day='{day}']", timeout=10000)


def _slider_index(page, day: str) -> int:
    # The slider's first position is the first day of the events' dense range.
    first = dt.date.fromisoformat(page.locator(".replay-slider").get_attribute("data-first"))
    return (dt.date.fromisoformat(day) - first).days


def control_class(page) -> str:
    return page.locator(f"#map path{NOVO}").get_attribute("class")


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


def test_slider_replays_control_and_the_reference_map(page, server):
    open_app(page, server)
    assert page.locator(".replay-day").inner_text() == "latest"
    page.wait_for_selector(f"#map path{NOVO}", state="attached")
    assert "ctl-ukraine" in control_class(page)  # after every event: Russia pulled out on 14 June

    set_day(page, "2025-06-10")
    # Russia's claim and the contested report of the same day: contested.
    assert "ctl-contested" in control_class(page)
    assert page.locator(".replay-ref-caption").inner_text() == "map of 2025-06-01"
    before = page.locator("#map path.ref-area").get_attribute("d")
    shown_10 = page.locator("#map .ev-marker[data-id]").count() + page.locator("#map .ev-cluster").count()

    set_day(page, "2025-06-12")
    assert "ctl-russia" in control_class(page)
    page.wait_for_function("() => document.querySelector('.replay-ref-caption').textContent === 'map of 2025-06-12'")
    after = page.locator("#map path.ref-area").get_attribute("d")
    assert after != before  # the reference polygons follow the day

    set_day(page, "2025-06-14")
    assert "ctl-ukraine" in control_class(page)
    assert page.locator(f"#map path{NOVO}.ctl-confirmed").count() == 1

    # The reference layer is a toggle.
    page.locator(".replay-ref").uncheck()
    page.wait_for_selector("#map path.ref-area", state="detached")
    page.locator(".replay-ref").check()
    page.wait_for_selector("#map path.ref-area", state="attached")

    # Events replay too: on the first day fewer are on the map than at the end.
    set_day(page, "2025-06-10")
    assert shown_10 >= 1
    ids_10 = page.locator("#map .ev-marker[data-id]").count() + page.locator("#map .ev-cluster").count()
    # Play runs to the end by itself and returns to "latest".
    page.locator(".replay-play").click()
    page.wait_for_selector("body[data-day='latest']", timeout=15000)
    page.wait_for_function("() => document.querySelector('.replay-play').textContent === '▶'")
    ids_end = page.locator("#map .ev-marker[data-id]").count() + page.locator("#map .ev-cluster").count()
    assert ids_end >= ids_10
    assert not page.errors, page.errors


def test_claim_check_on_the_event_panel_and_as_a_filter(page, server):
    open_app(page, server, "/#/event/evt_c_novo_claim")
    verdict = page.locator(".control-facts .verdict")
    verdict.wait_for(timeout=10000)
    assert verdict.get_attribute("data-verdict") == "ahead_of_map"
    assert "only from 2025-06-12, 2 days later" in verdict.inner_text()
    history = page.locator(".control-history li")
    history.nth(3).wait_for(timeout=10000)  # the history arrives in its own request, after the verdict
    assert history.count() == 4  # the contested sample report, the claim, the report, the withdrawal
    assert "Ukraine" in history.nth(3).inner_text()

    page.locator(".replay-verdict").select_option("contradicted")
    page.wait_for_selector(".verdict-list li")
    assert page.locator("#panel h2").inner_text() == "1 claim contradicted"
    assert "Testivka" in page.locator(".verdict-list").inner_text()
    page.locator(".verdict-list a").first.click()
    page.wait_for_selector("#event-view[data-id=evt_c_testivka_ua]")
    assert not page.errors, page.errors


def test_map_reads_at_country_and_town_zoom(page, server):
    open_app(page, server)
    page.wait_for_selector(".region-label, .town-label", timeout=10000)
    set_day(page, "2025-06-12")
    # Country zoom: oblast names, big cities, admin-1 boundaries, the reference area and control rings.
    page.locator(".leaflet-control-zoom-in").wait_for()
    _view(page, 48.6, 34.5, 6)
    page.wait_for_function("() => document.querySelectorAll('.town-label').length >= 8")
    assert page.locator(".region-label").count() >= 3
    shot(page, "control-country.png")
    # Town zoom: the area around Novoselivka is not empty.
    _view(page, 48.1, 37.55, 11)
    page.wait_for_function("() => document.querySelectorAll('.town-label').length >= 3")
    assert page.locator(f"#map path{NOVO}").count() == 1
    shot(page, "control-town.png")
    assert not page.errors, page.errors


def _view(page, lat: float, lon: float, zoom: int) -> None:
    """Centre the map on a view (the app exposes its Leaflet map for this), as a reader would by panning."""
    page.evaluate(f"() => {{ window.__frontlineMap.setView([{lat}, {lon}], {zoom}, {{animate: false}}); }}")
    page.wait_for_timeout(600)


@pytest.fixture(scope="module")
def busy_server(tmp_path_factory):
    """A corpus like the Guardian's: 60 events over Feb-Apr 2022 and a few long background periods."""
    folder = tmp_path_factory.mktemp("web-timeline")
    sample = build_sample(folder / "busy.db", folder)
    store = Store(sample.db)
    kyiv = PlaceRef("Kyiv", 50.45, 30.52, "UA", "Kyiv City", "place", "test:kyiv")
    sentence = evidence(store, sample.document, "Russian drones struck a power plant in Kharkiv")

    def ev(i: int, start: str, end: str | None = None, precision: str = "day") -> Event:
        s = dt.date.fromisoformat(start)
        return Event(f"evt_busy_{i}", "strike", "reported", f"Strike {i}",
                     DateRef(s, dt.date.fromisoformat(end) if end else s, precision, "explicit"), kyiv, [], [], [],
                     [sentence])

    events = [ev(i, (dt.date(2022, 2, 24) + dt.timedelta(days=i)).isoformat()) for i in range(60)]
    events += [ev(100, "1955-01-01", "2015-12-31", "year"), ev(101, "2014-01-01", "2014-12-31", "year"),
               ev(102, "1991-08-24")]
    store.replace_events(events)
    with live_server(sample.db) as base:
        yield base


def test_timeline_opens_on_the_months_of_the_events(page, busy_server):
    open_app(page, busy_server)
    caption = page.locator(".tl-caption").inner_text()
    # The bulk is 24 Feb - 24 Apr 2022: the first view spans those months, not 1955-2015.
    assert "2022" in caption and "1955" not in caption and "2015" not in caption, caption
    assert not page.errors, page.errors
