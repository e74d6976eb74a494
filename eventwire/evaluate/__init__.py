"""Scoring eventwire against gold data: one module per task, one entry point that picks the task.

Gold files from other projects are read as data; the task is detected from the first record's fields
unless named: pentaclass (ConfliBERT cameo_class), events (eventwire gold), timex (TimeML), quotes (PolNeAR),
actors (ConfliBERT cameo_ner source/target spans).
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from .common import read_jsonl

#: task name → (module, scoring function)
TASKS: dict[str, tuple[str, str]] = {
    "pentaclass": ("eventwire.evaluate.events", "score_pentaclass"),
    "events": ("eventwire.evaluate.events", "score_events"),
    "timex": ("eventwire.evaluate.timex", "score_timex"),
    "quotes": ("eventwire.evaluate.quotes", "score_quotes"),
    "actors": ("eventwire.evaluate.actors", "score_actors"),
    "html": ("eventwire.evaluate.html", "score_html"),
}


def detect_task(path: str | Path) -> str:
    """Guess the gold format from the first record's fields."""
    from .html import is_html_gold

    if is_html_gold(path):  # HTML gold has no 'text' field, which read_jsonl requires
        return "html"
    first = next(read_jsonl(path, limit=1), None)
    if first is None:
        raise InputError(str(path), "gold file holds no records")
    labels = first.get("labels") or {}
    if "cameo_pentaclass" in labels:
        return "pentaclass"
    if "actor" in labels and "recipient" in labels:
        return "actors"
    if "events" in first and isinstance(first["events"], list) and "timexes" not in first:
        return "events"
    if "timexes" in first:
        return "timex"
    if any(k in first for k in ("attributions", "quotes")):
        return "quotes"
    raise InputError(str(path), "unknown gold format: name the task with --task " + "|".join(TASKS))


def evaluate(path: str | Path, task: str | None = None, model: str | None = None,
             limit: int | None = None) -> dict[str, Any]:
    """Score eventwire on a gold file; returns a report dict (figures, per-label tables)."""
    name = task or detect_task(path)
    if name not in TASKS:
        raise ConfigError(f"unknown evaluation task {name!r}: choose one of {', '.join(TASKS)}")
    module, func = TASKS[name]
    scorer = getattr(import_module(module), func)
    report: dict[str, Any] = scorer(path, model=model, limit=limit)
    return report
