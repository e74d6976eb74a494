"""Commands over the event store: ingest, events, quotes, stats, export, load."""

from __future__ import annotations
