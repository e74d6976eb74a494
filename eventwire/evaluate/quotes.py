"""Scoring quotes against PolNeAR attributions (source, cue and content spans with character offsets).

Gold record: {"text": ..., "title": ..., "date": ..., "attributions": [{"source": {"segments": [[a, b]],
"text"}, "cue": {...}, "content": {...}}, ...]}; an attribution may lack a source.
- ``content``: precision counts found quotes (direct or indirect) that overlap some gold content;
  recall counts gold contents that some found quote overlaps. The two are counted on their own sides
  (``tp`` is matched found quotes, ``gold_found`` matched gold contents), so a gold content split into
  several found quotes counts once in recall. A character of overlap is enough: PolNeAR contents
  include "that" and trailing words a quote mark does not, so span equality would score the marks.
- ``speaker_direct``: over gold contents holding a quote mark, the first found direct quote
  overlapping it must name the gold source: its speaker name shares a word with the source text
  (articles, "of" and titles like "Mr." do not count). A gold quote with no found quote, or one found
  without a speaker, is a false negative; one with the wrong speaker is both a false positive and a
  false negative. Found quotes with no gold counterpart are not in this figure (they are content
  false positives). Gold sources that are bare pronouns or relative pronouns ("he", "who") are left
  out, since eventwire names the person instead and the gold span does not say who that is. Where an
  annotator swapped the labels (source "said", cue "Hester"), the cue span is read as the source;
  both counts are reported. A gold source that is a bare role ("the mayor", "the president") counts
  as named by eventwire's resolved name only when the story itself gives that person the role within
  a few words ("Mayor Bill de Blasio", "de Blasio, the mayor"); that count is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..extract.quotes import find_quotes
from ..knowledge.quotes import load_quote_knowledge
from ..nlp import load_model, parse_documents
from ..records import Parsed, Quote
from .common import PRF, gold_documents, read_jsonl

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

QUOTE_MARKS = '“”"«»'
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "who", "which", "that"})
# Words too common to show that two names are one: "the ministry" and "the president" share "the".
FILLER = frozenset({"the", "a", "an", "of", "and", "'s", "’s", "mr.", "mrs.", "ms.", "dr."})


def score_quotes(
    path: str | Path, nlp: Language | None = None, limit: int | None = None, model: str | None = None,
    half: str | None = None,
) -> dict[str, Any]:
    """Precision/recall/F1 of quote contents and of direct-quote speakers over a PolNeAR JSONL(.gz) file."""
    records = list(read_jsonl(path, limit, half=half))
    pipeline = nlp or load_model(model)
    docs, kept, skipped = gold_documents(records, path, with_title=False)
    content, speaker = PRF(), PRF()
    direct_found = excluded_pronoun = swapped = gold_found = by_title = 0
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
        matched = sum(1 for s in spans if any(_overlaps(q.start, q.end, s) for q in quotes))
        gold_found += matched
        content.fn += len(spans) - matched
        direct = [q for q in quotes if q.direct]
        direct_found += len(direct)
        for a, s in zip(gold, spans, strict=True):
            if not any(ch in a["content"].get("text", "") for ch in QUOTE_MARKS):
                continue
            src = a.get("source") or {}
            if _swapped(a, parsed):
                src, swapped = a["cue"], swapped + 1
            if src.get("text", "").strip().lower() in PRONOUNS:
                excluded_pronoun += 1
                continue
            hit = next((q for q in direct if _overlaps(q.start, q.end, s)), None)
            if hit is None or hit.speaker_text is None:
                speaker.fn += 1
            elif src and _same_speaker(hit, src):
                speaker.tp += 1
            elif src and _titled_as(hit, src, rec["text"]):
                speaker.tp += 1
                by_title += 1
            else:
                speaker.fp += 1
                speaker.fn += 1
    # recall from the gold side: found quotes matched are ``tp`` for precision only
    content_figures = content.as_dict()
    recall = gold_found / (gold_found + content.fn) if gold_found + content.fn else 0.0
    p = content.precision
    content_figures.update(recall=round(recall, 4), gold_found=gold_found,
                           f1=round(2 * p * recall / (p + recall), 4) if p + recall else 0.0)
    return {
        "task": "quotes",
        "documents": len(kept),
        "skipped": skipped,
        "content": content_figures,
        "speaker_direct": speaker.as_dict(),
        "direct_quotes_found": direct_found,
        "gold_pronoun_sources_excluded": excluded_pronoun,
        "gold_swapped_source_cue": swapped,
        "gold_role_sources_matched_by_title": by_title,
    }


def _segments(span: dict[str, Any]) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in span.get("segments", [])]


def _overlaps(start: int, end: int, segments: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in segments)


def _swapped(attribution: dict[str, Any], parsed: Parsed) -> bool:
    """Whether the annotator swapped source and cue: the source span is only cue verbs, the cue has none."""
    def lemmas(label: str) -> list[str]:
        spans = _segments(attribution.get(label) or {})
        return [t.lemma.lower() for t in parsed.tokens
                if t.pos != "PUNCT" and any(a <= t.start < b for a, b in spans)]

    cues = load_quote_knowledge().cues
    src, cue = lemmas("source"), lemmas("cue")
    return bool(src and cue) and all(w in cues for w in src) and not any(w in cues for w in cue)


def _titled_as(q: Quote, source: dict[str, Any], text: str) -> bool:
    """Whether a role-only gold source ("the mayor") is the person found, by the story's own title for them."""
    words = source.get("text", "").split()
    if len(words) < 2 or words[0].lower() != "the" or any(w[:1].isupper() for w in words[1:]):
        return False
    name = (q.speaker_text or "").split()
    if not name or not name[0][:1].isupper() or name[0].lower() == "the":
        return False  # only a resolved name is checked; an unresolved "the spokesman" is compared by words
    role, surname = re.escape(words[-1].strip(",.")), re.escape(name[-1])
    near = r"(?:\W+[\w.]+){0,3}?\W+"
    pattern = rf"\b{role}{near}{surname}\b|\b{surname},{near}{role}\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _words(text: str) -> set[str]:
    return {w.strip(".,:;“”\"'").lower() for w in text.split()} - FILLER - {""}


def _same_speaker(q: Quote, source: dict[str, Any]) -> bool:
    """Whether a found speaker names the gold source: they share a name word."""
    return bool(_words(q.speaker_text or "") & _words(source.get("text", "")))
