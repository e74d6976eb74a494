"""The process pool stores exactly what one process stores; results keep batch order; CPU defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings, settings_from_env
from eventwire.errors import ConfigError
from eventwire.ingest import read_sources
from eventwire.runs import ingest_into
from eventwire.scale import InProcess, ProcessPool, default_workers, executor_for, make_executor
from eventwire.scale.local import ordered_map
from eventwire.store import Store
from tests.scale.stories import assert_same_store, write_corpus


def test_process_pool_stores_what_one_process_stores(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = write_corpus(tmp_path, 30)
    settings = Settings(batch_size=4)
    one, pool = tmp_path / "one.duckdb", tmp_path / "pool.duckdb"
    with Store(one) as store:
        single = ingest_into(store, read_sources([path]), settings, nlp=nlp)
    with Store(pool) as store:
        pooled = ingest_into(store, read_sources([path]), settings, executor=ProcessPool(2, settings))
        again = ingest_into(store, read_sources([path]), settings, executor=ProcessPool(2, settings))
    assert (pooled.read, pooled.stored, pooled.failed) == (single.read, single.stored, single.failed) == (30, 30, 2)
    assert dict(pooled.skipped) == dict(single.skipped) == {"bad record": 1, "not English": 1}
    assert (pooled.events, pooled.quotes) == (single.events, single.quotes)
    assert (again.stored, again.already, again.coded) == (0, 30, 0)
    assert_same_store(one, pool)


def test_store_is_the_same_whatever_order_documents_arrive_in(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = write_corpus(tmp_path, 16, bad=False)
    docs = list(read_sources([path]))
    forward, backward = tmp_path / "f.duckdb", tmp_path / "b.duckdb"
    with Store(forward) as store:
        ingest_into(store, docs, Settings(batch_size=16), nlp=nlp)
    with Store(backward) as store:
        ingest_into(store, docs[::-1], Settings(batch_size=16), nlp=nlp)
    # One batch each: one ingestion time, so even first-seen ties break the same way (by doc_id).
    assert_same_store(forward, backward)


def test_one_batch_is_coded_in_this_process(tmp_path: Path) -> None:
    pool = ProcessPool(2, Settings(batch_size=8))
    results = list(pool.map([list(read_sources([write_corpus(tmp_path, 3, bad=False)]))]))  # type: ignore[list-item]
    assert len(results) == 1 and len(results[0].coded) == 3
    assert pool.pool is None, "a worker pool was started for a single batch"


def test_ordered_map_keeps_order_and_bounds_what_is_in_flight() -> None:
    in_flight: list[int] = []
    most = 0

    def submit(x: int) -> int:
        nonlocal most
        in_flight.append(x)
        most = max(most, len(in_flight))
        return x

    def wait(x: int) -> int:
        in_flight.remove(x)
        return x * 10

    assert list(ordered_map(submit, wait, range(7), window=3)) == [0, 10, 20, 30, 40, 50, 60]
    assert most == 3


def test_executor_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    assert isinstance(executor_for(1, settings), InProcess)
    assert isinstance(executor_for(3, settings), ProcessPool)
    monkeypatch.setenv("EVENTWIRE_WORKERS", "5")
    assert default_workers() == 5
    pool = make_executor("local", settings_from_env())  # the environment is read into the settings
    assert isinstance(pool, ProcessPool) and pool.workers == 5
    assert make_executor("local", Settings(workers=3)).workers == 3
    monkeypatch.setenv("EVENTWIRE_WORKERS", "many")
    with pytest.raises(ConfigError, match="EVENTWIRE_WORKERS"):
        default_workers()
    monkeypatch.delenv("EVENTWIRE_WORKERS")
    assert default_workers() >= 1
    with pytest.raises(ConfigError, match="--engine ray"):
        make_executor("local", settings, address="auto")
    with pytest.raises(ConfigError, match="at least 1"):
        ProcessPool(0, settings)


def test_a_broken_model_fails_the_run_with_its_own_message(tmp_path: Path) -> None:
    from eventwire.errors import ModelError

    settings = Settings(batch_size=2, model="no_such_pipeline_xx")
    path = write_corpus(tmp_path, 6, bad=False)
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(ModelError, match="no_such_pipeline_xx"):
        ingest_into(store, read_sources([path]), settings, executor=ProcessPool(2, settings))
