"""Event and quote filters → parameterized SQL: the WHERE clauses the store runs (store.events, quotes).

    f = EventFilter(actor="RUS", since="2021-12-01", root=("17", "18"), min_confidence=0.5)
    store.events(f)                                   # or store.events(actor="RUS", ...)

Filters run against the ``event_mentions`` view (alias ``m``): an event matches when at least one of
its mentions satisfies every condition. Actor codes match by prefix: RUS matches RUSGOV and RUSMIL.
Dates match by overlap: an event dated "2021-W50" matches since=2021-12-15. The SQL belongs to the
store, so the store needs nothing from ``eventwire.query`` (which re-exports these for callers).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..errors import ConfigError

DateLike = str | dt.date | None


@dataclasses.dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field is optional and fields combine with AND."""

    actor: str | None = None  # source or target code prefix
    source: str | None = None  # source code prefix
    target: str | None = None  # target code prefix
    since: DateLike = None  # event date overlaps [since, until]
    until: DateLike = None
    root: str | tuple[str, ...] | None = None  # CAMEO root(s): "14" or ("18", "19")
    quad_class: int | tuple[int, ...] | None = None
    cameo: str | None = None  # CAMEO code prefix: "04" matches 040..046, "036" only 036
    plover: str | None = None  # PLOVER category: ASSAULT
    min_confidence: float | None = None
    include_captions: bool = False  # events read only in photo captions are left out by default
    asserted_only: bool = False  # leave out negated, hypothetical and future events
    text: str | None = None  # words in the sentence (case-insensitive)
    doc_id: str | None = None
    limit: int | None = 100
    offset: int = 0

    def replace(self, **changes: Any) -> EventFilter:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def page(self) -> list[int]:
        """The LIMIT and OFFSET parameters."""
        if self.limit is not None and self.limit < 0 or self.offset < 0:
            raise ConfigError(f"limit and offset must not be negative (limit={self.limit}, "
                              f"offset={self.offset})")
        return [self.limit if self.limit is not None else 2**62, self.offset]

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE fragment over event_mentions (alias m) and its parameters."""
        parts: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            parts.append(sql)
            params.extend(values)

        if self.actor:
            code = actor_code(self.actor, "actor")
            add("(starts_with(m.source, ?) OR starts_with(coalesce(m.target, ''), ?))", code, code)
        if self.source:
            add("starts_with(m.source, ?)", actor_code(self.source, "source"))
        if self.target:
            add("starts_with(coalesce(m.target, ''), ?)", actor_code(self.target, "target"))
        since, until = as_date(self.since, "since"), as_date(self.until, "until")
        if since and until and since > until:
            raise ConfigError(f"since ({since}) is after until ({until}): swap them")
        if since:
            add("m.anchor_until >= ?", since)
        if until:
            add("m.anchor_begin <= ?", until)
        if self.root:
            roots = [self.root] if isinstance(self.root, str) else list(self.root)
            add(f"m.root IN ({', '.join('?' * len(roots))})", *(root_code(r) for r in roots))
        if self.quad_class:
            quads = [self.quad_class] if isinstance(self.quad_class, int) else list(self.quad_class)
            if any(q not in (1, 2, 3, 4) for q in quads):
                raise ConfigError(f"quad_class must be 1, 2, 3 or 4, not {self.quad_class!r}")
            add(f"m.quad_class IN ({', '.join('?' * len(quads))})", *quads)
        if self.cameo:
            add("starts_with(m.cameo, ?)", self.cameo.strip())
        if self.plover:
            add("m.plover = ?", self.plover.strip().upper())
        if self.min_confidence is not None:
            if not 0 <= self.min_confidence <= 1:
                raise ConfigError(f"min_confidence must be between 0 and 1, not {self.min_confidence}")
            add("m.confidence >= ?", float(self.min_confidence))
        if not self.include_captions:
            add("NOT m.from_caption AND m.part <> 'caption'")
        if self.asserted_only:
            add("m.modality = 'asserted'")
        if self.text:
            add(r"m.sentence ILIKE ? ESCAPE '\'", f"%{_escape_like(self.text)}%")
        if self.doc_id:
            add("m.doc_id = ?", self.doc_id)
        return (" AND ".join(parts) or "TRUE"), params


def as_filter(value: EventFilter | Mapping[str, Any] | None, fields: Mapping[str, Any]) -> EventFilter:
    """An EventFilter from a filter, a dict of its fields, or keyword arguments (fields override)."""
    names = {f.name for f in dataclasses.fields(EventFilter)}
    unknown = sorted(set(fields) - names)
    if unknown:
        raise ConfigError(f"unknown event filter {', '.join(unknown)}: use {', '.join(sorted(names))}")
    if value is None:
        return EventFilter(**fields)
    if isinstance(value, EventFilter):
        return value.replace(**fields) if fields else value
    return as_filter(None, {**value, **fields})


def quote_where(speaker: str | None = None, doc_id: str | None = None, text: str | None = None,
                since: DateLike = None, until: DateLike = None,
                direct: bool | None = None) -> tuple[str, list[Any]]:
    """A WHERE fragment over quotes q joined with documents d; dates are publication dates."""
    parts: list[str] = []
    params: list[Any] = []
    if speaker:
        parts.append(r"(starts_with(coalesce(q.speaker_code, ''), ?) OR q.speaker_text ILIKE ? ESCAPE '\'"
                     r" OR q.speaker_name ILIKE ? ESCAPE '\')")
        like = f"%{_escape_like(speaker.strip())}%"
        params += [speaker.strip().upper(), like, like]
    if doc_id:
        parts.append("q.doc_id = ?")
        params.append(doc_id)
    if text:
        parts.append(r"q.text ILIKE ? ESCAPE '\'")
        params.append(f"%{_escape_like(text)}%")
    if (d := as_date(since, "since")) is not None:
        parts.append("d.published >= ?")
        params.append(d)
    if (d := as_date(until, "until")) is not None:
        parts.append("d.published <= ?")
        params.append(d)
    if direct is not None:
        parts.append("q.direct = ?")
        params.append(direct)
    return (" AND ".join(parts) or "TRUE"), params


def as_date(value: DateLike, name: str = "date") -> dt.date | None:
    """A date from a date or an ISO string; ConfigError naming the option otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{name} {value!r} is not a date: use YYYY-MM-DD") from None


def actor_code(value: str, name: str) -> str:
    """An actor code prefix in upper case ("rus" -> "RUS"); ConfigError naming the option otherwise."""
    code = value.strip().upper()
    if not code.isalnum():
        raise ConfigError(f"{name} {value!r} is not an actor code: use letters like RUS or RUSGOV")
    return code


def root_code(value: str | int) -> str:
    """A CAMEO root as two digits ("4" -> "04"); ConfigError naming the value otherwise."""
    text = str(value).strip()
    # isascii: str.isdigit() accepts "²", which int() then refuses
    root = f"{int(text):02d}" if text.isascii() and text.isdigit() else ""
    if not root or not 1 <= int(root) <= 20:
        raise ConfigError(f"root {value!r} is not a CAMEO root: use 01 to 20")
    return root


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = ["DateLike", "EventFilter", "actor_code", "as_date", "as_filter", "quote_where", "root_code"]
