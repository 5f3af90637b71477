"""Training data for the learned event typer: gold documents (SPEC section 7) -> labelled sentences.

A sentence of a gold document that contains an evidence phrase of a gold event is labelled
with that event's preferred (first) type; every other sentence is labelled "none". Sentences
come from frontline's own reading and cleaning, exactly as extraction sees them. Phrase
matching uses the scorer's own `norm` (quotes, dashes, spaces, case), imported from
eval/score.py at run time so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from frontline.cleaning import clean_document
from frontline.evaluation import find_document, find_scorer
from frontline.events.learned import NONE
from frontline.readers import read_path


@dataclass
class LabelledSentence:
    text: str
    label: str  # the training label: the first type of the first matching event, or "none"
    accepted: frozenset[str]  # every type a matching gold event accepts (empty for "none")
    is_headline: bool = False


@dataclass
class GoldDocument:
    name: str  # the gold's `document` (a file name)
    gold_file: Path
    text_path: Path
    published: dt.date | None
    source: str | None
    sentences: list[LabelledSentence] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # evidence phrases found in no sentence


class GoldError(Exception):
    """A gold folder that cannot be used, with a one-line reason."""


def load_norm(gold: Path) -> Callable[[str], str]:
    """The scorer's `norm` from eval/score.py beside the gold folder."""
    scorer = find_scorer(gold.resolve())
    if scorer is None:
        raise GoldError(f"{gold}: cannot find eval/score.py near it (its `norm` defines phrase matching)")
    spec = importlib.util.spec_from_file_location("_frontline_gold_scorer", scorer)
    if spec is None or spec.loader is None:
        raise GoldError(f"{scorer}: cannot import")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.norm


def gold_documents(golds: Iterable[Path], exclude: Iterable[str] = ()) -> list[GoldDocument]:
    """Every gold document of the folders (minus `exclude`, by document or gold file name), labelled."""
    skip = {Path(x).name for x in exclude} | {Path(x).stem for x in exclude}
    out: list[GoldDocument] = []
    for gold in golds:
        files = sorted(gold.glob("*.toml")) if gold.is_dir() else [gold]
        if not files:
            raise GoldError(f"{gold}: no gold .toml files")
        norm = load_norm(gold)
        for f in files:
            try:
                meta = tomllib.loads(f.read_text("utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise GoldError(f"{f}: not readable TOML ({exc})") from None
            name = str(meta.get("document", ""))
            if not name:
                raise GoldError(f"{f}: no `document`")
            if {Path(name).name, Path(name).stem, f.name, f.stem} & skip:
                continue
            path = find_document(gold.resolve(), name)
            if path is None:
                raise GoldError(f"{f}: document {name} not found")
            published = meta.get("published")
            day = published if isinstance(published, dt.date) else None
            doc = GoldDocument(name=Path(name).name, gold_file=f, text_path=path, published=day,
                               source=meta.get("source"))
            _label(doc, meta.get("event", []), norm)
            out.append(doc)
    return out


def _label(doc: GoldDocument, events: list[dict], norm: Callable[[str], str]) -> None:
    sentences = [s for d in read_path(doc.text_path, published=doc.published, source=doc.source)
                 for p in clean_document(d).posts for s in p.sentences]
    normed = [norm(s.text) for s in sentences]
    # Required events first: a sentence that states two events is taught the required one.
    ordered = sorted(events, key=lambda e: bool(e.get("optional", False)))
    labels: list[str | None] = [None] * len(sentences)
    accepted: list[set[str]] = [set() for _ in sentences]
    for event in ordered:
        types = [str(t) for t in event.get("types", [])]
        if not types:
            continue
        for phrase in (norm(p) for p in event.get("evidence", [])):
            found = [i for i, t in enumerate(normed) if phrase in t]
            if not found:
                # A phrase that runs across a sentence boundary: the sentences wholly inside it.
                found = [i for i, t in enumerate(normed) if len(t) >= 25 and t in phrase]
            if not found:
                doc.unmatched.append(phrase)
            for i in found:
                accepted[i].update(types)
                if labels[i] is None:
                    labels[i] = types[0]
    doc.sentences = [LabelledSentence(s.text, labels[i] or NONE, frozenset(accepted[i]), s.is_headline)
                     for i, s in enumerate(sentences)]


def examples(docs: Iterable[GoldDocument], headlines: bool = True) -> list[tuple[str, str]]:
    """(sentence, label) pairs for `learned.train`."""
    return [(s.text, s.label) for d in docs for s in d.sentences if headlines or not s.is_headline]
