"""Long fuzz run: ≥ 100,000 hypothesis examples per target (capped in time per target).

    .venv/bin/python bench/fuzz/run.py                       # every target, 100k examples, 20 min cap each
    .venv/bin/python bench/fuzz/run.py --targets dates,reader --examples 100000 --minutes 10
    .venv/bin/python bench/fuzz/run.py --engine random       # same targets, plain RNG inputs (fast, no shrinking)
    .venv/bin/python bench/fuzz/run.py --report              # (re)write bench/fuzz/REPORT.md from results/

The targets and strategies are those of the CI fuzz tests
(tests/reliability/rel_fuzz_targets.py).  Hypothesis runs in chunks of 5,000
examples with fresh seeds, so that a time cap can stop between chunks and a failure
does not end the run: each failure is shrunk, recorded and the run goes on.  Results
go to bench/fuzz/results/<target>.json, the report to bench/fuzz/REPORT.md.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "tests" / "reliability"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from rel_fuzz_targets import RANDOM_INPUTS, TARGETS  # noqa: E402

CHUNK = 5_000
RESULTS = HERE / "results"


def fuzz(name: str, examples: int, minutes: float) -> dict:
    strategy, check = TARGETS[name]
    calls = 0
    failures: list[dict] = []
    t0 = time.perf_counter()
    chunk = 0
    while calls < examples and time.perf_counter() - t0 < minutes * 60:
        chunk += 1

        @seed(1_000 + chunk)
        @settings(max_examples=min(CHUNK, examples - calls), deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def run(value):
            nonlocal calls
            calls += 1
            check(value)

        try:
            run()
        # Record any falsifying example (hypothesis re-raises it after shrinking) and go on.
        except Exception as err:  # noqa: BLE001
            failures.append({"chunk": chunk, "error": f"{type(err).__name__}: {err}"[:2000],
                             "trace": traceback.format_exc()[-3000:]})
        print(f"{name}: {calls} examples, {len(failures)} failures, {time.perf_counter() - t0:.0f} s", flush=True)
    secs = time.perf_counter() - t0
    return {"target": name, "engine": "hypothesis", "examples": calls, "seconds": round(secs, 1), "per_second": round(calls / secs, 1),
            "failures": failures, "capped": calls < examples}


def fuzz_random(name: str, examples: int, minutes: float, seed_value: int = 1) -> dict:
    """The same check on inputs drawn by a plain seeded RNG (no shrinking: failing inputs are kept as is)."""
    import random

    _, check = TARGETS[name]
    draw = RANDOM_INPUTS[name]
    rng = random.Random(seed_value)
    failures: list[dict] = []
    t0 = time.perf_counter()
    calls = 0
    while calls < examples and time.perf_counter() - t0 < minutes * 60:
        value = draw(rng)
        calls += 1
        try:
            check(value)
        except Exception as err:  # noqa: BLE001 - every failure is recorded, the run goes on
            if len(failures) < 20:
                failures.append({"chunk": calls, "error": f"{type(err).__name__}: {err} on {value!r}"[:2000],
                                 "trace": traceback.format_exc()[-3000:]})
        if calls % 20_000 == 0:
            print(f"{name}: {calls} examples, {len(failures)} failures, {time.perf_counter() - t0:.0f} s", flush=True)
    secs = time.perf_counter() - t0
    return {"target": name, "engine": "random", "examples": calls, "seconds": round(secs, 1),
            "per_second": round(calls / secs, 1), "failures": failures, "capped": calls < examples}


def write_report() -> Path:
    rows = [json.loads(p.read_text("utf-8")) for p in sorted(RESULTS.glob("*.json"))]
    lines = ["# Long fuzz run", "", "Command: `.venv/bin/python bench/fuzz/run.py` (see its docstring); "
             "targets and strategies: `tests/reliability/rel_fuzz_targets.py`.", "",
             "| target | engine | examples | seconds | examples/s | failures | stopped by time cap |",
             "|---|---|---:|---:|---:|---:|---|"]
    for r in rows:
        lines.append(f"| {r['target']} | {r.get('engine', 'hypothesis')} | {r['examples']:,} | {r['seconds']:,} | {r['per_second']:,} | "
                     f"{len(r['failures'])} | {'yes' if r['capped'] else 'no'} |")
    for r in rows:
        for f in r["failures"]:
            lines += ["", f"## {r['target']}: failure in chunk {f['chunk']}", "", "```", f["error"], "```"]
    out = HERE / "REPORT.md"
    out.write_text("\n".join(lines) + "\n", "utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--targets", default=",".join(TARGETS))
    ap.add_argument("--examples", type=int, default=100_000)
    ap.add_argument("--minutes", type=float, default=20.0, help="time cap per target")
    ap.add_argument("--engine", choices=("hypothesis", "random"), default="hypothesis",
                    help="hypothesis (shrinks failures) or a plain seeded RNG (much faster)")
    ap.add_argument("--report", action="store_true", help="only rewrite REPORT.md from results/")
    args = ap.parse_args()
    if not args.report:
        RESULTS.mkdir(exist_ok=True)
        for name in args.targets.split(","):
            run = fuzz_random if args.engine == "random" else fuzz
            result = run(name, args.examples, args.minutes)
            (RESULTS / f"{name}-{args.engine}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    print(write_report())


if __name__ == "__main__":
    main()
