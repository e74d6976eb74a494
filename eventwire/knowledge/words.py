"""Closed-class English words the coder's rules read (words.yaml): pronouns, auxiliaries, particles.

The rules name a list ("negators", "locative_preps"), never the words; a word list lives here once,
however many stages read it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from .files import Keys, data_path, read_yaml

WORDS_FILE = "words.yaml"


@dataclass(frozen=True, slots=True)
class WordLists:
    """One frozen set of lower-cased words per list of words.yaml (its comments say what each is for)."""

    pronouns: frozenset[str]
    first_person: frozenset[str]
    possessive_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    definite_determiners: frozenset[str]
    subject_control: frozenset[str]
    copulas: frozenset[str]
    negators: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_in_past_aux: frozenset[str]
    going_to: frozenset[str]
    obligation_verbs: frozenset[str]
    negating_determiners: frozenset[str]
    obligation_aux: frozenset[str]
    unreal_preps: frozenset[str]
    condition_marks: frozenset[str]
    unreal_modifiers: frozenset[str]
    deep_preps: frozenset[str]
    object_phrase_preps: frozenset[str]
    goal_preps: frozenset[str]
    adjunct_preps: frozenset[str]
    former: frozenset[str]
    descriptor_places: frozenset[str]
    locative_preps: frozenset[str]
    place_nouns: frozenset[str]
    place_name_preps: frozenset[str]
    articles: frozenset[str]
    role_place_preps: frozenset[str]
    role_serving_preps: frozenset[str]
    group_possessives: frozenset[str]
    empty_copulas: frozenset[str]
    clause_preps: frozenset[str]
    impersonal_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    agent_preps: frozenset[str]
    origin_preps: frozenset[str]
    party_preps: frozenset[str]
    quantity_preps: frozenset[str]
    amount_preps: frozenset[str]
    wrapper_preps: frozenset[str]
    goods_preps: frozenset[str]

    @property
    def all_pronouns(self) -> frozenset[str]:
        """Every pronoun an argument may be: personal, possessive, relative and first person."""
        return self.pronouns | self.first_person


_LISTS = tuple(f.name for f in fields(WordLists))
#: The shape of words.yaml: every list, and nothing else.
SHAPE = Keys({"version": None, **dict.fromkeys(_LISTS)}, required=frozenset(_LISTS),
             doc="eventwire/knowledge/words.yaml")


def read_words(path: Path) -> WordLists:
    """Read and check a words.yaml-shaped file."""
    raw = read_yaml(path, "word lists", SHAPE, empty={})
    out = {}
    for name in _LISTS:
        words = raw[name]
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise KnowledgeError(f"{path}: {name!r} must be a list of words (quote one YAML reads otherwise: \"no\")")
        out[name] = frozenset(w.lower() for w in words)
    return WordLists(**out)


@lru_cache(maxsize=1)
def load_words() -> WordLists:
    """The shipped words.yaml, read once."""
    return read_words(data_path(WORDS_FILE))


__all__ = ["WordLists", "load_words", "read_words"]
