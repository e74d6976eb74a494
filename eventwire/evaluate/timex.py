"""Scoring date expressions against TimeML gold (TempEval-3 AQUAINT converted to JSONL).

Gold record: {"text": ..., "date": "1998-08-07" (document date, may carry a time), "title": ...,
"timexes": [{"start", "end", "value", "type"}, ...]} with character offsets into ``text``.
Only DATE timexes are scored: recall is the share of gold DATEs overlapped by a found date;
value accuracy is, over those matched, the share whose value equals the gold value up to notation
("199X" = "199", "1968-XX" = "1968", "W7" = "W07"; ``value_accuracy_exact`` without that);
``value_accuracy_day`` also accepts a gold value that only adds a time of day ("2000-04-05TNI").
Gold values eventwire never produces (PRESENT_REF, PAST_REF, durations) stay in the recall base
on purpose: the figure says how much of what annotators dated we date.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..extract.timex import find_dates
from ..nlp import load_model, parse_documents
from ..records import DateRef
from .common import gold_documents, half_of, read_jsonl

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

SCORED_TYPE = "DATE"


def score_timex(
    path: str | Path, nlp: Language | None = None, limit: int | None = None, model: str | None = None,
    half: str | None = None,
) -> dict[str, Any]:
    """Recall of gold DATE timexes and value accuracy of the matched ones, over a gold JSONL(.gz) file.

    Missed examples are listed from the tune half only (``half_of``), so the check half stays unread.
    """
    records = list(read_jsonl(path, limit, half=half))
    pipeline = nlp or load_model(model)
    docs, kept, skipped = gold_documents(records, path, with_title=True)
    counts: Counter[str] = Counter()
    misses: list[dict[str, str]] = []
    for rec, parsed in zip(kept, parse_documents(docs, pipeline), strict=True):
        found = find_dates(parsed)
        counts["predicted"] += len(found)
        gold_any = [(g["start"], g["end"]) for g in rec.get("timexes", [])]
        counts["predicted_overlapping_gold"] += sum(1 for d in found if _overlaps_any(d, gold_any))
        for g in rec.get("timexes", []):
            if g.get("type") != SCORED_TYPE:
                continue
            counts["gold"] += 1
            hit = next((d for d in found if d.start < g["end"] and g["start"] < d.end), None)
            if hit is None:
                if len(misses) < 50 and half_of(rec) == "tune":
                    misses.append(
                        {"text": g.get("text", rec["text"][g["start"] : g["end"]]), "gold": g["value"]}
                    )
                continue
            counts["matched"] += 1
            counts["value_exact"] += hit.value == g["value"]
            counts["value_norm"] += _normalise(hit.value) == _normalise(g["value"])
            counts["value_day"] += _same_day_value(_normalise(hit.value), _normalise(g["value"]))
    return {
        "task": "timex",
        "documents": len(kept),
        "skipped_documents": skipped,
        "gold_dates": counts["gold"],
        "matched": counts["matched"],
        "recall": _ratio(counts["matched"], counts["gold"]),
        "value_accuracy": _ratio(counts["value_norm"], counts["matched"]),
        "value_accuracy_exact": _ratio(counts["value_exact"], counts["matched"]),
        "value_accuracy_day": _ratio(counts["value_day"], counts["matched"]),
        "predicted": counts["predicted"],
        "precision_any_timex": _ratio(counts["predicted_overlapping_gold"], counts["predicted"]),
        "missed_examples": misses,
    }


def _overlaps_any(d: DateRef, spans: list[tuple[int, int]]) -> bool:
    return any(d.start < e and s < d.end for s, e in spans)


def _normalise(value: str) -> str:
    """Notational variants made equal: '199X' = '199', '1968-XX' = '1968', '2000-W7' = '2000-W07'."""
    value = re.sub(r"(?:-XX)+$", "", value)
    value = re.sub(r"(?<=\d)X+$", "", value)
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


def _same_day_value(ours: str, gold: str) -> bool:
    """Equal values, or the gold value is ours plus a time of day ("2000-04-05TNI")."""
    return ours == gold or (gold.startswith(ours + "T") and len(ours) == 10)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


__all__ = ["score_timex"]
