"""Load benchmark of the HTTP API: p50/p95 latency of search and timeline over loopback.

Starts `marsad serve` (uvicorn) in a subprocess on 127.0.0.1 with a free port, sends a
bounded number of requests from a few client threads, prints a markdown table and
stops the server.  Traffic never leaves the machine.

    .venv/bin/python bench/api_load.py                      # the bundled sample (built in a temp dir)
    .venv/bin/python bench/api_load.py --db path/to/ant_politics.db --requests 300 --concurrency 4
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

# Our own query words (not taken from any corpus): plain, clitic-prefixed, a phrase, a rare word.
QUERIES = ["الاتفاقية", "والاتفاقية", "الناتو", "قطر", "الحكومة", "احتجاجات", "وزير الخارجية",
           '"حلف شمال الأطلسي"', "بالمفاوضات", "الأمن"]
STARTUP_TIMEOUT_S = 60.0
REQUEST_TIMEOUT_S = 30.0


@dataclass
class Result:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    wall_s: float = 0.0

    def row(self) -> str:
        lat = sorted(self.latencies_ms)
        if not lat:
            return f"| {self.name} | 0 | {self.errors} | – | – | – | – |"
        p50 = statistics.median(lat)
        p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))]
        rps = len(lat) / self.wall_s if self.wall_s else 0.0
        return (f"| {self.name} | {len(lat)} | {self.errors} | {p50:.1f} | {p95:.1f} | {max(lat):.1f} "
                f"| {rps:.1f} |")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sample_db(folder: Path) -> Path:
    from marsad.runner import ingest
    from marsad.sample import sample_paths

    path = folder / "sample.db"
    ingest([str(p) for p in sample_paths()], path)
    return path


def start_server(db: Path, port: int) -> subprocess.Popen:
    # `-m marsad.cli` would import the CLI twice (as __main__ and as marsad.cli); call its entry point instead.
    cmd = [sys.executable, "-c", "from marsad.cli import main; main()", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "warning"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())


def wait_ready(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited: " + (proc.stderr.read().decode() if proc.stderr else ""))
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not start in time")


def run(name: str, urls: list[str], concurrency: int) -> Result:
    result = Result(name)
    with httpx.Client(timeout=REQUEST_TIMEOUT_S) as client:
        def one(url: str) -> float | None:
            t0 = time.perf_counter()
            try:
                r = client.get(url)
            except httpx.HTTPError:
                return None
            ms = (time.perf_counter() - t0) * 1000
            return ms if r.status_code == 200 else None

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            for ms in pool.map(one, urls):
                if ms is None:
                    result.errors += 1
                else:
                    result.latencies_ms.append(ms)
        result.wall_s = time.perf_counter() - t0
    return result


def pairs(base: str, n: int = 10) -> list[tuple[str, str]]:
    """The most connected actor pairs of this database (from /api/network)."""
    net = httpx.get(base + "/api/network", params={"limit": n}, timeout=REQUEST_TIMEOUT_S).json()
    out = [(e["source"], e["target"]) for e in net["edges"]]
    return out or [("QAT", "NATO")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="Database to serve (e.g. the ANT politics one); default: the bundled sample.")
    ap.add_argument("--requests", type=int, default=200, help="Requests per endpoint (bounded).")
    ap.add_argument("--concurrency", type=int, default=4, help="Client threads.")
    args = ap.parse_args(argv)
    n = max(1, min(args.requests, 5000))

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db if args.db else sample_db(Path(tmp))
        if not db.is_file():
            ap.error(f"no database at {db}")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(db, port)
        try:
            wait_ready(base, proc)
            top = pairs(base)
            search_urls = [f"{base}/api/search?{httpx.QueryParams({'q': QUERIES[i % len(QUERIES)], 'limit': 20})}"
                           for i in range(n)]
            timeline_urls = [f"{base}/api/timeline/{a}/{b}?limit=100" for a, b in (top[i % len(top)] for i in range(n))]
            run("warm-up", search_urls[:10] + timeline_urls[:10], 1)
            results = [run("search", search_urls, args.concurrency), run("timeline", timeline_urls, args.concurrency)]
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    print(f"API load on {'the bundled sample' if not args.db else db} — {n} requests per endpoint, "
          f"{args.concurrency} client threads, uvicorn (1 worker) on loopback\n")
    print("| endpoint | ok | errors | p50 ms | p95 ms | max ms | req/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(r.row())
    return 0 if all(r.errors == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
