"""Publisher boilerplate removal driven by the pattern lists in data/boilerplate.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Patterns:
    drop_paragraph: tuple[re.Pattern, ...]
    appeal_strong: tuple[re.Pattern, ...]
    appeal_signal: tuple[re.Pattern, ...]
    drop_sentence: tuple[re.Pattern, ...]
    glue: re.Pattern
    inline_cut: tuple[re.Pattern, ...] = ()
    credit: re.Pattern | None = None  # "Photograph: Name/Agency", ending after the agency
    credit_lead: re.Pattern | None = None
    section_headings: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    raw = tomllib.loads(resources.files("frontline.data").joinpath("boilerplate.toml").read_text("utf-8"))

    def compile_all(key: str) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in raw[key])

    return Patterns(
        drop_paragraph=compile_all("drop_paragraph"),
        appeal_strong=compile_all("appeal_strong"),
        appeal_signal=compile_all("appeal_signal"),
        drop_sentence=compile_all("drop_sentence"),
        glue=re.compile(raw["glue"]),
        inline_cut=tuple(re.compile(p) for p in raw.get("inline_cut", [])),
        credit=_credit_pattern(raw.get("credit_lead"), raw.get("photo_agencies", [])),
        credit_lead=re.compile(raw["credit_lead"]) if raw.get("credit_lead") else None,
        section_headings=tuple(sorted(raw.get("section_headings", []), key=len, reverse=True)),
    )


def _credit_pattern(lead: str | None, agencies: list[str]) -> re.Pattern | None:
    """A credit is up to four "Name/" segments and then a known agency (longest names first)."""
    if not lead or not agencies:
        return None
    names = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    return re.compile(lead + r"(?:[^/.!?\n]{1,60}/){0,4}(?:" + names + r")(?![\w-])(?:/[^/\s]+(?: [A-Z][\w’'-]+)?)*")


def unglue(paragraphs: list[str]) -> list[str]:
    """Split paragraphs where boilerplate was glued to content without a space."""
    pat = patterns().glue
    out: list[str] = []
    for para in paragraphs:
        out.extend(part.strip() for part in pat.split(para) if part.strip())
    return out


def is_boilerplate(paragraph: str) -> bool:
    return _any_drop_paragraph().search(paragraph.strip()) is not None


@lru_cache(maxsize=1)
def _any_drop_paragraph() -> re.Pattern:
    """The drop_paragraph patterns as one alternation: one search per paragraph, not one per pattern
    (a match of the whole is a match of one of them; none uses a backreference or a flag of its own)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns().drop_paragraph), re.IGNORECASE)


def strip_paragraphs(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Remove boilerplate paragraphs and appeal runs; return (kept, removed).

    An appeal opens with a strong line ("Your support helps us...") and runs over
    the next few paragraphs that speak as the publisher (we/our, journalism,
    donations).
    """
    pats = patterns()
    kept: list[str] = []
    removed: list[str] = []
    run = 0  # paragraphs into the current appeal; 0 = not in one
    for para in unglue(paragraphs):
        if len(para) > MAX_FURNITURE_CHARS:
            # Furniture is a line or two. A long paragraph that merely contains a furniture phrase
            # ("...is delivered to your inbox...", a quoted "donate now") is text: a pattern found
            # somewhere inside it is no evidence that the whole of it is boilerplate.
            run = 0
            kept.append(para)
            continue
        if any(p.search(para) for p in pats.appeal_strong):
            removed.append(para)
            run += 1
            continue
        if 0 < run <= MAX_APPEAL_PARAGRAPHS and _speaks_as_publisher(para):
            removed.append(para)
            run += 1
            continue
        run = 0
        (removed if is_boilerplate(para) else kept).append(para)
    return kept, removed


MAX_APPEAL_PARAGRAPHS = 6
MAX_FURNITURE_CHARS = 1200  # the longest appeal or promo paragraph seen is well under this


def _speaks_as_publisher(para: str) -> bool:
    signals = patterns().appeal_signal
    return bool(signals[0].search(para)) or sum(1 for p in signals[1:] if p.search(para)) >= 2


def strip_sentences(sentences: list[str]) -> tuple[list[str], list[str]]:
    """Drop boilerplate sentences (credits, 'read more' links) from a paragraph's sentences."""
    pats = patterns().drop_sentence
    kept, removed = [], []
    for s in sentences:
        (removed if any(p.search(s.strip()) for p in pats) else kept).append(s)
    return kept, removed


# ------------------------------------------------------------------ inline furniture

_LOOSE_CREDIT = re.compile(r"\S+(?: [A-Z][\w’'.-]*)?(?:/\S+(?: [A-Z][\w’'.-]*)?)*")


def scrub_inline(text: str) -> tuple[str, list[str]]:
    """Cut furniture embedded inside running text; return (text, removed pieces).

    Scraped live blogs run photo captions ("Joe Biden. Photograph: Getty Images"),
    embedded-tweet attributions ("— Name (@handle) July 7, 2022") and short links
    into the prose, where paragraph- and sentence-level rules cannot see them.
    """
    pats = patterns()
    removed: list[str] = []
    for pat in pats.inline_cut:
        def cut(m: re.Match) -> str:
            removed.append(m.group(0).strip())
            return "\n"  # an embed ends here: keep its text apart from what follows
        text = pat.sub(cut, text)
    text, captions = strip_captions(text)
    removed.extend(captions)
    return _tidy(text), removed


def _tidy(text: str) -> str:
    """Collapse the gaps left by cuts; newlines stay as paragraph breaks."""
    lines = (re.sub(r"[ \t]{2,}", " ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


MAX_CAPTION_CHARS = 300


def strip_captions(text: str) -> tuple[str, list[str]]:
    """Remove each "caption. Photograph: credit" from running text.

    The credit ends after a known agency ("…/AFP/Getty Images"), else at the end of
    the text, else after a name; the caption is the sentence just before it (the part
    after a colon when a lead-in such as "Here are some pictures:" precedes it).
    """
    from frontline.cleaning.sentences import split_spans

    pats = patterns()
    if pats.credit_lead is None or not pats.credit_lead.search(text):
        return text, []
    out: list[str] = []
    removed: list[str] = []
    pos = 0
    while True:
        m = pats.credit_lead.search(text, pos)
        if m is None:
            break
        full = pats.credit.match(text, m.start()) if pats.credit else None
        if full:
            end = full.end()
        else:
            tail = text[m.end():]
            if len(tail) <= 80 and not re.search(r"[.!?]\s", tail):
                end = len(text)
            else:
                loose = _LOOSE_CREDIT.match(text, m.end())
                end = loose.end() if loose else m.end()
        before = text[pos:m.start()]
        spans = split_spans(before)
        cap_start = pos + spans[-1][0] if spans else m.start()
        caption = text[cap_start:m.start()]
        colon = caption.rfind(": ")
        if colon > 0 and len(caption[:colon].split()) >= 4 and caption[colon + 2:colon + 3].isupper():
            cap_start += colon + 1  # keep the lead-in ("...pictures of the evacuees:")
        if m.start() - cap_start > MAX_CAPTION_CHARS:
            cap_start = m.start()  # too long to be a caption: cut the credit only
        out.append(text[pos:cap_start] + "\n")
        removed.append(text[cap_start:end].strip())
        pos = end
    out.append(text[pos:])
    return _tidy("".join(out)), removed
