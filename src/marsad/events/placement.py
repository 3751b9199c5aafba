"""When and where an event happened.

Date: a time expression in the trigger's clause, else in its sentence (nearest to
the trigger); it wins over the publication date («وكانت انضمت … في 16 فبراير 2005»
is a 2005 event).  Without one, a current event gets `published` and a background
event (pluperfect «كان/كانت», «سبق أن», «منذ») gets None.
Location: a place after «في» (or «إلى» for visits) in the clause, else the sentence,
else the dateline («بروكسل- …») for events of the first sentence.
"""
from __future__ import annotations

from marsad.arabic.normalize import normalize_text
from marsad.events.context import DocContext
from marsad.events.forms import readings
from marsad.events.matching import Match

LOCATIVE = frozenset(normalize_text(w) for w in ("في", "إلى", "داخل", "قرب", "بالقرب"))
LOCATIVE_WINDOW = 3


class DateSource:
    TEXT = "text"
    PUBLISHED = "published"
    NONE = "none"


def event_date(m: Match, background: bool, ctx: DocContext) -> tuple[str | None, str]:
    clause = ctx.clause_bounds[ctx.clause_of[m.first]]
    sentence = ctx.sentence_bounds[ctx.sentence_of[m.first]]
    for lo, hi in (clause, sentence):
        refs = [d for d in ctx.dates if lo <= d.first < hi and d.mention.value]
        if refs:
            return min(refs, key=lambda d: abs(d.first - m.first)).mention.value, DateSource.TEXT
    if background:
        return None, DateSource.NONE
    if ctx.doc.published:
        return ctx.doc.published[:10], DateSource.PUBLISHED
    return None, DateSource.NONE


def _locative_before(ctx: DocContext, first: int, lo: int) -> bool:
    for k in range(first - 1, max(lo, first - LOCATIVE_WINDOW) - 1, -1):
        tok = ctx.tokens[k]
        if tok.kind == "punct":
            return False
        if any(r.form in LOCATIVE for r in readings(tok.norm)):
            return True
    # «بالعراق», «ببروكسل»: the preposition is a clitic of the place name itself.
    tok = ctx.tokens[first]
    return tok.norm[:1] == "ب" and tok.start < ctx.tokens[first].base_start


def event_location(m: Match, ctx: DocContext) -> str | None:
    clause = ctx.clause_bounds[ctx.clause_of[m.first]]
    sentence = ctx.sentence_bounds[ctx.sentence_of[m.first]]
    for lo, hi in (clause, sentence):
        places = [p for p in ctx.places if lo <= p.first < hi and _locative_before(ctx, p.first, lo)]
        if places:
            return min(places, key=lambda p: abs(p.first - m.first)).text
    if ctx.sentence_of[m.first] == 0:
        return _dateline(ctx)
    return None


def _dateline(ctx: DocContext) -> str | None:
    """A place that opens the text and is followed by a dash or colon: «بروكسل- …»."""
    for p in ctx.places:
        if p.first > 2:
            break
        nxt = p.last + 1
        if nxt < len(ctx.tokens) and ctx.tokens[nxt].text in ("-", "–", "—", ":", "(", "|"):
            return p.text
    return None
