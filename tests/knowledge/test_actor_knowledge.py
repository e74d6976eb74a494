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


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("Soviet Union", "country", "USR"),
        ("USSR", "country", "USR"),
        ("Yugoslavia", "country", "YUG"),
        ("Czechoslovakia", "country", "CSK"),
        ("East Germany", "country", "DDR"),
        ("West Germany", "country", "DEU"),
        ("Malagasy", "adjective", "MDG"),
        ("Sierra Leonean", "adjective", "SLE"),
        ("Eswatini", "country", "SWZ"),
        ("Zhongnanhai", "seat", "CHNGOV"),
        ("Elysee", "seat", "FRAGOV"),
        ("court", "role", "JUD"),
        ("gunmen", "role", "REB"),
    ],
)
def test_more_names_are_indexed(name: str, kind: str, code: str) -> None:
    assert (kind, code) in _codes(name)


def test_germany_keeps_its_canonical_name_beside_west_germany() -> None:
    assert actor_knowledge().country_names["DEU"] == "Germany"


def test_every_un_member_has_a_name() -> None:
    import pycountry

    names = actor_knowledge().country_names
    territories = {"ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW",
                   "CXR", "CYM", "FRO", "GGY", "GLP", "GUF", "GUM", "HMD", "IMN", "IOT", "JEY", "MAF", "MNP",
                   "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN", "PYF", "REU", "SGS", "SHN", "SJM", "SPM",
                   "SXM", "TCA", "TKL", "UMI", "VGB", "VIR", "WLF"}
    assert {c.alpha_3 for c in pycountry.countries} - territories <= set(names)


G20_AND_WATCHED = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
                   "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "UKR", "ISR", "IRN", "PRK"]
LEADER_ROLES = ("president", "prime minister", "chancellor", "king", "leader", "premier")


@pytest.mark.parametrize("date", ["2005-09-01", "2010-06-01", "2015-06-01", "2020-06-01", "2024-06-01"])
def test_someone_leads_every_watched_state_on_each_date(date: str) -> None:
    day = dt.date.fromisoformat(date)
    people = actor_knowledge().people.values()
    missing = [c for c in G20_AND_WATCHED
               if not any(o.code == c + "GOV" and o.holds(day) and any(r in o.role for r in LEADER_ROLES)
                          for p in people for o in p.offices)]
    assert missing == []


@pytest.mark.parametrize(
    ("pid", "date", "code"),
    [
        ("Rex Tillerson", "2018-03-31", "USAGOV"),
        ("Rex Tillerson", "2018-04-01", "USAELI"),
        ("Christine Lagarde", "2015-01-01", "IGOBUSIMF"),
        ("Christine Lagarde", "2021-01-01", "IGOEUREEC"),
        ("Taliban", "2021-08-14", "AFGREB"),
        ("Taliban", "2021-08-15", "AFGGOV"),
        ("Shinzo Abe", "2010-01-01", "JPNELI"),
    ],
)
def test_more_offices_are_dated(pid: str, date: str, code: str) -> None:
    actor, _ = actor_knowledge().people[pid].actor_at(dt.date.fromisoformat(date))
    assert actor.code == code


def test_user_tsv_files_override_and_bad_files_name_themselves(tmp_path: Path) -> None:
    good = tmp_path / "mine.tsv"
    good.write_text("name\tcode\tkind\nMoscow\tRUSELI\tseat\nZorgon Front\tXYZREB\n", encoding="utf-8")
    kb = build_actor_knowledge([str(good)])
    assert [e.code for e in kb.exact[compact("Moscow")]] == ["RUSELI"]
    assert kb.exact[compact("Zorgon Front")][0].kind == "org"
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tcode\tkind\nZorgon\tXYZREB\tplanet\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="bad.tsv.*planet"):
        build_actor_knowledge([str(bad)])
    wide = tmp_path / "wide.tsv"
    wide.write_text("name\tcode\tkind\nZorgon\tXYZREB\torg\textra\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="wide.tsv: row 2 .*more tab-separated cells"):
        build_actor_knowledge([str(wide)])
    with pytest.raises(KnowledgeError, match="does not exist"):
        build_actor_knowledge([str(tmp_path / "missing.yaml")])


@pytest.mark.parametrize(
    ("name", "home", "form"),
    [
        ("Rohingya", "MMR", "people"),
        ("Uyghurs", "CHN", "people"),
        ("Kurdish", "", "adjective"),
        ("Shia", "", "adjective"),
    ],
)
def test_ethnic_and_religious_groups_are_indexed_with_their_one_home(name: str, home: str, form: str) -> None:
    entries = [e for e in actor_knowledge().exact.get(compact(name), ()) if e.kind == "ethnic"]
    assert entries and entries[0].code == home and form in entries[0].flags


@pytest.mark.parametrize(
    ("word", "relation"),
    [("backed", "backer"), ("funded", "backer"), ("led", "leader"), ("held", "holder"), ("controlled", "holder")],
)
def test_hyphen_relations_are_loaded(word: str, relation: str) -> None:
    assert actor_knowledge().relations.hyphen[word] == relation


def test_stances_and_non_state_sectors_are_loaded() -> None:
    rel = actor_knowledge().relations
    assert {"pro", "anti"} <= rel.stance and "based" not in rel.hyphen
    assert rel.nonstate["ethnic"]["GOV"] == "OPP" and rel.nonstate["ethnic"]["MIL"] == "REB"
    assert "BUS" not in rel.nonstate["ethnic"]  # only state sectors change


@pytest.mark.parametrize(("name", "code"), [("Reuters", "GBRMED"), ("New York Times", "USAMED"), ("Huawei", "CHNBUS")])
def test_outlets_and_firms_are_organisations(name: str, code: str) -> None:
    assert ("org", code) in _codes(name)


@pytest.mark.parametrize(
    ("phrase", "flags"),
    [("people", {"local", "placed", "nation"}), ("coalition", {"led"}), ("civilians", {"local"}), ("troops", set())],
)
def test_role_flags(phrase: str, flags: set[str]) -> None:
    entry = actor_knowledge().folded[compact(phrase)][0]
    assert entry.flags & {"local", "placed", "nation", "led"} == flags
