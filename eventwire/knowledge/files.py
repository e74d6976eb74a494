"""The one YAML reader and the one TSV reader every knowledge file goes through.

Both refuse what a loader would otherwise ignore, naming file, line and key or column: a typo in a
user's dictionary ("lemmma:", a stray tab) is an error, never a silently dropped entry. A YAML
file is checked against a small *shape* (which keys a mapping may hold, what a list holds) before
its values are read.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeAlias

import yaml

from ..errors import KnowledgeError

#: The key ``read_tsv`` keeps a row's cells past the header under.
EXTRA = "_extra"

# The C loader is several times faster on the large actor files; the pure one reads the same YAML.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(name: str) -> Path:
    """Path of a data file shipped inside ``eventwire/knowledge``."""
    return Path(str(resources.files("eventwire.knowledge").joinpath(name)))


# ---------------------------------------------------------------- shapes


@dataclass(frozen=True, slots=True)
class Keys:
    """A mapping that may hold only these keys, each with its own shape (None: any value)."""

    fields: Mapping[str, Shape]
    required: frozenset[str] = frozenset()
    doc: str = ""  # where a user reads what the keys mean, for the error message


@dataclass(frozen=True, slots=True)
class ListOf:
    """A list whose every item has ``item``'s shape."""

    item: Shape


@dataclass(frozen=True, slots=True)
class MapOf:
    """A mapping with keys of the user's choosing, every value of ``value``'s shape."""

    value: Shape


@dataclass(frozen=True, slots=True)
class Either:
    """A mapping read by the first shape whose required keys it holds (a file mixing kinds of entry)."""

    shapes: Sequence[Keys] = field(default_factory=tuple)


Shape: TypeAlias = Keys | ListOf | MapOf | Either | None


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path}: line {node.start_mark.line + 1}"


def _check(path: Path, node: yaml.Node, shape: Shape, context: str) -> None:
    """Walk ``node`` against ``shape``; raise KnowledgeError at the first key or kind it does not allow."""
    if shape is None:
        return
    if isinstance(shape, Either):
        shape = _pick(path, node, shape, context)
    if isinstance(shape, ListOf):
        if not isinstance(node, yaml.SequenceNode):
            raise KnowledgeError(f"{_where(path, node)}: {context} must be a list")
        for item in node.value:
            _check(path, item, shape.item, _item_name(item, context))
        return
    if not isinstance(node, yaml.MappingNode):
        raise KnowledgeError(f"{_where(path, node)}: {context} must be a mapping")
    if isinstance(shape, MapOf):
        for key, value in node.value:
            _check(path, value, shape.value, repr(str(key.value)))
        return
    present = set()
    for key, value in node.value:
        name = str(key.value)
        present.add(name)
        if name not in shape.fields:
            known = ", ".join(sorted(shape.fields))
            doc = f" ({shape.doc})" if shape.doc else ""
            raise KnowledgeError(f"{_where(path, key)}: unknown key {name!r} in {context}; known keys: {known}{doc}")
        _check(path, value, shape.fields[name], repr(name))
    missing = sorted(shape.required - present)
    if missing:
        raise KnowledgeError(f"{_where(path, node)}: {context} lacks required key(s) {missing}")


def _item_name(item: yaml.Node, context: str) -> str:
    """How a list item is named in a message: by its id where it has one ("entry 'attack' of 'entries'")."""
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode):
                return f"entry {value.value!r} of {context}"
    return f"an item of {context}"


def _pick(path: Path, node: yaml.Node, shape: Either, context: str) -> Keys:
    keys = {str(k.value) for k, _ in node.value} if isinstance(node, yaml.MappingNode) else set()
    for option in shape.shapes:
        if option.required <= keys:
            return option
    kinds = " or ".join(str(sorted(o.required)) for o in shape.shapes)
    raise KnowledgeError(f"{_where(path, node)}: {context} needs the keys {kinds}")


# ---------------------------------------------------------------- readers


def read_yaml(path: Path, what: str, shape: Shape, empty: Any = None) -> Any:
    """The data of a YAML file, after checking it against ``shape``; ``empty`` stands for an empty file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"cannot read {what} {path}: {exc}; reinstall eventwire or fix the path") from None
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return empty
        _check(path, node, shape, f"the {what}")
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{what} {path} is not valid YAML: {exc}") from None
    finally:
        loader.dispose()


def read_tsv(path: Path, what: str, required: Sequence[str] = (), strict: bool = False) -> list[dict[str, str]]:
    """Rows of a TSV file with a header, values stripped, skipping blank and '#' comment lines.

    ``required`` columns must be in the header. Cells past the header's columns are refused when
    ``strict`` (naming the row), else kept tab-joined under ``EXTRA`` for the caller to judge.
    """
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"cannot read {what} {path}: {exc}; reinstall eventwire or fix the path") from None
    reader = csv.DictReader(lines, delimiter="\t", restkey=EXTRA)
    header = [c.strip() for c in reader.fieldnames or ()]
    missing = [c for c in required if c not in header]
    if missing:
        raise KnowledgeError(f"{path}: the {what} needs the column(s) {missing} in its header; it has {header}")
    rows = []
    for n, row in enumerate(reader, start=2):  # row 1 is the header
        if EXTRA in row and strict:
            first = next(iter(row.values()), "")
            raise KnowledgeError(f"{path}: row {n} ({first!r}) has more tab-separated cells than the header has "
                                 "columns; remove the extra tabs")
        rows.append({(k or "").strip(): "\t".join(v) if k == EXTRA else (v or "").strip() for k, v in row.items()})
    return rows


__all__ = ["EXTRA", "Either", "Keys", "ListOf", "MapOf", "Shape", "data_path", "read_tsv", "read_yaml"]
