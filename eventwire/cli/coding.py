"""Commands that code text and explain or score the coding: code, actors, evaluate."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable
from typing import Any

import click

from .. import pipeline
from ..config import settings_from_env
from ..errors import EventwireError, ModelError
from ..evaluate import TASKS
from ..export import EVENT_COLUMNS, coded_to_dict, event_row
from ..records import CodedDocument
from .app import cli, default_format, iso_date, output_options, print_report, print_rows, reports_errors

# Repeatable: each file (YAML, TSV or PETRARCH .actors; or a folder of them) layers over the last.
ACTORS_OPTION = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(exists=True),
    help="Extra actor dictionary (YAML, TSV or PETRARCH .actors file, or a folder); repeatable.")
PUBLISHED_OPTION = click.option("--published", callback=iso_date,
                                help="Publication date (YYYY-MM-DD) anchoring relative dates.")
UNKNOWN_OPTION = click.option("--unknown-actors", is_flag=True,
                              help="Also code events whose agent is no known actor ('---').")
WORDNET_OPTION = click.option("--wordnet", is_flag=True,
                              help="Also read verbs the lexicon does not list through WordNet (rule 'wn:', "
                                   "lower confidence; more events, less precise).")


@cli.command("code")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE... | -")
@PUBLISHED_OPTION
@click.option("--model", default=None, help="Installed spaCy pipeline to use (default: en_core_web_sm).")
@click.option("--max-bytes", type=int, default=None, help="Refuse inputs larger than this many bytes.")
@click.option("--statements", is_flag=True, help="Keep bare 'make statement' (010) events.")
@UNKNOWN_OPTION
@WORDNET_OPTION
@click.option("--why", is_flag=True, help="Also say why each trigger candidate was kept or dropped.")
@ACTORS_OPTION
@output_options
@reports_errors
def code_cmd(inputs: tuple[str, ...], published: dt.date | None, model: str | None, max_bytes: int | None,
             statements: bool, unknown_actors: bool, wordnet: bool, why: bool, actor_files: tuple[str, ...],
             fmt: str | None) -> None:
    """Code story files (or '-' for stdin) into events, quotes and dates."""
    settings = settings_from_env(model=model, max_bytes=max_bytes, keep_statements=statements or None,
                                 keep_unknown_actors=unknown_actors or None, actor_files=actor_files or None,
                                 explain=why or None, wordnet=wordnet or None)
    coded, failures = [], 0
    for path in inputs:
        try:
            coded.append(pipeline.code_file(path, published=published, settings=settings))
        except EventwireError as exc:
            if isinstance(exc, ModelError):
                raise
            click.echo(f"eventwire: error: {exc}", err=True)
            failures += 1
    _emit(coded, fmt or default_format())
    if failures:
        sys.exit(1)


@cli.command("explain")
@click.argument("text")
@PUBLISHED_OPTION
@click.option("--model", default=None, help="Installed spaCy pipeline to use.")
@UNKNOWN_OPTION
@WORDNET_OPTION
@ACTORS_OPTION
@output_options
@reports_errors
def explain_cmd(text: str, published: dt.date | None, model: str | None, unknown_actors: bool, wordnet: bool,
                actor_files: tuple[str, ...], fmt: str | None) -> None:
    """Explain the coding of TEXT: predicate frames, actors, and why each trigger was kept or dropped."""
    from ..explain import explain_text, explanation_to_dict

    settings = settings_from_env(model=model, actor_files=actor_files or None, keep_statements=True,
                                 keep_unknown_actors=unknown_actors or None, wordnet=wordnet or None)
    report = explanation_to_dict(explain_text(text, published=published, settings=settings))
    if (fmt or default_format()) in ("json", "jsonl"):
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for sentence in report["sentences"]:
        click.echo(f"sentence {sentence['sentence']}: {sentence['text']}")
        for key in ("frames", "actors", "decisions", "events"):
            print_rows(sentence[key], "csv" if fmt == "csv" else "table", title=key)


@cli.command("actors")
@click.argument("text")
@click.option("--date", "date", callback=iso_date, help="Date the text is read at (offices change).")
@click.option("--model", default=None, help="Installed spaCy pipeline to use.")
@ACTORS_OPTION
@output_options
@reports_errors
def actors_cmd(text: str, date: dt.date | None, model: str | None, actor_files: tuple[str, ...],
               fmt: str | None) -> None:
    """Explain how the actors in TEXT resolve to codes."""
    from ..extract.actors import explain
    from ..nlp import load_model

    settings = settings_from_env(model=model, actor_files=actor_files or None)
    mentions = explain(text, date, nlp=load_model(settings.model), files=settings.actor_files)
    rows = [{"text": m.text, "code": m.actor.code, "name": m.actor.name or "", "method": m.method,
             "entry": m.entry, "also": ",".join(a.code for a in m.also)} for m in mentions]
    print_rows(rows, fmt or default_format(), title=f"actors in {text!r}")


@cli.command("evaluate")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--task", type=click.Choice(sorted(TASKS)), default=None,
              help="Gold format; detected from the file when omitted.")
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
@click.option("--model", default=None, help="Installed spaCy pipeline to use.")
@click.option("--half", type=click.Choice(["tune", "check"]), default=None,
              help="Score one half of the file only (errors are listed from the tune half).")
@output_options
@reports_errors
def evaluate_cmd(gold: str, task: str | None, limit: int | None, model: str | None, half: str | None,
                 fmt: str | None) -> None:
    """Score eventwire against a gold file: figures for the file and for its tune and check halves."""
    from ..evaluate import evaluate

    report = evaluate(gold, task=task, model=model, limit=limit, half=half)
    if (fmt or default_format()) != "table":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print_report(report)


def _emit(coded: list[CodedDocument], fmt: str) -> None:
    if fmt == "json":
        records = [coded_to_dict(c) for c in coded]
        click.echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for c in coded:
            click.echo(json.dumps(coded_to_dict(c), ensure_ascii=False))
    elif fmt == "csv":
        _write_csv(event_row(e) for c in coded for e in c.events)
    else:
        for c in coded:
            _print_table(c)


def _write_csv(rows: Iterable[dict[str, Any]]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(EVENT_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _print_table(c: CodedDocument) -> None:
    """Events and quotes of one document as tables for a person."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    doc = c.document
    pub = f"{doc.published} ({doc.published_source})" if doc.published else "unknown"
    console.print(f"[bold]{doc.title or doc.source}[/bold]  published {pub}  doc {doc.doc_id}")
    for w in c.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")
    table = Table(title=f"{len(c.events)} events", show_lines=False)
    for col in ("date", "source", "cameo", "event", "target", "quad", "gold", "plover", "conf", "evidence"):
        table.add_column(col, overflow="fold")
    for e in c.events:
        flags = "".join(f for f, on in (("neg ", e.negated), ("fut ", e.future), ("hyp ", e.hypothetical),
                                        ("caption ", e.from_caption)) if on)
        table.add_row(
            e.date.value if e.date else "?", f"{e.source.actor.code}\n{e.source.text}", e.cameo,
            e.cameo_name + (f" ({flags.strip()})" if flags else ""),
            f"{e.target.actor.code}\n{e.target.text}" if e.target else "-", str(e.quad_class),
            f"{e.goldstein:+.1f}", f"{e.plover} {e.plover_mode}".strip(), f"{e.confidence:.2f}",
            e.evidence.trigger,
        )
    console.print(table)
    if c.decisions:
        dt_ = Table(title=f"{len(c.decisions)} decisions")
        for col in ("sent", "trigger", "verdict", "code", "rule", "reason"):
            dt_.add_column(col, overflow="fold")
        for d in c.decisions:
            dt_.add_row(str(d.sent), d.trigger, d.verdict, d.code, d.rule, d.reason)
        console.print(dt_)
    if c.quotes:
        qt = Table(title=f"{len(c.quotes)} quotes")
        for col in ("speaker", "code", "kind", "quote"):
            qt.add_column(col, overflow="fold")
        for q in c.quotes:
            qt.add_row(q.speaker_text or "?", q.speaker.actor.code if q.speaker else "",
                       "direct" if q.direct else "indirect", q.text[:160])
        console.print(qt)
