"""Actor mentions: spans of a parsed story resolved to CAMEO actor codes.

Three passes per sentence, in document order:
  1. match: longest dictionary match over tokens (names case-sensitive, role words in any case),
     plus surnames of people already named in the story;
  2. guard: drop names that are not actors here (a PERSON "Jordan", Georgia near Atlanta,
     "talks in Moscow", "Denzel Washington");
  3. compose: gather the matches of one noun phrase (climbing compound/amod/nmod arcs, and a
     possessor into a role: "Russia's top diplomat") and resolve the phrase: a known person by
     the office held on the story's date, else role + country, metonym, demonym, IGO, region.
Anaphors ("the alliance", "the president") and surnames point back to earlier mentions.
This module matches and guards; ``compose`` resolves phrases (``descriptors``: "Iran-backed",
"rebel-held", ethnic words, people in places) and ``coref`` keeps the story's memory.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..knowledge.actors import (
    ActorKnowledge,
    NameEntry,
    actor_knowledge,
)
from ..knowledge.words import load_words
from ..records import Mention, Parsed, Token
from .compose import compose
from .coref import Atom, Story

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

_NOUNS = frozenset({"NOUN", "PROPN"})
ARTICLES = load_words().articles  # the article some names need before them ("the Kremlin"; words.yaml)


def find_mentions(parsed: Parsed, knowledge: ActorKnowledge | None = None) -> tuple[Mention, ...]:
    """Every actor mention in the coded sentences of a parsed story, in document order."""
    kb = knowledge or actor_knowledge()
    story = Story(parsed.document.published)
    vocabulary = {t.text for t in parsed.tokens}
    mentions: list[Mention] = []
    for sent in parsed.sentences:
        if not sent.part.coded:
            continue
        atoms = [
            a
            for a in _match(parsed, sent.token_start, sent.token_end, kb, story)
            if _passes_guards(parsed, a, kb, vocabulary)
        ]
        mentions.extend(compose(parsed, sent.index, atoms, kb, story))
    return tuple(mentions)


def explain(
    text: str, date: dt.date | None = None, nlp: Language | None = None, files: tuple[str, ...] = ()
) -> tuple[Mention, ...]:
    """Parse a short text (a phrase or a story) and return its actor mentions, for `eventwire actors`."""
    from ..ingest import read_text
    from ..nlp import load_model, parse

    # A title of its own keeps the text a body sentence, so short phrases are coded like stories.
    document = read_text(text, published=date, title="")
    return find_mentions(parse(document, nlp or load_model()), actor_knowledge(tuple(files)))


# ---------------------------------------------------------------- 1. match


def _match(parsed: Parsed, lo: int, hi: int, kb: ActorKnowledge, story: Story) -> list[Atom]:
    """Longest dictionary matches over tokens [lo, hi), left to right, never overlapping."""
    toks = parsed.tokens
    atoms: list[Atom] = []
    i = lo
    while i < hi:
        atom = _longest_at(toks, i, hi, kb, story) or _glued_at(toks, i, kb)
        if atom is None:
            i += 1
            continue
        atom.head = _atom_head(toks, atom.start, atom.end)
        if not atom.relation:
            atom.relation, atom.via = _relation(toks, atom, lo, hi, kb)
        atoms.append(atom)
        i = atom.end
    return atoms


def _relation(toks: tuple[Token, ...], atom: Atom, lo: int, hi: int, kb: ActorKnowledge) -> tuple[str, int]:
    """How a name joined by a hyphen stands to its phrase: "Iran - backed", "Saudi - led", "pro - Taliban"."""
    rel = kb.relations
    after = atom.end + 1
    if after < hi and toks[atom.end].text == "-" and toks[after].text.lower() in rel.hyphen:
        return rel.hyphen[toks[after].text.lower()], after
    before = atom.start - 2
    if before >= lo and toks[atom.start - 1].text == "-" and toks[before].text.lower() in rel.stance:
        return "stance", atom.head
    return "", -1


def _glued_at(toks: tuple[Token, ...], i: int, kb: ActorKnowledge) -> Atom | None:
    """A name glued to its relation word in one token: "U.S.-led", "pro-Kremlin" (when not split)."""
    text = toks[i].text
    left, dash, right = text.rpartition("-")
    if not dash or not left or not right:
        return None
    rel = kb.relations
    if right.lower() in rel.hyphen:
        name, relation = left, rel.hyphen[right.lower()]
    elif left.lower() in rel.stance:
        name, relation = right, "stance"
    else:
        return None
    entries = list(kb.exact.get(name, ())) or [e for e in kb.folded.get(name.lower(), ()) if e.kind == "role"]
    entries = [e for e in entries if not e.needs_the]
    if not entries:
        return None
    return Atom(i, i + 1, _prefer(entries), relation=relation, via=i)


def _longest_at(toks: tuple[Token, ...], i: int, hi: int, kb: ActorKnowledge, story: Story) -> Atom | None:
    key = ""
    keys: list[str] = []
    prefixes, surnames = kb.prefixes, story.surnames
    for j in range(i, min(hi, i + kb.max_tokens)):
        if toks[j].pos == "SPACE":
            break
        key += toks[j].text
        if key not in prefixes and key.lower() not in prefixes and not any(s.startswith(key) for s in surnames):
            break  # no name begins with this text, so no longer span can match either
        keys.append(key)
    after_the = i > 0 and toks[i - 1].text.lower() in ARTICLES
    for n in range(len(keys), 0, -1):
        k = keys[n - 1]
        entries = [e for e in kb.exact.get(k, ()) if after_the or not e.needs_the]
        if entries:
            return Atom(i, i + n, _prefer(entries))
        if k in story.surnames and toks[i].text[:1].isupper():
            actor, person, name = story.surnames[k]
            entry = NameEntry(
                "person" if person else "titled", actor.code, name, f"coreference:{name}", person=person
            )
            return Atom(i, i + n, entry, remembered=actor)
        entries = [e for e in kb.folded.get(k.lower(), ()) if after_the or not e.needs_the]
        if entries and (entries[0].kind != "role" or _is_nominal(toks, i, i + n)):
            return Atom(i, i + n, entries[0])
        if kb.caseless and toks[i].text[:1].isupper():  # imported upper-case dictionaries: capitalised only
            entries = [e for e in kb.caseless.get(k.lower(), ()) if after_the or not e.needs_the]
            if entries:
                return Atom(i, i + n, _prefer(entries))
    return None


def _prefer(entries: list[NameEntry]) -> NameEntry:
    """Among entries sharing a key, people and organisations beat places."""
    order = ("person", "group", "igo", "org", "seat", "country", "people", "adjective", "region")
    return min(entries, key=lambda e: order.index(e.kind) if e.kind in order else len(order))


def _is_nominal(toks: tuple[Token, ...], start: int, end: int) -> bool:
    """Role words count only as nouns: not "general" in "general election", "official" in "official visit"."""
    head = toks[_atom_head(toks, start, end)]
    return head.pos in _NOUNS or (head.pos == "ADJ" and head.dep not in ("amod", "acomp"))


def _atom_head(toks: tuple[Token, ...], start: int, end: int) -> int:
    """The token of [start, end) whose syntactic head lies outside it (the last such)."""
    heads = [t.i for t in toks[start:end] if not start <= t.head < end or t.head == t.i]
    return heads[-1] if heads else end - 1


# ---------------------------------------------------------------- 2. guard


def _inside_longer_person(toks: tuple[Token, ...], atom: Atom) -> bool:
    """Whether the name is part of a longer PERSON entity (a first name or surname beside it)."""
    before = toks[atom.start].ent_iob == "I"
    after = atom.end < len(toks) and toks[atom.end].ent_iob == "I" and toks[atom.end].ent_type == "PERSON"
    return before or after


def _passes_guards(parsed: Parsed, atom: Atom, kb: ActorKnowledge, vocabulary: set[str]) -> bool:
    """False when a matched name is not an actor in this context."""
    toks, entry, g = parsed.tokens, atom.entry, kb.guards
    if entry.kind in ("role", "region-adjective", "adjective", "people", "person", "titled"):
        return True
    span = toks[atom.start : atom.end]
    if entry.kind != "group" and any(t.ent_type == "PERSON" for t in span) and (
        _inside_longer_person(toks, atom) or parsed.span_text(atom.start, atom.end) in g.person_names
    ):
        # "Paris Hilton", "Denzel Washington"; or "Jordan" the player. The small model also tags plain
        # country names as PERSON now and then ("Azerbaijan rejected ..."): those stay countries.
        return False
    vetoes = g.context_vetoes.get(parsed.span_text(atom.start, atom.end), ())
    if any((w in vocabulary) if " " not in w else (w in parsed.document.text) for w in vetoes):
        return False
    if atom.end < len(toks) and toks[atom.end].sent == span[0].sent:
        nxt = toks[atom.end]
        if nxt.text in g.not_before or (
            nxt.text == "-" and atom.end + 1 < len(toks) and toks[atom.end + 1].text in g.not_before
        ):
            return False
        if nxt.text.startswith("-") and nxt.text[1:] in g.not_before:
            return False
    prev = toks[atom.start - 1] if atom.start > 0 else None
    if (
        prev is not None
        and atom.end - atom.start == 1
        and prev.pos == "PROPN"
        and prev.dep == "compound"
        and prev.head == atom.start
        and prev.text[:1].isupper()
        and prev.ent_type not in ("GPE", "NORP", "LOC")
    ):
        return False  # a first name before a place-name: "Denzel Washington" when NER misses it
    if (
        span[0].ent_iob == "I"
        and span[0].ent_type in ("GPE", "LOC", "FAC")
        and not (prev is not None and prev.pos == "DET")  # NER often takes in "The United Kingdom"
    ):
        return False  # the tail of a longer place name: "New Jersey", "Western Cape"
    return True


__all__ = ["explain", "find_mentions"]
