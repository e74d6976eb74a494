"""User actor dictionaries (``--actors FILE``): YAML, TSV and PETRARCH files layered over the shipped ones.

The formats are described in ``eventwire.knowledge.actors`` and docs/actors.md. YAML and TSV names
override the shipped entries of the same name; PETRARCH entries go to a case-insensitive table
that only adds names, since those dictionaries are written in upper case and are much larger.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import KnowledgeError
from .actor_records import OUT_OF_OFFICE, NameEntry, Office, Person, _add_people, _Index, _plurals, _rows, _yaml
from .petrarch import PetrarchEntry, looks_like_petrarch, read_petrarch

#: Kinds a YAML/TSV entry may declare, and the table its names go to.
USER_KINDS = {
    "org": "exact",
    "country": "exact",
    "seat": "exact",
    "igo": "exact",
    "region": "exact",
    "role": "folded",
}


def load_user_file(path: Path, index: _Index, people: dict[str, Person], countries: dict[str, str]) -> None:
    """Add one user dictionary file to the index (and its people to ``people``)."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        _load_yaml(path, index, people)
    elif suffix == ".tsv":
        _load_tsv(path, index)
    elif looks_like_petrarch(path):
        _load_petrarch(path, index, people, countries)
    else:
        raise KnowledgeError(
            f"actor dictionary {path}: unknown format; use .yaml, .tsv or a PETRARCH .actors file"
        )


def _entry(kind: str, code: str, name: str, source: str) -> NameEntry:

    if kind not in USER_KINDS:
        raise KnowledgeError(f"{source}: kind {kind!r} is not one of {', '.join(USER_KINDS)}")
    if not code or not code.replace("~", "").isalnum():
        raise KnowledgeError(f"{source}: code {code!r} is not a CAMEO code like RUSGOV or IGOUNO")
    return NameEntry(kind, code.upper(), name, source)


def _add(index: _Index, name: str, entry: NameEntry) -> None:

    folded = USER_KINDS[entry.kind] == "folded"
    for form in [name, *(_plurals(name.lower()) if folded else [])]:
        index.add(form.lower() if folded else form, entry, folded=folded, override=True)


def _load_yaml(path: Path, index: _Index, people: dict[str, Person]) -> None:

    items = _yaml(path)
    if not isinstance(items, list):
        raise KnowledgeError(f"{path}: an actor dictionary must be a YAML list of entries")
    if any(isinstance(i, dict) and i.get("offices") for i in items):
        _add_people(index, people, path, False, True)
    for item in items:
        if not isinstance(item, dict):
            raise KnowledgeError(f"{path}: every entry must be a mapping, not {item!r}")
        if item.get("offices"):
            continue
        names = [str(n) for n in item.get("names") or ([item["name"]] if item.get("name") else [])]
        if not names:
            raise KnowledgeError(f"{path}: entry {item!r} needs names (or offices for a person)")
        kind = str(item.get("kind", "org"))
        entry = _entry(kind, str(item.get("code", "")), names[0], f"{path.name}:{names[0]}")
        for n in names:
            _add(index, n, entry)


def _load_tsv(path: Path, index: _Index) -> None:

    rows = _rows(path)
    if rows and not {"name", "code"} <= set(rows[0]):
        raise KnowledgeError(f"{path}: the first line must be the header 'name<TAB>code[<TAB>kind]'")
    for row in rows:
        entry = _entry(row.get("kind") or "org", row["code"], row["name"], f"{path.name}:{row['name']}")
        _add(index, row["name"], entry)


def _load_petrarch(path: Path, index: _Index, people: dict[str, Person], countries: dict[str, str]) -> None:

    book = read_petrarch(path)
    source = path.name
    for e in book.entries:
        first = e.names[0]
        if e.agent:
            sector = e.codes[-1].code
            entry = NameEntry("role", sector, first.lower(), f"{source}:{first}")
            for n in e.names + e.plurals:
                for form in [n.lower(), *(() if e.plurals else _plurals(n.lower()))]:
                    index.add(form, entry, folded=True)
            continue
        if e.dated:
            person = _person(e, source)
            people.setdefault(person.id, person)
            entry = NameEntry("person", "", person.id, f"{source}:{first}", person=person)
        else:
            code = e.default or ""
            kind = "country" if code in countries else "org"
            entry = NameEntry(kind, code, countries.get(code, first), f"{source}:{first}")
        for n in e.names:
            index.add(n, entry, table_name="caseless")


def _person(e: PetrarchEntry, source: str) -> Person:
    """A dated PETRARCH entry as a Person: each dated code an office."""

    offices = tuple(
        sorted(
            (Office(c.code, "", c.start or dt.date(1900, 1, 1), c.until) for c in e.dated),
            key=lambda o: o.start,
        )
    )
    default = e.default
    country = default[:3] if default and len(default) >= 6 else None
    return Person(e.names[0], country, offices, (), default[3:] if country and default else OUT_OF_OFFICE,
                  False, default)


__all__ = ["USER_KINDS", "load_user_file"]
