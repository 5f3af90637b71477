"""Find temporal expressions in news sentences and resolve them to calendar dates.

Live-blog sentences date events relatively ("on Sunday", "last August", "three months later"), so
each expression is resolved against an anchor (the post's timestamp, else the document's DCT) and,
for anaphoric ones ("the previous day", "seven months later"), against the date mentioned just
before. Extraction is a set of pre-compiled regexes over a small lexicon (data/dates_en.toml)
because it runs on every sentence: a general date parser searching whole sentences is slower and
over-eager ("25-year-old", "1,300 square km").

Conventions (SPEC §4): `precision` is day | week | month | year; `basis` is `explicit` when the
expression names the date in full (an ISO date, "30 December 2024", "August 2024", "2008"),
`relative` when the anchor or a previous date was needed, `dct` only for `DateResolver.default()`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from frontline.models import DateRef

__all__ = ["DateResolver", "resolve_expression", "guess_tense", "find_expressions"]

# ---------------------------------------------------------------- lexicon


def _load_lexicon() -> dict:
    return tomllib.loads(resources.files("frontline.data").joinpath("dates_en.toml").read_text("utf-8"))


_LEX = _load_lexicon()
_WORDS = _LEX["words"]
_MONTHS: dict[str, int] = {**_LEX["months"], **_LEX["month_abbreviations"]}
_WEEKDAYS: dict[str, int] = {**_LEX["weekdays"], **_LEX["weekday_abbreviations"]}
_NUMBERS: dict[str, int] = _LEX["numbers"]
_ORDINALS: dict[str, int] = _LEX["ordinals"]
_UNITS: dict[str, str] = _LEX["units"]
_SEASONS: dict[str, list[int]] = _LEX["seasons"]
_HOLIDAYS: dict[str, str] = _LEX["holidays"]
_AMBIGUOUS_MONTHS = set(_WORDS["ambiguous_months"])
_NOT_YEAR_AFTER = set(_WORDS["not_year_after"])
_NOT_YEAR_BEFORE = set(_WORDS["not_year_before"])
_NOT_PAST_ED = set(_WORDS["not_past_ed"])
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _alt(words) -> str:
    """Regex alternation, longest first, with any space matching any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").rstrip(".").split())


# ---------------------------------------------------------------- regex fragments

_MONTH_FULL = rf"(?:{_alt(_LEX['months'])})\b"
_MONTH_ANY = rf"(?:(?:{_alt(_LEX['months'])})\b|(?:{_alt(_LEX['month_abbreviations'])})\b\.?)"
_WEEKDAY_FULL = rf"(?:{_alt(_LEX['weekdays'])})\b"
_WEEKDAY_ANY = rf"(?:(?:{_alt(_LEX['weekdays'])})\b|(?:{_alt(_LEX['weekday_abbreviations'])})\b\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"\b(?:1\d\d\d|20\d\d|21\d\d)\b(?!['’]?s\b)"
_NUM = rf"(?:\b(?:{_alt(_NUMBERS)})\b|\b\d{{1,3}}\b)"
_FEW = r"(?:a\s+few|few|several|a\s+couple\s+of|couple\s+of|many)"
_PART_CAL = (
    r"(?:early|mid|late|(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|turn)\s+of)"
)
_PART_UNIT = rf"(?:{_PART_CAL}|earlier|later)"
_DAYPART = rf"(?:{_alt(_WORDS['dayparts'])})\b"
_SEASON = rf"(?:{_alt(_SEASONS)})\b"
_HOLIDAY_ALT = _alt(_HOLIDAYS).replace("'", "['’]")
_PREPOSITIONS = (r"on|in|since|from|until|till|by|during|over|within|before|after|of|through|throughout|for|at|"
                 r"as\s+of|around|about|between|ahead\s+of|into|to")
_PREP_BEFORE = re.compile(rf"\b(?:{_PREPOSITIONS})\s+$", re.I)
_TEMPORAL_PREPS = {"on", "in", "since", "from", "until", "till", "by", "during", "of", "through", "throughout",
                   "as of", "between", "before", "after", "ahead of", "into", "around"}

# Rules are gated on the words of the sentence (a set lookup is far cheaper than running a regex),
# so most sentences skip most regexes. Each rule names the word classes it needs (any of them).
_TOKEN = re.compile(r"[a-z]+|\d+")
_WORD_CLASSES: dict[str, set[str]] = {}
for _cls, _words in (
    ("month", _MONTHS), ("weekday", _LEX["weekdays"]), ("season", _SEASONS),
    ("unit", [*_UNITS, "weekend", "weekends", "hours"]), ("century", ["century", "centuries"]),
    ("quarter", ["quarter", "q"]),
    ("deictic", ["today", "tonight", "yesterday", "tomorrow", "now", "currently", "present", "moment", "night",
                 "speak", "morning", "afternoon", "evening"]),
    ("overnight", ["overnight"]), ("vague", ["recently", "lately", "recent", "soon", "shortly", "near"]),
    ("holiday", [w for h in _HOLIDAYS for w in h.replace("'", " ").split()[:1]]),
    ("direction", ["ago", "later", "earlier", "before", "after", "on", "from", "hence", "previously", "prior"]),
):
    for _w in _words:
        _WORD_CLASSES.setdefault(_w, set()).add(_cls)
_WORD_CLASSES["in"] = {"in"}


def _classes(text: str) -> set[str]:
    """Word classes present in text: 'month', 'unit', 'year4' (a four-digit number) ..."""
    out = set()
    for tok in set(_TOKEN.findall(text.lower())):
        if tok[0].isdigit():
            out.add("year4" if len(tok) == 4 else "digit")
        elif (cls := _WORD_CLASSES.get(tok)) is not None:
            out |= cls
    return out


# ---------------------------------------------------------------- calendar helpers

_Range = tuple[dt.date, dt.date, str, str]  # start, end, precision, basis


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), _month_end(y, m)


def _week_range(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _add_months(d: dt.date, n: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _coarser(a: str, b: str) -> str:
    return a if _PRECISION_RANK[a] >= _PRECISION_RANK[b] else b


def _span_precision(start: dt.date, end: dt.date) -> str:
    days = (end - start).days + 1
    if days <= 2:
        return "day"
    if days <= 10:
        return "week"
    if days <= 62:
        return "month"
    return "year"


def _unit_range(d: dt.date, unit: str) -> tuple[dt.date, dt.date, str]:
    """The calendar unit (day, week, month, year, decade, century) containing d, with its precision."""
    if unit == "day":
        return d, d, "day"
    if unit in ("week", "fortnight"):
        return (*_week_range(d), "week")
    if unit == "month":
        return (*_month_range(d.year, d.month), "month")
    if unit == "quarter":
        first = 3 * ((d.month - 1) // 3) + 1
        return dt.date(d.year, first, 1), _month_end(d.year, first + 2), "month"
    if unit == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year"
    if unit == "decade":
        y = d.year - d.year % 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "year"
    if unit == "century":
        y = d.year - d.year % 100
        return dt.date(y, 1, 1), dt.date(y + 99, 12, 31), "year"
    raise ValueError(unit)


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return d + dt.timedelta(weeks=2 * n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "quarter":
        return _add_months(d, 3 * n)
    if unit == "year":
        return _add_years(d, n)
    if unit == "decade":
        return _add_years(d, 10 * n)
    if unit == "century":
        return _add_years(d, 100 * n)
    raise ValueError(unit)


def _unit_precision(unit: str) -> str:
    return {"day": "day", "week": "week", "fortnight": "week", "month": "month", "quarter": "month"}.get(unit, "year")


def _part(start: dt.date, end: dt.date, unit: str, part: str) -> tuple[dt.date, dt.date, str]:
    """Narrow a calendar unit to "early", "mid", "late", "the end of" ... part of it."""
    part = " ".join(part.lower().replace("-", " ").split())
    part = re.sub(r"^(the )?(very )?", "", part).removesuffix(" of")
    if unit in ("year", "season", "quarter"):  # whole months
        months = []
        d = start
        while d <= end:
            months.append(d)
            d = _add_months(d.replace(day=1), 1)
        n = len(months)
        third = max(1, round(n / 3))
        edge = max(1, n // 6)
        lo, hi = {
            "early": (0, third), "mid": (third, n - third), "middle": (third, n - third), "late": (n - third, n),
            "beginning": (0, edge), "start": (0, edge), "turn": (0, edge), "end": (n - edge, n),
            "first half": (0, n // 2), "second half": (n // 2, n),
        }.get(part, (0, n))
        hi = max(hi, lo + 1)
        first, last = months[lo], months[hi - 1]
        return first, _month_end(last.year, last.month), "month"
    total = (end - start).days + 1
    if unit == "week":
        first, second, edge = 3, 4, 2
    elif unit == "month":  # early 1-10, mid 11-20, late 21-end
        first, second, edge = 10, 20, 7
    else:  # decade, century, free ranges
        first, edge = max(1, round(total / 3)), max(1, total // 6)
        second = total - first
    lo, hi = {
        "early": (0, first), "mid": (first, second), "middle": (first, second),
        "late": (second, total), "beginning": (0, edge), "start": (0, edge), "turn": (0, edge),
        "end": (total - edge, total), "first half": (0, total // 2), "second half": (total // 2, total),
    }.get(part, (0, total))
    hi = max(hi, lo + 1)
    s, e = start + dt.timedelta(days=lo), start + dt.timedelta(days=hi - 1)
    if unit in ("week", "month"):
        return s, e, "week"
    if unit in ("decade", "century"):
        return s, e, "year"
    return s, e, _span_precision(s, e)


# A past-tense report often names an arrangement weeks ahead ("said it will pay the dividend Dec. 15",
# "decided the boy should go home by Jan. 14"): a past tense only overrides the nearest reading of a
# day and month when that reading is more than this far ahead of the anchor.
_TENSE_SLACK_DAYS = 60


def _pick(candidates: list[dt.date], anchor: dt.date, tense: str | None, slack_days: int = 0) -> dt.date | None:
    """The candidate nearest the anchor in the direction the tense implies (on-or-before for the past)."""
    if not candidates:
        return None
    nearest = min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))
    if tense == "past" and (nearest - anchor).days <= slack_days:  # past cues are the noisy ones
        return nearest
    past = [c for c in candidates if c <= anchor]
    future = [c for c in candidates if c >= anchor]
    if tense == "past" and past:
        return max(past)
    if tense == "future" and future:
        return min(future)
    return nearest


def _day_month_year(month: int, day: int, anchor: dt.date, tense: str | None, weekday: int | None) -> dt.date | None:
    if weekday is not None:  # "Monday 30 December": the year whose 30 December is a Monday, nearest the anchor
        matching = [d for y in range(anchor.year - 11, anchor.year + 12)
                    if (d := _safe_date(y, month, day)) and d.weekday() == weekday]
        if matching:
            return min(matching, key=lambda d: (abs((d - anchor).days), d > anchor))
    cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))]
    if not cands:  # 29 February
        cands = [d for y in range(anchor.year - 4, anchor.year + 5) if (d := _safe_date(y, month, day))]
    return _pick(cands, anchor, tense, _TENSE_SLACK_DAYS)


def _month_year(month: int, anchor: dt.date, tense: str | None, rel: str | None = None) -> int:
    """Year of a bare month name: "last August" is strictly before the anchor's month, "in May" follows tense."""
    here = anchor.year * 12 + anchor.month - 1
    cands = [y * 12 + month - 1 for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if rel in ("last", "past"):
        pick = max(c for c in cands if c < here)
    elif rel in ("next", "coming"):
        pick = min(c for c in cands if c > here)
    elif rel == "this":
        pick = anchor.year * 12 + month - 1
    elif tense == "past" and month != anchor.month % 12 + 1:  # next month is near enough to be meant
        pick = max(c for c in cands if c <= here)
    elif tense == "future" and month != (anchor.month - 2) % 12 + 1:
        pick = min(c for c in cands if c >= here)
    else:
        pick = min(cands, key=lambda c: (abs(c - here), c > here))
    return pick // 12


def _season_range(name: str, year: int) -> tuple[dt.date, dt.date]:
    first, length = _SEASONS[name.lower()]
    start = dt.date(year, first, 1)
    last = _add_months(start, length - 1)
    return start, _month_end(last.year, last.month)


def _season(name: str, anchor: dt.date, tense: str | None, rel: str | None) -> tuple[dt.date, dt.date]:
    ranges = [_season_range(name, y) for y in range(anchor.year - 2, anchor.year + 2)]
    if rel in ("last", "past", "previous"):
        return max((r for r in ranges if r[1] < anchor), key=lambda r: r[0])
    if rel in ("next", "coming"):
        return min((r for r in ranges if r[0] > anchor), key=lambda r: r[0])
    current = [r for r in ranges if r[0] <= anchor <= r[1]]
    if current:
        return current[0]
    if rel == "this":  # "this summer": the one of the anchor's year (winter: the one ending in it)
        return next(r for r in ranges if r[0].year == anchor.year - (1 if r[0].month == 12 and anchor.month <= 2
                                                                      else 0))
    if tense == "past":
        return max((r for r in ranges if r[1] < anchor), key=lambda r: r[0])
    if tense == "future":
        return min((r for r in ranges if r[0] > anchor), key=lambda r: r[0])
    return min(ranges, key=lambda r: min(abs((r[0] - anchor).days), abs((r[1] - anchor).days)))


def _weekday_date(wd: int, rel: str | None, anchor: dt.date, ref: dt.date | None, tense: str | None) -> dt.date:
    a = anchor
    if rel in ("last", "past"):
        return a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7)
    if rel in ("next", "coming"):
        return a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7)
    if rel in ("the following", "the next"):
        base = ref or a
        return base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
    if rel in ("the previous", "the preceding"):
        base = ref or a
        return base - dt.timedelta(days=(base.weekday() - wd) % 7 or 7)
    if rel == "this" and tense is None:
        return _week_range(a)[0] + dt.timedelta(days=wd)
    if tense == "future":
        return a + dt.timedelta(days=(wd - a.weekday()) % 7)
    return a - dt.timedelta(days=(a.weekday() - wd) % 7)


def _number(text: str | None, default: int | None = None) -> int | None:
    if not text:
        return default
    t = _key(text)
    if t.isdigit():
        return int(t)
    if t in _NUMBERS:
        return _NUMBERS[t]
    if "few" in t or "several" in t or "many" in t:
        return 3
    if "couple" in t:
        return 2
    return default


def _rel(text: str | None) -> str | None:
    if not text:
        return None
    r = _key(text)
    return "last" if r == "last last" else r


# ---------------------------------------------------------------- tense


def _cue_table(words: list[str], kind: str, table: dict[str, list[tuple[tuple[str, ...], str]]]) -> None:
    for w in words:
        first, *rest = w.lower().split()
        table.setdefault(first, []).append((tuple(rest), kind))


_CUE_TABLE: dict[str, list[tuple[tuple[str, ...], str]]] = {}
_cue_table(_WORDS["future_cues"], "future", _CUE_TABLE)
_cue_table(_WORDS["past_cues"], "past", _CUE_TABLE)
_cue_table(_WORDS["reporting_verbs"], "report", _CUE_TABLE)
_cue_table(_WORDS["weak_future_cues"], "would", _CUE_TABLE)
_CUE_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PASSIVE = {"be", "been", "being"}


# what "due to" is followed by when it gives a cause: a noun phrase (a verb follows "due to" of a time ahead)
_CAUSE_OPENERS = frozenset(
    "the a an his her its their our my your this that these those some many much such him them it what "
    "intense heavy high low poor bad severe lack fear fears covid weather security safety health".split())
_NOUN_ENDINGS = ("ing", "ed", "ion", "ity", "ty", "cy", "al", "ern", "ian", "’s", "'s")


def _names_a_cause(following: list[str]) -> bool:
    """Whether the word after "due to" opens a noun phrase (a cause) rather than a verb (a time ahead)."""
    if not following:
        return False
    word = following[0]
    return word in _CAUSE_OPENERS or word.endswith(_NOUN_ENDINGS) or (word.endswith("s") and not word.endswith("ss"))


def _cues(text: str) -> list[tuple[int, int, str]]:
    """Tense cues as (start, end, kind): kind is 'past', 'future', or the weak 'report' ("said") and 'would'."""
    toks = [(m.start(), m.end(), m.group()) for m in _CUE_TOKEN.finditer(text)]
    low = [t[2].lower().replace("’", "'") for t in toks]
    out = []
    for i, (s, e, tok) in enumerate(toks):
        w = low[i]
        for rest, kind in _CUE_TABLE.get(w, ()):
            if kind == "past" and i and low[i - 1] in _PASSIVE:  # "will be paid"
                continue
            if tuple(low[i + 1:i + 1 + len(rest)]) == rest:
                if w == "due" and rest == ("to",) and _names_a_cause(low[i + 2:i + 3]):
                    continue  # "due to intense shelling": a cause, not a time ahead ("due to arrive")
                end = toks[i + len(rest)][1] if rest else e
                out.append((s, end, kind))
                break
        else:
            if w.endswith("'ll"):
                out.append((s, e, "future"))
            elif (w.endswith("ed") and len(w) > 4 and tok[0].islower() and w not in _NOT_PAST_ED
                  and w not in _CUE_TABLE
                  and not (i and low[i - 1] in _PASSIVE)):
                out.append((s, e, "past"))
    return out


# "On Monday, the company announced ...": a fronted date and the subject of the verb it dates
_FRONTED_SUBJECT = re.compile(r",\s*(?:the\s+|a\s+|its\s+)?(?:[\w’'-]+\s+){0,3}$")


def _tense_near(cues: list[tuple[int, int, str]], start: int, end: int, text: str = "") -> str | None:
    best, best_dist = None, None
    for s, e, kind in cues:
        if s < end and e > start:  # the expression's own words ("last", "next") do not count
            continue
        dist = start - e if e <= start else s - end
        if kind == "report":  # "said on Friday" is past; "said it will ... Dec. 15" is not evidence
            if dist > 4 and not (s >= end and not text[:start].strip(" “\"") and
                                 _FRONTED_SUBJECT.fullmatch(text[end:s])):
                continue
            dist = min(dist, 4)
            kind = "past"
        elif kind == "would":
            if dist > 20:
                continue
            kind = "future"
        if best_dist is None or dist < best_dist:
            best, best_dist = kind, dist
    return best


_QUOTED = re.compile(r"“[^”]*(”|$)")


def _in_same_voice(text: str, cues: list[tuple[int, int, str]], at: int) -> list[tuple[int, int, str]]:
    """The cues on the same side of a quotation mark as position `at`: a quote is its own time
    ("Speaking to reporters on Friday, the chancellor said: “I will go on talking to him”" - Friday is past)."""
    if "“" not in text:
        return cues
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]

    def region(i: int) -> tuple[int, int] | None:
        return next(((qs, qe) for qs, qe in quotes if qs <= i < qe), None)

    own = region(at)
    return [c for c in cues if region(c[0]) == own]


def guess_tense(text: str, start: int | None = None, end: int | None = None) -> str | None:
    """'past', 'future' or None for the clause around text[start:end] (the whole sentence if no span).

    The nearest tense cue wins ("said on Sunday that talks will be held on Monday": Sunday is past,
    Monday future); cheap enough to run on every expression. A deadline ("through June", "by Jan. 14")
    is not dated by a past-tense verb, so it gets None rather than 'past'.
    """
    cues = _cues(text)
    if start is None:
        kinds = {k for _, _, k in cues}
        return "future" if kinds & {"future", "would"} else "past" if kinds else None
    cues = _in_same_voice(text, cues, start)
    prep = _PREP_BEFORE.search(text, max(0, start - 12), start)
    tense = _tense_near(cues, prep.start() if prep else start, end if end is not None else start, text)
    if tense == "past" and prep and " ".join(prep.group().split()).lower() in _DEADLINE_PREPS:
        return None
    return tense


# ---------------------------------------------------------------- rules


class _Env:
    """What a rule may use to resolve one match; the tense is only worked out if a rule asks."""

    __slots__ = ("anchor", "ref", "_tense", "_tense_fn")

    def __init__(self, anchor: dt.date, ref: DateRef | None, tense: str | None = None,
                 tense_fn: Callable[[], str | None] | None = None):
        self.anchor, self.ref, self._tense, self._tense_fn = anchor, ref, tense, tense_fn

    @property
    def tense(self) -> str | None:
        if self._tense_fn is not None:
            self._tense, self._tense_fn = self._tense_fn(), None
        return self._tense


class _M:
    """A regex match plus the preposition found just before it ("in", "since", "on" ...)."""

    __slots__ = ("m", "prep", "outer")

    def __init__(self, m: re.Match, prep: str | None, outer: int):
        self.m, self.prep, self.outer = m, prep, outer

    def __getitem__(self, group: str) -> str | None:
        return self.prep if group == "prep" else self.m.group(group)

    def group(self, group: int | str = 0) -> str:
        return self.m.group(group)

    def start(self, group: int | str = 0) -> int:
        return self.m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self.m.end(group)


@dataclass
class _Rule:
    name: str
    regex: re.Pattern
    needs: tuple[frozenset[str], ...]  # any of these sets of word classes, each wholly present
    resolve: Callable[[_M, _Env], _Range | None]
    check: Callable[[_M, str], bool] | None = None
    vague: bool = False  # "now", "recently": not a date later expressions can refer back to


_RULES: list[_Rule] = []


def _rule(name: str, core: str, needs: set[str], check=None, vague=False):
    regex = re.compile(rf"\b(?:{core})", re.I)  # never start inside a word ("know", "nearly 2014")

    def deco(fn):
        _RULES.append(_Rule(name, regex, tuple(frozenset(n.split("+")) for n in needs), fn, check, vague))
        return fn

    return deco


def _capitalised(m: _M, group: str) -> bool:
    return m.group(group) is None or m.group(group)[0].isupper()


def _month_num(text: str) -> int:
    return _MONTHS[_key(text)]


def is_month_name(word: str) -> bool:
    """A month's full name that is no other word ("February"; not "May" or "march", see ambiguous_months)."""
    key = _key(word)
    return key in _LEX["months"] and key not in _AMBIGUOUS_MONTHS


def _weekday_num(text: str | None) -> int | None:
    return None if not text else _WEEKDAYS[_key(text)]


_DEADLINE_PREPS = {"by", "until", "till", "through", "to"}


def _direction(m: _M, env: _Env) -> str | None:
    """The tense that picks a year: none for deadlines ("by May", "extended to Nov. 6"), which the
    past-tense verb of a report says nothing about."""
    return None if m["prep"] in _DEADLINE_PREPS else env.tense


def _since(m: _M, env: _Env, r: _Range) -> _Range:
    """A date after "since" ("since 2008") runs from the date named up to the anchor."""
    if (m["prep"] or "").lower() == "since" and r[1] < env.anchor:
        return r[0], env.anchor, r[2], r[3]
    return r


# ISO dates: 2024-08-05
@_rule("iso", r"\b(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b", {"year4"})
def _iso(m: _M, env: _Env) -> _Range | None:
    d = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return (d, d, "day", "explicit") if d else None


def _check_dmy(m: _M, text: str) -> bool:
    return _capitalised(m, "mo") and _capitalised(m, "wd")


# "Monday 30 December", "Sunday, 16 February 2025", "the 20th of January"
@_rule("dmy", rf"(?:(?P<wd>{_WEEKDAY_ANY}),?\s+(?:the\s+)?)?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mo>{_MONTH_ANY})"
       rf"(?:,?\s+(?P<y>{_YEAR}))?", {"month"}, check=_check_dmy)
def _dmy(m: _M, env: _Env) -> _Range | None:
    return _resolve_dm(m, env, int(re.match(r"\d+", m["d"]).group()))


def _resolve_dm(m: _M, env: _Env, day: int) -> _Range | None:
    month = _month_num(m["mo"])
    if m["y"]:
        d = _safe_date(int(m["y"]), month, day)
        return (d, d, "day", "explicit") if d else None
    ref = env.ref
    if ref is not None and ref.basis == "explicit" and ref.start.month == month == ref.end.month and \
            ref.start.year != env.anchor.year and not m["wd"]:
        # "a lunch in December 2013 ... they met on 5 December": the month just told, in its year
        d = _safe_date(ref.start.year, month, day)
        return (d, d, "day", "relative") if d else None
    d = _day_month_year(month, day, env.anchor, _direction(m, env), _weekday_num(m["wd"]))
    return (d, d, "day", "relative") if d else None


# "January 20th", "Feb. 28", "Aug. 7, 1998", "Monday, December 30"
@_rule("mdy", rf"(?:(?P<wd>{_WEEKDAY_ANY}),?\s+)?(?P<mo>{_MONTH_ANY})\s+(?:the\s+)?(?P<d>{_DAY})(?![:.,]\d)"
       rf"(?:,?\s+(?P<y>{_YEAR}))?", {"month"}, check=_check_dmy)
def _mdy(m: _M, env: _Env) -> _Range | None:
    return _resolve_dm(m, env, int(re.match(r"\d+", m["d"]).group()))


_DASH = r"(?:\s*(?:-|–|—)\s*|\s+(?:to|and|until|till|through|into)\s+)"


# "3 to 5 January", "between 3 and 5 January", "30 December to 2 January 2025"
@_rule("range_dm", rf"(?:the\s+)?(?P<d1>{_DAY})(?:\s+(?P<mo1>{_MONTH_ANY}))?{_DASH}(?:the\s+)?(?P<d2>{_DAY})"
       rf"(?:\s+of)?\s+(?P<mo>{_MONTH_ANY})(?:,?\s+(?P<y>{_YEAR}))?", {"month"},
       check=lambda m, t: _capitalised(m, "mo") and _capitalised(m, "mo1"))
def _range_dm(m: _M, env: _Env) -> _Range | None:
    return _resolve_range(m, env, m["mo1"] or m["mo"], m["mo"])


# "January 3-5", "January 30 to February 2, 2025"
@_rule("range_md", rf"(?P<mo1>{_MONTH_ANY})\s+(?P<d1>{_DAY}){_DASH}(?:(?P<mo>{_MONTH_ANY})\s+)?(?P<d2>{_DAY})"
       rf"(?![:.,]\d)(?:,?\s+(?P<y>{_YEAR}))?", {"month"},
       check=lambda m, t: _capitalised(m, "mo") and _capitalised(m, "mo1"))
def _range_md(m: _M, env: _Env) -> _Range | None:
    return _resolve_range(m, env, m["mo1"], m["mo"] or m["mo1"])


def _resolve_range(m: _M, env: _Env, mo1: str, mo2: str) -> _Range | None:
    d1, d2 = (int(re.match(r"\d+", m[g]).group()) for g in ("d1", "d2"))
    m1, m2 = _month_num(mo1), _month_num(mo2)
    if m["y"]:
        y2 = int(m["y"])
        end = _safe_date(y2, m2, d2)
        basis = "explicit"
    else:
        end = _day_month_year(m2, d2, env.anchor, env.tense, None)
        basis = "relative"
    if end is None:
        return None
    start = _safe_date(end.year - (1 if (m1, d1) > (m2, d2) else 0), m1, d1)
    if start is None or start > end:
        return None
    return start, end, "day", basis


def _check_month_year(m: _M, text: str) -> bool:
    return _capitalised(m, "mo")


# "August 2024", "early August 2024", "mid-March 2022", "May of 2010"
@_rule("month_year", rf"(?:(?P<part>{_PART_CAL})[\s-]*)?(?P<mo>{_MONTH_ANY})(?:\s+of)?,?\s+(?P<y>{_YEAR})",
       {"month"}, check=_check_month_year)
def _month_year_rule(m: _M, env: _Env) -> _Range | None:
    y, mo = int(m["y"]), _month_num(m["mo"])
    start, end = _month_range(y, mo)
    if m["part"]:
        start, end, prec = _part(start, end, "month", m["part"])
        return _since(m, env, (start, end, prec, "explicit"))
    return _since(m, env, (start, end, "month", "explicit"))


# "the October Revolution", "the February Revolution": a month that names an event of history, not a time
_MONTH_IN_A_NAME = re.compile(r"\s+[A-Z][a-z]+")


def _check_month(m: _M, text: str) -> bool:
    if not _capitalised(m, "mo"):
        return False
    if not m["rel"] and not m["yrel"] and not m["part"] and text[max(0, m.start() - 4):m.start()].lower() == "the " \
            and _MONTH_IN_A_NAME.match(text, m.end()):
        return False
    if _key(m["mo"]) in _AMBIGUOUS_MONTHS:
        prep = _key(m["prep"]) if m["prep"] else ""
        return bool(m["part"] or m["rel"] or m["yrel"] or prep in _TEMPORAL_PREPS)
    return True


# "last August", "in May", "late last July", "August last year"
@_rule("month", rf"(?:(?P<part>{_PART_CAL})[\s-]*)?(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<mo>{_MONTH_FULL})"
       r"(?:\s+(?:of\s+)?(?P<yrel>last|this|next|the\s+following|the\s+next|the\s+previous|the\s+preceding)"
       r"\s+year)?(?!\s+\d)", {"month"}, check=_check_month)
def _month_rule(m: _M, env: _Env) -> _Range | None:
    mo = _month_num(m["mo"])
    yrel = re.sub(r"\s+", " ", (m["yrel"] or "").lower())
    if yrel.startswith("the "):
        # "wrote on 3 March 2015 to plan a visit in May the following year": the year after the one just told
        base = env.ref.start.year if env.ref is not None else env.anchor.year
        y = base + (1 if yrel in ("the following", "the next") else -1)
    elif yrel:
        y = env.anchor.year + {"last": -1, "this": 0, "next": 1}[yrel]
    else:
        y = _month_year(mo, env.anchor, _direction(m, env), _rel(m["rel"]))
    start, end = _month_range(y, mo)
    prec = "month"
    if m["part"]:
        start, end, prec = _part(start, end, "month", m["part"])
    return _since(m, env, (start, end, prec, "relative"))


# "on Sunday", "last Friday", "Thursday night", "the following Monday"
@_rule("weekday", r"(?:(?P<rel>last|next|this|coming|past|the\s+following|the\s+next|the\s+previous"
       rf"|the\s+preceding)\s+)?(?P<wd>{_WEEKDAY_FULL})(?:['’]s)?(?:\s+(?P<dp>{_DAYPART}))?", {"weekday"},
       check=lambda m, t: _capitalised(m, "wd"))
def _weekday_rule(m: _M, env: _Env) -> _Range | None:
    rel = _rel(m["rel"])
    ref = env.ref.start if env.ref is not None and env.ref.precision == "day" else None
    wd = _weekday_num(m["wd"])
    if rel is None and (m["prep"] or "").lower() == "from":
        # "announced a cut in supplies from Wednesday": the day a measure starts, told past or future alike
        # (one already running is told "since"); the nearest such day, a day to come on a tie
        ahead = _weekday_date(wd, None, env.anchor, ref, "future")
        back = _weekday_date(wd, None, env.anchor, ref, "past")
        d = ahead if (ahead - env.anchor) <= (env.anchor - back) else back
        return d, d, "day", "relative"
    d = _weekday_date(wd, rel, env.anchor, ref, env.tense)
    return _since(m, env, (d, d, "day", "relative"))


_DEICTIC_OFFSETS = {  # after dropping a leading early / earlier / late / later
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
    "last night": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
    "now": 0, "currently": 0, "at present": 0, "at the moment": 0, "right now": 0, "as we speak": 0,
}
_PRESENT = {"now", "currently", "at present", "at the moment", "right now", "as we speak"}


# "yesterday", "tomorrow morning", "earlier today", "last night", "now"
@_rule("deictic", r"(?P<w>(?:(?:early|earlier|later|late)\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))"
       r"|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|tomorrow|last\s+night|right\s+now|now|currently"
       rf"|at\s+present|at\s+the\s+moment|as\s+we\s+speak)\b(?!-)(?:\s+(?P<dp>{_DAYPART}))?", {"deictic"})
def _deictic(m: _M, env: _Env) -> _Range | None:
    word = re.sub(r"^(?:early|earlier|late|later) ", "", _key(m["w"]))
    d = env.anchor + dt.timedelta(days=_DEICTIC_OFFSETS.get(word, 0))
    return d, d, "day", "relative"


# "overnight": the night that ends on the anchor's day
@_rule("overnight", r"overnight\b(?!\s+(?:stay|bag|train|flight|curfew)s?\b)", {"overnight"})
def _overnight(m: _M, env: _Env) -> _Range | None:
    return env.anchor - dt.timedelta(days=1), env.anchor, "day", "relative"


# "recently", "soon": vague, but a better event date than nothing
@_rule("vague", r"recently|lately|in\s+recent\s+times|(?:a|the)\s+recent(?=\s+[a-z])|soon|in\s+the\s+near\s+future"
       r"|shortly", {"vague"}, vague=True,
       check=lambda m, t: not re.match(r"\s+(?:after|before|afterwards|thereafter|as)\b", t[m.end():], re.I)
       and not re.search(r"\bas\s+$", t[:m.start()], re.I))
def _vague(m: _M, env: _Env) -> _Range | None:
    a = env.anchor
    if _key(m.group()) in ("recently", "lately", "in recent times", "a recent", "the recent"):
        # news says "recently" of the last week or two, not of last month
        return a - dt.timedelta(days=14), a, "week", "relative"
    return a, a + dt.timedelta(days=30), "month", "relative"


_AGO_UNITS = r"(?:days?|nights?|weeks?|fortnights?|months?|years?|decades?)"


def _check_ago(m: _M, text: str) -> bool:
    direction = _key(m["dir"])
    if direction in ("before", "after", "on", "prior"):
        return bool(re.match(r"\s*(?:[,.;:!?)—–]|$)", text[m.end():]))
    return True


# "three months later", "two years ago", "a day earlier", "ten days from now"
@_rule("offset", rf"(?P<n>{_NUM}|{_FEW})[\s-]+(?P<u>{_AGO_UNITS})\s+(?P<dir>ago|later|earlier|before|after|on|"
       r"from\s+now|hence|previously|prior)\b", {"unit+direction"}, check=_check_ago)
def _offset(m: _M, env: _Env) -> _Range | None:
    n = _number(m["n"])
    unit = _UNITS[_key(m["u"])]
    direction = _key(m["dir"])
    if n is None:
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "prior") else 1
    if direction in ("ago", "from now", "hence"):
        base, base_prec = env.anchor, "day"
    else:
        base, base_prec = (env.ref.start, env.ref.precision) if env.ref is not None else (env.anchor, "day")
    d = _shift(base, unit, sign * n)
    prec = _coarser(_unit_precision(unit), base_prec)
    if _key(m["n"]) in ("few", "a few", "several", "many"):
        prec = _coarser(prec, "week" if unit == "day" else "month" if unit in ("week", "fortnight") else "year")
    start, end, _ = _unit_range(d, {"day": "day", "week": "week", "month": "month"}.get(prec, "year"))
    return start, end, prec, "relative"


def _check_in_n(m: _M, text: str) -> bool:
    after = text[m.end():]
    return (m["prep"] or "").lower() == "in" and not re.match(r"\s+(?:of|since|to|for)\b|['’]s?\s", after, re.I)


# "in two weeks" (future only; "the worst in three years" is a duration)
@_rule("in_n", rf"(?P<n>{_NUM})\s+(?P<u>{_AGO_UNITS})(?:['’]?\s+time)?\b", {"unit+in"}, check=_check_in_n)
def _in_n(m: _M, env: _Env) -> _Range | None:
    n = _number(m["n"])
    if env.tense != "future" or n is None:
        return None
    unit = _UNITS[_key(m["u"])]
    d = _shift(env.anchor, unit, n)
    prec = _unit_precision(unit)
    start, end, _ = _unit_range(d, {"day": "day", "week": "week", "month": "month"}.get(prec, "year"))
    return start, end, prec, "relative"


_UNIT_REL = (
    r"this|last\s+last|last|next|past|previous|coming|current|the\s+past|the\s+previous|the\s+coming|the\s+current"
    r"|the\s+following|the\s+next|the\s+last|the\s+same|that\s+same|that|the\s+preceding|the\s+present|recent|the"
)
_UNIT_NOUN = (r"(?:days?|nights?|mornings?|afternoons?|evenings?|weeks?|weekends?|fortnights?|months?|quarters?|years?"
              r"|decades?|century|centuries)")


# an act a time word modifies as an adjective ("a weekend missile attack")
_ACT_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:attacks?|strikes?|shelling|bombardment|raids?|assault|blasts?|"
                        r"explosions?|missiles?|rockets?|drones?)\b", re.I)
_BACK_RELS = {"the past", "past", "recent", "the last"}
_ANAPHORIC_RELS = {"the previous", "the preceding", "previous", "the following", "the next", "that", "the same",
                   "that same"}
_AHEAD_RELS = {"the coming", "coming"}
_THIS_RELS = {"this", "current", "the current", "the present", "the"}
_RANGE_PREPS = {"in", "over", "within", "during", "for", "throughout"}


def _check_unit(m: _M, text: str) -> bool:
    rel = _rel(m["rel"])
    word = _key(m["u"])
    plural = word.endswith("s")
    rest = text[m.end():]
    if word == "hours":
        return rel in _BACK_RELS | _AHEAD_RELS | {"last", "next", "the next"}
    if rel is None and word == "weekend" and _key(m["n"] or "") == "a":
        return bool(_ACT_AFTER.match(rest))  # "a weekend missile strike": the weekend it happened
    if rel is None:  # "end of year", "by end of month"
        return bool(m["part"]) and _key(m["part"]) not in ("earlier", "later") and word in ("week", "month", "year")
    if _UNITS.get(word) == "day" and word not in ("day", "days") and rel not in _ANAPHORIC_RELS:
        return False  # "this morning" is the deictic rule's; "the next morning" is anaphoric
    if rel == "the":  # "the end of the month", "over the weekend", not "the day"
        return (bool(m["part"]) and not plural) or word == "weekend"
    if rel in _THIS_RELS | {"that", "the same"} and plural:
        return False
    if rel == "recent" and not plural:
        return False
    if m["n"] and not plural and _number(m["n"]) != 1:
        return False
    if plural and not m["n"] and rel not in _BACK_RELS | _AHEAD_RELS:
        return False  # "the last days of", "next days"
    if rel not in ("the past",) and re.match(r"\s+of\b", rest):
        return False  # "the last year of his presidency", "this week of talks"
    return not re.match(r"['’]?s?\s+(?:worth|old)\b", rest)


# "last week", "this month", "next year", "the previous day", "early next week", "in the coming days",
# "in recent days", "the past 24 hours", "earlier this year", "the end of the month", "over the weekend"
@_rule("unit", rf"(?:(?P<part>{_PART_UNIT})[\s-]+)?(?:(?P<rel>{_UNIT_REL})\s+)?(?:(?P<n>{_NUM}|{_FEW}|\d+)\s+)?"
       rf"(?:fiscal\s+)?(?P<u>{_UNIT_NOUN}|hours)\b", {"unit"}, check=_check_unit)
def _unit_rule(m: _M, env: _Env) -> _Range | None:
    rel = _rel(m["rel"]) or "the"
    word = _key(m["u"])
    a = env.anchor
    prep = _key(m["prep"]) if m["prep"] else ""
    part = _key(m["part"]) if m["part"] else None
    if word == "hours":  # "the past 24 hours": whole days
        days = max(1, -(-(_number(m["n"], 24) or 24) // 24))
        start, end = (a - dt.timedelta(days=days), a) if rel in _BACK_RELS | {"last"} else (
            a, a + dt.timedelta(days=days))
        return start, end, _span_precision(start, end), "relative"
    if word.startswith("weekend"):
        return _weekend(rel, a, env.tense)
    unit = _UNITS.get(word) or ("century" if word.startswith("centur") else None)
    if unit is None:
        return None
    mult = 1
    if unit == "fortnight":
        unit, mult = "week", 2
    plural = word.endswith("s")
    ref = env.ref
    if ref is not None and _PRECISION_RANK[ref.precision] > _PRECISION_RANK[_unit_precision(unit)]:
        ref = None  # "the previous day" after "since 2008" means the day before the post, not 2007
    # a span counted back or forward from the anchor: "the past three days", "in the coming weeks"
    back = rel in _BACK_RELS or (rel == "last" and bool(m["n"]))
    ahead = rel in _AHEAD_RELS or (rel == "next" and bool(m["n"])) or (
        rel == "the next" and (plural or bool(m["n"]) or prep in _RANGE_PREPS))
    if back or ahead or mult == 2:
        default_n = {"day": 7, "week": 4, "month": 6, "quarter": 4, "year": 5, "decade": 2, "century": 1}[unit] if (
            plural) else 1
        n = (_number(m["n"], default_n) or default_n) * mult
        if not ahead:
            start, end = _shift(a, unit, -n), a
        else:
            start, end = a, _shift(a, unit, n)
        prec = _span_precision(start, end)
        if unit != "day":
            prec = _coarser(prec, _unit_precision(unit)) if n == 1 else prec
        if part and part not in ("earlier", "later"):
            start, end, prec = _part(start, end, "range", part)
        return start, end, prec, "relative"
    # one calendar unit: this / last / next (from the anchor), the previous / the following / that (from ref)
    if rel in _THIS_RELS:
        base = a
    elif rel == "last":
        base = _shift(a, unit, -1)
    elif rel == "next":
        base = _shift(a, unit, 1)
    elif rel in ("the previous", "the preceding", "previous"):
        base = _shift(ref.start if ref else a, unit, -1)
    elif rel in ("the following", "the next"):
        base = _shift(ref.start if ref else a, unit, 1)
    elif rel in ("that", "the same", "that same"):
        base = ref.start if ref else a
    else:
        return None
    start, end, prec = _unit_range(base, unit)
    if part in ("earlier", "later"):  # "earlier this week": the part before the anchor; "later that year"
        if rel in _THIS_RELS:
            pivot = a
        elif rel in ("that", "the same", "that same"):
            pivot = ref.start if ref else a
        else:
            return None
        if part == "earlier":
            end = max(start, pivot - dt.timedelta(days=1)) if unit in ("day", "week") else pivot
        else:
            start = min(end, pivot + dt.timedelta(days=1)) if unit in ("day", "week") else pivot
        return start, end, prec, "relative"
    if part:
        start, end, prec = _part(start, end, unit, part)
    elif rel in _THIS_RELS and unit in ("week", "month", "year"):
        # "this week" in a past-tense clause is its elapsed part, in a future one the rest of it
        if env.tense == "past":
            end = min(end, a)
        elif env.tense == "future":
            start = max(start, a)
            if unit == "week" and a.weekday() == 6:  # on a Sunday, "this week" is the week ahead
                end = a + dt.timedelta(days=7)
    return _since(m, env, (start, end, prec, "relative"))


def _weekend(rel: str | None, a: dt.date, tense: str | None) -> _Range:
    saturday = _week_range(a)[0] + dt.timedelta(days=5)
    if rel in ("last", "past", "the past", "the last", "previous", "the previous"):
        saturday -= dt.timedelta(days=7)
    elif rel in ("next", "the next", "coming", "the coming", "the following"):
        saturday += dt.timedelta(days=7)
    elif a.weekday() < 5 and tense != "future":  # "over the weekend" on a weekday: the one just gone
        saturday -= dt.timedelta(days=7)
    elif a.weekday() == 6 and tense == "future":
        saturday += dt.timedelta(days=7)
    return saturday, saturday + dt.timedelta(days=1), "week", "relative"


def _check_year(m: _M, text: str) -> bool:
    y = int(m["y"])
    s, e = m.start("y"), m.end("y")
    prep = _key(m["prep"]) if m["prep"] else ""
    if not (1800 <= y <= 2099 or (prep in _TEMPORAL_PREPS and 1000 <= y <= 2099)):
        return False
    if s > 0 and (text[s - 1] in "$£€¥#@+/.," or text[s - 1].isdigit()):
        return False
    after = text[e:e + 12]
    if re.match(r"(?:[.,]\d|-year|-strong|-mile|-km|-page|-member|:\d|\s*[/]\s*\d{3})", after):
        return False
    nxt = re.match(r"\s*([%\w-]+)", after)
    if nxt and nxt.group(1).lower() in _NOT_YEAR_AFTER and not m["y2"]:
        return False
    prev = re.search(r"([\w.]+)\s*$", text[:m.start()])
    if prev and prev.group(1).lower().rstrip(".") in _NOT_YEAR_BEFORE and not m["part"] and not m["fiscal"]:
        return False
    return True


# "in 2008", "since 2008", "early 2011", "the end of 2012", "mid-2014", "fiscal 1989", "2022-23"
@_rule("year", rf"(?:(?P<part>{_PART_CAL})[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?(?P<y>{_YEAR})"
       r"(?:(?:\s*[-–/]\s*|\s+to\s+)(?P<y2>\d{4}|\d{2})\b(?![-/.]\d))?", {"year4"}, check=_check_year)
def _year_rule(m: _M, env: _Env) -> _Range | None:
    y = int(m["y"])
    start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    if m["y2"]:
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else y - y % 100 + int(m["y2"])
        if y < y2 <= y + 50:
            end = dt.date(y2, 12, 31)
    prec = "year"
    if m["part"] and end.year == y:
        start, end, prec = _part(start, end, "year", m["part"])
    return _since(m, env, (start, end, prec, "explicit"))


# "the 1990s", "the early 2000s"
@_rule("decade", rf"(?:the\s+)?(?:(?P<part>{_PART_CAL})[\s-]*)?(?P<y>(?:1[5-9]|20)\d0)['’]?s\b", {"year4"})
def _decade(m: _M, env: _Env) -> _Range | None:
    y = int(m["y"])
    start, end, prec = dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "year"
    if m["part"]:
        start, end, prec = _part(start, end, "decade", m["part"])
    return _since(m, env, (start, end, prec, "explicit"))


_ORD_WORDS = _alt(_ORDINALS)


# "the 20th century", "the twentieth century"
@_rule("century", rf"(?:the\s+)?(?:(?P<part>{_PART_CAL})[\s-]*)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{_ORD_WORDS})[\s-]+"
       r"century\b", {"century"})
def _century(m: _M, env: _Env) -> _Range | None:
    t = _key(m["n"])
    n = int(t[:-2]) if t[:-2].isdigit() else _ORDINALS.get(t)
    if not n:
        return None
    start, end, prec = dt.date(100 * (n - 1) or 1, 1, 1), dt.date(100 * (n - 1) + 99, 12, 31), "year"
    if m["part"]:
        start, end, prec = _part(start, end, "century", m["part"])
    return start, end, prec, "explicit"


def _check_season(m: _M, text: str) -> bool:
    rel = _rel(m["rel"])
    if m["y"] or (rel and rel != "the") or m["part"]:
        return True
    if _key(m["s"]) == "fall":  # "the fall of Bakhmut"
        return False
    prep = _key(m["prep"]) if m["prep"] else ""
    return rel == "the" and prep in ("in", "during", "over", "by", "since", "until", "through", "throughout") and not (
        re.match(r"\s+of\b", text[m.end():]))


# "summer 2024", "the winter of 2022", "last summer", "this spring", "in the summer"
@_rule("season", rf"(?:(?P<part>{_PART_CAL})[\s-]*)?(?:(?P<rel>last|next|this|coming|past|the)\s+)?(?P<s>{_SEASON})"
       rf"(?:(?:\s+of)?,?\s+(?P<y>{_YEAR}))?", {"season"}, check=_check_season)
def _season_rule(m: _M, env: _Env) -> _Range | None:
    name = _key(m["s"])
    if m["y"]:
        start, end = _season_range(name, int(m["y"]))
        basis = "explicit"
    else:
        rel = _rel(m["rel"])
        start, end = _season(name, env.anchor, env.tense, None if rel == "the" else rel)
        basis = "relative"
    prec = "month"
    if m["part"]:
        start, end, prec = _part(start, end, "season", m["part"])
    return _since(m, env, (start, end, prec, basis))


# "the third quarter", "the fourth quarter of 2024", "Q1 2025"
@_rule("quarter", r"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b"
       rf"(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<yrel>this|last|next)\s+year)|\s+(?P<y3>{_YEAR}))?"
       rf"|\bQ(?P<qn>[1-4])\s+(?P<y2>{_YEAR})", {"quarter"},
       check=lambda m, t: m["qn"] is None or t[m.start()] == "Q")
def _quarter(m: _M, env: _Env) -> _Range | None:
    q = int(m["qn"]) if m["qn"] else {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(
        _key(m["q"]), int(_key(m["q"])[0]) if _key(m["q"])[0].isdigit() else 0)
    year = m["y"] or m["y2"] or m["y3"]
    a = env.anchor
    if year:
        y, basis = int(year), "explicit"
    elif m["yrel"]:
        y, basis = a.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()], "relative"
    else:
        starts = [dt.date(yy, 3 * q - 2, 1) for yy in (a.year - 1, a.year, a.year + 1)]
        if env.tense == "future":
            y = min(s for s in starts if _add_months(s, 3) > a).year
        else:
            y = max(s for s in starts if s <= a).year
        basis = "relative"
    start = dt.date(y, 3 * q - 2, 1)
    end = _month_end(y, 3 * q)
    return start, end, "month", basis


def _holiday_date(spec: str, year: int) -> dt.date | None:
    if "/" in spec:  # n-th weekday of a month
        month, nth, wd = (int(x) for x in spec.split("/"))
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    month, day = (int(x) for x in spec.split("-"))
    return _safe_date(year, month, day)


# "Christmas", "New Year's Eve", "Victory Day 2025"
@_rule("holiday", rf"(?P<h>{_HOLIDAY_ALT})\b(?:,?\s+(?P<y>{_YEAR}))?", {"holiday"},
       check=lambda m, t: _capitalised(m, "h"))
def _holiday(m: _M, env: _Env) -> _Range | None:
    spec = _HOLIDAYS[_key(m["h"])]
    if m["y"]:
        d = _holiday_date(spec, int(m["y"]))
        return (d, d, "day", "explicit") if d else None
    a = env.anchor
    cands = [d for y in (a.year - 1, a.year, a.year + 1) if (d := _holiday_date(spec, y))]
    d = _pick(cands, a, env.tense)
    return (d, d, "day", "relative") if d else None


# ---------------------------------------------------------------- extraction


@dataclass
class _Found:
    start: int
    end: int
    rule: _Rule
    match: _M


# Checks that only guard against non-dates in running text ("Theresa May", "to march"); skipped when the
# caller hands over one expression it already knows is temporal.
_RELAXED_WHEN_GIVEN = {"month", "weekday", "dmy", "mdy", "month_year", "holiday", "season", "range_dm", "range_md"}


def find_expressions(text: str, given: bool = False) -> list[_Found]:
    """Non-overlapping temporal expressions in text, in order (longest wins where they overlap).

    given=True says text is one known temporal expression, so case and ambiguity checks are relaxed.
    """
    cats = _classes(text)
    if not cats:
        return []
    found: list[_Found] = []
    for rule in _RULES:
        if not any(need <= cats for need in rule.needs):
            continue
        for m in rule.regex.finditer(text):
            s = m.start()
            p = _PREP_BEFORE.search(text, max(0, s - 12), s) if s else None
            wrapped = _M(m, " ".join(p.group().split()).lower() if p else None, p.start() if p else s)
            if rule.check is not None and not (given and rule.name in _RELAXED_WHEN_GIVEN) and not rule.check(
                    wrapped, text):
                continue
            found.append(_Found(s, m.end(), rule, wrapped))
    if len(found) > 1:
        found.sort(key=lambda f: (-(f.end - f.start), f.start))
        kept: list[_Found] = []
        for f in found:
            if all(f.end <= k.start or f.start >= k.end for k in kept):
                kept.append(f)
        found = kept
        found.sort(key=lambda f: f.start)
    return found


def _to_ref(r: _Range, text: str, f: _Found) -> DateRef:
    start, end, precision, basis = r
    return DateRef(start=start, end=end, precision=precision, basis=basis, text=text[f.start:f.end],
                   char_start=f.start, char_end=f.end)


def _safe_resolve(f: _Found, env: _Env) -> _Range | None:
    """One expression's range; None for a date that cannot exist (far out of range), never an exception."""
    try:
        return f.rule.resolve(f.match, env)
    except (KeyError, ValueError, OverflowError, StopIteration):
        return None


def _as_date(anchor: dt.datetime | dt.date) -> dt.date:
    return anchor.date() if isinstance(anchor, dt.datetime) else anchor


class DateResolver:
    """Resolves temporal expressions in consecutive sentences of one post.

    Deictic expressions ("yesterday", "on Sunday", "last August") resolve against the anchor;
    anaphoric ones ("three months later", "the previous day") against the last date mentioned in
    this or an earlier sentence of the same post, so keep one resolver per post.
    """

    def __init__(self, anchor: dt.datetime | dt.date):
        self.anchor = _as_date(anchor)
        self.last: DateRef | None = None

    def default(self) -> DateRef:
        """The anchor as a date, for events whose sentence names no date (basis 'dct')."""
        return DateRef(start=self.anchor, end=self.anchor, precision="day", basis="dct")

    def resolve(self, text: str) -> list[DateRef]:
        """All expressions in one sentence, in order, with character offsets within text."""
        found = find_expressions(text)
        if not found:
            return []
        cues: list[tuple[int, int, str]] | None = None
        out: list[DateRef] = []
        for f in found:

            def tense(f: _Found = f) -> str | None:
                nonlocal cues
                if cues is None:
                    cues = _cues(text)
                return _tense_near(_in_same_voice(text, cues, f.match.outer), f.match.outer, f.end, text)

            env = _Env(self.anchor, self.last, tense_fn=tense)
            r = _safe_resolve(f, env)
            if r is None:
                continue
            ref = _to_ref(r, text, f)
            out.append(ref)
            if not f.rule.vague and not (f.rule.name == "deictic" and _key(f.match["w"]) in _PRESENT) and \
                    not _names_a_thing(text, f.start, f.end):
                self.last = ref
        return out


NOUN_LABEL_BEFORE = re.compile(r"\b(the|its|his|her|their|our|this|that|[A-Z][\w-]*['’]s)\s+$")
NOUN_LABEL_AFTER = re.compile(r"^\s+(?!(?:of|in|on|at|to|and|or|but|when|that|as|for|from|with|by|after|before)\b)"
                              r"[a-z][a-z-]+\b")


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """A date worn as a label by the noun after it ("Russia's 24 February invasion", "the 9 May parade"):
    it names a thing told in passing, not the day the sentence tells of, so "the same day" after it
    does not mean that day."""
    return bool(NOUN_LABEL_BEFORE.search(text[max(0, start - 30):start])) and \
        bool(NOUN_LABEL_AFTER.match(text[end:end + 30]))


def resolve_expression(expr: str, anchor: dt.date | dt.datetime, tense: str | None = None) -> DateRef | None:
    """Resolve one given expression ("last August", "Friday") against anchor; None if it is not a date.

    Anaphoric expressions ("a year earlier") are taken relative to the anchor. `tense` is 'past',
    'future' or None (unknown), as from guess_tense() on the expression's sentence.
    """
    found = find_expressions(expr, given=True)
    if not found:
        return None
    f = max(found, key=lambda f: f.end - f.start)
    r = _safe_resolve(f, _Env(_as_date(anchor), None, tense))
    return _to_ref(r, expr, f) if r else None
