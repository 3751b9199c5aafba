"""A fast equivalent of `marsad.arabic.normalize` for scanning whole articles.

`normalize()` walks the text one character at a time in Python, which costs
milliseconds per article, and even `str.translate` with a dict table costs
~0.3 µs per character (CPython looks every character up in the dict).  Every
folding is one character to one character, and only a few dozen characters
fold, so one `str.replace` per folding character that actually occurs (a
memchr-speed scan each) does the work in microseconds.  Dropped characters
(diacritics, tatweel, bidi marks) are rare in news: their positions are found
with one regex pass, and the kept runs are remembered as segments, so mapping a
normalised range back is a bisect.  Text with presentation-form ligatures
(which may expand to two characters) falls back to `normalize()` itself.
`tests/dates/test_properties.py` checks the equivalence with hypothesis.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import NormView, fold_char, normalize

# Where foldable or droppable characters live (Arabic block, general punctuation, BOM/halfwidth).
_SCAN_RANGES = ((0x0600, 0x0700), (0x0750, 0x0780), (0x200B, 0x2070), (0xFEFF, 0xFF00))
_EXPANDING = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


@dataclass(frozen=True, slots=True)
class _Tables:
    folds: tuple[tuple[str, str], ...]  # (character, its one-character replacement)
    # One pass finds the characters that are dropped and the ligatures that need the slow path
    # (listing the dropped characters one by one lets re build a bitmap: several times faster
    # than the range test alone).
    special: re.Pattern[str]
    # Digits that stay non-ASCII after folding (Devanagari, fullwidth, …): the same pass spots
    # them, so that the trigger scan may collect ASCII digits only (see triggers.regions).
    exotic_digits: frozenset[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    folds: list[tuple[str, str]] = []
    dropped: list[str] = []
    for lo, hi in _SCAN_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            rep = fold_char(ch)
            if rep == "":
                dropped.append(ch)
            elif rep != ch:
                # Replacements are never themselves folded, so the order of replaces does not matter.
                assert len(rep) == 1 and fold_char(rep) == rep, (ch, rep)
                folds.append((ch, rep))
    fold_of = dict(folds)
    exotic = frozenset(
        ch
        for ch in _decimals() + list(fold_of)
        if ch not in dropped and (r := fold_of.get(ch, ch)).isdecimal() and not r.isascii()
    )
    # Astral characters join the pass as one range (their exotic digits are sorted out in Python):
    # listed one by one they would become a tail of range tests that every character pays.
    bmp = sorted(c for c in set(dropped) | exotic if c <= "\uffff")
    special = re.compile("[" + "".join(re.escape(c) for c in bmp) + "\ufb50-\ufdff\ufe70-\ufefe\U00010000-\U0010ffff]")
    return _Tables(tuple(folds), special, exotic)


def _decimals() -> list[str]:
    """Every character that re's \\d matches (str.isdecimal: category Nd).  Nd digits come in runs
    of ten or more consecutive code points, so probing every tenth code point finds every run
    (a tenth of the cost of testing them all, which shows when the tables load)."""
    found: set[int] = set()
    for probe in range(0, 0x110000, 10):
        if chr(probe).isdecimal():
            for cp in range(max(0, probe - 9), min(0x110000, probe + 10)):
                if chr(cp).isdecimal():
                    found.add(cp)
    return [chr(cp) for cp in sorted(found)]


@dataclass(frozen=True, slots=True)
class FastView:
    """Normalised text plus segments (normalised start, original start) of kept runs."""

    original: str
    text: str
    seg_norm: tuple[int, ...]
    seg_orig: tuple[int, ...]
    # Every digit of `text` is ASCII 0-9 (the trigger scan relies on it when True).
    ascii_digits: bool = False

    def _orig(self, i: int) -> int:
        k = bisect_right(self.seg_norm, i) - 1
        return self.seg_orig[k] + (i - self.seg_norm[k])

    def to_original(self, nstart: int, nend: int) -> tuple[int, int]:
        if nstart >= nend:
            pos = self._orig(nstart) if nstart < len(self.text) else len(self.original)
            return pos, pos
        return self._orig(nstart), self._orig(nend - 1) + 1


@dataclass(frozen=True, slots=True)
class _SlowView:
    """Adapter so that a NormView answers like a FastView."""

    view: NormView
    ascii_digits = False  # not checked on this rare path: the digit scan runs in full

    @property
    def text(self) -> str:
        return self.view.text

    def to_original(self, nstart: int, nend: int) -> tuple[int, int]:
        return self.view.to_original(nstart, nend)


def _fold(text: str, folds: tuple[tuple[str, str], ...]) -> str:
    for ch, rep in folds:
        if ch in text:
            text = text.replace(ch, rep)
    return text


def fast_normalize(text: str) -> FastView | _SlowView:
    tables = _tables()
    drops = [m.start() for m in tables.special.finditer(text)]
    ascii_digits = True
    if drops:
        if any(_EXPANDING.match(text, i) for i in drops):
            return _SlowView(normalize(text))
        exotic = tables.exotic_digits
        if any(text[i] in exotic or text[i] > "\uffff" for i in drops):
            ascii_digits = not any(text[i] in exotic for i in drops)
            drops = [i for i in drops if text[i] not in exotic and text[i] <= "\uffff"]
    folded = _fold(text, tables.folds)
    if not drops:
        return FastView(text, folded, (0,), (0,), ascii_digits)
    # Kept runs between dropped characters; a run of zero length is harmless (bisect_right picks
    # the last segment starting at a normalised position).
    seg_norm = [0]
    seg_orig = [0]
    parts: list[str] = []
    pos = 0
    for i in drops:
        if i > pos:
            parts.append(folded[pos:i])
            seg_norm.append(seg_norm[-1] + (i - pos))
        else:
            seg_norm.append(seg_norm[-1])
        seg_orig.append(i + 1)
        pos = i + 1
    parts.append(folded[pos:])
    return FastView(text, "".join(parts), tuple(seg_norm), tuple(seg_orig), ascii_digits)
