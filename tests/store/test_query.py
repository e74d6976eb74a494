"""Queries: every EventFilter field, the dyad timeline and the actor network on hand-made data."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.errors import ConfigError
from eventwire.query import EventFilter, actor_network, dyad_timeline
from eventwire.records import PartKind
from eventwire.store import Store

from .factory import D, E, coded

DOCS = [
    D("a", [E("RUSMIL", "UKR", "190", "2021-12-20", confidence=0.9),
            E("UKRGOV", "RUSGOV", "112", "2021-12-20", sentence="Kyiv accused Moscow of war crimes.",
              confidence=0.5)]),
    D("b", [E("RUSGOV", "UKRGOV", "036", "2021-12-22", sentence="Moscow offered talks with Kyiv.",
              confidence=0.7),
            E("USAGOV", "RUSGOV", "138", "2021-12-29", confidence=0.4, future=True,
              sentence="Washington warned Moscow of sanctions.")], published="2021-12-29"),
    D("c", [E("FRA", None, "141", "2021-W50", granularity="week", method="relative",
              sentence="Protesters rallied in Paris.", confidence=0.6),
            E("RUSMIL", "UKR", "190", "2021-12-21", from_caption=True, sentence="A tank near Donetsk.")]),
]


@pytest.fixture
def full(store: Store) -> Store:
    store.add_many(coded(d) for d in DOCS)
    return store


def cameos(store: Store, **kw: object) -> list[str]:
    return sorted(f"{e['source']}>{e['cameo']}" for e in store.events(**kw))


@pytest.mark.parametrize(("kw", "expected"), [
    ({}, ["FRA>141", "RUSGOV>036", "RUSMIL>190", "UKRGOV>112", "USAGOV>138"]),
    ({"actor": "RUS"}, ["RUSGOV>036", "RUSMIL>190", "UKRGOV>112", "USAGOV>138"]),
    ({"actor": "rusmil"}, ["RUSMIL>190"]),
    ({"source": "RUS"}, ["RUSGOV>036", "RUSMIL>190"]),
    ({"target": "UKR"}, ["RUSGOV>036", "RUSMIL>190"]),
    ({"target": "UKRGOV"}, ["RUSGOV>036"]),
    ({"since": "2021-12-21"}, ["RUSGOV>036", "USAGOV>138"]),
    ({"until": "2021-12-20"}, ["FRA>141", "RUSMIL>190", "UKRGOV>112"]),
    ({"since": "2021-12-15", "until": "2021-12-15"}, ["FRA>141"]),  # a day inside the week matches
    ({"since": dt.date(2021, 12, 22), "until": dt.date(2021, 12, 28)}, ["RUSGOV>036"]),
    ({"root": "19"}, ["RUSMIL>190"]),
    ({"root": ("03", "11")}, ["RUSGOV>036", "UKRGOV>112"]),
    ({"quad_class": 3}, ["FRA>141", "UKRGOV>112", "USAGOV>138"]),
    ({"quad_class": (1, 4)}, ["RUSGOV>036", "RUSMIL>190"]),
    ({"cameo": "03"}, ["RUSGOV>036"]),
    ({"cameo": "13"}, ["USAGOV>138"]),
    ({"plover": "accuse"}, ["UKRGOV>112"]),
    ({"min_confidence": 0.65}, ["RUSGOV>036", "RUSMIL>190"]),
    ({"text": "MOSCOW"}, ["RUSGOV>036", "UKRGOV>112", "USAGOV>138"]),
    ({"text": "war crimes"}, ["UKRGOV>112"]),
    ({"text": "100%"}, []),
    ({"asserted_only": True}, ["FRA>141", "RUSGOV>036", "RUSMIL>190", "UKRGOV>112"]),
    ({"doc_id": "c"}, ["FRA>141"]),
    ({"doc_id": "c", "include_captions": True}, ["FRA>141", "RUSMIL>190"]),
])
def test_every_filter(full: Store, kw: dict[str, object], expected: list[str]) -> None:
    assert cameos(full, **kw) == expected
    assert cameos(full, filter=EventFilter(**kw)) == expected  # type: ignore[arg-type]


def test_caption_only_events_are_hidden_unless_asked(store: Store) -> None:
    store.add(coded(D("cap", [E(from_caption=True)])))
    assert store.events() == []
    assert len(store.events(include_captions=True)) == 1
    assert store.mentions(include_captions=True)[0]["part"] == PartKind.CAPTION.value


def test_limit_offset_and_order(full: Store) -> None:
    dates = [e["date"] for e in full.events()]
    assert dates == ["2021-W50", "2021-12-20", "2021-12-20", "2021-12-22", "2021-12-29"]
    assert [e["date"] for e in full.events(limit=2, offset=2)] == dates[2:4]
    assert [e["date"] for e in full.iter_events(page=2)] == dates


def test_mentions_rows(full: Store) -> None:
    rows = full.mentions(actor="RUSMIL", include_captions=True)
    assert [(r["doc_id"], r["from_caption"]) for r in rows] == [("a", False), ("c", True)]


@pytest.mark.parametrize(("kw", "message"), [
    ({"since": "last week"}, "since 'last week' is not a date"),
    ({"since": "2021-12-30", "until": "2021-12-01"}, "after until"),
    ({"root": "21"}, "not a CAMEO root"),
    ({"quad_class": 5}, "quad_class must be"),
    ({"min_confidence": 2}, "between 0 and 1"),
    ({"actor": "RUS; DROP TABLE events"}, "not an actor code"),
    ({"limit": -1}, "must not be negative"),
    ({"colour": "red"}, "unknown event filter colour"),
])
def test_bad_filters_say_what_to_fix(full: Store, kw: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        full.events(**kw)


def timeline_data(store: Store) -> None:
    store.add_many(coded(d) for d in [
        D("t1", [E("RUSMIL", "UKR", "190", "2021-12-20"), E("RUSGOV", "UKRGOV", "036", "2021-12-20")]),
        D("t2", [E("UKRGOV", "RUSGOV", "112", "2021-12-20"), E("RUSMIL", "UKRGOV", "138", "2021-12-22")]),
        D("t3", [E("RUSMIL", "UKR", "190", "2021-12-28"), E("USAGOV", "RUSGOV", "112", "2021-12-28")]),
        # The same shelling on the 20th again, from another outlet: one event, two mentions.
        D("t4", [E("RUSMIL", "UKR", "190", "2021-12-20")], url="https://other.example/4"),
    ])


def test_dyad_timeline_by_day(store: Store) -> None:
    timeline_data(store)
    rows = dyad_timeline(store, "RUS", "UKR", since="2021-12-20", until="2021-12-22")
    assert [(str(r["period"]), r["events"], r["q1"], r["q2"], r["q3"], r["q4"], r["goldstein"], r["mentions"])
            for r in rows] == [
        ("2021-12-20", 3, 1, 0, 1, 1, round((-10.0 + 4.0 - 2.0) / 3, 3), 4),
        ("2021-12-21", 0, 0, 0, 0, 0, None, 0),
        ("2021-12-22", 1, 0, 0, 1, 0, -7.0, 1),
    ]


def test_dyad_timeline_directed_and_by_week(store: Store) -> None:
    timeline_data(store)
    directed = dyad_timeline(store, "RUS", "UKR", freq="week", directed=True)
    assert [(str(r["period"]), r["events"], r["goldstein"]) for r in directed] == [
        ("2021-12-20", 3, round((-10.0 + 4.0 - 7.0) / 3, 3)),
        ("2021-12-27", 1, -10.0),
    ]
    assert [r["events"] for r in dyad_timeline(store, "USA", "RUS", freq="week")] == [1]
    with pytest.raises(ConfigError, match="freq"):
        dyad_timeline(store, "RUS", "UKR", freq="hour")


def test_actor_network(store: Store) -> None:
    timeline_data(store)
    edges = actor_network(store)
    assert [(e["source"], e["target"], e["count"], e["goldstein"], e["mentions"]) for e in edges] == [
        ("RUSMIL", "UKR", 2, -10.0, 3),
        ("RUSGOV", "UKRGOV", 1, 4.0, 1),
        ("RUSMIL", "UKRGOV", 1, -7.0, 1),
        ("UKRGOV", "RUSGOV", 1, -2.0, 1),
        ("USAGOV", "RUSGOV", 1, -2.0, 1),
    ]
    assert [(e["source"], e["count"]) for e in actor_network(store, since="2021-12-27")] == \
        [("RUSMIL", 1), ("USAGOV", 1)]
    assert [e["target"] for e in actor_network(store, min_count=2)] == ["UKR"]
    assert [e["source"] for e in actor_network(store, root="11")] == ["UKRGOV", "USAGOV"]


def test_actor_network_leaves_out_unresolved_sides(store: Store) -> None:
    # "a suicide bomber attacked Ukrainian troops", "Russian police detained 18 people": --- is no node
    store.add_many(coded(d) for d in [
        D("u1", [E("---", "UKR", "190", "2021-12-20"), E("RUSMIL", "---", "112", "2021-12-20"),
                 E("RUSGOV", "UKRGOV", "036", "2021-12-20")]),
    ])
    assert [(e["source"], e["target"]) for e in actor_network(store)] == [("RUSGOV", "UKRGOV")]
