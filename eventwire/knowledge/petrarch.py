"""Importer for PETRARCH/TABARI actor and agent dictionaries, read unchanged as user knowledge.

The format, as PETRARCH2's ``.actors`` and ``agents`` files write it:

    AFGHANISTAN_  [AFG]            a name (words joined by "_") with an undated code
    +AFGHAN_                       a synonym of the entry above
    ASHRAF_GHANI_  # comment       a name whose codes follow on indented lines:
        [AFGGOVBUS 20020602-20041214]    a dated code (YYMMDD or YYYYMMDD, inclusive range)
        [AFGGOV >100701]                 from a date on;  [USRARM <900823]  up to a date
        [AFGELI]                         the code outside every dated range
    !PERSON! = MAN, MEN, WOMAN         (agents) a substitution set used inside names
    IVO_X_ / PRESIDENT_X_ / [CODE]     names in a row with no code share the codes that follow
    FARMER {FARMERS} [~AGR]            (agents) a role: "~" puts the sector after the country;
                                       "{...}" lists plurals ("{}" = none)

"#" starts a comment anywhere on a line. Entries whose codes cannot be read are counted in
``PetrarchDictionary.skipped`` rather than stopping the import: real files carry typos.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeError

# Two-digit years below this are 20xx ("100701" → 2010-07-01), the rest 19xx ("331108" → 1933).
_CENTURY_PIVOT = 30
_CODE = re.compile(r"\[([^\]]*)\]")
_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One code of an entry, valid from ``start`` to ``until`` (None = open on that side)."""

    code: str
    start: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PetrarchEntry:
    """One actor (or agent) with its names and codes."""

    names: tuple[str, ...]  # as written in news: "Ashraf Ghani" (title case; acronyms kept)
    codes: tuple[DatedCode, ...]
    agent: bool = False  # a role word ("farmer" → AGR) rather than a named actor
    plurals: tuple[str, ...] = ()
    line: int = 0

    @property
    def default(self) -> str | None:
        """The undated code, used outside every dated range."""
        undated = [c.code for c in self.codes if c.start is None and c.until is None]
        return undated[-1] if undated else None

    @property
    def dated(self) -> tuple[DatedCode, ...]:
        """The codes limited in time."""
        return tuple(c for c in self.codes if c.start is not None or c.until is not None)


@dataclass(slots=True)
class PetrarchDictionary:
    """What a file held: its entries, and how many entries were skipped (with the first reasons)."""

    path: str
    entries: list[PetrarchEntry] = field(default_factory=list)
    skipped: int = 0
    problems: list[str] = field(default_factory=list)

    def skip(self, line: int, why: str) -> None:
        """Count an unreadable entry; keep the first few reasons for the report."""
        self.skipped += 1
        if len(self.problems) < 20:
            self.problems.append(f"{self.path}:{line}: {why}")


def looks_like_petrarch(path: str | Path) -> bool:
    """Whether a file is in the TABARI/PETRARCH dictionary format (by name, else by content)."""
    p = Path(path)
    if p.suffix.lower() in (".actors", ".agents"):
        return True
    try:
        with open(p, encoding="utf-8", errors="replace") as fh:
            head = [ln for ln in (fh.readline() for _ in range(400)) if ln.strip() and not ln.startswith("#")]
    except OSError:
        return False
    return any(_CODE.search(ln) and re.match(r"^[+\s]*[A-Z0-9.'!-]+_", ln) for ln in head[:200])


def parse_date(text: str) -> dt.date:
    """A TABARI date: YYMMDD or YYYYMMDD."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(text)
    if len(text) == 6:
        yy = int(text[:2])
        year = (2000 if yy < _CENTURY_PIVOT else 1900) + yy
        return dt.date(year, int(text[2:4]), int(text[4:6]))
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code(cell: str) -> DatedCode:
    """'AFGGOV >100701', 'USRARM <900823', 'AFGGOV 050201-091231', 'AFGELI' → a DatedCode."""
    parts = cell.split()
    if not parts:
        raise ValueError("empty code")
    code = parts[0]
    if len(parts) == 1:
        return DatedCode(code)
    when = "".join(parts[1:])
    if when.startswith(">"):
        return DatedCode(code, parse_date(when[1:]))
    if when.startswith("<"):
        return DatedCode(code, None, parse_date(when[1:]))
    start, sep, until = when.partition("-")
    if not sep:
        raise ValueError(when)
    return DatedCode(code, parse_date(start), parse_date(until))


def news_name(raw: str) -> str:
    """'SECRETARY-GENERAL_BAN_KI-MOON_' → 'Secretary-General Ban Ki-Moon'; short acronyms stay upper case."""
    words = [w for w in raw.strip().strip("_").split("_") if w]
    small = {"OF", "THE", "AND", "FOR", "IN", "ON", "DE", "DA", "AL", "EL"}
    out = []
    for i, w in enumerate(words):
        if (len(words) == 1 and len(w) <= 5) or "." in w or (w.isupper() and len(w) <= 4 and not w.isalpha()):
            out.append(w)  # "NATO", "U.N.", "G-20": acronyms as written
        elif i and w in small:
            out.append(w.lower())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def _expand(raw: str, subs: dict[str, list[str]]) -> list[str]:
    """Names with substitution sets spelt out: 'DAIRY!PERSON!' → DAIRYMAN, DAIRYMEN, ..."""
    for key, values in subs.items():
        if key in raw:
            return [n for v in values for n in _expand(raw.replace(key, v), subs)]
    return [raw]


def read_petrarch(path: str | Path) -> PetrarchDictionary:
    """Read one TABARI/PETRARCH actors or agents file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeError(f"cannot read PETRARCH dictionary {p}: {exc}; check the --actors path") from None
    result = PetrarchDictionary(str(p))
    subs: dict[str, list[str]] = {}
    names: list[str] = []
    codes: list[DatedCode] = []
    plurals: list[str] = []
    start_line = 0

    def flush() -> None:
        if names and codes:
            agent = all(c.code.startswith("~") or c.code.endswith("~") for c in codes)
            clean = tuple(DatedCode(c.code.strip("~"), c.start, c.until) for c in codes)
            expanded = tuple(dict.fromkeys(news_name(x) for n in names for x in _expand(n, subs)))
            result.entries.append(PetrarchEntry(expanded, clean, agent, tuple(plurals), start_line))
        elif names:
            result.skip(start_line, f"{names[0]} has no code")
        names.clear()
        codes.clear()
        plurals.clear()

    for lineno, raw_line in enumerate(text.splitlines(), 1):
        line = raw_line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        sub = _SUBSTITUTION.match(line.strip())
        if sub:
            subs[sub.group(1)] = [v.strip().replace(" ", "_") for v in sub.group(2).split(",") if v.strip()]
            continue
        body = line.strip()
        indented = line[:1] in (" ", "\t") and body.startswith("[")
        found = _CODE.findall(body)
        name_part = _CODE.sub("", body)
        curly = re.search(r"\{([^}]*)\}", name_part)
        line_plurals = [news_name(x) for x in curly.group(1).split(",") if x.strip()] if curly else []
        if curly:
            name_part = name_part[: curly.start()] + name_part[curly.end() :]
        name_part = name_part.strip()
        if name_part.startswith("+"):
            names.append(name_part[1:].strip())
        elif name_part and not indented:
            if codes or found:  # names in a row with no codes between them share the codes that follow
                flush()
            if not names:
                start_line = lineno
            names.append(name_part)
        plurals.extend(line_plurals)
        for cell in found:
            try:
                codes.append(parse_code(cell))
            except ValueError as exc:
                result.skip(lineno, f"unreadable code [{cell}] ({exc})")
    flush()
    return result


__all__ = [
    "DatedCode",
    "PetrarchDictionary",
    "PetrarchEntry",
    "looks_like_petrarch",
    "news_name",
    "parse_code",
    "parse_date",
    "read_petrarch",
]
