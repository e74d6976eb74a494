"""The event scorers: five-way class mapping, the sentence's main event, and a run on a gold file written here."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.evaluate.events import _Tally, main_event, root_class, score_pentaclass, sentence_class
from eventwire.extract.events import UNKNOWN
from eventwire.records import Actor, Event, Evidence, Mention, PartKind


@pytest.mark.parametrize(
    ("code", "klass"),
    [
        ("01", 0), ("010", 0), ("0214", 0), ("036", 1), ("057", 1), ("0841", 2), ("0874", 2),
        ("090", 3), ("1123", 3), ("138", 3), ("163", 3), ("161", 3),  # 16 is verbal conflict (Phoenix)
        ("141", 4), ("154", 4), ("173", 4), ("195", 4), ("2041", 4),
    ],
)
def test_root_class_is_the_phoenix_quad_class(code: str, klass: int) -> None:
    assert root_class(code) == klass


def _event(code: str, confidence: float, source: str = "RUS", start: int = 0) -> Event:
    actor = UNKNOWN if source == UNKNOWN.code else Actor(source, source)
    m = Mention(source, 0, 3, 0, 1, 0, 0, actor, "dictionary")
    ev = Evidence("d", 0, "s", 0, 10, "t", start, start + 1, PartKind.BODY)
    return Event("e" + code, m, None, code, "", code[:2], 1, 0.0, "", "", "", None, ev, confidence)


def test_main_event_prefers_confidence_then_non_statement() -> None:
    say, attack = _event("010", 0.8), _event("190", 0.8, start=5)
    assert main_event((say, attack)) is attack
    assert main_event((_event("190", 0.5), _event("040", 0.9))).cameo == "040"
    assert main_event(()) is None


@pytest.mark.parametrize(
    ("events", "depths", "expected"),
    [
        # the root clause's event wins over a more confident one in a purpose clause
        ((("071", 0.75, 0), ("051", 0.9, 10)), {0: 0, 10: 1}, "071"),
        ((("012", 0.7, 0), ("190", 0.7, 10)), {0: 0, 10: 2}, "012"),
        # within one depth, confidence decides
        ((("190", 0.5, 0), ("040", 0.9, 10)), {0: 0, 10: 0}, "040"),
        # without depths the old ranking holds
        ((("071", 0.75, 0), ("051", 0.9, 10)), None, "051"),
    ],
)
def test_main_event_prefers_the_root_clause(
    events: tuple[tuple[str, float, int], ...], depths: dict[int, int] | None, expected: str
) -> None:
    evs = tuple(_event(code, conf, start=start) for code, conf, start in events)
    ev = main_event(evs, depths)
    assert ev is not None and ev.cameo == expected


def test_bare_statement_yields_to_an_event_at_its_depth() -> None:
    say = replace(_event("010", 0.8), rule="say")
    ceasefire = _event("0871", 0.7, start=5)
    assert main_event((say, ceasefire), {0: 0, 5: 0}) is ceasefire
    assert main_event((say, ceasefire), {0: 0, 5: 1}) is say


@pytest.mark.parametrize(
    ("text", "word", "depth"),
    [
        ("Germany provided aid to support refugees.", "provided", 0),
        ("Germany provided aid to support refugees.", "support", 1),
        ("Officials said an attack killed five people.", "killed", 1),
        ("Officials said an attack killed five people.", "attack", 2),
        ("The envoy expressed concern about the fighting.", "fighting", 1),
    ],
)
def test_trigger_depths(parse_story, text: str, word: str, depth: int) -> None:  # type: ignore[no-untyped-def]
    from eventwire.evaluate.events import trigger_depths

    parsed = parse_story(text, title="Wire")
    tok = next(t for t in parsed.tokens if t.text == word)
    assert trigger_depths(parsed)[tok.start] == depth


def test_known_agent_beats_unknown_agent() -> None:
    known, unknown = _event("036", 0.6), _event("190", 0.3, source=UNKNOWN.code)
    assert sentence_class((unknown, known)) == 1
    assert sentence_class((unknown,)) == 4
    assert sentence_class(()) == 0  # nothing coded: the catch-all statement class


def test_tally_matrix_rows_are_gold() -> None:
    t = _Tally()
    for gold, pred in [(1, 1), (1, 0), (4, 4), (3, 4)]:
        t.add(gold, pred)
    m = t.matrix()
    assert m["gold 1 verbal coop"]["0 statement"] == 1 and m["gold 3 verbal conflict"]["4 material conflict"] == 1
    assert t.accuracy == 0.5 and t.per[4].tp == 1 and t.per[4].fp == 1
    assert sum(sum(row.values()) for row in m.values()) == 4


def test_score_pentaclass_on_a_small_gold_file(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ("Russian jets bombed the Ukrainian city of Kharkiv on Monday.", 4),
        ("Germany sent humanitarian aid to Ukraine.", 2),
        ("France condemned the Russian invasion of Ukraine.", 3),
        ("Japan and China held talks in Beijing.", 1),
        ("Arsenal beat Chelsea 2-1 on Saturday.", 0),
    ]
    path = tmp_path / "gold.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for text, label in rows:
            fh.write(json.dumps({"text": text, "labels": {"cameo_pentaclass": label}}) + "\n")
    report = score_pentaclass(path)
    assert report["sentences"] == 5
    assert report["accuracy"] >= 0.8, report["misclassified"]
    assert set(report["confusion"]) == {f"gold {c} {n}" for c, n in enumerate(
        ("statement", "verbal coop", "material coop", "verbal conflict", "material conflict"))}
    assert 0.0 <= report["macro_f1_known_actors"] <= 1.0
    assert all(v["coded"] for v in report["misclassified"].values())


def test_unknown_agent_is_marked() -> None:
    m = replace(_event("190", 0.3, source=UNKNOWN.code).source)
    assert m.actor.code == "---" and m.actor.country is None
