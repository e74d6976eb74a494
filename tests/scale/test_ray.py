"""The Ray engine for real, on a local Ray of 2 CPUs: its store equals a local run's, record for record."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.config import Settings
from eventwire.ingest import read_sources
from eventwire.runs import ingest_into
from eventwire.store import Store
from tests.scale.stories import assert_same_store, write_corpus

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'eventwire[ray]'): Ray engine untested")


@pytest.fixture(scope="module")
def ray_session() -> Iterator[Any]:
    """One local Ray instance for the module: 2 CPUs, no dashboard, loopback only, no usage reporting."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1",
             object_store_memory=256 * 1024 * 1024)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, nlp) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A corpus of 24 stories (and two bad lines), and the store a local single-process run makes of it."""
    folder = tmp_path_factory.mktemp("ray")
    path = write_corpus(folder, 24)
    with Store(folder / "local.duckdb") as store:
        ingest_into(store, read_sources([path]), Settings(batch_size=4), nlp=nlp)
    return path, folder / "local.duckdb"


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.stderr


def test_shards_on_ray_then_load_equal_a_local_run(ray_session: Any, corpus: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    path, local = corpus
    out, db = tmp_path / "shards", tmp_path / "ray.duckdb"
    code, err = run("ingest", str(path), "--engine", "ray", "--out", str(out), "--batch-size", "4",
                    "--report", str(tmp_path / "coding.jsonl"))
    assert code == 0, err
    assert "24 documents read" in err and "2 skipped" in err
    partitions = {p.name for p in out.iterdir()}
    assert "event_date=failed" in partitions and any(p.startswith("event_date=2021-") for p in partitions)
    code, err = run("load", str(out), "--db", str(db), "--batch-size", "4", "--report", str(tmp_path / "r.jsonl"))
    assert code == 0, err
    assert "24 stored" in err
    kinds = sorted(json.loads(line)["kind"] for line in (tmp_path / "r.jsonl").read_text().splitlines())
    assert kinds == ["bad record", "not English"]
    assert_same_store(local, db)
    code, err = run("load", str(out), "--db", str(db))
    assert code == 0 and "0 stored, 24 already stored" in err


def test_ray_actors_as_the_executor_of_a_run(ray_session: Any, corpus: tuple[Path, Path], tmp_path: Path) -> None:
    from eventwire.scale.ray import RayActors

    path, local = corpus
    settings = Settings(batch_size=4)
    with Store(tmp_path / "actors.duckdb") as store:
        summary = ingest_into(store, read_sources([path]), settings, executor=RayActors(settings, actors=2))
    assert (summary.stored, summary.failed) == (24, 2)
    assert_same_store(local, tmp_path / "actors.duckdb")
