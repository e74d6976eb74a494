"""Brief subscriptions kept in the store: who gets the daily brief, for which actors.

The table is created on the first ``subscribe``, so stores that never had a subscriber keep exactly the
schema of store/schema.py (and its SCHEMA_VERSION); reading a store without the table finds nobody.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from .duckdb import Store

CREATE = """CREATE TABLE IF NOT EXISTS subscriptions (
    email VARCHAR PRIMARY KEY, actors VARCHAR[] NOT NULL, created TIMESTAMP NOT NULL)"""
HAS_TABLE = ("SELECT 1 FROM information_schema.tables WHERE table_schema = 'main'"
             " AND table_name = 'subscriptions'")
UPSERT = """INSERT INTO subscriptions VALUES (?, ?, ?)
    ON CONFLICT (email) DO UPDATE SET actors = excluded.actors"""
DELETE = "DELETE FROM subscriptions WHERE email = ? RETURNING email"
SELECT = "SELECT email, actors, created FROM subscriptions ORDER BY email"

# Deliberately loose: one @, no spaces, a dot in the domain. The SMTP server has the last word.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(email: str) -> str:
    """The address trimmed and lower-cased; ConfigError when it is not an address."""
    value = email.strip().lower()
    if not _EMAIL.match(value):
        raise ConfigError(f"{email!r} is not an email address: use name@example.org")
    return value


def normalize_actors(actors: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Actor code prefixes from 'RUS,USA' or a list, upper-cased and checked."""
    if actors is None:
        return []
    items = actors.split(",") if isinstance(actors, str) else list(actors)
    codes = [a.strip().upper() for a in items if a.strip()]
    bad = [c for c in codes if not c.isalnum()]
    if bad:
        raise ConfigError(f"{', '.join(bad)} is not an actor code: use codes like RUS,USA,NATO")
    return list(dict.fromkeys(codes))


def subscribe(store: Store, email: str, actors: str | list[str] | tuple[str, ...] | None = None) -> dict[str, Any]:
    """Add or update a subscriber; an empty actor list means every actor."""
    row = {"email": normalize_email(email), "actors": normalize_actors(actors),
           "created": dt.datetime.now(dt.UTC).replace(tzinfo=None)}
    store.connection.execute(CREATE)
    store.connection.execute(UPSERT, [row["email"], row["actors"], row["created"]])
    return row


def unsubscribe(store: Store, email: str) -> bool:
    """Remove a subscriber; False when the address was not subscribed."""
    if not _has_table(store):
        return False
    return bool(store.rows(DELETE, [normalize_email(email)]))


def subscriptions(store: Store) -> list[dict[str, Any]]:
    """Every subscriber with their actor prefixes, by address."""
    return store.rows(SELECT) if _has_table(store) else []


def _has_table(store: Store) -> bool:
    return bool(store.rows(HAS_TABLE))


__all__ = ["normalize_actors", "normalize_email", "subscribe", "subscriptions", "unsubscribe"]
