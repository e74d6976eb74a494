"""HTML pages → Document: main text, title and author by trafilatura, publication date by htmldate.

The bytes are decoded like story files (UTF-8, else a detected legacy encoding with a warning), so a
page whose ``<meta charset>`` lies still reads. XML entity declarations are refused before any parser
sees them: an HTML page has no business declaring entities, and expanding them is the billion-laughs
attack.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import InputError
from ..records import Document
from .document import read_text
from .files import decode_bytes

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
#: Markup that makes a page look like HTML when sniffing input of unknown format.
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>", b"<meta")
NO_TEXT = ("no article text found (only scripts, menus or markup); check that the page is an article, "
           "not an index or an app shell")
#: Dates before this are page furniture (copyright lines), not publication dates of news.
MIN_DATE = "1990-01-01"


@dataclass(frozen=True, slots=True)
class Page:
    """What a page yields before ingest splits it: main text and metadata."""

    text: str
    title: str | None
    author: str | None
    published: dt.date | None
    warnings: tuple[str, ...] = ()


def refuse_entities(data: bytes, source: str) -> None:
    """InputError when markup declares XML entities (entity-expansion attacks are refused, not parsed)."""
    if _ENTITY_DECLARATION.search(data[:65536]):
        raise InputError(source, "declares XML entities (<!ENTITY>), refused: entity expansion can exhaust "
                         "memory; remove the DOCTYPE entity declarations if the input is genuine")


def extract_page(data: bytes | str, source: str, url: str | None = None) -> Page:
    """Main text, title, author and publication date of an HTML page."""
    import trafilatura

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    refuse_entities(raw, source)
    html, warnings = decode_bytes(raw, source) if isinstance(data, bytes) else (data, ())
    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False)
    except (ValueError, RecursionError, MemoryError) as exc:
        raise InputError(source, f"cannot parse the HTML ({type(exc).__name__}); check the page") from None
    # bare_extraction returns a trafilatura Document (a dict only with as_dict=True, which we never ask).
    text = str(getattr(extracted, "text", "") or "").strip()
    if not text:
        raise InputError(source, NO_TEXT)
    title, author = getattr(extracted, "title", None), getattr(extracted, "author", None)
    return Page(text, title or None, author or None, find_page_date(html, url), warnings)


def find_page_date(html: str, url: str | None = None) -> dt.date | None:
    """The original publication date of a page (htmldate: metadata, URL, then the text), or None."""
    import htmldate

    try:
        found = htmldate.find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d",
                                   min_date=MIN_DATE)
    except (ValueError, RecursionError):
        return None  # a page whose dates cannot be read is still a story with an unknown date
    return dt.date.fromisoformat(found) if found else None


def read_html(data: bytes | str, source: str, url: str | None = None,
              published: dt.date | None = None) -> Document:
    """An HTML page → Document: the headline heads the text, so title events are coded as in a story."""
    page = extract_page(data, source, url)
    text = page.text
    if page.title and not text.startswith(page.title):
        text = f"{page.title}\n\n{text}"
    date = published or page.published
    return read_text(text, source=source, published=date, title=page.title, url=url, warnings=page.warnings,
                     published_source="metadata")


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of an input look like an HTML page."""
    low = head.lower()
    return any(marker in low for marker in HTML_MARKERS)
