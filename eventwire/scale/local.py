"""Executors on one machine: code batches in this process, or in a pool of worker processes.

    with ProcessPool(workers=4, settings=settings) as pool:
        summary = ingest_into(store, sources, settings, executor=pool)

Workers only code: each loads the spaCy pipeline once (``WorkerModel``) and returns plain records
(``BatchResult``, frozen dataclasses that pickle); the main process alone writes the store, since
DuckDB takes one writer. Results come back in the order the batches went out, so a pool stores exactly
what a single process stores.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from ..batches import BatchResult, InProcess, Recycle, WorkerModel
from ..config import Settings, settings_from_env
from ..errors import ConfigError, EventwireError
from ..records import Document

if TYPE_CHECKING:  # pragma: no cover
    pass

B = TypeVar("B")
H = TypeVar("H")
R = TypeVar("R")

#: Batches in flight per worker: two keep a worker busy while the main process stores the last result.
IN_FLIGHT_PER_WORKER = 2
#: How often a worker checks that the main process is still alive.
WATCHDOG_SECONDS = 1.0


def default_workers(settings: Settings | None = None) -> int:
    """Worker processes to use by default: the ``workers`` setting ($EVENTWIRE_WORKERS), else usable CPUs."""
    workers = (settings or settings_from_env()).workers
    return workers if workers is not None else usable_cpus()


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover (macOS, Windows)
        return os.cpu_count() or 1


def ordered_map(submit: Callable[[B], H], wait: Callable[[H], R], items: Iterable[B], window: int) -> Iterator[R]:
    """Submit items with at most ``window`` in flight; yield results in submission order."""
    pending: deque[H] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield wait(pending.popleft())
    while pending:
        yield wait(pending.popleft())


# -- the process pool ------------------------------------------------------------------------------

_WORKER: WorkerModel | None = None  # the pipeline of this worker process, set by _start_worker


def _start_worker(settings: Settings, recycle: Recycle, main_pid: int) -> None:
    global _WORKER
    # A worker is a child of the fork server, not of the main process, and waits on a queue that it
    # holds both ends of: if the main process is killed (SIGKILL, OOM), nothing would ever wake it.
    threading.Thread(target=_exit_with, args=(main_pid,), name="eventwire-watchdog", daemon=True).start()
    _WORKER = WorkerModel(settings, recycle)
    try:
        _WORKER.nlp  # noqa: B018 (load now: every worker pays its model load before the first batch)
    except EventwireError:
        pass  # an initializer error only says "broken pool": the first batch raises it again, readably


def _exit_with(main_pid: int) -> None:
    while True:
        time.sleep(WATCHDOG_SECONDS)
        try:
            os.kill(main_pid, 0)
        except ProcessLookupError:
            os._exit(1)  # the main process is gone: nobody will store what this worker codes
        except PermissionError:  # pragma: no cover (the pid was reused by another user's process)
            os._exit(1)


def _code_in_worker(batch: Sequence[Document]) -> BatchResult:
    assert _WORKER is not None, "worker started without _start_worker"
    return _WORKER.code(batch)


class ProcessPool:
    """Code batches in ``workers`` processes; a run of one batch or less is coded here instead.

    The start method is ``forkserver`` (``spawn`` where there is none): a worker must not be a fork of
    a main process that holds an open DuckDB connection and its threads, whose locks a fork copies
    mid-use. The fork server imports spaCy and eventwire once, so each worker starts from a warm
    interpreter and only loads the pipeline (~0.4 s).
    """

    def __init__(self, workers: int, settings: Settings, recycle: Recycle | None = None,
                 start_method: str | None = None) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.settings = settings
        self.recycle = recycle or Recycle()
        self.start_method = start_method or _start_method()
        self.pool: ProcessPoolExecutor | None = None
        self.local: InProcess | None = None

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=exc_type is None, cancel_futures=True)
            self.pool = None

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[BatchResult]:
        """Code the batches in the pool, results in batch order."""
        it = iter(batches)
        head = [b for b in (next(it, None), next(it, None)) if b is not None]
        if len(head) <= 1:  # starting workers costs a model load each: not worth it for one batch
            self.local = self.local or InProcess(self.settings)
            yield from self.local.map(head)
            return
        pool = self._start()
        try:
            yield from ordered_map(lambda b: pool.submit(_code_in_worker, b), _result, chain(head, it),
                                   self.workers * IN_FLIGHT_PER_WORKER)
        except BrokenProcessPool:
            raise EventwireError("a worker process died (killed, or out of memory?): run again with fewer "
                                 "--workers or a smaller --batch-size; stored documents are kept") from None

    def _start(self) -> ProcessPoolExecutor:
        if self.pool is None:
            ctx = multiprocessing.get_context(self.start_method)
            if self.start_method == "forkserver":
                ctx.set_forkserver_preload(["spacy", "eventwire.pipeline", "eventwire.batches"])
            self.pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_start_worker,
                                            initargs=(self.settings, self.recycle, os.getpid()))
        return self.pool


def _result(future: Future[BatchResult]) -> BatchResult:
    return future.result()


def _start_method() -> str:
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def executor_for(workers: int, settings: Settings, recycle: Recycle | None = None) -> InProcess | ProcessPool:
    """The local executor for ``workers``: this process for 1, a process pool for more."""
    if workers == 1:
        return InProcess(settings, recycle=recycle)
    return ProcessPool(workers, settings, recycle)


__all__ = ["IN_FLIGHT_PER_WORKER", "InProcess", "ProcessPool", "default_workers", "executor_for", "ordered_map",
           "usable_cpus"]
