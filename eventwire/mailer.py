"""Sending the daily brief by e-mail: one multipart/alternative message (plain text + HTML) per reader.

    messages = subscriber_messages(store, "2021-12-22", sender="brief@example.org")
    send(messages, "127.0.0.1:2525")

Each subscriber gets the brief for their own actors, with a line (and a List-Unsubscribe header) telling
them how to stop it.
"""

from __future__ import annotations

import datetime as dt
import smtplib
from collections.abc import Iterable, Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import quote

from .brief import Brief, make_brief, to_html, to_text
from .errors import ConfigError, EventwireError
from .store import Store
from .store.subscriptions import normalize_email, subscriptions


class MailError(EventwireError):
    """The brief could not be handed to the SMTP server."""


def unsubscribe_line(email: str, sender: str, store_name: str | None = None) -> str:
    """What a reader does to stop the brief."""
    db = f" --db {store_name}" if store_name else ""
    return (f"You receive this brief because {email} is subscribed. To unsubscribe, reply with the subject "
            f"'unsubscribe' to {sender}, or run: eventwire unsubscribe {email}{db}")


def brief_message(brief: Brief, to: str, sender: str, link_base: str | None = None,
                  unsubscribe: str | None = None) -> EmailMessage:
    """The brief as a multipart/alternative message: text/plain first, text/html preferred."""
    to, sender = normalize_email(to), normalize_email(sender)
    footer = unsubscribe or unsubscribe_line(to, sender)
    msg = EmailMessage()
    msg["Subject"] = brief.subject
    msg["From"] = sender
    msg["To"] = to
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=sender.split("@", 1)[1])
    msg["List-Unsubscribe"] = f"<mailto:{sender}?subject={quote('unsubscribe ' + to)}>"
    msg.set_content(to_text(brief, link_base, footer))
    msg.add_alternative(to_html(brief, link_base, footer), subtype="html")
    return msg


def subscriber_messages(store: Store, day: str | dt.date, sender: str, link_base: str | None = None,
                        store_name: str | None = None) -> list[EmailMessage]:
    """One message per subscriber, each with the brief for that subscriber's actors."""
    out = []
    for sub in subscriptions(store):
        brief = make_brief(store, day, actors=list(sub["actors"]) or None)
        footer = unsubscribe_line(sub["email"], normalize_email(sender), store_name)
        out.append(brief_message(brief, sub["email"], sender, link_base, footer))
    return out


def addressed_messages(brief: Brief, to: Sequence[str], sender: str,
                       link_base: str | None = None) -> list[EmailMessage]:
    """The same brief for each address in ``to``."""
    return [brief_message(brief, address, sender, link_base) for address in to]


def send(messages: Iterable[EmailMessage], smtp: str, timeout: float = 30.0) -> int:
    """Hand the messages to the SMTP server at 'host:port' over one connection; returns how many went."""
    host, port = parse_smtp(smtp)
    sent = 0
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as server:
            for msg in messages:
                server.send_message(msg)
                sent += 1
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"could not send the brief through {host}:{port} after {sent} message(s): {exc}") from exc
    return sent


def parse_smtp(value: str) -> tuple[str, int]:
    """'host:port' (port 25 when omitted) → (host, port); ConfigError otherwise."""
    host, _, port = value.strip().rpartition(":") if ":" in value else (value.strip(), ":", "25")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(f"--smtp {value!r} is not host:port: use e.g. 127.0.0.1:25")
    return host, int(port)


__all__ = ["MailError", "addressed_messages", "brief_message", "parse_smtp", "send", "subscriber_messages",
           "unsubscribe_line"]
