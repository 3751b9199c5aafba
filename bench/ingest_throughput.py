"""Ingestion throughput and publication-date resolution on the shared news corpora.

    .venv/bin/python bench/ingest_throughput.py [--limit N]

Reads ../shared/data/news/ant2018_politics.jsonl.gz fully through
marsad.ingest.read_inputs and prints a markdown table: articles/s, peak RSS, the
share of articles with a published date by source, and for SaudiNewsNet the share
of SPA (`was`) items whose date comes from the dateline.
"""
from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from marsad.ingest import read_inputs
from marsad.model import Document

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"
ANT = NEWS / "ant2018_politics.jsonl.gz"
SNN = NEWS / "saudinewsnet2015_aawsat_spa.jsonl.gz"


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(path: Path, limit: int | None):
    docs = failures = 0
    total: Counter = Counter()
    dated: Counter = Counter()
    by_origin: Counter = Counter()
    t0 = time.perf_counter()
    for item in itertools.islice(read_inputs([str(path)]), limit):
        if not isinstance(item, Document):
            failures += 1
            continue
        docs += 1
        src = item.source or "?"
        total[src] += 1
        if item.published:
            dated[src] += 1
        by_origin[(src, item.metadata["published_source"])] += 1
    return docs, failures, time.perf_counter() - t0, total, dated, by_origin


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="read at most N records per file")
    args = ap.parse_args()
    if not ANT.exists():
        print(f"{ANT} is absent; nothing to measure", file=sys.stderr)
        return 1
    docs, failures, secs, total, dated, by_origin = run(ANT, args.limit)
    print(f"## ingest throughput: {ANT.name}\n")
    print("| articles | failures | seconds | articles/s | peak RSS (MB) | published date |")
    print("|---:|---:|---:|---:|---:|---:|")
    all_dated = sum(dated.values())
    print(f"| {docs} | {failures} | {secs:.1f} | {docs / secs:.0f} | {peak_rss_mb():.0f} | {all_dated / max(docs, 1):.2%} |")
    print("\n| source | articles | with published | rate | from metadata | from text | from url | from dateline |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for src in sorted(total):
        print(
            f"| {src} | {total[src]} | {dated[src]} | {dated[src] / total[src]:.2%} | "
            + " | ".join(str(by_origin[(src, o)]) for o in ("metadata", "text", "url", "dateline"))
            + " |"
        )
    if SNN.exists():
        docs, failures, secs, total, dated, by_origin = run(SNN, args.limit)
        was = total.get("was", 0)
        from_dl = by_origin[("was", "dateline")]
        print(f"\n## {SNN.name}: {docs} articles in {secs:.1f} s ({docs / secs:.0f}/s)\n")
        print("| source | articles | published from dateline | share | from text | from metadata |")
        print("|---|---:|---:|---:|---:|---:|")
        for src in sorted(total):
            n = total[src]
            print(f"| {src} | {n} | {by_origin[(src, 'dateline')]} | {by_origin[(src, 'dateline')] / n:.2%} | "
                  f"{by_origin[(src, 'text')]} | {by_origin[(src, 'metadata')]} |")
        print(f"\nSPA (`was`) items dated from the dateline: {from_dl}/{was} = {from_dl / max(was, 1):.2%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
