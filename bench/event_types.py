"""Event-type benchmark on CASE 2021 Task 2 (ACLED sub-types of real news snippets).

    python bench/event_types.py ../shared/data/case2021-task2/test_set_final_release_with_labels.tsv

Prints accuracy over the snippets whose ACLED sub-type maps to a SPEC type, and how
often snippets of the other types (protests, disasters, crime...) wrongly yield a war event.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

from frontline.events.classify import classify_text

MAPPING: dict[str, set[str]] = {
    **{k: {"strike"} for k in ("AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE", "SUIC_BOMB", "CHEM_WEAP")},
    "ARMED_CLASH": {"clash"}, "ATTACK": {"clash"},
    "GOV_REGAINS_TERIT": {"territory.capture"}, "NON_STATE_ACTOR_OVERTAKES_TER": {"territory.capture"},
    "NON_VIOL_TERRIT_TRANSFER": {"territory.capture", "territory.withdrawal"},
    "AGREEMENT": {"agreement"}, "ARREST": {"prisoners"}, "ABDUCT_DISSAP": {"prisoners"},
}
# Sub-types that are war-adjacent but not mapped (their output is neither right nor a false alarm).
NEUTRAL = {"DIPLO", "DISR_WEAP", "CHANGE_TO_GROUP_ACT", "HQ_ESTABLISHED", "PROPERTY_DISTRUCT", "ATTRIB", "OTHER"}


def main(path: Path) -> None:
    if not path.is_file():
        sys.exit(f"event_types: {path} not found (the CASE 2021 data lives in ../shared/data)")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    start = time.perf_counter()
    right = total = false_alarm = others = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        label = row["SubType"].strip()
        predicted = classify_text(row["EventSnippet"])
        if label in MAPPING:
            total += 1
            ok = predicted in MAPPING[label]
            right += ok
            if not ok:
                confusion[(label, str(predicted))] += 1
        elif label not in NEUTRAL:
            others += 1
            false_alarm += predicted is not None
    elapsed = time.perf_counter() - start
    print(f"snippets: {len(rows)} in {elapsed:.1f}s; most common confusions:")
    for (label, predicted), n in confusion.most_common(8):
        print(f"  {label:30} -> {predicted:20} {n}")
    print(f"non-war snippets (protest, disaster, crime...): {false_alarm}/{others} yield a war event "
          f"({false_alarm / max(others, 1):.3f})")
    print(f"event_types case2021: accuracy={right / max(total, 1):.3f} n={total}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else
              "../shared/data/case2021-task2/test_set_final_release_with_labels.tsv"))
