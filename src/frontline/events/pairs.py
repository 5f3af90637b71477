"""Do two mentions of one document tell the same real-world event? A small learned scorer.

Hand rules decide what can never merge (two towns, two dates, a party both asserting and
denying); within what may merge, this logistic model weighs the positive evidence (the
same words, the same place or speaker, sentences close together, one post) the way the
annotated reports do. Its weights are data (data/models/merge_pairs.json), trained by
`frontline train merge` on gold files and measured leave-one-document-out
(bench/loo_merge.py). Without a model file the hand-written affinities in merge.py apply.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontline.events.similarity import proper_names, speaker_identity, text_overlap
from frontline.models import EventMention

ENV_VAR = "FRONTLINE_PAIR_MODEL"
VIOLENCE = {"territory.capture", "territory.withdrawal", "offensive", "clash", "strike", "casualties"}
DIPLOMACY = {"meeting", "call", "agreement", "aid", "sanctions", "statement"}

FEATURES = (
    "same_type", "both_statement", "one_statement", "same_family", "same_block", "same_post",
    "distance_log", "adjacent", "overlap", "shared_names", "same_town", "same_area", "one_unplaced",
    "same_voice", "both_sourced", "same_day", "both_dated", "one_supporting", "one_other",
)


def _index(m: EventMention) -> int:
    tail = m.sentence_key.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else m.evidence.start // 200


def _family(t: str) -> str:
    return "violence" if t in VIOLENCE else "diplomacy" if t in DIPLOMACY else t


def pair_features(a: EventMention, b: EventMention) -> list[float]:
    """Evidence that two mentions of one document tell one event, as numbers."""
    la, lb = a.location, b.location
    same_area = la is not None and lb is not None and la.gazetteer_id == lb.gazetteer_id and la.precision != "country"
    distance = abs(_index(a) - _index(b))
    voice_a = speaker_identity(a.sources[0][0]) if a.sources else ""
    voice_b = speaker_identity(b.sources[0][0]) if b.sources else ""
    da, db = a.date, b.date
    same_day = da is not None and db is not None and abs((da.start - db.start).days) <= 1
    return [
        float(a.type == b.type),
        float(a.type == b.type == "statement"),
        float((a.type == "statement") != (b.type == "statement")),
        float(_family(a.type) == _family(b.type)),
        float(bool(a.block) and a.block == b.block),
        float(a.evidence.post == b.evidence.post),
        math.log1p(distance),
        float(distance <= 1),
        text_overlap(a.evidence.text, b.evidence.text),
        min(3.0, float(len(proper_names(a.evidence.text) & proper_names(b.evidence.text)))),
        float(same_area and la.precision == "place"),
        float(same_area),
        float((la is None) != (lb is None)),
        float(bool(voice_a) and voice_a == voice_b),
        float(bool(voice_a) and bool(voice_b)),
        float(same_day),
        float(a.date_weight >= 2 and b.date_weight >= 2),
        float(a.supporting or b.supporting),
        float("other" in (a.type, b.type)),
    ]


@dataclass(frozen=True)
class PairModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, a: EventMention, b: EventMention) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, pair_features(a, b), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def packaged_model_path() -> Path:
    return Path(str(resources.files("frontline.data").joinpath("models", "merge_pairs.json")))


@lru_cache(maxsize=8)
def _load(path: str) -> PairModel | None:
    p = Path(path)
    if not p.is_file():
        return None
    raw = json.loads(p.read_text("utf-8"))
    if tuple(raw.get("features", ())) != FEATURES:
        return None  # trained on other features: retrain with `frontline train merge`
    return PairModel(tuple(raw["weights"]), float(raw["bias"]), float(raw.get("threshold", 0.5)))


def pair_model() -> PairModel | None:
    """The model FRONTLINE_PAIR_MODEL names ('none' for none), else the packaged one."""
    override = os.environ.get(ENV_VAR)
    if override is not None:
        return None if override.lower() in ("", "none", "off") else _load(override)
    return _load(str(packaged_model_path()))


def save_model(path: Path, weights: list[float], bias: float, threshold: float, meta: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"features": list(FEATURES), "weights": weights, "bias": bias,
                                "threshold": threshold, **meta}, indent=1) + "\n", "utf-8")
