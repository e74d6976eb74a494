"""Scoring actor resolution against gold source/target spans (ConfliBERT ``cameo_ner``) and hand codes.

Gold record: {"id", "text", "labels": {"actor": [span text...], "recipient": [...]}}: spans, no codes.
Figures (a gold span is found in the text by its string; a "hit" is a character of overlap):
- ``span_coverage``: share of gold spans that some actor mention overlaps (modifier mentions such as
  "Russian" in "Russian aggression" are not counted; ``span_coverage_with_modifiers`` counts them).
- ``country_agreement``: over covered spans that name a country through a GPE/NORP entity of the
  parse, the share whose mention's country is one of the countries those entities name. The names are
  read with eventwire's own country table, so this checks *which* country a phrase was given, not
  whether eventwire knows the name.
- ``event_source`` / ``event_target``: over sentences with a gold source (target) span, the share
  where some coded event's source (target) mention overlaps it; ``*_precision`` is the share of coded
  events whose source (target) overlaps a gold span of the sentence. ``all_agents`` gives the same
  figures (whole file and halves) when events whose agent no dictionary knows are kept, as the
  five-way scorer codes.
- ``code_accuracy`` (when ``tests/data/actor_codes_dev.jsonl`` or ``codes=`` is given): over spans an
  analyst coded by hand, the share where the mention overlapping the span carries exactly that code;
  ``code_country_accuracy`` compares the country part only; spans coded "-" (no actor an analyst
  would code, e.g. "a car bomb") count as right when eventwire resolves nothing there.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import settings_from_env
from ..knowledge.actors import actor_knowledge, compact
from ..nlp import load_model, parse_documents
from ..pipeline import extract
from ..records import CodedDocument, Mention, Parsed
from .common import HALVES, half_of, read_jsonl, sentence_document

#: The hand-coded sample shipped with the tests (ids, span texts and codes; no sentence text).
DEFAULT_CODES = Path(__file__).resolve().parents[2] / "tests" / "data" / "actor_codes_dev.jsonl"
NO_ACTOR = "-"


def find_span(text: str, span: str) -> tuple[int, int] | None:
    """Character offsets of a gold span in its sentence (first occurrence)."""
    i = text.find(span)
    return (i, i + len(span)) if i >= 0 and span else None


def best_mention(mentions: tuple[Mention, ...], start: int, end: int, modifiers: bool = False) -> Mention | None:
    """The mention standing for a span: the one overlapping it most, leftmost on a tie."""
    hits = [m for m in mentions if m.start < end and start < m.end and (modifiers or m.method != "modifier")]
    if not hits:
        return None
    return max(hits, key=lambda m: (min(end, m.end) - max(start, m.start), -m.start))


def _named_countries(parsed: Parsed, start: int, end: int) -> set[str]:
    """Countries named by GPE/NORP entities inside [start, end)."""
    kb = actor_knowledge()
    out: set[str] = set()
    for ent in parsed.entities:
        if ent.label in ("GPE", "NORP") and start <= ent.start and ent.end <= end:
            for e in kb.exact.get(compact(ent.text), ()):
                if e.kind in ("country", "adjective", "people", "seat"):
                    out.add(e.code[:3])
    return out


def load_codes(path: str | Path) -> dict[tuple[str, str], str]:
    """(record id, span text) → analyst code, from a JSONL file of {id, span, code}."""
    codes: dict[tuple[str, str], str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                codes[(rec["id"], rec["span"])] = rec["code"]
    return codes


def score_actors(path: str | Path, model: str | None = None, limit: int | None = None,
                 codes: str | Path | None = None, half: str | None = None) -> dict[str, Any]:
    """Span coverage, country agreement, event-level agreement and hand-code accuracy on a gold file."""
    records = list(read_jsonl(path, limit, half=half))
    nlp = load_model(model)
    docs = [sentence_document(r["text"]) for r in records]
    settings = settings_from_env(keep_statements=True)  # EVENTWIRE_* settings apply (EVENTWIRE_WORDNET=0)
    # the five-way scorer's setting too: events whose agent no dictionary knows are kept ("---")
    every = settings_from_env(keep_statements=True, keep_unknown_actors=True)
    coded: list[CodedDocument] = []
    coded_all: list[CodedDocument] = []
    parses: list[Parsed] = []
    for parsed in parse_documents(docs, nlp):
        parses.append(parsed)
        coded.append(extract(parsed, settings))
        coded_all.append(extract(parsed, every))
    hand = load_codes(codes or DEFAULT_CODES) if (codes or DEFAULT_CODES.is_file()) else {}
    n = Counter[str]()
    methods = Counter[str]()
    errors = Counter[str]()
    halves = {name: Counter[str]() for name in HALVES}
    for rec, parsed, cd in zip(records, parses, coded, strict=True):
        before = Counter(n)
        _score_record(rec, parsed, cd, hand, n, methods, errors)
        halves[half_of(rec)].update(n - before)
    report = _figures(n, len(records))
    if n["hand"]:
        report["errors"] = {k: {"count": v} for k, v in errors.most_common(12)}
    report["halves"] = {name: _figures(c, c["sentences"], brief=True) for name, c in halves.items()}
    report["methods"] = {k: {"count": v} for k, v in methods.most_common()}
    report["all_agents"] = _all_agents(records, parses, coded_all)
    return report


def _all_agents(records: list[dict[str, Any]], parses: list[Parsed], coded: list[CodedDocument]) -> dict[str, Any]:
    """Event-level figures when events whose agent no dictionary knows are kept (source ``---``), whole
    file and per half: how much of the gold a user who keeps them finds, and at what precision."""
    whole = Counter[str]()
    halves = {name: Counter[str]() for name in HALVES}
    for rec, parsed, cd in zip(records, parses, coded, strict=True):
        n = Counter[str]()
        _score_record(rec, parsed, cd, {}, n, Counter(), Counter())
        whole.update(n)
        halves[half_of(rec)].update(n)
    keys = ("event_source", "event_source_precision", "event_target", "event_target_precision")
    out = {k: v for k, v in _figures(whole, len(records), brief=True).items() if k in keys}
    for name, c in halves.items():
        out[name] = {k: v for k, v in _figures(c, c["sentences"], brief=True).items() if k in keys}
    return out


def _score_record(rec: dict[str, Any], parsed: Parsed, cd: CodedDocument, hand: dict[tuple[str, str], str],
                  n: Counter[str], methods: Counter[str], errors: Counter[str]) -> None:
    """Tally one gold sentence: its spans, the events coded over them and its hand codes."""
    n["sentences"] += 1
    text = cd.document.text
    labels = rec.get("labels") or {}
    for role in ("actor", "recipient"):
        spans = [s for s in (find_span(text, " ".join(x.split())) for x in labels.get(role, [])) if s]
        for start, end in spans:
            n["spans"] += 1
            m = best_mention(cd.mentions, start, end)
            if best_mention(cd.mentions, start, end, modifiers=True):
                n["covered_mod"] += 1
            if m is None:
                continue
            n["covered"] += 1
            methods[m.method] += 1
            named = _named_countries(parsed, start, end)
            if named:
                n["named"] += 1
                n["named_ok"] += (m.actor.country or m.actor.code) in named
        events = [e for e in cd.events if (e.source if role == "actor" else e.target) is not None]
        if spans:
            n[f"{role}_sents"] += 1
            n[f"{role}_agree"] += any(_overlaps(e, role, spans) for e in events)
        n[f"{role}_events"] += len(events)
        n[f"{role}_events_ok"] += sum(_overlaps(e, role, spans) for e in events)
        for span_text in labels.get(role, []):
            key = (rec.get("id", ""), span_text)
            if key not in hand:
                continue
            _score_code(hand[key], cd.mentions, find_span(text, " ".join(span_text.split())), n, errors)


def _figures(n: Counter[str], sentences: int, brief: bool = False) -> dict[str, Any]:
    """The report's figures from its tallies (``brief``: the headline ones, for a half)."""
    report: dict[str, Any] = {
        "sentences": sentences,
        "gold_spans": n["spans"],
        "span_coverage": _share(n["covered"], n["spans"]),
        "event_source": _share(n["actor_agree"], n["actor_sents"]),
        "event_source_precision": _share(n["actor_events_ok"], n["actor_events"]),
        "event_target": _share(n["recipient_agree"], n["recipient_sents"]),
        "event_target_precision": _share(n["recipient_events_ok"], n["recipient_events"]),
    }
    if n["hand"]:
        report["code_accuracy"] = _share(n["hand_ok"], n["hand"])
    if brief:
        return report
    report |= {
        "span_coverage_with_modifiers": _share(n["covered_mod"], n["spans"]),
        "country_agreement": _share(n["named_ok"], n["named"]),
        "country_spans": n["named"],
    }
    if n["hand"]:
        report |= {
            "hand_coded_spans": n["hand"],
            "code_country_accuracy": _share(n["hand_country_ok"], n["hand"]),
            "code_coverage": _share(n["hand_resolved"], n["hand_actor"]),
        }
    return report


def _score_code(gold: str, mentions: tuple[Mention, ...], where: tuple[int, int] | None,
                n: Counter[str], errors: Counter[str]) -> None:
    """Tally one hand-coded span: exact code, country part, and the kind of error."""
    n["hand"] += 1
    m = best_mention(mentions, *where) if where else None
    got = m.actor.code if m else NO_ACTOR
    if gold != NO_ACTOR:
        n["hand_actor"] += 1
        n["hand_resolved"] += m is not None
    if got == gold:
        n["hand_ok"] += 1
        n["hand_country_ok"] += 1
        return
    if gold != NO_ACTOR and m is not None and got[:3] == gold[:3]:
        n["hand_country_ok"] += 1
        errors["right country, wrong sector"] += 1
    elif gold == NO_ACTOR:
        errors["resolved a non-actor"] += 1
    elif m is None:
        errors["missed (no mention)"] += 1
    else:
        errors["wrong actor"] += 1


def _overlaps(event: Any, role: str, spans: list[tuple[int, int]]) -> bool:
    m = event.source if role == "actor" else event.target
    return m is not None and any(m.start < e and s < m.end for s, e in spans)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


__all__ = ["best_mention", "find_span", "load_codes", "score_actors"]
