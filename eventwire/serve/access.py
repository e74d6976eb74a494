"""The server's one store connection: serialized, time-limited reads and token-checked writes.

A DuckDB connection must not run two statements at once from different threads, and FastAPI runs
plain ``def`` routes in a thread pool, so every use of the store goes through one lock. A timer
interrupts a query that runs past ``Limits.query_seconds``.
"""

from __future__ import annotations

import datetime as dt
import hmac
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from ..config import Settings
from ..errors import EventwireError, StoreError
from ..store import Store
from .limits import Limits

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

T = TypeVar("T")


class QueryTimeout(EventwireError):
    """A store query ran longer than the server allows."""


class WriteRefused(EventwireError):
    """A write route was called without the right token (or the server is read-only)."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


class StoreAccess:
    """The served store: read() and write() run a function on it under the lock and the time limit."""

    def __init__(self, path: str, write_token: str | None = None, limits: Limits | None = None,
                 settings: Settings | None = None) -> None:
        self.path = path
        self.write_token = write_token or None
        self.limits = limits or Limits()
        self.settings = settings or Settings()
        self.store = Store(path, read_only=self.write_token is None)
        self._lock = threading.Lock()
        self._nlp: Language | None = None

    @property
    def writable(self) -> bool:
        """Whether write routes are enabled (the server was started with a token)."""
        return self.write_token is not None

    def close(self) -> None:
        """Close the store."""
        with self._lock:
            self.store.close()

    def read(self, fn: Callable[[Store], T]) -> T:
        """Run ``fn(store)`` under the lock, interrupting it after the query time limit."""
        with self._lock, self._deadline():
            return fn(self.store)

    def check_token(self, presented: str | None) -> None:
        """Refuse a write: 403 when the server is read-only or the token is wrong, 401 when none is given."""
        if self.write_token is None:
            raise WriteRefused(403, "this server is read-only: start `eventwire serve` with --write-token "
                                    "(or EVENTWIRE_WRITE_TOKEN) to accept stories")
        if not presented:
            raise WriteRefused(401, "this route needs the write token: send 'Authorization: Bearer TOKEN'")
        # compare_digest: the time taken must not tell how much of the token was right
        if not hmac.compare_digest(presented.encode(), self.write_token.encode()):
            raise WriteRefused(403, "wrong write token")

    def ingest(self, text: str, published: dt.date | None, title: str | None, url: str | None) -> dict[str, Any]:
        """Code one posted story and store it; the spaCy model loads on the first story."""
        from ..ingest import read_text
        from ..pipeline import code_documents

        document = read_text(text, source=url or "<http>", published=published, title=title, url=url,
                             published_source="metadata")
        with self._lock:
            if self._nlp is None:
                from ..nlp import load_model

                self._nlp = load_model(self.settings.model)
            coded = next(code_documents([document], self.settings, nlp=self._nlp))
            added = self.store.add(coded)
        return {"doc_id": coded.document.doc_id, "added": added, "published": coded.document.published,
                "events": len(coded.events), "quotes": len(coded.quotes),
                "warnings": list(coded.warnings)}

    @contextmanager
    def _deadline(self) -> Iterator[None]:
        fired = threading.Event()

        def interrupt() -> None:
            fired.set()
            self.store.connection.interrupt()

        timer = threading.Timer(self.limits.query_seconds, interrupt)
        timer.start()
        try:
            yield
        except StoreError as exc:
            if fired.is_set():
                raise QueryTimeout(f"the query ran longer than {self.limits.query_seconds:g} s and was "
                                   "stopped: narrow it (dates, actors) or ask for a smaller page") from exc
            raise
        finally:
            timer.cancel()
