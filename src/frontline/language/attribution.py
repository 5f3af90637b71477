"""Who says so, and whether it happened: attribution and modality from the dependency parse.

An event's status (SPEC section 3) depends on both: "Russia claimed control of X" is a claim by
Russia, "Kyiv denied claims that its troops were surrounded" a denial by Kyiv, "X is set to
announce" expected, "the trip has been cancelled" cancelled. Attribution finds reporting verbs
and phrases and takes their subject (or "according to X", "was confirmed by X") as the speaker,
named as in the text; pronouns ("..., it said") resolve to the previous sentence's speaker.
Modality looks through reporting verbs to the clause they report, so "officials said the
package was expected to be substantial" is expected, not a plain statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from frontline.language.actors import find_actors, is_outlet_name
from frontline.language.gazetteer import is_demonym
from frontline.models import ActorRef, Attribution

# ---------------------------------------------------------------- lexicon

DENY_VERBS = {
    "deny", "reject", "dismiss", "refute", "rebut", "dispute", "disavow", "debunk",
}
CONFIRM_VERBS = {"confirm", "admit", "acknowledge", "concede", "verify"}
# Reporting verbs that always introduce a statement.
STRONG_VERBS = {
    "say", "claim", "tell", "warn", "insist", "accuse", "allege", "announce", "report", "declare",
    "assert", "maintain", "contend", "boast", "vow", "pledge", "threaten", "urge", "brief", "tweet",
} | DENY_VERBS | CONFIRM_VERBS
# Verbs that report only when they govern a clause ("added that ...", "wrote on Telegram: ...").
WEAK_VERBS = {
    "add", "write", "post", "state", "note", "stress", "explain", "reveal", "argue", "suggest",
    "emphasise", "emphasize", "reiterate", "repeat", "comment", "remark", "predict", "estimate",
    "indicate", "conclude", "signal", "complain", "mention", "observe", "hint", "inform", "read", "continue",
}
REPORTING_VERBS = STRONG_VERBS | WEAK_VERBS
EXPECT_VERBS = {"expect", "predict", "anticipate", "forecast", "project"}

# Nouns that stand for their author ("a statement released by X", "the map shared by X").
STATEMENT_NOUNS = {
    "statement", "report", "update", "post", "communique", "communiqué", "readout", "message",
    "announcement", "map", "video", "briefing", "release", "bulletin", "summary", "assessment",
    "note", "letter", "decree", "tweet", "address", "data", "figure", "chart", "channel",
    "calculation", "estimate", "analysis", "study", "survey", "poll", "research", "account", "article", "editorial",
}
# What several statements are read to show ("the statements suggest ..."): the writer's inference.
READING_VERBS = {"suggest", "indicate", "show", "signal", "imply", "reflect"}
# Nouns whose owner asserts something ("Russian claims that ...", "Moscow's allegations").
CLAIM_NOUNS = {"claim", "allegation", "assertion", "accusation", "report"}
# Head nouns of a noun phrase that names a person ("a Ukrainian military spokesperson").
PERSON_NOUNS = {
    "spokesman", "spokesperson", "spokeswoman", "minister", "president", "official", "envoy",
    "leader", "general", "commander", "blogger", "adviser", "advisor", "analyst", "secretary",
    "chancellor", "governor", "mayor", "ambassador", "chief", "head", "premier", "source",
    "prosecutor", "mp", "senator", "lawmaker", "journalist", "reporter", "host", "commentator",
    "correspondent", "expert", "soldier", "officer", "diplomat", "aide", "negotiator", "man",
    "woman", "resident", "witness", "veteran", "deputy", "director", "representative", "member",
    "chairman", "politician", "activist", "monarch", "king", "queen", "pope", "colonel", "fighter", "volunteer",
    "separatist", "rebel", "insurgent", "partisan", "militant", "lawyer", "attorney", "judge", "investigator",
}
# Head nouns of bodies that issue statements ("the ministry said", "Russian media reported").
BODY_NOUNS = {
    "ministry", "government", "staff", "office", "agency", "army", "military", "force", "media",
    "outlet", "newspaper", "service", "administration", "council", "parliament", "committee",
    "command", "authority", "police", "prosecutor", "court", "company", "operator", "group", "unit",
    "brigade", "battalion", "regiment", "monitor", "observer", "team", "mission", "department",
    "family", "people", "spokesperson", "kremlin", "embassy", "party", "campaign", "bloc",
    "alliance", "coalition", "commission", "organisation", "organization", "institute", "watchdog",
    "governor", "region", "city", "country", "state", "nation", "side", "delegation", "network",
    "intelligence", "directorate", "headquarters", "navy", "guard", "fleet", "corps",
    "firm", "giant", "supplier", "producer", "exporter", "manufacturer", "bank", "charity",
}
# a spokesperson's office, for where they speak and whose office they hold (events.extract, events.merge)
SPOKESPERSON = re.compile(r"\b(spokes(man|woman|person)|press secretary)\b", re.I)
RAISING_VERBS = {"appear", "seem"}
# Verbs of opinion: what they govern is the holder's view, so a cue inside it speaks for nobody.
VIEW_VERBS = {"agree", "believe", "think", "reckon", "suspect", "feel", "fear", "doubt", "assume", "suppose",
              "recount", "recall", "describe"}  # "a soldier recounted how guards would threaten them"
DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
# A bare "the outlet" stands for the medium named before it, not for a speaker of its own.
MEDIUM_NOUNS = {"outlet", "newspaper", "broadcaster", "paper", "daily", "website"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "miss"}
PERSONAL = {"he": True, "she": True, "him": True, "her": True, "it": False, "they": None, "them": None}
SKIP_SUBJECTS = {"i", "we", "you", "me", "us", "this", "that", "these", "those", "what", "there", "one", "which"}

CANCEL_VERBS = {"cancel", "scrap", "postpone", "shelve", "axe"}
CANCEL_ADJ = {"cancelled", "canceled", "postponed", "scrapped", "shelved", "aborted"}
EXPECT_ADJ = {"upcoming", "planned", "scheduled", "proposed", "forthcoming", "expected", "impending", "prospective"}
# Verbs and adjectives that put the clause they govern in the future ("set to", "plans to").
PLAN_HEADS = {
    "set", "expect", "plan", "schedule", "due", "intend", "aim", "prepare", "poise", "slate",
    "likely", "go", "about", "poised", "slated", "scheduled", "expected", "bound", "hope", "seek",
}
CONDITION_MARKS = {"if", "unless"}
PURPOSE_NOUNS = {
    "purpose", "aim", "goal", "intention", "task", "idea", "plan", "objective", "mission", "job",
    "priority", "hope", "point", "challenge", "question", "problem", "answer", "solution", "way",
}
STANCE_ADJ = {"confident", "sure", "certain", "hopeful", "optimistic", "convinced", "adamant"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
POSSIBLE_MODALS = {"could", "might", "may"}


@dataclass
class _Speaker:
    text: str
    person: bool | None  # None: cannot tell
    plural: bool = False
    spoke: bool = False  # the speaker or subject of the sentence before, not just a name in it


@dataclass
class _Context:
    doc: Doc
    actors: list[ActorRef]
    previous: Doc | None
    depth: int
    speakers: list[_Speaker] = field(default_factory=list)
    _prev: list[_Speaker] | None = None
    previous_actors: list[ActorRef] | None = None

    def prior(self) -> list[_Speaker]:
        """Speakers and subjects of the previous sentence, most salient first."""
        if self._prev is not None:
            return self._prev
        out: list[_Speaker] = []
        if self.previous is not None and self.depth == 0:
            prev_actors = self.previous_actors if self.previous_actors is not None else find_actors(self.previous)
            sub = _Context(self.previous, prev_actors, None, self.depth + 1)
            out.extend(replace(sp, spoke=True) for _, sp in reversed(_attribute(sub)))
            root = _main_root(self.previous)
            subj = _subject(root) if root is not None else None
            if subj is not None and subj.lower_ not in PERSONAL:
                found = _speakers(subj, sub)
                out.extend(replace(sp, spoke=True) for sp in found)
                if not found and subj.lemma_.lower() in STATEMENT_NOUNS:
                    # "The report says ... It says ...": "it" is the document, whose author is not known
                    # here; not a country named inside it
                    out.append(_Speaker("", False, spoke=True))
            out.extend(_Speaker(_strip_honorific(a.text), a.kind == "person") for a in reversed(prev_actors)
                       if not _modifier_only(a, self.previous))
        self._prev = out
        return out

    def _by_whom(self, actor: ActorRef) -> bool:
        """The actor is the agent of something said or made ("a statement made by X")."""
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and any(
            t.dep_ == "agent" or t.lower_ == "by" for t in span.root.ancestors)

    def _pair_of_people(self) -> _Speaker | None:
        """'Putin welcomed Erdoğan ... They agreed': 'they' after one person met another is the two,
        led by the first; not a state named in passing."""
        prior = self.prior()
        lead = next((sp for sp in prior if sp.spoke), None)
        people = {sp.text for sp in prior if sp.person is True}
        if lead is not None and lead.person is True and len(people) >= 2:
            return lead
        return None

    def resolve(self, pronoun: Token) -> _Speaker | None:
        """The nearest earlier speaker in this sentence, else in the previous one, that fits the pronoun.

        A pronoun inside a subordinate clause ("Sunak said he would ...") may also refer to an
        actor named earlier in the same sentence; the subject of the main verb ("..., he said")
        refers back to the previous sentence.
        """
        want = PERSONAL[pronoun.lower_]
        here = list(reversed(self.speakers))
        if pronoun.head.dep_ != "ROOT":
            for a in reversed(self.actors):
                span = self.doc.char_span(a.start, a.end)
                if a.end <= pronoun.idx and span is not None and span.root.dep_ in {"nsubj", "nsubjpass", "appos"} \
                        and (a.actor_id is not None or a.kind == "person"):
                    here.append(_Speaker(_strip_honorific(a.text), a.kind == "person"))
        if want is None and not here:
            pair = self._pair_of_people()
            if pair is not None:
                return pair
        for sp in [*here, *self.prior()]:
            if not sp.text:
                if want is False:
                    return None  # a document spoke (see `prior`)
                continue
            named = sp.person is None and not sp.plural and sp.text[:1].isupper() and " " not in sp.text.strip()
            if want is True and (sp.person is True or (named and (sp.spoke or any(sp is h for h in here)))):
                return sp  # "Hjelm ... said ... But he added": the speaker before, a name the tagger did not know
            if want is False and sp.person is not True and not sp.plural:
                return sp
            if want is None and (sp.plural or sp.person is not True):
                return sp
        if want is True:
            # a name the tagger did not know ("Striuk estimated ... He said"): a capitalised speaker
            # that is not a known body can be the person
            for sp in [*here, *self.prior()]:
                if sp.person is None and not sp.plural and sp.text[:1].isupper() and " " not in sp.text.strip():
                    return sp
            # "In a statement made by the prime minister, X, at the summit, he said": the one person the
            # sentence named before its pronoun, when nobody before it can be meant
            named = [a for a in self.actors if a.kind == "person" and a.end <= pronoun.idx]
            if len({a.name for a in named}) == 1 and self._by_whom(named[-1]):
                return _Speaker(_strip_honorific(named[-1].text), True)
        return None


# ---------------------------------------------------------------- attribution


def find_attributions(doc: Doc, actors: list[ActorRef], previous: Doc | None = None,
                      previous_actors: list[ActorRef] | None = None) -> list[Attribution]:
    """Who asserts or denies what this sentence reports, with the cue word; speakers as named.

    `previous_actors` are the previous sentence's actors as the document read them (a surname known
    from earlier as a person's); without them that sentence's actors are found afresh."""
    return [a for a, _ in _attribute(_Context(doc, actors, previous, 0, previous_actors=previous_actors))]


def _attribute(ctx: _Context) -> list[tuple[Attribution, _Speaker]]:
    found: list[tuple[Attribution, _Speaker, int]] = []
    for tok in ctx.doc:
        if tok.lower_ == "according" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ == "to":
            for obj in (c for c in ctx.doc[tok.i + 1].children if c.dep_ == "pobj" and _plausible_speaker(c, ctx)):
                for sp in _speakers(obj, ctx):
                    found.append((Attribution(sp.text, "asserts", "according to"), sp, tok.i))
        elif tok.lower_ == "citing":
            for obj in (c for c in tok.children if c.dep_ == "dobj" and _plausible_speaker(c, ctx)):
                for sp in _speakers(obj, ctx):
                    found.append((Attribution(sp.text, "asserts", "citing"), sp, tok.i))
        elif tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ == "VERB":
            found.extend((att, sp, tok.i) for att, sp in _verb_attribution(tok, ctx))
        elif tok.lemma_.lower() in CLAIM_NOUNS and tok.pos_ == "NOUN":
            owner = _claim_owner(tok, ctx)
            if owner is not None:
                found.append((Attribution(owner.text, "asserts", tok.text), owner, tok.i))
    quoted = _quoted(ctx.doc)
    if any(i not in quoted for _, _, i in found):
        # '"The US could say enough is enough," he said': a cue inside the quotation is what is
        # said, not who says it, when the sentence names its speaker outside the quotation
        found = [f for f in found if f[2] not in quoted]
    out: list[tuple[Attribution, _Speaker]] = []
    seen: set[tuple[str, str, bool]] = set()
    for att, sp, _ in found:
        key = (att.speaker.lower(), att.stance, att.confirms)
        if att.speaker and key not in seen:
            seen.add(key)
            out.append((att, sp))
    return out


def _quoted(doc: Doc) -> set[int]:
    """Indices of tokens inside quotation marks; a sentence may open inside a quotation begun before it."""
    inside: set[int] = set()
    opened: int | None = None
    for tok in doc:
        t = tok.text
        if t == "“" or (t == '"' and opened is None):
            opened = tok.i
        elif t in ("”", '"'):
            inside.update(range((opened if opened is not None else -1) + 1, tok.i))
            opened = None
    return inside


def _verb_attribution(verb: Token, ctx: _Context) -> list[tuple[Attribution, _Speaker]]:
    lemma = verb.lemma_.lower()
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in RAISING_VERBS:
        verb_for_subject = verb.head  # "Ukraine appears to confirm"
    elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB":
        verb_for_subject = verb.head.head  # "Borrell hit back by saying ...": the one who hit back says it
    elif verb.dep_ in {"xcomp", "amod", "acl", "pcomp", "csubj"}:
        return []  # "set to announce", "first reported over the weekend"
    else:
        verb_for_subject = verb
    if any(c.dep_ == "neg" for c in verb.children):
        return []  # "did not confirm" attributes nothing
    if within_view(verb):
        return []  # "an expert agrees that China has rejected the overtures": the expert's view
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return []  # a purpose clause: "... to confirm the details"
    inverted = _after_quote(verb)
    if lemma in WEAK_VERBS and not inverted and \
            not any(c.dep_ in {"ccomp", "parataxis"} or c.text == ":" for c in verb.children) \
            and verb.dep_ != "parataxis" and not _repeats_words(verb):
        return []
    # '"...," wrote Anton Gerashenko': the speaker follows the verb (the parser may make the quote a subject)
    after = next((c for c in verb.rights if c.dep_ == "nsubj"), None) if inverted else None
    subj = after or _set_off_speaker(verb) or _subject(verb_for_subject)
    if subj is None and verb_for_subject is not verb and verb_for_subject.dep_ == "acl" and \
            verb_for_subject.head.pos_ in {"NOUN", "PROPN"}:
        subj = verb_for_subject.head  # the parser read "the chief, X, hit back by saying" as a participle
    if subj is None or not _plausible_speaker(subj, ctx):
        return []
    stance = "denies" if lemma in DENY_VERBS else "asserts"
    cue = verb.text + "".join(" " + c.text for c in verb.children if c.dep_ == "prt")
    out = []
    for sp in _speakers(subj, ctx):
        out.append((Attribution(sp.text, stance, cue, confirms=lemma in CONFIRM_VERBS), sp))
        ctx.speakers.append(sp)
    return out


SAID_NOUNS = {"statement", "claim", "call", "demand", "accusation", "warning", "assertion", "threat", "pledge"}


def _repeats_words(verb: Token) -> bool:
    """'repeated statements made earlier by officials that the men should be tried', 'reiterated
    calls for ...': a weak verb whose object is words, with what they say."""
    return verb.lemma_.lower() in ("repeat", "reiterate", "echo") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SAID_NOUNS for c in verb.children)


def within_view(verb: Token) -> bool:
    """Is this verb inside the clause an opinion verb governs ("X believes that Y denied ...")?"""
    tok = verb
    while (tok.dep_ == "ccomp" or (tok.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in tok.children))) \
            and tok.head is not tok:  # "..., but Putin argued" has a subject of its own: his word
        tok = tok.head
        if tok.lemma_.lower() in VIEW_VERBS and tok.pos_ == "VERB" and tok.i < verb.i and \
                any(c.dep_ == "nsubj" for c in tok.children):
            return True
    return False


def _after_quote(verb: Token) -> bool:
    """The verb right after a closing quote: '"...," wrote X', '"...", said X'."""
    i = verb.i
    before = [verb.doc[j].text for j in range(max(0, i - 2), i)]
    return any(t in ("”", '"', "’") for t in before) and verb.i + 1 < len(verb.doc) and \
        verb.doc[verb.i + 1].pos_ in ("PROPN", "DET", "NOUN", "ADJ")


def _subject(verb: Token) -> Token | None:
    """The grammatical subject, the agent of a passive, or the subject shared with a coordinated verb."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            # "Among those sanctioned are the mayor of X, ...; and two journalists, Russia's foreign ministry
            # said": a phrase right before the verb that the parser hung as an apposition on a noun far back
            # is the verb's own subject
            late = _phrase_hung_inside(c, verb) if verb.i - c.i > 8 else None
            return late if late is not None else c
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if any(c.dep_ in {"nsubjpass", "csubjpass"} for c in verb.children):
        return None  # "it was reported that", "Russia was accused of"
    if verb.dep_ == "conj" and verb.head is not verb and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head)  # "... but said"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        return None  # "stood accused of", "Asked about it, X said": a passive participle, spoken to or of
    if verb.dep_ == "advcl" and verb.head is not verb:
        head = verb.head  # "..., adding that": the subject of the clause the participle hangs on
        while True:
            # "leading the president to call for a response, saying ...": the one led is the one speaking
            controlled = next((c for c in head.children if c.dep_ == "xcomp" and c.i < verb.i), None)
            controller = next((c for c in head.children if c.dep_ == "dobj"), None)
            if controlled is not None and controller is not None and controller.i < controlled.i:
                return controller
            if head.dep_ not in {"ccomp", "xcomp", "conj"} or head.head.i == head.i:
                break
            head = head.head
        if verb.lemma_.lower() in REPORTING_VERBS and head.dep_ in {"acl", "relcl"}:
            # "X said reports that Johnson would resign were of little concern, saying ...": the parser hung
            # the speaking participle on a clause inside the words; it is the reporter's
            said = next((a for a in head.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in REPORTING_VERBS
                         and a.i < verb.i), None)
            if said is not None:
                return _subject(said)
        return _subject(head) if head.pos_ in {"VERB", "AUX"} else None
    return None


def _phrase_hung_inside(subj: Token, verb: Token) -> Token | None:
    """The noun phrase between the last comma and the verb, when the parser hung it inside a subject
    far back (a long list before "..., Russia's foreign ministry said")."""
    doc = verb.doc
    comma = next((i for i in range(verb.i - 1, max(subj.i, verb.i - 8), -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= verb.i:
        return None
    span = doc[comma + 1:verb.i]
    roots = [t for t in span if not (span.start <= t.head.i < span.end)]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    return roots[0] if any(a.i == subj.i for a in roots[0].ancestors) else None


def _set_off_speaker(verb: Token) -> Token | None:
    """The speaker set off by commas just before a verb the parser left without its own subject.

    "In the province of Sumy, the governor, Dmytro Zhyvytskyi, said ..." and "Moscow is short
    of shells, the head of the CIA, William Burns, said": the parser hangs the name on the phrase
    before it (an apposition), so the verb has no subject, or borrows the first clause's one.
    """
    if verb.dep_ not in {"ROOT", "conj", "parataxis"} or verb.i < 3:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "agent", "cc"} for c in verb.children):
        return None
    doc = verb.doc
    if doc[verb.i - 1].text != ",":
        return _phrase_after_comma(verb)
    tok = doc[verb.i - 2]
    while tok.dep_ in {"compound", "pobj", "prep", "poss", "case", "amod", "flat"} and tok.head.i < verb.i \
            and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "appos" or (verb.dep_ == "conj" and tok.i < verb.head.i):
        return _name_before_said(verb)
    # "X, an aide to the president, Volodymyr Zelenskiy, said": the name closing the phrase tells whom the
    # office serves; the one holding the office speaks
    served = tok.head  # "the president", whom the name describes
    office = served.head.head if served.dep_ == "pobj" and served.head.lower_ in ("to", "of", "for") else None
    if office is not None and served.lemma_.lower() in PERSON_NOUNS and office.dep_ == "appos" and \
            office.lemma_.lower() in PERSON_NOUNS and office.head.pos_ == "PROPN" and office.head.i < office.i:
        return office.head
    return tok


def _phrase_after_comma(verb: Token) -> Token | None:
    """'..., the governor of Ukraine's Sumy province said on Monday': a subjectless reporting verb right
    after a noun phrase set off by a comma; the parser hung the phrase on the clause before."""
    if verb.dep_ != "conj":
        return None
    doc = verb.doc
    comma = next((i for i in range(verb.i - 1, max(0, verb.i - 12), -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= verb.i:
        return None
    span = doc[comma + 1:verb.i]
    if any(t.pos_ in ("VERB", "AUX") for t in span) or span[0].lower_ not in ("the", "a", "an"):
        return None
    roots = [t for t in span if not (span.start <= t.head.i < span.end)]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return roots[0]


def _name_before_said(verb: Token) -> Token | None:
    """'... hold part of Vovchansk, Oleh Syniehubov, the head of Kharkiv region, told local
    radio': the parser joins the name to the place before it and the verb to the first clause;
    the name set off by an office just before the verb speaks."""
    if verb.dep_ != "conj" or any(c.dep_ == "cc" for c in verb.children):
        return None
    for i in range(verb.i - 2, max(verb.head.i, verb.i - 25), -1):
        t = verb.doc[i]
        if t.dep_ == "appos" and t.head.pos_ == "PROPN" and t.head.ent_type_ in {"PERSON", "ORG"} and \
                t.head.i < t.i:
            return t.head
    return None


def _modifier_only(actor: ActorRef, doc: Doc) -> bool:
    """'Russian' in 'Russian foodstuffs' or 'Kremlin' in 'the Kremlin war machine' describes a
    thing; no later 'they' or 'it' can mean it."""
    span = doc.char_span(actor.start, actor.end)
    if span is None or len(span) != 1:
        return False
    root = span.root
    return (root.dep_ == "amod" and root.pos_ == "ADJ") or (root.dep_ == "compound" and root.head.pos_ == "NOUN")


def _plausible_speaker(tok: Token, ctx: _Context) -> bool:
    """Subjects that can speak: people, bodies, states, media; not "tensions" from a bad parse."""
    if tok.lower_ in PERSONAL or tok.lower_ in {"who", "which", "that"}:
        return True
    if tok.pos_ == "PROPN" or tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or _actors_at(tok, ctx):
        return True
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "compound" and c.lemma_.lower() in BODY_NOUNS and
           any(g.dep_ == "poss" and g.ent_type_ in {"GPE", "ORG"} for g in c.children) for c in tok.children):
        return True  # "Ukraine's operational command south": a body whose name the tagger split
    # ("media" is lemmatized as "medium")
    return lemma in PERSON_NOUNS or lemma in BODY_NOUNS or lemma in STATEMENT_NOUNS or tok.lower_ in BODY_NOUNS


def _speakers(tok: Token, ctx: _Context) -> list[_Speaker]:
    """The speaker a subject token names, plus any coordinated ones ("Russia and Belarus said")."""
    out = []
    first = _speaker(tok, ctx)
    if first is not None:
        out.append(first)
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN", "PRON"}:  # not a clause the parser hung on the name
            sp = _speaker(c, ctx)
            if sp is not None:
                out.append(sp)
    return out


def _speaker(tok: Token, ctx: _Context) -> _Speaker | None:
    low = tok.lower_
    if low in {"who", "which", "that"} and tok.head.dep_ == "relcl":
        tok, low = tok.head.head, tok.head.head.lower_  # "Kyiv, which denied ..."
        if not _plausible_speaker(tok, ctx) or low in {"who", "which", "that"}:
            return None  # "actions and policies which threaten ...": things do not speak
    if low in PERSONAL:
        return ctx.resolve(tok)
    if low in SKIP_SUBJECTS and tok.pos_ != "PROPN" or tok.pos_ in {"PRON", "NUM"} and tok.ent_type_ == "":
        return None
    lemma = tok.lemma_.lower()
    if lemma in STATEMENT_NOUNS and tok.ent_type_ not in {"PERSON", "ORG"}:
        if tok.tag_ == "NNS" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in READING_VERBS:
            return None  # "The statements suggest the west believes ...": the writer reading several voices
        source = _statement_source(tok)
        if source is not None:
            return _speaker(source, ctx)
        if any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children):
            # "the statement says": by whoever spoke or acted just before, not any name nearby
            # ("... recognised only by Russia among UN member states. The message says")
            prior = [*reversed(ctx.speakers), *(sp for sp in ctx.prior() if sp.spoke)]
            return prior[0] if prior else None
        return None
    if lemma in MEDIUM_NOUNS and all(c.dep_ in {"det", "amod"} for c in tok.children):
        named = [sp for sp in [*reversed(ctx.speakers), *ctx.prior()] if sp.person is not True
                 and sp.text.lower() not in {"the outlet", "outlet", "outlets"}]
        # "the outlet also reported": the outlet named before (a news organisation, when one was named)
        # (not a common noun: "references to Nazism were flat, according to the outlet")
        media = [sp for sp in named if is_outlet_name(sp.text)]
        named = media or [sp for sp in named if any(w[:1].isupper() for w in sp.text.split())]
        if named:
            return named[0]
    if lemma in {"office", "service"}:
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None and _person_name(owner, ctx):
            return _speaker(owner, ctx)  # "Tayyip Erdogan's office said": the office speaks for him
    outlet = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if outlet is not None and tok.pos_ == "PROPN" and is_outlet_name(_np_text(outlet)) and \
            any(c.dep_ == "ccomp" for c in tok.head.children):
        # "the Guardian's Peter Beaumont in Kyiv reports that ...": a correspondent tells what the paper reports
        return _Speaker(_np_text(outlet), False)
    name = _person_name(tok, ctx)
    if name:
        return _Speaker(name, True)
    text = _np_text(tok)
    if not text or _bare_demonym(tok, text):
        return None
    person: bool | None = lemma in PERSON_NOUNS or any(
        a.kind == "person" for a in _actors_at(tok, ctx)) or None
    if person is None and _actors_at(tok, ctx):
        person = False
    return _Speaker(text, person, tok.tag_ in {"NNS", "NNPS"})


def _bare_demonym(tok: Token, text: str) -> bool:
    """A nation's adjective alone ("those who self-identify as Ukrainian threaten ..."): no one speaks
    ("Ukrainians said", "a Ukrainian said" name people)."""
    if text != tok.text or tok.text.endswith("s") or any(c.dep_ in {"det", "poss"} for c in tok.children):
        return False
    return is_demonym(tok.text)


CHECKING_LEMMAS = {"verify", "confirm", "check", "corroborate", "substantiate", "see", "review"}


def _statement_source(tok: Token) -> Token | None:
    """The author of "a statement released by X", "a statement from X", "X's statement"."""
    for c in tok.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() not in CHECKING_LEMMAS:
            # ("reports that could not be verified by the Guardian": who checks is not who tells)
            for g in c.children:
                if g.dep_ == "agent":
                    return next((p for p in g.children if p.dep_ == "pobj"), None)
    for c in tok.children:
        if c.dep_ == "compound" and c.ent_type_ in {"ORG", "GPE", "PERSON", "NORP"}:
            return c
    return None


def _claim_owner(tok: Token, ctx: _Context) -> _Speaker | None:
    """Who made the claims in "Russian claims that ...", "Moscow's claims", "claims by Russia"."""
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ not in {"its", "their", "his", "her", "our", "my", "your"}:
            return _speaker(c, ctx)
        if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            return _speaker(obj, ctx) if obj is not None else None
        if c.dep_ in {"amod", "compound"}:
            for a in _actors_at(c, ctx):
                if a.actor_id is not None and a.kind == "state":
                    return _Speaker(a.name, False)
    return None


def _actors_at(tok: Token, ctx: _Context) -> list[ActorRef]:
    return [a for a in ctx.actors if a.start <= tok.idx < a.end]


def _person_name(tok: Token, ctx: _Context) -> str | None:
    """A person's name at the head of the phrase or in apposition: "US envoy Steve Witkoff"; the name
    before the office it is set beside ("the Ukrainian president, Volodymyr Zelenskiy": Zelenskiy)."""
    named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and tok.pos_ == "NOUN" and
             c.left_edge.i == tok.i + 2 and tok.doc[tok.i + 1].text == ","]
    # "Serhai Haidai, Ukraine's governor of Luhansk, has called": the parser may hang the name on
    # the office that follows it (nmod) instead of the other way round
    holders = [tok, *(c for c in tok.children if c.dep_ == "poss")]  # (or on its possessor, "Ukraine's")
    named += [c for h in holders for c in h.children if c.dep_ == "nmod" and c.pos_ == "PROPN" and
              tok.pos_ == "NOUN" and c.i < h.i and any(t.text == "," for t in tok.doc[c.i + 1:h.i])]
    for cand in [*named, tok, *(c for c in tok.children if c.dep_ == "appos" and c not in named)]:
        for a in _actors_at(cand, ctx):
            if a.kind == "person":
                return _strip_honorific(a.text)
        if cand.ent_type_ == "PERSON":
            ent = next((e for e in cand.doc.ents if e.start <= cand.i < e.end), None)
            if ent is not None:
                return _strip_honorific(_trim(ent).text)
    return None


def without_day(name: str) -> str:
    """'prime minister Viktor Orban Saturday' -> '... Viktor Orban': the parser's date is not the name."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in DAY_WORDS:
        words = words[:-1]
    return " ".join(words)


def _strip_honorific(text: str) -> str:
    words = text.replace("\u200b", "").replace("\u200d", "").split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    if words and words[-1].lower() in {"'s", "’s"}:
        words = words[:-1]
    out = without_day(" ".join(words))
    for suffix in ("'s", "’s"):
        if out.endswith(suffix):
            out = out[: -len(suffix)]
    return out


def _trim(span: Span) -> Span:
    toks = list(span)
    while toks and (toks[0].lower_ in {"the", "a", "an"} or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in {"'s", "’s"}):
        toks = toks[:-1]
    return span.doc[toks[0].i:toks[-1].i + 1] if toks else span.doc[span.start:span.start]


QUOTE_MARKS = {"‘", "’", "“", "”", "'", '"'}
_NP_DROP = {"relcl", "acl", "appos", "punct", "advmod", "cc", "conj", "parataxis", "npadvmod", "advcl", "ccomp"}


def _np_text(tok: Token) -> str:
    """The noun phrase headed by `tok`, without clauses, appositions, dates and leading articles."""
    keep: set[int] = set()

    def walk(t: Token) -> None:
        keep.add(t.i)
        for c in t.children:
            if c.dep_ in _NP_DROP:
                continue
            if c.dep_ == "prep" and (c.lower_ not in {"of", "for", "from"} or any(
                    g.ent_type_ in {"DATE", "TIME"} for g in c.subtree)):
                continue
            if c.ent_type_ in {"DATE", "TIME"} and c.dep_ != "compound":
                continue
            walk(c)

    walk(tok)
    lo = hi = tok.i
    quoted = False
    while True:
        if lo - 1 in keep:
            lo -= 1
        elif lo >= 2 and tok.doc[lo - 1].text == "-" and not tok.doc[lo - 1].whitespace_ and \
                not tok.doc[lo - 2].whitespace_:
            lo -= 2  # "US-based", "Agence France-Presse": the whole hyphenated word, not its last half
        elif lo >= 2 and tok.doc[lo - 1].text in QUOTE_MARKS and lo - 2 in keep and \
                tok.doc[lo - 2].lower_ not in ("aka", "alias", "as", "called", "nicknamed", "dubbed"):
            lo -= 2  # "Operational Command ‘South’": a name in quotes is the end of the phrase, not all of it
            quoted = True
        else:
            break
    while True:
        if hi + 1 in keep:
            hi += 1
        elif hi + 3 in keep and tok.doc[hi + 2].text == "-" and not tok.doc[hi + 1].whitespace_ and \
                not tok.doc[hi + 2].whitespace_:
            hi += 3  # "the self-proclaimed republic": the parser hangs "self" apart, the word is whole
        else:
            break
    span = _trim(tok.doc[lo:hi + 1])
    text = "".join(t.text_with_ws for t in span if t.text not in QUOTE_MARKS) if quoted else span.text
    words = text.replace("\u200b", "").split()
    while len(words) > 1 and words[0].lower() in HONORIFICS | {"however", "meanwhile"}:
        words = words[1:]
    return " ".join(words)


# ---------------------------------------------------------------- modality


def find_modality(doc: Doc) -> str | None:
    """expected | cancelled | conditional | negated | None, for the clause a sentence reports."""
    root = _main_root(doc)
    if root is None:
        return None
    head, reported, expects = _event_clause(root)
    return _modality(head, reported, expects)


def _main_root(doc: Doc) -> Token | None:
    if not doc.has_annotation("DEP") or len(doc) == 0:
        return None
    return max(doc.sents, key=len).root


def _event_clause(root: Token) -> tuple[Token, bool, bool]:
    """Step from reporting verbs into the clause they report ("said [the package was expected ...]")."""
    tok, reported, expects = root, False, False
    for _ in range(4):
        lemma = tok.lemma_.lower()
        stance = next((c for c in tok.children if c.dep_ == "acomp" and c.lower_ in STANCE_ADJ), None)
        if stance is not None:
            comp = next((c for c in stance.children if c.dep_ == "ccomp"), None)
            if comp is not None:  # "I am confident that this meeting will take place"
                reported, expects, tok = True, True, comp
                continue
        if tok.pos_ in {"VERB", "AUX"} and lemma not in REPORTING_VERBS | EXPECT_VERBS:
            # "The officials did not provide an amount but said the package was expected ...":
            # a coordinated reporting verb sharing the subject carries the news.
            conj = next((c for c in tok.children if c.dep_ == "conj" and c.lemma_.lower() in REPORTING_VERBS
                         and not any(g.dep_ == "nsubj" for g in c.children)
                         and any(g.dep_ == "ccomp" for g in c.children)), None)
            if conj is None:
                break
            tok = conj
            continue
        if tok.pos_ not in {"VERB", "AUX"}:
            break
        comp = next((c for c in tok.children if c.dep_ in {"ccomp", "parataxis"}), None)
        if comp is None and lemma in EXPECT_VERBS:
            comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if comp is None:
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                comp = next((g for g in obj.children if g.dep_ in {"acl", "ccomp"} and g.pos_ in {"VERB", "AUX"}), None)
                if comp is not None:
                    break  # "denied claims that its troops were surrounded"
        if comp is None:
            break
        expects = expects or lemma in EXPECT_VERBS
        reported, tok = True, comp
    return tok, reported, expects


def _chain(tok: Token) -> list[Token]:
    """The verb and the infinitives it governs: "is set to announce", "is due to speak"."""
    chain = [tok]
    for _ in range(4):
        cur = chain[-1]
        nxt = next((c for c in cur.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
        if nxt is None:
            adj = next((c for c in cur.children if c.dep_ == "acomp"), None)
            if adj is not None:
                inner = next((c for c in adj.children if c.dep_ == "xcomp"), None)
                if inner is not None:
                    chain.append(adj)
                    nxt = inner
        if nxt is None:
            break
        chain.append(nxt)
    return chain


def _is_cancel(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children):
        return True
    return lemma in CANCEL_VERBS or tok.lower_ in CANCEL_ADJ


def _has_condition(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            return True
    return False


def _modality(head: Token, reported: bool, expects: bool) -> str | None:
    if head.pos_ in {"NOUN", "PROPN"}:
        return _fragment_modality(head)
    chain = _chain(head)
    if any(_is_cancel(t) for t in chain):
        return "cancelled"
    if any(_has_condition(t) for t in chain):
        return "conditional"
    if _negated(chain):
        return "negated"
    modals = {c.lower_ for t in chain for c in t.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if modals & POSSIBLE_MODALS:
        return "conditional"
    if modals & FUTURE_MODALS:
        return "expected"
    if "would" in modals:
        return "expected" if reported else "conditional"
    if _planned(chain):
        return "expected"
    if head.dep_ == "ROOT" and any(c.tag_ == "TO" and c.dep_ == "aux" for c in head.children) \
            and not any(c.dep_ == "aux" and c.tag_ != "TO" for c in head.children):
        return "expected"  # headline infinitive: "Russia to withdraw troops"
    if expects:
        return "expected"
    subj = next((c for c in chain[0].children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None:
        amods = {c.lower_ for c in subj.children if c.dep_ == "amod"}
        if amods & CANCEL_ADJ:
            return "cancelled"
        if amods & EXPECT_ADJ and chain[0].lemma_ in {"be", "take", "go", "happen", "begin", "start", "proceed"}:
            return "expected"
    return None


def _negated(chain: list[Token]) -> bool:
    """"did not", "has never been", "no aid has been offered", "Russia made no advances"."""
    if any(c.dep_ == "neg" for t in chain for c in t.children):
        return True
    for c in chain[0].children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            if c.lower_ in {"nobody", "nothing", "none", "no-one"}:
                return True
            if any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
                return True
    for c in chain[-1].children:
        if c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
    return False


def _planned(chain: list[Token]) -> bool:
    """"set to", "expected to", "plans to", "is to", "due to", "going to", "scheduled for"."""
    for t, nxt in zip(chain[:-1], chain[1:], strict=True):
        lemma = t.lemma_.lower()
        if lemma in PLAN_HEADS or t.lower_ in PLAN_HEADS:
            return True
        if lemma == "be" and _be_to(t, nxt):
            return True  # "Trump is to meet Putin"
    last = chain[-1]
    if last.lemma_.lower() in {"schedule", "plan", "slate"} and any(c.dep_ == "auxpass" for c in last.children):
        return True  # "the meeting is scheduled for Tuesday"
    return last.lower_ in {"upcoming"}


def _be_to(be: Token, inf: Token) -> bool:
    """"X is to meet Y" (a plan), not "the aim is to ...", "there is nobody to ...", "was hard to verify"."""
    if inf.dep_ != "xcomp" or inf.head is not be or be.tag_ not in {"VBZ", "VBP"}:
        return False
    if any(c.dep_ == "expl" for c in be.children):
        return False
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() not in PURPOSE_NOUNS


def _fragment_modality(noun: Token) -> str | None:
    """Headlines without a finite verb: "Trump and Putin to speak this week", "Upcoming talks"."""
    for c in noun.children:
        if c.dep_ in {"xcomp", "acl", "relcl", "advcl"} and c.pos_ in {"VERB", "AUX"}:
            if _is_cancel(c):
                return "cancelled"
            if any(a.tag_ == "TO" for a in c.children) and not any(a.tag_ == "MD" for a in c.children):
                return "expected"
    amods = {c.lower_ for c in noun.children if c.dep_ == "amod"}
    if amods & CANCEL_ADJ:
        return "cancelled"
    if amods & EXPECT_ADJ:
        return "expected"
    return None
