"""Where to look: cheap trigger search that limits the full patterns to small regions.

Running eight lookbehind-heavy regexes over a whole article costs milliseconds;
an Aho–Corasick pass over the normalised text finds the few places where a
date word occurs (microseconds), and each pattern then runs only inside the
regions around its own triggers.  A trigger is the most distinctive word of each
lexicon form; a hit inside a longer word («مارس» in «ممارسة») is skipped.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import ahocorasick

from marsad.dates.lexicon import Lexicon, lexicon

_FOUR_DIGITS = re.compile(r"\d{4}")

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


def _key_word(form: str) -> str:
    return max(form.split(), key=len)


def _head_word(form: str) -> str:
    return form.split()[0]


_LETTER = re.compile(r"[^\W\d_]")
_PROCLITICS = frozenset("وفبلك")


def whole_word(text: str, start: int, end: int) -> bool:
    """A hit that is a word of its own, possibly after one or two proclitics."""
    if end < len(text) and _LETTER.match(text, end):
        return False
    j = start
    while j > 0 and _LETTER.match(text, j - 1):
        j -= 1
        if start - j > 2 or text[j] not in _PROCLITICS:
            return False
    return True


def _entries(lex: Lexicon) -> Iterable[tuple[str, str]]:
    for form in list(lex.gregorian) + list(lex.hijri):
        yield _head_word(form), CALENDAR
    for form in lex.weekdays:
        yield form, WEEKDAY
    for form in lex.relative:
        yield _key_word(form), RELATIVE
    yield "قبل", AGO
    for form in lex.named:
        if not form[0].isdigit():
            yield _key_word(form), NAMED


@lru_cache(maxsize=1)
def automaton() -> ahocorasick.Automaton:
    groups: dict[str, set[str]] = {}
    for word, group in _entries(lexicon()):
        groups.setdefault(word, set()).add(group)
        if word.startswith("ال"):  # «للعام» writes ال as ل after the preposition ل
            groups.setdefault("ل" + word[2:], set()).add(group)
    auto = ahocorasick.Automaton()
    for word, gs in groups.items():
        auto.add_word(word, (len(word), frozenset(gs)))
    auto.make_automaton()
    return auto


def _widen(text: str, s: int, e: int, group: str) -> tuple[int, int]:
    before, after = SPANS[group]
    lo = max(0, s - before)
    hi = min(len(text), e + after)
    # Regions end on whitespace so that a pattern's right-boundary check is not fooled by endpos.
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


def regions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Merged (start, end) search regions per trigger group."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for end, (length, groups) in automaton().iter(text):
        if not whole_word(text, end + 1 - length, end + 1):
            continue
        for g in groups:
            hits.setdefault(g, []).append(_widen(text, end + 1 - length, end + 1, g))
    for m in _FOUR_DIGITS.finditer(text):
        hits.setdefault(DIGITS, []).append(_widen(text, m.start(), m.end(), DIGITS))
    return {g: _merge(spans) for g, spans in hits.items()}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
