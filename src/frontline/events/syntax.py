"""Small questions about a trigger's place in the dependency parse.

Kept apart from extraction so each rule has a name: is the trigger background
("at the peak of the incursion"), negated, planned, or governed by a reporting verb?
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# A trigger inside a phrase headed by these prepositions is background, not news:
# "despite Russian claims", "amid a major offensive", "at the peak of the incursion".
BACKGROUND_PREPS = {"despite", "amid", "amidst", "since", "during", "before", "for", "of", "like",
                    "unlike", "ahead", "following"}
# ...unless the "of" hangs on one of these ("in the midst of launching an offensive").
PROGRESSIVE_HEADS = {"midst", "middle", "process", "verge", "brink"}
# ...or on what an act has just come to ("the first result of our evacuation operation": it happened)
OUTCOME_HEADS = {"result", "outcome", "completion", "success"}
BACKGROUND_MARKS = {"since", "before", "while", "although", "though", "until", "unless", "once", "whether", "as"}
REPORTING_LEMMAS = {
    "say", "claim", "deny", "reject", "dismiss", "confirm", "tell", "report", "announce", "suggest", "insist",
    "warn", "accuse",
    "add", "state", "admit", "acknowledge", "describe", "allege", "assert", "write",
    "post", "indicate", "show", "depict", "believe", "think", "expect", "argue", "note", "explain",
    "repeat", "reiterate", "echo", "reveal", "disclose",
}
FUTURE_HEADS = {"set", "expect", "due", "schedule", "plan", "prepare", "intend", "aim", "hope", "poise", "go"}
PLANNED_MODIFIERS = {"planned", "upcoming", "scheduled", "expected", "proposed", "forthcoming", "possible",
                     "potential", "future", "next"}
CANCEL_LEMMAS = {"cancel", "postpone", "scrap", "call", "delay", "suspend", "shelve"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


CLAUSE_DEPS = {"relcl", "ccomp", "xcomp", "advcl", "ROOT", "parataxis", "csubj", "conj"}


BACKGROUND_NOUNS = {"invasion"}
LAUNCH_VERBS = {"launch", "begin", "start", "order", "announce", "stage", "mount", "unleash", "prepare", "plan"}
# "invited leaders to visit", "failed to capture", "efforts to reach an agreement": intentions, not acts.
INTENT_VERBS = {"invite", "urge", "ask", "want", "hope", "wish", "seek", "try", "attempt", "fail", "refuse",
                "threaten", "need", "propose", "offer", "aim", "push", "press", "vow", "pledge", "promise", "intend",
                "reject", "decline", "oppose", "volunteer", "enlist", "train", "sign", "tell", "conduct", "mean",
                "unlikely", "unable", "hop",  # ("unlikely to launch a counteroffensive before June": none yet;
                "enable", "encourage", "incite", "embolden"}  # "hop" is how the lemmatizer reads "hoped";
# "enabling troops to commit crimes": what is made possible, not an act told)
STOP_VERBS = {"stop", "cease", "halt", "quit"}  # "stop sending arms": what is to end, not an act told
DRILL_VERBS = {"practise", "practice", "rehearse", "simulate"}  # "troops practised fighting off an invasion"
PREVENT_VERBS = {"prevent", "avoid", "avert", "deter", "forestall", "preclude"}  # "a deal to prevent attacks"
INTENT_NOUNS = {"effort", "attempt", "bid", "plan", "push", "proposal", "hope", "call", "demand", "offer", "ability",
                "capacity", "readiness", "willingness", "intention", "plea", "appeal", "request", "right", "need",
                "chance", "opportunity", "failure", "refusal", "desire", "ambition", "goal", "aim",
                "offensive", "operation", "campaign", "drive", "mission", "order", "orders", "strategy"}
HABITUAL = {"continuous", "constant", "relentless", "ongoing", "persistent", "daily", "nightly", "regular",
            "repeated", "incessant", "frequent", "routine", "intermittent"}


# "condemned the attack", "described the images from retaken towns": the act is what the words are
# about; the event is the words (a statement).
STANCE_OBJECT_VERBS = {"condemn", "denounce", "describe", "welcome", "criticise", "criticize", "decry",
                       "deplore", "praise", "applaud", "discuss", "investigate", "blame", "mourn", "commemorate",
                       "mark", "remember", "recall", "document", "study", "analyse", "analyze", "film", "photograph",
                       "monitor", "track", "back", "support", "point"}  # "we will back your fight": a stance on it


TALK_VERBS = {"talk", "speak", "dream", "think", "boast", "joke", "fantasise", "fantasize", "muse", "chat"}


def about_act(tok: Token) -> bool:
    """The trigger is the object of a stance verb: talked about, not reported as news."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("dobj", "pobj", "nsubjpass") and cur.head.lemma_.lower() in STANCE_OBJECT_VERBS:
            return True
        if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in ("about", "of") and \
                cur.head.head.lemma_.lower() in TALK_VERBS:
            return True  # "talked about liberating Kherson step by step": a topic, not a capture
        if cur.dep_ == "pobj" and cur.head.lower_ == "to" and \
                cur.head.head.lemma_.lower() in ("point", "refer", "allude"):
            return True  # "the report points to the sieges of cities": what it cites, not news of a siege
        if cur.dep_ not in ("compound", "amod", "pobj", "prep", "dobj", "poss", "nmod", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _after_comma(tok: Token) -> bool:
    """A participle clause opened by a comma ("the Kherson region, captured in the first week")."""
    left = tok.left_edge
    return left.i > 0 and tok.doc[left.i - 1].text == ","


def _set_off(noun: Token) -> bool:
    """A noun phrase in apposition, after a comma ("X, a town held by ...")."""
    if noun.dep_ == "appos":
        return True
    left = noun.left_edge
    return left.i > 0 and noun.doc[left.i - 1].text == ","


NEAR_MISS = {"close", "near", "closer"}  # "came close to capturing him"
CONDITION_WORDS = {"contingent", "conditional", "dependent", "conditioned", "depend", "hinge", "rest", "premise",
                   "predicate", "predicated"}
FLEE_VERBS = {"flee"}  # "narrowly escaped an attack" tells the attack
# what is hoped for has not happened ("expect" tells an expected act); the lemmatizer reads "hoped" and
# "hopes" as "hop"
HOPE_VERBS = {"hope", "hop", "wish", "pray"}
PAST_HOPES = {"expect", "hope", "plan", "intend", "want", "aim"}
# "vulnerable to attacks", "exposure to shelling": what could happen to someone, not an act
EXPOSURE_WORDS = {"vulnerability", "vulnerable", "exposure", "exposed", "susceptible", "susceptibility", "prone",
                  "immune", "immunity", "resilience", "resilient"}
NEWS_DAYS = {"today", "yesterday", "tonight", "overnight", "monday", "tuesday", "wednesday", "thursday",
             "friday", "saturday", "sunday"}


def _described_place(verb: Token) -> bool:
    """A relative clause set off by a comma after a named place: what the place is, or was."""
    noun = verb.head
    if noun.dep_ == "appos" and _a_place_noun(noun) and noun.head.pos_ == "PROPN" and \
            any(t.text == "," for t in noun.doc[noun.head.i + 1:noun.i]):
        return True  # "Mariupol, a port city that has been besieged for weeks": the place's apposition
    if noun.ent_type_ not in ("GPE", "LOC", "FAC") and not any(
            c.ent_type_ in ("GPE", "LOC", "FAC") for c in noun.children if c.dep_ in ("compound", "pobj", "prep")):
        return False
    return any(t.text == "," for t in noun.doc[noun.i + 1:verb.left_edge.i])


def _told_as_news(verb: Token) -> bool:
    """A relative clause that dates its act to these days ('which Russia captured on Tuesday') is news."""
    return any(t.lower_ in NEWS_DAYS for t in verb.subtree)


RATE_UNITS = {"day", "night", "week"}
SETTLEMENT_NOUNS = {"city", "town", "village", "port", "region", "area", "settlement", "district", "capital", "suburb"}


def _at_a_rate(tok: Token) -> bool:
    """The trigger's clause counts per day or week ("20,000 shells a day", "shelled every day")."""
    verb = governing_verb(tok)
    for t in verb.subtree:
        if t.lower_ not in RATE_UNITS or governing_verb(t).i != verb.i:
            continue
        if t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("after", "before", "earlier", "later", "ago"):
            continue  # "a day after Griner was sentenced": a time, not a rate
        counted = any(d.dep_ == "det" and d.lower_ in ("a", "an", "every", "each") for d in t.children)
        if (counted and t.dep_ in ("npadvmod", "advmod", "dobj", "nsubj", "attr")) or \
                (t.dep_ == "pobj" and t.head.lower_ == "per"):
            return True
    return False


MEMORY_NOUNS = {"memory", "memories", "legacy", "honour", "honor", "remembrance", "sacrifice", "sacrifices"}


def _commemorated(tok: Token) -> bool:
    """The trigger is in a relative clause on those whom a memory or legacy is of."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "relcl":
            return any(a.lemma_.lower() in MEMORY_NOUNS for a in anc.head.ancestors)
    return False


def _one_of_those_that(tok: Token) -> bool:
    """The trigger is in a present-tense relative clause on the Ys of "X is one of the Ys that ...": a
    description ("one of several leaders who made a surprise visit today" tells a visit)."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "relcl":
            noun = anc.head
            present = anc.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("is", "are")
                                                         for c in anc.children)
            if present and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                    noun.head.head.lower_ == "one" and noun.head.head.dep_ in ("attr", "nsubj", "appos"):
                return True
    return False


def _a_place_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in SETTLEMENT_NOUNS or tok.ent_type_ in ("GPE", "LOC")


def describes_a_noun(tok: Token) -> bool:
    """A participle used as an adjective ("occupied territories", "images from retaken towns", which
    the tagger may read as JJ): it says which thing, not that anything happened."""
    return tok.dep_ == "amod" and (tok.tag_ in ("VBN", "VBG") or tok.tag_ == "JJ" and tok.lower_.endswith(("ed", "en")))


STATE_VERBS = {"remain", "stay", "be"}


def _a_state_since(tok: Token) -> bool:
    """An act as the subject of how it has been since a time ("fighting has remained intense since ...")."""
    head = tok.head
    if tok.dep_ not in ("nsubj", "csubj") or head.lemma_.lower() not in STATE_VERBS or \
            not any(c.dep_ in ("acomp", "attr") for c in head.children):
        return False
    since = any(c.lower_ == "since" and c.dep_ == "prep" for c in head.children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children) for c in head.children)
    return since and not _told_as_news(head)


def _under_it_for_a_span(tok: Token) -> bool:
    """'has been under siege for five months', 'has been under fire since March': a lasting state."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "under":
        return False
    verb = tok.head.head
    if verb.lemma_.lower() not in STATE_VERBS or not any(c.dep_ == "aux" and c.lower_ in ("has", "have")
                                                          for c in verb.children):
        return False
    return any(c.dep_ == "prep" and (c.lower_ == "since" or (c.lower_ == "for" and any(
        g.lemma_.lower() in SPAN_UNITS for g in c.children))) for c in verb.children)


SPAN_UNITS = {"day", "week", "month", "year"}


def _a_span_long(adj: Token) -> bool:
    """'weeks-long', 'months-long', 'a three-month-long': how long something has lasted."""
    if adj.lower_ != "long":
        return adj.lower_.endswith("-long") and adj.lower_.split("-")[-2].rstrip("s") in SPAN_UNITS
    return any(c.lemma_.lower() in SPAN_UNITS for c in adj.children if c.dep_ in ("npadvmod", "nmod", "compound"))


def _parallel_news(clause: Token) -> bool:
    """A "while" clause set off by a comma, with its own subject, a past verb and a time of its own
    ("X spoke after a meeting, while earlier on Tuesday the ministry summoned the envoy"): a second
    piece of news told beside the first, not its background."""
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    if mark is None or mark.lower_ != "while" or mark.i == 0 or clause.doc[mark.i - 1].text != ",":
        return False
    return clause.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in clause.children) and \
        any(t.lower_ in ("earlier", "later", "meanwhile", "separately") for t in clause.doc[mark.i + 1:clause.i])


def _ordered_to(verb: Token) -> bool:
    """'the last troops have been ordered to withdraw': a command given to those who act, told in the passive."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "order" and any(c.dep_ == "auxpass" for c in verb.children)


def is_background(tok: Token) -> bool:
    """The trigger sits in a background phrase or clause, not the sentence's news.

    Walks up the trigger's own phrase (stopping at the clause that contains it):
    "at the peak of the incursion" and "despite heavy shelling" are background;
    "men who had been freed" is a clause of its own and is not.
    """
    if describes_a_noun(tok):
        return True  # "occupied territories", "the invading forces"
    if tok.tag_ == "VBN" and (tok.dep_ == "acl" and _set_off(tok.head) or tok.dep_ in ("acl", "advcl") and
                              _after_comma(tok) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)):
        return True  # "Enerhodar, a key area seized by Russia, ...": a description of the place
    if tok.tag_ == "VBD" and tok.dep_ in ("acl", "advcl") and _after_comma(tok) and \
            not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in tok.children) and \
            any(c.dep_ == "conj" and c.tag_ == "VBN" for c in tok.children):
        return True  # "the city of Mary, barbarously bombarded and destroyed": a participle the tagger took for a past
    if tok.dep_ == "relcl" and _described_place(tok) and not _told_as_news(tok):
        return True  # "the Kherson region, which Russian troops seized early in the invasion"
    if any(c.dep_ == "amod" and c.lower_ in HABITUAL for c in tok.children):
        return True  # "decimated by continuous shelling": a condition, not one event
    if _a_state_since(tok):
        return True  # "fighting has remained intense since Moscow refocused its efforts": how things have been
    if _under_it_for_a_span(tok):
        return True  # "Ukraine has been under siege for nearly five months": a state that has lasted
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and _a_span_long(c) for c in tok.children):
        return True  # "enduring a weeks-long siege": a state that has lasted, not news of a day
    if _at_a_rate(tok):
        return True  # "firing 20,000 shells a day", "100 soldiers killed a day": a rate, not one event
    if _commemorated(tok):
        return True  # "the memory of the millions who fought and died against fascism": the past honoured
    if _one_of_those_that(tok):
        return True  # "Germany is one of the countries that is doing the most to provide aid": what it is
    verb = governing_verb(tok)
    if tok.i != verb.i and tok.dep_ == "pobj" and tok.head.dep_ == "agent" and \
            any(c.lower_ == "already" for c in verb.children) and \
            any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return True  # "the city had already been pulverised by Russian shelling": what it had been through
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ("earlier", "previous", "prior")
                                  for c in tok.children):
        return True  # "responded to an earlier Ukrainian strike on X by shelling Y": the act told before
    if any(c.lower_ == "previously" for c in governing_verb(tok).children):
        return True  # "Spain had previously sent only ammunition": the past, recalled
    if tok.dep_ == "attr" and not any(c.dep_ == "expl" for c in tok.head.children):
        return True  # "they are prisoners of war": a description, not an act ("there were 35 strikes" is one)
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("any", "every", "no") for c in tok.children):
        return True  # "any such deployment would be a threat": no deployment in particular
    base = tok  # ("the courage to admit defeat and withdraw troops": the second verb shares the first's "to")
    while base.dep_ == "conj" and base.pos_ == "VERB" and base.head.pos_ == "VERB" and \
            not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in base.children):
        base = base.head
    if base.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in base.children) and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in base.children) and not _first_to(base):
        return True  # "... to meet representatives", "a withdrawal to fight from higher ground": a purpose
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in MASSING_VERBS and \
            any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return True  # "had concentrated its forces to capture the two cities": what the troops were massed for
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "so" for c in tok.children) and \
            any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in tok.children):
        return True  # "sent weaponry so it can fight on the battlefield": what the sending is for
    if tok.lemma_.lower() in BACKGROUND_NOUNS and tok.pos_ == "NOUN" and tok.head.lemma_.lower() not in LAUNCH_VERBS:
        return True  # "since Russia's invasion", "due to the invasion": the war itself, as background
    if tok.dep_ == "xcomp" and tok.head.dep_ == "relcl" and tok.head.tag_ == "VBD" and \
            tok.head.lemma_.lower() in PAST_HOPES:
        return True  # "Kyiv, which it reportedly expected to capture in 72 hours": a hope recalled
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "to" and tok.head.head.lower_ in NEAR_MISS:
        return True  # "came close to capturing him": it did not happen
    if tok.lemma_.lower() == "invade" and (tok.dep_ in ("acl", "xcomp", "pcomp", "advcl", "relcl") or any(
            c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)):
        return True  # "Putin's decision to invade", "since Russia invaded", "Russia had invaded a breadbasket"
    cur = tok
    for _ in range(40):
        if cur.dep_ in ("pobj", "pcomp") and (cur.head.pos_ in ("ADP", "SCONJ") or cur.head.dep_ == "prep"):
            prep = cur.head
            word = prep.lower_
            if word in BACKGROUND_PREPS and not (word == "of" and (prep.head.lower_ in PROGRESSIVE_HEADS or (
                    prep.head.lemma_.lower() in OUTCOME_HEADS and prep.head.dep_ in ("attr", "dobj", "appos"))
                    or _harm_it_caused(prep.head))):
                return True
            if word == "to" and prep.head.lemma_.lower() in EXPOSURE_WORDS:
                return True
            if word in ("on", "upon") and prep.head.lemma_.lower() in CONDITION_WORDS:
                return True  # "a settlement contingent on the withdrawal of Russian troops": a condition
            if word == "after" and cur.dep_ == "pobj" and cur.pos_ == "NOUN":
                return True  # "after the bombing of the theatre": an earlier event, recalled
        if cur.dep_ in ("xcomp", "acl", "advcl") and cur.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in cur.children) and (
                cur.head.lemma_.lower() in INTENT_VERBS or (cur.head.lemma_.lower() in INTENT_NOUNS and not (
                    cur.head.pos_ == "VERB" and cur.head.lemma_.lower() == "plan" and not any(
                        a.lower_ == "had" for a in cur.head.children)) and not _ordered_to(cur.head))):
            return True  # ("plans to donate": expected; "troops have been ordered to withdraw": the order given)
        if cur.dep_ == "xcomp" and cur.tag_ == "VBG" and cur.head.lemma_.lower() in STOP_VERBS | DRILL_VERBS:
            return True
        if cur.dep_ in ("dobj", "xcomp") and cur.head.lemma_.lower() in PREVENT_VERBS and (
                cur.head.lemma_.lower() != "prevent" or any(c.dep_ == "aux" and c.tag_ == "TO"
                                                             for c in cur.head.children)):
            return True  # what is to be prevented has not happened ("it prevented the attack": it was tried)
        obj = cur
        while obj.dep_ == "conj" and obj.head is not obj:
            obj = obj.head
        if obj.dep_ == "dobj" and obj.head.lemma_.lower() in FLEE_VERBS:
            return True  # "families fleeing bombs and shelling": what people run from, no act in particular
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in cur.children) \
                and not _parallel_news(cur):
            return True
        if cur.i != tok.i and cur.tag_ == "VBN" and cur.i > 0 and (
                (cur.dep_ == "acl" and _a_place_noun(cur.head)) or
                (cur.dep_ == "advcl" and _a_place_noun(cur.doc[cur.i - 1]) and
                 not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cur.children))):
            return True  # "the southern city decimated by Russian bombardment": what the place has been through
        if cur.dep_ in CLAUSE_DEPS and (cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT"):
            if _hoped_for(cur):
                return True  # "they hoped the deal would be working in weeks, restoring exports": not yet so
            clause = cur
            while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head  # "... to impose sanctions and step up arms supplies"
            clause = clause.head if clause.dep_ == "xcomp" else clause
            # "its invasion of Ukraine, which prompted the west to impose sanctions": what the war
            # set off, recalled as its background
            return clause.dep_ == "relcl" and clause.head.lemma_.lower() in BACKGROUND_NOUNS
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _hoped_for(clause: Token) -> bool:
    """Whether a clause is, or hangs on, what someone hopes or wishes: it has not happened."""
    cur = clause
    for _ in range(6):
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in HOPE_VERBS:
            return True
        if cur.dep_ not in ("advcl", "conj", "xcomp", "ccomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


HARM_LEMMAS = {"injure", "wound", "hurt", "damage", "destroy"}
DEATH_LEMMAS = {"kill", "die"}


def _harm_it_caused(result: Token) -> bool:
    """'was hurt as a result of a bomb attack': the attack is the news the harm is told by (deaths
    told with it are a toll of their own, which tells the news)."""
    if result.lemma_.lower() != "result" or result.dep_ != "pobj" or result.head.lower_ != "as":
        return False
    verb = result.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in HARM_LEMMAS:
        return False
    told_with = [verb.head] if verb.dep_ == "conj" else []
    told_with += [c for c in verb.children if c.dep_ == "conj"]
    return not any(t.lemma_.lower() in DEATH_LEMMAS for t in told_with)


def _first_to(verb: Token) -> bool:
    """'the highest-ranking official to visit Ukraine', 'the first leader to meet him': a deed, not a purpose."""
    if verb.dep_ not in ("relcl", "acl"):
        return False
    head = verb.head
    return any(c.tag_ in ("JJS", "RBS") or c.lower_ in ("first", "last", "only", "second", "third") or
               c.lower_.startswith(("highest", "most", "top")) for c in head.subtree if c.i < head.i)


# "the rockets the army has been using to halt the advance": what a means is used for
MEANS_VERBS = {"use", "deploy", "employ"}
MASSING_VERBS = {"concentrate", "mass", "amass", "gather", "redeploy", "regroup", "mobilise", "mobilize"}
# "the trials may be constructed to prompt prisoner exchanges", "sanctions designed to cripple the bank":
# what a thing was made for, not what happened
DESIGN_VERBS = {"design", "construct", "intend", "engineer", "calculate"}


def in_purpose_clause(tok: Token) -> bool:
    """A noun the purpose of an act is about ("pumped in weapons to slow its advance", "bombed rail
    lines to disrupt arms supplies"): what someone means to do something to, not an act told."""
    if tok.pos_ != "NOUN":
        return False
    cur = tok.head
    for _ in range(20):
        if cur.pos_ == "VERB":
            while cur.dep_ == "conj" and cur.head.pos_ == "VERB":
                cur = cur.head  # "to hurt Russia and slow its advance"
            purpose = cur.dep_ == "advcl" or \
                (cur.dep_ == "xcomp" and cur.head.lemma_.lower() in MEANS_VERBS | DESIGN_VERBS)
            return purpose and any(c.dep_ == "aux" and c.tag_ == "TO" for c in cur.children) and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# "fighting as part of the Ukrainian army", "fighting alongside separatists", "soldiers fighting in the
# Ukrainian military": whose side someone is on, not a battle
MEMBER_WORDS = {"army", "military", "forces", "force", "legion", "militia", "unit", "units", "brigade", "battalion",
                "ranks", "separatists", "troops", "regiment"}


def fights_as_a_member(tok: Token) -> bool:
    """A fight word that says whom someone fights with or for, not where or whom they fought."""
    if tok.lemma_.lower() not in ("fight", "fighting"):
        return False
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        word = prep.lower_
        if word in ("as", "alongside"):
            return True
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if word in ("with", "in", "for") and any(o.lemma_.lower() in MEMBER_WORDS or o.lower_ in MEMBER_WORDS
                                                   for o in objs):
            return True
    return False


def generic_subject(tok: Token) -> bool:
    """The clause of the trigger is about "you" in general ("there is no other choice when
    you are defending your family against an attack"), not a party that acted."""
    verb = governing_verb(tok)
    return any(c.dep_ == "nsubj" and (c.lower_ in GENERIC_SUBJECTS or c.lemma_.lower() == "world")
               for c in verb.children)  # "the whole world is fighting Russia": a figure of speech


# verbs of speaking only: "the strikes showed Moscow cannot keep its word" has no speaker in its subject
SPEAKING_LEMMAS = {"say", "tell", "claim", "announce", "add", "state", "report", "write", "confirm", "deny",
                   "warn", "insist", "allege", "accuse", "admit", "acknowledge", "argue", "note", "explain"}
RULING_BODIES = {"court", "tribunal", "judge"}


def names_the_speaker(tok: Token) -> bool:
    """The trigger word is who speaks ("regional prosecutors said civilians were killed", "according to
    the court"): the teller of the news, not an act of its own."""
    head = tok
    while head.dep_ in ("compound", "amod", "poss", "nmod") and head.head.i != head.i:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in RULING_BODIES:
        return False  # what a court "said" is its ruling, news in itself
    verb = head.head
    if head.dep_ == "nsubj" and verb.lemma_.lower() in SPEAKING_LEMMAS and verb.dep_ != "acl" and \
            not any(c.dep_ == "auxpass" for c in verb.children):
        # what is said follows as a clause ("explosions reported in Belgorod", a headline's passive, and
        # "captives would add a layer of complexity" have none: there the subject is the news)
        return any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"


def picks_out_people(tok: Token) -> bool:
    """The act is told in a restrictive relative clause on a plural ("the leaders who spoke with him"):
    it says which people are meant, not that it happened once ("the two leaders, who spoke on Tuesday")."""
    verb = governing_verb(tok)
    if verb.dep_ != "relcl" or verb.head.tag_ != "NNS":
        return False
    return verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text != ","


WORD_VERBS = {"urge", "call", "demand", "appeal", "pledge", "promise", "vow", "criticise", "criticize", "condemn"}
SPEAKING_PARTICIPLES = {"speak", "address", "talk", "write", "appear", "testify"}


def setting_of_words(tok: Token) -> bool:
    """The gathering is where the words that follow were said ("Speaking at a think-tank conference,
    he rejected ..."): the scene of a statement, not a meeting that is news by itself."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "to", "before", "in", "during"):
        return False
    prep, verb = tok.head.lower_, tok.head.head
    # "Putin in his meeting with X accused ...": a gathering hung on the speaker sets the words that follow
    # (a verb's own "said during talks with X" may tell talks that are news: left to the rules of meetings)
    on_speaker = verb.dep_ == "nsubj" and prep in ("at", "in", "during")
    if on_speaker:
        verb = verb.head
    if (prep == "at" or on_speaker) and verb.lemma_.lower() in REPORTING_LEMMAS | WORD_VERBS and verb.pos_ == "VERB":
        return True  # "At a plenary session, the secretary of state urged ...", "he said at the meeting"
    return verb.tag_ == "VBG" and verb.lemma_.lower() in SPEAKING_PARTICIPLES and verb.dep_ == "advcl"


def duty_not_deed(tok: Token) -> bool:
    """An act one "has to" do ("as a citizen I have to fight") or spent a while doing ("spent three weeks
    fighting"): a duty or a stretch of service, not an act that happened at a time and place."""
    if tok.dep_ != "xcomp":
        return False
    head = tok.head
    if head.lemma_.lower() == "have" and head.tag_ in ("VBP", "VBZ") and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    return head.lemma_.lower() == "spend" and tok.tag_ == "VBG"


# what a deed put as an idea is judged to be: "reopening the port is not an option", "sending troops
# would be a mistake"; the judgement is the news, the deed was not done
IDEA_JUDGEMENTS = {"option", "question", "possibility", "possible", "impossible", "unthinkable", "unacceptable",
                   "mistake", "unrealistic", "realistic", "feasible", "solution", "idea", "priority"}


def weighed_as_an_idea(tok: Token) -> bool:
    """The act is a gerund subject of "be" whose predicate weighs it ("putting the pipeline into operation
    was not an option"): an idea judged, not a deed told."""
    verb = governing_verb(tok)
    if verb.dep_ != "csubj" or verb.tag_ != "VBG" or verb.head.lemma_ != "be":
        return False
    head = verb.head
    if any(c.dep_ == "neg" for c in head.children):
        return True
    return any(c.dep_ in ("attr", "acomp") and c.lemma_.lower() in IDEA_JUDGEMENTS for c in head.children)


# "anyone who watched the meeting will understand": anybody at all, not a party that acted or spoke
GENERIC_SUBJECTS = {"you", "anyone", "anybody", "everyone", "everybody", "whoever"}


def governing_verb(tok: Token) -> Token:
    """The verb whose clause the trigger belongs to (the trigger itself if it is a verb)."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


# verbs of belief that do not take their clause as fact: "did not believe the west would send tanks"
# tells no delivery ("did not know that ..." would: knowing presupposes it)
BELIEF_VERBS = {"believe", "think", "imagine", "suppose"}


def is_negated(tok: Token) -> bool:
    verb = governing_verb(tok)
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if _under_denied_belief(verb):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("have", "be") and \
            any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.head.children):
        return True  # "one of the few countries that has yet to impose sanctions": not done
    if any(c.dep_ in {"nsubj", "nsubjpass"} and _nobody(c) for c in verb.children):
        return True  # "no Belarusian soldier is fighting", "nobody was hurt"
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _nobody(subj: Token) -> bool:
    if subj.lower_ in {"nobody", "none"} or (subj.lower_ == "one" and subj.i > 0 and subj.nbor(-1).lower_ == "no"):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _under_denied_belief(verb: Token) -> bool:
    cur = verb
    for _ in range(3):
        if cur.dep_ != "ccomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in BELIEF_VERBS and any(c.dep_ == "neg" for c in cur.children):
            return True
    return False


AWAIT_VERBS = {"expect", "anticipate", "await", "plan", "schedule", "propose"}


MEANS_PREPS = ("by", "through")


def local_modality(tok: Token) -> str | None:
    """expected / cancelled / conditional for this trigger's own clause, not the whole sentence."""
    if any(c.dep_ == "amod" and c.lower_ in PLANNED_MODIFIERS for c in tok.children):
        # "an upcoming trip", "the planned meetings" - unless the sentence says it was called off
        return _cancelled(tok) or "expected"
    cancelled = _cancelled(tok)
    if cancelled:
        return cancelled
    verb = governing_verb(tok)
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in AWAIT_VERBS:
        return "expected"  # "he expected a UN security council meeting on Tuesday", "talks are planned"
    if _has_if_clause(verb):
        return "conditional"
    chain = [verb]
    if verb.dep_ == "pcomp" and verb.head.lower_ in MEANS_PREPS and verb.head.head.pos_ in ("VERB", "AUX"):
        chain.append(verb.head.head)  # "may change their status ... by annexing them": as the verb it is the means of
    # "is set to announce", "are expected to speak", "expects the leaders to speak": climb complements
    while chain[-1].dep_ in ("xcomp", "ccomp", "acomp") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    if verb.lemma_ in FUTURE_HEADS and any(c.dep_ == "xcomp" for c in verb.children):
        return "expected"  # the trigger phrase itself is "set to speak"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(c.lower_ == "to" for c in verb.children):
        return "expected"  # "the chancellor is to meet Putin on Monday"
    for v in chain:
        if v.i != verb.i and (v.lemma_ in FUTURE_HEADS - {"go"} or (
                v.lemma_ == "go" and any(c.lower_ == "to" for c in verb.children))):
            return "expected"
        for c in v.children:
            if c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "wo"):
                return "expected"
            if c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may"):
                if any(o.dep_ == "advmod" and o.lower_ == "only" for o in v.children):
                    return "conditional"  # "Belarus would only fight in response to a provocation": a condition
                return "expected" if c.lower_ == "would" and not _hypothetical(v) and not _any_such(tok, v) \
                    and not _outcome_would(v) else "conditional"
            if c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS:
                return "conditional"
    # headline style "Trump and Putin to speak this week": bare infinitive as root
    if verb.dep_ == "ROOT" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "expected"
    return None


def _has_if_clause(verb: Token) -> bool:
    """'if we get involved in a war, we'll be conscripting': a condition on this verb."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in c.children)
               for c in verb.children)


def _any_such(tok: Token, verb: Token) -> bool:
    """'a trial of the troops would complicate talks', 'any attack would trigger a response', 'the fall of
    the port would be a blow', 'captive Americans would add complexity': an act as the subject of what it
    would bring, with no act of its own told."""
    if tok.dep_ in ("amod", "compound") and tok.head.dep_ == "nsubj" and tok.head.head.i == verb.i and \
            tok.head.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "det" for c in tok.head.children):
        return True  # "captive Americans would add another layer of complexity": any such people, were there any
    if tok.dep_ != "nsubj" or tok.head.i != verb.i or tok.pos_ != "NOUN":
        return False
    if verb.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in verb.children):
        return True  # "the fall of the port would be an economic blow": what it would be, were it to happen
    return any(d.dep_ == "det" and d.lower_ in ("a", "an", "any") for d in tok.children)


# "victory there would let Moscow claim the province", "its fall would open the road to X": what an
# outcome not yet had would bring
OUTCOME_NOUNS = {"victory", "fall", "capture", "loss", "defeat", "seizure", "win", "success", "collapse"}


def _outcome_would(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in OUTCOME_NOUNS for c in verb.children)


def _hypothetical(verb: Token) -> bool:
    return any(t.lower_ in HYPOTHETICAL_MARKS and not _condition_of_another(t, verb) for t in verb.doc)


def _condition_of_another(mark: Token, verb: Token) -> bool:
    """An "if" whose clause hangs under another verb below this one ("said it would supply rockets,
    despite a threat to bomb new targets if more arms were sent"): the condition of that verb only."""
    clause = mark.head
    return clause.head.i != verb.i and any(a.i == verb.i for a in clause.head.ancestors) and \
        clause.head.pos_ == "VERB" and clause.dep_ == "advcl"


def _cancelled(tok: Token) -> str | None:
    """'The trip has been cancelled', 'talks were called off', 'postponed the visit'."""
    verb = governing_verb(tok)
    candidates = [verb] + [c for c in verb.children if c.dep_ == "conj"]
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        candidates.append(tok.head)
    for v in candidates:
        lemma = v.lemma_.lower()
        if lemma in CANCEL_LEMMAS - {"call"} or (lemma == "call" and any(c.lower_ == "off" for c in v.children)):
            return "cancelled"
        if v.lower_ in ("cancelled", "canceled", "postponed", "scrapped", "off"):
            return "cancelled"
    return None


def reporting_head(tok: Token) -> Token | None:
    """The reporting verb whose content clause contains the trigger ("Moscow claims that ...")."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in ("ccomp", "xcomp", "dobj", "advcl") and cur.head.lemma_ in REPORTING_LEMMAS:
            return cur.head
        cur = cur.head
    return None


def subject_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def in_subtree(tok: Token, root: Token) -> bool:
    """`tok` hangs below `root` (or is it). The parser may attach a phrase across others ("Ukraine said
    it had retreated ..., the two cities held by Kyiv" with the apposition on "Ukraine"), so the
    span between a subtree's edges is not the subtree: follow the heads."""
    if not root.left_edge.i <= tok.i <= root.right_edge.i:
        return False
    return tok.i == root.i or root.is_ancestor(tok)


DENY_LEMMAS = {"deny", "reject", "dismiss", "refute", "rebut", "disprove"}


def governing_cues(tok: Token, cue_positions: set[int]) -> set[int] | None:
    """Which of the sentence's reporting words (at `cue_positions`) govern this trigger: the
    nearest above it, and the next one too when that is a claim noun or a denial
    ("Ukraine denied Russian claims that they captured ..."). None when none governs it."""
    found: list[int] = []
    cur = tok
    for _ in range(40):
        if cur.i in cue_positions:
            found.append(cur.i)
            if len(found) == 2 or (cur.pos_ == "VERB" and not _denied_above(cur, cue_positions)):
                break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return set(found) if found else None


def _denied_above(tok: Token, cue_positions: set[int]) -> bool:
    cur = tok.head
    for _ in range(40):
        if cur.i in cue_positions:
            return cur.lemma_.lower() in DENY_LEMMAS
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False
