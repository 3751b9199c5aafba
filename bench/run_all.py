"""Run every benchmark and write bench/REPORT.md (machine, versions, each script's markdown).

    .venv/bin/python bench/run_all.py             # everything (about 15-30 min on 2 cores)
    .venv/bin/python bench/run_all.py --quick     # smaller samples (a few minutes)
    .venv/bin/python bench/run_all.py --only spark_scaling --only text_peers   # rerun two; the
        other sections are taken from the last run's saved results (under the temp folder)

Each benchmark is a plain script run in its own process (so its peak memory is
its own) with a timeout; a missing, failing or timed-out script gets a clear
line in the report instead of stopping the run.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
REPORT = BENCH / "REPORT.md"
RESULTS = Path(tempfile.gettempdir()) / "marsad-bench-results"  # last result of each bench, for --only
PACKAGES = ("marsad", "pyspark", "pyarrow", "warcio", "trafilatura", "justext", "python-crfsuite", "pyahocorasick",
            "datasketch", "dateparser", "pyarabic", "tashaphyne", "qalsadi", "typer")


@dataclass(frozen=True, slots=True)
class Bench:
    name: str  # script file stem
    title: str
    args: tuple[str, ...] = ()
    quick_args: tuple[str, ...] = ()
    timeout: int = 900


BENCHES = (
    Bench("pipeline_throughput", "Pipeline throughput", ("--articles", "2000"), ("--articles", "300")),
    Bench("spark_scaling", "Spark scaling and Spark ⇄ local equality", ("--articles", "1000"), ("--articles", "150"), 1800),
    Bench("dates_vs_dateparser", "Dates against dateparser", (), ("--news", "200")),
    Bench("text_peers", "Main text, tokenisation and stemming against peers", (), ("--articles", "100", "--qalsadi", "2")),
    Bench("ner_anercorp", "NER on ANERcorp"),
    Bench("entities_speed", "Entities: speed", ("--speed", "--articles", "500"), ("--speed", "--articles", "100")),
    Bench("events_overhead", "Events-stage overhead", ("500",), ("100",)),
    Bench("ingest_throughput", "Ingestion throughput", (), ("--limit", "1000")),
    Bench("kb_full_corpus", "Knowledge base on the full corpus", ("--db", "/tmp/marsad_bench_kb_full.db", "--reingest"),
          ("--limit", "1000", "--db", "/tmp/marsad_bench_kb_quick.db"), 2400),
    Bench("api_load", "HTTP API latency on the full-corpus database", ("--db", "/tmp/marsad_bench_kb_full.db"),
          ("--db", "/tmp/marsad_bench_kb_quick.db")),
    Bench("memory_stream", "Peak memory streaming 2k / 5k / 20k articles", ("--sizes", "2000,5000,20000", "--timeout", "3000"),
          ("--sizes", "500,1000"), 3600),
    Bench("quality_gate", "Quality gate (scores against bench/quality_baseline.json)"),
)


class Outcome(str, Enum):
    OK = "ok"
    MISSING = "not run (script missing)"
    FAILED = "failed"
    TIMEOUT = "timed out"


@dataclass
class Result:
    bench: Bench
    outcome: Outcome
    seconds: float = 0.0
    stdout: str = ""
    detail: str = ""


def save_result(r: Result, quick: bool, folder: Path = RESULTS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = {"outcome": r.outcome.name, "seconds": r.seconds, "stdout": r.stdout, "detail": r.detail, "quick": quick}
    (folder / f"{r.bench.name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def saved_result(b: Bench, quick: bool, folder: Path = RESULTS) -> Result | None:
    path = folder / f"{b.name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("quick") != quick:
        return None
    return Result(b, Outcome[data["outcome"]], data["seconds"], data["stdout"], data["detail"])


def run_bench(b: Bench, quick: bool, python: str = sys.executable) -> Result:
    script = BENCH / f"{b.name}.py"
    if not script.exists():
        return Result(b, Outcome.MISSING, detail=f"bench/{b.name}.py does not exist")
    args = b.quick_args if quick and b.quick_args else b.args
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([python, str(script), *args], cwd=REPO, capture_output=True, text=True, timeout=b.timeout)
    except subprocess.TimeoutExpired as err:
        out = err.stdout.decode() if isinstance(err.stdout, bytes) else (err.stdout or "")
        return Result(b, Outcome.TIMEOUT, time.perf_counter() - t0, out, f"no result within {b.timeout} s")
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
        return Result(b, Outcome.FAILED, secs, proc.stdout, f"exit code {proc.returncode}\n{tail}")
    return Result(b, Outcome.OK, secs, proc.stdout)


# -- machine description ------------------------------
def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return "unknown"


def java_version() -> str:
    try:
        proc = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "absent"
    return (proc.stderr or proc.stdout).strip().splitlines()[0] if proc.returncode == 0 else "absent"


def versions() -> list[tuple[str, str]]:
    out = []
    for pkg in PACKAGES:
        try:
            out.append((pkg, metadata.version(pkg)))
        except metadata.PackageNotFoundError:
            out.append((pkg, "not installed"))
    return out


def machine_section() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    lines = [
        "## Machine\n",
        "| item | value |", "|---|---|",
        f"| CPU | {cpu_model()} |",
        f"| cores (logical) | {os.cpu_count()} |",
        f"| RAM | {ram_gb()} |",
        f"| OS | {platform.platform()} |",
        f"| Python | {platform.python_version()} ({sys.executable}) |",
        f"| Java | {java_version()} |",
        f"| load average at start (1/5/15 min) | {' / '.join(f'{x:.2f}' if isinstance(x, float) else x for x in load)} |",
        "\n| package | version |", "|---|---|",
        *(f"| {p} | {v} |" for p, v in versions()),
    ]
    return "\n".join(lines)


def demote_headings(markdown: str) -> str:
    """A script's own headings sit one level under its section."""
    return "\n".join(("#" + ln) if ln.startswith("#") else ln for ln in markdown.splitlines())


def render(results: list[Result], quick: bool, started: str, total: float, only: list[str] | None = None) -> str:
    rerun = f" --only {' --only '.join(only)}" if only else ""
    note = ("  Sections not named by --only come from the previous full run's saved results." if only else "")
    parts = [
        "# marsad benchmarks\n",
        f"Generated by `python bench/run_all.py{' --quick' if quick else ''}{rerun}` on {started} "
        f"({total / 60:.1f} min).  Regenerate everything with `python bench/run_all.py`.{note}  "
        "Timings depend on the load average below (other processes share the cores).\n",
        machine_section(),
        "\n## Summary\n",
        "| benchmark | script | outcome | seconds |", "|---|---|---|---|",
        *(f"| {r.bench.title} | `bench/{r.bench.name}.py {' '.join(r.bench.quick_args if quick and r.bench.quick_args else r.bench.args)}` "
          f"| {r.outcome.value} | {r.seconds:.0f} |" for r in results),
    ]
    for r in results:
        parts.append(f"\n## {r.bench.title}\n")
        if r.outcome is not Outcome.OK:
            parts.append(f"**{r.outcome.value}**: {r.detail.splitlines()[0] if r.detail else ''}\n")
            if len(r.detail.splitlines()) > 1:
                parts.append("```\n" + "\n".join(r.detail.splitlines()[1:]) + "\n```\n")
        if r.stdout.strip():
            parts.append(demote_headings(r.stdout.strip()) + "\n")
    fuzz = REPO / "bench" / "fuzz" / "REPORT.md"
    if fuzz.exists():
        # The long fuzz run (>= 100,000 examples a target) takes hours, so it is run on its own
        # (`python bench/fuzz/run.py`) and its last report is included here.
        parts.append("\n## Long fuzz run (bench/fuzz/run.py, included from bench/fuzz/REPORT.md)\n")
        parts.append(demote_headings(fuzz.read_text("utf-8").strip()) + "\n")
    return "\n".join(parts) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller samples")
    ap.add_argument("--only", action="append", default=[], help="run only these benchmarks (script stems)")
    ap.add_argument("--output", type=Path, default=REPORT)
    args = ap.parse_args(argv)
    started = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    t0 = time.perf_counter()
    results = []
    for b in BENCHES:
        if args.only and b.name not in args.only:
            kept = saved_result(b, args.quick)
            if kept is not None:
                results.append(kept)
            continue
        print(f"[run_all] {b.name} …", file=sys.stderr, flush=True)
        r = run_bench(b, args.quick)
        print(f"[run_all] {b.name}: {r.outcome.value} ({r.seconds:.0f} s)", file=sys.stderr, flush=True)
        save_result(r, args.quick)
        results.append(r)
    args.output.write_text(render(results, args.quick, started, time.perf_counter() - t0, args.only), encoding="utf-8")
    print(f"[run_all] wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
