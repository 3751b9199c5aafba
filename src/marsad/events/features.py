"""Features of trigger candidates and of (trigger, actor) pairs, as strings.

These are read by the two linear models (marsad.events.linear) and built the same
way at training time (marsad.events.train) and at run time (marsad.events.extract),
so a change here needs a retrain.  They use only what the events stage has: tokens
with their normalised forms, lexicon matches, factuality cues, actor and date
mentions on token positions.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.events.actors import ActorMention
from marsad.events.arguments import PREP_WORDS, Arguments, _actors_between
from marsad.events.context import DocContext
from marsad.events.factuality import Assessment
from marsad.events.forms import Clitic, readings
from marsad.events.lexicon import Cue, CueKind, Trigger
from marsad.events.matching import RELATIVES, Match
from marsad.model import Token

SPEECH_WINDOW = 12


@dataclass(frozen=True, slots=True)
class Candidate:
    """A lexicon trigger match with what the rules say about it."""

    match: Match
    rule_type: str  # the lexicon type after phrase switches
    rule_cameo: str
    assessment: Assessment


@lru_cache(maxsize=100_000)
def bare(norm: str) -> str:
    """The most stripped reading of a word (proclitics and article off): a cheap stem."""
    return readings(norm)[-1].form


def _form(tok: Token, clitics: Clitic) -> str:
    for r in readings(tok.norm):
        if r.clitics == clitics:
            return r.form
    return tok.norm


def _word(ctx: DocContext, k: int) -> str:
    w = ctx.words.get(k)
    if w is None:
        if k < 0 or k >= len(ctx.tokens):
            return "<none>"
        tok = ctx.tokens[k]
        w = bare(tok.norm) if tok.kind == "word" else (tok.text if tok.kind == "punct" else tok.kind)
        ctx.words[k] = w
    return w


_CLITIC_FEATURES = (Clitic.CONJ, Clitic.PREP_B, Clitic.PREP_L, Clitic.DEF, Clitic.FUTURE)


@lru_cache(maxsize=64)
def _clitic_features(clitics: int) -> tuple[str, ...]:
    """Feature names of a clitic set (cached: flag arithmetic on an IntFlag is slow)."""
    return tuple(f"clitic={flag.name}" for flag in _CLITIC_FEATURES if clitics & flag)


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6+"


def _speech_before(m: Match, ctx: DocContext, lo: int) -> bool:
    for cm in ctx.matches[ctx.sentence_of[m.first]]:
        if isinstance(cm.payload, Cue) and cm.payload.kind is CueKind.SPEECH and lo <= cm.first < m.first:
            return m.first - cm.first <= SPEECH_WINDOW
    return False


def trigger_features(c: Candidate, ctx: DocContext) -> list[str]:
    m, a = c.match, c.assessment
    trig: Trigger = m.payload  # type: ignore[assignment]
    tok = ctx.tokens[m.first]
    form = _form(tok, m.clitics)
    clause = ctx.clause_bounds[ctx.clause_of[m.first]]
    sentence = ctx.sentence_bounds[ctx.sentence_of[m.first]]
    before = len(_actors_between(ctx, clause[0], m.first))
    after = len(_actors_between(ctx, m.last + 1, clause[1]))
    sent_actors = len(_actors_between(ctx, sentence[0], sentence[1]))
    prev, nxt, nxt2 = _word(ctx, m.first - 1), _word(ctx, m.last + 1), _word(ctx, m.last + 2)
    si = ctx.sentence_of[m.first]
    t = c.rule_type
    feats = [
        "bias",
        f"form={form}",
        f"stem={bare(tok.norm)}",
        f"lex={trig.where}",
        f"type={t}",
        f"cameo={c.rule_cameo}",
        f"kind={m.kind.value}",
        f"kind|type={m.kind.value}|{t}",
        f"fact={a.factuality.value}",
        f"fact|type={a.factuality.value}|{t}",
        f"prev={prev}",
        f"next={nxt}",
        f"next2={nxt2}",
        f"prev|type={prev}|{t}",
        f"next|type={nxt}|{t}",
        f"nbefore={_bucket(before)}",
        f"nafter={_bucket(after)}",
        f"nsent={_bucket(sent_actors)}",
        f"args={min(before, 1)}{min(after, 1)}|{t}",
        f"sent={'0' if si == 0 else '1-2' if si <= 2 else '3+'}",
        f"phrase={m.dep >= 0 or m.last > m.first}",
    ]
    if a.background:
        feats.append("background")
        feats.append(f"background|type={t}")
    if a.passive:
        feats.append("passive")
    feats.extend(_clitic_features(int(m.clitics)))
    if m.first > 0 and ctx.tokens[m.first - 1].norm.lstrip("و") in RELATIVES:
        feats.append("after_relative")
    if prev in PREP_WORDS:
        feats.append("after_prep")
    if _speech_before(m, ctx, sentence[0]):
        feats.append("reported")
        feats.append(f"reported|type={t}")
    if any(d.first >= clause[0] and d.last < clause[1] for d in ctx.dates):
        feats.append("date_in_clause")
    return feats


def argument_features(c: Candidate, etype: str, idx: int, ctx: DocContext, rule: Arguments,
                      group_codes: tuple[str, ...]) -> list[str]:
    """Features of actor mention ctx.actors[idx] as an argument of candidate `c` typed `etype`."""
    m = c.match
    act = ctx.actors[idx]
    clause = ctx.clause_bounds[ctx.clause_of[m.first]]
    if act.last < m.first:
        side, dist = "before", m.first - act.last
    elif act.first > m.last:
        side, dist = "after", act.first - max(m.last, 0)
    else:
        side, dist = "inside", 0
    same_clause = clause[0] <= act.first < clause[1]
    prep = _prep(ctx, act)
    # Actors between the trigger and this one: the nearest actor on each side is the usual argument.
    between = (len(_actors_between(ctx, act.last + 1, m.first)) if side == "before"
               else len(_actors_between(ctx, m.last + 1, act.first)) if side == "after" else 0)
    in_src = bool(set(group_codes) & set(rule.source))
    in_tgt = bool(set(group_codes) & set(rule.target))
    kind = m.kind.value
    feats = [
        "bias",
        f"side={side}",
        f"side|dist={side}|{_bucket(dist)}",
        f"side|between={side}|{_bucket(between)}",
        f"side|clause={side}|{same_clause}",
        f"side|prep={side}|{prep}",
        f"type|side|prep={etype}|{side}|{prep}",
        f"type|side={etype}|{side}",
        f"kind|side={kind}|{side}",
        f"kind|side|near={kind}|{side}|{between == 0}",
        f"akind={act.kind.value}",
        f"etype={act.etype or 'none'}",
        f"rule_src={in_src}",
        f"rule_tgt={in_tgt}",
        f"rule={in_src}{in_tgt}|{etype}",
        f"passive|side={c.assessment.passive}|{side}",
    ]
    tform = bare(ctx.tokens[m.first].norm)
    if between == 0:
        feats.append(f"tform|side|prep={tform}|{side}|{prep}")
    feats.append(f"aprev={_word(ctx, act.first - 1)}|{side}")
    if side == "after" and _object_verb_between(ctx, m.last + 1, act.first):
        feats.append(f"object_verb_between|{kind}")
    if side == "after" and act.kind.value == "nominal" and act.first == act.last == m.last + 1:
        feats.append(f"nisba_after|{etype}")
    if act.first > 0 and _is_speech(ctx, act.first - 1):
        feats.append(f"speaker|{side}")
    lo = ctx.sentence_bounds[ctx.sentence_of[m.first]][0]
    if not _actors_between(ctx, lo, act.first):
        feats.append(f"first_actor|{side}")
    if group_codes and group_codes[0] == ctx.main_actor:
        feats.append("main_actor")
    if len(group_codes) > 1:
        feats.append("group")
    if side == "after" and between == 0 and prep == "none":
        feats.append(f"direct_after|{kind}")
    if side == "before" and between == 0:
        feats.append(f"direct_before|{same_clause}")
    return feats


OBJECT_ENDINGS = ("ته", "تها", "تهم", "وها", "وه", "ها")


def _object_verb_between(ctx: DocContext, lo: int, hi: int) -> bool:
    """A verb carrying an object pronoun between a noun and an actor: «ضربات شنتها واشنطن»,
    «الحصار الذي فرضته الرياض»: the actor is the agent of the noun."""
    for k in range(lo, min(hi, lo + 4)):
        tok = ctx.tokens[k]
        if tok.kind == "word" and len(tok.norm) >= 5 and tok.norm.endswith(OBJECT_ENDINGS):
            return True
    return False


def _is_speech(ctx: DocContext, k: int) -> bool:
    return any(isinstance(cm.payload, Cue) and cm.payload.kind is CueKind.SPEECH and cm.first <= k <= cm.last
               for cm in ctx.matches[ctx.sentence_of[k]])


def _prep(ctx: DocContext, act: ActorMention) -> str:
    """The preposition governing an actor: a clitic on its first word, or a word just before."""
    first = act.first
    tok = ctx.tokens[first]
    prefix = ctx.doc.text[tok.start:max(act.start, tok.start)].lstrip("وف")
    if prefix[:1] in ("ل", "ب"):
        return prefix[:1]
    if first > 0:
        w = _word(ctx, first - 1)
        if w in PREP_WORDS:
            return w
    return "none"
