"""The patterns that tell a page's paragraphs apart (parts.yaml): headlines, datelines, captions, credits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from .files import Keys, data_path, read_yaml

PARTS_FILE = "parts.yaml"
_LISTS = ("boilerplate", "footer", "credit", "caption_start", "caption_end", "caption_cue", "byline", "desk",
          "dateline")
#: The shape of parts.yaml: every list of patterns, and the one wire-dateline pattern.
SHAPE = Keys({"version": None, "wire_dateline": None, **dict.fromkeys(_LISTS)},
             required=frozenset({*_LISTS, "wire_dateline"}), doc="eventwire/knowledge/parts.yaml")


@dataclass(frozen=True, slots=True)
class PartRules:
    """The compiled patterns of ``parts.yaml``."""

    boilerplate: tuple[re.Pattern[str], ...]
    footer: tuple[re.Pattern[str], ...]
    credit: tuple[re.Pattern[str], ...]
    caption_start: tuple[re.Pattern[str], ...]
    caption_end: tuple[re.Pattern[str], ...]
    caption_cue: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    desk: tuple[re.Pattern[str], ...]
    dateline: tuple[re.Pattern[str], ...]
    wire_dateline: re.Pattern[str]


def _compile(name: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeError(
            f"{PARTS_FILE}: bad regex in {name!r}: {pattern!r} ({exc}); fix the pattern") from None


def read_part_rules(path: Path) -> PartRules:
    """Read, check and compile a parts.yaml-shaped file."""
    raw = read_yaml(path, "paragraph-role patterns", SHAPE, empty={})
    compiled = {k: tuple(_compile(k, p) for p in raw[k]) for k in _LISTS}
    return PartRules(**compiled, wire_dateline=_compile("wire_dateline", raw["wire_dateline"]))


@lru_cache(maxsize=1)
def load_part_rules() -> PartRules:
    """Load and compile ``knowledge/parts.yaml`` once."""
    return read_part_rules(data_path(PARTS_FILE))


__all__ = ["PARTS_FILE", "PartRules", "load_part_rules", "read_part_rules"]
