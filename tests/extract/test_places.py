"""Where events happened: locatives in the trigger's clause, the lead's dateline, and what is no place."""

from __future__ import annotations

import pytest

from eventwire.extract.actors import find_mentions
from eventwire.extract.places import event_place, gazetteer, place_country
from eventwire.knowledge.actors import actor_knowledge


def _place(parse_story, text: str, trigger: str, title: str | None = "") -> str | None:  # type: ignore[no-untyped-def]
    parsed = parse_story(text, title=title)
    token = [t.i for t in parsed.tokens if t.text == trigger][0]
    return event_place(parsed, find_mentions(parsed), token, actor_knowledge())


LOCATIVES = [
    ("In September, a car bomb in Kiev killed another man who had fought on the other side.", "killed", "UKR"),
    ("Israeli jets struck targets in the Gaza Strip on Monday.", "struck", "PSE"),
    ("Clashes erupted near Donetsk overnight.", "erupted", "UKR"),
    ("Rebels attacked a convoy in the city of Idlib.", "attacked", "SYR"),
    ("Police arrested two men in eastern Syria.", "arrested", "SYR"),
    ("Soldiers opened fire on protesters in Mandalay.", "opened", "MMR"),  # a gazetteer city
    ("Delegates met at Geneva to discuss the ceasefire.", "met", "CHE"),
    # a name longer than its head: never the head alone ("Republic" is also a town in Missouri)
    ("Rebels surrendered to the army in the Democratic Republic of Congo.", "surrendered", "COD"),
    ("Protesters clashed with police in the Republic of Ireland.", "clashed", "IRL"),
    # a name its place noun ends is one place, not the noun's "of"-less self
    ("A curfew was imposed in New York City on Sunday.", "imposed", "USA"),
    ("Gunmen stormed a bank in Kuwait City.", "stormed", "KWT"),
    # provinces and states (pycountry's subdivisions): by the noun that says so, or named as a place
    ("Gunmen kidnapped forty pupils in Zamfara State.", "kidnapped", "NGA"),
    ("Militants torched a school in Nangarhar province.", "torched", "AFG"),
    ("Troops were deployed in the province of Alta Verapaz.", "deployed", "GTM"),
    ("Floods displaced thousands in Sabah last week.", "displaced", "MYS"),
]


@pytest.mark.parametrize(("text", "trigger", "country"), LOCATIVES)
def test_a_locative_in_the_clause_places_the_event(parse_story, text: str, trigger: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert _place(parse_story, text, trigger) == country


NO_PLACE = [
    ("Russia attacked Ukraine on Thursday.", "attacked"),  # participants are not places
    ("The minister said talks in Geneva had failed.", "said"),  # the place belongs to another clause
    ("The army shelled positions in the area.", "shelled"),  # a common noun is not a place
    ("Officials met in Springfieldia to talk.", "met"),  # an unknown name stays unknown
]


@pytest.mark.parametrize(("text", "trigger"), NO_PLACE)
def test_no_known_place_means_none(parse_story, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert _place(parse_story, text, trigger) is None


def test_the_dateline_places_body_sentences(parse_story) -> None:  # type: ignore[no-untyped-def]
    text = "KYIV, Ukraine (AP) — Russian forces shelled the town overnight.\n\nThe ministry said it would respond."
    assert _place(parse_story, text, "respond", title="Shelling overnight") == "UKR"


def test_a_locative_beats_the_dateline(parse_story) -> None:  # type: ignore[no-untyped-def]
    text = "MOSCOW (Reuters) — Troops clashed in Gaza on Monday, officials said.\n\nMore followed."
    assert _place(parse_story, text, "clashed", title="Clashes") == "PSE"


def test_without_a_dateline_body_sentences_have_no_place(parse_story) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry said it would respond.\n\nNothing else happened."
    assert _place(parse_story, text, "respond", title="Statement") is None


@pytest.mark.parametrize(
    ("name", "country"),
    [("Kharkiv", "UKR"), ("Mosul", "IRQ"), ("Crimea", "UKR"), ("Lagos", "NGA"), ("Texas", "USA")],
)
def test_gazetteer_names(name: str, country: str) -> None:

    assert gazetteer().country_of(name, actor_knowledge()) == country


def test_a_division_two_countries_share_is_left_out() -> None:
    # eight countries have a "Central" province or region: the name alone says none of them
    assert "central" not in gazetteer().divisions
    assert gazetteer().country_of("Zamfara", actor_knowledge(), divisions=True) == "NGA"
    assert gazetteer().country_of("Zamfara", actor_knowledge()) is None  # only where the text says place


def test_a_person_name_is_not_a_gazetteer_city(parse_story) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_story("The award went to Angela Merkel in Berlin.", title="")
    merkel = [t.i for t in parsed.tokens if t.text == "Merkel"][0]
    assert place_country(parsed, merkel, actor_knowledge()) is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [("In late March the rebels released the prisoners.", "released"), ("In May the talks resumed.", "resumed")],
)
def test_a_month_is_not_a_town(parse_story, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    # "March" and "May" are also towns in the gazetteer; NER calls them dates here
    assert _place(parse_story, text, trigger) is None


def test_the_users_actor_files_name_places_for_events_too(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    # a place only the user's dictionary knows: the event's place and a visit's target are read from it,
    # not from the shipped dictionaries alone (events and places once ignored --actors files)
    from eventwire.config import Settings
    from eventwire.pipeline import code_text

    mine = tmp_path / "mine.tsv"
    mine.write_text("name\tcode\tkind\nZorgrad\tMDGGOV\tseat\n", encoding="utf-8")
    text = "Kenya's president flew to Zorgrad on Monday. Kenyan troops attacked rebels in Zorgrad."
    plain = code_text(text, published="2020-03-02")
    mine_too = code_text(text, published="2020-03-02", settings=Settings(actor_files=(str(mine),)))
    assert not any(e.place == "MDG" for e in plain.events)
    assert any(e.place == "MDG" for e in mine_too.events if e.cameo.startswith("19")), mine_too.events
    assert any(e.target and e.target.actor.code[:3] == "MDG" for e in mine_too.events if e.cameo.startswith("04"))
