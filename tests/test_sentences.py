"""Sentence splitting with exact character offsets (cleaning/sentences.py) and offsets in a cleaned document."""

from __future__ import annotations

import pytest

from frontline.cleaning import clean_document
from frontline.cleaning.sentences import split, split_spans
from frontline.models import Block, Document


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Brown met Gen. Petrov in the capital. They spoke for an hour.",
     ["Mr. Brown met Gen. Petrov in the capital.", "They spoke for an hour."]),
    ("The U.S. Army sent two brigades. More will follow.",
     ["The U.S. Army sent two brigades.", "More will follow."]),
    ("Aid reached the U.N. compound on Monday. Trucks left at dawn.",
     ["Aid reached the U.N. compound on Monday.", "Trucks left at dawn."]),
    ("He said: “We will hold the line.” The army then withdrew.",
     ["He said: “We will hold the line.”", "The army then withdrew."]),
    ("“Nobody is leaving,” the mayor said. “Not one family.” Shelling resumed at noon.",
     ["“Nobody is leaving,” the mayor said.", "“Not one family.”", "Shelling resumed at noon."]),
    ("Was the bridge destroyed? Officials would not say! Talks resume on 3 March.",
     ["Was the bridge destroyed?", "Officials would not say!", "Talks resume on 3 March."]),
    ("Losses rose by 3.5 per cent in 2024. Nobody expected it.",
     ["Losses rose by 3.5 per cent in 2024.", "Nobody expected it."]),
    ("A convoy left St. Petersburg on Jan. 4. It arrived a week later.",
     ["A convoy left St. Petersburg on Jan. 4.", "It arrived a week later."]),
    ("The town fell. 200 soldiers were captured.",
     ["The town fell.", "200 soldiers were captured."]),
    ("Russia said no. The talks collapsed.", ["Russia said no.", "The talks collapsed."]),
    ("Officials met at No. 10 Downing Street. Nothing was agreed.",
     ["Officials met at No. 10 Downing Street.", "Nothing was agreed."]),
])
def test_split_news_prose(text: str, expected: list[str]):
    assert split(text) == expected


def test_spans_are_exact_offsets_into_the_text():
    text = "Gen. Ivan Petrov told the U.S. envoy that Mr. Brown would visit.  ‘We are ready,’ he added. Done"
    spans = split_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Gen. Ivan Petrov told the U.S. envoy that Mr. Brown would visit.", "‘We are ready,’ he added.", "Done"]
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)  # no whitespace inside a span's edges


def test_single_sentence_and_trailing_space():
    assert split_spans("Shelling resumed at noon.   ") == [(0, 25)]
    assert split_spans("") == []


def test_every_sentence_is_a_slice_of_the_cleaned_document_text(blog, tmp_path):
    from frontline.readers import read_path

    path = tmp_path / "eastland.txt"
    path.write_text(blog["v1"], encoding="utf-8")
    clean = clean_document(read_path(path)[0])
    sentences = clean.sentences
    assert len(sentences) > 10
    for s in sentences:
        assert clean.text[s.start:s.end] == s.text, s
    assert [s.index for s in sentences] == list(range(len(sentences)))  # document positions, in order
    for post in clean.posts:
        expected = post.headline + ("\n" if post.headline and post.text else "") + post.text
        assert clean.text[post.start:post.end] == expected
        assert all(post.start <= s.start and s.end <= post.end for s in post.sentences)
    headlines = [s.text for s in sentences if s.is_headline]
    assert headlines == [p.headline for p in clean.posts if p.headline]
    assert "Gen. Ivan Petrov told the U.S. envoy that Mr. Brown would visit the front line this week." in [
        s.text for s in sentences]


def test_offsets_survive_sentence_level_boilerplate_cuts():
    """A credit cut from the middle of a paragraph must not shift the offsets of what follows."""
    doc = Document(doc_id="credits.html", title="Strike on depot", format="html", blocks=[
        Block(headline="Strike on fuel depot", paragraphs=[
            "A drone struck a fuel depot near the border on Sunday. Photograph: Staff Photographer/Agency",
            "Firefighters worked for six hours to contain the blaze. The governor said nobody was hurt.",
        ]),
    ])
    clean = clean_document(doc)
    assert "Photograph" not in clean.text
    assert any("Photograph" in r for r in clean.posts[0].removed)
    for s in clean.sentences:
        assert clean.text[s.start:s.end] == s.text
    assert [s.text for s in clean.sentences][-1] == "The governor said nobody was hurt."
