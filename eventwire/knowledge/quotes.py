"""What marks a quotation and what names its speaker (quotes.yaml), as one typed record."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from .files import Keys, MapOf, data_path, read_yaml

_MARKS = Keys({"open": None, "close": None, "either": None}, required=frozenset({"open", "close", "either"}))
_SINGLE = Keys({"open": None, "close": None}, required=frozenset({"open", "close"}))
#: The shape of quotes.yaml: the keys it may hold (the file's comments say what each means).
SHAPE = Keys(
    {"version": None, "quote_marks": _MARKS, "single_marks": _SINGLE, "elisions": None, "cue_verbs": MapOf(None),
     "indirect_only": None, "attribution_phrases": None, "pronouns": MapOf(None), "role_nouns": None,
     "media_words": None, "inverting_cues": None, "framing_breakers": MapOf(None), "speech_nouns": None,
     "signature_dashes": None},
    required=frozenset({"quote_marks", "single_marks", "cue_verbs"}),
    doc="eventwire/knowledge/quotes.yaml",
)


@dataclass(frozen=True)
class QuoteKnowledge:
    """The quote marks, cue verbs, attribution phrases, pronouns and role nouns of quotes.yaml."""

    open_marks: tuple[str, ...]
    close_marks: tuple[str, ...]
    either_marks: tuple[str, ...]
    single_open: tuple[str, ...]
    single_close: tuple[str, ...]
    elisions: frozenset[str]
    cues: dict[str, str]  # lemma → speech | framing | report
    indirect_only: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    pronouns: dict[str, frozenset[str]]
    role_nouns: frozenset[str]
    media_words: frozenset[str]
    inverting_cues: frozenset[str] = frozenset()
    framing_breakers: dict[str, frozenset[str]] = field(default_factory=dict)
    speech_nouns: frozenset[str] = frozenset()
    signature_dashes: tuple[str, ...] = ()
    phrase_starts: frozenset[str] = frozenset()  # first words of the phrases: most tokens start none


def read_quote_knowledge(file: Path) -> QuoteKnowledge:
    """Read and check a quotes.yaml-shaped file."""
    raw: dict[str, Any] = read_yaml(file, "quote knowledge", SHAPE, empty={})
    try:
        cues = {str(lemma): str(kind) for kind, lemmas in raw["cue_verbs"].items() for lemma in lemmas}
        return QuoteKnowledge(
            open_marks=tuple(raw["quote_marks"]["open"]),
            close_marks=tuple(raw["quote_marks"]["close"]),
            either_marks=tuple(raw["quote_marks"]["either"]),
            single_open=tuple(raw["single_marks"]["open"]),
            single_close=tuple(raw["single_marks"]["close"]),
            elisions=frozenset(raw.get("elisions", ())),
            cues=cues,
            indirect_only=frozenset(raw.get("indirect_only", ())),
            phrases=tuple(tuple(p) for p in raw.get("attribution_phrases", ())),
            phrase_starts=frozenset(str(p[0]) for p in raw.get("attribution_phrases", ()) if p),
            pronouns={str(k): frozenset(v) for k, v in raw.get("pronouns", {}).items()},
            role_nouns=frozenset(raw.get("role_nouns", ())),
            media_words=frozenset(raw.get("media_words", ())),
            inverting_cues=frozenset(raw.get("inverting_cues", ())),
            framing_breakers={str(k): frozenset(v) for k, v in raw.get("framing_breakers", {}).items()},
            speech_nouns=frozenset(raw.get("speech_nouns", ())),
            signature_dashes=tuple(raw.get("signature_dashes", ())),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(
            f"quote knowledge {file} is malformed ({exc!r}): it needs quote_marks, single_marks and "
            "cue_verbs maps shaped like eventwire/knowledge/quotes.yaml"
        ) from None


@lru_cache(maxsize=4)
def load_quote_knowledge(path: str | None = None) -> QuoteKnowledge:
    """Load quotes.yaml (or a user file of the same shape) once."""
    return read_quote_knowledge(Path(path) if path else data_path("quotes.yaml"))


__all__ = ["QuoteKnowledge", "load_quote_knowledge", "read_quote_knowledge"]
