"""Round-2 coder cases: what is not coded, reported acts with unnamed agents, one statement per speech verb."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.config import Settings
from eventwire.records import Parsed
from tests.extract.test_events import _events, _triples, stub_mentions

# (sentence, CAMEO root that must not be coded)
NOT_CODED = [
    ("Japan is considering sending aid to North Korea.", "07"),
    ("The Israeli army has reinforced its commitment to the peace deal.", "15"),
    ("We will impose sanctions on Iran, Macron said.", "16"),  # announced: a threat, not the act
    ("Iran sent Russia a letter.", "07"),
    ("Albania has need of aid from Italy.", "07"),
    ("Germany announced a billion dollar bid for the French company.", "07"),
    ("The Iranian team set up a training camp near Tehran.", "18"),
    ("Egypt declared a state of emergency to fight terrorism.", "19"),  # a fight against a scourge
    ("Russian troops failed to capture the town.", "19"),  # a failed act did not happen
]


@pytest.mark.parametrize(("text", "root"), NOT_CODED, ids=[t[0][:40] for t in NOT_CODED])
def test_does_not_code(parse_story: Callable[..., Parsed], text: str, root: str) -> None:
    events = _events(parse_story, text)
    assert not [e for e in events if e.root == root[:2] and e.cameo.startswith(root)], sorted(_triples(events))


REPORTED = [
    # (sentence, whether the statement stands: the reported act has no named agent)
    ("Pakistan said a bomb killed ten people.", True),
    ("Pakistan said an attack killed ten people.", True),
    ("Pakistan said gunmen killed ten people in Syria.", False),
]


@pytest.mark.parametrize(("text", "statement"), REPORTED, ids=[r[0][:40] for r in REPORTED])
def test_unnamed_reported_violence_leaves_the_statement(
    parse_story: Callable[..., Parsed], text: str, statement: bool
) -> None:
    from eventwire.extract.events import UNKNOWN, code_events

    parsed = parse_story(text, title="Wire")
    kept = code_events(parsed, stub_mentions(parsed), (), (), keep_statements=True, keep_unknown=True)
    said = [e for e in kept if e.cameo == "010" and e.source.actor.code == "PAK"]
    assert bool(said) is statement, sorted(_triples(kept))
    # the statement never takes the violent code itself
    assert not [e for e in kept if e.source.actor.code == "PAK" and e.root in ("18", "19")]
    assert all(e.source.actor.code == UNKNOWN.code for e in kept if e.root in ("18", "19"))


def test_one_statement_per_speech_verb(parse_story: Callable[..., Parsed]) -> None:
    text = "A court in Iran released the French journalist but barred her from leaving, officials in France said."
    parsed = parse_story(text, title="Wire")
    from eventwire.extract.events import code_events

    kept = code_events(parsed, stub_mentions(parsed), (), (), keep_statements=True, keep_unknown=True)
    assert not [e for e in kept if e.cameo == "010"], sorted(_triples(kept))
    assert [e for e in kept if e.cameo.startswith("084")], sorted(_triples(kept))


@pytest.mark.parametrize("text", [
    "The Houthis claimed that they had attacked the Saudi airport.",
    "Iraq claimed American jets had bombed a school in Basra.",
])
def test_what_a_claim_says_happened_is_coded_as_hypothetical(parse_story: Callable[..., Parsed], text: str) -> None:
    # the claim stands as the claimant's statement; what it claims is coded too, as one side's word
    from eventwire.pipeline import code_text

    events = code_text(text, published="2021-05-04", settings=Settings(keep_statements=True)).events
    claimed = [e for e in events if e.root in ("19", "18")]
    assert claimed and all(e.hypothetical for e in claimed), events
    assert any(e.cameo == "010" and not e.hypothetical for e in events), events
    assert all(e.confidence < 0.7 for e in claimed)
