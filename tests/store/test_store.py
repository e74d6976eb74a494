"""Store: whole-document writes, idempotence, rollback, batching, opening errors, reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.store import SCHEMA_VERSION, Store

from .factory import D, E, Q, coded

TABLES = ("documents", "mentions", "events", "actors", "quotes")


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in TABLES}


def story(doc_id: str = "a", **kw) -> D:  # type: ignore[no-untyped-def]
    return D(doc_id, events=[E(), E(cameo="112", source="UKRGOV", target="RUSGOV", sent=4,
                                   sentence="Kyiv accused Moscow of provocations.")],
             quotes=[Q()], url=f"https://news.example.com/{doc_id}", **kw)


def test_add_writes_every_table(store: Store) -> None:
    assert store.add(coded(story())) is True
    assert counts(store) == {"documents": 1, "mentions": 2, "events": 2, "actors": 4, "quotes": 1}
    assert store.has("a") and not store.has("b")
    assert store.stored(["b", "a", "a", "c"]) == {"a"} and store.stored([]) == set()
    doc = store.documents()[0]
    assert doc["outlet"] == "news.example.com" and doc["num_events"] == 2 and "text" not in doc


def test_mention_rows_keep_text_spans_and_flags(store: Store) -> None:
    store.add(coded(D("a", events=[E(negated=True, place="UKR")])))
    m = store.mentions(include_captions=True)[0]
    assert (m["source"], m["source_text"], m["target"], m["target_text"]) == \
        ("RUSMIL", "Russian military", "UKR", "Ukraine")
    assert m["target_start"] == 40 and m["target_end"] == 47
    assert m["negated"] is True and m["modality"] == "negated" and m["place"] == "UKR"
    assert m["trigger"] == "shelled" and m["sentence"].startswith("Russian forces")


def test_re_adding_a_document_changes_nothing(store: Store) -> None:
    assert store.add(coded(story()))
    before = counts(store)
    events_before = store.events()
    assert store.add(coded(story())) is False
    assert store.add_many([coded(story()), coded(story())]) == 0
    assert counts(store) == before
    assert store.events() == events_before
    assert store.rows("SELECT num_mentions FROM actors WHERE code = 'UKR'")[0]["num_mentions"] == 1


def test_same_doc_id_twice_in_one_batch_is_stored_once(store: Store) -> None:
    assert store.add_many([coded(story("a")), coded(story("a"))]) == 1
    assert store.count("documents") == 1 and store.count("mentions") == 2


def test_failing_insert_rolls_back_the_whole_document(store: Store) -> None:
    store.add(coded(story("good")))
    before = counts(store)
    # The second mention's confidence fails the CHECK constraint after the document and its first
    # mention were inserted, inside the same transaction.
    bad = D("bad", events=[E(source="FRA", target="NATO", cameo="036"), E(confidence=1.5)], quotes=[Q()])
    with pytest.raises(StoreError, match="bad"):
        store.add(coded(bad))
    assert counts(store) == before
    assert not store.has("bad")
    assert store.rows("SELECT count(*) AS n FROM mentions WHERE doc_id = 'bad'")[0]["n"] == 0
    assert store.rows("SELECT count(*) AS n FROM actors WHERE code IN ('FRA', 'NATO')")[0]["n"] == 0
    # The store is still usable after the rollback.
    assert store.add(coded(story("later")))


def test_a_span_read_twice_in_one_document_is_stored_once(store: Store) -> None:
    # Two quotes on one span (or one event id twice) are one row, not a failed write of the document.
    twice = D("twice", events=[E(event_id="m1"), E(event_id="m1"), E(event_id="m2")], quotes=[Q(), Q()])
    assert store.add(coded(twice))
    assert (store.count("quotes"), store.count("mentions")) == (1, 2)


def test_constraint_violation_in_a_batch_keeps_the_good_documents(store: Store) -> None:
    docs = [coded(story("d1")), coded(D("d2", events=[E(confidence=1.5)])), coded(story("d3"))]
    with pytest.raises(StoreError, match="d2"):
        store.add_many(docs, batch=10)
    assert store.has("d1") and not store.has("d2")
    # d3 comes after the failing document: nothing of it is written either, and re-running adds it.
    assert not store.has("d3")
    assert store.add_many(d for d in docs if d.document.doc_id != "d2") == 1
    assert store.count("documents") == 2


def test_add_many_batches_give_the_same_rows_as_single_adds(tmp_path: Path) -> None:
    docs = [coded(story(f"s{i}", published=f"2021-12-{10 + i}")) for i in range(7)]
    with Store() as one, Store() as many:
        for d in docs:
            one.add(d)
        assert many.add_many(docs, batch=3) == 7
        assert counts(one) == counts(many)
        strip = lambda rows: [{k: v for k, v in r.items() if k != "first_seen"} for r in rows]  # noqa: E731
        assert strip(one.events()) == strip(many.events())


def test_bad_batch_size(store: Store) -> None:
    with pytest.raises(StoreError, match="batch size"):
        store.add_many([], batch=0)


def test_store_file_persists_and_reopens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with Store(path) as s:
        s.add(coded(story()))
    with Store(path, read_only=True) as s:
        assert s.count("events") == 2
        with pytest.raises(StoreError, match="read-only"):
            s.add(coded(story("b")))


def test_read_only_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_corrupt_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    path.write_bytes(b"this is not a database " * 200)
    with pytest.raises(StoreError, match="not a DuckDB database") as err:
        Store(path)
    assert str(path) in str(err.value)


def test_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store.*sales"):
        Store(path)


def test_schema_version_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (SCHEMA_VERSION,)
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        Store(path)


def test_locked_file_says_which_process(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()",
         str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=r"events\.duckdb is open in another eventwire process"):
            Store(path)
    finally:
        holder.communicate("")


def test_reads(store: Store) -> None:
    store.add_many([coded(story("a")), coded(story("b", published="2021-12-23"))])
    assert [d["doc_id"] for d in store.documents()] == ["a", "b"]
    assert store.count("documents") == 2
    with pytest.raises(StoreError, match="no table"):
        store.count("nope")
    stats = store.stats()
    assert stats["counts"]["documents"] == 2
    assert {r["root"]: r["events"] for r in stats["by_root"]} == {"11": 1, "19": 1}
    assert {(r["source"], r["target"]): r["mentions"] for r in stats["by_dyad"]} == \
        {("RUSMIL", "UKR"): 2, ("UKRGOV", "RUSGOV"): 2}
    assert [(str(r["day"]), r["events"]) for r in stats["by_day"]] == [("2021-12-21", 2)]
    assert store.connection.execute("SELECT count(*) FROM events").fetchone() == (2,)


def test_quotes(store: Store) -> None:
    store.add(coded(story("a")))
    store.add(coded(D("b", quotes=[Q("Talks will resume", speaker="USAGOV", speaker_text="The US envoy",
                                     direct=False)], published="2021-12-30")))
    assert [q["doc_id"] for q in store.quotes()] == ["a", "b"]
    assert [q["text"] for q in store.quotes(speaker="USA")] == ["Talks will resume"]
    assert [q["doc_id"] for q in store.quotes(speaker="envoy")] == ["b"]
    assert [q["doc_id"] for q in store.quotes(direct=True)] == ["a"]
    assert [q["doc_id"] for q in store.quotes(since="2021-12-25")] == ["b"]
    assert [q["doc_id"] for q in store.quotes(text="stand")] == ["a"]
    q = store.quotes(doc_id="a")[0]
    assert (q["speaker_code"], q["speaker_text"], q["cue"], q["start_offset"]) == \
        ("UKRGOV", "Ukraine's foreign minister", "say", 10)


def test_actors_first_and_last_seen(store: Store) -> None:
    store.add_many([coded(story("a", published="2021-12-20")), coded(story("b", published="2021-12-28"))])
    row = store.rows("SELECT * FROM actors WHERE code = 'UKR'")[0]
    seen = (str(row["first_seen"]), str(row["last_seen"]), row["num_mentions"])
    assert seen == ("2021-12-20", "2021-12-28", 2)
    assert (row["name"], row["country"], row["sector"]) == ("Ukraine", "UKR", None)
