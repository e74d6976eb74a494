"""Who said it: cue verbs, their subjects, and pronoun or role-noun speakers resolved to named people."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..knowledge.quotes import QuoteKnowledge
from ..knowledge.words import load_words
from ..records import Entity, Mention, Parsed, PartKind, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# A cue without a subject of its own borrows the subject of the verb it hangs off: "he went on to
# say" (xcomp), "..., saying it ..." (advcl), "was quoted as saying" (pcomp → prep), "said ... and
# added" (conj). A few steps cover these without wandering into unrelated clauses.
CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "prep", "acl")
MAX_CLIMB = 4
WORDS = load_words()  # the closed-class words the rules below read (words.yaml)
RELATIVE_PRONOUNS = WORDS.relative_pronouns
DEFINITE_DETS = WORDS.definite_determiners
# Labels a speaker phrase may carry when its head sits inside a named entity.
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Speech cue classes, best first: a sayer beats an attribution phrase beats a medium reporting it.
KIND_RANK = {"speech": 0, "framing": 0, "noun": 0, "phrase": 1, "report": 2}
# Tokens this many before a named person are read for its title when resolving "the spokesman".
TITLE_WINDOW = 4


@dataclass(frozen=True)
class Attribution:
    """A cue (verb or phrase) and the head token of whoever it names as the source."""

    cue: int  # token index of the cue verb, or of the phrase's first word
    lemma: str  # cue verb lemma, or the phrase ("according to")
    kind: str  # speech | framing | report | phrase
    subject: int | None  # head token of the speaker phrase


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the actor mention when there is one and the name it resolves to."""

    mention: Mention | None
    text: str | None


NO_SPEAKER = Speaker(None, None)


class SpeakerResolver:
    """Finds attributions in a parse and resolves their subjects to names and actor mentions."""

    def __init__(self, parsed: Parsed, mentions: Sequence[Mention], knowledge: QuoteKnowledge) -> None:
        self.parsed = parsed
        self.tokens: tuple[Token, ...] = parsed.tokens
        self.kn = knowledge
        # a "modifier" mention ("U.S." in "the U.S. stock exchange") is nobody's name: never a speaker
        self.mentions = sorted((m for m in mentions if m.method != "modifier"), key=lambda m: (m.start, -m.end))
        self.children: dict[int, list[int]] = {}
        for t in self.tokens:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t.i)
        self.entity_at: dict[int, Entity] = {}
        for e in parsed.entities:
            for i in range(e.token_start, e.token_end):
                self.entity_at[i] = e
        self.full_names = self._full_names(parsed.entities)
        self.people = self._antecedents(parsed)
        # Set by the quote finder: whether a char offset lies inside a direct quote. A subject inside
        # one belongs to the quoted words ("... with whom they may associate,” Blinken told ...).
        self.in_quote: Callable[[int], bool] = lambda offset: False

    # -- attributions -------------------------------------------------------------------------

    def cue_kind(self, i: int, indirect: bool = False) -> str | None:
        """The cue class of token ``i`` (speech, framing, report), or None when it is no cue."""
        t = self.tokens[i]
        if t.pos not in ("VERB", "AUX"):
            return None
        lemma = self.cue_lemma(i)
        if lemma is None or (lemma in self.kn.indirect_only and not indirect):
            return None
        kind = self.kn.cues[lemma]
        breakers = self.kn.framing_breakers.get(lemma, frozenset())
        if kind == "framing" and any(
            self.tokens[c].dep in ("prt", "prep") and self.tokens[c].text.lower() in breakers
            for c in self.children.get(i, ())
        ):
            return None  # "calling for", "calling out": not naming a phrase
        return kind

    def speech_noun(self, i: int) -> Attribution | None:
        """A speech noun with its possessor as the speaker: Trump’s claim (that ...)."""
        t = self.tokens[i]
        if t.pos != "NOUN" or t.lemma.lower() not in self.kn.speech_nouns:
            return None
        owner = next((c for c in self.children.get(i, ()) if self.tokens[c].dep == "poss"), None)
        if owner is None or self.tokens[owner].pos not in ("PROPN", "PRON") and owner not in self.entity_at:
            return None  # "the party's claim" may be anyone's; a named or pronoun owner is a speaker
        return Attribution(i, t.lemma.lower(), "noun", owner)

    def cue_lemma(self, i: int) -> str | None:
        """The cue verb a token is a form of; word forms back up the tagger ("hopes" → "hop")."""
        t = self.tokens[i]
        for form in (t.lemma.lower(), *base_forms(t.text.lower())):
            if form in self.kn.cues:
                return form
        return None

    def attributions(self, indices: Iterable[int]) -> list[Attribution]:
        """Cue verbs and attribution phrases among the given tokens, with their subjects."""
        found = []
        for i in indices:
            kind = self.cue_kind(i)
            if kind:
                found.append(Attribution(i, self.cue_lemma(i) or "", kind, self.subject(i)))
                continue
            noun = self.speech_noun(i)
            if noun is not None:
                found.append(noun)
                continue
            phrase = self.phrase_at(i)
            if phrase is not None:
                found.append(phrase)
        return found

    def phrase_at(self, i: int) -> Attribution | None:
        """An attribution phrase ("according to X") starting at token ``i``, with X as subject."""
        if self.tokens[i].text.lower() not in self.kn.phrase_starts:
            return None
        for words in self.kn.phrases:
            end = i + len(words)
            if end > len(self.tokens) or self.tokens[end - 1].sent != self.tokens[i].sent:
                continue
            if all(self.tokens[i + k].text.lower() == w for k, w in enumerate(words)):
                obj = next((c for c in self.children.get(end - 1, ()) if self.tokens[c].dep == "pobj"), None)
                return Attribution(i, " ".join(words), "phrase", obj)
        return None

    def subject(self, cue: int) -> int | None:
        """Head token of the cue's subject, borrowed from governing verbs when it has none."""
        participle = self.tokens[cue].tag == "VBG"
        inverted = self._inverted_subject(cue)
        if inverted is not None:
            return inverted
        i = cue
        for _ in range(MAX_CLIMB + 1):
            t = self.tokens[i]
            if participle and i != cue and t.dep == "ccomp" and self.cue_kind(t.head, indirect=True):
                # "saying Russia is interested, while noting that ...": the parser hangs the second
                # participle on the reported clause, but its sayer is the reporting verb's
                i = t.head
                continue
            found = self._own_subject(i, cue)
            if found is not None:
                return found
            if t.dep == "acl" and i == cue:
                return t.head  # "documents demanding that ...": the noun is the source
            if t.dep not in CLIMB_DEPS or t.head == i:
                return None
            i = t.head
        return None

    def _inverted_subject(self, cue: int) -> int | None:
        """The name right after a subjectless cue: Said Ellis: “…”, “…,” added Smith."""
        nxt = cue + 1
        if nxt >= len(self.tokens) or self.tokens[nxt].sent != self.tokens[cue].sent:
            return None
        if self.cue_lemma(cue) not in self.kn.inverting_cues or self._own_subject(cue, cue) is not None:
            return None
        ent = self.entity_at.get(nxt)
        if ent is None or ent.label not in ("PERSON", "ORG") or ent.token_start != nxt:
            return None
        return ent.token_end - 1

    def _own_subject(self, i: int, cue: int) -> int | None:
        for c in self.children.get(i, ()):
            dep = self.tokens[c].dep
            if self.in_quote(self.tokens[c].start) and not self.in_quote(self.tokens[cue].start):
                continue
            if dep in SUBJECT_DEPS:
                if self.tokens[c].text.lower() in RELATIVE_PRONOUNS and self.tokens[i].dep == "relcl":
                    return self.tokens[i].head  # "the official, who said ..." → the official
                return c
            if dep == "agent":  # "it was announced by the ministry"
                obj = next((g for g in self.children.get(c, ()) if self.tokens[g].dep == "pobj"), None)
                if obj is not None:
                    return obj
        return None

    def has_content(self, cue: int) -> bool:
        """Whether the cue carries its own reported clause (so it attributes that, not a neighbour)."""
        return any(self.tokens[c].dep in ("ccomp", "xcomp") for c in self.children.get(cue, ()))

    def is_media(self, head: int) -> bool:
        """Whether the subject phrase names a news medium (TASS, a press agency)."""
        start, end = self.phrase(head)
        return any(self.tokens[k].text.lower() in self.kn.media_words for k in range(start, end))

    # -- speaker phrases ----------------------------------------------------------------------

    def phrase(self, head: int) -> tuple[int, int]:
        """Token span [start, end) of the speaker phrase headed by ``head``, without appositions."""
        t = self.tokens[head]
        ent = self.entity_at.get(head)
        kids = self.children.get(head, [])
        has_conj = any(self.tokens[c].dep == "conj" for c in kids)
        if ent is not None and ent.label in NAME_LABELS and not has_conj:
            return ent.token_start, ent.token_end
        start, end = t.left, t.right + 1
        for c in kids:
            if c > head and self.tokens[c].dep in ("appos", "relcl", "acl", "punct", "advmod", "parataxis"):
                end = min(end, self.tokens[c].left)
        while end - 1 > start and self.tokens[end - 1].pos == "PUNCT":
            end -= 1
        while start < end - 1 and self.tokens[start].pos == "PUNCT":
            start += 1
        return start, end

    def resolve(self, head: int | None) -> Speaker:
        """The speaker a subject token names: itself, or the person a pronoun or role noun refers to."""
        if head is None:
            return NO_SPEAKER
        t = self.tokens[head]
        low = t.text.lower()
        if low in self.kn.pronouns:
            ante = self.antecedent(head, self.kn.pronouns[low])
            return self._coreferent(head, head + 1, ante)
        if t.pos == "PRON":  # I, we, you, someone: no name to give
            return NO_SPEAKER
        named = self._named_apposition(head)
        if named is not None:
            head = named
            t = self.tokens[head]
        if self._is_role_reference(head):
            ante = self.antecedent(head, frozenset({"PERSON"}), role=t.lemma.lower())
            start, end = self.phrase(head)
            if ante is not None:
                return self._coreferent(start, end, ante)
        start, end = self.phrase(head)
        text = self.parsed.span_text(start, end)
        if t.pos == "PROPN" or head in self.entity_at:
            text = self.full_names.get(text, text)
        return Speaker(self.mention_for(start, end, head), text)

    def _named_apposition(self, head: int) -> int | None:
        """The person an unnamed subject is in apposition to: "the foreign minister, Sergei Lavrov, said"."""
        if head in self.entity_at:
            return None
        for c in self.children.get(head, ()):
            ent = self.entity_at.get(c)
            if self.tokens[c].dep == "appos" and ent is not None and ent.label == "PERSON":
                return c
        return None

    def mention_for(self, start: int, end: int, head: int) -> Mention | None:
        """The actor mention covering the head token, else the first one inside [start, end)."""
        inside = None
        for m in self.mentions:
            if m.token_start <= head < m.token_end:
                return m
            if inside is None and start <= m.token_start and m.token_end <= end:
                inside = m
        return inside

    def _is_role_reference(self, head: int) -> bool:
        t = self.tokens[head]
        if t.lemma.lower() not in self.kn.role_nouns or head in self.entity_at:
            return False
        deps = {self.tokens[c].dep: self.tokens[c].text.lower() for c in self.children.get(head, ())}
        # "the spokesman" points back; "Russia's top diplomat" or "Kremlin spokesman X" names its own
        return deps.get("det") in DEFINITE_DETS and "poss" not in deps and "compound" not in deps

    def _coreferent(self, start: int, end: int, ante: Entity | None) -> Speaker:
        if ante is None:
            return NO_SPEAKER
        name = self.full_names.get(ante.text, ante.text)
        target = self.mention_for(ante.token_start, ante.token_end, ante.token_end - 1)
        if target is None:
            return Speaker(None, name)
        t0, t1 = self.tokens[start], self.tokens[end - 1]
        mention = Mention(
            text=self.parsed.span_text(start, end),
            start=t0.start,
            end=t1.end,
            token_start=start,
            token_end=end,
            head=end - 1,
            sent=t0.sent,
            actor=target.actor,
            method="coreference",
            entry=target.text,
        )
        return Speaker(mention, name)

    # -- coreference --------------------------------------------------------------------------

    def antecedent(self, i: int, labels: frozenset[str], role: str | None = None) -> Entity | None:
        """The named entity a pronoun or role noun at token ``i`` most likely refers to."""
        pos = self.tokens[i].start
        cands = [e for e in self.people if e.end <= pos and e.label in labels]
        if not cands:
            return None
        if role is not None:
            # "the official" is only someone the story has given that title; otherwise it stays itself
            titled = [e for e in cands if role in self._title_words(e)]
            return titled[-1] if titled else None
        sent = self.tokens[i].sent
        same = [e for e in cands if e.sent == sent]
        if same:
            # a subject beats a possessor: "Peskov followed up on Lavrov’s comments ..., noting he hopes"
            subjects = [e for e in same if self._is_subject(e)]
            return subjects[-1] if subjects else same[-1]
        last = [e for e in cands if e.sent == cands[-1].sent]
        # In an earlier sentence the subject is the likelier referent (centering): "Smith met Jones. He said"
        subjects = [e for e in last if self._is_subject(e)]
        return subjects[0] if subjects else last[0]

    def _is_subject(self, e: Entity) -> bool:
        return self.tokens[self._entity_head(e)].dep in SUBJECT_DEPS

    def _entity_head(self, e: Entity) -> int:
        for i in range(e.token_start, e.token_end):
            h = self.tokens[i].head
            if not e.token_start <= h < e.token_end or h == i:
                return i
        return e.token_end - 1

    def _title_words(self, e: Entity) -> set[str]:
        sent = self.parsed.sentences[e.sent]
        first = max(sent.token_start, e.token_start - TITLE_WINDOW)
        words = {self.tokens[k].lemma.lower() for k in range(first, e.token_start)}
        for c in self.children.get(self._entity_head(e), ()):
            if self.tokens[c].dep == "appos":
                t = self.tokens[c]
                words.update(self.tokens[k].lemma.lower() for k in range(t.left, t.right + 1))
        return words

    def _full_names(self, entities: Sequence[Entity]) -> dict[str, str]:
        """Short person names mapped to the fullest form the story uses ("Putin" → "Vladimir Putin")."""
        full: dict[str, str] = {}
        ambiguous: set[str] = set()
        seen_alone: set[str] = set()
        for e in entities:
            if e.label != "PERSON":
                continue
            if self.parsed.sentences[e.sent].part is PartKind.BODY:
                seen_alone.add(e.text)
            words = e.text.split()
            for k in range(1, len(words)):
                tail = " ".join(words[k:])
                known = full.get(tail)
                if known is not None and not _extends(known, e.text) and not _extends(e.text, known):
                    ambiguous.add(tail)  # "Obama" of Barack and of Michelle: leave the short name as said
                if known is None and tail in seen_alone:
                    # the body said "Obama" before naming any Obama in full: that short name is someone
                    # of its own, not the "Michelle Obama" who turns up later
                    ambiguous.add(tail)
                if len(e.text) > len(known or ""):
                    full[tail] = e.text
        return {k: v for k, v in full.items() if k not in ambiguous}

    def _antecedents(self, parsed: Parsed) -> list[Entity]:
        """Named entities that pronouns may point back to, in document order, captions left out."""
        people = []
        for e in parsed.entities:
            if parsed.sentences[e.sent].part is PartKind.CAPTION:
                continue  # the story's prose never refers back to a photo caption
            if e.label != "PERSON" and e.text in self.full_names and e.label in ("ORG", "GPE", "NORP"):
                # the tagger sometimes calls a known surname an ORG ("Lavrov’s comments")
                e = Entity(e.text, "PERSON", e.start, e.end, e.token_start, e.token_end, e.sent)
            people.append(e)
        return people


def _extends(short: str, long: str) -> bool:
    """Whether one name is the other with words in front: "Vladimir Putin" ⊂ "President Vladimir Putin"."""
    return long == short or long.endswith(" " + short)


def base_forms(word: str) -> list[str]:
    """Candidate base forms of an inflected verb: noted → note, hopes → hope, saying → say."""
    forms = [word]
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            forms += [base, base + "e"]
    return forms
