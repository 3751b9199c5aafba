"""A document seen by the events stage: sentences and clauses as token ranges, lexicon
matches per sentence, actor/place/date mentions on token positions."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from marsad.events.actors import ActorMention, PlaceMention, TriggerTokens, actor_mentions, main_actor
from marsad.events.lexicon import Lexicon, lexicon
from marsad.events.matching import Match, candidate_tokens, find_matches
from marsad.model import DateMention, Document

# Tokens that close a clause inside a sentence: punctuation, and connectives that
# open a new predication («بينما», «فيما», «في حين»).
CLAUSE_PUNCT = frozenset({"،", ",", "؛", ";", ":"})
CLAUSE_WORDS = frozenset({"بينما", "فيما", "حين", "لكن", "ولكن", "الا"})


@dataclass(frozen=True, slots=True)
class DateRef:
    first: int
    last: int
    mention: DateMention


@dataclass
class DocContext:
    doc: Document
    sentence_bounds: list[tuple[int, int]]  # token ranges [lo, hi)
    sentence_of: list[int]
    clause_bounds: list[tuple[int, int]]
    clause_of: list[int]
    matches: list[list[Match]]  # per sentence
    actors: list[ActorMention]
    places: list[PlaceMention]
    dates: list[DateRef]
    main_actor: str | None = None
    actor_firsts: frozenset[int] = frozenset()
    actor_first_list: list[int] = field(default_factory=list)  # sorted, for bisect
    # Per-document caches filled on demand: a plain attribute is read ~150k times per 300
    # articles, where a property costs a Python call each time.
    tokens: list = field(default_factory=list)
    words: dict[int, str] = field(default_factory=dict)  # token index → feature word

    def __post_init__(self) -> None:
        self.tokens = self.doc.tokens


def _sentence_ranges(doc: Document) -> list[tuple[int, int]]:
    starts = [t.start for t in doc.tokens]
    out = []
    for s in doc.sentences or []:
        lo = bisect_right(starts, s.start - 1)
        hi = bisect_right(starts, s.end - 1)
        if hi > lo:
            out.append((lo, hi))
    if not out and doc.tokens:
        out = [(0, len(doc.tokens))]
    # Tokens that fall outside every sentence (should not happen) get their own range.
    covered = sum(hi - lo for lo, hi in out)
    if covered != len(doc.tokens):
        out = _fill_gaps(out, len(doc.tokens))
    return out


def _fill_gaps(ranges: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for lo, hi in sorted(ranges):
        lo = max(lo, pos)
        if lo > pos:
            out.append((pos, lo))
        if hi > lo:
            out.append((lo, hi))
        pos = max(pos, hi)
    if pos < n:
        out.append((pos, n))
    return out


def _clauses(doc: Document, lo: int, hi: int) -> list[tuple[int, int]]:
    out, start = [], lo
    for k in range(lo, hi):
        tok = doc.tokens[k]
        cut_before = tok.kind == "word" and tok.norm in CLAUSE_WORDS and k > start
        if cut_before:
            out.append((start, k))
            start = k
        elif tok.kind == "punct" and tok.text in CLAUSE_PUNCT:
            if k + 1 > start:
                out.append((start, k + 1))
            start = k + 1
    if hi > start:
        out.append((start, hi))
    return out


def _date_refs(doc: Document) -> list[DateRef]:
    starts = [t.start for t in doc.tokens]
    out = []
    for d in doc.dates:
        first = max(bisect_right(starts, d.start) - 1, 0)
        last = max(bisect_right(starts, max(d.end - 1, d.start)) - 1, first)
        out.append(DateRef(first, last, d))
    return out


def build_context(doc: Document, lex: Lexicon | None = None) -> DocContext:
    lex = lex or lexicon()
    sentence_bounds = _sentence_ranges(doc)
    sentence_of = [0] * len(doc.tokens)
    clause_bounds: list[tuple[int, int]] = []
    clause_of = [0] * len(doc.tokens)
    matches = []
    hits = candidate_tokens(lex, doc.tokens)
    for si, (lo, hi) in enumerate(sentence_bounds):
        for k in range(lo, hi):
            sentence_of[k] = si
        for clo, chi in _clauses(doc, lo, hi):
            for k in range(clo, chi):
                clause_of[k] = len(clause_bounds)
            clause_bounds.append((clo, chi))
        matches.append(find_matches(lex, doc.tokens, lo, hi, hits))
    trigger_tokens = TriggerTokens(
        frozenset(m.first for ms in matches for m in ms if m.is_trigger),
        frozenset(m.first for ms in matches for m in ms if m.is_trigger and m.payload.takes_object))
    actors, places = actor_mentions(doc, sentence_of, sentence_bounds, trigger_tokens)
    return DocContext(doc, sentence_bounds, sentence_of, clause_bounds, clause_of, matches, actors, places,
                      _date_refs(doc), main_actor(actors), frozenset(a.first for a in actors),
                      [a.first for a in actors])
