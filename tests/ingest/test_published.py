"""Publication date: user, dateline near the top (glued forms too), wire dateline, else unknown."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.ingest import read_text

HEAD = "Freedonia and Sylvania agree to talks\n"
LEAD = "The two governments said on Monday that talks would resume next week.\n"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (HEAD + "By Jane Roe\nMarch 3, 2023World\n" + LEAD, dt.date(2023, 3, 3)),
        (HEAD + "Published: Tue, 14 Feb 2023 10:31 GMT\n" + LEAD, dt.date(2023, 2, 14)),
        (HEAD + "Updated 2023-02-14T10:31:00Z\n" + LEAD, dt.date(2023, 2, 14)),
        (HEAD + "Example Wire | Feb. 14, 2023\n" + LEAD, dt.date(2023, 2, 14)),
        (HEAD + "DRAVA, Dec. 22, 2021 (Wire) — " + LEAD, dt.date(2021, 12, 22)),
        ("MOSCOW, 22 December 2021 - " + LEAD, dt.date(2021, 12, 22)),
    ],
)
def test_published_from_the_text(text: str, date: dt.date) -> None:
    doc = read_text(text)
    assert (doc.published, doc.published_source) == (date, "dateline")


@pytest.mark.parametrize(
    "text",
    [
        HEAD + LEAD,
        HEAD + "DRAVA, Dec. 22 (Wire) — " + LEAD,  # no year: nothing to anchor it, never today's date
        HEAD + "Year to December 28, 1986\n" + LEAD,  # a table heading, not a date line
        HEAD + LEAD + "The treaty was signed on March 3, 1999 in Drava.\n",  # a date in the story
        HEAD + "\n".join(["The talks went on for hours, officials said."] * 9) + "\nMarch 3, 2023\n",
    ],
)
def test_no_publication_date_is_unknown(text: str) -> None:
    doc = read_text(text)
    assert doc.published is None
    assert doc.published_source == "unknown"


def test_the_dateline_wins_over_a_user_date_and_the_clash_is_named() -> None:
    doc = read_text(HEAD + "March 3, 2023\n" + LEAD, published=dt.date(2023, 3, 4))
    assert (doc.published, doc.published_source) == (dt.date(2023, 3, 3), "dateline")
    assert any("2023-03-04" in w and "not used" in w for w in doc.warnings)


def test_a_user_date_fills_in_when_the_story_has_none() -> None:
    doc = read_text(HEAD + LEAD, published=dt.date(2023, 3, 4))
    assert (doc.published, doc.published_source) == (dt.date(2023, 3, 4), "user")
    assert not doc.warnings


def test_metadata_wins_over_the_dateline() -> None:
    doc = read_text(HEAD + "March 3, 2023\n" + LEAD, published=dt.date(2023, 3, 5), published_source="metadata")
    assert (doc.published, doc.published_source) == (dt.date(2023, 3, 5), "metadata")
