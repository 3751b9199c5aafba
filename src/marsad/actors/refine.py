"""Refining the statistical tagger's mentions before they join the rule mentions.

The CRF (marsad.ner) sees words, not the gazetteer's knowledge, and its decoder
cuts every conjunction/preposition proclitic off a mention.  That is right for
«وبكين» → «بكين» but wrong for the many foreign names whose first letter looks
like a proclitic: «برونسون», «كاتس», «فيليب», «بنسلفانيا».  Each CRF mention is
therefore

1. re-anchored: the reading of its first word (whole, after و/ف, after all
   proclitics) that the news corpus uses most wins, preferring the longer
   reading unless a shorter one is clearly more frequent (word frequency bands
   shipped with the tagger's word clusters);
2. split at a coordinating «و» inside a place or person span («رشت وكرمان»);
3. dropped when it is not a name at all: a lone common noun the registry knows
   (a head noun, organ, title, demonym, stopword), a word with an attached
   pronoun, a plural or dual noun, one or two letters.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from marsad.actors.registry import ARTICLE, Kind, registry
from marsad.arabic.normalize import normalize_text
from marsad.arabic.tokenize import split_clitics
from marsad.model import Document, Entity, Token

# A shorter reading must be this many frequency bands (log2 counts) above a longer
# one to win: «بلندن» (5) → «لندن» (10), but «فيصل» (7) stays «فيصل» over «يصل» (9).
BAND_MARGIN = 2
UNKNOWN = -1
CONJUNCTIONS = ("و", "ف")
# Registry kinds that make a lone word a common noun, never a name on its own.
NOT_NAMES = frozenset({Kind.STOPWORD, Kind.TITLE, Kind.DEMONYM, Kind.ORGAN, Kind.MODIFIER,
                       Kind.NAME_HEAD, Kind.FACILITY_SUFFIX, Kind.UNIT, Kind.FACILITY})
NAME_KINDS = frozenset({Kind.STATE, Kind.CITY, Kind.ORG, Kind.PLACE, Kind.PERSON, Kind.GIVEN_NAME})
# Attached object/possessive pronouns (read on the raw word; ة is not ه).
PRONOUN_ENDINGS = ("ها", "هم", "هما", "هن")
# Sound plural and dual endings of nouns and nisba adjectives: «ديبلوماسيون», «حكومتان».
PLURAL_ENDINGS = ("يون", "يين", "تان", "تين")
PLURAL_EXCEPTIONS = ("ستان",)  # «باكستان», «كردستان»
HAMZA_ENDINGS = ("ئ",)
# Words written with final ى that normalise to a given name («على» → «علي»).
MAQSURA_WORDS = frozenset({"على", "إلى", "الى", "لدى", "حتى", "متى", "سوى", "مدى"})
# Frequency bands (log2 counts in the news) above which a lone unknown word is a common
# word: «الله» (12); a name this frequent is in the gazetteer («ترامب», 13).
COMMON_BAND = 12
COMMON_DEFINITE_PERSON_BAND = 9
SPLIT_TYPES = frozenset({"GPE", "LOC", "PER"})


@lru_cache(maxsize=1)
def _bands() -> dict:
    """Normalised word → its clusters record (with a log2 frequency band), or {}."""
    try:
        from marsad.ner.clusters import load_clusters
    except ImportError:  # the NER package is optional
        return {}
    return load_clusters()


def band(word: str) -> int:
    """The word's log2 frequency band in the news corpus (UNKNOWN when unseen)."""
    rec = _bands().get(word)
    return int(rec.freq) if rec is not None else UNKNOWN


@dataclass(frozen=True, slots=True)
class Reading:
    start: int  # character offset where the reading begins
    norm: str


def readings(doc: Document, tok: Token) -> list[Reading]:
    """The token's readings, longest first: whole, after a conjunction, after all proclitics."""
    out = [Reading(tok.start, tok.norm)]
    if tok.kind != "word" or tok.base_start <= tok.start:
        return out
    if tok.text[0] in CONJUNCTIONS and tok.base_start > tok.start + 1:
        s = _skip_marks(doc.text, tok.start + 1, tok.end)
        out.append(Reading(s, normalize_text(doc.text[s:tok.end])))
    out.append(Reading(tok.base_start, normalize_text(doc.text[tok.base_start:tok.end])))
    return out


def _skip_marks(text: str, i: int, end: int) -> int:
    while i < end and not normalize_text(text[i]):
        i += 1  # diacritics after a clitic («وَ») fold to nothing
    return i


def best_start(doc: Document, tok: Token) -> int:
    """Where a name written in this token begins (see the module docstring).

    Two steps, each decided by the corpus: a conjunction is taken off unless the
    whole word is the more frequent («وليد», «وايت» are names; «وشيراز» is و + شيراز,
    and an unseen word loses its «و»); a preposition (or «ف») only when the shorter
    reading is clearly more frequent («بلندن» → «لندن», but «بنسلفانيا», «كاتس»,
    «فيليب» stay whole)."""
    rs = readings(doc, tok)
    if len(rs) == 1:
        return tok.start
    cur = rs[0]
    rest = rs[1:]
    if tok.text[0] == "و":
        after = rest[0]
        if band(after.norm) >= band(cur.norm):
            cur, rest = after, rest[1:]
    for r in rest:
        if band(r.norm) != UNKNOWN and band(r.norm) >= band(cur.norm) + BAND_MARGIN:
            cur = r
    return cur.start


class TokenView:
    """Token lookup by character offset (bisect over token starts)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = [t.start for t in doc.tokens]

    def index_at(self, offset: int) -> int:
        i = bisect_left(self.starts, offset)
        if i == len(self.starts) or self.starts[i] > offset:
            i -= 1
        return max(i, 0)

    def span_tokens(self, ent: Entity) -> range:
        return range(self.index_at(ent.start), self.index_at(ent.end - 1) + 1)


def refine(doc: Document, mentions: Sequence[Entity]) -> list[Entity]:
    """The tagger's mentions, re-anchored, split and filtered (new Entity objects)."""
    if not doc.tokens:
        return []
    view = TokenView(doc)
    out: list[Entity] = []
    for ent in mentions:
        for part in _split(view, ent):
            part = _reanchor(view, part)
            if part is not None and is_name(view, part):
                out.append(part)
    return out


def _make(doc: Document, like: Entity, start: int, end: int) -> Entity:
    return Entity(start, end, doc.text[start:end], type=like.type, actor=like.actor, role=like.role,
                  affiliation=like.affiliation, source=like.source, confidence=like.confidence)


def _reanchor(view: TokenView, ent: Entity) -> Entity | None:
    toks = view.doc.tokens
    first = toks[view.index_at(ent.start)]
    if first.kind != "word" or ent.start not in (first.start, first.base_start):
        return ent
    start = best_start(view.doc, first)
    if start == ent.start:
        return ent
    return _make(view.doc, ent, start, ent.end)


def _split(view: TokenView, ent: Entity) -> list[Entity]:
    """«رشت وكرمان» → «رشت», «وكرمان» (re-anchored later): coordinated places or people."""
    if ent.type not in SPLIT_TYPES:
        return [ent]
    toks = view.doc.tokens
    idx = list(view.span_tokens(ent))
    parts: list[Entity] = []
    lo = ent.start
    for k in idx[1:]:
        tok = toks[k]
        if tok.kind == "word" and tok.text[0] == "و" and best_start(view.doc, tok) > tok.start:
            # «وكرمان» is و + كرمان, but «وايت» (White) is a name: the corpus decides
            prev = toks[k - 1]
            if prev.end > lo:
                parts.append(_make(view.doc, ent, lo, prev.end))
            lo = tok.base_start
    if not parts:
        return [ent]
    parts.append(_make(view.doc, ent, lo, ent.end))
    return parts


# -- is it a name at all? ------------------------------

def word_kinds(norm: str) -> set[Kind]:
    """Registry kinds of one normalised word in any clitic/article reading."""
    lex = registry().lexicon
    kinds: set[Kind] = set()
    b, s = split_clitics(norm)
    for w in {norm, norm[b:], norm[s:]}:
        for e in lex.get((w,), ()):
            kinds.add(e.kind)
        if w.startswith(ARTICLE):  # «المدينة»: the definite form of the head «مدينة»
            for e in lex.get((w[len(ARTICLE):],), ()):
                if e.kind is Kind.NAME_HEAD:
                    kinds.add(e.kind)
    return kinds


def is_name(view: TokenView, ent: Entity) -> bool:
    norm = normalize_text(ent.text).strip()
    if len(norm.replace(" ", "")) <= 2:
        return False
    toks = [view.doc.tokens[k] for k in view.span_tokens(ent)]
    words = [t for t in toks if t.kind in ("word", "latin")]
    if not words:
        return False
    if all(_common_word(t) for t in words):
        return False  # «المدينة», «اللفتنانت كوماندر», «الاتفاق»: no name in it
    first = words[0].text
    if len(first) >= 4 and first.endswith(PRONOUN_ENDINGS):
        return False  # «اسمها الحقيقي»
    if first.endswith(HAMZA_ENDINGS):
        return False  # «هادئ», «لاجئ», «مفاجئ»: adjectives; names do not end in ئ
    if len(words) > 1 and _participle(first) and words[1].norm.startswith(ARTICLE):
        return False  # «منزوعة السلاح»: a participle in construct, a description
    if len(words) == 1 and not word_kinds(words[0].norm) & NAME_KINDS:
        return _lone_word_is_name(words[0], ent.type)
    return True


def _lone_word_is_name(tok: Token, etype: str) -> bool:
    """One unknown word: not a plural or dual noun, not «على» (which folds to «علي»), not
    one of the most frequent words of the news, and a definite person name only when
    rare (a family name: «الشيخو»; «السلام», «القانون» are common nouns)."""
    if _plural(tok.text) or tok.text in MAQSURA_WORDS:
        return False
    b = band(tok.norm)
    if b >= COMMON_BAND:
        return False
    if etype == "PER" and tok.norm.startswith(ARTICLE) and not tok.norm.endswith("ي"):
        return b < COMMON_DEFINITE_PERSON_BAND
    return True


def _common_word(tok: Token) -> bool:
    kinds = word_kinds(tok.norm)
    return bool(kinds & NOT_NAMES) and not kinds & NAME_KINDS


def _participle(word: str) -> bool:
    """An indefinite feminine participle («منزوعة», «محتلة»): م…ة, five letters or more."""
    return len(word) >= 5 and word[0] == "م" and word.endswith("ة")


def _plural(word: str) -> bool:
    w = normalize_text(word)
    return len(w) >= 6 and w.endswith(PLURAL_ENDINGS) and not w.endswith(PLURAL_EXCEPTIONS)


__all__ = ["band", "best_start", "is_name", "readings", "refine", "word_kinds"]
