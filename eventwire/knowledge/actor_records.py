"""Actor records and the name index: what actor knowledge is made of, shared by its two readers.

``actors.py`` reads the shipped dictionaries into these records and ``actor_files.py`` reads the
user's; both build on the records here, so neither imports the other's internals.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from ..records import Actor
from .files import Either, Keys, ListOf, Shape, read_tsv, read_yaml


@dataclass(frozen=True, slots=True)
class Office:
    """One office held from ``start`` to ``until`` (inclusive; None = still held)."""

    code: str
    role: str
    start: dt.date
    until: dt.date | None = None

    def holds(self, date: dt.date) -> bool:
        """Whether the office was held on ``date``."""
        return self.start <= date and (self.until is None or date <= self.until)


#: The sector of someone out of office: CAMEO codes former officials as elites.
OUT_OF_OFFICE = "ELI"


@dataclass(frozen=True, slots=True)
class Person:
    """A person (or an armed group) whose code depends on the date: offices over time."""

    id: str
    country: str | None
    offices: tuple[Office, ...]
    surnames: tuple[str, ...] = ()
    out_of_office: str = OUT_OF_OFFICE
    group: bool = False
    default_code: str | None = None  # code outside every office (PETRARCH's undated code)

    def office_at(self, date: dt.date | None) -> Office | None:
        """The office held on ``date``; with no date, the latest office."""
        if date is None:
            return self.offices[-1] if self.offices else None
        held = [o for o in self.offices if o.holds(date)]
        return held[-1] if held else None  # on a hand-over day the office taken that day wins

    def actor_at(self, date: dt.date | None) -> tuple[Actor, Office | None]:
        """The actor this person is on ``date``, and the office that made it so."""
        office = self.office_at(date)
        if office is not None:
            return actor_from_code(office.code, self.id), office
        if self.default_code:
            return actor_from_code(self.default_code, self.id), None
        if self.country is None:  # a stateless group outside its dated span keeps its latest code
            return actor_from_code(self.offices[-1].code, self.id), None
        return Actor(self.country + self.out_of_office, self.country, self.out_of_office, self.id), None


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One way of writing an actor-bearing word or phrase, and what it stands for."""

    # country | adjective | people | seat | org | igo | region | region-adjective | person | group | role
    # | ethnic (an ethnic or religious group; code = its home ISO3 or "", flags = {form, kind})
    kind: str
    code: str  # actor code; for roles, the CAMEO sector ('' for collective/anaphor words)
    name: str  # canonical name ("Russia", "NATO", "Sergey Lavrov", "foreign minister")
    source: str  # "file:key", for explanations
    flags: frozenset[str] = frozenset()
    igo_kind: str = ""  # alliance, union, agency ... (IGOs), so "the alliance" can point back
    anaphor_kinds: frozenset[str] = frozenset()  # roles like "alliance" that point back to IGOs
    needs_the: bool = False  # "the West", "the Emirates": only with the article
    person: Person | None = None


@dataclass(frozen=True, slots=True)
class Guards:
    """Context rules that stop a dictionary name from becoming an actor."""

    locative_preps: frozenset[str]
    country_locative_preps: frozenset[str]
    motion_verbs: frozenset[str]
    context_vetoes: dict[str, frozenset[str]]
    not_before: frozenset[str]
    person_names: frozenset[str]  # place names that are also given names: a PERSON tag is believed


@dataclass(frozen=True, slots=True)
class Relations:
    """Words that change what a name is to its phrase (``relations.yaml``)."""

    hyphen: dict[str, str]  # "backed" → backer, "led" → leader, "held" → holder
    stance: frozenset[str]  # "pro", "anti"
    nonstate: dict[str, dict[str, str]]  # ethnic|religious → {state sector: non-state sector}


@dataclass(frozen=True, slots=True)
class ActorKnowledge:
    """Every actor dictionary, indexed for longest-match lookup over tokens."""

    exact: dict[str, tuple[NameEntry, ...]]  # case-sensitive proper names
    folded: dict[str, tuple[NameEntry, ...]]  # lower-cased role and region words
    max_tokens: int
    people: dict[str, Person]
    country_names: dict[str, str]  # ISO3 → canonical name
    blocs: dict[str, str]  # ISO3 → the camp "its allies" means (WST)
    guards: Guards
    files: tuple[str, ...] = field(default=())
    caseless: dict[str, tuple[NameEntry, ...]] = field(default_factory=dict)  # imported, any case
    relations: Relations = field(default_factory=lambda: Relations({}, frozenset(), {}))
    # Every prefix of every key (exact keys as written, folded and caseless keys lower-cased): the
    # longest-match scan stops as soon as the text so far begins no name, which is most tokens.
    prefixes: frozenset[str] = frozenset()


def compact(text: str) -> str:
    """The lookup key of a name: its text without whitespace."""
    return "".join(text.split())


def actor_from_code(code: str, name: str | None = None) -> Actor:
    """Split an actor code into country and sector: 'RUSGOV' → (RUS, GOV); IGO codes stay whole."""
    if code == "NATO" or code.startswith(("IGO", "NGO", "IMG", "MNC")):
        return Actor(code, None, code[3:6] if code.startswith("IMG") and len(code) > 3 else None, name)
    return Actor(code, code[:3], code[3:6] or None, name)


# ---------------------------------------------------------------- reading


def _rows(path: Path) -> list[dict[str, str]]:
    """Rows of an actor dictionary TSV file, skipping '#' comment lines; a row wider than its header is refused."""
    return read_tsv(path, "actor dictionary", strict=True)


_OFFICE = Keys({"code": None, "role": None, "from": None, "until": None}, required=frozenset({"code", "from"}),
               doc="docs/actors.md")
#: A person or group with dated offices (people.yaml, groups.yaml, or a user's file).
PERSON = Keys({"id": None, "country": None, "names": None, "offices": ListOf(_OFFICE), "first": None, "last": None,
               "surname": None, "alone": None, "out_of_office": None},
              required=frozenset({"id", "offices"}), doc="docs/actors.md")
#: A plain name entry of a user's file: one or several names for one code.
NAME = Keys({"name": None, "names": None, "code": None, "kind": None}, required=frozenset({"code"}),
            doc="docs/actors.md")
#: An actor dictionary in YAML: a list of people and (in a user's file) plain name entries.
ACTOR_FILE = ListOf(Either((PERSON, NAME)))


def _yaml(path: Path, shape: Shape = ACTOR_FILE) -> Any:
    """An actor dictionary's YAML, checked against ``shape`` (unknown keys name file, line and key)."""
    return read_yaml(path, "actor dictionary", shape, empty=[])


def _split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split("|") if c.strip()]


def _as_date(value: object, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise KnowledgeError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _people(path: Path, group: bool) -> list[tuple[Person, list[str], list[str]]]:
    """(person, full names, names usable alone) for each entry of a people/groups YAML file."""
    out = []
    for item in _yaml(path):
        if isinstance(item, dict) and "code" in item and not item.get("offices"):
            continue  # a plain name entry of a user dictionary (see actor_files)
        pid = item.get("id")
        where = f"{path.name}: entry {pid!r}"
        if not pid or not item.get("offices"):
            raise KnowledgeError(f"{where} needs an id and at least one office")
        offices = []
        for o in item["offices"]:
            if "code" not in o or "from" not in o:
                raise KnowledgeError(f"{where}: every office needs code and from")
            until = _as_date(o["until"], where) if o.get("until") else None
            offices.append(Office(str(o["code"]), str(o.get("role", "")), _as_date(o["from"], where), until))
        offices.sort(key=lambda o: o.start)
        names = [f"{f} {s}" for f in item.get("first", []) for s in item.get("last", [])]
        names += [str(n) for n in item.get("names", [])]
        surnames = item.get("surname") or item.get("last") or []
        person = Person(
            pid,
            item.get("country"),
            tuple(offices),
            tuple(str(s) for s in surnames),
            str(item.get("out_of_office", OUT_OF_OFFICE)),
            group,
        )
        out.append((person, names or [pid], [str(a) for a in item.get("alone", [])]))
    return out


# Role words with no regular plural (mass nouns, or already plural).
_UNCOUNTED = frozenset(
    {
        "police",
        "media",
        "military",
        "brass",
        "intelligence",
        "leadership",
        "judiciary",
        "artillery",
        "opposition",
        "government",
    }
)


def _plurals(phrase: str) -> list[str]:
    """Regular plural of a role phrase's head word: its last (minister → ministers, ministry →
    ministries), or the one before "of" (head of state → heads of state)."""
    head, of, rest = phrase.partition(" of ")
    if of and " " not in head:
        plural = _plural_word(head)
        return [f"{plural} of {rest}"] if plural else []
    head, _, last = phrase.rpartition(" ")
    plural = _plural_word(last)
    return [f"{head} {plural}".strip()] if plural else []


def _plural_word(word: str) -> str | None:
    """A noun's regular plural, or None when it has none (mass nouns, words already plural)."""
    if word in _UNCOUNTED or word.endswith("s"):
        return None
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _title(name: str) -> str:
    """CAMEO table names are upper case: 'REPUBLIC OF SOUTH AFRICA' → 'Republic of South Africa'."""
    small = {"of", "and", "the", "da", "de"}
    words = name.title().split()
    return " ".join(w.lower() if i and w.lower() in small else w for i, w in enumerate(words))


class _Index:
    """Collects entries under compact keys, first writer wins for names of the same kind family."""

    def __init__(self) -> None:
        self.exact: dict[str, list[NameEntry]] = {}
        self.folded: dict[str, list[NameEntry]] = {}
        self.caseless: dict[str, list[NameEntry]] = {}
        self.max_tokens = 1
        self.overridden: set[tuple[str, str]] = set()  # (table, key) a user file has taken over

    def add(self, text: str, entry: NameEntry, folded: bool = False, table_name: str = "",
            override: bool = False) -> None:
        """Index ``entry`` under ``text``; ``override`` drops what earlier files said about the name."""
        needs_the = False
        if text.lower().startswith("the "):
            text, needs_the = text[4:], True
        if needs_the:
            entry = replace(entry, needs_the=True)
        name = table_name or ("folded" if folded else "exact")
        lower = folded or name == "caseless"
        key = compact(text.lower() if lower else text)
        if not key:
            return
        table = {"exact": self.exact, "folded": self.folded, "caseless": self.caseless}[name]
        bucket = table.setdefault(key, [])
        if override and (name, key) not in self.overridden:
            bucket.clear()
            self.overridden.add((name, key))
        if any(e.kind == entry.kind and e.code == entry.code and e.name == entry.name for e in bucket):
            return
        if needs_the is False:  # the article-free form supersedes a "the ..." variant of the same thing
            bucket[:] = [e for e in bucket if not (e.needs_the and e.code == entry.code)]
        elif any(e.code == entry.code and not e.needs_the for e in bucket):
            return
        bucket.append(entry)
        self.max_tokens = max(self.max_tokens, len(re.findall(r"\w+|[^\w\s]", text)))




def _add_people(index: _Index, people: dict[str, Person], path: Path, group: bool, override: bool) -> None:
    for person, names, alone in _people(path, group):
        people[person.id] = person
        kind = "group" if group else "person"
        for n in names:
            index.add(n, NameEntry(kind, "", person.id, f"{path.name}:{person.id}", person=person),
                      override=override)
        for n in alone:
            entry = NameEntry(kind, "", person.id, f"{path.name}:{person.id}", frozenset({"alone"}), person=person)
            index.add(n, entry, override=override)
