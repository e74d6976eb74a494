"""Fetching pages and feeds over HTTP, politely, behind one small protocol tests can replace.

``Fetcher.fetch(url) -> bytes`` is the only I/O a URL source does; ``HttpFetcher`` is the real one
(timeout, user agent, a delay between requests to one host, a size limit). Errors are InputErrors
naming the URL.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from typing import Protocol
from urllib.parse import urlsplit

from ..errors import InputError, InputTooLargeError
from ..version import __version__

USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire/eventwire; news event coder)"
#: Seconds before a slow server is given up on.
TIMEOUT = 20.0
#: Seconds between two requests to the same host: a crawler should never hammer a news site.
DELAY = 1.0


class Fetcher(Protocol):
    """Anything that turns a URL into the bytes it serves."""

    def fetch(self, url: str) -> bytes:
        """The body at ``url``; InputError naming the URL when it cannot be had."""
        ...


class HttpFetcher:
    """urllib with a timeout, an honest user agent, a per-host delay and a byte limit."""

    def __init__(self, timeout: float = TIMEOUT, delay: float = DELAY, user_agent: str = USER_AGENT,
                 max_bytes: int = 10 * 1024 * 1024) -> None:
        self.timeout = timeout
        self.delay = delay
        self.user_agent = user_agent
        self.max_bytes = max_bytes
        self._last: dict[str, float] = {}

    def fetch(self, url: str) -> bytes:
        """GET ``url`` after waiting out the delay for its host."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise InputError(url, "only http and https URLs are fetched; pass local files as paths")
        host = parts.netloc
        wait = self._last.get(host, -self.delay) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent,
                                                       "Accept": "text/html,application/xml;q=0.9,*/*;q=0.5"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http(s) only)
                data: bytes = response.read(self.max_bytes + 1)
        except urllib.error.HTTPError as exc:
            raise InputError(url, f"HTTP {exc.code} {exc.reason}; check the URL") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(url, f"cannot fetch it ({reason}); check the URL and the network") from None
        finally:
            self._last[host] = time.monotonic()
        if len(data) > self.max_bytes:
            raise InputTooLargeError(url, f"serves more than {self.max_bytes:,} bytes; raise --max-bytes "
                                     "if this page is really one story")
        return data
