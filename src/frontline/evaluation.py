"""`frontline eval`: reproduce the dev-gold figures in one command."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from frontline.exports import write_events, write_posts
from frontline.ingest import ingest_paths, rebuild_events
from frontline.store import Store


def find_scorer(gold: Path) -> Path | None:
    """score.py lives beside the gold folder in the shared layout (gold/dev -> eval/score.py)."""
    for base in (gold, *gold.parents):
        candidate = base / "eval" / "score.py"
        if candidate.is_file():
            return candidate
    return None


def find_document(gold: Path, name: str) -> Path | None:
    """The shared layout keeps texts in seeds/, data/ or one corpus folder under data/."""
    for base in (gold, *gold.parents):
        for folder in ("seeds", "data", "."):
            candidate = base / folder / name
            if candidate.is_file():
                return candidate
        data = base / "data"
        if data.is_dir():
            for corpus in sorted(p for p in data.iterdir() if p.is_dir()):
                candidate = corpus / name
                if candidate.is_file():
                    return candidate
    return None


def run_eval(gold: Path, verbose: bool = True) -> int:
    files = sorted(gold.glob("*.toml")) if gold.is_dir() else [gold]
    if not files:
        print(f"frontline eval: no gold .toml files in {gold}", file=sys.stderr)
        return 2
    scorer = find_scorer(gold.resolve())
    if scorer is None:
        print(f"frontline eval: cannot find eval/score.py near {gold}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "eval.db"))
        for f in files:
            meta = tomllib.loads(f.read_text("utf-8"))
            doc = find_document(gold.resolve(), meta["document"])
            if doc is None:
                print(f"frontline eval: {f.name}: document {meta['document']} not found", file=sys.stderr)
                return 2
            published = meta.get("published")
            day = published if isinstance(published, dt.date) else None
            outcome = ingest_paths(store, [doc], published=day, source=meta.get("source"), rebuild=False)[0]
            if outcome.error:
                print(f"frontline eval: {outcome.error}", file=sys.stderr)
                return 1
        rebuild_events(store)
        events, posts = Path(tmp) / "events.jsonl", Path(tmp) / "posts.jsonl"
        with events.open("w", encoding="utf-8") as fh:
            write_events(store.iter_events(), fh)
        with posts.open("w", encoding="utf-8") as fh:
            write_posts(store.iter_posts(), fh)
        cmd = [sys.executable, str(scorer), "--gold", str(gold), "--events", str(events), "--posts", str(posts)]
        if verbose:
            cmd.append("-v")
        return subprocess.run(cmd, check=False).returncode
