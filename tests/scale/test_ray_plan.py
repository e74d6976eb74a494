"""How the Ray engine plans CPUs and finds shards; what it refuses (none of this needs Ray running)."""

from __future__ import annotations

import builtins
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import ConfigError
from eventwire.ingest import Failure, SourceOptions
from eventwire.scale.ray import (
    IO_TASK_CPUS,
    RESERVED_CPUS,
    actor_cpus,
    code_to_shards,
    import_ray,
    read_shard,
    shard_files,
)


@pytest.mark.parametrize(("cpus", "actors", "each"), [(2, 2, 0.75), (2, 1, 1.0), (1, 1, 0.5), (64, 64, 0.992),
                                                      (16, 4, 1.0)])
def test_actors_leave_room_for_reading_and_writing(cpus: float, actors: int, each: float) -> None:
    assert actor_cpus(cpus, actors) == each
    assert actors * each + 2 * IO_TASK_CPUS <= max(cpus, actors * each + RESERVED_CPUS)


def test_too_many_actors_are_refused() -> None:
    with pytest.raises(ConfigError, match="do not fit"):
        actor_cpus(2, 100)


def test_shard_files(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    for name in ("b.jsonl", "sub/a.jsonl.gz", "c.parquet", "notes.txt", ".hidden.jsonl"):
        (tmp_path / "in" / name).write_text("")
    assert [Path(p).name for p in shard_files([tmp_path / "in"])] == ["b.jsonl", "c.parquet", "a.jsonl.gz"]
    with pytest.raises(ConfigError, match="--engine local"):
        shard_files([tmp_path / "in" / "notes.txt"])
    with pytest.raises(ConfigError, match="no such file"):
        shard_files([tmp_path / "nope.jsonl"])


def test_a_shard_is_read_in_rows_of_one_coding_batch(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"s{i}", "text": f"Story {i}: the two ministers met in the capital."}) for i in range(7)]
    lines.insert(3, "{not json")
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    rows = list(read_shard({"path": str(tmp_path / "c.jsonl"), "index": 5}, SourceOptions(), batch_size=3))
    batches = [pickle.loads(r["items"]) for r in rows]
    # Whole batches of the coder's size, so no call codes a sliver left over at a block border.
    assert [len(b) for b in batches] == [3, 3, 2]
    items = [item for b in batches for item in b]
    assert [o for o, _ in items] == [(5 << 32) | i for i in range(8)]  # file index, then place in the file
    assert isinstance(items[3][1], Failure)
    assert [x.text.split(":")[0] for _, x in items if not isinstance(x, Failure)] == [f"Story {i}" for i in range(7)]


def test_limit_is_refused_on_ray(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--limit"):
        code_to_shards([tmp_path], tmp_path / "out", limit=3)


def test_without_ray_the_message_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def no_ray(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "ray":
            raise ImportError("No module named 'ray'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(ConfigError, match=r"pip install 'eventwire\[ray\]'"):
        import_ray()


def test_a_missing_model_is_one_clear_error_before_ray_starts(tmp_path: Path) -> None:
    from eventwire.config import Settings
    from eventwire.errors import ModelError

    (tmp_path / "c.jsonl").write_text('{"id": "1", "text": "France met Germany."}\n')
    with pytest.raises(ModelError, match="no_such_pipeline_xx"):
        code_to_shards([tmp_path / "c.jsonl"], tmp_path / "out", Settings(model="no_such_pipeline_xx"))
