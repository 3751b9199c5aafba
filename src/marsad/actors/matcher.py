"""Gazetteer matching over clitic-segmented, normalised tokens.

The lexicon keys are tuples of normalised tokens, so matching is a walk over a
token-level prefix set (a trie flattened into a set of key prefixes): cheaper
and simpler than a character automaton because every match must begin and end
at token boundaries anyway.  A match may begin at a token's start, at its
`base_start` (after و ف ب ل ك) or at its `stem_start` (also after ال, where the
ال-less key of an alias is tried): «والناتو» matches the alias «الناتو» at
base_start, «للدوحة» matches «الدوحة» through the stem «دوحة».  The mention
span starts at base_start in both cases, keeping a written ال as the gold
guidelines do.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from marsad.actors.registry import ARTICLE, Entry, Kind, Registry, registry
from marsad.arabic.tokenize import split_clitics
from marsad.model import Document, Token


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # index of the first token
    last: int  # index after the last token
    start: int  # character offsets of the mention in the document
    end: int
    entries: tuple[Entry, ...]
    at_token_start: bool  # False when proclitics (or ال) were skipped

    def kinds(self) -> set[Kind]:
        return {e.kind for e in self.entries}

    def first_of(self, *kinds: Kind) -> Entry | None:
        for e in self.entries:
            if e.kind in kinds:
                return e
        return None


@dataclass(frozen=True)
class Index:
    full: dict[tuple[str, ...], tuple[Entry, ...]]
    stem: dict[tuple[str, ...], tuple[Entry, ...]]  # ال-less keys of aliases written with ال
    prefixes: frozenset[tuple[str, ...]]
    title_words: frozenset[str]


def build_index(reg: Registry) -> Index:
    stem: dict[tuple[str, ...], list[Entry]] = {}
    for key, entries in reg.lexicon.items():
        head = key[0]
        if head.startswith(ARTICLE) and len(head) > len(ARTICLE) + 1:
            bucket = stem.setdefault((head[len(ARTICLE):], *key[1:]), [])
            bucket.extend(e for e in entries if e not in bucket)
    prefixes = set()
    for key in [*reg.lexicon, *stem]:
        for n in range(1, len(key) + 1):
            prefixes.add(key[:n])
    titles = frozenset(k[0] for k, es in reg.lexicon.items() if any(e.kind is Kind.TITLE for e in es))
    return Index(dict(reg.lexicon), {k: tuple(v) for k, v in stem.items()}, frozenset(prefixes), titles)


@lru_cache(maxsize=1)
def index() -> Index:
    return build_index(registry())


def _variants(tok: Token) -> list[tuple[str, int, bool]]:
    """(normalised first-token string, span start, is-stem) readings of a token."""
    norm = tok.norm
    out = [(norm, tok.start, False)]
    if tok.kind != "word" or not norm:
        return out
    b, s = split_clitics(norm)
    if b:
        out.append((norm[b:], tok.base_start, False))
    if s > b:
        out.append((norm[s:], tok.base_start, True))
    return out


def _orgs_only(entries: tuple[Entry, ...] | None) -> tuple[Entry, ...] | None:
    """An alias written without ال matched after a written ال: only organisation
    acronyms take the article freely («الناتو» for «ناتو»); «المالي» is not Mali."""
    if not entries:
        return None
    return tuple(e for e in entries if e.kind is Kind.ORG) or None


def match_at(tokens: Sequence[Token], i: int, idx: Index | None = None, max_len: int = 12) -> Match | None:
    """The longest lexicon match that starts at token i (None when there is none)."""
    idx = idx or index()
    best: Match | None = None
    n = len(tokens)
    for first, start, is_stem in _variants(tokens[i]):
        key: tuple[str, ...] = (first,)
        j = i + 1
        while True:
            if is_stem:
                hit = idx.stem.get(key) or _orgs_only(idx.full.get(key))
            else:
                hit = idx.full.get(key)
            if hit and (best is None or j > best.last):
                best = Match(i, j, start, tokens[j - 1].end, hit, start == tokens[i].start)
            if j >= n or j - i >= max_len:
                break
            key = (*key, tokens[j].norm)
            if key not in idx.prefixes:
                break
            j += 1
    return best


def all_matches(tokens: Sequence[Token], idx: Index | None = None) -> list[Match | None]:
    """For every token, the longest match starting there (overlapping, for rules to pick from)."""
    idx = idx or index()
    return [match_at(tokens, i, idx) if tokens[i].kind != "punct" else None for i in range(len(tokens))]


# -- features for the sequence tagger (marsad.ner) ------------------------------

_LABEL_KINDS = {Kind.STATE, Kind.CITY, Kind.ORG, Kind.PLACE, Kind.PERSON}


def gazetteer_labels(doc_or_tokens: Document | Sequence[Token]) -> list[str | None]:
    """Per token, its gazetteer membership as BIO: "B-GPE", "I-ORG" … or None.

    Greedy left-to-right longest matches of entity names only (states, cities,
    organisations, places, known persons); organ heads, titles and demonyms are
    not names (see `is_title_token` for titles).
    """
    tokens = doc_or_tokens.tokens if isinstance(doc_or_tokens, Document) else doc_or_tokens
    idx = index()
    labels: list[str | None] = [None] * len(tokens)
    i = 0
    while i < len(tokens):
        m = match_at(tokens, i, idx) if tokens[i].kind != "punct" else None
        entry = m.first_of(*_LABEL_KINDS) if m else None
        if m is None or entry is None:
            i += 1
            continue
        labels[i] = f"B-{entry.etype}"
        for j in range(i + 1, m.last):
            labels[j] = f"I-{entry.etype}"
        i = m.last
    return labels


def is_title_token(token: Token | str) -> bool:
    """Whether a token (or word) begins a title or role («الرئيس», «وزير», «المتحدث» …)."""
    words = index().title_words
    if isinstance(token, str):
        from marsad.arabic.tokenize import strip_clitics

        return any(w in words for w in strip_clitics(token))
    return any(v in words for v, _, _ in _variants(token))
