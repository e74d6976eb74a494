"""Hand-made coded documents for store, query and export tests: no NLP involved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eventwire.records import (
    Actor,
    CodedDocument,
    DateRef,
    Document,
    Event,
    Evidence,
    Mention,
    Part,
    PartKind,
    Quote,
)

# code: (name, goldstein, quad class, plover, plover mode)
CAMEO = {
    "190": ("Use conventional military force", -10.0, 4, "ASSAULT", ""),
    "036": ("Express intent to meet or negotiate", 4.0, 1, "AGREE", ""),
    "042": ("Make a visit", 1.9, 1, "CONSULT", "visit"),
    "112": ("Accuse", -2.0, 3, "ACCUSE", ""),
    "138": ("Threaten with military force", -7.0, 3, "THREATEN", ""),
    "141": ("Demonstrate or rally", -6.5, 3, "PROTEST", "demo"),
    "0871": ("Declare truce, ceasefire", 9.0, 2, "RETREAT", "ceasefire"),
    "010": ("Make statement", 0.0, 1, "", ""),
}

ACTORS = {
    "RUSGOV": Actor("RUSGOV", "RUS", "GOV", "Russian government"),
    "RUSMIL": Actor("RUSMIL", "RUS", "MIL", "Russian military"),
    "RUS": Actor("RUS", "RUS", None, "Russia"),
    "UKR": Actor("UKR", "UKR", None, "Ukraine"),
    "UKRGOV": Actor("UKRGOV", "UKR", "GOV", "Ukrainian government"),
    "USAGOV": Actor("USAGOV", "USA", "GOV", "United States government"),
    "NATO": Actor("NATO", None, None, "NATO"),
    "FRA": Actor("FRA", "FRA", None, "France"),
    "---": Actor("---", None, None, "someone no dictionary knows"),
}

DAY = dt.date.fromisoformat


def mention(code: str, text: str | None = None, start: int = 0, sent: int = 1) -> Mention:
    """An actor mention resolved by dictionary."""
    text = text or ACTORS[code].name or code
    return Mention(text, start, start + len(text), 0, 1, 0, sent, ACTORS[code], "dictionary")


def date_ref(value: str, granularity: str = "day", method: str = "explicit") -> DateRef:
    """A date expression: a day ('2021-12-21'), a week ('2021-W50') or a month ('2021-12')."""
    if granularity == "day":
        begin = until = DAY(value)
    elif granularity == "week":
        year, week = value.split("-W")
        begin = dt.date.fromisocalendar(int(year), int(week), 1)
        until = begin + dt.timedelta(days=6)
    elif granularity == "month":
        begin = DAY(value + "-01")
        until = (begin.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    else:
        raise ValueError(granularity)
    return DateRef(value, -1 if method == "inherited" else 0, -1 if method == "inherited" else len(value),
                   value, begin, until, granularity, method)


# the story role the event coder gives each part (a body sentence is 'body' unless it is the lead)
ROLES = {PartKind.TITLE: "headline", PartKind.CAPTION: "caption"}


@dataclass
class E:
    """What a test says about one event; the factory fills in the rest."""

    source: str = "RUSMIL"
    target: str | None = "UKR"
    cameo: str = "190"
    date: str | None = "2021-12-21"
    granularity: str = "day"
    method: str = "explicit"
    confidence: float = 0.8
    sentence: str = "Russian forces shelled Ukrainian positions near Mariupol."
    sent: int = 3
    part: PartKind = PartKind.BODY
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    from_caption: bool = False
    place: str | None = None
    event_id: str | None = None
    speaker: str | None = None


@dataclass
class Q:
    """One quote of a story."""

    text: str = "We will not let this stand"
    speaker: str | None = "UKRGOV"
    speaker_text: str | None = "Ukraine's foreign minister"
    start: int = 10
    direct: bool = True
    cue: str = "say"


@dataclass
class D:
    """One story: its id, publication, outlet, events and quotes."""

    doc_id: str
    events: list[E] = field(default_factory=list)
    quotes: list[Q] = field(default_factory=list)
    published: str | None = "2021-12-22"
    url: str | None = None
    source: str | None = None
    title: str = "Fighting flares in eastern Ukraine"


def coded(d: D) -> CodedDocument:
    """A CodedDocument built from a D."""
    body = " ".join(e.sentence for e in d.events) + " " + " ".join(q.text for q in d.quotes)
    text = f"{d.title}\n\n{body}"
    parts = (Part(PartKind.TITLE, 0, len(d.title), d.title), Part(PartKind.BODY, len(d.title) + 2, len(text),
                                                                  text[len(d.title) + 2:]))
    doc = Document(doc_id=d.doc_id, text=text, parts=parts, title=d.title,
                   published=DAY(d.published) if d.published else None,
                   published_source="metadata" if d.published else "unknown",
                   source=d.source or d.url or f"/corpus/{d.doc_id}.txt", url=d.url)
    events = tuple(_event(d.doc_id, i, e) for i, e in enumerate(d.events))
    quotes = tuple(Quote(q.text, q.start, q.start + len(q.text), q.direct,
                         mention(q.speaker, q.speaker_text) if q.speaker else None, q.speaker_text, q.cue, 2)
                   for q in d.quotes)
    mentions = tuple(m for ev in events for m in (ev.source, ev.target) if m is not None)
    dates = tuple(ev.date for ev in events if ev.date is not None)
    return CodedDocument(doc, events, quotes, dates, mentions, model="hand-made", coder_version="test")


def _event(doc_id: str, i: int, e: E) -> Event:
    name, goldstein, quad, plover, mode = CAMEO[e.cameo]
    trigger = e.sentence.split()[2] if len(e.sentence.split()) > 2 else e.sentence
    t_start = e.sentence.find(trigger)
    return Event(
        event_id=e.event_id or f"{doc_id}-ev{i}",
        source=mention(e.source, sent=e.sent),
        target=mention(e.target, start=40, sent=e.sent) if e.target else None,
        cameo=e.cameo, cameo_name=name, root=e.cameo[:2], quad_class=quad, goldstein=goldstein,
        plover=plover, plover_mode=mode, plover_context="military" if quad == 4 else "",
        date=date_ref(e.date, e.granularity, e.method) if e.date else None,
        evidence=Evidence(doc_id, e.sent, e.sentence, 0, len(e.sentence), trigger, t_start,
                          t_start + len(trigger), PartKind.CAPTION if e.from_caption else e.part,
                          ROLES.get(PartKind.CAPTION if e.from_caption else e.part, "body")),
        confidence=e.confidence,
        speaker=mention(e.speaker) if e.speaker else None,
        place=e.place, negated=e.negated, future=e.future, hypothetical=e.hypothetical,
        from_caption=e.from_caption, rule=f"test:{e.cameo}",
    )
