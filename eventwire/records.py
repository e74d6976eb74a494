"""Frozen records that cross stage boundaries.

ingest → Document; nlp → Parsed (tokens, sentences, entities; no spaCy objects);
extract → DateRef, Mention/Actor, Quote, Event; pipeline → CodedDocument.
All character offsets are into ``Document.text`` (the decoded input, newlines normalised to ``\\n``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class PartKind(StrEnum):
    """What a stretch of a document is; only body, title, lead and caption parts are coded."""

    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    BODY = "body"
    CAPTION = "caption"
    CREDIT = "credit"
    FOOTER = "footer"
    BOILERPLATE = "boilerplate"

    @property
    def coded(self) -> bool:
        """Whether events are extracted from parts of this kind."""
        return self in (PartKind.TITLE, PartKind.BODY, PartKind.CAPTION)


@dataclass(frozen=True, slots=True)
class Part:
    """A paragraph-sized stretch of the document with its role."""

    kind: PartKind
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input story, split into parts, before any NLP."""

    doc_id: str
    text: str
    parts: tuple[Part, ...]
    title: str | None = None
    published: dt.date | None = None
    published_source: str = "unknown"  # metadata | dateline | byline | user | unknown
    source: str | None = None  # path, URL or "<stdin>"
    url: str | None = None
    warnings: tuple[str, ...] = ()

    def parts_of(self, *kinds: PartKind) -> tuple[Part, ...]:
        """The parts of the given kinds, in document order."""
        return tuple(p for p in self.parts if p.kind in kinds)


class Token(NamedTuple):
    """One token of the parse; indices are document-wide, offsets are into Document.text."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str
    ent_iob: str
    sent: int
    morph: str
    left: int  # first token index of this token's subtree
    right: int  # last token index of this token's subtree (inclusive)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its token range [token_start, token_end) and the part it came from."""

    index: int
    start: int
    end: int
    text: str
    token_start: int
    token_end: int
    part: PartKind
    paragraph: int  # index into Document.parts


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity from the NLP stage."""

    text: str
    label: str
    start: int
    end: int
    token_start: int
    token_end: int
    sent: int


@dataclass(frozen=True, slots=True)
class Parsed:
    """The output of the nlp stage: the document plus plain-data tokens, sentences and entities."""

    document: Document
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    model: str

    def children(self, i: int) -> list[Token]:
        """Dependents of token ``i``, in order."""
        s = self.sentences[self.tokens[i].sent]
        return [t for t in self.tokens[s.token_start : s.token_end] if t.head == i and t.i != i]

    def span_text(self, start: int, end: int) -> str:
        """Text of tokens [start, end) as it appears in the document."""
        return self.document.text[self.tokens[start].start : self.tokens[end - 1].end]


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression resolved against the publication date to an interval."""

    text: str
    start: int  # char offsets; -1 when inherited from the publication date
    end: int
    value: str  # TIMEX-like value: 2021-12-21, 2021-W50, 2021-12, 2022, 2022-H1 ...
    begin: dt.date
    until: dt.date  # inclusive
    granularity: str  # day | week | month | quarter | half | year | decade
    method: str  # explicit | weekday | relative | anchored | inherited
    sent: int = -1


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor code: ISO3/IGO country part plus CAMEO sector(s)."""

    code: str  # e.g. RUSGOV, USAMIL, NATO, IGOUNO
    country: str | None = None  # RUS, USA; None for IGOs and unknowns
    sector: str | None = None  # GOV, MIL, ...
    name: str | None = None  # canonical name: "Sergey Lavrov", "Russia"


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text resolved to an actor, with how it was resolved."""

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    head: int  # token index of the syntactic head
    sent: int
    actor: Actor
    method: str  # dictionary | person-office | role+country | metonym | demonym | coreference | ...
    entry: str = ""  # the knowledge entry that matched, for explanation
    also: tuple[Actor, ...] = ()  # extra members of a compound actor ("Washington and its allies")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation (direct or indirect) with its speaker, when found."""

    text: str
    start: int
    end: int
    direct: bool
    speaker: Mention | None
    speaker_text: str | None
    cue: str | None  # cue verb lemma: say, tell, warn ...
    sent: int
    part: PartKind = PartKind.BODY
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an event was read: the sentence and the trigger."""

    doc_id: str
    sent: int
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    part: PartKind
    role: str = "body"  # the sentence's role in the story: headline | lead | body | caption


@dataclass(frozen=True, slots=True)
class Event:
    """Source → action → target, coded in CAMEO and PLOVER, with date and evidence."""

    event_id: str
    source: Mention
    target: Mention | None
    cameo: str
    cameo_name: str
    root: str
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    plover: str
    plover_mode: str
    plover_context: str
    date: DateRef | None  # None only when the story's publication date is unknown
    evidence: Evidence
    confidence: float
    speaker: Mention | None = None
    place: str | None = None  # country code of where it happened, when known
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    from_caption: bool = False
    rule: str = ""  # the lexicon entry that coded it

    @property
    def actor_unresolved(self) -> bool:
        """Whether the source is someone no dictionary knows (code ---): filter these out for dyads."""
        return self.source.actor.code == "---"

    @property
    def target_unresolved(self) -> bool:
        """Whether the target is named but no dictionary knows it ("detained 18 people"): code ---."""
        return self.target is not None and self.target.actor.code == "---"


@dataclass(frozen=True, slots=True)
class Decision:
    """Why the coder kept or dropped one trigger candidate (``eventwire explain``, ``code --why``)."""

    sent: int
    token: int  # the trigger's token index in the document
    trigger: str
    lemma: str
    verdict: str  # "kept" | "dropped" | "passed" (handed on: a speech verb's content, a wrapper's inner act)
    reason: str
    code: str = ""
    rule: str = ""


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """A document with everything extracted from it."""

    document: Document
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateRef, ...]
    mentions: tuple[Mention, ...]
    model: str
    coder_version: str
    warnings: tuple[str, ...] = field(default=())
    decisions: tuple[Decision, ...] = field(default=())  # filled only when asked (Settings.explain)
