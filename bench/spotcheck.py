"""A spot-check sheet: N events drawn at random (fixed seed) from a whole corpus, for a human to judge.

    python bench/spotcheck.py ../shared/data/guardian-2022 [--n 30] [--seed 8] [--out spotcheck.md]
    python bench/spotcheck.py --db existing.db [--n 30] [--seed 8]

Ingests the folder with `frontline ingest` (publication dates from its index.tsv) into a temp
database, or reads the events of an existing --db, draws N of them with the seed, and writes a
markdown sheet: type, status, date, place, actors, sources, summary and every evidence sentence
with its document, then an empty "verdict:" line to fill in. Gold figures measure what was
annotated; this sheet measures what a user of the whole corpus sees.
"""

from __future__ import annotations

import argparse
import html
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from frontline.serialize import event_to_export
from frontline.store import Store


def _md(text: object) -> str:
    """Article text is hostile: no HTML, links or layout of its own reaches the sheet."""
    flat = " ".join(str(text).split())
    return html.escape(flat, quote=False).replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")


def _date(d: dict | None) -> str:
    if not d:
        return "(none)"
    span = d["start"] if d["start"] == d["end"] else f"{d['start']} .. {d['end']}"
    return f"{span} ({d.get('precision')}, {d.get('basis')})"


def _place(loc: dict | None) -> str:
    if not loc:
        return "(none)"
    parts = [loc.get("name"), loc.get("admin1"), loc.get("country")]
    where = ", ".join(_md(p) for p in parts if p)
    return f"{where} ({loc.get('precision')}; {loc.get('lat'):.3f}, {loc.get('lon'):.3f})"


def _names(items: list[dict]) -> str:
    return "; ".join(_md(i.get("name", "")) for i in items) or "(none)"


def sheet(events: list[dict], total: int, seed: int, origin: str) -> str:
    lines = [f"# Spot check: {len(events)} of {total} events, drawn with seed {seed}", "",
             f"Events from {_md(origin)}. For each, write a verdict: `right`, or what is wrong "
             "(not an event / wrong type / wrong place / wrong date / wrong status / wrong sources / merged "
             "unrelated mentions).", ""]
    for n, e in enumerate(events, 1):
        lines += [f"## {n}. {e['type']} ({e['status']})", "",
                  f"- date: {_date(e.get('date'))}",
                  f"- place: {_place(e.get('location'))}",
                  f"- actors: {_names(e.get('actors') or [])}",
                  f"- sources: {_names(e.get('sources') or [])}",
                  f"- summary: {_md(e.get('summary', ''))}",
                  f"- id: `{e['id']}`",
                  "- evidence:"]
        for ev in e.get("evidence") or []:
            lines.append(f"  - *{_md(ev.get('document', ''))}*: {_md(ev.get('text', ''))}")
        lines += ["", "verdict:", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, help="corpus folder to ingest (with its index.tsv)")
    ap.add_argument("--db", help="read events from this database instead of ingesting")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--source", help="publisher name for the ingested documents")
    ap.add_argument("--out", type=Path, default=Path("spotcheck.md"))
    args = ap.parse_args(argv)
    if args.db is None and args.folder is None:
        ap.error("give a corpus folder or --db")
    if args.db is None and not args.folder.is_dir():
        print(f"spotcheck: skipped, {args.folder} not found (the Guardian corpus lives in ../shared/data)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "spotcheck.db")
        if args.db is None:
            frontline = Path(sys.executable).with_name("frontline")
            cmd = [str(frontline), "ingest", str(args.folder), "--db", db]
            if args.source:
                cmd += ["--source", args.source]
            start = time.perf_counter()
            run = subprocess.run(cmd, capture_output=True, text=True, check=False)
            tail = (run.stderr.strip().splitlines() or ["?"])[-1]
            print(f"ingested {args.folder} in {time.perf_counter() - start:.0f}s: {tail}")
            if run.returncode not in (0, 1):  # 1 = some files refused, the others ingested
                print(run.stderr[-2000:], file=sys.stderr)
                return run.returncode
        events = sorted((event_to_export(e) for e in Store(db).iter_events()), key=lambda e: e["id"])
        origin = str(args.folder) if args.db is None else args.db
    drawn = random.Random(args.seed).sample(events, min(args.n, len(events)))
    args.out.write_text(sheet(drawn, len(events), args.seed, origin) + "\n", encoding="utf-8")
    print(f"spotcheck: {len(drawn)} of {len(events)} events (seed {args.seed}) written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
