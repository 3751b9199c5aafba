"""Context clues around a date: nearby words, future cues, future verbs.

Read by the scanner's resolvers; the word lists are in `resources/dates/cues.tsv`.
"""
from __future__ import annotations

import re

from marsad.dates.lexicon import CueRole, Lexicon

_WORD = re.compile(r"[^\W\d_]+")
_FUTURE_VERB = re.compile(r"^[وف]?س[يتنا][^\W\d_]{2,}$")
_WINDOW = 60  # characters of left context inspected for cues


def words_before(text: str, pos: int, n: int, window: int = _WINDOW) -> list[str]:
    """Up to n words before pos within the sentence (and `window` characters), nearest last."""
    lo = max(0, pos - window)
    chunk = text[lo:pos]
    brk = max(chunk.rfind("."), chunk.rfind("!"), chunk.rfind("?"), chunk.rfind("؟"), chunk.rfind("\n"))
    return _WORD.findall(chunk[brk + 1 :])[-n:]


def word_after(text: str, pos: int) -> str:
    m = _WORD.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
    return m.group() if m else ""


def strip_conj(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


_OBJECT_SUFFIX = re.compile(r"(?:هما|هم|ها|كم|نا|ه)$")
_PLURAL_SUFFIX = re.compile(r"(?:ون|ان|ين|وا)$")
_CUE_WORDS = 15  # a cue opening a clause («من المرتقب أن يقدم … الاثنين») governs all of it
_CUE_WINDOW = 120
_NEAR_WORDS = 5  # other cues and future verbs: their neighbourhood only
# «أن + imperfect» alone is not used as a cue: on train it fired on reported past requests
# («طلب منه أن يغادره الجمعة») and on names («أن ياسر»); «يتوقع أن يصل» is caught by its cue.


def future_verb(word: str, exceptions: frozenset[str]) -> bool:
    """«سيزور», «وستعقد»: س + an imperfect prefix + a stem shaped like an Arabic verb.

    Foreign names also start with «سي»/«ست» («سيهوفر»): a stem of four or more letters whose
    second letter is a long vowel (و/ي) fits no verb pattern (hollow verbs have three letters:
    «يقول»; derived forms start with ت/ن/ست or have ا second: «يتوجه», «يواصل»).
    """
    base = strip_conj(word)
    if not _FUTURE_VERB.match(word) or base in exceptions or word in exceptions:
        return False
    stem = base[2:] if base.startswith("س") else base[3:]
    stem = _PLURAL_SUFFIX.sub("", _OBJECT_SUFFIX.sub("", stem)) if len(stem) > 4 else stem
    return not (len(stem) >= 4 and stem[1] in "وي" and stem[0] not in "تن")


def future_cue(text: str, lex: Lexicon, pos: int) -> bool:
    """Whether the clause before pos places a date in the future.

    Nearest words first; a relative pronoun («التي ضربها الجمعة») opens a clause of its own and
    stops the search.
    """
    cues = lex.cue(CueRole.FUTURE_CUE)
    breaks = lex.cue(CueRole.CLAUSE_BREAK)
    exceptions = lex.cue(CueRole.FUTURE_PREFIX_EXCEPTION)
    words = words_before(text, pos, _CUE_WORDS, _CUE_WINDOW)
    n = len(words)
    for k in range(n - 1, -1, -1):
        w = words[k]
        base = w[1:] if len(w) > 3 and w[0] in "وف" else w  # strip_conj, inlined: this loop is hot
        if w in breaks or base in breaks:
            return False
        near = n - k <= _NEAR_WORDS
        if w in cues or base in cues or base.removeprefix("ال") in cues:
            if near or (k + 1 < n and words[k + 1] == "ان"):
                return True
        # «س» opens a future verb, possibly after و/ف: a cheap test before the full one.
        if near and "س" in w[:2] and future_verb(w, exceptions):
            return True
    return False
