"""Verb forms whose spaCy lemma is wrong, and the right one (verb_lemmas.tsv)."""

from __future__ import annotations

from functools import lru_cache

from ..errors import KnowledgeError
from .files import data_path, read_tsv


@lru_cache(maxsize=1)
def verb_lemmas() -> dict[str, str]:
    """Verb forms whose spaCy lemma is wrong, and the right one (``knowledge/verb_lemmas.tsv``)."""
    path = data_path("verb_lemmas.tsv")
    fixes: dict[str, str] = {}
    rows = read_tsv(path, "verb lemma table", required=("form", "lemma"), strict=True)
    for n, row in enumerate(rows, start=2):  # row 1 is the header
        form, lemma = row.get("form", ""), row.get("lemma", "")
        if not form or not lemma:
            raise KnowledgeError(f"{path}: row {n} ({form!r}) must be a verb form and its lemma, tab-separated")
        fixes[form.lower()] = lemma.lower()
    return fixes



__all__ = ["verb_lemmas"]
