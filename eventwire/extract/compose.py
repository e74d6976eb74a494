"""Actor mentions, composition: a sentence's atoms grouped by noun phrase, each phrase resolved once.

The head noun's role and the country word nearest it decide ("Russian troops" → RUSMIL); a seat or
country alone is a metonym or the state; an IGO's people keep its code; a country word modifying a
non-role noun ("Russian aggression") is kept as a "modifier" mention only.
"""

from __future__ import annotations

from dataclasses import replace

from ..knowledge.actors import OUT_OF_OFFICE, PLACE_KINDS, ActorKnowledge, NameEntry, actor_from_code
from ..knowledge.words import load_words
from ..records import Actor, Mention, Parsed
from .coref import Atom, Story, former, make_mention, phrase_head, phrase_span, remember_titled, resolve_person
from .descriptors import (
    ethnic_actor,
    grouping_token,
    held_place,
    local_country,
    modifier_country,
    set_patrons_aside,
    with_notes,
)

_NOUNS = frozenset({"NOUN", "PROPN"})

WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
_POSSESSIVE_PRONOUNS = WORDS.possessive_pronouns


def compose(
    parsed: Parsed, sent: int, atoms: list[Atom], kb: ActorKnowledge, story: Story
) -> list[Mention]:
    """Group a sentence's atoms by noun phrase and resolve each group to at most one mention."""
    toks = parsed.tokens
    atoms, notes = set_patrons_aside(parsed, atoms)  # "Iran-backed", "pro-Taliban": not the actor
    groups: dict[int, list[Atom]] = {}
    for atom in atoms:
        groups.setdefault(phrase_head(toks, grouping_token(atom)), []).append(atom)
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
                if prep.dep == "prep" and prep.text.lower() in WORDS.role_place_preps:
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
        out.append(with_notes(mention, notes.get(head, [])))
    return _owned_by_people(parsed, _serving(parsed, sent, groups, out))


def _serving(parsed: Parsed, sent: int, groups: dict[int, list[Atom]], mentions: list[Mention]) -> list[Mention]:
    """A weak role that resolved to nobody is whom it serves: "a spokesman for the Taliban" speaks as the
    Taliban, "an aide to the Czech president" is CZEGOV; a country alone gives its sector ("a
    spokesman for Russia" → RUSGOV)."""
    by_head = {m.head: m for m in mentions if m.method != "modifier"}
    out = list(mentions)
    for head, group in groups.items():
        weak = [a for a in group if a.entry.kind == "role" and a.head == head and "weak" in a.entry.flags]
        bare = by_head.get(head)
        if (bare is not None and (bare.method != "role" or bare.actor.country)) or not weak or any(
                a.entry.kind != "role" for a in group):
            continue  # resolved on its own ("a Czech spokesman"); a bare "aide" (GOV) yields to whom it serves
        served = next((by_head[o.i] for prep in parsed.children(head)
                       if prep.dep == "prep" and prep.text.lower() in WORDS.role_serving_preps
                       for o in parsed.children(prep.i) if o.dep == "pobj" and o.i in by_head), None)
        if served is None:
            continue
        a = served.actor
        if a.sector is None and a.country and len(a.code) == 3:
            a = Actor(a.country + weak[-1].entry.code, a.country, weak[-1].entry.code, a.name)
        start, _ = phrase_span(parsed, head, group)
        toks = parsed.tokens
        if bare is not None:
            out.remove(bare)
        out.append(Mention(parsed.span_text(start, served.token_end), toks[start].start, served.end, start,
                           served.token_end, head, sent, a, "role+served",
                           f"{weak[-1].entry.source}+{served.entry}"))
    return sorted(out, key=lambda m: m.token_start)


def _owned_by_people(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """A role owned by a person or group is of the owner's country: "Assad's forces" → SYRMIL.

    A person's name never joins a role's phrase (that would make "Putin's troops" Putin himself),
    so the role is first resolved alone ("forces" → MIL) and takes the owner's country here.
    """
    owners = {m.head: (m, m.actor.country) for m in mentions if m.method != "modifier" and m.actor.country}
    out = []
    for m in mentions:
        owner = next((owners[c.i] for c in parsed.children(m.head) if c.dep == "poss" and c.i in owners), None)
        if owner is not None and m.method == "role" and m.actor.country is None and m.actor.sector:
            (who, country), a = owner, m.actor
            m = replace(m, actor=Actor(country + a.code, country, a.sector, a.name), method="role+owner",
                        entry=f"{m.entry}+{who.entry}")
        out.append(m)
    return out


def _conjunct_roles(parsed: Parsed, head: int, groups: dict[int, list[Atom]]) -> tuple[Atom, ...]:
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


def _places(group: list[Atom]) -> list[Atom]:
    return [a for a in group if a.entry.kind in PLACE_KINDS or a.entry.kind in ("org", "igo")]


def _has_role(group: list[Atom]) -> bool:
    return any(a.entry.kind == "role" and "collective" not in a.entry.flags for a in group)


def _person_heads(groups: dict[int, list[Atom]]) -> set[int]:
    return {h for h, g in groups.items() if any(a.entry.kind in ("person", "titled") for a in g)}


def _resolve(
    parsed: Parsed,
    sent: int,
    head: int,
    group: list[Atom],
    kb: ActorKnowledge,
    story: Story,
    borrowed: tuple[Atom, ...] = (),
) -> Mention | None:
    """One noun phrase's atoms → a mention, or None when the phrase is not an actor."""
    toks = parsed.tokens
    holders = [a for a in group if a.relation == "holder"]
    if holders:
        return held_place(parsed, sent, head, group, holders[-1], kb)
    people = [a for a in group if a.entry.kind in ("person", "group", "titled")]
    led = any(a.relation == "leader" for a in group)
    roles = [
        a
        for a in group
        if a.entry.kind == "role"
        and (a.head == head or toks[a.head].dep in ("compound", "poss"))
        and (led or "led" not in a.entry.flags)  # "coalition" is an actor only as "the Saudi-led coalition"
    ]
    titles = [a.entry.name for a in roles if "person" in a.entry.flags]
    if people:
        return resolve_person(parsed, sent, head, group, people[-1], titles, story)
    places = _places(group)
    # the country a role is placed in: "an Istanbul court", "Mosul police" (a city name modifying it)
    placed_in = None if places or not roles else modifier_country(parsed, head, kb)
    # "Texas Governor Greg Abbott": the place modifies the title, and the name heads the phrase
    titled_name = toks[head].pos == "PROPN" and [
        a for a in roles if "person" in a.entry.flags and toks[a.head].dep == "compound" and toks[a.head].head == head
    ]
    if placed_in is None and not places and titled_name:
        placed_in = next((c for a in titled_name if (c := modifier_country(parsed, a.head, kb))), None)
    if placed_in is None and not places and any("local" in a.entry.flags and a.start <= head < a.end for a in roles):
        # "the court in Kabul", "a judge in Istanbul": an office that belongs where it sits is placed
        # by it, like a city modifier, even one that alone would be nobody (a judge) or an anaphor
        placed_in = local_country(parsed, head, kb)
    if not roles and borrowed and places and all(a.entry.kind in ("adjective", "people") for a in places):
        roles = list(borrowed)  # "Emirati and Saudi officials", "Russian and Chinese troops"
    at_head = any(a.start <= head < a.end for a in group)
    # an anaphor word with a sector of its own is a plain role once a country owns it ("a Swiss court")
    plain = [
        a
        for a in roles
        if (not a.entry.anaphor_kinds or ((places or placed_in) and a.entry.code.strip()))
        and "collective" not in a.entry.flags
    ]
    collective = [a for a in roles if "collective" in a.entry.flags]
    anaphors = [a for a in roles if a.entry.anaphor_kinds]
    if not places and not placed_in and anaphors and _has_article(parsed, group):
        # "the alliance", "the alliance's military deployments": the latest IGO of a fitting kind
        kinds = set().union(*(a.entry.anaphor_kinds for a in anaphors))
        earlier = [actor for kind, actor in story.igos if kind in kinds]
        if earlier:
            entry = f"anaphor:{anaphors[-1].entry.name}" + "".join(f"+{a.entry.source}" for a in plain)
            return make_mention(parsed, sent, head, group, earlier[-1], "coreference", entry)
    ethnics = [a for a in group if a.entry.kind == "ethnic"]
    if ethnics and not any(a.entry.kind in ("igo", "org", "seat") for a in places):
        return ethnic_actor(parsed, sent, head, group, ethnics, plain, places, kb)
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
        return make_mention(
            parsed, sent, head, group, story.titled[titles[-1]], "coreference", f"anaphor:{titles[-1]}"
        )
    # an office alone is nobody in particular, but a placed one is that place's ("Istanbul prosecutors")
    bare = [a for a in plain if not ({"owned"} if placed_in else {"person", "owned"}) & a.entry.flags and a.entry.code]
    at_role = any(a.start <= head < a.end for a in bare) or bool(placed_in and titled_name)
    if bare and toks[head].pos in _NOUNS and at_role:
        # the rightmost specific role decides: "police officials" are police, not generic officials
        pick = ([a for a in bare if "weak" not in a.entry.flags] or bare)[-1].entry
        if placed_in:  # "18 people in Kabul", "police arrested three men in Paris"
            actor = Actor(placed_in + pick.code, placed_in, pick.code, pick.name)
            return make_mention(parsed, sent, head, group, actor, "role+place", pick.source)
        if "placed" in pick.flags:
            return None  # "people" alone is nobody in particular
        return make_mention(
            parsed, sent, head, group, Actor(pick.code, None, pick.code, pick.name), "role", pick.source
        )
    titles_held = [a for a in titled_name or () if "weak" not in a.entry.flags and a.entry.code]
    if titles_held and toks[head].ent_type == "PERSON":
        # "Interim President Manuel Soto": a named stranger with an office is somebody in particular, of
        # that office's sector even when no country is named; remembered, so "Soto" is them again
        pick = titles_held[-1].entry
        actor = Actor(pick.code, None, pick.code, pick.name)
        remember_titled(parsed, group, actor, titles_held, story)
        return make_mention(parsed, sent, head, group, actor, "title", pick.source)
    return None


def _modifier(parsed: Parsed, sent: int, places: list[Atom]) -> Mention | None:
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


def _has_article(parsed: Parsed, group: list[Atom]) -> bool:
    start = min(a.start for a in group)
    return start > 0 and parsed.tokens[start - 1].text.lower() in WORDS.articles


def _base_actor(places: list[Atom]) -> Actor:
    """The institution or country of a phrase: an IGO beats a country, else the word nearest the head."""
    igos = [a for a in places if a.entry.kind == "igo"]
    pick = (igos or places)[-1].entry
    return actor_from_code(pick.code, pick.name)


def _role_with_base(
    parsed: Parsed,
    sent: int,
    head: int,
    group: list[Atom],
    base: Actor,
    plain: list[Atom],
    collective: list[Atom],
    places: list[Atom],
    kb: ActorKnowledge,
    story: Story,
) -> Mention | None:
    """Role + country ("Russian troops" → RUSMIL), role + region ("Western officials"), collectives."""
    entry = "+".join(a.entry.source for a in group)
    if not plain:  # "European capitals", "Western countries", "NATO allies", "U.S. allies"
        if base.country is None or len(base.code) != 3 or places[-1].entry.kind.startswith("region"):
            return make_mention(parsed, sent, head, group, base, "collective", entry)
        bloc = kb.blocs.get(base.code)
        if bloc:
            return make_mention(parsed, sent, head, group, Actor(bloc, None, None, bloc), "collective", entry)
        return None
    strong = [a for a in plain if "weak" not in a.entry.flags and a.entry.code]
    if base.country is None and base.code.startswith(("IGO", "NGO", "NATO")):
        actor = base  # an IGO's own people keep its code: "NATO troops", "UN Secretary-General"
    elif strong and "nation" in strong[-1].entry.flags and base.country and len(base.code) == 3:
        actor = base  # "the Palestinian people" is the nation itself
    else:
        if strong and "person" in strong[-1].entry.flags and former(parsed, group, head):
            sector = OUT_OF_OFFICE  # "the former prime minister of Sri Lanka" holds no office now: LKAELI
        elif strong:
            sector = strong[-1].entry.code
        elif base.sector:
            sector = base.sector  # weak role serving an institution: "Pentagon spokesman" → USAMIL
        else:
            sector = plain[-1].entry.code
        country = base.country or base.code
        actor = Actor(country + sector, base.country, sector, base.name)
    mention = make_mention(parsed, sent, head, group, actor, "role+country", entry)
    remember_titled(parsed, group, actor, plain, story)
    return mention


def _bare_name(
    parsed: Parsed,
    sent: int,
    head: int,
    group: list[Atom],
    base: Actor,
    entry: NameEntry,
    kb: ActorKnowledge,
) -> Mention | None:
    """A name standing alone as the phrase head: country, capital, IGO, demonym, region."""
    kind = entry.kind
    if kind == "seat" and is_place(parsed, head, kb, seat=True):
        return None
    if kind in ("country", "region") and is_place(parsed, head, kb, seat=False):
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
    return make_mention(parsed, sent, head, group, base, method, entry.source)


def _with_allies(
    parsed: Parsed, mention: Mention, groups: dict[int, list[Atom]], kb: ActorKnowledge, consumed: set[int]
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


def is_place(parsed: Parsed, head: int, kb: ActorKnowledge, seat: bool) -> bool:
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


__all__ = ["compose", "is_place"]
