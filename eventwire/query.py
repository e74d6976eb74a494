"""Analyst queries over a store, shared by the CLI, the HTTP API and the daily brief.

    dyad_timeline(store, "RUS", "UKR", freq="week")
    actor_network(store, since="2021-12-01")
    store.events(EventFilter(actor="RUS", since="2021-12-01", root=("17", "18")))

The filters themselves (EventFilter, quote_where: SQL the store runs) live in ``store.filters`` and
are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .store import schema
from .store.filters import DateLike, EventFilter, actor_code, as_date, as_filter, quote_where, root_code

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store


def dyad_timeline(store: Store, a: str, b: str, since: DateLike = None, until: DateLike = None,
                  freq: str = "day", directed: bool = False, fill: bool = True) -> list[dict[str, Any]]:
    """Events between actors ``a`` and ``b`` (code prefixes) per period: counts by quad class, mean Goldstein.

    Both directions count unless ``directed``; with ``fill`` the periods without events appear with zeros.
    """
    if freq not in ("day", "week", "month"):
        raise ConfigError(f"freq must be day, week or month, not {freq!r}")
    a, b = actor_code(a, "a"), actor_code(b, "b")
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
        params += [root_code(r) for r in roots]
    rows = store.rows(schema.actor_network(" AND ".join(parts)), [*params, min_count])
    for r in rows:
        r["goldstein"] = round(r["goldstein"], 3) if r["goldstein"] is not None else None
    return rows


def actor_list(store: Store, prefix: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Known actors (optionally those whose code starts with ``prefix``), most mentioned first."""
    where, params = "TRUE", []
    if prefix:
        where, params = "starts_with(a.code, ?)", [actor_code(prefix, "prefix")]
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
