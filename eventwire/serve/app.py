"""The HTTP API and the dashboard: one FastAPI app over one store, read-only unless given a write token.

    GET  /api/events             events, filtered like `eventwire events` (EventFilter), paginated
    GET  /api/actors             known actor codes, most mentioned first
    GET  /api/dyads/{a}/{b}/timeline   counts per quad class and mean Goldstein per day/week/month
    GET  /api/network            actor network of a period (nodes and directed edges)
    GET  /api/quotes             quotes with speakers
    GET  /api/documents          stored stories;  GET /api/documents/{doc_id}: text + event/quote offsets
    GET  /api/stats, /api/info   store counts; what this server is
    POST /api/documents          code and store a story (only with the write token)
    GET  /openapi.json, /        the schema; the dashboard (static/)

Every error is JSON ``{"status": ..., "error": ...}``; all SQL is parameterized (store/filters.py, query.py).
"""

# No `from __future__ import annotations` here: FastAPI reads the route annotations at runtime, and
# some of them (page limits, the bearer dependency) are built inside create_app.
import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from .. import query
from ..config import Settings
from ..errors import ConfigError, EventwireError, InputError, StoreError
from ..store import lease
from ..version import __version__
from .access import QueryTimeout, StoreAccess, WriteRefused
from .limits import BodySizeLimit, Limits, error_body

STATIC = Path(__file__).resolve().parent / "static"
MAX_PERIODS = 3700  # about ten years of days: longer timelines must be weekly or monthly


class ErrorBody(BaseModel):
    """Every error response."""

    status: int
    error: str


class StoryIn(BaseModel):
    """A story to code and store."""

    text: str = Field(min_length=1, description="The story text, title on the first line.")
    published: dt.date | None = Field(None, description="Publication date; anchors relative dates.")
    title: str | None = None
    url: str | None = Field(None, description="Canonical URL: its doc_id makes re-posting idempotent.")


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in ((400, "Bad filter or date"), (404, "Not found"), (413, "Body too large"),
                       (422, "Malformed parameter"), (503, "Query took too long"))
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS, 401: {"model": ErrorBody, "description": "No token"},
    403: {"model": ErrorBody, "description": "Wrong token or read-only server"}}


def create_app(store: str, write_token: str | None = None, limits: Limits | None = None,
               settings: Settings | None = None, served_at: str | None = None) -> FastAPI:
    """The API and dashboard over the store file at ``store`` (opened read-only without a token).

    With ``served_at`` (the server's URL) a note beside the store tells other commands where the server is
    while it runs (store/lease.py).
    """
    lim = limits or Limits()
    access = StoreAccess(store, write_token, lim, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if served_at:
            lease.take(store, served_at, writable=access.writable)
        try:
            yield
        finally:
            # here rather than after uvicorn.run: uvicorn re-raises SIGTERM once it has shut down
            if served_at:
                lease.release(store)
            access.close()

    # docs_url off: Swagger UI loads from a CDN, and the dashboard must work offline
    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data (CAMEO/PLOVER) coded from news stories.")
    app.state.access = access
    app.add_middleware(BodySizeLimit, max_body=lim.max_body)
    _add_error_handlers(app)
    bearer = HTTPBearer(auto_error=False, description="The server's write token")
    Page = Annotated[int, Query(ge=1, le=lim.max_page, description=f"Rows per page (at most {lim.max_page}).")]
    Offset = Annotated[int, Query(ge=0, le=10**9)]

    @app.get("/api/info", tags=["meta"])
    def info() -> dict[str, Any]:
        """What this server serves and whether it accepts stories."""
        return {"version": __version__, "store": Path(store).name, "writable": access.writable,
                "limits": {"max_page": lim.max_page, "max_body": lim.max_body,
                           "query_seconds": lim.query_seconds}}

    @app.get("/api/events", tags=["events"], responses=ERRORS)
    def events(actor: str | None = None, source: str | None = None, target: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None,
               root: Annotated[list[str] | None, Query()] = None,
               quad_class: Annotated[list[int] | None, Query()] = None,
               cameo: str | None = None, plover: str | None = None,
               min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
               include_captions: bool = False, asserted_only: bool = False, text: str | None = None,
               doc_id: str | None = None, limit: Page = 50, offset: Offset = 0) -> dict[str, Any]:
        """Deduplicated events matching every given filter (actor codes match by prefix), oldest first."""
        f = query.EventFilter(actor=actor, source=source, target=target, since=since, until=until,
                              root=tuple(root) if root else None,
                              quad_class=tuple(quad_class) if quad_class else None, cameo=cameo, plover=plover,
                              min_confidence=min_confidence, include_captions=include_captions,
                              asserted_only=asserted_only, text=text, doc_id=doc_id, limit=limit, offset=offset)
        return _page(access.read(lambda s: s.events(f)), limit, offset)

    @app.get("/api/actors", tags=["actors"], responses=ERRORS)
    def actors(prefix: str | None = None, limit: Page = 100) -> dict[str, Any]:
        """Actor codes seen in the store (optionally starting with ``prefix``), most mentioned first."""
        return {"items": access.read(lambda s: query.actor_list(s, prefix, limit))}

    @app.get("/api/dyads/{a}/{b}/timeline", tags=["events"], responses=ERRORS)
    def timeline(a: str, b: str, since: dt.date | None = None, until: dt.date | None = None,
                 freq: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
                 directed: bool = False) -> dict[str, Any]:
        """Events between two actors per period: counts per quad class (q1..q4) and mean Goldstein."""
        def run(s: Any) -> list[dict[str, Any]]:
            bare = query.dyad_timeline(s, a, b, since, until, freq, directed, fill=False)
            _check_span(bare, since, until, freq)
            return query.dyad_timeline(s, a, b, since, until, freq, directed, fill=True)

        return {"a": a.strip().upper(), "b": b.strip().upper(), "freq": freq, "items": access.read(run)}

    @app.get("/api/network", tags=["actors"], responses=ERRORS)
    def network(since: dt.date | None = None, until: dt.date | None = None,
                min_count: Annotated[int, Query(ge=1, le=10**6)] = 1,
                root: Annotated[list[str] | None, Query()] = None, limit: Page = 200) -> dict[str, Any]:
        """The actor network of a period: directed edges with counts and mean Goldstein, and their nodes."""
        edges = access.read(lambda s: query.actor_network(s, since, until, min_count,
                                                          tuple(root) if root else None))[:limit]
        nodes: dict[str, int] = {}
        for e in edges:
            for code in (e["source"], e["target"]):
                nodes[code] = nodes.get(code, 0) + e["count"]
        return {"nodes": [{"code": c, "count": n} for c, n in sorted(nodes.items(), key=lambda x: (-x[1], x[0]))],
                "edges": edges}

    @app.get("/api/quotes", tags=["quotes"], responses=ERRORS)
    def quotes(speaker: str | None = None, doc_id: str | None = None, text: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None, direct: bool | None = None,
               limit: Page = 50, offset: Offset = 0) -> dict[str, Any]:
        """Quotes with their speakers; dates are publication dates."""
        rows = access.read(lambda s: s.quotes(speaker=speaker, doc_id=doc_id, text=text, since=since,
                                              until=until, direct=direct, limit=limit, offset=offset))
        return _page(rows, limit, offset)

    @app.get("/api/documents", tags=["documents"], responses=ERRORS)
    def documents(limit: Page = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stored stories without their text, oldest first."""
        return _page(access.read(lambda s: s.documents(limit=limit, offset=offset)), limit, offset)

    @app.get("/api/documents/{doc_id}", tags=["documents"], responses=ERRORS)
    def document(doc_id: str) -> dict[str, Any]:
        """One story's text with the offsets of its event mentions (source, trigger, target) and quotes."""
        doc = access.read(lambda s: query.document_evidence(s, doc_id))
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r} in the store")
        return doc

    @app.get("/api/stats", tags=["meta"], responses=ERRORS)
    def stats() -> dict[str, Any]:
        """Table counts, events by day and CAMEO root, the busiest dyads."""
        return access.read(lambda s: s.stats())

    @app.post("/api/documents", tags=["documents"], status_code=201, responses=WRITE_ERRORS)
    def add_document(story: StoryIn,
                     auth: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> dict[str, Any]:
        """Code a story and store it (idempotent by doc_id); needs 'Authorization: Bearer TOKEN'."""
        access.check_token(auth.credentials if auth else None)
        return access.ingest(story.text, story.published, story.title, story.url)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app


def _page(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    return {"items": rows, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(rows) == limit else None}


def _check_span(rows: list[dict[str, Any]], since: dt.date | None, until: dt.date | None, freq: str) -> None:
    """Refuse timelines whose zero-filled periods would run to millions of rows."""
    first = since or (min(r["period"] for r in rows) if rows else None)
    last = until or (max(r["period"] for r in rows) if rows else None)
    if first is None or last is None:
        return
    days = {"day": 1, "week": 7, "month": 28}[freq]
    if (last - first).days // days > MAX_PERIODS:
        raise ConfigError(f"{first} to {last} is more than {MAX_PERIODS} periods of a {freq}: "
                          "use freq=week or freq=month, or a shorter range")


def _add_error_handlers(app: FastAPI) -> None:
    """Every error as JSON {"status", "error"}: our errors by kind, HTTP and validation errors as they are."""

    def reply(status: int, message: str, **extra: Any) -> JSONResponse:
        return JSONResponse(error_body(status, message, **extra), status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return reply(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()]
        return reply(422, "; ".join(problems) or "invalid request")

    @app.exception_handler(EventwireError)
    async def ours(_request: Request, exc: EventwireError) -> JSONResponse:
        if isinstance(exc, WriteRefused):
            headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
            return JSONResponse(error_body(exc.status, str(exc)), status_code=exc.status, headers=headers)
        if isinstance(exc, QueryTimeout):
            return reply(503, str(exc))
        if isinstance(exc, ConfigError | InputError):
            return reply(400, str(exc))
        if isinstance(exc, StoreError):
            return reply(500, f"store error: {exc}")
        return reply(500, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        return reply(500, f"internal error ({type(exc).__name__}): see the server log")


__all__ = ["ErrorBody", "StoryIn", "create_app"]
