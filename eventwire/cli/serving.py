"""Commands for analysts: serve, brief, subscribe, unsubscribe, plot."""

from __future__ import annotations

import datetime as dt
import os

import click

from .app import cli, default_format, iso_date, output_options, print_rows, reports_errors

DB = click.option("--db", "db", required=True, type=click.Path(dir_okay=False), help="The event store file.")


@cli.command("serve")
@DB
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--write-token", envvar="EVENTWIRE_WRITE_TOKEN", default=None,
              help="Accept stories over HTTP (POST /api/documents) from callers sending this bearer token; "
                   "without it the store is opened read-only. Env: EVENTWIRE_WRITE_TOKEN.")
@click.option("--max-page", type=int, default=500, show_default=True, help="Largest page of rows a request gets.")
@click.option("--max-body", type=int, default=2 * 1024 * 1024, show_default=True,
              help="Largest request body in bytes.")
@click.option("--query-timeout", type=float, default=10.0, show_default=True,
              help="Seconds a store query may run before it is stopped (HTTP 503).")
@reports_errors
def serve_cmd(db: str, host: str, port: int, write_token: str | None, max_page: int, max_body: int,
              query_timeout: float) -> None:
    """Serve the HTTP API and the dashboard (http://HOST:PORT/) over a store."""
    from ..serve import Limits, run

    click.echo(f"eventwire: serving {db} on http://{host}:{port}/ "
               f"({'accepting stories with the write token' if write_token else 'read-only'})", err=True)
    run(db, host, port, write_token, Limits(max_page=max_page, max_body=max_body, query_seconds=query_timeout))


@cli.command("brief")
@DB
@click.option("--date", "date", callback=iso_date, required=True, help="The day to brief on (YYYY-MM-DD).")
@click.option("--actors", default=None, help="Only events between these actor code prefixes: RUS,USA,UKR,NATO.")
@click.option("-o", "--out", "out", type=click.Path(file_okay=False), default=None,
              help="Write brief-DATE.md, .html and .txt into this folder (else print Markdown).")
@click.option("--link-base", default=None, help="Dashboard URL evidence lines link to, e.g. http://host:8000.")
@click.option("--smtp", default=None, help="Send the brief by e-mail through this SMTP server (host:port).")
@click.option("--to", "to", multiple=True, help="Recipient (repeatable); with --smtp and no --to: every subscriber.")
@click.option("--from", "sender", default=None, help="Sender address of the e-mail.")
@reports_errors
def brief_cmd(db: str, date: dt.date, actors: str | None, out: str | None, link_base: str | None,
              smtp: str | None, to: tuple[str, ...], sender: str | None) -> None:
    """Write (and optionally e-mail) the daily brief: top stories, escalations, new dyads, key quotes."""
    from .. import mailer
    from ..brief import make_brief, to_markdown, write_brief
    from ..errors import ConfigError
    from ..store import Store

    if smtp and not sender:
        raise ConfigError("--smtp needs --from: the sender address of the brief")
    with Store(db, read_only=True) as store:
        brief = make_brief(store, date, actors)
        if out:
            for path in write_brief(brief, out, link_base):
                click.echo(f"eventwire: wrote {path}", err=True)
        elif not smtp:
            click.echo(to_markdown(brief, link_base))
        if smtp and sender:
            messages = (mailer.addressed_messages(brief, to, sender, link_base) if to else
                        mailer.subscriber_messages(store, date, sender, link_base, os.path.basename(db)))
            click.echo(f"eventwire: sent {mailer.send(messages, smtp)} brief(s) through {smtp}", err=True)


@cli.command("subscribe")
@click.argument("email")
@DB
@click.option("--actors", default=None, help="Actor code prefixes of the subscriber's brief: RUS,USA (default: all).")
@reports_errors
def subscribe_cmd(email: str, db: str, actors: str | None) -> None:
    """Subscribe EMAIL to the daily brief (sent by `eventwire brief --smtp ...`)."""
    from ..store import Store
    from ..store.subscriptions import subscribe

    with Store(db) as store:
        row = subscribe(store, email, actors)
    click.echo(f"eventwire: {row['email']} gets the brief for {', '.join(row['actors']) or 'all actors'}", err=True)


@cli.command("unsubscribe")
@click.argument("email")
@DB
@reports_errors
def unsubscribe_cmd(email: str, db: str) -> None:
    """Stop sending the daily brief to EMAIL."""
    from ..errors import ConfigError
    from ..store import Store
    from ..store.subscriptions import unsubscribe

    with Store(db) as store:
        if not unsubscribe(store, email):
            raise ConfigError(f"{email} is not subscribed in {db}")
    click.echo(f"eventwire: {email} unsubscribed", err=True)


@cli.command("subscriptions")
@DB
@output_options
@reports_errors
def subscriptions_cmd(db: str, fmt: str | None) -> None:
    """List the subscribers of the daily brief."""
    from ..store import Store
    from ..store.subscriptions import subscriptions

    with Store(db, read_only=True) as store:
        rows = [{**r, "actors": ",".join(r["actors"])} for r in subscriptions(store)]
    print_rows(rows, fmt or default_format(), title="subscriptions")


@cli.group("plot")
def plot_group() -> None:
    """Draw charts of the store to image files (matplotlib)."""


@plot_group.command("dyad")
@click.argument("a")
@click.argument("b")
@DB
@click.option("--since", callback=iso_date, help="First day (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, help="Last day (YYYY-MM-DD).")
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="day", show_default=True)
@click.option("--directed", is_flag=True, help="Only events from A to B.")
@click.option("-o", "--out", "out", default="dyad.png", show_default=True, help="Image file (.png, .svg, .pdf).")
@reports_errors
def plot_dyad_cmd(a: str, b: str, db: str, since: dt.date | None, until: dt.date | None, freq: str,
                  directed: bool, out: str) -> None:
    """Conflict vs cooperation and mean Goldstein between actors A and B over time."""
    from ..plot import plot_dyad
    from ..store import Store

    with Store(db, read_only=True) as store:
        path = plot_dyad(store, a, b, out, since, until, freq, directed)
    click.echo(f"eventwire: wrote {path}", err=True)
