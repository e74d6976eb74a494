"""The word lists and tables date expressions are read with (timex.yaml), as one typed record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .files import Keys, MapOf, data_path, read_yaml

TIMEX_FILE = "timex.yaml"
_TABLES = ("deictic", "shifts", "year_parts", "month_parts", "ordinals", "numbers", "vague_numbers",
           "vague_stretches", "seasons", "holidays")
_LISTS = ("day_parts", "time_cues", "time_nouns", "event_nouns", "event_noun_suffixes", "not_date_labels",
          "weekday_name_before", "weekday_name_after", "future_aux", "future_before", "future_heads",
          "sequence_verbs", "reporting_verbs", "clause_links", "same_time_markers", "argument_deps",
          "narrative_parts", "until_words", "perfect_aux", "infinitive_marks", "copulas", "relation_words",
          "backward_words")
#: The shape of timex.yaml: its tables (word → value) and its word lists; every one is read.
SHAPE = Keys({"version": None, **{t: MapOf(None) for t in _TABLES}, **dict.fromkeys(_LISTS)},
             required=frozenset({*_TABLES, *_LISTS}), doc="eventwire/knowledge/timex.yaml")


@dataclass(frozen=True, eq=False)  # compared by identity: the compiled patterns are cached per record
class TimexKnowledge:
    """timex.yaml: tables by name (``table``) and word lists as lower-cased sets (``words``)."""

    tables: Mapping[str, Any]
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> Any:
        """A table or list as the file holds it (``k["shifts"]["next"]``)."""
        return self.tables[name]

    def words(self, name: str) -> frozenset[str]:
        """A word list of the file, lower-cased."""
        found = self._words.get(name)
        if found is None:
            found = self._words[name] = frozenset(str(w).lower() for w in self.tables[name])
        return found


def read_timex(path: Path) -> TimexKnowledge:
    """Read and check a timex.yaml-shaped file."""
    return TimexKnowledge(read_yaml(path, "date knowledge", SHAPE, empty={}))


@lru_cache(maxsize=1)
def load_timex() -> TimexKnowledge:
    """The shipped timex.yaml, read once."""
    return read_timex(data_path(TIMEX_FILE))


__all__ = ["TimexKnowledge", "load_timex", "read_timex"]
