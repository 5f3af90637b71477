"""Leave-one-document-out (LOO) evaluation of the learned sentence typer (frontline.events.learned).

    python bench/loo_types.py [--shared ../shared] [--pipeline]

For each gold document of ../shared/gold/dev and ../shared/gold/guardian: train on the OTHER
documents into a temp dir, then type every sentence of the held-out one. No figure printed
here comes from a model that saw the document it is scored on.

Printed per fold and pooled over all held-out sentences:
  - type accuracy on event sentences (a sentence holding a gold event's evidence phrase):
    right when the predicted label is one of that event's accepted `types` ("none" is wrong);
  - event detection (event vs "none") precision, recall, F1, and "none" precision/recall;
  - two baselines scored the same way: the training folds' majority label, and frontline's
    rule-based keyword typer (frontline.events.classify.classify_text; None -> "none").
The last line is `loo_type_accuracy=X loo_event_detection_f1=Y` (pooled, leave-one-document-out).

--pipeline: per fold, point FRONTLINE_TYPE_MODEL at the fold's model, run the whole frontline
pipeline on the held-out document alone (temp database, as `frontline eval` does), export its
events, concatenate all folds' events and score them with ../shared/eval/score.py against each
gold folder. Until extraction consults the model this reproduces the rule-based score.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from frontline.events import learned
from frontline.training import GoldDocument, examples, gold_documents

NONE = learned.NONE


@dataclass
class Tally:
    """Counts for one scorer (model or baseline) over some sentences."""

    typed_right: int = 0  # event sentences whose predicted label is an accepted type
    events: int = 0  # event sentences (gold)
    predicted_events: int = 0
    detected: int = 0  # event sentences predicted as some event (any type)
    nones: int = 0
    predicted_nones: int = 0
    none_right: int = 0
    confusion: Counter = field(default_factory=Counter)

    def add(self, predicted: str, label: str, accepted: frozenset[str]) -> None:
        gold_event = label != NONE
        self.events += gold_event
        self.nones += not gold_event
        self.predicted_events += predicted != NONE
        self.predicted_nones += predicted == NONE
        if gold_event:
            self.detected += predicted != NONE
            ok = predicted in accepted
            self.typed_right += ok
            if not ok:
                self.confusion[(label, predicted)] += 1
        else:
            self.none_right += predicted == NONE
            if predicted != NONE:
                self.confusion[(NONE, predicted)] += 1

    def merge(self, other: Tally) -> None:
        for name in ("typed_right", "events", "predicted_events", "detected", "nones", "predicted_nones",
                     "none_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.confusion.update(other.confusion)

    @property
    def type_accuracy(self) -> float:
        return self.typed_right / self.events if self.events else 0.0

    @property
    def detection(self) -> tuple[float, float, float]:
        p = self.detected / self.predicted_events if self.predicted_events else 0.0
        r = self.detected / self.events if self.events else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def none_pr(self) -> tuple[float, float]:
        p = self.none_right / self.predicted_nones if self.predicted_nones else 0.0
        r = self.none_right / self.nones if self.nones else 0.0
        return p, r

    def line(self) -> str:
        p, r, f = self.detection
        npr, nre = self.none_pr
        return (f"type_acc={self.type_accuracy:.3f} ({self.typed_right}/{self.events}) "
                f"detect P={p:.3f} R={r:.3f} F1={f:.3f} none P={npr:.3f} R={nre:.3f} (n={self.nones})")


def keyword_labels(docs: list[GoldDocument]) -> dict[str, list[str]]:
    """frontline's rule-based typer on every sentence (no training, so no leakage)."""
    from frontline.events.classify import classify_text

    return {d.name: [classify_text(s.text) or NONE for s in d.sentences] for d in docs}


def run_folds(docs: list[GoldDocument], tmp: Path, epochs: int, arch: str) -> tuple[dict[str, Path], list[float]]:
    """Train one model per held-out document; returns the model folders and training seconds."""
    folders, seconds = {}, []
    for held in docs:
        train = examples([d for d in docs if d is not held])
        report = learned.train(train, tmp / f"fold-{len(folders):02d}", epochs=epochs, arch=arch)
        folders[held.name] = report.out
        seconds.append(report.seconds)
    return folders, seconds


def sentence_figures(docs: list[GoldDocument], folders: dict[str, Path], with_keywords: bool) -> float:
    model, majority, keyword = Tally(), Tally(), Tally()
    kw = keyword_labels(docs) if with_keywords else {}
    confident: list[tuple[float, bool]] = []  # (winning probability, right) for every held-out sentence
    print("per fold (held-out document: its sentences scored by a model trained on the other documents)")
    for held in docs:
        train_labels = Counter(s.label for d in docs if d is not held for s in d.sentences)
        major = train_labels.most_common(1)[0][0]
        fold, fold_major, fold_kw = Tally(), Tally(), Tally()
        scores = learned.predict([s.text for s in held.sentences], folders[held.name])
        for i, (s, sc) in enumerate(zip(held.sentences, scores, strict=True)):
            best = max(sc, key=sc.__getitem__)
            fold.add(best, s.label, s.accepted)
            confident.append((sc[best], best in s.accepted or best == s.label == NONE))
            fold_major.add(major, s.label, s.accepted)
            if kw:
                fold_kw.add(kw[held.name][i], s.label, s.accepted)
        print(f"  {held.name[:60]:60} n={len(held.sentences):3} model {fold.line()}")
        model.merge(fold)
        majority.merge(fold_major)
        keyword.merge(fold_kw)
    print()
    print("pooled over all held-out sentences (LEAVE-ONE-DOCUMENT-OUT: no document scored by a model trained on it)")
    print(f"  model              {model.line()}")
    print(f"  majority baseline  {majority.line()}  [label of the training folds' majority]")
    if kw:
        print(f"  keyword baseline   {keyword.line()}  [frontline.events.classify rules, untrained]")
    print("  model label right (an accepted type, or none on a none sentence) when its probability is at least:")
    for t in (0.0, 0.3, 0.5, 0.7):
        kept = [ok for p, ok in confident if p >= t]
        print(f"    p>={t:.1f}: {sum(kept) / max(len(kept), 1):.3f} of {len(kept)} sentences "
              f"({len(kept) / max(len(confident), 1):.0%} of all)")
    print("  most common model errors (gold -> predicted):")
    for (gold, pred), n in model.confusion.most_common(10):
        print(f"    {gold:22} -> {pred:22} {n}")
    return model.type_accuracy, model.detection[2]


def pipeline_figures(docs: list[GoldDocument], folders: dict[str, Path], golds: list[Path], tmp: Path) -> None:
    """The whole pipeline per fold with that fold's model, scored by the shared scorer."""
    from frontline.evaluation import find_scorer
    from frontline.exports import write_events
    from frontline.ingest import ingest_paths, rebuild_events
    from frontline.store import Store

    events = tmp / "loo-events.jsonl"
    with events.open("w", encoding="utf-8") as out:
        for n, held in enumerate(docs):
            os.environ[learned.ENV_VAR] = str(folders[held.name])
            store = Store(str(tmp / f"fold-{n:02d}.db"))
            outcome = ingest_paths(store, [held.text_path], published=held.published, source=held.source,
                                   rebuild=False)[0]
            if outcome.error:
                sys.exit(f"loo_types: {outcome.error}")
            rebuild_events(store)
            write_events(store.iter_events(), out)
    os.environ.pop(learned.ENV_VAR, None)
    print("\n--pipeline: each document run through the whole pipeline with its fold's model "
          "(leave-one-document-out), all folds' events scored together")
    for gold in golds:
        scorer = find_scorer(gold.resolve())
        if scorer is None:
            print(f"  {gold}: no eval/score.py near it")
            continue
        run = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--events", str(events)],
                             capture_output=True, text=True, check=False)
        print(f"  score.py --gold {gold} (LOO pipeline):")
        for line in (run.stdout.strip().splitlines() or [run.stderr.strip()])[-3:]:
            print(f"    {line}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared")
    ap.add_argument("--pipeline", action="store_true", help="also run the whole pipeline per fold and score it")
    ap.add_argument("--no-keywords", action="store_true", help="skip the (slower) keyword baseline")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--arch", default="bow", help="bow (the packaged model's), ensemble or cnn")
    args = ap.parse_args()
    golds = [args.shared / "gold" / "dev", args.shared / "gold" / "guardian"]
    missing = [str(g) for g in golds if not g.is_dir()]
    if missing:
        print(f"loo_types: skipped, gold not found ({', '.join(missing)}); clone ../shared next to the repo")
        return 0
    docs = gold_documents(golds)
    labels = Counter(s.label for d in docs for s in d.sentences)
    print(f"gold: {len(docs)} documents, {sum(labels.values())} sentences "
          f"({labels[NONE]} none, {sum(labels.values()) - labels[NONE]} with a gold event); headlines kept")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        start = time.perf_counter()
        folders, seconds = run_folds(docs, tmp, args.epochs, args.arch)
        print(f"trained {len(folders)} fold models in {time.perf_counter() - start:.1f}s "
              f"(mean {sum(seconds) / len(seconds):.1f}s each, {args.epochs} epochs, {args.arch})\n")
        accuracy, f1 = sentence_figures(docs, folders, not args.no_keywords)
        if args.pipeline:
            pipeline_figures(docs, folders, golds, tmp)
    print(f"loo_type_accuracy={accuracy:.3f} loo_event_detection_f1={f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
