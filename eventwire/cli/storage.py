"""Commands over the event store: ingest, load, events, quotes, stats, documents, export.

Each command is one library call: ``runs.ingest_into`` (or ``scale.ray.code_to_shards``),
``scale.parquet.load_into``, ``Store.events/quotes/stats/documents`` and ``export.export_store``.
Read commands open the store read-only, so they work beside a running server.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..config import settings_from_env
from ..errors import ConfigError
from ..ingest import FORMATS, Fields, SourceOptions, read_sources
from ..query import EventFilter
from ..runs import IngestSummary, ingest_into
from ..scale.parquet import LOAD_BATCH
from ..store import Store
from .app import cli, default_format, iso_date, output_options, print_rows, reports_errors

F = TypeVar("F", bound=Callable[..., Any])
EXPORT_FORMATS = ("parquet", "csv", "gdelt", "plover")


def db_option(fn: F) -> F:
    """The --db option every store command takes."""
    return click.option("--db", required=True, type=click.Path(dir_okay=False),
                        help="The DuckDB store file (ingest creates it).")(fn)


def filter_options(fn: F) -> F:
    """The event filter options shared by `events` and `export`."""
    options = [
        click.option("--actor", help="Source or target actor code prefix (RUS matches RUSGOV)."),
        click.option("--source", help="Source actor code prefix."),
        click.option("--target", help="Target actor code prefix."),
        click.option("--since", callback=iso_date, help="Events dated on or after YYYY-MM-DD."),
        click.option("--until", callback=iso_date, help="Events dated on or before YYYY-MM-DD."),
        click.option("--root", multiple=True, help="CAMEO root code (01-20); repeat for several."),
        click.option("--quad", type=click.IntRange(1, 4), multiple=True, help="Quad class 1-4; repeat for several."),
        click.option("--cameo", help="CAMEO code prefix (04 matches 040-046)."),
        click.option("--plover", help="PLOVER category (ASSAULT, PROTEST ...)."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), help="Lowest confidence to keep."),
        click.option("--asserted", is_flag=True, help="Leave out negated, hypothetical and future events."),
        click.option("--captions", is_flag=True, help="Include events read only in photo captions."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def event_filter(limit: int | None, **opts: Any) -> EventFilter:
    """An EventFilter from the filter options."""
    return EventFilter(actor=opts["actor"], source=opts["source"], target=opts["target"], since=opts["since"],
                       until=opts["until"], root=tuple(opts["root"]) or None, quad_class=tuple(opts["quad"]) or None,
                       cameo=opts["cameo"], plover=opts["plover"], min_confidence=opts["min_confidence"],
                       asserted_only=opts["asserted"], include_captions=opts["captions"], limit=limit)


@cli.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH... | URL | -")
@click.option("--db", type=click.Path(dir_okay=False), help="The DuckDB store file (created if new); or --out.")
@click.option("--workers", type=click.IntRange(min=1), help="Processes (local) or actors (ray) coding in parallel "
              "[default: every CPU, or $EVENTWIRE_WORKERS].")
@click.option("--engine", type=click.Choice(("local", "ray")), default="local", show_default=True,
              help="Code on this machine, or on Ray (pip install 'eventwire[ray]').")
@click.option("--address", help="Ray cluster to join (auto, ray://head:10001) [default: a new local Ray].")
@click.option("--out", type=click.Path(file_okay=False), help="With --engine ray: write coded Parquet shards, "
              "partitioned by event date, to this folder instead of a store (then `eventwire load`).")
@click.option("--format-in", type=click.Choice(FORMATS), default="auto", help="Input format (default: by name "
              "and content).")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding the story text.")
@click.option("--date-field", default="date", show_default=True, help="JSONL field holding the publication date.")
@click.option("--id-field", default="id", show_default=True, help="JSONL field holding the record id.")
@click.option("--title-field", default="title", show_default=True, help="JSONL field holding the headline.")
@click.option("--url-field", default="url", show_default=True, help="JSONL field holding the article URL.")
@click.option("--report", type=click.Path(dir_okay=False), help="Write every skipped input as a JSON line here.")
@click.option("--limit", type=click.IntRange(min=0), help="Read at most N documents.")
@click.option("--fetch-links", is_flag=True, help="Fetch the pages feed items link to (politely: delay, timeout).")
@click.option("--any-language", is_flag=True, help="Do not skip stories detected as not English.")
@click.option("--batch-size", type=click.IntRange(min=1), help="Documents coded and stored per transaction.")
@click.option("--max-bytes", type=int, default=None, help="Refuse single inputs larger than this many bytes.")
@click.option("--model", default=None, help="Installed spaCy pipeline to use.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@reports_errors
def ingest_cmd(inputs: tuple[str, ...], db: str, format_in: str, text_field: str, date_field: str, id_field: str,
               title_field: str, url_field: str, report: str | None, limit: int | None, fetch_links: bool,
               any_language: bool, batch_size: int | None, max_bytes: int | None, model: str | None,
               quiet: bool, workers: int | None, engine: str, address: str | None, out: str | None) -> None:
    """Read stories (files, folders, JSONL(.gz), HTML, RSS/Atom, URLs, stdin), code them, store the events."""
    from ..scale import make_executor

    settings = settings_from_env(model=model, max_bytes=max_bytes, batch_size=batch_size, workers=workers)
    options = SourceOptions(format=format_in, fields=Fields(text_field, date_field, id_field, title_field, url_field),
                            max_bytes=settings.max_bytes, fetch_links=fetch_links, english_only=not any_language)
    if (db is None) == (out is None) or (out and engine != "ray"):
        raise ConfigError("give --db STORE to code into a store, or --engine ray --out FOLDER to write shards")
    if out is not None:
        from ..scale.ray import code_to_shards

        summary = code_to_shards(inputs, out, settings, options, address, workers, report=report, limit=limit)
        click.echo(_summary_line(summary, out), err=True)
        return
    with Store(db) as store, _Progress(quiet) as progress:
        summary = ingest_into(store, read_sources(inputs, options), settings, report=report, progress=progress,
                              limit=limit, executor=make_executor(engine, settings, workers, address))
    click.echo(_summary_line(summary, store.path), err=True)


@cli.command("load")
@click.argument("shards", type=click.Path(exists=True))
@db_option
@click.option("--report", type=click.Path(dir_okay=False), help="Write every skipped input as a JSON line here.")
@click.option("--batch-size", type=click.IntRange(min=1), default=LOAD_BATCH, show_default=True,
              help="Documents stored per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@reports_errors
def load_cmd(shards: str, db: str, report: str | None, batch_size: int, quiet: bool) -> None:
    """Merge the Parquet shards of `ingest --engine ray --out` into a store (stored documents are skipped)."""
    from ..scale.parquet import load_into

    with Store(db) as store, _Progress(quiet) as progress:
        summary = load_into(store, shards, batch_size, report=report, progress=progress)
    click.echo(_summary_line(summary, store.path), err=True)


@cli.command("events")
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="Most events to show.")
@output_options
@reports_errors
def events_cmd(db: str, limit: int, fmt: str | None, **filters: Any) -> None:
    """Deduplicated events matching the filters, oldest first."""
    with Store(db, read_only=True) as store:
        rows = store.events(event_filter(limit, **filters))
    print_rows(rows, fmt or default_format(), title=f"{len(rows)} events")


@cli.command("quotes")
@db_option
@click.option("--speaker", help="Speaker code prefix or words of the speaker's name (Putin, RUSGOV).")
@click.option("--text", help="Words in the quotation.")
@click.option("--since", callback=iso_date, help="Stories published on or after YYYY-MM-DD.")
@click.option("--until", callback=iso_date, help="Stories published on or before YYYY-MM-DD.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="Most quotes to show.")
@output_options
@reports_errors
def quotes_cmd(db: str, speaker: str | None, text: str | None, since: dt.date | None, until: dt.date | None,
               limit: int, fmt: str | None) -> None:
    """Quotations with their speakers."""
    with Store(db, read_only=True) as store:
        rows = store.quotes(speaker=speaker, text=text, since=since, until=until, limit=limit)
    print_rows(rows, fmt or default_format(), title=f"{len(rows)} quotes")


@cli.command("stats")
@db_option
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="How many dyads to list.")
@output_options
@reports_errors
def stats_cmd(db: str, top: int, fmt: str | None) -> None:
    """Counts of documents, mentions, events, actors and quotes; events by day, CAMEO root and dyad."""
    with Store(db, read_only=True) as store:
        stats = store.stats(top=top)
    fmt = fmt or default_format()
    if fmt != "table":
        click.echo(json.dumps(stats, default=str, ensure_ascii=False, indent=2 if fmt == "json" else None))
        return
    print_rows([stats["counts"]], fmt, title="counts")
    for key in ("by_day", "by_root", "by_dyad"):
        print_rows(stats[key], fmt, title=key.replace("_", " "))


@cli.command("documents")
@db_option
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="Most documents to list.")
@output_options
@reports_errors
def documents_cmd(db: str, limit: int, fmt: str | None) -> None:
    """Stored documents (no text), oldest publication first."""
    with Store(db, read_only=True) as store:
        rows = store.documents(limit=limit)
    print_rows(rows, fmt or default_format(), title=f"{len(rows)} documents")


@cli.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="parquet, csv, gdelt (GDELT 2.0 event table TSV) or plover (PLOVER JSON lines).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write ('-' for stdout, except parquet).")
@filter_options
@reports_errors
def export_cmd(db: str, fmt: str, output: str, **filters: Any) -> None:
    """Write the store's deduplicated events as Parquet, CSV, GDELT 2.0 or PLOVER."""
    from ..export import export_store

    with Store(db, read_only=True) as store:
        n = export_store(store, fmt, sys.stdout if output == "-" else output, event_filter(None, **filters))
    click.echo(f"eventwire: wrote {n:,} events as {fmt} to {output}", err=True)


def _summary_line(s: IngestSummary, path: str) -> str:
    skipped = ", ".join(f"{n} {kind}" for kind, n in s.skipped.most_common(6))
    return (f"eventwire: {s.read:,} documents read, {s.stored:,} stored, {s.already:,} already stored, "
            f"{s.events:,} events, {s.failed:,} skipped{f' ({skipped})' if skipped else ''} "
            f"in {s.seconds:.1f}s ({s.docs_per_second:.1f} docs/s) → {path}")


class _Progress:
    """A rich progress display on stderr at a terminal; one plain line per batch when stderr is a log."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.live: Any = None
        self.task: Any = None

    def __enter__(self) -> Callable[[IngestSummary], None] | None:
        if self.quiet:
            return None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.live = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True)
            self.live.start()
            self.task = self.live.add_task("starting")
        return self.update

    def update(self, s: IngestSummary) -> None:
        """Show the running totals."""
        skipped = ", ".join(f"{n} {kind}" for kind, n in s.skipped.most_common(3))
        line = (f"{s.coded:,} coded ({s.docs_per_second:.1f} docs/s), {s.stored:,} stored, {s.events:,} events, "
                f"{s.already:,} already stored, {s.failed:,} skipped{f' ({skipped})' if skipped else ''}")
        if self.live is not None:
            self.live.update(self.task, description=line)
        else:
            click.echo(f"eventwire: {line}", err=True)

    def __exit__(self, *exc: object) -> None:
        if self.live is not None:
            self.live.stop()
