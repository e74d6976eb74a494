"""JSON Lines corpora (plain or gzipped) → Documents, with a field mapping; bad lines become Failures.

Lines are read with a length bound, so one runaway record cannot exhaust memory, and a truncated
gzip keeps every complete record before the damage.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..dateparse import parse_date
from ..errors import InputError
from ..records import Document
from .document import read_text
from .failure import Failure

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass(frozen=True, slots=True)
class Fields:
    """Which record fields hold the text, date, id, title and URL (defaults fit eventwire's corpora)."""

    text: str = "text"
    date: str = "date"
    id: str = "id"
    title: str = "title"
    url: str = "url"


def is_jsonl_name(path: str | Path) -> bool:
    """Whether a file name says JSON Lines (.jsonl, .ndjson, optionally .gz)."""
    return str(path).lower().endswith(JSONL_SUFFIXES)


def read_jsonl_file(path: Path, fields: Fields = Fields(), max_bytes: int = 10 * 1024 * 1024
                    ) -> Iterator[Document | Failure]:
    """Documents of a JSONL(.gz) file; unreadable files, bad lines and truncation are Failures."""
    try:
        raw = open(path, "rb")  # noqa: SIM115 (closed below)
    except OSError as exc:
        yield Failure(str(path), f"cannot read it ({exc.strerror or exc}); check the path")
        return
    with raw:
        gz = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw  # type: ignore[assignment]
        yield from read_jsonl_stream(stream, str(path), fields, max_bytes)


def read_jsonl_stream(stream: IO[bytes], source: str, fields: Fields = Fields(),
                      max_bytes: int = 10 * 1024 * 1024) -> Iterator[Document | Failure]:
    """Documents of a JSONL byte stream, one per line; each bad line is a Failure naming its number."""
    lineno = 0
    while True:
        try:
            line = stream.readline(max_bytes + 1)
        except (EOFError, OSError, zlib.error) as exc:
            yield Failure(source, f"truncated or corrupt gzip after line {lineno} ({exc}); the complete records "
                          "before it were kept; re-download or re-compress the file", "truncated gzip")
            return
        if not line:
            return
        lineno += 1
        where = f"{source}:{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream, max_bytes)
            yield Failure(where, f"record over the limit of {max_bytes:,} bytes; raise --max-bytes or split it",
                          "too large")
            continue
        if not line.strip():
            continue
        yield _record_document(line, where, source, fields)


def _skip_rest_of_line(stream: IO[bytes], chunk: int) -> None:
    while True:
        rest = stream.readline(chunk)
        if not rest or rest.endswith(b"\n"):
            return


def _record_document(line: bytes, where: str, source: str, fields: Fields) -> Document | Failure:
    try:
        rec = json.loads(line)
    except UnicodeDecodeError:
        return Failure(where, "not UTF-8; JSON Lines must be UTF-8 encoded", "bad record")
    except json.JSONDecodeError as exc:
        return Failure(where, f"not JSON ({exc.msg} at column {exc.colno}); fix or drop the line", "bad record")
    if not isinstance(rec, dict):
        return Failure(where, f"a {type(rec).__name__}, not a JSON object; each line must be one record",
                       "bad record")
    text = rec.get(fields.text)
    if text is None:
        return Failure(where, f"no {fields.text!r} field; name the text field with --text-field "
                       f"(fields here: {', '.join(sorted(map(str, rec))[:8])})", "no text")
    if not isinstance(text, str):
        return Failure(where, f"field {fields.text!r} is a {type(text).__name__}, not a string", "bad record")
    rec_id = rec.get(fields.id)
    warnings: tuple[str, ...] = ()
    published = None
    raw_date = rec.get(fields.date)
    if raw_date not in (None, ""):
        published = parse_date(str(raw_date))
        if published is None:
            warnings = (f"{where}: {fields.date} {str(raw_date)[:40]!r} is not a date; publication date unknown",)
    title, url = _str_or_none(rec.get(fields.title)), _str_or_none(rec.get(fields.url))
    name = f"{source}#{rec_id}" if rec_id not in (None, "") else where
    try:
        return read_text(text, source=name, published=published, title=title, url=url, warnings=warnings,
                         published_source="metadata")
    except InputError as exc:
        return Failure.from_error(exc)


def _str_or_none(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
