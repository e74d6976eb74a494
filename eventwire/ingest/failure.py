"""Failure: a record for an input that could not become a Document, so one bad input never stops a run."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError, InputTooLargeError

_KIND_END = re.compile(r"[:;,(]")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input skipped with a reason: ``source`` names it (path, path:line, URL), ``kind`` groups it."""

    source: str
    reason: str
    kind: str = "unreadable"

    @classmethod
    def from_error(cls, exc: InputError) -> Failure:
        """A Failure from an InputError; the kind is the problem's first clause ("empty", "binary data")."""
        if isinstance(exc, InputTooLargeError):
            return cls(exc.source, exc.problem, "too large")
        kind = _KIND_END.split(exc.problem, maxsplit=1)[0].strip()[:40] or "unreadable"
        return cls(exc.source, exc.problem, kind)

    def as_dict(self) -> dict[str, Any]:
        """The JSON record written to a --report file."""
        return {"source": self.source, "kind": self.kind, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
