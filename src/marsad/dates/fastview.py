"""A fast equivalent of `marsad.arabic.normalize` for scanning whole articles.

`normalize()` walks the text one character at a time in Python, which costs
milliseconds per article.  Almost every folding is one character to one
character, so `str.translate` (C speed) does the work; dropped characters
(diacritics, tatweel, bidi marks) are removed with one regex and remembered as
segments, so mapping a normalised range back is a bisect.  Text with
presentation-form ligatures (which may expand to two characters) falls back to
`normalize()` itself.  `tests/dates/test_fastview.py` checks the equivalence.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import NormView, fold_char, normalize

_SCAN_RANGES = ((0x0600, 0x0700), (0x06F0, 0x06FA), (0x200B, 0x2070), (0xFEFF, 0xFF00))
_EXPANDING = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], re.Pattern[str]]:
    table: dict[int, str] = {}
    dropped: list[str] = []
    for lo, hi in _SCAN_RANGES:
        for cp in range(lo, hi):
            rep = fold_char(chr(cp))
            if rep == "":
                dropped.append(chr(cp))
            elif rep != chr(cp) and len(rep) == 1:
                table[cp] = rep
    drop_re = re.compile("[" + "".join(re.escape(c) for c in dropped) + "]+")
    return table, drop_re


@dataclass(frozen=True, slots=True)
class FastView:
    """Normalised text plus segments (normalised start, original start) of kept runs."""

    original: str
    text: str
    seg_norm: tuple[int, ...]
    seg_orig: tuple[int, ...]

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

    @property
    def text(self) -> str:
        return self.view.text

    def to_original(self, nstart: int, nend: int) -> tuple[int, int]:
        return self.view.to_original(nstart, nend)


def fast_normalize(text: str) -> FastView | _SlowView:
    if _EXPANDING.search(text):
        return _SlowView(normalize(text))
    table, drop_re = _tables()
    folded = text.translate(table)
    seg_norm = [0]
    seg_orig = [0]
    parts: list[str] = []
    pos = 0
    for m in drop_re.finditer(folded):
        parts.append(folded[pos : m.start()])
        pos = m.end()
        seg_norm.append(seg_norm[-1] + len(parts[-1]))
        seg_orig.append(pos)
    if len(seg_norm) == 1:
        return FastView(text, folded, (0,), (0,))
    parts.append(folded[pos:])
    return FastView(text, "".join(parts), tuple(seg_norm), tuple(seg_orig))
