"""Ingest runs: sources → ``code_batch`` → ``Store.add_many``, with every skipped input recorded.

    with Store("events.duckdb") as store, ProcessPool(4, settings) as pool:
        summary = ingest_into(store, read_sources(["corpus.jsonl.gz"]), settings, report="failures.jsonl",
                              executor=pool)

``code_batch`` is a pure function of a batch of Documents (no store, no I/O), so an ``Executor`` (this
process, a process pool, Ray actors: see ``eventwire.scale``) can map it over batches. ``ingest_into``
only reads sources, skips documents already stored, hands batches to the executor, and writes each
result whole in one transaction in this process: a run killed at any point and started again stores
every document exactly once.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from .batches import BatchResult, InProcess, code_batch
from .config import Settings
from .errors import EventwireError, InputError, StoreError
from .ingest import Failure, Item
from .records import CodedDocument, Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from .store import Store


@dataclass
class IngestSummary:
    """Running totals of an ingest run (also what the progress callback sees)."""

    read: int = 0  # documents read from the sources (Failures not included)
    stored: int = 0  # documents newly written to the store
    already: int = 0  # documents skipped because their doc_id was stored or seen earlier in the run
    coded: int = 0  # documents coded (stored or not)
    events: int = 0  # event mentions in the coded documents
    quotes: int = 0
    failed: int = 0  # inputs skipped with a reason
    skipped: Counter[str] = field(default_factory=Counter)  # failures by kind
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        """Documents coded per second of wall time."""
        return self.coded / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The figures as a JSON-ready dict."""
        return {"read": self.read, "stored": self.stored, "already_stored": self.already, "coded": self.coded,
                "events": self.events, "quotes": self.quotes, "failed": self.failed,
                "skipped": dict(self.skipped.most_common()), "seconds": round(self.seconds, 2),
                "docs_per_second": round(self.docs_per_second, 2)}


Progress = Callable[[IngestSummary], None]


class Executor(Protocol):
    """Maps ``code_batch`` over batches (this process, worker processes, Ray actors), results in order."""

    def __enter__(self) -> Executor:
        """Start the workers (or nothing)."""
        ...

    def __exit__(self, *exc: Any) -> Any:
        """Stop the workers."""
        ...

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[BatchResult]:
        """One BatchResult per batch, in the order the batches came."""
        ...


def ingest_into(store: Store | None, sources: Iterable[Item], settings: Settings | None = None,
                report: str | os.PathLike[str] | TextIO | None = None, progress: Progress | None = None,
                limit: int | None = None, nlp: Language | None = None,
                executor: Executor | None = None) -> IngestSummary:
    """Code the documents of ``sources`` into ``store`` (None: code only), one transaction per batch.

    Documents already stored (or seen earlier in the run) are not coded again; every Failure is
    counted by kind and, with ``report``, written as one JSON line. ``executor`` codes the batches
    (default: this process, with ``nlp`` or the settings' pipeline); the store is written here only.
    """
    settings = settings or Settings()
    if store is not None and store.read_only:
        raise StoreError(f"{store.path} was opened read-only: open it writable to ingest into it")
    if executor is None:
        executor = InProcess(settings, nlp)
    summary = IngestSummary()
    seen: set[str] = set()
    with _report_file(report) as out, executor:
        fail = failure_recorder(summary, out)
        documents = _new_documents(sources, store, seen, summary, fail, limit, settings.batch_size)
        for result in executor.map(_batches(documents, settings.batch_size)):
            for failure in result.failures:
                fail(failure)
            summary.coded += len(result.coded)
            summary.events += sum(len(c.events) for c in result.coded)
            summary.quotes += sum(len(c.quotes) for c in result.coded)
            if store is not None and result.coded:
                summary.stored += _store_batch(store, result.coded, fail)
            summary.seconds = time.monotonic() - summary.started
            if progress is not None:
                progress(summary)
    summary.seconds = time.monotonic() - summary.started
    return summary


def _batches(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(islice(documents, size)):
        yield batch


def failure_recorder(summary: IngestSummary, out: TextIO | None) -> Callable[[Failure], None]:
    """A callback that counts a failure in ``summary`` and writes it to the report file, if any."""

    def fail(failure: Failure) -> None:
        summary.failed += 1
        summary.skipped[failure.kind] += 1
        if out is not None:
            out.write(json.dumps(failure.as_dict(), ensure_ascii=False) + "\n")
            out.flush()

    return fail


def _store_batch(store: Store, coded: Sequence[CodedDocument], fail: Callable[[Failure], None]) -> int:
    """Write a batch in one transaction; if that fails, each document alone, failures recorded."""
    try:
        return store.add_many(coded, batch=len(coded))
    except StoreError:
        pass  # add_many rolled the batch back; find the document that cannot be written
    added = 0
    for c in coded:
        try:
            added += store.add(c)
        except StoreError as exc:
            fail(Failure(c.document.source or c.document.doc_id, f"could not be stored: {exc}", "store error"))
    return added


def _new_documents(sources: Iterable[Item], store: Store | None, seen: set[str], summary: IngestSummary,
                   fail: Callable[[Failure], None], limit: int | None, chunk: int) -> Iterator[Document]:
    """The documents not stored yet, each once; Failures go to ``fail``; at most ``limit`` read.

    The store is asked about ``chunk`` documents at once: a query per document cost 1.2 ms, a fifth
    of what the main process does per document while workers code.
    """
    for read in _batches(_documents(sources, summary, fail, limit), chunk):
        fresh = unseen([d.doc_id for d in read], store, seen, summary)
        yield from (doc for doc, new in zip(read, fresh, strict=True) if new)


def unseen(doc_ids: Sequence[str], store: Store | None, seen: set[str], summary: IngestSummary) -> list[bool]:
    """Per doc_id, whether it is neither stored nor ``seen`` earlier in the run (the new join ``seen``;
    the others count as already stored)."""
    stored = store.stored(doc_ids) if store is not None else set()
    fresh = []
    for doc_id in doc_ids:
        new = doc_id not in seen and doc_id not in stored
        if new:
            seen.add(doc_id)
        else:
            summary.already += 1
        fresh.append(new)
    return fresh


def _documents(sources: Iterable[Item], summary: IngestSummary, fail: Callable[[Failure], None],
               limit: int | None) -> Iterator[Document]:
    """The documents of the sources, counted as read; Failures go to ``fail``; at most ``limit``."""
    items = iter(sources)
    while limit is None or summary.read < limit:
        try:
            item = next(items)
        except StopIteration:
            return
        except InputError as exc:  # a source that raises instead of yielding a Failure
            fail(Failure.from_error(exc))
            continue
        if isinstance(item, Failure):
            fail(item)
            continue
        summary.read += 1
        yield item


class _report_file:  # noqa: N801 (used like open())
    """The --report target: a path opened for writing, a stream as given, or nothing."""

    def __init__(self, target: str | os.PathLike[str] | TextIO | None) -> None:
        self.target = target
        self.fh: TextIO | None = None

    def __enter__(self) -> TextIO | None:
        if self.target is None:
            return None
        if isinstance(self.target, str | os.PathLike):
            try:
                self.fh = open(self.target, "w", encoding="utf-8")  # noqa: SIM115 (closed in __exit__)
            except OSError as exc:
                raise EventwireError(f"cannot write the report {os.fspath(self.target)}: "
                                     f"{exc.strerror or exc}; choose another path") from None
            return self.fh
        return self.target

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()


__all__ = ["BatchResult", "Executor", "IngestSummary", "code_batch", "ingest_into"]
