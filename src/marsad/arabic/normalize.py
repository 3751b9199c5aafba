"""Offset-preserving Arabic normalisation.

`normalize(text)` never rewrites the document: it returns a `NormView` whose
`.text` is the normalised string and which maps every normalised position back
to the original code points.  Characters may be dropped (diacritics, tatweel,
bidi marks) or expanded (presentation-form ligatures such as ﻻ → لا); the map
keeps both directions exact.

Foldings (for matching only):
  أ إ آ ٱ → ا ; ى → ي ; ة → ه ; ؤ → و ; ئ → ي  (ء kept)
  Arabic-Indic ٠-٩ and Persian ۰-۹ digits → 0-9
  diacritics (harakat, shadda, sukun, dagger alef), tatweel, zero-width and bidi controls → removed
  presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) → NFKC base letters, then folded
  Persian/Urdu letters ک ی → ك ي ; Arabic comma/semicolon kept as-is
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)
    _FOLD[chr(0x06F0 + _i)] = str(_i)

# Dropped entirely: harakat and Quranic marks, tatweel, zero-width and bidi controls.
_DROP = set(chr(c) for c in range(0x064B, 0x0660))  # fathatan … sukun, maddah, hamza above/below
_DROP |= {"\u0670", "\u0640"}  # dagger alef, tatweel
_DROP |= set(chr(c) for c in range(0x06D6, 0x06EE))  # Quranic annotation signs
_DROP |= {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u061c"}
_DROP |= set(chr(c) for c in range(0x202A, 0x202F)) | set(chr(c) for c in range(0x2066, 0x206A))


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The normalised replacement of one character ('' when it is dropped)."""
    if ch in _DROP:
        return ""
    if ch in _FOLD:
        return _FOLD[ch]
    cp = ord(ch)
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        base = unicodedata.normalize("NFKC", ch)
        if base != ch:
            return "".join(fold_char(c) for c in base)
    return ch


@dataclass(frozen=True, slots=True)
class NormView:
    """A normalised view of `original` with an exact offset map.

    `starts[i]`/`ends[i]` give the original code-point range that produced
    normalised character i.
    """

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a half-open normalised range to the original range it covers."""
        if nstart >= nend:
            pos = self.starts[nstart] if nstart < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[nstart], self.ends[nend - 1]

    def original_text(self, nstart: int, nend: int) -> str:
        s, e = self.to_original(nstart, nend)
        return self.original[s:e]


def normalize(text: str) -> NormView:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        rep = fold_char(ch)
        for r in rep:
            out.append(r)
            starts.append(i)
            ends.append(i + 1)
    return NormView(text, "".join(out), tuple(starts), tuple(ends))


def normalize_text(text: str) -> str:
    """The normalised string alone, for matching keys (lexicon entries, queries)."""
    return "".join(fold_char(ch) for ch in text)
