"""Why the coder coded what it did: each sentence's predicate frames, its actors, and a verdict with a
reason on every trigger candidate ("no lexicon entry", "no source", "negated", "a duplicate" ...).

PETRARCH's users asked for this; it is how a missing event is traced to a mechanism rather than a word.
``explain_text`` is the library call behind ``eventwire explain`` and ``eventwire code --why``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from . import nlp as nlp_stage
from .config import Settings
from .export import plain
from .extract.frames import SentenceTree
from .ingest import read_text
from .pipeline import _as_date, extract
from .records import CodedDocument, Parsed

#: Prepositions a frame lists (the ones the lexicon's target slots and wrappers read).
FRAME_PREPS = ("to", "with", "on", "against", "at", "for", "from", "into", "in", "over", "by", "between", "of")


@dataclass(frozen=True, slots=True)
class Frame:
    """One predicate of a sentence as the coder sees it: its subjects, objects and phrases, as text."""

    sent: int
    token: int
    trigger: str
    lemma: str
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    phrases: tuple[tuple[str, str], ...]  # (preposition, its object's text)
    clauses: tuple[tuple[str, str], ...]  # (dependency label, the clause head's text)
    passive: bool


@dataclass(frozen=True, slots=True)
class Explanation:
    """A coded document with its decisions, and the frames of its predicates."""

    coded: CodedDocument
    sentences: tuple[str, ...]
    frames: tuple[Frame, ...]


def explain_text(text: str, published: str | dt.date | None = None, settings: Settings | None = None) -> Explanation:
    """Code ``text`` recording why every trigger candidate was kept or dropped."""
    settings = (settings or Settings()).with_(explain=True)
    document = read_text(text, source="<text>", published=_as_date(published))
    model = nlp_stage.load_model(settings.model)
    parsed = next(iter(nlp_stage.parse_documents([document], model, 1)))
    return Explanation(extract(parsed, settings), tuple(s.text for s in parsed.sentences), frames(parsed))


def frames(parsed: Parsed) -> tuple[Frame, ...]:
    """The predicate frames of every sentence of a parsed document."""
    out: list[Frame] = []
    for sentence in parsed.sentences:
        tree = SentenceTree(parsed, sentence)
        for i in tree.span():
            pred = tree.predicate(i)
            if pred is None:
                continue
            out.append(Frame(
                sentence.index, i, tree.tok(pred.trigger).text, pred.lemma,
                tuple(_phrase(tree, s) for s in tree.subjects(pred.head)),
                tuple(_phrase(tree, o) for o in tree.objects(pred.anchors)),
                tuple((p, _phrase(tree, o)) for p in FRAME_PREPS for o in tree.prep_objects(pred.anchors, p)),
                tuple((tree.tok(k).dep, tree.tok(k).text) for k in tree.kids_of(pred.anchors, "ccomp", "xcomp",
                                                                                   "advcl", "conj")),
                tree.is_passive(pred.head),
            ))
    return tuple(out)


def _phrase(tree: SentenceTree, i: int) -> str:
    """The text of token ``i``'s subtree, shortened for display."""
    sub = tree.subtree(i)
    text = tree.parsed.span_text(sub.start, sub.stop)
    return text if len(text) <= 60 else text[:57] + "..."


def explanation_to_dict(explanation: Explanation) -> dict[str, Any]:
    """JSON-ready form: per sentence, its frames, actor mentions, decisions and events."""
    coded = explanation.coded
    sentences = []
    for n, part in enumerate(explanation.sentences):
        sentences.append({
            "sentence": n,
            "text": part,
            "frames": [_frame_row(f) for f in explanation.frames if f.sent == n],
            "actors": [{"text": m.text, "code": m.actor.code, "name": m.actor.name, "method": m.method}
                       for m in coded.mentions if m.sent == n],
            "decisions": [{k: v for k, v in plain(d).items() if k != "sent"} for d in coded.decisions if d.sent == n],
            "events": [{"source": e.source.actor.code, "cameo": e.cameo, "name": e.cameo_name,
                        "target": e.target.actor.code if e.target else None, "rule": e.rule,
                        "trigger": e.evidence.trigger, "confidence": e.confidence}
                       for e in coded.events if e.evidence.sent == n],
        })
    return {"doc_id": coded.document.doc_id, "sentences": sentences}


def _frame_row(f: Frame) -> dict[str, Any]:
    """A frame as one flat row of text cells."""
    return {
        "token": f.token, "trigger": f.trigger, "lemma": f.lemma, "passive": f.passive,
        "subjects": "; ".join(f.subjects), "objects": "; ".join(f.objects),
        "phrases": "; ".join(f"{p}: {o}" for p, o in f.phrases),
        "clauses": "; ".join(f"{d}: {h}" for d, h in f.clauses),
    }


__all__ = ["Explanation", "Frame", "explain_text", "explanation_to_dict", "frames"]
