"""A store coded from our own stories, served for real by uvicorn on 127.0.0.1 (read-only and writable)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.serve import Limits, background, create_app

from .stories import build_store

TOKEN = "test-write-token-7f3a"


@pytest.fixture(scope="session")
def story_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The stories of tests/serve/stories.py, coded once per session (treat as read-only)."""
    return build_store(tmp_path_factory.mktemp("served") / "stories.duckdb")


@pytest.fixture(scope="module")
def server(story_store: str) -> Iterator[str]:
    """The base URL of a read-only server over the story store."""
    with background(create_app(story_store, limits=Limits(max_page=50, max_body=64 * 1024))) as url:
        yield url


@pytest.fixture
def writable(story_store: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(base URL, store path) of a server over a private copy of the story store, started with TOKEN."""
    path = tmp_path / "writable.duckdb"
    shutil.copyfile(story_store, path)
    with background(create_app(str(path), write_token=TOKEN, limits=Limits(max_body=64 * 1024))) as url:
        yield url, str(path)
