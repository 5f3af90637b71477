"""Fuzz the readers and the cleaning far longer than CI does (tests/test_fuzz_readers.py runs 300 cases).

    python bench/fuzz_readers.py [--examples 5000] [--seed 0]

Same property as the test: reading gives documents or the reader's one-line error, cleaning gives
posts with text or says why not. Prints the outcome counts and the rate, and the first failing
input (shrunk by hypothesis) if there is one.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from fuzz_inputs import hostile_inputs  # noqa: E402
from test_fuzz_readers import check_one  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    outcomes: Counter[str] = Counter()

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(hostile_inputs())
    def run(case):
        outcomes[check_one(*case)] += 1

    t0 = time.perf_counter()
    try:
        run()
        verdict = "ok"
    except Exception as exc:  # noqa: BLE001 - the report is the point
        verdict = f"FAILED ({type(exc).__name__}: {' '.join(str(exc).split())[:300]})"
    seconds = time.perf_counter() - t0
    total = sum(outcomes.values())
    print(f"fuzz_readers: {verdict} cases={total} stored={outcomes['stored']} refused={outcomes['refused']} "
          f"empty_said={outcomes['empty']} seconds={seconds:.1f} cases_per_second={total / seconds:.0f}")
    if verdict != "ok":
        sys.exit(1)


if __name__ == "__main__":
    main()
