"""Spark scaling and the Spark ⇄ local acceptance check, on a generated WARC.

    .venv/bin/python bench/spark_scaling.py [--articles 1000] [--partitions 8]

Builds a temporary .warc.gz of N article pages (HTML written around article
text read at run time from ../shared/data/news; nothing is stored in the
repository), then:
  1. `marsad run` (marsad.runner.ingest) into a fresh SQLite database;
  2. the Spark job (marsad.spark.job) in local[1] and in local[2]: wall time, ratio;
  3. `marsad load` of the local[2] output into another database, and a
     table-by-table comparison of the two databases' row counts.
Prints markdown; exits 1 if the counts differ.
"""
from __future__ import annotations

import argparse
import gzip
import html
import io
import itertools
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEWS = SHARED / "data" / "news" / "ant2018_politics.jsonl.gz"
KB_TABLES = ("articles", "mentions", "dates", "events", "event_actors", "quarantine")


def page(rec: dict) -> bytes:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in rec["text"].split("\n") if p.strip())
    title = html.escape(rec.get("title") or "")
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><nav><a href="/">الرئيسية</a></nav><article><h1>{title}</h1>{paras}</article>'
            f'<footer>© 2018</footer></body></html>').encode("utf-8")


def write_warc(n: int, path: Path) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    count = 0
    with gzip.open(NEWS, "rt", encoding="utf-8") as src, path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, line in enumerate(itertools.islice(src, n)):
            rec = json.loads(line)
            url = rec.get("url") or f"https://example.org/{i}"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Date", rec.get("date") or "")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page(rec)),
                                                          http_headers=headers))
            count += 1
    return count


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in KB_TABLES}
    finally:
        conn.close()


def spark_run(master: str, warc: Path, out: Path, partitions: int):
    from marsad.spark.job import build_session, run_job

    session = build_session(master, app_name=f"marsad-bench-{master}")
    session.sparkContext.setLogLevel("ERROR")
    try:
        # A warm-up job starts the Python workers, so the timing is the pipeline's.
        session.sparkContext.parallelize(range(4), 4).map(lambda x: x).count()
        return run_job(session, [str(warc)], str(out), partitions)
    finally:
        session.stop()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--partitions", type=int, default=8)
    args = ap.parse_args(argv)
    if not NEWS.exists():
        print(f"skipped: {NEWS} is absent")
        return 0
    from marsad.runner import ingest
    from marsad.spark.load import load

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        warc = tmp / "bench.warc.gz"
        n = write_warc(args.articles, warc)
        t0 = time.perf_counter()
        local = ingest([str(warc)], tmp / "local.db")
        local_seconds = time.perf_counter() - t0
        runs = {m: spark_run(m, warc, tmp / m.replace("[", "_").replace("]", ""), args.partitions)
                for m in ("local[1]", "local[2]")}
        loaded = load(tmp / "local_2", tmp / "spark.db")
        again = load(tmp / "local_2", tmp / "spark.db")
        c_local, c_spark = counts(tmp / "local.db"), counts(tmp / "spark.db")

    one, two = runs["local[1]"], runs["local[2]"]
    print(f"## Spark scaling ({n}-article generated .warc.gz, {args.partitions} partitions)\n")
    print("| run | wall s | articles/s | processed | failed |")
    print("|---|---|---|---|---|")
    print(f"| `marsad run` (local runner, 1 core, into SQLite) | {local_seconds:.1f} | {local.read / local_seconds:.1f} | {local.stored} | {local.failed} |")
    for master, r in runs.items():
        print(f"| `marsad spark --master {master}` | {r.seconds:.1f} | {(r.processed + r.failed) / r.seconds:.1f} | {r.processed} | {r.failed} |")
    print(f"\n**local[1] / local[2] wall-time ratio: {one.seconds / two.seconds:.2f}** (2.0 would be linear on 2 cores)\n")
    print(f"`marsad load`: {loaded.stored} stored, {loaded.quarantined} quarantined in {loaded.seconds:.1f} s; "
          f"second load: {again.stored} stored, {again.unchanged} unchanged (idempotent).\n")
    print("| table | `marsad run` | `marsad spark` + `marsad load` | equal |")
    print("|---|---|---|---|")
    for t in KB_TABLES:
        print(f"| {t} | {c_local[t]} | {c_spark[t]} | {'yes' if c_local[t] == c_spark[t] else '**NO**'} |")
    return 0 if c_local == c_spark else 1


if __name__ == "__main__":
    sys.exit(main())
