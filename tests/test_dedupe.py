"""Near-duplicate sentences and posts are linked to their first occurrence, never dropped (cleaning/dedupe.py)."""

from __future__ import annotations

from frontline.cleaning import clean_document
from frontline.models import Block, Document
from frontline.readers import read_path

REPEATED = "Foreign ministers of both countries will meet in Geneva on Tuesday to discuss a ceasefire, officials said."


def blocks_doc(*blocks: Block) -> Document:
    return Document(doc_id="dedupe.html", title="War live", format="html", blocks=list(blocks))


def test_sentence_repeated_in_summary_and_post_links_to_its_first_occurrence(blog, tmp_path):
    path = tmp_path / "eastland-live.txt"
    path.write_text(blog["v1"], encoding="utf-8")
    clean = clean_document(read_path(path)[0])
    hits = [s for s in clean.sentences if s.text == REPEATED]
    assert len(hits) == 2  # both places are kept: provenance of every appearance
    first, again = hits
    assert clean.posts[0].kind == "summary" and first.post_id == clean.posts[0].post_id
    assert first.duplicate_of is None
    assert again.duplicate_of == first.index
    assert again.post_id != first.post_id
    assert clean.text.count(REPEATED) == 2


def test_near_duplicates_link_to_the_first_not_to_each_other():
    doc = blocks_doc(
        Block(headline="", kind="summary", paragraphs=[
            "Russian forces have captured the village of Ostriv, the defence ministry said on Monday."]),
        Block(headline="Village falls after weeks of fighting", paragraphs=[
            "Russian forces have captured the village of Ostriv, the defence ministry says.",
            "Local officials did not confirm the claim."]),
        Block(headline="Ostriv: what we know", paragraphs=[
            "Russian forces have captured the village of Ostriv, the defence ministry said on Monday!"]),
    )
    clean = clean_document(doc)
    claim = [s for s in clean.sentences if "captured the village of Ostriv" in s.text]
    assert len(claim) == 3
    assert claim[0].duplicate_of is None
    assert [s.duplicate_of for s in claim[1:]] == [claim[0].index, claim[0].index]
    other = next(s for s in clean.sentences if s.text.startswith("Local officials"))
    assert other.duplicate_of is None


def test_short_or_different_sentences_are_not_linked():
    doc = blocks_doc(
        Block(headline="Talks in Geneva", paragraphs=["Talks resumed.", "Delegations from both sides met at noon."]),
        Block(headline="Shelling in the south", paragraphs=[
            "Talks resumed.", "Artillery fire hit the river port overnight, officials said."]),
    )
    clean = clean_document(doc)
    assert all(s.duplicate_of is None for s in clean.sentences)


def test_caption_repeating_its_headline_is_linked_to_the_headline():
    doc = blocks_doc(Block(headline="Missile strike hits power station in the capital", paragraphs=[
        "Emergency crews worked through the night.", "Missile strike hits power station in the capital"]))
    clean = clean_document(doc)
    headline = clean.sentences[0]
    assert headline.is_headline
    assert clean.sentences[-1].duplicate_of == headline.index


def test_republished_post_points_to_the_original_post():
    body = ["The governor said two people were killed when a drone hit an apartment block overnight.",
            "Rescue teams are searching the rubble for survivors."]
    doc = blocks_doc(
        Block(headline="Drone attack on port city kills two", paragraphs=body),
        Block(headline="Air defence active over the capital", paragraphs=["Explosions were heard before dawn."]),
        Block(headline="Drone attack on port city kills two", paragraphs=list(body)),
    )
    clean = clean_document(doc)
    first, _, again = clean.posts
    assert len(clean.posts) == 3  # the repeat is kept, not dropped
    assert first.duplicate_of is None
    assert again.duplicate_of == first.post_id
    assert again.post_id != first.post_id
    assert clean.posts[1].duplicate_of is None
