"""Train the same-event pair scorer (events/pairs.py) from gold files.

For every document a gold folder annotates: extract mentions with the rest of the
pipeline, find the gold events each mention's sentence is evidence of, and turn every
pair of located mentions into an example (same gold event or not). A logistic regression
with an L2 penalty is fitted with scipy's L-BFGS. Gold text never enters the model file:
only the feature weights do.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from frontline.events.pairs import FEATURES, pair_features, save_model
from frontline.models import EventMention

L2 = 1.0
MAX_DISTANCE = 40  # sentences: farther pairs are left to the hand rules (and are rarely one event)


@dataclass
class GoldDoc:
    name: str
    mentions: list[EventMention]
    labels: list[frozenset[str]]  # the gold events each mention's sentence is evidence of


def _scorer(gold_dir: Path):
    from frontline.evaluation import find_scorer

    path = find_scorer(gold_dir.resolve())
    if path is None:
        raise FileNotFoundError(f"no eval/score.py near {gold_dir}")
    spec = importlib.util.spec_from_file_location("frontline_gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_gold_docs(gold_dirs: Iterable[Path], exclude: Iterable[str] = ()) -> list[GoldDoc]:
    """Mentions of every gold-annotated document, with the gold events each one is evidence of."""
    from frontline.evaluation import find_document
    from frontline.ingest import process
    from frontline.readers import read_path

    skip = set(exclude)
    docs = []
    for gold_dir in gold_dirs:
        score = _scorer(gold_dir)
        for f in sorted(gold_dir.glob("*.toml")):
            meta = tomllib.loads(f.read_text("utf-8"))
            if meta["document"] in skip or f.stem in skip:
                continue
            path = find_document(gold_dir.resolve(), meta["document"])
            if path is None:
                raise FileNotFoundError(f"{f.name}: document {meta['document']} not found")
            published = meta.get("published")
            events = [(e["id"], [score.norm(p) for p in e.get("evidence", [])]) for e in meta.get("event", [])]
            mentions: list[EventMention] = []
            for doc in read_path(path, published=published if isinstance(published, dt.date) else None,
                                 source=meta.get("source")):
                mentions.extend(process(doc)[1])
            labels = [frozenset(gid for gid, phrases in events if score.hits(phrases, [score.norm(m.evidence.text)]))
                      for m in mentions]
            docs.append(GoldDoc(meta["document"], mentions, labels))
    return docs


def examples(docs: list[GoldDoc]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of mentions that both cite gold events: same event (1) or not (0)."""
    from frontline.events.pairs import _index

    rows, ys = [], []
    for d in docs:
        located = [(m, g) for m, g in zip(d.mentions, d.labels, strict=True) if g]
        for i, (a, ga) in enumerate(located):
            for b, gb in located[i + 1:]:
                if a.sentence_key == b.sentence_key or abs(_index(a) - _index(b)) > MAX_DISTANCE:
                    continue
                rows.append(pair_features(a, b))
                ys.append(1.0 if ga & gb else 0.0)
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES)), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[list[float], float]:
    """L2-penalised logistic regression (scipy L-BFGS), features standardised for the fit."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    n, k = z.shape
    pos = max(y.mean(), 1e-6)
    weight = np.where(y > 0, 0.5 / pos, 0.5 / max(1 - pos, 1e-6))  # balance the rare positives

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = params[:k], params[k]
        s = z @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(s, -30, 30)))
        eps = 1e-12
        value = -np.sum(weight * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) / n + L2 * w @ w / (2 * n)
        grad_s = weight * (p - y) / n
        return value, np.concatenate([z.T @ grad_s + L2 * w / n, [grad_s.sum()]])

    result = minimize(loss, np.zeros(k + 1), jac=True, method="L-BFGS-B")
    w, b = result.x[:k], result.x[k]
    # back to the raw feature scale, so that inference is one dot product
    raw_w = w / std
    raw_b = b - float(np.sum(w * mean / std))
    return [float(v) for v in raw_w], float(raw_b)


def train(gold_dirs: list[Path], out: Path, exclude: Iterable[str] = (), threshold: float = 0.5) -> dict:
    docs = load_gold_docs(gold_dirs, exclude)
    x, y = examples(docs)
    if len(y) == 0 or y.min() == y.max():
        raise ValueError("not enough gold pairs to learn from")
    weights, bias = fit(x, y)
    meta = {"trained_on": [d.name for d in docs], "pairs": int(len(y)), "positives": int(y.sum())}
    save_model(out, weights, bias, threshold, meta)
    return meta
