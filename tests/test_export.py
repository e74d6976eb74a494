"""Exports: records → dicts and rows, and each writer's output parsed back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from eventwire.export import (
    EVENT_COLUMNS,
    GDELT_COLUMNS,
    STORE_EVENT_COLUMNS,
    coded_to_dict,
    event_row,
    gdelt_row,
    plain,
    plover_record,
    write_csv,
    write_gdelt,
    write_parquet,
    write_plover,
)
from eventwire.query import EventFilter
from eventwire.store import Store

from .store.factory import D, E, coded

DOCS = [
    D("a", [E(place="UKR"), E("UKRGOV", "RUSGOV", "112", sentence="Kyiv accused\tMoscow of lying.")],
      url="https://www.reuters.com/a", published="2021-12-21"),
    D("b", [E()], url="https://apnews.com/b", published="2021-12-22"),
    D("c", [E("FRA", None, "010", sentence="Paris made a statement."),
            E("NATO", "RUSGOV", "036", "2021-W50", granularity="week", method="relative")]),
]


@pytest.fixture
def store() -> Store:
    s = Store()
    s.add_many(coded(d) for d in DOCS)
    return s


def test_plain_and_coded_to_dict_are_json_ready() -> None:
    c = coded(DOCS[0])
    record = coded_to_dict(c)
    assert json.loads(json.dumps(record))["doc_id"] == "a"
    assert record["published"] == "2021-12-21" and record["parts"][0]["kind"] == "title"
    assert record["events"][0]["evidence"]["part"] == "body"
    assert plain(c.events[0].date)["begin"] == "2021-12-21"


def test_event_row_has_every_column() -> None:
    row = event_row(coded(DOCS[0]).events[0])
    assert tuple(row) == EVENT_COLUMNS
    assert (row["source"], row["target"], row["cameo"], row["date"]) == ("RUSMIL", "UKR", "190", "2021-12-21")


def test_csv_from_store(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert write_csv(store, path) == 4
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == STORE_EVENT_COLUMNS
    shelling = next(r for r in rows if r["cameo"] == "190")
    assert (shelling["num_mentions"], shelling["num_documents"], shelling["num_sources"]) == ("2", "2", "2")
    assert shelling["source_name"] == "Russian military" and shelling["date_begin"] == "2021-12-21"


def test_csv_with_a_filter_and_from_rows(store: Store) -> None:
    out = io.StringIO()
    assert write_csv(store, out, filter=EventFilter(root="11")) == 1
    assert out.getvalue().splitlines()[1].split(",")[0] == store.events(root="11")[0]["event_key"]
    out = io.StringIO()
    assert write_csv(coded(DOCS[0]).events, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == EVENT_COLUMNS and rows[1]["cameo"] == "112"


def test_gdelt_columns_are_gdelts() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:6] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
                                 "Actor1Code")
    assert GDELT_COLUMNS[15] == "Actor2Code"
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_gdelt_tsv(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    assert write_gdelt(store, path) == 4
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = [line.split("\t") for line in lines]
    assert len(lines) == 4 and all(len(c) == 61 for c in cells)
    rows = [dict(zip(GDELT_COLUMNS, c, strict=True)) for c in cells]
    shelling = next(r for r in rows if r["EventCode"] == "190")
    assert (shelling["SQLDATE"], shelling["MonthYear"], shelling["Year"]) == ("20211221", "202112", "2021")
    assert shelling["FractionDate"] == f"{2021 + 355 / 365:.4f}"
    assert (shelling["Actor1Code"], shelling["Actor1Name"], shelling["Actor1CountryCode"],
            shelling["Actor1Type1Code"]) == ("RUSMIL", "RUSSIAN MILITARY", "RUS", "MIL")
    assert (shelling["EventBaseCode"], shelling["EventRootCode"], shelling["QuadClass"]) == ("190", "19", "4")
    assert (shelling["NumMentions"], shelling["NumSources"], shelling["NumArticles"]) == ("2", "2", "2")
    assert shelling["AvgTone"] == "" and shelling["ActionGeo_FullName"] == "Ukraine"
    assert shelling["SOURCEURL"] == "https://www.reuters.com/a" and len(shelling["DATEADDED"]) == 14
    assert int(shelling["GLOBALEVENTID"]) == int(store.events(root="19")[0]["event_key"][:15], 16)
    accuse = next(r for r in rows if r["EventCode"] == "112")
    assert accuse["Actor2Code"] == "RUSGOV" and accuse["Actor2Type1Code"] == "GOV"
    statement = next(r for r in rows if r["EventCode"] == "010")
    assert statement["Actor2Code"] == "" and statement["EventRootCode"] == "01"


def test_gdelt_header_and_rows_from_records() -> None:
    out = io.StringIO()
    assert write_gdelt(coded(DOCS[0]).events, out, header=True) == 2
    lines = out.getvalue().splitlines()
    assert tuple(lines[0].split("\t")) == GDELT_COLUMNS
    row = dict(zip(GDELT_COLUMNS, lines[2].split("\t"), strict=True))
    assert row["NumMentions"] == "1" and row["EventCode"] == "112"
    assert "Kyiv" not in lines[2]  # GDELT rows carry no sentence text, and no tab leaked from it
    assert gdelt_row({"event_id": "x", "cameo": "0871"})["EventBaseCode"] == "087"


def test_plover_jsonl(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    # The CAMEO 010 statement has no PLOVER category and is left out.
    assert write_plover(store, path) == 3
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for rec in records:
        assert {"id", "date", "source", "recipient", "event", "mode", "context", "event_text", "quad_code",
                "event_scale", "cite_info", "coder"} <= set(rec)
        assert isinstance(rec["event"], list) and isinstance(rec["source"], list)
    shelling = next(r for r in records if r["event"] == ["ASSAULT"])
    assert shelling["date"] == "2021-12-21" and "enddate" not in shelling
    assert shelling["source"] == [{"code": "RUS", "sector": "MIL", "actor_text": "Russian military",
                                   "identifier_text": "Russian military", "eventwire_code": "RUSMIL"}]
    assert shelling["recipient"][0]["code"] == "UKR" and shelling["context"] == ["military"]
    assert shelling["quad_code"] == 4 and shelling["event_scale"] == -10.0
    assert shelling["event_loc"] == {"cc3": "UKR"} and shelling["num_documents"] == 2
    nato = next(r for r in records if r["event"] == ["AGREE"])
    assert (nato["date"], nato["enddate"]) == ("2021-12-13", "2021-12-19")
    assert nato["source"][0]["code"] == "NATO" and nato["source"][0]["sector"] == ""


def test_plover_record_from_an_event_row() -> None:
    rec = plover_record(event_row(coded(D("x", [E(future=True)])).events[0]))
    assert rec["id"] == "x-ev0" and rec["modality"] == "future" and rec["text_info"]["start"] >= 0
    assert rec["source"][0]["code"] == "RUSMIL"  # a flat row has no country column: the code stands


def test_parquet_from_store_reads_back(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(store, path) == 4
    con = duckdb.connect()
    rows = con.execute("SELECT * FROM read_parquet(?) ORDER BY cameo", [str(path)]).fetchall()
    names = [d[0] for d in con.description]
    assert tuple(names) == STORE_EVENT_COLUMNS and len(rows) == 4
    got = dict(zip(names, rows[-1], strict=True))
    assert (got["cameo"], got["num_mentions"], str(got["date_begin"])) == ("190", 2, "2021-12-21")


def test_parquet_with_filter_and_from_rows(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "f.parquet"
    assert write_parquet(store, path, filter=EventFilter(actor="NATO")) == 1
    back = duckdb.connect().execute("SELECT source FROM read_parquet(?)", [str(path)]).fetchall()
    assert back == [("NATO",)]
    path = tmp_path / "rows.parquet"
    assert write_parquet(coded(DOCS[0]).events, path) == 2
    back = duckdb.connect().execute(
        "SELECT event_id, goldstein, negated FROM read_parquet(?) ORDER BY event_id", [str(path)]).fetchall()
    assert back == [("a-ev0", -10.0, False), ("a-ev1", -2.0, False)]
