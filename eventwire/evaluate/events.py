"""Scoring the event coder: ConfliBERT's five-way CAMEO class and eventwire's own event gold.

Five-way classes (ConfliBERT `cameo_class`) are the Phoenix quad classes of the CAMEO table
(``phoenix_quad_class`` in cameo_eventcodes.tsv): 0 statement (01–02), 1 verbal cooperation (03–05),
2 material cooperation (06–08), 3 verbal conflict (09–13 and 16, reduce relations: sanctions,
aid cuts, expelled diplomats), 4 material conflict (14–15, 17–20). Every gold sentence holds an
event, so a sentence where eventwire codes nothing is predicted as class 0, the catch-all statement
class — the same fallback an analyst applies.

eventwire gold format (JSONL): {"text": "...", "published": "2021-12-22",
"events": [{"source": "RUSGOV", "cameo": "138", "target": "NATO"}, ...]} — an empty list means the
sentence must code nothing. Events match on (source, target, CAMEO root) and, for the code score,
on the full code.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import settings_from_env
from ..extract.events import UNKNOWN
from ..extract.frames import SentenceTree
from ..knowledge.cameo import lookup
from ..nlp import load_model, parse_documents
from ..pipeline import extract
from ..records import CodedDocument, Event, Parsed
from .common import HALVES, PRF, half_of, read_jsonl, sentence_document

CLASS_NAMES = {0: "statement", 1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def root_class(root: str) -> int:
    """Five-way (Phoenix quad) class of a CAMEO root ('01'..'20') or code, from the CAMEO table."""
    return lookup(root[:2]).phoenix_quad_class


def main_event(events: tuple[Event, ...], depths: Mapping[int, int] | None = None) -> Event | None:
    """The event that stands for the sentence: in its main clause, most confident, not a bare statement.

    ``depths`` maps a trigger's start offset to its clause depth (0 = the root clause, from
    ``trigger_depths``). The five-way label describes what the sentence's main clause reports, so an
    event read in a purpose clause ("provided aid *to support* refugees") or a relative clause does
    not outrank the root's own, however confident; confidence then breaks ties within a depth.
    """
    if not events:
        return None
    depth = depths or {}
    return max(
        events,
        key=lambda e: (
            -depth.get(e.evidence.trigger_start, 0),
            e.rule != "say",  # the bare statement a speech verb yields when nothing better is there
            e.confidence,
            e.cameo[:2] != "01",
            -e.evidence.trigger_start,
        ),
    )


def trigger_depths(parsed: Parsed) -> dict[int, int]:
    """Clause depth of every token of a parsed document, keyed by its start offset."""
    out: dict[int, int] = {}
    for sentence in parsed.sentences:
        tree = SentenceTree(parsed, sentence)
        out.update((tree.tok(i).start, tree.clause_depth(i)) for i in tree.span())
    return out


def _code_all(
    texts: list[str], published: list[dt.date | None], model: str | None
) -> list[tuple[CodedDocument, dict[int, int]]]:
    """Code one-sentence documents (keeping statements and unknown agents), with their trigger depths."""
    nlp = load_model(model)
    docs = [sentence_document(t, published=p) for t, p in zip(texts, published, strict=True)]
    # the five-way class asks *what happened*, so an unnamed agent ("a car bomb") still counts;
    # figures over known-actor events only are reported beside it
    keep = settings_from_env(keep_statements=True, keep_unknown_actors=True)
    return [(extract(parsed, keep), trigger_depths(parsed)) for parsed in parse_documents(docs, nlp)]


def _known(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The events whose source is a resolved actor."""
    return tuple(e for e in events if e.source.actor.code != UNKNOWN.code)


@dataclass
class _Tally:
    """Per-class counts and the confusion matrix of one way of predicting the class."""

    per: dict[int, PRF] = field(default_factory=lambda: {c: PRF() for c in CLASS_NAMES})
    confusion: Counter[tuple[int, int]] = field(default_factory=Counter)

    def add(self, gold: int, pred: int) -> None:
        self.confusion[(gold, pred)] += 1
        if gold == pred:
            self.per[gold].tp += 1
        else:
            self.per[gold].fn += 1
            self.per[pred].fp += 1

    @property
    def macro_f1(self) -> float:
        return round(sum(p.f1 for p in self.per.values()) / len(self.per), 4)

    @property
    def min_recall(self) -> float:
        """The lowest per-class recall: a class the coder cannot find drags the macro figure down."""
        return round(min(p.recall for p in self.per.values()), 4)

    @property
    def accuracy(self) -> float:
        total = sum(self.confusion.values())
        return round(sum(v for (g, p), v in self.confusion.items() if g == p) / max(1, total), 4)

    def matrix(self) -> dict[str, dict[str, int]]:
        """Rows gold, columns predicted, labelled by class name."""
        return {
            f"gold {g} {CLASS_NAMES[g]}": {f"{p} {CLASS_NAMES[p]}": self.confusion[(g, p)] for p in CLASS_NAMES}
            for g in CLASS_NAMES
        }


def sentence_class(events: tuple[Event, ...], depths: Mapping[int, int] | None = None) -> int:
    """The five-way class of a sentence from its coded events (0 when nothing was coded)."""
    ev = main_event(events, depths)
    return root_class(ev.root) if ev else 0


def score_pentaclass(path: str | Path, model: str | None = None, limit: int | None = None,
                     examples: int = 2, half: str | None = None) -> dict[str, Any]:
    """Macro-F1, per-class P/R/F1 and the confusion matrix of the five-way class on a gold file.

    The figures are given for the whole file and for its tune and check halves (``half_of``);
    misclassified examples are listed from the tune half only, so the check half stays unread.
    """
    records = [r for r in read_jsonl(path, limit, half=half) if "cameo_pentaclass" in (r.get("labels") or {})]
    coded = _code_all([r["text"] for r in records], [None] * len(records), model)
    tallies = {name: (_Tally(), _Tally(), Counter[str]()) for name in ("all", *HALVES)}
    missed: dict[str, dict[str, str]] = {}  # "2->0 #1" -> text and what was coded
    for rec, (cd, depths) in zip(records, coded, strict=True):
        gold = int(rec["labels"]["cameo_pentaclass"])
        pred = sentence_class(cd.events, depths)
        half = half_of(rec)
        for name in ("all", half):
            every, known, counts = tallies[name]
            every.add(gold, pred)
            known.add(gold, sentence_class(_known(cd.events), depths))
            counts["sentences"] += 1
            counts["no_event"] += not cd.events
        n = sum(k.startswith(f"{gold}->{pred} ") for k in missed)
        if gold != pred and n < examples and half == "tune":
            ev = main_event(cd.events, depths)
            missed[f"{gold}->{pred} #{n + 1}"] = {"text": rec["text"], "coded": _describe(ev) if ev else "nothing"}
    every, known, counts = tallies["all"]
    return {
        "task": "cameo five-way class",
        "file": str(path),
        "sentences": len(records),
        "macro_f1": every.macro_f1,
        "accuracy": every.accuracy,
        "macro_f1_known_actors": known.macro_f1,
        "accuracy_known_actors": known.accuracy,
        "min_class_recall": every.min_recall,
        "no_event_share": _share(counts["no_event"], counts["sentences"]),
        "per_class": {f"{c} {CLASS_NAMES[c]}": every.per[c].as_dict() for c in CLASS_NAMES},
        "halves": {name: _half_summary(*tallies[name]) for name in HALVES},
        "confusion": every.matrix(),
        "misclassified": dict(sorted(missed.items())),
    }


def _half_summary(every: _Tally, known: _Tally, counts: Counter[str]) -> dict[str, float]:
    """The headline figures of one half of a gold file."""
    return {
        "sentences": counts["sentences"],
        "macro_f1": every.macro_f1,
        "macro_f1_known_actors": known.macro_f1,
        "min_class_recall": every.min_recall,
        "no_event_share": _share(counts["no_event"], counts["sentences"]),
        **{f"recall {c}": round(every.per[c].recall, 4) for c in CLASS_NAMES},
    }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _describe(ev: Event) -> str:
    """ "RUS 190 UKR (attack: 'attacked')" for a report."""
    target = ev.target.actor.code if ev.target else "-"
    return f"{ev.source.actor.code} {ev.cameo} {target} ({ev.rule}: {ev.evidence.trigger!r})"


def score_events(path: str | Path, model: str | None = None, limit: int | None = None,
                 half: str | None = None) -> dict[str, Any]:
    """P/R/F1 of (source, target, root) and of the full code on eventwire-format event gold."""
    records = list(read_jsonl(path, limit, half=half))
    pubs = [dt.date.fromisoformat(r["published"]) if r.get("published") else None for r in records]
    coded = _code_all([r["text"] for r in records], pubs, model)
    by_root, by_code, per_root = PRF(), PRF(), {f"{i:02d}": PRF() for i in range(1, 21)}
    for rec, (cd, _) in zip(records, coded, strict=True):
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
