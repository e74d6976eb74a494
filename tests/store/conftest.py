"""Fixtures for store tests: an in-memory store and the hand-made document factory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty in-memory store."""
    with Store() as s:
        yield s
