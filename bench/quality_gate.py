"""Quality gate: current scores against the committed floors in bench/quality_baseline.json.

    .venv/bin/python bench/quality_gate.py            # exit 1 if a score fell > tolerance below its floor
    .venv/bin/python bench/quality_gate.py --update   # rewrite the floors (a deliberate commit)
    .venv/bin/python bench/quality_gate.py --json     # print the scores as JSON

Scores (all F1 or agreement in [0, 1]):
  dev.entities / dev.dates / dev.events / dev.events_date
      `marsad eval ../shared/gold/dev.jsonl --articles dev_articles.jsonl` (marsad.eval)
  anercorp.f1      entity micro F1 of the shipped NER model on the ANERcorp test split
                   (the computation of bench/ner_anercorp.py)
  timex.agreement  share of the HeidelTime silver DATE timexes we find with the same value
                   (the computation of bench/timex_silver.py)

As trafilatura's evaluation gate: a score may move up freely; a drop of more than
`tolerance` (0.01) below its floor fails the build.  Raising a floor is a
deliberate `--update` and commit.  Skips (exit 0, with a message) when ../shared
is absent.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = (REPO / ".." / "shared").resolve()
BASELINE = BENCH / "quality_baseline.json"
DEFAULT_TOLERANCE = 0.01
EXIT_OK, EXIT_REGRESSION = 0, 1


@dataclass(frozen=True, slots=True)
class Regression:
    name: str
    floor: float
    current: float | None  # None: the score could not be computed at all

    def message(self) -> str:
        if self.current is None:
            return f"{self.name}: could not be computed (floor {self.floor:.3f})"
        return f"{self.name}: {self.current:.3f} < floor {self.floor:.3f} (drop {self.floor - self.current:.3f})"


def compare(current: dict[str, float | None], floors: dict[str, float], tolerance: float = DEFAULT_TOLERANCE) -> list[Regression]:
    """Every floored score that is missing or more than `tolerance` below its floor."""
    out = []
    for name, floor in sorted(floors.items()):
        value = current.get(name)
        if value is None or value < floor - tolerance - 1e-12:
            out.append(Regression(name, floor, value))
    return out


# -- the scores ------------------------------
def dev_scores(shared: Path = SHARED, stages: Sequence | None = None) -> dict[str, float]:
    """marsad eval on the dev gold (the pipeline run over the dev articles)."""
    from marsad.eval import read_jsonl, run_articles

    gold = read_jsonl(shared / "gold" / "dev.jsonl")
    run = run_articles(shared / "gold" / "dev_articles.jsonl", list(stages) if stages is not None else None)
    return eval_scores(gold, run.records)


def eval_scores(gold: list[dict], records: list[dict]) -> dict[str, float]:
    from marsad.eval import score

    report = score(gold, records)
    return {
        "dev.entities": report.entities.f1,
        "dev.dates": report.dates.f1,
        "dev.events": report.events.f1,
        "dev.events_date": report.events_date.f1,
    }


def _bench_module(name: str):
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


def anercorp_f1(shared: Path = SHARED) -> float | None:
    """Micro F1 of the shipped tagger on ANERcorp test, as bench/ner_anercorp.py computes it."""
    test = shared / "data" / "ner" / "anercorp_camellab_test.bio"
    bench = _bench_module("ner_anercorp")
    if hasattr(bench, "micro_f1"):  # the script's own function, when it has one
        return bench.micro_f1(test)
    from marsad.ner import load_tagger
    from marsad.ner.corpora import read_anercorp_raw
    from marsad.ner.evaluate import score

    tagger = load_tagger()
    if tagger is None:
        return None
    sents = read_anercorp_raw(test)
    return score([s.tags for s in sents], [tagger.tag_tokens(s.words) for s in sents]).micro.f1


def timex_agreement(shared: Path = SHARED) -> float | None:
    """agree / silver DATE timexes with a calendar value, as bench/timex_silver.py counts them."""
    path = shared / "data" / "timex" / "heideltime_arabic_silver.jsonl"
    bench = _bench_module("timex_silver")
    if hasattr(bench, "agreement"):
        return bench.agreement(path)
    from marsad.dates import find_dates

    agree = silver = 0
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        dates = [t for t in doc["timexes"] if t["type"] == "DATE"]
        ours = find_dates(doc["text"], bench.estimate_anchor(dates))
        for t in dates:
            if not bench._CALENDAR_VALUE.match(t["value"]):  # noqa: SLF001 - the script's own rule
                continue
            silver += 1
            agree += any(m.start < t["end"] and t["start"] < m.end and m.value == t["value"] for m in ours)
    return agree / silver if silver else None


SCORERS: dict[str, Callable[[Path], dict[str, float | None]]] = {
    "dev": lambda shared: dev_scores(shared),
    "anercorp": lambda shared: {"anercorp.f1": anercorp_f1(shared)},
    "timex": lambda shared: {"timex.agreement": timex_agreement(shared)},
}


def current_scores(shared: Path = SHARED, log=print) -> dict[str, float | None]:
    """Every score; one that fails to compute is None (and fails the gate if it has a floor)."""
    out: dict[str, float | None] = {}
    for group, scorer in SCORERS.items():
        t0 = time.perf_counter()
        try:
            out.update(scorer(shared))
        # A scorer is another area's code path: an import or data error there is
        # reported as a missing score, which the comparison turns into a failure.
        except (ImportError, OSError, ValueError, KeyError, AttributeError) as err:
            log(f"  {group}: not computed ({type(err).__name__}: {err})")
        else:
            log(f"  {group}: {time.perf_counter() - t0:.1f} s")
    return out


# -- baseline file ------------------------------
def read_baseline(path: Path = BASELINE) -> tuple[dict[str, float], float]:
    if not path.exists():
        return {}, DEFAULT_TOLERANCE
    data = json.loads(path.read_text(encoding="utf-8"))
    floors = {k: float(v) for k, v in data.get("scores", {}).items() if v is not None}
    return floors, float(data.get("tolerance", DEFAULT_TOLERANCE))


def write_baseline(scores: dict[str, float | None], path: Path = BASELINE, tolerance: float = DEFAULT_TOLERANCE) -> None:
    data = {
        "about": "Quality floors checked by bench/quality_gate.py; raise them with --update (a deliberate commit).",
        "tolerance": tolerance,
        "updated": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        "scores": {k: (round(v, 4) if v is not None else None) for k, v in sorted(scores.items())},
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def markdown(current: dict[str, float | None], floors: dict[str, float], regressions: list[Regression]) -> str:
    bad = {r.name for r in regressions}
    lines = ["| score | floor | current | status |", "|---|---|---|---|"]
    for name in sorted(set(current) | set(floors)):
        cur, floor = current.get(name), floors.get(name)
        status = "FAIL" if name in bad else ("new" if floor is None else "ok")
        lines.append(f"| {name} | {'' if floor is None else f'{floor:.3f}'} | {'—' if cur is None else f'{cur:.3f}'} | {status} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Fail when a quality score drops below its committed floor.")
    ap.add_argument("--update", action="store_true", help="rewrite bench/quality_baseline.json with the current scores")
    ap.add_argument("--json", action="store_true", help="print the current scores as JSON")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--baseline", type=Path, default=BASELINE)
    args = ap.parse_args(argv)
    if not (args.shared / "gold" / "dev.jsonl").exists():
        print(f"quality gate skipped: {args.shared} is absent")
        return EXIT_OK
    log = (lambda msg: print(msg, file=sys.stderr)) if args.json else print
    log("quality gate: computing scores")
    current = current_scores(args.shared, log=log)
    floors, tolerance = read_baseline(args.baseline)
    if args.update:
        write_baseline(current, args.baseline, tolerance)
        log(f"floors written to {args.baseline}")
        floors = {k: v for k, v in current.items() if v is not None}
    regressions = compare(current, floors, tolerance)
    if args.json:
        print(json.dumps({"scores": current, "floors": floors, "tolerance": tolerance,
                          "regressions": [r.message() for r in regressions]}, indent=1))
    else:
        print(markdown(current, floors, regressions))
    for r in regressions:
        print(f"REGRESSION {r.message()}", file=sys.stderr)
    return EXIT_REGRESSION if regressions else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
