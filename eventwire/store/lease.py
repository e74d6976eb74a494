"""A note beside a store file saying which `eventwire serve` holds it, so other commands can say so.

DuckDB lets one process hold a file for writing and then no other process may open it at all; a CLI
command that hits the lock reads this note to tell the user where the server is instead of a lock error.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def lease_path(store_path: str | os.PathLike[str]) -> Path:
    """Where the note for a store file lives: ``events.duckdb`` → ``events.duckdb.serve.json``."""
    return Path(os.fspath(store_path) + ".serve.json")


def take(store_path: str | os.PathLike[str], url: str, writable: bool) -> Path:
    """Write the note for this process; returns its path (``release`` removes it)."""
    path = lease_path(store_path)
    path.write_text(json.dumps({"pid": os.getpid(), "url": url, "writable": writable}), encoding="utf-8")
    return path


def release(store_path: str | os.PathLike[str]) -> None:
    """Remove the note if this process wrote it."""
    held = read(store_path)
    if held and held.get("pid") == os.getpid():
        lease_path(store_path).unlink(missing_ok=True)


def read(store_path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The note of a live server holding the store, or None (a note left by a dead process is ignored)."""
    try:
        held = json.loads(lease_path(store_path).read_text(encoding="utf-8"))
        os.kill(int(held["pid"]), 0)  # signal 0 only checks that the process exists
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return held if isinstance(held, dict) else None


def describe(store_path: str | os.PathLike[str]) -> str:
    """One sentence on how to reach the data while a server holds the store ('' when none does)."""
    held = read(store_path)
    if not held:
        return ""
    url = held.get("url", "?")
    how = (f"POST stories to {url}/api/documents with the write token" if held.get("writable")
           else "restart it with --write-token to add stories over HTTP")
    return (f"`eventwire serve` (pid {held.get('pid')}) holds it at {url}: read it over HTTP "
            f"({url}/api/events) and {how}")
