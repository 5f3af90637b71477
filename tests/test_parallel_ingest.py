"""Ingest order and parallelism do not change the result (ingest.py, Store.all_mentions): the same
documents ingested in two orders, on two worker processes, and on a Dask LocalCluster give
identical event exports, event ids included."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, SHARED

GUARDIAN = SHARED / "data" / "guardian-2022"
# Guardian reports read from ../shared at test time (the tests skip when it is absent).
GUARDIAN_FILES = [  # two pairs whose events merge differently when their mentions come in another order
    "2022-06-24_german-gas-prices-could-triple-as-russia-reduces-supply-expe.txt",
    "2022-06-24_russia-turning-wave-of-food-crises-into-tsunami-by-blocking.txt",
    "2022-05-19_russia-says-771-more-ukrainian-troops-surrender-at-mariupol.txt",
    "2022-05-20_us-accuses-russia-of-holding-food-supplies-hostage-first-thi.txt",
]


@pytest.fixture(scope="module")
def files() -> list[Path]:
    shared = [GUARDIAN / f for f in GUARDIAN_FILES]
    missing = [str(p) for p in shared if not p.is_file()]
    if missing:
        pytest.skip(f"Guardian corpus not found ({missing[0]}); clone ../shared next to the repo")
    return [REPO / "tests" / "fixtures" / "guardian_liveblog.txt", *shared]


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
    assert result.stdout.count("\n") >= 8, "too few events for the comparison to mean anything"
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
