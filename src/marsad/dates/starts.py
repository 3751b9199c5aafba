"""Where a pattern may begin: word starts (and proclitic offsets) inside the trigger windows.

Split from the scanner because it is the hot loop of the scan: positions are tokenised once per
article over the union of all trigger windows, keyed by their first two characters so that each
pattern calls `match` only where its first characters fit (see `patterns.first_pairs`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from marsad.dates import triggers as trig
from marsad.dates.patterns import ARTICLES, DIGIT_KEY, _article_key

# A word or a number: every date match starts at one of these (or after one or two proclitics).
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_PROCLITIC = frozenset("وفبلك")


def match_starts(text: str, region: trig.Region) -> list[int]:
    """Positions in the region's start windows where a pattern guarded by WORD_START /
    NUM_START can begin, ascending.

    Those guards fail everywhere inside a word, so trying `match` only at token starts (and after
    one or two proclitics) finds exactly what `finditer` over the region finds, without paying
    the guards' lookbehinds at every character (the main cost of scanning a region).
    """
    out: list[int] = []
    add = out.append
    hi = region.hi
    for ws, we in region.windows:
        # Tokens are read up to two characters past the window: enough to see whether one that
        # starts inside is longer than its proclitics, and starts inside are unchanged by endpos.
        for m in _TOKEN.finditer(text, ws, min(hi, we + 2)):
            s, e = m.span()
            if s >= we:
                break
            add(s)
            if e - s > 1 and text[s] in _PROCLITIC:
                add(s + 1)
                if e - s > 2 and text[s] in "وف" and text[s + 1] in "بلك":
                    add(s + 2)
    if len(region.windows) > 1:
        out = sorted(set(out))
    return out


@dataclass(slots=True)
class Starts:
    """Start positions of every trigger group's windows, tokenised once per article.

    Windows of different groups overlap («15 مارس 2018» wakes the month and the digit groups), so
    the union is tokenised once (as `match_starts` does per window) and each region takes its
    slice.  `offsets` says how far each position is from its token's start (0, or 1–2 after
    proclitics): `match_starts` keeps a proclitic offset of a token that starts inside a window
    even when the offset falls just past it.
    """

    positions: list[int]
    keys: list[str]
    offsets: list[int]

    @classmethod
    def of(cls, text: str, where: dict[str, list[trig.Region]]) -> Starts:
        windows = sorted(w for regions in where.values() for r in regions for w in r.windows)
        n = len(text)
        positions: list[int] = []
        offsets: list[int] = []
        add, off = positions.append, offsets.append
        i = 0
        while i < len(windows):
            ws, we = windows[i]
            i += 1
            # Merged while they overlap or nearly touch: offsets may reach two characters past.
            while i < len(windows) and windows[i][0] <= we + 2:
                we = max(we, windows[i][1])
                i += 1
            for m in _TOKEN.finditer(text, ws, min(n, we + 2)):
                s, e = m.span()
                if s >= we:
                    break
                add(s)
                off(0)
                if e - s > 1 and text[s] in _PROCLITIC:
                    add(s + 1)
                    off(1)
                    if e - s > 2 and text[s] in "وف" and text[s + 1] in "بلك":
                        add(s + 2)
                        off(2)
        # start_key, inlined: one call per position would cost what the filter saves.
        keys = [
            DIGIT_KEY if text[p].isdecimal() else k if (k := text[p : p + 2]) not in ARTICLES else _article_key(text, p)
            for p in positions
        ]
        return cls(positions, keys, offsets)

    def region(self, region: trig.Region) -> tuple[int, list[int], list[str]]:
        """The region's end, its start positions and their keys, ascending."""
        pos, keys, offs = self.positions, self.keys, self.offsets
        out_p: list[int] = []
        out_k: list[str] = []
        for ws, we in region.windows:
            i = bisect_left(pos, ws)
            j = bisect_left(pos, we)
            # Proclitic offsets of a token that starts inside the window.
            while j < len(pos) and pos[j] < we + 2 and offs[j] and pos[j] - offs[j] < we:
                j += 1
            out_p += pos[i:j]
            out_k += keys[i:j]
        return region.hi, out_p, out_k
