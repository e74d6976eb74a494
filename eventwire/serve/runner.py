"""Running the app: in the foreground for `eventwire serve`, or in a background thread on loopback."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from ..errors import ConfigError
from .app import create_app
from .limits import Limits


def run(store: str, host: str = "127.0.0.1", port: int = 8000, write_token: str | None = None,
        limits: Limits | None = None, log_level: str = "info") -> None:
    """Serve the store until interrupted; a note beside the store tells other commands where the server is."""
    # create_app opens the store, so a held or missing store fails here, before anything listens
    app = create_app(store, write_token=write_token, limits=limits, served_at=f"http://{host}:{port}")
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@contextmanager
def background(app: FastAPI, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread and yield its base URL; stops it on exit."""
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port or free_port(host), log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, name="eventwire-serve", daemon=True)
    thread.start()
    started = threading.Event()
    # uvicorn sets .started once it listens; wait for it without a fixed sleep
    while thread.is_alive() and not server.started:
        started.wait(0.02)
    if not server.started:
        raise ConfigError(f"the server did not start on {host}:{server.config.port}")
    try:
        yield f"http://{host}:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(10)
