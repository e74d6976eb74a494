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
from .common import HALVES, read_jsonl

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


#: Tasks whose scorer reports its tune and check halves itself (it codes the file once for all three).
SPLITS_ITSELF = frozenset({"pentaclass", "actors"})


def evaluate(path: str | Path, task: str | None = None, model: str | None = None,
             limit: int | None = None, half: str | None = None) -> dict[str, Any]:
    """Score eventwire on a gold file; returns a report dict (figures, per-label tables).

    Every report of a whole file carries ``halves``: the headline figures of its tune half (whose errors
    are read when tuning) and of its check half (which stands for unseen news: judge a change by it).
    ``half`` scores one half alone.
    """
    name = task or detect_task(path)
    if name not in TASKS:
        raise ConfigError(f"unknown evaluation task {name!r}: choose one of {', '.join(TASKS)}")
    if half is not None and half not in HALVES:
        raise ConfigError(f"unknown half {half!r}: choose one of {', '.join(HALVES)}")
    if name == "html" and half is not None:
        raise ConfigError("the html task scores whole page sets: it has no tune/check halves")
    module, func = TASKS[name]
    scorer = getattr(import_module(module), func)
    kwargs: dict[str, Any] = {"half": half} if half is not None else {}
    report: dict[str, Any] = scorer(path, model=model, limit=limit, **kwargs)
    if half is None and name not in SPLITS_ITSELF and name != "html":
        report["halves"] = {h: _headline(scorer(path, model=model, limit=limit, half=h)) for h in HALVES}
    return report


def _headline(report: dict[str, Any]) -> dict[str, Any]:
    """The figures of a report, without its lists; a nested table's F1 as one figure ("content f1")."""
    out: dict[str, Any] = {}
    for key, value in report.items():
        if isinstance(value, bool) or key in ("task", "file"):
            continue
        if isinstance(value, int | float):
            out[key] = value
        elif isinstance(value, dict) and "f1" in value:
            out[f"{key} f1"] = value["f1"]
    return out
