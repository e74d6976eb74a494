"""Unlisted verbs reach the lexicon through WordNet: the reader, the rules, and the coded events."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import KnowledgeError
from eventwire.knowledge.generalize import GeneralizeConfig, Generalizer, load_generalizer, read_config
from eventwire.knowledge.lexicon import load_lexicon
from eventwire.knowledge.wordnet import wordnet
from eventwire.pipeline import code_text

WORDNET = Settings(wordnet=True)  # off by default: see generalize.yaml and the README


def test_wordnet_senses_come_most_frequent_first_with_words_and_hypernyms() -> None:
    net = wordnet()
    senses = net.senses("strafe", "VERB")
    assert senses, "WordNet lists 'strafe' as a verb"
    first = net.synset("verb", senses[0])
    assert "strafe" in first.words and first.lexfile == "verb.competition"
    above = {w for h in first.hypernyms for w in net.synset("verb", h).words}
    assert "attack" in above
    assert net.senses("strafe", "ADJ") == () and net.senses("no-such-word", "VERB") == ()


def test_every_offset_in_the_verb_index_resolves_to_its_own_synset() -> None:
    # the package's files have CRLF line ends, so a reader that seeks to WordNet's byte offsets breaks
    net = wordnet()
    for lemma in ("attack", "say", "meet", "bombard", "negotiate"):
        for offset in net.senses(lemma, "VERB"):
            sense = net.synset("verb", offset)
            assert sense.offset == offset and lemma in sense.words


def test_a_synonym_or_a_hypernym_that_the_lexicon_lists_stands_in() -> None:
    g = load_generalizer()
    listed = load_lexicon().verbs
    for lemma in ("pelt", "chastise", "slay"):
        assert lemma not in listed, f"{lemma!r} is listed now: pick another unlisted verb for this test"
        found = g.verb(lemma)
        assert found is not None and found.known in listed, (lemma, found)
        assert found.rule.startswith(f"wn:{lemma}~{found.known}/")


def test_hubs_and_lexfiles_keep_general_verbs_from_standing_in() -> None:
    net = wordnet()
    known = {"travel", "attack", "castigate"}
    everything = Generalizer(net, known, GeneralizeConfig(senses=3, depth=2))
    assert everything.verb("walk") is not None  # walking is a kind of travelling ...
    ruled = Generalizer(net, known, GeneralizeConfig(senses=3, depth=2, hubs=frozenset({"travel"})))
    assert ruled.verb("walk") is None  # ... which says nothing political
    motion_off = Generalizer(net, known, GeneralizeConfig(senses=3, depth=2, lexfiles=frozenset({"verb.social"})))
    assert motion_off.verb("walk") is None
    assert Generalizer(net, known, GeneralizeConfig(never=frozenset({"strafe"}))).verb("strafe") is None


def test_the_rules_file_rejects_unknown_keys_and_wrong_types(tmp_path: Path) -> None:
    bad = tmp_path / "generalize.yaml"
    bad.write_text("senses: 2\nhubz: [go]\n")
    with pytest.raises(KnowledgeError, match=r"unknown key 'hubz'"):
        read_config(bad)
    bad.write_text("senses: two\n")
    with pytest.raises(KnowledgeError, match=r"'senses' must be a int"):
        read_config(bad)


@pytest.mark.parametrize(("text", "root"), [
    ("Peruvian rebels slew two Bolivian border guards.", "18"),
    ("The Chilean foreign minister chastised Argentina over the fishing dispute.", "11"),
])
def test_an_unlisted_verb_is_coded_at_lower_confidence_with_its_path_recorded(nlp, text: str, root: str) -> None:  # type: ignore[no-untyped-def]
    coded = [e for e in code_text(text, settings=WORDNET).events if e.cameo.startswith(root)]
    assert coded, code_text(text, settings=WORDNET).events
    assert all(e.rule.startswith("wn:") for e in coded)
    assert all(e.confidence <= 0.75 for e in coded)
    assert not [e for e in code_text(text).events if e.cameo.startswith(root)]  # the default: listed verbs only


def test_a_verb_of_motion_is_never_generalized(nlp) -> None:  # type: ignore[no-untyped-def]
    # every way of moving is a kind of "travel": "the delegation strolled to the palace" is no visit
    assert not code_text("The Danish delegation strolled to the Swedish palace.", settings=WORDNET).events
