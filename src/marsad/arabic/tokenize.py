"""Tokens with clitic segmentation, and sentence segmentation, on original offsets.

Clitic segmentation is deliberately conservative: a proclitic is split off only
when the rest is long enough and the word does not begin with a protected root
(data: resources/arabic/clitics.json).  Matchers that need recall try both the
whole token and its clitic-free base (`strip_clitics` gives every reading).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.arabic.normalize import fold_char, normalize_text
from marsad.model import Sentence, Token

_AR_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc\ufb50-\ufdff\ufe70-\ufefc"
_AR_MARKS = "\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200c\u200d"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"

_HAMZA_ALEFS = frozenset("أإآ")

TOKEN_RE = re.compile(
    rf"(?P<word>[{_AR_LETTERS}][{_AR_LETTERS}{_AR_MARKS}]*)"
    rf"|(?P<number>[{_DIGITS}]+(?:[.,٫٬][{_DIGITS}]+)*)"
    r"|(?P<latin>[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?)"
    r"|(?P<punct>[^\s])"
)

# Sentence ends: . ! ? ؟ … (and runs of them), or a line break.  A dot between digits
# (3.5) is not an end.
# A match starts only at the head of a punctuation run (or one character in, after a
# digit) and takes the run possessively: the plain form re-scanned the rest of the run
# from every position in it, quadratic on a long run of dots.
_SENT_END_RE = re.compile(
    r"(?:(?<![0-9٠-٩.!?؟…])|(?<=[0-9٠-٩][.!?؟…]))[.!?؟…]++(?=[\s\"'”»)\]]|$)|\n+"
)


@dataclass(frozen=True, slots=True)
class CliticData:
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    article: str
    fused_lil: str
    min_stem: int
    min_remainder_after_conj: int
    protected_prefixes: tuple[str, ...]
    protected_words: frozenset[str]


class ResourceError(ValueError):
    """A packaged data file is malformed."""


@lru_cache(maxsize=1)
def clitic_data() -> CliticData:
    raw = json.loads(resources.files("marsad.resources").joinpath("arabic/clitics.json").read_text("utf-8"))
    return validate_clitic_data(raw)


def validate_clitic_data(raw: dict) -> CliticData:
    for key in ("conjunctions", "prepositions", "article", "fused_lil", "protected_prefixes"):
        if key not in raw:
            raise ResourceError(f"clitics.json: missing key {key!r}")
    words = raw["protected_prefixes"].get("words", [])
    if len(set(words)) != len(words):
        dup = sorted({w for w in words if words.count(w) > 1})
        raise ResourceError(f"clitics.json: duplicate protected entries {dup}")
    for w in words:
        if normalize_text(w.rstrip("$")) != w.rstrip("$") or not w.strip("$"):
            raise ResourceError(f"clitics.json: protected entry {w!r} is not in normalised form")
    return CliticData(
        conjunctions=tuple(raw["conjunctions"]),
        prepositions=tuple(raw["prepositions"]),
        article=raw["article"],
        fused_lil=raw["fused_lil"],
        min_stem=int(raw.get("min_stem", 2)),
        min_remainder_after_conj=int(raw.get("min_remainder_after_conj", 3)),
        protected_prefixes=tuple(w for w in words if not w.endswith("$")),
        protected_words=frozenset(w[:-1] for w in words if w.endswith("$")),
    )


def _protected(word: str, data: CliticData) -> bool:
    return word in data.protected_words or word.startswith(data.protected_prefixes)


@lru_cache(maxsize=200_000)
def split_clitics(norm: str) -> tuple[int, int]:
    """(base, stem) character offsets into a normalised word.

    base: after conjunction + preposition proclitics; stem: also after ال/لل.
    Offsets count normalised characters; `tokenize` maps them back.
    """
    data = clitic_data()
    i = 0
    if len(norm) - 1 >= data.min_remainder_after_conj and norm[0] in data.conjunctions and not _protected(norm, data):
        i = 1
    base = i
    rest = norm[i:]
    if rest.startswith(data.fused_lil) and len(rest) - 2 >= data.min_stem:
        # «للدوحة» = ل + ال + دوحة: the clitic-free form is not written, so base stays.
        return base, i + 2
    if (
        len(rest) - 1 >= data.min_remainder_after_conj
        and rest[0] in data.prepositions
        and not _protected(rest, data)
    ):
        i += 1
        base = i
        rest = norm[i:]
    if rest.startswith(data.article) and len(rest) - 2 >= data.min_stem:
        return base, i + 2
    return base, base


def strip_clitics(word: str) -> list[str]:
    """Every plausible clitic-free reading of a word, longest first (normalised)."""
    norm = normalize_text(word)
    base, stem = split_clitics(norm)
    out = [norm]
    for cand in (norm[base:], norm[stem:]):
        if cand and cand not in out:
            out.append(cand)
    return out


def _norm_offsets(raw: str) -> list[int]:
    """Original index (within `raw`) of each normalised character of `raw`."""
    pos: list[int] = []
    for i, ch in enumerate(raw):
        pos.extend([i] * len(fold_char(ch)))
    return pos


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    tokens: list[Token] = []
    for m in TOKEN_RE.finditer(text, start, end):
        kind = m.lastgroup or "punct"
        s, e = m.span()
        raw = m.group()
        norm = normalize_text(raw)
        base_start = stem_start = s
        if kind == "word" and norm:
            nb, ns = split_clitics(norm)
            if nb or ns:
                pos = _norm_offsets(raw)
                base_start = s + (pos[nb] if nb < len(pos) else len(raw))
                stem_start = s + (pos[ns] if ns < len(pos) else len(raw))
                # The article is written with a bare alef: «ألقى»/«إلغاء» fold to «ال…» in the
                # normalised form but begin with a hamza root, not with ال.
                if ns > nb and text[base_start] in _HAMZA_ALEFS:
                    stem_start = base_start
        tokens.append(Token(s, e, raw, kind=kind, norm=norm, base_start=base_start, stem_start=stem_start))
    return tokens


def sentences(text: str) -> list[Sentence]:
    """Sentence spans (whitespace trimmed) covering every non-blank part of `text`."""
    out: list[Sentence] = []
    pos = 0
    for m in _SENT_END_RE.finditer(text):
        _emit(text, pos, m.end() if m.group()[0] != "\n" else m.start(), out)
        pos = m.end()
    _emit(text, pos, len(text), out)
    return out


def _emit(text: str, s: int, e: int, out: list[Sentence]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(s, e, text[s:e]))
