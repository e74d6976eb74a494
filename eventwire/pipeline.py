"""The one place that wires the stages: Document → Parsed → dates, mentions, quotes, events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import nlp as nlp_stage
from .errors import ConfigError, ModelError
from .extract import actors, events, quotes, timex
from .ingest import read_path, read_text
from .records import CodedDocument, Document, Parsed
from .version import CODER_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


def extract(parsed: Parsed, keep_statements: bool = False) -> CodedDocument:
    """Run the extract stages over one parsed document."""
    dates = timex.find_dates(parsed)
    mentions = actors.find_mentions(parsed)
    found_quotes = quotes.find_quotes(parsed, mentions)
    found_events = events.code_events(parsed, mentions, dates, found_quotes, keep_statements=keep_statements)
    linked = quotes.link_events(found_quotes, found_events)
    return CodedDocument(
        document=parsed.document,
        events=found_events,
        quotes=linked,
        dates=dates,
        mentions=mentions,
        model=parsed.model,
        coder_version=CODER_VERSION,
        warnings=parsed.document.warnings,
    )


def code_documents(documents: Iterable[Document], nlp: Language | None = None,
                   batch_size: int = 64, keep_statements: bool = False) -> Iterator[CodedDocument]:
    """Code a stream of documents, parsing them in batches with ``nlp.pipe``."""
    model = nlp or nlp_stage.load_model()
    batch: list[Document] = []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from (extract(p, keep_statements) for p in nlp_stage.parse_documents(batch, model, batch_size))
            batch = []
    if batch:
        yield from (extract(p, keep_statements) for p in nlp_stage.parse_documents(batch, model, batch_size))


def code_document(document: Document, model: str | None = None, keep_statements: bool = False) -> CodedDocument:
    """Code one Document with the named (or default) spaCy pipeline."""
    return next(code_documents([document], nlp_stage.load_model(model), keep_statements=keep_statements))


def code_text(text: str, published: str | dt.date | None = None, title: str | None = None,
              model: str | None = None, source: str = "<text>", keep_statements: bool = False) -> CodedDocument:
    """Code a story given as a string; ``published`` anchors relative dates (ISO string or date)."""
    document = read_text(text, source=source, published=_as_date(published), title=title)
    return code_document(document, model, keep_statements=keep_statements)


def code_file(path: str, published: str | dt.date | None = None, model: str | None = None,
              max_bytes: int | None = None, keep_statements: bool = False) -> CodedDocument:
    """Code a story file (text; '-' reads stdin)."""
    limits = {"max_bytes": max_bytes} if max_bytes is not None else {}
    document = read_path(path, published=_as_date(published), **limits)
    return code_document(document, model, keep_statements=keep_statements)


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from .dateparse import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise ConfigError(f"published date {value!r} is not a date: use YYYY-MM-DD")
    return parsed


__all__ = ["ModelError", "code_document", "code_documents", "code_file", "code_text", "extract"]
