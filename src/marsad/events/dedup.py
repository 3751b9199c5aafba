"""One event per distinct event in a document.

Two events are the same when they have the same type, compatible actors (each
side overlaps, either order for symmetric types, or one event's actors are a
subset of the other's) and compatible dates (equal, one a coarser prefix of the
other, or both unknown).  Two signings on different dates stay two events.
"""
from __future__ import annotations

from dataclasses import replace

from marsad.events.ontology import SYMMETRIC, EventType
from marsad.model import Event

REPEAT_BONUS = 0.05  # a restated event is a little more certain


def dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.startswith(b) or b.startswith(a)


def _overlap(x: list[str], y: list[str]) -> bool:
    return (not x and not y) or bool(set(x) & set(y))


def actors_compatible(a: Event, b: Event) -> bool:
    if _overlap(a.source, b.source) and _overlap(a.target, b.target):
        return True
    if EventType(a.type) in SYMMETRIC and _overlap(a.source, b.target) and _overlap(a.target, b.source):
        return True
    sa, sb = set(a.source) | set(a.target), set(b.source) | set(b.target)
    return bool(sa) and bool(sb) and (sa <= sb or sb <= sa) and bool(set(a.source) & set(b.source) or
                                                                      EventType(a.type) in SYMMETRIC)


def same_event(a: Event, b: Event) -> bool:
    return a.type == b.type and dates_compatible(a.date, b.date) and actors_compatible(a, b)


def _merge(first: Event, later: Event) -> Event:
    """Keep the first statement's evidence (the lead states the event), the more precise
    date, the first known location, and the higher confidence."""
    date, date_source = first.date, first.date_source
    if later.date and (not date or len(later.date) > len(date)):
        date, date_source = later.date, later.date_source
    location = first.location or later.location
    target = first.target or later.target
    source = first.source or later.source
    conf = max(first.confidence, later.confidence) + REPEAT_BONUS
    return replace(first, date=date, date_source=date_source, location=location, source=list(source),
                   target=list(target), confidence=round(min(1.0, conf), 3))


def deduplicate(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        for i, kept in enumerate(out):
            if same_event(kept, ev):
                out[i] = _merge(kept, ev)
                break
        else:
            out.append(ev)
    return out
