"""Date expressions in the coded sentences, resolved against the publication date, and the date
that governs an event's clause.

``find_dates`` matches patterns (``timex_rules``) on each sentence, drops matches the parse shows
are not dates ("the 2022 budget", "Bloody Sunday"), reads the tense of the governing verb (a
weekday after "will" is the next one) and resolves each to an interval. ``attach_date`` walks the
dependency heads from an event trigger to the date that governs its clause, else the publication
date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..knowledge.timex import TimexKnowledge, load_timex
from ..records import DateRef, Parsed, PartKind, Sentence, Token
from .timex_rules import Candidate, Resolved, find_candidates, resolve

_VERBAL = ("VERB", "AUX")
# Kinds counted from another date, resolved once the others are known
_COUNTED = ("anchored", "narrative")
_MODIFIER_DEPS = ("compound", "nummod", "amod", "nmod", "quantmod")


@dataclass(frozen=True, slots=True)
class _Found:
    """A candidate placed in the document: its sentence, char span and token span [first, last]."""

    cand: Candidate
    sent: Sentence
    start: int
    end: int
    first: int
    last: int


def find_dates(parsed: Parsed, knowledge: TimexKnowledge | None = None) -> tuple[DateRef, ...]:
    """Every resolvable date expression in the coded sentences, in document order (``knowledge``: timex.yaml)."""
    k = knowledge or load_timex()
    anchor = parsed.document.published
    found = [f for s in parsed.sentences for f in _candidates(parsed, s, anchor, k) if _is_date(parsed, f, k)]
    dates: dict[int, DateRef] = {}
    # Anchored expressions ("a day after") need the other dates first: they count from one of them
    for f in (f for f in found if f.cand.kind not in _COUNTED):
        r = resolve(f.cand, anchor, _direction(parsed, f, k), k=k)
        if r is not None:
            dates[f.start] = _dateref(parsed, f, r)
    for f in (f for f in found if f.cand.kind in _COUNTED):
        known = sorted(dates.values(), key=lambda d: d.start)
        ref = _story_reference(f, known) if f.cand.kind == "narrative" else _reference(parsed, f, known, anchor)
        r = resolve(f.cand, anchor, 0, ref, k)
        if r is not None:
            dates[f.start] = _dateref(parsed, f, r)
    return tuple(sorted(dates.values(), key=lambda d: d.start))


def attach_date(parsed: Parsed, dates: Sequence[DateRef], token: int,
                knowledge: TimexKnowledge | None = None) -> DateRef | None:
    """The date governing the clause of trigger ``token``; the publication date when none does."""
    k = knowledge or load_timex()
    pub = parsed.document.published
    tokens = parsed.tokens
    sent = tokens[token].sent
    attached: dict[int, list[DateRef]] = {}
    for d in dates:
        if d.sent == sent and d.start >= 0:
            for point in _attachment(parsed, d, k):
                attached.setdefault(point, []).append(d)
    node, seen = token, set()
    while node not in seen:
        seen.add(node)
        if node in attached:
            # Several dates on one word ("on Tuesday, Dec. 21"): the narrowest is the most informative
            return min(attached[node], key=lambda d: ((d.until - d.begin).days, d.start))
        t = tokens[node]
        if t.head == node:
            break
        if t.pos not in _VERBAL:
            node = t.head  # a noun or adjective trigger takes the date of its clause
            continue
        head = tokens[t.head]
        if (
            t.dep in k["clause_links"]
            or (t.dep in ("ccomp", "parataxis") and head.lemma.lower() in k.words("reporting_verbs"))
            or (t.dep == "advcl" and _same_time(parsed, t, k))
            or (t.dep == "acl" and t.tag == "VBG")
        ):  # "documents demanding ..." share the clause's time
            node = t.head
            continue
        break
    if parsed.sentences[sent].part is PartKind.CAPTION:
        # A photo caption is one scene with one dateline-like date ("..., on Dec. 21, 2021."): it dates
        # whatever the caption shows, however loosely the parser hung it on the clause.
        own = [d for d in dates if d.sent == sent and d.start >= 0 and d.granularity == "day"]
        if len(own) == 1:
            return own[0]
    if pub is None:
        return None
    return DateRef("", -1, -1, pub.isoformat(), pub, pub, "day", "inherited", -1)


# ---- finding -------------------------------------------------------------------------------------


def _candidates(parsed: Parsed, s: Sentence, anchor: dt.date | None, k: TimexKnowledge) -> list[_Found]:
    """Pattern matches in one sentence, mapped to the tokens they cover."""
    text = parsed.document.text[s.start : s.end]
    out = []
    for c in find_candidates(text, anchor, k):
        start, end = s.start + c.start, s.start + c.end
        covered = [t.i for t in parsed.tokens[s.token_start : s.token_end] if t.start < end and t.end > start]
        if covered:
            out.append(_Found(c, s, start, end, covered[0], covered[-1]))
    return out


def _token_at(parsed: Parsed, f: _Found, group_text: str) -> Token | None:
    """The first token of the span whose text starts ``group_text`` (the year, month or weekday)."""
    for t in parsed.tokens[f.first : f.last + 1]:
        if group_text.startswith(t.text) or t.text.startswith(group_text[:3]):
            return t
    return None


def _previous_word(parsed: Parsed, f: _Found, t: Token) -> str:
    """Lower-cased word before token ``t`` within the sentence ('' at its start)."""
    return parsed.tokens[t.i - 1].text.lower() if t.i > f.sent.token_start else ""


def _is_date(parsed: Parsed, f: _Found, k: TimexKnowledge) -> bool:
    """Whether the parse agrees a match is a date (not a name, a count, or a noun's label)."""
    g, kind = f.cand.groups, f.cand.kind
    bad = k.words("not_date_labels")
    has_part = "part" in g or "partof" in g
    if kind == "year" and not has_part:
        t = _token_at(parsed, f, g["year"])
        if t is None or t.ent_type in bad or _labels_a_thing(parsed, t, k):  # "the 2022 budget"
            return False
        return t.ent_type == "DATE" or _previous_word(parsed, f, t) in k.words("time_cues")
    if kind == "holiday":
        return not _labels_a_thing(parsed, parsed.tokens[f.last], k)  # "Christmas trees", "Easter eggs"
    if kind == "month" and not has_part:
        t = _token_at(parsed, f, g["month"])
        if t is None or t.ent_type in bad or t.tag == "MD":
            return False
        return t.ent_type == "DATE" or _previous_word(parsed, f, t) in k.words("time_cues")
    if kind == "weekday":
        t = _token_at(parsed, f, g["weekday"])
        if t is None or t.ent_type in bad:
            return False
        after = parsed.tokens[t.i + 1].text.lower() if t.i + 1 < f.sent.token_end else ""
        return _previous_word(parsed, f, t) not in k.words("weekday_name_before") and after not in k.words(
            "weekday_name_after"
        )
    if (
        kind == "anchored"
        and f.cand.groups.get("rel", "").lower() in k.words("relation_words")
        and _relation_token(parsed, f.first, f.last, k) is not None
    ):
        # "comes a day after Y" dates Y; "withdrew a day after Y" counts from an undated Y: dropped
        verb = _governor(parsed, f.first, f.last)
        if verb is not None and any(
            c.dep == "mark" and f.first <= c.i <= f.last for c in parsed.children(verb.i)
        ):
            verb = parsed.tokens[verb.head]  # the parse hung the count on Y's clause: look at its head
        return verb is not None and verb.lemma.lower() in k.words("sequence_verbs")
    if kind == "deictic":
        t = parsed.tokens[f.first]
        return t.ent_type not in bad  # "Russia Today", "USA Today"
    return True


def _labels_a_thing(parsed: Parsed, t: Token, k: TimexKnowledge) -> bool:
    """Whether ``t`` modifies a later noun that names neither a time nor a happening.

    Such a word names a kind of thing ("the 2022 budget", "Christmas trees"), not when the clause
    happened; on a time or a happening it still dates it ("the 1995 bombing", "the Easter truce").
    """
    head = parsed.tokens[t.head]
    return (t.dep in _MODIFIER_DEPS and t.head > t.i and head.pos in ("NOUN", "PROPN")
            and not _is_time_or_event(head, k))


def _is_time_or_event(t: Token, k: TimexKnowledge) -> bool:
    """Whether a noun names a time or a happening, so a year or holiday on it dates it ("the 1995 bombing")."""
    lemma, word = t.lemma.lower(), t.text.lower()
    if lemma in k.words("time_nouns") or lemma in k.words("event_nouns") or word in k.words("event_nouns"):
        return True
    return any(word.endswith(s) for s in k.words("event_noun_suffixes"))


def _root(parsed: Parsed, first: int, last: int) -> Token:
    """The token of [first, last] whose head lies outside the span (the span's syntactic head)."""
    for t in parsed.tokens[first : last + 1]:
        if not first <= t.head <= last or t.head == t.i:
            return t
    return parsed.tokens[first]


def _governor(parsed: Parsed, first: int, last: int) -> Token | None:
    """The nearest verb above the span [first, last], passing prepositions and nouns."""
    t = _root(parsed, first, last)
    for _ in range(64):  # a head chain is a tree path; the bound only guards a malformed parse
        if t.head == t.i:
            return t if t.pos in _VERBAL else None
        t = parsed.tokens[t.head]
        if t.pos in _VERBAL and not first <= t.i <= last:
            return t
    return None


def _is_past(parsed: Parsed, t: Token) -> bool:
    """Whether a verb or adjective is past tense, itself or through its auxiliaries/copula."""
    if t.tag == "VBD" or "Tense=Past" in t.morph and t.tag != "VBN":
        return True
    return any(c.dep in ("aux", "auxpass", "cop") and c.tag == "VBD" for c in parsed.children(t.i))


def _direction(parsed: Parsed, f: _Found, k: TimexKnowledge) -> int:
    """+1 when the date's clause looks ahead ("will meet on Tuesday"), -1 when it is past, else 0."""
    verb, direct = _governor_direct(parsed, f.first, f.last, k)
    text = parsed.document.text[max(f.sent.start, f.start - 20) : f.start].lower()
    if any(re.search(r"\b" + re.escape(w) + r"\s*$", text) for w in k.words("future_before")):
        return 1  # "as early as Tuesday", "no later than Friday": a deadline ahead
    until = "|".join(re.escape(w) for w in sorted(k.words("until_words")))
    if re.search(rf"\b(?:{until})\s*$", text) and not (
        verb and any(c.dep == "aux" and c.lemma.lower() in k.words("perfect_aux") and c.tag == "VBD"
                     for c in parsed.children(verb.i))
    ):
        return 1  # "postponed until Tuesday", but not "until Thursday they had not ..."
    if verb is None or not direct:
        return 0  # a date on a noun ("Wednesday's ruling") says nothing of the clause's tense
    kids = parsed.children(verb.i)
    if any(c.dep == "aux" and c.text.lower() in k.words("future_aux") for c in kids):
        return 1
    heads, copulas = k.words("future_heads"), k.words("copulas")
    if verb.lemma.lower() in heads - copulas and not _is_past(parsed, verb):
        return 1  # "talks are scheduled for Friday"
    if any(c.dep == "aux" and c.text.lower() in k.words("infinitive_marks") for c in kids) and verb.head != verb.i:
        head = parsed.tokens[verb.head]
        # a plan told in the past still looks ahead ("planned to leave on Thursday"); "were to" does not
        lemma = head.lemma.lower()
        if lemma in heads - copulas or lemma in copulas and not _is_past(parsed, head):
            return 1
    return -1 if _is_past(parsed, verb) else 0


def _governor_direct(parsed: Parsed, first: int, last: int, k: TimexKnowledge) -> tuple[Token | None, bool]:
    """The governing verb, and whether the date hangs on it through prepositions (and time nouns) only.

    A time noun the date modifies is part of the date ("over the Easter weekend"), so the clause's
    tense still applies; any other noun makes it the date of that thing ("Wednesday's ruling").
    """
    verb = _governor(parsed, first, last)
    if verb is None:
        return None, False
    t = _root(parsed, first, last)
    while t.head != t.i and t.head != verb.i:
        t = parsed.tokens[t.head]
        if t.pos != "ADP" and not first <= t.i <= last and t.lemma.lower() not in k.words("time_nouns"):
            return verb, False
    return verb, True


def _reference(parsed: Parsed, f: _Found, dates: list[DateRef], anchor: dt.date | None) -> dt.date | None:
    """The day an anchored expression counts from: a day date in its sentence, else the story's now."""
    days = [d for d in dates if d.granularity == "day"]
    same = [d for d in days if d.sent == f.sent.index]
    if same:
        return same[0].begin
    verb = _governor(parsed, f.first, f.last)
    # "X comes a day after Y" (present tense) counts from publication; a past narrative
    # ("a day earlier, ...") from the last day named before it in the same paragraph
    if verb is not None and verb.tag in ("VBZ", "VBP"):
        return anchor
    before = [d for d in days if d.start < f.start and parsed.sentences[d.sent].paragraph == f.sent.paragraph]
    return before[-1].begin if before else anchor


def _story_reference(f: _Found, dates: list[DateRef]) -> dt.date | None:
    """The day "later that year" counts from: the last date the story itself named before it."""
    named = [d for d in dates if d.start < f.start and d.method == "explicit"]
    return named[-1].begin if named else None


def _dateref(parsed: Parsed, f: _Found, r: Resolved) -> DateRef:
    text = parsed.document.text[f.start : f.end]
    return DateRef(text, f.start, f.end, r.value, r.begin, r.until, r.granularity, r.method, f.sent.index)


# ---- attaching -----------------------------------------------------------------------------------


def _span_tokens(parsed: Parsed, d: DateRef) -> tuple[int, int] | None:
    """Token span [first, last] of a date expression."""
    s = parsed.sentences[d.sent]
    covered = [t.i for t in parsed.tokens[s.token_start : s.token_end] if t.start < d.end and t.end > d.start]
    return (covered[0], covered[-1]) if covered else None


def _attachment(parsed: Parsed, d: DateRef, k: TimexKnowledge) -> list[int]:
    """The tokens a date expression modifies: nouns it passes on the way up, then the clause's verb."""
    span = _span_tokens(parsed, d)
    if span is None:
        return []
    first, last = span
    tokens = parsed.tokens
    if d.method == "anchored":
        # "a day after Putin said ...": the date belongs to the clause "after" introduces
        rel = _relation_token(parsed, first, last, k)
        if rel is not None:
            return [rel]
    args = k.words("argument_deps")
    points: list[int] = []
    t = _root(parsed, first, last)
    for _ in range(64):
        if t.head == t.i:
            break
        t = tokens[t.head]
        if first <= t.i <= last or t.pos == "ADP":
            continue
        points.append(t.i)
        if t.pos in _VERBAL or t.dep in args:
            break
    return points


def _relation_token(parsed: Parsed, first: int, last: int, k: TimexKnowledge) -> int | None:
    """For "N units after/before <clause>", the head of that clause (verb or event noun)."""
    tokens = parsed.tokens
    end = min(last + 1, parsed.sentences[tokens[first].sent].token_end - 1)
    rel = next((t for t in tokens[first : end + 1] if t.text.lower() in k.words("relation_words")), None)
    if rel is None:
        return None
    if rel.dep == "mark":
        return rel.head
    objects = [c for c in parsed.children(rel.i) if c.dep in ("pcomp", "pobj")]
    return objects[0].i if objects else None


def _same_time(parsed: Parsed, t: Token, k: TimexKnowledge) -> bool:
    """Whether an adverbial clause shares its head clause's time ("killing five", "when ...")."""
    marks = [c.text.lower() for c in parsed.children(t.i) if c.dep == "mark"]
    if not marks:
        return t.tag in ("VBG", "VBN")  # a participle clause: "..., killing five"
    return marks[0] in k.words("same_time_markers")


__all__ = ["attach_date", "find_dates"]
