"""Filters → parameterized SQL, shared by the CLI, the HTTP API and the daily brief.

    f = EventFilter(actor="RUS", since="2021-12-01", root=("17", "18"), min_confidence=0.5)
    store.events(f)                                   # or store.events(actor="RUS", ...)
    dyad_timeline(store, "RUS", "UKR", freq="week")
    actor_network(store, since="2021-12-01")

Filters run against the ``event_mentions`` view (alias ``m``): an event matches when at least one of
its mentions satisfies every condition. Actor codes match by prefix: RUS matches RUSGOV and RUSMIL.
Dates match by overlap: an event dated "2021-W50" matches since=2021-12-15.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .store import schema

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

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
            code = _code(self.actor, "actor")
            add("(starts_with(m.source, ?) OR starts_with(coalesce(m.target, ''), ?))", code, code)
        if self.source:
            add("starts_with(m.source, ?)", _code(self.source, "source"))
        if self.target:
            add("starts_with(coalesce(m.target, ''), ?)", _code(self.target, "target"))
        since, until = as_date(self.since, "since"), as_date(self.until, "until")
        if since and until and since > until:
            raise ConfigError(f"since ({since}) is after until ({until}): swap them")
        if since:
            add("m.anchor_until >= ?", since)
        if until:
            add("m.anchor_begin <= ?", until)
        if self.root:
            roots = [self.root] if isinstance(self.root, str) else list(self.root)
            add(f"m.root IN ({', '.join('?' * len(roots))})", *(_root(r) for r in roots))
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


def dyad_timeline(store: Store, a: str, b: str, since: DateLike = None, until: DateLike = None,
                  freq: str = "day", directed: bool = False, fill: bool = True) -> list[dict[str, Any]]:
    """Events between actors ``a`` and ``b`` (code prefixes) per period: counts by quad class, mean Goldstein.

    Both directions count unless ``directed``; with ``fill`` the periods without events appear with zeros.
    """
    if freq not in ("day", "week", "month"):
        raise ConfigError(f"freq must be day, week or month, not {freq!r}")
    a, b = _code(a, "a"), _code(b, "b")
    pair = "(starts_with(e.source, ?) AND starts_with(coalesce(e.target, ''), ?))"
    params: list[Any] = [a, b] if directed else [a, b, b, a]
    where = pair if directed else f"({pair} OR {pair})"
    start, end = as_date(since, "since"), as_date(until, "until")
    if start:
        where += " AND e.date_until >= ?"
        params.append(start)
    if end:
        where += " AND e.date_begin <= ?"
        params.append(end)
    rows = store.rows(schema.dyad_timeline(where, freq), params)
    for r in rows:
        r["goldstein"] = round(r["goldstein"], 3) if r["goldstein"] is not None else None
    return _fill_periods(rows, freq, start, end) if fill else rows


def actor_network(store: Store, since: DateLike = None, until: DateLike = None, min_count: int = 1,
                  root: str | tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Directed edges (source, target, count, mean goldstein) between actor codes, busiest first."""
    parts: list[str] = ["TRUE"]
    params: list[Any] = []
    if (d := as_date(since, "since")) is not None:
        parts.append("e.date_until >= ?")
        params.append(d)
    if (d := as_date(until, "until")) is not None:
        parts.append("e.date_begin <= ?")
        params.append(d)
    if root:
        roots = [root] if isinstance(root, str) else list(root)
        parts.append(f"e.root IN ({', '.join('?' * len(roots))})")
        params += [_root(r) for r in roots]
    rows = store.rows(schema.actor_network(" AND ".join(parts)), [*params, min_count])
    for r in rows:
        r["goldstein"] = round(r["goldstein"], 3) if r["goldstein"] is not None else None
    return rows


def actor_list(store: Store, prefix: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Known actors (optionally those whose code starts with ``prefix``), most mentioned first."""
    where, params = "TRUE", []
    if prefix:
        where, params = "starts_with(a.code, ?)", [_code(prefix, "prefix")]
    return store.rows(f"SELECT a.code, a.name, a.country, a.sector, a.first_seen, a.last_seen, a.num_mentions"
                      f" FROM actors a WHERE {where} ORDER BY a.num_mentions DESC, a.code LIMIT ?",
                      [*params, max(0, int(limit))])


def document_evidence(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One stored document with its text and the character spans of every event and quote read in it."""
    docs = store.rows("SELECT doc_id, title, published, source, url, outlet, num_events, text"
                      " FROM documents WHERE doc_id = ?", [doc_id])
    if not docs:
        return None
    doc = docs[0]
    doc["mentions"] = store.rows(
        "SELECT mention_id, event_key, sent, sentence, sentence_start, sentence_end, trigger, trigger_start,"
        " trigger_end, source, source_text, source_start, source_end, target, target_text, target_start,"
        " target_end, cameo, cameo_name, quad_class, goldstein, plover, modality, part, date_value, confidence"
        " FROM mentions WHERE doc_id = ? ORDER BY sentence_start, trigger_start, mention_id", [doc_id])
    doc["quotes"] = store.rows(
        "SELECT quote_id, sent, start_offset, end_offset, text, direct, speaker_text, speaker_code, cue"
        " FROM quotes WHERE doc_id = ? ORDER BY start_offset", [doc_id])
    return doc


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


def _code(value: str, name: str) -> str:
    code = value.strip().upper()
    if not code.isalnum():
        raise ConfigError(f"{name} {value!r} is not an actor code: use letters like RUS or RUSGOV")
    return code


def _root(value: str | int) -> str:
    text = str(value).strip()
    # isascii: str.isdigit() accepts "²", which int() then refuses
    root = f"{int(text):02d}" if text.isascii() and text.isdigit() else ""
    if not root or not 1 <= int(root) <= 20:
        raise ConfigError(f"root {value!r} is not a CAMEO root: use 01 to 20")
    return root


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fill_periods(rows: list[dict[str, Any]], freq: str, start: dt.date | None,
                  end: dt.date | None) -> list[dict[str, Any]]:
    """Add zero rows for the periods between the first and last (or since/until) without events."""
    by_period = {r["period"]: r for r in rows}
    first = _trunc(start, freq) if start else (min(by_period) if by_period else None)
    last = _trunc(end, freq) if end else (max(by_period) if by_period else None)
    if first is None or last is None:
        return rows
    out, period = [], first
    while period <= last:
        empty = {"period": period, "events": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "goldstein": None,
                 "mentions": 0}
        out.append(by_period.get(period) or empty)
        try:
            period = _next(period, freq)
        except OverflowError:  # the last period of year 9999 has no next
            break
    return out


def _trunc(day: dt.date, freq: str) -> dt.date:
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    return day


def _next(period: dt.date, freq: str) -> dt.date:
    if freq == "week":
        return period + dt.timedelta(days=7)
    if freq == "month":
        return (period.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return period + dt.timedelta(days=1)


__all__ = ["EventFilter", "actor_list", "actor_network", "as_date", "as_filter", "document_evidence", "dyad_timeline",
           "quote_where"]
