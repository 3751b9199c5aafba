"""Agreement with the HeidelTime Arabic silver TIMEX3 set (DATE timexes).  Prints markdown tables.

    .venv/bin/python bench/timex_silver.py [--show N]

The silver file has no document creation time, so each document's anchor is
estimated as the most common day-level DATE value among its silver timexes
(documented estimate; relative expressions are only as good as it).  Silver
values such as PAST_REF / PRESENT_REF / XXXX-… cannot be placed on the
calendar and are counted apart.  Disagreements are sorted into kinds:
  missed      a silver DATE with a calendar value that no mention of ours overlaps
  value       overlapping mention, different value (granularity or resolution)
  extra       a mention of ours that overlaps no silver DATE
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from marsad.dates import find_dates

PATH = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timex" / "heideltime_arabic_silver.jsonl"
_CALENDAR_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def estimate_anchor(timexes: list[dict]) -> str | None:
    days = Counter(t["value"] for t in timexes if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t["value"]))
    return days.most_common(1)[0][0] if days else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=8, help="examples printed per disagreement kind")
    args = ap.parse_args()
    if not PATH.exists():
        raise SystemExit(f"{PATH} is absent")
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for line in PATH.open(encoding="utf-8"):
        doc = json.loads(line)
        text = doc["text"]
        dates = [t for t in doc["timexes"] if t["type"] == "DATE"]
        anchor = estimate_anchor(dates)
        ours = find_dates(text, anchor)
        used: set[int] = set()
        for t in dates:
            if not _CALENDAR_VALUE.match(t["value"]):
                counts["silver_unplaceable"] += 1
                continue
            counts["silver"] += 1
            over = [i for i, m in enumerate(ours) if m.start < t["end"] and t["start"] < m.end]
            same = [i for i in over if ours[i].value == t["value"]]
            if same:
                counts["agree"] += 1
                used.update(same[:1])
                continue
            kind = "value" if over else "missed"
            used.update(over[:1])
            counts[kind] += 1
            got = f" ours={ours[over[0]].text!r}->{ours[over[0]].value}" if over else ""
            examples.setdefault(kind, []).append(f"{doc['id']}: {t['text']!r} silver={t['value']}{got}")
        for i, m in enumerate(ours):
            if i in used:
                continue
            if any(m.start < t["end"] and t["start"] < m.end for t in doc["timexes"]):
                continue  # overlaps a non-DATE timex or an unplaceable one: not counted
            counts["extra"] += 1
            ctx = text[max(0, m.start - 20) : m.end + 20].replace("\n", " ")
            examples.setdefault("extra", []).append(f"{doc['id']}: {m.text!r}->{m.value} | {ctx}")
    n = counts["silver"]
    print(f"\n### HeidelTime Arabic silver: DATE timexes ({n} with calendar values, "
          f"{counts['silver_unplaceable']} unplaceable like PAST_REF)\n")
    print("| measure | count | share |")
    print("|---|---|---|")
    for key in ("agree", "value", "missed"):
        print(f"| {key} | {counts[key]} | {counts[key] / n:.3f} |")
    print(f"| extra (ours, no silver timex) | {counts['extra']} | |")
    for kind in ("value", "missed", "extra"):
        print(f"\n#### {kind}\n")
        for ex in examples.get(kind, [])[: args.show]:
            print(f"- {ex}")


if __name__ == "__main__":
    main()
