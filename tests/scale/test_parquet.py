"""Shard rows rebuild the exact coded records; loading shards stores what a local run stores, once."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.ingest import Failure, read_sources
from eventwire.records import CodedDocument, Document
from eventwire.runs import code_batch, ingest_into
from eventwire.scale.parquet import (
    COLUMNS,
    FAILED,
    PARTITION,
    coded_from_row,
    coded_row,
    event_date,
    failure_from_row,
    failure_row,
    load_into,
)
from eventwire.scale.ray import shard_summary
from eventwire.store import Store
from tests.scale.stories import assert_same_store, write_corpus


@pytest.fixture(scope="module")
def coded(nlp, tmp_path_factory: pytest.TempPathFactory) -> list[CodedDocument]:  # type: ignore[no-untyped-def]
    path = write_corpus(tmp_path_factory.mktemp("corpus"), 12, bad=False)
    docs = [d for d in read_sources([path]) if isinstance(d, Document)]
    return list(code_batch(docs, Settings(), nlp).coded)


def test_a_row_rebuilds_the_exact_coded_document(coded: list[CodedDocument]) -> None:
    assert sum(len(c.events) for c in coded) and sum(len(c.quotes) for c in coded)
    for i, c in enumerate(coded):
        row = coded_row(c, i)
        assert set(row) == set(COLUMNS)
        assert coded_from_row(json.loads(json.dumps(row))) == c  # through JSON, as through Parquet


def test_failure_rows_and_partitions(coded: list[CodedDocument]) -> None:
    failure = Failure("corpus.jsonl:3", "not JSON (Expecting value at column 2); fix or drop the line", "bad record")
    row = failure_row(failure, 7)
    assert failure_from_row(row) == failure and row[PARTITION] == FAILED
    dated = [c for c in coded if c.events]
    assert all(event_date(c) == coded_row(c, 0)[PARTITION] for c in coded)
    assert all(len(event_date(c)) == 10 for c in dated)


def write_shards(rows: list[dict], out: Path) -> None:  # type: ignore[type-arg]
    pq = pytest.importorskip("pyarrow.parquet")
    from eventwire.scale.parquet import rows_to_table

    # Out of input order and in two files, as parallel writers leave them.
    pq.write_to_dataset(rows_to_table(rows[1::2]), out, partition_cols=[PARTITION])
    pq.write_to_dataset(rows_to_table(rows[::2]), out, partition_cols=[PARTITION])


def test_load_stores_what_a_local_run_stores_and_only_once(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = write_corpus(tmp_path, 14)
    settings = Settings(batch_size=5)
    local = tmp_path / "local.duckdb"
    with Store(local) as store:
        ingest_into(store, read_sources([path]), settings, nlp=nlp)
    items = list(read_sources([path]))
    docs = [d for d in items if isinstance(d, Document)]
    rows = [failure_row(f, i) for i, f in enumerate(items) if isinstance(f, Failure)]
    ordinal = {d.doc_id: i for i, d in enumerate(items) if isinstance(d, Document)}
    rows += [coded_row(c, ordinal[c.document.doc_id]) for c in code_batch(docs, settings, nlp).coded]
    write_shards(rows, tmp_path / "shards")
    loaded = tmp_path / "loaded.duckdb"
    report = io.StringIO()
    with Store(loaded) as store:
        first = load_into(store, tmp_path / "shards", batch_size=5, report=report)
        again = load_into(store, tmp_path / "shards", batch_size=5)
    assert (first.read, first.stored, first.failed) == (14, 14, 2)
    assert {json.loads(line)["kind"] for line in report.getvalue().splitlines()} == {"bad record", "not English"}
    assert (again.stored, again.already) == (0, 14)
    assert_same_store(local, loaded)
    shards = io.StringIO()
    summary = shard_summary(tmp_path / "shards", report=shards)
    assert (summary.read, summary.coded, summary.failed) == (14, 14, 2)
    assert (summary.events, summary.quotes) == (first.events, first.quotes) and summary.events
    assert dict(summary.skipped) == {"bad record": 1, "not English": 1}
    assert shards.getvalue() == report.getvalue()  # the same failures, in input order
    assert shard_summary(tmp_path / "nothing-written").read == 0


def test_load_refuses_what_is_not_a_shard_folder(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(InputError, match="no such Parquet shard folder"):
            load_into(store, tmp_path / "missing")
        (tmp_path / "empty").mkdir()
        with pytest.raises(InputError, match="not a folder of eventwire Parquet shards"):
            load_into(store, tmp_path / "empty")
