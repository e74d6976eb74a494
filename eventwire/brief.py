"""The daily brief: what you need to know about a day, from the store, as Markdown, HTML and plain text.

    brief = make_brief(store, "2021-12-22", actors=["RUS", "USA", "UKR", "NATO"])
    write_brief(brief, "out/")            # out/brief-2021-12-22.md, .html, .txt

Sections: top stories (by how often their events were reported), escalations and de-escalations per
dyad against the previous seven days (mean Goldstein shift), dyads new in the last 30 days, and key quotes
with speakers. Every line carries its evidence: the document id and sentence index it was read in.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .query import EventFilter, actor_list, as_date
from .store import Store
from .store.subscriptions import normalize_actors

SHIFT = 1.5  # a change of mean Goldstein this large (on the -10..10 scale) is an escalation/de-escalation
PREVIOUS_DAYS = 7  # the baseline a day is compared with
NEW_DAYS = 30  # a dyad is new when it had no events this many days before


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the brief and where it was read."""

    text: str
    doc_id: str | None = None
    sent: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A headed list of lines; ``empty`` is said when there are none."""

    title: str
    lines: tuple[Line, ...]
    empty: str


@dataclass(frozen=True, slots=True)
class Brief:
    """The brief for one day and (optionally) a set of actor code prefixes."""

    day: dt.date
    actors: tuple[str, ...]
    events: int
    documents: int
    sections: tuple[Section, ...] = field(default=())

    @property
    def subject(self) -> str:
        """The e-mail subject line."""
        who = f" ({', '.join(self.actors)})" if self.actors else ""
        return (f"eventwire brief {self.day.isoformat()}{who}: {_n(self.events, 'event')} in "
                f"{_n(self.documents, 'story', 'stories')}")


def make_brief(store: Store, day: str | dt.date, actors: str | Sequence[str] | None = None,
               top: int = 5) -> Brief:
    """Build the brief for ``day`` from the store, keeping only events between the given actors (if any)."""
    date = as_date(day, "date")
    if date is None:
        raise ConfigError("the brief needs a date: use --date YYYY-MM-DD")
    prefixes = tuple(normalize_actors(actors if actors is None or isinstance(actors, str) else list(actors)))
    countries = {a["code"]: a["country"] for a in actor_list(store, limit=2**31 - 1)}
    side = _Sides(prefixes, countries)
    today = _events(store, date, date, side, lambda e: e["date_granularity"] == "day"
                    or e["first_published"] == date)
    before = _events(store, date - dt.timedelta(days=NEW_DAYS), date - dt.timedelta(days=1), side,
                     lambda e: e["date_until"] is not None and e["date_until"] < date)
    week = [e for e in before if e["date_until"] >= date - dt.timedelta(days=PREVIOUS_DAYS)]
    shifts = _shifts(today, week)
    sections = (
        Section("Top stories", tuple(_top_stories(today, top)), "No stories with events on this day."),
        Section("Escalations", tuple(_shift_lines(shifts, escalating=True, top=top)),
                "No dyad escalated against the previous week."),
        Section("De-escalations", tuple(_shift_lines(shifts, escalating=False, top=top)),
                "No dyad de-escalated against the previous week."),
        Section("New dyads", tuple(_new_dyads(today, before, top)), f"No dyad new in the last {NEW_DAYS} days."),
        Section("Key quotes", tuple(_key_quotes(store, date, prefixes, top)), "No quotes with a known speaker."),
    )
    return Brief(date, prefixes, len(today), len({e["doc_id"] for e in today}), sections)


# ---- gathering ---------------------------------------------------------------------------------------------


class _Sides:
    """Which side of a dyad an actor code counts as: the first matching prefix, else its country."""

    def __init__(self, prefixes: tuple[str, ...], countries: dict[str, str | None]) -> None:
        self.prefixes = prefixes
        self.countries = countries

    def __call__(self, code: str | None) -> str | None:
        if not code:
            return None
        if self.prefixes:
            return next((p for p in self.prefixes if code.startswith(p)), None)
        return self.countries.get(code) or code


def _events(store: Store, since: dt.date, until: dt.date, side: _Sides, keep: Any) -> list[dict[str, Any]]:
    """Events overlapping [since, until] whose both sides are followed, each with its evidence sentence."""
    f = EventFilter(since=since, until=until, limit=None)
    where = {m["event_key"]: m for m in reversed(store.mentions(f))}  # the first mention of each event wins
    out = []
    for e in store.events(f):
        a, b = side(e["source"]), side(e["target"])
        if a is None or (side.prefixes and b is None) or not keep(e):
            continue
        m = where.get(e["event_key"])
        out.append({**e, "a": a, "b": b, "sent": m["sent"] if m else None,
                    "doc_id": m["doc_id"] if m else e["doc_id"], "title": m["title"] if m else None})
    return out


def _dyad(e: dict[str, Any]) -> tuple[str, str] | None:
    if e["b"] is None or e["a"] == e["b"]:
        return None
    return (e["a"], e["b"]) if e["a"] < e["b"] else (e["b"], e["a"])


def _top_stories(today: list[dict[str, Any]], top: int) -> Iterable[Line]:
    stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in today:
        stories[e["doc_id"]].append(e)
    # a story ranks by how often its events were reported across the store, then by how many it has
    ranked = sorted(stories.items(), key=lambda kv: (-sum(e["num_mentions"] for e in kv[1]), -len(kv[1]), kv[0]))
    for doc_id, evs in ranked[:top]:
        lead = min(evs, key=lambda e: (-e["num_mentions"], e["sent"] if e["sent"] is not None else 10**6))
        title = next((e["title"] for e in evs if e["title"]), None) or f"story {doc_id}"
        reports = sum(e["num_mentions"] for e in evs)
        yield Line(f"{title}: {_event_phrase(lead)} ({len(evs)} events, {reports} mentions)", doc_id, lead["sent"])


def _shifts(today: list[dict[str, Any]], week: list[dict[str, Any]]) -> list[dict[str, Any]]:
    now, then = _by_dyad(today), _by_dyad(week)
    out = []
    for dyad, evs in now.items():
        if dyad not in then:
            continue
        g_now, g_then = _mean(evs), _mean(then[dyad])
        if g_now is None or g_then is None:
            continue
        out.append({"dyad": dyad, "now": g_now, "then": g_then, "shift": g_now - g_then, "events": evs,
                    "conflict": _conflict(evs), "was": _conflict(then[dyad]), "n_then": len(then[dyad])})
    return out


def _shift_lines(shifts: list[dict[str, Any]], escalating: bool, top: int) -> Iterable[Line]:
    chosen = [s for s in shifts if (s["shift"] <= -SHIFT if escalating else s["shift"] >= SHIFT)]
    chosen.sort(key=lambda s: (s["shift"] if escalating else -s["shift"], s["dyad"]))
    for s in chosen[:top]:
        key = (lambda e: e["goldstein"]) if escalating else (lambda e: -e["goldstein"])
        lead = min((e for e in s["events"] if e["goldstein"] is not None), key=key)
        a, b = s["dyad"]
        yield Line(f"{a}–{b}: mean Goldstein {s['now']:+.1f} against {s['then']:+.1f} in the previous "
                   f"{PREVIOUS_DAYS} days ({s['shift']:+.1f}; conflict events {s['conflict']}/{len(s['events'])}, "
                   f"were {s['was']}/{s['n_then']}); {_event_phrase(lead)}", lead["doc_id"], lead["sent"])


def _new_dyads(today: list[dict[str, Any]], before: list[dict[str, Any]], top: int) -> Iterable[Line]:
    seen = set(_by_dyad(before))
    fresh = {d: evs for d, evs in _by_dyad(today).items() if d not in seen}
    for (a, b), evs in sorted(fresh.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
        lead = evs[0]
        yield Line(f"{a}–{b}: {_n(len(evs), 'event')}, the first in {NEW_DAYS} days; {_event_phrase(lead)}",
                   lead["doc_id"], lead["sent"])


def _key_quotes(store: Store, day: dt.date, prefixes: tuple[str, ...], top: int) -> Iterable[Line]:
    quotes = [q for q in store.quotes(since=day, until=day, limit=None) if q["speaker_text"]]
    if prefixes:
        quotes = [q for q in quotes if any((q["speaker_code"] or "").startswith(p) for p in prefixes)]
    # direct quotes first, then quotes that carried an event, then longer ones
    quotes.sort(key=lambda q: (not q["direct"], not q["event_ids"], -len(q["text"]), q["quote_id"]))
    for q in quotes[:top]:
        name, said = q["speaker_name"], q["speaker_text"]
        # "Lavrov" → "Sergey Lavrov", but "the Ukrainian military" stays itself rather than "Ukraine"
        who = name if name and name.split()[-1].lower() in said.lower() else said
        code = f" ({q['speaker_code']})" if q["speaker_code"] else ""
        text = q["text"] if len(q["text"]) <= 240 else q["text"][:237] + "..."
        yield Line(f"{who}{code}: \u201c{text}\u201d", q["doc_id"], q["sent"])


def _by_dyad(events: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        if (d := _dyad(e)) is not None:
            out[d].append(e)
    return dict(out)


def _mean(events: list[dict[str, Any]]) -> float | None:
    values = [e["goldstein"] for e in events if e["goldstein"] is not None]
    return sum(values) / len(values) if values else None


def _conflict(events: list[dict[str, Any]]) -> int:
    return sum(1 for e in events if e["quad_class"] in (3, 4))


def _event_phrase(e: dict[str, Any]) -> str:
    target = f" → {e['target']}" if e["target"] else ""
    name = (e["cameo_name"] or "").split(",")[0]
    return f"{e['source']} {name.lower() or e['cameo']}{target} (CAMEO {e['cameo']}, Goldstein {e['goldstein']:+.1f})"


# ---- rendering ---------------------------------------------------------------------------------------------


def evidence(line: Line, link_base: str | None = None) -> tuple[str, str | None]:
    """The evidence label of a line and its dashboard link (None without a link base or a document)."""
    if line.doc_id is None:
        return "", None
    label = f"doc {line.doc_id}" + (f", sentence {line.sent}" if line.sent is not None else "")
    if not link_base:
        return label, None
    sent = f"&sent={line.sent}" if line.sent is not None else ""
    return label, f"{link_base.rstrip('/')}/#doc={line.doc_id}{sent}"


def to_markdown(brief: Brief, link_base: str | None = None, footer: str = "") -> str:
    """The brief as Markdown."""
    out = [f"# What you need to know: {brief.day.isoformat()}", "",
           f"{_n(brief.events, 'event')} in {_n(brief.documents, 'story', 'stories')}" +
           (f" between {', '.join(brief.actors)}." if brief.actors else "."), ""]
    for s in brief.sections:
        out += [f"## {s.title}", ""]
        for line in s.lines or (Line(f"_{s.empty}_"),):
            label, url = evidence(line, link_base)
            ref = f" ([{label}]({url}))" if url else (f" ({label})" if label else "")
            out.append(f"- {_md(line.text)}{ref}" if line.doc_id else f"- {line.text}")
        out.append("")
    if footer:
        out += ["---", "", footer, ""]
    return "\n".join(out)


def to_text(brief: Brief, link_base: str | None = None, footer: str = "") -> str:
    """The brief as plain text (the text/plain part of the e-mail)."""
    out = [f"WHAT YOU NEED TO KNOW: {brief.day.isoformat()}",
           f"{_n(brief.events, 'event')} in {_n(brief.documents, 'story', 'stories')}" +
           (f" between {', '.join(brief.actors)}." if brief.actors else "."), ""]
    for s in brief.sections:
        out += [s.title.upper(), "-" * len(s.title)]
        for line in s.lines or (Line(s.empty),):
            label, url = evidence(line, link_base)
            out.append(f"* {line.text}" + (f"\n  evidence: {label}" if label else "") + (f" <{url}>" if url else ""))
        out.append("")
    if footer:
        out += ["--", footer, ""]
    return "\n".join(out)


def to_html(brief: Brief, link_base: str | None = None, footer: str = "") -> str:
    """The brief as a small self-contained HTML page (the text/html part of the e-mail)."""
    e = html.escape
    parts = [f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{e(brief.subject)}</title></head>",
             "<body style=\"font-family:system-ui,sans-serif;max-width:46rem;margin:auto;color:#1d232a\">",
             f"<h1>What you need to know: {e(brief.day.isoformat())}</h1>",
             f"<p>{_n(brief.events, 'event')} in {_n(brief.documents, 'story', 'stories')}"
             + (f" between {e(', '.join(brief.actors))}." if brief.actors else ".") + "</p>"]
    for s in brief.sections:
        parts.append(f"<h2>{e(s.title)}</h2><ul>")
        if not s.lines:
            parts.append(f"<li><em>{e(s.empty)}</em></li>")
        for line in s.lines:
            label, url = evidence(line, link_base)
            ref = (f" <small>(<a href=\"{e(url)}\">{e(label)}</a>)</small>" if url
                   else f" <small>({e(label)})</small>" if label else "")
            parts.append(f"<li>{e(line.text)}{ref}</li>")
        parts.append("</ul>")
    if footer:
        parts.append(f"<hr><p style=\"color:#66707a;font-size:small\">{e(footer)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_brief(brief: Brief, out_dir: str | Path, link_base: str | None = None) -> list[Path]:
    """Write brief-DAY.md, .html and .txt into ``out_dir`` (created if missing); returns the paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"brief-{brief.day.isoformat()}"
    written = []
    for suffix, render in ((".md", to_markdown), (".html", to_html), (".txt", to_text)):
        path = stem.with_suffix(suffix)
        path.write_text(render(brief, link_base), encoding="utf-8")
        written.append(path)
    return written


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _md(text: str) -> str:
    # Keep story text from turning into Markdown markup
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


__all__ = ["Brief", "Line", "Section", "evidence", "make_brief", "to_html", "to_markdown", "to_text",
           "write_brief"]
