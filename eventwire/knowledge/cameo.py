"""The CAMEO event-code table and the CAMEO → PLOVER map, loaded once from TSV files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import KnowledgeError
from .files import data_path, read_tsv


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the CAMEO table, with its PLOVER mapping."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    phoenix_quad_class: int  # 0 statement … 4 material conflict; Phoenix puts root 16 in verbal conflict
    plover: str
    plover_mode: str
    plover_context: str

    @property
    def root(self) -> str:
        """The two-digit CAMEO root (01..20)."""
        return self.code[:2]


_PLOVER_COLUMNS = ("cameo_code", "plover_event", "plover_mode", "plover_context")
_CODE_COLUMNS = ("code", "name", "goldstein", "quad_class", "phoenix_quad_class")


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """All CAMEO codes by code string ('01', '036', '1041', ...)."""
    plover: dict[str, dict[str, str]] = {r["cameo_code"]: r for r in read_tsv(
        data_path("cameo_plover.tsv"), "CAMEO to PLOVER table", required=_PLOVER_COLUMNS, strict=True)}
    table: dict[str, CameoCode] = {}
    for row in read_tsv(data_path("cameo_eventcodes.tsv"), "CAMEO code table", required=_CODE_COLUMNS, strict=True):
        code = row["code"].strip()
        try:
            goldstein, quad = float(row["goldstein"]), int(row["quad_class"])
            phoenix = int(row["phoenix_quad_class"])
        except (KeyError, ValueError) as exc:
            raise KnowledgeError(f"cameo_eventcodes.tsv: bad row for code {code!r}: {exc}") from None
        p = _plover_for(code, plover)
        table[code] = CameoCode(code, row["name"].strip(), goldstein, quad, phoenix,
                                p.get("plover_event", ""), p.get("plover_mode", ""), p.get("plover_context", ""))
    return table


def _plover_for(code: str, plover: dict[str, dict[str, str]]) -> dict[str, str]:
    """The PLOVER row for a code, falling back to the nearest coded ancestor (0311 → 031 → 03)."""
    for n in range(len(code), 1, -1):
        row = plover.get(code[:n])
        if row and row.get("plover_event"):
            return row
    return {}


def lookup(code: str) -> CameoCode:
    """The CAMEO entry for a code; raises KnowledgeError for an unknown code."""
    try:
        return cameo_table()[code]
    except KeyError:
        raise KnowledgeError(f"unknown CAMEO code {code!r}: not in cameo_eventcodes.tsv") from None
