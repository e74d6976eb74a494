"""The ingest stage: raw input (text, files, stdin) → Document.

    text.py       normalisation (line ends, controls, hard wraps) and paragraph spans
    parts.py      paragraph roles (title, dateline, byline, caption, credit, footer, body) from parts.yaml
    published.py  the publication date: user, dateline, wire dateline, else unknown
    document.py   read_text: a string → Document
    files.py      read_path / read_stream: bytes → text (size limit, encodings, binary refusal)
    urls.py       canonical URLs (the doc_id of a web page)
    html.py       HTML pages: main text and title (trafilatura), publication date (htmldate)
    feeds.py      RSS/Atom items, optionally their linked pages
    jsonl.py      JSON Lines corpora (.gz too) with a field mapping
    fetch.py      the Fetcher protocol and the polite HttpFetcher
    language.py   English or not (py3langid)
    failure.py    Failure: an input skipped with a reason
    sources.py    Source protocol; open_source / read_sources over paths, folders, URLs, stdin
"""

from __future__ import annotations

from .document import make_doc_id, read_text
from .failure import Failure
from .files import DEFAULT_MAX_BYTES, decode_bytes, read_path, read_stream
from .html import read_html
from .jsonl import Fields
from .parts import classify_parts
from .published import find_published
from .sources import FORMATS, Item, Source, SourceOptions, open_source, read_sources
from .text import normalise_text, paragraph_spans
from .urls import canonical_url

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "Failure",
    "Fields",
    "Item",
    "Source",
    "SourceOptions",
    "canonical_url",
    "open_source",
    "read_html",
    "read_sources",
    "classify_parts",
    "decode_bytes",
    "find_published",
    "make_doc_id",
    "normalise_text",
    "paragraph_spans",
    "read_path",
    "read_stream",
    "read_text",
]
