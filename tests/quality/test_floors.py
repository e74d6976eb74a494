"""Quality gate: the evaluations on the dev gold sets stay above pinned floors.

Floors sit just under the figures measured when they were last raised. They are only ever raised;
lowering one needs a note in the commit that says which figure, by how much, and why.
Run with ``-s`` to see the measured figures.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from tests.conftest import SHARED, needs_shared

DEV = SHARED / "gold" / "dev"

# (gold file, task) -> {path into the report: floor}
FLOORS: dict[tuple[str, str], dict[tuple[str, ...], float]] = {
    ("cameo_class_confliBERT_train.jsonl.gz", "pentaclass"): {
        # raised 2026-11-29, third round (spaCy's wrong verb lemmas fixed, peacekeepers arriving, relief sent, access
        # allowed, exercises staged together, set free, defeat conceded, calls reiterated, contributions
        # to an effort; later armed groups and conflict-zone leaders): measured 0.897 / 0.897 / 0.809 /
        # 0.846 0.926 0.879 0.915 0.919; floors ~0.01 below
        ("macro_f1",): 0.887,
        ("accuracy",): 0.887,
        ("macro_f1_known_actors",): 0.799,
        ("per_class", "0 statement", "f1"): 0.835,
        ("per_class", "1 verbal coop", "f1"): 0.915,
        ("per_class", "2 material coop", "f1"): 0.865,
        ("per_class", "3 verbal conflict", "f1"): 0.90,
        ("per_class", "4 material conflict", "f1"): 0.905,
        # the check half (errors never read since the split of 2026-12-05): measured 0.9025, min recall 0.8425
        ("halves", "check", "macro_f1"): 0.892,
        ("halves", "check", "min_class_recall"): 0.83,
    },
    ("cameo_actors_confliBERT_train.jsonl.gz", "actors"): {
        # measured 2026-11-29, third round: span coverage 0.738, event source 0.783, target 0.499 (a place
        # stands for its country as a target; passive expulsions; 39 armed groups and 60 leaders), codes 0.828
        # raised 2026-12-05 (people no dictionary knows coded as unresolved agents; conjuncts of a shared
        # role): event source 0.840, target 0.526; check half 0.829 / 0.510
        # raised 2026-12-06 (unresolved targets: people, names and, for force, held places no dictionary
        # knows; organisations as unresolved agents): source 0.855, target 0.574; check 0.839 / 0.554
        # raised 2026-12-07 (targets read from the act's phrase and purpose; provinces and states;
        # pre-tokenized clitics, numbers and abbreviations rejoined): span coverage 0.760, source 0.878,
        # target 0.684; check 0.857 / 0.652
        ("span_coverage",): 0.75,
        ("event_source",): 0.868,
        ("event_target",): 0.674,
        ("code_accuracy",): 0.823,
        ("halves", "check", "event_source"): 0.847,
        ("halves", "check", "event_target"): 0.642,
    },
    ("timex_aquaint.jsonl.gz", "timex"): {
        ("recall",): 0.90,
        ("value_accuracy",): 0.89,
    },
    ("quotes_polnear_dev.jsonl.gz", "quotes"): {
        ("content", "f1"): 0.70,  # 0.714 after evidence and belief cues ("a poll shows that")
        ("speaker_direct", "f1"): 0.89,
    },
}


@cache
def _report(name: str, task: str) -> dict[str, Any]:
    from eventwire.evaluate import evaluate

    return evaluate(DEV / name, task=task)


def _figure(report: dict[str, Any], path: tuple[str, ...]) -> float:
    value: Any = report
    for key in path:
        value = value[key]
    return float(value)


@needs_shared
@pytest.mark.parametrize(("name", "task"), list(FLOORS), ids=[t for _, t in FLOORS])
def test_dev_figures_stay_above_floors(name: str, task: str) -> None:
    if not (DEV / name).is_file():
        pytest.skip(f"{name} is not in ../shared/gold/dev")
    report = _report(name, task)
    low = []
    for path, floor in FLOORS[(name, task)].items():
        got = _figure(report, path)
        print(f"{task:>10} {'.'.join(path):<32} {got:.4f}  (floor {floor})")
        if got < floor:
            low.append(f"{'.'.join(path)} = {got:.4f} < floor {floor}")
    assert not low, f"{task} on {name} fell below its floors: " + "; ".join(low)
