"""Text normalisation and paragraph spans: the character-level half of ingest, no classification."""

from __future__ import annotations

import re

# Line and paragraph separators other than \n; they become \n (not dropped) so paragraphs stay apart.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# C0/C1 controls except \t and \n, DEL, BOMs anywhere (a BOM mid-text is a concatenation scar) and
# lone surrogates (from surrogateescape decoding), which no UTF-8 writer downstream can store.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f\ufeff\ufffe\ud800-\udfff]")
_TERMINAL = re.compile(r"[.!?…:;]['\"’”»)\]]*$")

# A hard-wrapped text (Reuters, e-mail, old wire feeds) has lines of roughly one width; real web
# paragraphs are single long lines. Lines at least this share of the width are "full" lines.
_FULL_LINE_SHARE = 0.75
_MAX_WRAP_WIDTH = 100
_MIN_WRAP_WIDTH = 40
_MIN_WRAPPED_LINES = 4
_MIN_MIDSENTENCE_SHARE = 0.6


def normalise_text(text: str) -> str:
    """Line ends to \\n, BOM and control characters (except \\n, \\t) removed, hard wraps joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    return unwrap_hard_lines(text)


def unwrap_hard_lines(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs with a space (same length, so offsets are kept)."""
    lines = text.split("\n")
    if not _is_hard_wrapped(lines):
        return text
    full = _FULL_LINE_SHARE * _width(lines)
    out = list(text)
    pos = 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        pos += len(line)
        body = line.rstrip()
        # A blank or indented next line starts a new paragraph; a sentence that ends on a short line
        # ends its paragraph; anything else goes on.
        if body and nxt.strip() and not nxt[:1].isspace():
            if nxt[:1].islower() or not ends_like_sentence(body) or len(body) >= full:
                out[pos] = " "
        pos += 1
    return "".join(out)


def _width(lines: list[str]) -> int:
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    return lengths[max(0, int(len(lengths) * 0.9) - 1)] if lengths else 0


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of one modest width that mostly break mid-sentence, as a fixed-width wire feed has."""
    filled = [ln.rstrip() for ln in lines if ln.strip()]
    if len(filled) < _MIN_WRAPPED_LINES:
        return False
    width = _width(lines)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return False  # web text has one long line per paragraph; very short lines are lists or headings
    # A sentence that goes on in lower case on the next line is the one sure sign of a hard wrap.
    if not any(a.strip() and b[:1].islower() for a, b in zip(lines, lines[1:], strict=False)):
        return False
    breaks = [
        not ends_like_sentence(a)
        for a, b in zip(lines, lines[1:], strict=False)
        if len(a.rstrip()) >= _FULL_LINE_SHARE * width and b.strip() and not b[:1].isspace()
    ]
    return len(breaks) >= 2 and sum(breaks) >= _MIN_MIDSENTENCE_SHARE * len(breaks)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, surrounding whitespace excluded."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def ends_like_sentence(text: str) -> bool:
    """Whether a paragraph ends with sentence punctuation (closing quotes and brackets allowed)."""
    return bool(_TERMINAL.search(text.rstrip()))


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())
