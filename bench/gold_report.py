"""Why each gold event is missed or wrong: a development report over a gold folder.

    python bench/gold_report.py ../shared/gold/guardian [--only missed|wrong] [--doc SUBSTRING]

For every required gold event: the system event that matched it and each attribute that
is wrong (with the value given and the value wanted), or, when missed, the sentences that
hold its evidence phrases and the mentions extracted from them before merging. It uses
the same matching as ../shared/eval/score.py (imported from there).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
import tempfile
from pathlib import Path

from frontline.evaluation import find_document, find_scorer
from frontline.ingest import ingest_paths, rebuild_events
from frontline.serialize import event_to_export
from frontline.store import Store


def load_scorer(gold: Path):
    path = find_scorer(gold.resolve())
    if path is None:
        sys.exit(f"gold_report: no eval/score.py near {gold}")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--only", choices=["missed", "wrong", "dup"])
    ap.add_argument("--doc", default="")
    ap.add_argument("--mentions", action="store_true", help="list the mentions behind each wrong event")
    args = ap.parse_args()
    score = load_scorer(args.gold)
    gold = score.load_gold(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "r.db"))
        for name, g in sorted(gold.items()):
            if args.doc not in name:
                continue
            doc = find_document(args.gold.resolve(), g["document"])
            pub = g.get("published")
            ingest_paths(store, [doc], published=pub if isinstance(pub, dt.date) else None,
                         source=g.get("source"), rebuild=False)
        rebuild_events(store)
        events = [event_to_export(e) for e in store.iter_events()]
        mentions = store.all_mentions()
    for name, g in sorted(gold.items()):
        if args.doc not in name:
            continue
        print(f"=== {name}")
        cites = [(e, score.evidence_by_doc(e).get(name)) for e in events]
        cites = [(e, t) for e, t in cites if t]
        used = set()
        for ge in g.get("event", []):
            if ge.get("optional"):
                continue
            found = [(e, t) for e, t in cites if score.hits(ge["_phrases"], t) and e["id"] not in used]
            found.sort(key=lambda p: p[0].get("type") not in ge.get("types", []))
            if found:
                e = found[0][0]
                used.add(e["id"])
                for other, _texts in found[1:]:
                    if args.only in (None, "dup"):
                        print(f"  DUP {ge['id']}: {other['type']} src={[s['name'] for s in other['sources']]}"
                              f" :: {other['evidence'][0]['text'][:100]}  || first: {e['evidence'][0]['text'][:60]}")
                attrs = score.attributes(e, ge)
                bad = [k for k, ok in attrs.items() if not ok]
                if args.only in ("missed", "dup") or (args.only == "wrong" and not bad):
                    continue
                print(f"  {'OK ' if not bad else 'BAD'} {ge['id']}: {e['type']}/{e['status']} {e['summary'][:70]}")
                for k in bad:
                    want = {"type": ge.get("types"), "status": ge.get("status"), "date": ge.get("date"),
                            "location": (ge.get("location") or {}).get("name"), "source": ge.get("sources"),
                            "actor": ge.get("actors")}[k]
                    have = {"type": e["type"], "status": e["status"], "date": e.get("date"),
                            "location": (e.get("location") or {}).get("name"), "source": e.get("sources"),
                            "actor": e.get("actors")}[k]
                    print(f"        {k}: have {have}  want {want}")
                if bad and args.mentions:
                    texts = {score.norm(ev["text"]) for ev in e["evidence"]}
                    for m in mentions:
                        if m.evidence.document == name and score.norm(m.evidence.text) in texts:
                            hit = "*" if score.hits(ge["_phrases"], [score.norm(m.evidence.text)]) else " "
                            where = m.location.name if m.location else None
                            when = m.date.start if m.date else None
                            print(f"       {hit}m {m.type}/{m.status} at={where} src={[s[0] for s in m.sources]}"
                                  f" d={when} :: {m.evidence.text[:80]}")
            elif args.only not in ("wrong", "dup"):
                print(f"  MISS {ge['id']} ({'/'.join(ge.get('types', []))})")
                for m in mentions:
                    if m.evidence.document == name and score.hits(ge["_phrases"], [score.norm(m.evidence.text)]):
                        print(f"        mention {m.type}/{m.status} src={m.sources} :: {m.evidence.text[:90]}")
                for phrase in ge["_phrases"][:2]:
                    print(f"        phrase: {phrase[:100]}")


if __name__ == "__main__":
    main()
