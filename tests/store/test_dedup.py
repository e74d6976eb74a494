"""Dedup: the bucketing rule on its own, and events merged across stored documents."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from eventwire.records import PartKind
from eventwire.store import Store
from eventwire.store.dedup import Anchor, Dated, assign_anchors, event_key

from .factory import D, E, coded

G = ("RUSMIL", "UKR", "190", "asserted")
DAY = dt.date.fromisoformat


def dated(mid: str, begin: str | None, until: str | None = None, gran: str = "day", method: str = "explicit",
          value: str | None = None, group: tuple[str, str, str, str] = G) -> Dated:
    b = DAY(begin) if begin else None
    u = DAY(until) if until else b
    return Dated(mid, f"doc-{mid}", group, value or begin, b, u, gran if begin else None, method)


def anchors(*ms: Dated) -> dict[str, str]:
    return {k: a.value for k, a in assign_anchors(ms).items()}


# -- the rule ----------------------------------------------------------------------------------------

def test_explicit_days_never_merge_across_days() -> None:
    got = anchors(dated("a", "2021-12-20"), dated("b", "2021-12-21"))
    assert got == {"a": "2021-12-20", "b": "2021-12-21"}


def test_week_joins_the_single_day_inside_it() -> None:
    week = dated("w", "2021-12-13", "2021-12-19", "week", "relative", "2021-W50")
    assert anchors(week, dated("d", "2021-12-15")) == {"w": "2021-12-15", "d": "2021-12-15"}


def test_week_with_two_days_inside_stays_its_own_event() -> None:
    week = dated("w", "2021-12-13", "2021-12-19", "week", "relative", "2021-W50")
    got = anchors(week, dated("d1", "2021-12-14"), dated("d2", "2021-12-16"))
    assert got == {"w": "2021-W50", "d1": "2021-12-14", "d2": "2021-12-16"}


def test_week_does_not_join_a_day_outside_it() -> None:
    week = dated("w", "2021-12-13", "2021-12-19", "week", "relative", "2021-W50")
    assert anchors(week, dated("d", "2021-12-20"))["w"] == "2021-W50"


def test_inherited_publication_day_joins_the_day_before() -> None:
    got = anchors(dated("pub", "2021-12-22", method="inherited"), dated("d", "2021-12-21"))
    assert got == {"pub": "2021-12-21", "d": "2021-12-21"}


def test_inherited_prefers_its_own_day_and_ignores_older_days() -> None:
    assert anchors(dated("pub", "2021-12-22", method="inherited"), dated("d0", "2021-12-22"),
                   dated("d1", "2021-12-21"))["pub"] == "2021-12-22"
    far = anchors(dated("pub", "2021-12-22", method="inherited"), dated("d", "2021-12-19"))
    assert far["pub"] == "2021-12-22"


def test_undated_mentions_merge_only_within_their_document() -> None:
    a, b = dated("a", None), dated("b", None)
    got = assign_anchors([a, b, Dated("a2", "doc-a", G, None, None, None, None, None)])
    assert got["a"] == got["a2"] == Anchor("undated:doc-a", None, None, "none")
    assert got["b"].value == "undated:doc-b"


def test_groups_are_independent() -> None:
    other = ("RUSMIL", "UKR", "138", "asserted")
    week = dated("w", "2021-12-13", "2021-12-19", "week", "relative", "2021-W50")
    assert anchors(week, dated("d", "2021-12-15", group=other))["w"] == "2021-W50"


def test_keys_are_deterministic_and_distinguish_every_part() -> None:
    day = Anchor("2021-12-21", DAY("2021-12-21"), DAY("2021-12-21"), "day")
    key = event_key(G, day)
    assert key == event_key(G, day) and len(key) == 16
    others = [("RUS", "UKR", "190", "asserted"), ("RUSMIL", "", "190", "asserted"),
              ("RUSMIL", "UKR", "195", "asserted"), ("RUSMIL", "UKR", "190", "negated")]
    assert len({key, *(event_key(g, day) for g in others)}) == 5


# -- in the store ------------------------------------------------------------------------------------

THREE = [
    D("reuters", [E(date="2021-12-21")], url="https://www.reuters.com/world/1", published="2021-12-21"),
    D("ap", [E(date="2021-12-21", confidence=0.6)], url="https://apnews.com/article/2",
      published="2021-12-22"),
    D("bbc", [E(date="2021-W51", granularity="week", method="relative", confidence=0.7)],
      url="https://www.bbc.co.uk/news/3", published="2021-12-27"),
]


def test_three_stories_one_event(store: Store) -> None:
    store.add_many(coded(d) for d in THREE)
    assert store.count("mentions") == 3
    (ev,) = store.events()
    assert (ev["num_mentions"], ev["num_documents"], ev["num_sources"]) == (3, 3, 3)
    assert (ev["date"], ev["date_granularity"]) == ("2021-12-21", "day")
    assert ev["confidence"] == pytest.approx(0.7)
    assert ev["url"] == "https://www.reuters.com/world/1"  # the earliest published story
    keys = store.rows("SELECT DISTINCT event_key FROM mentions")
    assert keys == [{"event_key": ev["event_key"]}]


def test_same_outlet_counts_once_in_num_sources(store: Store) -> None:
    store.add_many(coded(D(f"r{i}", [E()], url=f"https://www.reuters.com/{i}")) for i in range(3))
    (ev,) = store.events()
    assert (ev["num_mentions"], ev["num_documents"], ev["num_sources"]) == (3, 3, 1)


def test_repeated_mention_in_one_story(store: Store) -> None:
    store.add(coded(D("a", [E(part=PartKind.TITLE, sent=0), E(sent=5)])))
    (ev,) = store.events()
    assert (ev["num_mentions"], ev["num_documents"], ev["is_root"]) == (2, 1, True)


@pytest.mark.parametrize("change", [
    {"date": "2021-12-22"}, {"cameo": "138"}, {"source": "RUSGOV"}, {"target": "UKRGOV"}, {"target": None},
    {"negated": True}, {"future": True},
])
def test_different_dates_codes_or_modality_do_not_merge(store: Store, change: dict[str, object]) -> None:
    store.add_many([coded(D("a", [E()])), coded(D("b", [E(**change)]))])  # type: ignore[arg-type]
    assert store.count("events") == 2
    assert all(ev["num_mentions"] == 1 for ev in store.events())


def test_a_later_day_re_files_an_earlier_week(store: Store) -> None:
    week = D("w", [E(date="2021-W51", granularity="week", method="relative")], published="2021-12-27")
    store.add(coded(week))
    assert [e["date"] for e in store.events()] == ["2021-W51"]
    store.add(coded(D("d", [E(date="2021-12-21")])))
    assert [(e["date"], e["num_mentions"]) for e in store.events()] == [("2021-12-21", 2)]
    # A second day in that week makes the week ambiguous again: it goes back to its own event.
    store.add(coded(D("d2", [E(date="2021-12-23")])))
    assert sorted((e["date"], e["num_mentions"]) for e in store.events()) == \
        [("2021-12-21", 1), ("2021-12-23", 1), ("2021-W51", 1)]


STORIES = [
    *THREE,
    D("d2", [E(date="2021-12-23")], published="2021-12-23"),
    D("pub", [E(date="2021-12-24", method="inherited")], published="2021-12-24"),
    D("pub2", [E(date="2021-12-25", method="inherited")], url="https://pub.example/2",
      published="2021-12-25"),
    D("month", [E(date="2021-11", granularity="month", method="relative")], published="2021-12-02"),
    D("undated", [E(date=None)], published=None),
]


def _shuffles(n: int, k: int) -> list[tuple[int, ...]]:
    rng = random.Random(20211222)
    return [tuple(range(n))[::-1], *(tuple(rng.sample(range(n), n)) for _ in range(k))]


@pytest.mark.parametrize("order", _shuffles(len(STORIES), 5))
def test_order_of_arrival_does_not_change_the_events(order: tuple[int, ...]) -> None:
    def build(seq: list[int], batch: int) -> list[tuple[object, ...]]:
        with Store() as s:
            s.add_many((coded(STORIES[i]) for i in seq), batch=batch)
            return sorted((e["event_key"], e["date"], e["num_mentions"], e["num_documents"])
                          for e in s.events(limit=None))

    reference = build(list(range(len(STORIES))), batch=100)
    assert build(list(order), batch=1) == reference
    assert build(list(order), batch=3) == reference
    # The story of the 24th gave no date: it joins the explicit 23rd. The 25th has no explicit day
    # within a day before, so it stays on the 25th. The week then holds three days and stays apart.
    assert sorted((d, n) for _, d, n, _ in reference if d.startswith("2021-")) == [
        ("2021-11", 1), ("2021-12-21", 2), ("2021-12-23", 2), ("2021-12-25", 1), ("2021-W51", 1)]
