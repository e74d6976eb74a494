"""What actor knowledge costs: load time and memory of every dictionary, the gazetteer on first use,
and the share of pipeline time spent resolving actors. Prints figures; asserts nothing.

    python benchmarks/actors_overhead.py [STORIES.jsonl.gz] [N]

Defaults to the AFP/APW newswire in ../shared (first 200 stories).
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else (
        Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news" / "gigaword_afp_apw.jsonl.gz")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200

    from eventwire.knowledge.actors import build_actor_knowledge

    t = time.perf_counter()
    kb = build_actor_knowledge()
    load_s = time.perf_counter() - t  # timed untraced: tracemalloc slows loading several-fold
    tracemalloc.start()
    build_actor_knowledge()
    load_mb = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"actor knowledge: {load_s:.2f} s, peak {load_mb:.1f} MB traced, "
          f"{len(kb.exact) + len(kb.folded)} names, {len(kb.people)} people")

    from eventwire.extract.places import gazetteer

    rss0 = _rss_mb()
    t = time.perf_counter()
    gaz = gazetteer()
    print(f"gazetteer (first use): {time.perf_counter() - t:.2f} s, +{_rss_mb() - rss0:.0f} MB max RSS, "
          f"{len(gaz.cities)} city names, {len(gaz.regions)} regions")

    from eventwire import pipeline
    from eventwire.extract import actors
    from eventwire.ingest import read_text
    from eventwire.nlp import load_model, parse_documents

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        stories = [json.loads(line) for _, line in zip(range(n), fh, strict=False)]
    docs = [read_text(s["text"], title=s.get("title")) for s in stories]
    parsed = list(parse_documents(docs, load_model()))
    t = time.perf_counter()
    for p in parsed:
        actors.find_mentions(p, kb)
    actor_s = time.perf_counter() - t
    t = time.perf_counter()
    for p in parsed:
        pipeline.extract(p)
    extract_s = time.perf_counter() - t
    t = time.perf_counter()
    list(parse_documents(docs, load_model()))
    parse_s = time.perf_counter() - t
    total = parse_s + extract_s
    print(f"{len(parsed)} stories: parse {parse_s:.2f} s, extract {extract_s:.2f} s, actors {actor_s:.2f} s")
    share = 100 * actor_s / total
    print(f"actor resolution = {share:.1f} % of pipeline time (budget 10 %); max RSS {_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
