"""Plain dataclasses passed between pipeline stages.

readers -> Document(blocks) -> cleaning -> CleanDocument(posts, sentences)
-> language -> SentenceAnnotation -> events -> EventMention -> merge -> Event.
Every stage reads and returns these; nothing else crosses a module boundary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------- readers


@dataclass
class Block:
    """One unit as a reader found it: a headline and its paragraphs.

    Readers that know the structure (JSON-LD, timestamps) fill `published`
    and possibly `kind`; plain-text readers leave segmentation hints only.
    """

    headline: str
    paragraphs: list[str]
    published: dt.datetime | None = None
    kind: str | None = None  # "post" | "summary" | "teaser" | None (let cleaning decide)
    raw_start: int | None = None  # offset of the block in the raw text, when known


@dataclass
class Document:
    """One snapshot of a live blog or article, as read from a file, feed or page."""

    doc_id: str  # URL, or the file's base name for local files
    title: str
    blocks: list[Block]
    source: str = ""  # publisher, e.g. "The Independent"
    url: str | None = None
    published: dt.datetime | None = None  # document creation time (DCT)
    retrieved: dt.datetime | None = None
    standfirst: str = ""
    format: str = "text"  # text | guardian | html | feed | jsonl
    raw_sha: str = ""  # hash of the raw bytes, for idempotent ingest


# ---------------------------------------------------------------- cleaning


@dataclass
class Sentence:
    """A sentence of a cleaned post, with offsets into the document's cleaned text."""

    doc_id: str
    post_id: str
    index: int  # position within the document
    text: str
    start: int
    end: int
    is_headline: bool = False
    duplicate_of: int | None = None  # index of the first occurrence of a near-duplicate
    published: dt.datetime | None = None  # the post's own timestamp, if known


@dataclass
class Post:
    """A cleaned post: boilerplate removed, classified, with its sentences."""

    doc_id: str
    post_id: str  # stable across snapshots: derived from headline/timestamp/first words
    index: int
    headline: str
    text: str
    kind: str  # "post" | "summary" | "teaser"
    published: dt.datetime | None
    start: int  # offset of the post in the document's cleaned text
    end: int
    removed: list[str] = field(default_factory=list)  # boilerplate cut from this block
    duplicate_of: str | None = None  # post_id of an earlier near-identical post
    off_topic: bool = False  # not about the war (a festival, sport): kept, but not exported
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class CleanDocument:
    document: Document
    text: str  # the cleaned text that all offsets refer to
    posts: list[Post]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.posts for s in p.sentences]


# ---------------------------------------------------------------- language


@dataclass
class ActorRef:
    name: str  # canonical name ("Vladimir Putin", "Russia")
    actor_id: str | None  # catalogue id or Wikidata id; None for unknown entities
    kind: str  # state | person | org | force | unknown
    text: str  # the words in the sentence
    start: int  # character offsets within the sentence
    end: int
    country: str | None = None  # ISO alpha-2 the actor belongs to, if any


@dataclass
class PlaceRef:
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None
    precision: str  # place | admin1 | country
    gazetteer_id: str
    text: str = ""
    start: int = 0  # character offsets within the sentence
    end: int = 0


@dataclass
class DateRef:
    start: dt.date
    end: dt.date
    precision: str  # day | week | month | year
    basis: str  # explicit | relative | dct
    text: str = ""
    char_start: int = 0
    char_end: int = 0


@dataclass
class Attribution:
    speaker: str  # as named in the text ("Ukraine's general staff")
    stance: str  # asserts | denies
    cue: str  # the reporting verb or phrase
    confirms: bool = False  # "confirmed", "admitted", "acknowledged"


@dataclass
class SentenceAnnotation:
    sentence: Sentence
    actors: list[ActorRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    modality: str | None = None  # expected | cancelled | conditional | negated | None
    doc: Any = field(default=None, repr=False, compare=False)  # the spaCy parse of the sentence


# ---------------------------------------------------------------- events


@dataclass
class Quantity:
    value: float
    unit: str
    text: str


@dataclass
class Evidence:
    document: str
    post: str
    text: str
    start: int
    end: int


@dataclass
class EventMention:
    """One sentence's claim that something happened (or will, or did not)."""

    type: str
    status: str
    summary: str
    evidence: Evidence
    date: DateRef | None = None
    location: PlaceRef | None = None
    actors: list[ActorRef] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (name, stance)
    quantities: list[Quantity] = field(default_factory=list)
    trigger: str = ""
    confirms: bool = False  # an affected party acknowledges it
    published: dt.datetime | None = None  # when it was reported
    supporting: bool = False  # a headline or a bare "X said": joins an event its post tells, never founds one
    sentence_key: str = ""  # document:sentence of the first occurrence (repeats share it)
    date_weight: int = 0  # 3 attached to the trigger, 2 elsewhere in the sentence, 1 inherited, 0 report date
    block: str = ""  # the stretch of text that tells one story: a live-blog post, or an article's paragraph
    joins: str = ""  # sentence_key of the mention this one continues ("...," he added): merged into its event


@dataclass
class Event:
    """A real-world event: the merge of one or more mentions."""

    id: str
    type: str
    status: str
    summary: str
    date: DateRef | None
    location: PlaceRef | None
    actors: list[dict]
    sources: list[dict]
    quantities: list[Quantity]
    evidence: list[Evidence]
