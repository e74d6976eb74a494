"""The embedded event store: coded documents in, deduplicated events, quotes and actors out (DuckDB).

    with Store("events.duckdb") as store:
        store.add_many(eventwire.code_documents(docs))
        store.events(actor="RUS", since="2021-12-01", root=("17", "18"))

Every document is written whole in one transaction or not at all; re-adding a stored doc_id changes
nothing. Deduplication across documents follows store/dedup.py.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from types import TracebackType
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import CodedDocument
from ..version import __version__
from . import dedup, schema
from .filters import as_filter, quote_where
from .rows import Batch, Columns

MEMORY = ":memory:"


class Store:
    """An eventwire event store in one DuckDB file (or in memory)."""

    def __init__(self, path: str | os.PathLike[str] = MEMORY, read_only: bool = False) -> None:
        self.path = os.fspath(path)
        self.read_only = read_only
        self._con = _connect(self.path, read_only)
        try:
            self._prepare()
        except BaseException:
            self._con.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the database file (further calls fail)."""
        self._con.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for pandas/polars/SQL users (``store.connection.sql("...").df()``)."""
        return self._con

    # -- writing -----------------------------------------------------------------------------------

    def add(self, coded: CodedDocument) -> bool:
        """Store one coded document whole; False when its doc_id was already stored (nothing changes)."""
        return self._write([coded]) == 1

    def add_many(self, coded: Iterable[CodedDocument], batch: int = 200) -> int:
        """Store many coded documents, ``batch`` per transaction; returns how many were new.

        If a batch fails, it is rolled back and retried one document per transaction, so the good
        documents land and the StoreError names the document that could not be written.
        """
        if batch < 1:
            raise StoreError(f"batch size must be at least 1, not {batch}")
        added = 0
        it = iter(coded)
        while chunk := list(islice(it, batch)):
            try:
                added += self._write(chunk)
            except StoreError:
                if len(chunk) == 1:
                    raise
                for one in chunk:
                    added += self._write([one])
        return added

    def _write(self, coded: list[CodedDocument]) -> int:
        """Write documents in one transaction; returns how many were new."""
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only: "
                             "open it with read_only=False to add documents")
        ids = [c.document.doc_id for c in coded]
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            stored = {r[0] for r in con.execute(schema.EXISTING_DOCUMENTS, {"ids": ids}).fetchall()}
            batch, now = Batch(), dt.datetime.now(dt.UTC).replace(tzinfo=None)
            for c in coded:
                if c.document.doc_id not in stored:
                    stored.add(c.document.doc_id)  # a doc_id twice in one batch is stored once
                    batch.add(c, now)
            if batch.doc_ids:
                self._insert(batch)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            which = ids[0] if len(ids) == 1 else f"a batch of {len(ids)} documents ({ids[0]} ...)"
            raise StoreError(f"{self.path}: could not store {which}: {_first_line(exc)}") from exc
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return len(batch.doc_ids)

    def _insert(self, batch: Batch) -> None:
        con = self._con
        con.execute(schema.INSERT_DOCUMENTS, batch.documents)
        if batch.mentions["mention_id"]:
            con.execute(schema.INSERT_MENTIONS, batch.mentions)
        if batch.quotes["quote_id"]:
            con.execute(schema.INSERT_QUOTES, batch.quotes)
        actors = batch.actors()
        if actors["code"]:
            con.execute(schema.UPSERT_ACTORS, actors)
        if batch.groups:
            self._reanchor(batch.groups, set(batch.mentions["event_key"]))

    def _reanchor(self, groups: set[dedup.Group], touched: set[str]) -> None:
        """Re-run dedup over every mention of the touched groups, then rebuild the events they fall in."""
        g = sorted(groups)
        params = {name: [x[i] for x in g] for i, name in enumerate(("s", "t", "c", "mo"))}
        rows = self._con.execute(schema.GROUP_MENTIONS, params).fetchall()
        current = {r[0]: r[11] for r in rows}
        anchors = dedup.assign_anchors(
            dedup.Dated(r[0], r[1], (r[2], r[3], r[4], r[5]), r[6], r[7], r[8], r[9], r[10]) for r in rows)
        groups_of = {r[0]: (r[2], r[3], r[4], r[5]) for r in rows}
        rekey: Columns = {k: [] for k in ("mention_id", "event_key", "anchor", "anchor_begin", "anchor_until",
                                          "anchor_granularity")}
        keys = set(touched)
        for mention_id, anchor in sorted(anchors.items()):
            key = dedup.event_key(groups_of[mention_id], anchor)
            if key != current[mention_id]:
                keys.update((key, current[mention_id]))
                values = (mention_id, key, anchor.value, _iso(anchor.begin), _iso(anchor.until),
                          anchor.granularity)
                for column, value in zip(rekey.values(), values, strict=True):
                    column.append(value)
        if rekey["mention_id"]:
            self._con.execute(schema.REKEY_MENTIONS, rekey)
        self._con.execute(schema.DELETE_EVENTS, {"keys": sorted(keys)})
        self._con.execute(schema.REBUILD_EVENTS, {"keys": sorted(keys)})

    # -- reading -----------------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        """Whether a document with this doc_id is stored."""
        return bool(self._con.execute(schema.HAS_DOCUMENT, [doc_id]).fetchall())

    def stored(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of these doc_ids are stored (one query: a run asks this of every document it reads)."""
        if not doc_ids:
            return set()
        return {r[0] for r in self._con.execute(schema.EXISTING_DOCUMENTS, {"ids": list(doc_ids)}).fetchall()}

    def events(self, filter: Any = None, **filters: Any) -> list[dict[str, Any]]:
        """Deduplicated events with a mention matching the filter (an EventFilter or its fields)."""
        f = as_filter(filter, filters)
        where, params = f.where()
        return self.rows(schema.select_events(where), [*params, *f.page()])

    def mentions(self, filter: Any = None, **filters: Any) -> list[dict[str, Any]]:
        """Mention rows (one per sentence an event was read in) matching the filter."""
        f = as_filter(filter, filters)
        where, params = f.where()
        return self.rows(schema.select_mentions(where), [*params, *f.page()])

    def quotes(self, speaker: str | None = None, doc_id: str | None = None, text: str | None = None,
               since: str | dt.date | None = None, until: str | dt.date | None = None,
               direct: bool | None = None, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes, optionally by speaker (code prefix or words of its text), document, words, dates."""
        where, params = quote_where(speaker=speaker, doc_id=doc_id, text=text, since=since, until=until,
                                    direct=direct)
        return self.rows(schema.select_quotes(where), [*params, _limit(limit), offset])

    def documents(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stored documents (without their text), oldest publication first."""
        return self.rows(schema.SELECT_DOCUMENTS, [_limit(limit), offset])

    def count(self, table: str = "events") -> int:
        """Rows in one table: documents, mentions, events, actors, quotes or meta."""
        if table not in schema.TABLES:
            raise StoreError(f"no table {table!r} in the store: use one of {', '.join(schema.TABLES)}")
        rows = self._con.execute(schema.count_rows(table)).fetchall()
        row = rows[0] if rows else None
        return int(row[0]) if row else 0

    def stats(self, top: int = 20) -> dict[str, Any]:
        """Table counts, events by day and by CAMEO root, and the ``top`` busiest dyads."""
        return {
            "counts": {t: self.count(t) for t in schema.TABLES if t != "meta"},
            "by_day": self.rows(schema.STATS_BY_DAY),
            "by_root": self.rows(schema.STATS_BY_ROOT),
            "by_dyad": self.rows(schema.STATS_BY_DYAD, [top]),
        }

    def rows(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        """Run a read query with parameters and return rows as dicts (used by query.py and exports)."""
        try:
            cur = self._con.execute(sql, params) if params is not None else self._con.execute(sql)
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed: {_first_line(exc)}") from exc

    def relation(self, sql: str, params: Any = None) -> duckdb.DuckDBPyRelation:
        """A lazy DuckDB relation over a read query (for Parquet/CSV writing without Python rows)."""
        return self._con.sql(sql, params=params)

    def iter_events(self, filter: Any = None, page: int = 5000, **filters: Any) -> Iterator[dict[str, Any]]:
        """All matching events, fetched ``page`` rows at a time (exports of large stores)."""
        f = as_filter(filter, filters)
        offset, remaining = f.offset, f.limit
        while remaining is None or remaining > 0:
            size = page if remaining is None else min(page, remaining)
            chunk = self.events(f.replace(limit=size, offset=offset))
            yield from chunk
            if len(chunk) < size:
                return
            offset += size
            remaining = None if remaining is None else remaining - size

    # -- opening -----------------------------------------------------------------------------------

    def _prepare(self) -> None:
        tables = {r[0] for r in self._con.execute(schema.LIST_TABLES).fetchall()}
        if "meta" in tables:
            rows = self._con.execute(schema.READ_VERSION).fetchall()  # fetchall: no unfinished result left
            row = rows[0] if rows else None
            found = row[0] if row else None
            if found != schema.SCHEMA_VERSION:
                raise StoreError(f"{self.path} has store schema version {found}, this eventwire reads "
                                 f"version {schema.SCHEMA_VERSION}: re-code into a new store file")
            return
        if tables:
            raise StoreError(f"{self.path} is a DuckDB database but not an eventwire store "
                             f"(it has tables {', '.join(sorted(tables))}): choose another path")
        if self.read_only:
            raise StoreError(f"{self.path} is empty, not an eventwire store: "
                             "open it writable once to create it")
        self._con.execute("BEGIN TRANSACTION")
        for ddl in schema.DDL:
            self._con.execute(ddl)
        self._con.execute(schema.WRITE_META, ["schema_version", schema.SCHEMA_VERSION])
        self._con.execute(schema.WRITE_META, ["created_by", f"eventwire {__version__}"])
        self._con.execute("COMMIT")


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the file, turning DuckDB's I/O errors into messages a user can act on."""
    name = os.path.basename(path) or path
    if path != MEMORY and read_only and not os.path.exists(path):
        raise StoreError(f"{path}: no such store: check the path, or open it writable to create it")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            from .lease import describe

            if served := describe(path):  # a server holds it: say where, since writes go through it
                raise StoreError(f"{name} is open in another process: {served}") from None
            raise StoreError(f"{name} is open in another eventwire process (is `eventwire serve` running?): "
                             f"{path}") from None
        if "not a valid DuckDB database" in msg:
            raise StoreError(f"{path} is not an eventwire store (not a DuckDB database file): "
                             "choose another path") from None
        raise StoreError(f"{path}: cannot open the store: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _limit(limit: int | None) -> int:
    # DuckDB's LIMIT needs a number; "no limit" is the largest BIGINT.
    return limit if limit is not None else 2**62
