"""Unlisted verbs read through WordNet as the nearest lexicon lemma (rules in generalize.yaml)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from .files import Keys, data_path, read_yaml
from .lexicon import load_lexicon
from .wordnet import WordNet, wordnet

#: The rule prefix an event reached through WordNet carries (events.py lowers its confidence).
MARK = "wn:"
_KEYS = {"senses": int, "depth": int, "known_senses": int, "max_uses": int, "lexfiles": list, "kinds": list,
         "hubs": list, "never": list}
_SHAPE = Keys(dict.fromkeys(_KEYS), doc="docs/lexicon.md")


@dataclass(frozen=True, slots=True)
class Generalization:
    """An unlisted lemma read as a listed one, and how WordNet connects them."""

    lemma: str
    known: str
    steps: int  # 0: a synonym (same sense); n: the known word names a sense n hypernym steps up
    sense: int  # which of the lemma's senses (0: the most frequent)

    @property
    def rule(self) -> str:
        """How the event's rule records the step: ``wn:strafe~attack/h1``."""
        return f"{MARK}{self.lemma}~{self.known}/{'syn' if self.steps == 0 else f'h{self.steps}'}"


@dataclass(frozen=True, slots=True)
class GeneralizeConfig:
    """The settings of generalize.yaml."""

    senses: int = 2
    depth: int = 1
    known_senses: int = 0  # the sense reached must be among the listed word's first n (0: any)
    max_uses: int = 0  # only words WordNet's corpora tagged at most this often (0: any)
    lexfiles: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset({"event"})  # kinds of lexicon entry a generalized verb may take
    hubs: frozenset[str] = frozenset()
    never: frozenset[str] = frozenset()


def read_config(path: Path) -> GeneralizeConfig:
    """Read generalize.yaml; unknown keys and wrongly typed values are errors naming file and key."""
    raw: dict[str, Any] = read_yaml(path, "generalize rules", _SHAPE, empty={})
    for key, value in raw.items():
        if not isinstance(value, _KEYS[key]) or isinstance(value, bool):
            raise KnowledgeError(f"{path}: {key!r} must be a {_KEYS[key].__name__}, not {value!r}")
    base = GeneralizeConfig()
    return replace(
        base,
        senses=int(raw.get("senses", base.senses)),
        depth=int(raw.get("depth", base.depth)),
        known_senses=int(raw.get("known_senses", base.known_senses)),
        max_uses=int(raw.get("max_uses", base.max_uses)),
        **{k: frozenset(str(w) for w in raw[k]) for k in ("lexfiles", "kinds", "hubs", "never") if k in raw},
    )


class Generalizer:
    """Finds, for a verb no lexicon entry lists, the listed verb WordNet says it is (cached per lemma)."""

    def __init__(self, net: WordNet, known: Collection[str], config: GeneralizeConfig) -> None:
        """``known``: the listed verbs that may stand in (those with an entry of one of ``config.kinds``)."""
        self.net, self.config = net, config
        self.known = frozenset(known) - config.hubs
        self._cache: dict[str, Generalization | None] = {}

    def verb(self, lemma: str) -> Generalization | None:
        """The nearest listed verb to ``lemma``, or None when WordNet gives none close enough."""
        lemma = lemma.lower()
        if lemma in self._cache:
            return self._cache[lemma]
        found = None
        cfg = self.config
        if lemma not in cfg.never and lemma not in cfg.hubs and lemma.isalpha():
            # a common verb left out of the lexicon was left out on purpose ("need", "save", "prove")
            if not cfg.max_uses or self.net.uses(lemma, "VERB") <= cfg.max_uses:
                found = self._search(lemma)
        self._cache[lemma] = found
        return found

    def _search(self, lemma: str) -> Generalization | None:
        cfg = self.config
        for rank, offset in enumerate(self.net.senses(lemma, "VERB")[: cfg.senses]):
            sense = self.net.synset("verb", offset)
            if cfg.lexfiles and sense.lexfile not in cfg.lexfiles:
                continue
            level, seen = [sense], {offset}
            for steps in range(cfg.depth + 1):
                for s in level:
                    for word in s.words:
                        if word != lemma and word in self.known and self._means(word, s.offset):
                            return Generalization(lemma, word, steps, rank)
                nxt = [self.net.synset("verb", h) for s in level for h in s.hypernyms if h not in seen]
                seen.update(s.offset for s in nxt)
                level = nxt
        return None

    def _means(self, word: str, offset: int) -> bool:
        """Whether the sense at ``offset`` is one the listed ``word`` mostly has ("detain" is to arrest,
        not to delay)."""
        n = self.config.known_senses
        return not n or offset in self.net.senses(word, "VERB")[:n]


@lru_cache(maxsize=1)
def load_generalizer() -> Generalizer:
    """The shipped rules over the shipped WordNet and lexicon, loaded once."""
    config = read_config(data_path("generalize.yaml"))
    verbs = load_lexicon().verbs
    known = [lemma for lemma, entries in verbs.items() if any(e.kind in config.kinds for e in entries)]
    return Generalizer(wordnet(), known, config)


__all__ = ["MARK", "GeneralizeConfig", "Generalization", "Generalizer", "load_generalizer", "read_config"]
