"""Headless Debian Chromium driven by Playwright (never `playwright install`), for the dashboard tests
and for the screenshot in docs/serving.md:

    python -m tests.serve.browser docs/dashboard.png      # codes examples/aegean_talks.txt into a temp store
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def missing() -> str:
    """Why the browser tests cannot run here ('' when they can)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright==1.65.2)"
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        return f"chromium is not installed at {CHROMIUM} (apt-get install chromium chromium-driver)"
    return ""


@contextmanager
def page(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A Playwright page in a fresh headless Chromium profile, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="eventwire-chromium-") as profile, sync_playwright() as pw:
        exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        context = pw.chromium.launch_persistent_context(profile, executable_path=exe, headless=True,
                                                        args=FLAGS, viewport={"width": width, "height": height})
        try:
            yield context.new_page()
        finally:
            context.close()


def inked_pixels(pg: Any, selector: str = "#timeline canvas") -> int:
    """How many pixels of the chart canvas are not transparent (0 when nothing was drawn)."""
    return int(pg.eval_on_selector(selector, """c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""))


def screenshot(out: str) -> None:
    """Code the bundled example into a temporary store, serve it and photograph the dashboard."""
    import eventwire
    from eventwire.serve import background, create_app

    root = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "aegean.duckdb")
        with eventwire.Store(db) as store:
            store.add(eventwire.code_file(str(root / "examples" / "aegean_talks.txt")))
        with background(create_app(db)) as url, page(1280, 1000) as pg:
            pg.goto(f"{url}/#a=GRC&b=TUR&since=2023-02-13&until=2023-03-19")
            pg.wait_for_selector("#timeline canvas")
            pg.wait_for_selector("#events tr.event")
            pg.click("#events tr.event >> nth=2")
            pg.wait_for_selector("tr.evidence mark.verb")
            pg.screenshot(path=out, full_page=True)


if __name__ == "__main__":
    if why := missing():
        sys.exit(f"cannot take the screenshot: {why}")
    screenshot(sys.argv[1] if len(sys.argv) > 1 else "docs/dashboard.png")
