"""The ingest stage: raw input (text, files, stdin) → Document.

    text.py       normalisation (line ends, controls, hard wraps) and paragraph spans
    parts.py      paragraph roles (title, dateline, byline, caption, credit, footer, body) from parts.yaml
    published.py  the publication date: user, dateline, wire dateline, else unknown
    document.py   read_text: a string → Document
    files.py      read_path / read_stream: bytes → text (size limit, encodings, binary refusal)
"""

from __future__ import annotations

from .document import make_doc_id, read_text
from .files import DEFAULT_MAX_BYTES, decode_bytes, read_path, read_stream
from .parts import classify_parts
from .published import find_published
from .text import normalise_text, paragraph_spans

__all__ = [
    "DEFAULT_MAX_BYTES",
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
