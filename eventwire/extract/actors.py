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
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..knowledge.actors import (
    PLACE_KINDS,
    ActorKnowledge,
    NameEntry,
    Office,
    Person,
    actor_from_code,
    actor_knowledge,
)
from ..records import Actor, Mention, Parsed, Token

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

# Arcs inside a noun phrase that lead from a modifier to the word it modifies.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nn"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
_FORMER = frozenset({"former", "ex", "ex-", "erstwhile"})


@dataclass(slots=True)
class _Atom:
    """One dictionary match: tokens [start, end) and the entry it matched."""

    start: int
    end: int
    entry: NameEntry
    head: int = -1  # the atom's own syntactic head token
    coref: bool = False  # matched as the surname of someone named earlier


@dataclass(slots=True)
class _Story:
    """What earlier sentences established: people named, titled office-holders, IGOs."""

    date: dt.date | None
    surnames: dict[str, tuple[Actor, Person | None, str]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    titled: dict[str, Actor] = field(default_factory=dict)  # role phrase → latest titled holder
    igos: list[tuple[str, Actor]] = field(default_factory=list)  # (kind, actor), in order


def find_mentions(parsed: Parsed, knowledge: ActorKnowledge | None = None) -> tuple[Mention, ...]:
    """Every actor mention in the coded sentences of a parsed story, in document order."""
    kb = knowledge or actor_knowledge()
    story = _Story(parsed.document.published)
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
        mentions.extend(_compose(parsed, sent.index, atoms, kb, story))
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


def _match(parsed: Parsed, lo: int, hi: int, kb: ActorKnowledge, story: _Story) -> list[_Atom]:
    """Longest dictionary matches over tokens [lo, hi), left to right, never overlapping."""
    toks = parsed.tokens
    atoms: list[_Atom] = []
    i = lo
    while i < hi:
        atom = _longest_at(toks, i, hi, kb, story)
        if atom is None:
            i += 1
            continue
        atom.head = _atom_head(toks, atom.start, atom.end)
        atoms.append(atom)
        i = atom.end
    return atoms


def _longest_at(toks: tuple[Token, ...], i: int, hi: int, kb: ActorKnowledge, story: _Story) -> _Atom | None:
    key = ""
    keys: list[str] = []
    for j in range(i, min(hi, i + kb.max_tokens)):
        if toks[j].pos == "SPACE":
            break
        key += toks[j].text
        keys.append(key)
    after_the = i > 0 and toks[i - 1].text.lower() == "the"
    for n in range(len(keys), 0, -1):
        k = keys[n - 1]
        entries = [e for e in kb.exact.get(k, ()) if after_the or not e.needs_the]
        if entries:
            return _Atom(i, i + n, _prefer(entries))
        if k in story.surnames and toks[i].text[:1].isupper():
            actor, person, name = story.surnames[k]
            entry = NameEntry(
                "person" if person else "titled", actor.code, name, f"coreference:{name}", person=person
            )
            return _Atom(i, i + n, entry, coref=True)
        entries = [e for e in kb.folded.get(k.lower(), ()) if after_the or not e.needs_the]
        if entries and (entries[0].kind != "role" or _is_nominal(toks, i, i + n)):
            return _Atom(i, i + n, entries[0])
        if kb.caseless and toks[i].text[:1].isupper():  # imported upper-case dictionaries: capitalised only
            entries = [e for e in kb.caseless.get(k.lower(), ()) if after_the or not e.needs_the]
            if entries:
                return _Atom(i, i + n, _prefer(entries))
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


def _passes_guards(parsed: Parsed, atom: _Atom, kb: ActorKnowledge, vocabulary: set[str]) -> bool:
    """False when a matched name is not an actor in this context."""
    toks, entry, g = parsed.tokens, atom.entry, kb.guards
    if entry.kind in ("role", "region-adjective", "adjective", "people", "person", "titled"):
        return True
    span = toks[atom.start : atom.end]
    if entry.kind != "group" and any(t.ent_type == "PERSON" for t in span):
        return False  # "Jordan" the player, "Paris Hilton", "Denzel Washington"
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


def _is_place(parsed: Parsed, head: int, kb: ActorKnowledge, seat: bool) -> bool:
    """Whether a name used at token ``head`` is a location ("talks in Moscow"), not an actor."""
    toks, g = parsed.tokens, kb.guards
    t = toks[head]
    while t.dep in ("appos", "conj") and t.head != t.i:  # "in Moscow, Russia", "in Kyiv and Lviv"
        t = toks[t.head]
    if t.dep != "pobj":
        return False
    prep = toks[t.head]
    word = prep.text.lower()
    if seat and word == "to":
        return toks[prep.head].lemma.lower() in g.motion_verbs
    return word in (g.locative_preps if seat else g.country_locative_preps)


# ---------------------------------------------------------------- 3. compose


def _compose(
    parsed: Parsed, sent: int, atoms: list[_Atom], kb: ActorKnowledge, story: _Story
) -> list[Mention]:
    """Group a sentence's atoms by noun phrase and resolve each group to at most one mention."""
    toks = parsed.tokens
    groups: dict[int, list[_Atom]] = {}
    for atom in atoms:
        groups.setdefault(_phrase_head(toks, atom.head), []).append(atom)
    for head in sorted(groups):  # a possessor joins its noun's phrase when that noun is a role
        t = toks[head]
        if (
            t.dep == "poss"
            and t.head in groups
            and _has_role(groups[t.head])
            and head not in _person_heads(groups)
        ):
            groups[t.head] = groups.pop(head) + groups[t.head]
    for head in sorted(groups):  # "the president of Brazil", "Foreign Minister Ayman Safadi of Jordan"
        if head in groups and _has_role(groups[head]) and not _places(groups[head]):
            for prep in parsed.children(head):
                if prep.dep == "prep" and prep.text.lower() in ("of", "from"):
                    obj = [c.i for c in parsed.children(prep.i) if c.dep == "pobj" and c.i in groups]
                    if obj and _places(groups[obj[0]]) and not _has_role(groups[obj[0]]):
                        groups[head] = groups[head] + groups.pop(obj[0])
    out: list[Mention] = []
    consumed: set[int] = set()
    for head in sorted(groups, key=lambda h: min(a.start for a in groups[h])):
        if head in consumed:
            continue
        group = sorted(groups[head], key=lambda a: a.start)
        for a in group:
            if a.entry.kind == "igo":
                story.igos.append((a.entry.igo_kind, actor_from_code(a.entry.code, a.entry.name)))
        mention = _resolve(parsed, sent, head, group, kb, story, _conjunct_roles(parsed, head, groups))
        if mention is None:
            continue
        mention = _with_allies(parsed, mention, groups, kb, consumed)
        out.append(mention)
    return out


def _conjunct_roles(parsed: Parsed, head: int, groups: dict[int, list[_Atom]]) -> tuple[_Atom, ...]:
    """Role words of a coordinated phrase, for a country adjective that shares them."""
    toks = parsed.tokens
    partners = [c.i for c in parsed.children(head) if c.dep == "conj"]
    if toks[head].dep == "conj":
        partners.append(toks[head].head)
    for p in partners:
        for h, group in groups.items():
            if h == p or any(a.start <= p < a.end for a in group):
                roles = tuple(
                    a
                    for a in group
                    if a.entry.kind == "role"
                    and a.head == h
                    and "collective" not in a.entry.flags
                    and not a.entry.anaphor_kinds
                )
                if roles:
                    return roles
    return ()


def _phrase_head(toks: tuple[Token, ...], i: int) -> int:
    """Climb modifier arcs rightwards to the noun the modifier belongs to."""
    t = toks[i]
    while t.dep in _MODIFIER_DEPS and t.head > t.i and toks[t.head].sent == t.sent:
        t = toks[t.head]
    return t.i


def _places(group: list[_Atom]) -> list[_Atom]:
    return [a for a in group if a.entry.kind in PLACE_KINDS or a.entry.kind in ("org", "igo")]


def _has_role(group: list[_Atom]) -> bool:
    return any(a.entry.kind == "role" and "collective" not in a.entry.flags for a in group)


def _person_heads(groups: dict[int, list[_Atom]]) -> set[int]:
    return {h for h, g in groups.items() if any(a.entry.kind in ("person", "titled") for a in g)}


def _span(parsed: Parsed, head: int, group: list[_Atom]) -> tuple[int, int]:
    """Token span of a phrase: from its first atom (or a leading "the") through its head."""
    start = min(a.start for a in group)
    end = max(head + 1, max(a.end for a in group))
    if start > 0 and parsed.tokens[start - 1].text.lower() == "the" and parsed.tokens[start - 1].dep == "det":
        start -= 1
    return start, end


def _mention(
    parsed: Parsed, sent: int, head: int, group: list[_Atom], actor: Actor, method: str, entry: str
) -> Mention:
    start, end = _span(parsed, head, group)
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


def _resolve(
    parsed: Parsed,
    sent: int,
    head: int,
    group: list[_Atom],
    kb: ActorKnowledge,
    story: _Story,
    borrowed: tuple[_Atom, ...] = (),
) -> Mention | None:
    """One noun phrase's atoms → a mention, or None when the phrase is not an actor."""
    toks = parsed.tokens
    people = [a for a in group if a.entry.kind in ("person", "group", "titled")]
    roles = [
        a
        for a in group
        if a.entry.kind == "role" and (a.head == head or toks[a.head].dep in ("compound", "poss"))
    ]
    titles = [a.entry.name for a in roles if "person" in a.entry.flags]
    if people:
        return _resolve_person(parsed, sent, head, group, people[-1], titles, story)
    places = _places(group)
    if not roles and borrowed and places and all(a.entry.kind in ("adjective", "people") for a in places):
        roles = list(borrowed)  # "Emirati and Saudi officials", "Russian and Chinese troops"
    at_head = any(a.start <= head < a.end for a in group)
    # an anaphor word with a sector of its own is a plain role once a country owns it ("a Swiss court")
    plain = [
        a
        for a in roles
        if (not a.entry.anaphor_kinds or (places and a.entry.code.strip())) and "collective" not in a.entry.flags
    ]
    collective = [a for a in roles if "collective" in a.entry.flags]
    anaphors = [a for a in roles if a.entry.anaphor_kinds]
    if not places and anaphors and _has_article(parsed, group):
        # "the alliance", "the alliance's military deployments": the latest IGO of a fitting kind
        kinds = set().union(*(a.entry.anaphor_kinds for a in anaphors))
        earlier = [actor for kind, actor in story.igos if kind in kinds]
        if earlier:
            if not plain:
                return _mention(
                    parsed,
                    sent,
                    head,
                    group,
                    earlier[-1],
                    "coreference",
                    f"anaphor:{anaphors[-1].entry.name}",
                )
            return _mention(
                parsed,
                sent,
                head,
                group,
                earlier[-1],
                "coreference",
                f"anaphor:{anaphors[-1].entry.name}+" + "+".join(a.entry.source for a in plain),
            )
    if places:
        base = _base_actor(places)
        if plain or collective:
            return _role_with_base(parsed, sent, head, group, base, plain, collective, places, kb, story)
        if not at_head:
            # A country word modifying a non-role noun ("Russian aggression", "Israeli airstrike") is not
            # an actor phrase, but it says whose conduct the noun is: keep the word alone as a
            # "modifier" mention, which the event coder may use for targets and event nouns only.
            return _modifier(parsed, sent, places)
        return _bare_name(parsed, sent, head, group, base, places[-1].entry, kb)
    if titles and _has_article(parsed, group) and titles[-1] in story.titled:
        return _mention(
            parsed, sent, head, group, story.titled[titles[-1]], "coreference", f"anaphor:{titles[-1]}"
        )
    bare = [a for a in plain if not {"person", "owned"} & a.entry.flags and a.entry.code]
    if bare and (toks[head].pos in _NOUNS) and any(a.start <= head < a.end for a in bare):
        # the rightmost specific role decides: "police officials" are police, not generic officials
        pick = ([a for a in bare if "weak" not in a.entry.flags] or bare)[-1].entry
        return _mention(
            parsed, sent, head, group, Actor(pick.code, None, pick.code, pick.name), "role", pick.source
        )
    return None


def _modifier(parsed: Parsed, sent: int, places: list[_Atom]) -> Mention | None:
    """The country adjective or name of a modifier ("Russian" in "Russian aggression"); no seats."""
    atom = places[-1]
    if atom.entry.kind not in ("adjective", "people", "country") or parsed.tokens[atom.head].dep not in (
        "amod", "compound", "nmod", "poss"
    ):
        return None
    actor = actor_from_code(atom.entry.code, atom.entry.name)
    toks = parsed.tokens
    return Mention(parsed.span_text(atom.start, atom.end), toks[atom.start].start, toks[atom.end - 1].end,
                   atom.start, atom.end, atom.head, sent, actor, "modifier", atom.entry.source)


def _has_article(parsed: Parsed, group: list[_Atom]) -> bool:
    start = min(a.start for a in group)
    return start > 0 and parsed.tokens[start - 1].text.lower() == "the"


def _base_actor(places: list[_Atom]) -> Actor:
    """The institution or country of a phrase: an IGO beats a country, else the word nearest the head."""
    igos = [a for a in places if a.entry.kind == "igo"]
    pick = (igos or places)[-1].entry
    return actor_from_code(pick.code, pick.name)


def _role_with_base(
    parsed: Parsed,
    sent: int,
    head: int,
    group: list[_Atom],
    base: Actor,
    plain: list[_Atom],
    collective: list[_Atom],
    places: list[_Atom],
    kb: ActorKnowledge,
    story: _Story,
) -> Mention | None:
    """Role + country ("Russian troops" → RUSMIL), role + region ("Western officials"), collectives."""
    entry = "+".join(a.entry.source for a in group)
    if not plain:  # "European capitals", "Western countries", "NATO allies", "U.S. allies"
        if base.country is None or len(base.code) != 3 or places[-1].entry.kind.startswith("region"):
            return _mention(parsed, sent, head, group, base, "collective", entry)
        bloc = kb.blocs.get(base.code)
        if bloc:
            return _mention(parsed, sent, head, group, Actor(bloc, None, None, bloc), "collective", entry)
        return None
    strong = [a for a in plain if "weak" not in a.entry.flags and a.entry.code]
    if base.country is None and base.code.startswith(("IGO", "NGO", "NATO")):
        actor = base  # an IGO's own people keep its code: "NATO troops", "UN Secretary-General"
    else:
        if strong:
            sector = strong[-1].entry.code
        elif base.sector:
            sector = base.sector  # weak role serving an institution: "Pentagon spokesman" → USAMIL
        else:
            sector = plain[-1].entry.code
        country = base.country or base.code
        actor = Actor(country + sector, base.country, sector, base.name)
    mention = _mention(parsed, sent, head, group, actor, "role+country", entry)
    _remember_titled(parsed, group, actor, plain, story)
    return mention


def _remember_titled(
    parsed: Parsed, group: list[_Atom], actor: Actor, roles: list[_Atom], story: _Story
) -> None:
    """Remember an unknown person introduced with a title ("Foreign Minister Ayman Safadi") by surname."""
    for a in roles:
        if "person" in a.entry.flags:
            story.titled[a.entry.name] = actor
    start, end = _span(parsed, _phrase_head(parsed.tokens, group[-1].head), group)
    run: list[Token] = []
    for t in parsed.tokens[start:end]:
        if t.ent_type == "PERSON" and t.pos == "PROPN":
            run.append(t)
        elif run:
            break
    if run:
        story.surnames[run[-1].text] = (actor, None, parsed.span_text(run[0].i, run[-1].i + 1))


def _bare_name(
    parsed: Parsed,
    sent: int,
    head: int,
    group: list[_Atom],
    base: Actor,
    entry: NameEntry,
    kb: ActorKnowledge,
) -> Mention | None:
    """A name standing alone as the phrase head: country, capital, IGO, demonym, region."""
    kind = entry.kind
    if kind == "seat" and _is_place(parsed, head, kb, seat=True):
        return None
    if kind in ("country", "region") and _is_place(parsed, head, kb, seat=False):
        return None
    method = {
        "seat": "metonym",
        "adjective": "demonym",
        "people": "demonym",
        "region": "collective",
        "region-adjective": "collective",
    }.get(kind, "dictionary")
    if kind == "adjective" and parsed.tokens[head].pos not in _NOUNS:
        return None  # an adjective heading nothing: "the talks were Russian"
    return _mention(parsed, sent, head, group, base, method, entry.source)


def _resolve_person(
    parsed: Parsed, sent: int, head: int, group: list[_Atom], atom: _Atom, titles: list[str], story: _Story
) -> Mention:
    """A named person (or armed group) → the actor they were on the story's date."""
    person = atom.entry.person
    if person is None:  # an unknown person named earlier with a title: reuse that actor
        actor = actor_from_code(atom.entry.code, atom.entry.name)
        return _mention(parsed, sent, head, group, actor, "coreference", atom.entry.source)
    actor, office = person.actor_at(story.date)
    if story.date is None:
        actor, office = _titled_office(person, group, actor, office)
    if _former(parsed, group, head) and person.country and not person.group:
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
    return _mention(parsed, sent, head, group, actor, method, f"{atom.entry.source}#{role}")


def _titled_office(
    person: Person, group: list[_Atom], actor: Actor, office: Office | None
) -> tuple[Actor, Office | None]:
    """With no story date, the office the phrase's own institution names ("NATO Secretary General X")."""
    bases = {a.entry.code for a in group if a.entry.kind in ("igo", "org", "seat")}
    bases |= {a.entry.code[:3] for a in group if a.entry.kind in ("country", "adjective", "people")}
    fitting = [o for o in person.offices if o.code in bases or o.code[:3] in bases]
    if not fitting or (office is not None and office in fitting):
        return actor, office
    return actor_from_code(fitting[-1].code, person.id), fitting[-1]


def _former(parsed: Parsed, group: list[_Atom], head: int) -> bool:
    """"former"/"ex-" before a person's title or name: they no longer hold the office."""
    start = min(a.start for a in group)
    toks = parsed.tokens
    window = toks[max(toks[head].left, start - 3) : head + 1]
    return any(t.text.lower() in _FORMER for t in window)


def _with_allies(
    parsed: Parsed, mention: Mention, groups: dict[int, list[_Atom]], kb: ActorKnowledge, consumed: set[int]
) -> Mention:
    """ "Washington and its allies": stretch the mention over the conjunct and add the allies' bloc."""
    toks = parsed.tokens
    for child in parsed.children(mention.head):
        if child.dep != "conj" or child.i not in groups:
            continue
        group = groups[child.i]
        owned = any(
            c.dep == "poss" and c.text.lower() in _POSSESSIVE_PRONOUNS for c in parsed.children(child.i)
        )
        if not owned or not all("collective" in a.entry.flags for a in group):
            continue
        bloc = kb.blocs.get(mention.actor.country or "") or ("WST" if mention.actor.code == "NATO" else "")
        if not bloc:
            continue
        consumed.add(child.i)
        end = child.i + 1
        return Mention(
            parsed.span_text(mention.token_start, end),
            mention.start,
            toks[end - 1].end,
            mention.token_start,
            end,
            mention.head,
            mention.sent,
            mention.actor,
            mention.method,
            mention.entry,
            (Actor(bloc, None, None, f"allies of {mention.actor.name}"),),
        )
    return mention


__all__ = ["explain", "find_mentions"]
