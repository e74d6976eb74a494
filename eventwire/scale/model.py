"""The spaCy pipeline a worker owns: loaded once, recycled after N documents or a grown string store.

spaCy interns every new token, lemma and entity string in ``nlp.vocab.strings`` and never forgets it,
so a worker that codes millions of stories grows without bound. ``WorkerModel`` counts what it codes
and loads a fresh pipeline when ``Recycle`` says so; the old one is dropped whole, which is the only way
to give that memory back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import Settings
from ..nlp import load_model
from ..records import Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from ..runs import BatchResult


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
        from ..runs import code_batch

        result = code_batch(documents, self.settings, self.nlp)
        self.docs += len(documents)
        if self._nlp is not None and self.recycle.due(self.docs, len(self._nlp.vocab.strings)):
            self._nlp = None  # the next batch loads a fresh pipeline
        return result


__all__ = ["NEVER", "Recycle", "WorkerModel"]
