"""The CLI end to end: formats, stdin, and one clear line for every bad input."""

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

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "aegean_talks.txt"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_code_json_has_events_quotes_and_title(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", str(EXAMPLE), "--format", "json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["title"].startswith("Greece and Turkey Agree")
    assert rec["published"] == "2023-03-14"
    assert rec["events"], "the example story must yield events"
    ev = rec["events"][0]
    for key in ("cameo", "root", "quad_class", "goldstein", "plover", "source", "evidence", "confidence"):
        assert key in ev
    assert rec["quotes"]


def test_code_csv_rows_match_events(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", str(EXAMPLE), "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and all(r["cameo"] and r["source"] for r in rows)


def test_code_reads_stdin(runner: CliRunner) -> None:
    story = "Chile and Peru signed a trade agreement on Monday, officials said.\n"
    res = runner.invoke(cli, ["code", "-", "--published", "2022-05-10", "--format", "json"], input=story)
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["published"] == "2022-05-10"
    assert rec["source"] == "<stdin>"


def test_table_output_for_people(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", str(EXAMPLE), "--format", "table"])
    assert res.exit_code == 0, res.output
    assert "events" in res.stdout and "quotes" in res.stdout


@pytest.mark.parametrize(
    "make, needle",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blob.bin", bytes(range(256)) * 64), "binary"),
    ],
    ids=["missing", "directory", "empty", "binary"],
)
def test_bad_input_gets_one_clear_line(runner: CliRunner, tmp_path: Path, make, needle: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    res = runner.invoke(cli, ["code", str(path), "--format", "json"])
    assert res.exit_code == 1
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and needle in lines[0].lower(), res.stderr
    assert "Traceback" not in res.output


def test_one_bad_file_does_not_stop_the_others(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(cli, ["code", str(tmp_path / "nope.txt"), str(EXAMPLE), "--format", "jsonl"])
    assert res.exit_code == 1
    assert len(res.stdout.strip().splitlines()) == 1
    assert json.loads(res.stdout)["events"]


def test_too_large_is_refused_with_the_limit(runner: CliRunner, tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", b"Talks went on. " * 2000)
    res = runner.invoke(cli, ["code", str(big), "--max-bytes", "1000"])
    assert res.exit_code == 1
    assert "1000" in res.stderr or "1,000" in res.stderr


def test_non_utf8_is_decoded_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    text = "Le ministre fran\u00e7ais met his Spanish counterpart in Madrid on Monday, officials said.\n"
    path = _write(tmp_path / "latin.txt", text.encode("cp1252"))
    res = runner.invoke(cli, ["code", str(path), "--format", "json", "--published", "2022-01-05"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert any("utf-8" in w.lower() for w in rec["warnings"])


def test_bad_published_date_is_a_usage_error(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", str(EXAMPLE), "--published", "yesterday"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_every_command_has_help(runner: CliRunner) -> None:
    for name, command in cli.commands.items():
        assert command.help, f"command {name} has no help"
        assert runner.invoke(cli, [name, "--help"]).exit_code == 0


def test_actors_explains_a_resolution(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["actors", "Kremlin spokesman Dmitry Peskov", "--date", "2021-12-22", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert any(r["code"] == "RUSGOV" for r in rows)


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "eventwire", "--version"], capture_output=True, text=True, check=True)
    assert "eventwire" in out.stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
