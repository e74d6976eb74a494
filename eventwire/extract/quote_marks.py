"""Pairing quote marks in paragraphs: direct-quote stretches, apostrophes told apart, runs bounded."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge.quotes import QuoteKnowledge

# Characters after which a mark opens a quote rather than closes one: "(“", "—“", ": “".
OPENING_CONTEXT = "([{—–-/:‘“'\"«„"
# Characters before which a mark closes a quote: "”,", "”.", "”)".
CLOSING_CONTEXT = ".,;:!?)]}…—–-’”'\"»"


@dataclass(frozen=True)
class Stretch:
    """A paired quote: the marks' outer offsets and the trimmed content inside, document-wide."""

    outer_start: int
    outer_end: int
    start: int
    end: int
    single: bool = False


@dataclass(frozen=True)
class ParagraphMarks:
    """The closed stretches of one paragraph and where an unclosed quote opened, if one did."""

    stretches: tuple[Stretch, ...]
    unclosed: tuple[int, int] | None  # document offsets of a dangling opening mark
    starts_open: bool  # the paragraph begins with an opening mark (a continued quote reopens so)


@lru_cache(maxsize=4)
def _mark_pattern(marks: tuple[str, ...]) -> re.Pattern[str]:
    # longest first, so `` and '' win over a single ` or '
    return re.compile("|".join(re.escape(m) for m in sorted(set(marks), key=len, reverse=True)))


def _flanks(text: str, p: int, q: int) -> tuple[bool, bool]:
    """(left-flanking, right-flanking) for the mark at [p, q): may it open, may it close."""
    prev = text[p - 1] if p > 0 else " "
    nxt = text[q] if q < len(text) else " "
    left = not nxt.isspace() and (prev.isspace() or prev in OPENING_CONTEXT)
    right = not prev.isspace() and (nxt.isspace() or nxt in CLOSING_CONTEXT)
    return left, right


def content_stretch(text: str, base: int, a: int, b: int, single: bool, oa: int, ob: int) -> Stretch | None:
    """The stretch for content text[a:b], trimmed; None when it holds no word (``""``, runs of marks)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    body = text[a:b]
    if not any(ch.isalnum() for ch in body) or len(body) < 2:
        return None
    return Stretch(base + oa, base + ob, base + a, base + b, single)


def scan_double(text: str, base: int, kn: QuoteKnowledge) -> ParagraphMarks:
    """Pair the double quote marks of one paragraph; a quote still open at its end is reported."""
    pattern = _mark_pattern(kn.open_marks + kn.close_marks + kn.either_marks)
    stretches: list[Stretch] = []
    open_at: tuple[int, int] | None = None
    first = True
    starts_open = False
    for m in pattern.finditer(text):
        p, q = m.span()
        left, right = _flanks(text, p, q)
        if left != right:
            opens = left
        elif m.group() in kn.open_marks:
            opens = True
        elif m.group() in kn.close_marks:
            opens = False
        else:  # a straight mark with no telling neighbours toggles
            opens = open_at is None
        if first:
            starts_open = opens and not text[:p].strip()
            first = False
        if opens:
            open_at = (p, q)  # a second opener means the first was never closed: start again here
        elif open_at is not None:
            found = content_stretch(text, base, open_at[1], p, False, open_at[0], q)
            if found:
                stretches.append(found)
            open_at = None
    unclosed = (base + open_at[0], base + open_at[1]) if open_at is not None else None
    return ParagraphMarks(tuple(stretches), unclosed, starts_open)


def scan_single(text: str, base: int, kn: QuoteKnowledge, skip: Sequence[tuple[int, int]]) -> list[Stretch]:
    """Pair single quote marks outside the given (document-offset) stretches, sparing apostrophes."""
    pattern = _mark_pattern(kn.single_open + kn.single_close)
    stretches: list[Stretch] = []
    open_at: int | None = None
    for m in pattern.finditer(text):
        p, q = m.span()
        if any(a <= base + p < b for a, b in skip):
            open_at = None
            continue
        prev = text[p - 1] if p > 0 else " "
        nxt = text[q] if q < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # Russia’s, I’d, rock’n’roll: an apostrophe inside a word
        left, right = _flanks(text, p, q)
        if left and not right and m.group() in kn.single_open and nxt.isalpha():
            word = re.match(r"[A-Za-z]+", text[q:])
            if word and word.group().lower() in kn.elisions:
                continue  # ’n’, ’em, ’til: an elision, not a quote
            open_at = p
        elif right and not left and m.group() in kn.single_close and open_at is not None:
            found = content_stretch(text, base, open_at + 1, p, True, open_at, q)
            if found:
                stretches.append(found)
            open_at = None
    return stretches
