"""Paragraph roles: title, dateline, byline, caption, credit, footer, boilerplate or body.

The patterns are data (``knowledge/parts.yaml``); this module holds only the order of the checks and
the positional rules (header zone under the title, footer block at the end).
"""

from __future__ import annotations

import re

from ..dateparse import find_explicit_dates
from ..knowledge.parts import PartRules, load_part_rules
from ..records import Part, PartKind
from .text import ends_like_sentence, word_count

#: Datelines, bylines and desk lines are only looked for in this many paragraphs from the top.
HEADER_PARAGRAPHS = 8
#: Headlines are short; a longer first line is a lead paragraph.
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 220
#: Short non-sentence lines under the headline ("NTD Newsroom", "International") are furniture.
FURNITURE_MAX_WORDS = 6
#: Credit and footer lines are short; a long paragraph mentioning "editing by" is prose.
CREDIT_MAX_WORDS = 25
BYLINE_MAX_WORDS = 12
DATELINE_MAX_CHARS = 120
#: Words a date line may carry besides the date itself ("Published", "Updated", a section name).
DATELINE_MAX_OTHER_WORDS = 6
#: Captions are one or two sentences; cue words alone do not make a long paragraph a caption.
CAPTION_MIN_WORDS = 5
CAPTION_CUE_MAX_WORDS = 70
#: A footer block must start in the last part of the page, and swallows only short lines after it.
FOOTER_ZONE_SHARE = 0.5
FOOTER_ZONE_MIN = 6
FOOTER_TAIL_MAX_WORDS = 25

_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?m\.?", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)
_SENTENCE_END = re.compile(r"[.!?…](?:['\"’”)\]]*)(?:\s|$)")
_KEY = re.compile(r"[\W_]+")
_SEPARATORS = ("|", "•", "·", "—", "–", "-", "/")


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def heading_key(text: str) -> str:
    """A comparison key for headlines: case, punctuation and spacing ignored."""
    return _KEY.sub(" ", text.casefold()).strip()


def looks_like_headline(text: str) -> bool:
    """Short, with letters, and not closed by a full stop as prose would be."""
    stripped = text.rstrip("'\"’”» ")
    return (
        word_count(text) <= TITLE_MAX_WORDS
        and len(text) <= TITLE_MAX_CHARS
        and any(c.isalpha() for c in text)
        and not stripped.endswith((".", ";", ",", ":"))
    )


def is_caption(text: str, rules: PartRules) -> bool:
    """A sentence-ish paragraph opened like a caption, closed by a photo credit, or with a pose cue."""
    words = word_count(text)
    if words < CAPTION_MIN_WORDS:
        return False
    if _any(rules.caption_start, text) or _any(rules.caption_end, text):
        return True
    sentences = len(_SENTENCE_END.findall(text))
    return words <= CAPTION_CUE_MAX_WORDS and sentences <= 2 and _any(rules.caption_cue, text)


def is_dateline(text: str, rules: PartRules) -> bool:
    """A short line that is mostly a calendar date (glued forms like '22, 2021International' too)."""
    if len(text) > DATELINE_MAX_CHARS:
        return False
    dates = find_explicit_dates(text)
    if not dates:
        return False
    # Before the date only a label, a weekday or a separated desk name: "Year to December 28, 1986"
    # heads a table, while "Published: Tue, Dec. 21, 2021" and "Reuters | Dec 22, 2021" date the story.
    lead = text[: dates[0][0]].strip()
    for label in rules.dateline:
        lead = label.sub(" ", lead)
    lead = _WEEKDAY.sub(" ", _TIME.sub(" ", lead)).strip(" \t,:")
    if lead and not lead.endswith(_SEPARATORS):
        return False
    rest = text
    for start, end, _ in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    rest = _WEEKDAY.sub(" ", _TIME.sub(" ", rest))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= DATELINE_MAX_OTHER_WORDS


def _kind_by_pattern(text: str, rules: PartRules, in_header: bool) -> PartKind | None:
    """The kind given by the patterns alone, or None when none applies."""
    words = word_count(text)
    if _any(rules.boilerplate, text):
        return PartKind.BOILERPLATE
    if words <= CREDIT_MAX_WORDS and _any(rules.footer, text):
        return PartKind.FOOTER
    if words <= CREDIT_MAX_WORDS and _any(rules.credit, text):
        return PartKind.CREDIT
    if is_caption(text, rules):
        return PartKind.CAPTION
    if words <= BYLINE_MAX_WORDS and not ends_like_sentence(text) and _any(rules.byline, text):
        return PartKind.BYLINE
    if in_header and is_dateline(text, rules):
        return PartKind.DATELINE
    if in_header and words <= BYLINE_MAX_WORDS and _any(rules.dateline, text) and find_explicit_dates(text):
        return PartKind.DATELINE
    return None


def _furniture_kind(text: str, rules: PartRules) -> PartKind | None:
    """Short non-sentence lines under the headline: desk/author lines, section names, timestamps."""
    if ends_like_sentence(text) or word_count(text) > FURNITURE_MAX_WORDS:
        return None
    if _any(rules.desk, text):
        return PartKind.BYLINE
    names = text.split()
    # Two to four capitalised words and nothing else reads as an author's name.
    if 2 <= len(names) <= 4 and all(w[:1].isupper() for w in names) and not any(c.isdigit() for c in text):
        return PartKind.BYLINE
    return PartKind.BOILERPLATE


def classify_parts(text: str, spans: list[tuple[int, int]], title: str | None = None) -> tuple[Part, ...]:
    """Give each paragraph span of ``text`` its PartKind; ``title`` is a headline known from metadata."""
    rules = load_part_rules()
    paras = [text[a:b] for a, b in spans]
    kinds: list[PartKind | None] = [None] * len(paras)
    title_key = heading_key(title) if title else None
    title_at = _find_title(paras, rules, title_key)
    if title_at is not None:
        kinds[title_at] = PartKind.TITLE
        title_key = title_key or heading_key(paras[title_at])
    seen_body = False
    for i, para in enumerate(paras):
        if kinds[i] is not None:
            continue
        in_header = i < HEADER_PARAGRAPHS and not seen_body
        if title_key and heading_key(para) == title_key:
            kinds[i] = PartKind.BOILERPLATE  # the headline repeated above the story: coded once
            continue
        kind = _kind_by_pattern(para, rules, in_header)
        if kind is None and in_header and title_at is not None and i > title_at:
            kind = _furniture_kind(para, rules)
        if kind is None:
            kind = PartKind.BODY
            seen_body = True
        elif kind is PartKind.CAPTION:
            seen_body = True  # captions are prose: the header zone is over
        kinds[i] = kind
    final = _extend_footer([k or PartKind.BODY for k in kinds], paras)
    return tuple(Part(k, a, b, p) for k, (a, b), p in zip(final, spans, paras, strict=True))


def _find_title(paras: list[str], rules: PartRules, title_key: str | None) -> int | None:
    """Index of the headline paragraph: the one matching the known title, else a headline-like first line."""
    if title_key is not None:
        return next((i for i, p in enumerate(paras[:HEADER_PARAGRAPHS]) if heading_key(p) == title_key), None)
    for i, para in enumerate(paras[:HEADER_PARAGRAPHS]):
        kind = _kind_by_pattern(para, rules, in_header=True)
        if kind is PartKind.BOILERPLATE:
            continue  # navigation above the headline
        return i if kind is None and looks_like_headline(para) else None
    return None


def _extend_footer(kinds: list[PartKind], paras: list[str]) -> list[PartKind]:
    """Once a footer block starts near the end, the short lines after it are footer too."""
    n = len(kinds)
    zone_start = min(int(n * FOOTER_ZONE_SHARE), max(0, n - FOOTER_ZONE_MIN))
    first = next((i for i in range(zone_start, n) if kinds[i] is PartKind.FOOTER), None)
    if first is None:
        return kinds
    out = list(kinds)
    for i in range(first + 1, n):
        if out[i] is PartKind.BODY and word_count(paras[i]) <= FOOTER_TAIL_MAX_WORDS:
            out[i] = PartKind.FOOTER
    return out
