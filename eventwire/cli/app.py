"""The `eventwire` command group and what every command shares: output formats, error reporting."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import EventwireError
from ..export import plain
from ..version import __version__

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("table", "json", "jsonl", "csv")


def default_format() -> str:
    """Tables for a person at a terminal, JSON for pipes and programs."""
    return "table" if sys.stdout.isatty() else "json"


def output_options(fn: F) -> F:
    """The shared --format option of every command that prints data."""
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                        help="Output format; default: table at a terminal, json when piped.")(fn)


def reports_errors(fn: F) -> F:
    """Catch EventwireError: one line on stderr and exit 1 (the full traceback with --traceback)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except EventwireError as exc:
            if click.get_current_context().find_root().params.get("traceback"):
                raise
            click.echo(f"eventwire: error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option("--traceback", is_flag=True, help="Show the full traceback on errors.")
def cli(traceback: bool) -> None:
    """eventwire: turn news stories into political event data (CAMEO/PLOVER), offline."""


def print_rows(rows: list[dict[str, Any]], fmt: str, title: str) -> None:
    if fmt in ("json", "jsonl"):
        if fmt == "json":
            click.echo(json.dumps(plain(rows), ensure_ascii=False, indent=2))
        else:
            for r in rows:
                click.echo(json.dumps(plain(r), ensure_ascii=False))
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["text"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for col in rows[0] if rows else ["text"]:
        table.add_column(col)
    for r in rows:
        table.add_row(*(str(v) for v in r.values()))
    Console().print(table)


def print_report(report: dict[str, Any]) -> None:
    """Headline figures, then every table-shaped part of the report."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    heads = {k: v for k, v in report.items() if not isinstance(v, dict)}
    console.print("  ".join(f"[bold]{k}[/bold] {v}" for k, v in heads.items()))
    for key, value in report.items():
        if not isinstance(value, dict):
            continue
        table = Table(title=key)
        rows = list(value.items())
        cols = list(rows[0][1].keys()) if rows and isinstance(rows[0][1], dict) else ["value"]
        table.add_column("")
        for c in cols:
            table.add_column(str(c), justify="right")
        for name, row in rows:
            cells = [str(row.get(c, "")) for c in cols] if isinstance(row, dict) else [str(row)]
            table.add_row(str(name), *cells)
        console.print(table)


def main() -> None:
    """Entry point of the `eventwire` command."""
    cli(prog_name="eventwire")
