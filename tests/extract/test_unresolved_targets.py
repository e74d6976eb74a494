"""Whom an event is done to, when no dictionary knows them: an unresolved (---) target with its text."""

from __future__ import annotations

import pytest

from eventwire.export import coded_to_dict, event_row
from eventwire.pipeline import code_text


def _sides(text: str) -> list[tuple[str, str, str, str]]:
    """(source, cameo root, target code, target text) of every event coded in ``text``."""
    return [(e.source.actor.code, e.cameo[:2], e.target.actor.code if e.target else "",
             e.target.text if e.target else "") for e in code_text(text, published="2020-03-02").events]


@pytest.mark.parametrize(("text", "root", "target"), [
    ("Kenyan police detained 40 people after the match.", "17", "40 people"),
    ("Moroccan police arrested hundreds of shopkeepers.", "17", "shopkeepers"),
    ("Syrian troops stormed a rebel headquarters near Aleppo.", "19", "a rebel headquarters"),
    ("Ecuador granted asylum to the blogger.", "07", "the blogger"),
    # no list names them and no suffix marks them: WordNet's first sense does (noun.person, noun.group)
    ("Kenyan police arrested the insurers.", "17", "the insurers"),
    ("Indian police detained the candidate.", "17", "the candidate"),
    # people the act names come before the place it happens in
    ("Ugandan police detained dozens of insurers in Nairobi.", "17", "insurers"),
])
def test_people_or_a_held_place_are_the_target(nlp, text: str, root: str, target: str) -> None:  # type: ignore[no-untyped-def]
    hits = [s for s in _sides(text) if s[1] == root]
    assert hits and hits[0][2] == "---" and target in hits[0][3], _sides(text)


@pytest.mark.parametrize("text", [
    "Chile returned the stolen paintings on Monday.",     # a thing is no target
    "Greece condemned capital punishment.",               # "-ment" names no people
    "Peru welcomed the offer.",                           # "-er" words that are not people
    "Brazilian troops visited a museum.",                 # a place counts only for force
    "Peru criticised the meeting.",                       # an act the lexicon knows names no one (noun.group)
])
def test_things_are_no_target(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(s[2] != "---" for s in _sides(text)), _sides(text)


def test_a_known_actor_still_wins_and_the_flag_is_exported(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [s[2] for s in _sides("Moroccan police arrested Algerian protesters.") if s[1] == "17"] == ["DZAOPP"]
    coded = code_text("Kenyan police detained 40 people.")
    (ev,) = [e for e in coded.events if e.target_unresolved]
    assert not ev.actor_unresolved and event_row(ev)["target_unresolved"] is True
    assert any(e["target_unresolved"] for e in coded_to_dict(coded)["events"])


def test_two_unresolved_sides_are_two_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    # both sides ---, but not one actor acting on itself
    assert ("---", "19", "---", "a bus") in _sides("A suicide bomber attacked a bus in the city.")
