"""A live blog that grew by new posts is clustered again from how its earlier version was
(`events.merge.resume_stories`, `store.merging` keeps the record in `doc_progress`): only what the
new posts touch is scored again, and the stories, events and ids are those of clustering it all
from scratch.

The live blog is built at run time from real posts of ../shared/data (skipped when absent), as
bench/live_update.py does, and goes through the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import delete

from frontline.events import merge
from frontline.ingest import ingest_paths, rebuild_events
from frontline.sample_blog import corpus_posts, live_blog_page
from frontline.serialize import event_to_export
from frontline.store import Store
from frontline.store import schema as t

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "guardian-2022"
DCT = dt.datetime(2025, 6, 10, 12, 0, tzinfo=dt.UTC)


def real_posts(want: int) -> list[tuple[str, str]]:
    if not DATA.is_dir():
        pytest.skip(f"{DATA} not found; clone ../shared next to the repo")
    posts = corpus_posts([DATA], want)
    if len(posts) < want:
        pytest.skip("not enough posts in ../shared/data")
    return posts


def page(posts: list[tuple[str, str]], stamps: list[dt.datetime]) -> str:
    return live_blog_page(posts, stamps, DCT)


def exported(store: Store, ids: bool = True) -> list[dict]:
    out = []
    for e in store.iter_events():
        row = event_to_export(e)
        if not ids:
            row.pop("id")
        out.append(row)
    return sorted(out, key=lambda r: json.dumps(r, sort_keys=True))


@pytest.fixture(scope="module")
def snapshots():
    posts = real_posts(82)
    stamps = [DCT - dt.timedelta(minutes=5 * i) for i in range(len(posts))]
    # newest first, as live blogs list them: two updates, each with one post on top
    return [page(posts[k:], stamps[k:]) for k in (2, 1, 0)]


def test_an_update_resumes_clustering_and_ends_as_a_fresh_ingest(tmp_path, snapshots, monkeypatch):
    aligned: list[bool] = []
    real = merge._align

    def spy(previous, places):
        out = real(previous, places)
        aligned.append(out is not None)
        return out

    monkeypatch.setattr(merge, "_align", spy)
    path = tmp_path / "live.html"
    store = Store(str(tmp_path / "live.db"))
    for html in snapshots:
        path.write_text(html, encoding="utf-8")
        [outcome] = ingest_paths(store, [path])
        assert not outcome.error
    assert aligned == [False, True, True]  # both updates resumed from the record of the snapshot before
    updated = exported(store)

    fresh = Store(str(tmp_path / "fresh.db"))
    ingest_paths(fresh, [path])
    assert exported(fresh, ids=False) == exported(store, ids=False)

    # Clustered from scratch again (no stored stories nor record): the same events, ids included.
    with store.engine.begin() as conn:
        conn.execute(delete(t.doc_stories))
        conn.execute(delete(t.doc_progress))
    aligned.clear()
    rebuild_events(store, full=True)
    assert aligned == [False]
    assert exported(store) == updated


def test_resumed_stories_equal_stories_from_scratch_whatever_was_added(tmp_path, snapshots, monkeypatch):
    """Posts added anywhere (on top, at the end, in between, several at once): the record of the
    smaller version gives the same stories and the same record as clustering the larger one anew."""
    from frontline.ingest import process
    from frontline.readers import read_path

    path = tmp_path / "live.html"
    path.write_text(snapshots[-1], encoding="utf-8")
    [doc] = read_path(path)
    mentions = sorted(process(doc)[1], key=lambda m: (m.evidence.start, m.evidence.end, m.type))
    posts = sorted({m.evidence.post for m in mentions})
    assert len(posts) > 20

    def shape(clusters):
        return [[(m.evidence.start, m.type) for m in c.mentions] for c in clusters]

    full, full_record = merge.resume_stories(mentions)
    monkeypatch.setattr(merge, "_VERIFY_RESUME", True)  # every reused score is checked against a fresh one
    rng = random.Random(9)
    first = [m.evidence.post for m in mentions]
    cases = [set(first[:1]), {first[-1]}, set(first[:3])]
    cases += [set(rng.sample(posts, k)) for k in (1, 1, 2, 2, 3, 5, 8, 12, 20)]
    for added in cases:
        smaller = [m for m in mentions if m.evidence.post not in added]
        _, record = merge.resume_stories(smaller)
        record = merge.Progress.from_json(json.loads(json.dumps(record.to_json())))
        clusters, again = merge.resume_stories(mentions, record)
        assert merge._align(record, [merge._place(m) for m in
                                     [m for m in mentions if not m.supporting] +
                                     [m for m in mentions if m.supporting]]) is not None
        assert shape(clusters) == shape(full)
        assert again.rows == full_record.rows and again.joined == full_record.joined


def test_an_update_that_edits_an_old_post_and_adds_one_ends_as_a_fresh_ingest(tmp_path, monkeypatch):
    """A post far down the page is edited (a sentence added to it) and a new one goes on top: the
    events are those of ingesting the final page into an empty database (only the two posts are
    parsed again; the other posts' cleaning, kept in the process, and their mentions are reused)."""
    from frontline import incremental

    posts = real_posts(82)
    stamps = [DCT - dt.timedelta(minutes=5 * i) for i in range(len(posts))]
    old = posts[1:]
    edited = list(old)
    k = 40
    headline, body = edited[k]
    edited[k] = (headline, body + "\n\nOfficials said the strike on the depot near the front line killed two soldiers.")
    path = tmp_path / "live.html"
    store = Store(str(tmp_path / "live.db"))
    parsed: list[int] = []
    real = incremental.process

    def counting(*args, **kwargs):
        out = real(*args, **kwargs)
        parsed.append(out.parsed_posts)
        return out

    monkeypatch.setattr(incremental, "process", counting)
    for html in (page(old, stamps[1:]), page([posts[0], *edited], stamps)):
        path.write_text(html, encoding="utf-8")
        [outcome] = ingest_paths(store, [path])
        assert not outcome.error
    assert parsed == [len(old), 2]  # then only the edited post and the new one
    fresh = Store(str(tmp_path / "fresh.db"))
    ingest_paths(fresh, [path])
    assert exported(store, ids=False) == exported(fresh, ids=False)
    assert any("killed two soldiers" in x["text"] for e in exported(store) for x in e["evidence"])


def test_cleaning_a_page_again_in_the_process_gives_what_cleaning_it_afresh_gives(snapshots, tmp_path):
    """Cleaning remembers what it made of each post (and reading, of each update's body) in the process:
    a page cleaned with those memories equals the page cleaned with them emptied."""
    from frontline.cleaning import dedupe, pipeline
    from frontline.readers import html, read_path
    from frontline.serialize import to_jsonable

    path = tmp_path / "live.html"
    path.write_text(snapshots[-1], encoding="utf-8")

    def cleaned() -> list:
        clean = pipeline.clean_document(read_path(path)[0])
        return [to_jsonable(clean.document.blocks), clean.text, to_jsonable(clean.posts)]

    cleaned()  # the memories filled
    warm = cleaned()
    for memo in (pipeline._clean_paragraphs, pipeline._strip_block, html._body_paragraphs, dedupe.normalise,
                 dedupe._counts):
        memo.cache_clear()
    assert cleaned() == warm
