"""The single-process ingest parses the next new documents' sentences in one batch, ahead of their
turn (ingest._parsed_ahead), because spaCy is quicker over whole batches. It must not change what is
stored: one call over two articles, a live blog's first snapshot, the same snapshot again under
another name and its second snapshot stores what one call per file stores, and the second snapshot
is still parsed only for its new and edited posts."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import frontline.language.nlp as nlp
from frontline.exports import write_events, write_posts
from frontline.ingest import FileSpec, ingest_files, rebuild_events
from frontline.store import Store


def _files(tmp_path: Path, blog: dict, seed_paths: dict[str, Path]) -> list[FileSpec]:
    folder = tmp_path / "in"
    folder.mkdir()
    specs = [FileSpec(p, dt.date.fromisoformat(day), None)
             for p, day in ((seed_paths["000_2751e2997e1bbdf6.txt"], "2025-03-16"),
                            (seed_paths["004_f2372c87717f34a8.txt"], "2025-01-08"))]
    for name, text in (("blog-0900.txt", blog["v1"]), ("blog-copy.txt", blog["v1"]), ("blog-1500.txt", blog["v2"])):
        (folder / name).write_text(text, encoding="utf-8")
        specs.append(FileSpec(folder / name, dt.date(2025, 3, 2), blog["source"]))
    return specs


def _exports(store: Store) -> tuple[str, str]:
    events, posts = io.StringIO(), io.StringIO()
    write_events(store.iter_events(), events)
    write_posts(store.iter_posts(), posts)
    return events.getvalue(), posts.getvalue()


def test_one_batch_stores_what_one_call_per_file_stores(tmp_path, blog, seed_paths, monkeypatch):
    specs = _files(tmp_path, blog, seed_paths)
    single = Store(str(tmp_path / "single.db"))
    alone = [r for spec in specs for o in ingest_files(single, [spec], rebuild=False) for r in o.results]
    rebuild_events(single)  # once, as the batch does

    parsed: list[list[str]] = []
    real_parse = nlp.parse

    def counting(texts):
        texts = list(texts)
        parsed.append(texts)
        return real_parse(texts)

    cache = nlp._recent.copy()
    nlp._recent.clear()  # nothing parsed by the first run is known: every parse is counted
    monkeypatch.setattr(nlp, "parse", counting)
    monkeypatch.setattr("frontline.language.annotate.parse", counting)
    try:
        batch = Store(str(tmp_path / "batch.db"))
        together = [r for o in ingest_files(batch, specs) for r in o.results]
    finally:
        nlp._recent.update(cache)

    assert [r.status for r in together] == ["new", "new", "new", "unchanged", "updated"]
    assert [(r.status, r.new_posts, r.edited_posts, r.deleted_posts) for r in together] == [
        (r.status, r.new_posts, r.edited_posts, r.deleted_posts) for r in alone]
    assert _exports(batch) == _exports(single)
    assert batch.table_counts() == single.table_counts()
    # the three new documents were parsed in one batch, before the first of them was annotated
    first = set(parsed[0])
    assert blog["v1_headlines"][0] in first and len(first) > 40
    # the second snapshot parsed only its new and edited posts, not the posts it shares with the first
    later = [t for texts in parsed[1:] for t in texts if t not in first]
    assert any(blog["new_headline"] in t for t in later)
    assert not any("Ministers to meet in Geneva as ceasefire talks resume" in t for t in later)
