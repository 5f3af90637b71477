"""RSS and Atom: one Document per entry with its link, title, time and HTML-free text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontline.readers import ReaderError, read_bytes, read_path

FIXTURES = Path(__file__).parent / "fixtures"


def test_rss_entries():
    docs = read_path(FIXTURES / "feed.rss")
    assert [d.format for d in docs] == ["feed", "feed"]
    first, second = docs
    assert first.doc_id == first.url == "https://wire.example.com/europe/power-plant-strike"
    assert first.title == "Missile strike damages power plant"
    assert first.source == "Example Wire - Europe"
    assert first.published == dt.datetime(2024, 5, 14, 7, 45, tzinfo=dt.UTC)
    # content:encoded wins over the shorter description; tags and scripts are gone.
    assert first.blocks[0].paragraphs == [
        "A missile strike damaged a thermal power plant in the east of the country overnight, "
        "the energy ministry said on Tuesday.", "Repair crews were at the site, it said."]
    assert second.published == dt.datetime(2024, 5, 13, 14, 0, tzinfo=dt.UTC)
    assert second.blocks[0].paragraphs == ["Foreign ministers met in Brussels on Monday to discuss a new aid package."]


def test_atom_entry():
    [doc] = read_path(FIXTURES / "feed.atom")
    assert doc.url == "https://notes.example.org/2024/07/ceasefire-talks"
    assert doc.published == dt.datetime(2024, 7, 1, 6, 30, tzinfo=dt.UTC)
    assert doc.blocks[0].paragraphs[1] == "The talks are expected to last two days."


def test_feed_detected_whatever_the_extension(tmp_path):
    path = tmp_path / "feed.txt"
    path.write_bytes((FIXTURES / "feed.atom").read_bytes())
    assert read_path(path)[0].format == "feed"


def test_empty_and_broken_feeds_are_errors():
    with pytest.raises(ReaderError, match="feed has no entries"):
        read_bytes(b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>", "e.rss")
    with pytest.raises(ReaderError) as err:
        read_bytes(b"<rss version='2.0'><channel><item><title>never closed", "broken.rss")
    assert str(err.value).startswith("broken.rss: ") and "\n" not in str(err.value)


def test_headline_only_entries_are_skipped():
    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
            b"<item><title>Only a title</title><link>https://e.com/1</link></item>"
            b"<item><title>With text</title><link>https://e.com/2</link>"
            b"<description>Officials said the bridge reopened on Friday.</description></item></channel></rss>")
    assert [d.doc_id for d in read_bytes(feed, "f.rss")] == ["https://e.com/2"]
    with pytest.raises(ReaderError, match="no entry of the feed has any text"):
        read_bytes(feed.replace(b"<description>Officials said the bridge reopened on Friday.</description>", b""),
                   "f.rss")


def test_inline_photo_credits_cut_from_entries():
    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>Strike</title>"
            b"<link>https://e.com/3</link><description>Rockets hit the depot overnight. Firefighters at the depot. "
            b"Photograph: Jane Doe/Reuters The fire was put out by morning.</description></item></channel></rss>")
    [doc] = read_bytes(feed, "f.rss")
    assert doc.blocks[0].paragraphs == ["Rockets hit the depot overnight.", "The fire was put out by morning."]
