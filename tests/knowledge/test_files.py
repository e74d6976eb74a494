"""The one YAML and TSV reader: every knowledge file refuses a key or column it would otherwise ignore."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import KnowledgeError
from eventwire.knowledge import data_path, load, read_tsv, read_yaml
from eventwire.knowledge.actors import _load_guards, _load_relations, build_actor_knowledge
from eventwire.knowledge.files import Either, Keys, ListOf, MapOf
from eventwire.knowledge.generalize import read_config
from eventwire.knowledge.lexicon import read_lexicon
from eventwire.knowledge.parts import read_part_rules
from eventwire.knowledge.quotes import read_quote_knowledge
from eventwire.knowledge.timex import read_timex
from eventwire.knowledge.words import read_words

MAPPING_FILES: dict[str, Callable[[Path], object]] = {
    "verbs.yaml": lambda p: read_lexicon(p, data_path("nouns.yaml")),
    "nouns.yaml": lambda p: read_lexicon(data_path("verbs.yaml"), p),
    "quotes.yaml": read_quote_knowledge,
    "timex.yaml": read_timex,
    "parts.yaml": read_part_rules,
    "generalize.yaml": read_config,
    "words.yaml": read_words,
    "actors/relations.yaml": lambda p: _load_relations(p.parent),
    "actors/guards.yaml": lambda p: _load_guards(p.parent),
}
#: YAML lists of entries, read as a user's --actors file would be.
LIST_FILES = ("actors/people.yaml", "actors/people_world.yaml", "actors/people_1990s.yaml", "actors/groups.yaml")


def _copy(tmp_path: Path, name: str, extra: str) -> tuple[Path, int]:
    """The shipped file ``name`` with ``extra`` appended, and the line ``extra`` starts on."""
    target = tmp_path / Path(name).name
    if name.startswith("actors/"):  # relations/guards are read by folder: bring the folder's other files
        shutil.copytree(data_path("actors"), tmp_path, dirs_exist_ok=True)
    text = data_path(name).read_text(encoding="utf-8").rstrip("\n") + "\n"
    target.write_text(text + extra, encoding="utf-8")
    return target, text.count("\n") + 1


def test_every_shipped_yaml_file_is_checked_here() -> None:
    root = data_path("")
    shipped = {str(p.relative_to(root)) for p in root.rglob("*.yaml")}
    assert shipped == set(MAPPING_FILES) | set(LIST_FILES)


@pytest.mark.parametrize("name", sorted(MAPPING_FILES))
def test_an_unknown_top_level_key_names_file_line_and_key(tmp_path: Path, name: str) -> None:
    path, line = _copy(tmp_path, name, "colour_of_the_sky: blue\n")
    with pytest.raises(KnowledgeError, match=rf"{Path(name).name}: line {line}: unknown key 'colour_of_the_sky'"):
        MAPPING_FILES[name](path)


@pytest.mark.parametrize("name", LIST_FILES)
def test_an_unknown_key_in_an_actor_entry_names_file_line_and_key(tmp_path: Path, name: str) -> None:
    entry = "- id: Ada Placeholder\n  offices: [{code: USAGOV, from: 2001-01-01}]\n  nickname: [Ada]\n"
    path, line = _copy(tmp_path, name, entry)
    with pytest.raises(KnowledgeError, match=rf"line {line + 2}: unknown key 'nickname' in entry 'Ada Placeholder'"):
        build_actor_knowledge((str(path),))


def test_shapes_name_what_is_wrong(tmp_path: Path) -> None:
    shape = Keys({"entries": ListOf(Either((Keys({"id": None, "offices": None}, frozenset({"id", "offices"})),
                                             Keys({"code": None}, frozenset({"code"}))))),
                  "table": MapOf(Keys({"x": None}))}, required=frozenset({"entries"}))
    cases = [
        ("table: {}\n", r"line 1: the thing lacks required key\(s\) \['entries'\]"),
        ("entries: {a: 1}\n", "line 1: 'entries' must be a list"),
        ("entries:\n  - {name: Nobody}\n",
         r"line 2: an item of 'entries' needs the keys \['id', 'offices'\] or \['code'\]"),
        ("entries: []\ntable:\n  a: {x: 1}\n  b: {y: 2}\n", "line 4: unknown key 'y' in 'b'"),
        ("entries: [\n", "is not valid YAML"),
    ]
    for n, (text, message) in enumerate(cases):
        path = tmp_path / f"case{n}.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(KnowledgeError, match=message):
            read_yaml(path, "thing", shape)
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    assert read_yaml(empty, "thing", shape, empty={}) == {}


def test_tsv_columns_and_wide_rows_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("# a comment\nname\tcountry\nCrimea\tUKR\n", encoding="utf-8")
    assert read_tsv(path, "place table", required=("name", "country")) == [{"name": "Crimea", "country": "UKR"}]
    with pytest.raises(KnowledgeError, match=r"t.tsv: the place table needs the column\(s\) \['code'\]"):
        read_tsv(path, "place table", required=("name", "code"))
    path.write_text("name\tcountry\nCrimea\tUKR\textra\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="row 2 .*more tab-separated cells"):
        read_tsv(path, "place table", strict=True)


def test_knowledge_is_read_once_per_settings_and_carries_the_users_actor_files(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("name\tcode\nValdorian Guard\tVLDMIL\n", encoding="utf-8")
    shipped, users = load(), load(Settings(actor_files=(str(mine),)))
    assert load(Settings()) is shipped and load(Settings(actor_files=(str(mine),))) is users
    assert "ValdorianGuard" in users.actors.exact and "ValdorianGuard" not in shipped.actors.exact
    assert users.lexicon is shipped.lexicon  # what the settings do not change is shared
    assert shipped.generalizer is None and load(Settings(wordnet=True)).generalizer is not None
