"""Cleaning end to end (clean_document): boilerplate out, glued text split, posts classified, off-topic flagged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontline.cleaning import clean_document
from frontline.models import Block, CleanDocument, Document
from frontline.readers import read_path


@pytest.fixture(scope="module")
def clean_blog(blog, tmp_path_factory) -> CleanDocument:
    path = tmp_path_factory.mktemp("blog") / "eastland-live.txt"
    path.write_text(blog["v1"], encoding="utf-8")
    return clean_document(read_path(path)[0])


def removed(clean: CleanDocument) -> list[str]:
    return [r for p in clean.posts for r in p.removed]


@pytest.mark.parametrize("boilerplate", [
    "Your support helps us to tell the story",
    "our reporters are on the ground",
    "Your donation allows us to keep our journalists",
    "Your support makes all the difference",
    "Join our commenting forum",
    "Join thought-provoking conversations",
])
def test_publisher_boilerplate_is_removed_from_the_cleaned_text(clean_blog, boilerplate):
    assert boilerplate.lower() not in clean_blog.text.lower()
    for post in clean_blog.posts:
        assert boilerplate.lower() not in (post.headline + post.text).lower()
    # ... but kept as provenance of what was cut, not silently lost.
    assert any(boilerplate.lower() in r.lower() for r in removed(clean_blog))


def test_lone_comments_label_is_removed(clean_blog):
    assert "Comments" in removed(clean_blog)
    assert not any(line.strip() == "Comments" for line in clean_blog.text.splitlines())


def test_text_glued_to_an_appeal_is_split_and_the_content_kept(clean_blog):
    content = "Northland's army says it has withdrawn from the river town of Velika after weeks of heavy shelling."
    summary = clean_blog.posts[0]
    assert summary.kind == "summary"
    assert summary.headline == ""
    assert summary.text.startswith(content)
    assert content in [s.text for s in summary.sentences]
    assert "difference." not in clean_blog.text


def test_posts_teasers_and_summary_are_classified(clean_blog, blog):
    assert [p.headline for p in clean_blog.posts if p.kind == "post"] == blog["v1_headlines"]
    kinds = {p.kind for p in clean_blog.posts}
    assert kinds == {"summary", "post", "teaser"}
    teasers = [p for p in clean_blog.posts if p.kind == "teaser"]
    assert [t.text for t in teasers] == ["Watch: Drone footage shows damaged bridge in Velika"]
    assert all(t.headline == "" for t in teasers)
    assert clean_blog.document.standfirst == "Northland says its soldiers left the town after weeks of shelling"
    assert clean_blog.document.standfirst not in clean_blog.text


def test_video_caption_stays_with_its_post(clean_blog):
    geneva = next(p for p in clean_blog.posts if p.headline.startswith("Ministers to meet in Geneva as"))
    assert geneva.text.splitlines()[-2:] == [
        "Ministers to meet in Geneva for ceasefire talks",
        "Both delegations are expected to arrive late on Monday evening",
    ]
    video = next(p for p in clean_blog.posts if p.headline == "Missile strike hits power station in the capital")
    assert video.kind == "post"
    assert "Emergency crews worked through the night" in video.text


def test_off_topic_post_is_flagged_and_war_posts_are_not(clean_blog, blog):
    flagged = [p.headline for p in clean_blog.posts if p.off_topic]
    assert flagged == [blog["off_topic_headline"]]


def test_off_topic_post_is_not_exported(blog, tmp_path, db_path, save_text, run_cli):
    from frontline.store import Store

    save_text(Store(db_path), tmp_path, "eastland-live.txt", blog["v1"])
    result = run_cli("export", "posts", "--db", db_path)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    headlines = [r["headline"] for r in rows]
    assert blog["off_topic_headline"] not in headlines
    assert "choir" not in result.stdout
    assert [h for h in headlines if h] == [h for h in blog["v1_headlines"] if h != blog["off_topic_headline"]]


def test_structured_blocks_keep_their_kind_and_time_and_lose_boilerplate():
    """Readers that know the structure (JSON-LD, inline timestamps) pass blocks; cleaning keeps them."""
    t1 = dt.datetime(2025, 2, 3, 9, 15, tzinfo=dt.UTC)
    t2 = dt.datetime(2025, 2, 3, 8, 40, tzinfo=dt.UTC)
    doc = Document(doc_id="https://news.example/live/war", title="War live", format="html", blocks=[
        Block(headline="Key events", paragraphs=["Troops were seen moving towards the border on Monday."],
              kind="summary"),
        Block(headline="Air raid alert across the east", published=t1, paragraphs=[
            "Air raid sirens sounded across the eastern regions shortly after dawn.",
            "Updated at 09.31 GMT",
            "Read more: How air defence works",
        ]),
        Block(headline="Read more", paragraphs=[], published=t2),
    ])
    clean = clean_document(doc)
    assert [(p.kind, p.headline) for p in clean.posts] == [
        ("summary", "Key events"), ("post", "Air raid alert across the east")]  # the "Read more" card is gone
    raid = clean.posts[1]
    assert raid.published == t1
    assert raid.text == "Air raid sirens sounded across the eastern regions shortly after dawn."
    assert all(s.published == t1 for s in raid.sentences)
    assert "Updated at" not in clean.text
    assert "Read more" not in clean.text


def test_headline_without_body_in_a_structured_block_is_a_teaser():
    doc = Document(doc_id="cards.html", title="War live", format="html", blocks=[
        Block(headline="Ceasefire talks open in Geneva", paragraphs=["Delegations met on Tuesday morning."]),
        Block(headline="Explained: what a ceasefire would mean", paragraphs=[]),
    ])
    clean = clean_document(doc)
    assert [(p.kind, p.headline) for p in clean.posts] == [
        ("post", "Ceasefire talks open in Geneva"), ("teaser", "Explained: what a ceasefire would mean")]


def test_post_ids_are_stable_and_unique(blog, tmp_path: Path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(blog["v1"], encoding="utf-8")
    b.write_text(blog["v2"], encoding="utf-8")
    v1, v2 = clean_document(read_path(a)[0]), clean_document(read_path(b)[0])
    ids1 = {p.headline or p.text[:30]: p.post_id for p in v1.posts}
    ids2 = {p.headline or p.text[:30]: p.post_id for p in v2.posts}
    assert len(set(ids1.values())) == len(v1.posts)
    shared = set(ids1) & set(ids2)
    assert blog["edited_headline"] in shared  # an edited post keeps its id
    assert all(ids1[k] == ids2[k] for k in shared)
    assert v1.posts[0].post_id == v2.posts[0].post_id  # the lead summary is one slot


def test_a_sign_off_is_boilerplate_but_a_quote_that_starts_alike_is_kept():
    from frontline.cleaning.boilerplate import is_boilerplate

    assert is_boilerplate("We’ll be back shortly with more updates.")
    assert not is_boilerplate("We will return thanks to our tactics and the supply of modern weapons.")


def test_a_byline_list_and_a_sign_off_glued_to_a_summary_are_cut():
    from frontline.cleaning.boilerplate import is_boilerplate

    assert is_boilerplate("– Jennifer Doe, Harry Roe, Maanvi Poe, Rob Loe")
    assert not is_boilerplate("– Zelenskiy said the war would end")
    doc = Document(doc_id="signoff.txt", title="Russia-Ukraine war live", blocks=[Block(
        headline="Summary", kind="post", paragraphs=[
            "Thank you for joining us for our live coverage of the war in Ukraine today. It’s 3am in Kyiv and we will "
            "now be pausing our live reporting until the morning. On Saturday Ukraine’s defence ministry asked "
            "residents of Enerhodar to say where Russian soldiers were staying."])],
        published=dt.datetime(2022, 7, 23))
    text = clean_document(doc).text
    assert "pausing our live reporting" not in text and "Thank you for joining" not in text
    assert "Enerhodar" in text


def test_a_summarys_lead_in_is_cut_but_a_quote_that_starts_alike_is_kept():
    from frontline.cleaning.boilerplate import scrub_inline

    text, removed = scrub_inline("It’s 4am in Odesa. Here’s where things stand: Russia has launched strikes on Kyiv.")
    assert text.strip() == "Russia has launched strikes on Kyiv." and removed
    text, _ = scrub_inline("It’s midnight in Kharkiv, and time to sum up the day’s main events in the "
                           "war: Russia is considering a prisoner swap.")
    assert text.strip() == "Russia is considering a prisoner swap."
    quote = "“It’s 1am in Kyiv: we are still here,” he said."
    assert scrub_inline(quote)[0] == quote


def test_boilerplate_paragraph_patterns_can_be_searched_as_one():
    """is_boilerplate searches the drop_paragraph patterns as one alternation; that is the same test
    only while none of them refers back to a group or sets a flag of its own (data/boilerplate.toml)."""
    import re

    from frontline.cleaning.boilerplate import is_boilerplate, patterns

    pats = patterns().drop_paragraph
    assert not [p.pattern for p in pats if re.search(r"\\\d|\(\?P=|\(\?[aiLmsux-]+[:)]", p.pattern)]
    assert not is_boilerplate("Russian forces shelled Kharkiv overnight, the governor said.")
