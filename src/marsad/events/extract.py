"""Events of a document: candidates → type model → argument model → date/location → dedup.

Candidates are the lexicon's trigger matches (one per token), with what the rules
say about them (type after phrase switches, factuality).  The trigger model
(models/events/triggers.json) decides whether a candidate states a reported event
and of which type; the argument model (arguments.json) ranks the actor mentions
of its sentence as source and target, with the rule-based arguments
(marsad.events.arguments) among its features and as the fallback.  Without the
model files the rules alone decide (the previous behaviour).
"""
from __future__ import annotations

from dataclasses import dataclass

from marsad.events.arguments import Arguments, _actors_between, find_arguments, group
from marsad.events.context import DocContext, build_context
from marsad.events.dedup import deduplicate
from marsad.events.factuality import assess
from marsad.events.features import Candidate, argument_features, trigger_features
from marsad.events.lexicon import Lexicon, Trigger, lexicon
from marsad.events.linear import LinearModel, load_model
from marsad.events.matching import Match, token_forms
from marsad.events.ontology import SYMMETRIC, EventType, ontology
from marsad.events.placement import event_date, event_location
from marsad.model import Document, Event

SWITCH_WINDOW = 4
WEAK = 0.5  # rules only: a trigger below this weight counts only when its clause has no other
MIN_CONFIDENCE = 0.2
NONE = "NONE"
SOURCE, TARGET = "SOURCE", "TARGET"
RETYPE = 0.5
MAX_ARGUMENT_CANDIDATES = 4  # the actors nearest the trigger: farther ones are rarely its arguments (5 and 6 gave the same train score)
TARGET_THRESHOLD = 0.6  # the rule's direct target is kept unless the model is this sure
TRIGGER_MODEL = "triggers.json"
ARGUMENT_MODEL = "arguments.json"


@dataclass(frozen=True, eq=False)
class Models:
    triggers: LinearModel | None
    arguments: LinearModel | None


def shipped_models() -> Models:
    return Models(load_model(TRIGGER_MODEL), load_model(ARGUMENT_MODEL))


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


def _drop_weak(cands: list[Candidate], ctx: DocContext) -> list[Candidate]:
    out = []
    for c in cands:
        if c.match.payload.weight < WEAK:
            clause = ctx.clause_of[c.match.first]
            if any(o is not c and ctx.clause_of[o.match.first] == clause and o.match.payload.weight >= WEAK
                   for o in cands):
                continue
        out.append(c)
    return out


def sentence_candidates(ctx: DocContext, si: int) -> list[Candidate]:
    """Every trigger match of a sentence (one per token) with its rule type and factuality."""
    triggers = _strongest_per_token([m for m in ctx.matches[si] if m.is_trigger])
    out = []
    for m in triggers:
        typed = _typed(m, ctx)
        out.append(Candidate(m, typed.type.value, typed.cameo, assess(m, triggers, ctx)))
    return out


def _evidence(ctx: DocContext, m: Match, args_first: int, args_last: int) -> tuple[int, int]:
    clo, chi = ctx.clause_bounds[ctx.clause_of[m.first]]
    lo = min(clo, args_first)
    hi = max(chi - 1, args_last)
    toks = ctx.tokens
    # Trim trailing punctuation of the clause.
    while hi > lo and toks[hi].kind == "punct" and toks[hi].text in "،,؛;:":
        hi -= 1
    return toks[lo].start, toks[hi].end


@dataclass(frozen=True, slots=True)
class Decision:
    type: EventType
    cameo: str
    confidence: float


def _decide(c: Candidate, ctx: DocContext, models: Models) -> Decision | None:
    if models.triggers is None:
        if not c.assessment.factual:
            return None
        return Decision(EventType(c.rule_type), c.rule_cameo, c.match.payload.weight)
    model = models.triggers
    probs = model.probabilities(trigger_features(c, ctx))
    none = probs[model.index(NONE)]
    # One threshold θ, used both ways: a trigger the rules call factual stands unless the
    # model gives P(NONE) ≥ θ; any other needs P(event) ≥ θ (what the rules call
    # non-factual is sometimes a stated threat, demand or accusation).  Cross-validated
    # on train, this beats both the rules alone and the model alone.
    th = model.threshold
    if (none >= th) if c.assessment.factual else (1.0 - none < th):
        return None
    k = max((i for i, name in enumerate(model.classes) if name != NONE), key=probs.__getitem__)
    etype = EventType(model.classes[k])
    # Re-typing a lexicon match needs a confident model; else the lexicon's type stands.
    if probs[k] < RETYPE and c.rule_type in model.classes:
        etype = EventType(c.rule_type)
    cameo = c.rule_cameo if etype.value == c.rule_type else ontology()[etype].cameo
    return Decision(etype, cameo, 1.0 - none)


def _sentence_actor_indices(ctx: DocContext, m: Match) -> list[int]:
    lo, hi = ctx.sentence_bounds[ctx.sentence_of[m.first]]
    return _actors_between(ctx, lo, hi)


def choose_arguments(c: Candidate, etype: str, ctx: DocContext, rule: Arguments,
                     model: LinearModel | None) -> tuple[list[str], list[str], float]:
    """Source and target codes for an event: the argument model's best actor for each role
    when it is confident enough, else the rule's choice.  Also the source's score."""
    source, target = list(rule.source), list(rule.target)
    if model is None:
        return source, target, 1.0
    hi = ctx.sentence_bounds[ctx.sentence_of[c.match.first]][1]
    si, ti = model.index(SOURCE), model.index(TARGET)
    best_src: tuple[float, list[str]] | None = None
    scored: list[tuple[float, list[str]]] = []
    nearest = sorted(_sentence_actor_indices(ctx, c.match),
                     key=lambda i: abs(ctx.actors[i].first - c.match.first))[:MAX_ARGUMENT_CANDIDATES]
    for idx in sorted(nearest):
        codes, _ = group(ctx, idx, hi)
        p = model.probabilities(argument_features(c, etype, idx, ctx, rule, tuple(codes)))
        if best_src is None or p[si] > best_src[0]:
            best_src = (p[si], codes)
        scored.append((p[ti], codes))
    src_score = 0.0
    # The agent of a passive («على يد», «من قبل») is explicit: the model does not overrule it.
    if best_src is not None and best_src[0] >= model.threshold and not rule.by_agent:
        source, src_score = best_src[1], best_src[0]
    tgt = [x for x in scored if not set(x[1]) <= set(source)]
    if tgt:
        p, codes = max(tgt, key=lambda x: x[0])
        if p >= TARGET_THRESHOLD or (p >= model.threshold and not rule.target_direct):
            target = codes
    if set(target) <= set(source) and target:
        target = [t for t in rule.target if t not in source]
    return source, target, src_score


def events_of(doc: Document, lex: Lexicon | None = None, models: Models | None = None) -> list[Event]:
    if not doc.tokens:
        return []
    ctx = build_context(doc, lex or lexicon())
    models = models if models is not None else shipped_models()
    out: list[Event] = []
    last_source: tuple[str, ...] = ()
    for si in range(len(ctx.sentence_bounds)):
        cands = sentence_candidates(ctx, si)
        if models.triggers is None:
            cands = _drop_weak([c for c in cands if c.assessment.factual], ctx)
        for c in cands:
            decision = _decide(c, ctx, models)
            if decision is None:
                continue
            ev = _event(c, decision, ctx, models, last_source)
            if ev is not None:
                out.append(ev)
                if ev.source:
                    last_source = tuple(ev.source)
    return deduplicate(out)


@dataclass(frozen=True, slots=True)
class Parties:
    source: list[str]
    target: list[str]
    rule: Arguments


def event_parties(c: Candidate, etype: EventType, ctx: DocContext, models: Models,
                  last_source: tuple[str, ...]) -> Parties | None:
    """Source and target of a decided event (rules, argument model, then defaults)."""
    args = find_arguments(c.match, ctx, c.assessment.passive, last_source)
    source, target, _ = choose_arguments(c, etype.value, ctx, args, models.arguments)
    if etype in SYMMETRIC and not target and len(source) > 1:
        source, target = source[:1], source[1:]
    # Unstated parties: most events in a report involve the state it is about
    # (domestic protests, arrests: «the state's ISO3 on both sides», GUIDELINES).
    main = ctx.main_actor
    if not source and not target and not main:
        return None
    if main:
        if not source:
            source = [main]
        if not target:
            target = [main]
    return Parties(source, target, args)


def _event(c: Candidate, d: Decision, ctx: DocContext, models: Models, last_source) -> Event | None:
    m = c.match
    parties = event_parties(c, d.type, ctx, models, last_source)
    if parties is None:
        return None
    source, target, args = parties.source, parties.target, parties.rule
    date, date_source = event_date(m, c.assessment.background, ctx)
    location = event_location(m, ctx)
    start, end = _evidence(ctx, m, args.span_first, args.span_last)
    t_end = ctx.tokens[max(m.last, m.dep)].end if m.dep >= 0 else ctx.tokens[m.last].end
    t_start = ctx.tokens[m.first].start
    if models.triggers is None:
        conf = d.confidence * (1.0 if args.source_direct else 0.75) * (1.0 if args.target_direct else 0.85)
        conf = min(1.0, conf + (0.05 if date_source == "text" else 0.0))
        if conf < MIN_CONFIDENCE:
            return None
    else:
        conf = d.confidence
    text = ctx.doc.text
    return Event(
        type=d.type.value,
        cameo=d.cameo,
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
        quad=ontology()[d.type].quad.value,
        date_source=date_source,
    )
