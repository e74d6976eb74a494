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

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from .actor_files import load_user_file

# the records (and the name index) live in actor_records, shared with the user-file reader; re-exported
from .actor_records import (
    OUT_OF_OFFICE,
    ActorKnowledge,
    Guards,
    NameEntry,
    Office,
    Person,
    Relations,
    _add_people,
    _Index,
    _plurals,
    _rows,
    _split,
    _title,
    _yaml,
    actor_from_code,
    compact,
)
from .files import Keys, MapOf, data_path
from .places import gazetteer

ACTOR_DIR = "actors"
#: Acronyms at least this long are also known in the title case British style writes them in
#: ("Nato", "Unicef", "Farc", "Monusco"); a shorter one's title case is often a word ("Us", "Eu").
MIN_TITLE_CASE_ACRONYM = 4

#: Entry kinds that name a country-level actor (their ``code`` is an ISO3 or region code).
PLACE_KINDS = frozenset({"country", "adjective", "people", "seat", "region", "region-adjective"})


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


#: relations.yaml: hyphenated relation words by kind, stance words, and non-state sectors by kind.
RELATIONS = Keys({"hyphen": MapOf(None), "stance": None, "nonstate": MapOf(MapOf(None))}, doc="docs/actors.md")
#: guards.yaml: the word lists and context vetoes that keep a name from being read as an actor.
GUARDS = Keys({"context_vetoes": MapOf(None), "country_locative_preps": None, "locative_preps": None,
               "motion_verbs": None, "not_before": None, "person_names": None}, doc="docs/actors.md")


def _load_relations(base: Path) -> Relations:
    data = _yaml(base / "relations.yaml", RELATIONS)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{base / 'relations.yaml'} must be a mapping (hyphen, stance, nonstate)")
    hyphen = {str(w).lower(): str(kind) for kind, ws in (data.get("hyphen") or {}).items() for w in ws or []}
    nonstate = {str(k): {str(a): str(b) for a, b in (v or {}).items()} for k, v in (data.get("nonstate") or {}).items()}
    return Relations(hyphen, frozenset(str(w).lower() for w in data.get("stance") or []), nonstate)


def _load_guards(base: Path) -> Guards:
    data = _yaml(base / "guards.yaml", GUARDS)
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
        load_user_file(path, index, people, country_names)
    _add_title_case_acronyms(index)
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


def _add_title_case_acronyms(index: _Index) -> None:
    """Index each long all-capitals name also in title case ("NATO" as "Nato"), unless that spelling
    already names something else or a place (SANA, the Syrian agency, is no "Sana")."""
    cities = gazetteer().cities
    for key, entries in list(index.exact.items()):
        if len(key) < MIN_TITLE_CASE_ACRONYM or not (key.isalpha() and key.isupper()):
            continue
        title = key.title()
        if title in index.exact or title.lower() in cities:
            continue
        for entry in entries:
            index.add(title, entry)


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
    "OUT_OF_OFFICE",
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
