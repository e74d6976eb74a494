"""Shared fixtures: one spaCy pipeline per test session, and a parse helper over our own texts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.ingest import read_text
from eventwire.nlp import load_model, parse
from eventwire.records import Parsed

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_d932a825c84dced8.txt"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (dev corpora and gold) is not beside the repo")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The default spaCy pipeline, loaded once."""
    return load_model()


@pytest.fixture(scope="session")
def parse_story(nlp) -> Callable[..., Parsed]:  # type: ignore[no-untyped-def]
    """Parse a story string: parse_story(text, published='2021-12-22', title=None)."""

    def _parse(text: str, published: str | None = "2021-12-22", title: str | None = None) -> Parsed:
        pub = dt.date.fromisoformat(published) if published else None
        return parse(read_text(text, published=pub, title=title), nlp)

    return _parse
