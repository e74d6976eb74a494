"""Ingest throughput with and without storing, and the DuckDB file size per 1,000 documents.

    python benchmarks/ingest_store.py [--limit 300] [--corpus ../shared/corpus/news/gigaword_afp_apw.jsonl.gz]

Prints: reading only (sources → Documents), coding only, coding + storing (docs/s each), the store's
share of the time, and the store file's size per 1,000 documents after a checkpoint.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from eventwire.config import Settings
from eventwire.ingest import read_sources
from eventwire.nlp import load_model
from eventwire.runs import ingest_into
from eventwire.store import Store

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "news" / \
    "gigaword_afp_apw.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=300)
    a = ap.parse_args()
    nlp = load_model()
    settings = Settings()

    t = time.perf_counter()
    docs = [d for _, d in zip(range(a.limit), read_sources([a.corpus]), strict=False)]
    read_s = time.perf_counter() - t
    print(f"read only     : {len(docs)} items in {read_s:.2f}s = {len(docs) / read_s:,.0f} docs/s")

    coded = ingest_into(None, read_sources([a.corpus]), settings, limit=a.limit, nlp=nlp)
    print(f"code only     : {coded.coded} docs, {coded.events} events in {coded.seconds:.1f}s = "
          f"{coded.docs_per_second:.2f} docs/s")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        with Store(path) as store:
            stored = ingest_into(store, read_sources([a.corpus]), settings, limit=a.limit, nlp=nlp)
            store.connection.execute("CHECKPOINT")
            t = time.perf_counter()
            again = ingest_into(store, read_sources([a.corpus]), settings, limit=a.limit, nlp=nlp)
            rerun_s = time.perf_counter() - t
        size = os.path.getsize(path) + (os.path.getsize(f"{path}.wal") if os.path.exists(f"{path}.wal") else 0)
    print(f"code + store  : {stored.stored} docs in {stored.seconds:.1f}s = {stored.docs_per_second:.2f} docs/s "
          f"(storing costs {100 * (stored.seconds / max(coded.seconds, 1e-9) - 1):+.0f}% over coding only)")
    print(f"re-ingest     : {again.already} already stored, {again.stored} new, in {rerun_s:.1f}s")
    print(f"store size    : {size / 1e6:.2f} MB for {stored.stored} docs = "
          f"{size / 1e6 / max(stored.stored, 1) * 1000:.1f} MB per 1,000 documents")


if __name__ == "__main__":
    main()
