"""Actor mentions, the story's memory: matched atoms, people by their dated office, titled strangers.

A phrase that names a person resolves to the office they held on the story's date (with no date,
their latest office, or the one the phrase's own institution names); "former" takes them out of
office. People and titled office-holders are remembered by surname for later sentences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..knowledge.actors import NameEntry, Office, Person, actor_from_code
from ..knowledge.words import load_words
from ..records import Actor, Mention, Parsed, Token

# Arcs inside a noun phrase that lead from a modifier to the word it modifies.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nn"})

WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
_FORMER = WORDS.former


@dataclass(slots=True)
class Atom:
    """One dictionary match: tokens [start, end) and the entry it matched."""

    start: int
    end: int
    entry: NameEntry
    head: int = -1  # the atom's own syntactic head token
    relation: str = ""  # backer | leader | holder | stance: "Iran-backed", "Saudi-led", "rebel-held", "pro-X"
    via: int = -1  # the token carrying the relation ("backed", or the whole "U.S.-led")
    remembered: Actor | None = None  # matched as the surname of someone named earlier: who the story made them

    @property
    def coref(self) -> bool:
        """Whether the atom is the surname of someone named earlier."""
        return self.remembered is not None


@dataclass(slots=True)
class Story:
    """What earlier sentences established: people named, titled office-holders, IGOs."""

    date: dt.date | None
    surnames: dict[str, tuple[Actor, Person | None, str]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    titled: dict[str, Actor] = field(default_factory=dict)  # role phrase → latest titled holder
    igos: list[tuple[str, Actor]] = field(default_factory=list)  # (kind, actor), in order


def phrase_head(toks: tuple[Token, ...], i: int) -> int:
    """Climb modifier arcs rightwards to the noun the modifier belongs to."""
    t = toks[i]
    while t.dep in MODIFIER_DEPS and t.head > t.i and toks[t.head].sent == t.sent:
        t = toks[t.head]
    return t.i


def phrase_span(parsed: Parsed, head: int, group: list[Atom]) -> tuple[int, int]:
    """Token span of a phrase: from its first atom (or a leading "the") through its head."""
    start = min(a.start for a in group)
    end = max(head + 1, max(a.end for a in group))
    if start > 0 and parsed.tokens[start - 1].text.lower() in WORDS.articles and parsed.tokens[start - 1].dep == "det":
        start -= 1
    return start, end


def make_mention(
    parsed: Parsed, sent: int, head: int, group: list[Atom], actor: Actor, method: str, entry: str
) -> Mention:
    start, end = phrase_span(parsed, head, group)
    toks = parsed.tokens
    return Mention(
        parsed.span_text(start, end),
        toks[start].start,
        toks[end - 1].end,
        start,
        end,
        head,
        sent,
        actor,
        method,
        entry,
    )


def remember_titled(
    parsed: Parsed, group: list[Atom], actor: Actor, roles: list[Atom], story: Story
) -> None:
    """Remember an unknown person introduced with a title ("Foreign Minister Ayman Safadi") by surname."""
    for a in roles:
        if "person" in a.entry.flags:
            story.titled[a.entry.name] = actor
    start, end = phrase_span(parsed, phrase_head(parsed.tokens, group[-1].head), group)
    run: list[Token] = []
    for t in parsed.tokens[start:end]:
        if t.ent_type == "PERSON" and t.pos == "PROPN":
            run.append(t)
        elif run:
            break
    if run:
        story.surnames[run[-1].text] = (actor, None, parsed.span_text(run[0].i, run[-1].i + 1))


def resolve_person(
    parsed: Parsed, sent: int, head: int, group: list[Atom], atom: Atom, titles: list[str], story: Story
) -> Mention:
    """A named person (or armed group) → the actor they were on the story's date."""
    person = atom.entry.person
    if person is None:  # an unknown person named earlier with a title: reuse that actor
        # the remembered actor itself: a title alone ("President X": GOV) has no country to split off
        actor = atom.remembered or actor_from_code(atom.entry.code, atom.entry.name)
        return make_mention(parsed, sent, head, group, actor, "coreference", atom.entry.source)
    actor, office = person.actor_at(story.date)
    if story.date is None:
        actor, office = _titled_office(person, group, actor, office)
    if former(parsed, group, head) and person.country and not person.group:
        # "former Prime Minister Ehud Olmert": whatever the date, not the office-holder now
        actor, office = Actor(person.country + person.out_of_office, person.country, person.out_of_office,
                              person.id), None
    if not any(a.start <= head < a.end for a in group):
        # the phrase climbed past the name into a word the parser mis-attached ("Gerasimov walk")
        head = atom.head
        group = [a for a in group if a.end <= head + 1]
    repeated = atom.coref or (person.id in story.seen and "alone" in atom.entry.flags)
    method = "dictionary" if person.group else ("coreference" if repeated else "person-office")
    story.seen.add(person.id)
    if not person.group:
        for surname in person.surnames:
            story.surnames["".join(surname.split())] = (actor, person, person.id)
        for title in titles:
            story.titled[title] = actor
    role = office.role if office else "out of office"
    return make_mention(parsed, sent, head, group, actor, method, f"{atom.entry.source}#{role}")


def _titled_office(
    person: Person, group: list[Atom], actor: Actor, office: Office | None
) -> tuple[Actor, Office | None]:
    """With no story date, the office the phrase's own institution names ("NATO Secretary General X")."""
    bases = {a.entry.code for a in group if a.entry.kind in ("igo", "org", "seat")}
    bases |= {a.entry.code[:3] for a in group if a.entry.kind in ("country", "adjective", "people")}
    fitting = [o for o in person.offices if o.code in bases or o.code[:3] in bases]
    if not fitting or (office is not None and office in fitting):
        return actor, office
    return actor_from_code(fitting[-1].code, person.id), fitting[-1]


def former(parsed: Parsed, group: list[Atom], head: int) -> bool:
    """"former"/"ex-" before a person's title or name: they no longer hold the office."""
    start = min(a.start for a in group)
    toks = parsed.tokens
    window = toks[max(toks[head].left, start - 3) : head + 1]
    return any(t.text.lower() in _FORMER for t in window)


__all__ = [
    "MODIFIER_DEPS",
    "Atom",
    "Story",
    "former",
    "make_mention",
    "phrase_head",
    "phrase_span",
    "remember_titled",
    "resolve_person",
]
