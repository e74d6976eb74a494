"""Static charts of the store with matplotlib (Agg: no display needed).

    plot_dyad(store, "RUS", "USA", since="2021-12-01", out="dyad.png")
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .query import DateLike, dyad_timeline
from .store import Store


def plot_dyad(store: Store, a: str, b: str, out: str | os.PathLike[str], since: DateLike = None,
              until: DateLike = None, freq: str = "day", directed: bool = False) -> Path:
    """Conflict vs cooperation bars and mean Goldstein between ``a`` and ``b``, written to ``out`` (PNG/SVG/PDF)."""
    rows = dyad_timeline(store, a, b, since, until, freq=freq, directed=directed)
    if not any(r["events"] for r in rows):
        raise ConfigError(f"no events between {a} and {b}{_period(since, until)}: nothing to plot")
    return draw_timeline(rows, f"{a.upper()} {'→' if directed else '↔'} {b.upper()}", out, freq)


def draw_timeline(rows: list[dict[str, Any]], title: str, out: str | os.PathLike[str], freq: str = "day") -> Path:
    """Draw dyad_timeline rows: cooperation/conflict counts as bars, mean Goldstein as a line."""
    import matplotlib

    matplotlib.use("Agg")  # files only: never needs a display
    from matplotlib.figure import Figure

    periods = [r["period"] for r in rows]
    coop = [r["q1"] + r["q2"] for r in rows]
    conflict = [r["q3"] + r["q4"] for r in rows]
    width = {"day": 0.4, "week": 2.8, "month": 12.0}[freq]
    shift = dt.timedelta(days=width / 2)
    fig = Figure(figsize=(9, 4.2), dpi=100)
    ax = fig.add_subplot()
    ax.bar([p - shift for p in periods], coop, width=width, color="#2e8b57", label="cooperation (quad 1–2)")
    ax.bar([p + shift for p in periods], conflict, width=width, color="#c0392b", label="conflict (quad 3–4)")
    ax.set_ylabel(f"events per {freq}")
    ax.set_ylim(0, max(1, *coop, *conflict) * 1.15)
    g = ax.twinx()
    points = [(r["period"], r["goldstein"]) for r in rows if r["goldstein"] is not None]
    g.plot([p for p, _ in points], [v for _, v in points], color="#333333", marker="o", label="mean Goldstein")
    g.axhline(0, color="#999999", linewidth=0.6)
    g.set_ylim(-10.5, 10.5)
    g.set_ylabel("mean Goldstein")
    ax.set_title(title)
    handles = ax.get_legend_handles_labels()[0] + g.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", fontsize="small")
    fig.autofmt_xdate()
    fig.tight_layout()
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    return path


def _period(since: DateLike, until: DateLike) -> str:
    if since and until:
        return f" from {since} to {until}"
    return f" since {since}" if since else f" until {until}" if until else ""


__all__ = ["draw_timeline", "plot_dyad"]
