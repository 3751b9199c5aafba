"""Full-corpus knowledge-base benchmark: ingest, dedup figures, search latency, a timeline.

    .venv/bin/python bench/kb_full_corpus.py [--input ../shared/data/news/ant2018_politics.jsonl.gz]
        [--db /tmp/kb_full.db] [--limit N] [--skip-ingest | --keep] [--reingest] [--second PATH]

Without --skip-ingest or --keep the database file is deleted first.

Prints markdown tables.  Needs ../shared (skips with a message when absent).
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb_queries import queries  # noqa: E402

from marsad.kb import api  # noqa: E402
from marsad.store.db import connect  # noqa: E402

DEFAULT_INPUT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "ant2018_politics.jsonl.gz"


def _subset(path: Path, n: int) -> Path:
    out = Path(tempfile.gettempdir()) / f"kb_subset_{n}.jsonl"
    with gzip.open(path, "rt", encoding="utf-8") as fh, open(out, "w", encoding="utf-8") as o:
        o.writelines(itertools.islice(fh, n))
    return out


def _counts(conn) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
            for t in ("articles", "events", "stories", "canonical_events", "event_mentions", "actors", "mentions")}


def _ingest(inputs: list[str], db: Path) -> tuple[float, int, int]:
    from marsad.runner import ingest

    t0 = time.perf_counter()
    s = ingest(inputs, db)
    return time.perf_counter() - t0, s.read, s.stored


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "kb_full.db")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--skip-ingest", action="store_true", help="measure an existing database")
    ap.add_argument("--keep", action="store_true", help="ingest into an existing database instead of a fresh one")
    ap.add_argument("--reingest", action="store_true", help="ingest again and check that no count changes")
    ap.add_argument("--second", type=Path, help="then ingest this second corpus into the same database")
    args = ap.parse_args()
    if not args.input.exists():
        print(f"skipped: {args.input} is absent")
        return
    inputs = [str(_subset(args.input, args.limit) if args.limit else args.input)]

    print("## Ingest\n\n| articles read | stored | wall s | articles/s | peak RSS MB |\n|---|---|---|---|---|")
    if not args.skip_ingest:
        if not args.keep:  # a fresh database, so the figures describe this input alone
            for suffix in ("", "-wal", "-shm"):
                Path(str(args.db) + suffix).unlink(missing_ok=True)
        wall, read, stored = _ingest(inputs, args.db)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"| {read} | {stored} | {wall:.1f} | {read / wall:.1f} | {rss:.0f} |")
    else:
        print("| (skipped) | | | | |")

    conn = connect(args.db)
    st = api.stats(conn)
    links = st["story_links"]
    n = st["indexed_articles"] or 1
    print("\n## Stories and event deduplication\n")
    print("| figure | value |\n|---|---|")
    for k, v in [
        ("articles", st["articles"]),
        ("stories", st["stories"]),
        ("stories with >1 article", st["multi_article_stories"]),
        ("stories with >1 outlet", st["multi_outlet_stories"]),
        ("articles joined as exact text duplicate", f"{links.get('exact', 0)} ({links.get('exact', 0) / n:.1%})"),
        ("articles joined as near duplicate (MinHash)", f"{links.get('near', 0)} ({links.get('near', 0) / n:.1%})"),
        ("articles joined by topic + actors/events", f"{links.get('topic', 0)} ({links.get('topic', 0) / n:.1%})"),
        ("event rows (per article)", st["event_rows"]),
        ("canonical events", st["canonical_events"]),
        ("canonical events with >1 article", st["multi_article_events"]),
        ("actors", st["actors"]),
    ]:
        print(f"| {k} | {v} |")

    if args.reingest:
        before = _counts(conn)
        wall, read, stored = _ingest(inputs, args.db)
        after = _counts(conn)
        print(f"\n## Re-ingest\n\n| read | stored | wall s | counts unchanged |\n|---|---|---|---|\n"
              f"| {read} | {stored} | {wall:.1f} | {before == after} |")

    if args.second and args.second.exists():
        actors_before = {r[0] for r in conn.execute("SELECT code FROM actors")}
        before = _counts(conn)
        wall, read, stored = _ingest([str(args.second)], args.db)
        after = _counts(conn)
        shared = conn.execute(
            "SELECT count(DISTINCT k.story_id) FROM article_kb k JOIN articles a ON a.id = k.article_id"
            " WHERE k.story_id IN (SELECT story_id FROM article_kb WHERE article_id <= ?) AND k.article_id > ?",
            (before["articles"], before["articles"])).fetchone()[0]
        reused = len(actors_before & {r[0] for r in conn.execute(
            "SELECT DISTINCT actor FROM mentions WHERE article_id > ? AND actor IS NOT NULL", (before["articles"],))})
        print(f"\n## Second corpus: {args.second.name}\n\n| read | stored | wall s | new stories | stories joined"
              f" across corpora | actors before | actors after | known actors seen again |\n|---|---|---|---|---|---|---|---|\n"
              f"| {read} | {stored} | {wall:.1f} | {after['stories'] - before['stories']} | {shared} |"
              f" {before['actors']} | {after['actors']} | {reused} |")

    qs = queries(200)
    times, totals = [], []
    for q in qs:
        t0 = time.perf_counter()
        page = api.search(conn, q, limit=20)
        times.append((time.perf_counter() - t0) * 1000)
        totals.append(page.total)
    times.sort()
    p = lambda x: times[min(len(times) - 1, int(round(x * (len(times) - 1))))]  # noqa: E731
    print("\n## Search latency (200 queries, 20 hits with snippets each)\n")
    print("| queries | with hits | p50 ms | p95 ms | max ms | mean hits |\n|---|---|---|---|---|---|")
    print(f"| {len(qs)} | {sum(1 for t in totals if t)} | {p(0.5):.1f} | {p(0.95):.1f} | {times[-1]:.1f} |"
          f" {statistics.mean(totals):.0f} |")

    pair = conn.execute("""
        SELECT s.actor, t.actor, count(*) AS n FROM canonical_actors s JOIN canonical_actors t
        ON t.canonical_id = s.canonical_id AND s.side = 'source' AND t.side = 'target' AND s.actor < t.actor
        WHERE s.actor GLOB '[A-Z]*' AND t.actor GLOB '[A-Z]*'
        GROUP BY 1, 2 ORDER BY n DESC LIMIT 1""").fetchone()
    if pair:
        page = api.timeline(conn, pair[0], pair[1], limit=15)
        print(f"\n## Timeline {pair[0]} – {pair[1]} ({page.total} canonical events; first 15)\n")
        # The evidence is third-party text: the report names where it is (article id and offsets),
        # and `marsad show ID` prints it locally; the committed report never quotes the corpus.
        print("| date | type | source → target | articles | outlets | evidence (article:start-end) |\n|---|---|---|---|---|---|")
        for e in page.items:
            m = e.mentions[0] if e.mentions else None
            ev = f"{m.doc_id}:{m.start}-{m.end}" if m else ""
            print(f"| {e.date or '—'} | {e.type} | {','.join(e.source)} → {','.join(e.target)} | {e.num_articles} |"
                  f" {e.num_sources} | {ev} |")
    print("\n```json\n" + json.dumps({"outlets": st["outlets"], "events_by_type": st["events_by_type"]},
                                     ensure_ascii=False) + "\n```")


if __name__ == "__main__":
    main()
