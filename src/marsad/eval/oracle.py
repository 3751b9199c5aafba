"""A gold record rewritten as an extraction record: the harness's self-check.

Scoring `gold_as_system(gold, text)` against `gold` must give 1.0 wherever the
gold is placeable in `text`; tests and `python -m marsad.eval.oracle` use it to
check the scorer, not the system.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from marsad.eval.dates import find_occurrences


def gold_as_system(gold: dict[str, Any], text: str) -> dict[str, Any]:
    entities = []
    for ent in gold.get("entities") or []:
        for mention in ent.get("mentions") or []:
            start, end = _first(text, mention)
            entities.append(
                {"start": start, "end": end, "text": mention, "type": ent["type"], "actor": ent.get("actor")}
            )
    dates = []
    taken: dict[str, int] = defaultdict(int)
    for d in gold.get("dates") or []:
        occ = find_occurrences(text, d["text"])
        k = taken[d["text"]]
        taken[d["text"]] += 1
        if k < len(occ):
            s, e = occ[k]
            dates.append({"start": s, "end": e, "text": text[s:e], "value": d.get("value")})
    events = []
    for ev in gold.get("events") or []:
        start, end = _first(text, ev.get("evidence") or "")
        events.append({**{k: ev.get(k) for k in ("type", "source", "target", "date", "location")},
                       "start": start, "end": end})
    return {"id": gold["id"], "published": gold.get("published"), "text": text,
            "entities": entities, "dates": dates, "events": events}


def _first(text: str, needle: str) -> tuple[int, int]:
    occ = find_occurrences(text, needle)
    return occ[0] if occ else (-1, -1)
