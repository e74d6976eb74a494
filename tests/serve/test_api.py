"""The read API over HTTP: filters, pages, timelines, documents with offsets, limits, JSON errors."""

from __future__ import annotations

import threading

import httpx
import pytest

from eventwire.serve.access import QueryTimeout, StoreAccess
from eventwire.serve.limits import Limits


def get(url: str, path: str, **params: object) -> httpx.Response:
    return httpx.get(url + path, params=params, timeout=30)


@pytest.mark.parametrize(("params", "check"), [
    ({"actor": "RUS"}, lambda e: e["source"].startswith("RUS") or (e["target"] or "").startswith("RUS")),
    ({"source": "NATO"}, lambda e: e["source"] == "NATO"),
    ({"target": "UKR"}, lambda e: e["target"] == "UKR"),
    ({"root": "19"}, lambda e: e["root"] == "19"),
    ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
    ({"since": "2021-12-15", "until": "2021-12-17"}, lambda e: "2021-12-15" <= e["date_begin"] <= "2021-12-17"),
    ({"text": "ceasefire"}, lambda e: "ceasefire" in e["sentence"]),
])
def test_event_filters_match_what_they_say(server: str, params: dict[str, object], check) -> None:  # type: ignore[no-untyped-def]
    r = get(server, "/api/events", **params)
    assert r.status_code == 200
    items = r.json()["items"]
    assert items, f"no events for {params}"
    assert all(check(e) for e in items)


def test_events_are_paginated(server: str) -> None:
    first = get(server, "/api/events", limit=3).json()
    second = get(server, "/api/events", limit=3, offset=3).json()
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    keys = {e["event_key"] for e in first["items"]}
    assert keys.isdisjoint(e["event_key"] for e in second["items"])
    everything = get(server, "/api/events", limit=50).json()
    assert everything["next_offset"] is None
    assert len(everything["items"]) > len(first["items"]) + len(second["items"]) - 1


@pytest.mark.parametrize(("path", "params", "status", "words"), [
    ("/api/events", {"limit": 51}, 422, "less than or equal to 50"),
    ("/api/events", {"limit": 0}, 422, "limit"),
    ("/api/events", {"since": "yesterday"}, 422, "since"),
    ("/api/events", {"since": "2021-12-20", "until": "2021-12-01"}, 400, "swap"),
    ("/api/events", {"actor": "RUS;DROP"}, 400, "not an actor code"),
    ("/api/events", {"root": "42"}, 400, "CAMEO root"),
    ("/api/dyads/RUS/UKR/timeline", {"freq": "hour"}, 422, "freq"),
    ("/api/dyads/RUS/UKR/timeline", {"since": "1900-01-01", "until": "2021-12-31"}, 400, "periods"),
    ("/api/documents/nope", {}, 404, "no document"),
    ("/api/nowhere", {}, 404, "Not Found"),
])
def test_errors_are_json_with_status_and_reason(server: str, path: str, params: dict[str, object], status: int,
                                                words: str) -> None:
    r = get(server, path, **params)
    assert r.status_code == status
    body = r.json()
    assert body["status"] == status
    assert words in body["error"]


@pytest.mark.parametrize(("freq", "periods"), [("week", 5), ("day", 29)])
def test_dyad_timeline_counts_every_event_of_the_dyad(server: str, freq: str, periods: int) -> None:
    r = get(server, "/api/dyads/RUS/UKR/timeline", freq=freq)
    rows = r.json()["items"]
    assert len(rows) == periods  # zero-filled from 2021-11-22 (week of the first event) to the last
    events = [e for e in get(server, "/api/events", limit=50).json()["items"]
              if {e["source"][:3], (e["target"] or "")[:3]} == {"RUS", "UKR"}]
    assert sum(r["events"] for r in rows) == len(events)
    assert sum(r["q1"] + r["q2"] + r["q3"] + r["q4"] for r in rows) == len(events)
    assert any(r["events"] == 0 for r in rows)


def test_network_nodes_cover_the_edges(server: str) -> None:
    net = get(server, "/api/network").json()
    codes = {n["code"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in codes and e["target"] in codes for e in net["edges"])
    assert {"NATO", "RUS"} <= codes


def test_document_offsets_point_at_the_marked_words(server: str) -> None:
    docs = get(server, "/api/documents").json()["items"]
    assert len(docs) == 6
    marked = 0
    for d in docs:
        doc = get(server, f"/api/documents/{d['doc_id']}").json()
        text = doc["text"]
        for m in doc["mentions"]:
            assert text[m["trigger_start"]:m["trigger_end"]] == m["trigger"]
            assert text[m["source_start"]:m["source_end"]] == m["source_text"]
            assert text[m["sentence_start"]:m["sentence_end"]] == m["sentence"]
            if m["target_start"] is not None:
                assert text[m["target_start"]:m["target_end"]] == m["target_text"]
            marked += 1
        for q in doc["quotes"]:
            assert text[q["start_offset"]:q["end_offset"]] == q["text"]
    assert marked >= 10


@pytest.mark.parametrize(("params", "speaker"), [({"speaker": "NATO"}, "Jens Stoltenberg"),
                                                 ({"speaker": "Lavrov"}, "Sergey Lavrov")])
def test_quotes_by_speaker(server: str, params: dict[str, object], speaker: str) -> None:
    items = get(server, "/api/quotes", **params).json()["items"]
    assert items and all(q["speaker_text"] == speaker for q in items)


def test_actors_and_stats_and_schema(server: str) -> None:
    actors = get(server, "/api/actors", prefix="RUS").json()["items"]
    assert actors and all(a["code"].startswith("RUS") for a in actors)
    assert get(server, "/api/stats").json()["counts"]["documents"] == 6
    schema = get(server, "/openapi.json").json()
    assert {"/api/events", "/api/documents", "/api/dyads/{a}/{b}/timeline"} <= set(schema["paths"])
    assert get(server, "/api/info").json()["writable"] is False


def test_body_over_the_limit_is_refused_before_it_is_read(server: str) -> None:
    r = httpx.post(server + "/api/documents", content=b"x" * (64 * 1024 + 1),
                   headers={"content-type": "application/json"}, timeout=30)
    assert r.status_code == 413
    assert r.json() == {"status": 413, "error": "request body is larger than the limit of 65536 bytes"}


def test_a_query_over_the_time_limit_is_stopped(story_store: str) -> None:
    access = StoreAccess(story_store, limits=Limits(query_seconds=0.2))
    try:
        with pytest.raises(QueryTimeout, match="longer than 0.2 s"):
            access.read(lambda s: s.rows("SELECT count(*) FROM range(1000000000000) a, range(1000) b"))
        # the connection is usable again afterwards
        assert access.read(lambda s: s.count("documents")) == 6
    finally:
        access.close()


def test_concurrent_requests_share_one_connection_safely(server: str) -> None:
    results: list[int] = []

    def call() -> None:
        results.append(get(server, "/api/events", actor="RUS").status_code)

    threads = [threading.Thread(target=call) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * 8
