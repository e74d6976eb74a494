"""RSS and Atom feeds → Documents: one per item, from its text or (when asked) from the linked page.

A truncated or malformed feed keeps the items read before the error and reports the error once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..records import Document
from .document import read_text
from .failure import Failure
from .fetch import Fetcher
from .html import read_html, refuse_entities

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")
# Block-level elements whose end is a paragraph break in an item's text.
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of an input look like an RSS or Atom feed."""
    low = head.lower()
    return any(marker in low for marker in FEED_MARKERS)


def read_feed(data: bytes, source: str, fetcher: Fetcher | None = None,
              fetch_links: bool = False) -> Iterator[Document | Failure]:
    """The items of a feed as Documents (or Failures); with ``fetch_links`` the linked pages are read."""
    import feedparser

    try:
        refuse_entities(data, source)
    except InputError as exc:
        yield Failure.from_error(exc)
        return
    feed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    entries = list(feed.entries)
    if not entries and not feed.get("version"):
        yield Failure(source, "not an RSS or Atom feed (no channel or entries found); check the input "
                      "or give --format-in", "not a feed")
        return
    for n, entry in enumerate(entries, 1):
        try:
            yield _entry_document(entry, f"{source}#{n}", fetcher, fetch_links)
        except InputError as exc:
            yield Failure.from_error(exc)
    if feed.get("bozo") and _is_broken(feed.get("bozo_exception")):
        yield Failure(source, f"malformed feed ({feed.bozo_exception}); the {len(entries)} items read before "
                      "the error were kept", "malformed feed")


def _is_broken(exc: Any) -> bool:
    # feedparser flags a declared-vs-actual charset mismatch too; the items are read fine then.
    import feedparser

    return exc is not None and not isinstance(exc, feedparser.CharacterEncodingOverride)


def _entry_document(entry: Any, source: str, fetcher: Fetcher | None, fetch_links: bool) -> Document:
    link = entry.get("link") or None
    published = _entry_date(entry)
    title = entry.get("title") or None
    if fetch_links and link and fetcher is not None:
        # The item's date is the publisher's own metadata: it beats whatever htmldate finds on the page.
        return read_html(fetcher.fetch(link), source=link, url=link, published=published)
    body = ""
    if entry.get("content"):
        body = "\n\n".join(html_to_text(c.get("value", "")) for c in entry.content)
    if not body.strip():
        body = html_to_text(entry.get("summary", "") or "")
    if not body.strip():
        raise InputError(source, "feed item has no text (a title only); use --fetch-links to read the "
                         "linked page")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return read_text(text, source=source, published=published, title=title, url=link,
                     published_source="metadata")


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, block elements ending paragraphs."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines()).strip()
