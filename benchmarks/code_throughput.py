"""Throughput of `eventwire code` next to bare spaCy `nlp.pipe` on the same news texts, same process.

    python benchmarks/code_throughput.py [--limit 300] [--corpus ../shared/corpus/news]

Prints words/s and articles/s for both, and the ratio eventwire / bare spaCy (1.0 = no overhead).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from pathlib import Path

from eventwire.dateparse import parse_date
from eventwire.errors import InputError
from eventwire.ingest import read_text
from eventwire.nlp import load_model
from eventwire.pipeline import code_documents

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "news"


def load_articles(corpus: Path, limit: int) -> list[dict[str, str]]:
    """Up to `limit` articles with a body from each *.jsonl.gz file of the corpus folder."""
    articles: list[dict[str, str]] = []
    for path in sorted(corpus.glob("*.jsonl.gz")):
        taken = 0
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if len((rec.get("text") or "").split()) < 20:
                    continue
                articles.append(rec)
                taken += 1
                if taken >= limit:
                    break
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=300, help="articles per corpus file")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus folder {args.corpus} not found (it lives in ../shared/corpus/news)")
    articles = load_articles(args.corpus, args.limit)
    words = sum(len(a["text"].split()) for a in articles)
    nlp = load_model()
    texts = [a["text"] for a in articles]
    list(nlp.pipe(texts[:20]))  # warm-up: first calls allocate

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    bare = time.perf_counter() - t0

    docs = []
    for a in articles:
        try:
            pub = parse_date(a.get("date") or "") if a.get("date") else None
            docs.append(read_text(a["text"], source=a.get("id", "?"), published=pub, title=a.get("title")))
        except InputError:
            continue
    t0 = time.perf_counter()
    n_events = sum(len(c.events) for c in code_documents(docs, nlp=nlp))
    ours = time.perf_counter() - t0

    print(f"articles {len(articles)}  words {words}  (corpus {args.corpus}, {dt.date.today()})")
    print(f"{'':22}{'articles/s':>12}{'words/s':>12}{'seconds':>10}")
    print(f"{'bare spaCy nlp.pipe':22}{len(texts) / bare:12.1f}{words / bare:12.0f}{bare:10.1f}")
    print(f"{'eventwire code':22}{len(docs) / ours:12.1f}{words / ours:12.0f}{ours:10.1f}")
    print(f"ratio eventwire/bare throughput: {bare / ours:.2f}   events coded: {n_events}")


if __name__ == "__main__":
    main()
