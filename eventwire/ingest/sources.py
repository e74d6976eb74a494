"""Sources: anything that yields Documents, or Failures for inputs that cannot be read.

    for item in read_sources(["corpus.jsonl.gz", "pages/", "https://example.org/feed.xml"]):
        ...  # Document or Failure(source, reason, kind)

A ``Source`` is any iterable of ``Document | Failure``. ``open_source`` picks one for a path, a folder,
a URL or '-' (stdin), by the format asked for or, with "auto", by name and first bytes. One bad input
is one Failure: the run goes on. ``read_sources`` also skips stories not written in English.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from ..errors import ConfigError, InputError
from ..records import Document
from .document import read_text
from .failure import Failure
from .feeds import looks_like_feed, read_feed
from .fetch import Fetcher, HttpFetcher
from .files import DEFAULT_MAX_BYTES, decode_bytes, read_file_bytes
from .html import looks_like_html, read_html
from .jsonl import Fields, is_jsonl_name, read_jsonl_file, read_jsonl_stream
from .language import foreign_language
from .urls import is_url

Item = Document | Failure
FORMATS = ("auto", "text", "jsonl", "html", "feed")
#: What a folder is searched for, by extension (recursive; hidden files and folders are left out).
FOLDER_EXTENSIONS = (".txt", ".text", ".story", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom",
                     *(".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"))
_BY_SUFFIX = {".html": "html", ".htm": "html", ".xhtml": "html", ".rss": "feed", ".atom": "feed",
              ".xml": "feed", ".rdf": "feed"}
_SNIFF_BYTES = 4096


class Source(Protocol):
    """Yields the documents of one input, and a Failure for each part that cannot be read."""

    def __iter__(self) -> Iterator[Item]:
        """Documents and Failures, in input order."""
        ...


@dataclass(frozen=True)
class SourceOptions:
    """How inputs are read: the format, JSONL fields, limits, and whether feed links are fetched."""

    format: str = "auto"
    fields: Fields = Fields()
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_links: bool = False
    fetcher: Fetcher | None = None
    extensions: tuple[str, ...] = FOLDER_EXTENSIONS
    english_only: bool = True
    stdin: BinaryIO | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ConfigError(f"input format {self.format!r} is unknown: use one of {', '.join(FORMATS)}")

    def the_fetcher(self) -> Fetcher:
        """The fetcher to use for URLs (a polite HttpFetcher unless one was given)."""
        return self.fetcher or HttpFetcher(max_bytes=self.max_bytes)


def read_sources(inputs: Iterable[str | Path | Source], options: SourceOptions | None = None) -> Iterator[Item]:
    """Documents and Failures from paths, folders, URLs, '-' or ready Sources, non-English skipped."""
    options = options or SourceOptions()
    for given in inputs:
        source = open_source(given, options) if isinstance(given, str | Path) else given
        for item in source:
            if options.english_only and isinstance(item, Document):
                why = foreign_language(item)
                if why is not None:
                    yield Failure(item.source or item.doc_id, why, "not English")
                    continue
            yield item


def open_source(given: str | Path, options: SourceOptions | None = None) -> Source:
    """The Source for one input: '-' is stdin, http(s) a URL, a folder is searched, a file is read."""
    options = options or SourceOptions()
    name = str(given)
    if name == "-":
        stream = options.stdin or sys.stdin.buffer
        return _BytesSource(lambda: stream.read(options.max_bytes + 1), "<stdin>", options)
    if is_url(name):
        return _BytesSource(lambda: options.the_fetcher().fetch(name), name, options, url=name)
    path = Path(name)
    if path.is_dir():
        return FolderSource(path, options)
    fmt = options.format if options.format != "auto" else _format_by_name(path)
    if fmt == "jsonl":
        return _Lazy(lambda: read_jsonl_file(path, options.fields, options.max_bytes))
    return _BytesSource(lambda: read_file_bytes(path, options.max_bytes), name, options, fmt=fmt)


class FolderSource:
    """Every file under a folder with one of the extensions, in sorted path order."""

    def __init__(self, root: Path, options: SourceOptions) -> None:
        self.root = root
        self.options = options

    def files(self) -> list[Path]:
        """The matching files, sorted, hidden ones left out."""
        exts = tuple(e.lower() for e in self.options.extensions)
        return sorted(p for p in self.root.rglob("*")
                      if p.is_file() and p.name.lower().endswith(exts)
                      and not any(part.startswith(".") for part in p.relative_to(self.root).parts))

    def __iter__(self) -> Iterator[Item]:
        for path in self.files():
            yield from open_source(path, self.options)


class _Lazy:
    """A Source over a generator function, started when iterated."""

    def __init__(self, make: Callable[[], Iterator[Item]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[Item]:
        return self._make()


class _BytesSource:
    """One input read whole (file, URL, stdin), then read as the format asked for or sniffed."""

    def __init__(self, read: Callable[[], bytes], name: str, options: SourceOptions, url: str | None = None,
                 fmt: str = "auto") -> None:
        self._read = read
        self.name = name
        self.options = options
        self.url = url
        self.fmt = fmt if fmt != "auto" else options.format

    def __iter__(self) -> Iterator[Item]:
        try:
            data = self._read()
            if len(data) > self.options.max_bytes:
                raise InputError(self.name, f"more than {self.options.max_bytes:,} bytes; raise --max-bytes")
        except InputError as exc:
            yield Failure.from_error(exc)
            return
        fmt = self.fmt if self.fmt != "auto" else sniff_format(data)
        if fmt == "jsonl":
            yield from read_jsonl_stream(io.BytesIO(data), self.name, self.options.fields, self.options.max_bytes)
            return
        if fmt == "feed":
            yield from read_feed(data, self.name, self.options.the_fetcher(), self.options.fetch_links)
            return
        try:
            if fmt == "html":
                yield read_html(data, self.name, url=self.url)
            else:
                text, warnings = decode_bytes(data, self.name)
                yield read_text(text, source=self.name, url=self.url, warnings=warnings)
        except InputError as exc:
            yield Failure.from_error(exc)


def _format_by_name(path: Path) -> str:
    if is_jsonl_name(path):
        return "jsonl"
    return _BY_SUFFIX.get(path.suffix.lower(), "auto")


def sniff_format(data: bytes) -> str:
    """text, jsonl, html or feed, from an input's first bytes."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        if looks_like_feed(head):
            return "feed"
        if looks_like_html(head):
            return "html"
    elif looks_like_html(head[:200]):
        return "html"
    return "text"


__all__ = ["FOLDER_EXTENSIONS", "FORMATS", "FolderSource", "Item", "Source", "SourceOptions", "open_source",
           "read_sources", "sniff_format"]
