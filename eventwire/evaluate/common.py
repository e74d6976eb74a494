"""Shared pieces of the scorers: reading gold JSONL(.gz), one-sentence documents, P/R/F1 tables."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Document, Part, PartKind


def read_jsonl(path: str | Path, limit: int | None = None, required: str = "text",
               half: str | None = None) -> Iterator[dict[str, Any]]:
    """Records of a JSONL or JSONL.gz gold file, each with a ``required`` string field (of one half only
    when ``half`` names one).

    A bad line is an InputError naming the file and line.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), "no such gold file")
    opener = gzip.open if p.suffix == ".gz" else open
    with opener(p, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        n = 0
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{lineno}", f"not JSON ({exc.msg})") from None
            if not isinstance(rec, dict) or not isinstance(rec.get(required), str):
                raise InputError(f"{p}:{lineno}", f"a gold record needs a {required!r} string")
            if half is not None and half_of(rec) != half:
                continue
            yield rec
            n += 1
            if limit is not None and n >= limit:
                return


def sentence_document(text: str, doc_id: str | None = None, published: Any = None) -> Document:
    """A Document holding one body paragraph, for sentence-level gold."""
    text = " ".join(text.split())
    did = doc_id or hashlib.sha256(text.encode()).hexdigest()[:16]
    return Document(did, text, (Part(PartKind.BODY, 0, len(text), text),), None, published,
                    "user" if published else "unknown", "gold")


#: The two halves of every dev set. Errors are read on the tune half only; the check half is the
#: stand-in for unseen news, and a change is judged by whether the check half rises.
HALVES = ("tune", "check")


def half_of(record: dict[str, Any]) -> str:
    """'tune' or 'check': a fixed split by the hash of the record's id (else its text), ~50/50.

    A hash, not the file order, so that a record keeps its half when a gold file is re-sorted or grows.
    """
    key = str(record.get("id") or record.get("text") or "")
    return HALVES[hashlib.sha256(key.encode()).digest()[0] & 1]


@dataclass
class PRF:
    """Counts for one label: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Rounded figures for reports."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def gold_documents(records: list[dict[str, Any]], path: str | Path,
                   with_title: bool = False) -> tuple[list[Document], list[dict[str, Any]], int]:
    """Documents for gold records whose offsets stay valid: (documents, their records, skipped count).

    Gold offsets point into the raw text, so a record whose text ingest had to change (control
    characters, line ends) cannot be scored and is counted as skipped instead.
    """
    from ..dateparse import parse_date
    from ..ingest import read_text

    docs: list[Document] = []
    kept: list[dict[str, Any]] = []
    skipped = 0
    for i, rec in enumerate(records):
        pub = parse_date(str(rec.get("date") or ""))
        title = rec.get("title") if with_title else None
        doc = read_text(rec["text"], source=f"{path}#{i}", published=pub, title=title, published_source="metadata")
        if doc.text != rec["text"]:
            skipped += 1
            continue
        docs.append(doc)
        kept.append(rec)
    return docs, kept, skipped
