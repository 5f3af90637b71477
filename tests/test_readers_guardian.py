"""The Guardian plain-text live-blog layout: posts behind inline stamps, each with its own time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontline.cleaning import clean_document
from frontline.cleaning.boilerplate import scrub_inline
from frontline.readers import read_bytes, read_path
from frontline.readers.detect import detect_format
from frontline.readers.guardian import resolve_stamp, split_headline

FIXTURE = Path(__file__).parent / "fixtures" / "guardian_liveblog.txt"


@pytest.fixture(scope="module")
def doc():
    docs = read_path(FIXTURE)
    assert len(docs) == 1
    return docs[0]


def test_detected_from_content_not_name():
    text = FIXTURE.read_text(encoding="utf-8")
    assert detect_format(text, "whatever.dat") == "guardian"
    assert read_bytes(text.encode(), "no-extension")[0].format == "guardian"


def test_one_block_per_post_with_its_own_london_time(doc):
    stamps = [b.published for b in doc.blocks]
    assert all(s is not None and s.tzinfo is not None for s in stamps)
    # Newest first, as on the page; the pinned "From ..." copy of the 18.05 post is not repeated.
    assert stamps == sorted(stamps, reverse=True)
    assert len(doc.blocks) == 5
    assert sum(1 for b in doc.blocks if b.published == dt.datetime(2023, 7, 8, 17, 5, tzinfo=dt.UTC)) == 1
    assert all(b.published.utcoffset() == dt.timedelta(hours=1) for b in doc.blocks)  # BST in July
    assert doc.published == doc.blocks[0].published


def test_stamps_print_the_utc_date_with_london_time(doc):
    # "9 Jul 2023 00.40" sits above "8 Jul 23.55" but the blog runs newest first:
    # 00.40 BST on 10 July is 23.40 UTC on 9 July, the date printed.
    assert doc.blocks[0].published == dt.datetime(2023, 7, 9, 23, 40, tzinfo=dt.UTC)
    assert resolve_stamp(dt.date(2023, 7, 9), 0, 40).isoformat() == "2023-07-10T00:40:00+01:00"
    assert resolve_stamp(dt.date(2023, 7, 9), 1, 40).isoformat() == "2023-07-09T01:40:00+01:00"
    assert resolve_stamp(dt.date(2023, 12, 3), 0, 15).isoformat() == "2023-12-03T00:15:00+00:00"  # GMT


def test_winter_posts_are_gmt():
    text = ("Talks go on – as it happened\n"
            "3 Dec 2023 14.05 Envoys met again on Sunday to discuss a prisoner exchange, the mediators said.\n\n"
            "3 Dec 2023 13.20 Negotiators arrived in the capital on Sunday morning, officials said.\n")
    blocks = read_bytes(text.encode(), "winter.txt")[0].blocks
    assert [b.published.isoformat() for b in blocks] == ["2023-12-03T14:05:00+00:00", "2023-12-03T13:20:00+00:00"]


def test_headlines_found_or_left_empty(doc):
    heads = [b.headline for b in doc.blocks]
    assert heads == ["", "Rescue boats reach stranded residents", "Summary", "",
                     "Dam breach floods villages downriver, officials say"]
    rescue = doc.blocks[1]
    assert rescue.paragraphs[0].startswith("Rescue teams in small boats")  # byline "Maria Kowalski" dropped
    assert not any("Kowalski" in p for p in rescue.paragraphs)


def test_split_headline_is_cautious():
    assert split_headline("Explosions reported near port city Two explosions were heard near the port city "
                          "early on Monday, residents said.") == (
        "Explosions reported near port city",
        "Two explosions were heard near the port city early on Monday, residents said.")
    # Ordinary prose with capitalised names mid-sentence: no headline invented.
    prose = ("The foreign minister met his counterpart from Poland in Warsaw on Tuesday, and the two men discussed "
             "grain exports. Poland has called for more checks.")
    assert split_headline(prose) == ("", prose)
    assert split_headline("Summary Here is where things stand tonight.") == (
        "Summary", "Here is where things stand tonight.")


def test_furniture_removed(doc):
    text = " ".join(p for b in doc.blocks for p in b.paragraphs)
    assert "Updated at" not in text
    assert "Photograph:" not in text and "A rescuer helps an elderly woman" not in text
    assert "@regional_gov" not in text
    assert "The operation would continue through the night" in text  # text after the credit survives


def test_scrape_overlaps_undone(doc):
    rescue = " ".join(doc.blocks[1].paragraphs)
    assert rescue.count("at least 140 people") == 1
    summary = " ".join(doc.blocks[2].paragraphs)
    assert summary.count("Thousands of residents were told") == 1


def test_cleaning_keeps_posts_and_drops_sign_off(doc):
    clean = clean_document(doc)
    assert [p.kind for p in clean.posts] == ["summary", "post", "summary", "post", "post"]
    sign_off = clean.posts[0]
    assert "closing now" not in sign_off.text and "Water poured through a breach" in sign_off.text
    assert any("closing now" in r for r in sign_off.removed)
    assert all(p.published is not None for p in clean.posts)


def test_scrub_inline_caption_and_credit():
    text, removed = scrub_inline("Officials said the bridge was closed. Joe Bloggs at the scene. "
                                 "Photograph: Jane Doe/AFP/Getty Images Traffic was diverted.")
    assert text == "Officials said the bridge was closed.\nTraffic was diverted."
    assert removed == ["Joe Bloggs at the scene. Photograph: Jane Doe/AFP/Getty Images"]
