"""A learned sentence typer: probabilities over the SPEC event types (plus "none") for one sentence.

Hand-written triggers miss whole phrasings of war news; a small bag-of-words text classifier
trained on the annotated gold sentences scores every sentence, so extraction can use it as a
second opinion (to find events no trigger catches, or to reject a trigger that fired on a
sentence that states no event). The model is a spaCy `textcat` (exclusive classes) over hashed
words (lower case): about 1 MB, a fraction of a millisecond per sentence, trained in seconds.

`type_scores` is the one entry point extraction calls. It returns None when no model is
installed, so everything keeps working without one.
"""

from __future__ import annotations

import functools
import json
import os
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# SPEC section 2, in its order; "none" = the sentence states no event.
EVENT_TYPES: tuple[str, ...] = (
    "territory.capture", "territory.withdrawal", "offensive", "clash", "strike", "casualties", "prisoners",
    "meeting", "call", "statement", "agreement", "aid", "sanctions", "mobilization", "other",
)
NONE = "none"
LABELS: tuple[str, ...] = (*EVENT_TYPES, NONE)

ENV_VAR = "FRONTLINE_TYPE_MODEL"
PACKAGED = Path(__file__).resolve().parent.parent / "data" / "models" / "event_types"
MAX_CHARS = 2000  # a sentence longer than this is cut: hostile input must stay linear and cheap
META_FILE = "frontline_meta.json"

# The hashed word table: 2**14 rows x 16 labels x 4 bytes = 1 MB of weights on disk. Unigrams, lower case, rare
# labels repeated and 4 epochs measured best under leave-one-document-out (bench/loo_types.py: bigrams, more
# epochs and a CNN ensemble overfit 605 sentences; without repeats "statement" wins 72% of corpus sentences).
BOW_LENGTH = 2**14
NGRAM_SIZE = 1
BALANCE = True


@dataclass
class TrainReport:
    """What `train` did, for the command's one-line summary."""

    out: Path
    examples: int
    labels: dict[str, int]
    epochs: int
    seconds: float


def model_dir() -> Path:
    """$FRONTLINE_TYPE_MODEL when set, else the model packaged with frontline."""
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else PACKAGED


def type_scores(text: str) -> dict[str, float] | None:
    """Probability of each SPEC event type and of "none" for one sentence; None without a model."""
    nlp = _load(str(model_dir()))
    if nlp is None:
        return None
    prepared = _prepare(text)
    if not prepared:
        return {label: float(label == NONE) for label in LABELS}  # nothing said, no event
    doc = nlp(prepared)
    return {label: float(doc.cats.get(label, 0.0)) for label in LABELS}


def best_type(text: str) -> tuple[str, float] | None:
    """The most probable label and its probability, or None without a model."""
    scores = type_scores(text)
    if scores is None:
        return None
    label = max(scores, key=scores.__getitem__)
    return label, scores[label]


def _prepare(text: str) -> str:
    # Lower case: the hashed features are word forms (ORTH); casing would split the few examples.
    return " ".join(text[:MAX_CHARS].split()).lower()


@functools.lru_cache(maxsize=8)
def _load(path: str):
    """Load once per directory (LOO folds point FRONTLINE_TYPE_MODEL at several)."""
    folder = Path(path)
    if not (folder / "config.cfg").is_file():
        return None
    import spacy

    try:
        return spacy.load(folder)
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"frontline: cannot load the event-type model in {folder}: {exc}") from None


def clear_cache() -> None:
    """Forget loaded models (after retraining into the same directory)."""
    _load.cache_clear()


def _tok2vec(width: int = 64) -> dict:
    """A small CNN over hashed word shapes and affixes: sub-word evidence the BOW model lacks."""
    return {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 2500],
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": 2,
                   "window_size": 1, "maxout_pieces": 3},
    }


def architecture(name: str) -> dict:
    """The textcat model config: "bow" (hashed n-grams, the default) or "ensemble" (BOW + small CNN)."""
    bow = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": NGRAM_SIZE,
           "no_output_layer": False, "length": BOW_LENGTH}
    if name == "bow":
        return bow
    if name == "ensemble":
        return {"@architectures": "spacy.TextCatEnsemble.v2", "tok2vec": _tok2vec(), "linear_model": bow}
    if name == "cnn":
        return {"@architectures": "spacy.TextCatReduce.v1", "exclusive_classes": True, "use_reduce_first": False,
                "use_reduce_last": False, "use_reduce_max": True, "use_reduce_mean": True, "tok2vec": _tok2vec()}
    raise ValueError(f"unknown architecture {name!r}: use bow, ensemble or cnn")


def _blank(arch: str = "bow"):
    import spacy

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"threshold": 0.0, "model": architecture(arch)})
    for label in LABELS:
        textcat.add_label(label)
    return nlp


def train(examples: Sequence[tuple[str, str]], out: Path, *, epochs: int = 4, seed: int = 8,
          dropout: float = 0.2, batch_size: int = 16, arch: str = "bow", balance: bool = BALANCE) -> TrainReport:
    """Train on (sentence, label) pairs and write a spaCy model directory to `out`.

    Deterministic: the same examples and seed give the same weights. Every label of LABELS is
    in the model even if the examples lack it, so `type_scores` always returns the full set.
    """
    import spacy
    from spacy.training import Example

    started = time.perf_counter()
    unknown = sorted({label for _, label in examples} - set(LABELS))
    if unknown:
        raise ValueError(f"unknown labels {unknown}: use the SPEC types or {NONE!r}")
    if not examples:
        raise ValueError("no training examples")
    spacy.util.fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = _blank(arch)
    data = [Example.from_dict(nlp.make_doc(_prepare(text)), {"cats": _cats(label)}) for text, label in examples]
    optimizer = nlp.initialize(lambda: data)
    order = list(range(len(data)))
    if balance:
        order = _balanced(order, [label for _, label in examples])
    for _ in range(epochs):
        rng.shuffle(order)
        for i in range(0, len(order), batch_size):
            nlp.update([data[j] for j in order[i:i + batch_size]], sgd=optimizer, drop=dropout)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    # The string store lists every word form seen in training; the hashed features need none of
    # them, so the blank pipeline's strings are written instead (no article words in the model).
    _blank().vocab.strings.to_disk(out / "vocab" / "strings.json")
    counts = {label: 0 for label in LABELS}
    for _, label in examples:
        counts[label] += 1
    # No example text is written: only counts, so no article text reaches the repository.
    meta = {"labels": counts, "epochs": epochs, "seed": seed, "arch": arch, "balance": balance,
            "bow_length": BOW_LENGTH, "ngram_size": NGRAM_SIZE}
    (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    _load.cache_clear()
    return TrainReport(out=out, examples=len(examples), labels=counts, epochs=epochs,
                       seconds=time.perf_counter() - started)


def _balanced(order: list[int], labels: list[str]) -> list[int]:
    """Repeat examples of rare labels sqrt(largest/own count) times, so the prior of "statement"
    does not drown the rare types (a capture is as much an event as a statement)."""
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    top = max(counts.values())
    return [i for i in order for _ in range(max(1, round((top / counts[labels[i]]) ** 0.5)))]


def _cats(label: str) -> dict[str, float]:
    return {x: 1.0 if x == label else 0.0 for x in LABELS}


def predict(texts: Iterable[str], folder: Path) -> list[dict[str, float]]:
    """Scores of many sentences with the model in `folder` (for evaluation; extraction uses type_scores)."""
    nlp = _load(str(folder))
    if nlp is None:
        raise FileNotFoundError(f"no event-type model in {folder}")
    return [{label: float(doc.cats.get(label, 0.0)) for label in LABELS}
            for doc in nlp.pipe(_prepare(t) for t in texts)]
