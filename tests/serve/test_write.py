"""Writes over HTTP: refused without the token on every write route; the CLI explains a held store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from eventwire.serve import create_app
from eventwire.store import lease

from .conftest import TOKEN

STORY = {"text": "ATHENS (Wire) - Greece accused Turkey on Monday of violating its airspace.",
         "published": "2021-12-23", "title": "Greece accuses Turkey"}
ROOT = Path(__file__).resolve().parents[2]


def write_routes() -> list[tuple[str, str]]:
    """Every (method, path) of the app that changes the store."""
    app = create_app(":memory:", write_token="x")
    routes = [(m, r.path) for r in app.routes for m in sorted(getattr(r, "methods", ()) or ())
              if m in ("POST", "PUT", "PATCH", "DELETE")]
    assert routes, "the app has no write route to check"
    return routes


WRITE_ROUTES = write_routes()


@pytest.mark.parametrize(("method", "path"), WRITE_ROUTES)
@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401),
    ({"Authorization": "Bearer wrong-token"}, 403),
    ({"Authorization": f"Bearer {TOKEN}x"}, 403),
    ({"Authorization": f"Basic {TOKEN}"}, 401),
    ({"X-Token": TOKEN}, 401),
])
def test_write_routes_refuse_a_missing_or_wrong_token(writable: tuple[str, str], method: str, path: str,
                                                      headers: dict[str, str], status: int) -> None:
    url, _ = writable
    before = httpx.get(url + "/api/stats", timeout=30).json()["counts"]["documents"]
    r = httpx.request(method, url + path, json=STORY, headers=headers, timeout=60)
    assert r.status_code == status
    assert r.json()["status"] == status and "token" in r.json()["error"]
    assert httpx.get(url + "/api/stats", timeout=30).json()["counts"]["documents"] == before


@pytest.mark.parametrize(("method", "path"), WRITE_ROUTES)
def test_a_read_only_server_refuses_writes_even_with_a_token(server: str, method: str, path: str) -> None:
    r = httpx.request(method, server + path, json=STORY, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert r.status_code == 403
    assert "read-only" in r.json()["error"]


def test_the_right_token_codes_and_stores_a_story_once(writable: tuple[str, str]) -> None:
    url, _ = writable
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = httpx.post(url + "/api/documents", json=STORY, headers=auth, timeout=120)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["added"] is True and body["events"] >= 1 and body["published"] == "2021-12-23"
    again = httpx.post(url + "/api/documents", json=STORY, headers=auth, timeout=120).json()
    assert again == {**body, "added": False}
    events = httpx.get(url + "/api/events", params={"doc_id": body["doc_id"]}, timeout=30).json()["items"]
    assert ("GRC", "TUR") in [(e["source"], e["target"]) for e in events]


@pytest.mark.parametrize(("story", "words"), [
    ({"text": ""}, "text"),
    ({"text": "12345 67890"}, "no letters"),
    ({"text": "Greece and Turkey met.", "published": "not a date"}, "published"),
])
def test_bad_stories_are_refused_with_a_reason(writable: tuple[str, str], story: dict[str, str], words: str) -> None:
    url, _ = writable
    r = httpx.post(url + "/api/documents", json=story, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
    assert r.status_code in (400, 422)
    assert words in r.json()["error"]


def test_the_cli_says_where_the_server_is_when_it_holds_the_store(writable: tuple[str, str]) -> None:
    url, path = writable
    lease.take(path, url, writable=True)  # what `eventwire serve` does before listening
    try:
        done = subprocess.run([sys.executable, "-m", "eventwire", "subscribe", "a@example.org", "--db", path],
                              capture_output=True, text=True, cwd=ROOT, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        lease.release(path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Conflicting lock" not in done.stderr
    assert f"eventwire serve` (pid {os.getpid()}) holds it at {url}" in done.stderr
    assert f"{url}/api/documents" in done.stderr
    assert not lease.lease_path(path).exists()
