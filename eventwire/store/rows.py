"""Coded documents → column lists for the store's bulk inserts (no SQL here; schema.py owns that)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from ..records import CodedDocument, Event, Mention, Quote
from . import dedup, schema

Columns = dict[str, list[Any]]


def empty(columns: Sequence[str]) -> Columns:
    """One empty list per column."""
    return {c: [] for c in columns}


_RECORD_SUFFIX = re.compile(r"(?:#[^#/]*|:\d+)$")


def outlet(url: str | None, source: str | None, doc_id: str) -> str:
    """The outlet a story counts under for num_sources: the URL host without www., else its source.

    A record of a corpus file (``corpus.jsonl#id``, ``corpus.jsonl:12``, ``feed.xml#3``) counts under
    the file: its records are one collection, not one outlet each.
    """
    for candidate in (url, source):
        if candidate and candidate.startswith(("http://", "https://")):
            host = urlsplit(candidate).hostname or ""
            if host:
                return host.removeprefix("www.")
    if source:
        return _RECORD_SUFFIX.sub("", source) or source
    return doc_id


def quote_id(doc_id: str, q: Quote) -> str:
    """A stable id for a quote: its document and character span."""
    return hashlib.sha1(f"{doc_id}\x1f{q.start}\x1f{q.end}".encode()).hexdigest()[:16]


def dated(doc_id: str, ev: Event) -> dedup.Dated:
    """The dedup view of one event."""
    d = ev.date
    group = (ev.source.actor.code, ev.target.actor.code if ev.target else "", ev.cameo,
             dedup.modality(ev.negated, ev.hypothetical, ev.future))
    return dedup.Dated(ev.event_id, doc_id, group, d.value if d else None, d.begin if d else None,
                       d.until if d else None, d.granularity if d else None, d.method if d else None)


class Batch:
    """Rows of several documents, column by column, ready for one transaction."""

    def __init__(self) -> None:
        self.documents = empty(schema.DOCUMENT_COLUMNS)
        self._row_ids: set[str] = set()  # mention and quote ids added so far
        self.mentions = empty(schema.MENTION_COLUMNS)
        self.quotes = empty(schema.QUOTE_COLUMNS)
        self._actors: dict[str, dict[str, Any]] = {}
        self.groups: set[dedup.Group] = set()
        self.doc_ids: list[str] = []

    def add(self, coded: CodedDocument, ingested_at: dt.datetime) -> None:
        """Append one coded document's rows."""
        doc = coded.document
        self.doc_ids.append(doc.doc_id)
        _append(self.documents, doc_id=doc.doc_id, title=doc.title, published=_iso(doc.published),
                published_source=doc.published_source, source=doc.source, url=doc.url,
                outlet=outlet(doc.url, doc.source, doc.doc_id), model=coded.model,
                coder_version=coded.coder_version, ingested_at=ingested_at.isoformat(sep=" "),
                num_events=len(coded.events), text=doc.text)
        for ev in coded.events:
            self._add_event(doc.doc_id, ev)
        for q in coded.quotes:
            self._add_quote(doc.doc_id, q)
        seen = doc.published or ingested_at.date()
        for m in _actor_mentions(coded):
            self._add_actor(m, seen)

    def actors(self) -> Columns:
        """Actor rows, one per code (duplicates within the batch folded, as ON CONFLICT needs)."""
        cols = empty(schema.ACTOR_COLUMNS)
        for code in sorted(self._actors):
            _append(cols, **self._actors[code])
        return cols

    def _add_event(self, doc_id: str, ev: Event) -> None:
        # An id twice in one document (a coder reading one span twice) is one row, not a failed write.
        if ev.event_id in self._row_ids:
            return
        self._row_ids.add(ev.event_id)
        info = dated(doc_id, ev)
        self.groups.add(info.group)
        anchor = dedup.own_anchor(info)  # provisional; the store re-anchors the whole group afterwards
        d, e, t = ev.date, ev.evidence, ev.target
        _append(self.mentions, mention_id=ev.event_id, event_key=dedup.event_key(info.group, anchor),
                doc_id=doc_id, sent=e.sent, sentence=e.sentence, sentence_start=e.sentence_start,
                sentence_end=e.sentence_end, trigger=e.trigger, trigger_start=e.trigger_start,
                trigger_end=e.trigger_end, part=e.part.value, role=e.role,
                source=ev.source.actor.code, source_text=ev.source.text, source_start=ev.source.start,
                source_end=ev.source.end, target=t.actor.code if t else None,
                target_text=t.text if t else None,
                target_start=t.start if t else None, target_end=t.end if t else None,
                speaker=ev.speaker.actor.code if ev.speaker else None,
                speaker_text=ev.speaker.text if ev.speaker else None,
                cameo=ev.cameo, cameo_name=ev.cameo_name, root=ev.root, quad_class=ev.quad_class,
                goldstein=ev.goldstein, plover=ev.plover, plover_mode=ev.plover_mode,
                plover_context=ev.plover_context, modality=info.group[3],
                date_text=d.text if d else None, date_value=d.value if d else None,
                date_begin=_iso(d.begin) if d else None, date_until=_iso(d.until) if d else None,
                date_granularity=d.granularity if d else None, date_method=d.method if d else None,
                anchor=anchor.value, anchor_begin=_iso(anchor.begin), anchor_until=_iso(anchor.until),
                anchor_granularity=anchor.granularity, confidence=float(ev.confidence),
                negated=ev.negated, future=ev.future, hypothetical=ev.hypothetical,
                from_caption=ev.from_caption, place=ev.place, rule=ev.rule)

    def _add_quote(self, doc_id: str, q: Quote) -> None:
        qid = quote_id(doc_id, q)
        if qid in self._row_ids:
            return
        self._row_ids.add(qid)
        sp = q.speaker
        _append(self.quotes, quote_id=qid, doc_id=doc_id, sent=q.sent, start_offset=q.start,
                end_offset=q.end, text=q.text, direct=q.direct, speaker_text=q.speaker_text,
                speaker_code=sp.actor.code if sp else None, speaker_name=sp.actor.name if sp else None,
                cue=q.cue, part=q.part.value, event_ids=list(q.event_ids))

    def _add_actor(self, m: Mention, seen: dt.date) -> None:
        for actor in (m.actor, *m.also):
            row = self._actors.get(actor.code)
            if row is None:
                self._actors[actor.code] = {"code": actor.code, "name": actor.name, "country": actor.country,
                                            "sector": actor.sector, "first_seen": seen.isoformat(),
                                            "last_seen": seen.isoformat(), "num_mentions": 1}
                continue
            row["name"] = row["name"] or actor.name
            row["country"] = row["country"] or actor.country
            row["sector"] = row["sector"] or actor.sector
            row["first_seen"] = min(row["first_seen"], seen.isoformat())
            row["last_seen"] = max(row["last_seen"], seen.isoformat())
            row["num_mentions"] += 1


def _actor_mentions(coded: CodedDocument) -> Iterable[Mention]:
    """Every actor mention of a document once: its mentions plus event/quote actors the list may lack."""
    seen: set[tuple[int, int, str]] = set()
    extra = [m for ev in coded.events for m in (ev.source, ev.target, ev.speaker) if m is not None]
    extra += [q.speaker for q in coded.quotes if q.speaker is not None]
    for m in (*coded.mentions, *extra):
        key = (m.start, m.end, m.actor.code)
        if key not in seen:
            seen.add(key)
            yield m


def _append(cols: Columns, **values: Any) -> None:
    for name, column in cols.items():
        column.append(values[name])


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
