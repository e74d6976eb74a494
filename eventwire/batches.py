"""Coding batches of Documents: ``code_batch`` → ``BatchResult``, and the pipeline a coder owns.

``code_batch`` is a pure function of its batch (no store, no I/O), the unit every executor maps;
``WorkerModel`` is one coder's spaCy pipeline, loaded once and recycled after N documents or a grown
string store (spaCy interns every new string in ``nlp.vocab.strings`` and never forgets it, so a worker
that codes millions of stories grows without bound; dropping the pipeline whole is the only way to give
that memory back); ``InProcess`` codes batches in this process. ``runs.ingest_into`` and the executors of
``eventwire.scale`` (process pool, Ray actors) build on these without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .config import Settings
from .errors import ConfigError, KnowledgeError, ModelError
from .ingest import Failure
from .nlp import load_model
from .pipeline import code_documents
from .records import CodedDocument, Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What coding one batch gave: coded documents, and Failures for those that could not be coded."""

    coded: tuple[CodedDocument, ...]
    failures: tuple[Failure, ...] = ()



def code_batch(documents: Sequence[Document], settings: Settings | None = None,
               nlp: Language | None = None) -> BatchResult:
    """Code a batch; if it fails, code each document alone so one bad document costs only itself."""
    try:
        return BatchResult(tuple(code_documents(documents, settings, nlp)))
    except (ModelError, KnowledgeError, ConfigError, MemoryError):
        raise  # the installation is broken, not the document: stop rather than fail every document
    except Exception as exc:  # any coder bug on one document must not stop a corpus
        if len(documents) == 1:
            doc = documents[0]
            return BatchResult((), (Failure(doc.source or doc.doc_id, f"could not be coded ({type(exc).__name__}: "
                                            f"{str(exc)[:120]}); please report it with the input",
                                            "coding error"),))
    results = [code_batch([doc], settings, nlp) for doc in documents]
    return BatchResult(tuple(c for r in results for c in r.coded), tuple(f for r in results for f in r.failures))



@dataclass(frozen=True, slots=True)
class Recycle:
    """When a worker reloads its pipeline: after ``after_docs`` documents or past ``max_strings``; 0 = never."""

    # Measured on gigaword: en_core_web_sm starts at 84,780 strings and gains ~11 per story at first,
    # fewer later (97,565 after 1,200 stories). A reload costs ~0.4 s, so these limits cost nothing and
    # bound a worker that codes for days (a pool worker peaks at ~230-260 MB).
    after_docs: int = 50_000
    max_strings: int = 400_000

    def due(self, docs: int, strings: int) -> bool:
        """Whether a pipeline that has coded ``docs`` documents and holds ``strings`` strings is due."""
        return (self.after_docs > 0 and docs >= self.after_docs) or (0 < self.max_strings <= strings)


#: Never reload.
NEVER = Recycle(0, 0)


class WorkerModel:
    """One worker's pipeline and the count of what it coded since it was loaded."""

    def __init__(self, settings: Settings, recycle: Recycle = Recycle(), shared: bool = False,
                 nlp: Language | None = None) -> None:
        self.settings = settings
        # A pipeline handed in is the caller's: used as given, never recycled.
        self.recycle = NEVER if nlp is not None else recycle
        # shared: the process-wide cached pipeline (the main process, where others may use it too);
        # a worker process loads its own, uncached, so dropping it on a reload frees its memory.
        self.shared = shared
        self._nlp: Language | None = nlp
        self.docs = 0
        self.loads = 0

    @property
    def nlp(self) -> Language:
        """The pipeline, loaded on first use."""
        if self._nlp is None:
            self.loads += 1
            load = load_model if self.shared and self.loads == 1 else load_model.__wrapped__
            self._nlp = load(self.settings.model)
            self.docs = 0
        return self._nlp

    def code(self, documents: Sequence[Document]) -> BatchResult:
        """Code one batch with this worker's pipeline, then reload it if it has grown past the limits."""
        result = code_batch(documents, self.settings, self.nlp)
        self.docs += len(documents)
        if self._nlp is not None and self.recycle.due(self.docs, len(self._nlp.vocab.strings)):
            self._nlp = None  # the next batch loads a fresh pipeline
        return result


class InProcess:
    """Code every batch in this process (the library default; ``--workers 1``)."""

    def __init__(self, settings: Settings, nlp: Language | None = None, recycle: Recycle | None = None) -> None:
        self.model = WorkerModel(settings, recycle or Recycle(), shared=True, nlp=nlp)

    def __enter__(self) -> InProcess:
        self.model.nlp  # noqa: B018 (load before the first batch, so a missing model fails early)
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[BatchResult]:
        """Code each batch in turn."""
        return (self.model.code(batch) for batch in batches)


__all__ = ["NEVER", "BatchResult", "InProcess", "Recycle", "WorkerModel", "code_batch"]
