"""The event lexicon: verb and noun entries (verbs.yaml, nouns.yaml) and the wrapper transforms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from .cameo import cameo_table
from .files import Keys, ListOf, MapOf, Shape, data_path, read_yaml

#: Kinds of verb entry; every kind but event/speech/light wraps a complement.
#: pass: the wrapper codes what it wraps unchanged ("decided to ease the curfew", "began to withdraw").
#: halt: what is stopped ("a suspension of aid" -> 162); consider: what is weighed (-> 014);
#: refusal: what did not come about ("failed to reach agreement" -> 127; a failed attack is dropped).
WRAPPER_KINDS = frozenset({"intent", "threat", "demand", "appeal", "reject", "refusal", "pass", "halt", "consider"})
#: veto: the verb (with its constraints) is known not to be a political event ("fight a fire").
VERB_KINDS = WRAPPER_KINDS | {"event", "speech", "light", "veto"}
DEFAULT_TARGETS = ("dobj", "dative", "prep:with", "prep:against", "prep:to", "prep:on")
DEFAULT_INNER = ("xcomp", "ccomp", "obj", "prep")
DEFAULT_INNER_PREPS = ("for", "of", "to", "in", "on")
DEFAULT_NOUN_TARGETS = ("against", "on", "with", "to")
#: The code groups the coder's rules test; verbs.yaml must define each (checked at load).
CODE_GROUPS = ("conditional_force", "harm", "verbal", "asking", "responsive", "threatening", "state_acts")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One verb pattern: lemma plus constraints, and the CAMEO code it yields."""

    id: str
    lemmas: tuple[str, ...]
    code: str
    kind: str = "event"
    pos: str | None = None
    prt: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    obj: tuple[str, ...] = ()
    comp: tuple[str, ...] = ()
    subj: tuple[str, ...] = ()  # lemmas or @classes the subject (or a modifier of it) must match
    targets: tuple[str, ...] = DEFAULT_TARGETS
    inner: tuple[str, ...] = DEFAULT_INNER
    inner_preps: tuple[str, ...] = DEFAULT_INNER_PREPS
    raising: bool = False
    from_agent: bool = False  # passive with no "by": the "from" phrase is the agent ("expelled from Russia")
    bare: bool = True  # a wrapper whose complement codes nothing still yields ``code``
    opaque: bool = False  # speech whose content is the speaker's assertion, not a reported event
    with_goods: bool = False  # a light verb whose noun may sit in a "with" phrase ("provided Brazil with loans")
    recode: tuple[tuple[str, str], ...] = ()  # a light verb's noun codes read otherwise ("provided support": aid)
    goods: tuple[tuple[str, str], ...] = ()  # a light verb's thing given, no event noun: (@class or WordNet file, code)

    @property
    def specificity(self) -> int:
        """How many constraints the entry carries; the most specific match wins."""
        return sum(bool(x) for x in (self.pos, self.prt, self.prep, self.obj, self.comp, self.subj))


@dataclass(frozen=True, slots=True)
class NounEntry:
    """One event noun: lemma plus required modifiers, and the CAMEO code it yields."""

    id: str
    lemmas: tuple[str, ...]
    code: str  # "" marks a veto: the noun is known not to be a political event here
    mods: tuple[str, ...] = ()
    symmetric: bool = False
    standalone: bool = True
    sector: str | None = None
    targets: tuple[str, ...] = DEFAULT_NOUN_TARGETS
    wraps: str | None = None  # a wrapper kind: "a proposal for talks" codes like "propose talks"
    bare: bool = True  # a wrapping noun whose complement codes nothing still yields ``code``


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Verb and noun entries indexed by lemma, word classes, and wrapper transforms."""

    verbs: Mapping[str, tuple[VerbEntry, ...]]
    nouns: Mapping[str, tuple[NounEntry, ...]]
    classes: Mapping[str, frozenset[str]]
    transforms: Mapping[str, Mapping[str, str]]
    mutual: tuple[str, ...] = ()  # code prefixes where "A and B <verb>" means A→B and B→A
    place_targets: tuple[str, ...] = ()  # code prefixes whose target may be a place's country
    together: Mapping[str, str] = field(default_factory=dict)  # code → its code when done by several together
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # named code prefixes (code_groups)
    people_senses: tuple[str, ...] = ()  # WordNet nouns whose kinds name people (people_senses)
    noun_people: Mapping[str, bool] = field(default_factory=dict)  # noun lemma -> whether WordNet says people
    noun_senses: Mapping[str, str] = field(default_factory=dict)  # noun lemma -> its first sense's file (WordNet)

    def in_group(self, code: str, group: str) -> bool:
        """Whether ``code`` starts with one of the prefixes of code group ``group`` (verbs.yaml code_groups)."""
        return code.startswith(self.groups[group])

    def place_target(self, code: str) -> bool:
        """Whether, with no actor named, a place in a target slot stands for its country's people."""
        return code.startswith(self.place_targets) if self.place_targets else False

    def in_class(self, lemma: str, spec: str) -> bool:
        """Whether ``lemma`` matches ``spec`` (a lemma, or ``@class`` from verbs.yaml)."""
        if spec.startswith("@"):
            return lemma in self.classes.get(spec[1:], frozenset())
        return lemma == spec

    def is_people(self, lemma: str, wordnet: bool = False) -> bool:
        """Whether a noun names people: listed (classes people / not_people), else (``wordnet``) its most
        frequent WordNet sense is a kind of one of ``people_senses`` ("candidate", "insurer"), else it
        ends like a word for people ("-ist", "-er")."""
        if lemma in self.classes.get("people", frozenset()):
            return True
        if lemma in self.classes.get("not_people", frozenset()):
            return False
        known = self.noun_people.get(lemma) if wordnet else None
        if known is not None:  # a noun the lexicon reads as an act ("meeting", "mission") names no one
            return known and lemma not in self.nouns
        if len(lemma) < 5 or lemma.endswith(tuple(self.classes.get("not_people_suffixes", ()))):
            return False
        return lemma.endswith(tuple(self.classes.get("people_suffixes", ())))

    def with_wordnet(self, people: Mapping[str, bool], senses: Mapping[str, str]) -> Lexicon:
        """This lexicon reading unlisted nouns through WordNet: people or not (``is_people(..., wordnet=True)``)
        and the lexicographer file of their first sense (a light verb's ``goods``)."""
        return replace(self, noun_people=people, noun_senses=senses)

    def transform(self, kind: str, code: str, depth: int = 0) -> str | None:
        """Map a wrapped code through ``transforms[kind]``; None means drop the event."""
        table = self.transforms.get(kind)
        if table is None:
            return code
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                result = table[code[:n]]
                break
        else:
            result = table.get("default", "drop")
        if result == "keep":
            return code
        if result == "drop":
            return None
        if result in self.transforms and depth < 2:
            return self.transform(result, code, depth + 1)
        return result


# YAML 1.1 reads the bare words on/off as booleans; in a lexicon they are always the particles.
_YAML_BOOL_WORDS = {True: "on", False: "off"}


def _word(value: Any) -> str:
    return _YAML_BOOL_WORDS[value] if isinstance(value, bool) else str(value)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(_word(v) for v in value)
    return (_word(value),)


#: The keys each part of a lexicon file may hold (docs/lexicon.md documents every one; a test checks).
VERB_KEYS = frozenset({"id", "lemma", "code", "kind", "pos", "prt", "prep", "obj", "comp", "subj", "targets",
                       "inner", "inner_preps", "raising", "from_agent", "bare", "opaque", "with_goods", "recode",
                       "goods"})
NOUN_KEYS = frozenset({"id", "lemma", "code", "mods", "symmetric", "standalone", "sector", "targets", "wraps",
                       "bare"})
#: The target slots a verb entry may name (readings.py reads each), besides ``prep:WORD``.
TARGET_SLOTS = frozenset({"dobj", "dative", "obj_dative", "oprd", "nsubjpass", "ccomp_subj", "xcomp_subj",
                          "obj_mentions", "purpose_obj", "comp_mentions", "cond_subj"})
VERB_FILE_KEYS = frozenset({"entries", "classes", "code_groups", "mutual", "together", "place_targets",
                            "people_senses", "transforms"})
NOUN_FILE_KEYS = frozenset({"entries"})
_DOC = "docs/lexicon.md"


def _file_shape(file_keys: frozenset[str], entry_keys: frozenset[str]) -> Keys:
    entry = Keys(dict.fromkeys(entry_keys), required=frozenset({"id", "lemma"}), doc=_DOC)
    fields: dict[str, Shape] = dict.fromkeys(file_keys)
    fields["entries"] = ListOf(entry)
    for name in ("classes", "together", "transforms"):
        if name in fields:
            fields[name] = MapOf(None)
    return Keys(fields, required=frozenset({"entries"}), doc=_DOC)


VERB_FILE = _file_shape(VERB_FILE_KEYS, VERB_KEYS)
NOUN_FILE = _file_shape(NOUN_FILE_KEYS, NOUN_KEYS)


def _check_code(code: str, where: str, entry_id: str, allow_empty: bool = False) -> None:
    if (code == "" and allow_empty) or code in cameo_table():
        return
    raise KnowledgeError(
        f"{where}: entry {entry_id!r} has unknown CAMEO code {code!r}; use a code from cameo_eventcodes.tsv"
    )


def _verb(raw: dict[str, Any], where: str) -> VerbEntry:
    try:
        entry = VerbEntry(
            id=str(raw["id"]),
            lemmas=_tuple(raw["lemma"]),
            code=str(raw.get("code", "")),
            kind=str(raw.get("kind", "event")),
            pos=raw.get("pos"),
            prt=_tuple(raw.get("prt")),
            prep=_tuple(raw.get("prep")),
            obj=_tuple(raw.get("obj")),
            comp=_tuple(raw.get("comp")),
            subj=_tuple(raw.get("subj")),
            targets=_tuple(raw["targets"]) if "targets" in raw else DEFAULT_TARGETS,
            inner=_tuple(raw["inner"]) if "inner" in raw else DEFAULT_INNER,
            inner_preps=_tuple(raw["inner_preps"]) if "inner_preps" in raw else DEFAULT_INNER_PREPS,
            raising=bool(raw.get("raising", False)),
            from_agent=bool(raw.get("from_agent", False)),
            bare=bool(raw.get("bare", True)),
            opaque=bool(raw.get("opaque", False)),
            with_goods=bool(raw.get("with_goods", False)),
            recode=tuple((str(k), str(v)) for k, v in (raw.get("recode") or {}).items()),
            goods=tuple((str(k), str(v)) for k, v in (raw.get("goods") or {}).items()),
        )
    except (KeyError, TypeError) as exc:
        raise KnowledgeError(f"{where}: malformed verb entry {raw!r}: missing {exc}") from None
    if entry.kind not in VERB_KINDS:
        raise KnowledgeError(
            f"{where}: entry {entry.id!r} has unknown kind {entry.kind!r}; use one of {sorted(VERB_KINDS)}"
        )
    _check_code(entry.code, where, entry.id, allow_empty=entry.kind in ("light", "veto"))
    for _, code in entry.goods:
        _check_code(code, where, entry.id)
    bad = [t for t in entry.targets if t not in TARGET_SLOTS and not (t.startswith("prep:") and len(t) > 5)]
    if bad:
        raise KnowledgeError(
            f"{where}: entry {entry.id!r} has unknown target slot(s) {bad}; use prep:WORD or one of "
            f"{sorted(TARGET_SLOTS)}"
        )
    return entry


def _noun(raw: dict[str, Any], where: str) -> NounEntry:
    try:
        entry = NounEntry(
            id=str(raw["id"]),
            lemmas=_tuple(raw["lemma"]),
            code=str(raw["code"]),
            mods=_tuple(raw.get("mods")),
            symmetric=bool(raw.get("symmetric", False)),
            standalone=bool(raw.get("standalone", True)),
            sector=raw.get("sector"),
            targets=_tuple(raw["targets"]) if "targets" in raw else DEFAULT_NOUN_TARGETS,
            wraps=raw.get("wraps"),
            bare=bool(raw.get("bare", True)),
        )
    except (KeyError, TypeError) as exc:
        raise KnowledgeError(f"{where}: malformed noun entry {raw!r}: missing {exc}") from None
    _check_code(entry.code, where, entry.id, allow_empty=True)
    if entry.wraps is not None and entry.wraps not in WRAPPER_KINDS:
        raise KnowledgeError(
            f"{where}: entry {entry.id!r} wraps unknown kind {entry.wraps!r}; "
            f"use one of {sorted(WRAPPER_KINDS)}"
        )
    return entry


def _index(entries: list[Any]) -> dict[str, tuple[Any, ...]]:
    by_lemma: dict[str, list[Any]] = {}
    for e in entries:
        for lemma in e.lemmas:
            by_lemma.setdefault(lemma.lower(), []).append(e)
    return {k: tuple(v) for k, v in by_lemma.items()}


def read_lexicon(verbs_path: Path, nouns_path: Path) -> Lexicon:
    """Read and validate a verb file and a noun file into a Lexicon."""
    vdata = read_yaml(verbs_path, "lexicon file", VERB_FILE)
    ndata = read_yaml(nouns_path, "lexicon file", NOUN_FILE)
    if not isinstance(vdata, dict) or not isinstance(ndata, dict):
        raise KnowledgeError(f"lexicon files {verbs_path} and {nouns_path} must each be a mapping with 'entries'")
    verbs = [_verb(r, str(verbs_path)) for r in vdata["entries"]]
    nouns = [_noun(r, str(nouns_path)) for r in ndata["entries"]]
    ids = [e.id for e in verbs] + [e.id for e in nouns]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise KnowledgeError(f"lexicon entry ids must be unique; repeated: {dupes}")
    classes = {str(k): frozenset(str(x) for x in v) for k, v in (vdata.get("classes") or {}).items()}
    transforms = {
        str(k): {str(c): str(r) for c, r in v.items()} for k, v in (vdata.get("transforms") or {}).items()
    }
    mutual = tuple(str(c) for c in vdata.get("mutual") or ())
    place_targets = tuple(str(c) for c in vdata.get("place_targets") or ())
    together = {str(k): str(v) for k, v in (vdata.get("together") or {}).items()}
    for code in (*together, *together.values()):
        _check_code(code, str(verbs_path), "together")
    groups = _code_groups(vdata.get("code_groups"), str(verbs_path))
    people_senses = tuple(str(c) for c in vdata.get("people_senses") or ())
    return Lexicon(_index(verbs), _index(nouns), classes, transforms, mutual, place_targets, together, groups,
                   people_senses)


def _code_groups(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    """The code_groups mapping: exactly the groups in CODE_GROUPS, each a list of CAMEO code prefixes."""
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where}: code_groups must be a mapping of {', '.join(CODE_GROUPS)}")
    missing, unknown = sorted(set(CODE_GROUPS) - set(raw)), sorted(set(raw) - set(CODE_GROUPS))
    if missing or unknown:
        raise KnowledgeError(f"{where}: code_groups must name exactly {', '.join(CODE_GROUPS)}"
                             + (f"; missing {missing}" if missing else "")
                             + (f"; unknown {unknown}" if unknown else ""))
    groups = {str(k): tuple(str(c) for c in v or ()) for k, v in raw.items()}
    roots = {code[:2] for code in cameo_table()}
    for name, prefixes in groups.items():
        for prefix in prefixes:
            if prefix not in roots and prefix not in cameo_table():
                raise KnowledgeError(f"{where}: code group {name!r} has {prefix!r}, which is no CAMEO code or root")
    return groups


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with eventwire (verbs.yaml + nouns.yaml), read once."""
    return read_lexicon(data_path("verbs.yaml"), data_path("nouns.yaml"))
