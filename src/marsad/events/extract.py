"""Events of a document: triggers → factuality → arguments → date/location → dedup."""
from __future__ import annotations

from dataclasses import dataclass, replace

from marsad.events.arguments import find_arguments
from marsad.events.context import DocContext, build_context
from marsad.events.dedup import deduplicate
from marsad.events.factuality import assess
from marsad.events.lexicon import Lexicon, Trigger, lexicon
from marsad.events.matching import Match, token_forms
from marsad.events.ontology import SYMMETRIC, EventType, ontology
from marsad.events.placement import event_date, event_location
from marsad.model import Document, Event

SWITCH_WINDOW = 4
WEAK = 0.5  # a trigger below this weight only counts when its clause has no other trigger
MIN_CONFIDENCE = 0.2


@dataclass(frozen=True, slots=True)
class Typed:
    type: EventType
    cameo: str


def _typed(m: Match, ctx: DocContext) -> Typed:
    trig: Trigger = m.payload  # type: ignore[assignment]
    clause_hi = ctx.clause_bounds[ctx.clause_of[m.first]][1]
    hi = min(clause_hi, m.last + 1 + SWITCH_WINDOW)
    for sw in trig.switches:
        if any(token_forms(ctx.tokens[k]) & sw.words for k in range(m.last + 1, hi)):
            return Typed(sw.type, sw.cameo)
    return Typed(trig.type, trig.cameo)


def _strongest_per_token(triggers: list[Match]) -> list[Match]:
    """One trigger per starting token: phrases beat single words, then weight."""
    best: dict[int, Match] = {}
    for m in triggers:
        cur = best.get(m.first)
        key = (m.dep >= 0 or m.last > m.first, m.payload.weight)
        if cur is None or key > (cur.dep >= 0 or cur.last > cur.first, cur.payload.weight):
            best[m.first] = m
    return sorted(best.values(), key=lambda m: m.first)


def _drop_weak(triggers: list[Match], ctx: DocContext) -> list[Match]:
    out = []
    for m in triggers:
        if m.payload.weight < WEAK:
            clause = ctx.clause_of[m.first]
            if any(o is not m and ctx.clause_of[o.first] == clause and o.payload.weight >= WEAK for o in triggers):
                continue
        out.append(m)
    return out


def _evidence(ctx: DocContext, m: Match, args_first: int, args_last: int) -> tuple[int, int]:
    clo, chi = ctx.clause_bounds[ctx.clause_of[m.first]]
    lo = min(clo, args_first)
    hi = max(chi - 1, args_last)
    toks = ctx.tokens
    start, end = toks[lo].start, toks[hi].end
    # Trim trailing punctuation of the clause.
    while hi > lo and toks[hi].kind == "punct" and toks[hi].text in "،,؛;:":
        hi -= 1
        end = toks[hi].end
    return start, end


def events_of(doc: Document, lex: Lexicon | None = None) -> list[Event]:
    if not doc.tokens:
        return []
    ctx = build_context(doc, lex or lexicon())
    onto = ontology()
    out: list[Event] = []
    last_source: tuple[str, ...] = ()
    for si in range(len(ctx.sentence_bounds)):
        triggers = [m for m in ctx.matches[si] if m.is_trigger]
        triggers = _strongest_per_token(triggers)
        kept = []
        for m in triggers:
            a = assess(m, triggers, ctx)
            if a.factual:
                kept.append((m, a))
        kept_matches = _drop_weak([m for m, _ in kept], ctx)
        for m, a in kept:
            if m not in kept_matches:
                continue
            ev = _event(m, a, ctx, onto, last_source)
            if ev is not None:
                out.append(ev)
                if ev.source:
                    last_source = tuple(ev.source)
    return deduplicate(out)


def _event(m: Match, a, ctx: DocContext, onto, last_source) -> Event | None:
    typed = _typed(m, ctx)
    args = find_arguments(m, ctx, a.passive, last_source)
    source, target = list(args.source), list(args.target)
    if typed.type in SYMMETRIC and not target and len(source) > 1:
        source, target = source[:1], source[1:]
    if not source and not target:
        return None
    # Unstated parties: most events in a report involve the state it is about
    # (domestic protests, arrests: «the state's ISO3 on both sides», GUIDELINES).
    main = ctx.main_actor
    if main:
        if not source:
            source = [main]
        if not target:
            target = [main]
    date, date_source = event_date(m, a.background, ctx)
    location = event_location(m, ctx)
    start, end = _evidence(ctx, m, args.span_first, args.span_last)
    t_end = ctx.tokens[max(m.last, m.dep)].end if m.dep >= 0 else ctx.tokens[m.last].end
    t_start = ctx.tokens[m.first].start
    conf = m.payload.weight * (1.0 if args.source_direct else 0.75) * (1.0 if args.target_direct else 0.85)
    conf = min(1.0, conf + (0.05 if date_source == "text" else 0.0))
    if conf < MIN_CONFIDENCE:
        return None
    text = ctx.doc.text
    return Event(
        type=typed.type.value,
        cameo=typed.cameo,
        source=source,
        target=target,
        start=start,
        end=end,
        text=text[start:end],
        date=date,
        location=location,
        confidence=round(conf, 3),
        trigger_start=t_start,
        trigger_end=t_end,
        trigger=text[t_start:t_end],
        quad=onto[typed.type].quad.value,
        date_source=date_source,
    )


def with_confidence(ev: Event, conf: float) -> Event:
    return replace(ev, confidence=round(min(1.0, conf), 3))
