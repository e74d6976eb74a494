"""Date expressions resolved against the publication date, and the date attached to an event."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract.timex import attach_date, find_dates
from eventwire.extract.timex_rules import find_candidates, patterns, resolve
from eventwire.ingest import read_path
from eventwire.nlp import parse
from eventwire.records import DateRef, Parsed
from tests.conftest import SEED, needs_shared

PUB = "2021-12-22"  # a Wednesday
D = dt.date.fromisoformat


def _only(parsed: Parsed, text: str) -> DateRef:
    hits = [d for d in find_dates(parsed) if d.text == text]
    assert len(hits) == 1, f"expected one date {text!r}, found {[d.text for d in find_dates(parsed)]}"
    return hits[0]


def _token(parsed: Parsed, word: str, nth: int = 0) -> int:
    return [t.i for t in parsed.tokens if t.text == word][nth]


# (sentence, date text, value, begin, until, granularity, method)
RESOLVED = [
    (
        "The foreign ministers met in Moscow on Nov. 30, 2021, to discuss trade.",
        "Nov. 30, 2021",
        "2021-11-30",
        "2021-11-30",
        "2021-11-30",
        "day",
        "explicit",
    ),
    (
        "The two presidents spoke by phone on Dec. 21, aides said.",
        "Dec. 21",
        "2021-12-21",
        "2021-12-21",
        "2021-12-21",
        "day",
        "explicit",
    ),
    (
        "The envoy flew to Ankara on Tuesday, Dec. 21, for talks.",
        "Tuesday, Dec. 21",
        "2021-12-21",
        "2021-12-21",
        "2021-12-21",
        "day",
        "explicit",
    ),
    (
        "A truce signed on 3 January 2020 collapsed within weeks.",
        "3 January 2020",
        "2020-01-03",
        "2020-01-03",
        "2020-01-03",
        "day",
        "explicit",
    ),
    (
        "Prices of grain doubled in December 2020, the agency said.",
        "December 2020",
        "2020-12",
        "2020-12-01",
        "2020-12-31",
        "month",
        "explicit",
    ),
    (
        "Parliament will vote on the reform bill in 2022.",
        "2022",
        "2022",
        "2022-01-01",
        "2022-12-31",
        "year",
        "explicit",
    ),
    (
        "The province was ruled by the army in the 1990s.",
        "the 1990s",
        "199",
        "1990-01-01",
        "1999-12-31",
        "decade",
        "explicit",
    ),
    (
        "Growth slowed sharply in the first quarter of 2021.",
        "the first quarter of 2021",
        "2021-Q1",
        "2021-01-01",
        "2021-03-31",
        "quarter",
        "explicit",
    ),
    (
        "The pipeline is expected to open in the first half of next year.",
        "the first half of next year",
        "2022-H1",
        "2022-01-01",
        "2022-06-30",
        "half",
        "relative",
    ),
    (
        "Protesters gathered outside the ministry on Tuesday.",
        "Tuesday",
        "2021-12-21",
        "2021-12-21",
        "2021-12-21",
        "day",
        "weekday",
    ),
    (
        "Lawmakers approved the budget on Friday after a long debate.",
        "Friday",
        "2021-12-17",
        "2021-12-17",
        "2021-12-17",
        "day",
        "weekday",
    ),
    (
        "The president announced the sanctions on Wednesday.",
        "Wednesday",
        "2021-12-22",
        "2021-12-22",
        "2021-12-22",
        "day",
        "weekday",
    ),
    (
        "The ministers will meet again on Tuesday to review the talks.",
        "Tuesday",
        "2021-12-28",
        "2021-12-28",
        "2021-12-28",
        "day",
        "weekday",
    ),
    (
        "Talks are due to resume in Geneva on Friday.",
        "Friday",
        "2021-12-24",
        "2021-12-24",
        "2021-12-24",
        "day",
        "weekday",
    ),
    (
        "The prime minister is scheduled to visit Kyiv on Monday.",
        "Monday",
        "2021-12-27",
        "2021-12-27",
        "2021-12-27",
        "day",
        "weekday",
    ),
    (
        "The rebels released the hostages last Thursday.",
        "last Thursday",
        "2021-12-16",
        "2021-12-16",
        "2021-12-16",
        "day",
        "weekday",
    ),
    (
        "The envoy arrived in Kabul today for talks.",
        "today",
        "2021-12-22",
        "2021-12-22",
        "2021-12-22",
        "day",
        "relative",
    ),
    (
        "The opposition plans to march on the capital tonight.",
        "tonight",
        "2021-12-22",
        "2021-12-22",
        "2021-12-22",
        "day",
        "relative",
    ),
    (
        "Police arrested two activists yesterday.",
        "yesterday",
        "2021-12-21",
        "2021-12-21",
        "2021-12-21",
        "day",
        "relative",
    ),
    (
        "The delegation will fly to Beijing tomorrow.",
        "tomorrow",
        "2021-12-23",
        "2021-12-23",
        "2021-12-23",
        "day",
        "relative",
    ),
    (
        "The minister resigned this morning amid a bribery scandal.",
        "this morning",
        "2021-12-22",
        "2021-12-22",
        "2021-12-22",
        "day",
        "relative",
    ),
    (
        "The militia seized the airport two days ago.",
        "two days ago",
        "2021-12-20",
        "2021-12-20",
        "2021-12-20",
        "day",
        "relative",
    ),
    (
        "Ministers met last week in Brussels.",
        "last week",
        "2021-W50",
        "2021-12-13",
        "2021-12-19",
        "week",
        "relative",
    ),
    (
        "The summit will take place next week in Vienna.",
        "next week",
        "2021-W52",
        "2021-12-27",
        "2022-01-02",
        "week",
        "relative",
    ),
    (
        "Militants attacked a police checkpoint last weekend.",
        "last weekend",
        "2021-W50-WE",
        "2021-12-18",
        "2021-12-19",
        "week",
        "relative",
    ),
    (
        "The ceasefire collapsed last month.",
        "last month",
        "2021-11",
        "2021-11-01",
        "2021-11-30",
        "month",
        "relative",
    ),
    (
        "General elections were held last year.",
        "last year",
        "2020",
        "2020-01-01",
        "2020-12-31",
        "year",
        "relative",
    ),
    (
        "Troops were deployed to the border earlier this month.",
        "earlier this month",
        "2021-12",
        "2021-12-01",
        "2021-12-21",
        "month",
        "relative",
    ),
    (
        "The assembly will debate the bill later this year.",
        "later this year",
        "2021",
        "2021-12-23",
        "2021-12-31",
        "year",
        "relative",
    ),
    (
        "Talks will open at the start of next year, the ministry said.",
        "the start of next year",
        "2022",
        "2022-01-01",
        "2022-02-28",
        "year",
        "relative",
    ),
    (
        "The rebels expect the offensive to end in early 2022.",
        "early 2022",
        "2022",
        "2022-01-01",
        "2022-04-30",
        "year",
        "explicit",
    ),
    (
        "The plant was closed in late 2021 after a strike.",
        "late 2021",
        "2021",
        "2021-09-01",
        "2021-12-31",
        "year",
        "explicit",
    ),
    (
        "The new pipeline should be finished by mid-2022.",
        "mid-2022",
        "2022",
        "2022-05-01",
        "2022-08-31",
        "year",
        "explicit",
    ),
    (
        "Fighting flared again in mid-December near the border.",
        "mid-December",
        "2021-12",
        "2021-12-11",
        "2021-12-20",
        "month",
        "anchored",
    ),
    (
        "Clashes broke out in March between rival clans.",
        "March",
        "2021-03",
        "2021-03-01",
        "2021-03-31",
        "month",
        "anchored",
    ),
    (
        "Elections will be held in March under the new law.",
        "March",
        "2022-03",
        "2022-03-01",
        "2022-03-31",
        "month",
        "anchored",
    ),
    (
        "The two armies clashed several weeks ago in the north.",
        "several weeks ago",
        "2021-11-10/2021-12-08",
        "2021-11-10",
        "2021-12-08",
        "week",
        "relative",
    ),
    (
        "Sanctions could be imposed in the coming weeks, diplomats said.",
        "the coming weeks",
        "2021-12-23/2022-02-02",
        "2021-12-23",
        "2022-02-02",
        "week",
        "relative",
    ),
    (
        "The raid comes a day after the army said it had killed a rebel commander.",
        "a day after",
        "2021-12-21",
        "2021-12-21",
        "2021-12-21",
        "day",
        "anchored",
    ),
    (
        "Talks must end by the end of the year, the envoy said.",
        "the end of the year",
        "2021",
        "2021-11-01",
        "2021-12-31",
        "year",
        "relative",
    ),
    (
        "The group was banned last November after a wave of arson attacks.",
        "last November",
        "2021-11",
        "2021-11-01",
        "2021-11-30",
        "month",
        "anchored",
    ),
    (
        "The army launched a counteroffensive last summer.",
        "last summer",
        "2021-SU",
        "2021-06-01",
        "2021-08-31",
        "quarter",
        "relative",
    ),
    (
        "The charter was drafted in the winter of 2019 by exiled lawyers.",
        "the winter of 2019",
        "2019-WI",
        "2019-12-01",
        "2020-02-29",
        "quarter",
        "explicit",
    ),
    (
        "He was charged over the 1995 bombing of the embassy.",
        "1995",
        "1995",
        "1995-01-01",
        "1995-12-31",
        "year",
        "explicit",
    ),
    (
        "The minister was last seen in public on Oct. 23, police said.",
        "Oct. 23",
        "2021-10-23",
        "2021-10-23",
        "2021-10-23",
        "day",
        "explicit",
    ),
    (
        "The court will rule on the appeal on Jan. 14.",
        "Jan. 14",
        "2022-01-14",
        "2022-01-14",
        "2022-01-14",
        "day",
        "explicit",
    ),
    (
        "The paper wrote in an editorial on Thursday, Dec. 23, that the vote was flawed.",
        "Thursday, Dec. 23",
        "2021-12-23",
        "2021-12-23",
        "2021-12-23",
        "day",
        "explicit",
    ),
    (
        "The envoys could reach Minsk as early as Monday, officials said.",
        "Monday",
        "2021-12-27",
        "2021-12-27",
        "2021-12-27",
        "day",
        "weekday",
    ),
    (
        "The opposition said it would challenge Monday's ruling in court.",
        "Monday",
        "2021-12-20",
        "2021-12-20",
        "2021-12-20",
        "day",
        "weekday",
    ),
]


@pytest.mark.parametrize(("sentence", "text", "value", "begin", "until", "granularity", "method"), RESOLVED)
def test_find_dates_resolves(parse_story, sentence, text, value, begin, until, granularity, method) -> None:
    d = _only(parse_story(sentence), text)
    assert (d.value, d.begin, d.until, d.granularity, d.method) == (
        value,
        D(begin),
        D(until),
        granularity,
        method,
    )
    assert d.begin <= d.until


NOT_DATES = [
    "The 2022 budget cuts defence spending sharply.",
    "NATO has never invoked Article 5 against a member state.",
    "The G7 leaders discussed COVID-19 vaccines for poorer states.",
    "Poland ordered more F-16 jets from the manufacturer.",
    "The envoy said Iran had breached Resolution 2231 repeatedly.",
    "The council adopted Resolution 1973 on the no-fly zone.",
    "Support for the party fell to 45% in the poll.",
    "A 65-year-old man was detained by border guards.",
    "The convoy left the base at 10 a.m. local time.",
    "The rebels may march on the capital if talks fail.",
    "The Sunday Times reported the arms deal first.",
    "Thousands marched to remember Bloody Sunday.",
    "Fighting has killed 2,021 people, the monitors said.",
    "The troops withdrew two days after the vote.",
    "Gunmen returned to the village the day after the massacre.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_find_dates_leaves_non_dates(parse_story, sentence) -> None:
    assert find_dates(parse_story(sentence)) == ()


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("The treaty was signed on Nov. 30, 2021, in Geneva.", ["2021-11-30"]),
        ("Parliament will vote on the bill in 2022.", ["2022"]),
        ("Fighting resumed in the 1990s and again in early 2014.", ["199", "2014"]),
        ("The envoy met rebel leaders on Tuesday.", []),
        ("Ministers met last week and will meet again tomorrow.", []),
        ("The two leaders spoke by phone on Dec. 21.", []),
    ],
)
def test_without_publication_date_only_explicit_years_resolve(parse_story, sentence, values) -> None:
    assert [d.value for d in find_dates(parse_story(sentence, published=None))] == values


# (sentence, trigger word, nth occurrence, expected date text or "" for the inherited publication date, value)
ATTACHED = [
    ("Putin said on Tuesday that Moscow would take firm measures.", "take", 0, "Tuesday", "2021-12-21"),
    ("Putin said on Tuesday that Moscow would take firm measures.", "said", 0, "Tuesday", "2021-12-21"),
    (
        "The raid comes a day after the army said it had killed a rebel commander.",
        "killed",
        0,
        "a day after",
        "2021-12-21",
    ),
    ("The raid comes a day after the army said it had killed a rebel commander.", "comes", 0, "", PUB),
    (
        "Russian forces shelled the town on Monday, killing five civilians.",
        "killing",
        0,
        "Monday",
        "2021-12-20",
    ),
    ("The ministry condemned Tuesday's attack on the embassy.", "attack", 0, "Tuesday", "2021-12-21"),
    ("The ministry condemned Tuesday's attack on the embassy.", "condemned", 0, "", PUB),
    (
        "Protesters rallied on Monday and police arrested dozens on Tuesday.",
        "rallied",
        0,
        "Monday",
        "2021-12-20",
    ),
    (
        "Protesters rallied on Monday and police arrested dozens on Tuesday.",
        "arrested",
        0,
        "Tuesday",
        "2021-12-21",
    ),
    ("Officials said the talks will resume next week.", "resume", 0, "next week", "2021-W52"),
    ("Officials said the talks will resume next week.", "said", 0, "", PUB),
    (
        "In a statement on Tuesday, the ministry said it had expelled two diplomats.",
        "expelled",
        0,
        "Tuesday",
        "2021-12-21",
    ),
    (
        "Rebels who attacked the convoy last week surrendered on Monday.",
        "attacked",
        0,
        "last week",
        "2021-W50",
    ),
    (
        "Rebels who attacked the convoy last week surrendered on Monday.",
        "surrendered",
        0,
        "Monday",
        "2021-12-20",
    ),
    ("The army denied the report and blamed the militants.", "blamed", 0, "", PUB),
]


@pytest.mark.parametrize(("sentence", "trigger", "nth", "text", "value"), ATTACHED)
def test_attach_date(parse_story, sentence, trigger, nth, text, value) -> None:
    parsed = parse_story(sentence)
    d = attach_date(parsed, find_dates(parsed), _token(parsed, trigger, nth))
    assert d is not None
    assert (d.text, d.value) == (text, value)
    if not text:
        assert (d.start, d.method, d.granularity) == (-1, "inherited", "day")


def test_attach_date_is_none_without_publication_date(parse_story) -> None:
    parsed = parse_story("The army denied the report.", published=None)
    assert attach_date(parsed, find_dates(parsed), _token(parsed, "denied")) is None


def test_attach_date_keeps_explicit_year_without_publication_date(parse_story) -> None:
    parsed = parse_story("The army withdrew from the valley in 2019.", published=None)
    d = attach_date(parsed, find_dates(parsed), _token(parsed, "withdrew"))
    assert d is not None and d.value == "2019"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the '90s", "199"),
        ("Q3 2021", "2021-Q3"),
        ("the final quarter of last year", "2020-Q4"),
        ("a week ago", "2021-W50"),
        ("three years ago", "2018"),
        ("the day before yesterday", "2021-12-20"),
        ("the week of Dec. 6", "2021-W49"),  # the week the day falls in, not the day
        ("the week of Monday, Jan. 10, 2022", "2022-W02"),
    ],
)
def test_rules_resolve_on_plain_text(text, value) -> None:
    cands = find_candidates(text, D(PUB))
    assert len(cands) == 1
    r = resolve(cands[0], D(PUB))
    assert r is not None and r.value == value


@pytest.fixture(scope="module")
def seed(nlp) -> Parsed:  # type: ignore[no-untyped-def]
    return parse(read_path(SEED, published=D(PUB)), nlp)


@needs_shared
@pytest.mark.parametrize(
    ("text", "value", "begin", "until"),
    [
        ("Wednesday", "2021-12-22", "2021-12-22", "2021-12-22"),
        ("Tuesday", "2021-12-21", "2021-12-21", "2021-12-21"),
        ("Last week", "2021-W50", "2021-12-13", "2021-12-19"),
        ("a day after", "2021-12-21", "2021-12-21", "2021-12-21"),
        ("the start of next year", "2022", "2022-01-01", "2022-02-28"),
        ("Nov. 30, 2021", "2021-11-30", "2021-11-30", "2021-11-30"),
        ("Dec. 21, 2021", "2021-12-21", "2021-12-21", "2021-12-21"),
    ],
)
def test_seed_dates(seed, text, value, begin, until) -> None:
    hits = [d for d in find_dates(seed) if d.text == text]
    assert hits, f"{text!r} not found in the seed story"
    assert all((d.value, d.begin, d.until) == (value, D(begin), D(until)) for d in hits)


@needs_shared
def test_seed_several_weeks_after_is_a_stretch_before_publication(seed) -> None:
    d = next(d for d in find_dates(seed) if d.text == "several weeks after")
    assert d.method == "anchored"
    assert D("2021-10-01") <= d.begin <= d.until < D(PUB)


@needs_shared
@pytest.mark.parametrize(
    ("sentence_start", "trigger", "value"),
    [
        ("Russia is expected to begin", "begin", "2022"),
        ("Russia announcing the agreement", "said", "2021-12-21"),
        ("Russia announcing the agreement", "take", "2021-12-21"),
        ("Russia announcing the agreement", "comes", PUB),
        ("U.S. Secretary of State Antony Blinken said", "working", "2021-12-21"),
        ("Last week, Moscow submitted", "submitted", "2021-W50"),
    ],
)
def test_seed_attach(seed, sentence_start, trigger, value) -> None:
    s = next(s for s in seed.sentences if s.text.startswith(sentence_start))
    i = next(t.i for t in seed.tokens[s.token_start : s.token_end] if t.text == trigger)
    d = attach_date(seed, find_dates(seed), i)
    assert d is not None and d.value == value


def test_a_caption_date_dates_the_scene_it_shows(parse_story) -> None:  # type: ignore[no-untyped-def]
    from eventwire.extract.timex import attach_date, find_dates
    from eventwire.records import PartKind

    text = (
        "Envoys Meet Again\n\n"
        "The envoys met in Oslo on Thursday to discuss the truce.\n\n"
        "Delegates from both sides stand together after attending a round of talks at the old palace "
        "in Oslo, Norway, on Nov. 9, 2021. (Jon Vik via Wire Pool)\n"
    )
    parsed = parse_story(text, published="2021-11-12")
    dates = find_dates(parsed)
    caption = next(s for s in parsed.sentences if s.part is PartKind.CAPTION)
    trigger = next(t.i for t in parsed.tokens[caption.token_start : caption.token_end] if t.lemma == "stand")
    assert attach_date(parsed, dates, trigger).value == "2021-11-09"
    body = next(s for s in parsed.sentences if s.part is PartKind.BODY)
    met = next(t.i for t in parsed.tokens[body.token_start : body.token_end] if t.lemma == "meet")
    assert attach_date(parsed, dates, met).value == "2021-11-11"


# (sentence, date text, value) with publication on Wednesday 2021-12-22
HOLIDAYS_AND_NARRATIVE = [
    ("Troops left the city on Christmas Day.", "Christmas Day", "2020-12-25"),  # past: last year's
    ("The talks will resume after Christmas.", "Christmas", "2021-12-25"),  # future tense: ahead
    ("The minister visited the border at Thanksgiving.", "Thanksgiving", "2021-11-25"),
    ("The ceasefire held over Easter.", "Easter", "2021-04-04"),
    ("Both sides will observe a Christmas truce.", "Christmas", "2021-12-25"),  # a happening: still dated
    ("The Christmas Day parade will go ahead.", "Christmas Day", "2021-12-25"),
    ("The rebels attacked over the Easter weekend.", "Easter", "2021-04-04"),  # a time noun: still dated
    ("Rebels attacked on Good Friday.", "Good Friday", "2021-04-02"),
    ("The treaty was signed on March 3, 2019. Later that year, it collapsed.", "Later that year", "2019"),
    ("Police arrived on May 4, 2020. Earlier that day, shots were fired.", "Earlier that day", "2020-05-04"),
    ("The summit ended on June 9, 2021. The next morning, troops withdrew.", "The next morning", "2021-06-10"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), HOLIDAYS_AND_NARRATIVE)
def test_holidays_and_narrative_references(parse_story, sentence: str, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert _only(parse_story(sentence, published=PUB), text).value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "He said that day would come.",  # no day named before: nothing to count from
        "Later that year, they hoped, things would change.",
        "The 2022 budget passed.",
        "Article 5 of the treaty applies.",
        "The G7 met in Cornwall.",
        "COVID-19 spread fast.",
        "An F-16 crashed.",
        "Volunteers sold Christmas trees in the square.",  # a holiday naming a kind of thing
        "The shops ran out of Easter eggs.",
        "Families bought Thanksgiving turkeys.",
    ],
)
def test_unanchored_and_non_dates_do_not_resolve(parse_story, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert find_dates(parse_story(sentence, published=PUB)) == ()


def _gate_misses(texts: list[str]) -> list[tuple[str, str]]:
    """(rule kind, text) wherever a rule matches a text its gate would have kept it from."""
    return [
        (kind, text)
        for kind, rx, gate in patterns()
        if gate is not None
        for text in texts
        if rx.search(text) and not gate.search(text)
    ]


def test_rule_gates_never_hide_a_match() -> None:
    # The gates skip a rule unless a text holds what any of its matches must hold; a gate stricter
    # than its rule would silently lose dates. Every example of this file must get through.
    texts = [row[0] for row in RESOLVED] + [row[0] for row in HOLIDAYS_AND_NARRATIVE] + NOT_DATES + [
        "the '90s", "Q3 2021", "the final quarter of last year", "the second half of 2022", "a week ago",
        "in the early 1990s", "the mid-1980's", "by the end of the month", "at the start of next year",
        "early next month", "late 2023", "in mid-March", "two days later", "three weeks earlier",
        "the spring of 2020", "Dec. 21, 2021", "last September",
    ]
    assert len(_gate_misses(texts)) == 0, _gate_misses(texts)


def test_gated_candidates_span_the_rules() -> None:
    # Each gate guards at least one rule and each guarded rule still finds its dates
    found = {c.kind for text in ("in the early 1990s", "the first half of next year", "last March",
                                 "March 2020", "late 2023", "two years ago", "two days after",
                                 "at the end of next month", "at the end of the year")
             for c in find_candidates(text, D(PUB))}
    assert {"decade", "quarter", "month", "month_year", "year", "ago", "anchored",
            "rel_month_part", "rel_year_part"} <= found


@needs_shared
def test_rule_gates_never_hide_a_match_in_real_news() -> None:
    import gzip
    import json
    import re

    from tests.conftest import SHARED

    with gzip.open(SHARED / "gold" / "dev" / "timex_aquaint.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts = [s for line in fh for s in re.split(r"(?<=[.!?])\s+", json.loads(line)["text"]) if s.strip()]
    assert len(texts) > 500
    assert _gate_misses(texts) == []


@pytest.mark.parametrize(("sentence", "value"), [
    ("The vote was postponed until Monday.", "2021-12-27"),  # a deadline ahead
    ("Until Monday the two sides had not agreed on a text.", "2021-12-20"),  # a past perfect looks back
])
def test_until_looks_ahead_unless_the_clause_is_a_past_perfect(parse_story, sentence: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert [d.value for d in find_dates(parse_story(sentence, published=PUB))] == [value]
