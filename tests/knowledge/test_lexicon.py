"""The lexicon's named CAMEO code groups: data the coder's rules test, checked when the lexicon loads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.errors import KnowledgeError
from eventwire.knowledge import data_path
from eventwire.knowledge.lexicon import CODE_GROUPS, load_lexicon, read_lexicon


def test_shipped_groups_say_what_force_means_where() -> None:
    lex = load_lexicon()
    assert set(lex.groups) == set(CODE_GROUPS)
    # a show of force (15) under a condition is a threat, but it hurts no one: it has no victim
    assert lex.in_group("150", "conditional_force") and not lex.in_group("150", "harm")
    assert lex.in_group("1823", "harm") and lex.in_group("112", "verbal") and not lex.in_group("190", "verbal")


def _with_groups(tmp_path: Path, groups: object) -> Path:
    data = yaml.safe_load(data_path("verbs.yaml").read_text(encoding="utf-8"))
    data["code_groups"] = groups
    path = tmp_path / "verbs.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("groups", "message"), [
    (None, "code_groups must be a mapping"),
    ({g: ["19"] for g in CODE_GROUPS if g != "harm"}, r"missing \['harm'\]"),
    ({**{g: ["19"] for g in CODE_GROUPS}, "violent": ["19"]}, r"unknown \['violent'\]"),
    ({**{g: ["19"] for g in CODE_GROUPS}, "harm": ["99"]}, "'99', which is no CAMEO code or root"),
])
def test_bad_groups_are_refused_naming_the_file(tmp_path: Path, groups: object, message: str) -> None:
    with pytest.raises(KnowledgeError, match=message) as info:
        read_lexicon(_with_groups(tmp_path, groups), data_path("nouns.yaml"))
    assert "verbs.yaml" in str(info.value)


def test_an_unknown_key_is_refused_naming_file_line_and_key(tmp_path: Path) -> None:
    text = data_path("nouns.yaml").read_text(encoding="utf-8")
    first = next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("- {id:"))
    lines = text.splitlines()
    lines[first - 1] = lines[first - 1].replace("{id:", "{not_mods: [trade], id:", 1)
    nouns = tmp_path / "nouns.yaml"
    nouns.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = rf"nouns.yaml: line {first}: unknown key 'not_mods' in entry .* of 'entries'"
    with pytest.raises(KnowledgeError, match=expected):
        read_lexicon(data_path("verbs.yaml"), nouns)


def test_an_unknown_target_slot_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(data_path("verbs.yaml").read_text(encoding="utf-8"))
    data["entries"][0]["targets"] = ["dobject"]
    verbs = tmp_path / "verbs.yaml"
    verbs.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"unknown target slot\(s\) \['dobject'\]"):
        read_lexicon(verbs, data_path("nouns.yaml"))


def test_every_key_class_group_and_kind_of_the_shipped_files_is_documented() -> None:
    from eventwire.knowledge.generalize import _KEYS as GENERALIZE_KEYS
    from eventwire.knowledge.lexicon import NOUN_KEYS, TARGET_SLOTS, VERB_FILE_KEYS, VERB_KEYS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "lexicon.md").read_text(encoding="utf-8")
    verbs = yaml.safe_load(data_path("verbs.yaml").read_text(encoding="utf-8"))
    nouns = yaml.safe_load(data_path("nouns.yaml").read_text(encoding="utf-8"))
    used = {k for e in verbs["entries"] + nouns["entries"] for k in e} | set(verbs) | set(nouns)
    assert used <= VERB_KEYS | NOUN_KEYS | VERB_FILE_KEYS  # what the files hold, the loader reads
    names = (VERB_KEYS | NOUN_KEYS | VERB_FILE_KEYS | TARGET_SLOTS | set(verbs["classes"]) | set(CODE_GROUPS)
             | set(verbs["transforms"]) | set(GENERALIZE_KEYS))
    missing = sorted(n for n in names if f"`{n}`" not in doc)
    assert not missing, f"docs/lexicon.md does not document {missing}"


def test_every_class_is_used_by_an_entry_or_a_rule() -> None:
    verbs_text = data_path("verbs.yaml").read_text(encoding="utf-8")
    code = "".join(p.read_text(encoding="utf-8") for p in (Path(data_path("verbs.yaml")).parents[1]).rglob("*.py"))
    entries = verbs_text.split("\nentries:", 1)[1] + data_path("nouns.yaml").read_text(encoding="utf-8")
    unused = [c for c in load_lexicon().classes if f"@{c}" not in entries and f'"@{c}"' not in code
              and f'"{c}"' not in code]
    assert not unused, f"classes nothing reads: {unused}"


def test_unlisted_nouns_are_people_by_their_wordnet_sense() -> None:
    from eventwire.knowledge import load

    lex = load().lexicon
    assert lex.noun_senses.get("ambulance") == "noun.artifact"  # a light verb's goods read this
    assert lex.is_people("candidate", wordnet=True) and lex.is_people("court", wordnet=True)  # person; social group
    assert not lex.is_people("candidate")  # agents are held to the lists and suffixes
    assert not lex.is_people("table", wordnet=True)  # a group of things (an array), not of people
    assert not lex.is_people("meeting", wordnet=True)  # an act the lexicon codes
    assert lex.is_people("gunman", wordnet=True) and not lex.is_people("member", wordnet=True)  # lists first


def test_every_word_list_is_documented_and_read_by_a_rule() -> None:
    from dataclasses import fields

    from eventwire.knowledge.words import WordLists

    doc = (Path(__file__).resolve().parents[2] / "docs" / "lexicon.md").read_text(encoding="utf-8")
    shipped = set(yaml.safe_load(data_path("words.yaml").read_text(encoding="utf-8"))) - {"version"}
    names = {f.name for f in fields(WordLists)}
    assert shipped == names  # the file holds every list the record has, and no other
    package = Path(data_path("words.yaml")).parents[1]
    code = "".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py") if p.name != "words.py")
    unread = sorted(n for n in names if f".{n}" not in code)
    assert not unread, f"word lists no rule reads: {unread}"
    undocumented = sorted(n for n in names if f"`{n}`" not in doc)
    assert not undocumented, f"docs/lexicon.md does not document {undocumented}"
