"""Date scoring at mention level.

Gold dates carry no offsets, only the surface `text` (one entry per occurrence)
and its `value`; the scorer finds the occurrences of each gold text in the
system record's `text` (exactly, else through the normalised view).

Recall: gold entries are matched one-to-one, in order, to occurrences of their
text; an entry is found when an unused system mention overlaps its occurrence
and has the same value.  Longer gold texts are matched first so that «اليوم» in
«اليوم الجمعة» does not take the mention meant for the longer date.

Precision: a system mention is correct when it overlaps *some* occurrence of a
gold text whose value equals its own (not one-to-one: a date the annotators
listed once but the text repeats is not penalised).  System mentions whose value
is None are not predictions — the recogniser saw a date it could not place, and
the task scores placed dates — so they count neither as system items nor as
errors; they are listed apart in the details.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from marsad.arabic import normalize, normalize_text
from marsad.eval.metrics import Score


@dataclass(frozen=True, slots=True)
class Occurrence:
    start: int
    end: int
    value: str | None


def find_occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of `needle` in `text`.

    Exact first; else in the normalised view with any whitespace run matching any
    other, because cleaning may have collapsed spaces or dropped diacritics that
    the annotator's copy kept.
    """
    if not needle.strip():
        return []
    out = _find_all(text, needle)
    if out:
        return out
    words = normalize_text(needle).split()
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    view = normalize(text)
    return [view.to_original(m.start(), m.end()) for m in pattern.finditer(view.text) if m.end() > m.start()]


def _find_all(hay: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not needle:
        return out
    i = hay.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = hay.find(needle, i + len(needle))
    return out


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@dataclass
class DateResult:
    score: Score
    missed: list[dict[str, Any]]
    spurious: list[dict[str, Any]]
    wrong_value: list[dict[str, Any]]
    unplaced: list[dict[str, Any]]


def score_dates(gold: list[dict[str, Any]], system: list[dict[str, Any]], text: str) -> DateResult:
    placed = [d for d in system if d.get("value") is not None]
    unplaced = [_sys_dict(d) for d in system if d.get("value") is None]
    occ_cache: dict[str, list[tuple[int, int]]] = {}
    for g in gold:
        t = str(g.get("text", ""))
        if t not in occ_cache:
            occ_cache[t] = find_occurrences(text, t)

    score = Score(gold=len(gold), system=len(placed))
    used_sys: set[int] = set()
    used_occ: set[tuple[str, int]] = set()
    missed: list[dict[str, Any]] = []
    wrong: list[dict[str, Any]] = []
    order = sorted(range(len(gold)), key=lambda i: -len(str(gold[i].get("text", ""))))
    for gi in order:
        g = gold[gi]
        t, value = str(g.get("text", "")), g.get("value")
        hit = _claim(t, value, occ_cache[t], placed, used_sys, used_occ)
        if hit:
            score.found += 1
            continue
        item = {"text": t, "value": value, "occurrences": [list(o) for o in occ_cache[t]]}
        missed.append(item)
        near = [
            _sys_dict(s)
            for s in placed
            if s.get("value") != value
            and any(_overlaps(int(s["start"]), int(s["end"]), a, b) for a, b in occ_cache[t])
        ]
        if near:
            wrong.append({**item, "system": near})

    gold_occ = [
        Occurrence(a, b, g.get("value")) for g in gold for a, b in occ_cache[str(g.get("text", ""))]
    ]
    spurious: list[dict[str, Any]] = []
    for s in placed:
        s0, s1 = int(s["start"]), int(s["end"])
        if any(o.value == s["value"] and _overlaps(s0, s1, o.start, o.end) for o in gold_occ):
            score.correct += 1
        else:
            spurious.append(_sys_dict(s))
    missed.sort(key=lambda d: d["occurrences"][0][0] if d["occurrences"] else -1)
    return DateResult(score, missed, spurious, wrong, unplaced)


def _claim(
    text: str,
    value: Any,
    occurrences: list[tuple[int, int]],
    system: list[dict[str, Any]],
    used_sys: set[int],
    used_occ: set[tuple[str, int]],
) -> bool:
    """Greedy, in order: the first free occurrence with a free overlapping same-value mention."""
    for k, (a, b) in enumerate(occurrences):
        if (text, k) in used_occ:
            continue
        for j, s in enumerate(system):
            if j in used_sys or s.get("value") != value:
                continue
            if _overlaps(int(s["start"]), int(s["end"]), a, b):
                used_sys.add(j)
                used_occ.add((text, k))
                return True
    return False


def _sys_dict(d: dict[str, Any]) -> dict[str, Any]:
    return {"start": d.get("start"), "end": d.get("end"), "text": d.get("text"), "value": d.get("value")}
