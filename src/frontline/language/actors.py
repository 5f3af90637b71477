"""Who acts in a sentence: the actor catalogue (data/actors.toml) matched on tokens, then NER.

The small spaCy model mislabels much of this war's vocabulary ("Kyiv" as PERSON, "Trump" as
ORG), so named actors come from a hand-kept catalogue: states with their metonyms ("Moscow",
"the Kremlin") and adjectives, people with the offices they held and when (so "the US
president" is Biden in 2023 and Trump in 2025), forces, ministries and organisations.
Entities the catalogue does not know are kept from NER with `actor_id=None`.

Matching is on spaCy's NORM attribute (lower case, curly apostrophes and British spellings
normalised), then checked for case: acronyms must be written as such ("US", not "us") and
surnames must be capitalised ("Trump", not "trump").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
import tempfile
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from platformdirs import user_cache_dir
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from frontline.language.nlp import get_nlp
from frontline.models import ActorRef

# Prepositions after which a capital or seat of government is a place, not an actor.
LOCATIVE_PREPS = {
    "in", "at", "near", "into", "to", "outside", "around", "across", "toward", "towards", "over",
    "inside", "via", "through", "throughout", "on", "onto", "beyond", "within", "off", "past",
}
# People are "spoken to" and "met with", so fewer prepositions make a PERSON a place.
PERSON_PLACE_PREPS = {"in", "at", "near", "into", "outside", "around", "across", "inside", "throughout", "within"}
# An office phrase preceded by these does not name the current holder.
ROLE_BLOCKERS = {
    "former", "ex", "then", "late", "previous", "predecessor", "incoming", "future", "next", "deputy",
    "vice", "first", "assistant", "would-be", "last", "erstwhile", "prospective",
}
# Hyphenated compounds after which an adjective still means the state acting.
AGENTIVE_COMPOUNDS = {
    "occupied", "controlled", "held", "led", "backed", "installed", "annexed", "made", "built",
    "supplied", "launched", "run", "appointed", "imposed", "orchestrated", "sponsored",
}
NER_KINDS = {"PERSON": "person", "ORG": "org", "NORP": "unknown", "GPE": "state"}
# offices a person holds: a name set off by one of them is a person's
PERSON_ROLES = {"secretary", "minister", "spokesperson", "spokesman", "spokeswoman", "president", "governor", "mayor",
                "adviser", "advisor", "aide", "chief", "commander", "official", "director", "ambassador", "envoy",
                "senator", "mp", "lawmaker", "analyst", "expert", "researcher", "professor", "chancellor", "premier",
                "deputy", "leader", "representative", "lawyer", "prosecutor", "judge", "journalist", "correspondent"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}

# Pattern kinds, in order of preference when two candidates cover the same tokens.
PRIORITY = {"ignore": 0, "alias": 1, "force": 2, "role": 3, "metonym": 4, "demonym": 5, "surname": 6}


@dataclass(frozen=True)
class Role:
    """An office held from `start` (inclusive) to `end` (exclusive, None while in office)."""

    title: str
    of: str  # entry id of the state or organisation
    start: dt.date | None
    end: dt.date | None

    def active(self, when: dt.date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    kind: str
    country: str | None
    roles: tuple[Role, ...] = ()
    seat: str | None = None  # "Town|CC": where an international body sits (a state's is its capital)
    sector: str | None = None  # "media": reports the war, is not a party to it
    field: bool = False  # a unit at the front (a brigade, a fleet, a private army): no capital is its seat


@dataclass(frozen=True)
class _Pattern:
    words: tuple[str, ...]  # the pattern as written, for the case check
    how: str  # a PRIORITY key
    targets: tuple[str, ...]  # entry ids, or one "title|of" key for roles
    case_words: frozenset[int] = frozenset()  # word positions that must be capitalised


@dataclass
class _Candidate:
    start: int  # token offsets
    end: int
    how: str
    entry: Entry | None  # None for ignore spans
    keep: bool = True
    blocks_ner: bool = True


@dataclass
class Catalogue:
    entries: dict[str, Entry]
    holders: dict[str, list[tuple[str, Role]]]  # "title|of" -> (person id, role)
    matcher: PhraseMatcher
    patterns: dict[str, list[_Pattern]]
    honorifics: frozenset[str]
    place_suffixes: frozenset[str]
    place_nouns: frozenset[str]
    names: dict[str, str] = field(default_factory=dict)  # lower-cased canonical name -> id
    # an office title and the ways the news words it, lower-cased ("foreign minister": "secretary of state", ...)
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)


# ---------------------------------------------------------------- catalogue


def _as_date(value: object, *, end: bool = False) -> dt.date | None:
    """TOML dates pass through; a bare year covers the whole year."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    year = int(value)  # type: ignore[call-overload]
    return dt.date(year + 1, 1, 1) if end else dt.date(year, 1, 1)


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(word) >= 2 and bool(letters) and word.isupper()


MATCH_KEY = "FRONTLINE_ACTOR"  # one match id for every pattern: see _candidates
CACHE_FORMAT = 2  # 2: the catalogue keeps its office titles


@lru_cache(maxsize=1)
def get_catalogue() -> Catalogue:
    """The catalogue and its matcher, once per process and, across processes, from a disk cache.

    Building means tokenizing ~28,000 pattern phrases (2-3 s); the built catalogue (entries,
    patterns and each phrase as NORM hashes) is pickled in the user cache directory under a key
    that hashes the catalogue file, the spaCy version and the model, so an edit to actors.toml or
    an upgrade rebuilds it. A missing, stale or unreadable cache is rebuilt, never fatal."""
    data = resources.files("frontline.data").joinpath("actors.toml").read_bytes()
    nlp = get_nlp()
    path = _cache_path(data, nlp)
    state = _load_cached(path)
    if state is None:
        state = _build_state(tomllib.loads(data.decode("utf-8")))
        _store_cached(path, state)
    return _from_state(state, nlp)


def _cache_path(data: bytes, nlp) -> Path:
    meta = nlp.meta
    key = hashlib.sha256(b"\x1f".join([
        data, spacy.__version__.encode(), f"{meta.get('name')}-{meta.get('version')}".encode(),
        str(CACHE_FORMAT).encode(), sys.version.encode()])).hexdigest()[:24]
    root = Path(os.environ.get("FRONTLINE_CACHE_DIR") or user_cache_dir("frontline"))
    return root / f"actors-{key}.pickle"


def _load_cached(path: Path) -> dict | None:
    try:
        with path.open("rb") as fh:
            state = pickle.load(fh)  # noqa: S301 - our own file, keyed by the content it was built from
        return state if isinstance(state, dict) and state.get("format") == CACHE_FORMAT else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def _store_cached(path: Path, state: dict) -> None:
    """Write atomically (a temp file renamed into place): parallel workers may race here."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: build every time, as before


def _from_state(state: dict, nlp) -> Catalogue:
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    strings = nlp.vocab.strings
    for norm in state["norm_strings"]:
        strings.add(norm)  # so that a matched token's NORM reads back as text
    matcher.add(MATCH_KEY, state["keywords"])
    return Catalogue(matcher=matcher, **state["catalogue"])


def _build_state(raw: dict) -> dict:
    """Everything the catalogue needs, as picklable plain data: the matcher's phrases as tuples
    of NORM hashes (PhraseMatcher accepts them in place of Docs)."""

    nlp = get_nlp()
    case_sensitive = {w for phrase in raw.get("case_sensitive", []) for w in phrase.split()}
    honorifics = list(raw.get("honorifics", []))
    force_nouns = raw.get("force_nouns", [])
    titles: dict[str, list[str]] = {k: list(v) for k, v in raw.get("titles", {}).items()}

    items = raw.get("actor", [])
    entries: dict[str, Entry] = {}
    state_by_country: dict[str, str] = {}
    by_label: dict[str, str] = {}  # how a role's `of` may name its state or body
    for item in items:
        if item["kind"] == "state" and item.get("country"):
            state_by_country[item["country"]] = item["id"]
        for label in [item["name"], *item.get("aliases", [])]:
            by_label.setdefault(_strip_the(label).lower(), item["id"])
    ids = {i["id"] for i in items}
    for item in items:
        roles = []
        for r in item.get("roles", []):
            of = r.get("of", item.get("country"))
            of_id = of if of in ids else state_by_country.get(of) or by_label.get(str(of).lower(), of)
            roles.append(Role(r["title"], of_id, _as_date(r.get("from")), _as_date(r.get("to"), end=True)))
        entries[item["id"]] = Entry(item["id"], item["name"], item["kind"], item.get("country"), tuple(roles),
                                    item.get("seat"), item.get("sector"), bool(item.get("field")))

    patterns: dict[str, list[_Pattern]] = defaultdict(list)
    docs_by_key: dict[str, Doc] = {}

    def add(text: str, how: str, targets: tuple[str, ...], case_words: frozenset[int] = frozenset()) -> None:
        doc = nlp.make_doc(text)
        words = tuple(t.text for t in doc)
        forced = {i for i, w in enumerate(words) if w in case_sensitive}
        key = " ".join(t.norm_ for t in doc)
        patterns[key].append(_Pattern(words, how, targets, frozenset(case_words | forced)))
        docs_by_key.setdefault(key, doc)

    # Entities: names, aliases, metonyms, adjectives, forces.
    for item in items:
        eid = item["id"]
        for alias in {item["name"], *item.get("aliases", [])}:
            if item["kind"] == "person" and len(alias.split()) == 1:
                continue  # one-word person aliases are surnames, handled below
            add(_strip_the(alias), "alias", (eid,))
        for met in item.get("metonyms", []):
            add(_strip_the(met), "metonym", (eid,))
        if item["kind"] != "state":
            continue
        adjective = item.get("adjective")
        for dem in [adjective, *item.get("demonyms", [])]:
            if dem:
                add(dem, "demonym", (eid,))
        force_id = item.get("forces")
        if not force_id and adjective:
            force_id = f"{item['country'].lower()}-forces"
            entries[force_id] = Entry(force_id, f"{adjective} forces", "force", item.get("country"))
        if not force_id:
            continue
        owners = [item["name"], *map(_strip_the, item.get("metonyms", []))]
        short = [a for a in map(_strip_the, item.get("aliases", [])) if _is_acronym(a) or len(a.split()) == 1]
        for noun in force_nouns:
            if adjective:
                add(f"{adjective} {noun}", "force", (force_id,))
            for owner in {*owners, *short}:
                add(f"{owner}'s {noun}", "force", (force_id,))
            for acro in (a for a in short if _is_acronym(a)):
                add(f"{acro} {noun}", "force", (force_id,))

    # People: surnames alone (unless ambiguous) and after an honorific.
    surname_ids: dict[str, list[str]] = defaultdict(list)
    bare_ids: dict[str, list[str]] = defaultdict(list)
    for item in items:
        if item["kind"] != "person":
            continue
        if item.get("surname"):
            surnames = {item["surname"]}
        else:
            surnames = {n.split()[-1] for n in [item["name"], *item.get("aliases", [])] if len(n.split()) > 1}
        surnames |= {a for a in item.get("aliases", []) if len(a.split()) == 1}
        for sn in surnames:
            surname_ids[sn].append(item["id"])
            single_alias = sn in item.get("aliases", [])
            if item.get("bare_surname", True) or single_alias:
                bare_ids[sn].append(item["id"])
    for sn, ids in surname_ids.items():
        capitals = [i for i, t in enumerate(nlp.make_doc(sn)) if t.text[:1].isupper()]  # not "von", "bin"
        if sn in bare_ids:
            add(sn, "surname", tuple(bare_ids[sn]), frozenset(capitals))
        for hon in honorifics:
            h = len(nlp.make_doc(hon))
            add(f"{hon} {sn}", "surname", tuple(ids), frozenset(h + i for i in capitals))

    # Offices: "<designator> <title>", "<designator>'s <title>", "<title> of [the] <designator>".
    holders: dict[str, list[tuple[str, Role]]] = defaultdict(list)
    for entry in entries.values():
        for role in entry.roles:
            holders[f"{role.title}|{role.of}"].append((entry.id, role))
    for item in items:
        if item["kind"] == "state" and item.get("leader"):
            src = holders.get(f"{item['leader']}|{item['id']}")
            if src:
                holders[f"leader|{item['id']}"] = src
    titles.setdefault("leader", ["leader"])
    by_id = {i["id"]: i for i in items}
    for key in list(holders):
        title, of_id = key.split("|", 1)
        owner = by_id.get(of_id)
        if owner is None:
            continue
        nouns = {owner["name"], *owner.get("aliases", []), *owner.get("metonyms", [])}
        nouns = {_strip_the(n) for n in nouns}
        for variant in titles.get(title, [title]):
            if owner.get("adjective"):
                add(f"{owner['adjective']} {variant}", "role", (key,))
            for noun in nouns:
                add(f"{noun} {variant}", "role", (key,))
                add(f"{noun}'s {variant}", "role", (key,))
                add(f"{variant} of {noun}", "role", (key,))
                add(f"{variant} of the {noun}", "role", (key,))

    for phrase in raw.get("ignore", []):
        add(phrase, "ignore", ())

    keywords = [tuple(t.norm for t in doc) for doc in docs_by_key.values()]
    norm_strings = sorted({t.norm_ for doc in docs_by_key.values() for t in doc})
    names = {e.name.lower(): e.id for e in entries.values()}
    catalogue = dict(
        entries=entries,
        holders=dict(holders),
        patterns=dict(patterns),
        honorifics=frozenset(h.lower() for h in honorifics),
        place_suffixes=frozenset(w.lower() for w in raw.get("place_suffixes", [])),
        place_nouns=frozenset(w.lower() for w in raw.get("place_nouns", [])),
        names=names,
        titles={k: tuple(v.lower() for v in (k, *vs)) for k, vs in raw.get("titles", {}).items()},
    )
    return {"format": CACHE_FORMAT, "catalogue": catalogue, "keywords": keywords, "norm_strings": norm_strings}


# ---------------------------------------------------------------- matching


def _case_ok(pattern: _Pattern, span: Span) -> bool:
    """Acronyms exactly as written; capitalised words where the pattern demands it."""
    for i, (word, tok) in enumerate(zip(pattern.words, span, strict=True)):
        if _is_acronym(word):
            if tok.text != word:
                return False
        elif i in pattern.case_words and not tok.text[:1].isupper():
            return False
    return True


def _pick_holder(options: list[tuple[str, Role]], when: dt.date | None) -> str | None:
    active = [(pid, r) for pid, r in options if r.active(when)]
    if not active:
        return None
    active.sort(key=lambda pr: pr[1].start or dt.date.min)
    return active[-1][0]


def _pick_person(cat: Catalogue, ids: tuple[str, ...], when: dt.date | None) -> str | None:
    """One surname, several people: the one in office on the date, else give up."""
    ids = tuple(dict.fromkeys(ids))
    if len(ids) == 1:
        return ids[0]
    in_office = [i for i in ids if any(r.active(when) for r in cat.entries[i].roles)]
    return in_office[0] if len(in_office) == 1 else None


def _candidates(doc: Doc, when: dt.date | None) -> list[_Candidate]:
    """All catalogue matches after case checks and resolution, overlaps removed (longest wins)."""
    cat = get_catalogue()
    found: list[_Candidate] = []
    for _match_id, start, end in cat.matcher(doc):
        span = doc[start:end]
        # one match id for all phrases; matching is on NORM, so the span's norms are the phrase's key
        for pat in cat.patterns.get(" ".join(t.norm_ for t in span), []):
            if not _case_ok(pat, span):
                continue
            entry: Entry | None = None
            if pat.how == "role":
                pid = _pick_holder(cat.holders.get(pat.targets[0], []), when)
                entry = cat.entries.get(pid) if pid else None
            elif pat.how == "surname":
                pid = _pick_person(cat, pat.targets, when)
                entry = cat.entries.get(pid) if pid else None
            elif pat.targets:
                entry = cat.entries.get(pat.targets[0])
            if entry is None and pat.how != "ignore":
                continue
            if pat.how == "role" and end < len(doc) and doc[end].lower_ in ("'s", "’s"):
                continue  # "the head of the UN's atomic watchdog" heads the watchdog, not the UN
            found.append(_Candidate(start, end, pat.how, entry))
            break
    found.sort(key=lambda c: (-(c.end - c.start), PRIORITY[c.how], c.start))
    taken: set[int] = set()
    chosen: list[_Candidate] = []
    for cand in found:
        if taken.isdisjoint(range(cand.start, cand.end)):
            chosen.append(cand)
            taken.update(range(cand.start, cand.end))
    chosen.sort(key=lambda c: c.start)
    parsed = doc.has_annotation("DEP")
    for cand in chosen:
        _apply_context(cand, doc, chosen, parsed, cat)
    return chosen


def _as_place(tok: Token) -> bool:
    """Is this token the object of a locative preposition (directly or as a conjunct)?"""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


COMPASS_NAMES = {"North", "South", "East", "West", "New"}


def _apply_context(cand: _Candidate, doc: Doc, chosen: list[_Candidate], parsed: bool, cat: Catalogue) -> None:
    """Drop matches the context shows are not actors: places, former office holders, other people."""
    nxt = doc[cand.end] if cand.end < len(doc) else None
    prev = doc[cand.start - 1] if cand.start > 0 else None
    if cand.how == "ignore":
        cand.keep = False
    elif cand.entry is not None and cand.entry.kind == "state" and prev is not None and \
            prev.text in COMPASS_NAMES:
        cand.keep = False  # "South Georgia", "New Mexico": another place whose name ends in a state's
    elif cand.how == "metonym":
        span = doc[cand.start:cand.end]
        if nxt is not None and nxt.lower_ in cat.place_suffixes:
            cand.keep = False
        elif parsed and _as_place(span.root):
            cand.keep = False
        elif not parsed and prev is not None and prev.lower_ in LOCATIVE_PREPS:
            cand.keep = False
    elif prev is not None and prev.text in {"-", "‑", "–"} and cand.how in {"demonym", "force", "role"}:
        cand.keep = False  # pro-Russian, anti-Ukrainian, Ukrainian-born
    elif cand.how == "alias" and cand.entry is not None and cand.entry.kind == "org" and not cand.entry.country and \
            prev is not None and prev.lower_ in ("'s", "’s") and any(
                c.end == cand.start - 1 and c.entry is not None and c.entry.kind == "state" for c in chosen):
        cand.keep = False  # "the Kremlin's security council" is Russia's own, not the UN's
    elif cand.how == "demonym":
        if prev is not None and prev.is_title and doc[cand.start].ent_type_ == "PERSON" and \
                doc[cand.start].ent_iob_ == "I":
            cand.keep = False  # "Tracey German", "Mark English": a surname inside a person's name
            cand.blocks_ner = False
        elif nxt is not None and nxt.text in {"-", "‑"}:
            after = doc[cand.end + 1] if cand.end + 1 < len(doc) else None
            cand.keep = after is not None and after.lower_ in AGENTIVE_COMPOUNDS
        elif nxt is not None and nxt.lower_ in cat.place_nouns:
            cand.keep = False
    elif cand.how == "role":
        before = [t.lower_ for t in doc[max(0, cand.start - 2):cand.start] if t.lower_ not in DETERMINERS]
        if before and (before[-1] in ROLE_BLOCKERS or before[-1] in {"-", "ex-"} and "ex" in before):
            cand.keep = False
        elif nxt is not None and nxt.text in {"-", "‑"}:
            cand.keep = False  # president-elect
        elif nxt is not None and _starts_name(nxt, chosen):
            cand.keep = False  # "Russian president Vladimir Putin": the name is the actor
    elif cand.how == "surname":
        first = doc[cand.start]
        if (prev is not None and first.lower_ not in cat.honorifics and prev.is_title
                and prev.lower_ not in cat.honorifics
                and (not parsed or prev.pos_ == "PROPN")
                and not any(c.end == cand.start for c in chosen)):
            cand.keep = False  # "Hunter Biden": someone else with the same surname
            cand.blocks_ner = False


def _starts_name(tok: Token, chosen: list[_Candidate]) -> bool:
    for c in chosen:
        if c.start == tok.i and c.entry is not None and c.entry.kind == "person":
            return True
    if tok.ent_type_ == "PERSON":
        return True
    return tok.is_title and (tok.pos_ == "PROPN" if tok.pos_ else True)


def _ref(entry: Entry, span: Span) -> ActorRef:
    return ActorRef(
        name=entry.name, actor_id=entry.id, kind=entry.kind, text=span.text,
        start=span.start_char, end=span.end_char, country=entry.country,
    )


def _normalise_when(when: dt.date | dt.datetime | None) -> dt.date | None:
    return when.date() if isinstance(when, dt.datetime) else when


def find_actors(doc: Doc, when: dt.date | None = None) -> list[ActorRef]:
    """Actors named in one parsed sentence, in text order; `when` dates office titles."""
    when = _normalise_when(when)
    cat = get_catalogue()
    cands = _candidates(doc, when)
    refs = [_ref(c.entry, doc[c.start:c.end]) for c in cands if c.keep and c.entry is not None]
    blocked = {i for c in cands if c.blocks_ner for i in range(c.start, c.end)}
    for ent in doc.ents:
        ref = _unknown(ent, blocked, cat)
        if ref is not None:
            refs.append(ref)
    refs.sort(key=lambda r: r.start)
    return refs


def _unknown(ent: Span, blocked: set[int], cat: Catalogue) -> ActorRef | None:
    """An NER entity the catalogue does not know, if it looks like an actor rather than a place."""
    kind = NER_KINDS.get(ent.label_)
    if kind is None or not blocked.isdisjoint(range(ent.start, ent.end)):
        return None
    toks = list(ent)
    while toks and (toks[0].lower_ in DETERMINERS or toks[0].lower_ in cat.honorifics or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].lower_ in {"'s", "’s", "'"} or toks[-1].is_punct):
        toks = toks[:-1]
    if not toks or not any(c.isupper() for t in toks for c in t.text):
        return None
    span = ent.doc[toks[0].i:toks[-1].i + 1]
    root = span.root
    if ent.label_ == "GPE":
        # An unknown place counts as an actor only when it acts ("Montenegro said").
        if root.dep_ not in {"nsubj", "poss"} and not (root.dep_ == "pobj" and root.head.dep_ == "agent"):
            return None
    elif ent.label_ in {"PERSON", "ORG"}:
        if _as_place_person(root):  # the small model calls many towns PERSON or ORG
            return None
        if any(t.lower_ in ("from", "towards") and t.is_lower for t in span[1:-1]):
            return None  # "the approach to Kharkiv from Izium": a route between places, not a name
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in cat.place_nouns:
            return None  # "the town of Kurakhove"
        if root.dep_ == "appos" and root.head.lower_ in cat.place_nouns:
            return None
        if any(c.dep_ == "appos" and c.lower_ in cat.place_nouns for c in root.children):
            return None  # "Kurakhove, a strategic town"
        if ent.label_ == "ORG" and len(ent) in (2, 3) and any(
                c.dep_ == "appos" and any(t.lemma_.lower() in PERSON_ROLES for t in list(c.subtree)[:6])
                for c in root.children):
            kind = "person"  # "Oleksiy Danilov, the secretary of the security council": a person, whatever NER said
    if all(t.like_num for t in span):
        return None
    if _not_a_name(span):
        return None
    if root.dep_ == "compound" and root.head.i >= span.end:
        return None  # a modifier: "the Azovstal steelworks", "the Johnson administration"
    if ent.label_ == "NORP" and (root.dep_ in {"amod", "compound"} or root.pos_ == "ADJ"):
        return None  # "Jewish community", "Republican senators": a description, not an actor
    name_toks = [t for t in span if t.lower_ not in cat.honorifics] or list(span)
    name = ent.doc[name_toks[0].i:name_toks[-1].i + 1].text
    return ActorRef(name=name, actor_id=None, kind=kind, text=span.text, start=span.start_char, end=span.end_char)


IDEA_ENDINGS = ("ism", "phobia", "philia")
PLACE_OPENERS = {"inside", "outside", "near", "across", "around", "beyond", "within", "throughout"}


def _not_a_name(span: Span) -> bool:
    """Spans NER calls a person or body that are a day, an idea or a clause opening: "Navy Day",
    "Nazism", "Capturing Sievierodonetsk", "Inside Lysychansk"."""
    if len(span) > 1 and span[-1].text == "Day":
        return True
    if len(span) == 1 and span[0].lower_.endswith(IDEA_ENDINGS):
        return True
    return len(span) > 1 and span[0].i == span[0].sent.start and (
        span[0].tag_ == "VBG" or span[0].pos_ == "ADP" or span[0].lower_ in PLACE_OPENERS)


def _as_place_person(tok: Token) -> bool:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in PERSON_PLACE_PREPS


_CANONICAL: dict[tuple[str, dt.date | None], ActorRef | None] = {}
_CANONICAL_OF: list[Catalogue] = []  # the catalogue the answers above came from
CANONICAL_CACHE = 20_000
_UNKNOWN = object()  # not asked yet (None is an answer: no such actor)


def canonical_actor(name: str, when: dt.date | None = None) -> ActorRef | None:
    """Resolve a free-text name ("Mr Sybiha", "the Kremlin", "Russian president") to the catalogue.

    Memoised per catalogue: extraction asks about the same few speakers for every sentence, and
    merging hundreds of thousands of times; each caller gets its own copy, as an ActorRef is mutable."""
    text = name.strip()
    if not text:
        return None
    when = _normalise_when(when)
    cat = get_catalogue()
    if not _CANONICAL_OF or _CANONICAL_OF[0] is not cat or len(_CANONICAL) >= CANONICAL_CACHE:
        _CANONICAL.clear()
        _CANONICAL_OF[:] = [cat]
    key = (text, when)
    ref = _CANONICAL.get(key, _UNKNOWN)
    if ref is _UNKNOWN:
        ref = _CANONICAL[key] = _resolve_actor(text, when, cat)
    return replace(ref) if isinstance(ref, ActorRef) else None


def clear_canonical_cache() -> None:
    """Forget the memoised answers of `canonical_actor` (benchmarks that time a cold start)."""
    _CANONICAL.clear()


def resolved_ids(names: Iterable[str]) -> dict[str, str | None]:
    """The catalogue id `canonical_actor(name)` (undated) answers for each name, None for no actor:
    all it takes to give the same answer again (`remember_resolved`), so that whoever stores a
    mention can store its names resolved (`store.merging`), and a later process reading the row
    back does not parse the names with spaCy again."""
    out: dict[str, str | None] = {}
    for name in names:
        if name not in out:
            ref = canonical_actor(name)
            out[name] = ref.actor_id if ref is not None else None
    return out


def remember_resolved(answers: Mapping[str, str | None]) -> None:
    """Take answers of `resolved_ids` (read back from storage) as `canonical_actor`'s memo, as if
    this process had resolved the names itself. An id the catalogue no longer has is left out
    (that name is resolved again when asked); a name already memoised is kept as it is."""
    if not answers:
        return
    cat = get_catalogue()
    if not _CANONICAL_OF or _CANONICAL_OF[0] is not cat:
        _CANONICAL.clear()
        _CANONICAL_OF[:] = [cat]
    for name, eid in answers.items():
        text = name.strip()
        key = (text, None)
        if not text or key in _CANONICAL or len(_CANONICAL) >= CANONICAL_CACHE:
            continue
        if eid is None:
            _CANONICAL[key] = None
        elif (entry := cat.entries.get(eid)) is not None:  # what _resolve_actor builds from an entry
            _CANONICAL[key] = _whole_text_ref(entry, text)


def _resolve_actor(text: str, when: dt.date | None, cat: Catalogue) -> ActorRef | None:
    doc = get_nlp().make_doc(text)
    cands = [c for c in _candidates(doc, when) if c.keep and c.entry is not None]
    if not cands:
        eid = cat.names.get(text.lower())
        return _whole_text_ref(cat.entries[eid], text) if eid else None
    lead = 0
    while lead < len(doc) and (doc[lead].lower_ in DETERMINERS or doc[lead].lower_ in cat.honorifics):
        lead += 1
    covered = {i for c in cands for i in range(c.start, c.end)}
    # "Tracey German": a demonym closing a run of capitalised words is a surname
    cands = [c for c in cands if not (c.how == "demonym" and c.end == len(doc) and c.start > lead and
                                      doc[c.start - 1].is_title and c.start - 1 not in covered)]
    if not cands:
        return None
    whole = [c for c in cands if c.start <= lead and c.end == len(doc)]
    # "head of the office of the Ukrainian president", "an adviser to Zelenskiy": whose office or
    # adviser it is names someone else, not who this is
    # (an office of a body still sits where the body does: "the head of the European Commission")
    cands = [c for c in cands if c in whole or c.entry is None or c.entry.kind != "person" or
             not _after_of(doc, c.start)]
    if not cands:
        return None
    people = [c for c in cands if c.entry is not None and c.entry.kind == "person"]
    best = whole[0] if whole else (people[-1] if people else max(cands, key=lambda c: c.end - c.start))
    assert best.entry is not None
    return _whole_text_ref(best.entry, text)


def _after_of(doc: Doc, start: int) -> bool:
    """The span at `start` depends on a preposition ("of the", "to") before it."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in DETERMINERS:
        i -= 1
    return i >= 1 and doc[i].lower_ in ("of", "to", "for")


def _whole_text_ref(entry: Entry, text: str) -> ActorRef:
    """The catalogue entry a whole name resolves to, as an actor spanning that name."""
    return ActorRef(entry.name, entry.id, entry.kind, text, 0, len(text), entry.country)


def is_media(actor_id: str | None) -> bool:
    """A news outlet: what it reports is reported, not claimed by a side."""
    entry = get_catalogue().entries.get(actor_id or "")
    return entry is not None and entry.sector == "media"


def is_outlet_name(name: str) -> bool:
    """A name the catalogue knows as a news outlet ("Reuters", "the New York Times")."""
    actor = canonical_actor(name)
    return actor is not None and is_media(actor.actor_id)


def seat_of_actor(actor_id: str | None, when: dt.date | None = None) -> tuple[str | None, str] | None:
    """Where an actor speaks from: (town, country) for a body with a seat, (None, country) for a
    state's capital, None when unknown. An official speaks from the seat of the body they serve
    (the UN's secretary general from New York), not from the country of their passport."""
    cat = get_catalogue()
    entry = cat.entries.get(actor_id or "")
    if entry is None:
        return None
    when = _normalise_when(when)
    bodies = [entry]
    if entry.kind == "person":
        served = [cat.entries.get(r.of) for r in entry.roles if r.active(when)] or \
                 [cat.entries.get(r.of) for r in entry.roles]
        bodies = [b for b in served if b is not None] or [entry]
    for body in bodies:
        if body.field:
            return None
        if body.seat:
            town, _, country = body.seat.partition("|")
            return town, country
        if body.country and (body.kind != "org" or body is entry):
            return None, body.country
    return None


@lru_cache(maxsize=256)
def state_of(country: str | None) -> str | None:
    """The catalogue's name for the state with this ISO code ("UA" -> "Ukraine"), if any."""
    if not country:
        return None
    for entry in get_catalogue().entries.values():
        if entry.kind == "state" and entry.country == country:
            return entry.name
    return None
