"""The writer is one of the workers (ingest._shared): while the pool's oldest job is not back it
parses the next document itself, at the end it takes back what the pool has not started, and
results still come back in input order, with a bounded number of documents held at once."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from frontline.ingest import Timings, _Job, _shared


def _jobs(n: int) -> list[_Job]:
    return [_Job(i, None, f"sha{i}") for i in range(n)]  # type: ignore[arg-type]


def test_writer_parses_while_the_pool_is_busy_and_order_is_kept():
    done_here: list[int] = []
    held = []
    lock = threading.Lock()
    in_pool = [0]

    def slow(job: _Job) -> _Job:  # a pool worker that takes its time
        time.sleep(0.02)
        job.result = ("pool", [])  # type: ignore[assignment]
        with lock:
            in_pool[0] -= 1
        return job

    def here(job: _Job) -> _Job:
        done_here.append(job.spec_index)
        job.result = ("here", [])  # type: ignore[assignment]
        return job

    with ThreadPoolExecutor(max_workers=1) as pool:
        def submit(job: _Job):
            with lock:
                in_pool[0] += 1
                held.append(in_pool[0])
            return pool.submit(slow, job)

        out = list(_shared(submit, _jobs(40), 4, Timings(), here=here))

    assert [j.spec_index for j in out] == list(range(40))  # input order, whoever did the job
    assert done_here, "the writer waited instead of working"
    assert len(done_here) < 40, "the pool did nothing"
    assert {j.spec_index for j in out if j.result[0] == "here"} == set(done_here)  # type: ignore[index]
    assert max(held) <= 4  # never more than the window with the pool


def test_writer_takes_back_what_the_pool_has_not_started():
    done_here: list[int] = []

    def slow(job: _Job) -> _Job:
        time.sleep(0.2)
        job.result = ("pool", [])  # type: ignore[assignment]
        return job

    def here(job: _Job) -> _Job:
        done_here.append(job.spec_index)
        job.result = ("here", [])  # type: ignore[assignment]
        return job

    with ThreadPoolExecutor(max_workers=1) as pool:  # every job goes to the pool: the window is larger
        out = list(_shared(lambda j: pool.submit(slow, j), _jobs(6), 8, Timings(), here=here))
    assert [j.spec_index for j in out] == list(range(6))
    assert out[0].result[0] == "pool"  # type: ignore[index]  # the job it had started stays with it
    assert done_here and done_here[0] == 5  # the last queued first: the pool keeps the oldest
