"""Segmentation of a flat copied live blog into summary, posts and teasers (cleaning/segment.py)."""

from __future__ import annotations

import pytest

from frontline.cleaning.segment import Segment, is_title_like, segment

STANDFIRST = "Officials say the convoy reached the city after a two-day delay"
LEAD = [
    "An aid convoy has reached the besieged city of Dorn after two days of negotiations at the checkpoint.",
    "Meanwhile, shelling continued along the southern front, the regional administration said.",
]


def kinds(segs: list[Segment]) -> list[tuple[str, str]]:
    return [(s.kind, s.headline) for s in segs]


def test_first_title_line_is_the_standfirst_and_the_lead_is_a_summary_without_headline():
    standfirst, segs = segment([STANDFIRST, *LEAD, "Convoy reaches Dorn", "The trucks carried food and medicine."])
    assert standfirst == STANDFIRST
    assert segs[0].kind == "summary"
    assert segs[0].headline == ""
    assert segs[0].paragraphs == LEAD
    assert kinds(segs[1:]) == [("post", "Convoy reaches Dorn")]


def test_title_line_followed_by_prose_is_a_post_with_that_body():
    body = ["The trucks carried food and medicine for 20,000 people.", "A second convoy is planned for Friday."]
    _, segs = segment([STANDFIRST, *LEAD, "Convoy reaches Dorn", *body, "Shelling resumes in the south",
                       "Artillery fire was reported near the river port on Monday."])
    assert kinds(segs) == [("summary", ""), ("post", "Convoy reaches Dorn"), ("post", "Shelling resumes in the south")]
    assert segs[1].paragraphs == body


def test_run_of_title_lines_is_teasers_then_the_headline_of_the_next_post():
    _, segs = segment([
        STANDFIRST, *LEAD,
        "Convoy reaches Dorn", "The trucks carried food and medicine.",
        "Revealed: The secret talks that opened the corridor",
        "Analysis: Why the southern front matters",
        "Shelling resumes in the south", "Artillery fire was reported near the river port on Monday.",
    ])
    assert kinds(segs) == [
        ("summary", ""), ("post", "Convoy reaches Dorn"),
        ("teaser", ""), ("teaser", ""),
        ("post", "Shelling resumes in the south"),
    ]
    assert segs[2].paragraphs == ["Revealed: The secret talks that opened the corridor"]
    assert segs[3].paragraphs == ["Analysis: Why the southern front matters"]


def test_caption_repeating_the_previous_headline_and_its_standfirst_attach_to_that_post():
    caption = "Aid convoy reaches the besieged city of Dorn"  # reworded, as video captions often are
    caption_standfirst = "Footage shows trucks queuing at the last checkpoint"
    _, segs = segment([
        STANDFIRST, *LEAD,
        "Aid convoy reaches besieged Dorn", "The trucks carried food and medicine.",
        caption, caption_standfirst,
        "Shelling resumes in the south", "Artillery fire was reported near the river port on Monday.",
    ])
    assert kinds(segs) == [("summary", ""), ("post", "Aid convoy reaches besieged Dorn"),
                           ("post", "Shelling resumes in the south")]
    convoy = segs[1]
    assert convoy.paragraphs == ["The trucks carried food and medicine."]
    assert convoy.captions == [caption, caption_standfirst]  # source order


def test_exact_caption_repeat_of_previous_headline_attaches_too():
    headline = "Shelling resumes in the south"
    _, segs = segment([
        STANDFIRST, *LEAD, headline, "Artillery fire was reported near the river port.",
        headline, "Residents sheltered in basements overnight",
        "Convoy reaches Dorn", "The trucks carried food and medicine.",
    ])
    assert [s.headline for s in segs if s.kind == "post"] == [headline, "Convoy reaches Dorn"]
    assert segs[1].captions == [headline, "Residents sheltered in basements overnight"]
    assert not [s for s in segs if s.kind == "teaser"]


def test_headline_repeated_verbatim_by_its_caption_with_no_prose_is_a_video_post():
    video = "Missile strike hits power station in the capital"
    video_standfirst = "Emergency crews worked through the night to restore electricity"
    _, segs = segment([
        STANDFIRST, *LEAD,
        "Convoy reaches Dorn", "The trucks carried food and medicine.",
        video, video, video_standfirst,
        "Shelling resumes in the south", "Artillery fire was reported near the river port on Monday.",
    ])
    assert kinds(segs) == [("summary", ""), ("post", "Convoy reaches Dorn"), ("post", video),
                           ("post", "Shelling resumes in the south")]
    assert segs[2].captions == [video, video_standfirst]


def test_video_post_at_the_end_of_the_blog_is_a_post():
    video = "Missile strike hits power station in the capital"
    _, segs = segment([STANDFIRST, *LEAD, "Convoy reaches Dorn", "The trucks carried food and medicine.",
                       video, video, "Emergency crews worked through the night"])
    assert kinds(segs)[-1] == ("post", video)
    assert segs[-1].captions == [video, "Emergency crews worked through the night"]


def test_two_different_titles_in_a_row_are_a_promo_card_not_a_post():
    """A link card shows a short title, then the linked article's longer title and standfirst."""
    _, segs = segment([
        STANDFIRST, *LEAD,
        "Convoy reaches Dorn", "The trucks carried food and medicine.",
        "Map: Where the front lines have moved",
        "Map 2025: Where the front lines have moved this winter",
        "Both armies have made small gains along the river",
        "Shelling resumes in the south", "Artillery fire was reported near the river port on Monday.",
    ])
    assert [k for k, _ in kinds(segs)] == ["summary", "post", "teaser", "teaser", "teaser", "post"]
    assert segs[-1].headline == "Shelling resumes in the south"


@pytest.mark.parametrize("line", [
    "What is the coalition of the willing?",
    "Why does the river crossing matter?",
    "Could the ceasefire hold?",
])
def test_question_headlines_are_title_like(line: str):
    assert is_title_like(line)


def test_question_headline_opens_a_post():
    _, segs = segment([STANDFIRST, *LEAD, "Why does the river crossing matter?",
                       "The bridge is the last crossing still held by the army."])
    assert kinds(segs)[-1] == ("post", "Why does the river crossing matter?")


@pytest.mark.parametrize("line", [
    "“We will not give up a single village”",
    "\"Nobody is leaving this town\"",
    "«The talks are over»",
    "Officials said the convoy was delayed. It arrived on Tuesday",  # two sentences: prose
    "The trucks carried food and medicine for 20,000 people.",  # closing full stop: prose
    "Some 40 people were evacuated, officials said:",
])
def test_quotations_and_prose_are_not_title_like(line: str):
    assert not is_title_like(line)


def test_quotation_paragraph_stays_in_the_post_body():
    quote = "“We will not give up a single village”"
    _, segs = segment([
        STANDFIRST, *LEAD,
        "President vows to hold the line", "The president addressed parliament on Monday.", quote,
        "He said reinforcements were on their way.",
    ])
    assert kinds(segs) == [("summary", ""), ("post", "President vows to hold the line")]
    assert quote in segs[1].paragraphs


def test_blog_without_lead_has_no_summary():
    _, segs = segment([STANDFIRST, "Convoy reaches Dorn", "The trucks carried food and medicine."])
    assert kinds(segs) == [("post", "Convoy reaches Dorn")]


def test_timestamp_lines_date_their_post_and_are_not_posts() -> None:
    from frontline.cleaning.pipeline import clean_document
    from frontline.models import Block, Document

    lines = [
        "Shelling reported overnight in the east",
        "Lead paragraph about the fighting in the east continues today.",
        "Sunday 16 March 2025 09:31",
        "Drone strike hits power station",
        "A drone strike hit a power station near Kharkiv on Sunday morning, officials said.",
        "08:10 GMT",
        "Talks to resume next week",
        "Negotiators from both sides will meet again in Istanbul next week, diplomats said.",
    ]
    doc = Document(doc_id="blog.txt", title="War live", blocks=[Block("", lines)],
                   published=__import__("datetime").datetime(2025, 3, 16, 12, 0))
    clean = clean_document(doc)
    posts = {p.headline: p for p in clean.posts if p.headline}
    assert set(posts) == {"Drone strike hits power station", "Talks to resume next week"}
    assert posts["Drone strike hits power station"].published.hour == 9
    assert posts["Talks to resume next week"].published.minute == 10
    assert not any("09:31" in p.text or "08:10" in p.text for p in clean.posts)
