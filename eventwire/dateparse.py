"""Calendar words and explicit date strings ("Dec. 22, 2021", "22 December 2021", "2021-12-22").

Shared by ingest (datelines, metadata) and extract.timex (dates in the text); no NLP here.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _n

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH_RE = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: "December 22, 2021", "Dec. 22 2021", "Dec 22" (year optional)
MDY = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?(?!\d)", re.I)
#: "22 December 2021", "22 Dec" (year optional)
DMY = re.compile(r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r"(?:,?\s+(?P<year>\d{4}))?(?!\d)", re.I)
#: "2021-12-22", "2021/12/22"
ISO = re.compile(r"(?<!\d)(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)")


def month_number(name: str) -> int | None:
    """1..12 for a month name or abbreviation ('Dec.', 'Sept'), else None."""
    return MONTHS.get(name.lower().rstrip("."))


def _build(year: int | None, month: int | str, day: int | str, anchor: dt.date | None) -> dt.date | None:
    m = month if isinstance(month, int) else (int(month) if month.isdigit() else month_number(month))
    if m is None:
        return None
    if year is None:
        if anchor is None:
            return None
        year = anchor.year
        # "Dec. 30" read in a story of 2 January means last December; the reverse means next January
        try:
            cand = dt.date(year, m, int(day))
        except ValueError:
            return None
        if (cand - anchor).days > 183:
            year -= 1
        elif (anchor - cand).days > 183:
            year += 1
    try:
        return dt.date(year, m, int(day))
    except ValueError:
        return None


def find_explicit_dates(text: str, anchor: dt.date | None = None) -> list[tuple[int, int, dt.date]]:
    """All explicit calendar dates in text as (start, end, date); a missing year comes from anchor."""
    found: list[tuple[int, int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for rx in (ISO, MDY, DMY):
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            year = int(m["year"]) if m["year"] else None
            d = _build(year, m["month"], m["day"], anchor)
            if d is not None:
                found.append((m.start(), m.end(), d))
                taken.append((m.start(), m.end()))
    return sorted(found)


def parse_date(value: str) -> dt.date | None:
    """Parse a metadata date ('2021-12-22', '2021-12-22T10:00:00Z', 'December 22, 2021'), else None."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    hits = find_explicit_dates(value)
    return hits[0][2] if hits and hits[0][0] < 3 else None


def holiday_date(rule: list[object], year: int) -> dt.date:
    """The day a holiday rule of timex.yaml names in a year: [12, 25], [11, 3, 4] (4th Thursday), [easter, -2]."""
    if rule[0] == "easter":
        return easter_sunday(year) + dt.timedelta(days=int(str(rule[1])))
    month, day = int(str(rule[0])), int(str(rule[1]))
    if len(rule) == 2:
        return dt.date(year, month, day)
    nth = int(str(rule[2]))
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(day - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - day) % 7)


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
