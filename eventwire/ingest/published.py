"""The publication date of a story: the user's, else a dateline near the top, else a wire dateline."""

from __future__ import annotations

import datetime as dt

from ..dateparse import find_explicit_dates
from ..knowledge.parts import load_part_rules
from ..records import Part, PartKind
from .parts import HEADER_PARAGRAPHS

#: The wire dateline ("WASHINGTON, Dec. 22, 2021 (AP) —") is looked for in this many lead paragraphs.
LEAD_PARAGRAPHS = 3


def find_published(parts: tuple[Part, ...], given: dt.date | None = None) -> tuple[dt.date | None, str]:
    """(date, source) with source one of user | dateline | unknown; never guesses today's date."""
    if given is not None:
        return given, "user"
    for part in parts[:HEADER_PARAGRAPHS]:
        if part.kind in (PartKind.DATELINE, PartKind.BYLINE):
            # Only dates with a year: a yearless "Dec. 22" has nothing to anchor it to here.
            hits = find_explicit_dates(part.text)
            if hits:
                return hits[0][2], "dateline"
    wire = wire_dateline_date(parts)
    if wire is not None:
        return wire, "dateline"
    return None, "unknown"


def wire_dateline_date(parts: tuple[Part, ...]) -> dt.date | None:
    """The date of a wire dateline opening one of the first body paragraphs, if it has a year."""
    rx = load_part_rules().wire_dateline
    for part in [p for p in parts if p.kind is PartKind.BODY][:LEAD_PARAGRAPHS]:
        m = rx.search(part.text)
        if m:
            hits = find_explicit_dates(m["date"])
            if hits:
                return hits[0][2]
    return None
