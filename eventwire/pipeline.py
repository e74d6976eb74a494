"""The one place that wires the stages: Document → Parsed → dates, mentions, quotes, events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import knowledge
from . import nlp as nlp_stage
from .config import Settings
from .errors import ConfigError
from .extract import actors, events, quotes, timex
from .ingest import read_path, read_text
from .records import CodedDocument, Decision, Document, Parsed
from .version import CODER_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

DEFAULT_SETTINGS = Settings()


def extract(parsed: Parsed, settings: Settings = DEFAULT_SETTINGS) -> CodedDocument:
    """Run the extract stages over one parsed document."""
    known = knowledge.load(settings)  # read once per settings; every stage reads this one
    dates = timex.find_dates(parsed, known.timex)
    mentions = actors.find_mentions(parsed, known.actors)
    found_quotes = quotes.find_quotes(parsed, mentions, known.quotes)
    trace: list[Decision] | None = [] if settings.explain else None
    found_events = events.code_events(
        parsed, mentions, dates, found_quotes,
        keep_statements=settings.keep_statements, keep_unknown=settings.keep_unknown_actors, trace=trace,
        knowledge=known,
    )
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
        decisions=tuple(trace or ()),
    )


def code_documents(documents: Iterable[Document], settings: Settings | None = None,
                   nlp: Language | None = None) -> Iterator[CodedDocument]:
    """Code a stream of documents, parsing them in batches with ``nlp.pipe`` (the model loads once)."""
    settings = settings or DEFAULT_SETTINGS
    model = nlp or nlp_stage.load_model(settings.model)
    size = settings.batch_size
    batch: list[Document] = []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= size:
            yield from (extract(p, settings) for p in nlp_stage.parse_documents(batch, model, size))
            batch = []
    if batch:
        yield from (extract(p, settings) for p in nlp_stage.parse_documents(batch, model, size))


def code_document(document: Document, settings: Settings | None = None) -> CodedDocument:
    """Code one Document."""
    return next(code_documents([document], settings))


def code_text(text: str, published: str | dt.date | None = None, title: str | None = None,
              settings: Settings | None = None, source: str = "<text>") -> CodedDocument:
    """Code a story given as a string; ``published`` anchors relative dates (ISO string or date)."""
    document = read_text(text, source=source, published=_as_date(published), title=title)
    return code_document(document, settings)


def code_file(path: str, published: str | dt.date | None = None, settings: Settings | None = None) -> CodedDocument:
    """Code a story file (text; '-' reads stdin)."""
    settings = settings or DEFAULT_SETTINGS
    document = read_path(path, published=_as_date(published), max_bytes=settings.max_bytes)
    return code_document(document, settings)


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from .dateparse import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise ConfigError(f"published date {value!r} is not a date: use YYYY-MM-DD")
    return parsed


__all__ = ["Settings", "code_document", "code_documents", "code_file", "code_text", "extract"]
