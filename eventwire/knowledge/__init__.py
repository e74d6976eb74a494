"""Knowledge as data: CAMEO tables, the CAMEO→PLOVER map, lexicons and actor dictionaries.

Each loader reads its file(s) once and caches the result; users extend them with their own files.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeError


def data_path(name: str) -> Path:
    """Path of a data file shipped inside ``eventwire/knowledge``."""
    return Path(str(resources.files(__package__).joinpath(name)))


def read_tsv(path: Path, what: str) -> list[dict[str, str]]:
    """Rows of a TSV file with a header, values stripped, skipping blank and '#' comment lines.

    Cells past the header's columns are kept, tab-joined, under ``EXTRA`` for the caller to refuse.
    """
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise KnowledgeError(f"cannot read {what} {path}: {exc}; reinstall eventwire or fix the path") from None
    rows = csv.DictReader(lines, delimiter="\t", restkey=EXTRA)
    return [{k: "\t".join(v) if k == EXTRA else (v or "").strip() for k, v in row.items()} for row in rows]


#: The key ``read_tsv`` keeps a row's cells past the header under.
EXTRA = "_extra"
