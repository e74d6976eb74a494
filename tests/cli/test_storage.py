"""Store commands end to end: ingest, events, quotes, stats, documents, export, and a locked store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.export import GDELT_COLUMNS
from eventwire.store import Store
from tests.store.factory import D, E, Q, coded

DOCS = [
    D("a", [E(), E("UKRGOV", "RUSGOV", "112", "2021-12-02")], [Q()], url="https://example.org/a",
      published="2021-12-22"),
    D("b", [E("USAGOV", "RUSGOV", "036", "2021-11-20")], url="https://example.com/b", published="2021-11-21"),
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_many(coded(d) for d in DOCS)
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.stdout, res.stderr


@pytest.mark.parametrize(("args", "codes"), [
    ([], {"RUSMIL", "UKRGOV", "USAGOV"}),
    (["--actor", "RUS"], {"RUSMIL", "UKRGOV", "USAGOV"}),
    (["--source", "UKR"], {"UKRGOV"}),
    (["--target", "RUS", "--since", "2021-12-01"], {"UKRGOV"}),
    (["--root", "19"], {"RUSMIL"}),
    (["--quad", "1"], {"USAGOV"}),
    (["--until", "2021-11-30"], {"USAGOV"}),
    (["--actor", "FRA"], set()),
])
def test_events_filters(db: str, args: list[str], codes: set[str]) -> None:
    code, out, _ = run("events", "--db", db, "--format", "json", *args)
    assert code == 0
    assert {r["source"] for r in json.loads(out)} == codes


def test_events_csv_and_limit(db: str) -> None:
    code, out, _ = run("events", "--db", db, "--format", "csv", "--limit", "1")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1 and "event_key" in rows[0]


def test_quotes_stats_documents(db: str) -> None:
    _, out, _ = run("quotes", "--db", db, "--speaker", "ukrainian", "--format", "json")
    assert [q["doc_id"] for q in json.loads(out)] == ["a"]
    _, out, _ = run("quotes", "--db", db, "--speaker", "Putin", "--format", "json")
    assert json.loads(out) == []
    _, out, _ = run("stats", "--db", db, "--format", "json")
    stats = json.loads(out)
    assert stats["counts"]["documents"] == 2 and {r["root"] for r in stats["by_root"]} == {"03", "11", "19"}
    _, out, _ = run("documents", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["b", "a"]


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "plover", "parquet"])
def test_export_formats(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    code, _, err = run("export", "--db", db, "--format", fmt, "-o", str(out))
    assert code == 0 and "wrote 3 events" in err
    if fmt == "gdelt":
        assert all(len(line.split("\t")) == len(GDELT_COLUMNS) for line in out.read_text().splitlines())
    elif fmt == "plover":
        assert {json.loads(line)["event"][0] for line in out.read_text().splitlines()} == {"ASSAULT", "ACCUSE", "AGREE"}
    elif fmt == "parquet":
        import duckdb

        assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}')").fetchall() == [(3,)]


def test_export_with_filter_to_stdout(db: str) -> None:
    code, out, _ = run("export", "--db", db, "--format", "csv", "-o", "-", "--actor", "USA")
    assert code == 0 and len(out.splitlines()) == 2


@pytest.mark.parametrize("args", [["events"], ["stats"], ["documents"], ["quotes"]])
def test_missing_store_is_one_line(tmp_path: Path, args: list[str]) -> None:
    code, _, err = run(*args, "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and err.startswith("eventwire: error:") and "no such store" in err
    assert "Traceback" not in err


def test_locked_store_is_one_clear_line(db: str) -> None:
    holder = subprocess.Popen([sys.executable, "-c", f"from eventwire.store import Store; s = Store({db!r}); "
                               "print('ready', flush=True); import sys; sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for args in (["events", "--db", db], ["ingest", "-", "--db", db]):
            code, _, err = run(*args)
            assert code == 1 and "open in another eventwire process" in err and "Traceback" not in err
    finally:
        holder.communicate("")


def test_ingest_command(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    story = ("The president of France criticized the government of Germany on Monday over trade, officials said.")
    corpus.write_text("\n".join([json.dumps({"key": "1", "body": story, "day": "2021-12-03"}), "{bad"]) + "\n")
    db, report = tmp_path / "i.duckdb", tmp_path / "fail.jsonl"
    args = ["ingest", str(corpus), "--db", str(db), "--text-field", "body", "--date-field", "day",
            "--id-field", "key", "--report", str(report), "--quiet"]
    code, _, err = run(*args)
    assert code == 0, err
    assert "1 stored" in err and "1 skipped (1 bad record)" in err
    assert json.loads(report.read_text())["source"].endswith("c.jsonl:2")
    code, _, err = run(*args)
    assert "0 stored, 1 already stored" in err
    with Store(db, read_only=True) as store:
        [doc] = store.documents()
    assert str(doc["published"]) == "2021-12-03" and doc["source"].endswith("c.jsonl#1")


def test_every_store_command_has_help() -> None:
    for name in ("ingest", "events", "quotes", "stats", "documents", "export"):
        code, out, _ = run(name, "--help")
        assert code == 0 and "--db" in out
