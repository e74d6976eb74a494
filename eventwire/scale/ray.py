"""Ray for clusters (``pip install 'eventwire[ray]'``): shards → actor pool → Parquet, or → this store.

    code_to_shards(["s3://.../news/", "corpus.jsonl.gz"], "coded/", settings, address="auto")
    load_into(store, "coded/")                       # eventwire.scale.parquet: the same dedup as a run

Ray Data reads each input file in its own task with eventwire's own readers (so doc_ids, sources,
failures and the English filter are exactly a local run's), codes batches in a pool of actors that
each load the spaCy pipeline once, and writes Parquet partitioned by event date (layout:
``eventwire.scale.parquet``). ``RayActors`` is the same actor pool as an ``Executor`` for
``ingest_into``, when the coded records should come back to this process's store instead.

CPU plan: an actor asks for ``(CPUs - RESERVED_CPUS) / actors`` (at most 1), and read and write tasks
for ``IO_TASK_CPUS`` each. Asking a whole CPU per actor with as many actors as CPUs starves Ray Data's
read and write tasks, and the pipeline hangs; Ray's CPUs are bookkeeping, not pinning, so the
fractions cost no throughput: the coding actors still use every core.
"""

from __future__ import annotations

import json
import os
import pickle
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..batches import BatchResult, Recycle, WorkerModel
from ..config import Settings
from ..errors import ConfigError, EventwireError
from ..ingest import Failure, SourceOptions, read_sources
from ..ingest.jsonl import JSONL_SUFFIXES, _record_document
from ..nlp import check_model
from ..records import Document
from ..runs import IngestSummary, _report_file, failure_recorder
from .local import IN_FLIGHT_PER_WORKER, ordered_map
from .parquet import PARTITION, SHARD_SCAN, coded_row, failure_row, rows_to_table, shard_glob

#: CPUs held back from the actors for Ray Data's read and write tasks.
RESERVED_CPUS = 0.5
#: CPUs one read or write task asks for (they are I/O and JSON, small next to coding).
IO_TASK_CPUS = 0.25
#: Target size of the blocks of read batches (64 wire stories pickle to ~250 KiB: about one batch a block).
READ_BLOCK_BYTES = 256 * 1024
#: Rows gathered before a write task runs: a block of stories spans many event dates, and writing each
#: block as its own set of partition files cost more CPU than coding it (measured: 47 write tasks for
#: 800 gigaword stories halved Ray's throughput on 2 cores).
ROWS_PER_WRITE = 2000
SHARD_SUFFIXES = (*JSONL_SUFFIXES, ".parquet")
#: Input files per ordinal block: a row's ordinal is file index << 32 | its index in the file.
_ORDINAL_BITS = 32


def import_ray() -> Any:
    """The ray module, or a ConfigError that says how to install it."""
    try:
        import ray
    except ImportError:
        raise ConfigError("the Ray engine needs Ray: pip install 'eventwire[ray]' (or use --engine local)") from None
    return ray


def actor_cpus(cpus: float, actors: int) -> float:
    """CPUs one coding actor asks for so that ``actors`` of them leave room for read and write tasks."""
    if actors < 1:
        raise ConfigError(f"actors must be at least 1, not {actors}")
    share = (cpus - RESERVED_CPUS) / actors
    if share < 0.05:
        raise ConfigError(f"{actors} actors do not fit in {cpus:g} CPUs with room to read and write: "
                          f"use at most {max(1, int((cpus - RESERVED_CPUS) / 0.05))} actors")
    return round(min(1.0, share), 3)


class _Session:
    """ray.init unless Ray is already running in this process; shut down only what it started."""

    def __init__(self, address: str | None) -> None:
        self.ray = import_ray()
        self.address = address
        self.started = False

    def __enter__(self) -> Any:
        if not self.ray.is_initialized():
            local: dict[str, Any] = {}
            if self.address is None:  # a private local instance: loopback only, and no phoning home
                os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
                local["_node_ip_address"] = "127.0.0.1"
            try:
                self.ray.init(address=self.address, include_dashboard=False, log_to_driver=False, **local)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise ConfigError(f"cannot reach a Ray cluster at {self.address or 'a new local instance'}: "
                                  f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}; "
                                  "start one with `ray start --head` or check --address") from None
            self.started = True
        return self.ray

    def __exit__(self, *exc: object) -> None:
        if self.started:
            self.ray.shutdown()


def cluster_cpus(ray: Any) -> float:
    """The CPUs the connected Ray cluster offers."""
    return float(ray.cluster_resources().get("CPU", 1.0))


# -- reading shards --------------------------------------------------------------------------------

def shard_files(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The JSONL(.gz) and Parquet files of the inputs (folders searched), in sorted order per input."""
    files: list[str] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(SHARD_SUFFIXES)
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                raise ConfigError(f"{path} holds no .jsonl(.gz) or .parquet files for the Ray engine")
            files += found
        elif path.is_file() and path.name.lower().endswith(SHARD_SUFFIXES):
            files.append(os.fspath(given))
        elif path.is_file():
            raise ConfigError(f"{given}: the Ray engine reads JSONL(.gz) and Parquet shards; code other inputs "
                              "with --engine local")
        else:
            raise ConfigError(f"{given}: no such file or folder")
    return files


class ParquetSource:
    """The records of a Parquet shard as Documents (a Source), read like JSONL records."""

    def __init__(self, path: str, options: SourceOptions) -> None:
        self.path = path
        self.options = options

    def __iter__(self) -> Iterator[Document | Failure]:
        import pyarrow.parquet as pq

        try:
            parquet = pq.ParquetFile(self.path)
        except Exception as exc:  # pyarrow's errors vary by damage
            yield Failure(self.path, f"not a readable Parquet file ({exc}); re-export it")
            return
        n = 0
        for batch in parquet.iter_batches(batch_size=256):
            for record in batch.to_pylist():
                n += 1
                line = json.dumps(record, default=str, ensure_ascii=False).encode()
                yield _record_document(line, f"{self.path}:{n}", self.path, self.options.fields)


def read_shard(row: dict[str, Any], options: SourceOptions, batch_size: int) -> Iterator[dict[str, Any]]:
    """One input file's items (Documents and Failures) in rows of ``batch_size``, pickled: a flat_map step.

    A row is one coding batch: Ray Data cut rows of single documents into batches across block
    borders, leaving calls of 2-10 documents between full ones (56 calls instead of 38 for 2,434
    stories), each paying a call's scheduling gap and a short ``nlp.pipe``.
    """
    path, index = str(row["path"]), int(row["index"])
    source: Any = ParquetSource(path, options) if path.lower().endswith(".parquet") else path
    batch: list[tuple[int, Document | Failure]] = []
    for i, item in enumerate(read_sources([source], options)):
        batch.append(((index << _ORDINAL_BITS) | i, item))
        if len(batch) == batch_size:
            yield {"items": pickle.dumps(batch)}
            batch = []
    if batch:
        yield {"items": pickle.dumps(batch)}


class ShardCoder:
    """A Ray Data actor: loads the pipeline once, codes batches of read items into shard rows."""

    def __init__(self, settings: Settings, recycle: Recycle) -> None:
        self.model = WorkerModel(settings, recycle)
        self.model.nlp  # noqa: B018 (load in the constructor: once per actor, before any batch)

    def __call__(self, rows: dict[str, Any]) -> Any:
        """Shard rows (an Arrow table) for the read batches in ``rows`` (one, as planned)."""
        out: list[dict[str, Any]] = []
        documents: list[Document] = []
        ordinal_of: dict[str, int] = {}
        for blob in rows["items"]:
            for ordinal, item in pickle.loads(blob):
                if isinstance(item, Failure):
                    out.append(failure_row(item, ordinal))
                elif item.doc_id not in ordinal_of:  # a doc_id twice in a run is coded once, as locally
                    ordinal_of[item.doc_id] = ordinal
                    documents.append(item)
        if documents:
            result = self.model.code(documents)
            out += [coded_row(c, ordinal_of[c.document.doc_id]) for c in result.coded]
            by_source = {d.source or d.doc_id: ordinal_of[d.doc_id] for d in documents}
            out += [failure_row(f, by_source.get(f.source, 0)) for f in result.failures]
        return rows_to_table(out)


def code_to_shards(inputs: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str],
                   settings: Settings | None = None, options: SourceOptions | None = None,
                   address: str | None = None, actors: int | None = None, recycle: Recycle | None = None,
                   report: str | os.PathLike[str] | TextIO | None = None, limit: int | None = None) -> IngestSummary:
    """Code JSONL/Parquet shards on Ray into a Parquet folder partitioned by event date."""
    if limit is not None:
        raise ConfigError("--limit is for local runs (Ray reads shards in parallel, in no fixed order): "
                          "cut the input instead")
    settings = settings or Settings()
    options = options or SourceOptions()
    files = shard_files(inputs)
    started = time.monotonic()
    check_model(settings.model)  # a missing model: one clear error here, not dying actors
    with _Session(address) as ray:
        n = actors or max(1, int(cluster_cpus(ray)))
        cpus = actor_cpus(cluster_cpus(ray), n)
        ds = ray.data.from_items([{"path": p, "index": i} for i, p in enumerate(files)])
        # One file is one read task; it emits one row per coding batch, and small blocks let those
        # rows spread over every actor as they are read instead of reaching one actor as one 128 MiB
        # block (Ray's default).
        ds.context.target_max_block_size = READ_BLOCK_BYTES
        ds = ds.flat_map(read_shard, fn_kwargs={"options": options, "batch_size": settings.batch_size},
                         num_cpus=IO_TASK_CPUS)
        ds = ds.map_batches(ShardCoder, fn_constructor_kwargs={"settings": settings, "recycle": recycle or Recycle()},
                            batch_size=1, batch_format="numpy",
                            compute=ray.data.ActorPoolStrategy(size=n), num_cpus=cpus)
        try:
            with warnings.catch_warnings():
                # Planning sees one input row per file and warns that the pool cannot be kept busy, but
                # each file is cut into many small blocks as it is read: every actor gets work.
                warnings.filterwarnings("ignore", message="The minimum number of concurrent actors")
                ds.write_parquet(os.fspath(out), partition_cols=[PARTITION], mode=ray.data.SaveMode.OVERWRITE,
                                 min_rows_per_file=ROWS_PER_WRITE, ray_remote_args={"num_cpus": IO_TASK_CPUS})
        except ray.exceptions.RayTaskError as exc:
            cause = exc.cause if isinstance(getattr(exc, "cause", None), EventwireError) else None
            if cause is not None:
                raise cause from None  # a broken model or knowledge file: say so, not a Ray traceback
            raise
    summary = shard_summary(out, report)
    summary.started, summary.seconds = started, time.monotonic() - started
    return summary


def shard_summary(out: str | os.PathLike[str], report: str | os.PathLike[str] | TextIO | None = None
                  ) -> IngestSummary:
    """Counts of a shard folder (documents coded, events, quotes, failures by kind); failures to ``report``."""
    import duckdb  # sums over a few columns of every file: ~10x faster than a pyarrow dataset scan

    summary = IngestSummary()
    files = shard_glob(out)
    with duckdb.connect() as con, _report_file(report) as fh:
        if not con.execute("SELECT count(*) FROM glob(?)", [files]).fetchone()[0]:  # type: ignore[index]
            return summary  # no input rows: Ray wrote no file
        coded, events, quotes = con.execute(
            f"SELECT count(*), coalesce(sum(num_events), 0), coalesce(sum(num_quotes), 0) FROM {SHARD_SCAN} "
            "WHERE kind = 'coded'", [files]).fetchone()  # type: ignore[misc]
        summary.read = summary.coded = int(coded)
        summary.events, summary.quotes = int(events), int(quotes)
        fail = failure_recorder(summary, fh)
        for source, reason, failure_kind in con.execute(
                f"SELECT source, failure_reason, failure_kind FROM {SHARD_SCAN} WHERE kind = 'failure' "
                "ORDER BY ordinal", [files]).fetchall():
            fail(Failure(source, reason, failure_kind))
    return summary


# -- Ray actors as an Executor for ingest_into -------------------------------------------------------

class BatchCoder:
    """A Ray actor that codes batches of Documents with its own pipeline (remote class, see RayActors)."""

    def __init__(self, settings: Settings, recycle: Recycle) -> None:
        self.model = WorkerModel(settings, recycle)
        self.model.nlp  # noqa: B018 (once per actor)

    def code(self, batch: Sequence[Document]) -> BatchResult:
        """Code one batch."""
        return self.model.code(batch)


class RayActors:
    """An Executor: ``actors`` Ray actors code the batches; results return here, in order, to be stored."""

    def __init__(self, settings: Settings, actors: int | None = None, address: str | None = None,
                 recycle: Recycle | None = None) -> None:
        self.settings = settings
        self.actors = actors
        self.recycle = recycle or Recycle()
        self.session = _Session(address)
        self.pool: list[Any] = []

    def __enter__(self) -> RayActors:
        check_model(self.settings.model)
        ray = self.session.__enter__()
        n = self.actors or max(1, int(cluster_cpus(ray)))
        # No Ray Data tasks here, but the driver's reads and writes still need a core: same plan.
        remote = ray.remote(num_cpus=actor_cpus(cluster_cpus(ray), n))(BatchCoder)
        self.pool = [remote.remote(self.settings, self.recycle) for _ in range(n)]
        return self

    def __exit__(self, *exc: object) -> None:
        ray = self.session.ray
        for actor in self.pool:
            ray.kill(actor)
        self.pool = []
        self.session.__exit__()

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[BatchResult]:
        """Code the batches round-robin over the actors, results in batch order."""
        ray = self.session.ray
        turn = iter(range(1 << 62))

        def submit(batch: Sequence[Document]) -> Any:
            return self.pool[next(turn) % len(self.pool)].code.remote(list(batch))

        def wait(ref: Any) -> BatchResult:
            try:
                return ray.get(ref)  # type: ignore[no-any-return]
            except ray.exceptions.RayTaskError as exc:
                if isinstance(getattr(exc, "cause", None), EventwireError):
                    raise exc.cause from None
                raise

        return ordered_map(submit, wait, batches, len(self.pool) * IN_FLIGHT_PER_WORKER)


__all__ = ["IO_TASK_CPUS", "RESERVED_CPUS", "BatchCoder", "ParquetSource", "RayActors", "ShardCoder",
           "actor_cpus", "code_to_shards", "import_ray", "read_shard", "shard_files", "shard_summary"]
