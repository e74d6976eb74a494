"""Scoring HTML ingest: main-text extraction against gold article bodies, page dates against gold dates.

Gold records: {"url", "html", "gold_body"} (article-extraction benchmark) and/or {"url", "html",
"gold_date": "YYYY-MM-DD"} (htmldate evaluation set). Body overlap is token-level over lower-cased word
tokens as bags (the benchmark's convention): micro P/R/F1 over all tokens plus the mean per-page F1.
A page ingest refuses counts as an empty extraction, so refusals cost recall. Date accuracy is the share
of pages whose date, as ingest reads it (htmldate, else a dateline in the extracted text), equals gold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest.html import find_page_date, read_html
from .common import PRF, read_jsonl

_TOKEN = re.compile(r"\w+")


def read_html_gold(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of an HTML gold file (JSONL or JSONL.gz) that carry an 'html' string."""
    return read_jsonl(path, limit, required="html")


def is_html_gold(path: str | Path) -> bool:
    """Whether the first record of a gold file is an HTML page with a gold body or date."""
    try:
        first = next(read_html_gold(path, limit=1), None)
    except (InputError, OSError, EOFError, UnicodeDecodeError):
        return False
    return first is not None and ("gold_body" in first or "gold_date" in first)


def token_overlap(predicted: str, gold: str) -> PRF:
    """Bag-of-tokens true positives, false positives and false negatives of one extraction."""
    p, g = Counter(_TOKEN.findall(predicted.lower())), Counter(_TOKEN.findall(gold.lower()))
    tp = sum((p & g).values())
    return PRF(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def score_html(path: str | Path, model: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Body-text overlap and publication-date accuracy of HTML ingest over a gold file."""
    body, page_f1s, refused = PRF(), [], 0
    dates: Counter[str] = Counter()
    misses: list[dict[str, str | None]] = []
    for i, rec in enumerate(read_html_gold(path, limit)):
        url = rec.get("url") or None
        try:
            doc = read_html(rec["html"].encode("utf-8", "surrogatepass"), f"{path}#{i}", url=url)
            text, published = doc.text, doc.published
        except InputError:
            refused += 1
            text, published = "", find_page_date(rec["html"], url)
        if isinstance(rec.get("gold_body"), str):
            one = token_overlap(_without_title(text, doc.title if text else None), rec["gold_body"])
            body.tp, body.fp, body.fn = body.tp + one.tp, body.fp + one.fp, body.fn + one.fn
            page_f1s.append(one.f1)
        if isinstance(rec.get("gold_date"), str):
            gold = rec["gold_date"][:10]
            found = published.isoformat() if published else None
            dates["pages"] += 1
            dates["found"] += found is not None
            dates["correct"] += found == gold
            if found != gold and len(misses) < 25:
                misses.append({"url": url, "gold": gold, "found": found})
    report: dict[str, Any] = {"task": "html", "gold": str(path), "refused_pages": refused}
    if page_f1s:
        report["body_tokens"] = {**body.as_dict(), "mean_page_f1": round(sum(page_f1s) / len(page_f1s), 4),
                                 "pages": len(page_f1s)}
    if dates["pages"]:
        n = dates["pages"]
        report["date"] = {"pages": n, "accuracy": round(dates["correct"] / n, 4),
                          "found": round(dates["found"] / n, 4),
                          "precision": round(dates["correct"] / dates["found"], 4) if dates["found"] else 0.0}
        report["date_misses"] = misses
    return report


def _without_title(text: str, title: str | None) -> str:
    # read_html puts the headline above the body so title events are coded; the gold body has none.
    if title and text.startswith(title):
        return text[len(title):].lstrip()
    return text
