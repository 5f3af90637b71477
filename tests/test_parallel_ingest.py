"""Ingest order and parallelism do not change the result (ingest.py, Store.all_mentions): the same
documents ingested in two orders, on two worker processes, and on a Dask LocalCluster give
identical event exports, event ids included."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, SHARED

GUARDIAN = SHARED / "data" / "guardian-2022"
# Four Guardian reports of the same week (their events merge across documents), read from
# ../shared at test time; the bundled examples and a fixture are always there.
GUARDIAN_FILES = [
    "2022-04-25_russia-bombs-five-railway-stations-in-central-and-western-uk.txt",
    "2022-04-26_russia-accused-of-shelling-mariupol-humanitarian-corridor.txt",
    "2022-04-27_russia-attacks-infrastructure-in-western-ukraine-to-slow-sup.txt",
    "2022-04-28_russia-increasing-speed-of-attack-in-south-east-says-ukraine.txt",
]


@pytest.fixture(scope="module")
def files() -> list[Path]:
    out = sorted((REPO / "examples" / "independent").glob("*.txt"))
    out.append(REPO / "tests" / "fixtures" / "guardian_liveblog.txt")
    shared = [GUARDIAN / f for f in GUARDIAN_FILES if (GUARDIAN / f).is_file()]
    return out + shared


def _export(run, db: str) -> str:
    result = run("export", "events", "--format", "jsonl", "--db", db)
    assert result.exit_code == 0, result.output
    return result.stdout


def _ingest(run, db: str, paths: list[Path], *extra: str) -> None:
    result = run("ingest", *map(str, paths), "--db", db, *extra)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def in_order(files, tmp_path_factory) -> str:
    from typer.testing import CliRunner

    from frontline.cli import app

    db = str(tmp_path_factory.mktemp("order") / "a.db")
    result = CliRunner().invoke(app, ["ingest", *map(str, files), "--db", db])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["export", "events", "--format", "jsonl", "--db", db])
    assert result.exit_code == 0
    assert result.stdout.count("\n") >= 10, "too few events for the comparison to mean anything"
    return result.stdout


def test_two_orders_give_identical_events(run_cli, files, in_order, tmp_path):
    db = str(tmp_path / "b.db")
    _ingest(run_cli, db, list(reversed(files)))
    assert _export(run_cli, db) == in_order


def test_two_workers_give_identical_events(run_cli, files, in_order, tmp_path):
    db = str(tmp_path / "c.db")
    mixed = files[1::2] + files[0::2]  # another order again, split across two processes
    _ingest(run_cli, db, mixed, "--workers", "2")
    assert _export(run_cli, db) == in_order


def test_dask_cluster_gives_identical_events(run_cli, files, in_order, tmp_path):
    from distributed import LocalCluster

    db = str(tmp_path / "d.db")
    # one worker process with two threads: the real scheduler, worker and wire, at half the start-up
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None) as cluster:
        _ingest(run_cli, db, list(reversed(files)), "--cluster", cluster.scheduler_address)
    assert _export(run_cli, db) == in_order
