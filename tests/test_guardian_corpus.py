"""The 178 Guardian articles and live blogs of 2022 (in shared/data, never in the repository).

Every file reads and cleans; live blogs come out as many timestamped posts; a Store
round (and the CLI, with index.tsv dates) on a few files is idempotent.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest

from frontline.cleaning import clean_document
from frontline.readers import read_path

DATA = Path(__file__).parents[1] / ".." / "shared" / "data" / "guardian-2022"

pytestmark = pytest.mark.skipif(not (DATA / "index.tsv").is_file(),
                                reason=f"Guardian 2022 corpus not found at {DATA.resolve()}")


@pytest.fixture(scope="module")
def index() -> dict[str, dict]:
    with (DATA / "index.tsv").open(encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


@pytest.fixture(scope="module")
def corpus(index):
    """file name -> (documents, cleaned documents), for every file the index lists."""
    out = {}
    for name in index:
        docs = read_path(DATA / name)
        out[name] = (docs, [clean_document(d) for d in docs])
    return out


def _live_blogs(index) -> list[str]:
    return [name for name, row in index.items() if row["headline"].rstrip().endswith("as it happened")]


def test_every_file_reads_and_cleans(index, corpus):
    assert len(index) == 178
    for name, (docs, cleans) in corpus.items():
        assert len(docs) == 1, name
        assert cleans[0].posts, f"{name}: no post survived cleaning"
        assert cleans[0].document.title, name


def test_live_blogs_are_many_timestamped_posts(index, corpus):
    live = _live_blogs(index)
    assert len(live) >= 8
    stamped = [name for name, (docs, _) in corpus.items() if docs[0].format == "guardian"]
    assert set(live) <= set(stamped)
    for name in stamped:
        clean = corpus[name][1][0]
        times = [p.published for p in clean.posts]
        assert len(clean.posts) >= 8, name
        assert all(t is not None and t.tzinfo is not None for t in times), name
        assert len(set(times)) >= 0.9 * len(times), name
        # The stamps agree with the index: the newest post is at most minutes from the UTC publication time.
        published = dt.datetime.fromisoformat(index[name]["published"].replace("Z", "+00:00"))
        assert abs(max(times) - published) < dt.timedelta(hours=2), (name, max(times), published)
        text = clean.text
        assert "Updated at" not in text and "Photograph:" not in text, name


def test_headlines_found_in_live_blogs(corpus):
    heads = [p.headline for name, (docs, cleans) in corpus.items() if docs[0].format == "guardian"
             for p in cleans[0].posts if p.headline]
    assert len(heads) >= 30
    # A detected headline never swallows the start of the body's sentence.
    assert all(len(h.split()) <= 22 and not h.endswith((" the", " a", " of", " to")) for h in heads)


def test_store_round_is_idempotent(tmp_path, index):
    from frontline.ingest import ingest_paths
    from frontline.store import Store

    live = sorted(_live_blogs(index), key=lambda n: (DATA / n).stat().st_size)[0]
    article = sorted((n for n in index if n not in _live_blogs(index)), key=lambda n: (DATA / n).stat().st_size)[0]
    paths = [DATA / live, DATA / article]
    store = Store(str(tmp_path / "g.db"))
    first = ingest_paths(store, paths, rebuild=False)
    assert [o.error for o in first] == [None, None]
    assert [r.status for o in first for r in o.results] == ["new", "new"]
    counts = store.table_counts()
    assert counts["posts"] >= 10
    again = ingest_paths(Store(str(tmp_path / "g.db")), paths, rebuild=False)
    assert [r.status for o in again for r in o.results] == ["unchanged", "unchanged"]
    assert Store(str(tmp_path / "g.db")).table_counts() == counts


def test_cli_takes_dates_from_index(tmp_path, index):
    from sqlalchemy import select
    from typer.testing import CliRunner

    from frontline.cli import app
    from frontline.store import Store
    from frontline.store import schema as t

    live = sorted(_live_blogs(index), key=lambda n: (DATA / n).stat().st_size)[0]
    folder = tmp_path / "guardian"
    folder.mkdir()
    shutil.copy(DATA / live, folder / live)
    with (folder / "index.tsv").open("w", encoding="utf-8") as fh:
        fh.write("file\tpublished\theadline\n" + f"{live}\t{index[live]['published']}\t{index[live]['headline']}\n")
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    with Store(db).engine.connect() as conn:
        stored = conn.execute(select(t.documents.c.published)).scalar_one()
    expected = dt.datetime.fromisoformat(index[live]["published"].replace("Z", "+00:00"))
    assert stored == expected.replace(tzinfo=None)  # stored as naive UTC


def test_washington_in_a_newsletter_with_a_connecticut_story_is_the_capital() -> None:
    # the newsletter's last item is set in Connecticut, which has a small town called Washington
    from frontline.language import annotate_document

    name = "2022-04-11_first-thing-austrian-chancellor-to-meet-putin-in-russia.txt"
    clean = clean_document(read_path(DATA / name)[0])
    found = [p for a in annotate_document(clean) if "adviser in Washington" in a.sentence.text for p in a.places
             if p.text == "Washington"]
    assert found and all(p.admin1 == "District of Columbia" for p in found), found
