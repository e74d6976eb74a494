"""read_text: title, doc_id and refusals of strings that hold no story."""

from __future__ import annotations

import pytest

from eventwire.errors import InputError
from eventwire.ingest import make_doc_id, read_text

STORY = "Envoys meet in Geneva\nThe envoys of Freedonia and Sylvania met in Geneva on Monday.\n"


def test_doc_id_is_deterministic_and_sixteen_hex() -> None:
    a, b = read_text(STORY), read_text(STORY)
    assert a.doc_id == b.doc_id
    assert len(a.doc_id) == 16 and int(a.doc_id, 16) >= 0


def test_doc_id_ignores_line_end_style_but_not_content() -> None:
    assert read_text(STORY).doc_id == read_text(STORY.replace("\n", "\r\n")).doc_id
    assert read_text(STORY).doc_id != read_text(STORY.replace("Monday", "Tuesday")).doc_id


def test_doc_id_from_url_when_given() -> None:
    url = "https://news.example.org/2023/03/envoys"
    a = read_text(STORY, url=url)
    b = read_text(STORY.replace("Monday", "Tuesday"), url=url)
    assert a.doc_id == b.doc_id == make_doc_id("anything", url)
    assert a.url == url


def test_title_from_first_line_and_source_kept() -> None:
    doc = read_text(STORY, source="story.txt")
    assert doc.title == "Envoys meet in Geneva"
    assert doc.source == "story.txt"
    assert doc.warnings == ()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        (" \n\t\r\n ", "empty"),
        ("\x00\x01\x02", "empty"),
        ("12345 678 -- 2021/12/22 !!!", "no letters"),
        ("QUJD" * 400, "encoded or binary"),
    ],
)
def test_strings_without_a_story_are_refused(text: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as err:
        read_text(text, source="memo.txt")
    assert err.value.source == "memo.txt"
    assert "\n" not in str(err.value)


def test_scripts_without_spaces_are_not_mistaken_for_blobs() -> None:
    doc = read_text("北京" * 300)
    assert len(doc.parts) == 1
