"""What the HTTP API refuses: page sizes, request bodies and queries over their limits."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclass(frozen=True, slots=True)
class Limits:
    """The server's limits; every one is a CLI option of `eventwire serve`."""

    max_page: int = 500  # rows per page of events, quotes, documents, actors
    max_body: int = 2 * 1024 * 1024  # bytes in one request body (a posted story)
    query_seconds: float = 10.0  # a store query running longer is interrupted (503)


class BodyTooLarge(Exception):
    """A request body went over Limits.max_body while it was being read."""


class BodySizeLimit:
    """ASGI middleware: 413 as soon as a body is declared or streamed over ``max_body`` bytes."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _refuse(send, self.max_body)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _refuse(send, self.max_body)


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps(error_body(413, f"request body is larger than the limit of {limit} bytes")).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def error_body(status: int, error: str, **extra: Any) -> dict[str, Any]:
    """The one shape of every error the API returns."""
    return {"status": status, "error": error, **extra}
