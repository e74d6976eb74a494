"""The PETRARCH/TABARI dictionary importer: names, synonyms, dated codes, agents, and the real Phoenix files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.knowledge.actors import build_actor_knowledge, compact
from eventwire.knowledge.petrarch import looks_like_petrarch, news_name, parse_code, parse_date, read_petrarch
from tests.conftest import SHARED, needs_shared

ACTORS = """\
# a comment line
FREEDONIA_  [FRD]
+FREEDONIAN_
+GRAND_FENWICK_CAPITAL_

RUFUS_T._FIREFLY_  # a dated leader
+PRESIDENT_FIREFLY_
\t[FRDGOV 330101-331231]
\t[FRDELI]
TRENTINO_
AMBASSADOR_TRENTINO_
\t[SYLGOV >20100701]
BROKEN_ENTRY_
\t[FRDGOV 2004017-20061201]
NO_CODE_AT_ALL_

SYLVANIAN_FRONT_ [SYLREB] # inline code
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
ZOOKEEP!PERSON! [~AGR]
GOATHERD {GOATHERDS} [~AGR]
"""


@pytest.mark.parametrize(
    ("text", "date"),
    [("331108", dt.date(1933, 11, 8)), ("100701", dt.date(2010, 7, 1)), ("20120219", dt.date(2012, 2, 19))],
)
def test_tabari_dates(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("bad", ["2004017", "9008223", "2010050", "abcdef"])
def test_malformed_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_date(bad)


@pytest.mark.parametrize(
    ("cell", "start", "until"),
    [
        ("AFGGOV >100701", dt.date(2010, 7, 1), None),
        ("USRARM <900823", None, dt.date(1990, 8, 23)),
        ("AFGGOV 050201-091231", dt.date(2005, 2, 1), dt.date(2009, 12, 31)),
        ("AFGELI", None, None),
    ],
)
def test_code_cells(cell: str, start: dt.date | None, until: dt.date | None) -> None:
    code = parse_code(cell)
    assert (code.code, code.start, code.until) == (cell.split()[0], start, until)


@pytest.mark.parametrize(
    ("raw", "name"),
    [("UNITED_NATIONS_", "United Nations"), ("U.N._", "U.N."), ("NATO", "NATO"),
     ("SECRETARY_OF_STATE_", "Secretary of State"), ("BAN_KI-MOON_", "Ban Ki-Moon")],
)
def test_names_are_written_as_news_writes_them(raw: str, name: str) -> None:
    assert news_name(raw) == name


def test_a_small_actors_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.actors"
    path.write_text(ACTORS, encoding="utf-8")
    book = read_petrarch(path)
    by_name = {e.names[0]: e for e in book.entries}
    assert by_name["Freedonia"].names == ("Freedonia", "Freedonian", "Grand Fenwick Capital")
    assert by_name["Freedonia"].default == "FRD" and not by_name["Freedonia"].dated
    firefly = by_name["Rufus T. Firefly"]
    assert firefly.default == "FRDELI" and firefly.dated[0].until == dt.date(1933, 12, 31)
    # names in a row with no code between them share the codes that follow
    assert by_name["Trentino"].names == ("Trentino", "Ambassador Trentino")
    assert by_name["Sylvanian Front"].default == "SYLREB"
    assert book.skipped == 2 and any("2004017" in p for p in book.problems)  # bad date; a name with no code


def test_agents_expand_substitution_sets(tmp_path: Path) -> None:
    path = tmp_path / "tiny.agents"
    path.write_text(AGENTS, encoding="utf-8")
    book = read_petrarch(path)
    names = {n for e in book.entries for n in e.names}
    assert {"Zookeepman", "Zookeepmen", "Zookeepwoman"} <= names
    goat = [e for e in book.entries if e.names == ("Goatherd",)][0]
    assert goat.agent and goat.default == "AGR" and goat.plurals == ("Goatherds",)


def test_format_is_detected_by_content(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "b.txt").write_text("just some prose, not a dictionary\n", encoding="utf-8")
    assert looks_like_petrarch(tmp_path / "a.txt") and not looks_like_petrarch(tmp_path / "b.txt")


def test_imported_people_resolve_by_date_and_names_in_any_case(tmp_path: Path) -> None:
    path = tmp_path / "tiny.actors"
    path.write_text(ACTORS, encoding="utf-8")
    kb = build_actor_knowledge([str(path)])
    entry = kb.caseless[compact("rufus t. firefly")][0]
    assert entry.person is not None
    assert entry.person.actor_at(dt.date(1933, 6, 1))[0].code == "FRDGOV"
    assert entry.person.actor_at(dt.date(1950, 6, 1))[0].code == "FRDELI"  # the undated code outside
    assert compact("freedonia") in kb.caseless and compact("Freedonia") not in kb.exact


@needs_shared
def test_the_phoenix_dictionaries_load_and_resolve(parse_story) -> None:  # type: ignore[no-untyped-def]
    from eventwire.extract.actors import find_mentions

    files = tuple(str(p) for p in sorted((SHARED / "petrarch").glob("Phoenix.*")))
    kb = build_actor_knowledge(files)
    assert len(kb.caseless) > 20000
    parsed = parse_story("Rangin Dadfar Spanta met Boko Haram leaders and the Afghan National Army.",
                         published="2008-06-01")
    pairs = {(m.text, m.actor.code) for m in find_mentions(parsed, kb)}
    assert ("Rangin Dadfar Spanta", "AFGGOV") in pairs  # foreign minister in 2008, by the file's dates
    assert ("the Afghan National Army", "AFGMIL") in pairs
