"""Modality: negation, refusal, denial, condition, future and hypothetical readings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.extract.frames import SentenceTree
from eventwire.extract.modality import conditions_of, in_condition, read_modality
from eventwire.records import Parsed
from tests.extract.test_events import _events


def _tree(parse_story: Callable[..., Parsed], text: str) -> tuple[SentenceTree, Parsed]:
    parsed = parse_story(text, title="Wire")
    return SentenceTree(parsed, parsed.sentences[-1]), parsed


def _token(parsed: Parsed, word: str) -> int:
    return next(t.i for t in parsed.tokens if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "negated", "future", "hypothetical"),
    [
        ("Russia did not attack Ukraine.", "attack", True, False, False),
        ("Russia will meet Ukraine in Minsk.", "meet", False, True, False),
        ("Russia could attack Ukraine.", "attack", False, False, True),
        ("Russia attacked Ukraine.", "attacked", False, False, False),
        ("Russia never recognized Kosovo.", "recognized", True, False, False),
        ("Iran said it would send drones.", "send", False, True, False),
    ],
)
def test_read_modality(
    parse_story: Callable[..., Parsed], text: str, word: str, negated: bool, future: bool, hypothetical: bool
) -> None:
    tree, parsed = _tree(parse_story, text)
    m = read_modality(tree, (_token(parsed, word),))
    assert (m.negated, m.future, m.hypothetical) == (negated, future, hypothetical)


def test_condition_clause_is_found(parse_story: Callable[..., Parsed]) -> None:
    tree, parsed = _tree(parse_story, "Iran will retaliate if Israel strikes its nuclear sites.")
    assert in_condition(tree, _token(parsed, "strikes"))
    assert not in_condition(tree, _token(parsed, "retaliate"))
    assert conditions_of(tree, (_token(parsed, "retaliate"),)) == [_token(parsed, "strikes")]


@pytest.mark.parametrize(
    ("text", "source", "code", "target", "negated"),
    [
        ("Russia did not agree to meet Ukraine.", "RUS", "125", "UKR", True),
        ("Russia refused to hold talks with Ukraine.", "RUS", "125", "UKR", False),
        ("Iran declined to release the French sailors.", "IRN", "1243", "FRA", False),
        ("China rejected the U.S. proposal for direct talks.", "CHN", "125", "USA", False),
        ("Russia denied involvement in the attack.", "RUS", "016", None, False),
    ],
)
def test_negation_and_refusal_recode(
    parse_story: Callable[..., Parsed], text: str, source: str, code: str, target: str | None, negated: bool
) -> None:
    events = _events(parse_story, text)
    hits = [
        e
        for e in events
        if e.source.actor.code == source
        and e.cameo == code
        and (e.target.actor.code if e.target else None) == target
    ]
    assert hits and hits[0].negated is negated, [(e.source.actor.code, e.cameo) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not attack Ukraine on Monday.",
        "Israel has not bombed Gaza since Friday.",
        "Iran will retaliate if Israel strikes its nuclear sites.",  # the strike is only a condition
        "Putin warned NATO against deploying troops to Ukraine.",  # the deployment is warned against
    ],
)
def test_unreal_events_are_dropped(parse_story: Callable[..., Parsed], text: str) -> None:
    codes = {(e.source.actor.code, e.root) for e in _events(parse_story, text)}
    assert ("RUS", "19") not in codes and ("ISR", "19") not in codes and ("NATO", "15") not in codes


def test_condition_names_who_is_threatened(parse_story: Callable[..., Parsed]) -> None:
    events = _events(parse_story, "Iran said it is ready to take military measures if Israel attacks.")
    assert any(
        e.source.actor.code == "IRN" and e.root == "13" and e.target and e.target.actor.code == "ISR"
        for e in events
    )


def test_future_and_hypothetical_flags(parse_story: Callable[..., Parsed]) -> None:
    (will,) = _events(parse_story, "France will sanction Iran.")
    (could,) = _events(parse_story, "France could sanction Iran.")
    assert will.future and not will.hypothetical
    assert could.hypothetical and not could.future


@pytest.mark.parametrize(
    ("text", "word", "obliged"),
    [
        ("Israel must end its attacks.", "end", True),
        ("Iran should release the sailors.", "release", True),
        ("Russia has to withdraw its troops.", "withdraw", True),
        ("Russia will withdraw its troops.", "withdraw", False),
        ("Iran released the sailors.", "released", False),
    ],
)
def test_obligation(parse_story: Callable[..., Parsed], text: str, word: str, obliged: bool) -> None:
    tree, parsed = _tree(parse_story, text)
    assert read_modality(tree, (_token(parsed, word),)).obliged is obliged


@pytest.mark.parametrize(
    ("text", "source", "code", "target"),
    [
        ("Russia will not lift its sanctions on Georgia.", "RUS", "1244", None),  # refusal
        ("Turkey does not accept refugees from Syria.", "TUR", "12", "SYR"),
    ],
)
def test_refusing_negation_is_a_rejection(
    parse_story: Callable[..., Parsed], text: str, source: str, code: str, target: str | None
) -> None:
    from tests.extract.test_events import _has, _triples

    events = _events(parse_story, text)
    assert _has(events, source, code, target), sorted(_triples(events))


def test_an_infinitive_on_a_noun_under_a_negated_verb_does_not_happen(parse_story: Callable[..., Parsed]) -> None:
    # "would not give permission to Chile to aid Peru": no aid, by anyone
    from eventwire.pipeline import code_text

    events = code_text("Lula said he would not give permission to Chile to aid Peru.", published="2021-05-04").events
    assert not [e for e in events if e.root == "07"], [(e.source.actor.code, e.cameo) for e in events]


def test_a_purpose_is_aimed_at_not_done(parse_story: Callable[..., Parsed]) -> None:
    # the sending is done; the help it is for is only wanted
    from eventwire.pipeline import code_text

    events = code_text("Spain deployed two frigates to help Morocco.", published="2021-05-04").events
    helped = [e for e in events if e.root == "07"]
    assert helped and all(e.hypothetical for e in helped), [(e.cameo, e.hypothetical) for e in events]
    assert any(not e.hypothetical for e in events if e.root != "07")
