"""A story given as a string → Document: normalise, split into parts, find title and date."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from ..errors import InputError
from ..records import Document, PartKind
from .parts import classify_parts
from .published import find_published
from .text import normalise_text, paragraph_spans
from .urls import canonical_url

# Base64 blobs, hex dumps and the like: long runs of ASCII letters and digits with no spaces.
# Scripts written without spaces (Chinese, Japanese, Thai) are not ASCII, so they are not caught.
_BLOB = re.compile(r"[A-Za-z0-9+/=_-]{200,}")
_MAX_BLOB_SHARE = 0.5


def make_doc_id(text: str, url: str | None = None, *, published: dt.date | None = None,
                title: str | None = None) -> str:
    """16 hex chars of sha256 over the canonical URL when known, else over the content.

    The content is the normalised text plus the date and headline the source gave with it: one text
    re-filed under another date or headline is another document, the same record twice is one.
    """
    if url and url.strip():
        key = canonical_url(url)
    elif published is None and title is None:
        key = text
    else:
        key = "\x1f".join((published.isoformat() if published else "", title or "", text))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_text(text: str, *, source: str = "<text>", published: dt.date | None = None,
              title: str | None = None, url: str | None = None,
              warnings: tuple[str, ...] = (), published_source: str = "user") -> Document:
    """Split a story given as a string into a Document (parts, title, publication date, doc_id)."""
    clean = normalise_text(text)
    if not clean.strip():
        raise InputError(source, "empty: no text to code; skip this input or check how it was exported")
    if not any(c.isalpha() for c in clean):
        raise InputError(source, "no letters at all, not a story; check that this is the article text")
    blob = sum(len(m) for m in _BLOB.findall(clean))
    if blob > _MAX_BLOB_SHARE * len(clean):
        raise InputError(source, "encoded or binary data (long runs without spaces), not text; "
                         "pass the decoded article text")
    title = " ".join(title.split()) if title and title.strip() else None
    given_title = title
    parts = classify_parts(clean, paragraph_spans(clean), title)
    if title is None:
        title = next((p.text for p in parts if p.kind is PartKind.TITLE), None)
    # Order of trust: the source's metadata, then the story's own dateline/byline, then a date the user
    # supplied (--published), else unknown. A user date that contradicts the dateline is named, not used.
    metadata = published if published_source == "metadata" else None
    date, date_source = find_published(parts, metadata)
    if metadata is not None:
        date_source = "metadata"
    elif published is not None and date is None:
        date, date_source = published, "user"
    elif published is not None and date != published:
        warnings = (*warnings, f"the story's dateline says {date}; the given publication date {published} "
                               "was not used")
    return Document(
        doc_id=make_doc_id(clean, url, published=published, title=given_title),
        text=clean,
        parts=parts,
        title=title,
        published=date,
        published_source=date_source,
        source=source,
        url=canonical_url(url) if url and url.strip() else None,
        warnings=warnings,
    )
