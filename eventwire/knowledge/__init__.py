"""Knowledge as data: CAMEO tables, the CAMEO→PLOVER map, lexicons and actor dictionaries.

Each loader reads its file(s) once and caches the result; users extend them with their own files.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a data file shipped inside ``eventwire/knowledge``."""
    return Path(str(resources.files(__package__).joinpath(name)))
