"""Peak memory of `marsad run` streaming N real articles into a fresh database.

    .venv/bin/python bench/memory_stream.py                 # N = 2000, 5000, 20000
    .venv/bin/python bench/memory_stream.py --sizes 2000,5000 --timeout 1800

Each N runs in its own `marsad run -` subprocess fed on standard input from
../shared/data/news/*.jsonl.gz (the articles are streamed, never copied to disk or
into this repository).  Peak RSS comes from os.wait4's rusage of that child
(ru_maxrss); RSS is also sampled from /proc every second together with the number
of stored articles, to show whether memory grows with the corpus.  Prints a markdown
table (target: < 1 GB, flat in N).
"""
from __future__ import annotations

import argparse
import gzip
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = (REPO / ".." / "shared" / "data" / "news").resolve()


def articles(limit: int):
    n = 0
    for path in sorted(NEWS.glob("*.jsonl.gz")):
        with gzip.open(path, "rb") as f:
            for line in f:
                if n >= limit:
                    return
                if line.strip():
                    yield line
                    n += 1


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def measure(n: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kb.db"
        cmd = [sys.executable, "-c", "from marsad.cli import main; main()", "run", "-", "--db", str(db), "-q"]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                cwd=REPO)
        samples: list[tuple[float, int, int]] = []  # (seconds, stored articles, RSS kB)
        t0 = time.perf_counter()
        done = threading.Event()

        def sample():
            while not done.wait(1.0):
                samples.append((time.perf_counter() - t0, stored(db), rss_kb(proc.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        fed = 0
        try:
            for line in articles(n):
                proc.stdin.write(line)
                fed += 1
                if time.perf_counter() - t0 > timeout:
                    break
            proc.stdin.close()
        except BrokenPipeError:
            pass
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        secs = time.perf_counter() - t0
        final = stored(db)
    return {"n": n, "fed": fed, "stored": final, "seconds": secs, "peak_mb": usage.ru_maxrss / 1024,
            "exit": proc.returncode, "samples": samples}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2000,5000,20000")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per size")
    args = ap.parse_args()
    if not NEWS.exists():
        sys.exit(f"{NEWS} is absent: the benchmark needs ../shared/data/news")
    rows = [measure(int(n), args.timeout) for n in args.sizes.split(",")]
    print("| N articles | fed | stored | seconds | docs/s | peak RSS (MB) | exit |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        rate = r["stored"] / r["seconds"] if r["seconds"] else 0
        print(f"| {r['n']:,} | {r['fed']:,} | {r['stored']:,} | {r['seconds']:.0f} | {rate:.1f} | {r['peak_mb']:.0f} | {r['exit']} |")
    big = rows[-1]["samples"]
    if big:
        print(f"\nRSS while streaming N={rows[-1]['n']:,} (sampled; stored articles → RSS):\n")
        print("| stored | RSS (MB) |")
        print("|---:|---:|")
        step = max(1, len(big) // 12)
        for _, n_stored, kb in big[::step] + [big[-1]]:
            print(f"| {n_stored:,} | {kb / 1024:.0f} |")


if __name__ == "__main__":
    main()
