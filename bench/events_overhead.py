"""Events-stage overhead: pipeline time per article with and without EventStage.

    .venv/bin/python bench/events_overhead.py [N]        (default N=500)

Reads N articles from ../shared/data/news (never copied), runs the default stages
once without and once with EventStage, and prints a markdown table.  Acceptance:
the events stage adds at most 30% to the pipeline's time per article.
Also prints the quick event scorer on the gold splits (oracle layers) when present.
"""
from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

from marsad.model import Document
from marsad.pipeline import default_stages

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "ant2018_politics.jsonl.gz"


def load(n: int) -> list[Document]:
    docs = []
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a.get("text"):
                docs.append(Document(id=a["id"], text=a["text"], title=a.get("title", "")))
            if len(docs) >= n:
                break
    return docs


def timed(docs: list[Document], stages) -> tuple[float, dict[str, float], int]:
    per_stage: dict[str, float] = {}
    events = 0
    t0 = time.perf_counter()
    for d in docs:
        doc = Document(id=d.id, text=d.text, title=d.title)
        for st in stages:
            s = time.perf_counter()
            doc = st(doc)
            per_stage[st.name] = per_stage.get(st.name, 0.0) + time.perf_counter() - s
        events += len(doc.events)
    return time.perf_counter() - t0, per_stage, events


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    if not NEWS.exists():
        print(f"skipped: {NEWS} is absent")
        return
    docs = load(n)
    stages = default_stages()
    without = [s for s in stages if s.name != "events"]
    if len(without) == len(stages):
        from marsad.stages.events import EventStage

        stages = stages + [EventStage()]
    # Warm the lazily loaded resources (lexicons, gazetteers) outside the timing.
    timed(docs[:5], stages)
    base, _, _ = timed(docs, without)
    full, per_stage, events = timed(docs, stages)
    ev = per_stage.get("events", 0.0)
    print(f"| articles | stages | pipeline without events (ms/article) | with events (ms/article) "
          f"| events stage (ms/article) | overhead | events/article |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {len(docs)} | {' → '.join(s.name for s in stages)} | {1000 * base / len(docs):.2f} "
          f"| {1000 * full / len(docs):.2f} | {1000 * ev / len(docs):.2f} | {100 * ev / max(full - ev, 1e-9):.1f}% "
          f"| {events / len(docs):.2f} |")


if __name__ == "__main__":
    main()
