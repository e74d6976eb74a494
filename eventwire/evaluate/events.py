"""Scoring the event coder: ConfliBERT's five-way CAMEO class and eventwire's own event gold.

Five-way classes (ConfliBERT `cameo_class`): 0 statement (CAMEO 01–02), 1 verbal cooperation (03–05),
2 material cooperation (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20). Every gold
sentence holds an event, so a sentence where eventwire codes nothing is predicted as class 0, the
catch-all statement class — the same fallback an analyst applies.

eventwire gold format (JSONL): {"text": "...", "published": "2021-12-22",
"events": [{"source": "RUSGOV", "cameo": "138", "target": "NATO"}, ...]} — an empty list means the
sentence must code nothing. Events match on (source, target, CAMEO root) and, for the code score,
on the full code.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import Settings
from ..nlp import load_model, parse_documents
from ..pipeline import extract
from ..records import CodedDocument, Event
from .common import PRF, read_jsonl, sentence_document

CLASS_NAMES = {0: "statement", 1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def root_class(root: str) -> int:
    """Five-way class of a CAMEO root ('01'..'20')."""
    r = int(root)
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def main_event(events: tuple[Event, ...]) -> Event | None:
    """The event that stands for the sentence: most confident, then not a bare statement, then first."""
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, e.cameo[:2] != "01", -e.evidence.trigger_start))


def _code_all(texts: list[str], published: list[dt.date | None], model: str | None) -> list[CodedDocument]:
    nlp = load_model(model)
    docs = [sentence_document(t, published=p) for t, p in zip(texts, published, strict=True)]
    keep = Settings(keep_statements=True)
    return [extract(p, keep) for p in parse_documents(docs, nlp)]


def score_pentaclass(path: str | Path, model: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Macro-F1, per-class P/R/F1 and the confusion table of the five-way class on a gold file."""
    records = [r for r in read_jsonl(path, limit) if "cameo_pentaclass" in (r.get("labels") or {})]
    coded = _code_all([r["text"] for r in records], [None] * len(records), model)
    per = {c: PRF() for c in CLASS_NAMES}
    confusion: Counter[tuple[int, int]] = Counter()
    for rec, cd in zip(records, coded, strict=True):
        gold = int(rec["labels"]["cameo_pentaclass"])
        ev = main_event(cd.events)
        pred = root_class(ev.root) if ev else 0
        confusion[(gold, pred)] += 1
        if gold == pred:
            per[gold].tp += 1
        else:
            per[gold].fn += 1
            per[pred].fp += 1
    macro = sum(p.f1 for p in per.values()) / len(per)
    accuracy = sum(v for (g, p), v in confusion.items() if g == p) / max(1, len(records))
    return {
        "task": "cameo five-way class",
        "file": str(path),
        "sentences": len(records),
        "macro_f1": round(macro, 4),
        "accuracy": round(accuracy, 4),
        "per_class": {f"{c} {CLASS_NAMES[c]}": per[c].as_dict() for c in CLASS_NAMES},
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())},
    }


def score_events(path: str | Path, model: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """P/R/F1 of (source, target, root) and of the full code on eventwire-format event gold."""
    records = list(read_jsonl(path, limit))
    pubs = [dt.date.fromisoformat(r["published"]) if r.get("published") else None for r in records]
    coded = _code_all([r["text"] for r in records], pubs, model)
    by_root, by_code, per_root = PRF(), PRF(), {f"{i:02d}": PRF() for i in range(1, 21)}
    for rec, cd in zip(records, coded, strict=True):
        gold = {(g["source"], g.get("target") or "", str(g["cameo"])) for g in rec.get("events", [])}
        pred = {(e.source.actor.code, e.target.actor.code if e.target else "", e.cameo) for e in cd.events}
        _tally(by_code, gold, pred)
        groot = {(s, t, c[:2]) for s, t, c in gold}
        proot = {(s, t, c[:2]) for s, t, c in pred}
        _tally(by_root, groot, proot)
        for root, prf in per_root.items():
            _tally(prf, {g for g in groot if g[2] == root}, {p for p in proot if p[2] == root})
    return {
        "task": "events (eventwire gold)",
        "file": str(path),
        "sentences": len(records),
        "root": by_root.as_dict(),
        "code": by_code.as_dict(),
        "per_root": {r: p.as_dict() for r, p in per_root.items() if p.tp + p.fp + p.fn},
    }


def _tally(prf: PRF, gold: set[Any], pred: set[Any]) -> None:
    prf.tp += len(gold & pred)
    prf.fp += len(pred - gold)
    prf.fn += len(gold - pred)
