"""Date-expression patterns over plain text and their resolution to calendar intervals.

No NLP here: ``find_candidates`` matches a sentence's text with patterns built from
``knowledge/timex.yaml``; ``resolve`` turns one candidate into an interval given the publication
date, the tense direction of its clause and a reference date (for "a day after"). The gates that
need the parse (is "2022" a date or a budget's name?) live in ``extract.timex``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..dateparse import MONTHS, WEEKDAYS, find_explicit_dates, holiday_date, month_number
from ..knowledge.timex import TimexKnowledge, load_timex

Groups = dict[str, str]  # a match's named groups that took part
Day = dt.date | None  # the publication date (or a reference day), None when unknown


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pattern match in a sentence's text: offsets into that text, the rule and its groups."""

    start: int
    end: int
    kind: str
    groups: dict[str, str]


@dataclass(frozen=True, slots=True)
class Resolved:
    """A candidate resolved to an inclusive interval with a TIMEX-like value."""

    value: str
    begin: dt.date
    until: dt.date
    granularity: str
    method: str


def _alt(words: object) -> str:
    """A regex alternation of words/phrases, longest first, spaces matching any whitespace."""
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_MONTH = r"(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = "|".join(w.capitalize() for w in WEEKDAYS)
_YEAR = r"(?:1[89]|20)\d{2}"
# A year must not be glued to other digits, a hyphenated code (F-2021), a decimal or a percent
_YEAR_END = r"(?![\d%]|\.\d|-\d|\s*(?:percent|per\s+cent)\b)"
_YEAR_START = r"(?<![\d.,$£€#])(?-i:(?<![A-Z\d]-))"  # "mid-2022" yes, "F-2021" no


def patterns(k: TimexKnowledge | None = None) -> list[tuple[str, re.Pattern[str], re.Pattern[str] | None]]:
    """(kind, compiled pattern, gate) in priority order, for ``k`` (default: the shipped timex.yaml)."""
    return _patterns(k or load_timex())


@lru_cache(maxsize=4)
def _patterns(k: TimexKnowledge) -> list[tuple[str, re.Pattern[str], re.Pattern[str] | None]]:
    """(kind, compiled pattern, gate) in priority order; longer matches win over rule order."""
    # (?i:...) keeps these words case-blind inside the case-sensitive month patterns
    part = (
        r"(?i:(?:the\s+)?(?:very\s+)?(?P<partof>start|beginning|middle|end)\s+of\s+"
        r"|(?P<part>early|mid|late)(?:\s+|-))"
    )
    shift = r"(?P<shift>" + _alt(k["shifts"]) + r")"
    rel_year = r"(?:" + shift + r"\s+year|(?P<theyear>the\s+year))"
    num = r"(?P<num>" + _alt(k["numbers"]) + r"|\d{1,2})"
    vague = r"(?P<vague>" + _alt(k["vague_numbers"]) + r")"
    count = r"(?:" + num + "|" + vague + r")"
    unit = r"(?P<unit>day|week|month|year)s?"
    day_part = r"(?:\s+(?:" + _alt(k["day_parts"]) + r"))?"
    rules = [
        (
            "quarter",
            r"(?:the\s+)?(?P<ord>"
            + _alt(k["ordinals"])
            + r")\s+(?P<qh>quarter|half)\s+of\s+(?:"
            + _YEAR_START
            + r"(?P<year>"
            + _YEAR
            + r")"
            + _YEAR_END
            + "|"
            + rel_year
            + r")",
        ),
        ("quarter", r"\b(?P<q>Q[1-4]|H[12])\s+(?P<year>" + _YEAR + r")" + _YEAR_END),
        ("month_year", part + r"?\b(?P<month>" + _MONTH + r"),?\s+(?P<year>" + _YEAR + r")" + _YEAR_END),
        (
            "month",
            r"(?:"
            + part
            + r"|\b(?i:(?P<shift>last|next|this\s+past|this|coming))\s+)?\b(?P<month>"
            + _MONTH
            + r")(?![\w.]*\s+\d)",
        ),
        (
            "decade",
            r"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s+|-))?"
            + _YEAR_START
            + r"(?P<decade>(?:1[89]|20)\d0)'?s\b",
        ),
        ("decade", r"the\s+(?:(?P<part>early|mid|late)(?:\s+|-))?['’](?P<short>\d0)s\b"),
        ("year", part + r"?" + _YEAR_START + r"\b(?P<year>" + _YEAR + r")\b" + _YEAR_END),
        (
            "season",
            r"\b(?P<shift>last|this\s+past|this|next|coming)\s+(?P<season>" + _alt(k["seasons"]) + r")\b",
        ),
        (
            "season",
            r"\b(?:the\s+)?(?P<season>"
            + _alt(k["seasons"])
            + r")\s+(?:of\s+)?"
            + _YEAR_START
            + r"(?P<year>"
            + _YEAR
            + r")"
            + _YEAR_END,
        ),
        ("rel_year_part", part + rel_year),
        ("rel_month_part", part + r"(?:" + shift + r"\s+month|(?P<themonth>the\s+month))"),
        ("rel_unit", r"(?P<el>earlier|later)\s+this\s+(?P<unit>week|month|year)"),
        ("rel_unit", r"\b" + shift + r"\s+(?P<unit>week|month|year|weekend)\b"),
        ("deictic", r"\b(?P<word>" + _alt(k["deictic"]) + r")\b" + day_part),
        (
            "weekday",
            r"\b(?i:(?P<shift>last|next|this|coming|past)\s+)?(?P<weekday>"
            + _WEEKDAY
            + r")(?!s\b|\w)"
            + day_part,
        ),
        ("ago", r"\b" + count + r"\s+" + unit + r"\s+ago\b"),
        ("anchored", r"\b" + count + r"\s+" + unit + r"\s+(?P<rel>after|before|earlier|later)\b"),
        ("anchored", r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<rel>before|after)\b"),
        ("anchored", r"\bthe\s+(?P<rel>previous|following|preceding)\s+(?P<unit>day|week|month|year)\b"),
        ("anchored", r"\bthe\s+(?P<rel>next)\s+(?P<unit>day)\b"),
        ("narrative", r"\b(?:(?P<el>earlier|later)\s+)?that\s+(?:same\s+)?(?P<unit>day|week|month|year)\b"),
        ("narrative", r"\bthe\s+(?P<rel>next|following|previous)\s+(?P<dpart>" + _alt(k["narrative_parts"]) + r")\b"),
        ("holiday", r"\b(?P<holiday>" + _alt(k["holidays"]).replace("'", "['’]") + r")\b"),
        (
            "stretch",
            r"\b(?:the\s+)?(?P<dir>coming|next|past|last)\s+(?:"
            + count
            + r"\s+)?(?P<unit>day|week|month)s\b",
        ),
        ("stretch", r"\b(?P<dir>recent)\s+(?P<unit>day|week|month)s\b"),
    ]
    # Month and weekday names are proper nouns: matching them case-sensitively keeps "may" and "march"
    # (verbs) out; everything else is case-insensitive.
    return [
        (kind, re.compile(rx, 0 if kind in ("month", "month_year", "weekday") else re.I), _gate(rx))
        for kind, rx in rules
    ]


# Cheap necessary conditions. A rule that opens with optional words ("the start of", "early") cannot
# be scanned fast: the regex engine tries those words at every position of every sentence, and these
# rules cost most of the time spent on dates. A rule runs only when its gate finds what any match
# must contain (a year-like number, a month name, the word "ago"); tests/extract/test_timex.py checks
# that no gate ever hides a match. Rules not named here are quick and run ungated.
_GATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (r"(?P<qh>", re.compile(r"quarter|half", re.I)),  # first: its year may be "next year"
    (r"(?P<decade>", re.compile(r"\d0['’]?s")),
    (r"(?P<short>", re.compile(r"\d0s")),
    (r"(?P<year>", re.compile(r"(?:1[89]|20)\d\d")),
    (r"(?P<month>", re.compile(r"\b(?:" + _MONTH[3:-4] + r")")),
    (r"(?P<themonth>", re.compile(r"month", re.I)),
    (r"(?P<theyear>", re.compile(r"year", re.I)),
    (r"\s+ago\b", re.compile(r"\bago\b", re.I)),
    (r"\s+(?P<rel>after|before|earlier|later)\b", re.compile(r"\b(?:after|before|earlier|later)\b", re.I)),
)


def _gate(rx: str) -> re.Pattern[str] | None:
    """The first gate whose marker the rule's source contains, else None (the rule always runs)."""
    return next((gate for marker, gate in _GATES if marker in rx), None)


def find_candidates(text: str, anchor: dt.date | None, k: TimexKnowledge | None = None) -> list[Candidate]:
    """All non-overlapping date candidates in ``text``, longest first where they compete."""
    found: list[Candidate] = []
    for start, end, _ in find_explicit_dates(text, anchor or dt.date(2000, 1, 1)):
        # A lower-case month ("may 5", "10 may") is a verb, not a date
        word = re.search(r"[A-Za-z]", text[start:end])
        if word and not word.group().isupper():
            continue
        found.append(_explicit(text, start, end))
    opened: dict[re.Pattern[str], bool] = {}
    for kind, rx, gate in patterns(k):
        if gate is not None:
            if gate not in opened:
                opened[gate] = gate.search(text) is not None
            if not opened[gate]:
                continue
        for m in rx.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            found.append(Candidate(m.start(), m.end(), kind, groups))
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[Candidate] = []
    for c in found:
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _explicit(text: str, start: int, end: int) -> Candidate:
    """An explicit-date candidate, taking in a weekday just before it ("Tuesday, Dec. 21") and "the
    week of" before that, which names the week the day falls in ("the week of March 6")."""
    m = re.search(r"\b(?:" + _WEEKDAY + r"),?\s+$", text[:start])
    if m:
        start = m.start()
    groups = {"text": text[start:end]}
    week = re.search(r"\b(?:the\s+)?week\s+of\s+$", text[:start], re.I)
    if week:
        start, groups["week"] = week.start(), week.group()
    return Candidate(start, end, "explicit", groups)


# ---- calendar arithmetic -------------------------------------------------------------------------


def _day(d: dt.date, method: str) -> Resolved:
    return Resolved(d.isoformat(), d, d, "day", method)


def _week(d: dt.date, method: str) -> Resolved:
    monday = d - dt.timedelta(days=d.weekday())
    y, w, _ = monday.isocalendar()
    return Resolved(f"{y}-W{w:02d}", monday, monday + dt.timedelta(days=6), "week", method)


def _weekend(d: dt.date, method: str) -> Resolved:
    saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    y, w, _ = saturday.isocalendar()
    return Resolved(f"{y}-W{w:02d}-WE", saturday, saturday + dt.timedelta(days=1), "week", method)


def _month(y: int, m: int, method: str) -> Resolved:
    last = calendar.monthrange(y, m)[1]
    return Resolved(f"{y}-{m:02d}", dt.date(y, m, 1), dt.date(y, m, last), "month", method)


def _year(y: int, method: str) -> Resolved:
    return Resolved(str(y), dt.date(y, 1, 1), dt.date(y, 12, 31), "year", method)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


def _narrow(r: Resolved, begin: dt.date, until: dt.date) -> Resolved:
    return Resolved(r.value, max(r.begin, begin), min(r.until, until), r.granularity, r.method)


def _part_of_year(r: Resolved, part: str | None, k: TimexKnowledge) -> Resolved:
    if not part:
        return r
    first, last = k["year_parts"][part.lower()]
    y = r.begin.year
    return _narrow(r, dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1]))


def _part_of_month(r: Resolved, part: str | None, k: TimexKnowledge) -> Resolved:
    if not part:
        return r
    first, last = k["month_parts"][part.lower()]
    y, m = r.begin.year, r.begin.month
    return _narrow(r, dt.date(y, m, first), dt.date(y, m, min(last, calendar.monthrange(y, m)[1])))


def _interval(begin: dt.date, until: dt.date, granularity: str, method: str) -> Resolved:
    """A vague stretch ("in the coming weeks") as an ISO 8601 interval value."""
    return Resolved(f"{begin.isoformat()}/{until.isoformat()}", begin, until, granularity, method)


def _count(groups: dict[str, str], k: TimexKnowledge) -> tuple[int, int] | None:
    if "num" in groups:
        word = re.sub(r"\s+", " ", groups["num"].lower())
        n = int(word) if word.isdigit() else k["numbers"].get(word)
        return (n, n) if n else None
    if "vague" in groups:
        lo, hi = k["vague_numbers"][re.sub(r"\s+", " ", groups["vague"].lower())]
        return lo, hi
    return (1, 1)


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by n units (n may be negative); months and years clamp the day."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    y, m = _add_months(d.year, d.month, n * (12 if unit == "year" else 1))
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _unit_of(d: dt.date, unit: str, method: str) -> Resolved:
    if unit == "day":
        return _day(d, method)
    if unit == "week":
        return _week(d, method)
    if unit == "weekend":
        return _weekend(d, method)
    if unit == "month":
        return _month(d.year, d.month, method)
    return _year(d.year, method)


# ---- resolvers, one per candidate kind -----------------------------------------------------------

Resolver = Callable[[Groups, Day, int, Day, TimexKnowledge], "Resolved | None"]


def _r_explicit(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    hits = find_explicit_dates(g["text"], anchor)
    if not hits:
        return None
    d = hits[0][2]
    if anchor is not None and not re.search(r"\d{4}", g["text"]):
        named = re.match(r"[A-Za-z]+", g["text"])
        weekday = WEEKDAYS.get(named.group().lower()) if named else None
        d = _yearless(d.month, d.day, anchor, direction, weekday)
    return _week(d, "explicit") if "week" in g else _day(d, "explicit")


# A yearless date in a clause of unknown tense is taken from the past unless it is within this many
# days ahead: news reports what happened far more often than what is scheduled months away.
_AHEAD_DAYS = 90
# A month is planned further ahead than a day ("the summit in April" told in December).
_AHEAD_MONTH_DAYS = 120


def _yearless(month: int, day: int, anchor: dt.date, direction: int, weekday: int | None = None) -> dt.date:
    """The year of "Oct. 23": past clauses look back, future ones ahead, others near publication."""
    options = []
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue  # Feb. 29 outside a leap year
    if not options:
        return dt.date(anchor.year, month, day)  # raises ValueError: not a date
    # "Monday, Oct. 26" names its year by the weekday
    matching = [d for d in options if weekday is not None and d.weekday() == weekday]
    if len(matching) == 1:
        return matching[0]
    for d in options:
        ahead = (d - anchor).days
        # a past clause may still name the day after a story's date line (time zones, late filing)
        if direction < 0 and ahead <= 1 or direction > 0 and ahead >= 0:
            return d
        if direction == 0 and -365 + _AHEAD_DAYS < ahead <= _AHEAD_DAYS:
            return d
    return options[0]


def _r_season(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    code, first, last = k["seasons"][g["season"].lower()]

    def instance(year: int) -> Resolved:
        end_year = year + (1 if last < first else 0)
        until = dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
        return Resolved(f"{year}-{code}", dt.date(year, first, 1), until, "quarter", "explicit")

    if "year" in g:
        return instance(int(g["year"]))
    if anchor is None:
        return None
    near = [instance(y) for y in range(anchor.year - 2, anchor.year + 2)]
    shift = k["shifts"][re.sub(r"\s+", " ", g["shift"].lower())]
    if shift < 0:
        pick = [r for r in near if r.until < anchor][-1]
    elif shift > 0:
        pick = [r for r in near if r.begin > anchor][0]
    else:  # "this winter": the one under way, else this year's
        pick = next((r for r in near if r.begin <= anchor <= r.until), instance(anchor.year))
    return Resolved(pick.value, pick.begin, pick.until, pick.granularity, "relative")


def _r_month_year(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    m = month_number(g["month"])
    if m is None:
        return None
    return _part_of_month(_month(int(g["year"]), m, "explicit"), g.get("part") or g.get("partof"), k)


def _r_month(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    m = month_number(g["month"])
    if m is None or anchor is None:
        return None
    # A bare month in a past clause is the most recent one (this month included), in a future one the next
    if direction > 0:
        y = anchor.year + (1 if m < anchor.month else 0)
    elif direction < 0:
        y = anchor.year - (1 if m > anchor.month else 0)
    else:  # tense unknown ("since November", "the case is heard in May"): near publication, mostly past
        y = anchor.year
        if (dt.date(y, m, 1) - anchor).days > _AHEAD_MONTH_DAYS:
            y -= 1
        elif (anchor - dt.date(y, m, 1)).days > 365 - _AHEAD_MONTH_DAYS:
            y += 1
    shift = re.sub(r"\s+", " ", g.get("shift", "")).lower()
    if shift:
        n = k["shifts"].get(shift, 0)
        firsts = [dt.date(anchor.year + k, m, 1) for k in (-2, -1, 0, 1, 2)]
        if n < 0:  # "last November": the most recent one that is over
            y = [d for d in firsts if _month(d.year, m, "").until < anchor][-1].year
        elif n > 0:
            y = [d for d in firsts if d > anchor][0].year
        else:
            y = anchor.year
    return _part_of_month(_month(y, m, "anchored"), g.get("part") or g.get("partof"), k)


def _r_year(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    return _part_of_year(_year(int(g["year"]), "explicit"), g.get("part") or g.get("partof"), k)


def _r_decade(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if "decade" in g:
        start = int(g["decade"])
    else:
        if anchor is None:
            return None
        # "the '90s": the most recent such decade not after publication
        start = anchor.year // 100 * 100 + int(g["short"])
        if start > anchor.year:
            start -= 100
    begin, until = dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    part = g.get("part", "").lower()
    if part:  # thirds of the decade: early 0-3, mid 4-6, late 7-9
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[part]
        begin, until = dt.date(start + lo, 1, 1), dt.date(start + hi, 12, 31)
    return Resolved(str(start)[:3], begin, until, "decade", "explicit")


def _r_quarter(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if "year" in g:
        year = int(g["year"])
    elif anchor is None:
        return None
    else:
        year = anchor.year + k["shifts"].get(re.sub(r"\s+", " ", g.get("shift", "this").lower()), 0)
    if "q" in g:
        kind, n = ("quarter" if g["q"][0].upper() == "Q" else "half"), int(g["q"][1])
    else:
        kind, n = g["qh"].lower(), k["ordinals"][g["ord"].lower()]
    size = 3 if kind == "quarter" else 6
    count = 12 // size
    if n == -1:
        n = count
    if not 1 <= n <= count:
        return None
    first = (n - 1) * size + 1
    last = first + size - 1
    label = f"{year}-Q{n}" if kind == "quarter" else f"{year}-H{n}"
    method = "explicit" if "year" in g else "relative"
    return Resolved(
        label, dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1]), kind, method
    )


def _r_rel_year_part(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if anchor is None:
        return None
    n = k["shifts"].get(re.sub(r"\s+", " ", g.get("shift", "this").lower()), 0)
    return _part_of_year(_year(anchor.year + n, "relative"), g.get("part") or g.get("partof"), k)


def _r_rel_month_part(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if anchor is None:
        return None
    n = k["shifts"].get(re.sub(r"\s+", " ", g.get("shift", "this").lower()), 0)
    y, m = _add_months(anchor.year, anchor.month, n)
    return _part_of_month(_month(y, m, "relative"), g.get("part") or g.get("partof"), k)


def _r_rel_unit(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if anchor is None:
        return None
    unit = g["unit"].lower()
    if "el" in g:  # "earlier this month": from the start of the month to the day before publication
        whole = _unit_of(anchor, unit, "relative")
        if g["el"].lower() in k.words("backward_words"):
            return _narrow(whole, whole.begin, max(whole.begin, anchor - dt.timedelta(days=1)))
        return _narrow(whole, min(whole.until, anchor + dt.timedelta(days=1)), whole.until)
    n = k["shifts"][re.sub(r"\s+", " ", g["shift"].lower())]
    step = "week" if unit == "weekend" else unit
    return _unit_of(_shift(anchor, step, n), unit, "relative")


def _r_deictic(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if anchor is None:
        return None
    offset = k["deictic"][re.sub(r"\s+", " ", g["word"].lower())]
    return _day(anchor + dt.timedelta(days=offset), "relative")


def _r_weekday(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if anchor is None:
        return None
    target = WEEKDAYS[g["weekday"].lower()]
    back = (anchor.weekday() - target) % 7  # days back to the most recent such day, 0 = publication day
    fwd = (target - anchor.weekday()) % 7
    shift = g.get("shift", "").lower()
    if shift == "last" or shift == "past":
        d = anchor - dt.timedelta(days=back or 7)
    elif shift in ("next", "coming"):
        d = anchor + dt.timedelta(days=fwd or 7)
    elif back == 0:
        d = anchor  # the publication weekday itself is the publication day
    elif direction > 0:
        d = anchor + dt.timedelta(days=fwd)
    else:
        d = anchor - dt.timedelta(days=back)
    return _day(d, "weekday")


def _r_ago(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if anchor is None:
        return None
    span = _count(g, k)
    if span is None:
        return None
    unit = g["unit"].lower()
    lo, hi = span
    if lo == hi:
        return _unit_of(_shift(anchor, unit, -lo), unit, "relative")
    return _interval(_shift(anchor, unit, -hi), _shift(anchor, unit, -lo), unit, "relative")


def _r_anchored(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    base = ref or anchor
    if base is None:
        return None
    rel = g["rel"].lower()
    sign = -1 if rel in ("after", "earlier", "previous", "preceding") else 1
    # "X comes a day after Y": Y is a day before X; "the day before" names the day before X
    if rel in ("before",) and "num" not in g and "vague" not in g:
        sign = -1
    if rel == "after" and "num" not in g and "vague" not in g:
        sign = 1
    span = _count(g, k)
    if span is None:
        return None
    unit = g["unit"].lower()
    lo, hi = span
    if lo == hi:
        return _unit_of(_shift(base, unit, sign * lo), unit, "anchored")
    a, b = _shift(base, unit, sign * hi), _shift(base, unit, sign * lo)
    return _interval(min(a, b), max(a, b), unit, "anchored")


def _r_stretch(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if anchor is None:
        return None
    unit = g["unit"].lower()
    word = g["dir"].lower()
    sign = 1 if word in ("coming", "next") else -1
    if "num" in g or "vague" in g:
        span = _count(g, k)
        if span is None:
            return None
        far = _shift(anchor, unit, sign * span[1])
        near = anchor + dt.timedelta(days=sign)
    else:
        lo, hi = k["vague_stretches"]["coming" if sign > 0 else "recent"][unit + "s"]
        far = anchor + dt.timedelta(days=hi if sign > 0 else lo)
        near = anchor + dt.timedelta(days=lo if sign > 0 else hi)
    return _interval(min(near, far), max(near, far), unit, "relative")


def _r_narrative(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    base = ref  # "that day" with no day named before it points at nothing the story says
    if base is None:
        return None
    if "dpart" in g:  # "the next morning": the day after the story's last named day
        return _day(base + dt.timedelta(days=-1 if g["rel"].lower() in k.words("backward_words") else 1), "anchored")
    return _unit_of(base, g["unit"].lower(), "anchored")  # "later that year": the same year


def _r_holiday(g: Groups, anchor: Day, direction: int, ref: Day, k: TimexKnowledge) -> Resolved | None:
    if anchor is None:
        return None
    rule = k["holidays"][" ".join(g["holiday"].lower().replace("’", "'").split())]
    days = [holiday_date(rule, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    # past unless the clause looks ahead, as for weekdays; with no tense, the nearest one
    if direction > 0:
        return _day(min(d for d in days if d >= anchor), "relative")
    if direction < 0:
        return _day(max(d for d in days if d <= anchor), "relative")
    return _day(min(days, key=lambda d: abs((d - anchor).days)), "relative")


RESOLVERS: dict[str, Resolver] = {
    "narrative": _r_narrative,
    "holiday": _r_holiday,
    "explicit": _r_explicit,
    "season": _r_season,
    "month_year": _r_month_year,
    "month": _r_month,
    "year": _r_year,
    "decade": _r_decade,
    "quarter": _r_quarter,
    "rel_year_part": _r_rel_year_part,
    "rel_month_part": _r_rel_month_part,
    "rel_unit": _r_rel_unit,
    "deictic": _r_deictic,
    "weekday": _r_weekday,
    "ago": _r_ago,
    "anchored": _r_anchored,
    "stretch": _r_stretch,
}


def resolve(
    c: Candidate, anchor: dt.date | None, direction: int = 0, ref: dt.date | None = None,
    k: TimexKnowledge | None = None,
) -> Resolved | None:
    """The interval a candidate names, or None when it cannot be resolved (e.g. no publication date)."""
    try:
        return RESOLVERS[c.kind](c.groups, anchor, direction, ref, k or load_timex())
    except (ValueError, OverflowError, KeyError):
        return None  # an impossible date ("Feb. 30") or an unknown word is simply not a date


def iter_kinds() -> Iterator[str]:
    """Names of the candidate kinds, for tests and explanation."""
    yield from RESOLVERS
