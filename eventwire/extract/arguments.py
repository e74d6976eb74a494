"""Arguments → actor mentions: the mention a syntactic argument refers to, with a pronoun fallback."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..knowledge.words import load_words
from ..records import Actor, Mention, Quote
from .frames import PRONOUNS, PRONOUNS_FIRST, SentenceTree

# Dependents of a noun phrase where the actor behind it can sit ("the alliance's deployments",
# "Russian troops", "guarantees sought by Putin", "demands of NATO").
MODIFIER_DEPS = (
    "poss",
    "compound",
    "amod",
    "nmod",
    "appos",
    "prep",
    "pobj",
    "agent",
    "acl",
    "conj",
    "npadvmod",
)

WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
DEEP_PREPS = WORDS.deep_preps


class MentionIndex:
    """Mentions looked up by token."""

    def __init__(self, mentions: Sequence[Mention], quotes: Sequence[Quote] = ()) -> None:
        self.mentions = tuple(mentions)
        self.by_head: dict[int, Mention] = {}
        self.by_token: dict[int, Mention] = {}
        for m in sorted(self.mentions, key=lambda m: m.token_end - m.token_start, reverse=True):
            self.by_head.setdefault(m.head, m)
            for i in range(m.token_start, m.token_end):
                self.by_token[i] = m  # shorter spans overwrite longer ones: the most specific wins
        self.quotes = tuple(q for q in quotes if q.speaker is not None)

    def at(self, i: int) -> Mention | None:
        """The mention headed by, else containing, token ``i``."""
        return self.by_head.get(i) or self.by_token.get(i)

    def within(self, tree: SentenceTree, i: int, deep: bool = True, modifiers: bool = False) -> Mention | None:
        """The mention at ``i`` or, when ``deep``, the shallowest one among its modifiers.

        A "modifier" mention ("Russian" in "Russian aggression") names whose conduct a noun is; it
        may stand for a target, never for the agent of a verb ("U.S. stocks rallied" is no protest).
        """
        found = self.at(i)
        if found and found.method == "modifier" and not modifiers and found.head != i:
            found = None
        if found or not deep:
            return found
        frontier = [i]
        for _ in range(4):
            nxt: list[int] = []
            for j in frontier:
                for k in tree.kids(j, *MODIFIER_DEPS):
                    t = tree.tok(k)
                    if t.dep == "prep" and t.text.lower() not in DEEP_PREPS:
                        continue
                    m = self.at(k)
                    if m and (modifiers or m.method != "modifier"):
                        return m
                    nxt.append(k)
            frontier = nxt
        return None

    def inside(self, tree: SentenceTree, i: int) -> list[Mention]:
        """All mentions inside the subtree of ``i``, in text order."""
        span = tree.subtree(i)
        seen: list[Mention] = []
        for j in span:
            m = self.by_token.get(j)
            if m and m not in seen and span.start <= m.head <= span.stop - 1:
                seen.append(m)
        return seen

    def quote_speaker(self, start: int) -> Mention | None:
        """The speaker of the quotation covering character ``start``."""
        for q in self.quotes:
            if q.start <= start < q.end:
                return q.speaker
        return None

    def resolve(self, tree: SentenceTree, i: int, deep: bool = True, modifiers: bool = False) -> list[Mention]:
        """Mentions for argument ``i`` and its conjuncts, compound actors expanded."""
        out: list[Mention] = []
        for j in tree.conjuncts(i):
            m = self.within(tree, j, deep, modifiers)
            if m is None:
                continue
            for x in [*expand(m), *self._coordinated(tree, m)]:
                if x not in out:
                    out.append(x)
        return out

    def _coordinated(self, tree: SentenceTree, m: Mention) -> list[Mention]:
        """Mentions of the other conjuncts inside a mention's span: "US and British activists" is
        the American activists and the British ones (the actor stage gives each conjunct its own)."""
        out: list[Mention] = []
        for k in range(m.token_start, m.token_end):
            t = tree.tok(k)
            if t.dep != "conj" or not m.token_start <= t.head < m.token_end or k == m.head:
                continue
            other = self.by_head.get(k)
            if other is not None and other is not m and other.method != "modifier" and other.actor != m.actor:
                out.append(other)
        return out


def expand(m: Mention) -> list[Mention]:
    """A mention and one mention per extra member of a compound actor ("Washington and its allies")."""
    return [m, *(replace(m, actor=a, also=()) for a in m.also)]


def with_sector(m: Mention, sector: str | None) -> Mention:
    """The mention with a country-only actor narrowed to ``sector`` ("Russian" troops -> RUSMIL)."""
    a = m.actor
    if not sector or a.sector or not a.country or a.code != a.country:
        return m
    return replace(m, actor=Actor(a.code + sector, a.country, sector, a.name))


def is_pronoun(tree: SentenceTree, i: int) -> bool:
    """Whether token ``i`` is a personal or relative pronoun (or an expletive "it"/"there")."""
    t = tree.tok(i)
    return t.pos == "PRON" or t.text.lower() in PRONOUNS or t.dep == "expl"


def antecedent(
    tree: SentenceTree, index: MentionIndex, i: int, speaker: Mention | None, previous: Sequence[Mention]
) -> Mention | None:
    """A cheap stand-in for coreference: who pronoun ``i`` most likely is."""
    low = tree.tok(i).text.lower()
    if low in PRONOUNS_FIRST:
        return speaker or index.quote_speaker(tree.tok(i).start)
    if speaker is not None:
        # "Blinken said ... what he called": a pronoun inside reported speech is usually the speaker
        return speaker
    if low in WORDS.impersonal_pronouns:
        return None
    before = [m for m in index.mentions if m.sent == tree.sentence.index and m.token_end <= i]
    if before:
        return before[-1]
    return previous[-1] if previous else None
