"""Is a trigger a reported, actual event?  Denied, negated, conditional and planned
actions are not coded (GUIDELINES); a stated demand or threat is its own type.

A cue (data: cues.tsv) governs a trigger when it precedes it within its window in
the same clause (denials: in the same sentence).  Clitics on the trigger itself
also count: «سـ» + imperfect is future, «لـ» + imperfect or verbal noun is purpose.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from marsad.events.context import DocContext
from marsad.events.forms import Clitic, FormKind
from marsad.events.lexicon import Cue, CueKind
from marsad.events.matching import Match
from marsad.events.ontology import EventType

# A trigger right after one of these types, in the same clause, is its content, not an
# event of its own: «طالب بالانسحاب», «هدد بفرض عقوبات», «اتفقا على التعاون».
GOVERNING = frozenset({EventType.REQUEST, EventType.THREATEN, EventType.REJECT, EventType.AGREE})
GOVERNED_WINDOW = 6
SUBJUNCTIVE = frozenset({"ان", "لان", "كي", "لكي", "حتى"})


class Factuality(str, Enum):
    FACTUAL = "factual"
    NEGATED = "negated"
    DENIED = "denied"
    FUTURE = "future"
    CONDITIONAL = "conditional"
    PURPOSE = "purpose"
    COMPLEMENT = "complement"


@dataclass(frozen=True, slots=True)
class Assessment:
    factuality: Factuality
    background: bool = False
    passive: bool = False

    @property
    def factual(self) -> bool:
        return self.factuality is Factuality.FACTUAL


_BLOCKING = {
    CueKind.NEGATION: Factuality.NEGATED,
    CueKind.DENIAL: Factuality.DENIED,
    CueKind.FUTURE: Factuality.FUTURE,
    CueKind.CONDITIONAL: Factuality.CONDITIONAL,
}


def _cue_applies(cue: Cue, cm: Match, m: Match, clause: tuple[int, int], sentence: tuple[int, int],
                 ctx: DocContext) -> bool:
    lo = sentence[0] if cue.kind is CueKind.DENIAL else clause[0]
    if cue.both_sides:
        return clause[0] <= cm.first < clause[1] and cm.first != m.first
    if not (lo <= cm.first and cm.last < m.first):
        return False
    if cue.window is not None and m.first - cm.last > cue.window:
        return False
    if ctx.tokens[cm.first].norm == "قد" and m.kind is not FormKind.IMPERFECT:
        return False  # «قد» + perfect is emphatic (it happened), only «قد» + imperfect is "may"
    return True


def assess(m: Match, triggers: list[Match], ctx: DocContext) -> Assessment:
    """Factuality of trigger match `m` among the sentence's matches."""
    si = ctx.sentence_of[m.first]
    clause = ctx.clause_bounds[ctx.clause_of[m.first]]
    sentence = ctx.sentence_bounds[si]
    background = passive = False
    verdict = Factuality.FACTUAL
    if m.clitics & Clitic.FUTURE:
        verdict = Factuality.FUTURE
    elif m.clitics & Clitic.PREP_L and m.kind is not FormKind.PERFECT and m.payload.type is not EventType.AID:
        verdict = Factuality.PURPOSE
    elif m.kind is FormKind.IMPERFECT and m.first > clause[0]:
        prev = ctx.tokens[m.first - 1].norm
        if prev in SUBJUNCTIVE or prev.lstrip("وف") in SUBJUNCTIVE:
            verdict = Factuality.FUTURE
    if verdict is Factuality.FACTUAL and _future_verb_before(m, clause, ctx):
        verdict = Factuality.FUTURE
    for cm in ctx.matches[si]:
        cue = cm.payload
        if not isinstance(cue, Cue) or not _cue_applies(cue, cm, m, clause, sentence, ctx):
            continue
        if cue.kind in _BLOCKING and verdict is Factuality.FACTUAL:
            verdict = _BLOCKING[cue.kind]
        elif cue.kind is CueKind.BACKGROUND:
            background = True
        elif cue.kind is CueKind.PASSIVE_AUX:
            passive = True
    if verdict is Factuality.FACTUAL and _governed(m, triggers, clause):
        verdict = Factuality.COMPLEMENT
    return Assessment(verdict, background, passive)


FUTURE_WINDOW = 3
_FUTURE_STEMS = ("سيت", "ستت", "سيست", "ستست", "سين", "ستن")


@lru_cache(maxsize=100_000)
def is_future_verb(norm: str) -> bool:
    """«سـ» + imperfect of any verb, by shape: a plural/dual ending or a derived-form prefix.
    Bare «سي…/ست…» words are too often nouns (سياسة، ستة) to count without one of these."""
    w = norm[1:] if norm[:1] in "وف" else norm
    if len(w) < 5 or w[:2] not in ("سي", "ست"):
        return False
    return w.endswith(("ون", "ان")) or w.startswith(_FUTURE_STEMS)


def _future_verb_before(m: Match, clause: tuple[int, int], ctx: DocContext) -> bool:
    for k in range(max(clause[0], m.first - FUTURE_WINDOW), m.first):
        if ctx.tokens[k].kind == "word" and is_future_verb(ctx.tokens[k].norm):
            return True
    return False


def _governed(m: Match, triggers: list[Match], clause: tuple[int, int]) -> bool:
    for g in triggers:
        if g is m or not (clause[0] <= g.first and g.last < m.first):
            continue
        if m.first - g.last > GOVERNED_WINDOW:
            continue
        gtype = g.payload.type
        if gtype in GOVERNING or (gtype is EventType.ACCUSE and g.payload.cameo == "112"):
            if gtype is not m.payload.type:
                return True
        # A verbal noun right after another trigger noun modifies it («اتفاقية تعاون»).
        if g.kind is FormKind.NOUN and g.last + 1 == m.first and m.kind is not FormKind.PERFECT:
            return True
    return False
