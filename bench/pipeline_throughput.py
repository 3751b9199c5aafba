"""Pipeline throughput: articles/s per core, peak memory and time per stage of `marsad extract`.

    .venv/bin/python bench/pipeline_throughput.py [--articles 2000]

Takes N articles spread over the three news dumps in ../shared/data/news (read at
run time, never copied; a temporary JSONL subset is written under /tmp), reads
them with marsad.ingest and runs `default_stages()` on one core, exactly as
`marsad extract` does, keeping marsad.pipeline.Stats per stage.  Peak memory is
this process's maximum RSS.  Prints markdown.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import resource
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEWS = SHARED / "data" / "news"
DUMPS = ("ant2018_politics.jsonl.gz", "saudinewsnet2015_aawsat_spa.jsonl.gz", "jawharafm_politics.jsonl.gz")
SHARES = (0.6, 0.25, 0.15)  # of N taken from each dump, roughly their mix in the corpus


def subset(n: int, out: Path) -> Path:
    """The first lines of each dump, in SHARES proportions, as one JSONL file."""
    with out.open("wb") as fh:
        for name, share in zip(DUMPS, SHARES):
            k = round(n * share) if name != DUMPS[-1] else n - sum(round(n * s) for s in SHARES[:-1])
            with gzip.open(NEWS / name, "rb") as src:
                fh.writelines(itertools.islice(src, k))
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args(argv)
    if not NEWS.is_dir():
        print(f"skipped: {NEWS} is absent")
        return 0
    from marsad.ingest import read_inputs
    from marsad.pipeline import Failure, Stats, default_stages, process

    with tempfile.TemporaryDirectory() as tmp:
        path = subset(args.articles, Path(tmp) / "news_subset.jsonl")
        rss_before = peak_rss_mb()
        t0 = time.perf_counter()
        stages = default_stages()  # resources load lazily, on the first document
        stats = Stats()
        read_seconds = 0.0
        docs = failed = chars = 0
        items = iter(read_inputs([str(path)]))
        while True:
            t_read = time.perf_counter()
            item = next(items, None)
            read_seconds += time.perf_counter() - t_read
            if item is None:
                break
            if not isinstance(item, Failure):
                chars += len(item.text)
                item = process(item, stages, stats)
            if isinstance(item, Failure):
                failed += 1
            else:
                docs += 1
                item.to_record()  # what extract serialises
        total = time.perf_counter() - t0
    n = docs + failed
    print(f"## Pipeline throughput (`marsad extract` code path, one core, {n} articles from ../shared/data/news)\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| articles processed / failed | {docs} / {failed} |")
    print(f"| mean article length | {chars / max(1, docs):,.0f} characters |")
    print(f"| wall time (read + stages) | {total:.1f} s |")
    print(f"| **articles/s per core** | **{n / total:.1f}** |")
    print(f"| ms per article | {1000 * total / max(1, n):.1f} |")
    print(f"| peak memory (max RSS) | {peak_rss_mb():,.0f} MB (before the run: {rss_before:,.0f} MB) |")
    print("\n| stage | seconds | ms/article | share | failures |")
    print("|---|---|---|---|---|")
    rows = [("read (ingest: decode, clean, published)", read_seconds, 0)]
    rows += [(name, secs, stats.failures.get(name, 0)) for name, secs in stats.seconds.items()]
    for name, secs, fails in rows:
        print(f"| {name} | {secs:.2f} | {1000 * secs / max(1, n):.2f} | {secs / total:.0%} | {fails} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
