"""The Parquet layout of coded shards, and ``load_into``: shards → the store, as a local run would.

A shard folder is a Hive-partitioned Parquet dataset, one row per input, partitioned by ``event_date``:

    out/event_date=2021-12-20/part-....parquet
    out/event_date=unknown/...     coded, but no event date and no publication date
    out/event_date=failed/...      inputs that could not be read or coded (the failure report)

Columns: ``kind`` ("coded" | "failure"), ``ordinal`` (input order), the document's own fields as flat
columns (``doc_id``, ``title``, ``published``, ``published_source``, ``source``, ``url``, ``text``,
``model``, ``coder_version``, ``num_events``, ``num_quotes``), the extracted records as JSON strings
(``parts``, ``events``, ``quotes``, ``dates``, ``mentions``, ``warnings``, in ``export.plain`` form),
and ``failure_kind`` / ``failure_reason`` for failures. ``coded_from_row`` rebuilds the exact
``CodedDocument``, so loading shards stores what coding the same inputs locally stores.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import os
import time
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError
from ..export import plain
from ..ingest import Failure
from ..records import CodedDocument, Document, Event, Part
from ..runs import IngestSummary, Progress, _report_file, _store_batch, failure_recorder, unseen
from ..store import Store

#: Partition column; its values are ISO dates, ``unknown`` or ``failed``.
PARTITION = "event_date"
UNKNOWN_DATE = "unknown"
FAILED = "failed"

RECORD_COLUMNS = ("parts", "events", "quotes", "dates", "mentions", "warnings")
COLUMNS = ("kind", "ordinal", "doc_id", "title", "published", "published_source", "source", "url", "text",
           "model", "coder_version", "num_events", "num_quotes", *RECORD_COLUMNS, "failure_kind",
           "failure_reason", PARTITION)


def arrow_schema() -> Any:
    """The shards' Arrow schema (fixed, so a block whose titles are all null still writes strings)."""
    import pyarrow as pa

    ints = {"ordinal", "num_events", "num_quotes"}
    return pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in COLUMNS])


def rows_to_table(rows: list[dict[str, Any]]) -> Any:
    """Shard rows as one Arrow table in the shard schema."""
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schema())


def event_date(coded: CodedDocument) -> str:
    """The day a document's events happened: the day most of them begin on, else its publication date."""
    days = Counter(ev.date.begin for ev in coded.events if ev.date is not None)
    if days:
        top = max(days.values())
        return min(day for day, n in days.items() if n == top).isoformat()
    published = coded.document.published
    return published.isoformat() if published else UNKNOWN_DATE


def coded_row(coded: CodedDocument, ordinal: int) -> dict[str, Any]:
    """The shard row of a coded document."""
    doc = coded.document
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(kind="coded", ordinal=ordinal, doc_id=doc.doc_id, title=doc.title,
               published=doc.published.isoformat() if doc.published else None,
               published_source=doc.published_source, source=doc.source, url=doc.url, text=doc.text,
               model=coded.model, coder_version=coded.coder_version, num_events=len(coded.events),
               num_quotes=len(coded.quotes), **{PARTITION: event_date(coded)})
    row["parts"] = _json(doc.parts)
    row["events"] = _json(coded.events)
    row["quotes"] = _json(coded.quotes)
    row["dates"] = _json(coded.dates)
    row["mentions"] = _json(coded.mentions)
    row["warnings"] = json.dumps(list(coded.warnings), ensure_ascii=False)
    return row


def failure_row(failure: Failure, ordinal: int) -> dict[str, Any]:
    """The shard row of an input that was skipped."""
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(kind="failure", ordinal=ordinal, source=failure.source, failure_kind=failure.kind,
               failure_reason=failure.reason, num_events=0, num_quotes=0, **{PARTITION: FAILED})
    return row


def coded_from_row(row: dict[str, Any]) -> CodedDocument:
    """The CodedDocument a shard row was written from."""
    document = Document(doc_id=row["doc_id"], text=row["text"],
                        parts=from_plain(tuple[Part, ...], json.loads(row["parts"])), title=row["title"],
                        published=_date(row["published"]), published_source=row["published_source"],
                        source=row["source"], url=row["url"], warnings=tuple(json.loads(row["warnings"])))
    return CodedDocument(document=document, events=from_plain(tuple[Event, ...], json.loads(row["events"])),
                         quotes=from_plain(_field_type(CodedDocument, "quotes"), json.loads(row["quotes"])),
                         dates=from_plain(_field_type(CodedDocument, "dates"), json.loads(row["dates"])),
                         mentions=from_plain(_field_type(CodedDocument, "mentions"), json.loads(row["mentions"])),
                         model=row["model"], coder_version=row["coder_version"], warnings=document.warnings)


def failure_from_row(row: dict[str, Any]) -> Failure:
    """The Failure a shard row was written from."""
    return Failure(row["source"], row["failure_reason"], row["failure_kind"])


def from_plain(kind: Any, value: Any) -> Any:
    """Rebuild a value of type ``kind`` (record, enum, date, tuple, optional) from its ``plain`` form."""
    return converter(kind)(value)


def _same(value: Any) -> Any:
    return value


def _or_none(build: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``build`` for a value, None for None (every field may be optional)."""
    return lambda v: None if v is None else build(v)


@cache
def converter(kind: Any) -> Callable[[Any], Any]:
    """The function that rebuilds values of type ``kind`` from their ``plain`` form (None stays None).

    Built once per type: walking the type hints for every value cost two thirds of ``load``'s time.
    """
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return converter(options[0])  # records' unions are all "X | None"
    if origin is tuple:
        item = converter(typing.get_args(kind)[0])
        return _or_none(tuple if item is _same else lambda v: tuple([item(x) for x in v]))
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        record: Any = kind
        fields = {name: converter(hint) for name, hint in _hints(kind).items()}
        return _or_none(lambda v: record(**{name: fields[name](x) for name, x in v.items()}))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _or_none(kind)
    if kind is dt.date:
        return _or_none(dt.date.fromisoformat)
    if kind is float:
        return _or_none(float)
    return _same


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _field_type(cls: type, name: str) -> Any:
    return _hints(cls)[name]


def _json(records: Iterable[Any]) -> str:
    return json.dumps([plain(r) for r in records], ensure_ascii=False)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# -- reading shards into a store --------------------------------------------------------------------

#: Documents ``load`` stores per transaction. The store's per-batch work (dedup over the touched
#: groups, the event rebuild) is mostly per statement, so large batches load faster: 1,200 gigaword
#: stories took 1.61 s in batches of 64, 1.15 s in 256, 1.01 s in 1,024 (a batch is ~10 MB of rows).
LOAD_BATCH = 1000
#: DuckDB's scan of a shard folder, its glob (``shard_glob``) as the one parameter.
SHARD_SCAN = "read_parquet(?, hive_partitioning = true, union_by_name = true)"


def shard_glob(path: str | os.PathLike[str]) -> str:
    """The glob of a shard folder's Parquet files (or the path of one Parquet file)."""
    root = Path(path)
    return str(root / "**" / "*.parquet") if root.is_dir() else str(root)


def read_shards(path: str | os.PathLike[str], batch_size: int = 64) -> Iterator[list[dict[str, Any]]]:
    """The rows of a shard folder (or one Parquet file), in input order, ``batch_size`` at a time."""
    import duckdb  # DuckDB reads the Hive layout itself: loading needs no pyarrow and no Ray

    root = Path(path)
    if not root.exists():
        raise InputError(str(root), "no such Parquet shard folder; give the --out folder of an "
                                    "`ingest --engine ray` run")
    con = duckdb.connect()
    try:
        # Input order is the order a local run stores documents in, which decides ties such as an
        # event's first document; DuckDB sorts out of core and streams the rows.
        cur = con.execute(f"SELECT * EXCLUDE ({PARTITION}) FROM {SHARD_SCAN} ORDER BY ordinal", [shard_glob(root)])
    except duckdb.Error as exc:
        con.close()
        raise InputError(str(root), f"not a folder of eventwire Parquet shards ({_first_line(exc)}); give "
                                    "the --out folder of an `ingest --engine ray` run") from None
    try:
        names = [d[0] for d in cur.description or ()]
        missing = set(COLUMNS) - {PARTITION} - set(names)
        if missing:
            raise InputError(str(root), f"Parquet without the shard columns {sorted(missing)}: not written by "
                                        "`eventwire ingest --engine ray`")
        while chunk := cur.fetchmany(batch_size):
            yield [dict(zip(names, r, strict=True)) for r in chunk]
    finally:
        con.close()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def load_into(store: Store, path: str | os.PathLike[str], batch_size: int = LOAD_BATCH,
              report: str | os.PathLike[str] | TextIO | None = None,
              progress: Progress | None = None) -> IngestSummary:
    """Merge a shard folder into ``store``: stored doc_ids skipped, each batch in one transaction."""
    summary = IngestSummary()
    seen: set[str] = set()
    with _report_file(report) as out:
        fail = failure_recorder(summary, out)
        for rows in read_shards(path, batch_size):
            for row in rows:
                if row["kind"] == "failure":
                    fail(failure_from_row(row))
            coded = [row for row in rows if row["kind"] != "failure"]
            summary.read += len(coded)
            fresh = unseen([row["doc_id"] for row in coded], store, seen, summary)
            new = [coded_from_row(row) for row, keep in zip(coded, fresh, strict=True) if keep]
            summary.coded += len(new)
            summary.events += sum(len(c.events) for c in new)
            summary.quotes += sum(len(c.quotes) for c in new)
            if new:
                summary.stored += _store_batch(store, new, fail)
            summary.seconds = time.monotonic() - summary.started
            if progress is not None:
                progress(summary)
    summary.seconds = time.monotonic() - summary.started
    return summary


__all__ = ["COLUMNS", "FAILED", "LOAD_BATCH", "PARTITION", "SHARD_SCAN", "UNKNOWN_DATE", "arrow_schema",
           "coded_from_row", "coded_row", "converter", "event_date", "failure_from_row", "failure_row", "from_plain",
           "load_into", "read_shards", "rows_to_table", "shard_glob"]
