"""Which language a story is written in (py3langid, offline); eventwire codes English only."""

from __future__ import annotations

from functools import lru_cache
from itertools import islice
from typing import Any

from ..records import Document, PartKind

#: Below this many letters a guess is noise (a headline, a dateline): such texts are not judged.
MIN_LETTERS = 40
#: Only a confident guess skips a story: mixed or short English must not be lost.
MIN_CONFIDENCE = 0.9
#: The language is read from this many characters of body text: at ~250 words a guess is as sure as
#: it gets, and the classifier's time grows with the sample (3,000 characters cost 1.5 ms a story).
SAMPLE_CHARS = 1500
ENGLISH = "en"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import _load_identifier  # the packaged model, loaded once

    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language; ("und", 0.0) when too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for _ in islice((c for c in sample if c.isalpha()), MIN_LETTERS)) < MIN_LETTERS:
        return "und", 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code ('de' → 'German'), else the code."""
    import pycountry

    lang = pycountry.languages.get(alpha_2=code)
    return str(lang.name) if lang is not None else code


def foreign_language(document: Document) -> str | None:
    """Why a document is skipped as not English, or None when it is English or cannot be told."""
    body = "\n".join(p.text for p in document.parts if p.kind in (PartKind.BODY, PartKind.TITLE))
    lang, prob = detect_language(body or document.text)
    if lang in (ENGLISH, "und") or prob < MIN_CONFIDENCE:
        return None
    return (f"written in {language_name(lang)} ({lang}, p={prob:.2f}), not English: eventwire codes "
            "English news; translate it first or leave it out")
