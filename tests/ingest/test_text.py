"""Normalisation and paragraph spans."""

from __future__ import annotations

import pytest

from eventwire.ingest.text import normalise_text, paragraph_spans, unwrap_hard_lines


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Talks began.\r\nThey ended.", "Talks began.\nThey ended."),
        ("Talks began.\rThey ended.", "Talks began.\nThey ended."),
        ("\ufeffTalks began.", "Talks began."),
        ("Talks\x00 began.\x07", "Talks began."),
        ("Talks\tbegan.\n", "Talks\tbegan.\n"),
        ("One.\x0cTwo.\u2029Three.", "One.\nTwo.\nThree."),
        ("Mid\ufefftext BOM and a lone \ud800surrogate.", "Midtext BOM and a lone surrogate."),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_paragraph_spans_point_at_stripped_lines() -> None:
    text = "  Headline here  \n\n\tFirst paragraph.\nSecond paragraph.\n   \n"
    spans = paragraph_spans(text)
    assert [text[a:b] for a, b in spans] == ["Headline here", "First paragraph.", "Second paragraph."]


WRAPPED = (
    "The foreign ministry of Freedonia said on Monday that it had\n"
    "asked the ambassador of Sylvania to explain the troop movements\n"
    "reported near the border, and that talks would follow this week.\n"
    "    The ministry said its patience with the neighbouring state was\n"
    "not unlimited and that it reserved the right to respond firmly.\n"
    "    Reuter\n"
)


def test_hard_wrapped_paragraphs_are_joined_without_moving_offsets() -> None:
    out = unwrap_hard_lines(WRAPPED)
    assert len(out) == len(WRAPPED)
    paras = [out[a:b] for a, b in paragraph_spans(out)]
    assert len(paras) == 3
    assert paras[0].startswith("The foreign ministry") and paras[0].endswith("this week.")
    assert paras[2] == "Reuter"


@pytest.mark.parametrize(
    "text",
    [
        # web text: one long line per paragraph, nothing to join
        "Freedonia and Sylvania agree to talks\nBy Jane Roe\n"
        + "The two governments said on Monday that talks "
        "would resume next week after a pause of several months, officials in both capitals said. " * 2 + "\n"
        "A second paragraph follows here with more detail about the agenda of the planned round of talks.\n",
        # short lines that each end a sentence are paragraphs, not a wrapped one
        "Ministers met.\nThey talked.\nThey left.\nNothing was agreed.\nA statement followed.\n",
    ],
)
def test_text_that_is_not_hard_wrapped_is_left_alone(text: str) -> None:
    assert unwrap_hard_lines(text) == text
