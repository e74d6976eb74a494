"""Scoring quotes against PolNeAR attributions (source, cue and content spans with character offsets).

Gold record: {"text": ..., "title": ..., "date": ..., "attributions": [{"source": {"segments": [[a, b]],
"text"}, "cue": {...}, "content": {...}}, ...]}; an attribution may lack a source.
- ``content``: a found quote (direct or indirect) is right when it overlaps some gold content; a gold
  content is found when some quote overlaps it.
- ``speaker_direct``: over gold contents holding a quote mark, the found direct quote overlapping it
  must name the gold source: its speaker name shares a word with the source text. Gold sources that
  are bare pronouns ("he") are left out of this figure, since eventwire names the person instead and
  the gold span does not say who that is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..extract.quotes import find_quotes
from ..nlp import load_model, parse_documents
from ..records import Quote
from .common import PRF, gold_documents, read_jsonl

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

QUOTE_MARKS = '“”"«»'
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"})
# Words too common to show that two names are one: "the ministry" and "the president" share "the".
FILLER = frozenset({"the", "a", "an", "of", "and", "'s", "’s", "mr.", "mrs.", "ms.", "dr."})


def score_quotes(
    path: str | Path, nlp: Language | None = None, limit: int | None = None, model: str | None = None
) -> dict[str, Any]:
    """Precision/recall/F1 of quote contents and of direct-quote speakers over a PolNeAR JSONL(.gz) file."""
    records = list(read_jsonl(path, limit))
    pipeline = nlp or load_model(model)
    docs, kept, skipped = gold_documents(records, path, with_title=False)
    content, speaker = PRF(), PRF()
    direct_found = excluded_pronoun = 0
    for rec, parsed in zip(kept, parse_documents(docs, pipeline), strict=True):
        # speakers are scored by span and name, not actor code: the actor stage is not needed here
        quotes = find_quotes(parsed, ())
        gold = [a for a in rec.get("attributions", []) if a.get("content")]
        spans = [_segments(a["content"]) for a in gold]
        for q in quotes:
            if any(_overlaps(q.start, q.end, s) for s in spans):
                content.tp += 1
            else:
                content.fp += 1
        content.fn += sum(1 for s in spans if not any(_overlaps(q.start, q.end, s) for q in quotes))
        direct = [q for q in quotes if q.direct]
        direct_found += len(direct)
        for a, s in zip(gold, spans, strict=True):
            if not any(ch in a["content"].get("text", "") for ch in QUOTE_MARKS):
                continue
            src = a.get("source") or {}
            if src.get("text", "").strip().lower() in PRONOUNS:
                excluded_pronoun += 1
                continue
            hit = next((q for q in direct if _overlaps(q.start, q.end, s)), None)
            if hit is None or hit.speaker_text is None:
                speaker.fn += 1
            elif src and _same_speaker(hit, src):
                speaker.tp += 1
            else:
                speaker.fp += 1
                speaker.fn += 1
    return {
        "task": "quotes",
        "documents": len(kept),
        "skipped": skipped,
        "content": content.as_dict(),
        "speaker_direct": speaker.as_dict(),
        "direct_quotes_found": direct_found,
        "gold_pronoun_sources_excluded": excluded_pronoun,
    }


def _segments(span: dict[str, Any]) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in span.get("segments", [])]


def _overlaps(start: int, end: int, segments: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in segments)


def _words(text: str) -> set[str]:
    return {w.strip(".,:;“”\"'").lower() for w in text.split()} - FILLER - {""}


def _same_speaker(q: Quote, source: dict[str, Any]) -> bool:
    """Whether a found speaker names the gold source: they share a name word."""
    return bool(_words(q.speaker_text or "") & _words(source.get("text", "")))
