"""Who acted, on whom, when and where: arguments of a trigger from token positions.

Source: the agent of a passive («من قبل», «على يد»), else the subject after the verb
(VSO, within a few tokens, not behind a preposition), else the nearest actor before
it in the clause (SVO, and the speaker of «قال X إن …»), else the nearest actor before
it in the sentence.  For a verbal noun the genitive that follows is the agent, or the
patient for nouns whose target is a direct object («مقتل», «اعتقال»).
Target: the actor behind one of the trigger's prepositions, or the direct object.
Coordinated actors («قطر والكويت», «حلف شمال الأطلسي (الناتو)») form one group.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from marsad.arabic.normalize import normalize_text
from marsad.events.actors import ActorKind, ActorMention
from marsad.events.context import DocContext
from marsad.events.forms import FormKind, readings
from marsad.events.lexicon import Cue, CueKind, Trigger
from marsad.events.matching import Match

VSO_WINDOW = 3
PREP_WORDS = frozenset(normalize_text(w) for w in ("مع", "إلى", "على", "ضد", "من", "عن", "في", "بين", "لدى", "عبر", "نحو", "تجاه", "بحق"))
COORD_GAP = frozenset({"و", "،", ",", "(", ")", "-", "وكذلك", "كذلك"})
# A preposition with a pronoun suffix: «إليها», «معه», «عليهم».  Its antecedent is an
# actor of an earlier sentence.
PRONOUN_PREPS = {normalize_text(p) + s for p in ("إلي", "مع", "علي", "ضد", "ل", "ب", "من", "عن", "بين")
                 for s in ("ه", "ها", "هم", "هما")}


# A verb with an object pronoun right after a noun («ضربات شنتها واشنطن», «الحصار الذي
# فرضته الرياض») has the noun as its object: the actor after that verb is the noun's agent.
OBJECT_PRONOUN_ENDINGS = ("ته", "تها", "تهم", "وه", "وها", "وهم", "ه", "ها", "هم")
RELATIVE_WORDS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
# A singular nisba adjective agrees with the noun it follows («الغارات الإسرائيلية», «بدعم
# روسي»): it names the agent.  A plural nisba is a people («مقتل فلسطينيين»): the patient.
PLURAL_NISBA = ("يين", "يون", "ين", "ون")
AGENT_PREP = "by"  # lexicon marker: a passive participle whose agent follows «من» («المدعومة من»)
BETWEEN = normalize_text("بين")
FROM = normalize_text("من")


PRONOUN_SUBJECTS = frozenset(p + s for p in ("ان", "لان", "بان") for s in ("ه", "ها", "هم", "هما", "نا"))


@dataclass(frozen=True, slots=True)
class Arguments:
    source: tuple[str, ...]
    target: tuple[str, ...]
    source_direct: bool  # found in the trigger's clause, not by a fallback
    target_direct: bool
    span_first: int  # token range the arguments cover (for the evidence span)
    span_last: int
    by_agent: bool = False  # the source is explicit (passive agent, noun frame, place subject): kept


def _prep_prefixed(m: ActorMention, ctx: DocContext) -> str | None:
    """The preposition clitic attached to an actor's first word («لليمن», «بالعراق»)."""
    tok = ctx.tokens[m.first]
    prefix = normalize_text(ctx.doc.text[tok.start:max(m.start, tok.start)])
    prefix = prefix.lstrip("وف")
    if prefix[:1] in ("ل", "ب"):
        return prefix[:1]
    return None


def _prep_before(m: ActorMention, ctx: DocContext, lo: int) -> str | None:
    clitic = _prep_prefixed(m, ctx)
    if clitic:
        return clitic
    for k in range(m.first - 1, max(lo, m.first - 3) - 1, -1):
        forms = {r.form for r in readings(ctx.tokens[k].norm)}
        hit = forms & PREP_WORDS
        if hit:
            return next(iter(hit))
        if ctx.tokens[k].kind == "punct":
            return None
    return None


def group(ctx: DocContext, idx: int, hi: int) -> tuple[list[str], int]:
    """Codes of the actor at ctx.actors[idx] and the ones coordinated after it; last token."""
    m = ctx.actors[idx]
    codes = list(m.codes)
    last = m.last
    j = idx + 1
    while j < len(ctx.actors) and ctx.actors[j].first < hi:
        nxt = ctx.actors[j]
        gap = [ctx.tokens[k] for k in range(last + 1, nxt.first)]
        if len(gap) > 2 or any(t.norm not in COORD_GAP for t in gap):
            break
        joined = bool(gap) or ctx.tokens[nxt.first].norm.startswith("و")
        if not joined:
            break
        for c in nxt.codes:
            if c not in codes:
                codes.append(c)
        last = nxt.last
        j += 1
    return codes, last


def _actors_between(ctx: DocContext, lo: int, hi: int) -> list[int]:
    firsts = ctx.actor_first_list
    actors = ctx.actors
    return [i for i in range(bisect_left(firsts, lo), bisect_left(firsts, hi)) if actors[i].last < hi]


def _passive_agent(m: Match, ctx: DocContext, clause: tuple[int, int]) -> int | None:
    si = ctx.sentence_of[m.first]
    for cm in ctx.matches[si]:
        if isinstance(cm.payload, Cue) and cm.payload.kind is CueKind.PASSIVE_AGENT:
            if m.last < cm.first < clause[1]:
                after = _actors_between(ctx, cm.last + 1, min(clause[1], cm.last + 4))
                if after:
                    return after[0]
    return None


def _antecedent(ctx: DocContext, before: int, exclude: set[str]) -> list[str]:
    for a in reversed(ctx.actors):
        if a.last < before and not set(a.codes) <= exclude:
            return list(a.codes)
    return []


def find_arguments(m: Match, ctx: DocContext, passive: bool, last_source: tuple[str, ...]) -> Arguments:
    trig: Trigger = m.payload  # type: ignore[assignment]
    clause = ctx.clause_bounds[ctx.clause_of[m.first]]
    sentence = ctx.sentence_bounds[ctx.sentence_of[m.first]]
    end = max(m.last, m.dep)
    in_clause = _actors_between(ctx, clause[0], clause[1])
    # The subject of a phrase («فرضت الولايات المتحدة عقوبات») sits between head and dependent.
    after = [i for i in in_clause if ctx.actors[i].first > m.last and not ctx.actors[i].first <= m.dep <= ctx.actors[i].last]
    before = [i for i in in_clause if ctx.actors[i].last < m.first]
    source: list[str] = []
    target: list[str] = []
    span = [m.first, end]
    source_direct = target_direct = False
    used_after = -1  # last token of a subject found after the trigger
    place_subject = False

    agent = _passive_agent(m, ctx, clause)
    if agent is not None:
        source, _ = group(ctx, agent, clause[1])
        source_direct = True
        if after and after[0] != agent:
            target, _ = group(ctx, after[0], clause[1])
            target_direct = True
        return _finish(source, target, source_direct, target_direct, m, ctx, span, True)

    nominal = m.kind is FormKind.NOUN
    if nominal:
        special = _nominal_frames(m, trig, ctx, clause, after, before)
        if special is not None:
            return _finish(special[0], special[1], True, bool(special[1]), m, ctx, span, True)
    svo = _adjacent_subject(m, before, ctx) if not nominal else None
    if svo is not None:
        source, _ = group(ctx, svo, m.first)
        source_direct = True
    if not nominal and not source and _place_subject(m, end, after, ctx, clause):
        # «تستضيف القاعدة …»: a facility or place is the subject; the actor is the state
        # it belongs to, which the document is about.
        if ctx.main_actor:
            source = [ctx.main_actor]
            place_subject = True
        used_after = end + 1
    if after and not source:
        first_after = ctx.actors[after[0]]
        near = first_after.first - m.last <= (1 if nominal else VSO_WINDOW)
        prep = _prep_before(first_after, ctx, m.last + 1)
        if near and prep is None and not passive:
            codes, last = group(ctx, after[0], clause[1])
            if nominal and trig.takes_object:
                target, target_direct = codes, True
            else:
                source, source_direct, used_after = codes, True, last
    if not source and before:
        codes, _ = group(ctx, before[-1], m.first)
        # Walk back to the start of a coordination that ends right before the trigger.
        source, source_direct = codes, True
        k = before[-1]
        while k > 0 and k - 1 in before:
            c2, last2 = group(ctx, k - 1, m.first)
            if last2 >= ctx.actors[before[-1]].last:
                source = c2
                k -= 1
            else:
                break
    if not source:
        earlier = _actors_between(ctx, sentence[0], m.first)
        if earlier:
            source, _ = group(ctx, earlier[-1], m.first)

    if not target:
        target, target_direct = _target(m, trig, ctx, clause, max(end, used_after), source)
    if not source and last_source:
        source = list(last_source)
    return _finish(source, target, source_direct, target_direct, m, ctx, span, place_subject)


def _nominal_frames(m: Match, trig: Trigger, ctx: DocContext, clause: tuple[int, int], after: list[int],
                    before: list[int]) -> tuple[list[str], list[str]] | None:
    """Noun-phrase frames that fix both arguments of a verbal noun, or None."""
    if not after:
        return None
    first = ctx.actors[after[0]]
    gap = range(m.last + 1, first.first)
    # «المدعومة من إيران»: the agent follows من, the supported party precedes the participle.
    if AGENT_PREP in trig.preps and _prep_before(first, ctx, m.last + 1) == FROM:
        source, _ = group(ctx, after[0], clause[1])
        target = list(ctx.actors[before[-1]].codes) if before else []
        return source, target
    # «مواجهات بين القوات الإسرائيلية وفلسطينيين»: the first party acts on the others.
    if len(gap) <= 2 and _prep_before(first, ctx, m.last + 1) == BETWEEN:
        codes, _ = group(ctx, after[0], clause[1])
        if len(codes) >= 2:
            return codes[:1], codes[1:]
    # «ضربات شنتها الولايات المتحدة على …»
    if 1 <= len(gap) <= 2 and _object_verb(ctx, gap):
        source, last = group(ctx, after[0], clause[1])
        target, _ = _target(m, trig, ctx, clause, last, source)
        return source, target
    # «الغارات الإسرائيلية على …», «بدعم روسي»: an agreeing nisba adjective is the agent.
    if (first.first == m.last + 1 and first.first == first.last and first.kind is ActorKind.NOMINAL
            and not ctx.tokens[first.first].norm.endswith(PLURAL_NISBA)):
        source = list(first.codes)
        target, _ = _target(m, trig, ctx, clause, first.last, source)
        return source, target
    return None


def _object_verb(ctx: DocContext, gap: range) -> bool:
    """The gap between a noun and an actor is «(الذي) + verb with an object pronoun»."""
    words = [ctx.tokens[k] for k in gap]
    if len(words) == 2 and words[0].norm.lstrip("و") not in RELATIVE_WORDS:
        return False
    verb = words[-1]
    return verb.kind == "word" and len(verb.norm) >= 4 and verb.norm.endswith(OBJECT_PRONOUN_ENDINGS)


def _place_subject(m: Match, end: int, after: list[int], ctx: DocContext, clause: tuple[int, int]) -> bool:
    limit = min(ctx.actors[after[0]].first if after else clause[1], end + 3)
    return any(end < p.first < limit and p.first not in ctx.actor_firsts for p in ctx.places)


def _adjacent_subject(m: Match, before: list[int], ctx: DocContext) -> int | None:
    """An actor right before the verb is its subject (SVO: «وكانت دمشق اتهمت إسرائيل»)."""
    if not before:
        return None
    # «أعلنت السعودية أنها تدعم …»: the pronoun on أنّ is the subject and refers back.
    if m.first > 0 and ctx.tokens[m.first - 1].norm.lstrip("وف") in PRONOUN_SUBJECTS:
        return before[-1]
    a = ctx.actors[before[-1]]
    gap = [ctx.tokens[k] for k in range(a.last + 1, m.first)]
    if len(gap) > 1 or any(t.kind != "word" or t.norm not in ("قد", "لقد", "فقد") for t in gap):
        return None
    if _prep_before(a, ctx, max(0, a.first - 3)) is not None:
        return None
    return before[-1]


def _target(m: Match, trig: Trigger, ctx: DocContext, clause: tuple[int, int], after_tok: int,
            source: list[str]) -> tuple[list[str], bool]:
    src = set(source)
    preps = {normalize_text(p) for p in trig.preps if p != "obj"}
    # A pronoun object of the preposition: resolve to an earlier actor.
    for k in range(m.last + 1, min(clause[1], after_tok + 4)):
        forms = {r.form for r in readings(ctx.tokens[k].norm)}
        if forms & PRONOUN_PREPS:
            codes = _antecedent(ctx, clause[0], src)
            if codes:
                return codes, True
    cands = [i for i in _actors_between(ctx, after_tok + 1, clause[1])]
    for i in cands:
        prep = _prep_before(ctx.actors[i], ctx, after_tok + 1)
        codes, _ = group(ctx, i, clause[1])
        if set(codes) <= src:
            continue
        if prep in preps or (prep is None and trig.takes_object):
            return codes, True
    for i in cands:
        codes, _ = group(ctx, i, clause[1])
        if not set(codes) <= src:
            return codes, False
    sentence = ctx.sentence_bounds[ctx.sentence_of[m.first]]
    for i in _actors_between(ctx, clause[1], sentence[1]):
        codes, _ = group(ctx, i, sentence[1])
        if not set(codes) <= src:
            return codes, False
    return [], False


def _finish(source, target, source_direct, target_direct, m, ctx, span, fixed: bool) -> Arguments:
    return Arguments(tuple(dict.fromkeys(source)), tuple(dict.fromkeys(target)), source_direct, target_direct,
                     span[0], span[1], fixed)
