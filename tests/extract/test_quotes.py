"""Quotes and their speakers: direct and indirect speech, attribution patterns, marks that are not quotes."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract.quotes import find_quotes, link_events
from eventwire.records import Actor, DateRef, Event, Evidence, Mention, PartKind, Quote
from tests.conftest import SEED, needs_shared

HEAD = "Officials speak on crisis\n\n"


def _quotes(parse_story, body: str, mentions=()) -> tuple[Quote, ...]:  # type: ignore[no-untyped-def]
    return find_quotes(parse_story(HEAD + body), mentions)


def _one(quotes: tuple[Quote, ...], fragment: str, direct: bool) -> Quote:
    found = [q for q in quotes if fragment in q.text and q.direct is direct]
    assert found, f"no {'direct' if direct else 'indirect'} quote containing {fragment!r} in {quotes}"
    return found[0]


# (story body, a fragment of the quote, expected speaker fragment or None, expected cue or None)
DIRECT = [
    (
        "“The border will stay closed,” said Ana Ruiz, the interior minister.",
        "border will stay",
        "Ana Ruiz",
        "say",
    ),
    ("“We will not retreat,” Karl Berg said on Monday.", "not retreat", "Karl Berg", "say"),
    ("Ana Ruiz said: “The border will stay closed.”", "border will stay", "Ana Ruiz", "say"),
    ("“The vote was rigged,” Omar Said told reporters in Nairobi.", "vote was rigged", "Omar Said", "tell"),
    (
        "Lena Voss, the foreign minister, said: “Our patience is over.”",
        "patience is over",
        "Lena Voss",
        "say",
    ),
    (
        "“Aid must reach the north,” Karl Berg said on Tuesday while meeting donors in Oslo.",
        "Aid must",
        "Karl Berg",
        "say",
    ),
    (
        "Prime Minister Karl Berg met union leaders on Friday. “We made progress,” he said.",
        "made progress",
        "Karl Berg",
        "say",
    ),
    (
        "Karl Berg spoke for an hour. “We will respond firmly,” he went on to say.",
        "respond firmly",
        "Karl Berg",
        "say",
    ),
    (
        "Government spokesman Piet Alder spoke on Monday. “The talks went well,” the spokesman said.",
        "talks went well",
        "Piet Alder",
        "say",
    ),
    ("“We are ready to sign,” the official said.", "ready to sign", "the official", "say"),
    (
        "“Talks have collapsed,” Ana Ruiz said, the state news agency reported.",
        "Talks have collapsed",
        "Ana Ruiz",
        "say",
    ),
    ("“Talks have collapsed,” Ana Ruiz said, Reuters reported.", "Talks have collapsed", "Ana Ruiz", "say"),
    (
        "Senator Lisa Hart called the plan “a betrayal of voters” at a rally.",
        "betrayal of voters",
        "Lisa Hart",
        "call",
    ),
    ("Karl Berg warned of a “red line” for his country.", "red line", "Karl Berg", "warn"),
    (
        "Lisa Hart said the army would act against what she called “foreign meddling” in the vote.",
        "foreign meddling",
        "Lisa Hart",
        None,
    ),
    ("“We made mistakes. We will fix them,” Karl Berg admitted.", "We will fix them", "Karl Berg", "admit"),
    ('"The deal is dead," Ana Ruiz said.', "deal is dead", "Ana Ruiz", "say"),
    ("``The harvest failed,'' Omar Said told the council.", "harvest failed", "Omar Said", "tell"),
    (
        "Ana Ruiz spoke to the nation on Sunday.\n\n“We will rebuild every school.”",
        "rebuild every school",
        "Ana Ruiz",
        None,
    ),
    ("Ana Ruiz said in a statement:\n\n“The curfew ends at midnight.”", "curfew ends", "Ana Ruiz", "say"),
    ("“The border will stay closed,” said Ana Ruiz. “We have no choice.”", "no choice", "Ana Ruiz", "say"),
    ("“Nobody expected this,” a witness said.", "Nobody expected", "a witness", "say"),
    ("“The convoy is late.”", "convoy is late", None, None),
    # signed with a dash after the quote, the name tagged or not
    ("“We will not leave our homes.” ― Ana Ruiz", "not leave our homes", "Ana Ruiz", None),
    ("“The rent doubled in a year.” — Tomasz Wielki", "rent doubled", "Tomasz Wielki", None),
    # the cue before its speaker, with no subject of its own
    ("Said Karl Berg: “The budget is balanced.”", "budget is balanced", "Karl Berg", "say"),
    # judgement verbs frame the phrase they govern
    ("Karl Berg blasted the plan as a “disgrace” on Monday.", "disgrace", "Karl Berg", "blast"),
    ("Lisa Hart likened the tax to “highway robbery” in parliament.", "highway robbery", "Lisa Hart", "liken"),
    # a speech noun's owner says what its clause quotes
    ("Officials rejected Karl Berg’s claim that the vote was “rigged from the start”.", "rigged", "Karl Berg", "claim"),
    # a quote of its own sentence after a named person's sentence in the same paragraph
    ("Lisa Hart praised the deal on Friday. “It ends a long war.”", "ends a long war", "Lisa Hart", None),
    # "the foreign minister, X, said": the apposed name is the speaker
    ("“We are ready,” the foreign minister, Lena Voss, said.", "We are ready", "Lena Voss", "say"),
]


@pytest.mark.parametrize(("body", "fragment", "speaker", "cue"), DIRECT)
def test_direct_quote_speaker(
    parse_story, body: str, fragment: str, speaker: str | None, cue: str | None
) -> None:  # type: ignore[no-untyped-def]
    q = _one(_quotes(parse_story, body), fragment, direct=True)
    if speaker is None:
        assert q.speaker_text is None and q.speaker is None
    else:
        assert q.speaker_text is not None and speaker in q.speaker_text
    if cue is not None:
        assert q.cue == cue
    assert not q.text.startswith(("“", '"', "`")) and not q.text.endswith((",", "”"))


# (story body, fragment of the reported content, expected speaker fragment, expected cue)
INDIRECT = [
    ("Karl Berg said that the ceasefire would hold.", "the ceasefire would hold", "Karl Berg", "say"),
    ("Karl Berg said the ceasefire would hold.", "the ceasefire would hold", "Karl Berg", "say"),
    ("Lisa Hart told reporters the army had withdrawn.", "the army had withdrawn", "Lisa Hart", "tell"),
    ("The rebels warned that they would attack the capital.", "they would attack", "The rebels", "warn"),
    (
        "According to the army, five militants were killed in the raid.",
        "five militants were killed",
        "the army",
        "according to",
    ),
    (
        "Five militants were killed in the raid, according to the army.",
        "Five militants were killed",
        "the army",
        "according to",
    ),
    (
        "Foreign Minister Ali Khan was quoted as saying the envoy had been recalled.",
        "envoy had been recalled",
        "Ali Khan",
        "say",
    ),
    (
        "Officials in Lagos said on Friday that the curfew would be lifted.",
        "curfew would be lifted",
        "Officials",
        "say",
    ),
    ("Lisa Hart arrived in Rome. She said the deal was fair.", "the deal was fair", "Lisa Hart", "say"),
    # evidence and belief attribute a clause too: a poll, a court, an official who knows
    ("A new poll shows that most voters oppose the pipeline.", "most voters oppose", "A new poll", "show"),
    ("The tribunal found that the ministry had broken the law.", "the ministry had broken", "The tribunal", "find"),
    ("Karl Berg knows the truce will not last.", "the truce will not last", "Karl Berg", "know"),
]


@pytest.mark.parametrize(("body", "fragment", "speaker", "cue"), INDIRECT)
def test_indirect_speech(parse_story, body: str, fragment: str, speaker: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    q = _one(_quotes(parse_story, body), fragment, direct=False)
    assert q.speaker_text is not None and speaker in q.speaker_text
    assert q.cue == cue
    # the reported content, not the attribution
    assert speaker not in q.text and "according" not in q.text


# Stories that must give no quote at all.
NOTHING = [
    "The clashes began in the ’90s, when rock ’n’ roll was banned in Russia’s capital.",
    "The allies’ plan was rejected by the region's leaders in the '80s.",
    "The minister said nothing.",
    "He told a long story about the war.",
    "She said “",
    '“““““““““ ””””””””” """""""" “ ” "" ‘’ ’’',
    "Rebels seized the town of Goma’s airport on Tuesday.",
    "The survey found a sharp rise in prices.",  # found a thing, not that something is so
]


@pytest.mark.parametrize("body", NOTHING)
def test_no_quotes(parse_story, body: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(parse_story, body) == ()


def test_unclosed_quote_not_continued_is_dropped(parse_story) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        parse_story, "Talks resumed on Monday.\n\nHe said “we will fight on\n\nThe meeting ended early."
    )
    assert not [q for q in quotes if q.direct]


def test_unbalanced_run_is_harmless(parse_story) -> None:  # type: ignore[no-untyped-def]
    body = ('“ ” " “a ' * 150) + "\n\n" + ("\"\"\" ''' “““ " * 100) + "\n\n“Real words here,” Ana Ruiz said."
    quotes = _quotes(parse_story, body)
    direct = [q for q in quotes if q.direct]
    assert all(sum(ch.isalnum() for ch in q.text) >= 1 and len(q.text) >= 2 for q in direct)
    assert any(q.text == "Real words here" and q.speaker_text == "Ana Ruiz" for q in direct)
    assert len(direct) < 200


def test_quote_spanning_paragraphs_keeps_speaker(parse_story) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Envoy Maria Lind said the mood had changed. “We are closer than ever.\n\n"
        "“The hard part starts now,” she added."
    )
    quotes = [q for q in _quotes(parse_story, body) if q.direct]
    assert [q.text for q in quotes] == ["We are closer than ever.", "The hard part starts now"]
    assert all(q.speaker_text == "Maria Lind" for q in quotes)
    assert quotes[0].sent != quotes[1].sent


def test_nested_quote_stays_inside(parse_story) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(parse_story, "“He told me ‘never again’ and walked out,” Ana Ruiz said.")
    direct = [q for q in quotes if q.direct]
    assert len(direct) == 1
    assert "‘never again’" in direct[0].text and direct[0].speaker_text == "Ana Ruiz"


def test_headline_quote(parse_story) -> None:  # type: ignore[no-untyped-def]
    quotes = find_quotes(
        parse_story("Berg warns of 'dire consequences' over tariffs\n\nTrade talks stalled."), ()
    )
    q = _one(quotes, "dire consequences", direct=True)
    assert q.part is PartKind.TITLE and q.speaker_text == "Berg" and q.cue == "warn"


def test_offsets_point_into_document(parse_story) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_story(HEAD + "“We will not retreat,” Karl Berg said. Karl Berg said the army was ready.")
    quotes = find_quotes(parsed, ())
    assert {q.direct for q in quotes} == {True, False}
    for q in quotes:
        assert parsed.document.text[q.start : q.end] == q.text
        assert parsed.sentences[q.sent].start <= q.start < parsed.sentences[q.sent].end


def _mention(parsed, text: str, code: str, nth: int = 0) -> Mention:  # type: ignore[no-untyped-def]
    """A hand-made actor mention over the nth occurrence of text (the actor module's job, here faked)."""
    start = -1
    for _ in range(nth + 1):
        start = parsed.document.text.index(text, start + 1)
    toks = [t for t in parsed.tokens if start <= t.start < start + len(text)]
    return Mention(
        text,
        start,
        start + len(text),
        toks[0].i,
        toks[-1].i + 1,
        toks[-1].i,
        toks[0].sent,
        Actor(code, code[:3], code[3:] or None, text),
        "dictionary",
    )


def test_speaker_mention_and_pronoun_coreference(parse_story) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_story(HEAD + "Foreign Minister Lena Voss arrived in Kyiv. “We stand with you,” she said.")
    lena = _mention(parsed, "Lena Voss", "DEUGOV")
    q = _one(find_quotes(parsed, (lena,)), "stand with you", direct=True)
    assert q.speaker is not None and q.speaker.method == "coreference"
    assert q.speaker.text == "she" and q.speaker.actor.code == "DEUGOV"
    assert q.speaker_text == "Lena Voss"


def test_named_speaker_takes_its_mention(parse_story) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_story(HEAD + "“We stand with you,” Lena Voss said.")
    lena = _mention(parsed, "Lena Voss", "DEUGOV")
    q = _one(find_quotes(parsed, (lena,)), "stand with you", direct=True)
    assert q.speaker == lena


def test_speaker_mentions_from_actor_module(parse_story) -> None:  # type: ignore[no-untyped-def]
    actors = pytest.importorskip("eventwire.extract.actors")
    if not hasattr(actors, "find_mentions"):
        pytest.skip("eventwire.extract.actors has no find_mentions yet")
    parsed = parse_story(HEAD + "“Our troops will stay,” Russian Foreign Minister Sergei Lavrov said.")
    q = _one(find_quotes(parsed, actors.find_mentions(parsed)), "troops will stay", direct=True)
    assert q.speaker_text is not None and "Lavrov" in q.speaker_text
    assert q.speaker is not None and q.speaker.actor.code.startswith("RUS")


def _event(event_id: str, trigger_start: int, sent: int, source: Mention) -> Event:
    evidence = Evidence("d", sent, "", 0, 0, "trigger", trigger_start, trigger_start + 4, PartKind.BODY)
    date = DateRef("", -1, -1, "2021-12-22", dt.date(2021, 12, 22), dt.date(2021, 12, 22), "day", "inherited")
    return Event(
        event_id, source, None, "010", "Make statement", "01", 1, 0.0, "", "", "", date, evidence, 0.5
    )


def test_link_events(parse_story) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_story(
        HEAD + "“We will cut gas supplies,” Lena Voss said. Lena Voss warned that talks could fail."
    )
    lena, lena2 = _mention(parsed, "Lena Voss", "DEUGOV"), _mention(parsed, "Lena Voss", "DEUGOV", nth=1)
    quotes = find_quotes(parsed, (lena, lena2))
    direct = _one(quotes, "cut gas", direct=True)
    indirect = _one(quotes, "talks could fail", direct=False)
    other = Mention("Kyiv", 0, 4, 0, 1, 0, 0, Actor("UKR", "UKR"), "dictionary")
    inside = _event("e-in", direct.start + 8, direct.sent, other)
    outside = _event("e-out", parsed.document.text.index("warned"), indirect.sent, other)
    assert indirect.speaker == lena2
    said_by = _event("e-said", parsed.document.text.index("warned"), indirect.sent, lena2)
    linked = {q.text: q.event_ids for q in link_events(quotes, (inside, outside, said_by))}
    assert linked[direct.text] == ("e-in",)
    assert linked[indirect.text] == ("e-said",)


@needs_shared
def test_seed_story_speakers(parse_story) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_story(SEED.read_text(encoding="utf-8"))
    try:
        from eventwire.extract.actors import find_mentions

        mentions = find_mentions(parsed)
    except ImportError:
        mentions = ()
    quotes = find_quotes(parsed, mentions)
    expected = [
        ("It is agreed", "Lavrov"),
        ("very important that our counterparts", "Peskov"),
        ("We are not demanding", "Putin"),
        ("We will react firmly", "Putin"),
        ("red line", "Putin"),
        ("Russian aggression", "Blinken"),
        ("The president has been extremely clear", "Blinken"),
    ]
    for fragment, speaker in expected:
        q = _one(quotes, fragment, direct=True)
        assert q.speaker_text is not None and speaker in q.speaker_text, (fragment, q.speaker_text)
    assert all(q.speaker_text is None or "TASS" not in q.speaker_text for q in quotes if q.direct)
    assert _one(quotes, "We will react firmly", direct=True).text.endswith("right to do this")


def test_nested_reports_of_one_speaker_count_once(parse_story) -> None:  # type: ignore[no-untyped-def]
    from eventwire.extract.quotes import find_quotes

    text = ("Minister Ana Ruiz welcomed the accord, saying Madrid is keen on the talks, while also noting "
            "that she hopes Lisbon and other capitals will come with clear positions.")
    quotes = [q for q in find_quotes(parse_story(text), ()) if not q.direct]
    assert quotes, "the report must be found"
    for q in quotes:
        for o in quotes:
            nested = o is not q and o.start <= q.start and q.end <= o.end
            assert not (nested and o.speaker_text == q.speaker_text), (o.text, q.text)


# (story body, fragment of a direct quote that must have no speaker, or not this one)
NOT_SPEAKERS = [
    # "calling for" asks for something; it does not name the phrase
    ("The new text calls for “appropriate assistance” to the region.", "appropriate assistance", None),
    # a signature needs a name after the dash, not any word
    ("“The river is rising.” — and fast.", "river is rising", None),
    # a next paragraph's sign-off belongs to its own words, not to a bare quote before it
    ("“The river is rising.”\n\nThe dam held, Karl Berg said.", "river is rising", None),
    # a sentence about a thing does not run on into a quote
    ("The plan failed on Friday. “Nobody saw it coming.”", "Nobody saw", None),
]


@pytest.mark.parametrize(("body", "fragment", "speaker"), NOT_SPEAKERS)
def test_direct_quote_without_speaker(parse_story, body: str, fragment: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    q = _one(_quotes(parse_story, body), fragment, True)
    assert q.speaker_text == speaker


def test_short_name_said_before_a_full_namesake_stays_short(parse_story) -> None:  # type: ignore[no-untyped-def]
    body = ("President Obama spoke on Friday. “We have work to do,” Mr. Obama said.\n\n"
            "Michelle Obama spoke later.")
    q = _one(_quotes(parse_story, body), "work to do", True)
    assert q.speaker_text == "Obama"


def test_short_name_after_its_full_form_takes_it(parse_story) -> None:  # type: ignore[no-untyped-def]
    body = "Karl Berg arrived on Friday. “We have work to do,” Berg said."
    q = _one(_quotes(parse_story, body), "work to do", True)
    assert q.speaker_text == "Karl Berg"


def test_one_span_reported_by_two_cue_verbs_is_one_quote(parse_story) -> None:  # type: ignore[no-untyped-def]
    from eventwire.extract.quotes import find_quotes

    text = "The Tarvian news agency quoted the minister as saying the border would reopen next month."
    quotes = find_quotes(parse_story(text), ())
    spans = [(q.start, q.end, q.direct) for q in quotes]
    assert quotes and len(spans) == len(set(spans))
