"""Event scoring at document level, one-to-one.

A gold event is matched by a system event of the same PLOVER type whose
participants overlap the gold ones: some source in common and some target in
common.  Participants are compared as codes (case-folded) or, for uncoded
actors, as normalised clitic-free Arabic names (marsad.eval.forms).

Empty sides: when the gold target is [] (a protest, a general statement) the
condition is on sources only, whatever target the system gave — a system that
names the object of a protest is not wrong about the event, and requiring []
would make the measure hinge on an annotation choice the guidelines leave
open.  Symmetrically, a gold source of [] puts the condition on targets only.

AGREE and CONSULT are symmetric in the guidelines (either order is fine), so a
system event with source and target swapped also matches for these two types.

"events+date" is the same matching with the extra condition that the dates are
equal as strings — i.e. at the gold's granularity ("2018-03" matches only
"2018-03"); both None counts as equal.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marsad.eval.forms import actors_overlap
from marsad.eval.metrics import Score, one_to_one

SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT"})


@dataclass(frozen=True, slots=True)
class EventKey:
    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    date: str | None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "EventKey":
        date = d.get("date")
        return cls(
            str(d.get("type", "")).upper(),
            tuple(str(a) for a in d.get("source") or ()),
            tuple(str(a) for a in d.get("target") or ()),
            str(date).strip() if date not in (None, "") else None,
        )


def _side_ok(gold: tuple[str, ...], system: tuple[str, ...]) -> bool:
    return not gold or actors_overlap(list(gold), list(system))


def participants_match(g: EventKey, s: EventKey) -> bool:
    if g.type != s.type:
        return False
    if _side_ok(g.source, s.source) and _side_ok(g.target, s.target):
        return True
    return g.type in SYMMETRIC_TYPES and _side_ok(g.source, s.target) and _side_ok(g.target, s.source)


def participants_and_date_match(g: EventKey, s: EventKey) -> bool:
    return g.date == s.date and participants_match(g, s)


@dataclass
class EventResult:
    score: Score
    score_date: Score
    by_type: dict[str, Score]
    missed: list[dict[str, Any]]
    spurious: list[dict[str, Any]]
    wrong_date: list[dict[str, Any]]


def score_events(gold_dicts: list[dict[str, Any]], system_dicts: list[dict[str, Any]], text: str) -> EventResult:
    gold = [EventKey.from_dict(d) for d in gold_dicts]
    system = [EventKey.from_dict(d) for d in system_dicts]
    pairs = one_to_one(gold, system, participants_match)
    pairs_date = one_to_one(gold, system, participants_and_date_match)

    score = Score(len(gold), len(system), len(pairs), len(pairs))
    score_date = Score(len(gold), len(system), len(pairs_date), len(pairs_date))
    by_type: dict[str, Score] = {}
    for g in gold:
        by_type.setdefault(g.type, Score()).gold += 1
    for s in system:
        by_type.setdefault(s.type, Score()).system += 1
    for gi in pairs:
        sc = by_type[gold[gi].type]
        sc.found += 1
        sc.correct += 1

    matched_sys = set(pairs.values())
    missed = [_gold_view(gold_dicts[i]) for i in range(len(gold)) if i not in pairs]
    spurious = [_sys_view(system_dicts[j], text) for j in range(len(system)) if j not in matched_sys]
    # Gold events whose participants were found but never with the right date.
    wrong_date = [
        {"gold": _gold_view(gold_dicts[i]), "system_date": system[j].date}
        for i, j in pairs.items()
        if i not in pairs_date
    ]
    return EventResult(score, score_date, dict(sorted(by_type.items())), missed, spurious, wrong_date)


def _gold_view(d: dict[str, Any]) -> dict[str, Any]:
    keys = ("type", "source", "target", "date", "location", "evidence")
    return {k: d.get(k) for k in keys}


def _sys_view(d: dict[str, Any], text: str) -> dict[str, Any]:
    out = {k: d.get(k) for k in ("type", "source", "target", "date", "location", "start", "end")}
    evidence = d.get("evidence")
    if not isinstance(evidence, str) and isinstance(d.get("start"), int) and isinstance(d.get("end"), int):
        evidence = text[d["start"]:d["end"]]
    out["evidence"] = evidence
    return out
