"""Event mentions from annotated sentences: trigger -> type, arguments, status, sources.

A sentence tells one event, the one nearest its main verb, and a second only when it
happens somewhere else or is a call beside a position ("backed Trump's steps after the
pair spoke on the phone"). A reporting or stance verb ("Moscow claims that ...") makes its
speaker a source of the event in its content clause; a named party's words with any
reporting verb, when nothing else in the sentence is an event, are a `statement`. A
sentence that only carries on the one before ('"...," he added') joins its event
(`_Thread`), and places, speakers and dates are followed across sentences of a post.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Token

from frontline.cleaning.topic import has_specific_war_term, is_war_context, is_war_related
from frontline.events import summary as summaries
from frontline.events import syntax
from frontline.events.quantities import find_quantities
from frontline.events.similarity import FULL_NAME, side_of, speaker_identity, war_side
from frontline.events.triggers import TriggerHit, find_triggers
from frontline.language.actors import canonical_actor, get_catalogue, is_media, is_outlet_name, seat_of_actor
from frontline.language.attribution import (
    FUTURE_MODALS,
    MEDIUM_NOUNS,
    PERSON_NOUNS,
    PERSONAL,
    POSSIBLE_MODALS,
    REPORTING_VERBS,
    SKIP_SUBJECTS,
    SPOKESPERSON,
    within_view,
    without_day,
)
from frontline.language.dates import is_month_name
from frontline.language.gazetteer import get_gazetteer, is_demonym, normalize
from frontline.language.places import SITE_HEADS, seat_of, town_in
from frontline.models import (
    ActorRef,
    CleanDocument,
    DateRef,
    EventMention,
    Evidence,
    PlaceRef,
    Post,
    SentenceAnnotation,
)

GROUND = {"territory.capture", "territory.withdrawal", "offensive", "clash"}
MILITARY = GROUND | {"strike", "casualties", "prisoners"}
# Types that inherit the place of the post when their sentence names none.
PLACE_INHERITING = MILITARY
PERSON_WORDS = {"he", "she", "him", "her", "they", "them", "i", "we", "who", "whom", "soldier", "soldiers", "man",
                "men", "woman", "women", "civilian", "civilians", "son", "daughter", "journalist", "fighters",
                "servicemen", "people", "prisoner", "prisoners", "marines", "officer", "pilot", "citizen",
                "volunteers", "volunteer", "troops", "defenders", "mercenaries", "fighter", "commander", "commanders",
                "crew", "sailors", "nationals", "citizens", "paramedic", "medics", "children", "residents"}
PRESENT_WORDS = re.compile(r"^(currently|now|at present|at the moment|presently|right now|still)$", re.I)
# A newspaper's letters page ("... | Letters", "Letters: ...")
READERS_LETTERS = re.compile(r"([|–—]\s*letters?\s*$|^letters?\s*:)", re.I)
# "The more ..., the more ...": a comparative correlative states a general rule
CORRELATIVE = re.compile(r"\b[Tt]he (more|less|longer|further|greater|sooner)\b[^,;.]{3,160}, the "
                         r"(more|less|longer|greater|sooner|better|worse)\b[^;.]{0,200}")
BLOG_POINTER = re.compile(r"^(Here is|Here are|Here’s|Here's|(I|We)(’ll|'ll| will) leave you with)\b", re.I)
HYPOTHETICAL_START = re.compile(r"^[\"“‘']?(Should|Were|Had|Unless|If|Suppose|Imagine|What if)\b")
# Types whose words are common outside war reporting: the sentence itself must be about the war.
TOPIC_SENSITIVE = {"statement", "meeting", "call", "agreement", "aid", "prisoners", "sanctions", "other"}
DATE_INHERIT_DAYS = 60
STATEMENT_INHERIT_DAYS = 7
TOLD_WHOM_WORDS = 4  # "told the BBC on Friday": words between a reporting verb and its day
DATES_LOOKED_BACK = 64  # dates told before that a sentence may take one from
PARAGRAPH_INHERIT_DAYS = 14  # a day older than this told in an earlier paragraph dates no act after it
RECENT_DAYS = 2  # "yesterday" and the day before: a date that recent may carry on from any paragraph
RELCL_HISTORY_DAYS = 30  # a relative clause dated this long before its report describes, it does not tell
QUOTE_VOICE_SENTENCES = 3  # a quote closing this many sentences after its speaker was named is still theirs
REPORTED_LONG_AGO_DAYS = 14  # a report this much older than the news it sits in is an earlier story recalled
HISTORY_PLACE_DAYS = 365  # a sentence dated this long before the report names places of another story
HISTORY_DAYS = 5 * 365  # an event dated explicitly years before its report is history told as background
# Where the story is: countries whose towns a document names again and again. A bare town name
# elsewhere needs a locative ("in Brussels") to be a place, so that "New Start", "Meta" or
# "McDonald's" do not put events in Louisiana, Italy or Ohio.
THEATRE_MENTIONS = 3
MAX_EVENTS_PER_SENTENCE = 3
# A live-blog post this short tells one story; a longer one (a whole article) tells one per paragraph.
POST_AS_STORY = 12


@dataclass
class _Candidate:
    hit: TriggerHit
    tok: Token | None


def extract_mentions(clean: CleanDocument, annotations: list[SentenceAnnotation]) -> list[EventMention]:
    """All event mentions of a document, in reading order."""
    if READERS_LETTERS.search(clean.document.title or ""):
        return []  # readers' letters to the editor discuss the news; they do not report it
    posts = {p.post_id: p for p in clean.posts}
    headlines = {s.index for p in clean.posts for s in p.sentences if s.is_headline}
    out: list[EventMention] = []
    state: dict[str, _PostState] = {}
    thread = _Thread()
    # towns named as places, not a company that shares a town's name abroad ("Meta" is a town in Italy)
    named = [(p, ann) for ann in annotations for p in ann.places if p.precision == "place" and (
        p.country in BELLIGERENTS or not any(a.start < p.end and p.start < a.end and a.kind == "org"
                                             for a in ann.actors))]
    towns = Counter(p.country for p, _ in named)
    # ...and more than one town, or one said to be where something is ("in Davos"): one name said three
    # times and never as a place ("the Bystre canal") may be a namesake abroad
    distinct = Counter(country for country, _ in {(p.country, p.gazetteer_id) for p, _ in named})
    located = {p.country for p, ann in named
               if STRONG_LOCATIVE.search(ann.sentence.text[max(0, p.start - 12):p.start])
               and not STAKE_IN.search(ann.sentence.text[max(0, p.start - 30):p.start])}
    theatre = frozenset(c for c, n in towns.items() if n >= THEATRE_MENTIONS and (distinct[c] > 1 or c in located)) | \
        title_countries(clean.document.title)
    paragraph = 0
    commentators: set[str] = set()
    elsewhere = _stories_elsewhere(clean, annotations)
    # "Lavrov walks out of G20 talks": an article whose title names a gathering tells of words said there
    gathering_story = len(posts) == 1 and bool(GATHERING.search(clean.document.title))
    # "Ukraine and Russia sign deal": an article about a signing tells where the ceremony was held
    deal_story = len(posts) == 1 and bool(DEAL_SIGNED.search(clean.document.title))
    venue = _venue_told(annotations) if gathering_story or deal_story else None
    for ann in annotations:
        post = posts[ann.sentence.post_id]
        st = state.setdefault(post.post_id, _PostState(theatre, commentators, gathering_story, venue))
        st.observe(ann, clean.document.published,
                   new_paragraph="\n" in clean.text[thread.end:ann.sentence.start] or thread.post != post.post_id,
                   run_on=st.last_end is not None and "\n" not in clean.text[st.last_end:ann.sentence.start])
        if post.kind == "teaser" or post.off_topic or ann.doc is None or post.post_id in elsewhere:
            thread.reset()
            continue
        text = ann.sentence.text.strip()
        first = ann.sentence.duplicate_of if ann.sentence.duplicate_of is not None else ann.sentence.index
        key = f"{clean.document.doc_id}:{first}"
        new_paragraph = "\n" in clean.text[thread.end:ann.sentence.start] or thread.post != post.post_id
        if text.endswith("?") or HYPOTHETICAL_START.match(text) or (BLOG_POINTER.match(text) and ":" not in text):
            thread.advance(ann, post, None, None, new_paragraph)
            continue  # questions ask, they do not report; "Should the fighters be taken captive, ..."; "Here
            # is a little more detail on ...", "Here are some pictures of ...": the blog pointing at what follows
        voice = (st.statement_speaker, st.statement_at)  # the last statement before this sentence
        mentions = _sentence_mentions(ann, post, st, clean)
        # an analyst's reading of events ("X, a military analyst, said he believed the strikes were linked
        # to ..."): colour, however it is worded (what an expert tells as fact stays: "Ukraine has hit 20
        # depots, the military expert X said")
        mentions = [m for m in mentions if not m.sources or not all(_is_commentator(n, st) for n, _ in m.sources) or
                    (m.type != "statement" and not READING.search(ann.sentence.text))]
        _note_speaker(ann, st)
        if not ann.sentence.is_headline:
            mentions = thread.link(ann, post, st, clean, mentions, new_paragraph, voice)
            thread.carry_open_quote(ann, post, st, mentions, key)
            thread.note_quote_voice(ann, st, mentions)
        # no one acting, no place and no one telling it: a scene or a generality ("the orchestra struck up",
        # "the withdrawal process has been slow"), not news a reader can put anywhere
        mentions = [m for m in mentions if m.joins or m.actors or m.location is not None or m.sources]
        paragraph += new_paragraph
        block = f"{clean.document.doc_id}:{post.post_id}"
        if len(post.sentences) > POST_AS_STORY:
            block += f":{paragraph}"
        for mention in mentions:
            mention.sentence_key = key
            mention.block = block
            mention.supporting = mention.supporting or ann.sentence.is_headline or first in headlines
            out.append(mention)
        founding = next((m for m in mentions if not m.joins), None)
        thread.advance(ann, post, founding, key if founding else thread.key, new_paragraph,
                       joined=bool(mentions) and founding is None)
    return out


# The belligerents' countries: a story set there is war news even in generic words ("blasts in Lviv").
BELLIGERENTS = frozenset({"UA", "RU", "BY"})


def _stories_elsewhere(clean: CleanDocument, annotations: list[SentenceAnnotation]) -> set[str]:
    """Headed stories of a digest that only share generic words with the war ("Capitol attack panel to
    issue letters"): no specific war word and no place in the belligerents' countries."""
    theatre_posts = {ann.sentence.post_id for ann in annotations
                     if any(p.country in BELLIGERENTS for p in ann.places)}
    return {post.post_id for post in clean.posts
            if post.headline and post.post_id not in theatre_posts
            and not has_specific_war_term(f"{post.headline}\n{post.text}")}


OPEN_QUOTES = "“\""
CONTINUING_SUBJECT = re.compile(r"^[\"“‘']?(he|she|they|it|the (statement|ministry|agency|official|spokesman|"
                                r"spokeswoman|spokesperson|governor|mayor|president))\b", re.I)
NEW_POINT = re.compile(r"\b(also|meanwhile|separately|elsewhere|in another|later|earlier|further)\b", re.I)


def _names_anew(speaker: str) -> bool:
    """A speaker given by name ("Scholz", "the Institute for the Study of War"), not a pronoun or a
    description that may be the voice already speaking ("he", "the Geneva-based agency")."""
    words = [w for w in speaker.split() if not w.lower().endswith("-based")]
    return any(w[:1].isupper() for w in words)


class _Thread:
    """The event the previous sentences were telling, so that a sentence which only continues it
    ('"The operation is continuing," Palamar said.', 'He added that ...') joins that event instead
    of founding one of its own."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.post: str | None = None
        self.end = 0
        self.key: str | None = None
        self.mention: EventMention | None = None
        self.in_quote = False
        self.paragraph_sentences = 0
        self.quote_mentions: list[EventMention] = []  # joined while a quote runs whose speaker is not yet named
        self.opened: tuple[str, str, list[EventMention]] | None = None  # (post, key, mentions) of an open quote
        self.quote_voice: tuple[str, str] | None = None  # whose quote is running: named outside it as it opened

    def note_quote_voice(self, ann: SentenceAnnotation, st: _PostState, mentions: list[EventMention]) -> None:
        """Who speaks the quote this sentence leaves open: the speaker it names outside the quote, else the
        voice the sentence carried on (its joined words were given that voice)."""
        text = ann.sentence.text
        if text.count("“") <= text.count("”"):
            return
        outer = _attributions_outside_quotes(ann)
        if outer:
            name = _source_name(outer[0].speaker, st, ann)
            self.quote_voice = (name, outer[0].stance) if _is_speaker(name) else None
        elif self.mention is not None and self.mention.sources and any(m.joins == self.key for m in mentions):
            self.quote_voice = self.mention.sources[0]  # the thread's voice goes on quoting
        else:
            self.quote_voice = None

    def carry_open_quote(self, ann: SentenceAnnotation, post: Post, st: _PostState,
                         mentions: list[EventMention], key: str) -> None:
        """'“We see our forces advancing. We are going over to the counter-offensive,” the aide said': the
        sentence that opens the quote is the aide's too, and tells the act the closing sentence tells."""
        text = ann.sentence.text.strip()
        outer = [a for a in ann.attributions if not _quoted_attribution(a, ann)]
        closes = "”" in text or text.count('"') % 2 == 1
        if self.opened is not None and self.opened[0] == post.post_id and outer and closes:
            said = (_source_name(outer[0].speaker, st, ann), outer[0].stance)
            _, opened_key, opened = self.opened
            thread = next((m.joins for m in mentions if m.joins and m.joins != opened_key), None)
            if thread is not None:
                # the closing words carry on the voice told before: the whole quote is that story's
                for m in opened:
                    if not m.joins:
                        m.joins, m.supporting = thread, True
                        m.sources = m.sources or next((x.sources[:1] for x in mentions if x.sources), [])
            elif _names_anew(outer[0].speaker) and outer[0].speaker in text and _is_speaker(said[0]):
                # (named here, not "he said": a pronoun may be the voice told before the quote)
                for m in opened:
                    if not m.sources and not m.joins:
                        m.sources = [said]
                for m in mentions:
                    if not m.joins and any(o.type == m.type and not o.joins for o in opened):
                        m.joins = opened_key
        if text[:1] in OPEN_QUOTES and not outer and text.count("“") > text.count("”") and mentions and \
                not any(m.sources or m.joins for m in mentions):
            self.opened = (post.post_id, key, list(mentions))
        elif closes or outer or self.opened is None or self.opened[0] != post.post_id:
            self.opened = None

    def advance(self, ann: SentenceAnnotation, post: Post, founding: EventMention | None, key: str | None,
                new_paragraph: bool, joined: bool = False) -> None:
        self.paragraph_sentences = 1 if new_paragraph else self.paragraph_sentences + 1
        if founding is not None:
            self.mention, self.key = founding, key
        elif not joined and (new_paragraph or (not self.in_quote and COMMENTATORS.search(ann.sentence.text) and any(
                not _quoted_attribution(a, ann) for a in ann.attributions))):
            # a new paragraph, or a commentator speaking, whose words are no event ("But Tim Ash, a Russia
            # expert, says ..."): a later "he says" is not the earlier voice going on
            self.mention, self.key = None, None
        self.post = post.post_id
        self.end = ann.sentence.end
        text = ann.sentence.text
        opened = text.count("“") - text.count("”") + (text.count('"') % 2)
        self.in_quote = (self.in_quote and not (opened < 0 or "”" in text or text.count('"') % 2)) or opened > 0
        if not self.in_quote:
            self.quote_mentions = []
        if not self.in_quote or (new_paragraph and opened <= 0):
            self.quote_voice = None  # (a quote left open across a paragraph break: too far to tell whose it is)

    def link(self, ann: SentenceAnnotation, post: Post, st: _PostState, clean: CleanDocument,
             mentions: list[EventMention], new_paragraph: bool,
             voice: tuple[str | None, int | None] = (None, None)) -> list[EventMention]:
        """Mark the mentions of a sentence that continue the thread's event; add one for a sentence
        that has nothing of its own but carries on the same speaker's words."""
        last = self.mention
        if last is None or self.key is None or self.post != post.post_id:
            return mentions
        text = ann.sentence.text.strip()
        speaker = speaker_identity(last.sources[0][0]) if last.sources else None
        outer = [a for a in ann.attributions if not _quoted_attribution(a, ann)]
        said_by = {speaker_identity(_source_name(a.speaker, st, ann)) for a in outer}
        # (the teller of an act the post told last: "the country's ministry of health announced" and then
        # "the ministry of health said" go on with its words)
        teller = voice if last.type == "statement" else (last.sources[0][0] if last.sources else None, None)
        same_voice = (bool(speaker) and speaker in said_by) or (
            teller[0] is not None and any(_speaker_matches(a.speaker, teller, ann) for a in outer))
        # a paragraph that opens a quote and names nobody outside it goes on quoting the last voice
        # ('"And somewhere along the line Biden said, ..."' after 'Mr Trump said' is Trump's)
        quoted = self.in_quote or (text[:1] in OPEN_QUOTES and (same_voice or (
            not outer and last.type == "statement" and bool(speaker))))
        opens = text[:1] in OPEN_QUOTES and not outer and text.count("“") > text.count("”")
        if new_paragraph and not opens:
            self.quote_mentions = []  # a quote left open across paragraphs: too far to tell whose it was
        if self.in_quote and self.quote_mentions and outer and not same_voice and \
                _names_anew(outer[0].speaker) and ("”" in text or text.count('"') % 2):
            # '“Putin is hurling men at the city ... He is wrong,” the institute wrote': a quote that opened
            # sentences ago and closes naming its own speaker was that speaker's, not the thread's voice
            said = next((m.sources[:1] for m in mentions if m.sources), None) or \
                [(_source_name(outer[0].speaker, st, ann), outer[0].stance)]  # as the closing sentence names them
            closing = next((m for m in mentions if m.type == "statement"), None)
            for m in self.quote_mentions:
                if m.type == "statement":  # an act told inside the quote stays with the story it joined
                    m.joins, m.supporting, m.sources = "", False, list(said)
                    if m.date is None:  # when and where the closing sentence says they spoke
                        m.date = closing.date if closing is not None else (
                            DateRef(st.anchor, st.anchor, "day", "dct", "") if st.anchor else None)
                        m.location = m.location or (closing.location if closing is not None else None)
            opened = next((m for m in self.quote_mentions if m.type == "statement" and m.sentence_key), None)
            if closing is None and opened is not None:
                self.mention, self.key = opened, opened.sentence_key  # the next quote goes on in that voice
            self.quote_mentions = []
            return mentions
        subject = CONTINUING_SUBJECT.match(text)
        # "The president said" carries on; "The president of Belarus ... said" names someone anew
        pronoun = bool(subject) and not new_paragraph and not re.match(r"\s+(of|and|in)\b", text[subject.end():])
        fresh = bool(NEW_POINT.search(text[:40]))
        own = [m for m in mentions if m.type != "statement"]
        if own and self.in_quote and self.quote_voice is not None and not new_paragraph and not outer:
            # '"... A drone flew into the yard. Five people were injured," he posted': an act told inside a
            # running quote is told by whoever is quoted
            for m in own:
                if not m.sources:
                    m.sources = [self.quote_voice]
                    m.status = "claimed" if m.status == "reported" else m.status
        if own:
            # the same kind of event told on in the next sentence of a paragraph, at no other place
            if new_paragraph or fresh:
                return mentions
            for m in own:
                # (not another voice's plan after an act told done: "an ambassador has returned, an agency
                # reported" and "diplomats would begin returning, a minister said" are two pieces of news)
                planned_apart = (m.status == "expected") != (last.status == "expected") and bool(m.sources) and \
                    bool(last.sources) and side_of(m.sources[0][0]) != side_of(last.sources[0][0])
                if m.type == last.type and (m.location is None or last.location is None or
                                            m.location.gazetteer_id == last.location.gazetteer_id) and \
                        not planned_apart:
                    m.joins = self.key
            return mentions
        # a new paragraph by the same voice is a new point, unless it quotes them on what came before
        continues = quoted or ((same_voice or pronoun) and not fresh and not new_paragraph)
        if not continues:
            return mentions
        collect = opens or (self.in_quote and not outer and bool(self.quote_mentions))
        if mentions:
            for m in mentions:
                m.joins, m.supporting = self.key, True
                if not outer and last.sources:
                    m.sources = list(last.sources[:1])  # the quoted voice, not a name inside the quote
            if collect:
                self.quote_mentions.extend(mentions)
            return mentions
        m = EventMention(
            type=last.type, status=last.status, summary="",
            evidence=Evidence(document=clean.document.doc_id, post=post.post_id, text=ann.sentence.text,
                              start=ann.sentence.start, end=ann.sentence.end),
            quantities=find_quantities(ann.sentence.text), published=ann.sentence.published or last.published,
            supporting=True, joins=self.key,
            sources=[(_source_name(a.speaker, st, ann), a.stance) for a in ann.attributions
                     if _is_speaker(_source_name(a.speaker, st, ann))][:2],
        )
        m.summary = summaries.summarise(m, post)
        if collect:
            self.quote_mentions.append(m)
        return [m]


class _PostState:
    """What earlier sentences of the same post said: places and dates later ones lean on."""

    def __init__(self, theatre: frozenset[str] = frozenset(), commentators: set[str] | None = None,
                 gathering_story: bool = False, venue: PlaceRef | None = None) -> None:
        self.theatre = theatre  # countries the document keeps naming towns in
        # surnames of persons the document introduced as analysts or experts (shared by its posts)
        self.commentators: set[str] = commentators if commentators is not None else set()
        self._war_story: bool | None = None
        self.places_by_sentence: list[list[PlaceRef]] = []
        self.history_sentences: set[int] = set()  # indexes in `places_by_sentence` of sentences dated years back
        # indexes in `places_by_sentence` of sentences that named no town but spoke of "the city", with the
        # town that meant
        self.town_meant: dict[int, PlaceRef] = {}
        self.statement_speaker: str | None = None
        self.statement_at: int | None = None  # sentence index of that statement
        # the last person named as a subject in a sentence before the current one, with its sentence index
        self.subject_before: tuple[str, int] | None = None
        self.subject_here: tuple[str, int] | None = None
        self.dates: list[DateRef] = []
        self.date_texts: list[str] = []  # the sentence each of `dates` came from
        self.paragraph_start = 0  # where the dates of the current paragraph begin in `dates`
        self.place_paragraph_start = 0  # where the current paragraph begins in `places_by_sentence`
        self.current_dates: list[DateRef] = []  # of the sentence observed last
        self.previous_dates: list[DateRef] = []  # of the sentence before it
        self.persons: list[ActorRef] = []
        self.surnames: frozenset[str] = frozenset()  # of the persons named in full so far
        # persons named as a subject or speaker (with how many persons had been named by then): whom
        # "he said" follows
        self.subjects: list[tuple[str, int]] = []
        self.anchor: dt.date | None = None
        self.published_at: dt.datetime | None = None  # the report's time of day, when the source gives one
        self.recent_text: list[str] = []  # the last few sentences: where a person's office was named
        self.sentences_in_paragraph = 0  # how many of them (this one counted) share its paragraph of the text
        self.last_end: int | None = None  # where the sentence observed last ends in the cleaned text
        self.attacker: ActorRef | None = None  # the side the post's strikes were last told of
        self.last_speaker: tuple[str, int] | None = None  # who spoke in which sentence: a bare quote after it is theirs
        self.meeting_place: PlaceRef | None = None  # where the last meeting the post told of took place
        self.gathering_story = gathering_story  # a one-story article about a gathering (its title names one)
        self.venue = venue  # where that gathering is held, wherever in the article it is told
        self.last_town: PlaceRef | None = None  # the town the latest sentence naming one named first
        self.court_place: PlaceRef | None = None  # where the court the post told of sits ("the court in X")

    def observe(self, ann: SentenceAnnotation, dct: dt.datetime | None, new_paragraph: bool = False,
                run_on: bool = False) -> None:
        if new_paragraph:
            self.paragraph_start = len(self.dates)
            self.place_paragraph_start = len(self.places_by_sentence)
        self.recent_text = (self.recent_text + [ann.sentence.text])[-4:]
        self.sentences_in_paragraph = self.sentences_in_paragraph + 1 if run_on else 1
        self.last_end = ann.sentence.end
        anchor = ann.sentence.published or dct
        self.anchor = anchor.date() if isinstance(anchor, dt.datetime) else anchor
        self.published_at = anchor if isinstance(anchor, dt.datetime) else None
        self.persons.extend(a for a in ann.actors if a.kind == "person")
        self.surnames |= {a.name.split()[-1] for a in ann.actors if a.kind == "person" and " " in a.name}
        # "Tui Group" named once: a bare "Tui" later in the post is the company, not the Spanish town
        self.surnames |= {a.name.split()[0] for a in ann.actors if a.kind == "org" and not a.actor_id and
                          " " in a.name and a.name.split()[0][:1].isupper() and _small_town_abroad(a.name.split()[0],
                                                                                                 self.theatre)}
        # "the insurer Ascot" named once: "the announcement from Ascot" later is the firm's, not the town's
        self.surnames |= set(FIRM_NAME.findall(ann.sentence.text))
        # "Tim Ash, a Russia expert at a thinktank": his later "says Ash" is a commentator's view
        self.commentators |= {a.name.split()[-1] for a in ann.actors if a.kind == "person" and
                              _described_as_commentator(a, ann.sentence.text)}
        if (self.anchor is not None and any(d.basis == "explicit" and (self.anchor - d.end).days > HISTORY_PLACE_DAYS
                                            for d in ann.dates)) or DEFUNCT_STATE.search(ann.sentence.text):
            # (a state or a town name of another era, "kept Leningrad in blockade": history told in passing)
            self.history_sentences.add(len(self.places_by_sentence))
        eligible = _eligible_places(ann, self.theatre, self.surnames)
        self.places_by_sentence.append(eligible)
        # (what `place(want="place")` would find, kept as the post goes: no walk back per sentence)
        if not eligible and self.last_town is not None and TOWN_ANAPHOR.search(ann.sentence.text):
            self.town_meant[len(self.places_by_sentence) - 1] = self.last_town
        self.last_town = next((p for p in eligible if p.precision == "place"), self.last_town)
        # "... one of her themes at the summit of allied leaders in Madrid": where "the gathering"
        # told next was, though no meeting of its own was read from the sentence
        held = next((p for p in ann.places if GATHERING_AT.search(ann.sentence.text[max(0, p.start - 60):p.start])),
                    None)
        if held is not None:
            self.meeting_place = held
        court = next((p for p in ann.places if p.precision == "place" and (
            COURT_IN.search(ann.sentence.text[max(0, p.start - 40):p.start]) or
            COURT_OF.match(ann.sentence.text, p.end))), None)
        if court is not None:
            self.court_place = court
        self.previous_dates, self.current_dates = self.current_dates, list(ann.dates)
        # "the first attack since 5 June": a span's start is no date a later sentence can take
        kept = [d for d in ann.dates if ann.doc is None or not _since_date(d, ann)]
        self.dates.extend(kept)
        self.date_texts.extend(ann.sentence.text for _ in kept)
        at = len(self.persons)
        named = [a.name for a in ann.actors if a.kind == "person" and _is_subject(a, ann)]
        self.subjects.extend((name, at) for name in named)
        if named:
            self.subject_before, self.subject_here = self.subject_here, (named[-1], ann.sentence.index)
        elif self.subject_here is not None and self.subject_here[1] != ann.sentence.index:
            self.subject_before, self.subject_here = self.subject_here, None
        for x in ann.attributions:  # "He said ..." that the attribution layer followed back to a name
            known = canonical_actor(x.speaker) if x.speaker and FULL_NAME.match(x.speaker) else None
            if known is not None and known.kind == "person":
                self.subjects.append((known.name, at))

    def earlier_subject(self, sentence: int) -> tuple[str, int] | None:
        """The last person named as a subject before this sentence, with the sentence it was named in."""
        if self.subject_here is not None and self.subject_here[1] < sentence:
            return self.subject_here
        return self.subject_before

    def he(self) -> str:
        """Whom 'he' or 'she' stands for: the last person named as a subject or speaker, in the
        last sentences, else the last person named at all ('Lavrov said Russia does not demand the
        surrender of Zelenskiy ... He also denied': Lavrov)."""
        if self.subjects and self.subjects[-1][1] >= len(self.persons) - 6:
            return self.subjects[-1][0]
        return self.persons[-1].name

    def place(self, current: list[PlaceRef], want: str = "area") -> PlaceRef | None:
        """What 'the town' or 'the region' refers to: the latest such place named earlier in the post."""
        earlier = self.places_by_sentence[:-1]  # the current sentence was observed last
        ranks = ("place",) if want == "place" else ("admin1", "place")
        for rank in ranks:
            for places in reversed(earlier):
                found = [p for p in places if p.precision == rank]
                if found:
                    return found[0]
        return None

    def war_story(self, post: Post, clean: CleanDocument) -> bool:
        """Whether the post (or, for a one-post article, its title) is about a war, beyond harm words:
        in a war story 'three civilians were killed' needs no weapon word of its own. Once per post."""
        if self._war_story is None:
            self._war_story = is_war_context(f"{clean.document.title}\n{post.headline}\n{post.text[:4000]}")
        return self._war_story

    def nearby_place(self, within: int = 3, anaphors: bool = False) -> PlaceRef | None:
        """Where the last few sentences were: the most specific place they named, latest first. With
        `anaphors`, a sentence that spoke only of "the city" was where that city was (for acts of war: words
        on "the port" say nothing of where a speaker was)."""
        # ("In 2014, X said ... over the annexation of Crimea": a story years old says nothing of where words
        # said today were said)
        last = len(self.places_by_sentence) - 1
        earlier = [p or ([self.town_meant[i]] if anaphors and i in self.town_meant else [])
                   for i, p in enumerate(self.places_by_sentence[:-1][-within:], start=max(0, last - within))
                   if i not in self.history_sentences]
        for rank in ("place", "admin1"):
            for places in reversed(earlier):
                found = [p for p in places if p.precision == rank]
                if found:
                    return found[0]
        return None

    def recent_date(self, own: list[DateRef], speakers: list[str] | None = None) -> DateRef | None:
        """The latest day-precise date told before. With `speakers` (words said, other news), a date some days old
        from an earlier paragraph only when its sentence names the speaker ("On Sunday X spoke to the
        radio. ... X claimed"): a digest's paragraphs are separate stories."""
        end = len(self.dates) - len(own) if own else len(self.dates)
        for i in range(end - 1, max(-1, end - 1 - DATES_LOOKED_BACK), -1):  # bounded: a long post stays linear
            d = self.dates[i]
            if d.precision == "day" and self.anchor and 0 <= (self.anchor - d.start).days <= DATE_INHERIT_DAYS:
                if speakers is None and i < self.paragraph_start and \
                        (self.anchor - d.start).days > PARAGRAPH_INHERIT_DAYS:
                    # a day weeks old told in another paragraph (a bond "due on 27 May") dates that story,
                    # not an act in the next item of a digest (words are read below)
                    continue
                if speakers is not None and i < self.paragraph_start and \
                        (self.anchor - d.start).days > RECENT_DAYS and \
                        not any(_names(self.date_texts[i], name) for name in speakers):
                    continue
                return d
        return None


IMPOSE_VERBS = {"impose", "announce", "introduce", "extend", "adopt", "approve", "unveil", "slap", "expand", "tighten",
                "agree", "level", "add", "hit", "target", "place", "lift", "ease", "sign", "freeze", "blacklist",
                "include", "list", "apply", "enforce", "broaden", "widen", "propose", "prepare", "plan", "put",
                "subject", "outline", "publish", "release", "set", "pass", "launch", "roll",
                "work", "consider", "discuss", "draw", "finalise", "finalize", "tout", "threaten"}
NEW_WORDS = {"new", "fresh", "latest", "further", "additional", "more", "tougher", "harsher", "wider", "next"}


def _imposed(tok: Token) -> bool:
    """Sanctions someone imposes, extends, lifts or announces ('imposed sanctions on', 'the new sanctions',
    'subjected to sanctions'), as against sanctions only talked about."""
    if any(c.lower_ in NEW_WORDS for c in tok.children if c.dep_ in ("amod", "advmod", "compound")):
        return True
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.lemma_.lower() in IMPOSE_VERBS and head.pos_ in ("VERB", "AUX"):
            return True
        if cur.dep_ not in ("dobj", "pobj", "prep", "nsubjpass", "conj", "compound", "appos") or head.i == cur.i:
            return False
        cur = head
    return False


# words that make a sentence someone's reading of events rather than a report of them
READING = re.compile(r"\b(believes?|believed|thinks?|thought|fears?|feared|suggests?|suggested|argues?|argued|"
                     r"likely|may|might|could|would|appears?|seems?|linked|view|assessment)\b", re.I)
# what someone would stage or pretend: an act told after it is the pretence's content, not news
PRETENCE = re.compile(r"\b(make|makes|making|made) it (look|appear|seem) (like|as if|as though|that)\b", re.I)
# a state that no longer exists, or a town by its name of that era: what it did or had done to it is
# history told as background
DEFUNCT_STATE = re.compile(r"\b(the Soviet Union|the USSR|Soviet (troops|forces|army|tanks|authorities)|Leningrad|"
                           r"Stalingrad|Nazi Germany|the Third Reich|Yugoslavia|Czechoslovakia|East Germany)\b")
PAST_WARS = re.compile(r"\b(civil war|winter war|continuation war|world wars|world war (one|two|i|ii|1|2)|"
                       r"(first|second) world war|great patriotic war|cold war|"
                       r"(chapter|episode|period|page) of ([\w-]+ ){0,2}history)\b", re.I)


# "shortly after Russia invaded", "in the early weeks of the war", "at the start of the invasion":
# the war's first days recalled in a later report
EARLY_WAR = re.compile(
    r"\b(shortly|soon|just|days|weeks|immediately) after ([\w’'-]+ ){1,3}(invaded|invasion|launched|began|started)\b|"
    r"\b(in|during) the (first|opening|early|initial) (days|weeks|months|stages|phases?)( of)?\b|"
    r"\b(at|since) the (start|beginning|outset) of the (war|invasion|conflict)\b|"
    r"\bat the (start|beginning|outset) of the [\w’'-]+ (war|invasion|conflict)\b|"
    r"\b(early|earlier) in the (war|invasion|conflict)\b|"
    r"\b(began|started|entered) the (war|invasion|conflict) with\b|"
    r"\b(as soon as|when|once) (the )?(war|invasion|conflict|Russia|Moscow|Russian (forces|troops)) "
    r"([\w’'-]+ ){0,2}(began|started|invaded|broke out)\b", re.I)


def _early_war(tok: Token, ann: SentenceAnnotation) -> bool:
    """Whether the trigger's clause, or one it hangs from, is set in the first days of the war ("Shortly
    after Russia invaded, its troops encircled the city, seizing the airport"): history a later report
    recalls, not its news. A phrase inside a clause below the trigger dates that clause only ("sentenced
    for a killing early in the war": the sentence is news)."""
    own = syntax.governing_verb(tok)
    for m in EARLY_WAR.finditer(ann.sentence.text):
        span = ann.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        attach = syntax.governing_verb(root.head if root.pos_ in ("VERB", "AUX") else root)
        if attach.tag_ in ("VBZ", "VBP") or \
                any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in attach.children):
            continue  # "Russia has accelerated its attacks": the present is news (the phrase hangs elsewhere)
        if syntax.in_subtree(own, attach):
            return True
    return False


def _names(text: str, speaker: str) -> bool:
    """Whether a sentence names the speaker (by the last word of the name: "Mr Markov", "Markov"). A
    speaker described, not named ("US officials"), is named only by the whole description: any story
    has "officials" in it."""
    words = speaker.split()
    if not words:
        return False
    key = words[-1] if words[-1][:1].isupper() else speaker
    return re.search(rf"\b{re.escape(key)}\b", text) is not None


TIME_WORDS = {"after", "since", "before", "until", "when"}


def _invasion_as_a_time(tok: Token) -> bool:
    """The invasion named to say when something else happened ("after Putin launched his invasion",
    "since the invasion"): a time, not news of the invasion."""
    if tok.lemma_.lower() != "invasion":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in TIME_WORDS:
        return True
    verb = syntax.governing_verb(tok)
    return verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_WORDS
                                        for c in verb.children)


def _old_capture_as_a_time(tok: Token, ann: SentenceAnnotation, anchor: dt.date | None) -> bool:
    """A capture or withdrawal years ago, named to say when something else happened ("renamed after the
    city was captured following the start of the war in 2014"): a time, not news."""
    verb = syntax.governing_verb(tok)
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_WORDS for c in verb.children):
        return False
    return anchor is not None and any(d.precision == "year" and d.start.year <= anchor.year - 2 for d in ann.dates)


def _state_since_the_war(tok: Token, text: str) -> bool:
    """What has been so since the war began ("has kept millions of tonnes of wheat in silos", "has pushed
    bread prices up"), told in the present perfect: the state of things, not news of the day."""
    verbs = [syntax.governing_verb(tok)]
    if tok.dep_ == "ROOT":  # the parser made the noun the root, its verb a clause under it
        verbs += [c for c in tok.children if c.dep_ in ("advcl", "relcl", "acl")]
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for v in verbs for c in v.children)
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
    if perfect and any(c.lemma_.lower() in ("invasion", "war") for c in subjects):
        return True  # "Russia's invasion has massively disrupted grain shipments"
    return perfect and bool(SINCE_THE_WAR.search(text) or re.search(r"\bthe war has\b", text, re.I))


AT_THE_TIME = re.compile(r"\b[Aa]t the time\b(?! of\b)")  # a time told before and gone: what was so then


def _count_since_the_war(tok: Token, text: str) -> bool:
    """Attacks or battles counted over the whole war ("has carried out about 1,700 attacks since the
    invasion"): a tally of many acts, none of them news. Tolls of the dead or the captured stay news
    (a count of harm is what a report of the war gives)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or not any(c.like_num for c in tok.children):
        return False
    verb = syntax.governing_verb(tok)
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in verb.children)
    return perfect and bool(SINCE_THE_WAR.search(text))


def _links_as(come: Token) -> bool:
    """The verb of "X comes as Y": "come" followed by "as" (the parser hangs the as-clause either way)."""
    return come.lemma_.lower() == "come" and come.i + 1 < len(come.doc) and come.doc[come.i + 1].lower_ == "as"


def _comes_as(tok: Token) -> bool:
    """'X came as Y' ("the meeting comes as 89 athletes have been killed"): X is the story told before,
    named again only to link Y to it."""
    head = tok
    while head.dep_ in ("compound", "amod", "poss") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "nsubj" and _links_as(head.head)


def _as_backdrop(tok: Token) -> bool:
    """The act is told in the as-clause of "X comes as Y", in a passive or perfect ("comes as much of the city
    was destroyed in a bombardment", "comes as 89 athletes have been killed"): the backdrop of X, not news."""
    verb = syntax.governing_verb(tok)
    for _ in range(4):
        if verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        elif verb.dep_ == "relcl" or (verb.dep_ == "pobj" and verb.head is not verb):
            verb = syntax.governing_verb(verb.head)
        else:
            break
    if verb.dep_ not in ("advcl", "ccomp") or not _links_as(verb.head):
        return False
    return any(c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_.lower() == "have") for c in verb.children)


def _accord_as_a_time(tok: Token) -> bool:
    """An accord or meeting already told, named to say when something else happened ("the shelling
    a day after the deal was signed", "ministers spoke ahead of the signing of the accord"): a
    time, not news of a signing."""
    noun = tok
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "the signing of the agreement"
    if noun.dep_ == "pobj" and (noun.head.lower_ in ("after", "before", "since", "following", "until") or
                                (noun.head.lower_ == "to" and noun.head.head.lower_ == "prior")):
        return True
    if re.sub(r"s$", "", tok.lower_) in ACCORD_NOUNS and \
            TIME_BEFORE_NOUN.search(tok.doc.text[max(0, tok.idx - 50):tok.idx]):
        return True  # "before the EU, G7 and Nato summits": a list the parser hangs elsewhere
    verb = syntax.governing_verb(tok)
    if not any(c.dep_ == "mark" and c.lower_ in ("after", "since", "before", "until", "once") for c in verb.children):
        return False
    return any(s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() in ACCORD_NOUNS and
               any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in s.children)
               for s in verb.children)


TIME_BEFORE_NOUN = re.compile(r"\b(before|after|ahead of|following|until)\s+(the\s+)?([\w’'-]+,?\s+){0,5}$", re.I)
ACCORD_NOUNS = {"deal", "agreement", "accord", "treaty", "pact", "talks", "meeting", "summit", "call", "memorandum"}


def _past_war(text: str) -> bool:
    """A sentence about another, earlier war: what happened in it or during it, or it as the subject
    (not "the worst since the second world war", not "neutral through two world wars")."""
    for m in PAST_WARS.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        if re.search(r"\b(in|during|with|of|after)\s+(the\s+)?([\w-]+\s+){0,2}$", before, re.I) and \
                not re.search(r"\bsince\s+(the\s+)?(end\s+of\s+the\s+)?([\w-]+\s+){0,2}$", before):
            return True
        if re.fullmatch(r"\s*(A|The)\s+([\w-]+\s+){0,2}", text[:m.start()]):
            return True
    return False


def _past_perfect_description(tok: Token) -> bool:
    """A relative clause in the past perfect describing a place or people ('Luhansk, which had been
    captured by separatists'): background to the sentence, not an act it reports."""
    verb = syntax.governing_verb(tok)
    # "a pilot who had been serving a sentence after being convicted": the clause's own time clause too
    while verb.dep_ in ("pcomp", "advcl") and verb.head.dep_ == "prep" and verb.head.head.dep_ == "relcl":
        verb = verb.head.head
    while verb.dep_ == "advcl" and verb.head.dep_ == "relcl":
        verb = verb.head
    if any(c.dep_ == "advmod" and c.lower_ in ("just", "recently", "finally") for c in verb.children):
        return False  # "men who had just been freed from a Russian prison": the news itself
    return verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and \
        any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in ("which", "who", "whom", "that")
            for c in verb.children)  # not "assessments that Russia had paused its offensive": what is said


OLD_ACT_DAYS = 14  # an act a relative clause dates further back than this describes, it is not news


def _old_act_described(tok: Token, ann: SentenceAnnotation, report: dt.date | None) -> bool:
    """A relative clause that dates its act weeks before the report ('the coastal strip which Russian
    troops took in March', in a report of late April): what the thing is, background, not news of the act."""
    verb = clause = syntax.governing_verb(tok)
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "who escaped ..., but was re-arrested in April"
        clause = clause.head
    if clause.dep_ != "relcl" or report is None:
        return False
    return any((report - d.end).days > OLD_ACT_DAYS and _dates_verb_directly(d, ann, verb)
               for d in ann.dates)


WARN_VERBS = {"warn", "caution", "advise", "argue", "speak", "lobby", "campaign", "rule"}


GENERIC_PLACES = {"area", "region", "town", "village", "city", "place", "territory", "settlement", "district"}


def _which_places(tok: Token) -> bool:
    """The act describes the places a sentence is about ("areas from which Russia is withdrawing", "towns
    where Russian troops had been"): it picks out which places, it does not tell the act as news."""
    verb = syntax.governing_verb(tok)
    if verb.dep_ != "relcl" or verb.head.lemma_.lower() not in GENERIC_PLACES or verb.head.tag_ != "NNS":
        return False
    return any(c.lower_ in ("which", "where") for c in verb.subtree if c.i < verb.i)


def _what_an_accord_does(tok: Token) -> bool:
    """The trigger is in a present-tense relative clause on an accord or route ("the deal, which allows grain
    ships to navigate safe corridors"), or a restrictive past one ("a deal that resumed grain exports"):
    it says what the accord does, it tells nothing that happened."""
    verb = syntax.governing_verb(tok)
    for _ in range(3):
        if verb.dep_ == "relcl":
            # (or a past one that picks out which deal: "an international deal that resumed grain exports")
            picks_out = verb.tag_ == "VBD" and any(c.lower_ == "that" and c.dep_ == "nsubj" for c in verb.children)
            return verb.head.lemma_.lower() in ACCORD_NOUNS | {"corridor", "route", "mechanism", "scheme"} and \
                (verb.tag_ in ("VBZ", "VBP") or picks_out)
        if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head is verb:
            return False
        verb = syntax.governing_verb(verb.head)
    return False


def _warned_against(tok: Token) -> bool:
    """An act someone warns or argues against ("warned Erdoğan against a further invasion"): what was
    said (the statement), not an act that happened."""
    cur = tok
    while cur.dep_ in ("conj", "appos") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "pobj" or cur.head.lower_ != "against":
        return False
    verb = cur.head.head
    return verb.lemma_.lower() in WARN_VERBS and verb.pos_ in ("VERB", "AUX")


def _background_of_past_perfect(tok: Token) -> bool:
    """An act in a clause that times a past-perfect one ("the two countries had imposed curbs after
    Turkey launched an operation in Syria"): the history behind something, not news."""
    verb = syntax.governing_verb(tok)
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("after", "before", "when", "since")
                                       for c in verb.children):
        return False
    main = verb.head
    if main.dep_ == "ccomp" and main.head.lemma_.lower() in syntax.REPORTING_LEMMAS:
        return False  # "said three people had died after shells hit": reported speech, shifted back
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in main.children)


def _role_of_a_thing(tok: Token) -> bool:
    """An act in "which was (being) used to ..." about a unit, base or weapon ("the airfield, which was
    being used to shell Kramatorsk"): what the thing served for, a description, not an act reported."""
    head = tok.head
    if tok.dep_ != "xcomp" or head.lemma_.lower() != "use" or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children) and \
            any(c.dep_ == "auxpass" for c in head.children):
        return True  # "Iran's drones had been used by the Houthis to attack Saudi Arabia": the weapon's past
    return head.dep_ == "relcl" and \
        any(c.dep_ in ("nsubjpass", "dobj", "nsubj") and c.lower_ in ("which", "that") for c in head.children)


# "a pattern that includes the annexation of X": past deeds cited as a charge sheet
PATTERN_INCLUDES = re.compile(r"\b(pattern|history|record|litany|catalogue|catalog|string|list|track record) "
                              r"(that|which) (includes|included|has included)\b"
                              # "the most serious violations include targeted killing ...; deportations ...":
                              # the kinds of wrong a report lists, not acts told
                              r"|\b(violations|abuses|breaches|atrocities) (include|included)\b"
                              # "as does the pattern of atrocities committed: the mass killings, the shelling ..."
                              r"|\b(pattern|litany|catalogue|record) of [\w ]{3,40}:", re.I)
# "It is the latest step in a forced Russification of the occupied areas, where Russia has tried to
# introduce the rouble": the act told before, placed in a campaign whose record follows
CAMPAIGN_STEP = re.compile(r"^[\"“‘']?(It|This|That) (is|was|marks|marked) (the|a|another) (latest|new|further|next) "
                           r"(step|move|stage|phase|chapter|sign|example|instance|escalation) (in|of)\b", re.I)


def _example_of_a_pattern(tok: Token) -> bool:
    """An act listed after "a pattern that includes" ("... the annexation of X, the use of Y and the
    bombing of Z"), "violations include" or after "It is the latest step in": past deeds cited as a record
    or kinds of wrong, not acts reported now (the list may be parsed any way)."""
    text = tok.doc.text  # a sentence's own doc (`Token.sent` costs a sentence split)
    found = PATTERN_INCLUDES.search(text) or CAMPAIGN_STEP.match(text)
    return found is not None and tok.idx >= found.end()


SIGN_NOUNS = {"sign", "signal", "indication", "suggestion", "hint"}


def _read_as_a_sign(tok: Token) -> bool:
    """An act inside what something is read as a sign of ("the move was seen as a sign that its troops
    were pulling back"): the writer's reading, not an act reported."""
    return any(t.dep_ in ("acl", "ccomp") and t.head.lemma_.lower() in SIGN_NOUNS and
               (t.head.dep_ == "attr" or (t.head.dep_ == "pobj" and t.head.head.lower_ == "as"))
               for t in [tok, *tok.ancestors])  # ("was another sign that", "was seen as a sign that")


PHASE_NOUNS = {"phase", "stage"}
PHASE_BEGUN = {"launch", "begin", "start", "open", "end", "complete", "conclude", "announce", "declare"}
PHASE_SHIFT = re.compile(r"\bfrom (a|the|its) ([\w-]+ ){0,2}(phase|stage)s?\b", re.I)


def _describes_a_phase(tok: Token) -> bool:
    """An act told to say what a phase of the war is like ("moving from a phase in which troops were
    ambushing tanks", "the second phase was dominated by artillery, bombing cities to rubble"): the
    war's course analysed, not an act reported ("the second phase of the offensive has begun" is news)."""
    shift = PHASE_SHIFT.search(tok.doc.text)
    if shift is not None and tok.idx > shift.start():
        return True  # "moving from a phase of ambushes to fighting at a distance": the war's course
    for t in [tok, *tok.ancestors]:
        if t.dep_ in ("relcl", "acl") and t.head.lemma_.lower() in PHASE_NOUNS:
            return True
        if t.pos_ in ("VERB", "AUX"):
            subj = syntax.subject_of(t)
            described = t.lemma_.lower() == "be" or (any(c.dep_ == "auxpass" for c in t.children) and
                                                     t.lemma_.lower() not in PHASE_BEGUN)
            if described and subj is not None and subj.lemma_.lower() in PHASE_NOUNS:
                return True
    return False


def _time_still_to_come(tok: Token) -> bool:
    """An act in a "when" or "once" clause of a sentence about the future ("when the battle ends, the
    offensive will likely have culminated"): the moment a forecast hangs on, not something reported."""
    verb = syntax.governing_verb(tok)
    if verb.dep_ != "advcl" or not any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "once")
                                       for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.head.children)


AIM_NOUNS = {"strategy", "tactic", "aim", "goal", "objective", "plan", "intention", "approach", "mission", "purpose"}


def _stated_aim(tok: Token) -> bool:
    """An act inside what a strategy, aim or plan "is to" do ("the army's plan has been to flatten
    streets until defenders pull back"; "the inquiry's aim was to document abuses"): a way of
    fighting or a purpose described, not an act reported."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "xcomp" and anc.head.lemma_ == "be" and \
                any(c.dep_ == "nsubj" and c.lemma_.lower() in AIM_NOUNS for c in anc.head.children):
            return True
        if anc.dep_ in ("acl", "relcl") and anc.head.lemma_.lower() in AIM_NOUNS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in anc.children):
            return True  # "a mission to liberate the region", "its plan to encircle the city"
    return False


YARDSTICK_ACTS = {"attack", "strike", "shelling", "bombing", "bombardment", "massacre", "explosion", "blast",
                  "raid", "assault", "airstrike", "killing", "battle"}


def _yardstick(tok: Token) -> bool:
    """An act in a "since ..." phrase ("the worst toll since a rocket attack on a bus station that
    killed 30"): an earlier event the news is measured against, not the news."""
    for cur in [tok, *tok.ancestors]:
        if cur.dep_ == "pobj" and cur.head.lower_ == "since":
            return cur.lemma_.lower() in YARDSTICK_ACTS
        if cur.dep_ not in ("relcl", "acl", "prep", "pobj", "nsubj", "dobj", "compound", "amod"):
            return False
    return False


def _refers_back(tok: Token, ann: SentenceAnnotation) -> bool:
    """'The attack', 'the latest fighting', 'this strike' as a subject, with no place, date or number
    of its own (a relative clause about it does not count: 'The attack, which Zelenskiy denounced'):
    a reference to an act the text told already."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children):
        return False
    # its own words: up to the first comma after it ("the strike on Kremenchuk, which ...")
    comma = next((t.i for t in tok.doc[tok.i + 1:tok.right_edge.i + 1] if t.text in (",", "–", "—", "(")),
                 tok.right_edge.i + 1)
    clauses = [c for c in tok.children if c.dep_ in ("relcl", "appos", "acl")]
    own = [t for t in tok.subtree if t.i < comma and not any(syntax.in_subtree(t, c) for c in clauses)]
    starts = {t.idx for t in own}
    if any(p.start in starts for p in ann.places) or any(d.char_start in starts for d in ann.dates):
        return False  # "the strike on Kremenchuk", "the attack on Sunday": named anew
    if any(_dates_verb_directly(d, ann, tok.head) for d in ann.dates):
        return False  # "the strikes on the city resumed around dawn Tuesday": news of its own
    return not any(t.like_num or t.pos_ == "PROPN" for t in own)


def _dates_verb_directly(d: DateRef, ann: SentenceAnnotation, verb: Token) -> bool:
    """The date modifies the verb itself ('resumed on Tuesday'), not a noun ('yesterday's deal')."""
    span = ann.doc.char_span(d.char_start, d.char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root.head
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)


STRESS_VERBS = {"stress", "emphasise", "emphasize", "underline", "underscore", "point", "remember", "recall"}
NEEDFUL = {"necessary", "essential", "vital", "crucial", "imperative", "important", "needed"}


def _prescribed(tok: Token) -> bool:
    """An act someone says should or must happen, in words they are reported to have said ("arms
    deliveries had to go on": the act named as what has to go on, not a delivery made), or asks why
    it happened ("could not see why Brussels had imposed sanctions"): their position, not the act."""
    prescribed = tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("have", "need") and \
        any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for c in tok.head.children)
    for verb in [tok, *tok.ancestors]:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_.lower() in syntax.REPORTING_LEMMAS | STRESS_VERBS:
            return prescribed  # ("it is important to stress that the battle ..." asserts the battle)
        if any(c.dep_ == "advmod" and c.lower_ == "why" for c in verb.children):
            return True  # "did not understand why the EU had imposed sanctions": asked about, not told
        prescribed = prescribed or any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought")
                                       for c in verb.children) or \
            any(c.dep_ == "acomp" and c.lemma_.lower() in NEEDFUL for c in verb.children)  # "it is vital to"
    # a quotation that says what must be done ("“The ICRC must have immediate access to all PoWs ...”"),
    # also where a quote opened sentences before closes after it ("... must be allowed to visit PoWs,” it added")
    text = tok.doc.text
    quoted = text[:1] in OPEN_QUOTES or ("”" in text[tok.idx:] and "“" not in text[:tok.idx])
    return prescribed and quoted


def _is_subject(a: ActorRef, ann: SentenceAnnotation) -> bool:
    """A person named as the subject of a clause, or as its speaker ('..., Lavrov said')."""
    if any(x.speaker in (a.text, a.name) for x in ann.attributions):
        return True
    span = ann.doc.char_span(a.start, a.end, alignment_mode="expand") if ann.doc is not None else None
    if span is None or len(span) == 0:
        return False
    root = span.root
    while root.dep_ in ("appos", "compound") and root.head.i != root.i:
        root = root.head  # "Russia's foreign minister, Sergei Lavrov, said"
    return root.dep_ in ("nsubj", "nsubjpass")


def title_countries(title: str) -> frozenset[str]:
    """Countries a title names ("Ukraine war live", "Russian troops ..."): where its story is."""
    g = get_gazetteer()
    found = set()
    for word in re.findall(r"\b[A-Z][a-z]+", title or ""):
        for entry, _kind in g.lookup(normalize(word)):
            if entry.feature == "country":
                found.add(entry.country)
    return frozenset(found)


ROAD_ACCIDENT = re.compile(r"\b(hit|struck|run over|knocked down) by an? ([\w-]+ ){0,2}(car|bus|lorry|truck|"
                           r"scooter|e-scooter|train|tram|van|taxi|vehicle|motorbike|motorcycle|bicycle)\b|"
                           r"\b(car|road|traffic|rail|train) (crash|accident)\b|"
                           r"\b(train|passenger train) [\w ]{0,40}derail", re.I)


CITED_NOUNS = {"report", "account", "finding", "claim", "allegation", "testimony"}


DASHES = {"–", "—"}


def _a_figures_source(tok: Token) -> bool:
    """'striking ammunition dumps – 50 according to the defence minister – and ...': a source given between
    dashes for a figure alone vouches for the figure; no words of the day are told."""
    sent = tok.sent
    opened = next((t for t in reversed(sent[:tok.i - sent.start]) if t.text in DASHES), None)
    closed = next((t for t in sent[tok.i - sent.start + 1:] if t.text in DASHES), None)
    if opened is None or closed is None:
        return False
    inside = [t for t in sent.doc[opened.i + 1:closed.i] if t.i != tok.i]
    return any(t.like_num for t in inside) and not any(t.pos_ in ("VERB", "AUX") for t in inside)


MAY_MODALS = {"can", "could", "may", "might", "should", "must"}


def _could_say(tok: Token) -> bool:
    """'member states can declare an emergency', 'Kyiv could announce ...': what someone may say under a
    rule or a plan, not words said."""
    return tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in MAY_MODALS for c in tok.children)


EARLIER_WORDS = {"recent", "earlier", "previous", "past", "prior"}


def _an_earlier_voice(tok: Token) -> bool:
    """'Putin's words contradict recent US intelligence that said ...': a relative clause on a source the
    writer calls recent or earlier tells what was said before, as background to the news."""
    if tok.dep_ != "relcl" or tok.pos_ != "VERB":
        return False
    source = tok.head
    return any(c.dep_ == "amod" and c.lower_ in EARLIER_WORDS for c in source.children)


PROVENANCE_LEMMAS = {"report", "reveal", "publish", "break"}


def _provenance(tok: Token) -> bool:
    """'the texts, first reported by CNN, show ...': who broke a story, told of the thing it describes,
    is no words said that day."""
    modifies = tok.dep_ == "acl" or (tok.dep_ == "conj" and (tok.head.dep_ == "acl" or tok.head.pos_ == "NOUN"))
    return tok.tag_ == "VBN" and tok.lemma_.lower() in PROVENANCE_LEMMAS and modifies and \
        any(c.dep_ == "agent" for c in tok.children) and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _recalled_words(tok: Token, ann: SentenceAnnotation, anchor: dt.date | None) -> bool:
    """Words a sentence recalls, holds as a standing position or cites, rather than reports as said that
    day: the statement filters shared by reporting verbs and by the fallback that reads attributions."""
    # (words told after "including a report by X" are that cited report's; figures "according to" a
    # source on how a side began the war are history)
    cited = next((t for t in ann.doc if _cited_in_a_list(t)), None)
    return _provenance(tok) or _an_earlier_voice(tok) or _could_say(tok) or _said_before(tok, ann.sentence.text) or \
        _standing_position(tok) or \
        _says_in_a_portrait(tok) or _reported_long_ago(tok, ann, anchor) or \
        (cited is not None and tok.i >= cited.i) or \
        (tok.lower_ == "according" and (_early_war(tok, ann) or _a_figures_source(tok)))


def _says_in_a_portrait(tok: Token) -> bool:
    """A speaking participle set off by a comma right after a relative clause on a person ("the council
    is led by Scholz, who in recent weeks defended its record, saying ..."): it carries on that clause,
    however the parser hangs it, and tells who the person is, not words of the day."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or tok.i < 2 or tok.doc[tok.i - 1].text != ",":
        return False
    last = tok.doc[tok.i - 2]  # the word before the comma: the clause it ends is the one carried on
    before = next((a for a in [last, *last.ancestors] if a.dep_ in ("relcl", "ROOT")), None)
    return before is not None and before.dep_ == "relcl" and tok.head.dep_ == "ROOT" and \
        any(c.lower_ == "who" for c in before.children) and before.head.ent_type_ == "PERSON"


def _cited_in_a_list(tok: Token) -> bool:
    """A report named as one of several a sentence cites ("matches other accounts of abuse, including a
    report by the OSCE that said ..."): evidence recalled, not words said today."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in ("including", "like"):
        return False
    listed = tok.head.head  # "other reports, including ...", or the verb the parser hung "including" on
    return listed.lemma_.lower() in CITED_NOUNS or (listed.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in CITED_NOUNS for c in listed.children))


PRESS_REVIEW = re.compile(r"\b(splash|front[- ]page|headlining|headline (reads|says|is))\b", re.I)


# "The Financial Times says “Kremlin tightens its grip”.": an outlet's headline, quoted whole
QUOTED_HEADLINE = re.compile(r"^(?P<outlet>(?:The |the )?[A-Z][\w’' ]{0,30}?) "
                             r"(?:says|has|carries|leads with|goes with) “[^”]{5,160}”\.?$")


def _headline_quoted(text: str) -> bool:
    m = QUOTED_HEADLINE.match(text.strip())
    return m is not None and is_outlet_name(m["outlet"])


def _war_named_near(text: str, ann: SentenceAnnotation, st: _PostState) -> bool:
    """The war named in the sentence or the one before: by a word other news rarely uses ("troops", "the
    Kremlin"), or by a word it shares ("an attack", "talks") in a sentence set in a country at war (the
    committee investigating "the Capitol attack" is not war news)."""
    near = " ".join(st.recent_text[-2:])
    if has_specific_war_term(text) or has_specific_war_term(near):
        return True
    return (is_war_context(text) or is_war_context(near)) and any(p.country in BELLIGERENTS for p in ann.places)


def _sentence_mentions(ann: SentenceAnnotation, post: Post, st: _PostState,
                       clean: CleanDocument) -> list[EventMention]:
    doc = ann.doc
    text = ann.sentence.text
    if ROAD_ACCIDENT.search(text):
        return []  # "a refugee child died after being hit by a scooter in Nice": a sad story, not war news
    if PRESS_REVIEW.search(text) or _headline_quoted(text):
        return []  # "The Telegraph's front page leads on 'Russia plotting chemical attack'": what papers print
    candidates: list[_Candidate] = []
    tellers: list[_Candidate] = []
    about_war = is_war_related(text)
    war_context = is_war_context(text) or st.war_story(post, clean)
    generic = [m.span() for m in CORRELATIVE.finditer(text)]
    past_war = _past_war(text)
    told_before = " ".join(st.recent_text[:-1])  # how "the attack" told again was made
    for hit in find_triggers(text):
        if past_war and hit.type != "statement":
            continue  # "30,000 people died in the Finnish civil war", "fought in the winter war": history
        if hit.type != "statement" and any(lo <= hit.start < hi for lo, hi in generic):
            continue  # "the more the West sends weapons, the more the war drags on": a rule, not an act
        # ("Guterres called for an independent investigation" after the killings were told: words on the war;
        # the sentences before are read only for such a statement)
        if hit.type == "other" and not _war_named_near(text, ann, st):
            continue  # "a court stayed the execution of a woman convicted of killing her daughter": harm, a
            # court, no war; "other" news is war news by the war named in it or just before it
        if (hit.type in TOPIC_SENSITIVE and not about_war and
                not (hit.type == "statement" and _catalogued_subject(hit, ann) and
                     is_war_related(" ".join(st.recent_text[-3:])))) or \
                (hit.topical and not war_context):
            continue  # "the union called for...", "the captain announced her retirement"
        if any(a.kind == "org" and a.actor_id and a.start <= hit.start and hit.end <= a.end for a in ann.actors):
            continue  # "the chemical weapons watchdog", "the Committee against Torture": a body's name
        tok = syntax.token_at(doc, hit.start, hit.end)
        if tok is None:
            continue
        first = syntax.token_at(doc, hit.start, hit.start + 1)
        if first is not None and first is not tok and syntax.describes_a_noun(first):
            continue  # "the images from retaken towns": which towns, not a retaking
        if hit.type != "statement" and (syntax.is_background(tok) or syntax.is_negated(tok) or syntax.about_act(tok)):
            continue
        if hit.type != "statement" and _left_unsaid(tok):
            continue  # "he did not specify what would be struck": no act told
        if hit.type not in PARTICIPANT_KINDS | {"statement"} and syntax.in_purpose_clause(tok):
            continue  # "to slow its advance": a purpose ("travel to Tehran to hold talks" is a plan, kept)
        if hit.type in PARTICIPANT_KINDS and _thwarted_purpose(tok):
            continue  # "denied visas to attend the session": the refusal is the news, no gathering is planned
        if hit.type not in MILITARY | {"statement"} and _already_done(tok):
            continue  # "Ukraine has already sentenced several soldiers ...": done before, recalled
        if hit.type != "statement" and _reported_long_ago(tok, ann, st.anchor):
            continue  # "a paper reported in March that the ministry said ...": an earlier story recalled
        if hit.type == "statement" and tok.tag_ == "VBD" and _amid_an_old_story(ann, st):
            continue  # "... met in December 2013. '...,' the aide wrote in a letter": words of that story
        if hit.type == "aid" and _supplies_as_they_stand(tok):
            continue  # "supplies continue to arrive slowly", "receiving few weapons so far": how aid stands
        if hit.type != "statement" and _in_a_standing_position(tok):
            continue  # "the ministry has maintained that its troops struck only depots": its case, not news
        if hit.type == "statement" and _recalled_words(tok, ann, st.anchor):
            continue  # "US officials had accused Russia of ...", "has repeatedly denied ...": not words of the day
        if hit.type == "statement" and tok.pos_ == "VERB" and within_view(tok):
            continue  # "an expert agrees that China has rejected the overtures": the expert's view, not China's word
        if hit.type in MILITARY and _assessed(tok):
            continue  # "The Russian offensive has been slow", "lost the momentum in the fight for the east"
        if hit.type != "statement" and _in_a_job_title(tok):
            continue  # "a disinformation researcher", "a war crimes prosecutor": who someone is, not an act
        if hit.type != "statement" and _refers_back(tok, ann):
            continue  # "The attack, which Zelenskiy denounced ...": the act told before, not a new one
        if hit.type != "statement" and _prescribed(tok):
            continue  # "the EU should ban Russian gas": a position (the statement), not an act
        if hit.type in PARTICIPANT_KINDS and _position_on_a_plan(tok):
            continue  # "the UK supports Biden's proposed talks": a position (the statement), no meeting yet
        if hit.type in ("sanctions", "agreement") and tok.dep_ == "pobj" and tok.head.lower_ in ("under", "within"):
            continue  # "goods banned under EU sanctions", "under the grain deal": the frame, not the act
        if hit.type != "statement" and _as_backdrop(tok):
            continue  # "the new measure comes as much of the city was destroyed in a bombardment": backdrop
        if hit.type in ("other", "sanctions") and not re.match(r"refugee|fled|flee|evacu", hit.text, re.I) and \
                _state_since_the_war(tok, text):  # (a count of refugees since the war began is a tally)
            continue  # "a blockade since Moscow's 24 February invasion has trapped millions of tonnes": a state
        if hit.type == "other" and hit.topical and tok.pos_ in ("NOUN", "PROPN") and \
                syntax.governing_verb(tok).lemma_ == "be" and \
                not any(c.dep_ == "expl" for c in syntax.governing_verb(tok).children):
            continue  # "Germany is heavily reliant on the Nord Stream 1 pipeline": a state of things, not news
        if hit.type == "other" and hit.topical and _done_by_the_war(tok):
            continue  # "the war threatens famine": what the war does in general, no act of a party
        if hit.type != "statement" and _comes_as(tok):
            continue  # "The minister's visit came as Ukraine warned ...": the visit told before, a link
        if hit.type in ("agreement", "meeting", "call") and _accord_as_a_time(tok):
            continue  # "the attack hours after the deal was signed was unwarranted": when, not a signing
        if hit.type in GROUND and (_invasion_as_a_time(tok) or _old_capture_as_a_time(tok, ann, st.anchor)):
            continue  # "closed its outlets in March after Putin launched his invasion": when, not news
        if hit.type != "statement" and _early_war(tok, ann):
            continue  # "shortly after Russia invaded, its troops seized the airport": history recalled
        if hit.type != "statement" and _time_still_to_come(tok):
            continue  # "when the battle for X ends, the offensive will have culminated": a time, not news
        if hit.type != "statement" and (_warned_against(tok) or _background_of_past_perfect(tok) or _stated_aim(tok)
                                        or _yardstick(tok)):
            continue  # "warned X against an invasion"; "had imposed curbs after Turkey launched an operation"
        if hit.type in GROUND and _which_places(tok):
            continue  # "horrors in areas from which Russia is withdrawing": which areas, not news of a retreat
        if hit.type == "other" and _what_an_accord_does(tok):
            continue  # "the deal, which allows grain ships to sail safe corridors": what the deal does
        if hit.type != "statement" and (_past_perfect_description(tok) or _old_act_described(tok, ann, st.anchor)):
            continue  # "moved to Luhansk, which had been captured by separatists": what the town is, not news
        if hit.type == "sanctions" and tok.lemma_.lower() == "sanction" and tok.pos_ == "NOUN" and not _imposed(tok):
            continue  # "gaps in the sanctions", "argues against sanctions": the measures talked of, not a new one
        if hit.type == "strike" and _kinds_of_targets(tok):
            continue  # "Russian forces have hit hospitals, apartment buildings and a theatre": a tally of kinds
        if hit.type != "statement" and AT_THE_TIME.search(text) and not ann.dates:
            continue  # "X said that at the time, a diplomat met him in prison": a time recalled, not news
        if hit.type in ("strike", "clash") and _count_since_the_war(tok, text):
            continue  # "the air force has carried out 1,700 attacks since the start of the war": a tally
        if hit.type == "clash" and syntax.fights_as_a_member(tok):
            continue  # "had been fighting as part of the Ukrainian army": a side taken, not a battle
        if hit.type != "statement" and _role_of_a_thing(tok):
            continue  # "its eastern district, which was being used to attack X": what it served for, not news
        if hit.type != "statement" and _read_as_a_sign(tok):
            continue  # "seen as a sign that its troops were pulling back": a reading of events
        if hit.type != "statement" and _describes_a_phase(tok):
            continue  # "the second phase was dominated by artillery, bombing cities": analysis of the war
        if hit.type != "statement" and _example_of_a_pattern(tok):
            continue  # "a pattern that includes the annexation of X and the use of Y": a record, not news
        if hit.type != "statement" and syntax.weighed_as_an_idea(tok):
            continue  # "putting the pipeline into operation was not an option": an idea judged, not a deed
        if hit.type != "statement" and syntax.duty_not_deed(tok):
            continue  # "I have to fight", "spent two months fighting": a duty or a stretch of service
        if hit.type != "statement" and syntax.names_the_speaker(tok):
            tellers.append(_Candidate(hit, tok))
            continue  # "regional prosecutors said two were killed in shelling": who tells, not a trial
        if hit.type == "meeting" and (_met_the_freed(tok) or _visit_of_no_delegates(tok)):
            continue  # "Ukraine met 17 border guards released in the exchange": the release; "media visited": no talks
        if hit.type == "meeting" and _where_words_were_said(tok):
            continue  # "in a statement made at the summit in Brussels, he said", "told the gathering": the words
        if hit.type != "statement" and tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "ccomp", "dobj") and \
                _standing_position(tok.head) and tok.head.lemma_.lower() in syntax.DENY_LEMMAS:
            continue  # "Moscow denies shelling civilians": a position it holds, no shelling told
        if hit.type in MILITARY and tok.lower_ in ("attack", "strike", "assault") and tok.dep_ in ("compound", "amod") \
                and tok.head.lemma_.lower() in KIND_OF_UNIT:
            continue  # "a formidable attack force", "strike drones", "assault troops": a kind of unit, no act
        if hit.type == "other" and tok.lower_ in INFO_WAR_WORDS and tok.dep_ in ("dobj", "pobj", "attr", "conj"):
            continue  # "contradicting Beijing's propaganda", "amounted to Kremlin propaganda": a judgement
        if hit.type in MILITARY and _attacked_in_words(tok):
            continue  # "had also attacked Zelenskiy for comparing ...": criticism, not a fight
        if hit.type != "statement" and _a_means_through(tok):
            continue  # "gained a foothold in Africa through ... supplying weapons to leaders": how, no act told
        if hit.type in ("aid", "sanctions") and (_given_as_cause(tok) or _talked_of(tok)):
            continue  # "would widen its aims because of arms deliveries", "the fuss around deliveries": no delivery
        if hit.type != "statement" and DEFUNCT_STATE.search(text) and syntax.governing_verb(tok).tag_ in ("VBD", "VBN"):
            continue  # "a peace treaty was reached, yet Finland had to cede land to the Soviet Union": history
        if hit.type != "statement" and PRETENCE.search(text[:hit.start]):
            continue  # "preparing to plant evidence to make it look like the killing was caused by Ukraine"
        if hit.type != "statement" and _in_a_concession(hit, ann.sentence.text):
            continue  # "Despite claims of Ukrainian counteroffensives in the east, these appear limited"
        if hit.type != "statement" and _feared(tok):
            continue  # "some concern that there would be a complete stop to gas deliveries": a fear, not news
        if hit.type == "meeting" and _kept_away_from(tok):
            continue  # "Russia's absence from this year's Davos gathering": who is not there, not a meeting told
        if hit.type == "meeting" and _met_with_a_response(tok):
            continue  # "views like these are often met with censorship": a reception, no one met
        if (hit.type == "call" or (hit.type == "clash" and tok.lemma_.lower() == "fight")) and \
                syntax.picks_out_people(tok):
            continue  # "ask the foreign leaders who spoke with Putin", "troops who fought in X": which ones
        if hit.type == "meeting" and syntax.setting_of_words(tok):
            continue  # "Speaking at a think-tank conference, he rejected ...": where words were said
        if hit.type != "statement" and syntax.generic_subject(tok):
            continue  # "when you are protecting your home from an assault": anyone, no act in particular
        if hit.type in MILITARY and _capability(tok):
            continue  # "rocket systems, which can hit targets up to 50 miles away": what they can do
        if hit.type in GROUND and tok.lower_ == "advanced" and tok.dep_ == "amod":
            continue  # "an advanced German artillery system": a quality, not an advance
        if hit.type == "offensive" and tok.lower_ == "offensive" and tok.dep_ in ("amod", "compound") and \
                tok.head.lemma_.lower() not in OFFENSIVE_HEADS:
            continue  # "an offensive military package", "offensive weapons": a kind of thing, not an offensive
        if hit.type == "mobilization" and not _mobilizes_people(tok):
            continue  # "deployed propaganda vans", "raw recruits were able to hit targets", "the draft rules"
        if hit.type == "aid" and _hit_target(tok):
            continue  # "destroyed a depot of weapons delivered by the west": what was hit, not aid
        if hit.type in MILITARY and _consequence_of_an_act(tok):
            continue  # "a military incursion of Syria will benefit terrorists": what an act would do
        if hit.type == "aid" and (_own_stock(tok) or _takes_up_arms(tok)):
            continue  # "careful with their ammunition": what they have; "took up arms": joined the fight
        if hit.type != "statement" and _means_in_words(tok, ann):
            continue  # "Ernst said by imposing sanctions Germany had made itself a hostage": an argument's premise
        if hit.type == "aid" and _kinds_supplied_over_time(tok):
            continue  # "partners have sent Ukraine all kinds of drones": what has gone over months, no delivery
        if hit.type == "aid" and _hindered(tok):
            continue  # "the aim of the attacks is to slow the delivery of weapons": no delivery told
        if hit.type == "aid" and _weapons_acting(tok):
            continue  # "western weapons give us an edge": what weapons do, not a delivery
        hit = retype_hit(hit, tok, ann.places, told_before)
        if hit is None:
            continue
        candidates.append(_Candidate(hit, tok))
    mentions = _made_of(candidates, ann, post, st, clean)
    if not mentions and tellers:  # "prosecutors have said the men face death": the prosecution is the news
        mentions = _made_of(tellers + candidates, ann, post, st, clean)
    if not mentions:
        mentions = _reported_statement(ann, post, st, clean)
    return mentions


def _made_of(candidates: list[_Candidate], ann: SentenceAnnotation, post: Post, st: _PostState,
             clean: CleanDocument) -> list[EventMention]:
    chosen = _choose(candidates)
    made = []
    for cand in chosen[:MAX_EVENTS_PER_SENTENCE]:
        m = _mention(cand, ann, post, st, clean)
        if m is not None:
            made.append((cand, m))
    return _one_per_sentence(made)


def _depth(tok: Token | None) -> int:
    return sum(1 for _ in tok.ancestors) if tok is not None else 99


def _infinitive(tok: Token | None) -> bool:
    """A verb in the to-infinitive ("forces to advance on X")."""
    return tok is not None and tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _in_words_said(tok: Token, top: Token) -> bool:
    """A condition named inside someone's words below the statement ("..., who blamed the war, not
    sanctions, for the food crisis"): what they said, not a second piece of news."""
    for a in tok.ancestors:
        if a.i == top.i:
            return False
        if a.lemma_.lower() in syntax.REPORTING_LEMMAS:
            return True
    return False


SHELTERING = re.compile(r"\b(sheltering|trapped)\b", re.I)  # people told where they hid, as an `other`


def _one_per_sentence(made: list[tuple[_Candidate, EventMention]]) -> list[EventMention]:
    """A sentence tells one event, the one nearest its main verb; a second only when it happens
    somewhere else ("retook one village but had to abandon another")."""
    if not made:
        return []
    # ground events of several clauses at one place are one (the strongest trigger, first among
    # equals): "Kyiv said it was clinging on to X, a town Russia claims to have captured"
    strongest: dict[str, tuple[_Candidate, EventMention]] = {}
    for cm in made:
        if cm[1].type in GROUND:
            where = cm[1].location.gazetteer_id if cm[1].location is not None else ""
            if where not in strongest or cm[0].hit.strength > strongest[where][0].hit.strength:
                strongest[where] = cm
    made = [cm for cm in made if cm[1].type not in GROUND or any(cm is v for v in strongest.values())]
    made.sort(key=lambda cm: (_depth(cm[0].tok), -cm[0].hit.strength))
    if made[0][1].type == "other" and SHELTERING.search(made[0][0].hit.text):
        # "60 people who were sheltering in the school that Russian forces bombed were killed": the
        # people sheltering say where, the strike is the news
        acts = [cm for cm in made if cm[1].type in MILITARY]
        if acts:
            made.remove(acts[0])
            made.insert(0, acts[0])
    main_cand, main = made[0]
    out = [main]
    for cand, m in made[1:]:
        if main.type == "statement" and m.type in ("call", "meeting", "agreement"):
            out.append(m)  # "backed Trump's steps after the pair spoke on the phone": a position and a call
            continue
        if {main.type, m.type} == {"aid", "sanctions"} and not any(x.type == m.type for x in out):
            out.append(m)  # "will send $100m in aid, as well as levelling sanctions on 16 officials": two measures
            continue
        if main.type == "statement" and main_cand.tok is not None and cand.tok is not None and \
                syntax.in_subtree(cand.tok, main_cand.tok) and _own_clause(cand.tok, main_cand.tok) and \
                not (m.type == "other" and _in_words_said(cand.tok, main_cand.tok)):
            out.append(m)  # "blamed Ukraine for an attack on X, in which three people died": a position and a toll
            continue
        if m.type in MILITARY and main.type in MILITARY and m.location is not None and \
                main.location is not None and m.location.precision == "place" and \
                main.location.precision == "place" and m.location.gazetteer_id != main.location.gazetteer_id and \
                not _infinitive(cand.tok):
            out.append(m)  # ("frees its forces to advance on Kramatorsk": what it makes possible, not a second act)
    return out


def _embedded(a, ann: SentenceAnnotation) -> bool:
    """A report inside another's words ("Russia ... warned that ..., Ukraine said"): Ukraine is the
    one who speaks; Russia's warning is what Ukraine says."""
    cue = a.cue.split()[0].lower() if a.cue else ""
    tok = next((t for t in ann.doc if t.lower_ == cue), None) if cue else None
    if tok is None:
        return False
    # (an outlet passing words on is not the one who speaks: "X said ..., Reuters reports")
    others = {b.cue.split()[0].lower() for b in ann.attributions
              if b is not a and b.cue and not is_outlet_name(b.speaker) and not b.cue.lower().startswith("report")}
    return any(t.lower_ in others and t.pos_ == "VERB" and t.i != tok.i and syntax.in_subtree(tok, t) and
               any(c.dep_ in ("ccomp", "parataxis") and syntax.in_subtree(tok, c) for c in t.children)
               for t in ann.doc)


def _catalogued_subject(hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """The words' subject is a party the catalogue knows (not an outlet): "Guterres called for an
    independent investigation" right after the killings were told is a word on the war."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end) if ann.doc is not None else None
    subj = syntax.subject_of(tok) if tok is not None else None
    if subj is None or subj.pos_ != "PROPN":
        return False
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    lo, hi = lo - ann.doc[0].idx, hi - ann.doc[0].idx
    return any(a.actor_id and a.kind in ("person", "state", "org") and not is_media(a.actor_id) and
               lo <= a.start and a.end <= hi for a in ann.actors)


def _commentator_speaks(name: str, tok: Token | None, ann: SentenceAnnotation, st: _PostState) -> bool:
    """An analyst the document introduced speaks: "..., says Ash", or "he adds" right after him (which
    the attribution layer may pin on a leader his quote named)."""
    if _is_commentator(name, st):
        return True
    subj = syntax.subject_of(tok) if tok is not None else None
    last = st.last_speaker
    return subj is not None and subj.lower_ in ("he", "she") and last is not None and \
        0 < ann.sentence.index - last[1] <= 2 and _is_commentator(last[0], st)


KIND_NOUNS = {"type", "kind", "sort", "variety", "range", "array"}


def _kinds_supplied_over_time(tok: Token) -> bool:
    """Aid in the present perfect of many kinds of thing ("have supplied Kyiv with many types of drones",
    "have sent all kinds of weapons"): a summary of months of help, no delivery of the day."""
    verb = syntax.governing_verb(tok)
    if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return False
    near = {verb.i, *(c.i for c in verb.children)}  # its object, or the object of its "with"
    return any(t.lemma_.lower() in KIND_NOUNS and t.tag_ == "NNS" and t.head.i in near for t in verb.subtree)


def _left_unsaid(tok: Token) -> bool:
    """An act in a question someone did not answer ("did not specify what would be struck", "would not say
    where the troops would go"): nothing is told to have happened."""
    verb = syntax.governing_verb(tok)
    return verb.dep_ == "ccomp" and any(c.dep_ == "neg" for c in verb.head.children) and \
        any(c.tag_ in ("WP", "WRB", "WDT") for c in verb.children)


def _reported_statement(ann: SentenceAnnotation, post: Post, st: _PostState,
                        clean: CleanDocument) -> list[EventMention]:
    """A named party saying something ('X said', 'told', 'according to X') is a statement event,
    whatever the reporting verb, when nothing else in the sentence is an event."""
    if not is_war_related(ann.sentence.text) and not is_war_related(" ".join(st.recent_text[-3:])):
        return []  # a position on something else (an economy, a festival, a scooter firm) is not war news
    for a in sorted(ann.attributions, key=lambda a: _embedded(a, ann)):
        name = _source_name(a.speaker, st, ann)
        cue = a.cue.split()[0].lower() if a.cue else ""
        tok = next((t for t in ann.doc if t.lower_ == cue), None) if cue else None
        if _commentator_speaks(name, tok, ann, st):
            st.last_speaker = (name, ann.sentence.index)  # (whom a following "he adds" stands for)
            continue
        if not _is_speaker(name) or not _newsworthy(name, ann, st) or _names_an_act(name) or _byline(a, ann):
            continue
        if tok is not None and ((syntax.is_negated(tok) and a.stance != "denies") or
                                _recalled_words(tok, ann, st.anchor) or
                                (tok.tag_ == "VBD" and _amid_an_old_story(ann, st))):
            continue
        start = tok.idx if tok is not None else 0
        hit = TriggerHit("statement", start, start + len(cue), a.cue, 0.4)
        m = _mention(_Candidate(hit, tok), ann, post, st, clean)
        if m is None:
            continue
        if m.sources and _same_pronoun(name, tok, ann, st):
            pass  # "he said": the post's thread named him (see `_same_pronoun`)
        elif not m.sources or speaker_identity(m.sources[0][0]) != speaker_identity(name):
            others = [s for s in m.sources if speaker_identity(s[0]) != speaker_identity(name)]
            twin = next((s for s in others if _one_voice_twice(name, s[0], ann.sentence.text)), None)
            if twin is not None:  # "adviser" and "adviser to Volodymyr Zelenskiy": keep the fuller naming
                name = max((name, twin[0]), key=lambda n: (not any(w[:1].islower() for w in n.split()), len(n)))
                others = [s for s in others if s is not twin]
            m.sources = [(name, a.stance)] + others
        return [m]
    return []


# who writes or files a story: a byline, or where a report was filed from
REPORTER_WORDS = {"reporter", "correspondent", "editor", "journalist", "columnist", "writer", "photographer"}
JOURNALIST = re.compile(r"\b(" + "|".join(sorted(REPORTER_WORDS)) + r")\s*,?\s*$", re.I)


def _byline(a, ann: SentenceAnnotation) -> bool:
    """A journalist who 'writes' the story ("..., Guardian business reporter Joanna Partridge writes"):
    the byline, not a source of the news."""
    if not a.cue or not a.cue.lower().startswith(("writ", "wrote")):
        return False
    text = ann.sentence.text
    at = text.find(a.speaker)
    return bool(JOURNALIST.search(a.speaker)) or (at > 0 and bool(JOURNALIST.search(text[max(0, at - 40):at])))


def _one_voice_twice(a: str, b: str, text: str) -> bool:
    """Two namings of one speaker in one sentence: one inside the other ("adviser", "adviser to X"), or an
    office and the name set beside it ("Germany's minister for economic affairs ..., Robert Habeck,")."""
    la, lb = a.lower(), b.lower()
    if la in lb or lb in la:
        return True
    at_a, at_b = text.find(a), text.find(b)
    if at_a < 0 or at_b < 0:
        return False
    first, second = (a, b) if at_a < at_b else (b, a)
    gap = text[min(at_a, at_b) + len(first):max(at_a, at_b)]
    return len(gap) <= 40 and gap.rstrip().endswith(",") and not PROPER_WORD.search(gap)


ROLE_WORDS = re.compile(
    r"\b(minister|ministry|governor|mayor|president|prime minister|chancellor|spokes(man|woman|person)|commander|"
    r"chief|head|adviser|advisor|aide|secretary|ambassador|envoy|prosecutor|general staff|military|army|"
    r"council|commission|court|agency|department|office|kremlin|government|parliament|police|service|"
    r"intelligence|command|regiment|battalion|brigade|forces|navy|watchdog|organisation|organization|"
    r"committee|company|operator|authorities|administration|official|officials|leader|chair|chairman|chairwoman|chairperson|director|"
    r"speaker|senator|general|monitors?|mission|institute|observers?|governments?|statement)\b", re.I)
VAGUE_SPEAKERS = re.compile(r"^(he|she|they|it|i|we|you|who|this|that|people|residents|witnesses|experts|"
                            r"analysts|sources|reports?|some|many|others|one|critics|observers|(the )?statements?|"
                            r"studies|study|surveys?|figures|data|images|footage|videos?|photos?|documents?)$", re.I)


def _newsworthy(name: str, ann: SentenceAnnotation, st: _PostState) -> bool:
    """Whose word is news by itself: a side, body or office the catalogue knows, an office named
    ('the governor'), or a person the text gives an office ('Serhiy Gaidai, the governor of ...');
    not a passer-by, a relative or a commentator quoted for colour."""
    if canonical_actor(name) is not None or ROLE_WORDS.search(name):
        return True
    text = ann.sentence.text
    if re.search(rf"\b(one|another|a)\s+{re.escape(name)}\b", text) and len(name.split()) == 1:
        return False  # "one Muscovite told a website": a passer-by asked in the street, no party
    for where in (text, *st.recent_text):
        at = where.find(name.split()[-1]) if name.split() else -1
        near = where[max(0, at - 60):at + len(name) + 80] if at >= 0 else ""
        if near and COMMENTATORS.search(near):
            return False  # an analyst's view is colour, not a party's position
        if near and ROLE_WORDS.search(near):
            return True
    return False


def _described_as_commentator(a: ActorRef, text: str) -> bool:
    """A person the sentence introduces as an analyst, an academic or a private person: "Tim Ash, a Russia
    expert at ...", "the historian Anne Applebaum", "X, a 27-year-old student", "X, 34,": colour, not a party."""
    after = re.match(r",\s+(?:an? |the )?([^,;:“\"]{0,60})", text[a.end:])
    if re.match(r",\s+\d{1,2}(,|\s+(?:and|who|whose|from)\b|\.|$)", text[a.end:]):
        return True  # "Olena Koval, 34, a nurse": a person introduced by age is a private person
    # ("Edward Lister, and Evgeny's father, Alexander": a second person joined on, not Lister's apposition)
    apposition = after is not None and not re.match(r"(and|or|but|while)\b", after.group(1))
    return bool(apposition and COLOUR_VOICE.search(after.group(1)) or
                re.search(rf"{COLOUR_VOICE.pattern}\s+$", text[max(0, a.start - 20):a.start], re.I))


COLOUR_VOICE = re.compile(r"\b(analysts?|experts?|historian|professor|lecturer|researcher|fellow|commentator|"
                          r"think ?tank|student|resident|neighbou?r|relative|photographer|wife|husband|mother|father|"
                          r"son|daughter|sister|brother|widow)\b", re.I)


def _is_commentator(name: str, st: _PostState) -> bool:
    """A voice the document introduced as an analyst or a private person, or experts no one names ("some
    western military experts"), and the catalogue does not know."""
    return bool(name.split()) and (name.split()[-1] in st.commentators or bool(UNNAMED_EXPERTS.match(name)) or
                                   bool(UNNAMED_PUNDIT.match(name))) and canonical_actor(name) is None


UNNAMED_EXPERTS = re.compile(r"(some |many |most |other |several |independent )?([a-z-]+ ){0,2}"
                             r"(experts|analysts|observers|commentators|pundits)$", re.I)
# "a military commentator on Phoenix TV" (read as "military commentator Phoenix"): a pundit no one names
UNNAMED_PUNDIT = re.compile(r"(military|political|defen[cs]e|TV) (commentator|pundit|analyst|expert|observer)"
                            r"( [A-Z][\w-]*)?$")


COMMENTATORS = re.compile(r"\b(analysts?|think ?tanks?|professor|lecturer|researcher|research director|fellow|"
                          r"expert|commentator|historian|author|university|institute|resident|relative|"
                          r"neighbou?r|student|photographer)\b", re.I)


def _names_an_act(name: str) -> bool:
    """'Recent strikes', 'The explosions': what happened, which can be evidence but never speaks."""
    known = canonical_actor(name)
    if known is not None and (known.name.lower() == name.lower() or (known.kind == "org" and all(
            w[:1].isupper() or w in ("of", "the", "for", "and") for w in name.split()))):
        return False  # "Organisation for the Prohibition of Chemical Weapons", "State Bureau of Investigations"
    return any(t.type != "statement" for t in find_triggers(name))


def _is_speaker(name: str) -> bool:
    """A party whose word makes news: a named side, person or body, or an office ('the governor')."""
    if not name or VAGUE_SPEAKERS.match(name.strip()):
        return False
    return _is_party(name) or bool(ROLE_WORDS.search(name))


def _speaker_matches(name: str, voice: tuple[str | None, int | None], ann: SentenceAnnotation) -> bool:
    """The same speaker as the post's last statement before this sentence (`voice`: its speaker and
    sentence): "Mr Trump" and "Donald Trump", or the name that follows a description ("A Liberal
    Democrat MP has warned ..." / "Mike Martin ... told")."""
    last, last_at = voice[0] or "", voice[1]
    a, b = name.lower().replace("mr ", "").strip(), last.lower()
    if a and (a in b or b in a):
        return True
    x, y = canonical_actor(name), canonical_actor(last)
    if x is not None and y is not None:
        return x.name == y.name
    described = y is None and not FULL_NAME.match(last)
    recent = last_at is not None and ann.sentence.index - last_at <= 2
    return described and recent and bool(FULL_NAME.match(name))


TERRITORY_NOUNS = {
    "town", "city", "village", "region", "territory", "territories", "area", "areas", "ground", "control", "airport",
    "base", "plant", "bridge", "island", "port", "settlement", "settlements", "district", "oblast", "province",
    "position", "positions", "hill", "heights", "airfield", "land", "part", "parts", "outskirts", "centre",
    "center", "capital", "villages", "towns", "cities", "stronghold", "hub", "outpost", "line", "lines", "bank",
    "coast", "road", "highway", "station", "border", "crossing", "mine", "factory", "works", "complex", "it",
    "camp", "camps", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "strongholds", "enclave",
    "them", "which", "that", "what", "most", "all", "rest", "half", "much", "some", "front", "frontline", "swathe",
    "swathes", "swath", "chunk", "stretch", "strip", "locality", "localities", "field", "fields", "oilfield",
    "oilfields",
}


HELD_THINGS = {"ship", "vessel", "cargo", "tanker", "freighter", "yacht", "superyacht", "aircraft", "plane", "jet",
               "goods", "asset", "shipment", "truck", "lorry", "boat", "consignment", "grain"}


SEIZABLE = HELD_THINGS | {"fund", "property", "reserve", "account", "money", "estate", "villa", "share"}


def _stands_for_a_thing(o: Token) -> bool:
    """"it"/"them" after a ship, assets or yachts named earlier in the sentence: the thing, not people."""
    return o.lower_ in ("it", "them") and bool({t.lemma_.lower() for t in o.doc[:o.i]} & SEIZABLE)


CIVIL_SEIZERS = {"customs", "police", "prosecutors", "bailiffs", "court", "courts", "treasury", "authorities"}


FIRED = re.compile(r"\b(missiles?|rockets?|drones?|shell(s|ing|ed)|artillery|bomb(s|ing|ed)?|air ?strikes?|"
                   r"cruise|kalibrs?|iskanders?|air raids?|warplanes?)\b", re.I)
ON_THE_GROUND = re.compile(r"\b(troops|positions?|invasion|invad\w+|infantry|tanks?|assault|advanc\w+|ground|offensive|"
                           r"front ?lines?|battalions?|brigades?|soldiers|forces (attack|advanc))\b", re.I)


FAR_FROM_FRONT = re.compile(r"\b(far|miles|hundreds of (miles|kilometres|km)) (away )?from ([\w’']+ ){0,2}"
                            r"front ?lines?\b", re.I)
FIGHTING = re.compile(r"\b(repel\w*|repuls\w*|fight\w*|battles?|clash\w*|street|storm\w*)\b", re.I)


def _fired_attack(tok: Token, told_before: str = "") -> bool:
    """An attack made with missiles, rockets, drones or shells ("attacked the port with cruise missiles"), with no
    ground fighting told: a strike. (An attack that killed civilians may be gunmen's: ACLED's "attack".)
    "This attack", "the attack" points back: the sentences just before (`told_before`) say how it was made."""
    text = tok.doc.text  # the sentence's own doc
    if ON_THE_GROUND.search(text):
        return False
    if FIRED.search(text):
        return True
    definite = any(c.dep_ in ("det", "poss") and (c.dep_ == "poss" or c.lower_ in ("the", "this", "that"))
                   for c in tok.children)
    return tok.pos_ == "NOUN" and definite and bool(FIRED.search(told_before)) and \
        not ON_THE_GROUND.search(told_before)


GUNMEN = re.compile(r"\b(armed men|gunm[ae]n|militants?|assailants?|attackers?|insurgents?|terrorists?)\b", re.I)
# what is hit, not fought over: a strike's targets
TARGETS = {"plant", "station", "port", "bus", "hospital", "school", "building", "depot", "airfield", "airport",
           "bridge", "factory", "refinery", "market", "centre", "center", "mall", "warehouse", "substation",
           "infrastructure", "facility", "facilities", "silo", "terminal", "university", "theatre", "block"}


def _attack_on_a_target(tok: Token, places: list[PlaceRef]) -> bool:
    """An attack whose object is a town or a facility ("attacked Odesa", "the attack on Vinnytsia", "an
    attack on the bus", "to attack the nuclear power plant") with no fighting on the ground told in the
    sentence: war reporting's "attack" on a place is a strike (a ground assault names troops or positions)."""
    text = FAR_FROM_FRONT.sub("", tok.doc.text)  # ("an attack on Vinnytsia, far from the front lines")
    if ON_THE_GROUND.search(text) or GUNMEN.search(text):
        return False  # ("armed men attacked the stock exchange": a raid by gunmen, ACLED's "attack")
    if tok.pos_ == "VERB":
        targets = [c for c in tok.children if c.dep_ == "dobj"]
    else:
        # ("Thursday's attack in Vinnytsia" too, when nothing tells of fighting there)
        preps = ("on", "against") if FIGHTING.search(text) else ("on", "against", "in")
        targets = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                   for g in c.children if g.dep_ == "pobj"]
    for t in targets:
        if t.lemma_.lower() in TARGETS:
            return True
        lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)  # the target's words
        if any(p.precision == "place" and lo <= p.start < hi for p in places):
            return True
    return False


FREED_VERBS = {"release", "free", "exchange", "swap", "return", "liberate", "rescue", "evacuate"}


SAYING_NOUNS = {"statement", "speech", "remarks", "address", "comments", "interview", "briefing"}


def _where_words_were_said(tok: Token) -> bool:
    """A gathering named as where someone spoke ("a statement made at the summit", "speaking at the
    forum"), or as whom they were told to ("telling the gathering"): the place of the words, not news of
    the gathering."""
    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() == "tell":
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "during"):
        return False
    head = tok.head.head
    if head.lemma_.lower() == "make" and head.dep_ == "acl":
        head = head.head  # "a statement made at"
    return head.lemma_.lower() in SAYING_NOUNS | syntax.SPEAKING_PARTICIPLES | syntax.REPORTING_LEMMAS


def _met_the_freed(tok: Token) -> bool:
    """Meeting people just freed or brought back is the welcome of a release, not a meeting of parties."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("meet", "greet", "welcome"):
        return False
    return any(c.dep_ == "dobj" and any(g.dep_ in ("acl", "relcl") and g.lemma_.lower() in FREED_VERBS
                                        for g in c.children) for c in tok.children)


# who makes a visit that is no meeting of parties, besides ordinary people (`ORDINARY_PEOPLE`): troops on an
# exercise, the press, onlookers
NOT_DELEGATES = {"force", "unit", "medium", "media", "journalist", "reporter", "photographer", "tourist", "we", "i",
                 "us", "fan", "expert"}


def _visit_of_no_delegates(tok: Token) -> bool:
    """'the army was visited by troops from abroad for drills', 'we and 40 other media visited the
    exercise': a visit by troops or reporters, not a meeting of parties."""
    if tok.lemma_.lower() != "visit" or tok.pos_ != "VERB":
        return False
    visitor = syntax.subject_of(tok)
    if visitor is not None and visitor.dep_ == "nsubjpass":
        visitor = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if visitor is None:
        return False
    group = [visitor, *(c for c in visitor.subtree if c.dep_ == "conj" and c.head.i == visitor.i)]
    visitors = NOT_DELEGATES | ORDINARY_PEOPLE
    return any(t.lemma_.lower() in visitors or t.lower_ in visitors for t in group)


INFO_WAR_WORDS = {"propaganda", "disinformation", "myth", "hoax"}
KIND_OF_UNIT = {"force", "helicopter", "drone", "aircraft", "submarine", "craft", "dog", "unit", "group", "boat", "jet",
                "troop", "brigade", "battalion", "team", "vehicle", "capability", "weapon", "fighter"}
WORD_TARGETS = {"decision", "plan", "remarks", "comments", "comment", "policy", "policies", "statement", "speech",
                "stance", "position", "approach", "proposal", "idea", "claim", "claims", "record", "handling"}


def _attacked_in_words(tok: Token) -> bool:
    """'Attacked Zelenskiy for comparing ...', 'attacked the decision': words against a person or a
    position, not an armed attack."""
    if tok.lemma_.lower() != "attack" or tok.pos_ != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if any(o.lower_ in WORD_TARGETS for o in objs):
        return True
    reason = any(c.dep_ == "prep" and c.lower_ == "for" and any(g.tag_ == "VBG" for g in c.children)
                 for c in tok.children)  # "for comparing ...", "for saying ..."
    return reason and any(o.ent_type_ == "PERSON" or (o.pos_ == "PROPN" and (k := canonical_actor(o.text)) is not None
                                                       and k.kind == "person") for o in objs)


def _a_means_through(tok: Token) -> bool:
    """The act (or the verb whose object the trigger is) is a means after 'through'."""
    cur = syntax.governing_verb(tok)
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return cur.tag_ == "VBG" and cur.dep_ == "pcomp" and cur.head.lower_ == "through"


CAUSE_BEFORE = re.compile(r"\b(due to|owing to|because of|in response to|as a result of)\s*$", re.I)
CAUSE_SPELLED_OUT = re.compile(r"\b(due to|owing to|because of|in response to|as a result of)\b[^;:.]*,\s*"
                               r"(in particular|particularly|including|notably|especially|such as)\s+"
                               r"((the|a|an|its|their)\s+)?$", re.I)


def _given_as_cause(tok: Token) -> bool:
    """Aid or sanctions named as why something else happens ("Moscow would widen its aims because of
    western arms deliveries"): the reason given, not news of a delivery or a measure."""
    cur = tok
    while cur.dep_ in ("appos", "conj", "compound", "amod") and cur.head.i != cur.i:
        cur = cur.head  # "arms supplies"; "..., in particular the delivery of Himars": the same reason spelled out
    text = tok.doc.text
    return bool(CAUSE_BEFORE.search(text[max(0, cur.left_edge.idx - 25):cur.left_edge.idx]) or
                CAUSE_SPELLED_OUT.search(text[max(0, tok.idx - 120):tok.idx]))


TALK_NOUNS = {"fuss", "debate", "row", "talk", "talks", "discussion", "argument", "controversy", "furore", "dispute",
              "speculation", "noise", "hype", "concern", "concerns", "questions", "wrangling"}


def _talked_of(tok: Token) -> bool:
    """Aid named as what a fuss or a debate is about ("all this fuss around deliveries of weapons", "the row
    over arms supplies"): the talk is the news, no delivery is told."""
    cur = tok
    while cur.dep_ in ("compound", "amod", "conj") and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ == "pobj" and cur.head.lower_ in ("around", "about", "over", "on") and \
        cur.head.head.lower_ in TALK_NOUNS


CONCESSION = re.compile(r"^\W*(despite|in spite of|notwithstanding)\b", re.I)


def _in_a_concession(hit: TriggerHit, text: str) -> bool:
    """An act inside an opening 'Despite ...,' phrase is what the sentence grants before its point."""
    if not CONCESSION.match(text):
        return False
    comma = text.find(",")
    return 0 <= hit.start < comma


FEAR_NOUNS = {"concern", "fear", "worry", "risk", "danger", "prospect", "possibility", "speculation", "threat",
              "spectre", "specter", "likelihood", "chance"}


def _feared(tok: Token) -> bool:
    """An act in the clause of a fear or a prospect ("concern that there would be a stop to gas
    deliveries", "fears that Moscow could cut supplies"): what may happen, not what did."""
    return any(verb.dep_ in ("acl", "ccomp") and verb.head.lemma_.lower() in FEAR_NOUNS and
               verb.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ in MAYBE_MODALS for c in verb.children)
               for verb in [tok, *tok.ancestors] if verb.pos_ in ("VERB", "AUX"))


MAYBE_MODALS = POSSIBLE_MODALS | FUTURE_MODALS | {"would"}


ABSENCE_WORDS = {"absence", "absent", "exclusion", "excluded", "ban", "banned", "barred", "missing", "boycott"}


def _kept_away_from(tok: Token) -> bool:
    """A gathering someone is absent from or barred from: what the sentence tells is the absence."""
    prep = tok.head if tok.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "from" and prep.head.lemma_.lower() in ABSENCE_WORDS


# What words or plans are "met with": a reception, not a party one meets.
RESPONSE_NOUNS = {
    "censorship", "criticism", "scepticism", "skepticism", "silence", "resistance", "derision", "outrage",
    "condemnation", "anger", "approval", "applause", "fury", "dismay", "protest", "indifference", "hostility",
    "opposition", "ridicule", "disbelief", "suspicion", "alarm", "incredulity", "contempt", "relief", "backlash",
    "cheer", "jeer", "boo", "scorn", "disdain", "concern", "reaction", "response", "rejection", "refusal",
}


def _met_with_a_response(tok: Token) -> bool:
    """'Views ... are often met with censorship', 'the plan met with scepticism': what meets words
    is how they were received."""
    if tok.lemma_.lower() != "meet":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "with" and
               any(g.dep_ == "pobj" and g.lemma_.lower() in RESPONSE_NOUNS for g in c.children)
               for c in tok.children)


REDEPLOY_VERBS = {"move", "redeploy", "transfer", "send", "shift", "relocate", "bring", "deploy"}


def _moved_on(tok: Token) -> bool:
    """A withdrawal whose units the same sentence moves on to another front ("withdrew them ... and moved them
    to X", "pulled units out to redeploy them in X")."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ == "prt" else None
    if verb is None:
        return False
    # (the parser may hang "to" of "moved them to occupied Kherson" on the participle after it)
    return any(c.dep_ in ("conj", "advcl", "xcomp") and c.lemma_.lower() in REDEPLOY_VERBS and
               any(g.lower_ in ("to", "into", "towards") for g in c.subtree if g.i <= c.i + 4)
               for c in verb.children)


def _left_no_ground(tok: Token, places: list[PlaceRef]) -> bool:
    """What a withdrawal leaves, when the text says ("from the mission", "out of the deal"), is no
    ground: a body, an accord or a mission, not a town or a line."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ == "prt" else None
    if verb is None:
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "pulling its troops from ..."
    left = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
            for g in c.children if g.dep_ == "pobj"]
    for o in left:
        if any(p.start <= o.idx < p.end for p in places) or o.ent_type_ in ("GPE", "LOC", "FAC"):
            return False
        if o.pos_ == "NOUN" and o.lower_ not in TERRITORY_NOUNS and o.lemma_.lower() not in TERRITORY_NOUNS:
            return True
    return False


AID_LAW = re.compile(r"\b(funding|aid|assistance|lend-lease|military spending)\b.*\b(bills?|laws?|legislation)\b",
                     re.I)


SUPPLY_VERBS = {"transfer", "supply", "send", "deliver", "provide", "donate", "give", "lend", "lease"}


def _deal_to_supply(hit: TriggerHit, tok: Token) -> bool:
    """An agreement whose content is handing over arms or money to a side ("the agreement to transfer
    39 vehicles to Ukraine", "a deal to supply howitzers"): what is agreed is a delivery. The agreement
    is read among the trigger's words, whose head `tok` is often the verb ("announced the agreement")."""
    nouns = [t for t in tok.doc if hit.start <= t.idx < hit.end and t.pos_ == "NOUN" and
             t.lemma_.lower() in ("agreement", "deal", "contract")]
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in SUPPLY_VERBS and
               any(g.dep_ == "dobj" for g in c.children) for n in nouns for c in n.children)


def retype_hit(hit: TriggerHit, tok: Token, places: list[PlaceRef] | None = None,
               told_before: str = "") -> TriggerHit | None:
    """Captured people are prisoners, not territory; a seized yacht is not territory either;
    'liberate them' is rhetoric, not a capture."""
    if hit.type == "prisoners" and tok.pos_ == "VERB":
        held = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if held and all(o.lemma_.lower() in HELD_THINGS or _stands_for_a_thing(o) for o in held):
            # "customs have detained a Russian cargo ship", "the ship ..., it has been detained": a ship held
            return TriggerHit("other", hit.start, hit.end, hit.text, hit.strength, hit.topical)
        return hit
    if hit.type == "clash" and re.match(r"attack", hit.text, re.I) and \
            (_fired_attack(tok, told_before) or _attack_on_a_target(tok, places or [])):
        return TriggerHit("strike", hit.start, hit.end, hit.text, hit.strength, hit.topical)
    if hit.type == "agreement" and _deal_to_supply(hit, tok):
        # "finalised the agreement to transfer 39 armoured vehicles to Ukraine": the deal is the aid
        return TriggerHit("aid", hit.start, hit.end, hit.text, hit.strength, hit.topical)
    if hit.type == "other" and AID_LAW.search(hit.text):
        # "signed the Ukraine funding bill", "passed lend-lease legislation": the law is the aid
        return TriggerHit("aid", hit.start, hit.end, hit.text, hit.strength, hit.topical)
    if hit.type == "territory.withdrawal" and _moved_on(tok):
        # "withdrew airborne groups from Donbas and moved them to Kherson": troops shifted, no ground given up
        return TriggerHit("mobilization", hit.start, hit.end, hit.text, hit.strength, hit.topical)
    if hit.type == "territory.withdrawal" and _left_no_ground(tok, places or []):
        # "pulling out its peacekeepers from the Nato-led mission": news, but a mission left, not ground
        return TriggerHit("other", hit.start, hit.end, hit.text, hit.strength, hit.topical)
    if hit.type != "territory.capture" or not re.match(r"(re)?captur|seiz|liberat|(tak|took)\w* over", hit.text,
                                                         re.I):
        return hit
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    if tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
        objs = [tok.head]  # "the funds from seized assets", "the captured paramedic"
    elif verb is None:
        return hit
    else:
        subj = syntax.subject_of(verb)
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if subj is not None and subj.dep_ == "nsubjpass":
            objs.append(subj)
        if verb.dep_ == "relcl" and any(o.lower_ in ("which", "that") for o in objs):
            objs.append(verb.head)  # "the yacht, which was seized by ...": the antecedent was seized
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if any(w.lower_ in CIVIL_SEIZERS for a in agents for w in a.subtree):
            return None  # "seized by customs officers", "by the police": property held, not ground taken
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
            objs.append(verb.head)  # "Ukrainian fighters captured in Mariupol"
        elif verb.tag_ == "VBN" and verb.i > 0 and verb.doc[verb.i - 1].lower_ in PERSON_WORDS and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children):
            objs.append(verb.doc[verb.i - 1])  # "exchanges for Russian soldiers captured and tried" (a parse slip)
        if subj is not None and subj.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children) and \
                subj.lower_ in PERSON_WORDS and subj.pos_ != "PRON":  # ("a town they recaptured": the captors)
            objs.append(subj)  # "Two volunteer soldiers captured in fighting ... have been filmed" (a parse slip)
        if verb.dep_ == "pcomp" and any(c.dep_ == "auxpass" for c in verb.children):
            main = syntax.subject_of(syntax.governing_verb(verb.head))
            if main is not None:
                objs.append(main)  # "the two men were taken into detention after being captured"
        if not objs:
            # "seize and dispose of assets": coordinated verbs share their object
            for conj in (c for c in verb.children if c.dep_ == "conj"):
                objs.extend(c for c in conj.children if c.dep_ == "dobj")
                objs.extend(g for c in conj.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj")
    for o in objs:
        if places and any(p.start <= o.idx < p.end for p in places):
            return hit  # "captured Enerhodar": a place, whatever the tagger thought
        if o.pos_ == "NOUN" and o.lower_ not in TERRITORY_NOUNS and o.lower_ not in PERSON_WORDS and \
                o.ent_type_ not in ("GPE", "LOC", "FAC"):
            return None  # "seized a superyacht", "captured the imagination"
        people = o.ent_type_ == "NORP" and o.tag_ in ("NNS", "NNPS")  # "captured Britons"
        if _stands_for_a_thing(o):
            return None  # "from freezing an oligarch's assets to seizing them": property, not people
        if o.lower_ in PERSON_WORDS or o.ent_type_ == "PERSON" or people or \
                (o.dep_ == "nsubjpass" and o.like_num):  # "Thirteen were captured"
            if hit.text.lower().startswith("liberat"):
                return None
            return TriggerHit("prisoners", hit.start, hit.end, hit.text, hit.strength, hit.topical)
        if any(t.lower_ in PERSON_WORDS or t.ent_type_ == "PERSON" for t in o.children
               if t.dep_ in ("compound", "amod", "poss", "appos")):
            if hit.text.lower().startswith("liberat"):
                return None
            return TriggerHit("prisoners", hit.start, hit.end, hit.text, hit.strength, hit.topical)
    return hit


def _choose(candidates: list[_Candidate]) -> list[_Candidate]:
    """One ground event per clause, one of each other type; statements only when nothing they govern fired."""
    chosen: list[_Candidate] = []
    seen_types: set[str] = set()
    events = [c for c in candidates if c.hit.type != "statement"]
    # one ground event per clause (the strongest, first among equals): "defending the approach to
    # X, adding that Russian forces were trying to take Y and clashes were taking place around Z"
    # tells three, each with its own verb
    best_ground: dict[int, _Candidate] = {}
    for c in events:
        if c.hit.type in GROUND:
            clause = syntax.governing_verb(c.tok).i if c.tok is not None else -1
            if clause not in best_ground or c.hit.strength > best_ground[clause].hit.strength:
                best_ground[clause] = c
    kept_ground = set(map(id, best_ground.values()))
    for c in events:
        if c.hit.type in GROUND:
            if id(c) not in kept_ground:
                continue
        elif c.hit.type in seen_types:
            continue
        seen_types.add(c.hit.type)
        chosen.append(c)
    if any(c.hit.type in ("strike", "clash", "offensive") for c in chosen):
        # "shelling hit the city, killing three": the dead belong to the strike (its quantities)
        chosen = [c for c in chosen if c.hit.type != "casualties"]
    for c in candidates:
        if c.hit.type != "statement" or c.tok is None or c.tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = syntax.subject_of(c.tok)
        if subj is None:
            continue
        # what the position is about, not when it was taken ("backed X after the pair spoke")
        governed = [e for e in chosen if e.tok is not None and syntax.in_subtree(e.tok, c.tok)
                    and not syntax.in_subtree(e.tok, subj) and not _in_adverbial(e.tok, c.tok)]
        # "warned Britons could be conscripted if war broke out": the warning is the event
        hypothetical = [e for e in governed if syntax.local_modality(e.tok) == "conditional"]
        if governed and len(hypothetical) < len(governed):
            continue
        for e in hypothetical:
            chosen.remove(e)
        # ("..., while the UN chief called for an inquiry": a second voice's words in a contrast clause)
        contrast = c.tok.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in ("while", "whereas")
                                                 for ch in c.tok.children)
        if c.tok.dep_ in ("ROOT", "ccomp", "conj") or contrast or hypothetical:
            chosen.append(c)
            break
    return chosen


def _own_clause(tok: Token, top: Token) -> bool:
    """`tok` is told in a clause of its own below `top`: a relative clause, or an adverbial clause
    with its own subject ('after missile strikes killed 23'), not a purpose ('to slow the advance')."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "relcl" or (cur.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)):
            return True
        cur = cur.head
    return False


def _in_adverbial(tok: Token, top: Token) -> bool:
    """Whether `tok` sits in an adverbial clause (when, after, because ...) or a relative clause
    ('... strikes on Kyiv, which followed his talks with Guterres') below `top`: beside the
    position, not what it says."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if (cur.dep_ == "advcl" and cur.tag_ != "VBG") or cur.dep_ == "relcl":
            return True
        cur = cur.head
    return False


def _mention(cand: _Candidate, ann: SentenceAnnotation, post: Post, st: _PostState,
             clean: CleanDocument) -> EventMention | None:
    hit, tok = cand.hit, cand.tok
    sent = ann.sentence
    status, sources, confirms = _status(hit, tok, ann, st)
    if status is None:
        return None
    place = _place(hit, ann, st, sources[0][0] if sources else None)
    date, date_weight = _date(hit, tok, ann, st)
    if status == "expected" and date is not None and st.anchor is not None and date_weight < 2 and \
            date.start < st.anchor:
        # a past day taken from the sentences before does not date what is still to come
        date, date_weight = DateRef(st.anchor, st.anchor, "day", "dct", ""), 0
    if status == "expected" and date is not None and st.anchor is not None and WEEKDAY.fullmatch(date.text.strip()) \
            and date.start < st.anchor and not _dates_the_telling(date, ann):
        # "expected a meeting on Tuesday": the Tuesday to come, not the one gone
        ahead = (st.anchor - date.start).days // 7 * 7 + 7
        date = replace(date, start=date.start + dt.timedelta(days=ahead), end=date.end + dt.timedelta(days=ahead))
    if date is not None and st.anchor is not None and date.basis == "explicit" and \
            (st.anchor - date.end).days > HISTORY_DAYS and status not in ("expected", "cancelled"):
        return None  # "captured by the Red Army in April 1945": history told as background, not news
    if date is not None and date_weight == 3 and st.anchor is not None and tok is not None and \
            syntax.governing_verb(tok).dep_ == "relcl" and (st.anchor - date.end).days > RELCL_HISTORY_DAYS:
        return None  # "a village head who had been kidnapped on 10 March" (in June): who he is, not news
    actors = _actors(hit, tok, ann, sources, st)
    mention = EventMention(
        type=hit.type, status=status, summary="",
        evidence=Evidence(document=clean.document.doc_id, post=post.post_id, text=sent.text,
                          start=sent.start, end=sent.end),
        date=date, location=place, actors=actors, sources=sources,
        quantities=find_quantities(sent.text), trigger=hit.text, confirms=confirms,
        published=sent.published or clean.document.published, date_weight=date_weight,
    )
    mention.summary = summaries.summarise(mention, post)
    if (hit.type == "meeting" or (hit.type == "other" and re.match(r"summon", hit.text, re.I))) and \
            place is not None and status != "expected":
        st.meeting_place = place  # "he told a press conference after the meeting": there (or the summons)
    return mention


def _status(hit: TriggerHit, tok: Token, ann: SentenceAnnotation,
            st: _PostState) -> tuple[str | None, list[tuple[str, str]], bool]:
    """Status and sources of one mention (SPEC section 3)."""
    sources: list[tuple[str, str]] = []
    confirms = False
    for a in _governing_attributions(tok, ann):
        if _byline(a, ann):
            continue  # "..., business reporter Joanna Partridge writes": who wrote the story, not a source
        pair = (_source_name(a.speaker, st, ann), a.stance)
        if pair[0] and pair not in sources:
            sources.append(pair)
        confirms = confirms or (a.confirms and a.stance == "asserts")
    if not sources and (quoted := _quoted_speaker(ann, st)) is not None:
        sources.append((quoted, "asserts"))
    if hit.type == "statement":
        speaker = _statement_speaker(tok, ann, st)
        speaker = _source_name(speaker, st, ann) if speaker else speaker  # the office's holder, as above
        if speaker and (_names_an_act(speaker) or not _is_speaker(speaker)):
            # "Recent strikes suggest ...", "The statements suggest ...": evidence, not a speaker
            # (the reporting verb's speaker, if any, stands)
            speaker = None
        if tok is not None and _in_quoted_words(tok.idx, ann.sentence.text) and not _attributions_outside_quotes(ann):
            # '... Here the UK strongly supports the talks.”' closing a quote: the quoted person's words about
            # the UK, not the UK's; whose they are, if the quote's speaker was named just before
            voice = st.last_speaker if st.last_speaker is not None and \
                0 < ann.sentence.index - st.last_speaker[1] <= QUOTE_VOICE_SENTENCES else None
            if voice is None:
                return None, [], False
            speaker, sources = voice[0], [s for s in sources if s[0] == voice[0]]
        if speaker:
            # the one taking the position comes first ("Haidai said Russia had said ...": Haidai's words)
            held = next((s for s in sources if s[0] == speaker), (speaker, "asserts"))
            sources = [held] + [s for s in sources if s[0] != speaker and not _same_pronoun(s[0], tok, ann, st)]
        rep = syntax.reporting_head(tok) if tok is not None else None
        outlet = syntax.subject_of(rep) if rep is not None else None
        outlet_name = _named(outlet, ann) if outlet is not None and outlet.pos_ != "PRON" else None
        if outlet_name and is_outlet_name(outlet_name) and \
                not any(speaker_identity(s[0]) == speaker_identity(outlet_name) for s in sources):
            sources.append((outlet_name, "asserts"))  # "officials denounced it, AFP reported": who passed it on
        if not sources:
            return None, [], False  # a position with nobody holding it is not an event
        if tok is not None and tok.pos_ == "VERB" and tok.dep_ != "ROOT" and \
                syntax.local_modality(tok) == "conditional":
            return None, [], False  # "victory there would let Moscow claim the province": words not said
        st.statement_speaker = sources[0][0]
        st.statement_at = ann.sentence.index
        # "X claimed that ...": the reporter marks the words as one side's claim
        status = "claimed" if tok is not None and tok.lemma_ == "claim" and tok.pos_ == "VERB" else "reported"
        kept = sources[:1]
        for s in sources[1:]:
            if s[1] == "denies" or (is_outlet_name(s[0]) and
                                    all(speaker_identity(s[0]) != speaker_identity(k[0]) for k in kept)):
                kept.append(s)
        return status, kept, False
    modality = syntax.local_modality(tok) if tok is not None else None
    if hit.type == "territory.capture" and tok is not None and \
            (verb := syntax.governing_verb(tok)).dep_ == "xcomp" and verb.head.lemma_.lower() == "decide":
        modality = "expected"  # "Russian forces have decided to seize the plant through ground assault": the aim
    if modality is None and ann.modality == "cancelled":
        modality = "cancelled"
    if modality == "cancelled" and hit.type not in PARTICIPANT_KINDS:
        modality = None  # "Gazprom has suspended gas supplies": the suspension is what happened
    if modality == "cancelled":
        return "cancelled", sources, False
    if modality == "expected":
        return "expected", sources, False
    if modality == "conditional":
        return None, sources, False  # "Britons could be conscripted if ...": not an event
    if re.match(r"claim", hit.text, re.I) and tok is not None:
        subj = syntax.subject_of(syntax.governing_verb(tok))
        if subj is not None and subj.pos_ != "PRON":
            name = _named(subj, ann)
            if name and (name, "asserts") not in sources:
                sources.insert(0, (name, "asserts"))
    if sources and DISOWNED.search(ann.sentence.text[:hit.start]):
        # "the Russians told us they had absolutely nothing to do with this attack": a denial
        sources = [(name, "denies") for name, _stance in sources]
    deniers = [s for s in sources if s[1] == "denies"]
    asserters = [s for s in sources if s[1] == "asserts"]
    if deniers and asserters:
        return "contested", sources, confirms
    if deniers:
        return "denied", sources, confirms
    if hit.type == "territory.withdrawal" and tok is not None and any(_own_retreat(tok, n, ann) for n, _ in asserters):
        confirms = True  # "Haidai said: 'Our defenders had to withdraw'": the side that pulled out says so
    if confirms:
        return "confirmed", sources, True
    if asserters and (hit.type in MILITARY or hit.type == "mobilization") and \
            any(_is_party(name) and not is_outlet_name(name) for name, _ in asserters):
        return "claimed", sources, False
    return "reported", sources, False


LOCAL_VOICE = re.compile(r"\b(governor|mayor|regional|military administration|general staff|army|armed forces)\b", re.I)


def _voice_side(name: str, ann: SentenceAnnotation) -> str | None:
    """The warring side a source speaks for (`war_side`), or for a governor or an army named without a
    country, the side whose land the sentence is in."""
    side = war_side(name, ann.sentence.text)
    if side is None and LOCAL_VOICE.search(name) and any(p.country == "UA" for p in ann.places):
        return "UA"
    return side


def _own_retreat(tok: Token, source: str, ann: SentenceAnnotation) -> bool:
    """A withdrawal told by the side that withdrew ("Our defenders had to withdraw", "Ukraine said it had
    retreated", "the governor said Ukrainian soldiers had abandoned X"): the party it concerns owns it."""
    side = _voice_side(source, ann)
    verb = syntax.governing_verb(tok)
    subj = syntax.subject_of(verb)
    if side is None or subj is None:
        return False
    words = {t.lower_ for t in subj.subtree}
    if words & {"we", "our"}:
        return True
    if subj.lower_ == "it" and verb.dep_ == "ccomp":
        said = syntax.subject_of(verb.head)  # "Ukraine said it had retreated": it is the speaker
        return said is not None and said.pos_ != "PRON" and _voice_side(said.text, ann) == side
    return war_side(" ".join(t.text for t in subj.subtree)) == side  # "Ukrainian soldiers had abandoned X"


# the act right after these words is one the speaker disowns
DISOWNED = re.compile(r"\b(nothing to do with|no (part|role|involvement) in|(was|were|is|are|had been) not "
                      r"(involved in|responsible for|behind))\s+((the|this|that|these|those|an?|any)\s+)?"
                      r"([\w’'-]+\s+){0,2}$", re.I)


def _quoted_attribution(a, ann: SentenceAnnotation) -> bool:
    """Whether an attribution's reporting word stands inside quotation marks: words the quoted
    speaker uses ('"... Biden said, No ..."'), not the report's own attribution."""
    text = ann.sentence.text
    word = a.cue.split()[0] if a.cue else ""
    if not word or text.lstrip()[:1] not in OPEN_QUOTES:
        return False
    at = text.find(word)
    if at < 0:
        return False
    before = text[:at]
    return before.count("“") - before.count("”") > 0 or before.count('"') % 2 == 1


def _bare_quote(ann: SentenceAnnotation) -> bool:
    text = ann.sentence.text.lstrip()
    return bool(text) and text[0] in OPEN_QUOTES and not ann.attributions


def _quoted_speaker(ann: SentenceAnnotation, st: _PostState) -> str | None:
    """Who speaks a quote that stands alone right after their words: 'X said on Telegram. "Three
    people were killed."' is X's."""
    if st.last_speaker is None or not _bare_quote(ann) or st.last_speaker[1] != ann.sentence.index - 1:
        return None
    return st.last_speaker[0]


def _note_speaker(ann: SentenceAnnotation, st: _PostState) -> None:
    said = next((a for a in ann.attributions if a.stance == "asserts"), None)
    if said is not None:
        st.last_speaker = (_source_name(said.speaker, st, ann), ann.sentence.index)
    elif (name := _quoted_speaker(ann, st)) is not None:
        st.last_speaker = (name, ann.sentence.index)  # a quote running over several sentences


def _governing_attributions(tok: Token | None, ann: SentenceAnnotation) -> list:
    """The attributions whose reporting word governs this trigger; 'Kyiv said it was clinging on
    to a town that Russia claims to have captured' makes Russia, not Kyiv, the capture's source."""
    if tok is None or not ann.attributions:
        return list(ann.attributions)
    doc = ann.doc
    where = {}
    for n, a in enumerate(ann.attributions):
        word = a.cue.split()[0].lower() if a.cue else ""
        where[n] = {t.i for t in doc if t.lower_ == word}
    cues = syntax.governing_cues(tok, set().union(*where.values()))
    out = []
    for n, a in enumerate(ann.attributions):
        if where[n] and cues is None and all(_in_a_clause_below(doc[i], tok) for i in where[n]):
            continue  # "attacks on parts of the country that Moscow has admitted it cannot capture"
        if where[n] and cues is None and all(_in_a_clause_elsewhere(doc[i], tok) for i in where[n]):
            continue  # "detained for posting a video in which they said ...": what the video said
        if not where[n] or cues is None or where[n] & cues:
            out.append(a)  # said in another sentence, "according to", or the governing cue
    if not out:
        # "the governor said three people had died after shells hit a building": a main-clause
        # reporting verb vouches for everything its sentence tells
        out = [a for n, a in enumerate(ann.attributions) if any(doc[i].dep_ == "ROOT" for i in where[n])]
    # "Lavrov, meeting the UN chief in Moscow, dismissed ...": the speaker's own act, told in the
    # subject of the reporting verb, is not what they dismiss
    return [a for n, a in enumerate(ann.attributions) if a in out and not any(
        _in_subject_of(tok, doc[i]) for i in where[n])]


def _in_a_clause_below(cue: Token, tok: Token) -> bool:
    """The reporting word sits in a relative clause inside the trigger's own phrase: it tells
    something about a thing the act concerns, not the act."""
    if cue.i == tok.i or not syntax.in_subtree(cue, tok):
        return False
    return any(a.dep_ == "relcl" and any(c.lower_ in ("that", "which", "who", "whom") for c in a.children)
               for a in [cue, *cue.ancestors] if a.i != tok.i and syntax.in_subtree(a, tok))


def _in_a_clause_elsewhere(cue: Token, tok: Token) -> bool:
    """The reporting word sits in a relative clause on another noun, apart from the trigger ("a video in
    which they said ..."): it tells what that thing says, not who vouches for the act."""
    for a in [cue, *cue.ancestors]:
        if a.dep_ == "relcl":
            # ("in which they said", not "which Russia said took place": a medium's content)
            content = any(c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) for c in a.children)
            return content and not syntax.in_subtree(tok, a) and not syntax.in_subtree(a, tok)
    return False


def _in_subject_of(tok: Token, verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and syntax.in_subtree(tok, c) for c in verb.children)


def _is_party(name: str) -> bool:
    """A named side or person (not 'officials', 'reports' or 'the family')."""
    actor = canonical_actor(name)
    if actor is not None:
        return True
    # a capital that only opens the phrase ("Recent strikes") is the sentence's, not a name's
    words = name.split()
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and name[:1].isupper())


def _source_name(speaker: str, st: _PostState, ann: SentenceAnnotation | None = None) -> str:
    """The source as the text names it; a pronoun is the person named last, and an office with
    the holder's name beside it ('the city's mayor, Oleksandr Striuk,') is that person."""
    if speaker.lower() in ("he", "she", "i") and st.persons:
        return st.he()
    if ann is None:
        return speaker
    if re.sub(r"^the ", "", speaker.lower()) in MEDIUM_NOUNS and st.last_speaker is not None and \
            0 < ann.sentence.index - st.last_speaker[1] <= 3 and \
            re.sub(r"^the ", "", st.last_speaker[0].lower()) not in MEDIUM_NOUNS:
        return st.last_speaker[0]  # "the outlet said" after "according to a New York Times investigation"
    bare = re.sub(r"^the ", "", speaker.lower())
    if bare in ("agency", "news agency") and (outlet := _outlet_named_before(ann, st)) is not None:
        return outlet  # "Podolyak was speaking with Reuters ..., the agency said": Reuters
    if re.fullmatch(rf"(?:{'|'.join(BARE_BODIES)}) of (?:the )?[a-z]+", bare) and st.last_speaker is not None and \
            0 < ann.sentence.index - st.last_speaker[1] <= 2 and st.last_speaker[0].lower().endswith(bare) and \
            len(st.last_speaker[0]) > len(bare):
        return st.last_speaker[0]  # "the ministry of health said" after "..., the country's ministry of health said"
    if re.fullmatch(r"(?:[a-z]+ ){0,2}[a-z]+", bare) and bare.split()[-1] in BARE_BODIES and \
            (named := _body_named_before(bare, st)) is not None:
        # "the ministry added", "the defence ministry also said" after "Russia's defence ministry said"
        return named
    if re.sub(r"^(regional|city|local) ", "", bare) in BARE_OFFICES and \
            (holder := _office_holder_named_before(bare.split()[-1], ann, st)) is not None:
        return holder  # "the governor said" after "Serhiy Haidai, the governor of Luhansk, said": Haidai
    if not PROPER_WORD.search(speaker):
        holder = next((a for a in ann.actors if a.text == speaker and a.kind == "person"), None)
        if holder is not None:
            return holder.name  # "the Turkish president" in 2025 is Recep Tayyip Erdogan
        body = next((a for a in ann.actors if a.kind == "org" and a.actor_id and
                     not any(w[:1].isupper() for w in re.sub(r"^the ", "", speaker, flags=re.I).split()) and
                     re.sub(r"^the ", "", speaker, flags=re.I) == a.text), None)
        if body is not None:
            return body.name  # "the world's chemical weapons watchdog": the OPCW, as the catalogue names it
    holder = next((a for a in ann.actors if a.text == speaker and a.kind == "person"), None)
    if holder is not None:
        # "the Russian foreign minister" that the catalogue resolved is Sergei Lavrov; a name stays as written
        office = any(w.isalpha() and w.islower() for w in speaker.split())
        return holder.name if office and FULL_NAME.match(holder.name) else speaker
    text = ann.sentence.text
    at = text.find(speaker)
    if at >= 0:
        end = at + len(speaker)
        for a in ann.actors:
            if a.kind not in ("state", "force") and 0 <= a.start - end <= 3 and \
                    text[end:a.start].strip() in (",", "") and PROPER_WORD.search(a.text) and \
                    not _subject_of_the_news(a, ann):
                return a.text  # "the head of the European Commission, Ursula von der Leyen,"
    if re.match(r"(the )?country[’']s .*\b(ministry|minister|government|army|military|president)\b", speaker,
                re.I) and (at := text.lower().find(speaker.lower())) > 0:
        # "Finland will supply weapons to Ukraine, the country's government said": the state the sentence
        # opens with ("Rolls-Royce Germany has provided generators to Ukraine": not a word of a firm's name)
        state = next((a for a in ann.actors if a.kind == "state" and a.end <= at and a.country and
                      not _part_of_a_name(a, ann) and not is_demonym(a.text)), None)  # (not "a Swiss firm")
        if state is not None:
            return f"{state.name}’s {COUNTRYS.sub('', speaker)}"
    if re.match(r"(its|their) .*\b(ministry|minister|government|army|military|president)\b", speaker, re.I):
        # "Its defence ministry described the photos as staged" after a sentence about Russia; "Russia has
        # banned ..., its foreign ministry said": the state the sentence (else the one before) opens with
        at = text.lower().find(speaker.lower())
        opens = at == 0  # the sentence opens with it: the state is the one the sentence before told of
        where = (st.recent_text[-2] if len(st.recent_text) > 1 else "") if opens else text[:max(0, at)]
        first = re.search(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?", where)
        state = canonical_actor(first.group(0)) if first else None
        if state is not None and state.kind == "state":
            return f"{state.name}’s {speaker.split(' ', 1)[1]}"
    return speaker


COUNTRYS = re.compile(r"^(the )?country[’']s ", re.I)
NOT_IN_A_NAME = {"the", "a", "an", "to", "by", "with", "for", "in", "on", "at", "told", "tells", "said", "says",
                 "asked", "from", "as", "that", "this", "his", "her", "its", "their", "and"}
BARE_BODIES = {"ministry", "agency", "department", "institute", "commission", "committee", "command"}


@lru_cache(maxsize=64)
def _body_naming(noun: str) -> re.Pattern:
    """How a body of that kind is named in full: "Russia's defence ministry", "the Ministry of Defence"."""
    return re.compile(rf"\b[A-Z][\w’'-]*(?:[’']s)?(?: [a-z]+){{0,2}} {noun}(?: of (?:the )?[A-Z][\w’'-]*)?\b|"
                      rf"\b{noun} of (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*", re.I)


BARE_OFFICES = {"governor", "mayor", "prosecutor", "commander", "spokesperson", "spokesman", "spokeswoman"}


def _office_holder_named_before(office: str, ann: SentenceAnnotation, st: _PostState) -> str | None:
    """The person a recent sentence gives that office ("Serhiy Haidai, the Ukrainian governor of
    Luhansk", "Mykolaiv's mayor, Oleksandr Senkevych"), for a bare "the governor" that speaks: told in
    this paragraph, or followed by name since ("Haidai repeated the claim. ..., the governor said");
    a governor of another story in a digest is not this one."""
    at_office = ann.sentence.text.lower().find(office)
    here = ann.sentence.text[:at_office] if at_office >= 0 else ""
    window = [*st.recent_text[-4:-1], here]
    paragraph = len(window) - min(st.sentences_in_paragraph, len(window))  # where this paragraph begins
    for at in range(len(window) - 1, -1, -1):
        held = [p for p in st.persons if p.text in window[at] and re.search(
            rf"{re.escape(p.text)},? (?:the |a |an )?(?:[\w’'-]+ ){{0,3}}{office}\b|"
            rf"\b{office}(?: of [A-Z][\w’'-]+)?,? {re.escape(p.text)}\b", window[at])]
        since = " ".join(window[at + 1:])
        held = [p for p in held if at >= paragraph or p.name.split()[-1] in since]
        if held:
            return max(held, key=lambda p: len(p.name.split())).name  # (the full name, not a surname told after)
    return None


def _part_of_a_name(a: ActorRef, ann: SentenceAnnotation) -> bool:
    """A state's name right after a proper noun ("Rolls-Royce Germany"): a word of a firm's name."""
    if ann.doc is None:
        return False
    span = ann.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = ann.doc[span.start - 1]  # ("Meanwhile Finland ...": the tagger may call an opening adverb a name)
    return before.pos_ == "PROPN" and before.lower_ not in ("meanwhile", "separately", "elsewhere", "earlier")


def _subject_of_the_news(a: ActorRef, ann: SentenceAnnotation) -> bool:
    """A name after a speaker that the sentence goes on to tell of ("According to a report by the Bureau
    of Investigations, Volodymyr S. is suspected of ..."): what is said is about them, they do not speak."""
    span = ann.doc.char_span(a.start, a.end, alignment_mode="expand") if ann.doc is not None else None
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() not in syntax.REPORTING_LEMMAS and \
        not re.match(r"\s*[,)–—]", ann.sentence.text[a.end:])


def _outlet_named_before(ann: SentenceAnnotation, st: _PostState) -> str | None:
    """The news agency this sentence or a recent one names, for a bare "the agency" that speaks."""
    for a in reversed(ann.actors):
        if a.kind == "org" and is_media(a.actor_id):
            return a.text
    for text in reversed(st.recent_text[-4:-1]):
        for found in reversed(re.findall(r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}", text)):
            if is_outlet_name(found):
                return found
    return None


def _body_named_before(noun: str, st: _PostState) -> str | None:
    """The body of that kind a recent sentence names in full, for a bare "the ministry" that speaks after it."""
    named = _body_naming(noun)
    for text in reversed(st.recent_text[-4:-1]):
        # ("The Russian defence ministry claimed ...": the name without its article)
        found = [re.sub(r"^(the|a|an) ", "", m.group(0), flags=re.I) for m in named.finditer(text)]
        found = [f for f in found if (f[:1].isupper() or f[:4].lower() == noun[:4]) and
                 not set(f.lower().split()[:-1]) & NOT_IN_A_NAME]
        if found:
            return found[-1]
    return None


PROPER_WORD = re.compile(r"(^|\s)[A-Z][a-z]+(\s|$)")
POSSESSIVE_WORD = re.compile(r"(^|\s)[A-Z][a-z]+['’]s\s")


_QUOTE_CLOSE = re.compile(r"[”\"]")


UNNAMED_SOME = {"some", "many", "others", "few", "most"}  # ("some of the officials" names whom)


def _same_pronoun(name: str, tok: Token | None, ann: SentenceAnnotation, st: _PostState) -> bool:
    """'He said ...' read once by the attribution layer (the person named last in the sentence
    before: Putin, in "he had sought close ties with Putin") and once here from the post's thread
    (Orban): one pronoun is one speaker, and the thread of the post knows it better."""
    if tok is None or len(st.recent_text) < 2:
        return False
    subj = syntax.subject_of(tok)
    if subj is None or subj.lower_ not in ("he", "she"):
        return False
    before = st.recent_text[-2]
    # the thread runs on: the sentence before told of "he" too, or was the rest of a quotation
    chained = re.match(rf"^(?:[^,“”]*, )?{subj.lower_} \w+", before, re.I) is not None
    quoted = "”" in before and "“" not in before.split("”")[0]
    if not (chained or quoted):
        return False
    return any(a.cue and a.cue.split()[0].lower() == tok.lower_ and _source_name(a.speaker, st, ann) == name
               for a in ann.attributions)


def _statement_speaker(tok: Token | None, ann: SentenceAnnotation, st: _PostState) -> str | None:
    """Who takes the position: the stance verb's subject, with pronouns followed back."""
    if tok is None:
        return None
    subj = syntax.subject_of(tok)
    if subj is None or subj.lower_ in syntax.GENERIC_SUBJECTS or \
            (subj.lower_ in UNNAMED_SOME and not any(c.dep_ == "prep" for c in subj.children)):
        return None  # "anyone who watched the meeting will understand", "some claim": nobody in particular
    if subj.dep_ == "nsubjpass":
        # "X has been accused of glorifying war": X is who the words are about; the speaker, if any,
        # is the agent ("by Y")
        agent = next((g for c in subj.head.children if c.dep_ == "agent" for g in c.children
                      if g.dep_ == "pobj"), None)
        return _named(agent, ann) if agent is not None and agent.pos_ != "PRON" else None
    # "Donald Trump says he sympathises", "Zelensky has said Ukraine will never recognise":
    # the position is the reporting speaker's
    rep = syntax.reporting_head(tok)
    rep_subj = syntax.subject_of(rep) if rep is not None else None
    reporter = _named(rep_subj, ann) if rep_subj is not None and rep_subj.pos_ != "PRON" else None
    if reporter is None and rep_subj is not None and rep is not None and rep.i != tok.i and \
            rep_subj.lower_ in ("he", "she"):
        # 'He said: "German officials are accusing Russia ..."': the one quoted takes the position,
        # as the attribution layer named him, not the officials he quotes
        reporter = next((a.speaker for a in ann.attributions if a.speaker and a.cue and
                         a.cue.split()[0].lower() == rep.lower_ and a.speaker.lower() not in PERSONAL), None)
    passed_on = reporter is not None and is_outlet_name(reporter) and subj is not rep_subj
    if reporter is not None and not (passed_on and subj.pos_ == "PRON"):
        # "officials have condemned the call, AFP reported": an outlet passes on the officials' stance
        # ("... and he called for sanctions, Reuters reports": "he" is followed back below)
        if not passed_on:
            return reporter
        said = ann.doc.text[subj.left_edge.idx:subj.right_edge.idx + len(subj.right_edge)]
        return next((a.speaker for a in ann.attributions if a.speaker and a.speaker in said), None) or \
            _named(subj, ann)
    if subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return _named(tok.head, ann)  # "leading Greens in the coalition, who argue it is needed": the Greens
    if subj.pos_ == "PRON":
        personal = subj.lower_ in ("he", "she", "i")
        text = ann.sentence.text
        here = [a.speaker for a in ann.attributions if a.speaker and a.speaker.lower() not in PERSONAL and
                a.speaker.lower() not in SKIP_SUBJECTS and
                0 <= text.find(a.speaker) < subj.idx - subj.sent.start_char]
        if personal and here:
            return here[0]  # "Skibitsky said ..., but he stressed ...": the speaker named before in the sentence
        if personal and text.lstrip()[:1] not in "“\"" and _QUOTE_CLOSE.search(text[:subj.idx - subj.sent.start_char]):
            # '... we both know nothing,” she said' after a quote run over several sentences: who spoke before
            # the quotation opened (the attribution layer's answer), not a name inside the quotation
            before = next((a.speaker for a in ann.attributions if a.speaker and a.cue and
                           a.cue.split()[0].lower() == tok.lower_ and a.speaker.lower() not in PERSONAL), None)
            if before:
                return before
        earlier = st.earlier_subject(ann.sentence.index)
        if personal and st.statement_speaker and earlier is not None and st.statement_at is not None and \
                earlier[1] > st.statement_at:
            return earlier[0]  # "Zelenskiy visited Mykolaiv. He insisted ...": the person named since the last words
        told = next((a.speaker for a in ann.attributions if a.speaker and a.cue and
                     a.cue.split()[0].lower() == tok.lower_), None)
        if subj.lower_ == "it" and told and told.lower() not in PERSONAL:
            return told  # "The UK's defence ministry raised concerns ... It says ...": the body, not the last voice
        if st.statement_speaker and not (personal and st.persons and _a_body(st.statement_speaker)):
            return st.statement_speaker
        if personal and told and st.last_speaker is not None and st.last_speaker[1] == ann.sentence.index - 1 \
                and _source_name(told, st, ann) == st.last_speaker[0]:
            return st.last_speaker[0]  # "..., according to a military adviser. He added ...": that adviser
        if personal and st.persons:
            return st.he()  # "he said" after a watchdog's words and a mayor named since: the mayor
        return None
    return _named(subj, ann)


def _a_body(name: str) -> bool:
    """A speaker the catalogue knows as an organisation or a state, not a person ('he' is not it)."""
    known = canonical_actor(name)
    return known is not None and known.kind != "person"


def _named(subj: Token, ann: SentenceAnnotation) -> str:
    """The catalogue name when the subject's head word is a known actor, else the noun phrase
    ('Vladimir Putin's former advisor' is not Vladimir Putin)."""
    offset = subj.idx - subj.sent.start_char if subj.sent is not None else subj.idx
    for actor in ann.actors:
        if actor.start <= offset < actor.end:
            # as named in the text ("Moscow", "Zelenskiy"), SPEC section 3; an office by its holder
            named = PROPER_WORD.search(actor.text) or (actor.kind != "person" and POSSESSIVE_WORD.search(actor.text))
            # an office stands for its holder ("Russia's foreign minister" -> Sergei Lavrov); a body
            # keeps the words the text names it by ("Ukraine's defence ministry")
            return without_day(actor.text) if named else actor.name
    # "Serhai Haidai, Ukraine's governor of Luhansk, has called": a name set off by a comma before
    # the office the parser made the subject is the one who speaks
    first = subj.left_edge.idx - (subj.sent.start_char if subj.sent is not None else 0)
    people = [a for a in ann.actors if a.kind == "person" and first <= a.start < offset and
              "," in ann.sentence.text[a.end:offset]]
    if len(people) == 1:
        return without_day(people[0].text)
    return without_day(_span_text(subj))


OFFICE_PREPS = {"of", "for", "from", "to", "at"}
OFFICE_HEADS = {"spokesperson", "spokesman", "spokeswoman", "minister", "official", "adviser", "advisor",
                "representative", "head", "chief", "member", "secretary", "director", "commissioner", "aide",
                "statement", "envoy"}


def _span_text(tok: Token) -> str:
    """The noun phrase of a subject, without leading articles or trailing appositions."""
    ent = next((e for e in tok.doc.ents if e.label_ == "ORG" and e.start <= tok.i < e.end and e.end - e.start > 2),
               None)
    if ent is not None:
        # a body's name as written ("Centre for Strategic Communications and Information Security")
        start = min(tok.left_edge.i, ent.start)
        while start < ent.start and tok.doc[start].dep_ in ("det", "punct"):
            start += 1
        return re.sub(r"^(the|a|an) ", "", tok.doc[start:ent.end].text, flags=re.I).strip()
    # (nor a second party joined by "and": "Russian media outlets and pro-Kremlin channels" names two)
    # (nor a clause the parser hung on the noun: "Speaking at the forum, this year's chair ...")
    words = [t for t in tok.subtree if t.dep_ not in ("appos", "punct", "relcl", "acl", "conj", "cc", "advcl") and
             not any(a.dep_ in ("appos", "relcl", "acl", "conj", "advcl") for a in t.ancestors
                     if syntax.in_subtree(a, tok) and a.i != tok.i)]
    # "the spokesperson for Shell", "an official from the government of X", "an adviser to Y": the office's
    # phrase is part of its name (else "minister for economic affairs" reads "minister economic")
    preps = OFFICE_PREPS if tok.lemma_.lower() in OFFICE_HEADS else {"of"}
    of_phrase = {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for t in c.subtree}
    kept = [t for t in words if t.i <= tok.i or t.dep_ in ("compound", "poss", "case") or t.i in of_phrase]
    ids = {t.i for t in kept}
    kept = [t for t in tok.subtree if t.i in ids or (t.text == "-" and t.i - 1 in ids and t.i + 1 in ids)]
    # as written ("pro-Kremlin", not "pro - Kremlin"), with a space where a dropped comma stood
    text = "".join(t.text + (t.whitespace_ if n + 1 < len(kept) and kept[n + 1].i == t.i + 1 else " ")
                   for n, t in enumerate(kept))
    text = re.sub(r"\s+", " ", text).strip()
    text = re.split(r" [-–—] ", text)[0]  # "Andriy Zagorodnyuk - Ukraine's former defence minister": the name
    text = re.sub(r"^(the|a|an) ", "", text, flags=re.I)
    return re.sub(r" (['’]s)\b", r"\1", text).strip()


LOCATIVE = re.compile(r"\b(in|into|inside|across|throughout|near|from|to|over|on|at|of|outside|around)\s+(the\s+)?$",
                      re.I)
TOWARDS = re.compile(r"\btowards?\s+(the\s+)?$", re.I)
# Prepositions that put something somewhere ("in", "near"), not those that only relate ("of", "on").
STRONG_LOCATIVE = re.compile(r"\b(in|into|inside|across|throughout|near|from|to|at|outside|around|(town|city|village|"
                             r"port|region|settlement|district|capital|province|oblast|resort|enclave|exclave|suburb|"
                             r"island) of)\s+(the\s+)?$", re.I)
# "in Ethiopia's capital, Addis Ababa": a town named in apposition to where something happened
APPOSED_TOWN = re.compile(r"\b(in|at|near|outside)\s+(the\s+)?([\w’'-]+\s+){0,3}(capital|city|town|port),\s+$",
                          re.I)
ORG_BASED = re.compile(r"^-based ([\w’'-]+ ){0,3}(groups?|organi[sz]ations?|agency|think ?-?tanks?|institutes?|"
                       r"company|firm|outlets?|newspapers?|charity|ngos?|monitors?|watchdogs?|networks?|centres?|"
                       r"centers?|banks?|funds?|trusts?|holdings?|broadcasters?)\b", re.I)
KIN_AFTER = re.compile(r"^[’']s (mother|father|wife|husband|son|daughter|brother|sister|widow|parents|"
                       r"children|grandmother|grandfather|lawyer)\b")
# "the Moscow-appointed head", "a Kremlin-backed party": who appointed or backs someone, not where it happened
PATRON_AFTER = re.compile(r"^-(appointed|installed|backed|controlled|aligned|friendly|leaning|allied|imposed|"
                          r"sponsored|led|supported|funded|run|organi[sz]ed|loyal)\b", re.I)
EPITHET = re.compile(r",\s+the (city|town|port|village) of\s+$", re.I)
# "shareholders in Voi", "a stake in Meta": a company owned, not a town (the word after "in" is no place)
CAPITAL_AFTER = re.compile(r"(['’]s)?\s+capital\b")  # "Iran's capital", "the Ukrainian capital"
FIRM_NOUNS = (r"(?:insurer|broker|firm|company|bank|lender|brand|retailer|carmaker|airline|manufacturer|supplier|"
              r"producer|exporter|shipper|conglomerate|start-?up)")
FIRM_NAME = re.compile(rf"\b{FIRM_NOUNS}\s+([A-Z][\w’'-]+)")  # "the insurer Ascot": Ascot is the firm
STAKE_IN = re.compile(r"\b(share(holder|holding)s?|stakes?|shares|investors?|invest(ed|ing|ments?)?|holdings?|"
                      r"ownership) in\s+$", re.I)
PRECISION_RANK = {"place": 0, "admin1": 1, "country": 2}
OFFICE_OF_PLACE = re.compile(r"^[’']s (regional |military |city |local )?(governor|mayor|authorities|administration|"
                             r"officials|police|council|head)\b", re.I)
# "the Azovstal plant": the site, not its company
SITE_AFTER = re.compile(r"^\s+(nuclear |steel |power |chemical )?(" + "|".join(sorted(SITE_HEADS)) + r")\b", re.I)
HOMETOWN = re.compile(r"(\b[A-Z][a-z]+ (?:[A-Z][a-z]+ )?|\b\d+, (both |all )?|\b(both|all|originally|hails) |"
                      r"\b(father|mother|parent) of (two|three|four|five|six|\d+) )(of|from) $")
CONSTITUENCY = re.compile(r"\b(MPs?|MEPs?|MSPs?|members?|senators?|congress(wo)?man|representatives?) for (the )?$")
WORD_FROM = re.compile(r"\b(assurances?|messages?|word|orders?|requests?|response|reply|signals?|pressure|"
                       r"letters?|guarantees?|approval|permission|demands?|instructions?|envoys?|delegation|"
                       r"diplomats?|officials|go-ahead|backing|support|news)\s+from\s+$", re.I)
NAMED_UNIT = re.compile(r"^[’'”\"]?s? ?(regiment|battalion|brigade|movement|unit|group|party|independent|times|post|"
                        r"news|agency|airlines?|university|club|fc|sea|stream|pipeline|exercises?|drills?|"
                        r"manoeuvres|maneuvers)\b", re.I)
NEAR_CHARS = 80


def _small_town_abroad(word: str, theatre: frozenset[str]) -> bool:
    """Every town the word can name is a small one outside the countries the document is about ("Tui"
    of "Tui Group"), so a company named after it is the likelier reading; "Kyiv Independent" is not."""
    found = get_gazetteer().lookup(normalize(word))
    return bool(found) and all(getattr(e, "country", None) not in theatre and
                               (getattr(e, "population", 0) or 0) < 100_000 for e, _kind in found)


def _eligible_places(ann: SentenceAnnotation, theatre: frozenset[str] = frozenset(),
                     surnames: frozenset[str] = frozenset(), about: bool = False) -> list[PlaceRef]:
    """Places where something can happen: a country counts only after a locative preposition
    ('in Ukraine'), not as a possessor or modifier ('Ukraine's general staff'). With `about` (words
    said), also a town something moves towards: what the words are about."""
    text = ann.sentence.text
    out = []
    for p in ann.places:
        if p.precision == "country" and CAPITAL_AFTER.match(text[p.end:p.end + 12]) and \
                (seat := seat_of(p.country)) is not None:
            # "the Ukrainian capital", "Iran's capital": the city, named by the words of its country
            out.append(replace(seat, text=p.text, start=p.start, end=p.end))
            continue
        if p.precision == "place" and p.text in surnames:
            continue  # "Shevchenko, 49, said" after "Kyrylo Shevchenko": the man, not the town
        if re.match(r"\s+time\b", text[p.end:p.end + 6]):
            continue  # "from 2pm Moscow time": a clock, not a place
        if NAMED_UNIT.match(text[p.end:p.end + 20]) and not re.match(r"[’']s [a-z]", text[p.end:p.end + 4]):
            continue  # "the Azov regiment", "the Kyiv Independent": a name ("Kyiv's university district" is a place)
        before = text[max(0, p.start - 12):p.start]
        if p.precision == "place" and p.country not in theatre and not STRONG_LOCATIVE.search(before) and \
                not APPOSED_TOWN.search(text[max(0, p.start - 60):p.start]):
            continue  # "New Start", "Meta", "McDonald's": a town abroad only when something happens in it
        if p.precision == "place" and EPITHET.search(text[max(0, p.start - 25):p.start]) and any(
                q.precision == "place" and 0 <= p.start - q.end <= 25 and q.country != p.country for q in ann.places):
            continue  # "Mariupol, the city of Mary": another name for the town just named, not a second town
        if p.precision == "place" and any(a.kind == "org" and a.start <= p.start and p.end <= a.end and
                                          p.text.lower() not in a.name.lower() for a in ann.actors):
            continue  # "estimates provided to Rusi": a think tank the catalogue knows, not the Romanian town
        if p.precision == "place" and KIN_AFTER.match(text[p.end:p.end + 14]):
            continue  # "Shevchenko's mother, 77, said": a family, so a person's name, not a town
        if PATRON_AFTER.match(text[p.end:p.end + 14]):
            continue  # "the Moscow-appointed head of a town outside Kherson": Kherson, not Moscow
        if ORG_BASED.match(text[p.end:p.end + 50]):
            continue  # "Moscow-based group Military Ombudsman": where a body sits, not where it happened
        if p.precision == "place" and STAKE_IN.search(text[max(0, p.start - 30):p.start]):
            continue  # "shareholders in Voi": a company, not a town
        if p.precision in ("place", "admin1") and HOMETOWN.search(text[max(0, p.start - 40):p.start]):
            continue  # "Andrew Hill of Plymouth": where a person is from, not where it happened
        office = p.precision != "country" and (OFFICE_OF_PLACE.match(text[p.end:p.end + 40]) or
                                               SITE_AFTER.match(text[p.end:p.end + 30]))
        if not office and any(a.start < p.end and p.start < a.end for a in ann.actors) and not LOCATIVE.search(
                text[max(0, p.start - 12):p.start]) and not _passive_subject(p, ann) and not (
                about and TOWARDS.search(text[max(0, p.start - 12):p.start])):
            continue  # "Kyiv denies", "Moscow's forces": a side speaking, not a place ("Kyiv was hit" is one)
        if not office and text[p.end:p.end + 2] in ("'s", "’s") and _is_capital(p) and (
                GOVERNMENT_THINGS.match(text[p.end + 2:p.end + 40]) or not LOCATIVE.search(before)):
            continue  # "Kyiv's counter-offensive", "in Moscow's supply lines": a government, not a place
        if NOT_LOCATIVE.search(before) or MEASURE_ON.search(text[max(0, p.start - 30):p.start]):
            continue  # "due to Russia", "according to Ukraine": a cause or a voice, not a place
        if CONSTITUENCY.search(text[max(0, p.start - 30):p.start]):
            continue  # "Robert Jenrick, the MP for Newark": whom he represents, not where it happened
        if _is_capital(p) and WORD_FROM.search(text[max(0, p.start - 40):p.start]):
            continue  # "assurances from Moscow", "orders from Kyiv": a government's word, not a place
        if COMPARED_WITH.search(text[max(0, p.start - 70):p.start]):
            continue  # "a siege similar to that of the steelworks in Mariupol": what it is likened to
        if p.precision != "country" and DISTANCE_FROM.search(text[max(0, p.start - 60):p.start]) and any(
                q.precision == "place" and q.end <= p.start for q in ann.places if q is not p):
            continue  # "in Serhiivka, 50km south of Odesa": Odesa is how far, not where
        if p.precision == "country":
            if is_demonym(p.text):
                continue  # "retaken from Russian forces": whose forces, not where
            if not STRONG_LOCATIVE.search(text[max(0, p.start - 12):p.start]):
                continue  # "in Ukraine", not "scores of Russian soldiers"
            if text[p.end:p.end + 2] in ("'s", "’s"):
                continue
        out.append(p)
    return out


THWARTING_VERBS = {"deny", "refuse", "bar", "ban", "block", "prevent", "stop", "forbid"}


def _thwarted_purpose(tok: Token) -> bool:
    """What someone was refused the means to do ("denied visas to attend the session", "refused
    permission to hold talks"): the refusal is the news, not a gathering."""
    verb = syntax.governing_verb(tok)
    if verb is tok or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    head = verb.head.head if verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN" else verb.head
    return verb.dep_ in ("advcl", "relcl", "acl", "xcomp") and head.lemma_.lower() in THWARTING_VERBS


STANCE_VERBS = {"support", "back", "welcome", "endorse", "oppose", "reject", "dismiss", "criticise", "criticize",
                "condemn", "praise", "hail", "favour", "favor", "urge", "push"}


def _position_on_a_plan(tok: Token) -> bool:
    """A gathering or deal only proposed or planned, named as what someone supports or rejects."""
    planned = any(c.dep_ == "amod" and c.lower_ in syntax.PLANNED_MODIFIERS for c in tok.children)
    return planned and tok.dep_ in ("dobj", "pobj") and syntax.governing_verb(tok).lemma_.lower() in STANCE_VERBS


MOBILIZED_PEOPLE = {"recruit", "recruits", "reservist", "reservists", "conscript", "conscripts", "draftee",
                    "draftees", "reinforcement", "reinforcements"}
CALL_UP_VERBS = {"call", "summon", "mobilise", "mobilize", "draft", "send", "deploy", "conscript", "enlist", "rush",
                 "move", "bring", "recruit", "muster"}
TROOP_WORDS = {"troops", "forces", "force", "soldiers", "army", "units", "unit", "battalions", "brigades", "men",
               "servicemen", "personnel", "reservists", "conscripts", "recruits", "fighters", "mercenaries", "division",
               "divisions", "regiment", "regiments", "marines", "paratroopers", "volunteers", "reinforcements",
               "people", "contingent", "soldier", "infantry", "fleet", "navy", "aircraft", "jets", "warships"}


def _capability(tok: Token) -> bool:
    """A relative clause saying what something can do ("systems which can hit targets 80km away"):
    a description, not an act."""
    verb = syntax.governing_verb(tok)
    if verb.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "can" for c in verb.children):
        return True
    # "an army capable of fighting alongside allies and defeating Russia in battle": what it could do
    return any(a.lower_ in ("capable", "able", "ability", "capability", "capabilities", "capacity")
               for a in [tok, *tok.ancestors][:8])


def _mobilizes_people(tok: Token) -> bool:
    """A mobilization is of people: troops deployed, reservists called up. Deployed missiles or vans,
    recruits being trained and a draft text are something else."""
    word = tok.lower_
    if word in MOBILIZED_PEOPLE and tok.pos_ in ("NOUN", "PROPN"):
        # people named, not the act: only when someone calls them up, sends or deploys them
        return tok.dep_ in ("dobj", "nsubjpass", "pobj") and syntax.governing_verb(tok).lemma_.lower() in CALL_UP_VERBS
    if tok.dep_ == "compound" or (tok.pos_ == "ADJ" and word == "draft"):
        return False  # "a deployment location", "the draft rules"
    if tok.lemma_.lower() == "deploy" and tok.pos_ == "VERB":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        # "half of Moscow's air force is deployed": the part's whole
        objs = [next((g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj"), o) for o in objs]
        if objs and all(o.pos_ == "NOUN" and o.lower_ not in TROOP_WORDS for o in objs):
            return False  # "deployed its Kinzhal missiles", "the vans were deployed"
    return True


WEAPON_NOUNS = {"weapon", "arm", "arms", "ammunition", "weaponry", "munition"}
ARRIVAL_VERBS = {"arrive", "reach", "land", "come", "flow", "pour", "begin", "start", "continue"}
# "western deliveries of weapons were inflaming the conflict": deliveries judged, not a new one
DELIVERY_NOUNS = {"delivery", "deliveries", "shipment", "shipments", "supply", "supplies"}
PURPOSE_PASSIVES = {"aim", "intend", "design", "mean", "blame"}


TRANSFER_VERBS = {"send", "supply", "deliver", "give", "provide", "donate", "ship", "transfer", "hand", "pledge",
                  "promise", "offer", "lend", "sell", "receive", "get", "approve", "announce"}


HAPPENING_VERBS = {"begin", "start", "take", "happen", "continue", "resume", "come", "go", "last", "end", "occur",
                   "be", "get", "intensify", "escalate", "spread", "reach", "hit", "target", "strike", "kill"}


def _consequence_of_an_act(tok: Token) -> bool:
    """An act as the subject of what it would or could bring about ("an incursion will benefit
    terrorists", "a strike could cause a nuclear catastrophe"): a judgement of a possible act."""
    if tok.pos_ != "NOUN" or tok.dep_ != "nsubj":
        return False
    verb = tok.head
    return verb.lemma_.lower() not in HAPPENING_VERBS and \
        any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may", "can") for c in verb.children)


def _own_stock(tok: Token) -> bool:
    """Weapons someone has ("careful with their ammunition", "its weapons"), not weapons handed over:
    a weapon word with a possessive pronoun and no verb of giving above it."""
    if tok.lemma_.lower() not in WEAPON_NOUNS or \
            not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        return False
    verb = syntax.governing_verb(tok)
    return verb.lemma_.lower() not in TRANSFER_VERBS


def _takes_up_arms(tok: Token) -> bool:
    """"decided to take up arms against Ukraine": someone joining a fight, not weapons handed over."""
    return tok.lower_ == "arms" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "take" and \
        any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.head.children)


HINDER_VERBS = {"slow", "hinder", "disrupt", "obstruct", "impede", "hamper", "prevent", "complicate", "thwart",
                "sabotage", "interdict"}


STANDING = {"repeatedly", "consistently", "always", "long", "continually", "constantly", "openly"}


def _said_before(tok: Token, text: str) -> bool:
    """A sentence's own reporting verb in the past perfect ("US officials had accused Moscow of
    ...", "Wallace had already said he would stay"): words recalled as background to the news.
    A denial stays: it says who disputes what.
    Passed on by an outlet ("According to Tass, the lawyer had said in court ...") they are its report."""
    if tok.lemma_.lower() in syntax.DENY_LEMMAS or any(c.lower_ in ("earlier", "today") for c in tok.children):
        return False  # "Kyiv had earlier denied the claim": a denial, or words of the day told before the news
    recalled = (tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)) or \
        any(c.lower_ == "previously" for c in tok.children) or _already_done(tok)
    # ("The Guardian has previously reported that ...", "Russia has already stated it will not obey the cap")
    return tok.pos_ == "VERB" and tok.dep_ == "ROOT" and recalled and not re.search(r"\baccording to\b", text, re.I)


WAR_NOUNS = {"war", "invasion", "conflict", "fighting"}
FORTUNE_NOUNS = {"boost", "fillip", "lift", "blow", "setback"}


def _kinds_of_targets(tok: Token) -> bool:
    """A strike told in the present perfect on a list that opens with bare plurals ("have hit hospitals,
    apartment buildings, a shopping centre"): the kinds of target a side has hit over time, no one strike."""
    verb = tok if tok.pos_ == "VERB" else syntax.governing_verb(tok)
    if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.tag_ == "NNS" and \
        not any(c.dep_ in ("det", "poss", "nummod") for c in obj.children) and \
        sum(1 for c in obj.subtree if c.dep_ == "conj") >= 2 and not any(c.dep_ == "prep" for c in obj.children)


STANDING_NOUNS = {"initiative", "momentum", "advantage", "edge", "upper", "hand", "ascendancy"}


def _frame_of_a_standing(tok: Token) -> bool:
    """A battle named as where a side holds or loses the initiative ("has lost the momentum in the
    fight for the east"): an assessment of how the war stands, not a clash told."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "of"):
        return False
    held = tok.head.head  # the noun, or the verb the parser hung "in the battle" on ("lost the initiative")
    return held.lemma_.lower() in STANDING_NOUNS or (held.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in STANDING_NOUNS for c in held.children))


def _fortune_of_an_effort(tok: Token) -> bool:
    """A war effort said to receive a boost or a blow ("the fight to push Russia back received a boost
    when ..."): the effort is the frame, what gave the boost is the news."""
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.lemma_.lower() in ("receive", "get", "suffer", "take") and \
        any(c.dep_ == "dobj" and c.lemma_.lower() in FORTUNE_NOUNS for c in verb.children)


def _done_by_the_war(tok: Token) -> bool:
    """A topic whose clause has the war itself as its subject ("warned that the war risked famine")."""
    verb = syntax.governing_verb(tok)
    if verb.dep_ == "ccomp" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        verb = verb.head  # "the war has sent prices soaring": what the war did to them
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        # the parser may hang the subject elsewhere ("... suppliers and the war has sent prices soaring"
        # joins "the war" to the nouns before): the noun just before the verb's auxiliaries stands in
        i = verb.i - 1
        while i >= 0 and verb.doc[i].head == verb and verb.doc[i].dep_ in ("aux", "neg", "advmod"):
            i -= 1
        subjects = [verb.doc[i]] if i >= 0 and verb.doc[i].pos_ == "NOUN" else []
    return any(c.lemma_.lower() in WAR_NOUNS and any(d.dep_ in ("det", "poss") for d in c.children)
               for c in subjects)


def _reported_long_ago(tok: Token, ann: SentenceAnnotation, anchor: dt.date | None) -> bool:
    """Words passed on by a report dated weeks before the news ("a paper reported in March that the
    ministry had ruled out a swap"): an earlier story recalled, not words or acts of the day."""
    if anchor is None:
        return False
    # (the trigger's own verb, when it is the one reporting: "the embassy reported last year that ...")
    verb = syntax.governing_verb(tok)
    heads = [verb] if verb.pos_ == "VERB" and verb.lemma_.lower() in syntax.REPORTING_LEMMAS else []
    cur = syntax.reporting_head(tok)
    while cur is not None and len(heads) < 4:
        heads.append(cur)
        cur = syntax.reporting_head(cur)
    for d in ann.dates:
        if _dates_another_noun(d, None, ann):
            continue  # "this year's chair of the G20, X said": which chair, not when the words were said
        dated = _date_verb(d, ann)
        if dated is not None and dated.tag_ == "VBD" and any(h.i == dated.i for h in heads) and \
                (anchor - d.start).days > REPORTED_LONG_AGO_DAYS:
            return True
    return False


def _supplies_as_they_stand(tok: Token) -> bool:
    """Aid told as a state of things, with no amount or delivery of its own: supplies that "continue to
    arrive", or have come "so far"."""
    if tok.pos_ != "NOUN" or any(e.label_ in ("CARDINAL", "MONEY", "QUANTITY") for e in tok.doc.ents):
        return False
    tok = tok.head if tok.dep_ == "compound" else tok  # "weapons supplies"
    verb = syntax.governing_verb(tok)
    if tok.dep_ == "nsubj" and verb.lemma_.lower() == "continue":
        return True  # (the supplies continue; a state that "will continue to supply" weapons pledges more)
    return any(t.lower_ == "far" and t.i > 0 and t.doc[t.i - 1].lower_ == "so" and t.head.i == verb.i for t in tok.doc)


def _amid_an_old_story(ann: SentenceAnnotation, st: _PostState) -> bool:
    """A sentence with no date of its own right after sentences that tell, day by day, a story of more than
    a year before: it goes on with that story. (A year named in passing, "the annexation in 2014", is a
    reference, not a story told. A date inside quoted words is what the words are about, not when they
    were said: "'happy to agree to a June date,' the aide wrote" has none of its own.)"""
    text = ann.sentence.text
    if any(not _inside_quote(text, d.char_start) for d in ann.dates) or not st.dates or st.anchor is None:
        return False
    # the last date told before this sentence (walking back over the few the sentence's quotes named)
    last, told_in = next(((d, t) for d, t in zip(reversed(st.dates), reversed(st.date_texts), strict=True)
                          if t != text), (None, ""))
    if last is None:
        return False
    return (st.anchor - last.end).days > HISTORY_PLACE_DAYS and last.basis != "dct" and \
        last.precision in ("day", "month") and told_in in st.recent_text[-4:-1]


def _already_done(tok: Token) -> bool:
    """'has already sentenced several soldiers', 'has already said it will ban coal': done before the news,
    recalled as its background."""
    verb = syntax.governing_verb(tok)
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children) and \
        any(c.dep_ == "advmod" and c.lower_ == "already" for c in verb.children)


WAR_AIMS = {"aim", "goal", "purpose", "objective", "mission"}


def _standing_position(tok: Token) -> bool:
    """Words said again and again ("has repeatedly denied", "has long insisted", "Russia denies
    targeting civilians"): a position held, undated."""
    if tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() in syntax.DENY_LEMMAS and tok.tag_ in ("VBZ", "VBP") and \
            any(c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" for c in tok.children):
        return True  # the present of a denial with a gerund: what a side always says, no denial of this act
    if tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children) and \
            any(c.i < tok.i and (subj := syntax.subject_of(tok)) is not None and c.i < subj.i and
                ((c.dep_ == "prep" and c.lower_ == "since") or
                 (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)))
                for c in tok.children):
        return True  # "Since the invasion, officials have insisted on ...": held all along, not said now
    if tok.tag_ == "VBZ" and any(c.dep_ == "ccomp" and c.lemma_ == "be" and any(
            g.dep_ == "nsubj" and g.lemma_.lower() in WAR_AIMS and any(p.lower_ == "its" for p in g.children) and
            not any(a.lower_ == "new" for a in g.children) for g in c.children) for c in tok.children):
        return True  # "Moscow says its aim is to protect its people": the stated war aim, said all along
    if tok.lemma_.lower() == "maintain" and tok.tag_ == "VBN" and \
            any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children) and \
            any(c.dep_ == "ccomp" for c in tok.children):
        return True  # "the ministry has maintained that ...": what it has said all along
    if _holds_a_stance(tok) or any(c.dep_ == "conj" and _holds_a_stance(c) for c in tok.children):
        return True  # "has condemned the invasion, but maintains an ambiguous position": a portrait of a stance
    if _claims_a_land(tok):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in STANDING for c in tok.children)


def _in_a_standing_position(tok: Token) -> bool:
    """An act told inside words a side has held all along (the clause hangs on "has maintained that")."""
    clause = syntax.governing_verb(tok)
    for _ in range(4):
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return False
        if clause.head.pos_ == "VERB" and _standing_position(clause.head):
            return True
        clause = clause.head
    return False


CLAIMING_VERBS = {"insist", "maintain", "claim", "consider", "regard", "contend", "argue"}
LAND_NOUNS = {"territory", "part", "land", "province", "region", "soil"}


def _claims_a_land(verb: Token) -> bool:
    """'Beijing insists the island is its territory', 'Moscow maintains the peninsula is part of Russia',
    'the Kremlin claims the missiles are capable of ...': in the present, whose land a place is or what a
    weapon can do is a claim held all along, not words of the day."""
    return verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() in CLAIMING_VERBS and any(
        c.dep_ == "ccomp" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") and
        any((a.dep_ == "attr" and a.lemma_.lower() in LAND_NOUNS) or (a.dep_ == "acomp" and a.lower_ == "capable")
            for a in c.children) for c in verb.children)


# ("line" is not one: troops "hold the line")
STANCE_NOUNS = {"position", "stance", "view", "critic", "supporter", "opponent", "advocate", "ally"}


def _holds_a_stance(verb: Token) -> bool:
    """'maintains an ambiguous position', 'has been a fierce critic of sanctions': a stance held over time."""
    if verb.lemma_.lower() in ("maintain", "hold", "keep", "take"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in STANCE_NOUNS for c in verb.children)
    return verb.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in STANCE_NOUNS for c in verb.children)


def _assessed(tok: Token) -> bool:
    """How a war effort is going, judged, not something that happened: an act as the subject of a present
    or present-perfect 'be' with an adjective ("the offensive has been slow", "the campaign is stalling"),
    a battle where a side holds or loses the initiative, an effort said to get a boost or a blow."""
    if _frame_of_a_standing(tok) or _fortune_of_an_effort(tok):
        return True
    head = tok.head
    if tok.dep_ != "nsubj" or tok.pos_ != "NOUN" or head.lemma_ != "be" or head.tag_ not in ("VBZ", "VBP", "VBN"):
        return False
    return any(c.dep_ == "acomp" and c.lemma_.lower() in ASSESSMENTS for c in head.children) and \
        not any(c.dep_ == "aux" and c.lower_ in ("was", "were", "had") for c in head.children)


# how a campaign is judged to be going ("ongoing", "intense" tell that it goes on: news)
ASSESSMENTS = {"slow", "sluggish", "stalled", "successful", "unsuccessful", "effective", "ineffective", "costly",
               "disastrous", "faltering", "limited", "modest", "uneven", "likely", "unlikely", "inevitable"}


OFFENSIVE_HEADS = {"operation", "action", "effort", "campaign", "push", "drive", "assault", "move", "strike"}


TITLE_NOUNS = {"researcher", "expert", "analyst", "specialist", "correspondent", "reporter", "editor", "officer",
               "coordinator", "envoy", "adviser", "advisor", "prosecutor", "investigator", "monitor", "director",
               "spokesperson", "spokesman", "spokeswoman", "commissioner", "lawyer", "campaigner", "activist",
               "blogger", "scholar", "professor", "lecturer", "consultant", "tsar", "czar"}


def _in_a_job_title(tok: Token) -> bool:
    """The trigger word is part of the name of someone's job ("a Northeastern University disinformation
    researcher", "the EU's sanctions envoy")."""
    cur = tok
    while cur.dep_ in ("compound", "amod") and cur.head.i != cur.i:
        cur = cur.head
        if cur.lemma_.lower() in TITLE_NOUNS and cur.pos_ == "NOUN":
            return True
    return False


def _means_in_words(tok: Token, ann: SentenceAnnotation) -> bool:
    """An act named as the means ("by imposing sanctions", "through supplying weapons") inside what someone
    says: the premise of their argument, not news of the act."""
    verb = tok.head if tok.dep_ == "dobj" else tok  # "by imposing sanctions": the sanctions' verb
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in ("by", "through"):
        return False
    cur = verb
    while cur.head.i != cur.i:  # inside the clause an active reporting verb governs (not "is reported to");
        # the parser may hang the phrase on "said" itself ("said by imposing sanctions, Poland had ...")
        if cur.dep_ in ("ccomp", "prep") and cur.head.lemma_.lower() in syntax.REPORTING_LEMMAS and \
                cur.head.pos_ == "VERB":
            return not any(c.dep_ in ("auxpass", "nsubjpass") for c in cur.head.children)
        cur = cur.head
    return False


def _hindered(tok: Token) -> bool:
    """The delivery is what someone works against ("to slow the delivery of weapons"), not one made."""
    head = tok
    while head.dep_ in ("compound", "amod") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "dobj" and head.head.lemma_.lower() in HINDER_VERBS


def _weapons_acting(tok: Token) -> bool:
    """Weapons as the doer of a clause ("western weapons give us a big advantage", "the arms have
    changed the battle"): what they do, not a delivery, unless they arrive or keep coming."""
    if tok.dep_ == "compound" and tok.lemma_.lower() in WEAPON_NOUNS and tok.head.lemma_.lower() in DELIVERY_NOUNS:
        tok = tok.head  # "such arms deliveries were aimed at weakening Russia"
    if tok.lemma_.lower() not in WEAPON_NOUNS | DELIVERY_NOUNS:
        return False
    if tok.dep_ == "nsubjpass":
        return tok.head.lemma_.lower() in PURPOSE_PASSIVES  # "were aimed at", not "were delivered"
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() not in ARRIVAL_VERBS


def _hit_target(tok: Token) -> bool:
    """Whether the words are what a strike hit or destroyed ('destroyed a vessel and arms delivered
    by Washington', 'weapons supplied by the west were destroyed')."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "nsubjpass") and \
                cur.head.lemma_.lower() in HARM_VERBS:
            return True  # ("railway facilities used to supply forces with weapons" that a strike destroyed)
        if cur.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "parataxis") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _passive_subject(p: PlaceRef, ann: SentenceAnnotation) -> bool:
    """'Kyiv was hit', 'Kharkiv was shelled', 'destroying Sievierodonetsk', 'civilians flee Kherson':
    what is done to a town, or left, names the town, not a side."""
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand") if ann.doc is not None else None
    if span is None or len(span) == 0:
        return False
    root = span.root
    verb = root.head.lemma_.lower()
    if root.dep_ == "nsubjpass":
        return verb in HARM_VERBS
    return root.dep_ == "dobj" and p.precision != "country" and (verb in HARM_VERBS or verb in LEAVE_VERBS)


LEAVE_VERBS = {"flee", "leave", "evacuate", "abandon"}
HARM_VERBS = {"hit", "strike", "shell", "attack", "bomb", "bombard", "target", "damage", "destroy", "pound", "rock",
              "besiege", "encircle", "storm", "capture", "seize", "liberate", "occupy", "blockade", "surround",
              "retake", "recapture"}


DISTANCE_FROM = re.compile(r"\b\d[\d,.]*\s?(km|kilometres|kilometers|miles|mi)\b( \([^)]{1,20}\))?"
                           r"( (north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|"
                           r"southeast|southwest))? (of|from) (the )?$", re.I)
COMPARED_WITH = re.compile(r"\b(similar to|reminiscent of|compared (to|with)|akin to|in comparison with)\b"
                           r"[^,;.]{0,60}$", re.I)
NOT_LOCATIVE = re.compile(r"\b(due|according|thanks|owing|next|similar|compared|relative|prior|contrary|close) to\s+"
                          r"(the\s+)?$", re.I)
# "more sanctions on Moscow": whom a measure targets, not where anything happened
MEASURE_ON = re.compile(r"\b((sanctions|pressure|embargo|tariffs|restrictions|curbs) (on|against)|"
                        r"(attitudes?|policy|policies|stance|hostility|feelings?) (towards?|to))\s+(the\s+)?$",
                        re.I)  # ("westerners' attitudes towards Moscow": whom a view is of, no place)


# What a capital's possessive governs when the capital stands for its state ("Moscow's supply lines").
GOVERNMENT_THINGS = re.compile(
    r"\s*([\w-]+\s+){0,2}?(counter-?offensive|offensive|forces|troops|army|military|government|supply|supplies|war|"
    r"allies|position|claims?|demands?|invasion|strategy|policy|decision|response|refusal|regime|propaganda|"
    r"campaign|aggression|attacks?|push|advance|defen[cs]es?|lines|grip|control|plans?|efforts?|bid)\b", re.I)


def _is_capital(p: PlaceRef) -> bool:
    seat = seat_of(p.country) if p.precision == "place" and p.country else None
    return seat is not None and seat.gazetteer_id == p.gazetteer_id


VISIT = re.compile(r"\b(visit(s|ed|ing)?|trip to|travel(l)?ed to|tour(s|ed)?|arriv(ed|es) in|landed in|(was|were) in)"
                   r"\s+(the\s+)?([\w’'-]+\s+){0,2}$", re.I)
VISITING = re.compile(r"\b((while|when|after) visiting|(on|during|after) (a|an|his|her|their)( \w+)? (visit|trip) to)"
                      r"\s+(the\s+)?$", re.I)
TOWN_ANAPHOR = re.compile(r"\b(the|this|that) (town|city|village|settlement|port|airfield|base)(['’]s)?\b", re.I)


def _told_a_counterpart(speaker: str | None, ann: SentenceAnnotation) -> bool:
    """Words told to another catalogued leader face to face ("..., Putin told Erdoğan"), not on the phone."""
    text = ann.sentence.text
    if not speaker or re.search(r"\b(call|phone|video|letter|message|telegram)\b", text, re.I):
        return False
    return any(a.kind == "person" and a.actor_id and not _names(speaker, a.text) and not _names(a.text, speaker) and
               re.search(rf"\btold (?:his |her |the )?(?:(?:[a-z-]+|[A-Z][a-z]+(?:an|sh|se|i)) ){{0,3}}"
                         rf"{re.escape(a.text)}\b", text) and
               not re.search(rf"\btold [^,]*\b(before|after|when|that|as)\b[^,]*{re.escape(a.text)}", text)
               for a in ann.actors)


GATHERING_WORDS = r"(summit|conference|gathering|forum)"  # what a gathering told before is called
GATHERING_AT = re.compile(rf"\b{GATHERING_WORDS}( of [\w ]{{1,30}})? (in|at) (the )?$", re.I)
# "the court in Moscow", "a hearing in X", "a Moscow court", "X's district court": where a trial's words are said
COURT_IN = re.compile(r"\b(court|hearing|trial|tribunal)s? (in|at) (the )?$", re.I)
COURT_OF = re.compile(r"(['’]s)?( [a-z]+)? (court|tribunal)\b")
TOLD_THE_COURT = re.compile(
    r"\b(told|telling|tell|tells) (the|a) (court|hearing|judge|tribunal)\b|\b(said|says) in court\b", re.I)
GATHERING_TOLD = re.compile(rf"\b(the|this|that) {GATHERING_WORDS}\b", re.I)
MEETING_ANAPHOR = re.compile(r"\b(after|following|at|during|on the sidelines of) (the|this|that) "
                             r"(meeting|summit|talks|gathering|conference)\b", re.I)
# "89 athletes have been killed since Russia invaded": a tally over the whole war, not the town told before
SINCE_THE_WAR = re.compile(r"\bsince (the (start|beginning|outbreak) of (the |russia[’']s )?(war|invasion)|"
                           r"(russia|moscow|putin) (invaded|launched)|"
                           r"(the |russia[’']s |moscow[’']s )(full-scale )?(\d+ february |february \d+ )?invasion|"
                           r"the war\b|(the )?24 february|february 24)", re.I)
NEAR_PART = 12  # characters between the act's word and "Ukraine's northern regions"
COUNTRY_PART = re.compile(r"^[’']s (north|south|east|west|central)\w*(-(east|west)\w*)? (regions?|parts?|areas?|half|"
                          r"provinces?|border|coast|flank)\b", re.I)
COMPASS_AREA = re.compile(r"(?<!from )\bthe (north|south|east|west)(-?(east|west))?\b(?! of)|"
                          r"\b(north|south|east|west)(-?(east|west))?ern (parts|regions|areas|half)\b", re.I)
# "Meanwhile, in occupied territory, a prison was hit": another story begins, not where the last one was
STORY_SHIFT = re.compile(r"\W*(meanwhile|elsewhere|separately|in other (news|developments))\b", re.I)
AREA_ANAPHOR = re.compile(
    r"\b((the|this|that) (region|area|province|oblast|border|front ?line|sector|district|island|peninsula)"
    r"|there)\b", re.I)


# offices whose holders speak abroad as often as at home (at summits, in other capitals)
TRAVELLING_ROLES = {"foreign minister", "secretary general", "special envoy", "special envoy for ukraine",
                    "un ambassador", "nato ambassador", "foreign policy chief", "supreme allied commander"}


def _body(speaker: str | None, when: dt.date | None) -> bool:
    """A catalogued state, body or office (not a person): it speaks from its seat."""
    actor = canonical_actor(speaker, when) if speaker else None
    words = re.findall(r"[a-z]+", speaker.lower()) if speaker else []
    if any(w in PERSON_NOUNS or w.rstrip("s") in PERSON_NOUNS for w in words):
        return False  # "the veteran Russian diplomat": a person, who travels
    return actor is not None and actor.kind != "person"


LIST_GLUE = re.compile(r"\s*(,|and|or|,\s*and|,\s*or)\s*")
LISTED = 3  # places named in one run of commas and "and" that make a list


def _listed_places(ann: SentenceAnnotation) -> list[PlaceRef]:
    """The places of a sentence named in a list of three or more ("Luhansk, Donetsk, Zaporizhzhia and Kherson")."""
    text = ann.sentence.text
    out: list[PlaceRef] = []
    run = [ann.places[0]] if ann.places else []
    for prev, cur in zip(ann.places, ann.places[1:], strict=False):
        if LIST_GLUE.fullmatch(text[prev.end:cur.start]):
            run.append(cur)
            continue
        out += run if len(run) >= LISTED else []
        run = [cur]
    return out + (run if len(run) >= LISTED else [])


def _a_body_speaks(speaker: str, ann: SentenceAnnotation, when: dt.date | None) -> bool:
    """The speaker is an organisation or a state, catalogued or as the sentence's entities read it."""
    kind = next((a.kind for a in ann.actors if a.name == speaker), None)
    return kind in ("org", "state") or _body(speaker, when)


def _of_the_front(speaker: str | None, when: dt.date | None) -> bool:
    """The speaker belongs to a country where the fighting is (its army, its officials)."""
    actor = canonical_actor(speaker, when) if speaker else None
    return actor is not None and actor.country in FRONT_COUNTRIES


def _travels(speaker: str | None, when: dt.date | None) -> bool:
    """A catalogued person whose office (at the time) travels: their words are not placed at their
    capital unasked."""
    actor = canonical_actor(speaker, when) if speaker else None
    entry = get_catalogue().entries.get(actor.actor_id) if actor is not None and actor.actor_id else None
    return entry is not None and entry.kind == "person" and any(
        r.title in TRAVELLING_ROLES and r.active(when) for r in entry.roles)


def _spokesperson(speaker: str | None, ann: SentenceAnnotation, when: dt.date | None) -> bool:
    """A spokesperson, by the catalogue's record of their office or by the words beside their name
    ("Kremlin spokesperson Dmitry Peskov"): they speak at briefings in their capital."""
    if not speaker:
        return False
    actor = canonical_actor(speaker, when)
    entry = get_catalogue().entries.get(actor.actor_id) if actor is not None and actor.actor_id else None
    if entry is not None and any(SPOKESPERSON.search(r.title) and r.active(when) for r in entry.roles):
        return True
    at = ann.sentence.text.find(speaker)
    return at >= 0 and bool(SPOKESPERSON.search(ann.sentence.text[max(0, at - 40):at + len(speaker) + 40]))


# the office is case-blind, the principal's name is not
PRINCIPAL = re.compile(rf"(?i:{SPOKESPERSON.pattern})\s+(?:for|of|to)\s+(?:the\s+)?"
                       r"(?P<who>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)")


def _principals_seat(ann: SentenceAnnotation, when: dt.date | None) -> PlaceRef | None:
    """The capital of the one a spokesperson speaks for ("İbrahim Kalın, a spokesperson for Erdoğan", "the
    state department spokesperson, Ned Price")."""
    for office in SPOKESPERSON.finditer(ann.sentence.text):
        body = next((a for a in ann.actors if a.kind in ("org", "state") and a.actor_id and
                     0 <= office.start() - a.end <= 1), None)
        seat = _seat(body.name, ann, when) if body is not None and not is_media(body.actor_id) else None
        if seat is not None:
            return seat
    found = PRINCIPAL.search(ann.sentence.text)
    principal = canonical_actor(found.group("who"), when) if found else None
    entry = get_catalogue().entries.get(principal.actor_id or "") if principal is not None else None
    if principal is None or not principal.country or (entry is not None and entry.field):
        return None  # (a fleet's spokesman speaks from its base, not from the capital)
    return seat_of(principal.country)


# a post abroad, in the speaker's own words or set beside their name ("Anatoly Antonov, Russia's
# ambassador to the US", "the United States ambassador to the United Nations")
POSTED_TO = re.compile(r"(?:[^,]*?\b|[^,]*, (?:[\w’'-]+ ){0,3})(?:ambassador|envoy|representative)s? to (?:the )?"
                       r"([A-Z][\w’']+(?: [A-Z][\w’']+)*)")


def _posted_to(speaker: str, ann: SentenceAnnotation, when: dt.date | None) -> ActorRef | None:
    """The state or body a speaker is posted to, when the text says so."""
    at = ann.sentence.text.find(speaker)
    written = ann.sentence.text[at:at + len(speaker) + 70] if at >= 0 else speaker  # "... ambassador to the UN"
    posted = POSTED_TO.match(written)
    if posted is None or ("," not in posted.group(0) and
                          not re.search(r"\b(ambassador|envoy|representative)", speaker)):
        return None  # (and "Zelenskiy told the ambassador to Ukraine": someone else's post)
    host = canonical_actor(posted.group(1), when)
    return host if host is not None and host.kind in ("state", "org") else None


def _seat(speaker: str | None, ann: SentenceAnnotation, when: dt.date | None = None) -> PlaceRef | None:
    """Where an official body or a state's officer speaks from when the text does not say: the capital
    of the state they serve ('the Russian foreign ministry said' -> Moscow)."""
    if not speaker or _ordinary_people(speaker):
        return None
    # "Johnson" in June 2022 is Boris Johnson, not the later US speaker of that name
    if when is None and ann.sentence.published is not None:
        when = ann.sentence.published.date()
    host = _posted_to(speaker, ann, when)
    # "the United States ambassador to the United Nations": where the post is, not the home capital
    actor = host if host is not None else canonical_actor(speaker, when)
    if actor is None:
        actor = next((a for a in ann.actors if a.text == speaker or a.name == speaker), None)
    if actor is None and BLOC.search(speaker):
        # "the EU has frozen €13bn ..., the bloc's top justice official said": the union the sentence names
        actor = next((a for a in ann.actors if a.kind == "org" and a.actor_id and seat_of_actor(a.actor_id)), None)
    if actor is None or actor.kind not in ("state", "person", "org", "force") or is_media(actor.actor_id):
        return None  # an outlet's newsroom is not where the news happened
    seat = seat_of_actor(actor.actor_id) if actor.actor_id else (None, actor.country) if actor.country else None
    if seat is None and (state := _office_state(actor, ann)) is not None:
        seat = (None, state)  # "Oleksandr Kubrakov, Ukraine's infrastructure minister": Kyiv
    if seat is None:
        return None
    town, country = seat
    ref = town_in(town, country) if town else seat_of(country)
    # inferred, not named: no words of the text (merging and the event's place tell the two apart)
    return replace(ref, text="", start=0, end=0) if ref is not None else None


BLOC = re.compile(r"\b(bloc|alliance)\b", re.I)  # a union or alliance named by its kind

# people who speak for themselves, not from an office: soldiers, residents, witnesses
ORDINARY_PEOPLE = {"soldier", "troop", "fighter", "serviceman", "servicemen", "conscript", "marine", "resident",
                   "villager", "local", "civilian", "witness", "survivor", "refugee", "prisoner", "captive",
                   "volunteer", "family", "families", "relative", "mother", "father", "wife", "husband", "medic",
                   "doctor", "nurse", "people", "man", "men", "woman", "women", "student", "worker", "crew"}


def _ordinary_people(speaker: str) -> bool:
    """A group of soldiers or residents speaks where they are, which a state's capital is not (words
    of a proper name, "the Donetsk People's Republic", are no such people)."""
    return any(w in ORDINARY_PEOPLE or w.rstrip("s") in ORDINARY_PEOPLE for w in re.findall(r"\b[a-z]+", speaker))


TOLL_VERBS = {"kill", "injure", "wound", "destroy", "damage"}  # "a strike on a range that killed 35": the strike did
SWAP = re.compile(r"\b(exchang|swap)", re.I)
SWAP_REACH = 12  # "prisoner swap", "exchange of prisoners": the swap word at or just after the trigger
EXCHANGE = re.compile(r"exchang|swap|releas|freed|free\b|handed over|hand over|arrest|detain|jail|sentenc|convict",
                      re.I)
FRONT_COUNTRIES = frozenset({"UA"})  # where the fighting is: its towns are what statements speak of
OFFICE_WORDS = re.compile(r"\b(minister|ministry|president|prime minister|spokes(man|woman|person)|ambassador|"
                          r"envoy|chancellor|secretary|adviser|advisor|official|governor|general|commander|chief)\b",
                          re.I)


def _office_countries(speaker: str, ann: SentenceAnnotation) -> set[str]:
    """The states the speaker's own words name ("the head of Britain's GCHQ", "Jan Novak, a minister
    of the Czech Republic"): whom they serve."""
    text = ann.sentence.text
    at = text.find(speaker)
    if at < 0:
        return set()
    # the office may stand just before the name ("the chief of Britain's MI6 agency, Richard Moore")
    lead = text.rfind(",", 0, max(0, at - 2))
    start = at if at - lead > OFFICE_BEFORE_NAME else lead + 1
    # or just after it, set off by commas
    end = at + len(speaker)
    if text[end:end + 2].startswith(","):
        close = text.find(",", end + 1)
        end = close if 0 < close - end <= OFFICE_BEFORE_NAME else end
    return {a.country for a in ann.actors if a.kind == "state" and a.country and start <= a.start and a.end <= end}


def _foreign_office(speaker: str, ann: SentenceAnnotation) -> bool:
    """The speaker's own words name a state far from the fighting: they speak from there, not from
    the front the story told before."""
    return bool(_office_countries(speaker, ann) - FRONT_COUNTRIES - {"RU"})


GATHERING = re.compile(r"\b(summits?|forums?|conferences?|congress|assembly|G7|G20|Davos)\b", re.I)
THE_GATHERING = re.compile(r"\b(the|this) (meeting|gathering)\b", re.I)  # the one the story is about
# "at the meeting in Bali", "a signing ceremony at the palace in Istanbul": the gathering told with its town
VENUE_TOLD = re.compile(r"\b(the|this|a) (signing )?(meeting|summit|talks|gathering|conference|forum|ceremony)"
                        r"( at [\w ]{1,40})? (in|at) (the )?$", re.I)
DEAL_SIGNED = re.compile(r"\b(sign|signs|signed)\b.{0,40}\b(deal|agreement|accord|treaty|pact)\b", re.I)
OFFICE_BEFORE_NAME = 60  # characters of an apposition before a name that can still be its office


def _office_state(actor: ActorRef, ann: SentenceAnnotation) -> str | None:
    """The state a person serves when the text says so beside their name ("X, Ukraine's
    infrastructure minister," or "Ukraine's infrastructure minister, X"): its country code."""
    text = ann.sentence.text
    for state in (a for a in ann.actors if a.kind == "state" and a.country):
        if text[state.end:state.end + 2] not in ("'s", "’s"):
            continue
        after = text[actor.end:state.start]
        before = text[state.end:actor.start]
        beside = (0 <= state.start - actor.end <= 3 and after.strip() in (",", "")) or \
            (0 <= actor.start - state.end <= 40 and before.count(",") <= 1 and OFFICE_WORDS.search(before))
        if beside and OFFICE_WORDS.search(text[state.end:state.end + 40]):
            return state.country
        # "the chief of Britain's MI6 intelligence agency, Richard Moore": the office named before the state
        head_of = OFFICE_OF.search(text[max(0, state.start - 30):state.start])
        if head_of and 0 <= actor.start - state.end <= 60 and before.count(",") == 1 and before.rstrip().endswith(","):
            return state.country
    return None


OFFICE_OF = re.compile(r"\b(chief|head|director|minister|secretary|commander|chair(man|woman)?)\s+of\s+(the\s+)?$",
                       re.I)
WAR_TOPIC = re.compile(r"\b(war|invasion|conflict|aggression|operation|crisis|situation|fighting|events)[\"”’]?\s+"
                       r"(in|of|on|against)\s+(the\s+)?([A-Z][\w’'-]+\s+and\s+(the\s+)?)?$", re.I)
# a government named by its capital as the one something is given to ("promised to Kyiv")
RECIPIENT = re.compile(r"\b(promised|pledged|delivered|sent|supplied|given|provided|offered|sold|handed|transferred|"
                       r"shipped|promise|pledge|deliver|send|supply|give|provide|offer|sell|hand|transfer|ship|"
                       r"aid|assistance|support|help|weapons|arms|supplies|deliveries|shipments)"
                       r"( [\w’'-]+){0,4} to $", re.I)
# "sanctions imposed on Moscow", "curbs against Minsk": a capital standing for the government they target
TARGETED = re.compile(r"\b(sanctions?|penalties|curbs|restrictions|embargo|imposed|levied)( [\w’'-]+){0,3} "
                      r"(on|against) $", re.I)
BODY_SITTINGS = {"meeting", "session", "sitting", "vote", "debate", "hearing"}


def _meeting_seat(hit: TriggerHit, ann: SentenceAnnotation) -> PlaceRef | None:
    """'a UN security council meeting', 'a session of the IAEA board' with no place of its own:
    a body meets where it sits."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    if tok is None or tok.pos_ != "NOUN" or tok.lemma_.lower() not in BODY_SITTINGS:
        return None  # a summit or talks go where a host invites them
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    if any(lo <= p.start and p.end <= hi for p in ann.places if p.precision == "place"):
        return None  # "a Nato summit in Madrid"
    for a in ann.actors:
        if a.kind == "org" and a.actor_id and lo <= a.start and a.end <= tok.idx and \
                (seat := seat_of_actor(a.actor_id)) is not None and seat[0]:
            return _seat(a.name, ann)
    return None


DEPORTED = re.compile(r"\b(deport\w*|forcibly (moved|taken|transferred|relocated)|(moved|taken|transferred|"
                      r"relocated|removed) (forcibly |by force )?to)\b", re.I)
TAKEN_TO = re.compile(r"\b(to|into)\s+(the\s+)?$")


def _in_quoted_words(at: int, text: str) -> bool:
    """The character at `at` lies inside quotation marks, opened in this sentence or in one before it (a
    sentence that closes a quote it did not open: '... as an important step.”')."""
    if _inside_quote(text, at):
        return True
    head, tail = text[:at], text[at:]
    return "“" not in head and tail.count("”") > tail.count("“")


def _attributions_outside_quotes(ann: SentenceAnnotation) -> list:
    """The attributions whose reporting word the report itself uses, not the quoted speaker."""
    text = ann.sentence.text
    cues = [(a, text.find(a.cue.split()[0])) for a in ann.attributions if a.cue]
    return [a for a, at in cues if at >= 0 and not _in_quoted_words(at, text)]


def _venue_told(annotations: list[SentenceAnnotation]) -> PlaceRef | None:
    """Where the gathering an article is about is held: the first town told as "the meeting in X" or "the
    summit of allies in X", in whichever paragraph (the opening often names only the gathering)."""
    for ann in annotations:
        text = ann.sentence.text
        for p in ann.places:
            before = text[max(0, p.start - 60):p.start]
            if p.precision in ("place", "admin1") and (VENUE_TOLD.search(before) or GATHERING_AT.search(before)):
                return p
    return None


def _inside_quote(text: str, at: int) -> bool:
    """Whether the character at `at` lies inside quotation marks opened before it in the sentence."""
    head = text[:at]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _place(hit: TriggerHit, ann: SentenceAnnotation, st: _PostState,
           speaker: str | None = None) -> PlaceRef | None:
    if hit.type == "call":
        return None  # calls happen on the phone, not at a place
    text = ann.sentence.text
    if hit.type == "agreement" and st.venue is not None and all(p.precision == "country" for p in ann.places):
        return st.venue  # "have signed a deal" in the story of a signing, its ceremony's town told later
    if hit.type == "meeting":
        # "set to visit Romania", "the highest-ranking official to visit Ukraine": where they go
        visited = [p for p in ann.places if VISIT.search(text[max(0, p.start - 30):p.start])]
        # "a visit to the Russian resort of Sochi": the town the country's adjective leads to
        visited += [q for p in visited for q in ann.places if q.precision == "place" and q.country == p.country
                    and 0 < q.start - p.end <= 25]
        if visited:
            return min(visited, key=lambda p: (PRECISION_RANK.get(p.precision, 3), p.start))
        host = _meeting_seat(hit, ann)
        if host is not None:
            return host
        if st.meeting_place is not None and GATHERING_TOLD.search(text) and \
                all(p.precision == "country" for p in ann.places):
            # "the president will speak to the gathering by video": the summit told before
            return st.meeting_place
        if st.venue is not None and all(p.precision == "country" for p in ann.places) and \
                (GATHERING.search(text) or THE_GATHERING.search(text)):
            return st.venue  # "left the G20 meeting early" in the story of that meeting, its town told later
    places = _eligible_places(ann, st.theatre, st.surnames, about=hit.type == "statement")
    # "a captive from Morocco", "refugees from Mariupol": where someone comes from, not where it happened
    places = [p for p in places if not _origin_of_a_noun(p, ann)]
    # "the highest toll since an attack on a station in Kramatorsk": a yardstick, not where it happened
    places = [p for p in places if not _in_since_phrase(p, hit, ann)]
    # "recruit volunteers to fight in Ukraine": where they are meant to go, not where the recruiting is
    if hit.type not in ("statement", "clash"):
        places = [p for p in places if not _in_purpose_of_another(p, hit, ann)] or places
    # "Britain will host a conference next year, ... as nations gather in Switzerland": the backdrop's place
    if hit.type in PARTICIPANT_KINDS:  # (for an act, the backdrop often names its town: "as bombs rained on X")
        places = [p for p in places if not _in_backdrop_of_another(p, hit, ann)]
    if hit.type == "prisoners":
        # "murdered the prisoners from the regiment, who were captured in May in Mariupol": where the
        # captives were taken before, a description of them, not where this happened
        places = [p for p in places if not _describes_the_captives(p, hit, ann)]
    # "opening a trial against two Britons, who were captured fighting in Mariupol": a who-clause
    # tells of the people, not where the act told before it happened
    # ("investigations into strikes that killed prisoners who were held in X": the act investigated is there)
    places = [p for p in places if not _in_a_later_clause(p, hit, ann, _who_clause) or _told_of_an_act(p, hit, ann)]
    if hit.type == "aid":
        # "tanks most likely from Spain", "aid from the US": the giver, not where the aid goes
        places = [p for p in places if not (p.precision == "country" and
                                            re.search(r"\bfrom (the )?$", text[max(0, p.start - 10):p.start]))]
    if DEPORTED.search(text[hit.start:hit.end + 25]):
        # "40,000 civilians forcibly moved to Russia": where they were taken to is not where it happened
        places = [p for p in places
                  if not (p.start > hit.start and TAKEN_TO.search(text[max(0, p.start - 12):p.start]))]
    if hit.type == "prisoners" and SWAP.search(text[hit.start:hit.end + SWAP_REACH]):
        # "a swap freeing 95 who defended the steelworks in Mariupol", "Reed, who was convicted of smuggling
        # into the US": where the freed fought or were tried is not where they were exchanged
        places = [p for p in places if _of_the_verb(p, hit, ann)]
    if hit.type in ("meeting", "statement", "agreement", "other", "sanctions"):
        # "talks expected to focus on Russia's war in Ukraine", "defaulted ... after sanctions over its war in
        # Ukraine": what it is about or why, not where it happened
        places = [p for p in places if not WAR_TOPIC.search(text[max(0, p.start - 30):p.start])]
    if hit.type not in MILITARY:
        # "most cases were found in the Sumy, Kharkiv and Chernihiv regions": a list of
        # places is where the news reaches, not one place it happened (the body's seat is asked next)
        listed = _listed_places(ann)
        places = [p for p in places if p not in listed]
    if hit.type == "statement":
        # "... the rockets the US had promised to Kyiv": a capital standing for its government, given to
        places = [p for p in places if not RECIPIENT.search(text[max(0, p.start - 40):p.start]) and
                  not (p.precision == "place" and TARGETED.search(text[max(0, p.start - 40):p.start]))]
        # "Asked whether the men could be tried in Donetsk, Peskov said ...": the question's place;
        # "... when Zelenskiy asked for ammunition, not a ride out of Kyiv": a time recalled
        # "..., he added, referencing the republics of Donetsk and Luhansk": the writer's gloss on the words
        places = [p for p in places if not _in_the_question(p, ann) and not _in_a_time_clause(p, hit, ann)
                  and not _in_a_gloss(p, ann)]
    if hit.type == "sanctions" and not any(_spoken_at(p, ann) for p in places):
        # "the new UK sanctions list includes ... the head of the Donetsk republic": sanctions are decided
        # where the sanctioning power sits, not where their targets are
        agent = _agent_name(hit, ann)  # "Switzerland has decided to adopt EU sanctions": Switzerland's
        before = [a for a in ann.actors if a.kind in ("state", "org") and a.end <= hit.start]
        imposer = next((a for a in ann.actors if agent and a.kind in ("state", "org") and a.text in agent), None) or \
            (before[0] if len(before) == 1 and hit.start - before[0].end <= 12 else None)  # "the new UK sanctions"
        seat = _seat(imposer.name, ann, st.anchor) if imposer is not None else None
        if seat is not None:
            return seat
    if hit.type == "statement":
        # where the speaker spoke ("said in Kyiv", "speaking at his club in Palm Beach"), else the
        # place the statement is about, else where the sentences before it were
        spoken = next((p for p in ann.places if _where_the_words_were(p, hit, ann)), None) or \
            next((p for p in places if p.precision == "place" and _spoken_at(p, ann)), None) or \
            next((p for p in ann.places if _spoken_at(p, ann, at_event=True)), None)
        if spoken is not None:
            return spoken
        own = _speakers_own_place(speaker, ann)
        if own is not None:
            return own  # "a spokesman for the government of X said", "a centre at the University of X"
        sitting = next((t for t in ann.doc if t.lemma_.lower() in BODY_SITTINGS and syntax.setting_of_words(t)), None)
        if sitting is not None:
            # "demanded at a UN security council meeting that ...": where the body sits
            seat = _meeting_seat(TriggerHit("meeting", sitting.idx, sitting.idx + len(sitting), sitting.text, 0.0),
                                 ann)
            if seat is not None:
                return seat
        # "the senators, while visiting Kyiv on Thursday, said ...": where the speaker was
        visiting = next((p for p in ann.places if p.precision in ("place", "admin1", "country") and
                         VISITING.search(text[max(0, p.start - 40):p.start]) and _of_the_verb(p, hit, ann)), None)
        if visiting is not None:
            return visiting
        specific = [p for p in places if p.precision in ("place", "admin1")]
        # "Haidai, the governor of Luhansk, called on civilians to evacuate Lysychansk": the town the
        # words are about, not the one in the speaker's title
        if any(_in_subject(p, hit, ann) for p in specific):
            if all(_in_subject(p, hit, ann) and _in_a_title(p, text) for p in specific) and TOWN_ANAPHOR.search(text):
                town = st.place(places, want="place")  # "the governor of Luhansk said Russians held most of the city"
                if town is not None and not any(town.gazetteer_id == p.gazetteer_id for p in specific):
                    return town
            specific = [p for p in specific if p.precision == "place" and _in_complement(p, hit, ann)] or specific
        if specific:
            topic = min(specific, key=lambda p: (PRECISION_RANK.get(p.precision, 3), p.start))
            went = VISIT.search(text[max(0, topic.start - 30):topic.start]) or re.search(
                r"\b(come|came|travel\w*|flew|arrived) (to|in) (the )?$", text[max(0, topic.start - 30):topic.start])
            if topic.country not in FRONT_COUNTRIES and not went and not _of_the_verb(topic, hit, ann):
                # "Milley said Finland joining Nato would encircle Kaliningrad": a foreign town the words
                # are about, far from the war, is not where they were said
                seat = _seat(speaker, ann, st.anchor)
                if seat is not None and seat.country != topic.country:
                    return seat
            return topic
        if THERE.search(text) and (before := st.nearby_place(within=1)) is not None:
            return before  # "a separatist claimed 300 fighters were also trapped there": the place just told
        office = _unnamed_office_before(speaker, ann, st)
        if office is not None:
            return office  # "... led the mayor of X to close schools. '...,' <a name told first here> said"
        if TOWN_ANAPHOR.search(text):
            town = st.place(places, want="place")  # "the city's mayor said ..."
            # (a side at the front speaking of "the port" means one of its own, not a capital abroad the
            # post named before: Ukraine's army and Cairo)
            if town is not None and (town.country in FRONT_COUNTRIES or not _of_the_front(speaker, st.anchor)):
                return town
        if st.court_place is not None and TOLD_THE_COURT.search(text):
            return st.court_place  # "X told the court" after "the court in Moscow": where it sits
        if st.meeting_place is not None and (MEETING_ANAPHOR.search(text) or _told_a_counterpart(speaker, ann)):
            # "he told a press conference following the summit", "Putin told Erdoğan" after their talks:
            # where the meeting was held
            return st.meeting_place
        # the sentence before, else the speaker's seat, else a little further back
        # the sentence before, unless it told of the front: a party speaks about the fighting from its seat
        if _spokesperson(speaker, ann, st.anchor) and (seat := _seat(speaker, ann, st.anchor) or
                                                        _principals_seat(ann, st.anchor)) is not None:
            return seat  # a spokesman briefs from the capital, not from the town the story told before
        before = st.nearby_place(within=1)
        quoted = before is not None and len(st.recent_text) > 1 and _inside_quote(st.recent_text[-2], before.start)
        if quoted:
            before = None  # the ports someone else's quoted words named are not where the next voice spoke
        if before is not None and st.place_paragraph_start == len(st.places_by_sentence) - 1 and \
                _body(speaker, st.anchor) and not (len(st.recent_text) > 1 and _names(st.recent_text[-2], speaker)):
            before = None  # a body opening a new paragraph speaks from its seat, not from the story before
        if before is not None and _seat_of_another(before, speaker, ann):
            before = None  # "Russia has condemned the EU's decision" after a sentence set in Brussels
        if before is not None and speaker and (served := _office_countries(speaker, ann)) and \
                before.country not in served and not (len(st.recent_text) > 1 and GATHERING.search(st.recent_text[-2])):
            # the Czech finance minister after a sentence on a meeting in Tokyo (at a summit or forum
            # told before, all who came speak there)
            before = None
        if before is not None and before.country not in FRONT_COUNTRIES:
            return before
        # a person travels (a foreign minister at a summit abroad): only a body speaks from its seat
        if _travels(speaker, st.anchor) and not (speaker and _posted_to(speaker, ann, st.anchor)):
            if before is None and (st.meeting_place or st.venue) is not None and st.gathering_story:
                return st.meeting_place or st.venue  # a minister's words in the story of a summit abroad are said there
            return before if before is not None and before.country not in FRONT_COUNTRIES else None
        seat = _seat(speaker, ann, st.anchor)
        if seat is None and speaker and (FOREIGN_VOICE.search(speaker) or _foreign_office(speaker, ann)):
            return None  # "senior western officials", "the MPs": they do not speak from the front told before
        if seat or before:
            return seat or before
        opener = next((a for a in ann.actors if a.kind == "state" and a.start == 0), None)
        if opener is not None and opener.country and opener.country not in FRONT_COUNTRIES | {"RU"}:
            # "Spain is also increasing its support for Ukraine, according to government sources": what a
            # state abroad does is told from its capital, not from the front told paragraphs before
            return seat_of(opener.country)
        window = 0 if quoted else STATEMENT_PLACE_WINDOW
        if speaker and (is_outlet_name(speaker) or (_a_body_speaks(speaker, ann, st.anchor) and
                                                    not any(_names(t, speaker) for t in st.recent_text[:-1]))):
            # an outlet's report, or a body the sentences before did not name, is placed by its own words or
            # its paragraph, not the story before it (a digest's next item is another story; a person
            # may well be where the story was)
            window = min(window, len(st.places_by_sentence) - 1 - st.place_paragraph_start)
        return st.nearby_place(within=window) if window > 0 else None
    town_ref = bool(TOWN_ANAPHOR.search(text))
    area_ref = bool(AREA_ANAPHOR.search(text))
    site = _site_told_before(hit, text, st)
    if site is not None:
        return site  # "officials in Odesa confirmed missiles had struck the island": the island told before
    where = _where_antecedent(hit, ann, places) or _its_antecedent(hit, ann, places)
    if where is not None:
        return where
    part = next((p for p in ann.places if p.precision == "country" and 0 <= p.start - hit.end <= NEAR_PART and
                 COUNTRY_PART.match(text[p.end:p.end + 40])), None)
    if part is not None:
        return part  # "retreated from Ukraine's northern regions ... and reappeared in the Donbas": the north
    # "The Guardian's Peter Beaumont in Kyiv reports that seven were killed": where the teller is
    places = [p for p in places if not _in_tellers_phrase(p, hit, ann)]
    titled = [p for p in places if p.precision != "country"]
    if titled and town_ref and all(_in_a_title(p, text) and (p.precision == "admin1" or GOVERNOR.search(
            text[max(0, p.start - 30):p.end + 30])) for p in titled):
        # "the governor of Luhansk said Russians held most of the city": the town told before (a
        # mayor's "the city" is the mayor's own)
        town = st.place(places, want="place")
        if town is not None and not any(town.gazetteer_id == p.gazetteer_id for p in titled):
            return town
    if places:
        # The most specific place close after the trigger ("withdrew from the town of X in the Y region"),
        # else the most specific anywhere in the sentence, nearest first.
        near = [p for p in places if 0 <= p.start - hit.start <= NEAR_CHARS] or places
        best = min(near, key=lambda p: (PRECISION_RANK.get(p.precision, 3), abs(p.start - hit.end)))
        if best.precision == "country":
            # "stormed the steelworks, the last holdout in Mariupol, Ukraine": the town, not the country
            inside = [p for p in places if p.precision != "country" and p.country == best.country]
            if inside:
                best = min(inside, key=lambda p: (PRECISION_RANK.get(p.precision, 3), abs(p.start - hit.end)))
        if best.precision != "place" and town_ref and hit.type in PLACE_INHERITING:
            town = st.place(places, want="place")  # "recaptured the town ... in the Kursk region"
            if town is not None and town.country == best.country:
                return town
        return best
    if hit.type == "prisoners" and (EXCHANGE.search(hit.text) or EXCHANGE.search(text)):
        return None  # swaps, releases and arrests happen where the text says, not where its last fighting was
    if hit.type in PLACE_INHERITING and (town_ref or area_ref):
        said = AREA_ANAPHOR.search(text) if area_ref and not town_ref else None
        if said is not None and said.group(0).lower().endswith("region"):
            # "moving its groups from the Donbas, Russia would attack in the region": the region this
            # sentence named before the words, not one told sentences back
            same = [p for p in ann.places if p.precision == "admin1" and p.end <= said.start()]
            if same:
                return same[-1]
        return st.place(places, want="place" if town_ref else "area")
    if hit.type in PLACE_INHERITING and not COMPASS_AREA.search(text) and not SINCE_THE_WAR.search(text) and \
            not STORY_SHIFT.match(text):
        # the story goes on where the sentences before it were (not when the sentence names a whole
        # side of the country: "still hold a swathe of the south")
        near = st.nearby_place(within=2, anaphors=True)
        if near is not None:
            return near
    if hit.type == "other" and not speaker and PHYSICAL_INCIDENT.search(hit.text):
        return None  # "a Russian defence facility near the border was on fire": not at the state's seat
    if hit.type not in MILITARY and hit.type != "mobilization":
        # "Russia's supreme court will hear ...", "von der Leyen has said ... sanctions": a body's
        # decision is taken where it sits (troops massed or reserves called up are where the army is,
        # not at the seat of whoever counted them)
        who = speaker or _agent_name(hit, ann)
        if hit.type == "other" and who and re.match(r"refugee", hit.text, re.I):
            # "Poland has 1.25 million refugees": the country that hosts them, not its capital
            state = canonical_actor(who, st.anchor)
            host = next((p for p in ann.places if p.precision == "country" and state is not None and
                         state.kind == "state" and state.name == who and p.country == state.country), None)
            if host is not None:
                return host
        if _travels(who, st.anchor):
            return None  # "the Russian foreign minister left the G20 meeting early": not at home
        if hit.type in PARTICIPANT_KINDS and not speaker and _parties_together(hit, ann):
            return None  # "Ukraine and Russia have signed a deal": at neither side's capital
        return _seat(who, ann, st.anchor)
    return None


# what happens to a place, not what a body decides: no seat stands for where it happened
PHYSICAL_INCIDENT = re.compile(r"\b(fires?|on fire|blaze|outbreaks?|cholera|epidemic|graves?|bodies|demolish\w*|"
                               r"raz\w*|explosions?|blasts?)\b", re.I)


# voices from far from the front, with no seat the catalogue knows
FOREIGN_VOICE = re.compile(r"\b(western|nato|british|american|european|mps?|senators?|congress(wo)?m[ae]n|lawmakers|"
                           r"parliamentarians|diplomats?)\b", re.I)


def _in_a_time_clause(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """The place is inside a "when"/"after"/"before" clause the trigger is not part of."""
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    if span is None or len(span) == 0 or tok is None:
        return False
    return any(((a.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "after", "before")
                                           for c in a.children)) or
                (a.dep_ == "prep" and a.lower_ in ("after", "before") and a.head.pos_ in ("VERB", "NOUN") and
                 not any(g.lemma_.lower() in BODY_SITTINGS | ACCORD_NOUNS for g in a.children))) and
               not syntax.in_subtree(tok, a)
               for a in span.root.ancestors)  # ("a claim made after the bombing of a hospital in Mariupol")


def _in_the_question(p: PlaceRef, ann: SentenceAnnotation) -> bool:
    """The place is inside the question put to the speaker ("Asked whether ... in Donetsk, X said")."""
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return any(t.lemma_.lower() == "ask" and t.tag_ == "VBN" and t.dep_ == "advcl" for t in span.root.ancestors)


GLOSS_LEMMAS = {"reference", "refer", "allude", "mean"}


def _in_a_gloss(p: PlaceRef, ann: SentenceAnnotation) -> bool:
    """The place is in the writer's gloss on the words ("he added, referencing the republics of Donetsk
    and Luhansk", "in a reference to Crimea"): what the words were about, not where they were said."""
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return any((t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") and t.lemma_.lower() in GLOSS_LEMMAS) or
               (t.lower_ == "reference" and t.head.lower_ == "in") for t in span.root.ancestors)


WHERE_REACH = 40  # characters between a place and the "where" that refers to it


def _where_antecedent(hit: TriggerHit, ann: SentenceAnnotation, places: list[PlaceRef]) -> PlaceRef | None:
    """'the nuclear site at Chornobyl, where fighting raged after troops crossed from Belarus': an act in a
    where-clause happened at the place its antecedent names."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    if tok is None:
        return None
    verb = syntax.governing_verb(tok)
    text = ann.sentence.text
    # "in Kharkiv, where a residential area was hit, killing at least three" (the parser hangs the toll on
    # the main verb): an act told right after a where-clause is that clause's
    told = [p for p in places if p.end <= hit.start and p.precision != "country" and
            re.match(r",\s+where\b[^;.“”]*$", text[p.end:hit.start]) and
            not any(q.start > p.end and q.end <= hit.start for q in places)]
    if told and not _a_town_after(told[-1], hit, places, hit.end + WHERE_REACH):
        return told[-1]
    if verb.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return None
    where = next(c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "where")
    # the place named just before "where" (the parser often hangs the clause on a nearer noun: "the
    # Chornobyl site in the north, where ...")
    before = [p for p in places if p.end <= where.idx and where.idx - p.end <= WHERE_REACH and p.precision != "country"]
    if before and _a_town_after(before[-1], hit, places, verb.right_edge.idx + len(verb.right_edge)):
        return None
    return before[-1] if before else None


def _a_town_after(antecedent: PlaceRef, hit: TriggerHit, places: list[PlaceRef], end: int) -> bool:
    """'the Donbas region, where fighting continues in X': a where-clause that names its own town after the
    act (before `end`) is placed there, not at the wider area it hangs on."""
    return antecedent.precision != "place" and \
        any(p.precision == "place" and hit.end <= p.start and p.end <= end for p in places)


def _its_antecedent(hit: TriggerHit, ann: SentenceAnnotation, places: list[PlaceRef]) -> PlaceRef | None:
    """'Lysychansk had been the last city in Ukrainian hands and its capture frees Moscow's forces to
    advance on Kramatorsk': "its capture" is the capture of the town the sentence opens with."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    if tok is None or tok.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
        return None
    opening = [p for p in ann.places if p.precision == "place" and p.start <= 3]  # (a town as subject is an actor)
    return opening[0] if opening else None


def _dates_the_telling(date: DateRef, ann: SentenceAnnotation) -> bool:
    """'..., its defence ministry said on Friday': the day dates the saying, not what is to come."""
    if ann.doc is None or date.char_end <= date.char_start:
        return False
    span = ann.doc.char_span(date.char_start, date.char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    before = span[0].i - 1
    if before >= 0 and ann.doc[before].lower_ == "on":
        before -= 1
    if before >= 0 and ann.doc[before].tag_ == "VBD" and ann.doc[before].lemma_.lower() in REPORTING_VERBS:
        return True  # "Norway said on Friday it would send ...", however the parser hangs the day
    head = span.root.head
    if head.dep_ == "prep":
        head = head.head
    return head.pos_ == "VERB" and head.lemma_.lower() in REPORTING_VERBS


def _in_backdrop_of_another(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """Whether the place is told in an 'as' clause of backdrop ("..., as nations gather in Switzerland")
    the trigger is not part of."""
    return _in_a_later_clause(p, hit, ann, lambda a: a.pos_ in ("VERB", "AUX") and a.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in a.children))


def _describes_the_captives(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """Whether the place is told in a relative clause on a noun, after the trigger and outside its own words."""
    return _in_a_later_clause(p, hit, ann, lambda a: a.dep_ == "relcl" and a.pos_ in ("VERB", "AUX"))


def _who_clause(tok: Token) -> bool:
    return tok.dep_ == "relcl" and any(c.lower_ in ("who", "whom") for c in tok.children)


def _told_of_an_act(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """Whether the people a who-clause describes are told of inside another clause on the trigger's
    object ("strikes that killed prisoners who were held in X"): the place is that act's."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if tok is None or span is None or len(span) == 0:
        return False
    clause = next((a for a in span.root.ancestors if _who_clause(a)), None)
    if clause is None:
        return False
    for a in clause.head.ancestors:
        if a.i == tok.i:
            return False
        if a.dep_ in ("relcl", "acl"):
            return True
    return False


def _in_a_later_clause(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation, is_clause) -> bool:
    """Whether the nearest clause above the place that `is_clause` accepts comes after the trigger and
    does not hold it."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if tok is None or span is None or len(span) == 0:
        return False
    clause = next((a for a in span.root.ancestors if is_clause(a)), None)
    return clause is not None and not syntax.in_subtree(tok, clause) and clause.i > tok.i


def _in_purpose_of_another(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """Whether the place is told in a to-infinitive of purpose the trigger is not part of."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if tok is None or span is None or len(span) == 0:
        return False
    for a in span.root.ancestors:
        to_verb = a.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in a.children)
        if to_verb and a.dep_ in ("advcl", "acl") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children):
            return not syntax.in_subtree(tok, a)
        if to_verb and a.dep_ == "xcomp" and a.head.lemma_.lower() in syntax.INTENT_VERBS:
            # "gathered hoping to fight in Ukraine": where they wish to go ("trying to take X" is the act)
            return not (syntax.in_subtree(tok, a) or a.head.i == tok.i)
    return False


def _in_since_phrase(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """Whether the place is told in a "since ..." or "amid ..." phrase the trigger is not part of."""
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    # ("amid a flurry of diplomacy in Moscow and Berlin, deaths were reported across the east": the backdrop)
    since = next((a for a in span.root.ancestors if a.lower_ in ("since", "amid", "amidst") and a.dep_ == "prep"),
                 None)
    if since is None:
        return False
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    return tok is None or not syntax.in_subtree(tok, since)


# acts whose "from" is where they happen ("evacuations from Mariupol", "attacks from Izium")
MOVEMENT_NOUNS = {"evacuation", "export", "withdrawal", "retreat", "departure", "flight", "escape", "exodus",
                  "attack", "strike", "shelling", "fire", "assault", "advance", "offensive", "push", "news",
                  "report", "release", "return", "transfer", "deportation"}


def _origin_of_a_noun(p: PlaceRef, ann: SentenceAnnotation) -> bool:
    """A place after "from" that tells where a person or thing comes from ("a captive from Morocco"),
    not where an act went ("fled from Mariupol", "launched from Belarus" hang on their verb)."""
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "from":
        return False
    noun = root.head.head
    # ("a captive from Morocco": the tagger may read "captive" as an adjective used as a noun)
    nominal = noun.pos_ in ("NOUN", "PROPN") or (noun.pos_ == "ADJ" and noun.dep_ in ("appos", "nsubj", "dobj"))
    return nominal and noun.lemma_.lower() not in MOVEMENT_NOUNS


def _in_subject(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """Whether a place is named inside the subject of the trigger's verb (the speaker's title)."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    subj = syntax.subject_of(syntax.governing_verb(tok)) if tok is not None else None
    if subj is None:
        return False
    words = list(subj.subtree)
    return words[0].idx <= p.start and p.end <= words[-1].idx + len(words[-1].text)


TITLE_BEFORE = re.compile(r"\b(governor|mayor|head|chief|leader|administration|council)\s+of\s+(the\s+)?$", re.I)
TITLE_AFTER = re.compile(r"^(['’]s)?\s+(regional\s+|city\s+|military\s+)?(governor|mayor|administration)\b", re.I)


SITE_ANAPHOR = re.compile(r"^\W*(?:[\w-]+ ){0,3}?(?:the|this|that) (island|plant|steelworks|bridge)\b", re.I)


def _site_told_before(hit: TriggerHit, text: str, st: _PostState) -> PlaceRef | None:
    """'the island' (plant, steelworks, bridge) the act is done to, just after its trigger: the place of
    that kind a recent sentence named ("Snake Island"), not a town the teller is in."""
    m = SITE_ANAPHOR.match(text[hit.end:hit.end + 40])
    if m is None:
        return None
    head = m.group(1).lower()
    for places in reversed(st.places_by_sentence[:-1][-3:]):
        found = [p for p in places if p.name.lower().split()[-1:] == [head]]
        if found:
            return found[-1]
    return None


def _in_tellers_phrase(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """The place is inside the subject of the reporting verb that tells the act, and that subject is
    a journalist ("our correspondent in Lviv reports"): where the reporter files from. (An
    official "in Odesa" speaks for the place.)"""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if tok is None or span is None or len(span) == 0:
        return False
    for verb in tok.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in syntax.REPORTING_LEMMAS:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and syntax.in_subtree(span.root, subj) and not syntax.in_subtree(tok, subj) and \
                    any(t.lower_ in REPORTER_WORDS or (t.dep_ == "poss" and is_outlet_name(t.text))
                        for t in subj.subtree):
                return True
    return False


GOVERNOR = re.compile(r"\bgovernor", re.I)


# "there" pointing back at a place, not the "there is/are" that only says something exists
THERE = re.compile(r"\bthere\b(?!\s+(is|are|was|were|will|would|could|may|might|has|have|had|seems?|appears?|"
                   r"remains?|must|should|can)\b)", re.I)


def _unnamed_office_before(speaker: str | None, ann: SentenceAnnotation, st: _PostState) -> PlaceRef | None:
    """The seat of "the mayor of X" the sentence before told of without a name, for a person named for
    the first time who speaks right after: the story names the office, then the one who holds it."""
    if not speaker or " " not in speaker or len(st.recent_text) < 2 or len(st.places_by_sentence) < 2:
        return None
    here = sum(1 for a in ann.actors if a.kind == "person")
    if not any(a.kind == "person" and a.name == speaker for a in ann.actors) or \
            any(p.name == speaker for p in st.persons[:len(st.persons) - here]):
        return None  # not named here, or named before: their office is told where they were named
    before = st.recent_text[-2]
    offices = [p for p in st.places_by_sentence[-2] if TITLE_BEFORE.search(before[max(0, p.start - 30):p.start])
               and not re.match(r",? (?:[A-Z][\w’'-]+ ){1,2}", before[p.end:p.end + 40])]
    return offices[0] if len(offices) == 1 else None


def _in_a_title(p: PlaceRef, text: str) -> bool:
    """A place naming a speaker's office ('the governor of Luhansk', 'Kharkiv's mayor')."""
    return bool(TITLE_BEFORE.search(text[max(0, p.start - 30):p.start]) or TITLE_AFTER.match(text[p.end:p.end + 30]))


def _in_complement(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """Whether a place is named in what the trigger's verb says or asks (its object or complement
    clause), not in a clause of circumstance ("as Russia shelled X") or in its subject."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if tok is None or span is None or len(span) == 0:
        return False
    verb, cur = syntax.governing_verb(tok), span.root
    for _ in range(40):
        if cur.head.i == verb.i:
            return cur.dep_ in ("ccomp", "xcomp", "dobj", "prep")
        if cur.dep_ in ("advcl", "relcl", "acl", "parataxis") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


OWN_PLACE_LINK = re.compile(r"^\s*,?\s*(at|in|of|from)\s+(the\s+)?([A-Z][\w’'-]*\s+(of\s+)?){0,3}$")


def _speakers_own_place(speaker: str | None, ann: SentenceAnnotation) -> PlaceRef | None:
    """A place in the words that name the speaker ("a spokesman for the government of the Falkland Islands", "a
    research centre at the University of Leipzig"): where that speaker sits. Only an unknown speaker's (a
    known one's seat is known) and only a town, region or country named in full."""
    if not speaker or canonical_actor(speaker) is not None:
        return None
    text = ann.sentence.text
    at = text.find(speaker)
    if at < 0:
        return None
    end = at + len(speaker)
    for p in ann.places:
        # (the place's own name after "of", "in", "at" or "from": not a demonym, not a token of a name)
        named = p.text[:1].isupper() and p.text.lower() in p.name.lower() and \
            re.search(r"\b(of|in|at|from) (the )?$", text[max(0, p.start - 10):p.start]) is not None
        if named and (at <= p.start < end or (p.start >= end and OWN_PLACE_LINK.match(text[end:p.start]))):
            return p
    return None


def _seat_of_another(p: PlaceRef, speaker: str | None, ann: SentenceAnnotation) -> bool:
    """Whether the place is where another party of the sentence sits (the EU's Brussels in "Russia
    condemned the EU's decision"): that party's place, not the speaker's."""
    for a in ann.actors:
        if a.text == speaker or a.name == speaker or a.kind not in ("org", "state"):
            continue
        seat = _seat(a.name, ann)
        if seat is not None and seat.gazetteer_id == p.gazetteer_id:
            return True
    return False


def _of_the_verb(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """Whether a place phrase belongs to the trigger's own clause ("X, while visiting Kyiv, said"),
    not to another clause of the sentence ("a statement Lavrov confirmed during a visit to India")."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if tok is None or span is None or len(span) == 0:
        return False
    verb, own = syntax.governing_verb(span.root), syntax.governing_verb(tok)
    return verb.i == own.i or (verb.dep_ == "advcl" and verb.head.i == own.i)


def _act_subject(hit: TriggerHit, ann: SentenceAnnotation) -> Token | None:
    """The subject of the verb the trigger belongs to."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    return syntax.subject_of(syntax.governing_verb(tok)) if tok is not None else None


def _parties_together(hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """The act's subject is two parties joined by "and" ("Ukraine and Russia signed ...")."""
    subj = _act_subject(hit, ann)
    return subj is not None and any(c.dep_ == "conj" for c in subj.children)


def _agent_name(hit: TriggerHit, ann: SentenceAnnotation) -> str | None:
    subj = _act_subject(hit, ann)
    return _named(subj, ann) if subj is not None and subj.pos_ != "PRON" else None


def _date(hit: TriggerHit, tok: Token | None, ann: SentenceAnnotation,
          st: _PostState) -> tuple[DateRef | None, int]:
    """The date attached to the trigger, else any date in the sentence, else the post's, else the DCT."""
    # "the highest toll since an attack in April", "its 11th swap since the start of the invasion":
    # a date after "since" starts a span of time, it is not when this happened
    text = ann.sentence.text
    # "no word since Tuesday, when its deputy minister said ...": the day the when-clause hangs on
    for d in ann.dates:
        clause = WHEN_CLAUSE.match(text, d.char_end)
        if clause is not None and clause.end() <= hit.start and _since_date(d, ann) and \
                not re.search(r"[;:.“\"]", text[clause.end():hit.start]):
            return d, 3
    dates = [d for d in ann.dates if not _since_date(d, ann)]
    if hit.type == "statement" and st.anchor is not None and tok is not None:
        # "... could compensate for the loss over the next six weeks, according to ...": a time to come in
        # the words does not date the saying (a day to come on the verb itself does: "will speak on Monday")
        dates = [d for d in dates if d.end <= st.anchor or
                 ((v := _date_verb(d, ann)) is not None and v.i == syntax.governing_verb(tok).i and tok.pos_ == "VERB")]
    # "this year's chair of the G20": a date that says which thing, not when ("last week's strikes" dates them)
    dates = [d for d in dates if not _dates_another_noun(d, tok, ann)]
    # "held a video call ... ahead of the Kremlin's Victory Day parades": the day it came before, not its own
    dates = [d for d in dates if not AHEAD_OF.search(text[max(0, d.char_start - 40):d.char_start])]
    # "imports ... of 33 million barrels for 2021": a year a figure is counted over, not when anything happened
    dates = [d for d in dates if not (d.precision == "year" and text[max(0, d.char_start - 4):d.char_start] == "for ")]
    after = _after_clause_date(hit, ann.sentence.text, st.anchor)
    if after is not None:
        return after, 3
    if dates and tok is not None and tok.pos_ == "NOUN":
        # "the toll from last week's strike rose on Tuesday", "a weekend missile attack": a date inside
        # the act's own noun phrase says when the act was, whatever day the sentence's verb has
        own = [d for d in dates if _modifies_noun(d, tok, ann)]
        if own:
            return own[0], 3
    if dates and tok is not None:
        verb = syntax.governing_verb(tok)
        attached = [d for d in dates if _date_verb(d, ann) is not None and _date_verb(d, ann).i == verb.i]
        if not attached:
            # "banned dozens from entering the country in June": a date on the verb the act's own
            # preposition governs dates the act (the parser hangs it on the nearer verb)
            attached = [d for d in dates if (v := _date_verb(d, ann)) is not None and v.dep_ == "pcomp" and
                        v.head.dep_ == "prep" and v.head.head.i == verb.i and v.i > verb.i]
        if not attached:
            # "When Johnson survived a confidence vote in April, Zelenskiy said ...": then
            attached = [d for d in dates if (v := _date_verb(d, ann)) is not None and v.dep_ == "advcl" and
                        v.head.i == verb.i and any(c.dep_ == "advmod" and c.lower_ == "when" for c in v.children)
                        and any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)]
        if not attached and hit.type in ("casualties", "strike") and tok.pos_ == "VERB":
            # "three were killed as a result of fighting on Sunday": the day of the harm's cause, below it
            attached = [d for d in dates if d.precision == "day" and (r := _date_root(d, ann)) is not None and
                        r.i > tok.i and _under_by_nouns(r, verb) and not PRESENT_WORDS.match(d.text)]
        if not attached and hit.type == "statement" and tok.pos_ == "VERB":
            # "told CNN on Friday they had seen ...": a date right after the verb and whom it was told to
            # is the day of the telling, wherever the parser hung it
            text = ann.sentence.text
            after = tok.idx + len(tok)
            attached = [d for d in dates if 0 <= d.char_start - after and
                        len(text[after:d.char_start].split()) <= TOLD_WHOM_WORDS and
                        not re.search(r"[,;:“\"]|\bthat\b", text[after:d.char_start])]
        if not attached and hit.type == "statement":
            # "Speaking at a meeting on Thursday, the president said ...": the day of the speaking
            attached = [d for d in dates if (v := _date_verb(d, ann)) is not None and v.dep_ == "advcl" and
                        v.head.i == verb.i and v.tag_ == "VBG" and
                        v.lemma_.lower() in syntax.SPEAKING_PARTICIPLES | VISITING_LEMMAS]
        if not attached and tok.pos_ in ("NOUN", "PROPN"):
            # "a strike on a base that killed 87 soldiers in May": the clause on the act's noun dates it
            attached = [d for d in dates if (v := _date_verb(d, ann)) is not None and v.dep_ == "relcl" and
                        (v.head.i == tok.i or
                         (v.lemma_ in TOLL_VERBS and tok.left_edge.i <= v.head.i <= tok.right_edge.i))
                        and not PRESENT_WORDS.match(d.text)]
        if not attached:
            # "the strikes on the prison in X, which Russia said took place on 29 July": however the parser
            # hangs the relative clause, what "took place" on a day is the act the sentence names
            attached = [d for d in dates if (v := _date_verb(d, ann)) is not None and _took_place(v) and
                        d.char_start > hit.start]
            # ("overnight on 29 July": the day named, not the night before the report)
            attached = [d for d in attached if re.search(r"\d", d.text)] or attached
        last = syntax.token_at(ann.doc, hit.end - 1, hit.end)
        if not attached and last is not None and last.pos_ == "NOUN":
            # "will host a conference next year": a date right after the noun of the act dates it, however
            # the parser hung it ("investigating the 6 January storming" dates what is investigated)
            attached = [d for d in dates if d.char_start > hit.end and not text[hit.end:d.char_start].strip()
                        and not PRESENT_WORDS.match(d.text)]
        # a report date ("the ministry said on Sunday that ...") stands in for the event's
        # ("attempt to claim victory by 9 May": a reporting word inside what was said reports nothing)
        reported = [d for d in dates if (v := _date_verb(d, ann)) is not None and (
            v.dep_ == "ROOT" or (v.lemma_ in syntax.REPORTING_LEMMAS and v.dep_ not in ("xcomp", "ccomp")))]
        if attached:
            # "On Tuesday, ministers backed a cut in gas use over the winter": the day it happened, not the
            # span it is for
            attached = [d for d in attached if d.precision == "day"] or attached
            best = min(attached, key=lambda d: abs(d.char_start - hit.start))
            if PRESENT_WORDS.match(best.text) and reported:
                # "said on Friday that firms were now banned from ...": now is the day of the telling
                return min(reported, key=lambda d: abs(d.char_start - hit.start)), 2
            # "currently", "now": the state at report time, weaker than a date the event happened on
            return best, 1 if PRESENT_WORDS.match(best.text) else 3
        if reported:
            return min(reported, key=lambda d: abs(d.char_start - hit.start)), 2
    if hit.type == "statement" and st.published_at is not None and st.anchor is not None and \
            NIGHTLY_ADDRESS.search(text) and st.published_at.hour < EVENING_HOUR_UTC:
        # "said in his nightly video address", in a report out before the evening: last night's address
        day = st.anchor - dt.timedelta(days=1)
        return DateRef(day, day, "day", "relative", ""), 2
    speakers = [a.speaker for a in ann.attributions if a.speaker] if hit.type in ("statement", "other") else None
    inherited = st.recent_date(dates, speakers)
    if inherited is not None and hit.type == "statement" and st.anchor is not None and \
            (st.anchor - inherited.start).days > STATEMENT_INHERIT_DAYS and inherited not in st.previous_dates:
        # words reported without a date are recent, not of a month-old story told a while before
        # ("On Sunday, 16 February, X spoke to Y. Y claimed ...": the sentence just before dates them)
        inherited = None
    if inherited is not None and hit.type == "statement" and st.anchor is not None and \
            (st.anchor - inherited.start).days > STATEMENT_INHERIT_DAYS:
        # "... missed a deadline on Sunday on bonds due on 27 May, Bloomberg reported. Peskov said ...":
        # of the sentence before's days, the recent one, not the last one it names
        recent = [d for d in st.previous_dates if d.precision == "day" and
                  0 <= (st.anchor - d.start).days <= STATEMENT_INHERIT_DAYS]
        inherited = max(recent, key=lambda d: d.start) if recent else inherited
    if inherited is not None and hit.type not in ("call",):
        return DateRef(inherited.start, inherited.end, inherited.precision, inherited.basis, inherited.text), 1
    if st.anchor is None:
        return None, 0
    return DateRef(st.anchor, st.anchor, "day", "dct", ""), 0


NIGHTLY_ADDRESS = re.compile(r"\b(nightly|late-night|latest|evening) (video |televised )?(address|speech)\b", re.I)
EVENING_HOUR_UTC = 18  # 21:00 in Kyiv and Moscow in summer: a leader's evening address is out by then
AHEAD_OF = re.compile(r"\b(ahead of|in the run-up to|in the lead-up to|in preparation for)\s+(the\s+)?"
                      r"([\w’'-]+\s+){0,2}$", re.I)
VISITING_LEMMAS = {"visit", "tour", "meet"}  # "while visiting Kyiv on Thursday, said ...": the day of the visit
WHEN_CLAUSE = re.compile(r",?\s+when\s+")


def _took_place(verb: Token) -> bool:
    """'which (Russia said) took place / happened / occurred': a relative clause telling when its act was."""
    happened = verb.lemma_.lower() in ("happen", "occur") or (
        verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))
    if not happened:
        return False
    clause = verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in syntax.REPORTING_LEMMAS else verb
    relative = clause.dep_ == "relcl" and any(t.lower_ in ("which", "that") for t in verb.subtree)
    return relative or any(t.lower_ in ("which", "that") and t.dep_ in ("nsubj", "nsubjpass") for t in verb.children)


def _modifies_noun(d: DateRef, tok: Token, ann: SentenceAnnotation) -> bool:
    """A date before a noun inside its phrase, as a possessive or a modifier ("Sunday's strike")."""
    span = ann.doc.char_span(d.char_start, d.char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    words = [t for t in span if t.dep_ not in ("case", "det")]
    if not words:
        return False
    cur = words[-1]
    while cur.i < tok.i and cur.dep_ in ("poss", "compound", "amod", "nmod"):
        cur = cur.head
    return cur.i == tok.i


def _dates_another_noun(d: DateRef, tok: Token | None, ann: SentenceAnnotation) -> bool:
    """A possessive date ("this year's chair") or "a recent" ("said of the recent discoveries") on a noun
    that is not the trigger."""
    if ann.doc is None:
        return False
    span = ann.doc.char_span(d.char_start, d.char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if len(span) == 1 and is_month_name(span.root.text) and span.root.dep_ in ("compound", "amod") and \
            span.root.head.pos_ == "NOUN" and span.root.head.i > span.root.i:
        return tok is None or span.root.head.i != tok.i  # "Russia's February invasion": which invasion
    recent = d.text.lower().split()[-1:] == ["recent"]
    if not recent and ann.sentence.text[d.char_end:d.char_end + 2] not in ("'s", "’s"):
        return False
    owner = span[-1].head if recent else span.root.head
    return tok is None or owner.i != tok.i


def _spoken_at(p: PlaceRef, ann: SentenceAnnotation, at_event: bool = False) -> bool:
    """Where words were spoken: 'said in Kyiv'; with `at_event`, only the occasion's place ('in a
    speech in Romania'), which a country can be (a country after 'said in' is what it was about)."""
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if any(c.dep_ == "relcl" and c.lemma_.lower() in syntax.REPORTING_LEMMAS and
           any(g.lower_ == "where" for g in c.children) for c in span.root.children):
        return True  # "in Moscow, where the foreign office said ..."
    prep = span.root.head
    if prep.lower_ not in ("in", "at"):
        return False
    if prep.head.lemma_.lower() in SPEECH_NOUNS:
        return True  # "in a speech in Romania", "at a press conference in Kyiv"
    if _venue_of_an_occasion(prep.head):
        return True  # "during a news conference at a hotel in Singapore"
    if at_event:
        return False
    verb = syntax.governing_verb(span.root)
    # "the government in Vilnius was described as ...": where the government is, not the words
    return prep.head.i == verb.i and verb.lemma_.lower() in syntax.REPORTING_LEMMAS | {"speak", "address", "tell"}


VENUE_PREPS = {"at", "aboard", "on", "in", "inside"}
# "a warship which was moored in Stockholm", "a hotel located in the capital"
SITUATED_VERBS = {"moor", "dock", "anchor", "berth", "locate", "base", "station", "hold", "situate"}


def _venue_of_an_occasion(host: Token) -> bool:
    """A place that says where the venue of a speech was: "during a news conference aboard a warship, which
    was moored in Stockholm", "at a briefing at a hotel in Singapore". The venue hangs on the occasion by a
    preposition of place, the town on the venue directly or by a clause saying where it stands."""
    if host.pos_ in ("VERB", "AUX") and host.dep_ in ("relcl", "acl") and host.lemma_.lower() in SITUATED_VERBS:
        host = host.head
    if host.dep_ == "appos":  # "aboard the warship USS Kearsarge, which was moored in ..."
        host = host.head
    if host.pos_ not in ("NOUN", "PROPN") or host.dep_ != "pobj" or host.head.lower_ not in VENUE_PREPS:
        return False
    return host.head.head.lemma_.lower() in SPEECH_NOUNS


def _where_the_words_were(p: PlaceRef, hit: TriggerHit, ann: SentenceAnnotation) -> bool:
    """'an angry response from Moscow, where officials accused Vilnius of ...': the words' own clause hangs
    on the place by "where"."""
    tok = syntax.token_at(ann.doc, hit.start, hit.end)
    span = ann.doc.char_span(p.start, p.end, alignment_mode="expand")
    if tok is None or span is None or len(span) == 0:
        return False
    return any(c.dep_ == "relcl" and any(g.lower_ == "where" for g in c.children) and
               c.left_edge.i <= tok.i <= c.right_edge.i for c in span.root.children)


SPEECH_NOUNS = {"speech", "address", "conference", "briefing", "remarks", "rally", "appearance", "visit", "meeting",
                "summit", "forum", "interview", "session", "ceremony"}


def _since_date(d: DateRef, ann: SentenceAnnotation) -> bool:
    span = ann.doc.char_span(d.char_start, d.char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    cur = span.root
    for _ in range(6):
        if cur.lower_ == "since" or any(c.lower_ == "since" and c.dep_ in ("prep", "mark") for c in cur.children):
            return True
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return False
        cur = cur.head
    return False


def _under_by_nouns(tok: Token, verb: Token) -> bool:
    """`tok` hangs below `verb` through phrases only ("killed ... as a result of fighting on Sunday"), no
    clause of another verb between them ("accusing its defenders of ... during the ceasefire")."""
    for a in tok.ancestors:
        if a.i == verb.i or (a.dep_ == "conj" and a.head.i == verb.i):  # ("killed and 16 injured as a result of")
            return True
        if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("pobj", "pcomp", "prep"):  # ("following an attack")
            return False
    return False


def _date_root(d: DateRef, ann: SentenceAnnotation) -> Token | None:
    """The head token of a date expression's words."""
    span = ann.doc.char_span(d.char_start, d.char_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _date_verb(d: DateRef, ann: SentenceAnnotation) -> Token | None:
    """The verb a date expression modifies."""
    root = _date_root(d, ann)
    return syntax.governing_verb(root) if root is not None else None


_AFTER = re.compile(r"\b(nearly |almost |about |some |more than |over )?(\w+) (day|week|month|year)s? after\b", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}


def _after_clause_date(hit: TriggerHit, text: str, anchor: dt.date | None) -> DateRef | None:
    """'Seven months after Ukraine launched an incursion, ...': the incursion was seven months *before*."""
    m = _AFTER.search(text)
    if not m or anchor is None or hit.start < m.end() or hit.start - m.end() > 60 or "," in text[m.end():hit.start]:
        return None
    word = m.group(2).lower()
    n = _NUMBERS.get(word) or (int(word) if word.isdigit() else None)
    if n is None:
        return None
    unit = m.group(3).lower()
    if m.group(1) and unit == "year":  # "nearly three years after": the year, roughly
        year = anchor.year - n
        return DateRef(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "relative", m.group(0), m.start(), m.end())
    if unit == "day":
        day = anchor - dt.timedelta(days=n)
        return DateRef(day, day, "day", "relative", m.group(0), m.start(), m.end())
    if unit == "week":
        day = anchor - dt.timedelta(weeks=n)
        return DateRef(day - dt.timedelta(days=3), day + dt.timedelta(days=3), "week", "relative", m.group(0),
                       m.start(), m.end())
    months = n * (12 if unit == "year" else 1)
    y, mo = divmod(anchor.year * 12 + anchor.month - 1 - months, 12)
    start = dt.date(y, mo + 1, 1)
    end = (dt.date(y + (mo + 1) // 12, (mo + 1) % 12 + 1, 1) - dt.timedelta(days=1))
    return DateRef(start, end, "month", "relative", m.group(0), m.start(), m.end())


HARM_TYPES = {"strike", "casualties"}
WEEKDAY = re.compile(r"(on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.I)
STATEMENT_PLACE_WINDOW = 3  # sentences back a statement takes its place from before falling back to a seat
PARTICIPANT_KINDS = {"meeting", "call", "agreement"}  # planned gatherings: the kinds a cancellation undoes


def _attacker_word(text: str, side: ActorRef) -> bool:
    """'Russian shells', 'Russia shelled', 'Russian forces attacked': the side named as the one striking."""
    words = text[side.start:side.end + 40].lower()
    return bool(re.search(r"\b(shell|strike|struck|attack|missile|rocket|bomb|drone|artillery|troops|forces|"
                          r"army|airstrike|fire|fired|hit|launch)", words))


SUFFER_VERBS = {"suffer", "endure", "sustain", "face", "withstand", "survive"}


def _target_span(tok: Token) -> tuple[int, int] | None:
    """The subject of 'came under fire', 'suffered heavy shelling': the side or place hit (sentence
    offsets), which is not the attacker."""
    verb = syntax.governing_verb(tok)
    under = any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children) and \
        verb.lemma_.lower() in ("come", "be", "remain", "fall")
    if not under and verb.lemma_.lower() not in SUFFER_VERBS:
        return None
    subj = syntax.subject_of(verb)
    if subj is None:
        return None
    return subj.left_edge.idx - subj.sent.start_char, subj.right_edge.idx + len(subj.right_edge) - subj.sent.start_char


def _actors(hit: TriggerHit, tok: Token | None, ann: SentenceAnnotation, sources: list[tuple[str, str]],
            st: _PostState) -> list[ActorRef]:
    """Actors of the sentence, the trigger's subject first (the agent).

    A news outlet reporting an act is not one of its actors, nor is a town the tagger took for a
    person; a strike or toll that names no side is the side the post's earlier strikes named."""
    place_words = {p.text for p in ann.places}
    actors = [a for a in ann.actors if not (a.kind == "person" and a.text in place_words)
              and (hit.type == "statement" or not is_media(a.actor_id))]
    # "Ukraine's second city, Kharkiv, came under heavy bombardment": whose city was hit, not who hit it
    target = _target_span(tok) if tok is not None and hit.type in HARM_TYPES else None
    if hit.type in HARM_TYPES:
        sides = [a for a in actors if a.kind in ("state", "force") and
                 not (target and target[0] <= a.start < target[1])]
        if sides:
            st.attacker = sides[0] if _attacker_word(ann.sentence.text, sides[0]) else st.attacker
        elif st.attacker is not None:
            actors.append(replace(st.attacker, start=-1, end=-1))  # named earlier, not in this sentence
    if target is not None:
        # the side whose town was hit is no agent; a person or unit hit is still part of the event
        actors = [a for a in actors if not target[0] <= a.start < target[1]] + \
            [a for a in actors if target[0] <= a.start < target[1] and a.kind != "state"]
    elif tok is not None:
        verb = syntax.governing_verb(tok)
        subj = syntax.subject_of(verb)
        if subj is not None:
            lo, hi = subj.left_edge.idx - subj.sent.start_char, subj.right_edge.idx + len(subj.right_edge)
            agents = [a for a in actors if lo <= a.start < hi]
            actors = agents + [a for a in actors if a not in agents]
    seen, out = set(), []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out
