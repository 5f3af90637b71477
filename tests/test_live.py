"""Following a live blog as it changes: URL ingest, watch, edit history, stable ids, alerts.

Real parts only: a local HTTP server (tests/livesite.py) serves a live-blog page with
LiveBlogPosting JSON-LD that changes between polls, and the real pipeline ingests it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

import livesite as L
from frontline.store import Store


@pytest.fixture
def site():
    s = L.Site().start()
    yield s
    s.stop()


def _events(db: str) -> dict[str, dict]:
    from frontline.serialize import event_to_export

    return {e.id: event_to_export(e) for e in Store(db).iter_events()}


def _changes(run_cli, db: str, *extra: str) -> list[dict]:
    result = run_cli("export", "changes", "--db", db, *extra)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _by_summary(events: dict[str, dict], text: str) -> dict:
    return next(e for e in events.values() if text in e["summary"])


# ------------------------------------------------------------------ fetching


def test_fetch_errors_are_one_line_and_name_the_url(site):
    from frontline.readers import ReaderError
    from frontline.readers.fetch import fetch

    site.set("/image", b"\x89PNG\r\n\x1a\n....", content_type="image/png")
    site.set("/big", b"x" * 5000, content_type="text/plain")
    site.set("/slow", b"late", content_type="text/plain", delay=1.5)
    site.set("/moved", b"", status=301, location="/target", etag=False)
    site.set("/target", "Moved here\nThe page moved.", content_type="text/plain")
    cases = {
        "/missing": "HTTP 404", "/image": "not text content (image/png)", "/big": "too large",
    }
    for path, reason in cases.items():
        with pytest.raises(ReaderError) as info:
            fetch(site.url(path), max_bytes=1000)
        message = str(info.value)
        assert message.startswith(site.url(path)) and reason in message and "\n" not in message
    with httpx.Client(timeout=0.3) as short, pytest.raises(ReaderError, match="timed out"):
        fetch(site.url("/slow"), client=short)
    with pytest.raises(ReaderError, match="network error"):
        fetch("http://127.0.0.1:9/nothing-listens-here")
    got = fetch(site.url("/moved"))
    assert got.data == b"Moved here\nThe page moved." and got.final_url.endswith("/target")
    assert got.url == site.url("/moved")  # the identity stays the URL asked for


def test_ingest_url_uses_the_url_as_identity_and_asks_conditionally(run_cli, db_path, site):
    url = site.url("/live")
    site.set("/live", L.live_blog_html(L.POSTS_V1, "https://example.org/canonical-elsewhere"))
    first = run_cli("ingest", url, "--db", db_path)
    assert first.exit_code == 0, first.stderr
    assert f"{url}: new (+5 new" in first.stderr
    docs = {p["document_id"] for p in Store(db_path).iter_posts()}
    assert docs == {url}
    again = run_cli("ingest", url, "--db", db_path)
    assert again.exit_code == 0 and f"{url}: unchanged" in again.stderr
    assert site.requests[-1][1].get("If-None-Match")  # the ETag of the first answer went back
    missing = run_cli("ingest", site.url("/gone"), url, "--db", db_path)
    assert missing.exit_code == 1
    assert f"error: {site.url('/gone')}: HTTP 404" in missing.stderr
    assert len([line for line in missing.stderr.splitlines() if "error:" in line]) == 1


# ------------------------------------------------------------------ the live blog changes


def test_watch_once_reports_every_change_keeps_ids_and_retracts(run_cli, db_path, site):
    url = site.url("/live")
    site.set("/live", L.live_blog_html(L.POSTS_V1, url))
    assert run_cli("watch", url, "--once", "--db", db_path).exit_code == 0
    before = _events(db_path)
    capture = _by_summary(before, "Novoselivka")
    assert capture["status"] == "claimed"
    sanctions = _by_summary(before, "sanctions")

    site.set("/live", L.live_blog_html(L.POSTS_V2, url))
    result = run_cli("watch", url, "--once", "--db", db_path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("post new") and L.NEW_POST[0] in line for line in lines)
    assert any(line.startswith("post edited") and L.POSTS_V1[0][0] in line for line in lines)
    assert any(line.startswith("post deleted") and L.DELETED[0] in line for line in lines)
    assert any(line.startswith("event new") and "strike" in line and "Dnipro" in line for line in lines)
    assert any(line.startswith("event retracted") and sanctions["id"] in line for line in lines)
    assert any(line.startswith("event updated") and capture["id"] in line and "status" in line for line in lines)

    after = _events(db_path)
    # Every event whose first sentence is still there keeps its id; the edited one too.
    kept = set(before) - {sanctions["id"]}
    assert kept <= set(after)
    assert after[capture["id"]]["status"] == "confirmed"
    assert sanctions["id"] not in after  # retracted: not exported...
    changes = _changes(run_cli, db_path)
    retracted = [c for c in changes if c["kind"] == "event" and c["change"] == "retracted"]
    assert [c["id"] for c in retracted] == [sanctions["id"]]  # ...but in the history
    updated = next(c for c in changes if c["kind"] == "event" and c["id"] == capture["id"] and c["change"] == "updated")
    assert "status" in updated["fields"] and updated["status"] == "confirmed"
    edited = next(c for c in changes if c["kind"] == "post" and c["change"] == "edited")
    assert L.NOVOSELIVKA_V1 in edited["before"] and L.NOVOSELIVKA_V2 in edited["after"]
    deleted = next(c for c in changes if c["kind"] == "post" and c["change"] == "deleted")
    assert deleted["after"] is None and L.DELETED[1] in deleted["before"]
    ats = [c["at"] for c in changes]
    assert ats == sorted(ats)

    # Nothing changed: a 304, no new lines, no new changes.
    quiet = run_cli("watch", url, "--once", "--db", db_path)
    assert quiet.exit_code == 0 and quiet.stdout == ""
    assert _changes(run_cli, db_path) == changes
    # --since keeps only what happened at or after that time.
    last_at = changes[-1]["at"]
    assert all(c["at"] >= last_at for c in _changes(run_cli, db_path, "--since", last_at))
    bad = run_cli("export", "changes", "--since", "yesterday", "--db", db_path)
    assert bad.exit_code != 0 and "not an ISO date" in bad.stderr


def test_a_new_snapshot_parses_only_new_and_edited_posts():
    """The cache gives the same mentions as a full run, and spaCy only sees what changed."""
    from frontline import incremental
    from frontline.ingest import process
    from frontline.readers import read_bytes
    from frontline.serialize import to_jsonable

    def doc(posts):
        return read_bytes(L.live_blog_html(posts, "https://example.org/live").encode(), "live.html")[0]

    first = incremental.process(doc(L.POSTS_V1), {})
    assert first.parsed_posts == 5 and first.reused_posts == 0
    assert [to_jsonable(m) for m in first.mentions] == [to_jsonable(m) for m in process(doc(L.POSTS_V1))[1]]
    second = incremental.process(doc(L.POSTS_V2), first.fresh)
    assert (second.parsed_posts, second.reused_posts) == (2, 3)  # the new and the edited post
    full = process(doc(L.POSTS_V2))[1]
    assert [to_jsonable(m) for m in second.mentions] == [to_jsonable(m) for m in full]


def test_watch_survives_errors_with_backoff_and_recovers(db_path, site):
    from frontline.watch import Target, Watcher

    url = site.url("/live")
    site.set("/live", b"server on fire", status=500, content_type="text/plain")
    logged: list[str] = []
    target = Target(url)
    watcher = Watcher(Store(db_path), [target], every=10, log=logged.append)
    assert watcher.poll(target) is False
    assert watcher.poll(target) is False
    assert len(logged) == 2 and all("HTTP 500" in line and "\n" not in line for line in logged)
    assert "retrying in 20s" in logged[0] and "retrying in 40s" in logged[1]  # exponential backoff
    site.set("/live", "<html><body>", content_type="text/html")  # a snapshot that cannot be read
    assert watcher.poll(target) is False and url in logged[-1]
    site.set("/live", L.live_blog_html(L.POSTS_V1, url))
    assert watcher.poll(target) is True and target.failures == 0
    assert len(_events(db_path)) >= 3


def test_notify_posts_matching_new_and_updated_events(db_path, site):
    from frontline.watch import Filters, Target, Watcher

    url = site.url("/live")
    hook = site.url("/hook")
    site.set("/live", L.live_blog_html(L.POSTS_V1, url))
    watcher = Watcher(Store(db_path), [Target(url)], notify=hook, filters=Filters(types={"strike"}))
    watcher.run(once=True)
    bodies = [json.loads(b) for path, b in site.posted if path == "/hook"]
    assert [b["event"]["type"] for b in bodies] == ["strike"] and bodies[0]["change"] == "new"
    assert "Kharkiv" in bodies[0]["event"]["summary"] and bodies[0]["event"]["evidence"]
    site.set("/live", L.live_blog_html(L.POSTS_V2, url))
    watcher.filters = Filters(statuses={"confirmed"}, place="donetsk")
    watcher.run(once=True)
    bodies = [json.loads(b) for path, b in site.posted if path == "/hook"][1:]
    assert [(b["change"], b["event"]["status"]) for b in bodies] == [("updated", "confirmed")]
    assert "status" in bodies[0]["fields"]


def test_watch_stops_cleanly_on_ctrl_c(db_path, site, tmp_path):
    url = site.url("/live")
    site.set("/live", L.live_blog_html(L.POSTS_V1, url))
    exe = Path(sys.executable).with_name("frontline")
    proc = subprocess.Popen([str(exe), "watch", url, "--every", "0.5", "--db", db_path], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        first = proc.stdout.readline()  # the first change line: the first snapshot was ingested
        assert first.startswith("post new")
        deadline = time.monotonic() + 60
        while len([p for p, _ in site.requests if p == "/live"]) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)  # it keeps polling
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "watch: stopped" in stderr and "Traceback" not in stderr


# ------------------------------------------------------------------ the done-when check


def test_seed_over_http_edit_and_new_post_keep_ids(run_cli, db_path, site, seed_paths, shared):
    """A seed served over HTTP, ingested by URL; one post edited and one added; `watch --once`."""
    from frontline.cleaning import clean_document
    from frontline.readers import read_path

    name = "004_f2372c87717f34a8.txt"
    published = shared["seed_dates"][name]
    raw = seed_paths[name].read_text(encoding="utf-8")
    url = site.url("/seed")
    site.set("/seed", raw, content_type="text/plain; charset=utf-8")
    assert run_cli("ingest", url, "--published", published, "--db", db_path).exit_code == 0
    before = _events(db_path)
    assert len(before) >= 5

    # The next snapshot, made at test time: a new post on top, one further down edited.
    clean = clean_document(read_path(seed_paths[name], published=dt.date.fromisoformat(published))[0])
    posts = [p for p in clean.posts if p.kind == "post" and p.headline and p.text]
    lines = raw.split("\n")
    edited_para = posts[len(posts) // 2].text.split("\n")[0]
    j = next(i for i, line in enumerate(lines) if edited_para[:60] in line)
    lines[j] += " A spokesperson later said the account had been corrected."
    top = next(i for i, line in enumerate(lines) if line.strip() == posts[0].headline)
    lines[top:top] = ["Drones hit power plant in Kharkiv",
                      "Russian drones struck a power plant in Kharkiv overnight, the regional governor said."]
    site.set("/seed", "\n".join(lines), content_type="text/plain; charset=utf-8")
    result = run_cli("watch", url, "--once", "--published", published, "--db", db_path)
    assert result.exit_code == 0, result.stderr

    changes = _changes(run_cli, db_path)
    edit = [c for c in changes if c["kind"] == "post" and c["change"] == "edited"]
    assert len(edit) == 1
    assert "corrected" not in edit[0]["before"] and "later said the account had been corrected" in edit[0]["after"]
    new_posts = [c for c in changes if c["kind"] == "post" and c["change"] == "new" and c["after"].startswith(
        "Drones hit power plant in Kharkiv")]
    assert len(new_posts) == 1
    after = _events(db_path)
    survived = len(set(before) & set(after)) / len(before)
    assert survived >= 0.9, f"only {survived:.0%} of event ids survived"
    new_event = [e for e in after.values() if e["type"] == "strike"
                 and any("power plant in Kharkiv" in x["text"] for x in e["evidence"])]
    assert new_event and new_event[0]["id"] not in before


# ------------------------------------------------------------------ the API


def test_api_changes_history_and_event_stream(db_path, site):
    from frontline.ingest import ingest_url
    from frontline.web.testing import live_server

    url = site.url("/live")
    site.set("/live", L.live_blog_html(L.POSTS_V1, url))
    store = Store(db_path)
    ingest_url(store, url)
    with live_server(db_path) as base, httpx.Client(base_url=base, timeout=20) as api:
        first = api.get("/api/changes").json()["items"]
        assert {c["kind"] for c in first} == {"post", "event"}
        assert api.get("/api/changes", params={"since": "tomorrow"}).status_code == 422
        with api.stream("GET", "/api/stream") as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            lines = stream.iter_lines()
            assert next(lines).startswith("retry:")
            site.set("/live", L.live_blog_html(L.POSTS_V2, url))
            mark = dt.datetime.now(dt.UTC).isoformat()
            ingest_url(store, url)
            got = []
            for line in lines:
                if line.startswith("data: ") and line != "data: {}":
                    got.append(json.loads(line[6:]))
                if any(c["change"] == "retracted" for c in got):
                    break
        assert {c["change"] for c in got} == {"new", "updated", "retracted"}
        assert any(c["change"] == "new" and "Dnipro" in c["summary"] for c in got)
        later = api.get("/api/changes", params={"since": mark}).json()["items"]
        assert {c["change"] for c in later if c["kind"] == "post"} == {"new", "edited", "deleted"}
        assert len(later) < len(api.get("/api/changes").json()["items"])

        history = api.get("/api/history", params={"document": url}).json()
        [(post_id, info)] = history["edited_posts"].items()
        edit = info["revisions"][-1]
        assert edit["change"] == "edited"
        assert ["insert", "Ukraine's general staff confirmed "] in edit["diff"]
        after = "".join(text for op, text in edit["diff"] if op != "delete")
        assert after == L.POSTS_V1[0][0] + "\n" + L.NOVOSELIVKA_V2
        assert info["edited_sentences"] == [L.NOVOSELIVKA_V2]
        assert [r["summary"] for r in history["retracted"]] == ["EU weighs new sanctions"]
        assert api.get("/api/history", params={"document": "nope"}).status_code == 404


# ------------------------------------------------------------------ the same on PostgreSQL

from test_store_postgres import pg_base_url, pg_url  # noqa: E402, F401 - the shared PostgreSQL fixtures


@pytest.mark.postgres
def test_live_blog_history_on_postgres(pg_url, site):  # noqa: F811 - the fixture imported above
    """URL ingest, the per-post cache, stable ids, retraction and the change log on a real PostgreSQL."""
    from frontline.ingest import ingest_url
    from frontline.store import live

    store = Store(pg_url)
    try:
        assert store.engine.dialect.name == "postgresql"
        url = site.url("/live")
        site.set("/live", L.live_blog_html(L.POSTS_V1, url))
        assert ingest_url(store, url).results[0].status == "new"
        before = {e.id: e for e in store.iter_events()}
        assert ingest_url(store, url).results[0].status == "unchanged"  # a 304
        site.set("/live", L.live_blog_html(L.POSTS_V2, url))
        assert ingest_url(store, url).results[0].status == "updated"
        after = {e.id: e for e in store.iter_events()}
        retracted = [c for c in live.iter_changes(store) if c["kind"] == "event" and c["change"] == "retracted"]
        assert [before[c["id"]].type for c in retracted] == ["sanctions"]
        assert set(before) - {c["id"] for c in retracted} <= set(after)
        assert len(live.load_post_cache(store, url)) == 6  # five posts, then the new one (the edit replaced)
    finally:
        store.engine.dispose()


def test_word_diff_marks_changed_words_and_stays_cheap_on_huge_posts():
    from frontline.web.live import MAX_DIFF_WORDS, word_diff

    diff = word_diff("Two people were killed in Kharkiv.", "Three people were killed in Kharkiv overnight.")
    assert diff == [["delete", "Two "], ["insert", "Three "], ["equal", "people were killed in "],
                    ["delete", "Kharkiv."], ["insert", "Kharkiv overnight."]]
    huge_a, huge_b = "word " * MAX_DIFF_WORDS, "other " * MAX_DIFF_WORDS
    assert word_diff(huge_a, huge_b) == [["delete", huge_a], ["insert", huge_b]]


def test_ids_follow_the_founding_sentence_not_offsets_or_order(db_path):
    """Two events founded by one sentence keep their own ids when offsets shift and order flips;
    an event that loses its founding sentence but keeps another keeps its id; one that loses all is retracted."""
    from frontline.models import Event, Evidence
    from frontline.store import identity

    store = Store(db_path)
    both = "Russian forces shelled and then captured the village of Hlynka, officials said."
    other = "Officials said the village of Hlynka had fallen after days of shelling."
    lone = "A drone hit a fuel depot near Bilozerka."

    def ev(etype, *sentences, shift=0):
        evidence = [Evidence("blog", post, text, start + shift, start + shift + len(text))
                    for post, text, start in sentences]
        return Event("evt_merge_named", etype, "reported", etype, None, None, [], [], [], evidence)

    first = [ev("strike", ("p1", both, 0)), ev("territory.capture", ("p1", both, 0), ("p2", other, 200)),
             ev("strike", ("p3", lone, 400))]
    identity.assign(store, first)
    ids = {e.type + (e.evidence[0].post if e.type == "strike" else ""): e.id for e in first}
    assert len(set(ids.values())) == 3

    # A post on top moves everything by 90 characters; the merge lists the events the other way round;
    # the capture's founding sentence was edited away, its second sentence is still there; p3 is gone.
    later = [ev("territory.capture", ("p2", other, 200), shift=90), ev("strike", ("p1", both, 0), shift=90)]
    changes = identity.assign(store, later)
    assert later[0].id == ids["territory.capture"] and later[1].id == ids["strikep1"]
    assert {(c.event_id, c.change) for c in changes} == {
        (ids["territory.capture"], "updated"), (ids["strikep3"], "retracted")}
    assert "evidence" in next(c.fields for c in changes if c.change == "updated")
