"""Actor mentions for argument extraction, on token positions.

Three sources, in order of trust:
  1. entities with an actor code (states, organs, organisations, groups);
  2. persons, through `Entity.affiliation`, or else a demonym or coded entity next
     to the name in the same sentence («الرئيس الفرنسي إيمانويل ماكرون» → FRA,
     «…الخليفي رئيس بعثة قطر» → QAT), remembered for later mentions of the name;
  3. nominal actors that are not entities: a noun phrase closed by a demonym
     («الطائرات الحربية التركية» → TUR), unless its head names a place or a medium
     (data: demonyms.tsv, heads.tsv).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from marsad.arabic.normalize import normalize_text
from marsad.events.forms import readings
from marsad.events.resources import load_rows
from marsad.model import Document, Entity, Token

DEMONYMS = "demonyms.tsv"
HEADS = "heads.tsv"
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
LONG_NAME = 5  # words: a group name this long is cited by its first two


class ActorKind(str, Enum):
    ENTITY = "entity"
    PERSON = "person"
    NOMINAL = "nominal"


@dataclass(frozen=True, slots=True)
class ActorMention:
    first: int  # token index of the first token
    last: int  # token index of the last token (inclusive)
    start: int  # character offsets
    end: int
    codes: tuple[str, ...]
    kind: ActorKind
    etype: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    first: int
    last: int
    text: str


@dataclass(frozen=True, slots=True)
class DemonymData:
    single: dict[str, str]  # stem → code
    double: dict[tuple[str, str], str]  # (stem, second word) → code («كوري شمالي»)
    non_actor_heads: frozenset[str]
    media_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def demonym_data() -> DemonymData:
    single: dict[str, str] = {}
    double: dict[tuple[str, str], str] = {}
    for row in load_rows(DEMONYMS, ("stem", "actor")):
        stem = normalize_text(row.fields["stem"].strip())
        code = row.fields["actor"].strip()
        if not code.isupper():
            raise row.fail(f"actor code {code!r} is not upper case")
        words = stem.split()
        key_map = double if len(words) == 2 else single
        key = tuple(words) if len(words) == 2 else stem
        if len(words) > 2 or key in key_map:
            raise row.fail(f"duplicate or malformed demonym {stem!r}")
        key_map[key] = code  # type: ignore[index]
    heads = set()
    media = set()
    for row in load_rows(HEADS, ("head", "kind")):
        head = normalize_text(row.fields["head"].strip())
        forms = {head, head[2:] if head.startswith("ال") else head}
        heads |= forms
        if row.fields["kind"].strip() == "MEDIA":
            media |= forms
    return DemonymData(single, double, frozenset(heads), frozenset(media))


@lru_cache(maxsize=100_000)
def demonym_stem(norm: str) -> str | None:
    """The masculine singular stem of a nisba adjective («الأمريكيين» → امريكي), or None."""
    table = demonym_data().single
    for r in readings(norm):
        w = r.form
        for cand in (w, w[:-1] if w.endswith("ه") else "", w[:-2] if w.endswith(("ون", "ين", "ان")) else ""):
            if cand in table:
                return cand
    return None


def _token_index(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int] | None:
    first = bisect_right(starts, start) - 1
    last = bisect_left(ends, end)
    if first < 0 or last >= len(ends) or first > last:
        return None
    return max(first, 0), last


_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان")


def _nominal_mentions(tokens: list[Token], covered: set[int], triggers: "TriggerTokens | None" = None
                      ) -> list[ActorMention]:
    triggers = triggers or TriggerTokens()
    data = demonym_data()
    out = []
    for i, tok in enumerate(tokens):
        if tok.kind != "word" or i in covered or not tok.norm.endswith(_NISBA_ENDINGS):
            continue
        stem = demonym_stem(tok.norm)
        if stem is None:
            continue
        code = data.single[stem]
        if i + 1 < len(tokens):
            nxt = readings(tokens[i + 1].norm)[-1].form
            for key2, code2 in data.double.items():
                if key2[0] == stem and nxt.startswith(key2[1]):
                    code = code2
        # A trigger word is never part of the phrase: in «مقتل فلسطينيين» the demonym is
        # the trigger's argument, not the head of an actor phrase containing it.
        first = _phrase_start(tokens, i, covered, triggers)
        heads = {r.form for k in range(first, i) for r in readings(tokens[k].norm)}
        if heads & data.non_actor_heads or first == i and i > 0 and _is_non_actor(tokens[i - 1], data):
            continue
        out.append(ActorMention(first, i, tokens[first].start, tok.end, (code,), ActorKind.NOMINAL))
    return out


def group_name(text: str) -> str:
    """The short name of an uncoded group, as annotators write it: a long descriptive name
    «التحالف العربي لدعم الشرعية في اليمن» is cited by its head and adjective
    («التحالف العربي»); shorter names are kept whole («الجبهة الوطنية للتحرير»)."""
    words = text.split()
    if len(words) >= LONG_NAME and all(normalize_text(w).startswith(("ال", "لل")) for w in words[:2]):
        return " ".join(words[:2])
    return text


def _definite(tok: Token) -> bool:
    return tok.kind == "word" and any(r.form.startswith("ال") for r in readings(tok.norm)[:3])


@dataclass(frozen=True, slots=True)
class TriggerTokens:
    """Token indices that start an event trigger.  A demonym agreeing with a definite verbal
    noun («الغارات الإسرائيلية») is its agent, so no definite phrase takes a trigger in; a
    noun whose genitive is its patient («مقتل فلسطينيين») is never part of an actor phrase."""

    any: frozenset[int] = frozenset()
    patient: frozenset[int] = frozenset()


def _phrase_start(tokens: list[Token], i: int, covered: set[int], triggers: TriggerTokens) -> int:
    """First token of the noun phrase a demonym closes: definite words before a definite
    demonym («الطائرات الحربية التركية»), or the one noun before an indefinite one («جندي أمريكي»)."""
    first = i
    definite = _definite(tokens[i])
    blocked = triggers.any if definite else triggers.patient
    while first > 0 and i - first < 3:
        prev = tokens[first - 1]
        if prev.kind != "word" or (first - 1) in covered or (first - 1) in blocked:
            break
        if definite and _definite(prev):
            first -= 1
            continue
        if not definite and first == i:
            first -= 1
        break
    return first


def _is_media(name: str) -> bool:
    """An uncoded outlet («وكالة الأنباء …», «CNN») reports events; it is not a party to them.
    A name in Latin letters only is, in Arabic news, nearly always an outlet or a brand."""
    if name.isascii():
        return True
    words = normalize_text(name).split()
    return bool(words) and any(r.form in demonym_data().media_heads for r in readings(words[0]))


def _is_non_actor(tok: Token, data: DemonymData) -> bool:
    return any(r.form in data.non_actor_heads for r in readings(tok.norm))


def _affiliation(ent: Entity, first: int, last: int, tokens: list[Token], coded: list[ActorMention],
                 sent_bounds: tuple[int, int]) -> str | None:
    """The state a person acts for, from the words around the name (nearest first)."""
    lo, hi = sent_bounds
    candidates: list[tuple[int, str]] = []
    for k in range(max(lo, first - 4), first):
        stem = demonym_stem(tokens[k].norm) if tokens[k].kind == "word" else None
        if stem:
            candidates.append((first - k, demonym_data().single[stem]))
    for k in range(last + 1, min(hi, last + 7)):
        if tokens[k].kind == "punct" and tokens[k].text not in "،,":
            break
        stem = demonym_stem(tokens[k].norm) if tokens[k].kind == "word" else None
        if stem:
            candidates.append((k - last + 1, demonym_data().single[stem]))
    for m in coded:
        if lo <= m.first and m.last < hi:
            if 0 < first - m.last <= 4:
                candidates.append((first - m.last + 1, m.codes[0]))
            elif 0 < m.first - last <= 6:
                candidates.append((m.first - last + 1, m.codes[0]))
    return min(candidates)[1] if candidates else None


def actor_mentions(doc: Document, sentence_of: list[int], sentence_bounds: list[tuple[int, int]],
                   triggers: TriggerTokens | None = None) -> tuple[list[ActorMention], list[PlaceMention]]:
    """Actor and place mentions of a document, sorted by position."""
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    coded: list[ActorMention] = []
    persons: list[tuple[Entity, int, int]] = []
    places: list[PlaceMention] = []
    covered: set[int] = set()
    for ent in sorted(doc.entities, key=lambda e: (e.start, -e.end)):
        span = _token_index(starts, ends, ent.start, ent.end)
        if span is None:
            continue
        first, last = span
        covered.update(range(first, last + 1))
        code = ent.actor or ent.affiliation
        if ent.type == "PER" and not ent.actor:
            persons.append((ent, first, last))
        elif code:
            coded.append(ActorMention(first, last, ent.start, ent.end, (code,), ActorKind.ENTITY, ent.type))
        elif ent.type == "ORG" and not _is_media(ent.text):
            # A group with no code is written by its name (GUIDELINES: «مراسلون بلا حدود»).
            coded.append(ActorMention(first, last, ent.start, ent.end, (group_name(ent.text),), ActorKind.ENTITY,
                                      ent.type))
        if ent.type in PLACE_TYPES:
            places.append(PlaceMention(first, last, ent.text))
    nominal = _nominal_mentions(tokens, covered, triggers)
    known: dict[str, str] = {}
    out = coded + nominal
    for ent, first, last in persons:
        code = ent.affiliation
        if code is None and tokens:
            bounds = sentence_bounds[sentence_of[first]]
            code = _affiliation(ent, first, last, tokens, coded + nominal, bounds)
        key = ent.text.split()[-1] if ent.text.split() else ent.text
        if code:
            known.setdefault(ent.text, code)
            known.setdefault(key, code)
        code = code or known.get(ent.text) or known.get(key)
        if code:
            out.append(ActorMention(first, last, ent.start, ent.end, (code,), ActorKind.PERSON, "PER"))
    out.sort(key=lambda m: (m.first, m.last))
    # A nominal phrase inside an entity span adds nothing; drop overlaps keeping entities.
    dedup: list[ActorMention] = []
    for m in out:
        if dedup and m.first <= dedup[-1].last:
            if dedup[-1].kind is ActorKind.NOMINAL and m.kind is not ActorKind.NOMINAL:
                dedup[-1] = m
            continue
        dedup.append(m)
    return dedup, places


def main_actor(mentions: list[ActorMention]) -> str | None:
    """The state the document is mostly about: the commonest ISO3 code among its actors."""
    counts: dict[str, int] = {}
    for m in mentions:
        for c in m.codes:
            if len(c) == 3 and c.isupper():
                counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda c: (counts[c], -min(m.first for m in mentions if c in m.codes)), default=None)
