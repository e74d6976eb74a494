"""A small invented wire corpus and a record-for-record view of a store, for the scale tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.store import Store

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "India", "Kenya", "Canada", "Egypt", "Mexico", "Turkey",
             "Russia", "Ukraine"]
LEADS = [
    "{a} {verb} {b} over trade",
    "Police in {a} arrested protesters outside the embassy of {b}",
    "{a} and {b} sign a deal on energy",
    "Troops from {a} shelled positions held by {b}",
]
VERBS = ["met", "criticized", "praised", "accused", "threatened", "condemned"]


def story(i: int) -> dict[str, str]:
    """An invented wire story; i varies the actors, the verb, the frame, a quote and the date."""
    a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i // 3 + i + 1) % len(COUNTRIES)]
    verb = VERBS[i % len(VERBS)]
    title = LEADS[i % len(LEADS)].format(a=a, b=b, verb=verb)
    text = (f"{title}\n\nThe president of {a} {verb} the government of {b} on Monday, officials said. "
            f"\"We will not accept this,\" the foreign minister of {b} told reporters in the capital. "
            f"Talks between {a} and {b} are expected to resume next week, story number {i}.")
    return {"id": f"s{i}", "title": title, "date": f"2021-12-{1 + i % 5:02d}", "text": text}


def write_corpus(folder: Path, n: int, bad: bool = True, name: str = "corpus.jsonl") -> Path:
    """n stories as JSONL, plus (with ``bad``) one broken line and one story not in English."""
    lines = [json.dumps(story(i)) for i in range(n)]
    if bad:
        lines[3:3] = ["{not json", json.dumps({"id": "de", "text": "Der Außenminister traf am Montag seinen "
                                                "Amtskollegen und sagte, beide Seiten hätten vereinbart."})]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


#: Per table, the query whose rows two equal stores share: everything but the wall-clock ingestion time.
TABLE_QUERIES = {
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id",
    "mentions": "SELECT * FROM mentions ORDER BY mention_id",
    "events": "SELECT * EXCLUDE (first_seen) FROM events ORDER BY event_key",
    "quotes": "SELECT * FROM quotes ORDER BY quote_id",
    "actors": "SELECT * FROM actors ORDER BY code",
}


def store_records(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of a store, table by table, without ingestion times."""
    with Store(path, read_only=True) as store:
        return {table: store.rows(sql) for table, sql in TABLE_QUERIES.items()}


def assert_same_store(a: Path, b: Path) -> None:
    """Two stores hold the same records, table by table, row by row (and neither is empty)."""
    left, right = store_records(a), store_records(b)
    for table in TABLE_QUERIES:
        assert len(left[table]) == len(right[table]), table
        assert left[table] == right[table], table
    assert left["documents"] and left["mentions"] and left["quotes"], "the corpus coded to nothing"
