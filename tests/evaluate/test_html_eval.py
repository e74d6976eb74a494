"""The HTML evaluation: token overlap, detection of HTML gold, and a tiny gold file of our own."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.evaluate import detect_task, evaluate
from eventwire.evaluate.html import token_overlap

from ..ingest.test_sources import PAGE, STORY


@pytest.mark.parametrize(("predicted", "gold", "tp", "fp", "fn"), [
    ("the talks resumed", "The talks resumed.", 3, 0, 0),
    ("menu the talks resumed", "the talks resumed", 3, 1, 0),
    ("the talks", "the talks resumed", 2, 0, 1),
    ("", "the talks", 0, 0, 2),
    ("the the the", "the", 1, 2, 0),
])
def test_token_overlap(predicted: str, gold: str, tp: int, fp: int, fn: int) -> None:
    prf = token_overlap(predicted, gold)
    assert (prf.tp, prf.fp, prf.fn) == (tp, fp, fn)


def test_html_gold_is_detected_and_scored(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl.gz"
    records = [{"url": "https://example.org/a", "html": PAGE, "gold_body": "\n".join([STORY] * 3),
                "gold_date": "2021-12-21"},
               {"url": "https://example.org/b", "html": "<html><script>x</script></html>", "gold_body": STORY,
                "gold_date": "2020-01-01"}]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in records) + "\n")
    assert detect_task(path) == "html"
    report = evaluate(path)
    assert report["refused_pages"] == 1
    assert report["date"] == {"pages": 2, "accuracy": 0.5, "found": 0.5, "precision": 1.0}
    # The refused page costs its whole gold body: recall stays near 3/4 although page a is read well.
    assert 0.6 < report["body_tokens"]["recall"] < 0.76 and report["body_tokens"]["precision"] > 0.9
