"""Actor mentions, descriptors: what hyphenated names, ethnic words and places say about a phrase.

- A patron or stance is not the actor: "Iran-backed militias" are militias (Iran is noted in the
  mention's ``entry``), "pro-Taliban newspapers" are newspapers.
- A leader gives its country: "the Saudi-led coalition" → SAUMIL (the ``led`` role flag).
- A holder makes the phrase a place held by someone: "the rebel-held enclave of Eastern Ghouta" →
  the rebels of the place's country (SYRREB, method "holder"); a state holder ("Israeli-occupied
  West Bank") leaves a place and no actor.
- An ethnic or religious word turns a state sector into its non-state one ("Syrian Kurdish leader"
  → SYROPP) and, alone, names the group's civilians ("the Rohingya" → MMRCVL).
- A ``local`` role ("civilians", "police", "rebels") with no country word takes the country of the
  place it is in: its own "in/of/from X" ("18 people in Kabul" → AFGCVL), else its clause's.
"""

from __future__ import annotations

from dataclasses import replace

from ..knowledge.actors import ActorKnowledge
from ..knowledge.words import load_words
from ..records import Actor, Mention, Parsed
from .coref import Atom, make_mention, phrase_head
from .places import locative_place, place_country

#: Relations whose name stays out of the phrase's actor.
PATRONS = frozenset({"backer", "stance"})

WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
_WHERE = WORDS.descriptor_places


def set_patrons_aside(parsed: Parsed, atoms: list[Atom]) -> tuple[list[Atom], dict[int, list[str]]]:
    """The atoms that may be actors, and notes on patrons by the phrase head they describe."""
    kept: list[Atom] = []
    notes: dict[int, list[str]] = {}
    for atom in atoms:
        if atom.relation in PATRONS:
            head = phrase_head(parsed.tokens, atom.via if atom.via >= 0 else atom.head)
            notes.setdefault(head, []).append(f"{atom.relation}:{atom.entry.name}")
        else:
            kept.append(atom)
    return kept, notes


def grouping_token(atom: Atom) -> int:
    """The token whose phrase an atom belongs to: a leader or holder joins the noun it describes."""
    return atom.via if atom.relation in ("leader", "holder") and atom.via >= 0 else atom.head


def with_notes(mention: Mention, notes: list[str]) -> Mention:
    """A mention whose ``entry`` also names the patrons set aside from its phrase."""
    return replace(mention, entry="+".join([mention.entry, *notes])) if notes else mention


def local_country(parsed: Parsed, head: int, kb: ActorKnowledge, itself: bool = False) -> str | None:
    """The country a phrase headed by ``head`` is in: its "in/of X", else its clause's place.

    ``itself``: the head may name the place ("the rebel-held Eastern Ghouta"); never for a role word,
    whose capitalised form can be a town ("Police" is one in Poland).
    """
    found = place_country(parsed, head, kb) if itself else None
    if found:
        return found
    return _attached_place(parsed, head, kb, depth=2) or locative_place(parsed, head, kb)


def modifier_country(parsed: Parsed, head: int, kb: ActorKnowledge) -> str | None:
    """The country of a place name modifying ``head`` from the left ("an Istanbul court")."""
    for k in parsed.children(head):
        # a capitalised common noun opening a sentence ("Border police") is only a place if NER says so
        if k.i < head and k.dep in ("compound", "nmod") and (
                k.pos == "PROPN" or (k.pos == "NOUN" and k.ent_type in ("GPE", "LOC", "FAC"))):
            found = place_country(parsed, k.i, kb)
            if found:
                return found
    return None


def _attached_place(parsed: Parsed, head: int, kb: ActorKnowledge, depth: int) -> str | None:
    """The country of an "in/of/near X" hanging off ``head``, or off that X ("enclave of Ghouta near Damascus")."""
    for prep in parsed.children(head):
        if prep.dep == "prep" and prep.text.lower() in _WHERE:
            for obj in parsed.children(prep.i):
                if obj.dep == "pobj":
                    found = place_country(parsed, obj.i, kb)
                    if not found and depth > 1:
                        found = _attached_place(parsed, obj.i, kb, depth - 1)
                    if found:
                        return found
    return None


def held_place(
    parsed: Parsed, sent: int, head: int, group: list[Atom], holder: Atom, kb: ActorKnowledge
) -> Mention | None:
    """ "the rebel-held town": the holders of the place, of the place's country; a state holder → None."""
    entry = holder.entry
    if entry.kind != "role" or not entry.code:
        return None  # "Israeli-occupied", "Turkish-controlled": the phrase is a place, not an actor
    country = local_country(parsed, head, kb, itself=True)
    actor = Actor((country or "") + entry.code, country, entry.code, entry.name)
    word = parsed.tokens[holder.via].text
    return make_mention(parsed, sent, head, group, actor, "holder", f"{entry.source}+holder:{word}")


def ethnic_actor(
    parsed: Parsed,
    sent: int,
    head: int,
    group: list[Atom],
    ethnics: list[Atom],
    plain: list[Atom],
    country_atoms: list[Atom],
    kb: ActorKnowledge,
) -> Mention | None:
    """An ethnic or religious word with a role ("Kurdish fighters"), or alone ("the Rohingya")."""
    atom = ethnics[-1]
    kind = "religious" if "religious" in atom.entry.flags else "ethnic"
    # the nearest country word decides ("Syrian Kurdish leader" → SYR), else a group's home state
    # ("Rohingya Muslim insurgents": the Rohingya's, as "Muslim" has none), else the place
    states = [a for a in country_atoms if a.entry.kind in ("country", "adjective", "people")]
    homes = [a.entry.code for a in ethnics if a.entry.code]
    country = states[-1].entry.code[:3] if states else (homes[-1] if homes else local_country(parsed, head, kb))
    source = "+".join(a.entry.source for a in group)
    if plain:
        pick = ([a for a in plain if "weak" not in a.entry.flags and a.entry.code] or plain)[-1].entry
        if not pick.code:
            return None
        sector = kb.relations.nonstate.get(kind, {}).get(pick.code, pick.code)
        if "placed" in pick.flags and not country:
            return None
        actor = Actor((country or "") + sector, country, sector, f"{atom.entry.name} {pick.name}")
        return make_mention(parsed, sent, head, group, actor, "ethnic", source)
    if "people" in atom.entry.flags and atom.start <= head < atom.end and country:
        return make_mention(parsed, sent, head, group, Actor(country + "CVL", country, "CVL", atom.entry.name),
                            "ethnic", source)
    return None  # an ethnic adjective on a thing ("Kurdish demands"), or a group with no one state


__all__ = [
    "PATRONS",
    "ethnic_actor",
    "grouping_token",
    "held_place",
    "local_country",
    "set_patrons_aside",
    "with_notes",
]
