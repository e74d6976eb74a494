"""Scoring actor resolution: the gold format is detected, figures are computed, the hand codes are sound."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from eventwire.evaluate import detect_task, evaluate
from eventwire.evaluate.actors import DEFAULT_CODES, load_codes
from tests.conftest import SHARED, needs_shared

RECORDS = [
    {"id": "t-1", "text": "Russian troops shelled the town .",
     "labels": {"actor": ["Russian troops"], "recipient": []}},
    {"id": "t-2", "text": "A Swiss court rejected the Croatian government 's request .",
     "labels": {"actor": ["A Swiss court"], "recipient": ["the Croatian government 's request"]}},
    {"id": "t-3", "text": "A car bomb killed three people .", "labels": {"actor": ["A car bomb"], "recipient": []}},
]


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for r in RECORDS:
            fh.write(json.dumps(r) + "\n")
    return path


def test_the_format_is_detected(gold: Path) -> None:
    assert detect_task(gold) == "actors"


def test_figures_on_a_small_gold_file(gold: Path, tmp_path: Path) -> None:
    codes = tmp_path / "codes.jsonl"
    codes.write_text("\n".join(json.dumps(c) for c in [
        {"id": "t-1", "span": "Russian troops", "code": "RUSMIL"},
        {"id": "t-2", "span": "A Swiss court", "code": "CHEJUD"},
        {"id": "t-3", "span": "A car bomb", "code": "-"},
        {"id": "t-2", "span": "the Croatian government 's request", "code": "SRBGOV"},  # a deliberate miss
    ]), encoding="utf-8")
    from eventwire.evaluate.actors import score_actors

    report = score_actors(gold, codes=codes)
    assert report["gold_spans"] == 4
    assert report["span_coverage"] == pytest.approx(3 / 4)
    assert report["hand_coded_spans"] == 4 and report["code_accuracy"] == pytest.approx(3 / 4)
    assert report["errors"] == {"wrong actor": {"count": 1}}


def test_the_hand_coded_sample_is_large_well_formed_and_holds_no_sentences() -> None:
    codes = load_codes(DEFAULT_CODES)
    assert len(codes) >= 150
    for (rid, span), code in codes.items():
        assert rid.startswith("conflibert-cameo_ner-train-") and len(span) < 120
        assert code == "-" or re.fullmatch(r"[A-Z]{3,12}", code), code
    keys = {json.dumps(sorted(json.loads(line))) for line in DEFAULT_CODES.read_text().splitlines()}
    assert keys == {json.dumps(["code", "id", "span"])}


@needs_shared
def test_the_dev_set_floors() -> None:
    report = evaluate(SHARED / "gold" / "dev" / "cameo_actors_confliBERT_train.jsonl.gz", limit=300)
    # measured 0.819 and 0.822 (actor resolution round 2); floors leave room for parser noise only
    assert report["span_coverage"] >= 0.79
    assert report["code_accuracy"] >= 0.79
