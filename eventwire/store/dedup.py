"""Merging event mentions from many stories into one deduplicated event, by meaning.

Two mentions are the same event when they share source code, target code (or both have none), CAMEO
code and modality (asserted / negated / hypothetical / future) *and* their dates agree. Each mention gets
an **anchor** — the date the event is filed under — and the event key is a hash of
(source, target, cameo, modality, anchor), so keys do not depend on the order stories arrive in.

The bucketing rule, applied per (source, target, cameo, modality) group:

1. An **explicit day** ("on Tuesday", "yesterday", "21 December") is its own anchor: one event per day.
   Day-level events are never merged across days, so a daily war stays daily.
2. A day **inherited** from the publication date (the story gave no date) may have happened the day
   before: it joins the explicit day of its group inside [published - 1, published] — the publication day
   itself if that has one, else the single other one — and otherwise anchors on the publication day.
3. A **coarse** date ("last week", "in December", "2022") joins the day-level anchor of rules 1-2 that
   lies inside its interval when there is exactly one; with none or several it keeps its own value
   ("2021-W50") as anchor, because which day it meant is unknown.
4. **No date** at all (publication date unknown): the mention is only merged within its own document.

The assignment is a pure function of the set of mentions of a group: the store recomputes it for
every group a new batch touches, so adding stories in any order yields the same keys and rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

#: One group of mentions that can merge: (source, target or "", cameo, modality).
Group = tuple[str, str, str, str]

INHERITED_SLACK = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date an event is filed under; ``value`` is a TIMEX-like string or ``undated:<doc_id>``."""

    value: str
    begin: dt.date | None
    until: dt.date | None
    granularity: str  # day | week | month | ... | none


@dataclass(frozen=True, slots=True)
class Dated:
    """What dedup needs to know about one mention."""

    mention_id: str
    doc_id: str
    group: Group
    value: str | None
    begin: dt.date | None
    until: dt.date | None
    granularity: str | None
    method: str | None


def modality(negated: bool, hypothetical: bool, future: bool) -> str:
    """The modality part of the key: a denial or a plan is a different fact from the deed."""
    return "negated" if negated else "hypothetical" if hypothetical else "future" if future else "asserted"


def event_key(group: Group, anchor: Anchor) -> str:
    """The deterministic key of the event a mention belongs to (16 hex digits)."""
    raw = "\x1f".join((*group, anchor.value))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def own_anchor(m: Dated) -> Anchor:
    """The anchor a mention has on its own, before looking at the rest of its group."""
    if m.begin is None or m.until is None:
        return Anchor(f"undated:{m.doc_id}", None, None, "none")
    if m.granularity == "day" or m.begin == m.until:
        return _day(m.begin)
    value = m.value or f"{m.begin.isoformat()}/{m.until.isoformat()}"
    return Anchor(value, m.begin, m.until, m.granularity or "")


def assign_anchors(mentions: Iterable[Dated]) -> dict[str, Anchor]:
    """The anchor of every mention, by mention_id, following the bucketing rule in the module docstring."""
    by_group: dict[Group, list[Dated]] = {}
    for m in mentions:
        by_group.setdefault(m.group, []).append(m)
    out: dict[str, Anchor] = {}
    for group in by_group.values():
        out.update(_assign_group(group))
    return out


def _assign_group(group: list[Dated]) -> dict[str, Anchor]:
    out: dict[str, Anchor] = {}
    explicit, inherited, coarse = [], [], []
    for m in group:
        anchor = own_anchor(m)
        if anchor.granularity == "none":
            out[m.mention_id] = anchor
        elif anchor.granularity != "day":
            coarse.append(m)
        elif m.method == "inherited":
            inherited.append(m)
        else:
            explicit.append(m)
            out[m.mention_id] = anchor
    explicit_days = sorted({m.begin for m in explicit if m.begin})
    for m in inherited:
        assert m.begin is not None
        near = [d for d in explicit_days if m.begin - INHERITED_SLACK <= d <= m.begin]
        if m.begin in near or len(near) != 1:
            out[m.mention_id] = _day(m.begin)
        else:
            out[m.mention_id] = _day(near[0])
    days = sorted({a.begin for a in out.values() if a.granularity == "day" and a.begin})
    for m in coarse:
        assert m.begin is not None and m.until is not None
        inside = [d for d in days if m.begin <= d <= m.until]
        out[m.mention_id] = _day(inside[0]) if len(inside) == 1 else own_anchor(m)
    return out


def _day(day: dt.date) -> Anchor:
    return Anchor(day.isoformat(), day, day, "day")
