"""Knowledge as data: CAMEO tables, the CAMEO→PLOVER map, lexicons and actor dictionaries.

Each loader reads its file(s) once, through the one YAML and TSV reader of ``files``, and caches
the result; users extend them with their own files.
"""

from __future__ import annotations

from .files import EXTRA, data_path, read_tsv, read_yaml
from .layer import Knowledge, load

__all__ = ["EXTRA", "Knowledge", "data_path", "load", "read_tsv", "read_yaml"]
