"""Event rewrites as ordered tables of small functions over immutable readings, and the slot registry."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.extract.events import ACT_REWRITES
from eventwire.extract.readings import CLAUSE_REWRITES, SLOTS, Reading
from eventwire.knowledge.lexicon import TARGET_SLOTS
from eventwire.pipeline import code_text


def _coded(text: str) -> set[tuple[str, str, str | None, str, bool]]:
    doc = code_text("Wire\n\n" + text, published="2020-01-01")
    return {(e.source.actor.code, e.cameo, e.target.actor.code if e.target else None, e.rule, e.negated)
            for e in doc.events}


def test_the_rewrites_run_in_a_fixed_order() -> None:
    assert [name for name, _ in CLAUSE_REWRITES] == ["if", "modality", "not"]
    assert [name for name, _ in ACT_REWRITES] == ["must", "will", "together"]


def test_a_reading_cannot_be_changed_in_place() -> None:
    r = Reading("190", "attack", 3, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.code = "138"  # type: ignore[misc]
    threat = r.rewritten("if", "138")
    assert (threat.code, threat.rule, r.code, r.rule) == ("138", "if>attack", "190", "attack")


def test_every_target_slot_the_lexicon_accepts_has_one_handler() -> None:
    assert set(SLOTS) == TARGET_SLOTS | {"prep:"}


@pytest.mark.parametrize(("text", "expected"), [
    # if: force under a condition is a threat against who the condition names
    ("Turkey will strike Syria if the attacks continue.", ("TUR", "13", "SYR", "if>", False)),
    # not: a negated future act is a refusal (and marked negated); a negated past one did not happen
    ("Canada will not lift its sanctions on Iran.", ("CAN", "12", "IRN", "", True)),
    # will: announcing one's own force is a threat
    ("Iran said it will attack the Israeli base.", ("IRN", "13", "ISR", "will>", False)),
    # must: what a speaker says another must do is the speaker's demand of it
    ("Egypt says Sudan must end its blockade of the border.", ("EGY", "10", "SDN", "must>", False)),
    # together: military exercises staged by two with no one else are military cooperation
    ("Kenya and Uganda staged military exercises on Monday.", ("KEN", "06", "UGA", "together>", False)),
])
def test_each_rewrite(text: str, expected: tuple[str, str, str, str, bool]) -> None:
    source, root, target, prefix, negated = expected
    found = _coded(text)
    assert any(s == source and code.startswith(root) and t == target and rule.startswith(prefix) and neg == negated
               for s, code, t, rule, neg in found), sorted(found)


def test_a_negated_past_act_is_not_coded() -> None:
    assert not _coded("Canada did not lift its sanctions on Iran.")
