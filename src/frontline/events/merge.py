"""Merge mentions of the same real-world event, on positive evidence only.

Two stages. Within a document, mentions are grouped into the stories it tells: a sentence
that carries on the one before joins its event; otherwise a mention joins a story when it
conflicts with none of its mentions (different places, dates too far apart, one party both
asserting and denying, different participants, rival claims, two kinds of act) and some
evidence says they are one (the same live-blog post or article paragraph, shared words,
the same town and voices, a claim and its denial; the learned pair scorer of
`events.pairs` adds what these rules miss). Then a document's stories join other
documents' events only on strict evidence (same kind, same day, same town or words).
Merging also settles status: one side asserts and the other denies -> contested.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter

from rapidfuzz import fuzz

from frontline.events.pairs import PairModel, _index, pair_model
from frontline.events.similarity import (
    FULL_NAME,
    TITLES,
    normalized_name,
    proper_names,
    side_of,
    speaker_identity,
    text_overlap,
    voices_apart,
    war_side,
)
from frontline.events.triggers import find_triggers
from frontline.language.actors import canonical_actor, get_catalogue, is_media, state_of
from frontline.language.attribution import BODY_NOUNS, SPOKESPERSON
from frontline.models import DateRef, Event, EventMention, Evidence, PlaceRef, Quantity

GROUND = {"territory.capture", "territory.withdrawal", "offensive", "clash"}
MILITARY = GROUND | {"strike", "casualties", "prisoners"}
HARM = {"strike", "casualties"}
PARTICIPANT_TYPES = {"meeting", "call", "agreement"}
TOLERANCE_DAYS = {"day": 2, "week": 3, "month": 0, "year": 0}
DCT_TOLERANCE_DAYS = 7
REPORT_LOOKBACK_DAYS = 45
SIMILAR_TEXT = 60
WINDOW = 400
CONSOLIDATE = 1.8  # a document's two stories of one kind become one on evidence this strong
STORY_OVERLAP = 0.2  # share of content words that ties two sentences of one post to one story
SAME_WORDS = 0.6  # share of content words of a sentence repeated (a summary line and its post)
LINK_MENTIONS = 12  # mentions of each side compared when linking stories across documents
_VERIFY_RESUME = False  # tests: check every score a resumed clustering reuses against a fresh one


class _Cluster:
    def __init__(self, first: EventMention):
        self.mentions = [first]

    def add(self, m: EventMention) -> None:
        self.mentions.append(m)


def merge_mentions(mentions: list[EventMention]) -> list[Event]:
    """One Event per group of compatible mentions; headline-only groups are dropped.

    Two stages: each document's mentions are grouped into the stories it tells (with the
    evidence one text gives: its posts, paragraphs, sentences continuing each other), then
    a document's stories join other documents' events only on strict evidence (same kind,
    same day, same town or the same words), within blocks and in a canonical order
    (`events.linking`), so the result does not depend on the order of the documents."""
    from frontline.events.linking import Story, groups, link_group

    by_doc: dict[str, list[EventMention]] = {}
    for m in mentions:
        by_doc.setdefault(m.evidence.document, []).append(m)
    stories = [Story(doc, i, c.mentions) for doc, doc_mentions in by_doc.items()
               for i, c in enumerate(document_stories(doc_mentions))]
    return events_of([c for g in groups(stories) for c in link_group(g)])


def document_stories(mentions: list[EventMention]) -> list[_Cluster]:
    """Stage 1: the stories one document tells (depends on its mentions alone, so it can be cached)."""
    return resume_stories(mentions)[0]


def resume_stories(mentions: list[EventMention], previous: Progress | None = None) -> tuple[list[_Cluster], Progress]:
    """`document_stories` with a record of how it went; given the record of an earlier version of the
    document (a live blog before its new posts), only what the change touches is scored again."""
    return _cluster_document(mentions, pair_model(), previous)


def events_of(clusters: list[_Cluster]) -> list[Event]:
    """Events of linked clusters, newest first (as the store lists them, Store.iter_events)."""
    events = sorted((_event(c) for c in clusters), key=lambda e: e.id)
    return sorted(events, key=lambda e: e.date.start if e.date else dt.date.min, reverse=True)


class Progress:
    """How stage 1 clustered a document, mention by mention, in clustering order: enough to redo it
    for a grown version of the document (new posts on top or at the end) without scoring again what
    the change cannot touch. Per mention: its digest (the mention without where it sits), its
    sentence and `joins` numbers, the cluster it joined (clusters by creation), whether it founded
    it, and, when it was scored against the clusters, the first cluster of its window and the
    clusters that scored above zero."""

    def __init__(self, rows: list[list] | None = None, joined: list[int] | None = None):
        self.rows = rows or []  # [digest, sentence, joins, cluster, founded, window_first, {cluster: score}]
        self.joined = joined or []  # cluster -> the cluster whose story it became part of (_consolidate)

    def to_json(self) -> dict:
        return {"rows": self.rows, "joined": self.joined}

    @classmethod
    def from_json(cls, data: dict) -> Progress:
        return cls([[d, s, j, c, f, w, {int(k): v for k, v in sc.items()} if sc is not None else None]
                    for d, s, j, c, f, w, sc in data["rows"]], list(data["joined"]))


def _place(m: EventMention) -> tuple[str, int, int | None] | None:
    """(digest, sentence number, joined sentence number) of a mention; None when its keys are not numbered."""
    prefix, _, tail = m.sentence_key.rpartition(":")
    if not tail.isdigit():
        return None
    joins = None
    if m.joins:
        jprefix, _, jtail = m.joins.rpartition(":")
        if jprefix != prefix or not jtail.isdigit():
            return None
        joins = int(jtail)
    ev = m.evidence
    norm = dataclasses.replace(m, evidence=dataclasses.replace(ev, start=0, end=ev.end - ev.start),
                               sentence_key=prefix, joins=":" if m.joins else "")
    return hashlib.blake2b(repr(norm).encode(), digest_size=12).hexdigest(), int(tail), joins


def _align(previous: Progress | None, places: list) -> dict[int, int] | None:
    """New position -> old position of the mentions an earlier run clustered, when the new document is
    the old one with mentions added around them, the old ones all kept, in the same order, with their
    sentence numbers shifted alike (so every relation between two old mentions is as it was)."""
    if previous is None or not previous.rows or any(p is None for p in places):
        return None
    out: dict[int, int] = {}
    rows, q, shift = previous.rows, 0, None
    for pos, (digest, sent, joins) in enumerate(places):
        if q < len(rows) and rows[q][0] == digest:
            d = sent - rows[q][1]
            if shift is None:
                shift = d
            if d != shift or (joins is None) != (rows[q][2] is None) or \
                    (joins is not None and joins - rows[q][2] != shift):
                return None
            out[pos] = q
            q += 1
    return out if q == len(rows) else None


def _cluster_document(mentions: list[EventMention], model: PairModel | None,
                      previous: Progress | None = None) -> tuple[list[_Cluster], Progress]:
    clusters: list[_Cluster] = []
    by_sentence: dict[str, _Cluster] = {}
    by_key: dict[str, _Cluster] = {}  # a sentence's first event: what a continuing sentence joins
    # Body text first: a headline only ever joins an event its post tells, it never seeds one.
    ordered = [m for m in mentions if not m.supporting] + [m for m in mentions if m.supporting]
    places = [_place(m) for m in ordered]
    old_of = _align(previous, places) or {}
    old_rows = previous.rows if previous is not None else []
    # A resumed run: clusters are tracked to the earlier run's (`twin`); a cluster is `dirty` when its
    # mentions may differ from its twin's at this point, and then it is scored again.
    index: dict[int, int] = {}  # id(cluster) -> creation number
    twin: dict[int, int] = {}  # creation number -> the twin's creation number in the earlier run
    of_twin: dict[int, _Cluster] = {}
    dirty: set[int] = set()
    rows: list[list] = []
    for pos, m in enumerate(ordered):
        q = old_of.get(pos)
        old = old_rows[q] if q is not None else None
        key = f"{m.sentence_key}|{m.type}"
        window_first, scores, founded = None, None, False
        if m.sentence_key and key in by_sentence:
            best = by_sentence[key]
            best.add(m)
        elif m.joins and m.joins in by_key:
            best = by_key[m.joins]
            best.add(m)  # '"...," he added': the sentence before it tells the event
            if m.sentence_key:
                by_sentence[key] = best
                by_key.setdefault(m.sentence_key, best)
        else:
            best, best_score = None, 0.0
            window = clusters[-WINDOW:]
            window_first = len(clusters) - len(window)
            scores = {}
            memo = old[6] if old is not None else None
            for c in window:
                ci = index[id(c)]
                t = twin.get(ci)
                if memo is not None and t is not None and ci not in dirty and t >= old[5]:
                    score = memo.get(t, 0.0)  # the same mentions as when the earlier run scored them
                    if _VERIFY_RESUME and score != _score(c, m, model):
                        raise AssertionError(f"resumed score of cluster {ci} for mention {pos} differs")
                else:
                    score = _score(c, m, model)
                if score > 0.0:
                    scores[ci] = score
                if score > best_score or (score == best_score > 0.0 and not m.supporting and _shares_more(c, best, m)):
                    best, best_score = c, score
            if best is None:
                if not m.supporting:
                    best = _Cluster(m)
                    index[id(best)] = len(clusters)
                    clusters.append(best)
                    founded = True
            else:
                best.add(m)
            if best is not None and m.sentence_key:
                by_sentence[key] = best
                by_key.setdefault(m.sentence_key, best)
        ci = index[id(best)] if best is not None else -1
        # Does this mention go where it went in the earlier run? If not, both clusters now differ from their twins.
        if old is None:
            if ci >= 0:
                dirty.add(ci)
        elif founded and old[4]:
            twin[ci] = old[3]
            of_twin[old[3]] = best
        elif founded or old[4] or (ci >= 0) != (old[3] >= 0) or (ci >= 0 and twin.get(ci) != old[3]):
            if ci >= 0:
                dirty.add(ci)
            if old[3] >= 0 and old[3] in of_twin:
                dirty.add(index[id(of_twin[old[3]])])
        digest, sent, joins = places[pos] or (None, None, None)
        rows.append([digest, sent, joins, ci, founded, window_first, scores])
    earlier = (previous.joined, twin, dirty) if old_of and previous is not None else None
    out, joined = _consolidate(clusters, earlier)
    return out, Progress(rows, joined)


def _shares_more(c: _Cluster, other: _Cluster, m: EventMention) -> bool:
    """Two stories score alike for a mention: it goes with the one whose sentences share more of its
    words ("the ministry's department head said ..." with the ministry's sales forecast, not the app
    renamed told just before it). A headline or an embedded post keeps to the first story, as before."""
    def shared(x: _Cluster) -> tuple[bool, float]:  # (a story of its own kind first)
        return any(y.type == m.type for y in x.mentions), \
            max(text_overlap(y.evidence.text, m.evidence.text) for y in x.mentions)
    return shared(c) > shared(other)


def _consolidate(clusters: list[_Cluster], earlier: tuple[list[int], dict[int, int], set[int]] | None = None
                 ) -> tuple[list[_Cluster], list[int]]:
    """A second look at one document's stories: two that a mention could have joined either way
    ('X claims the town' in the summary, the same claim and its denial in a post) become one.
    Returns the stories and, for each cluster, the cluster whose story it became part of. With
    `earlier` (that list from an earlier run, and stage 1's twins and dirty clusters of a resumed
    run), comparisons the earlier run made between the same stories are not made again."""
    out: list[_Cluster] = []
    founders: list[int] = []  # out[i] began as clusters[founders[i]]
    joined: list[int] = []
    # _story_affinity is above zero only for a pair of body mentions of one kind other than a
    # statement: stories without such a pair are not compared (the same result, sooner).
    kinds: list[set[str]] = []
    old_joined, twin, dirty = earlier if earlier is not None else ([], {}, set())
    old_founders = [ci for ci, f in enumerate(old_joined) if f == ci]
    old_place = {f: n for n, f in enumerate(old_founders)}  # founder -> its story's position in the earlier run
    kept = set(twin.values())
    # An earlier story that lost one of its clusters (gone from the new run) is not what it was.
    changed_old = {f for ci, f in enumerate(old_joined) if ci not in kept}
    clean: list[bool] = []  # out[i] holds what its twin held at this point of the earlier run
    for ci, c in enumerate(clusters):
        t0 = twin.get(ci)
        old0 = old_joined[t0] if t0 is not None and t0 < len(old_joined) else None  # where its twin went
        t, old = (t0, old0) if ci not in dirty else (None, None)
        # the first story of the window the earlier run compared its twin with
        first = max(0, bisect.bisect_left(old_founders, t) - WINDOW) if t is not None else 0
        target = None
        mine = {m.type for m in c.mentions if not m.supporting and m.type != "statement"}
        if mine:
            for i in range(max(0, len(out) - WINDOW), len(out)):
                if not kinds[i] & mine:
                    continue
                f = twin.get(founders[i])
                if old is not None and clean[i] and f in old_place and old_place[f] >= first and \
                        (f == old or old == t or old_place[f] < old_place.get(old, -1)):
                    hit = f == old  # the earlier run compared these two stories, as they are now
                    if _VERIFY_RESUME and hit != (_story_affinity(out[i], c) >= CONSOLIDATE):
                        raise AssertionError(f"resumed consolidation of cluster {ci} differs")
                else:
                    hit = _story_affinity(out[i], c) >= CONSOLIDATE
                if hit:
                    target = i
                    break
        if old0 is not None and old0 != t0 and (old is None or target is None or twin.get(founders[target]) != old):
            for i, fi in enumerate(founders):  # the story that took its twin earlier is not what it was
                if twin.get(fi) == old0:
                    clean[i] = False
        if target is None:
            out.append(c)
            founders.append(ci)
            kinds.append(mine)
            clean.append(old is not None and old == t and t not in changed_old)
            joined.append(ci)
        else:
            out[target].mentions.extend(c.mentions)
            kinds[target] |= mine
            if old is None or twin.get(founders[target]) != old:
                clean[target] = False
            joined.append(founders[target])
    return out, joined


def _story_affinity(a: _Cluster, b: _Cluster) -> float:
    best = 0.0
    for x in a.mentions:
        if x.supporting:
            continue
        for m in b.mentions:
            if m.supporting:
                continue
            if x.type != m.type:
                if _hard_conflict(x, m):
                    return 0.0
                continue
            if _conflict(x, m):
                return 0.0
            if x.type != "statement":
                best = max(best, _affinity(x, m))
    return best


def _link_score(event: _Cluster, story: _Cluster) -> float:
    """How surely one document's story is an event other documents told: never on a conflict."""
    doc = story.mentions[0].evidence.document
    if any(x.evidence.document == doc for x in event.mentions):
        return 0.0  # the document itself told them apart
    best = 0.0
    for x in event.mentions[-LINK_MENTIONS:]:
        for m in story.mentions[:LINK_MENTIONS]:
            if _other_kinds(x, m) or (x.type == m.type == "statement" and _speakers_differ(x, m)):
                # one story's meeting and another's words on it, or two voices' words: neither joins nor
                # parts the stories (their own pairs do)
                continue
            if _conflict(x, m):
                return 0.0
            best = max(best, _affinity(x, m))
    return best


def _other_kinds(a: EventMention, b: EventMention) -> bool:
    """Two kinds of news that no rule joins across documents (a meeting and a statement; not two ground
    events, nor a strike and its toll)."""
    return a.type != b.type and not (a.type in GROUND and b.type in GROUND) and {a.type, b.type} != HARM


# ------------------------------------------------------------------ compatibility


def _score(cluster: _Cluster, m: EventMention, model: PairModel | None = None) -> float:
    best = 0.0
    learned: list[float] = []
    for x in cluster.mentions:
        if model is not None and x.evidence.document == m.evidence.document:
            # within one document the learned scorer adds what the hand rules miss; their vetoes stay
            if _hard_conflict(x, m):
                return 0.0
            if not _other_voice(x, m) and not _told_of_another_day(x, m) and not _other_kind_of_act(x, m) and \
                    not _rival_voices(x, m) and not _another_item(x, m) and not _two_known_voices(x, m):
                learned.append(model.probability(x, m))
            best = max(best, 0.0 if _conflict(x, m) else _affinity(x, m))
            continue
        if _conflict(x, m):
            return 0.0
        best = max(best, _affinity(x, m))
    if learned:
        # the learned scorer must find the mention like most of the event, not one member of it:
        # single links chain unrelated sentences of a post into one event
        agree = sorted(learned, reverse=True)[len(learned) // 2]
        if agree >= model.threshold:
            best = max(best, 1.0 + agree)
    return best


def _other_voice(a: EventMention, b: EventMention) -> bool:
    """A named voice's statement and an act others report: the learned scorer does not join them
    (the hand rules may, within one post or paragraph)."""
    if (a.type == "statement") == (b.type == "statement") or not a.sources or not b.sources:
        return False
    return not ({side_of(n) for n, _ in a.sources} & {side_of(n) for n, _ in b.sources})


def _two_known_voices(a: EventMention, b: EventMention) -> bool:
    """Two statements whose speakers the catalogue knows as two actors of two countries, neither a news
    outlet (Amnesty International and Ukraine's president; not Russia and its defence ministry): the
    learned scorer does not join them (the hand rules may)."""
    if a.type != "statement" or b.type != "statement" or not a.sources or not b.sources:
        return False
    ka, kb = canonical_actor(a.sources[0][0]), canonical_actor(b.sources[0][0])
    return ka is not None and kb is not None and ka.name != kb.name and ka.country != kb.country and \
        not is_media(ka.actor_id) and not is_media(kb.actor_id)


def _other_kind_of_act(a: EventMention, b: EventMention) -> bool:
    """An 'other' act (an evacuation, a trial) and a military one at one place: the learned scorer
    does not join them (the hand rules may, within one post or paragraph)."""
    return {a.type, b.type} & MILITARY != set() and "other" in (a.type, b.type) and a.type != b.type


def _another_item(a: EventMention, b: EventMention) -> bool:
    """A voice introduced in full again in a paragraph of its own, sharing no one with the other
    paragraph's news ("Ukraine's president, X, announced a prisoner freed ..." then "Ukraine's president,
    X, tweeted that Europe ..."): a writer names a speaker anew for a new item. The learned scorer, which
    weighs the voice and the day, does not join them (the hand rules may, on the words they share)."""
    if "statement" not in (a.type, b.type) or not a.block or not b.block or a.block == b.block:
        return False
    if not _named_in_full(a) or _named_in_full(a) != _named_in_full(b):
        return False
    return not (_named_besides_the_voice(a) & _named_besides_the_voice(b))


def _named_in_full(m: EventMention) -> str | None:
    """The speaker's identity, if the sentence names them with more than one word ("Volodymyr Zelenskiy")."""
    for name, _ in m.sources[:1]:
        for a in m.actors:
            words = a.text.split()
            if a.kind == "person" and len(words) > 1 and all(w[:1].isupper() for w in words) and \
                    speaker_identity(a.name) == speaker_identity(name):
                return speaker_identity(name)
    return None


def _named_besides_the_voice(m: EventMention) -> set[str]:
    """Who and where a mention names, beyond its speakers and the states at war (named in nearly every item)."""
    speakers = {speaker_identity(n) for n, _ in m.sources}
    named = {a.actor_id or a.name for a in m.actors if a.kind != "state" and speaker_identity(a.name) not in speakers}
    if m.location is not None:
        named.add(m.location.name)
    return named


def _told_of_another_day(a: EventMention, b: EventMention) -> bool:
    """Words said at report time and an act the text dates more than a week before ("Peskov said ...";
    "on 9 June a court sentenced ..."): the learned scorer does not join them (the hand rules may)."""
    said, act = (a, b) if a.type == "statement" else (b, a)
    if said.type != "statement" or act.type == "statement" or said.date is None or act.date is None:
        return False
    if said.date.basis != "dct" or act.date.basis == "dct" or act.date_weight < 2:
        return False
    return (said.date.start - act.date.end).days > DCT_TOLERANCE_DAYS


def _hard_conflict(a: EventMention, b: EventMention) -> bool:
    """What never merges, whatever the words: two places, two dates, one party saying yes and no,
    two different kinds of act (a call is not a meeting, a shelling not a capture; a statement or
    an 'other' may tell either)."""
    if _told_apart(a, b) or not _places_compatible(a.location, b.location) or \
            not _dates_compatible(a.date, b.date):
        return True
    loose = {"statement", "other"}
    if a.type != b.type and a.type not in loose and b.type not in loose and not _one_harm(a, b) and \
            not (a.type in GROUND and b.type in GROUND and _same_voice(a, b) and _same_place(a.location, b.location)):
        return True
    if a.type == b.type and _stance_conflict(a, b):
        return True
    if "statement" in (a.type, b.type) and {a.type, b.type} <= loose and _two_people(a, b):
        return True  # two people's words are two statements
    if a.type in PARTICIPANT_TYPES and b.type in PARTICIPANT_TYPES and _participants_differ(a, b):
        return True
    if _someone_elses_meeting(a, b) or _someone_elses_meeting(b, a):
        return True
    if _two_givers(a, b):
        return True
    if _held_and_another(a, b) or _two_portfolios(a, b):
        return True
    if a.type == b.type != "statement" and (a.status == "expected") != (b.status == "expected") and \
            (_two_voices(a, b) or (a.type == "other" and a.sources and b.sources and _speaker(a) != _speaker(b))):
        # one voice's plan and another's act told done: troops "would be swapped", "were sent"; an
        # agency's report of one embassy back and a minister's word that others would return
        return True
    return _rival_claims(a, b)


PORTFOLIO = re.compile(r"\b(economy|economic|defen[cs]e|foreign|health|finance|interior|energy|justice|"
                       r"agriculture|transport|infrastructure|trade|culture|education|environment|treasury)\b", re.I)


def _two_portfolios(a: EventMention, b: EventMention) -> bool:
    """The economy minister and the defence ministry, told in two paragraphs, are two voices of one
    government: a pipeline refused and bridge-layers delivered are two pieces of news."""
    if (a.block and a.block == b.block) or not a.sources or not b.sources:
        return False
    pa, pb = PORTFOLIO.search(a.sources[0][0]), PORTFOLIO.search(b.sources[0][0])
    if pa is None or pb is None:
        return False
    norm = {"economic": "economy", "defense": "defence"}
    return norm.get(pa.group(1).lower(), pa.group(1).lower()) != norm.get(pb.group(1).lower(), pb.group(1).lower())


def _people_told_of(m: EventMention) -> set[str]:
    """People a mention tells of who are not its voices (the detained, the suspected)."""
    voices = {w for n, _ in m.sources for w in n.split()}
    return {a.name for a in m.actors if FULL_NAME.match(a.name) and not set(a.name.split()) & voices and
            (a.kind == "person" or canonical_actor(a.name) is None)}


def _held_and_another(a: EventMention, b: EventMention) -> bool:
    """One named person detained and another named person the other sentence tells of ("X is
    suspected of spying ..."; "Y was detained as part of the same network"): two cases, not one."""
    if "prisoners" not in (a.type, b.type):
        return False
    pa, pb = _people_told_of(a), _people_told_of(b)
    return bool(pa) and bool(pb) and not {w for n in pa for w in n.split()} & {w for n in pb for w in n.split()}


GIVING_TYPES = {"aid", "sanctions"}


def _someone_elses_meeting(said: EventMention, met: EventMention) -> bool:
    """A known person's words and a meeting or call of other people, told with no source of its own
    ("Peskov said ..." and "Putin, in his meeting with lawmakers, ..."): the spokesman's words are not
    the meeting his principal held."""
    if said.type != "statement" or met.type not in PARTICIPANT_TYPES or met.sources or not said.sources:
        return False
    name = said.sources[0][0]
    speaker = canonical_actor(name)
    if speaker is None and FULL_NAME.match(name):
        # a person the catalogue does not know: told apart by surname from those who met
        met_names = [a.name for a in met.actors if a.kind == "person"]
        return bool(met_names) and not any(name.split()[-1] in n.split() for n in met_names)
    if speaker is None or speaker.kind != "person":
        return False
    present = {a.actor_id for a in met.actors if a.kind == "person" and a.actor_id}
    return bool(present) and speaker.actor_id not in present


def _giver(m: EventMention) -> str | None:
    """The state that gives or imposes: the first state the mention names that is not the recipient
    (Ukraine receives aid; Russia is sanctioned)."""
    for a in m.actors:
        if a.kind == "state" and a.country and a.country not in ("UA", "RU"):
            return a.country
    return None


def _two_givers(a: EventMention, b: EventMention) -> bool:
    """North Macedonia's tanks and Germany's bridge-layers are two pledges, one state's sanctions not
    another's (hand rules and learned scorer alike)."""
    if a.type != b.type or a.type not in GIVING_TYPES:
        return False
    ga, gb = _giver(a), _giver(b)
    return ga is not None and gb is not None and ga != gb


def _opposed(a: EventMention, b: EventMention) -> bool:
    sa = {side_of(n) for n, s in a.sources if s == "asserts"} | {side_of(n) for n, s in b.sources if s == "asserts"}
    sd = {side_of(n) for n, s in a.sources if s == "denies"} | {side_of(n) for n, s in b.sources if s == "denies"}
    return bool(sa) and bool(sd) and bool(sa - sd)


def _same_voice(a: EventMention, b: EventMention) -> bool:
    if not a.sources or not b.sources:
        return False
    return speaker_identity(a.sources[0][0]) == speaker_identity(b.sources[0][0])


def _one_harm(a: EventMention, b: EventMention) -> bool:
    """A strike and the toll it took, told in one post or paragraph ('Russia shelled X' ... 'three
    people were killed'): one act in two kinds of words, when nothing places them apart."""
    return {a.type, b.type} == HARM and bool(a.block) and a.block == b.block and \
        (a.location is None or b.location is None or _same_place(a.location, b.location)
         or _inside(a.location, b.location) or _inside(b.location, a.location))


def _told_apart(a: EventMention, b: EventMention) -> bool:
    """Two kinds of event extraction found in one sentence are two events ('backed X after the call')."""
    return bool(a.sentence_key) and a.sentence_key == b.sentence_key and a.type != b.type


def _conflict(a: EventMention, b: EventMention) -> bool:
    if _told_apart(a, b):
        return True
    if a.type != b.type and not (a.type in GROUND and b.type in GROUND) and not _one_harm(a, b) and \
            not (a.block and a.block == b.block and (_same_voice(a, b) or "statement" in (a.type, b.type))):
        return True  # one voice in one live-blog post may tell one story in several kinds of words
    if not _places_compatible(a.location, b.location):
        return True
    if not _dates_compatible(a.date, b.date):
        return True
    if a.type == b.type and _stance_conflict(a, b):
        return True
    if a.type in PARTICIPANT_TYPES and _participants_differ(a, b):
        return True
    if a.type == "statement" and _speakers_differ(a, b):
        return True
    if "statement" in (a.type, b.type) and {a.type, b.type} <= {"statement", "other"} and _two_people(a, b):
        return True  # two people's words are two statements
    if _two_givers(a, b):
        return True
    if _rival_claims(a, b):
        return True
    if (a.type in MILITARY and b.type in MILITARY or a.type == b.type in ("prisoners", "other")) and \
            (a.status == "expected") != (b.status == "expected") and \
            text_overlap(a.evidence.text, b.evidence.text) < SAME_WORDS:
        # "small-scale offensives on Thursday" and "will likely launch a larger offensive soon"; troops "sent
        # to a prison colony" and "would be swapped"; an ambassador "has returned" and another country's
        # diplomats "would begin returning" (one sentence repeated in a summary stays one event)
        return True
    return False


def _affinity(a: EventMention, b: EventMention) -> float:
    """How surely two compatible mentions tell one event: only positive evidence counts (the same
    words, the same town with the same voices, the same speaker saying the same thing), never
    sharing a post or an article alone."""
    same_doc = a.evidence.document == b.evidence.document
    same_post = same_doc and a.evidence.post == b.evidence.post
    overlap = text_overlap(a.evidence.text, b.evidence.text)
    if (a.supporting or b.supporting) and same_post and a.type == b.type and \
            not (a.type == "statement" and _two_voices(a, b)):
        return 3.0 if overlap >= 0.3 else 1.0  # a headline joins the event its post tells
    if a.block and a.block == b.block and (a.type == b.type or _same_voice(a, b)) and _one_story(a, b, overlap) \
            and not _rival_voices(a, b):
        return 2.8  # one live-blog post (or one paragraph of an article) tells one story
    if _one_harm(a, b) and (_same_voice(a, b) or not a.sources or not b.sources):
        return 2.4
    if a.block and a.block == b.block and "statement" in (a.type, b.type) and (a.type == "statement" or _close(a, b)):
        # what someone said about the story the post tells; the story itself prefers its own kind
        # (a few sentences on: a paragraph of a digest tells several stories)
        # (not when the two are voices told apart: a digest paragraph gives each story its own voice)
        # (an unsourced act has no voice to tell apart: a person of a state it does not involve is enough,
        # "President Biden signed the aid bill" then "Erdoğan told Sweden's prime minister ..." in a summary)
        apart = _two_voices(a, b) if a.type == "statement" else \
            ((_two_people(a, b) or not a.sources) and _bystander(a, b))
        apart = apart or _denies_another_thing(a, b)
        return 2.6 if b.type == "statement" and not apart else 0.0
    same_town = _same_place(a.location, b.location) and a.location.precision == "place"
    same_area = _same_place(a.location, b.location)
    shared_stance = bool(_parties(a) & _parties(b))
    unsourced = not a.sources or not b.sources
    if a.type == "statement" or b.type == "statement":
        if _speakers_differ(a, b) or not a.sources or not b.sources:
            return 0.0
        if same_doc and overlap >= 0.45:
            return 2.0
        return 1.2 if overlap >= 0.6 and _same_day(a.date, b.date) else 0.0
    if same_doc:
        if overlap >= 0.6:
            return 2.5
        if same_post and a.type in GROUND and b.type in GROUND and same_town and (shared_stance or unsourced):
            return 2.5  # capture and withdrawal of one town, told in one post
        if a.type == b.type and same_town and _same_day(a.date, b.date) and (shared_stance or unsourced) and \
                (a.type != "other" or _shared_subject(a, b)):
            return 2.0  # ("other" is many kinds of news: a verdict and a Kremlin remark in Moscow are two)
        if a.type == b.type and same_town and _opposed(a, b):
            return 2.0  # one side claims the town, the other denies it: one contested event
        if a.type == b.type and a.type in MILITARY and (shared_stance or _opposed(a, b)) and \
                proper_names(a.evidence.text) & proper_names(b.evidence.text) and \
                (a.location is None or b.location is None or same_area):
            return 1.8  # the same named place or unit, the same voices
        if a.type == b.type and same_area and overlap >= 0.35:
            return 1.8
        if a.type == b.type and a.type in PARTICIPANT_TYPES and overlap >= 0.35 and \
                len(_participants(a) & _participants(b)) >= 2:
            return 1.8
        if same_area and _both_dated(a, b) and a.type in GROUND and b.type in GROUND:
            return 1.6  # "staged an incursion into X in August 2024" / "seized part of X last August"
        return 0.0
    shared_actor = bool(_actor_keys(a) & _actor_keys(b))
    if a.type == b.type and overlap >= 0.7 and _same_day(a.date, b.date):
        return 1.5
    if a.type == b.type and same_town and shared_actor and _same_day(a.date, b.date):
        return 1.4
    if a.type == b.type and a.type in MILITARY and same_town and _both_dated(a, b) and \
            a.date.start == b.date.start and not (_actor_keys(a) and _actor_keys(b)):
        # "the town was struck on Thursday" and "Russia said Thursday's strike on the town hit ...": one names
        # no side, so none sets them apart; both give the day (a town shelled daily is not one event a week)
        return 1.3
    return 0.0


DENIAL_VERB = re.compile(r"\b(den(y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*|rebuff\w*)\b", re.I)
# what a denial points back at: "denied it", "rejected Russia's explanation", "denied responsibility"
DENIED_BACK = re.compile(r"\b(claims?|reports?|allegations?|accusations?|responsibility|involvement|explanation|"
                         r"account|version|charges?)\b|^\s*(it|this|that)\s*([.,;:]|$|\b(and|but|on|in|as|outright)\b)",
                         re.I)


def _denies_another_thing(act: EventMention, denial: EventMention) -> bool:
    """A denial after an act in one paragraph that names no act of its kind and points back at
    nothing ("has sent $2bn in aid ... But it denies being a party to the war"): it
    answers something else, and must not make the act contested."""
    if act.type == "statement" or not any(s == "denies" for _, s in denial.sources):
        return False
    text = denial.evidence.text
    verb = DENIAL_VERB.search(text)
    if verb is None:
        return False
    after = " ".join(text[verb.end():].split()[:4])
    if DENIED_BACK.search(after):
        return False  # the act told before, denied
    return not any(h.type == act.type for h in find_triggers(text))


def _shared_subject(a: EventMention, b: EventMention) -> bool:
    """Two sentences name something in common besides the town they are placed at."""
    town = {w for m in (a, b) if m.location is not None for w in normalized_name(m.location.name).split()}
    return bool((proper_names(a.evidence.text) & proper_names(b.evidence.text)) - town)


STORY_SENTENCES = 2  # how far after a story's sentence words said in its block are still about it


def _close(a: EventMention, b: EventMention) -> bool:
    """Within a few sentences of each other (the sentence numbers the pair scorer reads too)."""
    return abs(_index(a) - _index(b)) <= STORY_SENTENCES


def _one_story(a: EventMention, b: EventMention, overlap: float) -> bool:
    """Some evidence beyond sharing a post: a voice, a town, words, or nothing that could tell them
    apart (one of them unplaced and unsourced, as a sentence that carries the story on is)."""
    if overlap < STORY_OVERLAP and _told_elsewhere(a, b):
        return False
    if _same_voice(a, b) or overlap >= STORY_OVERLAP:
        return True
    if a.location is not None and b.location is not None:
        return _same_place(a.location, b.location)
    return not (a.sources or b.sources) and not (a.location and b.location)


def _told_elsewhere(a: EventMention, b: EventMention) -> bool:
    """A voice's words and an act it tells of in another place ("Russia will lose," the president said
    ... "But he said Russia had killed 60 in an airstrike on a school in Luhansk"): the act is news of
    its own, not part of the words, though one voice tells both. The act's town must be named in its
    sentence; the words may be placed at the speaker's seat. Only war acts: a leader's visit or pledge
    told beside his words is where he spoke."""
    said, act = (a, b) if a.type == "statement" else (b, a)
    if said.type != "statement" or act.type not in MILITARY or said.location is None or act.location is None:
        return False
    if not act.location.text or not _same_voice(a, b):
        return False
    return not (_same_place(a.location, b.location) or _inside(a.location, b.location)
                or _inside(b.location, a.location))


def _both_dated(a: EventMention, b: EventMention) -> bool:
    """Both mentions carry a date of their own (not just the report date), and the dates agree."""
    return a.date_weight >= 2 and b.date_weight >= 2 and a.date is not None and b.date is not None and \
        a.date.basis != "dct" and b.date.basis != "dct"


def _same_place(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    return a is not None and b is not None and a.gazetteer_id == b.gazetteer_id and a.precision != "country"


def _inside(small: PlaceRef, big: PlaceRef) -> bool:
    if small.country != big.country:
        return False
    if big.precision == "country":
        return True
    if big.precision == "admin1" and small.precision == "place":
        region = normalized_name(small.admin1 or "")
        return bool(region) and region in (normalized_name(big.name), normalized_name(big.admin1 or ""))
    if big.precision == "place" and small.precision == "place" and _is_seat(big):
        # "in Kursk" often means the region named after its capital
        return bool(small.admin1) and normalized_name(small.admin1) == normalized_name(big.admin1 or "")
    return False


def _is_seat(p: PlaceRef) -> bool:
    """A city that gives its region its name (Kursk / Kursk Oblast, Donetsk / Donetsk Oblast)."""
    return bool(p.admin1) and normalized_name(p.admin1).startswith(normalized_name(p.name) + " ")


def _places_compatible(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None or a.gazetteer_id == b.gazetteer_id:
        return True
    if not a.text or not b.text:
        return True  # a seat inferred for a speaker is a guess, it cannot tell two events apart
    return _inside(a, b) or _inside(b, a)


def _range(d: DateRef) -> tuple[dt.date, dt.date]:
    if d.basis == "dct":
        pad = DCT_TOLERANCE_DAYS
    else:
        pad = TOLERANCE_DAYS.get(d.precision, 0)
    return d.start - dt.timedelta(days=pad), d.end + dt.timedelta(days=pad)


def _dates_compatible(a: DateRef | None, b: DateRef | None) -> bool:
    if a is None or b is None:
        return True
    if a.basis == "dct" or b.basis == "dct":
        # only a report date: the event happened on or before it
        report, other = (a, b) if a.basis == "dct" else (b, a)
        if other.precision == "month" and other.basis != "dct" and \
                (report.start - other.end).days > DCT_TOLERANCE_DAYS:
            return False  # "Moscow banned dozens in June" is not the ban an August report tells as today's news
        return report.start - dt.timedelta(days=REPORT_LOOKBACK_DAYS) <= other.end and \
            other.start <= report.end + dt.timedelta(days=DCT_TOLERANCE_DAYS)
    if {a.precision, b.precision} & {"month", "year"} and a.precision != b.precision:
        # "last month" and "on Sunday" (the 1st of this month): a day's slack is for two days told
        # apart by a night, not for a day that falls outside the month the other names
        return a.start <= b.end and b.start <= a.end
    (a0, a1), (b0, b1) = _range(a), _range(b)
    return a0 <= b1 and b0 <= a1


def _same_day(a: DateRef | None, b: DateRef | None) -> bool:
    return a is not None and b is not None and abs((a.start - b.start).days) <= 1


def _stances(m: EventMention) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for name, stance in m.sources:
        out.setdefault(side_of(name), set()).add(stance)
    return out


def _stance_conflict(a: EventMention, b: EventMention) -> bool:
    sa, sb = _stances(a), _stances(b)
    return any(("asserts" in sa[p] and "denies" in sb[p]) or ("denies" in sa[p] and "asserts" in sb[p])
               for p in sa.keys() & sb.keys())


def _parties(m: EventMention) -> set[tuple[str, str]]:
    return {(side_of(n), s) for n, s in m.sources}


def _speaker(m: EventMention) -> str:
    return side_of(m.sources[0][0]) if m.sources else ""


def _speakers_differ(a: EventMention, b: EventMention) -> bool:
    """Two statements by two speakers are two events. A speaker the catalogue does not know
    ('Putin's former adviser', 'the statement') may be a known one in other words, within a post."""
    sa, sb = _speaker(a), _speaker(b)
    if sa == sb or _same_voice(a, b):
        return False
    # an outlet ("Agence France-Presse reports: ...") passes on someone's words: not a known voice
    known = [bool(m.sources) and (k := canonical_actor(m.sources[0][0])) is not None and not is_media(k.actor_id)
             for m in (a, b)]
    if all(known):
        return True
    same_post = a.evidence.document == b.evidence.document and a.evidence.post == b.evidence.post
    return not same_post and fuzz.token_set_ratio(a.evidence.text, b.evidence.text) < SIMILAR_TEXT


def _two_people(a: EventMention, b: EventMention) -> bool:
    """Two voices told apart whatever else the sentences share: two people each named in full with
    no name in common ('Richard Moore' and 'Linda Thomas-Greenfield'), or catalogued actors of two
    countries ('Petro Andryushchenko' and 'Russia's defence ministry')."""
    if not a.sources or not b.sources or _same_voice(a, b):
        return False
    na, nb = a.sources[0][0], b.sources[0][0]
    if FULL_NAME.match(na) and FULL_NAME.match(nb) and _a_person(a, na) and _a_person(b, nb):
        return not set(na.split()) & set(nb.split())
    ka, kb = canonical_actor(na), canonical_actor(nb)
    if ka is not None and kb is not None and is_media(ka.actor_id) and is_media(kb.actor_id):
        return ka.name != kb.name  # two agencies' reports ("RIA Novosti reports ..."; "Reuters reports ...")
    if ka is not None and kb is not None and (is_media(ka.actor_id) or is_media(kb.actor_id)):
        return False  # an outlet passes on others' words: it is not a voice of its own
    if ka is not None and kb is not None and ka.kind == kb.kind == "person" and ka.name != kb.name:
        return True  # "Peskov" and "Putin": two catalogued people, of one side or not
    for k, m, n in ((ka, b, nb), (kb, a, na)):
        if k is not None and k.kind == "person" and FULL_NAME.match(n) and _a_person(m, n) and \
                canonical_actor(n) is None and not set(k.name.split()) & set(n.split()):
            return True  # "Zelenskiy" and "Hanna Malyar": a catalogued person and another named in full
    return ka is not None and kb is not None and ka.name != kb.name and bool(ka.country) and \
        bool(kb.country) and ka.country != kb.country


def _rival_voices(a: EventMention, b: EventMention) -> bool:
    """Two statements by voices of the two warring sides: each side's words are its own statement."""
    return a.type == b.type == "statement" and _two_voices(a, b) and _sides_apart(a, b)


def _sides_apart(a: EventMention, b: EventMention) -> bool:
    """The two voices speak for the two sides of the war (separatists and a Ukrainian governor)."""
    sa, sb = war_side(a.sources[0][0], a.evidence.text), war_side(b.sources[0][0], b.evidence.text)
    return sa is not None and sb is not None and sa != sb


LOCAL_OFFICE = re.compile(r"\b(governor|mayor|regional|city|military administration|council)\b", re.I)


def _local_side(name: str, m: EventMention) -> str | None:
    """The side a voice speaks for, a town's or a region's officials included ("Lviv's governor"
    speaks for Ukraine when the act is in Ukraine)."""
    side = war_side(name, m.evidence.text)
    if side is None and LOCAL_OFFICE.search(name) and m.location is not None and m.location.country == "UA":
        return "UA"
    return side


def _two_voices(a: EventMention, b: EventMention) -> bool:
    """Two voices each named by words of their own: a paragraph of a digest gives each story its own
    voice (`similarity.voices_apart`)."""
    return bool(a.sources) and bool(b.sources) and voices_apart(a.sources[0][0], b.sources[0][0])


def _bystander(story: EventMention, said: EventMention) -> bool:
    """A person of a country the story does not involve, speaking in its paragraph ("Russia said it hit
    targets in Chernihiv. Germany's chancellor said the strikes showed the importance of G7 unity")."""
    k = canonical_actor(said.sources[0][0]) if said.sources else None
    if k is None or k.kind != "person" or not k.country:
        return False
    involved = {a.country for a in story.actors if a.country} | \
        {c.country for n, _ in story.sources if (c := canonical_actor(n)) is not None and c.country}
    if story.location is not None:
        involved.add(story.location.country)
    return k.country not in involved


def _a_person(m: EventMention, name: str) -> bool:
    known = canonical_actor(name)
    return known.kind == "person" if known is not None else \
        any(x.kind == "person" and name in (x.name, x.text) for x in m.actors)


def _persons(m: EventMention) -> set[str]:
    return {a.name for a in m.actors if a.kind == "person"}


def _participants(m: EventMention) -> set[str]:
    """People taking part: those named, minus whoever is only reporting it."""
    speakers = {normalized_name(n) for n, _ in m.sources}
    return {p for p in _persons(m)
            if not any(s and (s in normalized_name(p) or normalized_name(p) in s) for s in speakers)}


def _participants_differ(a: EventMention, b: EventMention) -> bool:
    pa, pb = _participants(a), _participants(b)
    return len(pa) >= 2 and len(pb) >= 2 and bool(pa - pb) and bool(pb - pa)


def _actor_keys(m: EventMention) -> set[str]:
    """People and organisations; states are in nearly every sentence and prove nothing."""
    return {a.actor_id or a.name for a in m.actors if a.kind != "state"}


def _rival_claims(a: EventMention, b: EventMention) -> bool:
    """Different claims by different voices of one side, told in one post ('Moscow claims X', 'a
    pro-Russian blogger claims Y'), stay apart, unless they name the same town. Opposite sides saying the same thing
    is not rivalry: it is confirmation."""
    if a.status != "claimed" or b.status != "claimed":
        return False
    if (a.evidence.document, a.evidence.post) != (b.evidence.document, b.evidence.post):
        return False  # rival claims are told side by side; across posts, other rules decide
    pa = {speaker_identity(n) for n, s in a.sources if s == "asserts"}
    pb = {speaker_identity(n) for n, s in b.sources if s == "asserts"}
    if not pa or not pb or pa & pb:
        return False
    sides_a = {side_of(n) for n, s in a.sources if s == "asserts"}
    sides_b = {side_of(n) for n, s in b.sources if s == "asserts"}
    if not sides_a & sides_b:
        return False
    if _same_place(a.location, b.location) and a.location.precision == "place":
        return False
    return fuzz.token_set_ratio(a.evidence.text, b.evidence.text) < SIMILAR_TEXT


# ------------------------------------------------------------------ building events


def _event(c: _Cluster) -> Event:
    ms = c.mentions
    body = [m for m in ms if not m.supporting] or ms
    etype = _type(body)
    evidence = _evidence(ms)
    first = evidence[0]
    eid = "evt_" + hashlib.sha1(f"{first.document}\x1f{first.start}\x1f{etype}".encode()).hexdigest()[:12]
    return Event(
        id=eid, type=etype, status=_status(body, etype), summary=_summary(ms, etype),
        date=_date(body), location=_place_of(body, ms, etype),
        actors=_actors(ms), sources=_sources(ms, etype), quantities=_quantities(ms), evidence=evidence,
    )


def _place_of(body: list[EventMention], ms: list[EventMention], etype: str) -> PlaceRef | None:
    """The place of the sentences that tell the event; for words said, a place the sentences carrying
    them on name ('Putin told the forum in St Petersburg') beats a seat the text never named."""
    if etype == "statement":
        # the words were said where their speaker was, not where a story of another kind merged with them
        # is set ("the Kremlin said ..." with "claims by Russia and its allies in Ukraine")
        said = {m.block for m in body if m.type == "statement"}
        body = [m for m in body if m.type == "statement" or m.block in said] or body
    elif etype not in MEASURES:
        # an act is not placed at the seat a voice on it speaks from, which no sentence named ("the EU says
        # ..." after talks between four parties are not talks in Brussels; a measure
        # is taken where the body that speaks of it sits)
        seated = [m for m in ms if m.type == "statement" and m.location is not None and not m.location.text]
        if seated:
            away = {id(m) for m in seated}
            body = [m for m in body if id(m) not in away]
            ms = [m for m in ms if id(m) not in away]
    place = _location(body, etype) or _location(ms, etype)
    if place is not None and place.precision in ("admin1", "country") and etype != "sanctions":
        # "the Donetsk region city" under the headline "Chasiv Yar death toll rises": the town inside it
        inside = [m for m in ms if m.location is not None and m.location.precision == "place" and m.location.text
                  and m.location.country == place.country and
                  (place.precision == "country" or m.location.admin1 == place.admin1)]
        if inside:
            return _location(inside, etype)
    if etype == "statement" and (place is None or not place.text):
        named = [m for m in ms if m.joins and m.type == "statement" and m.location is not None and m.location.text]
        if named:
            return _location(named, etype)
    return place


# measures a state or body takes: voices that announce or explain one speak of it, they do not make
# the event a statement
MEASURES = {"sanctions", "aid", "other"}


def _type(ms: list[EventMention]) -> str:
    counts = Counter(m.type for m in ms)
    if ms[0].type in MEASURES and not ms[0].supporting:
        counts = Counter(m.type for m in ms if m.type != "statement") or counts
    if counts["strike"] and counts["strike"] == counts["casualties"]:
        return "strike"  # the act, not only its toll
    top = max(counts.values())
    tied = [m.type for m in ms if counts[m.type] == top]
    if "statement" in tied and (measure := next((t for t in tied if t in ("sanctions", "aid")), None)) is not None:
        return measure  # "Russia announced it was banning 32 officials" and the list of those banned: the ban
    return tied[0]


def _status(ms: list[EventMention], etype: str) -> str:
    if etype == "statement":
        # "X claimed that ...", every telling of it: the reporter keeps its distance
        return "claimed" if all(m.status == "claimed" for m in ms if m.type == "statement") else "reported"
    if any(m.status == "cancelled" for m in ms):
        return "cancelled"
    happened = [m for m in ms if m.status != "expected"]
    acts = [m for m in ms if m.type != "statement"]
    if not happened or (acts and all(m.status == "expected" for m in acts)):
        return "expected"  # (the words that announce a plan do not make it happen: "will host, the ministry said")
    asserting = {side_of(n) for m in happened for n, s in m.sources if s == "asserts"}
    denying = {side_of(n) for m in happened for n, s in m.sources if s == "denies"}
    if denying and (asserting - denying):
        return "contested"
    if denying and not asserting:
        return "denied" if not any(_told_by_publisher(m) for m in happened) else "contested"
    if any(m.status == "confirmed" for m in happened):
        return "confirmed"
    # both sides telling the act (a side's words joined in the paragraph count when they own it: "the
    # governor acknowledged the strike"; not "an official said troops were trying to approach the city")
    told = [m for m in happened if m.type != "statement" or OWNED.search(m.evidence.text)]
    sides = {side_of(n) for m in told for n, s in m.sources if s == "asserts"} & {"RU", "UA"} | \
        {_local_side(n, m) for m in told for n, s in m.sources if s == "asserts"} - {None}
    if len(sides) == 2 and etype in MILITARY:
        return "confirmed"  # both sides say so
    if any(_told_by_publisher(m) for m in happened):
        return "reported"
    if any(m.status == "claimed" for m in happened):
        return "claimed"
    return "reported"


OWNED = re.compile(r"\b(acknowledg\w*|confirm\w*|admitt?\w*|conced\w*)\b", re.I)


def _told_by_publisher(m: EventMention) -> bool:
    """The publisher states it in its own voice: no source, and not the rest of someone's quote
    ('"Fighting is going on right now," he said' carries on the speaker's words before it)."""
    return m.status == "reported" and not m.sources and not m.joins


def _date(ms: list[EventMention]) -> DateRef | None:
    dated = [m for m in ms if m.date is not None]
    if not dated:
        return None
    # what a report told as done happened by the day it was published: a later report's day (a summary
    # reposted the next morning) is not the event's
    reports = [m.published for m in ms if m.published is not None and m.status != "expected"]
    if reports:
        first = min(r.date() if isinstance(r, dt.datetime) else r for r in reports)
        dated = [m for m in dated if m.status == "expected" or m.date.start <= first or m.date_weight >= 3] or dated
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    # A date the text ties to the event or its report beats the bare report date; among those,
    # a day beats a week ("on Sunday" over "in recent days"); then the trigger's own date wins.
    best = max(dated, key=lambda m: (min(m.date_weight, 2), -order.get(m.date.precision, 4), m.date_weight))
    return best.date


def _location(ms: list[EventMention], etype: str = "") -> PlaceRef | None:
    located = [m.location for m in ms if m.location is not None]
    if not located:
        return None
    if etype != "sanctions":  # sanctions are decided where the sanctioning power sits, not where their targets are
        # a place the text names beats one inferred (a speaker's seat carries no words of the text)
        located = [p for p in located if p.text] or located
    rank = {"place": 0, "admin1": 1, "country": 2}
    best_rank = min(rank.get(p.precision, 3) for p in located)
    pool = [p for p in located if rank.get(p.precision, 3) == best_rank]
    counts = Counter(p.gazetteer_id for p in pool)
    top = counts.most_common(1)[0][0]
    return next(p for p in pool if p.gazetteer_id == top)


def _side(a) -> str:
    """Armed forces are their state's side: 'Ukrainian troops' act for Ukraine."""
    if a.kind == "force":
        return state_of(a.country) or a.name
    return a.name


def _as_written(ms: list[EventMention]) -> dict[str, str]:
    """A known person as the text spells them ("Volodymyr Zelenskiy" where the catalogue says
    "Zelensky"): the reader checks the event against its evidence, and the evidence uses that spelling."""
    out: dict[str, str] = {}
    for m in ms:
        for a in m.actors:
            if a.kind != "person" or a.actor_id is None or a.text == a.name:
                continue
            words, full = a.text.split(), a.name.split()
            spelled = None
            if FULL_NAME.match(a.text) and len(words) >= len(full) and not TITLES.match(words[0]):
                spelled = a.text
            elif len(words) == 1 and len(full) > 1 and words[0] != full[-1] and \
                    words[0][:5].lower() == full[-1][:5].lower():
                spelled = " ".join([*full[:-1], words[0]])  # "Zelenskiy" alone: the surname as spelled here
            if spelled and len(spelled) > len(out.get(a.name, "")):
                out[a.name] = spelled
    return out


def _actors(ms: list[EventMention]) -> list[dict]:
    counts: Counter[str] = Counter()
    agents: Counter[str] = Counter()
    written = _as_written(ms)
    for m in ms:
        for i, a in enumerate(m.actors):
            name = written.get(a.name, _side(a)) if a.kind == "person" else _side(a)
            counts[name] += 1
            if i == 0:
                agents[name] += 1
    agent = agents.most_common(1)[0][0] if agents else None
    out = []
    for name, _ in counts.most_common():
        out.append({"name": name, "role": "agent" if name == agent else "participant"})
    # whoever takes a position in a statement is its actor too, and so is whoever tells of talks
    # that name no one else ("He said talks were difficult")
    for m in ms:
        if m.type != "statement" and not (m.type in PARTICIPANT_TYPES and not out):
            continue
        when = m.published.date() if isinstance(m.published, dt.datetime) else m.published
        for name, _ in m.sources:
            actor = canonical_actor(name, when)  # "Johnson" in 2022 is Boris Johnson
            label = written.get(actor.name, actor.name) if actor is not None else name
            if all(o["name"] != label for o in out):
                out.append({"name": label, "role": "agent" if not out else "participant"})
    names = [o["name"] for o in out]
    kept = [o for o in out if not _surname_of_another(o["name"], names)]
    if kept and all(o["role"] != "agent" for o in kept):
        kept[0]["role"] = "agent"
    return kept


def _surname_of_another(name: str, names: list[str]) -> bool:
    """'Haidai' beside 'Serhiy Haidai', or 'the ministry' beside 'Russia's foreign ministry', in one
    event is one voice named twice: the story names it in full once and short after, so the short
    name adds no voice."""
    word = re.sub(r"^the ", "", normalized_name(name))
    if not word or " " in word:
        return False
    if name[:1].isupper():
        return any(FULL_NAME.match(o) and normalized_name(o).endswith(" " + word) for o in names if o != name)
    # ("the president" after "the president of the region")
    return any(re.sub(r"^the ", "", normalized_name(o)).startswith(word + " of ") or
               normalized_name(o).endswith(" " + word) for o in names if o != name)


INSTITUTION_WORDS = {"treasury", "ministry", "department", "army", "forces", "navy", "government", "office",
                     "embassy", "parliament", "council", "command", "staff", "guard", "military", "police"}


def _voice_key(name: str) -> str:
    """One person however the text spells or titles them ("Zelenskiy", "Volodymyr Zelensky", "the
    Ukrainian president"); one state by its names or capital ("Kyiv", "Ukraine"); a body stays as
    written ("the Kremlin" is not "Russia")."""
    actor = canonical_actor(name)
    words = re.sub(r"^the ", "", name.strip(), flags=re.I).split()
    if actor is not None and actor.kind == "state" and "kremlin" not in name.lower() and 0 < len(words) <= 2 and \
            all(w[:1].isupper() and not re.search(r"['’]s$", w) and w.lower() not in INSTITUTION_WORDS for w in words):
        return actor.name  # "Kyiv" and "Ukraine", "the UK" and "Britain": one state by its names or capital
    if actor is not None and (actor.kind == "person" or (actor.kind == "org" and actor.actor_id and
                                                         not actor.actor_id.startswith("Q"))):
        return actor.name  # "Russia's defence ministry" and "the Russian defence ministry": one body
    # ("the country's ministry of health" is "the health ministry" the story named before)
    body = _plain_words(name)
    body = re.sub(r"^(ministry|department) of (\w+)$", r"\2 \1", body)
    # ("pro - Kremlin sources" as the parser spaced it is "pro-Kremlin sources")
    return body.replace(" ", "")


def _plain_words(name: str) -> str:
    """A description as words to compare: no article, rank or "the country's" ("a senior Ukrainian energy
    ministry source" is "ukrainian energy ministry source")."""
    words = re.sub(r"^(the |a |an |one |its )?((senior|top|high ?-?ranking|leading) )?", "", normalized_name(name))
    return re.sub(r"^(the |its )?(country|nation|government)'?s? ", "", words)


def _tail_of_another(name: str, names: list[str]) -> bool:
    """"energy ministry source" after "a Ukrainian energy ministry source": the short description is the
    voice the story named in full (two words or more, the same head noun; one word is
    `_surname_of_another`'s)."""
    if FULL_NAME.match(name) or ((k := canonical_actor(name)) is not None and k.kind == "person"):
        return False  # a name, not a description
    words = _plain_words(name).split()
    if len(words) < 2:
        return False
    for other in names:
        full = _plain_words(other).split()
        if len(full) > len(words) and full[-1] == words[-1] and _within(words, full):
            return True  # ("Ukrainian company" after "the Ukrainian state pipeline operator company")
    return False


def _within(words: list[str], full: list[str]) -> bool:
    """The words appear in the longer description, in order."""
    rest = iter(full)
    return all(w in rest for w in words)


# offices one holder fills, so that "the regional governor said ..." and "Anton Alikhanov said ..."
# a sentence or two later in one story are one voice ("official" or "spokesman" may be anyone)
SINGLE_OFFICES = {"mayor", "governor", "adviser", "advisor", "aide", "minister", "president", "chancellor",
                  "ambassador", "commander", "head", "chief", "secretary", "premier"}
ROLE_THEN_NAME = 2  # sentences between the office and the name
RANKS = {"top", "senior", "high-ranking"}  # "a top official": one person, as the lede of a story names them


def _office_named_after(ms: list[EventMention]) -> set[str]:
    """Offices in an event whose holder the story names a sentence or two later (an adviser to the
    president, then "Oleksiy Arestovych added"): the office is that person, one voice, not two."""
    roles, people = [], []
    for m in ms:
        for name, _ in m.sources:
            words = re.sub(r"^(the|a|an|its|his|her|their) ", "", name.strip(), flags=re.I).split()
            head = next((w.lower() for w in words if w.lower() in SINGLE_OFFICES), None)
            if words and words[0].lower() in RANKS and words[-1].lower() == "official":
                head = "official"  # "a top Ukrainian official has accused ...", named in the next sentence
            if words and words[0][:1].islower() and head and not words[-1].endswith("s"):
                roles.append((m, name))
            elif FULL_NAME.match(name) and ((k := canonical_actor(name)) is None or k.kind == "person"):
                people.append((m, name))
    drop = set()
    for m, role in roles:
        office = next((w.lower() for w in role.split() if w.lower() in SINGLE_OFFICES | {"official"}), "")
        after = {name for p, name in people if p.evidence.document == m.evidence.document and
                 0 < _index(p) - _index(m) <= ROLE_THEN_NAME and _may_hold(name, office, p.evidence.text)}
        if len(after) == 1:
            drop.add(role)
    return drop


def _may_hold(name: str, office: str, text: str) -> bool:
    """Whether the person named may be the holder of the office told before: not someone the
    catalogue knows in other offices, nor someone their own sentence calls by another ("the Kremlin
    spokesman, Dmitry Peskov" is no regional governor)."""
    at = text.find(name)
    near = text[max(0, at - 40):at + len(name) + 40] if at >= 0 else ""
    if SPOKESPERSON.search(near):
        return False
    if office == "official" or re.search(rf"\b{office}\b", near, re.I):
        return True  # "Andriy Yermak, Zelenskiy's office head, said": the text gives them the office
    known = canonical_actor(name)
    entry = get_catalogue().entries.get(known.actor_id) if known is not None and known.actor_id else None
    return entry is None or not entry.roles or any(office in r.title for r in entry.roles)


ORG_DESCRIPTIONS = re.compile(r"\b(think tank|think-tank|institute|watchdog|monitor|organi[sz]ation)$")


def _named_otherwise(names: list[str]) -> set[str]:
    """Sources that are another naming of a voice the event names in full: the office of a catalogued
    holder ("the prime minister", "Secretary of State" beside the person who held it), a misspelt
    first name ("Anthony Blinken" beside "Antony Blinken"), a description of the one catalogued body
    ("the Washington-based think tank" beside the Institute for the Study of War)."""
    known = {n: canonical_actor(n) for n in set(names)}
    people = [k for k in known.values() if k is not None and k.kind == "person" and k.actor_id]
    bodies = {k.name for k in known.values() if k is not None and k.kind == "org"}
    titles = get_catalogue().titles
    drop = set()
    for n, k in known.items():
        phrase = re.sub(r"^(the|a|an) ", "", normalized_name(n))
        if k is None and FULL_NAME.match(n) and any(
                p.name.split()[-1] == n.split()[-1] and p.name != n and
                fuzz.ratio(p.name.split()[0], n.split()[0]) >= 80 for p in people):
            drop.add(n)
            continue
        if k is not None and k.kind == "person":
            continue
        for p in people:
            entry = get_catalogue().entries.get(p.actor_id)
            if entry is not None and any(phrase == v or phrase.endswith(" " + v)
                                         for r in entry.roles for v in titles.get(r.title, (r.title,))):
                drop.add(n)
        # ("the Washington-based think tank": the catalogue reads its city as the state)
        kind = ORG_DESCRIPTIONS.search(phrase) if (k is None or k.kind == "state") and len(bodies) == 1 else None
        if kind is not None:
            body = next(iter(bodies)).lower()
            if kind.group(1) in body or ("think" in kind.group(1) and re.search(r"institute|centre|center", body)):
                drop.add(n)
    return drop


EMPLOYERS = BODY_NOUNS | {"programme", "program", "fund", "foundation", "university", "centre", "center"}


def _is_body(name: str) -> bool:
    """A source that names an institution, not a person."""
    known = canonical_actor(name)
    if known is not None:
        return known.kind != "person"
    return FULL_NAME.match(name) is None or name.split()[-1].lower() in EMPLOYERS


def _employer_of_speaker(name: str, text: str) -> str | None:
    """The person a body is named only to describe ("X, the chief economist of a UN agency, said"):
    the person speaks; the body is where they work, not a voice of its own."""
    body = re.escape(re.sub(r"^the ", "", name, flags=re.I))
    for found in re.finditer(r"((?:[A-Z][\w’'-]+ ){1,2}[A-Z][\w’'-]+)(?:, (?:the |a |an |its )?[^,.;“”\"]{0,60}?"
                             r"\b(?:at|of|for|with|from)| (?:of|at|from)) (?:the )?" + body + r"\b", text):
        person = found.group(1)
        known = canonical_actor(person)
        if known is None or known.kind == "person":
            return person
    # "the firm's lawyer, Anna P., told the court": the lawyer speaks, not the firm
    pattern = r"\b" + body + r"[’']s (?:[a-z-]+ ){0,3}?[a-z-]+,? ((?:[A-Z][\w’'-]+ ){1,2}[A-Z][\w’'-]+)\b"
    for found in re.finditer(pattern, text):
        known = canonical_actor(found.group(1))
        if known is None or known.kind == "person":
            return found.group(1)
    return None


def _sources(ms: list[EventMention], etype: str = "") -> list[dict]:
    names = [name for m in ms for name, _ in m.sources]
    held = _office_named_after(ms) | _named_otherwise(names)
    texts = " ".join(m.evidence.text for m in ms)
    chosen: dict[tuple[str, str], dict] = {}
    for m in ms:
        for name, stance in m.sources:
            if _surname_of_another(name, names) or name in held or _tail_of_another(name, names):
                continue
            # words said are their speaker's own: one voice that "dismissed" and then "said" is listed once
            if etype == "statement":
                stance = "asserts"
            if _is_body(name):
                name = _employer_of_speaker(name, m.evidence.text) or name
            key = (_voice_key(name), stance)
            if key not in chosen:
                chosen[key] = {"name": name, "stance": stance}
            elif name in texts and chosen[key]["name"] not in texts:
                chosen[key]["name"] = name  # the spelling the text uses ("Zelenskiy"), not the catalogue's
    return list(chosen.values())


def _quantities(ms: list[EventMention]) -> list[Quantity]:
    seen: set[tuple[float, str]] = set()
    out = []
    for m in ms:
        for q in m.quantities:
            if (q.value, q.unit) not in seen:
                seen.add((q.value, q.unit))
                out.append(q)
    return out


def _evidence(ms: list[EventMention]) -> list[Evidence]:
    seen: set[tuple[str, int]] = set()
    out = []
    for m in sorted(ms, key=lambda m: (m.evidence.document, m.evidence.start)):
        key = (m.evidence.document, m.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(m.evidence)
    return out


QUOTE_MARKS = "“\"‘'"


def _summary(ms: list[EventMention], etype: str) -> str:
    same = [m for m in ms if m.type == etype] or ms
    # a sentence that only carries on another ('"It is a war zone," he said') does not say what happened
    same = [m for m in same if not m.joins] or same
    # A headline-derived summary is what the publisher itself wrote about the event (a quotation
    # stripped of its marks is no headline).
    for m in same:
        if m.summary and m.summary.rstrip(".") not in m.evidence.text and not m.summary.endswith("…") and \
                m.evidence.text.lstrip()[:1] not in QUOTE_MARKS:
            return m.summary  # (not the sentence's own words less its "it said": "Poland is also expected to ...")
    # the first sentence that told it, not a later aside ("They are now regrouping")
    # (a sentence in the reporter's words before one that opens with a quotation)
    return min(same, key=lambda m: (m.evidence.text.lstrip()[:1] in QUOTE_MARKS, m.evidence.document,
                                    m.evidence.start)).summary
