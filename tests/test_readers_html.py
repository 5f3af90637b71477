"""HTML pages: LiveBlogPosting JSON-LD first, article extraction second, a clear error last."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontline.cleaning import clean_document
from frontline.readers import ReaderError, read_bytes, read_path
from frontline.readers.detect import detect_format
from frontline.readers.html import html_to_paragraphs, load_json_ld, parse_datetime

FIXTURES = Path(__file__).parent / "fixtures"


def test_live_blog_json_ld_in_graph_gives_one_block_per_update():
    [doc] = read_path(FIXTURES / "liveblog_graph.html")
    assert doc.format == "html"
    assert doc.doc_id == doc.url == "https://news.example.org/world/live/2024/mar/02/ukraine-war-live"
    assert doc.title == "Ukraine war live: drone strikes on Odesa port"
    assert doc.source == "Example News"
    assert doc.published == dt.datetime(2024, 3, 2, 6, 0, tzinfo=dt.UTC)
    assert [b.headline for b in doc.blocks] == [
        "Talks in Geneva postponed", "Grain terminal damaged in overnight drone attack", ""]
    assert doc.blocks[0].paragraphs == [
        "Planned talks between the two delegations in Geneva have been postponed until next week, "
        "a spokesperson for the hosts said.", "No reason was given for the delay."]
    assert doc.blocks[1].paragraphs[1] == "Two workers were injured, he added."
    assert doc.blocks[1].published == dt.datetime(2024, 3, 2, 6, 10, tzinfo=dt.UTC)  # +02:00 kept exact
    assert all(b.kind == "post" for b in doc.blocks)


def test_json_ld_as_list_with_single_update_and_trailing_commas():
    [doc] = read_path(FIXTURES / "liveblog_list_trailing_comma.html")
    assert doc.url == "https://paper.example.com/live/day-800"  # og:url when there is no canonical link
    assert doc.source == "The Example Paper"  # publisher from JSON-LD
    [block] = doc.blocks
    assert block.headline == "Kharkiv hit by guided bombs"
    assert block.published.isoformat() == "2024-05-03T15:20:00+01:00"


def test_article_fallback_with_broken_json_ld():
    [doc] = read_path(FIXTURES / "article.html")
    assert doc.title == "Village retaken after week of fighting, army says"  # site name cut from <title>
    assert doc.url == "https://daily.example.net/europe/village-retaken"
    assert doc.published == dt.datetime(2024, 6, 10, 14, 30, tzinfo=dt.UTC)
    [block] = doc.blocks
    text = " ".join(block.paragraphs)
    assert block.paragraphs[0].startswith("The army said on Monday")
    assert "Sport" not in text and "Copyright" not in text  # navigation and footer are not the article
    clean = clean_document(doc)
    assert "retaken a village" in clean.text


def test_html_in_a_txt_file_is_html(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_bytes((FIXTURES / "liveblog_graph.html").read_bytes())
    [doc] = read_path(path)
    assert doc.format == "html" and len(doc.blocks) == 3


def test_page_without_text_is_a_clear_error():
    with pytest.raises(ReaderError) as err:
        read_bytes(b"<html><head><title>x</title></head><body><div></div></body></html>", "empty.html")
    assert "empty.html" in str(err.value) and "no live-blog JSON-LD and no article text" in str(err.value)


def test_json_ld_repairs_and_gives_up_gracefully():
    assert load_json_ld('<!-- {"a": 1,} -->') == {"a": 1}
    assert load_json_ld('{"text": "line\nbreak"}') == {"text": "line\nbreak"}  # raw control character
    assert load_json_ld("{not json at all") is None


def test_html_fragments_become_paragraphs():
    assert html_to_paragraphs("<p>One <b>bold</b> claim.</p><ul><li>First</li><li>Second</li></ul>tail<br>end") == [
        "One bold claim.", "First", "Second", "tail", "end"]
    assert html_to_paragraphs("plain\n\ntext") == ["plain", "text"]


def test_dates_in_common_forms():
    assert parse_datetime("2024-03-02T06:00:00Z") == dt.datetime(2024, 3, 2, 6, tzinfo=dt.UTC)
    assert parse_datetime("Tue, 14 May 2024 07:45:00 GMT") == dt.datetime(2024, 5, 14, 7, 45, tzinfo=dt.UTC)
    assert parse_datetime("2024-02-01") == dt.datetime(2024, 2, 1, 12, 0)
    assert parse_datetime("not a date") is None and parse_datetime(None) is None


def test_detection_prefers_content():
    assert detect_format("<!DOCTYPE html><html></html>", "page.txt") == "html"
    assert detect_format("  \n<div><p>fragment</p></div>", "x") == "html"
    assert detect_format("<?xml version='1.0'?><rss version='2.0'></rss>", "page.html") == "feed"
    assert detect_format("<?xml version='1.0'?><sitemap/>", "a.xml") == "xml"
    assert detect_format("Plain title\nPlain text line.", "page.html") == "text"


def test_figures_and_captions_are_not_post_text():
    html = ('<p>Shelling hit the town centre.</p><figure><img src="x.jpg"><figcaption>Smoke over the town. '
            'Photograph: Agency</figcaption></figure><aside>Related: other story</aside><p>Two people were hurt.</p>')
    assert html_to_paragraphs(html) == ["Shelling hit the town centre.", "Two people were hurt."]
