"""Shared fixtures: a throwaway database, the shared seeds (skipped when absent), a CLI runner,
and a small hand-written live blog in two snapshots.

The live-blog texts below are invented; they imitate the furniture of news sites in general
(appeals, comment prompts, teasers, video captions) and copy nothing from ../shared/data.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
SEEDS = SHARED / "seeds"
GOLD_DEV = SHARED / "gold" / "dev"
SCORER = SHARED / "eval" / "score.py"

# Publication dates of the two seeds, as SPEC section 7 passes them with --published.
SEED_DATES = {
    "000_2751e2997e1bbdf6.txt": "2025-03-16",
    "004_f2372c87717f34a8.txt": "2025-01-08",
}


@pytest.fixture(autouse=True, scope="session")
def _isolated_default_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test may touch the user's real database: the default (FRONTLINE_DB) points to a temp file."""
    old = os.environ.get("FRONTLINE_DB")
    os.environ["FRONTLINE_DB"] = str(tmp_path_factory.mktemp("default-db") / "frontline.db")
    yield
    if old is None:
        os.environ.pop("FRONTLINE_DB", None)
    else:
        os.environ["FRONTLINE_DB"] = old


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    """A fresh SQLite database path (what `--db` takes); Store() accepts it too."""
    return str(tmp_path / "frontline.db")


@pytest.fixture
def db_url(db_path: str) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """The two seed documents of ../shared/seeds, keyed by file name."""
    paths = {name: SEEDS / name for name in SEED_DATES}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        pytest.skip(f"shared seeds not found ({', '.join(missing)}); clone ../shared next to the repo")
    return paths


def run_cli(*args: str, input: str | None = None) -> Result:
    """Run `frontline ARGS...` in-process; stdout and stderr are kept apart on the result."""
    from frontline.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture(name="run_cli", scope="session")
def run_cli_fixture() -> Callable[..., Result]:
    return run_cli


# ------------------------------------------------------------------ a two-snapshot live blog

BLOG_TITLE = "Eastland war live: Northland troops pull back from river town as ceasefire talks resume"
BLOG_SOURCE = "Example News"

_HEAD = [
    BLOG_TITLE,
    "Northland says its soldiers left the town after weeks of shelling",
    "Your support helps us to tell the story",
    "From town halls to faraway wars, our reporters are on the ground while a story unfolds.",
    "In times like these we need correspondents in the field. Your donation allows us to keep our journalists "
    "travelling to hear both sides.",
    "Your support makes all the difference.Northland's army says it has withdrawn from the river town of "
    "Velika after weeks of heavy shelling.",
    "Foreign ministers of both countries will meet in Geneva on Tuesday to discuss a ceasefire, officials said.",
]
_NEW_POST = [
    "Drone attack on port city kills two",
    "Two people were killed when a drone hit an apartment block in the port city of Marin overnight, the "
    "regional governor said.",
]
_GENEVA = [
    "Ministers to meet in Geneva as ceasefire talks resume",
    "Foreign ministers of both countries will meet in Geneva on Tuesday to discuss a ceasefire, officials said.",
    "“We are ready to talk, but we will not surrender,” the Eastland foreign minister told reporters.",
    "Ministers to meet in Geneva for ceasefire talks",  # video caption repeating the headline above
    "Both delegations are expected to arrive late on Monday evening",  # the caption's standfirst
    "Watch: Drone footage shows damaged bridge in Velika",  # teaser of another article
]
_VELIKA_HEADLINE = "Northland withdraws troops from Velika"
_VELIKA_V1 = [
    "Northland’s general staff said on Sunday that its troops had left Velika to avoid encirclement.",
    "Gen. Ivan Petrov told the U.S. envoy that Mr. Brown would visit the front line this week.",
]
_VELIKA_V2 = [
    "Northland’s general staff said on Sunday that its troops had left Velika to avoid encirclement.",
    "Gen. Ivan Petrov later said the withdrawal was complete and that no soldiers remained in the town.",
]
_VIDEO = [
    "Missile strike hits power station in the capital",
    "Missile strike hits power station in the capital",  # the video's caption, verbatim
    "Emergency crews worked through the night to restore electricity after the attack",
]
_RIVER = [
    "Why does the river crossing matter?",
    "The bridge at Velika is the last crossing over the river held by Eastland’s army.",
]
_TAIL = [
    "Village choir wins regional singing contest",
    "A village choir won first prize at the regional singing contest on Saturday, judges announced.",
    "Join our commenting forum",
    "Join thought-provoking conversations, see replies and follow other readers",
    "Comments",
]

# Headlines a reader sees in snapshot 1 (the lead summary has none; the choir item is off-topic).
BLOG_V1_HEADLINES = [
    "Ministers to meet in Geneva as ceasefire talks resume",
    _VELIKA_HEADLINE,
    "Missile strike hits power station in the capital",
    "Why does the river crossing matter?",
    "Village choir wins regional singing contest",
]


def blog_text(version: int) -> str:
    """Snapshot 1, or snapshot 2: one new post on top, the Velika post edited, the river post gone."""
    if version == 1:
        lines = _HEAD + _GENEVA + [_VELIKA_HEADLINE, *_VELIKA_V1] + _VIDEO + _RIVER + _TAIL
    else:
        lines = _HEAD + _NEW_POST + _GENEVA + [_VELIKA_HEADLINE, *_VELIKA_V2] + _VIDEO + _TAIL
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def blog() -> dict:
    """The live blog's texts and the facts tests check against."""
    return {
        "title": BLOG_TITLE, "source": BLOG_SOURCE, "v1": blog_text(1), "v2": blog_text(2),
        "v1_headlines": BLOG_V1_HEADLINES, "new_headline": _NEW_POST[0], "edited_headline": _VELIKA_HEADLINE,
        "edited_old": _VELIKA_V1[1], "edited_new": _VELIKA_V2[1], "deleted_headline": _RIVER[0],
        "deleted_text": _RIVER[1], "off_topic_headline": _TAIL[0],
    }


def save_text(store, tmp_dir: Path, name: str, text: str, *, source: str = "", published=None):
    """Read a text file, clean it and store it, with no language stage: the store's own behaviour."""
    from frontline.cleaning import clean_document
    from frontline.readers import content_sha, read_path

    path = tmp_dir / name
    path.write_text(text, encoding="utf-8")
    results = []
    for doc in read_path(path, published=published, source=source or None):
        results.append(store.save_document(clean_document(doc), [], content_sha(doc), file_name=name))
    assert len(results) == 1
    return results[0]


@pytest.fixture(name="save_text", scope="session")
def save_text_fixture() -> Callable:
    return save_text


def revisions_of(store, headline: str) -> list[tuple[str, str]]:
    """(change, text) of every stored revision of the post with this headline, oldest first."""
    from sqlalchemy import select

    from frontline.store import schema as t

    query = (select(t.post_revisions.c.change, t.post_revisions.c.text)
             .join(t.posts, t.posts.c.pk == t.post_revisions.c.post_pk)
             .where(t.posts.c.headline == headline).order_by(t.post_revisions.c.id))
    with store.engine.connect() as conn:
        return [(row[0], row[1]) for row in conn.execute(query)]


def revision_scenario(store, tmp_dir: Path, blog: dict) -> None:
    """Idempotence and revisions, the same on every backend (SQLite here, PostgreSQL in its own test).

    Snapshot 1 twice changes nothing; snapshot 2 of the same live blog records one new, one
    edited and one deleted post without losing the old text; old snapshots ingested again are
    recognised; the deleted post is no longer exported.
    """
    import io
    import json

    from frontline.exports import write_posts

    name = "eastland-live.txt"
    first = save_text(store, tmp_dir, name, blog["v1"], source=blog["source"])
    assert first.status == "new"
    assert first.new_posts == len(blog["v1_headlines"]) + 2  # + the lead summary and one teaser
    counts = store.table_counts()
    again = save_text(store, tmp_dir, name, blog["v1"], source=blog["source"])
    assert (again.status, again.document_id) == ("unchanged", first.document_id)
    assert store.table_counts() == counts

    second = save_text(store, tmp_dir, name, blog["v2"], source=blog["source"])
    assert second.status == "updated"
    assert (second.new_posts, second.edited_posts, second.deleted_posts) == (1, 1, 1)
    edited = revisions_of(store, blog["edited_headline"])
    assert [c for c, _ in edited] == ["new", "edited"]
    assert blog["edited_old"] in edited[0][1] and blog["edited_new"] not in edited[0][1]
    assert blog["edited_new"] in edited[1][1]
    deleted = revisions_of(store, blog["deleted_headline"])
    assert [c for c, _ in deleted] == ["new", "deleted"]
    assert deleted[-1][1] == blog["deleted_text"]  # history keeps the text of the removed post
    assert [c for c, _ in revisions_of(store, blog["new_headline"])] == ["new"]

    out = io.StringIO()
    write_posts(store.iter_posts(), out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    headlines = [r["headline"] for r in rows]
    assert blog["deleted_headline"] not in headlines
    assert blog["new_headline"] in headlines
    velika = next(r for r in rows if r["headline"] == blog["edited_headline"])
    assert blog["edited_new"] in velika["text"] and blog["edited_old"] not in velika["text"]
    assert {r["document"] for r in rows} == {first.document_id}

    counts = store.table_counts()
    assert counts["documents"] == 1 and counts["snapshots"] == 2
    for text in (blog["v2"], blog["v1"]):  # the current snapshot again, and an older one out of order
        result = save_text(store, tmp_dir, name, text, source=blog["source"])
        assert result.status == "unchanged"
        assert store.table_counts() == counts


@pytest.fixture(name="revision_scenario", scope="session")
def revision_scenario_fixture() -> Callable:
    return revision_scenario


@pytest.fixture(scope="session")
def shared() -> dict:
    """Where ../shared keeps the gold, the scorer and the seeds' --published dates (may be absent)."""
    return {"root": SHARED, "seeds": SEEDS, "gold": GOLD_DEV, "scorer": SCORER, "seed_dates": dict(SEED_DATES)}


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser); skips where it is absent."""
    from frontline.web.testing import CHROMIUM_ARGS, chromium_path

    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    exe = chromium_path()
    if exe is None:
        pytest.skip("Chromium not found at /usr/bin/chromium: install it with `apt-get install chromium` "
                    "(CI's .ci/run does); browser tests skipped")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()
