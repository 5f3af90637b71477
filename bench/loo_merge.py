"""Leave-one-document-out evaluation of the learned same-event scorer (events/pairs.py).

    python bench/loo_merge.py ../shared/gold/guardian ../shared/gold/dev [--threshold=0.9] [--keep=DIR]

For each gold document: train the pair scorer on every *other* gold document, merge the
held-out document's mentions with that model, and keep its events. The events of all
folds are then scored together with ../shared/eval/score.py, beside the same documents
merged with the hand rules alone (no model). No figure here comes from a model that saw
the document it is scored on. --keep=DIR writes both sets of events as JSON lines
(DIR/<gold folder>.loo.jsonl and .rules.jsonl) for `score.py -v` to say which events each missed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from frontline.evaluation import find_scorer
from frontline.events import merge_mentions
from frontline.events.pairs import ENV_VAR
from frontline.events.train_pairs import examples, fit, load_gold_docs
from frontline.serialize import event_to_export


def score(scorer: Path, gold: Path, events: list[dict]) -> list[str]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(e) + "\n")
    out = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--events", fh.name],
                         capture_output=True, text=True, check=False).stdout
    os.unlink(fh.name)
    return [line for line in out.splitlines() if line.startswith(("attributes", "event_f1"))]


def main(gold_dirs: list[Path], threshold: float, keep: Path | None = None) -> None:
    missing = [g for g in gold_dirs if not g.is_dir()]
    if missing:
        print(f"loo_merge: skipped, gold folder {missing[0]} not found (it lives in ../shared)")
        return
    scorer = find_scorer(gold_dirs[0].resolve())
    t0 = time.perf_counter()
    docs = load_gold_docs(gold_dirs)
    print(f"mentions of {len(docs)} gold documents in {time.perf_counter() - t0:.1f}s")
    by_name = {d.name: d for d in docs}
    loo_events: dict[str, list[dict]] = {}
    rule_events: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for held in docs:
            rest = [d for d in docs if d.name != held.name]
            x, y = examples(rest)
            weights, bias = fit(x, y)
            path = Path(tmp) / f"{held.name}.json"
            from frontline.events.pairs import save_model
            save_model(path, weights, bias, threshold, {})
            os.environ[ENV_VAR] = str(path)
            loo_events[held.name] = [event_to_export(e) for e in merge_mentions(held.mentions)]
            os.environ[ENV_VAR] = "none"
            rule_events[held.name] = [event_to_export(e) for e in merge_mentions(held.mentions)]
            print(f"  fold {held.name[:60]}: trained on {len(rest)} documents, {len(y)} pairs")
    os.environ.pop(ENV_VAR, None)
    for gold in gold_dirs:
        names = {p.name for p in gold.glob("*.toml")}
        docs_here = [n for n in by_name if any(n.rsplit(".", 1)[0] == t.rsplit(".", 1)[0] for t in names)]
        loo = [e for n in docs_here for e in loo_events[n]]
        rules = [e for n in docs_here for e in rule_events[n]]
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            for label, events in (("loo", loo), ("rules", rules)):
                with open(keep / f"{gold.name}.{label}.jsonl", "w", encoding="utf-8") as fh:
                    fh.writelines(json.dumps(e) + "\n" for e in events)
        print(f"{gold}: hand rules only")
        for line in score(scorer, gold, rules):
            print("  " + line)
        print(f"{gold}: learned scorer, leave-one-document-out (never scored on a document it was trained on)")
        for line in score(scorer, gold, loo):
            print("  " + line)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    cut = next((float(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--threshold=")), 0.5)
    kept = next((Path(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--keep=")), None)
    main([Path(a) for a in args] or [Path("../shared/gold/guardian"), Path("../shared/gold/dev")], cut, kept)
