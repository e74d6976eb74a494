"""Ingest runs: sources → code_batch → store, idempotent, failures recorded, and safe against SIGKILL."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.ingest import Failure, read_sources
from eventwire.ingest.document import read_text
from eventwire.runs import IngestSummary, code_batch, ingest_into
from eventwire.store import Store

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "India", "Kenya", "Canada", "Egypt", "Mexico", "Turkey"]
VERBS = ["met", "criticized", "praised", "accused", "threatened"]


def story(i: int) -> dict[str, str]:
    """An invented wire story; i varies the actors, the verb and the date."""
    a, b = COUNTRIES[i % 10], COUNTRIES[(i // 10 + i + 1) % 10]
    verb = VERBS[i % len(VERBS)]
    text = (f"{a} {verb} {b} over trade\n\nThe president of {a} {verb} the government of {b} on Monday, "
            f"officials said. Talks between {a} and {b} are expected to resume next week, number {i}.")
    return {"id": f"s{i}", "title": f"{a} {verb} {b} over trade", "date": f"2021-12-{1 + i % 28:02d}",
            "text": text}


def corpus(tmp_path: Path, n: int, bad: bool = True) -> Path:
    lines = [json.dumps(story(i)) for i in range(n)]
    if bad:
        lines[2:2] = ["{not json", json.dumps({"id": "x", "text": "Der Außenminister traf am Montag seinen "
                                                "Amtskollegen und sagte, beide Seiten hätten vereinbart."})]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(db: Path | Store) -> dict[str, int]:
    store = db if isinstance(db, Store) else Store(db, read_only=True)
    try:
        return {t: store.count(t) for t in ("documents", "mentions", "events", "quotes", "actors")}
    finally:
        if not isinstance(db, Store):
            store.close()


def test_ingest_stores_reports_and_is_idempotent(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = corpus(tmp_path, 6)
    seen: list[int] = []
    with Store(tmp_path / "s.duckdb") as store:
        report = io.StringIO()
        first = ingest_into(store, read_sources([path]), Settings(batch_size=4), report=report,
                            progress=lambda s: seen.append(s.coded), nlp=nlp)
        after_first = counts(store)
        again = ingest_into(store, read_sources([path]), Settings(batch_size=4), nlp=nlp)
        assert counts(store) == after_first
    assert (first.read, first.stored, first.already, first.failed) == (6, 6, 0, 2)
    assert first.events > 0 and first.events == after_first["mentions"]
    assert dict(first.skipped) == {"bad record": 1, "not English": 1}
    assert [json.loads(line)["kind"] for line in report.getvalue().splitlines()] == ["bad record", "not English"]
    assert seen == [4, 6]
    assert (again.stored, again.already, again.coded) == (0, 6, 0)


def test_limit_and_coding_without_a_store(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    summary = ingest_into(None, read_sources([corpus(tmp_path, 5, bad=False)]), limit=3, nlp=nlp)
    assert (summary.read, summary.coded, summary.stored) == (3, 3, 0)
    assert summary.as_dict()["docs_per_second"] > 0


def test_read_only_store_is_refused(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    Store(tmp_path / "r.duckdb").close()
    from eventwire.errors import StoreError

    with Store(tmp_path / "r.duckdb", read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        ingest_into(store, [], nlp=nlp)


def test_code_batch_is_a_pure_function_of_its_documents(nlp) -> None:  # type: ignore[no-untyped-def]
    docs = [read_text(story(i)["text"], source=f"s{i}") for i in range(3)]
    one, two = code_batch(docs, nlp=nlp), code_batch(docs, nlp=nlp)
    assert [c.document.doc_id for c in one.coded] == [d.doc_id for d in docs]
    assert [[e.event_id for e in c.events] for c in one.coded] == [[e.event_id for e in c.events] for c in two.coded]
    assert one.failures == ()


def test_summary_figures() -> None:
    s = IngestSummary(coded=10, seconds=4.0)
    s.skipped["empty"] += 2
    assert s.docs_per_second == 2.5 and s.as_dict()["skipped"] == {"empty": 2}
    assert str(Failure("a.txt", "empty")) == "a.txt: empty"


def _ingest(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "eventwire", "ingest", *args], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True)


def test_sigkill_mid_run_then_rerun_loses_and_doubles_nothing(tmp_path: Path) -> None:
    n = 40
    path = corpus(tmp_path, n, bad=False)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    proc = _ingest([str(path), "--db", str(killed_db), "--batch-size", "4"])
    assert proc.stderr is not None
    stored = 0
    for line in proc.stderr:  # one progress line per batch when stderr is not a terminal
        m = re.search(r"(\d+) stored", line)
        stored = int(m.group(1)) if m else stored
        if stored >= 8:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    partial = counts(killed_db)
    assert 8 <= partial["documents"] < n
    resumed = _ingest([str(path), "--db", str(killed_db), "--batch-size", "4", "--quiet"])
    _, err = resumed.communicate()
    assert resumed.returncode == 0, err
    assert f"{partial['documents']} already stored" in err
    clean = _ingest([str(path), "--db", str(clean_db), "--batch-size", "7", "--quiet"])
    clean.communicate()
    assert counts(killed_db) == counts(clean_db)
    assert counts(killed_db)["documents"] == n
    with Store(killed_db, read_only=True) as a, Store(clean_db, read_only=True) as b:
        sql = "SELECT event_key, num_mentions, num_documents FROM events ORDER BY event_key"
        assert a.rows(sql) == b.rows(sql)


class RecordingExecutor:
    """An Executor that codes in this process and records the batches it is handed."""

    def __init__(self, nlp) -> None:  # type: ignore[no-untyped-def]
        self.nlp = nlp
        self.batches: list[list[str]] = []
        self.entered = self.exited = 0

    def __enter__(self) -> RecordingExecutor:
        self.entered += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self.exited += 1

    def map(self, batches):  # type: ignore[no-untyped-def]
        for batch in batches:
            self.batches.append([d.doc_id for d in batch])
            yield code_batch(batch, nlp=self.nlp)


def test_ingest_hands_batches_to_the_executor_and_stores_here(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = corpus(tmp_path, 7)
    executor = RecordingExecutor(nlp)
    with Store(tmp_path / "e.duckdb") as store:
        summary = ingest_into(store, read_sources([path]), Settings(batch_size=3), executor=executor)
        assert counts(store)["documents"] == 7
    assert [len(b) for b in executor.batches] == [3, 3, 1]
    assert (executor.entered, executor.exited) == (1, 1)
    assert (summary.stored, summary.failed) == (7, 2)


def test_cli_workers_one_and_two_store_the_same(tmp_path: Path) -> None:
    from tests.scale.stories import assert_same_store

    path = corpus(tmp_path, 12)
    for workers in ("1", "2"):
        proc = _ingest([str(path), "--db", str(tmp_path / f"w{workers}.duckdb"), "--workers", workers,
                        "--batch-size", "3", "--quiet"])
        _, err = proc.communicate()
        assert proc.returncode == 0, err
        assert "12 stored" in err
    assert_same_store(tmp_path / "w1.duckdb", tmp_path / "w2.duckdb")
