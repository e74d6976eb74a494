"""Round-2 coder cases: reported acts, light-verb nouns, wrapped intent, targets and business-news vetoes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Parsed
from tests.extract.test_events import _events, _has, _triples, stub_mentions

# (sentence, source, code or root prefix, target) — invented wire-style sentences.
CODED = [
    # a speech verb's content is coded; an announced act of one's own is intent (03) or threat (13)
    ("Hamas said it will release the Israeli hostages.", "PSEREB", "0353", "ISR"),
    ("Russia said it will send troops to Syria.", "RUS", "138", "SYR"),
    ("Iran said it will lay down its weapons.", "IRN", "0356", None),
    ("Pakistan said Syria must withdraw its forces.", "PAK", "10", "SYR"),
    ("Egypt said that Sudan should ensure security on the border.", "EGY", "100", "SDN"),
    # light verbs find their event noun in a compound or in a quantity's phrase
    ("Qatar launched a mediation effort between Ethiopia and Eritrea.", "QAT", "045", None),
    ("The United States announced $33 million in assistance to Ukraine.", "USA", "07", "UKR"),
    ("Colombia declared a state of siege in Venezuela.", "COL", "19", "VEN"),
    ("Germany announced a suspension of aid to Mali.", "DEU", "162", "MLI"),
    ("Turkey announced a freeze on talks with Armenia.", "TUR", "164", "ARM"),
    ("Turkey sent a condolence message to Iran.", "TUR", "018", "IRN"),
    # object constraints look through a quantity or a compound
    ("Egypt lifted the state of emergency in Cairo.", "EGY", "081", "EGYGOV"),
    ("France ended mediation efforts with Iran.", "FRA", "164", "IRN"),
    ("Germany returned dozens of artifacts to Egypt.", "DEU", "0842", "EGY"),
    # considering an act is not doing it
    ("Japan is considering sending aid to North Korea.", "JPN", "014", "PRK"),
    # targets: a misparsed dative, a passive event noun, the noun subject of a verb
    ("The United States gave Ukraine military aid.", "USA", "072", "UKR"),
    ("The attack on Ukraine by Russian forces killed five civilians.", "RUS", "19", "UKR"),
    ("Sanctions imposed on Iran by the United States were eased.", "USA", "163", "IRN"),
    # appeals for punishment or force are demands
    ("The European Union called for sanctions against Russia.", "IGOEU", "100", "RUS"),
    ("China strengthened its forces near Taiwan.", "CHN", "154", "TWN"),
    ("Hackers from China launched cyber attacks on Taiwan.", "CHN", "19", "TWN"),
    ("Germany lent $1 billion to Ukraine.", "DEU", "071", "UKR"),
    ("China trades with Iran despite the sanctions.", "CHN", "061", "IRN"),
]


@pytest.mark.parametrize(("text", "source", "code", "target"), CODED, ids=[c[0][:40] for c in CODED])
def test_codes_event(
    parse_story: Callable[..., Parsed], text: str, source: str, code: str, target: str | None
) -> None:
    events = _events(parse_story, text)
    assert _has(events, source, code, target), sorted(_triples(events))


# (sentence, CAMEO root that must not be coded)
NOT_CODED = [
    ("The Houthis claimed that they had attacked the Saudi airport.", "19"),  # an unverified claim
    ("Japan is considering sending aid to North Korea.", "07"),
    ("The Israeli army has reinforced its commitment to the peace deal.", "15"),
    ("We will impose sanctions on Iran, Macron said.", "16"),  # announced: a threat, not the act
    ("Iran sent Russia a letter.", "07"),
    ("Albania has need of aid from Italy.", "07"),
    ("Germany announced a billion dollar bid for the French company.", "07"),
    ("The Iranian team set up a training camp near Tehran.", "18"),
]


@pytest.mark.parametrize(("text", "root"), NOT_CODED, ids=[t[0][:40] for t in NOT_CODED])
def test_does_not_code(parse_story: Callable[..., Parsed], text: str, root: str) -> None:
    events = _events(parse_story, text)
    assert not [e for e in events if e.root == root[:2] and e.cameo.startswith(root)], sorted(_triples(events))


# Ordinary business, sport and tech sentences with actors in them: nothing political happens.
NOTHING = [
    "Firms in Japan must meet the new regulations by March.",
    "Chinese banks are seeking alliances to boost profits.",
    "Shares in France were trading at a discount on Friday.",
    "German newspapers are investing in new printing machinery.",
    "The Japanese company has withdrawn its takeover offer for the German bank.",
    "A Turkish sprinter will contest the 60m hurdles in Berlin.",
    "Google said the Chinese companies which received the links had paid for the service.",
    "The French firm has deals with 20 Olympic bodies in Europe.",
    "The Indian government is now examining the report on fuel prices.",
    "Critics say the bill could be abused by firms in China.",
    "Our efforts in Brazil are targeted to securing new models.",
    "Do you want an immediate response from Germany?",
    "The Brazilian firm sought bankruptcy protection in December.",
    "The boom in China would help world economic growth.",
]


@pytest.mark.parametrize("text", NOTHING, ids=[t[:40] for t in NOTHING])
def test_codes_nothing(parse_story: Callable[..., Parsed], text: str) -> None:
    events = _events(parse_story, text)
    assert not events, sorted(_triples(events))


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
