"""Records → plain dicts and rows, and the writers of stored events: CSV, Parquet, GDELT, PLOVER."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import enum
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from .records import CodedDocument, Event, Mention

#: Columns of a flat event row (CSV, tables), in order.
EVENT_COLUMNS = (
    "event_id", "date", "source", "source_text", "cameo", "cameo_name", "target", "target_text",
    "root", "quad_class", "goldstein", "plover", "plover_mode", "plover_context", "speaker",
    "confidence", "negated", "future", "hypothetical", "from_caption", "actor_unresolved", "target_unresolved",
    "part", "role",
    "sentence", "trigger", "trigger_start", "trigger_end", "doc_id",
)


def plain(value: Any) -> Any:
    """Turn records (dataclasses, enums, dates, tuples) into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def coded_to_dict(coded: CodedDocument) -> dict[str, Any]:
    """The full JSON record of a coded document (the document without its raw text)."""
    doc = coded.document
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source,
        "source": doc.source,
        "url": doc.url,
        "model": coded.model,
        "coder_version": coded.coder_version,
        "warnings": list(coded.warnings),
        "parts": [{"kind": p.kind.value, "start": p.start, "end": p.end, "text": p.text} for p in doc.parts],
        "events": [plain(e) | {"actor_unresolved": e.actor_unresolved, "target_unresolved": e.target_unresolved}
                   for e in coded.events],
        "quotes": [plain(q) for q in coded.quotes],
        "dates": [plain(d) for d in coded.dates],
        "mentions": [plain(m) for m in coded.mentions],
        **({"decisions": [plain(d) for d in coded.decisions]} if coded.decisions else {}),
    }


def _code(m: Mention | None) -> str:
    return m.actor.code if m else ""


def event_row(ev: Event) -> dict[str, Any]:
    """One flat row for an event (CSV and table output)."""
    return {
        "event_id": ev.event_id,
        "date": ev.date.value if ev.date else "",
        "source": _code(ev.source),
        "source_text": ev.source.text,
        "cameo": ev.cameo,
        "cameo_name": ev.cameo_name,
        "target": _code(ev.target),
        "target_text": ev.target.text if ev.target else "",
        "root": ev.root,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "plover": ev.plover,
        "plover_mode": ev.plover_mode,
        "plover_context": ev.plover_context,
        "speaker": ev.speaker.text if ev.speaker else "",
        "confidence": round(ev.confidence, 3),
        "negated": ev.negated,
        "future": ev.future,
        "hypothetical": ev.hypothetical,
        "from_caption": ev.from_caption,
        "actor_unresolved": ev.actor_unresolved,
        "target_unresolved": ev.target_unresolved,
        "part": ev.evidence.part.value,
        "role": ev.evidence.role,
        "sentence": ev.evidence.sentence,
        "trigger": ev.evidence.trigger,
        "trigger_start": ev.evidence.trigger_start,
        "trigger_end": ev.evidence.trigger_end,
        "doc_id": ev.evidence.doc_id,
    }


# -- writers: CSV, Parquet, GDELT 2.0 event table, PLOVER JSONL -----------------------------------------
#
# Each writer takes a Store (its deduplicated events, optionally filtered) or an iterable of event rows:
# dicts from ``event_row`` or ``Store.events``, or Event records. They return the number of rows written.

#: Columns of a deduplicated event row from ``Store.events`` (CSV and Parquet of a store), in order.
STORE_EVENT_COLUMNS = (
    "event_key", "date", "date_begin", "date_until", "date_granularity",
    "source", "source_name", "source_country", "source_sector", "source_text", "cameo", "cameo_name",
    "target", "target_name", "target_country", "target_sector", "target_text",
    "root", "quad_class", "goldstein", "plover", "plover_mode", "plover_context", "modality", "confidence",
    "num_mentions", "num_documents", "num_sources", "first_seen", "first_published", "place", "is_root",
    "sentence", "trigger", "doc_id", "url",
)

#: The 61 columns of the GDELT 2.0 event table, in GDELT's order (GDELT 2.0 Event Codebook).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

#: What eventwire writes as the PLOVER ``coder`` and ``cite_info.codebook`` fields.
PLOVER_CODEBOOK = "plover-base (CAMEO codes mapped by CAMEO2PLOVER-2021)"

Rows = Any  # a Store or an iterable of row dicts / Event records


def export_rows(source: Rows, filter: Any = None) -> Iterable[dict[str, Any]]:
    """Rows to export: a Store's deduplicated events (filtered, unlimited) or the given rows as dicts."""
    from .store import Store

    if isinstance(source, Store):
        from .store.filters import as_filter

        f = as_filter(filter, {})
        return source.iter_events(f.replace(limit=None) if filter is None else f)
    return (event_row(r) if isinstance(r, Event) else r for r in source)


def write_csv(source: Rows, out: str | os.PathLike[str] | TextIO, filter: Any = None,
              columns: Sequence[str] | None = None) -> int:
    """Write event rows as CSV with a header; columns default to the store's or EVENT_COLUMNS."""
    rows = export_rows(source, filter)
    if columns is None:
        columns = STORE_EVENT_COLUMNS if _is_store(source) else EVENT_COLUMNS
    with _open_text(out) as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        n = 0
        for row in rows:
            writer.writerow({c: _cell(row.get(c)) for c in columns})
            n += 1
    return n


def write_parquet(source: Rows, path: str | os.PathLike[str], filter: Any = None) -> int:
    """Write event rows as a Parquet file (DuckDB's writer: no pyarrow needed)."""
    import duckdb

    from .store import Store, schema
    from .store.filters import as_filter

    if isinstance(source, Store):
        f = as_filter(filter, {}).replace(limit=None) if filter is None else as_filter(filter, {})
        where, params = f.where()
        source.relation(schema.select_events(where), [*params, *f.page()]).to_parquet(os.fspath(path))
        return int(source.rows("SELECT count(*) AS n FROM read_parquet(?)", [os.fspath(path)])[0]["n"])
    records = [dict(r) for r in export_rows(source, filter)]
    columns = list(records[0]) if records else list(EVENT_COLUMNS)
    con = duckdb.connect()
    try:
        selects = ", ".join(f'unnest($c{i}) AS "{_quote_ident(c)}"' for i, c in enumerate(columns))
        values = {f"c{i}": [r.get(c) for r in records] for i, c in enumerate(columns)}
        con.sql(f"SELECT {selects}", params=values).to_parquet(os.fspath(path))
    finally:
        con.close()
    return len(records)


def gdelt_row(row: dict[str, Any]) -> dict[str, Any]:
    """One GDELT 2.0 event-table row from an event row; fields eventwire does not know stay empty."""
    out: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    key = str(row.get("event_key") or row.get("event_id") or "")
    day = _as_day(row.get("date_begin")) or _as_day(row.get("date")) or _as_day(row.get("first_published"))
    cameo = str(row.get("cameo") or "")
    out.update({
        "GLOBALEVENTID": _numeric_id(key),
        "IsRootEvent": int(bool(row.get("is_root", row.get("part") == "title"))),
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": row.get("root") or cameo[:2],
        "QuadClass": row.get("quad_class", ""), "GoldsteinScale": row.get("goldstein", ""),
        "NumMentions": row.get("num_mentions", 1), "NumSources": row.get("num_sources", 1),
        "NumArticles": row.get("num_documents", 1),
        "SOURCEURL": row.get("url") or row.get("doc_id") or "",
    })
    if day:
        doy = day.timetuple().tm_yday
        out.update({"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": day.year,
                    "FractionDate": f"{day.year + doy / 365:.4f}"})
    for n, who in ((1, "source"), (2, "target")):
        code = row.get(who) or ""
        if not code:
            continue
        sector = row.get(f"{who}_sector") or ""
        out[f"Actor{n}Code"] = code
        out[f"Actor{n}Name"] = (row.get(f"{who}_name") or "").upper()
        out[f"Actor{n}CountryCode"] = row.get(f"{who}_country") or ""
        for i in range(3):
            out[f"Actor{n}Type{i + 1}Code"] = sector[3 * i: 3 * i + 3]
    place = row.get("place")
    if place:
        # GDELT's ActionGeo_CountryCode is FIPS 10-4, which eventwire does not map: only type and name.
        out["ActionGeo_Type"] = 1
        out["ActionGeo_FullName"] = _country_name(place)
    seen = row.get("first_seen")
    if isinstance(seen, dt.datetime):
        out["DATEADDED"] = seen.strftime("%Y%m%d%H%M%S")
    return out


def write_gdelt(source: Rows, out: str | os.PathLike[str] | TextIO, filter: Any = None,
                header: bool = False) -> int:
    """Write events as a GDELT 2.0 event-table TSV (no header, like GDELT's files, unless ``header``)."""
    with _open_text(out) as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        if header:
            writer.writerow(GDELT_COLUMNS)
        n = 0
        for row in export_rows(source, filter):
            g = gdelt_row(row)
            writer.writerow([_tsv_cell(g[c]) for c in GDELT_COLUMNS])
            n += 1
    return n


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER JSON record (PLOVER manual, "JSON Data Fields") from an event row."""
    from .version import CODER_VERSION

    begin = _as_day(row.get("date_begin")) or _as_day(row.get("date"))
    until = _as_day(row.get("date_until"))
    rec: dict[str, Any] = {
        "id": row.get("event_key") or row.get("event_id"),
        "has_event": True,
        "date": begin.isoformat() if begin else None,
    }
    if until and begin and until != begin:
        rec["enddate"] = until.isoformat()
    rec["source"] = [_plover_actor(row, "source")]
    rec["recipient"] = [_plover_actor(row, "target")] if row.get("target") else []
    rec["event"] = [row["plover"]]
    rec["mode"] = [row["plover_mode"]] if row.get("plover_mode") else []
    rec["context"] = [row["plover_context"]] if row.get("plover_context") else []
    rec["event_text"] = [row["sentence"]] if row.get("sentence") else []
    rec["quad_code"] = row.get("quad_class")
    rec["event_scale"] = row.get("goldstein")
    if row.get("place"):
        rec["event_loc"] = {"cc3": row["place"]}
    if row.get("trigger_start") is not None:
        rec["text_info"] = {"start": row.get("trigger_start"), "end": row.get("trigger_end")}
    rec["cite_info"] = {"url": row.get("url") or "", "coder": f"eventwire {CODER_VERSION}",
                        "codebook": PLOVER_CODEBOOK}
    rec["coder"] = f"eventwire {CODER_VERSION}"
    # Fields beyond the manual's table, which it allows: the CAMEO code and eventwire's counts.
    rec["cameo_code"] = row.get("cameo")
    rec["modality"] = row.get("modality") or _modality(row)
    rec["confidence"] = row.get("confidence")
    rec["num_mentions"] = row.get("num_mentions", 1)
    rec["num_documents"] = row.get("num_documents", 1)
    rec["num_sources"] = row.get("num_sources", 1)
    return rec


def write_plover(source: Rows, out: str | os.PathLike[str] | TextIO, filter: Any = None) -> int:
    """Write events as PLOVER JSON lines; events without a PLOVER category (CAMEO 01, 02) are skipped."""
    n = 0
    with _open_text(out) as fh:
        for row in export_rows(source, filter):
            if not row.get("plover"):
                continue
            fh.write(json.dumps(plain(plover_record(row)), ensure_ascii=False) + "\n")
            n += 1
    return n


#: Store export formats → their writers (each takes a Store, a target and an optional filter).
WRITERS = {"csv": "write_csv", "parquet": "write_parquet", "gdelt": "write_gdelt", "plover": "write_plover"}


def export_store(store: Any, fmt: str, out: str | os.PathLike[str] | TextIO, filter: Any = None) -> int:
    """Write a store's deduplicated events in one of WRITERS' formats; returns the number written."""
    from .errors import ConfigError

    if fmt not in WRITERS:
        raise ConfigError(f"export format {fmt!r} is unknown: use one of {', '.join(WRITERS)}")
    if fmt == "parquet" and not isinstance(out, str | os.PathLike):
        raise ConfigError("parquet is written to a file, not a stream: give -o PATH")
    writer = globals()[WRITERS[fmt]]
    n: int = writer(store, out, filter)
    return n


def _plover_actor(row: dict[str, Any], who: str) -> dict[str, Any]:
    code = row.get(who) or ""
    country = row.get(f"{who}_country") or ""
    sector = row.get(f"{who}_sector") or (code[len(country):] if country and code.startswith(country) else "")
    actor = {"code": country or code, "sector": sector, "actor_text": row.get(f"{who}_text") or ""}
    if row.get(f"{who}_name"):
        actor["identifier_text"] = row[f"{who}_name"]
    actor["eventwire_code"] = code
    return actor


def _modality(row: dict[str, Any]) -> str:
    for flag in ("negated", "hypothetical", "future"):
        if row.get(flag):
            return flag
    return "asserted"


def _is_store(source: Any) -> bool:
    from .store import Store

    return isinstance(source, Store)


@contextlib.contextmanager
def _open_text(out: str | os.PathLike[str] | TextIO) -> Iterator[TextIO]:
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield out


def _quote_ident(name: str) -> str:
    # Row keys become Parquet column names; they are identifiers, so they are quoted, not bound.
    return str(name).replace('"', '""')


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def _tsv_cell(value: Any) -> str:
    # GDELT files carry no quoting: tabs and newlines inside a field would break the row.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _as_day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _numeric_id(key: str) -> int:
    """GDELT ids are integers: the event key's first 15 hex digits (or a hash of a non-hex id)."""
    try:
        return int(key[:15], 16)
    except ValueError:
        import hashlib

        return int(hashlib.sha1(key.encode()).hexdigest()[:15], 16)


def _country_name(code: str) -> str:
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):
        return code
    return country.name if country else code
