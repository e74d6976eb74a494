"""Readings: what a predicate or event noun means per the lexicon, with where its target sits.

A Reading is the lexicon's verdict on one trigger (code, rule, wrapped complement, target slots);
events.py turns readings into events by resolving subjects and slots to actor mentions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..errors import KnowledgeError
from ..knowledge.generalize import Generalization, Generalizer
from ..knowledge.lexicon import TARGET_SLOTS, WRAPPER_KINDS, Lexicon, NounEntry, VerbEntry
from ..knowledge.words import load_words
from ..records import Mention
from .arguments import MentionIndex
from .frames import Predicate, SentenceTree
from .modality import Modality, conditions_of, governed_modality, read_modality

WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
GOAL_PREPS = WORDS.goal_preps  # the phrases looked for deep inside an object
GOODS = WORDS.goods_preps  # the phrase a light verb's things may sit in ("provided Brazil with loans")

# A target slot is a token (with whether to search its modifiers) or an already resolved mention.
Slot = tuple[int, bool] | Mention
MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Reading:
    """The lexicon's verdict on one trigger; a rewrite makes a new one (``dataclasses.replace``)."""

    code: str
    rule: str
    head: int  # clause head whose subject is the source
    trigger: int
    targets: tuple[Slot, ...] = ()
    modality: Modality = field(default_factory=Modality)
    raising: bool = False
    from_agent: bool = False  # a passive's "from" phrase is its agent ("diplomats were expelled from Russia")
    speech: bool = False
    content: tuple[int, ...] = ()  # heads of reported content (speech only)
    claim: bool = False  # speech whose content is the speaker's unverified claim ("claimed they had attacked")
    symmetric: bool = False
    sector: str | None = None
    negated: bool = False

    def rewritten(self, name: str, code: str) -> Reading:
        """This reading recoded by rewrite ``name``, which the rule records first ("must>attack")."""
        return replace(self, code=code, rule=f"{name}>{self.rule}")


@dataclass(frozen=True, slots=True)
class Clause:
    """What a clause-level rewrite reads besides the reading: the predicate, its modality and conditions."""

    reader: Reader
    pred: Predicate
    modality: Modality
    conditions: tuple[int, ...]


def _if_threat(c: Clause, r: Reading) -> Reading | None:
    """ "we will take military measures in case they continue": force under a condition is a threat."""
    if not c.conditions or r.speech or not c.reader.lex.in_group(r.code, "conditional_force"):
        return r
    threat = r.rewritten("if", c.reader.lex.transform("threat", r.code) or r.code)
    return replace(threat, targets=threat.targets + tuple(c.reader._condition_subjects(c.pred)))


def _clause_modality(c: Clause, r: Reading) -> Reading | None:
    """The clause's future, hypothetical and obligation carry over to what it codes (negation is read next)."""
    mod = c.modality
    return replace(r, modality=Modality(False, mod.future or r.modality.future,
                                        mod.hypothetical or r.modality.hypothetical, mod.obliged))


def _not_refusal(c: Clause, r: Reading) -> Reading | None:
    """ "will not lift the embargo" refuses (refusal); "did not attack" did not happen (negation: mostly dropped)."""
    if not c.modality.negated or r.speech:
        return r
    tree, head = c.reader.tree, c.pred.head
    present = [head, *tree.kids(head, "aux")]
    refusal = c.modality.future or c.modality.hypothetical or any(tree.tok(k).tag in ("VBP", "VBZ") for k in present)
    code = c.reader.lex.transform("refusal" if refusal else "negation", r.code)
    if code is None:
        c.reader.why[head] = f"negated: {r.code} ({r.rule}) did not happen, and is no refusal"
        return None
    return replace(r, code=code, negated=True)


#: The rewrites of a clause's readings, in order; each returns the reading (new or unchanged) or None to drop it.
CLAUSE_REWRITES: tuple[tuple[str, Callable[[Clause, Reading], Reading | None]], ...] = (
    ("if", _if_threat),
    ("modality", _clause_modality),
    ("not", _not_refusal),
)


def _rewrite(clause: Clause, reading: Reading) -> Reading | None:
    """``reading`` through every clause rewrite in order; None as soon as one drops it."""
    r: Reading | None = reading
    for _, rewrite in CLAUSE_REWRITES:
        if r is None:
            return None
        r = rewrite(clause, r)
    return r


class Reader:
    """Reads the predicates and event nouns of one sentence, remembering what wrappers consumed."""

    def __init__(
        self, tree: SentenceTree, lex: Lexicon, index: MentionIndex, generalizer: Generalizer | None = None
    ) -> None:
        self.tree, self.lex, self.index = tree, lex, index
        self.generalizer = generalizer  # reads verbs the lexicon does not list (None: listed verbs only)
        self.consumed: set[int] = set()
        #: tokens of what an opaque speech verb claims: coded, but as the speaker's unverified claim
        self.claimed: set[int] = set()
        #: why a predicate read as nothing, by its head token (for ``explain``; cheap strings only)
        self.why: dict[int, str] = {}

    # --- verbs -------------------------------------------------------------------------------
    def read_verb(self, pred: Predicate, depth: int = 0) -> list[Reading]:
        """Readings of a predicate (several when it wraps coordinated complements)."""
        entries = self.lex.verbs.get(pred.lemma, ())
        via: Generalization | None = None
        if not entries and pred.pos == "VERB" and self.generalizer is not None:
            # "strafed the convoy": no entry lists "strafe", but WordNet says it is a way to attack
            via = self.generalizer.verb(pred.lemma)
            kinds = self.generalizer.config.kinds
            entries = tuple(e for e in self.lex.verbs.get(via.known, ()) if e.kind in kinds) if via else ()
        if not entries:
            self.why[pred.head] = f"no lexicon entry for the {pred.pos.lower()} {pred.lemma!r}"
            return []
        readings = self._read_verb(pred, entries, depth)
        if via is not None:
            readings = [replace(r, rule=f"{via.rule}>{r.rule}") for r in readings]
            if not readings and pred.head in self.why:
                self.why[pred.head] = f"read through WordNet as {via.known!r}: {self.why[pred.head]}"
        return readings

    def _read_verb(self, pred: Predicate, entries: tuple[VerbEntry, ...], depth: int) -> list[Reading]:
        ranked = sorted(entries, key=lambda e: -e.specificity)
        tried: list[str] = []
        for entry in ranked:
            if not self._matches(entry, pred):
                tried.append(f"{entry.id} (its constraints do not match)")
                continue
            if entry.kind == "veto":
                self.why[pred.head] = f"vetoed by entry {entry.id}: not a political event here"
                return []  # known not to be a political event here ("fight the epidemic")
            readings = self._read_entry(entry, pred, depth)
            if readings is None:
                tried.append(f"{entry.id} ({entry.kind}: nothing it needs to wrap or carry is there)")
                continue  # the entry did not apply after all (a light verb without an event noun)
            mod = read_modality(self.tree, pred.anchors)
            if depth == 0:
                inherited = governed_modality(self.tree, pred.head)
                if inherited.negated:
                    self.why[pred.head] = "an infinitive under a negated predicate: it did not happen"
                    return []
                mod = Modality(mod.negated, mod.future, mod.hypothetical or inherited.hypothetical, mod.obliged)
            clause = Clause(self, pred, mod, tuple(conditions_of(self.tree, pred.anchors)) if depth == 0 else ())
            out: list[Reading] = []
            for reading in readings:
                r = _rewrite(clause, reading)
                if r is not None:
                    out.append(r)
            return out
        self.why[pred.head] = "no entry applies: tried " + "; ".join(tried)
        return []

    def _matches(self, e: VerbEntry, pred: Predicate) -> bool:
        t = self.tree
        if e.pos and e.pos != pred.pos:
            return False
        if e.prt and not (t.particles(pred.anchors) & set(e.prt)):
            return False
        # an "as" phrase says what the object serves as, so the parser may hang it off the object
        # ("held families as human shields"); so may a light verb's goal ("fired drones toward Israel")
        on_object = "as" in e.prep or e.kind == "light"
        where = pred.anchors + (tuple(t.kids_of(pred.anchors, "dobj")) if on_object else ())
        if e.prep and not (t.preps(where) & set(e.prep)):
            return False
        if e.comp and not any(t.tok(k).lemma.lower() in e.comp for k in self._complements(pred)):
            return False
        if e.obj:
            objs = t.prep_objects(where, *e.prep) if e.prep else t.objects(pred.anchors)
            objs = objs or t.kids_of(pred.anchors, "nsubjpass") or self._participle_patient(pred)
            heads = [c for o in objs for c in t.conjuncts(o)]
            if not self._obj_matches(e, heads):
                # "lifted the state of emergency", "ended mediation efforts", "returned dozens of
                # artifacts": the noun the constraint is about is a compound or "of" phrase
                inner = [k for h in heads for k in t.kids(h, "compound") if t.tok(k).pos == "NOUN"]
                measures = [h for h in heads if self.lex.in_class(t.tok(h).lemma.lower(), "@measure")]
                inner += t.prep_objects(tuple(measures), *WORDS.quantity_preps)
                if not self._obj_matches(e, inner):
                    return False
        return not e.subj or self._subj_matches(e, pred)

    def _complements(self, pred: Predicate) -> list[int]:
        """Complement clauses, purpose clauses and secondary predicates of a predicate.

        An adjective the parser hangs as a clause is a secondary predicate ("set the sailors free").
        """
        t = self.tree
        secondary = [k for k in t.kids_of(pred.anchors, "advcl", "oprd", "acomp") if t.tok(k).pos == "ADJ"]
        return t.complements(pred.anchors, "xcomp", "ccomp") + t.purposes(pred.anchors) + secondary

    def _obj_matches(self, e: VerbEntry, tokens: list[int]) -> bool:
        """Whether one of ``tokens`` has a lemma the entry's object constraint accepts."""
        lemmas = {self.tree.tok(k).lemma.lower() for k in tokens}
        return any(self.lex.in_class(lem, spec) for lem in lemmas for spec in e.obj)

    def _subj_matches(self, e: VerbEntry, pred: Predicate) -> bool:
        """Whether the subject, a modifier of it or the stuff of its quantity is what ``e.subj`` names.

        "Peacekeepers arrived", "peacekeeping troops arrived", "dozens of peacekeepers arrived".
        """
        t = self.tree
        heads = [c for s in t.subjects(pred.head, e.raising) for c in t.conjuncts(s)]
        measures = [h for h in heads if self.lex.in_class(t.tok(h).lemma.lower(), "@measure")]
        heads += t.prep_objects(tuple(measures), *WORDS.quantity_preps)
        lemmas = {t.tok(h).lemma.lower() for h in heads}.union(*(t.modifiers(h) for h in heads))
        return any(self.lex.in_class(lem, spec) for lem in lemmas for spec in e.subj)

    def _participle_patient(self, pred: Predicate) -> list[int]:
        """The noun a passive participle modifies is what the verb acts on: "a photo released by X"."""
        tok = self.tree.tok(pred.head)
        return [tok.head] if tok.dep == "acl" and tok.tag == "VBN" else []

    def _read_entry(self, e: VerbEntry, pred: Predicate, depth: int) -> list[Reading] | None:
        t = self.tree
        base = Reading(e.code, e.id, pred.head, pred.trigger, raising=e.raising, from_agent=e.from_agent)
        if e.kind == "speech":
            content = tuple(t.complements(pred.anchors, "ccomp") + t.kids_of(pred.anchors, "parataxis"))
            if e.opaque:
                # "the Houthis claimed they had attacked the airport": the claim is the speaker's
                # statement, and what it claims is coded too, as hypothetical: one side's word for it
                for c in content:
                    self.claimed.update(t.subtree(c))
            return [replace(base, speech=True, content=content, claim=e.opaque)]
        if e.kind == "light":
            # "launched air and artillery strikes": the parser may make the first conjunct the object;
            # "provided Brazil with loans": the recipient is the object, what is given its "with" phrase
            objs = [c for obj in t.objects(pred.anchors) for c in t.conjuncts(obj)]
            goods = [c for o in t.prep_objects(pred.anchors, *GOODS) for c in t.conjuncts(o)] if e.with_goods else []
            for o in objs + goods:
                noun, k = next(((r, k) for k in self._light_nouns(o) for r in [self._noun_quiet(k)] if r), (None, o))
                if noun is None:
                    continue
                self.consumed.update((o, k))
                return [replace(base, code=dict(e.recode).get(noun.code, noun.code), rule=f"{e.id}+{noun.rule}",
                                targets=(*self._slots(e, pred, []), *noun.targets), modality=noun.modality)]
            return self._goods(e, pred, base, objs)
        if e.kind in WRAPPER_KINDS:
            inner = self._inner(e, pred, depth) if depth < MAX_DEPTH else []
            if not inner:
                if not e.bare:
                    return None  # let a later entry read the verb ("resume talks" is a light verb)
                return [replace(base, targets=tuple(self._slots(e, pred, [])))]
            out = []
            for r in inner:
                code = self.lex.transform(e.kind, r.code)
                if code is None:
                    continue
                slots = self._slots(e, pred, [r])
                out.append(
                    Reading(
                        code,
                        f"{e.id}>{r.rule}",
                        pred.head,
                        pred.trigger,
                        (*slots, *r.targets),
                        r.modality,
                        raising=e.raising,
                    )
                )
            return out
        for c in t.purposes(pred.anchors) if e.comp else []:
            if t.tok(c).lemma.lower() in e.comp:  # "to help the army" is what the entry coded, not an act of its own
                self.consumed.update(t.subtree(c))
        return [replace(base, targets=tuple(self._slots(e, pred, [])))]

    def _goods(self, e: VerbEntry, pred: Predicate, base: Reading, objs: list[int]) -> list[Reading] | None:
        """A thing given to someone, where no event noun is ("sent blankets to the refugees"): aid, coded by
        the thing's class or WordNet sense (``goods``). The recipient is the object when the thing is in a
        "with" phrase ("supplied the army with rifles"); with no recipient it is no event."""
        if not e.goods:
            return None
        t = self.tree
        given = [c for o in t.prep_objects(pred.anchors, *GOODS) for c in t.conjuncts(o)] if e.with_goods else []
        for things, whom in ((given, [(o, True) for o in objs]), (objs, self._slots(e, pred, []))):
            if not whom:
                continue
            for o in things:
                for k in self._light_nouns(o):
                    code = self._goods_code(e, k)
                    if code is not None:
                        self.consumed.update((o, k))
                        return [replace(base, code=code, rule=f"{e.id}:{t.tok(k).lemma.lower()}", targets=tuple(whom))]
        return None

    def _goods_code(self, e: VerbEntry, i: int) -> str | None:
        """The code of noun ``i`` as a thing given (``goods``: @class or WordNet file -> code), or None."""
        tok = self.tree.tok(i)
        lemma = tok.lemma.lower()
        if tok.pos != "NOUN" or self.lex.in_class(lemma, "@measure"):
            return None  # a bare quantity is no thing
        sense = self.lex.noun_senses.get(lemma)
        for spec, code in e.goods:
            if self.lex.in_class(lemma, spec) if spec.startswith("@") else spec == sense:
                return code
        return None

    def _inner(self, e: VerbEntry, pred: Predicate, depth: int) -> list[Reading]:
        """Readings of what a wrapper wraps; their subtrees are consumed."""
        t = self.tree
        heads: list[tuple[int, bool]] = []  # (token, is_clause)
        for where in e.inner:
            if where in ("xcomp", "ccomp"):
                heads += [(k, True) for k in t.complements(pred.anchors, where)]
            elif where == "obj":
                heads += [(k, False) for o in t.objects(pred.anchors) for k in t.conjuncts(o)]
            elif where == "prep":
                preps = e.prep or e.inner_preps
                for k in t.prep_objects(pred.anchors, *preps):
                    heads.append((k, t.tok(k).pos in ("VERB", "AUX")))
        out: list[Reading] = []
        for k, clause in heads:
            if clause:
                p = t.predicate(k)
                rs = self.read_verb(p, depth + 1) if p is not None else []
                rs = [r for r in rs if not r.speech]
            else:
                r = self.read_noun(k, standalone=False)
                if r is None:  # "$2 billion in aid", "a wave of airstrikes"
                    r = next((x for x in map(self._noun_quiet, t.prep_objects((k,), *WORDS.amount_preps)) if x), None)
                rs = [r] if r is not None else []
            if rs:
                self.consumed.update(t.subtree(k))
                out.extend(rs)
        return out

    def _slots(self, e: VerbEntry, pred: Predicate, inner: list[Reading]) -> list[Slot]:
        """Target slots of an entry, in order, as tokens or mentions (each slot's handler in SLOTS)."""
        passive = self.tree.is_passive(pred.head) and not e.raising
        slots: list[Slot] = [(k, False) for k in self.tree.patients(pred.head)] if passive else []
        for name in e.targets:
            handler = SLOTS["prep:" if name.startswith("prep:") else name]
            slots += handler(Where(self, e, pred, passive), name)
        if e.kind == "threat" or any(self.lex.in_group(r.code, "threatening") for r in inner):
            slots += self._condition_subjects(pred)
        return slots

    def _condition_subjects(self, pred: Predicate) -> list[Slot]:
        """Subjects of "if X does Y" attached to a threat: X is who is threatened."""
        out: list[Slot] = []
        for c in conditions_of(self.tree, pred.anchors):
            out += [(s, True) for s in self.tree.kids(c, "nsubj", "nsubjpass")]
        return out

    # --- nouns -------------------------------------------------------------------------------
    def read_noun(self, i: int, standalone: bool, depth: int = 0) -> Reading | None:
        """The reading of an event noun, or None when it is not one (or not on its own)."""
        t = self.tree
        tok = t.tok(i)
        money = tok.pos == "NUM" and tok.ent_type == "MONEY"  # "lent $1 billion": the sum is the noun
        if (tok.pos not in ("NOUN", "PROPN") and not money) or tok.ent_type in ("DATE", "TIME", "WORK_OF_ART", "EVENT"):
            return None  # "March 24", a named war or book is no event of this story
        if standalone and tok.dep == "compound":
            return None  # "war games", "protest leaders": the noun names a kind of something else
        entries = self.lex.nouns.get(tok.lemma.lower()) or self.lex.nouns.get(tok.text.lower(), ())
        if not entries:
            return None
        mods = t.modifiers(i)
        entry: NounEntry | None = None
        # entries with required modifiers first, in file order: the first whose modifier is present wins
        for e in sorted(entries, key=lambda e: not e.mods):
            if not e.mods or mods & set(e.mods):
                entry = e
                break
        if entry is None or not entry.code or (standalone and not entry.standalone):
            return None
        slots: list[Slot] = []
        # "sanctions imposed on Iran": the target phrase can hang off a participle of the noun
        where = (i, *(k for k in t.kids(i, "acl") if t.tok(k).tag == "VBN"))
        if tok.dep == "compound" and self.lex.in_class(t.tok(tok.head).lemma.lower(), "@carrier"):
            where += (tok.head,)  # "a mediation effort between Kyiv and Moscow": the phrase hangs off the carrier
        for p in entry.targets:
            slots += [(k, True) for k in t.prep_objects(where, p)]
        if entry.wraps:
            # "its demand that Washington ease sanctions": who is to act is whom the demand is of
            # (the parser may tag a bare subjunctive "ease" a noun; its clause has a subject all the same)
            slots += [(s, True) for k in t.kids(i, "acl", "ccomp") for s in t.kids(k, "nsubj", "nsubjpass")]
        code, rule = entry.code, entry.id
        if entry.wraps and depth >= MAX_DEPTH and not entry.bare:
            return None
        if entry.wraps and depth < MAX_DEPTH:
            inner = self._noun_inner(i, depth)
            if inner is not None:
                wrapped = self.lex.transform(entry.wraps, inner.code)
                if wrapped is None:
                    return None
                code, rule = wrapped, f"{entry.id}>{inner.rule}"
                slots += inner.targets
            elif not entry.bare:
                return None  # "a suspension" of nothing the lexicon knows is no event
        return Reading(code, rule, i, i, tuple(slots), symmetric=entry.symmetric, sector=entry.sector)

    def _light_nouns(self, o: int) -> list[int]:
        """Where a light verb's event noun can sit: the object itself, then its noun compounds and
        its "in"/"of" phrase ("a mediation effort", "$33 million in assistance", "a state of siege")."""
        t = self.tree
        # only a compound that is an event on its own ("mediation effort", not "dollar bid")
        head = t.tok(o)
        carrier = self.lex.in_class(head.lemma.lower(), "@carrier")
        compounds = [
            k for k in t.kids(o, "compound") if t.tok(k).pos == "NOUN" and (carrier or self._standalone(k))
        ]
        if head.pos in ("NUM", "SYM") or self.lex.in_class(head.lemma.lower(), "@measure"):
            # a quantity or container names its stuff in a phrase: "$33 million in assistance",
            # "a state of siege"; "need of aid" or "details of the agreement" are not the act
            return [*t.prep_objects((o,), *WORDS.amount_preps), o, *compounds]  # the stuff before the sum
        return [o, *compounds]

    def _standalone(self, i: int) -> bool:
        """Whether the lexicon codes noun ``i`` as an event on its own."""
        lemma = self.tree.tok(i).lemma.lower()
        return any(e.standalone and e.code for e in self.lex.nouns.get(lemma, ()))

    def _noun_quiet(self, i: int) -> Reading | None:
        return self.read_noun(i, standalone=False)

    def _noun_inner(self, i: int, depth: int) -> Reading | None:
        """What a wrapping noun wraps: "proposal for talks", "offer to mediate", "threat of force"."""
        t = self.tree
        for k in t.prep_objects((i,), *WORDS.wrapper_preps) + t.kids(i, "acl"):
            if t.tok(k).pos in ("VERB", "AUX"):
                p = t.predicate(k)
                rs = [r for r in self.read_verb(p, depth + 1) if not r.speech] if p is not None else []
                r = rs[0] if rs else None
            else:
                r = self.read_noun(k, standalone=False, depth=depth + 1)
            if r is not None:
                self.consumed.update(t.subtree(k))
                return r
        return None


# --- target slots ------------------------------------------------------------------------------
# Each handler finds the tokens (or mentions) one slot name of verbs.yaml points at; the lexicon
# refuses a slot name no handler reads, and the registry is checked against that list at import.


@dataclass(frozen=True, slots=True)
class Where:
    """What a slot handler reads: the reader (tree, mentions), the entry, the predicate, its voice."""

    reader: Reader
    entry: VerbEntry
    pred: Predicate
    passive: bool


def _dobj(w: Where, name: str) -> list[Slot]:
    # "helped Haiti recover", "demanded Israel withdraw": the parser makes the one acted on the subject
    # of a bare infinitive after the verb; with no object of its own, that subject is the verb's object
    t, a = w.reader.tree, w.pred.anchors
    objs = t.kids_of(a, "dobj", "obj")
    return [(k, True) for k in objs or [s for c in t.bare_infinitives(a) for s in t.kids(c, "nsubj")]]


def _dative(w: Where, name: str) -> list[Slot]:
    return [(k, False) for k in w.reader.tree.datives(w.pred.anchors)]


def _obj_dative(w: Where, name: str) -> list[Slot]:
    return [(k, False) for k in w.reader.tree.misparsed_datives(w.pred.head)]


def _oprd(w: Where, name: str) -> list[Slot]:
    return [(k, True) for k in w.reader.tree.kids_of(w.pred.anchors, "oprd")]


def _nsubjpass(w: Where, name: str) -> list[Slot]:
    return [(k, False) for k in w.reader.tree.kids_of(w.pred.anchors, "nsubjpass")] if w.passive else []


def _prep(w: Where, name: str) -> list[Slot]:
    # "deployed troops near Ukraine": the phrase often hangs off the object instead, or deeper inside it
    # ("sent vehicles and a team of paratroopers to Lebanon"); the nearer attachments come first
    t, a = w.reader.tree, w.pred.anchors
    objs = tuple(t.kids_of(a, "dobj", "obj"))
    near = t.prep_objects(a + objs, name[5:])
    if name[5:] not in GOAL_PREPS:
        return [(k, True) for k in near]
    inner = tuple(k for o in objs for k in t.phrase_nouns(o) if k not in objs)
    # one phrase further out: a goal the parser hung off another phrase of the verb or object, or off
    # its preposition ("provided weapons alongside food aid to Ukraine", "support for the building
    # of schools to Haitian families"); nearer attachments still come first
    # ("according to officials" is one preposition, and no circumstance's phrase holds the goal)
    outer = [p for p in t.kids_of(a + objs, "prep") if t.tok(p).text.lower() != name[5:]
             and t.tok(p).text.lower() not in WORDS.adjunct_preps and t.kids(p, "pobj")]
    further = tuple(k for p in outer for k in (p, *t.kids(p, "pobj")) if k not in inner)
    deep = [k for k in t.prep_objects(inner, name[5:]) + t.prep_objects(further, name[5:]) if k not in near]
    return [(k, True) for k in near + list(dict.fromkeys(deep))]


def _ccomp_subj(w: Where, name: str) -> list[Slot]:
    t = w.reader.tree
    return [(s, False) for c in t.complements(w.pred.anchors, "ccomp") for s in t.kids(c, "nsubj", "nsubjpass")]


def _xcomp_subj(w: Where, name: str) -> list[Slot]:
    t, a = w.reader.tree, w.pred.anchors
    return [(k, False) for k in t.kids_of(a, "dobj") if t.kids_of(a, "xcomp")]


def _obj_mentions(w: Where, name: str) -> list[Slot]:
    # whom an expulsion acts on is its passive subject, agent or not ("diplomats were expelled from X");
    # elsewhere that subject may name the act's own author ("UN sanctions were lifted")
    t, a, e = w.reader.tree, w.pred.anchors, w.entry
    patients = [k for k in t.kids_of(a, "nsubjpass") if k not in t.objects(a)] if e.from_agent else []
    out: list[Slot] = []
    for o in t.objects(a) + patients + t.prep_objects(a, *(e.prep or e.inner_preps)) + t.kids_of(a, "oprd"):
        out += [m for m in w.reader.index.inside(t, o)]
    return out


def _purpose_obj(w: Where, name: str) -> list[Slot]:
    # "to help the army", "to help Mali fight" (a clause's subject)
    t = w.reader.tree
    out: list[Slot] = []
    for c in t.purposes(w.pred.anchors):
        subjects = [s for x in t.kids(c, "ccomp", "xcomp") for s in t.kids(x, "nsubj")]
        out += [(k, True) for k in t.kids(c, "dobj") or subjects]
    return out


def _comp_mentions(w: Where, name: str) -> list[Slot]:
    t = w.reader.tree
    return [m for c in t.complements(w.pred.anchors, "ccomp", "xcomp") for m in w.reader.index.inside(t, c)]


def _cond_subj(w: Where, name: str) -> list[Slot]:
    return w.reader._condition_subjects(w.pred)


#: Slot name (verbs.yaml ``targets``) -> its handler; ``prep:`` handles every ``prep:WORD``.
SLOTS: dict[str, Callable[[Where, str], list[Slot]]] = {
    "dobj": _dobj,
    "dative": _dative,
    "obj_dative": _obj_dative,
    "oprd": _oprd,
    "nsubjpass": _nsubjpass,
    "prep:": _prep,
    "ccomp_subj": _ccomp_subj,
    "xcomp_subj": _xcomp_subj,
    "obj_mentions": _obj_mentions,
    "purpose_obj": _purpose_obj,
    "comp_mentions": _comp_mentions,
    "cond_subj": _cond_subj,
}
if set(SLOTS) - {"prep:"} != TARGET_SLOTS:  # the lexicon accepts exactly the slots a handler reads
    raise KnowledgeError(f"target slots the lexicon accepts {sorted(TARGET_SLOTS)} and those readings.py reads "
                         f"{sorted(set(SLOTS) - {'prep:'})} differ: add the handler or the name")
