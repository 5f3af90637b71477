"""Incremental merging (store.merging, events.linking): a rebuild re-clusters only documents whose
mentions changed, re-links only the groups their stories touch, writes only events that changed,
and ends with what a full merge of every mention gives, whatever order documents came in.

The documents here are built from hand-made mentions (no parsing): reports of the same events
told by several invented outlets on neighbouring days, so stories link across documents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json

import pytest

from frontline.exports import write_events
from frontline.ingest import rebuild_events
from frontline.models import (
    ActorRef,
    CleanDocument,
    DateRef,
    Document,
    EventMention,
    Evidence,
    PlaceRef,
    Post,
    Sentence,
)
from frontline.store import Store
from test_store_postgres import pg_base_url, pg_url  # noqa: F401 - fixtures: a fresh schema per test

DAY0 = dt.date(2025, 3, 10)
PLACES = {
    "Marin": PlaceRef("Marin", 47.1, 37.5, "UA", "Donetsk Oblast", "place", "gz:marin", "Marin"),
    "Brody": PlaceRef("Brody", 48.3, 38.0, "UA", "Donetsk Oblast", "place", "gz:brody", "Brody"),
    "Solna": PlaceRef("Solna", 50.4, 36.1, "UA", "Kharkiv Oblast", "place", "gz:solna", "Solna"),
}
# Sentences (invented) telling one event each; outlets repeat them on neighbouring days.
STORIES = {
    "depot": ("strike", "Marin", "Missiles destroyed the fuel depot beside the Marin railway junction overnight."),
    "bridge": ("strike", "Brody", "Drones struck the pontoon bridge crossing near Brody, cutting supply lines."),
    "village": ("territory.capture", "Solna", "Northland troops seized the hillside village outskirts of Solna."),
    "talks": ("meeting", None, "Negotiators gathered in Geneva discussing prisoner exchange arrangements quietly."),
}
# document -> (day offset, stories it tells)
DOCS = {
    "outlet-a": (0, ["depot", "talks"]),
    "outlet-b": (1, ["depot", "bridge"]),
    "outlet-c": (2, ["depot", "village"]),  # two days after outlet-a: joins it only through outlet-b
    "outlet-d": (1, ["bridge", "village", "talks"]),
    "outlet-e": (9, ["depot"]),  # a week later: another event
}


def document(doc_id: str, day: int, names: list[str]) -> tuple[CleanDocument, list[EventMention]]:
    posts, mentions, offset = [], [], 0
    date = DAY0 + dt.timedelta(days=day)
    for i, name in enumerate(names):
        etype, place, text = STORIES[name]
        post_id = f"p{i}"
        start, end = offset, offset + len(text)
        sentence = Sentence(doc_id, post_id, i, text, start, end)
        posts.append(Post(doc_id, post_id, i, "", text, "post", None, start, end, sentences=[sentence]))
        mentions.append(EventMention(
            type=etype, status="reported", summary=text.rstrip("."),
            evidence=Evidence(doc_id, post_id, text, start, end),
            date=DateRef(date, date, "day", "relative"), location=PLACES.get(place) if place else None,
            sentence_key=f"{doc_id}:{i}", block=f"{doc_id}:{post_id}", date_weight=2))
        offset = end + 1
    doc = Document(doc_id, f"{doc_id} live", [], source="Test outlet",
                   published=dt.datetime.combine(date, dt.time(12)))
    return CleanDocument(doc, "\n".join(STORIES[n][2] for n in names), posts), mentions


def save(store: Store, doc_id: str, day: int, names: list[str]) -> None:
    clean, mentions = document(doc_id, day, names)
    sha = hashlib.sha256(json.dumps([doc_id, day, names]).encode()).hexdigest()
    store.save_document(clean, mentions, sha)


def exported(store: Store) -> str:
    buf = io.StringIO()
    write_events(store.iter_events(), buf)
    return buf.getvalue()


def build(where, order: list[str], *, one_by_one: bool) -> Store:
    store = Store(str(where))
    for doc_id in order:
        save(store, doc_id, *DOCS[doc_id])
        if one_by_one:
            rebuild_events(store)
    rebuild_events(store)
    return store


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> str:
    store = build(tmp_path_factory.mktemp("ref") / "ref.db", sorted(DOCS), one_by_one=False)
    events = [json.loads(line) for line in exported(store).splitlines()]
    linked = [e for e in events if len({x["document"] for x in e["evidence"]}) > 1]
    assert len(linked) >= 3, "the comparison needs events told by several documents"
    depot = [e for e in events if "depot" in e["summary"]]
    assert sorted(len(e["evidence"]) for e in depot) == [1, 3]  # a, b, c chained; e a week later apart
    return exported(store)


@pytest.mark.parametrize("order", [
    ["outlet-e", "outlet-d", "outlet-c", "outlet-b", "outlet-a"],
    ["outlet-c", "outlet-a", "outlet-e", "outlet-b", "outlet-d"],
])
def test_one_by_one_in_any_order_equals_all_at_once(tmp_path, reference, order):
    """Each document ingested and merged on its own, in another order: the same events and ids."""
    store = build(tmp_path / "inc.db", order, one_by_one=True)
    assert exported(store) == reference
    rebuild_events(store, full=True)
    assert exported(store) == reference  # the full rebuild agrees with the incremental path


def test_a_document_that_drops_a_story_splits_the_event_it_bridged(tmp_path):
    store = build(tmp_path / "split.db", sorted(DOCS), one_by_one=True)
    save(store, "outlet-b", 1, ["bridge"])  # a newer snapshot of outlet-b no longer tells the depot strike
    rebuild_events(store)
    incremental = exported(store)
    depot = sorted(len(json.loads(e)["evidence"]) for e in incremental.splitlines() if "depot" in e)
    assert depot == [1, 1, 1]  # without outlet-b, a and c (two days apart) are two events
    fresh = Store(str(tmp_path / "fresh.db"))
    for doc_id in sorted(DOCS):
        save(fresh, doc_id, *((1, ["bridge"]) if doc_id == "outlet-b" else DOCS[doc_id]))
    rebuild_events(fresh)
    assert [_without_ids(e) for e in incremental.splitlines()] == \
        [_without_ids(e) for e in exported(fresh).splitlines()]
    rebuild_events(store, full=True)
    assert exported(store) == incremental


def _without_ids(line: str) -> dict:
    obj = json.loads(line)
    obj.pop("id")
    return obj


def test_only_changed_documents_are_clustered_again(tmp_path, monkeypatch):
    from frontline.events import merge

    store = build(tmp_path / "cache.db", sorted(DOCS), one_by_one=False)
    clustered: list[str] = []
    real = merge.resume_stories

    def counting(mentions, previous=None):
        clustered.append(mentions[0].evidence.document if mentions else "")
        return real(mentions, previous)

    monkeypatch.setattr(merge, "resume_stories", counting)
    save(store, "outlet-d", 1, ["bridge", "village"])  # changed mentions: clustered again
    clean, mentions = document("outlet-a", *DOCS["outlet-a"])
    store.save_document(clean, mentions, "another-snapshot-same-mentions")  # dirty, same mentions
    rebuild_events(store)
    assert clustered == ["outlet-d"]
    assert store.table_counts()["dirty_documents"] == 0 and not store.events_stale()
    clustered.clear()
    rebuild_events(store, full=True)  # a full rebuild re-links everything but reuses every document's stories
    assert clustered == []


def test_a_new_document_writes_only_its_events(tmp_path):
    from frontline.store import merging

    store = build(tmp_path / "writes.db", sorted(DOCS), one_by_one=False)
    before = {e.id: e for e in store.iter_events()}
    save(store, "outlet-f", 30, ["talks"])  # a meeting a month later: links to nothing stored
    plan = merging.prepare(store)
    assert plan.old_groups == set() and len(plan.events) == 1
    with store.write_transaction() as conn:
        assert merging.apply(store, plan, conn) == 1
    after = {e.id: e for e in store.iter_events()}
    assert set(after) - set(before) == {plan.events[0].id} and all(after[k] == v for k, v in before.items())
    save(store, "outlet-g", 2, ["bridge"])  # the bridge strike again, the next day: one event grows
    plan = merging.prepare(store)
    assert len(plan.old_event_ids) == 1 and len(plan.events) == 1
    with store.write_transaction() as conn:
        assert merging.apply(store, plan, conn) == 1


def test_blocks_hold_every_pair_that_links():
    """The blocking contract: two mentions of two documents that could link are of one type family,
    dated within a day of each other and not placed in two countries (else linking would miss them)."""
    from frontline.events import linking

    mentions = [m for doc_id, (day, names) in DOCS.items() for m in document(doc_id, day, names)[1]]
    shifted = [m for doc_id, (day, names) in DOCS.items() for m in document(doc_id + "-late", day + 2, names)[1]]
    # the same town, the same unit, in other words (a rule that needs no shared words) and statements
    unit = ActorRef("Northland 3rd brigade", "unit-3", "force", "3rd brigade", 0, 11, "NL")
    retold = document("outlet-x", 1, ["depot"])[1][0]
    retold.evidence.text = "A warehouse of diesel in the Marin area burned after an overnight attack, officials said."
    retold.actors = [unit]
    mentions[0].actors = [unit]
    for doc_id, day in (("outlet-s", 0), ("outlet-t", 1)):
        said = document(doc_id, day, ["talks"])[1][0]
        said.type, said.sources = "statement", [("Northland's foreign ministry", "asserts")]
        mentions.append(said)
    shifted.append(retold)
    linking_pairs = 0
    for x, m in itertools.product(mentions, mentions + shifted):
        if x.evidence.document == m.evidence.document:
            continue
        if linking.pair_links(x, m):
            linking_pairs += 1
            kx, km = linking.block_keys(x), linking.block_keys(m)
            assert kx is not None and km in linking.neighbours(kx)
            assert linking.regions_compatible(linking.region(x), linking.region(m))
            assert linking.could_link(x.evidence.text, linking.place_id(x), m)
            assert linking.could_link(m.evidence.text, linking.place_id(m), x)
    assert linking_pairs >= 10
    assert linking.pair_links(mentions[0], retold) and linking.pair_links(mentions[-2], mentions[-1])


def test_doctor_fix_full_merges_everything_again_to_the_same_events(tmp_path, run_cli):
    db = str(tmp_path / "doctor.db")
    store = build(tmp_path / "doctor.db", sorted(DOCS), one_by_one=True)
    before = exported(store)
    result = run_cli("doctor", "--fix", "--full", "--db", db)
    assert result.exit_code == 0, result.output
    assert "from all mentions" in result.stderr
    assert exported(Store(db)) == before


@pytest.mark.postgres
def test_postgres_one_by_one_backwards_equals_all_at_once(pg_url, reference):  # noqa: F811
    store = build(pg_url, sorted(DOCS, reverse=True), one_by_one=True)
    assert store.engine.dialect.name == "postgresql"
    assert exported(store) == reference
    rebuild_events(store, full=True)
    assert exported(store) == reference


def test_the_row_scan_asks_could_link_as_linking_does():
    """`store.merging` tries stored rows against new mentions with each text's stems worked out once
    (`_could_link_any`): it must answer as `linking.could_link` does, pair by pair, or a rebuild would
    skip stories a full merge links."""
    from frontline.events import linking, similarity
    from frontline.store import merging

    mentions = [m for doc_id, (day, names) in DOCS.items() for m in document(doc_id, day, names)[1]]
    texts = [m.evidence.text for m in mentions] + [
        "Missiles hit.", "Depot fuel junction Marin railway overnight destroyed missiles beside.",
        "Drones struck a bridge near Brody and a fuel depot at Marin railway junction overnight.", ""]
    places = ["", "gz:marin", "gz:brody"]
    answers = set()
    for text, place, m in itertools.product(texts, places, mentions):
        probe = merging._Probe("other", linking.region(m), linking.place_id(m),
                               similarity._stems(m.evidence.text), id(m))
        expected = linking.could_link(text, place, m)
        assert merging._could_link_any(similarity._stems(text), place, [probe]) == expected, (text, place, m)
        # as rows store the text: its stems (and, in databases written before, the text itself)
        assert merging._could_link_any(merging._row_stems(merging._stored_stems(text)), place, [probe]) == expected
        assert merging._could_link_any(merging._row_stems(text), place, [probe]) == expected
        answers.add(expected)
    assert answers == {True, False}


def test_the_indexed_row_scan_answers_as_trying_every_probe():
    """The scan of stored rows looks probes up by place and stem (`_NearIndex`) rather than trying
    each: for every row (text, place, document, region) it must answer as `_could_link_any` over the
    probes of other documents in compatible regions does."""
    from frontline.events import linking, similarity
    from frontline.store import merging

    mentions = [m for doc_id, (day, names) in DOCS.items() for m in document(doc_id, day, names)[1]]
    probes = [merging._Probe(m.evidence.document, linking.region(m), linking.place_id(m),
                             similarity._stems(m.evidence.text), id(m)) for m in mentions]
    probes.append(merging._Probe("elsewhere", "RU", "gz:marin", similarity._stems("Missiles hit Marin."), 0))
    texts = [m.evidence.text for m in mentions] + [
        "Missiles hit.", "Depot fuel junction Marin railway overnight destroyed missiles beside.", ""]
    places = ["", "gz:marin", "gz:brody"] + sorted({p.place for p in probes if p.place})
    documents = sorted({p.document for p in probes}) + ["new"]
    answers = set()
    for subset in (probes, probes[::2], probes[-3:]):
        index = merging._NearIndex(subset)
        for text, place, doc, region in itertools.product(texts, places, documents, ["", "UA", "RU"]):
            others = [p for p in subset if p.document != doc and linking.regions_compatible(region, p.region)]
            expected = merging._could_link_any(similarity._stems(text), place, others)
            assert index.could_link(similarity._stems(text), place, doc, region) == expected, (text, place, doc)
            # a row as read: its stems as stored (and, in databases written before, the text itself)
            assert index.could_link_row(merging._stored_stems(text), place, doc, region) == expected
            assert index.could_link_row(text, place, doc, region) == expected
            assert index.linkable(similarity._stems(text), place) == \
                {p.mention for p in subset if merging._could_link_any(similarity._stems(text), place, [p])}
            answers.add(expected)
    assert answers == {True, False}


def test_the_recorded_event_count_is_the_number_of_event_rows(tmp_path):
    """A rebuild records how many events there are (COUNT(*) would read a whole index of a large
    database for every document ingested): after each rebuild, as documents join and split events
    and after a full rebuild, it is what COUNT(*) says; when events changed without it being
    recorded (another writer), they are counted again."""
    from sqlalchemy import delete, func, select

    from frontline.store import schema as t
    from frontline.store.db import _bump

    store = Store(str(tmp_path / "count.db"))

    def rows() -> int:
        with store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.events)).scalar()

    counts = []
    steps = [(d, *DOCS[d]) for d in ["outlet-a", "outlet-c", "outlet-e", "outlet-d", "outlet-b"]]
    steps += [("outlet-b", 1, ["bridge"]), ("outlet-b", 1, ["depot", "bridge"])]  # edited: splits, joins
    for doc_id, day, names in steps:
        save(store, doc_id, day, names)
        counts.append(rebuild_events(store))
        assert counts[-1] == store.count_events() == rows(), (doc_id, names)
    assert any(b < a for a, b in itertools.pairwise(counts)), counts  # joining events lowered it
    assert rebuild_events(store, full=True) == store.count_events() == rows()
    with store.write_transaction() as conn:  # another writer, which does not record the count
        gone = conn.execute(select(t.events.c.id)).scalars().first()
        conn.execute(delete(t.event_evidence).where(t.event_evidence.c.event_id == gone))
        conn.execute(delete(t.events).where(t.events.c.id == gone))
        _bump(conn, "events_version")
    assert store.count_events() == rows() == counts[-1] - 1


def test_a_rebuild_settles_the_collector_and_hands_it_back_as_it_was(tmp_path, monkeypatch):
    """A rebuild runs with the collector settled, as an ingest does (objects alive before it out of the
    collector's passes, a higher threshold), and leaves it as it found it: after a rebuild, after one
    that fails, and inside a caller that froze its own objects for good (the API)."""
    import gc

    from frontline.store import merging

    store = build(tmp_path / "gc.db", sorted(DOCS)[:2], one_by_one=False)
    seen = []
    real_prepare = merging.prepare

    def watching(*args, frozen=gc.get_freeze_count, **kwargs):
        seen.append((gc.get_threshold()[0], frozen() > 0))
        return real_prepare(*args, **kwargs)

    monkeypatch.setattr(merging, "prepare", watching)
    before = gc.get_threshold()
    earlier = gc.get_freeze_count()  # another test's app froze its start-up: start from nothing frozen
    gc.unfreeze()
    try:
        _settled_rebuilds(store, monkeypatch, watching, seen, before)
    finally:
        if earlier:
            gc.freeze()


def _settled_rebuilds(store, monkeypatch, watching, seen, before) -> None:
    import gc

    from frontline import ingest
    from frontline.store import merging

    save(store, "outlet-c", 1, ["depot"])
    rebuild_events(store)
    assert seen and set(seen) == {(max(before[0], ingest.INGEST_GC_THRESHOLD), True)}
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0

    def failing(*args, **kwargs):
        raise RuntimeError("merge failed")

    monkeypatch.setattr(merging, "prepare", failing)
    save(store, "outlet-d", 1, ["depot"])
    with pytest.raises(RuntimeError):
        rebuild_events(store)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0

    monkeypatch.setattr(merging, "prepare", watching)
    with ingest._settled_heap():  # the rebuild at the end of an ingest: settled already, nothing walked again
        asked = []
        monkeypatch.setattr(gc, "get_freeze_count", lambda real=gc.get_freeze_count: asked.append(1) or real())
        save(store, "outlet-e", 9, ["depot"])
        rebuild_events(store)
        monkeypatch.undo()
        monkeypatch.setattr(merging, "prepare", watching)
        assert asked == [] and seen[-1] == (max(before[0], ingest.INGEST_GC_THRESHOLD), True)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0

    gc.freeze()
    try:
        rebuild_events(store)
        assert gc.get_freeze_count() > 0  # not handed back: the caller froze them
    finally:
        gc.unfreeze()
    assert gc.get_threshold() == before
