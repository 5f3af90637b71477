"""Find place names in a sentence and resolve them to gazetteer entries.

Recognition: spaCy's small model mislabels war places ("Kursk" PRODUCT, "Kyiv" PERSON), so
places are found by matching capitalised phrases against the gazetteer, with NER used to add
GPE/LOC/FAC spans and to veto phrases inside person and organisation names.

Resolution ranks every gazetteer entry with the name by a score that adds up
- how the name matched (own name > curated alias > alternate name > bare region core),
- population (log scale), with countries ahead of namesakes and capitals ahead of towns,
- what the sentence and the surrounding text say: "X, Florida" restricts X to Florida; countries,
  regions and confidently resolved places mentioned nearby pull candidates towards their country
  and region, and towards their neighbourhood;
- a small prior for the countries war reporting is about, for names still ambiguous.
Names that match nothing stay unresolved: no guessed coordinates.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from frontline.language.gazetteer import (
    ABBR,
    ADMIN2_WORDS,
    ALIAS,
    ALT,
    CORE,
    DEMONYM,
    FEATURE_ADMIN1,
    FEATURE_ADMIN2,
    FEATURE_COUNTRY,
    FEATURE_PLACE,
    FEATURE_REGION,
    NAME,
    POSTAL,
    Entry,
    get_gazetteer,
    split_admin_suffix,
)
from frontline.language.gazetteer import normalize as _normalize
from frontline.models import PlaceRef

# The same few thousand names are normalised again and again (each span of each post's context).
normalize = lru_cache(maxsize=100_000)(_normalize)

# Countries whose places war reporting is about; a tie-breaker only.
WAR_COUNTRIES = frozenset("UA RU BY PL MD GE IL PS LB SY IQ IR YE".split())

KIND_WEIGHT = {NAME: 0.0, ALIAS: 0.0, ALT: -1.0, CORE: -2.0, DEMONYM: 0.0, ABBR: 0.0, POSTAL: 0.0}
ALT_WHEN_NAMED = -2.5  # an old or foreign name of a big city loses to a town with that very name
COUNTRY_BONUS = 1.0
CAPITAL_BONUS = 0.5
CAPITAL_MARGIN = 2.5  # log10-population units (some 300 times the people) that make a capital hold its name
WAR_PRIOR = 0.3
CTX_COUNTRY = 2.0
CTX_ADMIN1 = 2.5
TOP_READINGS = 8
TEMPERATURE = 0.7  # softmax over scores in log10-population units
NEAR_KM = ((25.0, 1.5), (100.0, 0.75))
LOCAL_WEIGHT = 2.0  # a signal in the same sentence counts double
SAME_SENSE = 2.0  # bonus, in log10-population units, for the reading the whole post settled on

# Words after a name that make it a region: "Kursk region", "Donetsk Oblast", "Orange County".
REGION_WORDS = frozenset(
    "oblast region province krai kray governorate district raion rayon county parish voivodeship "
    "prefecture okrug".split()
)
TOWN_DISTRICT_WORDS = frozenset("district raion rayon region oblast hromada".split())
REGION_PLURALS = frozenset("oblasts regions provinces districts counties governorates".split())
# Settlement nouns: "the Kursk settlement of Belaya" makes "Kursk" a region modifier.
SETTLEMENT_PLURALS = frozenset("cities towns villages settlements".split())
SETTLEMENT_WORDS = frozenset("settlement village town city hamlet suburb district region area".split())
TITLES = frozenset(
    "mr mrs ms dr sir president minister general colonel col gen lt sgt major captain governor mayor senator "
    "king queen prince princess pope saint st commander chief ambassador spokesman spokeswoman".split()
)
# "the Guangzhou Daily", "the Kyiv Post": a newspaper named after its town speaks from no place of its own
MASTHEAD_WORDS = frozenset("daily times post herald gazette telegraph journal tribune pravda independent review "
                           "chronicle courier express mirror observer standard izvestia vedomosti".split())
# Head words of names the gazetteer cannot hold: streets, buildings, natural features.
FACILITY_WORDS = frozenset(
    "street st road rd avenue ave boulevard blvd lane drive square plaza park center centre church cathedral "
    "chapel mosque temple synagogue hospital clinic university college school academy institute stadium arena "
    "airport station bridge court courthouse hall museum gallery tower estate market mall hotel library building "
    "palace house prison jail base plant port harbour harbor beach lake river creek mountain mountains valley bay "
    "island islands forest canyon dam highway freeway motorway route field fields club theatre theater zoo "
    "lagoon point cape peninsula reef strait coast hill hills ridge glacier canal springs falls desert marsh "
    "swamp wetlands reserve racecourse circuit speedway raceway".split()
)
# Head words of institutions named after their place: "Bank of Japan", "Harare City Council",
# "Manchester City", "Liverpool FC".
INSTITUTION_WORDS = frozenset(
    "university bank council office senate commission embassy consulate ministry government parliament "
    "assembly police department agency authority city fc united cup open marathon games festival show "
    "summit".split()
)
BIG_CITY = 100_000
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central upper lower northeast northwest southeast "
    "southwest northeastern northwestern southeastern southwestern north-east north-west south-east south-west "
    "north-eastern north-western south-eastern south-western".split()
)
SPEECH_VERBS = frozenset("say tell add explain note write argue testify ask reply recall claim".split())
CONNECTORS = frozenset("of de del la le du da upon on am an der el al sur".split())

_STOP_WORDS = frozenset(STOP_WORDS)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’.\-&][^\W\d_]+)*\.?")
_ABBR_RE = re.compile(r"^(?:[A-Z][a-z]{0,4}\.(?: ?[A-Z][a-z]{0,3}\.)*|[A-Z]{2,5})$")
_MAX_WORDS = 5


@dataclass
class _Span:
    start: int
    end: int
    surface: str
    words: int
    admin: bool = False  # "X region", "X Oblast", or modifier of "X settlement of Y"
    modifier: bool = False
    ner_place: bool = False  # NER calls it GPE or LOC
    constraint: int | None = None  # index of the span after "X, " that contains X
    partial: bool = False  # only part of a longer capitalised run ("Bailey" in "Lorraine Bailey")
    follower: str = ""  # the run's first word after the match ("Mayor" in "Kyiv Mayor ...")


def _copy(sp: _Span, **changes) -> _Span:
    """`dataclasses.replace(sp, **changes)` without its per-call introspection of the fields: spans
    are copied by the hundred thousand (every post's context holds the whole document's)."""
    new = object.__new__(_Span)
    new.__dict__.update(sp.__dict__)
    new.__dict__.update(changes)
    return new


@dataclass
class _Tally:
    """Soft votes for countries and admin1 regions from the names in a text, kept per name so
    that a name never votes for its own reading, plus anchor points of confidently resolved
    places and the "X, Y" / "X region" evidence seen for each name."""

    country: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    own_country: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    own_admin1: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    anchors: list[tuple[str, float, float, float]] = field(default_factory=list)
    constraints: dict[str, tuple[str, str]] = field(default_factory=dict)
    admin_hints: set[str] = field(default_factory=set)
    senses: dict[str, int] = field(default_factory=dict)  # norm -> pid of its confident reading here
    prefer: dict[str, int] = field(default_factory=dict)  # readings to favour (another text's senses)
    _tops: tuple[float, float] | None = None
    # Rankings against this tally alone, by span key: set (to {}) only on a finished context tally,
    # which every sentence of its post ranks its names against (`_resolve_spans`)
    ranks: dict[tuple, list] | None = None
    _by_lat: tuple[int, list[float], list[tuple[str, float, float, float]]] | None = None

    def vote(self, norm: str, e: Entry, w: float) -> None:
        if not e.country:
            return
        self._tops = None
        self.country[e.country] += w
        self.own_country[norm][e.country] += w
        if e.admin1_key and e.feature != FEATURE_COUNTRY:
            self.admin1[e.admin1_key] += w
            self.own_admin1[norm][e.admin1_key] += w

    def anchors_near(self, lat: float) -> list[tuple[str, float, float, float]]:
        """The anchors within a degree of latitude of `lat` (and a hair more: callers check the
        distance themselves), from the anchors sorted by latitude; a long text has hundreds and a
        common name hundreds of readings. In latitude order: callers take a maximum over them."""
        index = self._by_lat
        if index is None or index[0] != len(self.anchors):
            ordered = sorted(self.anchors, key=lambda a: a[1])
            index = self._by_lat = (len(self.anchors), [a[1] for a in ordered], ordered)
        _n, lats, ordered = index
        return ordered[bisect_left(lats, lat - 1.000001):bisect_right(lats, lat + 1.000001)]

    def support(self, norm: str, e: Entry) -> tuple[float, float, float, float]:
        """(country support, best country support, admin1 support, best admin1 support)."""
        cw = self.country.get(e.country, 0.0) - self.own_country.get(norm, {}).get(e.country, 0.0)
        aw = 0.0
        if e.admin1_key and e.feature != FEATURE_COUNTRY:
            aw = self.admin1.get(e.admin1_key, 0.0) - self.own_admin1.get(norm, {}).get(e.admin1_key, 0.0)
        if self._tops is None:
            self._tops = (max(self.country.values(), default=0.0), max(self.admin1.values(), default=0.0))
        return cw, self._tops[0], aw, self._tops[1]


@dataclass(frozen=True)
class PlaceContext:
    """The text a post's place names are resolved against, read as one text `own + "\n" + shared`:
    `own` is the title, headline and post, `shared` the document around it, the same string for
    every post of a document. Its names are found once per document, not once per post (a live blog
    of N posts was rescanned N times); the result is the same as for the joined string."""

    own: str
    shared: str = ""

    @cached_property
    def text(self) -> str:
        return f"{self.own}\n{self.shared}"


# --------------------------------------------------------------------------- lexicons


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("frontline.data").joinpath("place_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(normalize(w) for w in text.splitlines() if w.strip() and not w.startswith("#"))


# --------------------------------------------------------------------------- candidates


@lru_cache(maxsize=100_000)
def _clean_surface(surface: str) -> str:
    s = surface.strip()
    for art in ("the ", "The "):
        if s.startswith(art):
            s = s[len(art):]
    for poss in ("'s", "’s"):
        if s.endswith(poss):
            s = s[: -len(poss)]
    if s.endswith(".") and not _keeps_stop(s):
        s = s[:-1]  # a sentence's full stop, unless the word is a known abbreviation ("Fla.", "Washington, D.C.")
    return s.strip()


def _keeps_stop(s: str) -> bool:
    """Whether a final period belongs to the name: a known abbreviation ("Fla.") or a known name
    with periods inside ("Washington, D.C.")."""
    rows = get_gazetteer().lookup(normalize(s))
    if _ABBR_RE.match(s):
        return any(k in (ABBR, ALIAS) for _e, k in rows)
    return "." in s[:-1] and bool(rows)


def _variants(n: str) -> list[str]:
    out = []
    if "." in n:
        out.append(" ".join(n.replace(".", " ").split()))
    for short, full in (("st ", "saint "), ("st. ", "saint "), ("mt ", "mount "), ("mt. ", "mount "),
                        ("ft ", "fort "), ("ft. ", "fort ")):
        if n.startswith(short):
            out.append(full + n[len(short):])
    if n.startswith("saint "):
        out.append("st. " + n[6:])
        out.append("st " + n[6:])
    return out


@lru_cache(maxsize=100_000)
def _candidates(surface: str, admin: bool = False, caps_ok: bool = False) -> tuple[tuple[Entry, int], ...]:
    """Gazetteer entries a surface form can name, with the best way it matched (a name kind).

    A short all-capitals word is an abbreviation ("US", "UAE") unless `caps_ok` says the
    word is known to be a toponym, as in a headline or dateline written in capitals ("CAIRO")."""
    g = get_gazetteer()
    s = _clean_surface(surface)
    if not s:
        return ()
    abbr_ok = bool(_ABBR_RE.match(s))
    n = normalize(s)
    rows = [r for r in g.lookup(n) if caps_ok or r[1] != POSTAL]
    if s.isupper() and len(s) <= 5:
        abbr_rows = [r for r in rows if r[1] in (ABBR, POSTAL)]
        if abbr_rows or not caps_ok:
            rows = abbr_rows
        elif len(s) < 4:  # "LA": only a curated alias, never a village that happens to be spelled so
            rows = [r for r in rows if r[1] == ALIAS]
    elif not abbr_ok:
        rows = [r for r in rows if r[1] not in (ABBR, POSTAL)]
    split = split_admin_suffix(n)
    if admin and not split:
        split = (n, "region")
    if split:
        core, word = split
        feats = (FEATURE_ADMIN2, FEATURE_ADMIN1) if word in ADMIN2_WORDS else (FEATURE_ADMIN1, FEATURE_ADMIN2)
        pool = {e.pid: (e, k) for e, k in rows if e.feature in feats}
        for e, _k in g.lookup(core):
            if e.feature in feats and e.pid not in pool:
                pool[e.pid] = (e, NAME)
        if pool:
            ranked = sorted(pool.values(), key=lambda ek: feats.index(ek[0].feature))
            best = ranked[0][0].feature
            return tuple((e, NAME if k == CORE else k) for e, k in ranked if e.feature == best)
        if not rows and word in TOWN_DISTRICT_WORDS and core not in _stopwords():
            # "Sudzha district" with no such district: the town is the best we know
            rows = [(e, k) for e, k in g.lookup(core) if e.feature == FEATURE_PLACE]
    if not rows:
        for v in _variants(n):
            rows = [r for r in g.lookup(v) if r[1] not in (ABBR, POSTAL)]
            if rows:
                break
    return tuple(rows)


def _base_score(e: Entry, kind: int) -> float:
    pop = e.population / 3 if e.feature in (FEATURE_ADMIN1, FEATURE_ADMIN2) else e.population
    s = math.log10(max(pop, 100)) + KIND_WEIGHT.get(kind, -2.0)
    if e.feature == FEATURE_COUNTRY or (e.feature == FEATURE_REGION and not e.country):
        s += COUNTRY_BONUS  # continents and seas too: the context bonus of a namesake village must not beat them
    if e.capital:
        s += CAPITAL_BONUS
    if e.country in WAR_COUNTRIES:
        s += WAR_PRIOR
    return s


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _context_score(e: Entry, norm: str, tallies: list[tuple[_Tally, float]]) -> float:
    """Bonus for agreeing with the countries, regions and places named around the mention: full
    for the best-supported country/region, proportionally less for the others."""
    score = 0.0
    near = 0.0
    for tally, scale in tallies:
        if tally.prefer.get(norm) == e.pid:
            score += scale * SAME_SENSE  # one sense per document: the reading the whole text settled on
        cw, c_top, aw, a_top = tally.support(norm, e)
        if cw > 0:
            score += scale * CTX_COUNTRY * min(1.0, cw) * min(1.0, cw / c_top)
        if aw > 0:
            score += scale * CTX_ADMIN1 * min(1.0, aw) * min(1.0, aw / a_top)
        if e.feature in (FEATURE_PLACE, FEATURE_ADMIN2):
            for n, lat, lon, w in tally.anchors_near(e.lat):
                if n == norm or abs(lat - e.lat) > 1.0:
                    continue
                d = _km(lat, lon, e.lat, e.lon)
                for limit, bonus in NEAR_KM:
                    if d < limit:
                        near = max(near, bonus * min(1.0, w * scale))
                        break
    return score + near


def _rank(cands: tuple[tuple[Entry, int], ...], norm: str, tallies: list[tuple[_Tally, float]],
          within: Entry | None = None, prefer_admin: bool = False) -> list[tuple[float, Entry, int]]:
    if not tallies:  # a reading without context depends on the name alone: ranked once per process
        key = (id(cands), norm, None if within is None else within.pid, prefer_admin)
        hit = _ALONE.get(key)
        if hit is not None and hit[0] is cands:
            return list(hit[1])
    pool = cands
    if within is not None:
        inside = tuple((e, k) for e, k in cands if _inside(e, within))
        pool = inside or cands
    has_name, base = _pool_facts(pool) if pool is cands else _facts(pool)
    # a national capital is not lost to a small namesake because the text names the namesake's
    # region somewhere ("the national security adviser in Washington" in a newsletter that also
    # has a story from Connecticut): such a namesake's context counts half
    capital = max((b for (e, _k), b in zip(pool, base, strict=True) if e.capital), default=None)
    scored = []
    for (e, k), b in zip(pool, base, strict=True):
        ctx = _context_score(e, norm, tallies)
        if capital is not None and not e.capital and capital - b >= CAPITAL_MARGIN:
            ctx /= 2
        s = b + ctx
        if has_name and k == ALT:
            s += ALT_WHEN_NAMED
        if prefer_admin and e.feature == FEATURE_ADMIN1:
            s += 3.0
        scored.append((s, e, k))
    scored.sort(key=lambda t: (-t[0], t[1].pid))
    if not tallies:
        if len(_ALONE) > _FACTS_MAX:
            _ALONE.clear()
        _ALONE[key] = (cands, tuple(scored))
    return scored


# Facts of a candidate tuple (from `_candidates`' cache, so the same tuple object comes back for
# a name) that every ranking of it needs: whether a reading is a name proper, and each reading's
# context-free score. Keyed by the tuple's id, which is checked against the tuple itself (kept
# alive here, so the id cannot be reused while its entry lives). Bounded, cleared when full.
_FACTS_MAX = 100_000
_FACTS: dict[int, tuple] = {}
_ALONE: dict[tuple, tuple] = {}  # (id(cands), norm, within pid, prefer_admin) -> (cands, ranking with no context)


def _pool_facts(pool: tuple[tuple[Entry, int], ...]) -> tuple[bool, tuple[float, ...]]:
    hit = _FACTS.get(id(pool))
    if hit is not None and hit[0] is pool:
        return hit[1], hit[2]
    has_name, base = _facts(pool)
    if len(_FACTS) > _FACTS_MAX:
        _FACTS.clear()
    _FACTS[id(pool)] = (pool, has_name, base)
    return has_name, base


def _facts(pool: tuple[tuple[Entry, int], ...]) -> tuple[bool, tuple[float, ...]]:
    return any(k in (NAME, ALIAS) for _e, k in pool), tuple(_base_score(e, k) for e, k in pool)


def _inside(e: Entry, container: Entry) -> bool:
    if e.pid == container.pid:
        return False
    if container.feature == FEATURE_COUNTRY:
        return e.country == container.country
    if container.feature == FEATURE_ADMIN1:
        return e.admin1_key == container.admin1_key and e.feature != FEATURE_ADMIN1
    return False


# --------------------------------------------------------------------------- scanning text


FEATURE_WORDS = frozenset("ocean sea seas gulf bay lake river strait channel coast desert mountains hills islands "
                          "island peninsula valley plain plains steppe front".split())


def _runs(text: str) -> list[list[re.Match]]:
    """Maximal runs of capitalised words (connectors such as "of" allowed inside); any
    punctuation between two words ends a run."""
    return _runs_and_last(text)[0]


_HELD_BY = re.compile(r"-[a-z]+$")


def _runs_and_last(text: str) -> tuple[list[list[re.Match]], str]:
    """`_runs(text)`, and the text's last word ("" when it has none)."""
    words = list(_WORD_RE.finditer(text))
    # plain lists, read once: this loop runs over every word of a post's whole context
    texts = [m.group() for m in words]
    # "Russian-held", "Kremlin-backed": an adjective before a name, not a word of it ("Rostov-on-Don" is)
    caps = [w[0].isupper() and _HELD_BY.search(w) is None for w in texts]
    n = len(words)
    runs: list[list[re.Match]] = []
    i = 0
    while i < n:
        if not caps[i]:
            i += 1
            continue
        run = [words[i]]
        j = i + 1
        while j < n:
            gap = text[words[j - 1].end():words[j].start()]
            if gap != " " and (gap.strip() or "\n" in gap):
                break
            wj = texts[j]
            if wj.lower() in _STOP_WORDS and wj not in CONNECTORS:
                break  # "Parkland, Florida The controversy": a new sentence, not a longer name
            nxt_cap = j + 1 < n and caps[j + 1]
            if caps[j] or (wj in CONNECTORS and nxt_cap):
                run.append(words[j])
                j += 1
            else:
                break
        runs.append(run)
        i = j
    return runs, texts[-1] if texts else ""


@lru_cache(maxsize=256)
def _scan(text: str) -> tuple[tuple[_Span, ...], frozenset[str]]:
    """Capitalised phrases of `text` that name something in the gazetteer (longest match first,
    left to right within each run), and the words that look like surnames (the last word of a
    run of names that matched nothing: "Bailey" in "Lorraine Bailey")."""
    spans, surnames, _last = _scan_text(text)
    return spans, surnames


def _scan_text(text: str) -> tuple[tuple[_Span, ...], frozenset[str], str]:
    """`_scan(text)` uncached, and the text's last word."""
    g = get_gazetteer()
    spans: list[_Span] = []
    surnames: set[str] = set()
    runs, last_word = _runs_and_last(text)
    for run in runs:
        i = 0
        any_match = False
        while i < len(run):
            matched = False
            for length in range(min(len(run) - i, _MAX_WORDS), 0, -1):
                last = i + length - 1
                if run[last].group() in CONNECTORS:
                    continue
                start, end = run[i].start(), run[last].end()
                if length > 1 and not g.has_prefix(normalize(_clean_surface(run[i].group()))):
                    continue
                surface = text[start:end]
                cleaned = _clean_surface(surface)
                if not cleaned or not _candidates(cleaned):
                    continue
                off = surface.find(cleaned)
                if off >= 0:
                    start, end = start + off, start + off + len(cleaned)
                # the words right next to the match, possessives aside ("Russia's Kursk region" names
                # two places) and connectors aside ("Kyiv on Monday" is Kyiv, then a day)
                beside = [run[k].group() for k in (i - 1, last + 1) if 0 <= k < len(run)]
                beside = [w for w in beside if w not in CONNECTORS and not w.endswith(("'s", "’s"))]
                # "Southern Ocean", "Western Desert": a compass word before a feature's noun names the
                # feature, not a town called "Ocean" ("southern Ukraine" is Ukraine)
                partial = bool(beside) and (not all(r.lower() in REGION_WORDS for r in beside) or
                                            cleaned.lower() in FEATURE_WORDS)
                follower = run[last + 1].group() if last + 1 < len(run) else ""
                spans.append(_Span(start, end, text[start:end], length, partial=partial, follower=follower))
                if partial and i == 0 and length == 1 and run[last + 1:] and all(
                        e.population < 50_000 and e.country not in WAR_COUNTRIES for e, _k in _candidates(cleaned)):
                    surnames.add(cleaned)  # "Vladislav Buryak": a given name, not a Czech village, when alone later
                i = last + 1
                matched = any_match = True
                break
            if not matched:
                i += 1
        if len(run) > 1 and not any_match:
            surnames.add(run[-1].group())
        elif len(run) > 1 and spans and spans[-1].partial and spans[-1].end < run[-1].end():
            surnames.add(run[-1].group())
    _mark_regions(text, spans)
    return tuple(spans), frozenset(surnames), last_word


LINE_SCANS = 16_384  # lines whose scans are kept: a live blog's, many times over


@lru_cache(maxsize=LINE_SCANS)
def _scan_line(line: str) -> tuple[tuple[_Span, ...], frozenset[str], str]:
    return _scan_text(line)


@lru_cache(maxsize=256)
def _scan_by_lines(text: str) -> tuple[tuple[_Span, ...], frozenset[str]]:
    """`_scan(text)`, put together from the cached scans of its lines: a post's context repeats the
    lines of the document around it (its headline and paragraphs), which are then scanned once.
    A run of capitalised words never crosses a line break, so the text's names are its lines'
    names; where lines could still interact (see `_scan_context`: a line ending in a connector,
    one starting with "of", "Kursk and" / "Belgorod regions" across the break), the text is
    scanned whole."""
    if "\n" not in text:
        return _scan(text)
    spans: list[_Span] = []
    names: set[str] = set()
    pos = 0
    last_end = -1  # where the last span so far ends
    for line in text.split("\n"):
        if line:
            if line.startswith("of") and pos:
                return _scan(text)
            line_spans, line_names, last_word = _scan_line(line)
            if last_word in CONNECTORS and pos + len(line) < len(text):
                return _scan(text)
            if line_spans:
                if last_end >= 0 and _SEAM_GAP.fullmatch(text, last_end, pos + line_spans[0].start):
                    return _scan(text)
                spans.extend(_copy(sp, start=sp.start + pos, end=sp.end + pos) for sp in line_spans)
                last_end = spans[-1].end
            names |= line_names
        pos += len(line) + 1
    return tuple(spans), frozenset(names)


_SEAM_GAP = re.compile(r"\s*(,|and|,\s*and)\s*")
_OF_AT_END = re.compile(r"\sof$")
_OF_AT_START = re.compile(r"of\s")


@lru_cache(maxsize=256)
def _scan_context(ctx: PlaceContext) -> tuple[tuple[_Span, ...], frozenset[str]]:
    """`_scan(ctx.text)`, from the cached scans of its two parts. A run of capitalised words never
    crosses a line break, so the joined text's names are the parts' names, the shared part's moved
    past the own part; where the two could still interact across the line break ("Kursk and" /
    "Belgorod regions", a line ending in a connector or in "settlement" + "of"), the joined text is
    scanned whole."""
    own_spans, own_names = _scan_by_lines(ctx.own)
    shared_spans, shared_names = _scan_by_lines(ctx.shared)
    tail = _WORD_RE.findall(ctx.own[-40:])
    if ((tail and tail[-1] in CONNECTORS) or _OF_AT_END.search(ctx.own) or _OF_AT_START.match(ctx.shared)
            or (own_spans and shared_spans and _SEAM_GAP.fullmatch(
                ctx.text[own_spans[-1].end:len(ctx.own) + 1 + shared_spans[0].start]))):
        return _scan(ctx.text)
    shift = len(ctx.own) + 1
    spans = tuple(_copy(sp) for sp in own_spans) + tuple(
        _copy(sp, start=sp.start + shift, end=sp.end + shift) for sp in shared_spans)
    return spans, own_names | shared_names


_NEXT_WORD_RE = re.compile(r"[ \t]+([A-Za-z]+)")


def _next_word(text: str, pos: int) -> tuple[str, int, int] | None:
    # match at `pos`, never on a copy of the rest of the text (a copy per span is quadratic)
    m = _NEXT_WORD_RE.match(text, pos)
    if not m:
        return None
    return m.group(1), m.start(1), m.end(1)


# words before a name that make it the region, not its namesake city ("parts of Donetsk")
# ("central Kharkiv", "eastern Kyiv" are parts of the city)
PART_OF_REGION = re.compile(r"\b(parts? of|areas? of|rest of|regions of|provinces of|oblasts of)\s+(the\s+)?$", re.I)


def _mark_regions(text: str, spans: list[_Span]) -> None:
    """Extend "Kursk" + " region" into one admin span; "Kursk and Belgorod regions" both admin;
    "Kursk settlement of Belaya": Kursk is a region modifier."""
    for idx, sp in enumerate(spans):
        nxt = _next_word(text, sp.end)
        if not nxt:
            continue
        word, ws, we = nxt
        low = word.lower()
        if low in REGION_WORDS:
            surface = text[sp.start:we]
            if _candidates(surface):
                sp.end, sp.surface, sp.admin = we, surface, True
        elif low in REGION_PLURALS:
            sp.admin = True
            k = idx - 1
            while k >= 0 and re.fullmatch(r"\s*(,|and|,\s*and)\s*", text[spans[k].end:spans[k + 1].start]):
                spans[k].admin = True
                k -= 1
        elif low in SETTLEMENT_PLURALS and any(e.feature == FEATURE_ADMIN1 for e, _k in _candidates(sp.surface, True)):
            sp.admin = True  # "the two Luhansk cities": towns of the region, not the namesake city
        elif low in SETTLEMENT_WORDS and re.match(r"\s+of\s", text[we:we + 4]):
            sp.admin = sp.modifier = True
        elif low == "regional" and _candidates(sp.surface, True):
            sp.admin = True  # "the Lviv regional governor": the region, not its capital
    for idx, sp in enumerate(spans):
        if sp.admin or not PART_OF_REGION.search(text[max(0, sp.start - 20):sp.start]) or \
                not any(e.feature == FEATURE_ADMIN1 for e, _k in _candidates(sp.surface, True)):
            continue
        # "parts of Donetsk", "the regions of Luhansk, Donetsk and Kherson": the
        # region, not its namesake city (a list after "regions of" is regions throughout)
        sp.admin = True
        if not re.search(r"regions|provinces|oblasts", text[max(0, sp.start - 20):sp.start]):
            continue
        k = idx + 1
        while k < len(spans) and re.fullmatch(r"\s*(,|and|,\s*and)\s*", text[spans[k - 1].end:spans[k].start]):
            spans[k].admin = True
            k += 1


# ", a town in eastern", ", a village in the": an apposition that says which country or region
# the name before it lies in
_APPOSED_IN = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?:small|large|big|major|key|strategic|industrial|frontline|front-line|"
    r"southern|northern|eastern|western|coastal|port|border)\s+)*(?:town|city|village|settlement|port|"
    r"hamlet|suburb)\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-east|north-west|"
    r"south-east|south-west|northern|southern|eastern|western|north-eastern|north-western|south-eastern|"
    r"south-western)\s+)?(?:part\s+of\s+(?:the\s+)?)?")


def _mark_constraints(text: str, spans: list[_Span]) -> None:
    """"Palm Beach, Florida": the span after the comma must contain the one before it."""
    for idx in range(len(spans) - 1):
        a, b = spans[idx], spans[idx + 1]
        if _APPOSED_IN.fullmatch(text[a.end:b.start]):
            a.constraint = idx + 1  # "Novomoskovsk, a town in eastern Ukraine": inside what follows
            continue
        if re.fullmatch(r",\s*", text[a.end:b.start]):
            best = _rank(_candidates(b.surface, b.admin), normalize(_clean_surface(b.surface)), [])
            own = _rank(_candidates(a.surface, a.admin), normalize(_clean_surface(a.surface)), [])
            if own and own[0][1].feature in (FEATURE_COUNTRY, FEATURE_REGION):
                continue  # "France, Russia, US": a list of countries, not Russia, Ohio
            if best and best[0][1].feature in (FEATURE_COUNTRY, FEATURE_ADMIN1):
                a.constraint = idx + 1


def _tally(spans: list[_Span], context: list[tuple[_Tally, float]] | None = None) -> _Tally:
    """Votes from every span: each reading of a name votes with its probability under the
    current scores (a softmax over the top readings), so that names which are individually
    ambiguous ("Columbus", "Franklin County", "Dublin") agree on the region they share."""
    tally = _Tally()
    ranked_all = _resolve_spans(spans, context or [])
    seen: dict[str, int] = defaultdict(int)
    for sp, ranked in zip(spans, ranked_all, strict=True):
        if not ranked:
            continue
        norm = normalize(_clean_surface(sp.surface))
        seen[norm] += 1
        if seen[norm] > 2:
            continue  # repetition saturates
        if sp.admin and not sp.modifier and split_admin_suffix(norm) is None:
            tally.admin_hints.add(norm)  # "Clay and Becker counties": bare "Clay" is the county here
        top = ranked[:TOP_READINGS]
        m = top[0][0]
        weights = [10 ** (TEMPERATURE * (sc - m)) for sc, _e, _k in top]
        total = sum(weights)
        # "Russian forces", "US envoy": a modifier, weaker evidence of where things happen
        mention_w = 0.5 if top[0][2] in (DEMONYM, ABBR) else 1.0
        for (_sc, e, _k), w in zip(top, weights, strict=True):
            tally.vote(norm, e, mention_w * w / total)
        best_p = weights[0] / total
        e0 = top[0][1]
        if e0.feature in (FEATURE_PLACE, FEATURE_ADMIN2) and (best_p >= 0.6 or sp.constraint is not None):
            tally.anchors.append((norm, e0.lat, e0.lon, best_p))
        if best_p >= 0.6:
            tally.senses.setdefault(norm, e0.pid)
        if sp.constraint is not None and ranked_all[sp.constraint]:
            c = ranked_all[sp.constraint][0][1]  # type: ignore[index]
            tally.constraints[norm] = (c.feature, c.country if c.feature == FEATURE_COUNTRY else c.admin1_key)
    return tally


def _resolve_spans(spans: list[_Span], tallies: list[tuple[_Tally, float]]
                   ) -> list[list[tuple[float, Entry, int]]]:
    """Ranked readings for every span; "X, Y" spans are ranked inside Y's best reading."""
    out: list[list[tuple[float, Entry, int]]] = [[] for _ in spans]
    order = sorted(range(len(spans)), key=lambda i: spans[i].constraint is not None)
    # a text names the same places again and again (a live blog's context: each name ~3 times):
    # the same name, read the same way, ranks the same, so it is ranked once per call
    ranked: dict[tuple, list[tuple[float, Entry, int]]] = {}
    if len(tallies) == 1 and tallies[0][1] == 1.0 and tallies[0][0].ranks is not None:
        ranked = tallies[0][0].ranks  # and once per post, against a finished context tally
    for i in order:
        sp = spans[i]
        cands = _candidates(sp.surface, sp.admin)
        if not cands:
            continue
        within = None
        if sp.constraint is not None and out[sp.constraint]:
            within = out[sp.constraint][0][1]
        key = (sp.surface, sp.admin, sp.modifier, within)
        if key not in ranked:
            ranked[key] = _rank(cands, normalize(_clean_surface(sp.surface)), tallies, within,
                                prefer_admin=sp.modifier)
        out[i] = list(ranked[key])
    return out


def _plausible_in_context(text: str | PlaceContext, sp: _Span, surnames: frozenset[str]) -> bool:
    """Filters for phrases of the surrounding text, where no parse is available: a single word
    must not be a stop word, a surname, part of a longer name, or a common word."""
    cands = _candidates(sp.surface, sp.admin)
    kinds = {k for _e, k in cands}
    if ABBR in kinds:
        return True
    cleaned = _clean_surface(sp.surface)
    norm = normalize(cleaned)
    if norm in _stopwords() or norm in _STOP_WORDS:
        return False
    if not kinds & {NAME, ALIAS, DEMONYM} and not sp.admin and max(e.population for e, _k in cands) < 100_000:
        return False
    if sp.words == 1:
        if sp.partial and sp.follower.lower() not in TITLES:
            return False
        if cleaned in surnames or _lower_elsewhere(text, cleaned):
            return False
    return True


_RUN_RE = re.compile(r"[\w-]+")


@lru_cache(maxsize=8)
def _word_runs(text: str) -> frozenset[str]:
    """The maximal runs of word characters and hyphens in `text`, built once per context so that
    asking about each candidate word is a set lookup, not a scan of the whole text (which made
    a long live blog quadratic)."""
    return frozenset(_RUN_RE.findall(text))


def _lower_elsewhere(text: str | PlaceContext, word: str) -> bool:
    """Whether `word` also occurs in lower case: then it is a common word ("Will", "Bend")."""
    low = word.lower()
    if low == word:
        return False
    if isinstance(text, PlaceContext):  # a run never crosses the line break between the parts
        own, shared = _word_runs(text.own), _word_runs(text.shared)

        def has(run: str) -> bool:
            return run in own or run in shared
        full = text.text
    else:
        runs = _word_runs(text)
        has, full = runs.__contains__, text
    if _RUN_RE.fullmatch(low):  # the common case: "bend" bounded by no word character nor hyphen
        return has(low)
    # "o'brien", "u.s": every part must be a run of the text before the (rare, cached) scan is worth it
    if not all(has(part) for part in _RUN_RE.findall(low)):
        return False
    return _lower_elsewhere_scan(full, low)


@lru_cache(maxsize=1024)
def _lower_elsewhere_scan(text: str, low: str) -> bool:
    """The exact test for a word with an apostrophe or a period; cached, and only reached for the
    few gazetteer names spelled so, so its cost stays proportional to the text."""
    return re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", text) is not None


@lru_cache(maxsize=128)
def _context_tally(context: str | PlaceContext) -> _Tally:
    """Signals from the surrounding text, in two passes so that the first pass's countries and
    regions can settle the ambiguous names ("Alexandria" next to "Louisiana")."""
    if not context:
        return _Tally()
    all_spans, surnames = _context_scan(context)
    spans = [_copy(sp, constraint=None) for sp in all_spans if _plausible_in_context(context, sp, surnames)]
    _mark_constraints(context.text if isinstance(context, PlaceContext) else context, spans)
    first = _tally(spans)
    done = _tally(spans, [(first, 1.0)])
    done.ranks = {}
    return done


# --------------------------------------------------------------------------- public API


def _to_ref(e: Entry, text: str, start: int, end: int) -> PlaceRef:
    """Regions inside one country (Donbas, Darfur) count as admin1-level; continents and seas,
    which have no country, as country-level."""
    precision = {FEATURE_COUNTRY: "country", FEATURE_ADMIN1: "admin1"}.get(e.feature, "place")
    if e.feature == FEATURE_REGION:
        precision = "admin1" if e.country else "country"
    return PlaceRef(
        name=e.name, lat=e.lat, lon=e.lon, country=e.country, admin1=e.admin1 or None, precision=precision,
        gazetteer_id=e.gazetteer_id, text=text, start=start, end=end,
    )


def seat_of(country: str) -> PlaceRef | None:
    """The capital of a country, as a place: where its government and officials speak from."""
    e = get_gazetteer().capital(country) if country else None
    return _to_ref(e, "", 0, 0) if e is not None else None


def town_in(name: str, country: str) -> PlaceRef | None:
    """A town known by name and country (a body's seat), else the country's capital."""
    c = get_gazetteer().country_entry(country)
    ref = resolve_toponym(name, c.name if c is not None else "")
    return ref if ref is not None and ref.country == country else seat_of(country)


def resolve_toponym(name: str, context: str = "") -> PlaceRef | None:
    """Resolve a name already known to be a toponym, using `context` (e.g. the article) to
    disambiguate; None when the gazetteer has no entry for it.

    Names the gazetteer lacks get two fallbacks: a compass-qualified region is resolved as the
    region it is part of ("South Florida"), and a facility, natural feature or institution as the
    place named inside it or the place the text is about (see `_resolve_facility`)."""
    tally = _context_tally(context)
    e = _resolve_entry(name, tally)
    if e is not None:
        return _to_ref(e, name, 0, len(name))
    part = _directional_part(name)
    whole = _resolve_entry(part, tally) if part is not None else None
    if whole is not None and (whole.feature != FEATURE_PLACE or whole.population >= BIG_CITY):
        # "South Florida", "West Wales", "Western US": a part of Florida, Wales, the US (but
        # "West Wing" is no part of a village called Wing)
        return _to_ref(whole, name, 0, len(name))
    return _resolve_facility(name, tally)


def _resolve_entry(name: str, tally: _Tally) -> Entry | None:
    """The best gazetteer entry for a toponym in a text summarised by `tally`."""
    norm = normalize(_clean_surface(name))
    admin_cands = _candidates(name, True) if norm in tally.admin_hints else ()
    if not any(e.feature in (FEATURE_ADMIN1, FEATURE_ADMIN2) for e, _k in admin_cands):
        admin_cands = ()  # the hint found no region of that name, only the towns
    cands = admin_cands or _candidates(name, caps_ok=True)
    if not cands:
        return None
    within = None
    if norm in tally.constraints:
        feat, key = tally.constraints[norm]
        g = get_gazetteer()
        within = g.country_entry(key) if feat == FEATURE_COUNTRY else g.admin1_entry(key)
    ranked = _rank(cands, norm, [(tally, 1.0)], within)
    return ranked[0][1] if ranked else None


def _directional_part(name: str) -> str | None:
    """"Florida" for "South Florida": the region a compass-qualified name is part of."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in DIRECTIONS:
        return " ".join(words[1:])
    return None


def _resolve_facility(name: str, tally: _Tally) -> PlaceRef | None:
    """A name the gazetteer lacks that is a facility, street, natural feature or institution
    ("Neches River", "Arizona State University", "Bank of Japan", "Manchester City"): the place
    named inside it when it fits, else the place the text is about. Anything else stays unresolved.

    A town inside the name counts when the text is about the town's region, or when the town is a
    city big enough to be what the name is about ("Liverpool FC"); a region or country inside the
    name ("University of California") is the best point we have for the whole."""
    words = name.split()
    head = words[-1].lower().strip(".,") if words else ""
    first = words[0].lower() if words else ""
    institution = head in INSTITUTION_WORDS or (len(words) > 2 and first in INSTITUTION_WORDS)
    if not institution and head not in FACILITY_WORDS and not (len(words) > 2 and first in FACILITY_WORDS):
        return None
    for length in range(len(words) - 1, 0, -1):
        for i in range(len(words) - length + 1):
            sub = " ".join(words[i:i + length])
            low = sub.lower().rstrip(".")
            norm = normalize(sub)
            if (norm in _stopwords() or low in _STOP_WORDS or low in FACILITY_WORDS or low in INSTITUTION_WORDS
                    or low in CONNECTORS or low in TITLES or len(norm) < 3):
                continue
            # "European Commission", "Mexican Senate": an institution of the place its adjective names
            kinds = (NAME, ALIAS, ALT, CORE, DEMONYM, ABBR) if institution else (NAME, ALIAS, ALT, CORE)
            cands = tuple((e, k) for e, k in _candidates(sub) if k in kinds)
            if not cands:
                continue
            ranked = _rank(cands, norm, [(tally, 1.0)])
            _score, best, kind = ranked[0]
            cw, _ct, aw, _at = tally.support(norm, best)
            if kind in (ALT, CORE) and best.population < BIG_CITY and best.feature != FEATURE_COUNTRY:
                continue  # an old or partial name counts only for a big place ("New York Auto Show")
            if best.feature in (FEATURE_COUNTRY, FEATURE_REGION):
                return _to_ref(best, name, 0, len(name))
            if best.feature == FEATURE_ADMIN1 and (cw > 0 or best.population >= 1_000_000):
                return _to_ref(best, name, 0, len(name))
            if best.feature == FEATURE_PLACE and (aw > 0.5 or best.population >= BIG_CITY):
                return _to_ref(best, name, 0, len(name))
    focus = _focus(tally)
    return _to_ref(focus, name, 0, len(name)) if focus else None


def _focus(tally: _Tally) -> Entry | None:
    """The place a text is about: its best-supported anchor inside its best-supported region."""
    if not tally.admin1:
        return None
    top_admin = max(tally.admin1.items(), key=lambda kv: kv[1])[0]
    g = get_gazetteer()
    best: tuple[float, Entry] | None = None
    for norm, lat, _lon, w in tally.anchors:
        for e, _k in _candidates(norm):
            if e.admin1_key == top_admin and e.feature == FEATURE_PLACE and abs(e.lat - lat) < 1e-6:
                if best is None or w > best[0]:
                    best = (w, e)
    if best:
        return best[1]
    return g.admin1_entry(top_admin)


def _context_scan(context: str | PlaceContext) -> tuple[tuple[_Span, ...], frozenset[str]]:
    return _scan_context(context) if isinstance(context, PlaceContext) else _scan(context)


def find_places(doc: Doc, context: str | PlaceContext = "", *, demonyms: bool = True) -> list[PlaceRef]:
    """Places named in one parsed sentence, resolved with the sentence and `context` (the
    post text and document title). Demonym-only mentions ("Russian forces") give a
    country-precision place unless `demonyms` is False."""
    text = doc.text
    scanned, surnames = _scan(text)
    spans = [_copy(sp, constraint=None) for sp in scanned]
    ents = doc.ents  # a tuple of new Spans on each access: once per sentence, not once per name
    _add_ner_spans(doc, spans, ents)
    _mark_settlement_heads(text, spans)
    spans.sort(key=lambda s: s.start)
    if context:
        surnames = _Either(surnames, _context_scan(context)[1])
    kept = [sp for sp in spans if _acceptable(doc, text, sp, surnames, spans, ents)]
    if not kept:
        return []
    _mark_constraints(text, kept)
    ctx = _context_tally(context)
    local = _tally(kept, [(ctx, 1.0)])
    # one sense per document: a name the post as a whole resolved confidently keeps that reading
    ranked_all = _resolve_spans(kept, [(local, LOCAL_WEIGHT), (ctx, 1.0), (_Tally(prefer=ctx.senses), 1.0)])
    out: list[PlaceRef] = []
    for sp, ranked in zip(kept, ranked_all, strict=True):
        if not ranked:
            continue
        _score, e, kind = ranked[0]
        if (kind == DEMONYM and not demonyms) or not e.country:
            continue  # continents and seas are no place for an event
        out.append(_to_ref(e, text[sp.start:sp.end], sp.start, sp.end))  # as written, if respelt to resolve it
    return out


class _Either:
    """The surnames of a sentence and of its context, asked about without building their union per
    sentence (a live blog's context names hundreds)."""

    __slots__ = ("first", "second")

    def __init__(self, first: frozenset[str], second: frozenset[str]) -> None:
        self.first, self.second = first, second

    def __contains__(self, word: object) -> bool:
        return word in self.first or word in self.second


_SETTLEMENT_OF = re.compile(
    r"\b(town|city|village|settlement|port|hamlet|capital|suburb|region|province|oblast|district)s? of\s+$", re.I)
_REGION_OF = re.compile(r"\b(region|province|oblast|district|governorate)s? of\s+$", re.I)


def _mark_settlement_heads(text: str, spans: list[_Span]) -> None:
    """"the town of Vuhledar" is a place whatever NER says; "the region of Kursk" is the region."""
    for sp in spans:
        before = text[max(0, sp.start - 30):sp.start]
        if _SETTLEMENT_OF.search(before):
            sp.ner_place = True
            if _REGION_OF.search(before) and _candidates(sp.surface, True):
                sp.admin = True


def _add_ner_spans(doc: Doc, spans: list[_Span], ents: tuple[Span, ...] | None = None) -> None:
    """Mark gazetteer spans that NER calls places, and add NER place spans the scan missed."""
    for ent in doc.ents if ents is None else ents:
        # a capitalised word NER took for a number ("fighting continues in Sievierodonestsk" as CARDINAL):
        # only a misspelt well-known place is read from it
        misread = ent.label_ in ("CARDINAL", "ORDINAL", "QUANTITY") and ent.text.isalpha() and ent.text[:1].isupper()
        if ent.label_ not in ("GPE", "LOC", "FAC") and not misread:
            continue
        s, e = ent.start_char, ent.end_char
        overlapping = [sp for sp in spans if sp.start < e and s < sp.end]
        if misread and (overlapping or _candidates(_clean_surface(ent.text))):
            continue
        for sp in overlapping:
            if sp.surface.lower() in FEATURE_WORDS and (s < sp.start or sp.end < e):
                continue  # NER's "Southern Ocean" is the ocean, no support for a town called "Ocean"
            sp.ner_place = sp.ner_place or ent.label_ != "FAC"
        if overlapping or ent.label_ == "FAC":
            continue
        surface = _clean_surface(ent.text)
        if surface and not surface[:1].isupper():
            continue  # "on the west bank" of a river is no West Bank: a name is written with a capital
        written = surface
        if surface and not _candidates(surface):
            surface = _spelt_right(surface)  # "the Sievierdonetsk front": a letter lost in haste
        if surface and _candidates(surface):
            off = ent.text.find(written)
            start = s + max(off, 0)
            span = _Span(start, start + len(written), surface, len(surface.split()), ner_place=True)
            nxt = _next_word(doc.text, span.end)
            if surface != written and nxt and nxt[0].lower() in REGION_WORDS and \
                    _candidates(f"{surface} {nxt[0]}"):
                # "the Zaporizhizhia oblast": the region, as the scan reads a name spelt right
                span.end, span.surface, span.admin = nxt[2], f"{surface} {nxt[0]}", True
            spans.append(span)


MISSPELT_MIN_LETTERS = 8  # shorter names are one letter away from too many words and other places
MISSPELT_MIN_POPULATION = 50_000


@lru_cache(maxsize=10_000)
def _spelt_right(surface: str) -> str:
    """`surface` with a long word that misspells one well-known place by one letter (or two letters
    swapped) written as that place, when no other is as close; else `surface` as it was. NER calls the
    word a place, but a region left unread places nothing told in it."""
    words = surface.split()
    for i, word in enumerate(words):
        norm = _normalize(word)
        if len(norm) < MISSPELT_MIN_LETTERS or not word[:1].isupper() or _candidates(word):
            continue
        # (a hasty hand keeps the first letter: "Nollywood" is no misspelt Hollywood)
        close = process.extract(norm, _well_known_by_initial().get(norm[0], ()), scorer=OSA.distance, score_cutoff=1,
                                limit=2)
        if len(close) == 1:
            words[i] = close[0][0].title()
            return " ".join(words)
    return surface


@lru_cache(maxsize=1)
def _well_known_by_initial() -> dict[str, tuple[str, ...]]:
    """The well-known names by first letter: a misspelling is held against a thirtieth of them."""
    out: dict[str, list[str]] = defaultdict(list)
    for name in get_gazetteer().well_known_names(MISSPELT_MIN_POPULATION):
        out[name[:1]].append(name)
    return {k: tuple(v) for k, v in out.items()}


def _covered(ent: Span, spans: list[_Span]) -> bool:
    """Whether every capitalised word of an entity is one of our place spans: "Kyiv and Kharkiv"
    labelled WORK_OF_ART is a coordination of places, not a title."""
    for tok in ent:
        if tok.text[:1].isupper() and not any(sp.start <= tok.idx < sp.end for sp in spans):
            return False
    return True


OPENER_WORD = re.compile(r"[A-Z][a-z]+(ing|ed|ern|ful|ous|ly|ive|by)")  # "Neighbouring", "Besieged", "Nearby"
SITE_HEADS = frozenset("square island bridge airport port harbour steelworks plant station street avenue "
                       "base airbase dam canal factory refinery depot".split())


def _acceptable(doc: Doc, text: str, sp: _Span, surnames: Container[str], spans: list[_Span],
                ents: tuple[Span, ...] | None = None) -> bool:
    """Recognition filters against the false positives of a pure gazetteer match."""
    cands = _candidates(sp.surface, sp.admin)
    if not cands:
        return False
    cleaned = _clean_surface(sp.surface)
    norm = normalize(cleaned)
    kinds = {k for _e, k in cands}
    if any(k == ABBR for k in kinds) and not sp.admin:
        return True
    if norm in _stopwords() or (sp.admin and normalize(cleaned.rsplit(" ", 1)[0]) in _stopwords()):
        return False
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None:
        return False
    # inside a person's or organisation's name ("Vladimir Putin", "Kyiv Independent"), unless the
    # gazetteer's name ends in what only places are ("St Peter's Square", "Snake Island")
    named_site = sp.words > 1 and cleaned.rsplit(" ", 1)[-1].lower() in SITE_HEADS
    for ent in (doc.ents if ents is None else ents) if not named_site else ():
        if ent.start_char < sp.end and sp.start < ent.end_char and ent.label_ in ("PERSON", "ORG", "WORK_OF_ART"):
            inside_longer = len(ent) > len(span) or ent.start_char < sp.start or ent.end_char > sp.end
            if inside_longer and not sp.ner_place and not _covered(ent, spans):
                return False
            if ent.label_ == "PERSON" and not sp.ner_place and not _strong_for_person(cands, cleaned, surnames):
                return False
    if sp.follower[:1].isupper() and sp.follower.lower() in MASTHEAD_WORDS:
        return False
    first = span[0]
    if first.i > 0 and doc[first.i - 1].lower_.rstrip(".") in TITLES:
        return False
    after = span.end + 1 if span.end + 1 < len(doc) and doc[span.end].pos_ == "ADV" else span.end
    if not sp.ner_place and after < len(doc) and doc[after].lemma_ in SPEECH_VERBS and not (
            first.i > 0 and doc[first.i - 1].pos_ == "ADP"):
        return False  # "Meredith said", "Meta later said": a person or a firm ("the mayor of Mariupol said" is a town)
    strong_kinds = kinds & {NAME, ALIAS, DEMONYM}
    if not strong_kinds and not sp.admin and not sp.ner_place:
        # only an alternate name or a bare region core: needs NER's support or a big place
        if max(e.population for e, _k in cands) < 100_000:
            return False
    if re.search(r"\b(pro|anti)-$", text[max(0, sp.start - 5):sp.start], re.I):
        return False  # "pro-Moscow separatists": a side, not a place
    if _names_a_text_or_view(doc, span):
        return False
    if sp.words == 1 and norm in _STOP_WORDS and ABBR not in kinds:
        return False  # "Much", "Most", "Will" at the start of a sentence
    possessive = span[-1].lower_ in ("'s", "’s") or (span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"))
    if sp.words <= 2 and not sp.ner_place and possessive and \
            all(e.population < 100_000 and e.country not in WAR_COUNTRIES and
                e.feature not in (FEATURE_COUNTRY, FEATURE_ADMIN1) for e, _k in cands):
        return False  # "McDonald's", "Sainsbury's": a firm or a person, not a hamlet abroad
    if sp.words == 1 and not sp.ner_place:
        # part of a longer name, except a town before an office ("Kyiv Mayor Vitali Klitschko")
        # "Neighbouring Lysychansk", "Besieged Mariupol": a capital only because the sentence starts there
        opener = span.start == 1 and not sp.follower and (doc[0].pos_ in ("ADJ", "VERB", "ADV", "DET", "ADP") or
                                                          OPENER_WORD.fullmatch(doc[0].text) is not None)
        if sp.partial and not opener and not (sp.follower.lower() in TITLES and _strong(cands)):
            return False
        if cleaned in surnames:
            return False
        # "the Azovstal plant", "the Zaporizhzhia nuclear plant": a name before a site the tagger calls ADJ
        before_site = span.end < len(doc) and (doc[span.end].lower_ in SITE_HEADS or (
            span.end + 1 < len(doc) and doc[span.end + 1].lower_ in SITE_HEADS))
        pos_ok = ("PROPN", "ADJ") if DEMONYM in kinds or before_site else ("PROPN",)
        if first.is_sent_start and first.pos_ not in pos_ok:
            return False
        if first.pos_ not in (*pos_ok, "NOUN") and not sp.admin:
            return False
        # a common word written with a capital ("Will", "Police") appears lowercase elsewhere
        if re.search(r"\b" + re.escape(cleaned.lower()) + r"\b", text) and cleaned.lower() != cleaned:
            return False
    return True


# "the Geneva conventions", "the Minsk agreements": a text named after where it was signed
TEXT_NOUNS = frozenset("convention conventions accord accords agreement agreements protocol protocols format "
                       "declaration memorandum communique trials tribunal tribunals doctrine principles".split())
# "the Dnipro river": the river, not the city it names
WATER_NOUNS = frozenset("river rivers estuary reservoir lake".split())
# "from Moscow's perspective": the capital stands for its government's view
VIEW_NOUNS = frozenset("perspective perspectives view views viewpoint standpoint stance position".split())


def _names_a_text_or_view(doc: Doc, span: Span) -> bool:
    """A place name that only qualifies a text, a river or a point of view says nothing about where
    an event is."""
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if nxt.lower_ in TEXT_NOUNS or nxt.lower_ in WATER_NOUNS:
        return True
    return nxt.lower_ in ("'s", "’s") and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in VIEW_NOUNS


def _strong_for_person(cands: tuple[tuple[Entry, int], ...], word: str, surnames: Container[str]) -> bool:
    """Whether a one-word PERSON entity is a place after all: NER calls "Kyiv" a person, but a
    surname seen in a full name elsewhere ("Clark said") is a person."""
    if word in surnames:
        return False
    for e, k in cands:
        if k not in (NAME, ALIAS):
            continue
        if e.feature in (FEATURE_COUNTRY, FEATURE_ADMIN1) or e.population >= 100_000:
            return True
        if e.country in WAR_COUNTRIES and e.population >= 1_000:
            return True
    return False


def _strong(cands: tuple[tuple[Entry, int], ...]) -> bool:
    """A name good enough to override a PERSON label: a country, region or sizeable town."""
    for e, k in cands:
        if k in (NAME, ALIAS) and (e.feature in (FEATURE_COUNTRY, FEATURE_ADMIN1) or e.population >= 10_000):
            return True
    return False
