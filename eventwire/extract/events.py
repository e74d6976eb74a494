"""The event coder: parse → (source, trigger, target) frames → CAMEO/PLOVER events.

For each coded sentence, predicates are visited from the clause root down. A verb is looked up in
the lexicon (verbs.yaml); wrappers ("refuse to", "ready to", "demand that", "urge to") code what
they wrap and map it through a transform ("refuse" + "meet" → 125); light verbs take their code
from an event noun ("hold talks", "impose sanctions"); speech verbs pass their speaker to the
events in their content and yield a bare 010 only when nothing better is there. Event nouns with
an actor of their own ("a Russian troop buildup near Ukraine") are coded as nominal events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ..knowledge.actors import ActorKnowledge
from ..knowledge.cameo import lookup
from ..knowledge.generalize import MARK as GENERALIZED
from ..knowledge.generalize import Generalizer
from ..knowledge.layer import Knowledge
from ..knowledge.layer import load as load_knowledge
from ..knowledge.lexicon import Lexicon
from ..knowledge.words import load_words
from ..records import Actor, DateRef, Decision, Event, Evidence, Mention, Parsed, PartKind, Quote, Sentence
from ..version import CODER_VERSION
from .arguments import MentionIndex, antecedent, is_pronoun, with_sector
from .frames import SUBJECT_CONTROL, SentenceTree
from .modality import Modality, in_condition, nominal_modality, read_modality
from .places import event_place, locatives, name_start, place_country
from .readings import Reader, Reading, Slot
from .timex import attach_date

#: The links a target is read along when no slot names one (``_fill_phrase_targets``): the act's
#: object and prepositional phrases and the noun phrases inside them, no clause.
PHRASE_TARGET_DEPS = ("dobj", "obj", "dative", "prep", "pobj", "pcomp", "poss", "compound", "amod", "nmod",
                      "appos", "conj")
PHRASE_TARGET_PREPS = 2
#: The links to a purpose clause ("to help Haiti") that ``_phrase_reach`` also follows.
PURPOSE_DEPS = ("advcl", "acl", "relcl", "xcomp")
#: Marks the rule of an event whose target was read from its phrase (see ``_fill_phrase_targets``).
PHRASE_TARGET = "@phrase"

WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
# The code groups the rules below test (harm, verbal, asking, responsive) are named in verbs.yaml
# (code_groups), with what each is for.
STATEMENT = "010"
DEMAND = "100"
# An agent the text names but no dictionary knows ("a car bomb", "gunmen", "the tribunal"), or leaves
# out ("five men were arrested"). PETRARCH's "---" placeholder: an analyst reading for *what happened*
# wants the event; one building dyads filters it out. Only coded when asked, at low confidence.
UNKNOWN = Actor("---")
UNKNOWN_CONFIDENCE = 0.3
# The method of a placeholder source for people the text names but no dictionary knows: coded by default.
UNRESOLVED = "unresolved"
#: The method of people no dictionary knows whose nationality the text gives ("Italian fishermen").
NATIONALS = "people+country"
#: The method of a state act's source read from where it was done ("was arrested in Rwanda").
PLACE_AUTHORITY = "place-authority"
#: The method of an agentless act of force's source read from where it came from ("fired from Gaza").
PLACE_ORIGIN = "place-origin"
#: Mention methods that resolve a person by name or office (what "him" or "her" may stand for).
PERSON_METHODS = frozenset({"person-office", "coreference"})
#: entity types that never name whom an event is done to ("signed on Monday", "paid $5 million")
NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW",
                        "WORK_OF_ART", "EVENT", "LANGUAGE", "PRODUCT"})


@dataclass
class Candidate:
    """An event before it becomes a record: everything but ids, names and dates."""

    sent: int
    trigger: int
    code: str
    rule: str
    sources: list[Mention]
    targets: list[Mention]
    modality: Modality = field(default_factory=Modality)
    nominal: bool = False
    coref: bool = False
    implicit_target: bool = False
    speaker: Mention | None = None
    negated: bool = False
    unnamed: bool = False  # the agent is no one the text names: "an attack killed", "was shot"


@dataclass(frozen=True, slots=True)
class Act:
    """A reading with the sides found for it, as the speaker-level rewrites see it."""

    reading: Reading
    sources: tuple[Mention, ...]
    targets: tuple[Mention, ...]
    speaker: Mention | None  # who reports it, when it sits in someone's words
    done: frozenset[str] = frozenset()  # the rewrites already applied

    def rewritten(self, name: str, code: str, sources: tuple[Mention, ...] | None = None,
                  targets: tuple[Mention, ...] | None = None) -> Act:
        """This act recoded by rewrite ``name`` (recorded in its rule), with new sides where given."""
        return replace(self, reading=self.reading.rewritten(name, code), done=self.done | {name},
                       sources=self.sources if sources is None else sources,
                       targets=self.targets if targets is None else targets)


def _obliged_by_speaker(act: Act, lex: Lexicon) -> bool:
    return act.speaker is not None and act.reading.modality.obliged and not lex.in_group(act.reading.code, "asking")


def _must_demand(act: Act, lex: Lexicon) -> Act:
    """ "Russia says Israel must end its strikes": the speaker demands it of the subject."""
    speaker = act.speaker
    if speaker is None or not _obliged_by_speaker(act, lex):
        return act
    demand = lex.transform("demand", act.reading.code)
    if not demand or any(m.actor.code == speaker.actor.code for m in act.sources):
        return act
    return act.rewritten("must", demand, sources=(speaker,),
                         targets=tuple(m for m in act.sources if m.actor.code != UNKNOWN.code))


def _will_intent(act: Act, lex: Lexicon) -> Act:
    """ "the FARC said they will lay down arms": announcing one's own act is intent (03) or, for force,
    a threat (13), as CAMEO codes declared plans; a verbal act announced ("will call on the UN") is that
    act already, and what a speaker says another must do is the demand rule's."""
    r, speaker = act.reading, act.speaker
    if (speaker is None or not r.modality.future or "must" in act.done or _obliged_by_speaker(act, lex)
            or lex.in_group(r.code, "verbal") or not _speaks_for(list(act.sources), speaker)):
        return act
    intent = lex.transform("intent", r.code)
    return act.rewritten("will", intent) if intent else act


def _together(act: Act, lex: Lexicon) -> Act:
    """ "Egypt and Sudan staged war games": done together with no one else, it is cooperation."""
    if act.targets or len({m.actor.code for m in act.sources}) < 2:
        return act
    joint = lex.together.get(act.reading.code)
    return act.rewritten("together", joint) if joint else act


#: The rewrites of an act once its sides are known, in order (the clause-level ones are in readings.py).
ACT_REWRITES: tuple[tuple[str, Callable[[Act, Lexicon], Act]], ...] = (
    ("must", _must_demand),
    ("will", _will_intent),
    ("together", _together),
)


def code_events(
    parsed: Parsed,
    mentions: Sequence[Mention],
    dates: Sequence[DateRef],
    quotes: Sequence[Quote],
    keep_statements: bool = False,
    keep_unknown: bool = False,
    trace: list[Decision] | None = None,
    knowledge: Knowledge | None = None,
) -> tuple[Event, ...]:
    """Code the events of a parsed document from its actor mentions, dates and quotes.

    ``keep_unknown`` also codes events whose agent resolves to no actor, with source ``---``;
    ``trace``, when given, receives a Decision for every trigger candidate (``eventwire explain``);
    ``knowledge`` is what the run knows (``knowledge.load(settings)``): the lexicon, the actor
    dictionaries the mentions were found with (the user's ``--actors`` files included, read again
    for places and roles), the date rules and, with ``--wordnet``, the generalizer that reads verbs
    the lexicon does not list as their nearest listed verb; by default the shipped knowledge.
    """
    known_to = knowledge or load_knowledge()
    kb, lex, generalizer = known_to.actors, known_to.lexicon, known_to.generalizer
    index = MentionIndex(mentions, quotes)
    candidates: list[Candidate] = []
    for sentence in parsed.sentences:
        if not sentence.part.coded:
            continue
        tree = SentenceTree(parsed, sentence)
        # antecedents for pronouns: known actors only (an unresolved "---" agent names no one to refer back to)
        known = [c for c in candidates if c.sources and c.sources[0].actor.code != UNKNOWN.code]
        previous = [m for c in known[-6:] for m in c.sources if m.actor.code != UNKNOWN.code]
        candidates.extend(_code_sentence(tree, lex, index, previous, kb, keep_unknown, trace, generalizer))
    _fill_implicit_targets(candidates, lex)
    return _to_events(parsed, candidates, mentions, dates, keep_statements, known_to, trace)


def _code_sentence(
    tree: SentenceTree, lex: Lexicon, index: MentionIndex, previous: list[Mention], kb: ActorKnowledge,
    keep_unknown: bool = False,
    trace: list[Decision] | None = None, generalizer: Generalizer | None = None,
) -> list[Candidate]:
    """All candidates of one sentence."""
    reader = Reader(tree, lex, index, generalizer)
    note = _Notes(tree, lex, trace)
    speaker_at: dict[int, Mention] = {}
    statements: list[tuple[int, Mention, list[int], Sequence[int], bool]] = []
    out: list[Candidate] = []
    for i in sorted(tree.span(), key=lambda j: (tree.depth(j), j)):
        if i in reader.consumed:
            note.known(i, "passed", "read as part of an enclosing trigger (wrapper, light verb or claim)")
            continue
        pred = tree.predicate(i)
        if pred is None and tree.tok(i).pos not in ("NOUN", "PROPN"):
            continue  # only predicates and nouns can be events; asking the cheap question first
        if in_condition(tree, i):
            note.known(i, "dropped", "inside a condition ('if ...'): it only qualifies the act it conditions")
            continue
        if pred is not None:
            readings = reader.read_verb(pred)
            reader.consumed.update(pred.anchors)
            if not readings:
                note.add(i, "dropped", reader.why.get(pred.head, "no reading"))
                continue
            speaker = speaker_at.get(i)
            for r in readings:
                sources, coref = _sources(tree, index, r, speaker, previous)
                unnamed = False
                if not sources and lex.in_group(r.code, "state_acts") and tree.is_passive(r.head):
                    # "an opposition leader was arrested in Rwanda": only the authorities there arrest
                    sources = _place_authority(tree, r, kb)
                elif not sources and lex.in_group(r.code, "harm") and tree.is_passive(r.head):
                    # "a mortar bomb was fired at Israel from Gaza": force comes from where it was fired
                    sources = _place_origin(tree, r, kb)
                if not sources and keep_unknown:
                    sources = [_unknown(tree, r)]
                    unnamed = _agentless(tree, lex, r)
                elif not sources and _names_people(tree, lex, r):
                    # "a suicide bomber killed", "insurgents attacked": people no dictionary knows are
                    # still the agents; coded with source --- and flagged actor_unresolved
                    sources = [replace(_unknown(tree, r), method=UNRESOLVED)]
                if not sources:
                    note.add(i, "dropped", _no_source(tree, r), r.code, r.rule)
                    if r.claim:  # what no known claimant claims is coded as nothing at all
                        reader.consumed.update(j for c in r.content for j in tree.subtree(c))
                    continue
                if r.speech:
                    said: list[int] = []
                    for content in r.content:
                        said.extend(tree.subtree(content))
                    for j in said:
                        speaker_at[j] = sources[0]
                    # one statement per speech verb, covered by an event anywhere in what it says
                    # ("a court released X but barred her ..., officials said")
                    statements.append((pred.trigger, sources[0], said, r.content, r.claim))
                    note.add(i, "passed", f"speech verb: {sources[0].actor.code} ({sources[0].text!r}) is the "
                             "speaker of what it reports", r.code, r.rule)
                    continue
                # people the act is done to, named but unknown ("detained dozens of Palestinians in Gaza"),
                # come before the place it is done in; a place abroad before an installation in it ("struck
                # a building in Gaza"), an installation before a place at home ("stormed a rebel base near Aleppo")
                # the place an inferred authority acted in is its source, not also its target
                places = lex.place_target(r.code) and sources[0].method != PLACE_AUTHORITY
                targets = (_targets(tree, index, r.targets, sources, lex)
                           or _noun_targets(tree, reader, index, r, sources)
                           or _addressee(tree, index, r, sources)
                           or _unresolved_targets(tree, lex, index, r, sources, installations=False)
                           or (_place_targets(tree, lex, r, sources, kb, home=False) if places else [])
                           or _unresolved_targets(tree, lex, index, r, sources)
                           or (_place_targets(tree, lex, r, sources, kb) if places else []))
                act = Act(r, tuple(sources), tuple(targets), speaker)
                for _, rewrite in ACT_REWRITES:
                    act = rewrite(act, lex)
                r, sources, targets = act.reading, list(act.sources), list(act.targets)
                if not targets and len({m.actor.code for m in sources}) > 1:
                    if r.code.startswith(lex.mutual):
                        out.extend(_mutual(tree.sentence.index, r, sources, speaker))
                        note.add(r.trigger, "kept", "coordinated sources act on each other", r.code, r.rule)
                        continue
                # "detained 18 people", "stormed a police headquarters": whom it was done to, though
                # no dictionary knows them (target ---, flagged target_unresolved)
                targets = targets or _unresolved_targets(tree, lex, index, r, sources)
                out.append(
                    Candidate(
                        tree.sentence.index,
                        r.trigger,
                        r.code,
                        r.rule,
                        sources,
                        targets,
                        r.modality,
                        coref=coref,
                        speaker=speaker,
                        negated=r.negated,
                        unnamed=unnamed,
                    )
                )
                note.add(r.trigger, "kept", _sides(sources, targets), r.code, r.rule)
        elif tree.tok(i).pos in ("NOUN", "PROPN"):
            found = _nominal(tree, reader, index, i, previous, kb, keep_unknown, note)
            out.extend(found)
    _fill_phrase_targets(tree, lex, index, kb, out, note)
    for c in out:
        if c.trigger in reader.claimed:  # what a claim says happened is the claimant's word only
            c.modality = replace(c.modality, hypothetical=True)
    for said_at, sayer, said, heads, claim in statements:
        # an act with no named agent inside someone's words ("said an attack killed five") is the
        # speaker's report, not an event of its own: it leaves the statement standing; a claim
        # stands whatever it claims (the claim is the asserted act)
        if not claim and any((c.trigger in said or c.trigger == said_at) and not _unnamed_source(c) for c in out):
            note.add(said_at, "passed", "statement left out: an event was coded in what was said", STATEMENT, "say")
            continue
        others = [m for j in said for m in [index.at(j)] if m is not None and m.actor.code != sayer.actor.code]
        obliged = _obliged(tree, index, heads, sayer)
        if obliged:
            # "HRW said Sudan must ensure security": what another must do is a demand of it
            out.append(Candidate(tree.sentence.index, said_at, DEMAND, "say>must", [sayer], obliged, speaker=sayer))
            note.add(said_at, "kept", "what another must do, said, is a demand of it", DEMAND, "say>must")
            continue
        out.append(Candidate(tree.sentence.index, said_at, STATEMENT, "say", [sayer], others[:1], speaker=sayer))
        note.add(said_at, "kept", "nothing coded in what was said: a bare statement", STATEMENT, "say")
    return out


class _Notes:
    """Collects Decisions for ``explain``; does nothing (and costs nothing) when no trace is asked for."""

    def __init__(self, tree: SentenceTree, lex: Lexicon, trace: list[Decision] | None) -> None:
        self.tree, self.lex, self.trace = tree, lex, trace

    def add(self, i: int, verdict: str, reason: str, code: str = "", rule: str = "") -> None:
        """Record a decision on token ``i``."""
        if self.trace is not None:
            t = self.tree.tok(i)
            self.trace.append(Decision(self.tree.sentence.index, i, t.text, t.lemma.lower(), verdict, reason,
                                       code, rule))

    def known(self, i: int, verdict: str, reason: str) -> None:
        """Record a decision on token ``i`` only if the lexicon lists its lemma (else every word would be one)."""
        if self.trace is not None:
            t = self.tree.tok(i)
            lemma = t.lemma.lower()
            table = self.lex.verbs if t.pos in ("VERB", "AUX", "ADJ") else self.lex.nouns
            if lemma in table:
                self.add(i, verdict, reason)


def _decision(parsed: Parsed, c: Candidate, verdict: str, reason: str) -> Decision:
    t = parsed.tokens[c.trigger]
    return Decision(c.sent, c.trigger, t.text, t.lemma.lower(), verdict, reason, c.code, c.rule)


def _sides(sources: list[Mention], targets: list[Mention]) -> str:
    """ "RUSGOV ('Lavrov') -> UKR ('Kyiv')" for a decision."""
    def who(ms: list[Mention]) -> str:
        return ", ".join(f"{m.actor.code} ({m.text!r})" for m in ms) or "no target"
    return f"{who(sources)} -> {who(targets)}"


def _no_source(tree: SentenceTree, r: Reading) -> str:
    """Why a reading found no source: no subject, or a subject that names no actor."""
    subjects = tree.subjects(r.head, raising=r.raising)
    if not subjects:
        return "no source: the clause has no subject and no speaker (--unknown-actors codes it as ---)"
    sub = tree.subtree(subjects[0])
    text = tree.parsed.span_text(sub.start, sub.stop)
    return f"no source: the subject {text!r} resolves to no known actor (--unknown-actors codes it as ---)"


def _obliged(tree: SentenceTree, index: MentionIndex, heads: Sequence[int], sayer: Mention) -> list[Mention]:
    """The actors a speaker says must or should act (the subjects of obliged content clauses)."""
    for h in heads:
        if not read_modality(tree, (h,)).obliged:
            continue
        found = [m for s in tree.subjects(h) for m in index.resolve(tree, s) if _country(m) != _country(sayer)]
        if found:
            return found[:1]
    return []


def _speaks_for(sources: list[Mention], speaker: Mention) -> bool:
    """Whether the agents of a reported act are the speaker ("Russia said it will ...")."""
    return bool(sources) and all(_country(m) == _country(speaker) for m in sources)


def _unnamed_source(c: Candidate) -> bool:
    """Whether a candidate's agent is the placeholder for an agent the text does not name."""
    return c.unnamed and all(m.actor.code == UNKNOWN.code for m in c.sources)


def _mutual(sent: int, r: Reading, sources: list[Mention], speaker: Mention | None) -> list[Candidate]:
    """ "A and B signed a deal": each coordinated subject is the other's target."""
    out = []
    for m in sources:
        others = [o for o in sources if o.actor.code != m.actor.code]
        out.append(
            Candidate(
                sent, r.trigger, r.code, r.rule, [m], others, r.modality, speaker=speaker, negated=r.negated
            )
        )
    return out


def _sources(
    tree: SentenceTree, index: MentionIndex, r: Reading, speaker: Mention | None, previous: list[Mention]
) -> tuple[list[Mention], bool]:
    """Source mentions of a reading, and whether a pronoun had to be resolved to find them."""
    subjects = tree.subjects(r.head, raising=r.raising)
    if not subjects and r.from_agent and tree.is_passive(r.head):
        # "were expelled from Russia": Russia expelled them
        subjects = tree.prep_objects((r.head,), *WORDS.origin_preps)
    if not subjects:
        if tree.is_passive(r.head) and not r.raising and tree.kids(r.head, "nsubjpass"):
            # "Israel said a mortar was fired at it": a passive names its patient, not the speaker, and
            # leaves its agent unsaid; the speaker reports the act, it did not do it
            return [], False
        # "It is agreed that ..." inside someone's words, or a subjectless clause: the speaker
        return ([speaker], True) if speaker is not None else ([], False)
    found: list[Mention] = []
    coref = False
    for s in subjects:
        ms = index.resolve(tree, s, deep=tree.tok(s).pos in ("NOUN", "PROPN"))
        if ms:
            found.extend(m for m in ms if m not in found)
        elif is_pronoun(tree, s):
            m = antecedent(tree, index, s, speaker, previous)
            if m is not None and m not in found:
                found.append(m)
                coref = True
    return found, coref


def _targets(tree: SentenceTree, index: MentionIndex, slots: Sequence[Slot], sources: list[Mention],
             pronouns: Lexicon | None = None) -> list[Mention]:
    """Target mentions of a reading's slots: the first slot that names an actor other than the source.

    With ``pronouns`` (the lexicon, whose noun senses tell a person), an object pronoun is read as the
    actor it stands for; a verb's slots only: "contacts with him" is too often someone unnamed."""
    codes = {m.actor.code for m in sources}
    for slot in slots:
        if isinstance(slot, Mention):
            found = [slot]
        else:
            token, deep = slot
            found = index.resolve(tree, token, deep=deep, modifiers=True)
            if not found and pronouns and tree.tok(token).text.lower() in WORDS.person_pronouns | WORDS.plural_pronouns:
                found = _pronoun_target(tree, pronouns, index, token, codes)
        found = [m for m in found if m.actor.code not in codes]
        if found:
            return found
    return []


def _pronoun_target(tree: SentenceTree, lex: Lexicon, index: MentionIndex, i: int, codes: set[str]
                    ) -> list[Mention]:
    """Whom object pronoun ``i`` stands for: the nearest actor named before it in the sentence that is
    not the event's source and agrees with it: a person for "him" ("called Erdogan and urged him"), a
    plural noun for "them" ("the soldiers said rebels had ambushed them"). Anything else stays unread:
    on news, an organisation or a country taken for "him" or "them" was wrong more often than right."""
    person = tree.tok(i).text.lower() in WORDS.person_pronouns
    before = [m for m in index.mentions if m.sent == tree.sentence.index and m.token_end <= i
              and m.actor.code not in codes]
    covered = {k for m in index.mentions if m.sent == tree.sentence.index for k in range(m.token_start, m.token_end)}
    for m in reversed(before):
        head = tree.tok(m.head)
        if person and any(tree.tok(k).ent_type == "PERSON" and k not in covered for k in range(m.token_end, i)):
            return []  # a person no dictionary knows stands nearer ("free Abu Marzuk ... free him")
        if person and (head.ent_type == "PERSON" or m.method in PERSON_METHODS
                       or lex.noun_senses.get(head.lemma.lower()) == "noun.person"):
            return [m]
        if not person and (head.tag in ("NNS", "NNPS") or head.dep == "conj" or len(tree.conjuncts(m.head)) > 1):
            return [m]  # a plural, or one of several coordinated ("on X and Y, banning them")
    return []


def _unresolved_targets(
    tree: SentenceTree, lex: Lexicon, index: MentionIndex, r: Reading, sources: list[Mention],
    installations: bool = True,
) -> list[Mention]:
    """Whom an event is done to when no dictionary knows them, as one unresolved (---) mention.

    People ("detained 18 people", "freed Eighteen fishermen", "hundreds of villagers"), a named person
    or organisation ("granted asylum to <name>"), or, for force, a place people hold or ride in
    ("stormed a police headquarters", "a car bomb struck a bus": class installations). A thing
    ("returned a painting") is no target; the reading's slots are tried in order. People a quantity
    counts whom a dictionary does know are that actor ("detained dozens of Palestinians").
    """
    force = lex.in_group(r.code, "harm") and installations
    codes = {m.actor.code for m in sources}
    for slot in r.targets:
        if isinstance(slot, Mention):
            continue
        found = _unresolved_at(tree, lex, index, slot[0], force, codes)
        if found is not None:
            return [found]
    return []


def _unresolved_at(
    tree: SentenceTree, lex: Lexicon, index: MentionIndex, i: int, force: bool, codes: set[str]
) -> Mention | None:
    """The people (or, for force, the installation) token ``i`` names, as an unresolved mention; None if a thing."""
    tok = tree.tok(i)
    if tok.pos not in ("NOUN", "PROPN", "NUM") or is_pronoun(tree, tok.i):
        return None
    head = tok
    if (tok.pos == "NUM" or lex.in_class(tok.lemma.lower(), "@measure")) and not (
        force and lex.in_class(tok.lemma.lower(), "@installations")
    ):
        # "detained hundreds of protesters": the people are in the quantity's "of" phrase
        of = tree.prep_objects((tok.i,), *WORDS.quantity_preps)
        if not of:
            return None
        head = tree.tok(of[0])
        known = index.at(head.i)
        if known is not None and known.actor.code not in codes:
            return known
    lemma = head.lemma.lower()
    if head.ent_type in NOT_ACTORS:
        return None
    if head.pos == "PROPN":
        whom = head.ent_type in ("PERSON", "ORG", "NORP") or (force and head.ent_type == "FAC")
    else:
        # whom an act is done to may be any people WordNet knows; agents are held to the lists (a wider
        # test there codes every "witness" or "colleague" a parse misreads as an agent)
        whom = head.pos == "NOUN" and (lex.is_people(lemma, wordnet=True)
                                       or (force and lex.in_class(lemma, "@installations")))
    if not whom:
        return None
    start = tree.subtree(tok.i).start
    found = _placeholder(tree, start, head.i + 1, head.i, UNRESOLVED)
    # "freed eighteen Italian fishermen": people no dictionary knows, of a nationality the text gives,
    # are that country's people (ITA), as GDELT codes them; the head noun names no sector of its own
    nation = next((m for m in index.mentions if m.sent == tree.sentence.index and start <= m.token_start
                   and m.token_end <= head.i and m.actor.country and m.actor.code == m.actor.country
                   and m.actor.code not in codes), None)
    return replace(found, actor=nation.actor, method=NATIONALS) if nation else found


def _place_targets(
    tree: SentenceTree, lex: Lexicon, r: Reading, sources: list[Mention], kb: ActorKnowledge, home: bool = True
) -> list[Mention]:
    """The country of a place as the target, for codes whose target a place can be (``place_targets``).

    The actor stage leaves places out of the mentions, so that talks *in* Moscow are not talks *with*
    the Kremlin; but a visit to Kyiv is to Ukraine, and aid or air strikes in Gaza reach Gaza. A place
    in one of the reading's slots comes first ("flew to Kyiv"), then the nearest "in/at X" of its clause.
    A place in the source's own country is its target too: a curfew the Thai government extends in
    Bangkok, or a ceasefire declared in Tripoli, acts on the people there (THAGOV -> THA, as GDELT codes
    domestic events); only the source itself ("Libya ... in Libya") is no target. ``home=False`` leaves
    places in the source's own country out.
    """
    codes = {m.actor.code for m in sources}
    countries = set() if home else {m.actor.country for m in sources}
    slots = [s[0] for s in r.targets if not isinstance(s, Mention)]
    tokens = list(slots)
    roles = kb.folded
    victims = lex.in_group(r.code, "harm") and any(
        tree.tok(o).ent_type == "PERSON" or tree.tok(o).lemma.lower() in roles for o in tree.objects((r.head,))
    )
    if not victims:  # someone hurt, unnamed ("assassinated a dissident in Turkey"), is the target, not the place
        tokens += locatives(tree.parsed, r.trigger)
    for token in tokens:
        places = [m for j in tree.conjuncts(token) if (m := _place_mention(tree, j, kb)) is not None]
        places = [m for m in places if m.actor.code not in codes and m.actor.country not in countries]
        if places:
            return places
    for token in slots:
        # the place a slot's own noun is in: aid "to a peacekeeping force in Somalia", "suspended aid
        # deliveries in Nigeria" reach the place, as the verb's own "in X" would
        places = [m for j in tree.prep_objects((token,), *WORDS.locative_preps)
                  if (m := _place_mention(tree, j, kb)) is not None]
        places = [m for m in places if m.actor.code not in codes and m.actor.country not in countries]
        if places:
            return places[:1]
    return []


def _place_authority(tree: SentenceTree, r: Reading, kb: ActorKnowledge) -> list[Mention]:
    """The government of the place an agentless state act is done in, as its source ("detained in Laos")."""
    if tree.agents(r.head):
        return []
    for token in locatives(tree.parsed, r.trigger):
        m = _place_mention(tree, token, kb)
        if m is not None and m.actor.country:
            country = m.actor.country
            return [replace(m, actor=Actor(country + "GOV", country, "GOV", m.actor.name), method=PLACE_AUTHORITY)]
    return []


def _place_origin(tree: SentenceTree, r: Reading, kb: ActorKnowledge) -> list[Mention]:
    """The country an agentless act of force came from, as its source ("was fired from Gaza")."""
    if tree.agents(r.head):
        return []
    for token in tree.prep_objects((r.head,), *WORDS.origin_preps):
        m = _place_mention(tree, token, kb)
        if m is not None:
            return [replace(m, method=PLACE_ORIGIN)]
    return []


def _place_mention(tree: SentenceTree, i: int, kb: ActorKnowledge) -> Mention | None:
    """Token ``i`` as the country its place name lies in, when it is the object of a preposition."""
    tok = tree.tok(i)
    # "in the province of Alta Verapaz", "in parts of Darfur": a place noun names the place of its "of"
    noun = tok.pos == "NOUN" and tok.lemma.lower() in WORDS.place_nouns
    # a slot's own object is a place too: "bombarded Aleppo", "Kharkiv was shelled", "visited Kyiv"
    if tok.dep not in ("pobj", "conj", "dobj", "nsubjpass") or (tok.pos != "PROPN" and not noun):
        return None
    country = place_country(tree.parsed, i, kb)
    if country is None:
        return None
    start, stop = name_start(tree.parsed, i), i + 1
    if noun:  # "some parts of west Darfur": the noun's own words and its "of" phrase, not a clause after
        of = [p for p in tree.kids(i, "prep") if tree.tok(p).text.lower() in WORDS.place_name_preps]
        start, stop = tree.subtree(i).start, (tree.subtree(of[0]).stop if of else i + 1)
    first, last = tree.tok(start), tree.tok(stop - 1)
    name = kb.country_names.get(country)
    return Mention(tree.parsed.span_text(start, stop), first.start, last.end, start, stop, i, tok.sent,
                   Actor(country, country, None, name), "place", country)


def _addressee(tree: SentenceTree, index: MentionIndex, r: Reading, sources: list[Mention]) -> list[Mention]:
    """Whom a call or visit was for: "called Erdogan to apologize" apologizes to Erdogan."""
    tok = tree.tok(r.head)
    if tok.dep not in ("xcomp", "advcl") or tree.tok(tok.head).lemma.lower() not in SUBJECT_CONTROL:
        return []
    # the parser often reads "called Erdogan" as naming (oprd), as in "called Erdogan a friend"
    return _targets(tree, index, [(o, True) for o in tree.kids(tok.head, "dobj", "oprd")], sources)[:1]


def _names_people(tree: SentenceTree, lex: Lexicon, r: Reading) -> bool:
    """Whether a reading's subject is people (or an organisation) the text names but no dictionary knows."""
    subjects = tree.subjects(r.head, raising=r.raising)
    if not subjects or is_pronoun(tree, subjects[0]) or _bare_participle(tree, r.head):
        return False  # "42 people injured", "the rebels killed in the raid": people acted on, not acting
    tok = tree.tok(subjects[0])
    if lex.in_class(tok.lemma.lower(), "@measure") or tok.pos == "NUM":
        # "hundreds of protesters", "dozens of gunmen": the people are in the quantity's "of" phrase
        stuff = tree.prep_objects((tok.i,), *WORDS.quantity_preps)
        tok = tree.tok(stuff[0]) if stuff else tok
    if tok.ent_type == "ORG" and tok.pos == "PROPN":
        # "the U.S. Chamber of Commerce urged", "Junior Doctors Association warned": an organisation
        # by its name's head word (class organisations); a bare acronym or a firm's name is not enough
        return lex.in_class(tok.lemma.lower(), "@organisations")
    if tok.ent_type == "PERSON":
        # a bare unknown name is too often a sportsman, a newspaper or a parse error to code; a name
        # with a generic role before it is a person in the news ("pro-democracy activist Joshua Wong")
        return any(lex.is_people(m) for m in tree.modifiers(tok.i))
    return tok.pos == "NOUN" and lex.is_people(tok.lemma.lower())


def _bare_participle(tree: SentenceTree, i: int) -> bool:
    """A past participle with no auxiliary and no "by" agent ("42 people injured"): its noun is acted on."""
    t = tree.tok(i)
    if t.tag != "VBN" or tree.agents(i):
        return False
    heads = [i, t.head] if t.dep == "conj" else [i]  # "had killed or wounded": the aux sits on the first
    return not any(tree.kids(h, "aux", "auxpass") for h in heads)


def _agentless(tree: SentenceTree, lex: Lexicon, r: Reading) -> bool:
    """Whether a reading names no agent: no subject, or an event or weapon as subject ("a bomb killed")."""
    subjects = tree.subjects(r.head, raising=r.raising)
    if not subjects:
        return True
    lemma = tree.tok(subjects[0]).lemma.lower()
    return tree.tok(subjects[0]).pos == "NOUN" and (lemma in lex.nouns or lex.in_class(lemma, "@weapons"))


def _noun_targets(
    tree: SentenceTree, reader: Reader, index: MentionIndex, r: Reading, sources: list[Mention]
) -> list[Mention]:
    """The target an event-noun argument names: "the attack on Kyiv killed five", "sanctions on
    Iran were lifted" act on whom the noun acts on."""
    args = tree.kids(r.head, "nsubj", "nsubjpass", "dobj")
    for k in args:
        if tree.tok(k).pos != "NOUN":
            continue
        consumed = set(reader.consumed)
        noun = reader.read_noun(k, standalone=False)
        reader.consumed = consumed  # only the noun's target is wanted, not its wrapped content
        if noun is not None:
            found = _targets(tree, index, noun.targets, sources)
            if found:
                return found
    return []


def _unknown(tree: SentenceTree, r: Reading) -> Mention:
    """A placeholder source for a reading whose agent is unnamed or unknown to the dictionaries."""
    subjects = tree.subjects(r.head, raising=r.raising)
    head = subjects[0] if subjects else r.trigger
    span = tree.subtree(head) if subjects else range(head, head + 1)
    return _placeholder(tree, span.start, span.stop, head)


def _placeholder(tree: SentenceTree, start: int, stop: int, head: int, method: str = "unknown") -> Mention:
    """A --- mention over tokens [start, stop) of the sentence: someone the text names or implies
    but no dictionary knows."""
    first, last = tree.tok(start), tree.tok(stop - 1)
    return Mention(tree.parsed.document.text[first.start : last.end], first.start, last.end, start, stop, head,
                   tree.sentence.index, UNKNOWN, method)


def _nominal(
    tree: SentenceTree,
    reader: Reader,
    index: MentionIndex,
    i: int,
    previous: list[Mention],
    kb: ActorKnowledge,
    keep_unknown: bool = False,
    note: _Notes | None = None,
) -> list[Candidate]:
    """A standalone event noun with an actor of its own ("Israel's airstrike on Gaza")."""
    note = note or _Notes(tree, reader.lex, None)
    r = reader.read_noun(i, standalone=True)
    if r is None:
        note.known(i, "dropped", "no noun entry applies here (a compound, a modifier it needs, or not standalone)")
        return []
    mod = nominal_modality(tree, i)
    if mod.negated:
        note.add(i, "dropped", "negated event noun ('no attack')", r.code, r.rule)
        return []
    sources: list[Mention] = []
    for k in tree.kids(i, "poss", "amod", "compound", "nmod"):
        for m in index.resolve(tree, k, deep=False):
            if m not in sources:
                sources.append(with_sector(m, r.sector))
    # "strikes by Israel", "sanctions imposed on Iran by the US": the agent of a participle counts
    participles = [k for k in tree.kids(i, "acl") if tree.tok(k).tag == "VBN"]
    agents = tree.agents(i) + tree.prep_objects((i,), *WORDS.agent_preps)
    for k in agents + [a for p in participles for a in tree.agents(p)]:
        sources.extend(with_sector(m, r.sector) for m in index.resolve(tree, k) if m not in sources)
    coref = False
    if not sources and r.symmetric:
        sources, coref, r = _symmetric_pair(tree, index, i, r)
    places = reader.lex.place_target(r.code)
    targets = _targets(tree, index, r.targets, sources) if sources else []
    if sources and not targets and places:
        targets = _place_targets(tree, reader.lex, r, sources, kb)
    if keep_unknown and not sources and r.code[:2] not in ("01", "02", "03", "04", "05"):
        # "a car bomb in Kiev", "the Manchester bombing": an act with no named agent is still news;
        # a bare "talks" or "aid" is not, so only conflict and yielding nouns stand alone
        sources = [_unknown_at(tree, i)]
        targets = _targets(tree, index, r.targets, sources) or (
            _place_targets(tree, reader.lex, r, sources, kb) if places else []
        )
        note.add(i, "kept", "event noun with no named agent (source ---)", r.code, r.rule)
        return [Candidate(tree.sentence.index, i, r.code, r.rule, sources, targets, mod, nominal=True, unnamed=True)]
    if not sources or not targets:
        # a nominal event needs both sides named, or it is too vague to code
        missing = "no source actor modifies it" if not sources else "no target actor is named"
        note.add(i, "dropped", f"event noun: {missing} (both sides are needed)", r.code, r.rule)
        return []
    note.add(i, "kept", f"event noun; {_sides(sources[:1], targets)}", r.code, r.rule)
    out = [
        Candidate(
            tree.sentence.index, i, r.code, r.rule, sources[:1], targets, mod, nominal=True, coref=coref
        )
    ]
    if r.symmetric:  # talks, clashes, ceasefires: both sides act
        out += [
            Candidate(
                tree.sentence.index, i, r.code, r.rule, [t], sources[:1], mod, nominal=True, coref=coref
            )
            for t in targets
        ]
    return out


def _unknown_at(tree: SentenceTree, i: int) -> Mention:
    """A placeholder source at token ``i`` (an event noun whose agent is unnamed)."""
    return _placeholder(tree, i, i + 1, i)


def _symmetric_pair(
    tree: SentenceTree, index: MentionIndex, i: int, r: Reading
) -> tuple[list[Mention], bool, Reading]:
    """The first side of "talks between A and B" or of "their talks" (the actors named before), and the
    reading with the other side as its first target."""
    between = tree.prep_objects((i,), *WORDS.party_preps)
    if between:
        side = index.resolve(tree, between[0])
        if len(side) >= 2:
            return side[:1], False, replace(r, targets=(side[1], *r.targets))
    poss = tree.kids(i, "poss")
    if poss and tree.tok(poss[0]).text.lower() in WORDS.group_possessives:
        before = [m for m in index.mentions if m.sent == tree.sentence.index and m.token_end <= i]
        codes: list[Mention] = []
        for m in before:
            if all(_country(m) != _country(c) for c in codes):
                codes.append(m)
        if len(codes) >= 2:
            return codes[:1], True, replace(r, targets=(codes[1], *r.targets))
    return [], False, r


def _country(m: Mention) -> str:
    """The country part of an actor (or the whole code for IGOs and groups)."""
    return m.actor.country or m.actor.code


def _fill_phrase_targets(
    tree: SentenceTree, lex: Lexicon, index: MentionIndex, kb: ActorKnowledge, candidates: list[Candidate],
    note: _Notes,
) -> None:
    """A targetless act done to an actor its own phrase names in no slot the lexicon lists: the first
    actor after the trigger within its object and prepositional phrases ("expressed concern for
    President Buhari's health", "mobilized the army for an assault against X"), as TABARI takes the
    first actor after the verb, but read along the parse; and within the purpose it is done for, when
    nothing else is coded there ("earmarked aid to help Haiti", "launched a mediation effort to prevent
    a war between Turkey and Syria").

    Not the object itself (the lexicon's slots already said it is no target: "mobilized troops"), not
    inside another clause (its actors are its own), under a preposition of circumstance ("despite",
    "since") or more than two prepositions deep, nor a place something is *in* ("concern over the
    fighting in Syria" is no comment on Syria, "met in an Italian resort" no meeting with Italy) except
    for codes whose target a place can be, abroad ("struck positions in Saudi Arabia's Asir region",
    "mobilised funds to support peace building in Colombia"); never a sum ("5,500 US" dollars).
    """
    triggers = {c.trigger for c in candidates}
    for c in candidates:
        if c.targets or not c.sources or c.nominal or tree.tok(c.trigger).pos not in ("VERB", "AUX"):
            continue
        own = {m.actor.code for m in c.sources}
        # a place something is in is a target only where a place can be one, and not at home
        places = lex.place_target(c.code)
        home = {m.actor.country for m in c.sources}
        objects = {k for o in tree.kids(c.trigger, "dobj", "obj") for k in tree.conjuncts(o)}
        reach = _phrase_reach(tree, c.trigger, triggers)
        for j in sorted(j for j in reach if j > c.trigger and j not in triggers):
            m = index.at(j)
            located = _located_in(tree, j)
            if m is None and located and places and reach[j]:
                # where the purpose is carried out ("to halt the fighting in Yemen"): the actor stage
                # leaves places out of the mentions, and the clause's own places were read already
                m = _place_mention(tree, j, kb)
            if (m is None or m.head in objects or m in c.sources or m.actor.code in own
                    or m.actor.code == UNKNOWN.code or m.head != j and m.method != "modifier"
                    or (located and (not places or m.actor.country in home))
                    or tree.tok(j).ent_type in NOT_ACTORS):  # "(5,500 US)": a sum, not the United States
                continue
            c.targets, c.rule = [m], f"{c.rule}{PHRASE_TARGET}"
            note.add(c.trigger, "kept", f"target read from the act's own phrase: {m.actor.code} ({m.text!r})",
                     c.code, c.rule)
            break


def _located_in(tree: SentenceTree, j: int) -> bool:
    """Whether token ``j``'s phrase is the object of "in", "at", "near"... (the noun a country adjective
    modifies, the phrase a conjunct or an apposition is in: "met in the Italian resort of Capri", "in
    Lubumbashi, Zaire's second city")."""
    t = tree.tok(j)
    while t.dep in ("conj", "amod", "compound", "nmod", "poss", "appos") and t.head != t.i:
        t = tree.tok(t.head)
    return t.dep == "pobj" and tree.tok(t.head).text.lower() in WORDS.locative_preps


def _phrase_reach(tree: SentenceTree, trigger: int, triggers: set[int]) -> dict[int, bool]:
    """Tokens reached from a trigger through noun-phrase and preposition links only, at most
    ``PHRASE_TARGET_PREPS`` prepositions deep, each with whether it lies in a purpose clause; a gerund
    after a preposition is followed ("warned against scrapping the deal with Iran"), and so is an
    infinitive of purpose no event was coded on (``triggers``): "aid to help Haiti", "sent troops to
    distribute food in Somalia". No other clause is."""
    reached: dict[int, bool] = {}
    todo = [(trigger, 0, False)]
    while todo:
        i, preps, purposed = todo.pop()
        for k in tree.kids(i, *PHRASE_TARGET_DEPS, *PURPOSE_DEPS):
            t = tree.tok(k)
            if t.dep in PURPOSE_DEPS and (k in triggers or not _purpose(tree, k)):
                continue
            if t.dep == "conj" and t.pos not in ("NOUN", "PROPN"):
                continue  # a coordinated predicate is another act
            if t.dep == "pcomp" and t.tag != "VBG":
                continue
            if t.dep == "prep" and t.text.lower() in WORDS.adjunct_preps:
                continue  # a circumstance of the act ("despite", "according to"), not whom it is done to
            depth = preps + (t.dep == "prep")
            if depth > PHRASE_TARGET_PREPS or k in reached:
                continue
            reached[k] = purposed or t.dep in PURPOSE_DEPS
            todo.append((k, depth, reached[k]))
    return reached


def _purpose(tree: SentenceTree, i: int) -> bool:
    """Whether token ``i`` heads a bare infinitive of purpose ("to help Haiti"), with no subject of its own.

    An xcomp is one only after its verb's object ("earmarked funds to help Haiti"); straight after the
    verb it is what the verb's subject does ("offered to send troops"), the act itself."""
    t = tree.tok(i)
    if t.dep == "xcomp" and not any(o < i for o in tree.kids(t.head, "dobj", "obj")):
        return False
    return (t.tag == "VB" and any(tree.tok(a).tag == "TO" for a in tree.kids(i, "aux"))
            and not tree.kids(i, "nsubj", "nsubjpass"))


def _fill_implicit_targets(candidates: list[Candidate], lex: Lexicon) -> None:
    """Give a targetless response ("refused", "open to talks") the other party of the last events."""
    for n, c in enumerate(candidates):
        if c.targets or not lex.in_group(c.code, "responsive"):
            continue
        own = {_country(m) for m in c.sources}
        for prior in reversed(candidates[:n]):
            if prior.sent >= c.sent or c.sent - prior.sent > 2:
                continue
            if prior.code[:2] >= "14":
                continue  # a response answers a proposal or a demand, not a troop movement or an attack
            other = [m for m in (*prior.sources, *prior.targets)
                     if _country(m) not in own and m.actor.code != UNKNOWN.code]
            if other:
                c.targets = other[:1]
                c.implicit_target = True
                break


def _to_events(
    parsed: Parsed,
    candidates: list[Candidate],
    mentions: Sequence[Mention],
    dates: Sequence[DateRef],
    keep_statements: bool,
    knowledge: Knowledge,
    trace: list[Decision] | None = None,
) -> tuple[Event, ...]:
    """Turn candidates into Event records, one per (source, target, code) per sentence."""
    kb = knowledge.actors
    doc = parsed.document
    lead_paragraph = next((i for i, p in enumerate(doc.parts) if p.kind is PartKind.BODY), -1)
    seen: set[tuple[int, str, str, str]] = set()
    events: list[Event] = []
    for c in candidates:
        if c.code == STATEMENT and not keep_statements:
            if trace is not None:
                trace.append(_decision(parsed, c, "dropped", "a bare statement (010): --statements keeps it"))
            continue
        sentence = parsed.sentences[c.sent]
        trig = parsed.tokens[c.trigger]
        info = lookup(c.code)
        for source in c.sources:
            targets: list[Mention | None] = list(c.targets) or [None]
            for target in targets:
                tcode = target.actor.code if target else ""
                # two unresolved sides (---) are two unknown parties, not one actor acting on itself
                itself = tcode == source.actor.code and tcode != UNKNOWN.code
                key = (c.sent, _side(source), _side(target), c.code)
                if itself or key in seen:
                    if trace is not None:
                        why = "its source is its target" if itself else "a duplicate"
                        trace.append(_decision(parsed, c, "dropped", f"{source.actor.code}->{tcode or '-'}: {why}"))
                    continue
                seen.add(key)
                raw = "|".join(
                    (
                        doc.doc_id,
                        str(c.sent),
                        str(trig.start),
                        str(trig.end),
                        source.actor.code,
                        tcode,
                        c.code,
                        CODER_VERSION,
                    )
                )
                events.append(
                    Event(
                        event_id=hashlib.sha256(raw.encode()).hexdigest()[:16],
                        source=source,
                        target=target,
                        cameo=c.code,
                        cameo_name=info.name,
                        root=info.root,
                        quad_class=info.quad_class,
                        goldstein=info.goldstein,
                        plover=info.plover,
                        plover_mode=info.plover_mode,
                        plover_context=info.plover_context,
                        date=attach_date(parsed, dates, c.trigger, knowledge.timex),
                        evidence=Evidence(
                            doc.doc_id,
                            c.sent,
                            sentence.text,
                            sentence.start,
                            sentence.end,
                            trig.text,
                            trig.start,
                            trig.end,
                            sentence.part,
                            story_role(sentence, lead_paragraph),
                        ),
                        confidence=_confidence(c, source, target),
                        speaker=c.speaker,
                        negated=c.negated or c.modality.negated,
                        future=c.modality.future,
                        hypothetical=c.modality.hypothetical,
                        place=event_place(parsed, mentions, c.trigger, kb),
                        from_caption=sentence.part == PartKind.CAPTION,
                        rule=c.rule,
                    )
                )
    return tuple(events)


def _side(m: Mention | None) -> str:
    """A side of an event for de-duplication: its actor code, or where an unresolved (---) side is."""
    if m is None:
        return ""
    return f"---@{m.start}" if m.actor.code == UNKNOWN.code else m.actor.code


def _confidence(c: Candidate, source: Mention, target: Mention | None) -> float:
    """A score in [0, 1]: explicit verbs with both sides named by dictionary score highest."""
    if source.actor is UNKNOWN or source.actor.code == UNKNOWN.code:
        sure = target is not None and PHRASE_TARGET not in c.rule
        return UNKNOWN_CONFIDENCE if sure else UNKNOWN_CONFIDENCE - 0.05
    score = 0.9 if not c.nominal else 0.7
    score -= 0.15 if target is None else 0.0
    score -= 0.1 if target is not None and target.actor.code == UNKNOWN.code else 0.0
    score -= 0.1 if c.implicit_target else 0.0
    score -= 0.15 if PHRASE_TARGET in c.rule else 0.0  # a guess at the target: no surer than having none
    score -= 0.15 if c.coref or source.method == "coreference" else 0.0
    score -= 0.15 if source.method in (PLACE_AUTHORITY, PLACE_ORIGIN) else 0.0  # the agent is inferred, not named
    score -= 0.05 if source.method not in ("dictionary", "person-office") else 0.0
    score -= 0.2 if c.modality.hypothetical else 0.0
    score -= 0.05 if c.modality.future else 0.0
    score -= 0.05 if c.code == STATEMENT else 0.0
    score -= 0.15 if GENERALIZED in c.rule else 0.0  # the verb is no listed word, only WordNet's neighbour of one
    return round(min(1.0, max(0.05, score)), 3)


def story_role(sentence: Sentence, lead_paragraph: int) -> str:
    """headline, lead (the first body paragraph, where wire stories put the news), body or caption."""
    if sentence.part is PartKind.TITLE:
        return "headline"
    if sentence.part is PartKind.CAPTION:
        return "caption"
    return "lead" if sentence.paragraph == lead_paragraph else "body"


__all__ = ["code_events"]
