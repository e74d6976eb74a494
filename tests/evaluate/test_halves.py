"""The tune/check split of gold files: fixed, about even, and kept apart in every report."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.evaluate import evaluate
from eventwire.evaluate.common import HALVES, half_of, read_jsonl

ROWS = [
    ("Russian jets bombed the Ukrainian city of Kharkiv on Monday.", 4),
    ("Germany sent humanitarian aid to Ukraine.", 2),
    ("France condemned the Russian invasion of Ukraine.", 3),
    ("Japan and China held talks in Beijing.", 1),
    ("Arsenal beat Chelsea 2-1 on Saturday.", 0),
    ("Chile accused Peru of violating the fishing accord.", 3),
    ("Kenya pledged to send police officers to Haiti.", 1),
    ("Egypt released three detained Sudanese journalists.", 2),
]


def _gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for n, (text, label) in enumerate(ROWS):
            fh.write(json.dumps({"id": f"g{n}", "text": text, "labels": {"cameo_pentaclass": label}}) + "\n")
    return path


def test_a_record_keeps_its_half_whatever_the_order() -> None:
    records = [{"id": f"sent-{n}", "text": "x"} for n in range(400)]
    first = [half_of(r) for r in records]
    assert first == [half_of(r) for r in reversed(records)][::-1]
    assert set(first) == set(HALVES)
    assert 150 < first.count("check") < 250  # about half, not all in one


def test_records_without_an_id_split_by_their_text() -> None:
    assert half_of({"text": "Iran and Iraq signed a deal."}) == half_of({"text": "Iran and Iraq signed a deal."})
    assert len({half_of({"text": f"sentence {n}"}) for n in range(20)}) == 2


def test_read_jsonl_reads_one_half(tmp_path: Path) -> None:
    path = _gold(tmp_path)
    tune = [r["id"] for r in read_jsonl(path, half="tune")]
    check = [r["id"] for r in read_jsonl(path, half="check")]
    assert sorted(tune + check) == sorted(r["id"] for r in read_jsonl(path))
    assert not set(tune) & set(check)


def test_report_has_both_halves_and_errors_from_the_tune_half_only(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = _gold(tmp_path)
    report = evaluate(path)
    halves = report["halves"]
    assert set(halves) == set(HALVES)
    assert halves["tune"]["sentences"] + halves["check"]["sentences"] == report["sentences"] == len(ROWS)
    check_texts = {r["text"] for r in read_jsonl(path, half="check")}
    assert not {v["text"] for v in report["misclassified"].values()} & check_texts
    alone = evaluate(path, half="check")
    assert alone["sentences"] == halves["check"]["sentences"]
    assert alone["macro_f1"] == halves["check"]["macro_f1"]
    assert 0.0 <= report["no_event_share"] <= 1.0


def test_an_unknown_half_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown half 'dev'"):
        evaluate(_gold(tmp_path), half="dev")
