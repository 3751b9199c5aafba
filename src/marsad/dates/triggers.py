"""Where to look: cheap trigger search that limits the full patterns to small regions.

Running eight lookbehind-heavy regexes over a whole article costs milliseconds;
an Aho–Corasick pass over the normalised text finds the few places where a
date word occurs (microseconds), and each pattern then runs only inside the
regions around its own triggers.  A trigger is the most distinctive word of each
lexicon form; a hit inside a longer word («مارس» in «ممارسة») is skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import ahocorasick

from marsad.dates.lexicon import Lexicon, lexicon


# Trigger groups: which pattern families a hit should wake up.
CALENDAR = "calendar"  # gregorian + hijri month names
WEEKDAY = "weekday"
RELATIVE = "relative"
AGO = "ago"
NAMED = "named"
DIGITS = "digits"  # years and numeric dates

# Characters of context a pattern may need before and after its trigger word:
# «أواخر شهر الحادي والعشرين من» before a month, «/ أيلول من العام الماضي» after it, …
SPANS = {
    CALENDAR: (45, 45),
    WEEKDAY: (20, 20),
    RELATIVE: (20, 20),
    AGO: (0, 30),
    NAMED: (20, 20),
    DIGITS: (20, 12),
}


# Function words never chosen as a phrase's trigger: «بعد» alone is everywhere, «بعد غد» is rare.
_COMMON = frozenset({"بعد", "قبل", "اول", "من", "هذا", "هذه", "نحو", "حوالي"})


def _key_word(form: str) -> str:
    words = form.split()
    return max((w for w in words if w not in _COMMON), key=len, default=max(words, key=len))


def _head_word(form: str) -> str:
    return form.split()[0]


_PROCLITICS = frozenset("وفبلك")


def _is_letter(ch: str) -> bool:
    """Same test as the patterns' `[^\\W\\d_]` (re's \\w is isalnum, its \\d is isdecimal), minus re's call cost."""
    return ch.isalnum() and not ch.isdecimal()


def whole_word(text: str, start: int, end: int) -> bool:
    """A hit that is a word of its own, possibly after one or two proclitics."""
    if end < len(text) and _is_letter(text[end]):
        return False
    if start == 0 or not _is_letter(text[start - 1]):
        return True
    # Letters before the hit: at most two, and proclitics only.
    j = start
    while j > 0 and _is_letter(text[j - 1]):
        j -= 1
        if start - j > 2 or text[j] not in _PROCLITICS:
            return False
    return True


def _calendar_word(form: str) -> str:
    """The head word of a month name («كانون», «ربيع»), unless it is a short function-like word
    («ذي الحجة»: «ذي» is everywhere), then the longest word."""
    head = _head_word(form)
    return head if len(head) > 2 or " " not in form else _key_word(form)


def _entries(lex: Lexicon) -> Iterable[tuple[str, str]]:
    for form in list(lex.gregorian) + list(lex.hijri):
        yield _calendar_word(form), CALENDAR
    for form in lex.weekdays:
        yield form, WEEKDAY
    for form in lex.relative:
        yield _key_word(form), RELATIVE
    yield "قبل", AGO
    for form in lex.named:
        if not form[0].isdigit():
            yield _key_word(form), NAMED


_DIGIT = (1, ())  # the automaton's value for a digit: no trigger groups


@lru_cache(maxsize=1)
def automaton() -> ahocorasick.Automaton:
    groups: dict[str, set[str]] = {}
    for word, group in _entries(lexicon()):
        groups.setdefault(word, set()).add(group)
        if word.startswith("ال"):  # «للعام»: ال is written ل after the preposition ل
            groups.setdefault("لل" + word[2:], set()).add(group)
    auto = ahocorasick.Automaton()
    for word, gs in groups.items():
        # Each group with its context spans, so that `regions` does no lookups per hit.
        auto.add_word(word, (len(word), tuple((g, *SPANS[g]) for g in sorted(gs))))
    # ASCII digits are one-character words too: news has a dozen digits per article, so collecting
    # them in this pass is cheaper than a second regex scan of the text.  (Only ASCII: pyahocorasick
    # looks a node's children up one by one, and the root would get ~660 more with all of \d.)
    for digit in "0123456789":
        if digit in groups:
            raise ValueError(f"trigger word {digit!r} is a lone digit: it would shadow the digit scan")
        auto.add_word(digit, _DIGIT)
    auto.make_automaton()
    return auto


@dataclass(frozen=True, slots=True)
class Region:
    """Where a pattern family runs: matches start inside `windows` and may extend to `hi`.

    Every match of a family contains one of its trigger words, so it starts at most
    `before` characters ahead of a trigger and never after the trigger's first character:
    the start windows are (trigger - before, trigger + 1).  `lo`/`hi` bound the merged region
    that a pattern may read (its lookbehinds see the whole text anyway).
    """

    lo: int
    hi: int
    windows: tuple[tuple[int, int], ...]


# Bounded: an unbounded \S* rescanned a huge space-less run (100k digits) once per match.
_NON_SPACE = re.compile(r"\S{0,64}")


# \d\d{3} rather than \d{4}: a pattern that opens with a character class gets re's fast scan.
_FOUR_DIGITS = re.compile(r"\d\d{3}")


def regions(text: str, ascii_digits: bool = False) -> dict[str, list[Region]]:
    """Merged search regions per trigger group.

    `ascii_digits` says that every digit of `text` is ASCII (FastView knows): the four-digit
    numbers are then read off the automaton's digit hits instead of a regex pass over the text.
    """
    n = len(text)
    hits: dict[str, list[tuple[int, int, int]]] = {}
    non_space = _NON_SPACE.match
    digits: list[int] = []
    for end, (length, groups) in automaton().iter(text):
        if not groups:
            digits.append(end)
            continue
        e = end + 1
        s = e - length
        # whole_word, with its common outcomes decided inline (a call per hit costs more).
        if e < n and (c := text[e]).isalnum() and not c.isdecimal():
            continue
        if s and (c := text[s - 1]).isalnum() and not c.isdecimal() and not whole_word(text, s, e):
            continue
        for g, before, after in groups:
            # Regions end on whitespace so that a pattern's right-boundary check is not fooled by endpos.
            hi = non_space(text, min(n, e + after)).end()
            span = (max(0, s - before), hi, s + 1)
            if g in hits:
                hits[g].append(span)
            else:
                hits[g] = [span]
    if digits or not ascii_digits:
        before, after = SPANS[DIGITS]
        starts = four_digit_starts(digits) if ascii_digits else [m.start() for m in _FOUR_DIGITS.finditer(text)]
        spans = [(max(0, s - before), non_space(text, min(n, s + 4 + after)).end(), s + 1) for s in starts]
        if spans:
            hits.setdefault(DIGITS, []).extend(spans)
    return {g: _merge(spans) for g, spans in hits.items()}


def four_digit_starts(digits: list[int]) -> list[int]:
    """Where `\\d\\d{3}` matches (as finditer would: left to right, not overlapping), given the
    ascending positions of all digits."""
    out: list[int] = []
    run_start = prev = -2
    for i in digits:
        if i != prev + 1:
            run_start = i
        elif (i - run_start) % 4 == 3:
            out.append(i - 3)
        prev = i
    return out


def _merge(spans: list[tuple[int, int, int]]) -> list[Region]:
    spans.sort()
    merged: list[tuple[int, int, list[tuple[int, int]]]] = []
    for lo, hi, wend in spans:
        if merged and lo <= merged[-1][1]:
            _, prev_hi, windows = merged[-1]
            merged[-1] = (merged[-1][0], max(prev_hi, hi), windows)
            if lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], wend))
            else:
                windows.append((lo, wend))
        else:
            merged.append((lo, hi, [(lo, wend)]))
    return [Region(lo, hi, tuple(windows)) for lo, hi, windows in merged]
