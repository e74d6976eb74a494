"""`eventwire explain` and `code --why`: every trigger candidate gets a verdict and a reason."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.config import Settings
from eventwire.explain import explain_text, explanation_to_dict
from eventwire.pipeline import code_text


def _decisions(text: str, **settings: bool) -> dict[str, tuple[str, str, str]]:
    """trigger text -> (verdict, code, reason) of its last decision."""
    coded = explain_text(text, settings=Settings(**settings)).coded
    return {d.trigger: (d.verdict, d.code, d.reason) for d in coded.decisions}


def test_a_kept_event_names_its_sides(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _decisions("Portugal condemned the Venezuelan government on Friday.")
    verdict, code, reason = got["condemned"]
    assert verdict == "kept" and code.startswith("11")
    assert "PRT" in reason and "VEN" in reason


def test_a_verb_the_lexicon_does_not_know_says_so(nlp) -> None:  # type: ignore[no-untyped-def]
    verdict, _, reason = _decisions("Bolivia zorbled the Chilean delegation.")["zorbled"]
    assert verdict == "dropped" and "no lexicon entry" in reason and "zorble" in reason


def test_an_event_without_a_known_agent_is_dropped_for_want_of_a_source(nlp) -> None:  # type: ignore[no-untyped-def]
    verdict, code, reason = _decisions("The drifting icebergs attacked Norway.")["attacked"]
    assert verdict == "dropped" and code.startswith("19")
    assert "no source" in reason and "icebergs" in reason


def test_a_bare_statement_is_reported_as_dropped_unless_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru said the weather was fine."
    assert _decisions(text)["said"][0] == "dropped"
    assert _decisions(text, keep_statements=True)["said"][0] == "kept"


def test_no_decisions_are_recorded_unless_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    assert code_text("Portugal condemned the Venezuelan government.").decisions == ()


def test_explanation_lists_frames_actors_and_events(nlp) -> None:  # type: ignore[no-untyped-def]
    report = explanation_to_dict(explain_text("Ghana sent medical aid to Togo."))
    (sentence,) = report["sentences"]
    frame = next(f for f in sentence["frames"] if f["lemma"] == "send")
    assert frame["subjects"] == "Ghana" and "to: Togo" in frame["phrases"]
    assert {a["code"] for a in sentence["actors"]} >= {"GHA", "TGO"}
    assert any(e["source"] == "GHA" and e["target"] == "TGO" for e in sentence["events"])


def test_explain_command_prints_json_when_piped(nlp) -> None:  # type: ignore[no-untyped-def]
    res = CliRunner().invoke(cli, ["explain", "Bolivia zorbled the Chilean delegation.", "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert any("no lexicon entry" in d["reason"] for d in report["sentences"][0]["decisions"])


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_code_why_adds_decisions(tmp_path, nlp, fmt: str) -> None:  # type: ignore[no-untyped-def]
    story = tmp_path / "s.txt"
    story.write_text("Portugal condemned the Venezuelan government.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["code", str(story), "--why", "--format", fmt])
    assert res.exit_code == 0, res.output
    if fmt == "json":
        assert json.loads(res.output)["decisions"][0]["verdict"] == "kept"
    else:
        assert "decisions" in res.output and "kept" in res.output
    plain = CliRunner().invoke(cli, ["code", str(story), "--format", "json"])
    assert "decisions" not in json.loads(plain.output)
