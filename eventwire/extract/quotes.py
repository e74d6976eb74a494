"""Quotes and their speakers: direct quotes from paired marks, indirect speech from cue clauses.

A direct quote continued over several paragraphs (newswire reopens each one with a mark and closes
only the last) is one chain: each paragraph gives its own Quote, so offsets and sentences stay
exact, and all of them share the speaker found anywhere in the chain.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..knowledge.quotes import QuoteKnowledge, load_quote_knowledge
from ..records import Event, Mention, Parsed, Part, PartKind, Quote, Token
from .quote_marks import Stretch, content_stretch, scan_double, scan_single
from .speakers import KIND_RANK, NO_SPEAKER, Attribution, Speaker, SpeakerResolver

# An indirect quote whose reported clause is mostly inside a direct quote is that direct quote.
MAX_DIRECT_SHARE = 0.5
# Reported clauses shorter than this many tokens ("he said so") carry no content.
MIN_CONTENT_TOKENS = 2


@dataclass(frozen=True)
class _Piece:
    """One paragraph's share of a direct quote, with the chain it belongs to."""

    stretch: Stretch
    paragraph: int
    chain: int


def find_quotes(parsed: Parsed, mentions: Sequence[Mention],
                knowledge: QuoteKnowledge | None = None) -> tuple[Quote, ...]:
    """Direct and indirect quotes of the coded parts, each with its speaker when one is found.

    ``knowledge``: the quote marks and cues to read with (quotes.yaml; by default the shipped file).
    """
    kn = knowledge or load_quote_knowledge()
    resolver = SpeakerResolver(parsed, mentions, kn)
    finder = _QuoteFinder(parsed, resolver)
    quotes = finder.direct() + finder.indirect()
    # "the agency quoted him as saying ...": two cue verbs report one span; it is one quote
    unique = {(q.start, q.end, q.direct): q for q in reversed(quotes)}
    return tuple(sorted(unique.values(), key=lambda q: (q.start, q.end, not q.direct)))


def link_events(quotes: Sequence[Quote], events: Sequence[Event]) -> tuple[Quote, ...]:
    """The quotes with ``event_ids`` set: events read inside each quote (or said by its speaker there)."""
    linked = []
    for q in quotes:
        ids = [ev.event_id for ev in events if _belongs(q, ev)]
        linked.append(replace(q, event_ids=tuple(dict.fromkeys(ids))) if ids else q)
    return tuple(linked)


def _belongs(q: Quote, ev: Event) -> bool:
    if q.start <= ev.evidence.trigger_start < q.end:
        return True
    if q.direct or q.speaker is None or ev.evidence.sent != q.sent:
        return False
    # an indirect quote's own cue is often the event trigger ("Putin warned NATO"): same sayer, same sentence
    return any(_same_actor(q.speaker, m) for m in (ev.speaker, ev.source) if m is not None)


def _same_actor(a: Mention, b: Mention) -> bool:
    return (a.start < b.end and b.start < a.end) or (
        a.actor.code == b.actor.code and a.actor.name == b.actor.name
    )


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Drop reported content nested in a larger report by the same speaker.

    "saying Russia is interested ..., while noting that he hopes X will ..." holds three cue verbs
    of one sayer; the outer report already carries the inner ones, and listing them again would
    count one statement three times.
    """
    return [
        q for q in quotes
        if not any(o is not q and o.start <= q.start and q.end <= o.end and (o.end - o.start) > (q.end - q.start)
                   and o.speaker_text == q.speaker_text for o in quotes)
    ]


def _name_word(t: Token) -> bool:
    """A word of a signed name: a proper noun, or any capitalised word the tagger took for another."""
    return t.pos == "PROPN" or (t.text[:1].isupper() and t.text[1:].islower() and t.pos in ("NOUN", "X", "ADJ"))


class _QuoteFinder:
    """Walks one parsed document: pairs marks, finds attributions, builds Quote records."""

    def __init__(self, parsed: Parsed, resolver: SpeakerResolver) -> None:
        self.parsed = parsed
        self.res = resolver
        self.kn = resolver.kn
        self.tokens = parsed.tokens
        self.sent_starts = [s.start for s in parsed.sentences]
        self.pieces = self._pair_marks()
        self.regions = sorted((p.stretch.outer_start, p.stretch.outer_end) for p in self.pieces)
        self.region_starts = [a for a, _ in self.regions]
        resolver.in_quote = self._in_quote

    # -- marks ----------------------------------------------------------------------------------

    def _pair_marks(self) -> list[_Piece]:
        """Every direct-quote piece of the coded paragraphs, continued quotes chained."""
        doc = self.parsed.document
        coded = sorted({s.paragraph for s in self.parsed.sentences})
        pieces: list[_Piece] = []
        chains = 0
        pending: tuple[int, tuple[int, int], int] | None = None  # (paragraph, open mark, chain) left open
        for pi in coded:
            part = doc.parts[pi]
            marks = scan_double(part.text, part.start, self.kn)
            carry = None
            if pending is not None and marks.starts_open:
                ppi, popen, carry = pending
                prev = doc.parts[ppi]
                stretch = content_stretch(doc.text, 0, popen[1], prev.end, False, popen[0], prev.end)
                if stretch is not None:
                    pieces.append(_Piece(stretch, ppi, carry))
            pending = None
            for k, st in enumerate(marks.stretches):
                if k == 0 and carry is not None and doc.text[part.start : st.outer_start].strip() == "":
                    pieces.append(_Piece(st, pi, carry))
                else:
                    chains += 1
                    pieces.append(_Piece(st, pi, chains))
            if marks.unclosed is not None:
                continues = carry is not None and not marks.stretches
                if not continues:
                    chains += 1
                pending = (pi, marks.unclosed, carry if continues and carry is not None else chains)
            doubles = [(p.stretch.outer_start, p.stretch.outer_end) for p in pieces if p.paragraph == pi]
            if marks.unclosed is not None:
                doubles.append((marks.unclosed[0], part.end))
            for st in scan_single(part.text, part.start, self.kn, doubles):
                chains += 1
                pieces.append(_Piece(st, pi, chains))
        return sorted(pieces, key=lambda p: p.stretch.start)

    def _in_quote(self, offset: int) -> bool:
        k = bisect.bisect_right(self.region_starts, offset) - 1
        return k >= 0 and offset < self.regions[k][1]

    def _sent_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    # -- direct quotes --------------------------------------------------------------------------

    def direct(self) -> list[Quote]:
        """Quote records for the paired marks, with speakers found per chain."""
        chains: dict[int, list[_Piece]] = {}
        for p in self.pieces:
            chains.setdefault(p.chain, []).append(p)
        quotes: list[Quote] = []
        last: tuple[int, Speaker, str | None] | None = None  # (paragraph, speaker, cue) of the last quote
        for chain in sorted(chains.values(), key=lambda c: c[0].stretch.start):
            speaker, cue = self._chain_speaker(chain, last)
            for p in chain:
                st = p.stretch
                sent = self._sent_of(st.start)
                quotes.append(
                    Quote(
                        text=self.parsed.document.text[st.start : st.end],
                        start=st.start,
                        end=st.end,
                        direct=True,
                        speaker=speaker.mention,
                        speaker_text=speaker.text,
                        cue=cue,
                        sent=sent,
                        part=self.parsed.sentences[sent].part,
                    )
                )
            if speaker.text is not None:
                last = (chain[-1].paragraph, speaker, cue)
        return quotes

    def _chain_speaker(
        self, chain: list[_Piece], last: tuple[int, Speaker, str | None] | None
    ) -> tuple[Speaker, str | None]:
        """The speaker of a quote chain: an attribution beside it, else one in a neighbouring sentence."""
        cue_only: str | None = None
        for p in chain:
            att, speaker = self._beside(p.stretch)
            if speaker.text is not None:
                return speaker, att.lemma if att else None
            cue_only = cue_only or (att.lemma if att else None)
        first, final = chain[0].stretch, chain[-1].stretch
        s_first, s_last = self._sent_of(first.outer_start), self._sent_of(final.outer_end - 1)
        # a quote that is a sentence of its own may be introduced or signed off by its neighbours
        opens, closes = self._opens_sentence(first), self._closes_sentence(final)
        for found in (
            self._signature(final),
            self._colon_before(first),
            self._neighbour(s_first - 1, first, opens, colon=True),
            self._neighbour(s_first - 1, first, opens and self._opens_paragraph(chain[0])),
            self._neighbour(s_last + 1, final, opens and closes, paragraph=chain[-1].paragraph),
            self._previous_subject(s_first - 1, first, opens, chain[0].paragraph),
        ):
            if found is not None:
                return found
        opens_sentence = self._opens_sentence(first)
        if last is not None and opens_sentence and self._adjacent_paragraphs(last[0], chain[0].paragraph):
            return last[1], last[2]  # a bare quote paragraph goes on quoting the last speaker
        return NO_SPEAKER, cue_only

    def _beside(self, st: Stretch) -> tuple[Attribution | None, Speaker]:
        """The best attribution in the quote's own sentences, outside any quote."""
        s0, s1 = self._sent_of(st.outer_start), self._sent_of(st.outer_end - 1)
        first_tok = self.parsed.sentences[s0].token_start
        last_tok = self.parsed.sentences[s1].token_end
        q_toks = [t.i for t in self.tokens[first_tok:last_tok] if st.outer_start <= t.start < st.outer_end]
        if not q_toks:
            return None, NO_SPEAKER
        qa, qb = q_toks[0], q_toks[-1]
        outside = [i for i in range(first_tok, last_tok) if not self._in_quote(self.tokens[i].start)]
        ranked = []
        for att in self.res.attributions(outside):
            cue = self.tokens[att.cue]
            contains = cue.left <= qb and cue.right >= qa
            if att.kind in ("framing", "noun") and not contains:
                continue  # "call" and "X's claim" only frame a phrase they govern
            media = att.subject is not None and self.res.is_media(att.subject)
            distance = min(abs(cue.start - st.outer_end), abs(st.outer_start - cue.end))
            size = cue.right - cue.left if contains else 0
            rank = (att.subject is None, KIND_RANK[att.kind] + 2 * media, not contains, size, distance)
            ranked.append((rank, att))
        ranked.sort(key=lambda r: r[0])
        for _, att in ranked:
            speaker = self.res.resolve(att.subject)
            if speaker.text is not None:
                return att, speaker
        return (ranked[0][1] if ranked else None), NO_SPEAKER

    def _signature(self, st: Stretch) -> tuple[Speaker, str | None] | None:
        """A name signing the quote after a dash: “We are ready.” ― Ana Ruiz."""
        part = self._part_at(st.outer_end)
        rest = self.parsed.document.text[st.outer_end : part.end if part else st.outer_end]
        stripped = rest.lstrip(" .,\u00a0")
        dash = next((d for d in self.kn.signature_dashes if stripped.startswith(d)), None)
        if dash is None:
            return None
        at = st.outer_end + (len(rest) - len(stripped)) + len(dash)
        tok = next((t for t in self.tokens if t.start >= at and not t.text.isspace()), None)
        if tok is None:
            return None
        ent = self.res.entity_at.get(tok.i)
        if ent is not None and ent.token_start == tok.i and ent.label in ("PERSON", "ORG"):
            speaker = self.res.resolve(ent.token_end - 1)
            return (speaker, None) if speaker.text else None
        # the tagger misses many signed names ("― Jacklyn Ashley"): a run of proper nouns will do
        end = tok.i
        while end < len(self.tokens) and self.tokens[end].sent == tok.sent and _name_word(self.tokens[end]):
            end += 1
        if end == tok.i:
            return None
        text = self.parsed.span_text(tok.i, end)
        return Speaker(self.res.mention_for(tok.i, end, end - 1), text), None

    def _part_at(self, offset: int) -> Part | None:
        return next((p for p in self.parsed.document.parts if p.start <= offset <= p.end), None)

    def _colon_before(self, st: Stretch) -> tuple[Speaker, str | None] | None:
        """Headline style "Lavrov: “We are ready”": a name right before a colon opening the quote."""
        sent = self.parsed.sentences[self._sent_of(st.outer_start)]
        before = [t for t in self.tokens[sent.token_start : sent.token_end] if t.end <= st.outer_start]
        if len(before) < 2 or before[-1].text != ":" or before[-2].i not in self.res.entity_at:
            return None
        if any(self.res.cue_kind(t.i) for t in before):
            return None  # "Lavrov said:" is found as an attribution, not as a label
        speaker = self.res.resolve(before[-2].i)
        return (speaker, None) if speaker.text else None

    def _neighbour(
        self, si: int, st: Stretch, whole: bool, colon: bool = False, paragraph: int | None = None
    ) -> tuple[Speaker, str | None] | None:
        """An attribution in the sentence before or after the quote that points at it."""
        if not whole or not 0 <= si < len(self.parsed.sentences):
            return None
        sent = self.parsed.sentences[si]
        if paragraph is not None and sent.paragraph != paragraph:
            return None  # the next paragraph's "X said." signs off its own words
        if sent.part in (PartKind.CAPTION, PartKind.TITLE) or self._in_quote(sent.start):
            return None  # a headline or a photo caption does not introduce the body's quotes
        if colon and not sent.text.rstrip().endswith(":"):
            return None
        for att in self.res.attributions(range(sent.token_start, sent.token_end)):
            if att.kind not in ("speech", "phrase") or self._in_quote(self.tokens[att.cue].start):
                continue
            # before a quote any sayer introduces it; after one only a bare "X said." does
            if not colon and self.res.has_content(att.cue):
                continue
            speaker = self.res.resolve(att.subject)
            if speaker.text is not None:
                return speaker, att.lemma
        return None

    def _previous_subject(
        self, si: int, st: Stretch, opens: bool, paragraph: int
    ) -> tuple[Speaker, str | None] | None:
        """The named person the paragraph's previous sentence is about: "Sanders praised them. “…”"."""
        if not opens or si < 0 or self.parsed.sentences[si].paragraph != paragraph:
            return None
        sent = self.parsed.sentences[si]
        if self._in_quote(sent.start):
            return None
        root = next((t for t in self.tokens[sent.token_start : sent.token_end] if t.head == t.i), None)
        if root is None or root.pos not in ("VERB", "AUX"):
            return None
        subj = next((c for c in self.res.children.get(root.i, ()) if self.tokens[c].dep == "nsubj"), None)
        if subj is None:
            return None
        ent = self.res.entity_at.get(subj)
        if (ent is None or ent.label != "PERSON") and self.tokens[subj].text.lower() not in self.kn.pronouns:
            appos = next((c for c in self.res.children.get(subj, ()) if self.tokens[c].dep == "appos"), None)
            ent = self.res.entity_at.get(appos) if appos is not None else None
            if ent is None or ent.label != "PERSON":
                return None  # only a person's sentence runs on into their words
        speaker = self.res.resolve(subj)
        return (speaker, None) if speaker.text else None

    def _opens_paragraph(self, piece: _Piece) -> bool:
        part = self.parsed.document.parts[piece.paragraph]
        return self.parsed.document.text[part.start : piece.stretch.outer_start].strip() == ""

    def _closes_sentence(self, st: Stretch) -> bool:
        sent = self.parsed.sentences[self._sent_of(st.outer_end - 1)]
        return not any(ch.isalnum() for ch in self.parsed.document.text[st.outer_end : sent.end])

    def _closes_paragraph(self, piece: _Piece) -> bool:
        part = self.parsed.document.parts[piece.paragraph]
        return not any(ch.isalnum() for ch in self.parsed.document.text[piece.stretch.outer_end : part.end])

    def _opens_sentence(self, st: Stretch) -> bool:
        sent = self.parsed.sentences[self._sent_of(st.outer_start)]
        return self.parsed.document.text[sent.start : st.outer_start].strip() == ""

    def _adjacent_paragraphs(self, a: int, b: int) -> bool:
        """Whether paragraph b is a or the next coded paragraph after it."""
        between = {s.paragraph for s in self.parsed.sentences if a < s.paragraph < b}
        return 0 <= b - a and not between

    # -- indirect speech ------------------------------------------------------------------------

    def indirect(self) -> list[Quote]:
        """Reported speech: the clause a cue verb governs, or the clause "according to X" qualifies."""
        quotes = []
        for i, t in enumerate(self.tokens):
            if self._in_quote(t.start):
                continue
            kind = self.res.cue_kind(i, indirect=True)
            att: Attribution | None
            if kind in ("speech", "report"):
                att = Attribution(i, self.res.cue_lemma(i) or t.lemma.lower(), kind, self.res.subject(i))
                clause = next(
                    (c for c in self.res.children.get(i, ()) if self.tokens[c].dep == "ccomp"), None
                )
                if clause is not None:
                    span = (self.tokens[clause].left, self.tokens[clause].right + 1)
                else:
                    found = self._leading_clause(att)
                    if found is None:
                        continue
                    span = found
            else:
                att = self.res.phrase_at(i)
                if att is None or self.tokens[i].head == i:
                    continue
                span = self._qualified_clause(att)
            quote = self._indirect_quote(att, span) if att is not None else None
            if quote is not None:
                quotes.append(quote)
        return _outermost(quotes)

    def _leading_clause(self, att: Attribution) -> tuple[int, int] | None:
        """Content before a trailing "…, X announced on Wednesday." the parser did not hang on the cue."""
        if att.subject is None:
            return None
        sent = self.parsed.sentences[self.tokens[att.cue].sent]
        start, end = self.res.phrase(att.subject)
        comma = min(start, att.cue) - 1  # "…, X announced" or "…, said X"
        if comma - sent.token_start < MIN_CONTENT_TOKENS + 1 or self.tokens[comma].text != ",":
            return None
        after = self.tokens[max(end, att.cue + 1) : sent.token_end]
        before = self.tokens[sent.token_start : comma]
        # the attribution must close the sentence, and what it follows must be a clause of its own
        if any(t.pos == "VERB" for t in after) or not any(t.pos in ("VERB", "AUX") for t in before):
            return None
        if any(self.tokens[c].dep in ("dobj", "xcomp") for c in self.res.children.get(att.cue, ())):
            return None
        return sent.token_start, comma

    def _qualified_clause(self, att: Attribution) -> tuple[int, int]:
        """The clause an attribution phrase qualifies, without the phrase: "according to X, [Y]"."""
        phrase = self.tokens[att.cue]
        clause = self.tokens[phrase.head]
        if phrase.left <= clause.left:  # phrase first: the content follows it
            return phrase.right + 1, clause.right + 1
        return clause.left, phrase.left  # phrase last: "Y, according to X"

    def _indirect_quote(self, att: Attribution, span: tuple[int, int]) -> Quote | None:
        a, b = span
        while a < b and self.tokens[a].pos == "PUNCT":
            a += 1
        while b > a and self.tokens[b - 1].pos == "PUNCT" and self.tokens[b - 1].text not in "”\"’'":
            b -= 1
        if b - a < MIN_CONTENT_TOKENS:
            return None
        start, end = self.tokens[a].start, self.tokens[b - 1].end
        if self._in_quote(start):
            return None  # "“…,” the ministry said, the agency reported": the direct quote already has it
        quoted = sum(min(end, qe) - max(start, qs) for qs, qe in self.regions if qs < end and start < qe)
        if quoted > MAX_DIRECT_SHARE * (end - start):
            return None
        speaker = self.res.resolve(att.subject)
        sent = self.tokens[a].sent
        return Quote(
            text=self.parsed.document.text[start:end],
            start=start,
            end=end,
            direct=False,
            speaker=speaker.mention,
            speaker_text=speaker.text,
            cue=att.lemma,
            sent=sent,
            part=self.parsed.sentences[sent].part,
        )
