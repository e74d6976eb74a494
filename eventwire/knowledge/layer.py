"""All the knowledge a run codes with, read once into one record and handed to every stage.

A stage never fetches knowledge from a global cache of its own: the pipeline builds one
``Knowledge`` from the run's settings (the user's ``--actors`` files, ``--wordnet``) and passes it
in, so a user's dictionary is honoured by every stage or by none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..config import Settings
from .actors import ActorKnowledge, actor_knowledge
from .generalize import Generalizer, load_generalizer
from .lemmas import verb_lemmas
from .lexicon import Lexicon, load_lexicon
from .parts import PartRules, load_part_rules
from .places import Gazetteer, gazetteer
from .quotes import QuoteKnowledge, load_quote_knowledge
from .timex import TimexKnowledge, load_timex
from .wordnet import wordnet as wordnet_db
from .words import WordLists, load_words


@dataclass(frozen=True, eq=False)
class Knowledge:
    """The lexicon, actor dictionaries, quote/date/paragraph rules, lemma fixes and word lists of a run."""

    lexicon: Lexicon
    actors: ActorKnowledge
    quotes: QuoteKnowledge
    timex: TimexKnowledge
    parts: PartRules
    lemmas: Mapping[str, str]
    words: WordLists
    generalizer: Generalizer | None = None  # set when unlisted verbs are read through WordNet

    @property
    def gazetteer(self) -> Gazetteer:
        """The place gazetteer, read on first use (its cities cost half a second and tens of MB)."""
        return gazetteer()


def load(settings: Settings | None = None) -> Knowledge:
    """The knowledge ``settings`` ask for (shipped files, the user's actor files, WordNet), read once."""
    s = settings or Settings()
    return _load(tuple(s.actor_files), s.wordnet)


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    # unlisted nouns are told people or not by their WordNet sense (people_senses in verbs.yaml)
    lexicon = load_lexicon()
    wn = wordnet_db()
    return lexicon.with_wordnet(wn.first_senses_under(lexicon.people_senses), wn.first_noun_files())


@lru_cache(maxsize=8)
def _load(actor_files: tuple[str, ...], wordnet: bool) -> Knowledge:
    return Knowledge(
        lexicon=_lexicon(),
        actors=actor_knowledge(actor_files),
        quotes=load_quote_knowledge(),
        timex=load_timex(),
        parts=load_part_rules(),
        lemmas=verb_lemmas(),
        words=load_words(),
        generalizer=load_generalizer() if wordnet else None,
    )


__all__ = ["Knowledge", "load"]
