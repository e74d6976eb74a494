"""Predicate frames from the dependency parse: who is the subject, object, complement of a trigger.

Everything here reads only the plain ``Token`` records of one sentence (dep labels, head indices,
subtree edges), so it works on any spaCy English pipeline with the ClearNLP label set.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.words import load_words
from ..records import Parsed, Sentence, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
OBJECT_DEPS = ("dobj", "obj", "oprd", "attr")
# Clauses that share their subject with the word they hang off ("refused to provide", "saying ...").
CONTROL_DEPS = ("xcomp", "conj", "advcl", "pcomp", "acomp")

WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
SUBJECT_CONTROL = WORDS.subject_control
# Edges that embed one clause in another: a trigger below one is not the sentence's main clause.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "pcomp"})
COPULAS = WORDS.copulas
EMPTY_COPULAS = WORDS.empty_copulas
CLAUSE_PREPS = WORDS.clause_preps
PRONOUNS_FIRST = WORDS.first_person
PRONOUNS = WORDS.all_pronouns
OBJECT_PHRASE_PREPS = WORDS.object_phrase_preps


@dataclass(frozen=True, slots=True)
class Predicate:
    """A trigger as the lexicon sees it: lemma, word class, and the tokens whose dependents count."""

    head: int  # the clause head token (the verb, or "be" of "be ready")
    lemma: str
    pos: str  # VERB | ADJ | NOUN
    anchors: tuple[int, ...]  # the verb and, for "be ADJ", the adjective
    trigger: int  # the token named as the trigger in evidence


class SentenceTree:
    """Fast dependency lookups over one sentence of a Parsed document."""

    def __init__(self, parsed: Parsed, sentence: Sentence) -> None:
        self.parsed = parsed
        self.sentence = sentence
        self.tokens = parsed.tokens
        self._kids: dict[int, list[int]] = {}
        self._ancestors: dict[int, tuple[int, ...]] = {}
        #: Answers to pure per-token questions other modules ask many times of one sentence
        #: ("is token i inside a condition?"), keyed by question, then token.
        self.memo: dict[str, dict[int, bool]] = {}
        for t in parsed.tokens[sentence.token_start : sentence.token_end]:
            if t.head != t.i:
                self._kids.setdefault(t.head, []).append(t.i)

    def tok(self, i: int) -> Token:
        """Token ``i``."""
        return self.tokens[i]

    def span(self) -> range:
        """Token indices of the sentence."""
        return range(self.sentence.token_start, self.sentence.token_end)

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of ``i`` (with one of ``deps`` when given), in order."""
        found = self._kids.get(i)
        if not found:
            return []
        if not deps:
            return list(found)
        tokens = self.tokens
        return [k for k in found if tokens[k].dep in deps]

    def kids_of(self, anchors: tuple[int, ...], *deps: str) -> list[int]:
        """Children of any anchor token with one of ``deps``."""
        return [k for a in anchors for k in self.kids(a, *deps)]

    def depth(self, i: int) -> int:
        """Distance from ``i`` to the sentence root."""
        return len(self.ancestors(i))

    def clause_depth(self, i: int) -> int:
        """How many clauses embed token ``i``: 0 for the main clause, +1 for a noun that is no predicate."""
        depth = 0 if self.tokens[i].pos in ("VERB", "AUX", "ADJ") else 1
        for j in [i, *self.ancestors(i)]:
            depth += self.tokens[j].dep in CLAUSE_DEPS
        return depth

    def ancestors(self, i: int) -> tuple[int, ...]:
        """Heads of ``i`` up to the root, nearest first."""
        # Every token's chain is walked several times per sentence (ordering, conditions, clause
        # depth): it is computed once.
        known = self._ancestors.get(i)
        if known is not None:
            return known
        out: list[int] = []
        j = i
        while self.tokens[j].head != j and len(out) < 100:
            j = self.tokens[j].head
            if j in out:
                break
            out.append(j)
        self._ancestors[i] = found = tuple(out)
        return found

    def subtree(self, i: int) -> range:
        """Token indices of the subtree of ``i``."""
        t = self.tokens[i]
        return range(t.left, t.right + 1)

    def phrase_nouns(self, i: int) -> list[int]:
        """The nouns of the phrase ``i`` heads, reached through conjuncts and "of"/"as" phrases, not clauses.

        "a team of paratroopers", "supplies and personnel such as doctors": the parser often hangs a
        predicate's own phrase ("... to Lebanon") off the last of these rather than the verb.
        """
        out: list[int] = []
        todo = [i]
        while todo:
            j = todo.pop()
            if self.tokens[j].pos not in ("NOUN", "PROPN", "NUM", "PRON"):
                continue
            out.append(j)
            todo += self.kids(j, "conj", "appos")
            for p in self.kids(j, "prep"):
                if self.tokens[p].text.lower() in OBJECT_PHRASE_PREPS:
                    todo += self.kids(p, "pobj")
        return sorted(out)

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the tokens coordinated with it ("Washington and its allies")."""
        out, todo = [i], [i]
        while todo:
            for k in self.kids(todo.pop(), "conj"):
                if k not in out and self.tokens[k].pos in ("PROPN", "NOUN", "PRON", "ADJ"):
                    out.append(k)
                    todo.append(k)
        return out

    def predicate(self, i: int) -> Predicate | None:
        """The predicate headed by token ``i``, if it is one (a verb, or "be" + adjective)."""
        t = self.tokens[i]
        if t.lemma.lower() in COPULAS and t.pos in ("AUX", "VERB"):
            adjs = self.kids(i, "acomp")
            if adjs:
                a = self.tokens[adjs[0]]
                return Predicate(i, a.lemma.lower(), "ADJ", (i, a.i), a.i)
            if t.lemma.lower() not in EMPTY_COPULAS and t.pos == "VERB":
                return Predicate(i, t.lemma.lower(), "VERB", (i,), i)
            return None
        if t.pos == "VERB" and t.dep != "amod":
            # an attributive participle ("the detained leaders") describes, it does not report
            return Predicate(i, t.lemma.lower(), "VERB", (i,), i)
        if (
            t.pos == "ADJ"
            and t.dep in ("amod", "xcomp", "oprd", "appos", "advcl")
            and self.kids(i, "xcomp", "prep")
        ):
            # "seen as ready to talk" / "Russia, ready to take measures": an adjective heading a clause
            return Predicate(i, t.lemma.lower(), "ADJ", (i,), i)
        return None

    def is_passive(self, i: int) -> bool:
        """Whether the clause headed by ``i`` is passive."""
        if self.kids(i, "nsubjpass", "auxpass", "agent"):
            return True
        t = self.tokens[i]
        return t.tag == "VBN" and t.dep in ("acl", "relcl") and not self.kids(i, "aux")

    def patients(self, i: int) -> list[int]:
        """Whom passive clause ``i`` acts on: its passive subject or, coordinated with no subject of its
        own ("gathered in the square and were arrested"), the subject of the clause before it."""
        own = self.kids(i, "nsubjpass")
        t = self.tokens[i]
        if own or t.dep != "conj" or self._own_subjects(i) or t.head > i:
            return own
        return self.kids(t.head, "nsubjpass") or self._own_subjects(t.head)

    def agents(self, i: int) -> list[int]:
        """Objects of the "by" agent phrase of a passive verb."""
        return [p for a in self.kids(i, "agent") for p in self.kids(a, "pobj")]

    def subjects(self, i: int, raising: bool = False) -> list[int]:
        """The logical subject tokens of clause ``i``, inherited through control and coordination.

        A passive predicate's own subject is its patient ("Iran was attacked"), unless ``raising``
        ("Russia is expected to begin talks"); a passive *governing* clause passes its subject down
        ("Iran was urged to halt" -> Iran halts).
        """
        seen: set[int] = set()
        first = True
        while i not in seen:
            seen.add(i)
            t = self.tokens[i]
            if self.is_passive(i):
                agents, pas = self.agents(i), self.kids(i, "nsubjpass")
                if first and not raising:
                    return agents
                if pas or agents:
                    return pas or agents
            first = False
            subj = self._own_subjects(i)
            if subj and t.dep == "relcl" and self.tokens[subj[0]].tag in ("WDT", "WP"):
                return [t.head]  # "a buildup that has stoked ...": the relative pronoun is the noun
            if subj:
                return subj
            if t.dep == "relcl" or (t.dep == "acl" and t.tag == "VBN"):
                # the noun a relative/participial clause modifies is its subject ("guarantees sought by")
                return [t.head] if not self.is_passive(i) else []
            if t.dep == "acl":
                # "documents demanding that ...": whoever did something with the documents
                noun = t.head
                if self.tokens[noun].dep in ("dobj", "pobj", "attr", "appos"):
                    i = self.tokens[noun].head
                    if self.tokens[i].dep == "prep":
                        i = self.tokens[i].head
                    continue
                return [noun]
            if t.dep in CONTROL_DEPS or t.dep == "ccomp" and t.tag in ("VB", "VBG"):
                # object control: "urged Iran to halt" -> Iran is the subject of "halt"
                governor = self.tokens[t.head].head if self.tokens[t.head].dep == "prep" else t.head
                if t.dep in ("xcomp", "pcomp"):
                    objs = self.kids(governor, "dobj")
                    if objs and self.tokens[governor].lemma.lower() not in SUBJECT_CONTROL:
                        return objs
                head = t.head
                if self.tokens[head].dep == "prep":
                    head = self.tokens[head].head
                i = head
                continue
            return []
        return []

    def objects(self, anchors: tuple[int, ...]) -> list[int]:
        """Direct objects (and predicative objects) of a predicate."""
        out = self.kids_of(anchors, *OBJECT_DEPS)
        if not out and self.is_passive(anchors[0]) and self.agents(anchors[0]):
            out = self.kids(anchors[0], "nsubjpass")
        return out

    def _own_subjects(self, i: int) -> list[int]:
        """The subject tokens clause ``i`` has itself, including two of the parser's misattachments."""
        subj = self.kids(i, "nsubj", "csubj")
        if not subj:  # "Britain however has opposed ...": the adverb hangs the subject on the aux
            subj = [s for a in self.kids(i, "aux") for s in self.kids(a, "nsubj")]
        if not subj:  # "USAID announced ...": a name the parser does not know is read as an adverb,
            # often with no entity type either; an acronym is a name, never an adverb
            subj = [k for k in self.kids(i, "advmod", "npadvmod", "dep")
                    if k < i and (self.tokens[k].ent_type in ("ORG", "GPE", "NORP", "PERSON")
                                  or _acronym(self.tokens[k].text))]
        return subj

    def bare_infinitives(self, anchors: tuple[int, ...]) -> list[int]:
        """Clauses of a predicate whose verb is a bare infinitive with a subject between them ("help
        Haiti recover", "let Kyiv join"): no auxiliary, marker or "to" of its own."""
        out = []
        for c in self.complements(anchors, "ccomp"):
            tok = self.tokens[c]
            subj = self.kids(c, "nsubj")
            if (tok.tag == "VB" and subj and min(anchors) < subj[0] < c
                    and not self.kids(c, "aux", "auxpass", "mark")):
                out.append(c)
        return out

    def prep_objects(self, anchors: tuple[int, ...], *preps: str) -> list[int]:
        """Objects of prepositions (with one of ``preps`` when given) hanging off a predicate."""
        out: list[int] = self._for_clauses(anchors) if not preps or CLAUSE_PREPS.intersection(preps) else []
        for p in self.kids_of(anchors, "prep", "agent", "dative"):
            tp = self.tokens[p]
            if tp.pos not in ("ADP", "SCONJ") or (preps and tp.text.lower() not in preps):
                continue
            out.extend(self.kids(p, "pobj", "pcomp"))
            for q in self.kids(p, "prep"):  # "because of", "out of"
                out.extend(self.kids(q, "pobj"))
        return out

    def preps(self, anchors: tuple[int, ...]) -> set[str]:
        """Prepositions hanging off a predicate, but not those of a time ("called on Monday for")."""
        found = {
            self.tokens[p].text.lower()
            for p in self.kids_of(anchors, "prep", "agent", "dative")
            if self.tokens[p].pos in ("ADP", "SCONJ") and not self._of_time(p)
        }
        marks = (self.tokens[m].text.lower() for k in self._for_clauses(anchors) for m in self.kids(k, "mark"))
        return found | {m for m in marks if m in CLAUSE_PREPS}

    def _for_clauses(self, anchors: tuple[int, ...]) -> list[int]:
        """Clauses opened by "for" ("called for Britain to stay"): the parser makes "for" their marker."""
        return [k for k in self.kids_of(anchors, "advcl")
                if any(self.tokens[m].text.lower() in CLAUSE_PREPS for m in self.kids(k, "mark"))]

    def purposes(self, anchors: tuple[int, ...]) -> list[int]:
        """Purpose clauses, "to"-infinitives on the predicate or its object ("sent troops to help X")."""
        objs = tuple(self.kids_of(anchors, "dobj", "obj"))
        clauses = self.kids_of(anchors, "advcl") + self.kids_of(objs, "acl", "relcl")
        return [k for k in clauses if self.tokens[k].pos == "VERB"
                and any(self.tokens[a].tag == "TO" for a in self.kids(k, "aux"))]

    def _of_time(self, prep: int) -> bool:
        objs = self.kids(prep, "pobj")
        return bool(objs) and all(self.tokens[o].ent_type in ("DATE", "TIME") for o in objs)

    def particles(self, anchors: tuple[int, ...]) -> set[str]:
        """Verb particles ("back" of "roll back")."""
        return {self.tokens[p].text.lower() for p in self.kids_of(anchors, "prt")}

    def datives(self, anchors: tuple[int, ...]) -> list[int]:
        """Indirect objects ("gave Ukraine aid")."""
        return [k for k in self.kids_of(anchors, "dative") if self.tokens[k].pos != "ADP"]

    def misparsed_datives(self, i: int) -> list[int]:
        """A recipient the parser hung inside the object: "gave Ukraine military aid" parses
        "Ukraine" as a name modifying "aid"; a bare proper name opening the object right after the
        verb is the indirect object, never a modifier ("gave the Ukraine army aid" has a determiner)."""
        out: list[int] = []
        for o in self.kids(i, "dobj"):
            first = self.tokens[o].left
            if first != i + 1 or first == o:
                continue
            t = self.tokens[first]
            if t.pos == "PROPN" and t.dep in ("nmod", "compound") and t.ent_type in ("GPE", "NORP", "ORG"):
                out.append(first)
        return out

    def complements(self, anchors: tuple[int, ...], *deps: str) -> list[int]:
        """Clausal complements (xcomp/ccomp), following coordination ("deny X and roll back Y")."""
        out: list[int] = []
        for k in self.kids_of(anchors, *deps):
            out.append(k)
            out.extend(c for c in self.kids(k, "conj") if self.tokens[c].pos in ("VERB", "AUX"))
        return out

    def modifiers(self, i: int) -> set[str]:
        """Lowercased lemmas of a noun's modifiers (amod, compound, nmod, nummod), split at hyphens."""
        out: set[str] = set()
        for k in self.kids(i, "amod", "compound", "nmod", "nummod", "npadvmod"):
            t = self.tokens[k]
            out.add(t.lemma.lower())
            out.add(t.text.lower())
            for c in self.kids(k, "conj", "compound"):
                out.add(self.tokens[c].lemma.lower())
        # spaCy splits "military-technical" into three tokens: join them back
        lefts = [self.tokens[k] for k in range(self.tokens[i].left, i)]
        text = "".join(t.text for t in lefts).lower()
        out.update(w for w in text.replace("-", " - ").split() if w != "-")
        if "-" in text:
            out.update(p for p in text.split() if "-" in p)
        return out


def _acronym(text: str) -> bool:
    """Whether a token is written as an acronym ("USAID", "NATO"): two or more capitals, letters only."""
    return len(text) > 1 and text.isalpha() and text.isupper()
