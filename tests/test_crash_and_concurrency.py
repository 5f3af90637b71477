"""Nothing lost when a run dies, nothing broken when two run at once: real `frontline` processes.

- An ingest killed with SIGKILL inside the event rebuild (FRONTLINE_TEST_PAUSE_IN_REBUILD holds it
  there, events replaced but not committed) leaves the events stale; the next command notices and
  ends with the same events as an uninterrupted run.
- Two ingests of the same folder at once into one database both exit 0 and leave what one ingest leaves.

On SQLite, and on PostgreSQL when a server is there (FRONTLINE_TEST_POSTGRES, as .ci/run sets).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import blog_text
from test_store_postgres import pg_base_url, pg_url  # noqa: F401 - fixtures: a fresh schema per test

PUBLISHED = "2025-03-16"
# A second live blog, invented for this test, so the folder holds more than one document.
PORT_BLOG = "\n".join([
    "Southland live: drones hit port city as talks stall",
    "Regional officials say air defences were active overnight",
    "Drone strike hits port of Marin",
    "Two people were killed when a drone hit an apartment block in the port city of Marin overnight, the "
    "regional governor said.",
    "Northland troops capture village near the river",
    "Northland's defence ministry claimed on Monday that its forces had captured the village of Brody.",
    "Eastland's army denied the claim and said fighting continued on the outskirts.",
]) + "\n"

CLI = [sys.executable, "-c", "from frontline.cli import app; app()"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("blogs")
    (path / "eastland-live.txt").write_text(blog_text(1), encoding="utf-8")
    (path / "southland-live.txt").write_text(PORT_BLOG, encoding="utf-8")
    return path


def frontline(*args: str):
    """The next command, run in this process (the killed and the concurrent runs are real processes)."""
    from conftest import run_cli

    result = run_cli(*args)
    result.returncode = result.exit_code
    return result


def start(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


def exported(db: str) -> tuple[list[dict], list[dict]]:
    """Events and posts as `frontline export` writes them (sorted: order is not the point)."""
    out = []
    for what in ("events", "posts"):
        result = frontline("export", what, "--db", db)
        assert result.returncode == 0, result.stderr
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        out.append(sorted(rows, key=lambda r: json.dumps(r, sort_keys=True)))
    return out[0], out[1]


@pytest.fixture(scope="module")
def reference(folder, tmp_path_factory) -> tuple[list[dict], list[dict]]:
    """What one uninterrupted ingest of the folder exports (in this process: it also loads the models once)."""
    db = str(tmp_path_factory.mktemp("ref") / "ref.db")
    result = frontline("ingest", folder, "--published", PUBLISHED, "--db", db)
    assert result.returncode == 0, result.stderr
    events, posts = exported(db)
    assert len(events) >= 3 and len(posts) >= 8  # a test of nothing would prove nothing
    return events, posts


def kill_inside_rebuild(folder: Path, db: str, marker: Path) -> None:
    proc = start("ingest", folder, "--published", PUBLISHED, "--db", db,
                 env={"FRONTLINE_TEST_PAUSE_IN_REBUILD": str(marker)})
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None, f"ingest ended before the rebuild: {proc.communicate()}"
            assert time.monotonic() < deadline, "ingest never reached the event rebuild"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def crash_scenario(db: str, folder: Path, tmp_path: Path, reference) -> None:
    ref_events, ref_posts = reference
    # 1. Killed during the first rebuild: documents are stored, events are not, the mark says so.
    kill_inside_rebuild(folder, db, tmp_path / "paused-1")
    doctor = frontline("doctor", "--json", "--db", db)
    report = json.loads(doctor.stdout)
    assert doctor.returncode == 1 and report["events_stale"] is True, doctor.stdout + doctor.stderr
    assert report["counts"]["documents"] == 2 and report["counts"]["events"] == 0
    # The same ingest again finds nothing new, yet rebuilds the events the crash lost.
    again = frontline("ingest", folder, "--published", PUBLISHED, "--db", db)
    assert again.returncode == 0, again.stderr
    assert "0 new, 0 updated, 2 unchanged" in again.stderr and "rebuilding" in again.stderr
    assert exported(db) == (ref_events, ref_posts)

    # 2. Killed again inside a rebuild that would change nothing new; the next *read* repairs it.
    (folder_copy := tmp_path / "copy").mkdir()
    for f in folder.iterdir():
        (folder_copy / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (folder_copy / "eastland-live.txt").write_text(blog_text(2), encoding="utf-8")  # a newer snapshot
    kill_inside_rebuild(folder_copy, db, tmp_path / "paused-2")
    events_before_repair = frontline("stats", "--json", "--db", db)
    assert events_before_repair.returncode == 0
    assert "out of date" in events_before_repair.stderr and "rebuilt" in events_before_repair.stderr
    assert json.loads(events_before_repair.stdout)["events_stale"] is False
    repaired, _ = exported(db)
    uninterrupted = tmp_path / "uninterrupted.db"
    for source in (folder, folder_copy):
        assert frontline("ingest", source, "--published", PUBLISHED, "--db", uninterrupted).returncode == 0
    assert repaired == exported(str(uninterrupted))[0]
    assert frontline("doctor", "--db", db).returncode == 0


def concurrent_scenario(db: str, folder: Path, reference) -> None:
    procs = [start("ingest", folder, "--published", PUBLISHED, "--db", db) for _ in range(2)]
    outputs = [p.communicate(timeout=240) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
        assert "Error" not in err and "Traceback" not in err, err
    assert exported(db) == reference
    doctor = frontline("doctor", "--json", "--db", db)
    assert doctor.returncode == 0, doctor.stdout
    counts = json.loads(doctor.stdout)["counts"]
    assert counts["documents"] == 2 and counts["snapshots"] == 2  # nothing stored twice


def test_sqlite_ingest_killed_inside_the_rebuild_is_repaired(folder, reference, tmp_path):
    crash_scenario(str(tmp_path / "crash.db"), folder, tmp_path, reference)


def test_sqlite_two_ingests_at_once(folder, reference, tmp_path):
    concurrent_scenario(str(tmp_path / "both.db"), folder, reference)


@pytest.mark.postgres
def test_postgres_ingest_killed_inside_the_rebuild_is_repaired(pg_url, folder, reference, tmp_path):  # noqa: F811
    crash_scenario(pg_url, folder, tmp_path, reference)


@pytest.mark.postgres
def test_postgres_two_ingests_at_once(pg_url, folder, reference):  # noqa: F811
    concurrent_scenario(pg_url, folder, reference)


def test_a_rebuild_never_writes_a_merge_older_than_the_mentions(tmp_path, monkeypatch, blog):
    """Mentions that change while a rebuild merges outside the lock are merged again inside it."""
    import frontline.ingest as ingest
    from frontline.store import Store

    store = Store(str(tmp_path / "gen.db"))
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(blog["v1"], encoding="utf-8")
    second.write_text(PORT_BLOG, encoding="utf-8")
    ingest.ingest_paths(store, [first], rebuild=False)
    real_prepare = ingest.prepare_merge
    seen: list[int] = []

    def merge_while_another_writer_saves(store_, conn=None, **kw):
        plan = real_prepare(store_, conn, **kw)
        seen.append(sum(len(s.mentions) for ss in plan.stories.values() for s in ss))
        if len(seen) == 1:  # another process stores a document during our first merge
            ingest.ingest_paths(Store(store.url), [second], rebuild=False)
        return plan

    monkeypatch.setattr(ingest, "prepare_merge", merge_while_another_writer_saves)
    n = ingest.rebuild_events(store, only_if_stale=True)
    assert len(seen) == 2 and seen[1] > seen[0]  # merged again, with the newer mentions
    assert not store.events_stale()
    assert {x.document for e in store.iter_events() for x in e.evidence} == {"a.txt", "b.txt"}
    assert n == store.count_events()


def test_connections_switching_a_new_sqlite_file_to_wal_at_once_all_succeed(tmp_path):
    """SQLite refuses a second journal-mode switch at once, without waiting: opening must retry.
    (Two `frontline ingest` runs started together on a new database once failed this way in CI.)"""
    import sqlite3
    import threading

    from frontline.store.db import _sqlite_pragmas

    failures: list[str] = []

    def open_together(path: Path, barrier: threading.Barrier) -> None:
        conn = sqlite3.connect(path, timeout=0.001)
        barrier.wait()
        try:
            _sqlite_pragmas(conn, None)
        except sqlite3.OperationalError as exc:
            failures.append(str(exc))
        finally:
            conn.close()

    for n in range(30):
        barrier = threading.Barrier(4)
        threads = [threading.Thread(target=open_together, args=(tmp_path / f"new{n}.db", barrier)) for _ in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    assert failures == []
