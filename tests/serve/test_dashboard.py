"""What a person sees in the dashboard, in headless Debian Chromium: a chart, a network, an evidence sentence."""

from __future__ import annotations

import httpx
import pytest

from . import browser

pytestmark = pytest.mark.skipif(bool(browser.missing()), reason=f"browser test: {browser.missing()}")


@pytest.fixture(scope="module")
def dashboard(server: str):  # type: ignore[no-untyped-def]
    """The dashboard for RUS and UKR over the four weeks of the test stories, fully loaded."""
    with browser.page() as pg:
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.goto(f"{server}/#a=RUS&b=UKR&since=2021-11-22&until=2021-12-24")
        pg.wait_for_selector("#timeline canvas")
        pg.wait_for_selector("#events tr.event")
        pg.wait_for_selector("#network g.node")
        yield pg, errors


def test_the_timeline_chart_is_drawn(dashboard) -> None:  # type: ignore[no-untyped-def]
    pg, errors = dashboard
    assert browser.inked_pixels(pg) > 2000
    assert pg.text_content("#dyad-label") == "RUS ↔ UKR"
    assert errors == []


def test_the_network_shows_the_actors_of_the_period(dashboard) -> None:  # type: ignore[no-untyped-def]
    pg, _ = dashboard
    codes = pg.eval_on_selector_all("#network g.node", "gs => gs.map(g => g.dataset.code)")
    assert {"NATO", "RUS", "UKR"} <= set(codes)
    assert pg.eval_on_selector_all("#network line", "ls => ls.length") >= 3


@pytest.mark.parametrize(("trigger", "source", "target"), [("shelled", "Russian forces", "Ukrainian"),
                                                            ("agreed", "Russia", "Ukraine")])
def test_a_row_opens_to_its_sentence_with_actors_and_verb_marked(dashboard, trigger: str, source: str,
                                                                 target: str) -> None:  # type: ignore[no-untyped-def]
    pg, errors = dashboard
    row = pg.locator("#events tr.event", has_text=trigger if trigger != "agreed" else "ceasefire").first
    row.click()
    evidence = pg.locator("#events tr.evidence").first
    evidence.wait_for()
    assert evidence.locator("mark.verb").text_content() == trigger
    assert evidence.locator("mark.source").text_content() == source
    assert target in (evidence.locator("mark.target").text_content() or "")
    assert "sentence" in (evidence.locator(".evidence-meta").text_content() or "")
    row.click()  # closes again
    assert pg.locator("#events tr.evidence").count() == 0
    assert errors == []


def test_picking_other_actors_redraws(dashboard, server: str) -> None:  # type: ignore[no-untyped-def]
    pg, _ = dashboard
    expected = sorted(e["event_key"] for a, b in (("USA", "RUS"), ("RUS", "USA")) for e in httpx.get(
        f"{server}/api/events", params={"source": a, "target": b}, timeout=30).json()["items"])
    assert expected
    pg.fill("#actor-a", "USA")
    pg.fill("#actor-b", "RUS")
    pg.click("#show")
    pg.wait_for_function("document.querySelector('#dyad-label').textContent === 'USA ↔ RUS'")
    pg.wait_for_function(f"document.querySelectorAll('#events tr.event').length === {len(expected)}")
    assert browser.inked_pixels(pg) > 1000
    shown = pg.eval_on_selector_all("#events tr.event", "trs => trs.map(t => t.dataset.event)")
    assert sorted(shown) == expected
