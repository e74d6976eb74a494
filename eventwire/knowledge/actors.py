"""Actor knowledge: countries, seats of power, IGOs, roles, regions and dated offices, loaded once.

The data lives in ``eventwire/knowledge/actors/`` (TSV and YAML, one file per kind of fact); this
module reads it into name indices that the extractor (``eventwire.extract.actors``) matches against
token sequences. Names are keyed by their text with whitespace removed, so a key matches whatever
way spaCy cut the name into tokens ("Secretary-General", "Kim Jong-un", "U.S.").

User dictionaries (``--actors FILE``, ``Settings.actor_files``) are layered over the shipped ones;
each may be a file or a folder of files, in one of three formats:

* YAML (``.yaml``/``.yml``): a list of entries. An entry with ``offices`` is a person or group in
  the schema of ``people.yaml``; any other entry is ``{names: [...], code: XXXGOV, kind: org}``
  where kind is one of org (default), country, seat, igo, role (code = sector) or region.
* TSV (``.tsv``): a header ``name<TAB>code[<TAB>kind]``, then one name a line.
* PETRARCH/TABARI dictionaries (``.actors``/``.agents``, or any file in that format): read
  unchanged by ``eventwire.knowledge.petrarch``; their names match in any case once capitalised.

A YAML or TSV name replaces every shipped entry under the same name (a user's word is final);
PETRARCH names only add to the shipped ones. See docs/actors.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError
from ..records import Actor
from . import EXTRA, data_path, read_tsv

ACTOR_DIR = "actors"

#: Entry kinds that name a country-level actor (their ``code`` is an ISO3 or region code).
PLACE_KINDS = frozenset({"country", "adjective", "people", "seat", "region", "region-adjective"})


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


@dataclass(frozen=True, slots=True)
class Person:
    """A person (or an armed group) whose code depends on the date: offices over time."""

    id: str
    country: str | None
    offices: tuple[Office, ...]
    surnames: tuple[str, ...] = ()
    out_of_office: str = "ELI"
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
    rows = read_tsv(path, "actor dictionary")
    for n, row in enumerate(rows, start=2):  # row 1 is the header
        if EXTRA in row:
            raise KnowledgeError(f"{path}: row {n} ({row.get('name') or next(iter(row.values()), '')!r}) has more "
                                 "tab-separated cells than the header has columns; remove the extra tabs")
    return rows


def _yaml(path: Path) -> list[dict]:  # type: ignore[type-arg]
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise KnowledgeError(f"cannot read actor dictionary {path}: {exc}") from None
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path} is not valid YAML: {exc}") from None
    return data or []


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
            str(item.get("out_of_office", "ELI")),
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
    """Regular plural of a role phrase's last word (minister → ministers, ministry → ministries)."""
    head, _, last = phrase.rpartition(" ")
    if last in _UNCOUNTED or last.endswith("s"):
        return []
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return [f"{head} {plural}".strip()]


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


def _load_countries(index: _Index, base: Path) -> tuple[dict[str, str], dict[str, str]]:
    import pycountry

    names: dict[str, str] = {}
    blocs: dict[str, str] = {}
    src = "countries.tsv"
    for row in _rows(base / src):
        code = row["code"]
        if len(code) != 3 or not code.isupper():
            raise KnowledgeError(f"{src}: code {code!r} is not an ISO3/CAMEO country code")
        cnames = _split(row["names"])
        names.setdefault(code, cnames[0] if cnames else code)  # a second row (West Germany) adds names
        if row.get("bloc"):
            blocs[code] = row["bloc"]
        for n in cnames:
            index.add(n, NameEntry("country", code, names[code], f"{src}:{code}"))
        for a in _split(row.get("adjectives", "")):
            index.add(a, NameEntry("adjective", code, names[code], f"{src}:{code}"))
        for p in _split(row.get("people", "")):
            index.add(p, NameEntry("people", code, names[code], f"{src}:{code}"))
    # Every other country under its ISO/CAMEO names, unless our table already claims the key.
    extra: list[tuple[str, str]] = []
    for c in pycountry.countries:
        for label in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if label:
                extra.append((c.alpha_3, str(label)))
    for row in _rows(data_path("cameo_countries.tsv")):
        extra.append((row["code"], _title(row["name"])))
    for code, n in extra:
        if "," in n or "(" in n or compact(n) in index.exact:
            continue
        names.setdefault(code, n)
        index.add(n, NameEntry("country", code, names[code], f"iso3166:{code}"))
    return names, blocs


def _load_tables(index: _Index, base: Path) -> None:
    for row in _rows(base / "seats.tsv"):
        index.add(
            row["name"],
            NameEntry("seat", row["code"], row["name"].removeprefix("the "), f"seats.tsv:{row['name']}"),
        )
    for row in _rows(base / "organizations.tsv"):
        index.add(row["name"], NameEntry("org", row["code"], row["name"], f"organizations.tsv:{row['name']}"))
    for row in _rows(base / "igos.tsv"):
        names = _split(row["names"])
        for n in names:
            index.add(
                n, NameEntry("igo", row["code"], names[0], f"igos.tsv:{names[0]}", igo_kind=row["kind"])
            )
    for row in _rows(base / "regions.tsv"):
        form = row["form"]
        entry = NameEntry(
            "region" if form == "name" else "region-adjective",
            row["code"],
            row["word"],
            f"regions.tsv:{row['word']}",
        )
        index.add(row["word"], entry, folded=form != "name")
    for row in _rows(base / "roles.tsv"):
        phrase = row["phrase"].lower()
        flags = {f for f in row.get("flags", "").split(",") if f and not f.startswith("anaphor:")}
        kinds = {
            k
            for f in row.get("flags", "").split(",")
            if f.startswith("anaphor:")
            for k in f.split(":", 1)[1].split("+")
        }
        entry = NameEntry(
            "role",
            row["sector"].strip(),
            phrase,
            f"roles.tsv:{phrase}",
            frozenset(flags),
            anaphor_kinds=frozenset(kinds),
        )
        for form in [phrase, *_plurals(phrase)]:
            index.add(form, entry, folded=True)


def _load_peoples(index: _Index, base: Path) -> None:
    src = "peoples.tsv"
    for row in _rows(base / src):
        form, kind, home = row["form"], row["kind"], row.get("home", "")
        if form not in ("adjective", "people") or kind not in ("ethnic", "religious"):
            raise KnowledgeError(f"{src}: {row['name']!r} needs form adjective|people and kind ethnic|religious")
        if home and (len(home) != 3 or not home.isupper()):
            raise KnowledgeError(f"{src}: home {home!r} of {row['name']!r} is not an ISO3 code")
        index.add(row["name"], NameEntry("ethnic", home, row["name"], f"{src}:{row['name']}", frozenset({form, kind})))


def _load_relations(base: Path) -> Relations:
    data = _yaml(base / "relations.yaml")
    if not isinstance(data, dict):
        raise KnowledgeError(f"{base / 'relations.yaml'} must be a mapping (hyphen, stance, nonstate)")
    hyphen = {str(w).lower(): str(kind) for kind, ws in (data.get("hyphen") or {}).items() for w in ws or []}
    nonstate = {str(k): {str(a): str(b) for a, b in (v or {}).items()} for k, v in (data.get("nonstate") or {}).items()}
    return Relations(hyphen, frozenset(str(w).lower() for w in data.get("stance") or []), nonstate)


def _load_guards(base: Path) -> Guards:
    data = _yaml(base / "guards.yaml")
    if not isinstance(data, dict):
        raise KnowledgeError(f"{base / 'guards.yaml'} must be a mapping of guard lists")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data.get(key) or [])

    vetoes = {
        str(k): frozenset(str(w) for w in (v or [])) for k, v in (data.get("context_vetoes") or {}).items()
    }
    return Guards(
        words("locative_preps"),
        words("country_locative_preps"),
        words("motion_verbs"),
        vetoes,
        words("not_before"),
        words("person_names"),
    )


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


def build_actor_knowledge(extra: Iterable[str] = ()) -> ActorKnowledge:
    """Read the shipped actor dictionaries, then the user's files or folders in ``extra``, in order."""
    base = data_path(ACTOR_DIR)
    index = _Index()
    country_names, blocs = _load_countries(index, base)
    _load_tables(index, base)
    _load_peoples(index, base)
    people: dict[str, Person] = {}
    for path in sorted(base.glob("people*.yaml")):  # people.yaml, people_world.yaml, ...
        _add_people(index, people, path, False, False)
    _add_people(index, people, base / "groups.yaml", True, False)
    files = user_files(extra)
    for path in files:
        from .actor_files import load_user_file

        load_user_file(path, index, people, country_names)
    exact = {k: tuple(v) for k, v in index.exact.items() if v}
    folded = {k: tuple(v) for k, v in index.folded.items() if v}
    caseless = {k: tuple(v) for k, v in index.caseless.items() if v}
    return ActorKnowledge(
        exact=exact,
        folded=folded,
        max_tokens=min(index.max_tokens, 12),
        people=people,
        country_names=country_names,
        blocs=blocs,
        guards=_load_guards(base),
        files=(str(base), *(str(p) for p in files)),
        caseless=caseless,
        relations=_load_relations(base),
        prefixes=_prefixes(exact, folded, caseless),
    )


def _prefixes(exact: dict[str, Any], folded: dict[str, Any], caseless: dict[str, Any]) -> frozenset[str]:
    """Every prefix of every lookup key; folded and caseless keys are matched lower-cased."""
    out: set[str] = set()
    for keys, lower in ((exact, False), (folded, True), (caseless, True)):
        for key in keys:
            k = key.lower() if lower else key
            out.update(k[:n] for n in range(1, len(k) + 1))
    return frozenset(out)


def user_files(extra: Iterable[str]) -> list[Path]:
    """The dictionary files named by ``extra``: files as given, folders as their dictionary files."""
    out: list[Path] = []
    for item in extra:
        p = Path(item)
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.suffix.lower() in USER_SUFFIXES and f.is_file())
        elif p.is_file():
            out.append(p)
        else:
            raise KnowledgeError(f"actor dictionary {item} does not exist; check the --actors path")
    return out


#: File endings read from a user's dictionary folder.
USER_SUFFIXES = frozenset({".yaml", ".yml", ".tsv", ".actors", ".agents"})


@lru_cache(maxsize=8)
def actor_knowledge(files: tuple[str, ...] = ()) -> ActorKnowledge:
    """The shipped actor knowledge plus the user's ``files``, read once per process and file list."""
    return build_actor_knowledge(files)


__all__ = [
    "ActorKnowledge",
    "Guards",
    "NameEntry",
    "Office",
    "Person",
    "Relations",
    "actor_from_code",
    "actor_knowledge",
    "build_actor_knowledge",
    "compact",
    "user_files",
]
