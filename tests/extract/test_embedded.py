"""Events in embedded clauses: what a governing word or a reporting verb does to them."""

from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.pipeline import code_text

UNKNOWN = Settings(keep_unknown_actors=True)


def _events(text: str, settings: Settings | None = None) -> list[tuple[str, str, str, bool]]:
    """(source, cameo, target, hypothetical) of every event coded in ``text``."""
    coded = code_text(text, published="2020-03-02", settings=settings)
    return [(e.source.actor.code, e.cameo, e.target.actor.code if e.target else "", e.hypothetical)
            for e in coded.events]


@pytest.mark.parametrize("text", [
    "Spain would not give permission to Morocco to help Algeria.",
    "Portugal did not send ships to help Cyprus.",
    "Ecuador never allowed Colombia to attack the rebels.",
])
def test_an_infinitive_under_a_negated_predicate_did_not_happen(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in _events(text) if e[1][:2] in ("07", "19")], _events(text)


def test_the_same_infinitive_under_a_plain_predicate_is_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    assert any(e[1].startswith("07") and e[2].startswith("TGO") for e in _events("Ghana sent troops to help Togo."))


@pytest.mark.parametrize(("text", "root"), [
    ("Brazil faces pressure from its neighbours to help Bolivia.", "07"),
    ("Kenya drew up plans to attack the militants in Somalia.", "19"),
])
def test_an_infinitive_on_a_noun_is_wanted_or_planned_not_done(nlp, text: str, root: str) -> None:  # type: ignore[no-untyped-def]
    coded = [e for e in _events(text, UNKNOWN) if e[1].startswith(root)]
    assert coded and all(e[3] for e in coded), coded


@pytest.mark.parametrize("text", [
    "Chile said a rocket was fired at it from Peru.",
    "Officials in Norway said two fishermen were killed near the border.",
])
def test_an_agentless_passive_in_reported_speech_is_not_the_speakers_act(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    speakers = {"CHL", "NOR", "NORGOV", "CHLGOV"}
    force = [e for e in _events(text, UNKNOWN) if e[1][:2] in ("18", "19")]
    assert force, "the act is still coded, with an unnamed agent"
    assert not [e for e in force if e[0] in speakers], force


def test_a_passive_with_its_agent_named_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _events("Chile said a rocket was fired at it by Peru.")
    assert any(e[0].startswith("PER") and e[1][:2] in ("19", "18") for e in got), got


@pytest.mark.parametrize(("text", "codes"), [
    ("Chilean and Argentine activists staged a protest outside the parliament.", {"CHL", "ARG"}),
    ("Kenyan and Ugandan troops attacked the militants.", {"KEN", "UGA"}),
])
def test_every_conjunct_of_a_shared_role_is_a_source(nlp, text: str, codes: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert {e[0][:3] for e in _events(text)} >= codes, _events(text)


def test_coordinated_leaders_meeting_meet_each_other(nlp) -> None:  # type: ignore[no-untyped-def]
    got = {(e[0][:3], e[2][:3]) for e in _events("The Peruvian and Bolivian leaders met in La Paz.")}
    assert {("PER", "BOL"), ("BOL", "PER")} <= got, got


def _unresolved(text: str) -> list[tuple[str, str, str]]:
    """(source text, cameo, target) of the events coded by default whose agent no dictionary knows."""
    coded = code_text(text, published="2020-03-02")
    return [(e.source.text, e.cameo, e.target.actor.code if e.target else "") for e in coded.events
            if e.actor_unresolved]


@pytest.mark.parametrize(("text", "who", "root"), [
    ("A suicide bomber killed five soldiers in Kandahar.", "bomber", "1"),
    ("Striking dockworkers blockaded the port of Valparaiso.", "dockworkers", "1"),
    ("Pro-democracy activist Maria Ortega criticized the Chilean government.", "Ortega", "11"),
    ("Masked smugglers attacked a customs post near the Bolivian border.", "smugglers", "1"),
])
def test_people_no_dictionary_knows_are_coded_as_unresolved_agents(nlp, text: str, who: str, root: str) -> None:  # type: ignore[no-untyped-def]
    got = _unresolved(text)
    assert any(who in src and code.startswith(root) for src, code, _ in got), got


@pytest.mark.parametrize("text", [
    "Maria Ortega criticized the Chilean government.",  # a bare unknown name: too often no one political
    "The heavy rain flooded the valley.",  # no people
    "Forty villagers killed in the raid were buried on Sunday.",  # people acted on, not acting
])
def test_no_unresolved_agent_without_people_acting(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in _unresolved(text) if e[1][:2] in ("11", "18", "19", "20")], _unresolved(text)


def test_unresolved_agents_are_flagged_in_every_export(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.export import coded_to_dict, event_row

    coded = code_text("A suicide bomber killed five soldiers in Kandahar.", published="2020-03-02")
    (ev,) = [e for e in coded.events if e.actor_unresolved]
    assert ev.source.actor.code == "---" and ev.source.method == "unresolved"
    assert event_row(ev)["actor_unresolved"] is True
    assert any(e["actor_unresolved"] for e in coded_to_dict(coded)["events"])


def test_an_idea_attacked_is_criticized_not_shot_at(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _events("Investors attacked the merger plan of the bank.")
    assert got and all(code.startswith("11") for _, code, _, _ in got), got


def test_a_warning_of_weather_threatens_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _events("German officials warned of heavy snow on Monday.")
    assert any(code.startswith("13") for _, code, _, _ in _events("Russia warned of retaliation against NATO."))
