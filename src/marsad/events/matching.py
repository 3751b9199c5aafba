"""Lexicon matches over a document's tokens (triggers and factuality/attribution cues)."""
from __future__ import annotations

from dataclasses import dataclass
from bisect import bisect_left, bisect_right
from functools import lru_cache

from marsad.events.forms import Clitic, FormKind, allowed, readings
from marsad.events.lexicon import Cue, Item, Lexicon, Trigger
from marsad.model import Token

DEP_WINDOW = 5  # a phrase's dependent («فرض … عقوبات») must follow within this many tokens


@dataclass(frozen=True, slots=True)
class Match:
    payload: Trigger | Cue
    first: int  # token index
    last: int  # inclusive
    kind: FormKind
    clitics: Clitic
    dep: int = -1  # token index of a phrase's dependent

    @property
    def is_trigger(self) -> bool:
        return isinstance(self.payload, Trigger)


@lru_cache(maxsize=30_000)  # ~1.3 kB an entry: bounds memory on long runs (bench/memory_stream.py)
def _forms(norm: str) -> frozenset[str]:
    return frozenset(r.form for r in readings(norm))


def token_forms(tok: Token) -> frozenset[str]:
    return _forms(tok.norm) if tok.kind == "word" else frozenset((tok.norm,))


@lru_cache(maxsize=100_000)
def _candidates(lex: Lexicon, norm: str) -> tuple[tuple[Item, Clitic], ...]:
    """Lexicon items a word may start, for its least-stripped reading that has any
    (cached per distinct word: most words of a text start nothing)."""
    # Readings only strip proclitics, so a match needs some suffix of the word in the
    # table: a few dict probes rule out most words before the full analysis.
    table = lex.table
    if not any(norm[k:] in table for k in range(min(5, len(norm)))):
        return ()
    for r in readings(norm):
        found = tuple((item, r.clitics) for item in lex.lookup(r.form) if allowed(item.kind, r.clitics))
        if found:
            return found
    return ()


def _rest_matches(item: Item, tokens: list[Token], i: int, hi: int) -> int | None:
    """Index of the last token of a multi-word item starting at i, or None."""
    k = i
    for word in item.rest:
        k += 1
        if k >= hi or word not in token_forms(tokens[k]):
            return None
    return k


RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})


def _dep_index(item: Item, tokens: list[Token], first: int, last: int, lo: int, hi: int) -> int | None:
    for k in range(last + 1, min(hi, last + 1 + DEP_WINDOW)):
        if token_forms(tokens[k]) & item.deps:
            return k
    # A relative clause puts the object first: «الاتفاق الذي وقعته قطر».
    if first - 2 >= lo and tokens[first - 1].norm.lstrip("و") in RELATIVES:
        if token_forms(tokens[first - 2]) & item.deps:
            return first - 2
    return None


def match_at(lex: Lexicon, tokens: list[Token], i: int, lo: int, hi: int) -> list[Match]:
    """Every lexicon item that starts at token i (within a sentence ending at token hi)."""
    tok = tokens[i]
    if tok.kind != "word":
        return []
    out: list[Match] = []
    for item, clitics in _candidates(lex, tok.norm):
        last = _rest_matches(item, tokens, i, hi) if item.rest else i
        if last is None:
            continue
        dep = -1
        if item.deps:
            found = _dep_index(item, tokens, i, last, lo, hi)
            if found is None:
                continue
            dep = found
        out.append(Match(item.payload, i, last, item.kind, clitics, dep))
    return out


def find_matches(lex: Lexicon, tokens: list[Token], lo: int, hi: int, hits: list[int] | None = None
                 ) -> list[Match]:
    """Matches starting in tokens [lo, hi); `hits` (sorted, from `candidate_tokens`) limits
    the tokens looked at to those that can start one."""
    out: list[Match] = []
    if hits is not None:
        indices = hits[bisect_left(hits, lo):bisect_left(hits, hi)]
    else:
        indices = range(lo, hi)
    for i in indices:
        tok = tokens[i]
        # Inline pre-check: the cached candidate list is empty for most words.
        if tok.kind == "word" and _candidates(lex, tok.norm):
            out.extend(match_at(lex, tokens, i, lo, hi))
    return out


MAX_PROCLITICS = 4  # «وبال», «ولل»: the longest proclitic run a reading strips


@lru_cache(maxsize=4)
def _automaton(lex: Lexicon):
    """An Aho-Corasick automaton of the lexicon's first-word forms, each followed by a space
    so that a hit ends at a token end."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for form in lex.table:
        auto.add_word(form + " ", len(form))
    auto.make_automaton()
    return auto


def candidate_tokens(lex: Lexicon, tokens: list[Token]) -> list[int]:
    """Indices of the word tokens that may start a lexicon item: one C-speed scan of the
    document's normalised words instead of a Python lookup per token.

    A token qualifies when some table form ends it and starts at most MAX_PROCLITICS
    letters into it; `_candidates` then checks the clitics properly."""
    norms = [t.norm if t.kind == "word" else "" for t in tokens]
    joined = " ".join(norms) + " "
    starts = []
    pos = 0
    for n in norms:
        starts.append(pos)
        pos += len(n) + 1
    out = set()
    for end, length in _automaton(lex).iter(joined):
        # `end` is the index of the trailing space; the form occupies [end-length, end).
        i = bisect_right(starts, end - 1) - 1
        if 0 <= i < len(tokens) and end - length - starts[i] <= MAX_PROCLITICS and end - length >= starts[i]:
            out.add(i)
    return sorted(out)
