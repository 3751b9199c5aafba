"""Text analysis shared by the search index, the query parser and story similarity.

One function decides what a word "is" for matching: normalise (marsad.arabic),
drop proclitics and the article (split_clitics), then strip at most one light
suffix (resources/kb/suffixes.tsv) so that «والاتفاقية», «باتفاقية» and
«الاتفاقيات» all become «اتفاقي».  Index and query use the same function, and
every term keeps its original offsets so hits map back into the article text.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Iterator, NamedTuple

from marsad.arabic import normalize_text
from marsad.arabic.tokenize import TOKEN_RE, split_clitics
from marsad.kb.resources import load, suffixes


class Term(NamedTuple):  # a NamedTuple: built once per token, so construction cost matters
    stem: str
    start: int  # original offsets of the whole token
    end: int


@lru_cache(maxsize=300_000)
def analyse_word(raw: str) -> str:
    """The search stem of one raw token ('' for punctuation)."""
    norm = normalize_text(raw)
    if not norm:
        return ""
    first = norm[0]
    if first.isascii():
        return norm.lower() if norm.isalnum() else ""
    if first.isdigit():
        return norm
    if not first.isalpha():
        return ""
    _, stem_at = split_clitics(norm)
    stem = norm[stem_at:]
    for suf, min_stem in suffixes():  # at most one; «تعاون» keeps its ون (min_stem 4)
        if stem.endswith(suf) and len(stem) - len(suf) >= min_stem:
            return stem[: -len(suf)]
    return stem


def iter_terms(text: str, start: int = 0, end: int | None = None) -> Iterator[Term]:
    """Terms of `text[start:end]` in order, with original offsets."""
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        if m.lastgroup == "punct":
            continue
        stem = analyse_word(m.group())
        if stem:
            yield Term(stem, m.start(), m.end())


def analyse(text: str) -> list[Term]:
    return list(iter_terms(text))


def stems(text: str) -> list[str]:
    """The stems of `text` in order (the fast path of iter_terms, without offsets)."""
    out = []
    for m in TOKEN_RE.finditer(text):
        if m.lastgroup != "punct":
            stem = analyse_word(m.group())
            if stem:
                out.append(stem)
    return out


@lru_cache(maxsize=1)
def stopword_stems() -> frozenset[str]:
    return frozenset(analyse_word(r["word"]) for r in load("stopwords.tsv")) - {""}


def content_stems(words: list[str]) -> set[str]:
    """Stems that carry topic: no stopwords, no numbers, no one- or two-letter stems."""
    stop = stopword_stems()
    return {w for w in words if len(w) >= 3 and w not in stop and not w.isdigit()}


def text_hash(words: list[str]) -> str:
    """Identity of the wording regardless of spelling variants, clitics and punctuation."""
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
