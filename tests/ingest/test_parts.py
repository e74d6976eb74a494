"""Paragraph roles: each case is a short invented story, one (expected kind, line) per paragraph."""

from __future__ import annotations

import pytest

from eventwire.ingest import read_text
from eventwire.ingest.parts import load_part_rules
from eventwire.records import PartKind

T, D, B, C, CR, F, BP, X = (PartKind.TITLE, PartKind.DATELINE, PartKind.BYLINE, PartKind.CAPTION,
                            PartKind.CREDIT, PartKind.FOOTER, PartKind.BOILERPLATE, PartKind.BODY)

STORIES = {
    "web page with furniture": [
        (T, "Freedonia Recalls Envoy From Sylvania Over Border Shooting"),
        (B, "Global Desk"),
        (B, "By Jane Roe"),
        (D, "March 3, 2023World"),
        (BP, "Freedonia Recalls Envoy From Sylvania Over Border Shooting"),
        (C, "In this photo provided by the Freedonian Defence Ministry, soldiers patrol the border near "
            "Drava on March 1, 2023. (Freedonian Defence Ministry via AP)"),
        (X, "Freedonia recalled its ambassador to Sylvania on Friday after a shooting on the border "
            "left two guards wounded, the foreign ministry said."),
        (X, "“We will not tolerate attacks on our territory,” Foreign Minister Ana Petrov told reporters."),
        (CR, "AP Photo"),
        (C, "Sylvanian President Marko Ilic, center, arrives for a meeting with military commanders in "
            "Varna, Sylvania, on March 2, 2023. (John Doe/AP)"),
        (X, "Sylvania denied that its troops had fired first and called for an independent inquiry."),
        (CR, "The Associated Press contributed to this report."),
        (F, "Sign up for the Morning Brief"),
        (F, "Get the stories that matter, every morning."),
        (F, "By registering, you agree to the Privacy Policy and Terms of Use."),
    ],
    "wire story with credit lines": [
        (T, "Sylvania and Freedonia agree to resume border talks"),
        (X, "VARNA, June 5, 2022 (Wire) — Sylvania and Freedonia agreed on Sunday to resume talks on "
            "their disputed border, the two foreign ministries said in a joint statement."),
        (X, "The talks will be held in Geneva under the auspices of the United Nations."),
        (CR, "Reporting by Jane Roe; Editing by John Doe"),
        (F, "© 2022 Example Wire. All rights reserved."),
    ],
    "captions closed by credits": [
        (T, "Protesters rally in Drava"),
        (X, "Thousands of protesters marched through the capital on Saturday to demand early elections."),
        (C, "Protesters hold flags during a rally in Drava, Freedonia, on Saturday. (Reuters)"),
        (C, "A police officer watches the crowd outside parliament. "
            "(Photo by Jane Roe/AFP via Getty Images)"),
        (C, "FILE - Prime Minister Ivo Horvat speaks in Drava on May 1, 2021."),
        (C, "Opposition leader Mila Novak poses for a photo with supporters after the rally in Drava."),
        (X, "Police said the rally was peaceful and that nobody was detained."),
    ],
    "body that mentions photos is still body": [
        (T, "Ministry disputes photo of border post"),
        (X, "The ministry said a photo circulating online was taken in 2019 and did not show the new post."),
        (X, "Officials released their own photos on Tuesday, which they said proved the post was empty."),
        (X, "By Tuesday evening the images had been shared thousands of times, the ministry said."),
        (X, "The crisis poses a threat to regional stability, analysts said."),
    ],
    "footer block swallows short lines": [
        (T, "Freedonia raises interest rates"),
        (X, "The central bank of Freedonia raised its main interest rate on Thursday to fight inflation."),
        (X, "Governor Petra Lang said further increases were possible if prices kept rising."),
        (X, "The currency gained against the euro after the announcement, traders said."),
        (X, "Economists had expected the move after inflation reached a ten-year high in May."),
        (F, "Share this article"),
        (F, "Most popular"),
        (F, "Weather in your area"),
    ],
}


def _run(lines: list[tuple[PartKind, str]]) -> list[PartKind]:
    return [p.kind for p in read_text("\n\n".join(text for _, text in lines)).parts]


@pytest.mark.parametrize("name", list(STORIES))
def test_part_kinds(name: str) -> None:
    lines = STORIES[name]
    got = _run(lines)
    assert [(k.value, t[:40]) for k, (_, t) in zip(got, lines, strict=True)] == \
        [(k.value, t[:40]) for k, t in lines]


def test_parts_point_into_document_text() -> None:
    doc = read_text("Headline of the day\r\n\r\n  By Jane Roe\r\n"
                    "The minister met his counterpart on Monday.\r\n")
    assert all(doc.text[p.start:p.end] == p.text for p in doc.parts)
    assert [p.kind for p in doc.parts] == [T, B, X]


def test_single_newlines_separate_paragraphs() -> None:
    doc = read_text("Envoys meet in Geneva\nThe envoys met on Monday.\nThey will meet again on Friday.")
    assert [p.kind for p in doc.parts] == [T, X, X]


def test_title_argument_marks_the_matching_line_and_repeats() -> None:
    text = "Envoys meet in Geneva\nThe envoys met on Monday.\nEnvoys meet in Geneva\nThey will meet again."
    doc = read_text(text, title="Envoys  meet in GENEVA")
    assert [p.kind for p in doc.parts] == [T, X, BP, X]
    assert doc.title == "Envoys meet in GENEVA"


def test_title_argument_absent_from_text_leaves_first_line_as_body() -> None:
    doc = read_text("The envoys met in Geneva on Monday.\nThey will meet again.", title="Envoys meet")
    assert [p.kind for p in doc.parts] == [X, X]
    assert doc.title == "Envoys meet"


@pytest.mark.parametrize(
    "first",
    [
        "The foreign minister of Freedonia met his Sylvanian counterpart on Monday and said they agreed.",
        "DRAVA (Wire) - The foreign minister of Freedonia met his Sylvanian counterpart on Monday.",
    ],
)
def test_lead_sentence_is_not_a_title(first: str) -> None:
    doc = read_text(first + "\nTalks continue on Tuesday.")
    assert doc.title is None
    assert doc.parts[0].kind is X


def test_only_title_body_and_caption_are_coded() -> None:
    coded = {p.kind for p in read_text("\n".join(t for _, t in STORIES["web page with furniture"])).parts
             if p.kind.coded}
    assert coded == {T, X, C}


def test_part_rules_load_once_and_cover_every_kind() -> None:
    rules = load_part_rules()
    assert rules is load_part_rules()
    assert rules.footer and rules.credit and rules.caption_end and rules.byline
