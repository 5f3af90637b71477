"""The `frontline` command line as the checks call it (SPEC sections 5 and 7)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import typer.main

from frontline.cli import app


def _scorer(shared: dict):
    scorer, gold = shared["scorer"], shared["gold"]
    if not scorer.is_file() or not gold.is_dir():
        pytest.skip(f"shared scorer or gold not found ({scorer}, {gold}); clone ../shared next to the repo")
    spec = importlib.util.spec_from_file_location("frontline_shared_score", scorer)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeded(seed_paths, shared, run_cli, tmp_path_factory) -> dict:
    """Both seeds ingested once with their --published dates, and `export posts` of the result."""
    db = str(tmp_path_factory.mktemp("cli") / "seeds.db")
    ingests = {}
    for name, day in shared["seed_dates"].items():
        ingests[name] = run_cli("ingest", seed_paths[name], "--published", day, "--db", db)
    posts = run_cli("export", "posts", "--db", db)
    return {"db": db, "ingests": ingests, "posts": posts}


def test_ingest_seeds_succeeds(seeded):
    for name, result in seeded["ingests"].items():
        assert result.exit_code == 0, result.output
        assert f"{name}: new" in result.stderr


def test_seed_posts_score_on_the_shared_gold(seeded, shared):
    score = _scorer(shared)
    assert seeded["posts"].exit_code == 0, seeded["posts"].output
    posts = [json.loads(line) for line in seeded["posts"].stdout.splitlines()]
    result = score.score_posts(score.load_gold(shared["gold"]), posts)
    assert result["headline_precision"] >= 0.9, result
    assert result["headline_recall"] >= 0.9, result
    assert result["leaks"] == []


def test_reingesting_the_seeds_changes_nothing(seeded, seed_paths, shared, run_cli):
    before = run_cli("stats", "--json", "--db", seeded["db"])
    for name, day in shared["seed_dates"].items():
        again = run_cli("ingest", seed_paths[name], "--published", day, "--db", seeded["db"])
        assert again.exit_code == 0, again.output
        assert f"{name}: unchanged" in again.stderr
    after = run_cli("stats", "--json", "--db", seeded["db"])
    assert json.loads(after.stdout) == json.loads(before.stdout)


def test_stats_json_parses(seeded, run_cli):
    result = run_cli("stats", "--json", "--db", seeded["db"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 2 and data["snapshots"] == 2
    assert data["posts"] > 10
    assert isinstance(data["events_by_type"], dict)


def test_stats_on_an_empty_database(db_path, run_cli):
    from frontline.store import Store

    Store(db_path)
    data = json.loads(run_cli("stats", "--json", "--db", db_path).stdout)
    assert data["documents"] == data["posts"] == data["events"] == 0
    assert data["events_stale"] is False


@pytest.mark.parametrize("command", [("stats",), ("events",), ("export", "events"), ("export", "posts"),
                                     ("serve", "--port", "1"), ("doctor",)])
def test_read_commands_refuse_a_database_that_does_not_exist(tmp_path, run_cli, command):
    missing = tmp_path / "typo" / "nested" / "typo.db"
    result = run_cli(*command, "--db", missing)
    assert result.exit_code == 2
    assert "no database at" in result.stderr and str(missing) in result.stderr.replace("\n", "")
    assert not (tmp_path / "typo").exists()  # no empty database, no directories


@pytest.mark.parametrize("option, value", [("--type", "strikes"), ("--status", "rumoured"),
                                           ("--type", "strike,nonsense")])
def test_events_filters_are_checked_against_the_spec(db_path, run_cli, option, value):
    from frontline.store import Store

    Store(db_path)
    result = run_cli("events", option, value, "--db", db_path)
    assert result.exit_code == 2
    bad = value.split(",")[-1]
    assert repr(bad) in result.output and "use one of" in result.output


def test_version_flag(run_cli):
    from frontline import __version__

    result = run_cli("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"frontline {__version__}"


def test_serve_fails_fast_on_a_busy_port(db_path, run_cli):
    import socket

    from frontline.store import Store

    Store(db_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--port", port, "--db", db_path)
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and f"cannot serve on 127.0.0.1:{port}" in lines[0] and "in use" in lines[0]
    assert "serving" not in result.stdout


def _commands(group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every leaf command, as the words a user types (groups are walked, not listed)."""
    out = []
    for name, cmd in sorted(group.commands.items()):
        if hasattr(cmd, "commands"):
            out.extend(_commands(cmd, (*prefix, name)))
        else:
            out.append((*prefix, name))
    return out


COMMANDS = _commands(typer.main.get_command(app))


def test_the_spec_commands_exist():
    assert {("ingest",), ("export", "events"), ("export", "posts"), ("stats",)} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_help_has_an_example(command: tuple[str, ...], run_cli):
    result = run_cli(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`frontline {' '.join(command)} --help` shows no example"


def test_bad_published_date_exits_2_with_a_message(tmp_path, db_path, run_cli):
    doc = tmp_path / "note.txt"
    doc.write_text("Shelling resumes in the south\nArtillery fire was reported near the port.\n", encoding="utf-8")
    result = run_cli("ingest", doc, "--published", "16/03/2025", "--db", db_path)
    assert result.exit_code == 2
    assert "16/03/2025" in result.output and "YYYY-MM-DD" in result.output
    assert not Path(db_path).exists()  # refused before anything was opened


def test_bad_export_format_exits_2(db_path, run_cli):
    result = run_cli("export", "events", "--format", "xml", "--db", db_path)
    assert result.exit_code == 2
    assert "xml" in result.output


def test_bad_file_is_reported_and_the_others_still_ingested(tmp_path, db_path, blog, run_cli):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "eastland-live.txt"
    good.write_text(blog["v1"], encoding="utf-8")
    result = run_cli("ingest", empty, good, "--published", "2025-03-16", "--db", db_path)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "empty.txt" in line]
    assert len(errors) == 1 and "empty" in errors[0].split("empty.txt", 1)[1]
    stats = json.loads(run_cli("stats", "--json", "--db", db_path).stdout)
    assert stats["documents"] == 1


def test_seed_texts_are_not_in_the_repository(shared):
    """Fixtures are written by hand and rules are general: no seed line is copied into tests/ or src/."""
    seeds = shared["seeds"]
    if not seeds.is_dir():
        pytest.skip(f"shared seeds not found at {seeds}")
    lines = {ln.strip() for f in seeds.glob("*.txt") for ln in f.read_text(encoding="utf-8").splitlines()
             if len(ln.strip()) > 40}
    repo = Path(__file__).resolve().parents[1]
    suffixes = {".py", ".txt", ".html", ".htm", ".json", ".jsonl", ".xml", ".toml", ".tsv"}
    for folder in (repo / "tests", repo / "src"):
        for path in folder.rglob("*"):
            if path.suffix in suffixes and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                assert not [ln for ln in lines if ln in text], f"{path.relative_to(repo)} copies seed text"


def test_events_timeline_filters_by_type_and_place(seeded, run_cli):
    result = run_cli("events", "--type", "territory.withdrawal", "--place", "sudzha", "--db", seeded["db"])
    assert result.exit_code == 0, result.output
    assert "Sudzha" in result.stdout and "territory.withdrawal" in result.stdout
    assert "meeting" not in result.stdout


def test_export_events_meets_the_dev_gold(seeded, shared, run_cli, tmp_path):
    """The events export, scored with the shared scorer, finds most dev-gold events (SPEC section 7)."""
    scorer = _scorer(shared)
    events = run_cli("export", "events", "--db", seeded["db"])
    assert events.exit_code == 0
    path = tmp_path / "events.jsonl"
    path.write_text(events.stdout, encoding="utf-8")
    result = scorer.score_events(scorer.load_gold(shared["gold"]), scorer.load_jsonl(str(path)))
    assert result["f1"] >= 0.8, result["documents"]
    assert all(s["negative"] == 0 for s in result["documents"].values())


def test_annotate_json_resolves_places_and_dates(seed_paths, shared, run_cli):
    name = "004_f2372c87717f34a8.txt"
    result = run_cli("annotate", seed_paths[name], "--published", shared["seed_dates"][name], "--format", "json")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    places = {p["name"]: p for r in records for p in r["places"]}
    assert places["Kurakhove"]["country"] == "UA"
    assert places["Belaya"]["admin1"] == "Kursk Oblast"
    dates = {d["text"]: d["start"] for r in records for d in r["dates"]}
    assert dates["Monday 30 December"] == "2024-12-30"
    assert dates["last August"] == "2024-08-01"
