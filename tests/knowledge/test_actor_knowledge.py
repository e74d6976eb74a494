"""The actor dictionaries: loading, name variants, dated offices, code conventions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import KnowledgeError
from eventwire.knowledge.actors import actor_from_code, actor_knowledge, build_actor_knowledge, compact


def _codes(key: str) -> set[tuple[str, str]]:
    kb = actor_knowledge()
    return {(e.kind, e.code) for e in kb.exact.get(compact(key), ())} | {
        (e.kind, e.code) for e in kb.folded.get(compact(key.lower()), ())
    }


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("U.S.", "country", "USA"),
        ("America", "country", "USA"),
        ("Britain", "country", "GBR"),
        ("Turkish", "adjective", "TUR"),
        ("North Korean", "adjective", "PRK"),
        ("Emirati", "adjective", "ARE"),
        ("Russians", "people", "RUS"),
        ("Moldova", "country", "MDA"),
        ("Kiev", "seat", "UKRGOV"),
        ("Pentagon", "seat", "USAMIL"),
        ("NATO", "igo", "NATO"),
        ("United Nations", "igo", "IGOUNO"),
        ("IAEA", "igo", "IGOUNOIAE"),
        ("foreign ministers", "role", "GOV"),
        ("spokesmen", "role", "GOV"),
        ("ministries", "role", "GOV"),
        ("troops", "role", "MIL"),
        ("TASS", "org", "RUSMED"),
    ],
)
def test_names_are_indexed(name: str, kind: str, code: str) -> None:
    assert (kind, code) in _codes(name)


@pytest.mark.parametrize("name", ["turkey", "china", "jordan", "Tel Aviv", "Soviet"])
def test_lowercase_words_and_non_capitals_are_not_countries(name: str) -> None:
    assert not {k for k, _ in _codes(name) if k in ("country", "seat")}


@pytest.mark.parametrize(
    ("pid", "date", "code"),
    [
        ("Dmitry Medvedev", "2010-01-01", "RUSGOV"),
        ("Dmitry Medvedev", "2015-01-01", "RUSGOV"),
        ("Jens Stoltenberg", "2024-09-30", "NATO"),
        ("Jens Stoltenberg", "2024-10-02", "NORELI"),
        ("Mark Rutte", "2024-10-01", "NATO"),
        ("Joe Biden", "2018-06-01", "USAELI"),
        ("Benjamin Netanyahu", "2022-01-01", "ISROPP"),
        ("Antonio Guterres", "2010-01-01", "IGOUNOREFHCR"),
    ],
)
def test_offices_are_dated(pid: str, date: str, code: str) -> None:
    actor, _ = actor_knowledge().people[pid].actor_at(dt.date.fromisoformat(date))
    assert actor.code == code


def test_no_date_means_the_latest_office() -> None:
    actor, office = actor_knowledge().people["Sergei Shoigu"].actor_at(None)
    assert actor.code == "RUSGOV" and office is not None and "security council" in office.role


def test_codes_split_into_country_and_sector() -> None:
    assert actor_from_code("RUSMIL") == actor_from_code("RUSMIL", None)
    assert (actor_from_code("RUSMIL").country, actor_from_code("RUSMIL").sector) == ("RUS", "MIL")
    assert (actor_from_code("NATO").country, actor_from_code("IGOUNO").country) == (None, None)


def test_every_person_office_code_is_well_formed() -> None:
    kb = actor_knowledge()
    countries = set(kb.country_names)
    for person in kb.people.values():
        for office in person.offices:
            actor = actor_from_code(office.code)
            assert actor.country is None or actor.country in countries, (person.id, office.code)
            assert office.until is None or office.until >= office.start, person.id


def test_a_malformed_people_file_names_itself(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text("- id: Nobody\n  offices:\n    - {code: XXXGOV, from: someday}\n")
    with pytest.raises(KnowledgeError, match="extra.yaml.*Nobody"):
        build_actor_knowledge([str(tmp_path)])


def test_user_people_files_extend_the_dictionary(tmp_path: Path) -> None:
    (tmp_path / "local.yaml").write_text(
        "- id: Ana Invented\n  first: [Ana]\n  last: [Invented]\n  country: PRT\n"
        "  offices:\n    - {code: PRTGOV, role: mayor, from: 2020-01-01}\n"
    )
    kb = build_actor_knowledge([str(tmp_path)])
    assert kb.exact[compact("Ana Invented")][0].person is kb.people["Ana Invented"]
