"""Modality of a predicate: negation, future, hypothetical, and conditional clauses."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.words import load_words
from .frames import SentenceTree

WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
NEGATORS = WORDS.negators
FUTURE_AUX = WORDS.future_aux
HYPOTHETICAL_AUX = WORDS.hypothetical_aux
OBLIGATION_AUX = WORDS.obligation_aux
UNREAL_PREPS = WORDS.unreal_preps
CONDITION_MARKS = WORDS.condition_marks
UNREAL_MODIFIERS = WORDS.unreal_modifiers


@dataclass(frozen=True, slots=True)
class Modality:
    """How real a predicate is, as read from its own clause."""

    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    obliged: bool = False


def read_modality(tree: SentenceTree, anchors: tuple[int, ...]) -> Modality:
    """Negation, future and hypothetical flags from a predicate's auxiliaries and adverbs."""
    negated = future = hypothetical = obliged = False
    for k in tree.kids_of(anchors, "neg", "aux", "auxpass", "advmod", "det", "preconj"):
        t = tree.tok(k)
        low = t.text.lower()
        if t.dep in ("aux", "auxpass") and low in OBLIGATION_AUX:
            obliged = True
        if t.dep == "neg" or (t.dep == "advmod" and low in ("never", "not")):
            negated = True
        elif t.dep in ("aux", "auxpass") and low in FUTURE_AUX:
            future = True
        elif t.dep in ("aux", "auxpass") and low in WORDS.future_in_past_aux and _reported_past(tree, anchors[0]):
            future = True  # "said it would send tanks": future in the past, not a hypothesis
        elif t.dep in ("aux", "auxpass") and low in HYPOTHETICAL_AUX:
            hypothetical = True
    head = tree.tok(anchors[0])
    # "is going to meet", "is to visit": future without a modal
    if head.dep == "xcomp" and tree.tok(head.head).lemma.lower() in WORDS.going_to and tree.tok(head.head).tag == "VBG":
        future = True
    # "has to withdraw", "needs to stop": obligation through a governing verb
    if head.dep == "xcomp" and tree.tok(head.head).lemma.lower() in WORDS.obligation_verbs:
        obliged = True
    if in_condition(tree, anchors[0]):
        hypothetical = True
    return Modality(negated, future, hypothetical, obliged)


def governed_modality(tree: SentenceTree, i: int) -> Modality:
    """What an infinitive clause inherits from the word it hangs off, when nothing read it as a wrapper.

    "would not give permission to Russia *to help* Israel": a purpose or complement clause under a
    negated predicate does not happen (negated); "faces pressure *to help* Iran", "a plan *to strike*":
    an infinitive on a noun is wanted or planned, not done (hypothetical). Clauses that a wrapper
    entry reads ("refused to help") are consumed before they get here.
    """
    t = tree.tok(i)
    if t.dep not in ("xcomp", "ccomp", "advcl", "acl") or not any(tree.tok(a).tag == "TO" for a in tree.kids(i, "aux")):
        return Modality()
    governor = tree.tok(t.head)
    if t.dep == "acl" and governor.pos == "NOUN":
        # "would not give permission to Russia to help": the noun's own verb may negate it outright
        verb = tree.tok(governor.head)
        negated = (governor.dep in ("dobj", "obj") and verb.pos in ("VERB", "AUX")
                   and read_modality(tree, (verb.i,)).negated)
        return Modality(negated=negated, hypothetical=True)
    if governor.pos in ("VERB", "AUX") and read_modality(tree, (governor.i,)).negated:
        return Modality(negated=True)
    if t.dep == "advcl":
        # "faces pressure from Congress to help Iran", "sent troops to help Mali": a purpose is aimed at,
        # not done (the act it is the purpose of is coded as what was done)
        return Modality(hypothetical=True)
    return Modality()


def nominal_modality(tree: SentenceTree, i: int) -> Modality:
    """Negation and unreality of an event noun ("no talks", "a possible invasion")."""
    negated = any(tree.tok(k).text.lower() in WORDS.negating_determiners for k in tree.kids(i, "det", "neg"))
    hypothetical = bool(tree.modifiers(i) & UNREAL_MODIFIERS)
    return Modality(negated, False, hypothetical)


def clause_mark(tree: SentenceTree, i: int) -> str | None:
    """The subordinator introducing the clause headed by ``i`` ("if", "in case", "that"), if any."""
    for k in tree.kids(i, "mark"):
        return tree.tok(k).text.lower()
    for p in tree.kids(i, "prep"):
        # "in case X continue ...": spaCy hangs "in" off the verb with "case" as its object
        for o in tree.kids(p, "pobj"):
            phrase = f"{tree.tok(p).text.lower()} {tree.tok(o).lemma.lower()}"
            if phrase in CONDITION_MARKS:
                return phrase
    return None


def is_condition(tree: SentenceTree, i: int) -> bool:
    """Whether clause ``i`` is the antecedent of a condition ("if Western countries continue")."""
    mark = clause_mark(tree, i)
    return mark in CONDITION_MARKS


def in_condition(tree: SentenceTree, i: int) -> bool:
    """Whether token ``i`` lies in a clause that did not happen: a condition ("if they continue")
    or what someone was warned or kept from ("warned NATO against deploying", "stopped from entering")."""
    memo = tree.memo.setdefault("opens_condition", {})  # asked of every head on every token's path
    for j in [i, *tree.ancestors(i)]:
        opens = memo.get(j)
        if opens is None:
            t = tree.tok(j)
            opens = memo[j] = (t.pos in ("VERB", "AUX") and is_condition(tree, j)) or (
                t.dep == "pcomp" and tree.tok(t.head).text.lower() in UNREAL_PREPS
            )
        if opens:
            return True
    return False


def conditions_of(tree: SentenceTree, anchors: tuple[int, ...]) -> list[int]:
    """Heads of the conditional clauses attached to a predicate or the clauses it governs."""
    out: list[int] = []
    i = anchors[0]
    todo = list(anchors)
    seen: set[int] = set()
    while todo:
        j = todo.pop()
        if j in seen:
            continue
        seen.add(j)
        for k in tree.kids(j, "advcl", "ccomp", "conj"):
            if is_condition(tree, k):
                out.append(k)
        todo.extend(tree.kids(j, "xcomp", "acomp"))
    # a condition can also hang off the clause that governs us ("ready to take measures if ...")
    t = tree.tok(i)
    if t.dep in ("xcomp", "ccomp") and not out:
        out.extend(k for k in tree.kids(t.head, "advcl") if is_condition(tree, k))
    return out


def _reported_past(tree: SentenceTree, i: int) -> bool:
    """Whether clause ``i`` is the complement of a past-tense verb ("said it would ...")."""
    t = tree.tok(i)
    return (
        t.dep == "ccomp"
        and tree.tok(t.head).tag in ("VBD", "VBN")
        and not any(tree.tok(k).text.lower() in CONDITION_MARKS for k in tree.kids(i, "advcl", "mark"))
    )
