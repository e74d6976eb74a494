"""The HTTP API and browser dashboard over an event store (FastAPI; static assets in static/).

    from eventwire.serve import create_app, run
    run("events.duckdb", port=8000)                          # what `eventwire serve` does
    app = create_app("events.duckdb", write_token="s3cret")  # an ASGI app for any server
"""

from .app import create_app
from .limits import Limits
from .runner import background, free_port, run

__all__ = ["Limits", "background", "create_app", "free_port", "run"]
