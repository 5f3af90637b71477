"""The Guardian's live blogs as plain text: posts run together behind inline timestamps.

Layout (as scraped from the page): a title line, then each post opens a line with
its stamp, "7 Jul 2022 00.51 Headline Body...", newest first; a pinned key post is
repeated at the top as "From 7 Jul 2022 18.14 ..."; "Updated at 18.36 BST" lines
close edited posts. Headlines are not delimited from the body, and the scrape
repeats the last sentence(s) of each paragraph at the start of the next one.

Stamps show the UTC date with the London wall-clock time (a post at 00.51 BST on
8 July reads "7 Jul 2022 00.51"), so each time is resolved to the London time
whose UTC date is the one printed.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from frontline.cleaning import boilerplate
from frontline.cleaning.sentences import split_spans
from frontline.models import Block, Document

LONDON = ZoneInfo("Europe/London")
MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}

STAMP = re.compile(
    r"^(?P<pinned>From )?(?P<day>\d{1,2}) (?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"(?P<year>\d{4}) (?P<hh>[01]\d|2[0-3])\.(?P<mm>[0-5]\d)\b[ \t]*",
    re.MULTILINE,
)
UPDATED = re.compile(r"^Updated at \d{1,2}[.:]\d{2}(?: [A-Z]{2,5})?\s*$", re.IGNORECASE)
MIN_STAMPS = 2  # fewer stamped lines than this: an ordinary article

# Headline detection ---------------------------------------------------------------
MAX_HEADLINE_WORDS = 22
MIN_HEADLINE_WORDS = 3
CONTEXT_WORDS = 70  # how much of the body a headline is compared with
# Words a headline does not end on: it would continue into the next word.
_OPEN_ENDINGS = frozenset("""
a an the and or but nor of to in on at by for from with into onto over under about after before as than that
which who whom whose where when while if because since until though although against among between during
via per its his her their our your my this these those there here is are was were be been being has have had
do does did will would shall should can could may might must not no so very more most such
mr mrs ms dr gen lt col maj capt sgt st president minister secretary chancellor governor mayor general
spokesperson spokesman spokeswoman leader ambassador chairman chairwoman chief head commander envoy
correspondent editor prime foreign defence defense deputy vice prince king queen pope senator
""".split())
_STOP = _OPEN_ENDINGS | frozenset("""
said say says saying told tells also just now new will its it it's has have been being than then some any all
one two three after over more most what how why yet still amid near across
""".split())
# Capitalised function words open a sentence; inside a sentence-case headline they cannot occur.
_SENTENCE_OPENERS = frozenset("""
The A An In On At As After Before Despite Just Here There It It’s It's Its This That These Those He She They We
I Some More Many Most Several Two Three Four Five Six Seven Eight Nine Ten Around About According Following
Meanwhile Earlier Later Today Yesterday Tonight Overnight Since While When With Without Under Over Amid During
Although Though However But And Yet So Speaking Asked Thousands Hundreds Dozens
""".split())
_SPEECH_VERBS = frozenset("says say said warns warned claims claimed tells told urges urged".split())
_WORD = re.compile(r"[\w’'-]+")
_OPENERS = re.compile(r"[A-Z0-9“\"‘'(£$€]")
# A byline: a two-word name standing before a capitalised sentence start ("Luke Harding The ...").
_NAME = r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z][a-z]*[’'][A-Z][a-z]+)"  # Graham-Harrison, O’Brien; no possessive
BYLINE = re.compile(rf"^(?P<name>{_NAME} {_NAME}) (?=[A-Z“\"‘])")
_NOT_NAME = frozenset("""
The A An In On At As After Before But And Or If When While With Without From To For Of By This That These Those
Here There It Its We Our They Their He She His Her
New North South East West Western Eastern United Saudi Sri Prime President Minister Foreign Defence Defense
Secretary General Chancellor Governor Mayor Senator Ambassador Deputy Vice Chief Supreme High State Home Interior
Finance Energy Health Trade Justice Emergency Armed Air Naval Military Security Intelligence National European
British American Chinese German French Polish Turkish Iranian Israeli Monday Tuesday Wednesday Thursday Friday
Saturday Sunday January February March April May June July August September October November December
Breaking Summary Update Updates Live Latest Analysis Video Watch Read Opinion Report Reports Key Catch
""".split())


def looks_like(text: str) -> bool:
    """Enough stamped lines to be a Guardian-style live blog."""
    return len(STAMP.findall(text[:400_000])) >= MIN_STAMPS


def read(text: str, *, name: str) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    matches = list(STAMP.finditer(text))
    head = [ln.strip() for ln in text[: matches[0].start() if matches else len(text)].split("\n") if ln.strip()]
    if not head and not matches:
        raise ValueError("no text lines")
    title = head[0] if head else ""
    blocks: list[Block] = []
    if head[1:]:
        lead = _paragraphs(head[1:])
        if lead:
            blocks.append(Block(headline="", paragraphs=lead, kind="summary", raw_start=0))
    stamps = [(_stamp(m), bool(m.group("pinned"))) for m in matches]
    seen: set[tuple[dt.datetime, str]] = set()
    for i, m in enumerate(matches):
        when, pinned = stamps[i]
        if pinned and any(s == when and not p for s, p in stamps[i + 1:]):
            continue  # the key-event copy of a post that follows in full
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        lines = [ln.strip() for ln in text[m.end():end].split("\n")]
        lines = [ln for ln in lines if ln and not UPDATED.match(ln)]
        if not lines:
            continue
        headline, first = split_headline(lines[0], text)
        paragraphs = _paragraphs([first, *lines[1:]])
        key = (when, headline + "\x1f" + " ".join(paragraphs)[:300])
        if key in seen:
            continue  # the scrape sometimes repeats a whole post
        seen.add(key)
        if not headline and not paragraphs:
            continue  # a photo and its caption, nothing else
        blocks.append(Block(headline=headline, paragraphs=paragraphs, published=when,
                            kind=_kind(headline, paragraphs), raw_start=m.start()))
    if not any(b.published for b in blocks):
        raise ValueError("no timestamped posts")
    latest = max(b.published for b in blocks if b.published)
    return Document(doc_id=name, title=title, blocks=blocks, source="The Guardian", published=latest,
                    format="guardian")


def resolve_stamp(day: dt.date, hour: int, minute: int, tz: dt.tzinfo = LONDON) -> dt.datetime:
    """The local time `hour:minute` whose UTC date is `day` (the Guardian prints the UTC date)."""
    for offset in (0, 1, -1):
        local = dt.datetime.combine(day + dt.timedelta(days=offset), dt.time(hour, minute), tzinfo=tz)
        if local.astimezone(dt.UTC).date() == day:
            return local
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


def _stamp(m: re.Match) -> dt.datetime:
    day = dt.date(int(m.group("year")), MONTHS[m.group("mon")], int(m.group("day")))
    return resolve_stamp(day, int(m.group("hh")), int(m.group("mm")))


def _kind(headline: str, paragraphs: list[str]) -> str:
    if headline.lower() in boilerplate.patterns().section_headings:
        return "summary"
    opening = " ".join(paragraphs[:3]).lower()
    if re.search(r"\b(summary|round-?up|recap)\b", opening) and re.search(
            r"\b(below|where things stand|what we know|here[’']?s|here is)\b", opening):
        return "summary"
    return "post"


# ------------------------------------------------------------------ paragraphs

MAX_PARAGRAPH_CHARS = 600


def _paragraphs(lines: list[str]) -> list[str]:
    """Undo the scrape's overlaps, cut inline furniture and regroup sentences into paragraphs.

    A sentence that is boilerplate on its own ("This blog is closing now") becomes its
    own paragraph so the cleaning stage can drop it without taking the news with it.
    """
    out: list[str] = []
    previous = ""
    for line in lines:
        line = _drop_overlap(previous, line)
        if not line:
            continue
        previous = line if not previous or line not in previous else previous
        text, _removed = boilerplate.scrub_inline(line)
        for part in text.split("\n"):
            out.extend(_group(part))
    # A line wholly repeated elsewhere in the post adds nothing.
    seen: set[str] = set()
    unique = []
    for para in out:
        key = " ".join(para.split())
        if key not in seen:
            seen.add(key)
            unique.append(para)
    return unique


def _drop_overlap(previous: str, line: str) -> str:
    """Remove the sentences at the start of `line` that end `previous` (a scrape artefact)."""
    if not previous:
        return line
    if line in previous:
        return ""
    spans = split_spans(line)
    for _, end in reversed(spans[:-1] if len(spans) > 1 else []):
        prefix = line[:end]
        if len(prefix) >= 20 and previous.rstrip().endswith(prefix.rstrip()):
            return line[end:].strip()
    return line


def _group(text: str) -> list[str]:
    spans = split_spans(text)
    groups: list[str] = []
    current: list[str] = []
    for a, b in spans:
        sentence = text[a:b]
        alone = boilerplate.is_boilerplate(sentence)
        if current and (alone or len(" ".join(current)) + len(sentence) > MAX_PARAGRAPH_CHARS):
            groups.append(" ".join(current))
            current = []
        current.append(sentence)
        if alone:
            groups.append(" ".join(current))
            current = []
    if current:
        groups.append(" ".join(current))
    return groups


# ------------------------------------------------------------------ headlines


def split_headline(text: str, context: str = "") -> tuple[str, str]:
    """Split "Headline Body..." into (headline, body); ("", text) when unsure.

    A standard section heading ("Summary") is taken as is. Otherwise a headline is a
    run of words inside the first sentence, ending on a word that can end a phrase,
    that the body goes on to restate: its content words come back in the body's
    first sentence and most of them in the next few, which is rare for the opening
    words of ordinary prose. `context` (the whole document) vetoes splits inside a
    phrase used elsewhere ("Volodymyr | Zelenskiy"). A byline after the headline
    ("... Luke Harding The ...") is dropped.
    """
    text = text.strip()
    heading = _section_heading(text)
    if heading:
        return heading, text[len(heading):].strip()
    text = _strip_byline(text)
    spans = split_spans(text)
    if not spans:
        return "", text
    tokens = list(re.finditer(r"\S+", text[: spans[0][1]]))
    best: tuple[float, int] | None = None
    for i in range(MIN_HEADLINE_WORDS, min(len(tokens), MAX_HEADLINE_WORDS + 1)):
        score = _candidate(text, tokens, i, context)
        if score is not None and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return "", text
    return text[: tokens[best[1] - 1].end()], _strip_byline(text[tokens[best[1]].start():])


def _candidate(text: str, tokens: list[re.Match], i: int, context: str) -> float | None:
    """Score a split before token i, or None when it cannot be a headline boundary."""
    tok, prev = tokens[i].group(), tokens[i - 1].group()
    if not _OPENERS.match(tok) or re.search(r"[,;:]$", tok):
        return None  # the body opens with a capital, and not with an appositive ("Island, off ...")
    if re.search(r"[,;:(–—-]$", prev) or prev in {"-", "–", "—"} or re.search(r"[’']s$", prev):
        return None
    bare = prev.strip("“”\"‘’'()").lower()
    if bare in _OPEN_ENDINGS or (bare.endswith("ed") and prev[:1].islower()):
        return None
    if bare in _SPEECH_VERBS and i >= 2 and tokens[i - 2].group().endswith(","):
        return None  # "..., says | Lavrov": the speaker follows
    headline, body = text[: tokens[i - 1].end()], text[tokens[i].start():]
    if not _balanced(headline) or _opens_sentence_inside(tokens[:i]):
        return None
    body_spans = split_spans(body)
    if not body_spans or len(body[: body_spans[0][1]].split()) < 5:
        return None  # the body must open with a sentence of its own
    if context and _phrase_elsewhere(tokens, i, context):
        return None
    words = _content(headline)
    if len(words) < 2:
        return None
    first = set(_content(body[: body_spans[0][1]]))
    window = set(_content(" ".join(body.split()[:CONTEXT_WORDS])))
    in_first = sum(1 for w in words if w in first)
    hit = sum(1 for w in words if w in window)
    if in_first < 2 or hit / len(words) < 0.6:
        return None
    score = hit - 1.5 * (len(words) - hit)
    if tok.strip("“\"‘'") in _SENTENCE_OPENERS:
        score += 1.5
    elif re.search(r"[’']s$", tok):
        score += 1.0  # "Russia’s foreign minister ..." opens with its subject
    if _strip_byline(body) != body:
        score += 2.0
    return score


def _opens_sentence_inside(tokens: list[re.Match]) -> bool:
    """A sentence-case headline has no capitalised "The"/"A" inside it (after a colon or quote it may)."""
    words = [t.group() for t in tokens]
    lowered = sum(1 for w in words if w[:1].islower() and len(w) > 3)
    if lowered < 2:
        return False  # Title Case: capitals tell nothing
    for j in range(1, len(words)):
        if words[j] in _SENTENCE_OPENERS and not re.search(r"[:“\"‘'–—-]$", words[j - 1]):
            return True
    return False


def _phrase_elsewhere(tokens: list[re.Match], i: int, context: str) -> bool:
    """The words either side of the split occur together elsewhere in the document, in another passage."""
    pair = f"{tokens[i - 1].group()} {tokens[i].group()}"
    n = context.count(pair)
    if n < 2:
        return False
    lo, hi = max(0, i - 3), min(len(tokens), i + 3)
    wider = " ".join(t.group() for t in tokens[lo:hi])
    return n > context.count(wider)


def _restatement(headline: str, body: str) -> float | None:
    """Score how well the body restates the headline; None if it does not."""
    words = _content(headline)
    if len(words) < 2:
        return None
    window = set(_content(" ".join(body.split()[:CONTEXT_WORDS])))
    hit = sum(1 for w in words if w in window)
    miss = len(words) - hit
    if hit < 2 or hit / len(words) < 0.6:
        return None
    return hit - 1.5 * miss


def _content(text: str) -> list[str]:
    out: list[str] = []
    for w in _WORD.findall(text):
        w = re.sub(r"[’']s$", "", w.lower()).strip("’'-")
        if len(w) < 3 and not w.isdigit():
            continue
        if w in _STOP:
            continue
        stem = w[:5] if len(w) > 5 else w
        if stem not in out:
            out.append(stem)
    return out


def _balanced(text: str) -> bool:
    if text.count("(") != text.count(")") or text.count("“") != text.count("”") or text.count('"') % 2:
        return False
    # Single quotes double as apostrophes: only an opening quote left open matters.
    return len(re.findall(r"(?:^|\s)[‘']", text)) <= len(re.findall(r"[’'](?:\s|$|[,.;:])", text))


def _section_heading(text: str) -> str:
    lower = text.lower()
    for heading in boilerplate.patterns().section_headings:
        if lower.startswith(heading) and re.match(r"\s+[A-Z0-9“\"‘']", text[len(heading):]):
            return text[: len(heading)]
    return ""


def _strip_byline(text: str) -> str:
    m = BYLINE.match(text)
    if not m:
        return text
    first, second = m.group("name").split(" ")
    if first in _NOT_NAME or second in _NOT_NAME:
        return text
    if any(len(w) > 5 and w.endswith(("ian", "ians", "ese", "ish", "ean")) for w in (first, second)):
        return text  # a demonym ("Ukrainian Defence ..."), not a first name
    return text[m.end():]
