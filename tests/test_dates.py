"""Temporal expressions resolve to the dates a reader of a live blog would give them (SPEC §4)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.language.dates import DateResolver, guess_tense, resolve_expression
from frontline.models import DateRef

SUN = dt.date(2025, 3, 16)  # a Sunday
WED = dt.date(2025, 1, 8)  # a Wednesday
D = dt.date


def r(expr: str, anchor: dt.date = WED, tense: str | None = None) -> DateRef:
    ref = resolve_expression(expr, anchor, tense)
    assert ref is not None, expr
    return ref


def span(ref: DateRef) -> tuple[dt.date, dt.date, str, str]:
    return ref.start, ref.end, ref.precision, ref.basis


def dates_in(text: str, anchor: dt.date | dt.datetime = WED) -> list[tuple[str, dt.date, dt.date, str]]:
    return [(d.text, d.start, d.end, d.precision) for d in DateResolver(anchor).resolve(text)]


# ---------------------------------------------------------------- SPEC §4 examples


def test_on_sunday_is_the_most_recent_sunday_on_or_before_the_anchor():
    assert span(r("on Sunday", SUN)) == (SUN, SUN, "day", "relative")
    assert r("on Sunday", WED).start == D(2025, 1, 5)


def test_yesterday_and_tomorrow():
    assert r("yesterday").start == D(2025, 1, 7)
    assert r("tomorrow").start == D(2025, 1, 9)
    assert r("yesterday", dt.datetime(2025, 1, 8, 23, 59)).start == D(2025, 1, 7)


def test_last_august_is_strictly_before_the_anchor_month():
    assert span(r("last August", WED)) == (D(2024, 8, 1), D(2024, 8, 31), "month", "relative")
    assert r("last August", D(2024, 8, 20)).start == D(2023, 8, 1)
    assert r("last August", D(2024, 9, 3)).start == D(2024, 8, 1)


def test_weekday_with_part_of_day():
    assert span(r("Thursday night", SUN)) == (D(2025, 3, 13), D(2025, 3, 13), "day", "relative")
    assert r("Tuesday morning", WED).start == D(2025, 1, 7)


def test_this_week_is_the_anchor_week_and_follows_tense():
    assert span(r("this week", WED)) == (D(2025, 1, 6), D(2025, 1, 12), "week", "relative")
    assert (r("this week", WED, "past").start, r("this week", WED, "past").end) == (D(2025, 1, 6), WED)
    assert r("this week", WED, "future").start == WED
    # on a Sunday, an announced "this week" is the week ahead
    assert (r("this week", SUN, "future").start, r("this week", SUN, "future").end) == (SUN, D(2025, 3, 23))


def test_early_month_with_year_is_explicit_first_third():
    ref = r("in early August 2024")
    assert (ref.start, ref.end, ref.basis) == (D(2024, 8, 1), D(2024, 8, 10), "explicit")
    assert ref.precision in ("week", "month")
    assert ref.text == "early August 2024"
    assert (r("late August 2024").start, r("late August 2024").end) == (D(2024, 8, 21), D(2024, 8, 31))


def test_weekday_and_date_pick_the_year_whose_date_falls_on_that_weekday():
    assert span(r("Monday 30 December", WED)) == (D(2024, 12, 30), D(2024, 12, 30), "day", "relative")
    assert r("Monday 30 December", D(2020, 1, 1)).start == D(2019, 12, 30)
    assert r("on Sunday, 16 February", SUN).start == D(2025, 2, 16)


def test_months_later_follow_the_date_just_mentioned():
    resolver = DateResolver(SUN)
    first = resolver.resolve("In early August 2024, the brigade crossed the border.")
    later = resolver.resolve("But seven months later, it is being pushed back.")
    assert first[0].start == D(2024, 8, 1)
    assert span(later[0]) == (D(2025, 3, 1), D(2025, 3, 31), "month", "relative")

    resolver = DateResolver(WED)
    resolver.resolve("He left for the front in February 2022 with his unit.")
    (ref,) = resolver.resolve("However, three months later, he was taken prisoner.")
    assert (ref.start, ref.precision) == (D(2022, 5, 1), "month")


def test_a_month_of_the_following_year_is_counted_from_the_year_just_told():
    resolver = DateResolver(WED)
    (told, planned) = resolver.resolve("An aide wrote on 3 March 2015 to propose a state visit in May the following "
                                       "year.")
    assert told.start == D(2015, 3, 3)
    assert span(planned) == (D(2016, 5, 1), D(2016, 5, 31), "month", "relative")


def test_previous_day_follows_the_date_just_mentioned_else_the_anchor():
    resolver = DateResolver(WED)
    resolver.resolve("Talks resumed on 16 December.")
    assert resolver.resolve("The previous day, drones hit the port.")[0].start == D(2024, 12, 15)
    assert resolver.resolve("The following day the talks ended.")[0].start == D(2024, 12, 16)
    assert r("the previous day").start == D(2025, 1, 7)
    # a year-long reference says nothing about which day "the previous day" is
    resolver = DateResolver(WED)
    resolver.resolve("This has been the alliance's position since 2008.")
    assert resolver.resolve("The previous day, the minister spoke.")[0].start == D(2025, 1, 7)


# ---------------------------------------------------------------- the other classes of expression


def test_iso_dates_are_explicit():
    assert span(r("2024-08-05")) == (D(2024, 8, 5), D(2024, 8, 5), "day", "explicit")


def test_overnight_is_the_night_ending_on_the_anchor_day():
    assert (r("overnight").start, r("overnight").end, r("overnight").precision) == (D(2025, 1, 7), WED, "day")
    assert dates_in("An overnight stay in the capital was cancelled.") == []


def test_earlier_today_and_last_night():
    assert r("earlier today").start == WED
    assert r("last night").start == D(2025, 1, 7)


def test_last_week_and_early_next_week():
    assert span(r("last week")) == (D(2024, 12, 30), D(2025, 1, 5), "week", "relative")
    assert (r("early next week").start, r("early next week").end) == (D(2025, 1, 13), D(2025, 1, 15))
    assert r("early next week").precision == "week"


def test_coming_and_recent_days_are_ranges_around_the_anchor():
    coming = r("in the coming days")
    assert (coming.start, coming.end, coming.precision) == (WED, D(2025, 1, 15), "week")
    for expr in ("recent days", "in recent days"):
        recent = r(expr)
        assert (recent.start, recent.end, recent.precision) == (D(2025, 1, 1), WED, "week")
    nxt = r("in the next week")
    assert (nxt.start, nxt.end) == (WED, D(2025, 1, 15))


@pytest.mark.parametrize(
    ("expr", "tense", "expected"),
    [
        ("last Friday", None, D(2025, 1, 3)),
        ("next Friday", None, D(2025, 1, 10)),
        ("on Friday", None, D(2025, 1, 3)),
        ("Friday", "past", D(2025, 1, 3)),
        ("on Friday", "future", D(2025, 1, 10)),
        ("Wednesday", None, WED),
        ("last Wednesday", None, D(2025, 1, 1)),
    ],
)
def test_weekdays(expr, tense, expected):
    assert span(r(expr, WED, tense)) == (expected, expected, "day", "relative")


def test_month_names_follow_tense():
    assert r("in May", SUN, "past").start == D(2024, 5, 1)
    assert r("in May", SUN, "future").start == D(2025, 5, 1)
    assert r("next May", SUN).start == D(2025, 5, 1)
    assert span(r("May 2022")) == (D(2022, 5, 1), D(2022, 5, 31), "month", "explicit")
    assert r("August last year", WED).start == D(2024, 8, 1)
    assert [d[1] for d in dates_in("He was captured in May.", SUN)] == [D(2024, 5, 1)]
    assert [d[1] for d in dates_in("He will visit in May.", SUN)] == [D(2025, 5, 1)]


def test_may_and_march_as_words_are_not_dates():
    assert dates_in("Theresa May said the troops may march on.") == []
    assert [d[0] for d in dates_in("Protesters plan to march in March.")] == ["March"]


@pytest.mark.parametrize("expr", ["20 January", "January 20th", "on 20 January", "Jan. 20"])
def test_day_month_without_year_is_the_nearest_occurrence(expr):
    assert span(r(expr)) == (D(2025, 1, 20), D(2025, 1, 20), "day", "relative")


def test_day_month_in_a_past_sentence_looks_back():
    assert r("on 16 February", SUN, "past").start == D(2025, 2, 16)
    assert r("on 16 October", SUN, "past").start == D(2024, 10, 16)
    assert r("on 20 January", SUN, "future").start == D(2026, 1, 20)


def test_day_month_with_year_is_explicit():
    assert span(r("30 December 2024")) == (D(2024, 12, 30), D(2024, 12, 30), "day", "explicit")
    assert r("December 30, 2024").start == D(2024, 12, 30)


@pytest.mark.parametrize("expr", ["between 3 and 5 January", "from 3 to 5 January", "3-5 January", "January 3-5"])
def test_day_ranges(expr):
    ref = r(expr, WED)
    assert (ref.start, ref.end, ref.precision) == (D(2025, 1, 3), D(2025, 1, 5), "day")


def test_cross_month_range():
    ref = r("from 30 December to 2 January", WED)
    assert (ref.start, ref.end) == (D(2024, 12, 30), D(2025, 1, 2))


def test_years():
    assert span(r("in 2008")) == (D(2008, 1, 1), D(2008, 12, 31), "year", "explicit")
    since = r("since 2008")
    assert (since.start, since.end, since.basis) == (D(2008, 1, 1), WED, "explicit")
    assert r("the 1990s").end == D(1999, 12, 31)


@pytest.mark.parametrize(
    ("expr", "start", "end", "precision"),
    [
        ("last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("last last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("last month", D(2024, 12, 1), D(2024, 12, 31), "month"),
        ("next month", D(2025, 2, 1), D(2025, 2, 28), "month"),
        ("this month", D(2025, 1, 1), D(2025, 1, 31), "month"),
        ("two years ago", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ("the end of the year", D(2025, 11, 1), D(2025, 12, 31), "month"),
    ],
)
def test_calendar_units(expr, start, end, precision):
    assert span(r(expr)) == (start, end, precision, "relative")


def test_weekend_before_a_weekday_anchor_is_the_one_just_gone():
    ref = r("over the weekend", WED)
    assert (ref.start, ref.end) == (D(2025, 1, 4), D(2025, 1, 5))


@pytest.mark.parametrize(
    "text",
    [
        "A 25-year-old soldier was among the wounded.",
        "Forces lost 1,300 square km of territory.",
        "The package is worth $4bn.",
        "He joined 29 other world leaders on the call.",
        "He was freed after three years of captivity.",
        "Some 2000 troops and 1500 civilians were evacuated.",
        "The council passed Resolution 2334.",
        "Nearly 2014 people know the area well.",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert dates_in(text) == []


# ---------------------------------------------------------------- sentences


def test_resolve_returns_every_expression_in_order_with_offsets():
    text = "Officials met on Sunday, 16 February and will meet again next week, the ministry said yesterday."
    refs = DateResolver(SUN).resolve(text)
    assert [d.text for d in refs] == ["Sunday, 16 February", "next week", "yesterday"]
    for d in refs:
        assert text[d.char_start:d.char_end] == d.text
    assert [d.start for d in refs] == [D(2025, 2, 16), D(2025, 3, 17), D(2025, 3, 15)]


def test_tense_comes_from_the_nearest_cue():
    text = "The ministry said on Sunday that talks will be held on Friday."
    sunday, friday = text.index("Sunday"), text.index("Friday")
    assert guess_tense(text, sunday, sunday + 6) == "past"
    assert guess_tense(text, friday, friday + 6) == "future"
    assert [d.start for d in DateResolver(WED).resolve(text)] == [D(2025, 1, 5), D(2025, 1, 10)]


def test_a_report_verb_far_away_does_not_make_a_scheduled_date_past():
    refs = DateResolver(D(2024, 11, 20)).resolve("The company said the dividend will be paid on 15 December.")
    assert refs[0].start == D(2024, 12, 15)


def test_default_is_the_anchor_with_dct_basis():
    ref = DateResolver(dt.datetime(2025, 1, 8, 14, 0)).default()
    assert span(ref) == (WED, WED, "day", "dct")


def test_a_future_inside_a_quote_does_not_move_a_day_told_outside_it():
    text = ("Talking to a Spanish radio station on Monday, the minister said: “We will keep sending "
            "engineers until the line holds.”")
    assert dates_in(text, WED)[0][1] == D(2025, 1, 6)
    # inside the quote the future still counts
    assert dates_in("The minister said: “We will meet them on Monday.”", WED)[0][1] == D(2025, 1, 13)


def test_a_month_in_the_name_of_a_revolution_is_no_date():
    from frontline.language.dates import find_expressions

    text = "Poland regained independence in 1918, soon after the November Revolution in Germany."
    assert [text[d.start:d.end] for d in find_expressions(text)] == ["1918"]


def test_a_year_a_figure_is_counted_for_is_not_when_the_act_happens() -> None:
    from test_events_arguments import mentions_of

    mentions = mentions_of("India has said it would be hard to halt Russian oil imports, which amounted to roughly 12 "
                           "million barrels, or 2% of its total oil purchases, for 2021.")
    assert mentions and all(m.date is None or m.date.start.year == 2022 for m in mentions)


def test_as_soon_as_a_weekday_is_the_weekday_to_come():
    # a Wednesday: "could begin as soon as Saturday" is the coming Saturday, not the one gone
    assert dates_in("Officials said they hoped shipments could begin as soon as Saturday.") == \
        [("Saturday", D(2025, 1, 11), D(2025, 1, 11), "day")]


def test_a_weekday_a_measure_runs_from_is_the_nearest_one_even_in_a_past_sentence():
    # a Wednesday: cuts announced "from Thursday" start tomorrow; "from Monday" started two days ago
    assert dates_in("The firm announced a sharp cut in deliveries from Thursday.") == \
        [("Thursday", D(2025, 1, 9), D(2025, 1, 9), "day")]
    assert dates_in("The firm announced a sharp cut in deliveries from Monday.") == \
        [("Monday", D(2025, 1, 6), D(2025, 1, 6), "day")]


def test_a_recent_act_is_dated_the_weeks_before_the_report_not_the_day_told_before() -> None:
    from test_events_arguments import DCT, mentions_of

    mentions = mentions_of("The governor said on Monday that the port had been shelled.",
                           "A recent missile attack on the city of Uman killed 12 people, among them two children.",
                           "The mayor said on Monday that the recent finds in the woods would be investigated.")
    uman = [m for m in mentions if "Uman" in m.evidence.text]
    assert uman and uman[0].date is not None and uman[0].date.precision == "week"
    assert uman[0].date.start < DCT.date() - dt.timedelta(days=7) and uman[0].date.end == DCT.date()
    words = [m for m in mentions if "finds" in m.evidence.text]
    assert words and words[0].date is not None and words[0].date.precision == "day"


def test_a_fronted_day_dates_the_telling_its_subject_does_not_the_plans_told():
    # a Wednesday: "On Monday, the firm announced it would ..." was two days ago; "will ... on Monday" is to come
    assert dates_in("On Monday, it announced it would close its shops and quit the market.") == \
        [("Monday", D(2025, 1, 6), D(2025, 1, 6), "day")]
    assert dates_in("Talks will resume on Monday, the minister said.") == \
        [("Monday", D(2025, 1, 13), D(2025, 1, 13), "day")]


def test_a_month_that_says_which_war_act_does_not_date_the_news() -> None:
    from test_events_arguments import mentions_of

    mentions = mentions_of("Ukraine’s sunflower oil exports dropped from 1m tons a month before Russia’s February "
                           "offensive to almost nothing, a trade official said on Monday.")
    assert mentions and all(m.date is None or m.date.start.month != 2 for m in mentions)


def test_the_same_day_is_not_a_date_worn_by_a_noun_in_passing():
    r = DateResolver(dt.date(2022, 5, 12))
    r.resolve("Moscow on Wednesday expelled ten Japanese diplomats.")
    r.resolve("Tokyo, which condemned Russia's 24 February invasion from the start, called the move regrettable.")
    (same,) = r.resolve("The expulsions came on the same day Japan froze the assets of two Russian banks.")
    assert same.start == dt.date(2022, 5, 11)


def test_due_to_a_cause_is_no_time_ahead_but_due_to_a_verb_is():
    # anchor Wednesday 8 January 2025: "Sunday" is the one just gone unless the clause looks ahead
    assert dates_in("The mayor has told families to stay indoors on Sunday due to heavy artillery fire.") == \
        [("Sunday", D(2025, 1, 5), D(2025, 1, 5), "day")]
    assert dates_in("The trains were halted on Sunday due to the storm.") == \
        [("Sunday", D(2025, 1, 5), D(2025, 1, 5), "day")]
    assert dates_in("The envoy is due to arrive on Sunday.") == [("Sunday", D(2025, 1, 12), D(2025, 1, 12), "day")]


def test_a_day_of_the_month_just_told_with_its_year_is_in_that_year():
    r = DateResolver(D(2022, 7, 29))
    r.resolve("Emails show the adviser asked to meet the banker in March 2014, during a trade fair.")
    assert [(d.text, d.start) for d in r.resolve("The two would dine on 12 March at a hotel.")] == \
        [("12 March", D(2014, 3, 12))]
