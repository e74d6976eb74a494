"""The TimeML scorer on a gold file written here, and (needs_shared) on the AQUAINT dev set."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.timex import score_timex
from tests.conftest import SHARED, needs_shared

GOLD_TEXT = "Rebels attacked the town on Tuesday. Talks will resume next week. The 2022 budget was cut."


def _gold(tmp_path: Path, records: list[dict]) -> Path:  # type: ignore[type-arg]
    path = tmp_path / "gold.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
    return path


def _span(text: str, part: str, value: str, kind: str = "DATE") -> dict[str, object]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part, "value": value, "type": kind}


def test_score_timex_counts_recall_and_values(nlp, tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        [
            {
                "id": "t1",
                "text": GOLD_TEXT,
                "date": "2021-12-22T10:00",
                "timexes": [
                    _span(GOLD_TEXT, "Tuesday", "2021-12-21"),
                    _span(GOLD_TEXT, "next week", "2021-W51"),  # wrong on purpose: our value is 2021-W52
                    _span(GOLD_TEXT, "2022", "2022"),  # a budget's year: we must not find it
                    _span(GOLD_TEXT, "Rebels", "P1D", "DURATION"),  # not a DATE: outside the scored base
                ],
            }
        ],
    )
    report = score_timex(gold, nlp=nlp)
    assert (report["documents"], report["gold_dates"], report["matched"]) == (1, 3, 2)
    assert report["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["value_accuracy"] == pytest.approx(0.5)
    assert report["predicted"] == 2
    assert [m["text"] for m in report["missed_examples"]] == ["2022"]


def test_score_timex_treats_notation_variants_as_equal(nlp, tmp_path: Path) -> None:
    text = "The province was ruled by the army in the 1990s."
    gold = _gold(tmp_path, [{"text": text, "date": "2021-12-22", "timexes": [_span(text, "1990s", "199X")]}])
    report = score_timex(gold, nlp=nlp)
    assert (report["value_accuracy"], report["value_accuracy_exact"]) == (1.0, 0.0)


def test_score_timex_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such gold file"):
        score_timex(tmp_path / "absent.jsonl.gz")


@needs_shared
def test_score_timex_dev_floor(nlp) -> None:
    report = score_timex(SHARED / "gold" / "dev" / "timex_aquaint.jsonl.gz", nlp=nlp, limit=20)
    # floors well under the figures at the time of writing (full file: recall .89, values .90)
    assert report["recall"] >= 0.8
    assert report["value_accuracy"] >= 0.8
