"""`frontline annotate`: what the language layer understood, sentence by sentence."""

from __future__ import annotations

import json
from typing import TextIO

from frontline.cleaning import clean_document
from frontline.language import annotate_document
from frontline.models import Document, SentenceAnnotation
from frontline.serialize import to_jsonable


def annotation_record(ann: SentenceAnnotation) -> dict:
    s = ann.sentence
    return {
        "document": s.doc_id, "post": s.post_id, "sentence": s.index, "text": s.text,
        "start": s.start, "end": s.end, "headline": s.is_headline, "duplicate_of": s.duplicate_of,
        "actors": [{"name": a.name, "id": a.actor_id, "kind": a.kind, "text": a.text} for a in ann.actors],
        "places": [{"name": p.name, "text": p.text, "lat": p.lat, "lon": p.lon, "country": p.country,
                    "admin1": p.admin1, "precision": p.precision, "gazetteer_id": p.gazetteer_id}
                   for p in ann.places],
        "dates": [{"text": d.text, "start": d.start.isoformat(), "end": d.end.isoformat(),
                   "precision": d.precision, "basis": d.basis} for d in ann.dates],
        "attributions": [to_jsonable(a) for a in ann.attributions],
        "modality": ann.modality,
    }


def render_annotations(doc: Document, fmt: str, out: TextIO) -> None:
    clean = clean_document(doc)
    annotations = annotate_document(clean)
    skip = {p.post_id for p in clean.posts if p.kind == "teaser" or p.off_topic}
    for ann in annotations:
        record = annotation_record(ann)
        record["skipped"] = ann.sentence.post_id in skip
        if fmt == "json":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        mark = "H" if record["headline"] else ("=" if record["duplicate_of"] is not None else " ")
        out.write(f"\n{mark} [{record['sentence']}] {record['text']}\n")
        if record["skipped"]:
            out.write("    (teaser or off-topic: no events)\n")
        for a in record["actors"]:
            out.write(f"    actor  {a['text']!r} -> {a['name']} ({a['kind']}{', ' + a['id'] if a['id'] else ''})\n")
        for p in record["places"]:
            out.write(f"    place  {p['text']!r} -> {p['name']}, {p['admin1'] or '-'}, {p['country']} "
                      f"({p['precision']}) {p['lat']:.4f},{p['lon']:.4f}\n")
        for d in record["dates"]:
            span = d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end']}"
            out.write(f"    date   {d['text']!r} -> {span} ({d['precision']}, {d['basis']})\n")
        for a in record["attributions"]:
            out.write(f"    source {a['speaker']!r} {a['stance']} (cue {a['cue']!r}"
                      f"{', confirms' if a['confirms'] else ''})\n")
        if record["modality"]:
            out.write(f"    modality {record['modality']}\n")
