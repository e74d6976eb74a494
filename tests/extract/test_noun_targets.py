"""Whom a feeling voiced is about: the object of "about", "over", "at", "regarding" is the target."""

from __future__ import annotations

import pytest

from eventwire.pipeline import code_text


@pytest.mark.parametrize(("text", "code", "country"), [
    ("Norway expressed concern over the Iranian nuclear programme.", "012", "IRN"),
    ("Chile voiced pessimism about the Bolivian government.", "012", "BOL"),
    ("Kenya expressed confidence in the Somali army.", "013", "SOM"),
    ("Japan voiced optimism over the Chinese proposal.", "013", "CHN"),
])
def test_the_object_of_a_feeling_is_its_target(nlp, text: str, code: str, country: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in code_text(text, published="2020-03-02").events if e.cameo == code]
    assert events and all(e.target is not None and e.target.actor.code.startswith(country) for e in events), \
        [(e.cameo, e.target.actor.code if e.target else None) for e in code_text(text).events]
