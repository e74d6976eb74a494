"""Scaling out: the executors that map ``code_batch`` over batches, and coded shards on Parquet.

    (batches.py  WorkerModel, InProcess, code_batch: what every executor maps, outside this package)
    local.py     the ProcessPool executor and executor_for (``eventwire ingest --workers N``)
    ray.py       Ray: shards → actor pool → Parquet (``--engine ray --out``), RayActors executor
    parquet.py   the shard layout, and load_into: shards → store (``eventwire load``)

``ray.py`` imports Ray only when used; everything else needs nothing beyond eventwire's own
dependencies (pyarrow for the Parquet layout).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..batches import Recycle, WorkerModel
from ..config import Settings
from ..errors import ConfigError
from .local import InProcess, ProcessPool, default_workers, executor_for

if TYPE_CHECKING:  # pragma: no cover
    from ..runs import Executor

ENGINES = ("local", "ray")


def make_executor(engine: str, settings: Settings, workers: int | None = None, address: str | None = None,
                  recycle: Recycle | None = None) -> Executor:
    """The executor for ``--engine`` and ``--workers`` (None: every CPU locally, every Ray CPU on Ray)."""
    if engine == "local":
        if address is not None:
            raise ConfigError("--address names a Ray cluster: use it with --engine ray")
        return executor_for(workers or default_workers(settings), settings, recycle)
    if engine == "ray":
        from .ray import RayActors

        return RayActors(settings, workers, address, recycle)
    raise ConfigError(f"engine {engine!r} is unknown: use one of {', '.join(ENGINES)}")


__all__ = ["ENGINES", "InProcess", "ProcessPool", "Recycle", "WorkerModel", "default_workers", "executor_for",
           "make_executor"]
