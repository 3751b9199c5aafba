"""Regular expressions built once from the lexicon, over the normalised view.

All patterns match `marsad.arabic.normalize`d text (أ→ا, ة→ه, ى→ي, Eastern
digits → 0-9, diacritics and tatweel removed), so lexicon forms are folded the
same way.  A word may carry the proclitics و ف ب ل ك; they are left outside
the match so that spans stay minimal, as the gold guidelines ask.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.dates.lexicon import CueRole, Lexicon, Unit, lexicon

LET = r"[^\W\d_]"  # a letter (any script)
# Start of a word, possibly after one or two proclitics (و ف then ب ل ك); a number may be glued
# to the word before it («في30 آذار»).
WORD_START = rf"(?:(?<!{LET})|(?<=(?<!{LET})[وفبلك])|(?<=(?<!{LET})[وف][بلك])|(?<![\d.,/\-])(?=\d))"
WORD_END = rf"(?!{LET})"
# A number standing alone: not glued to other digits, decimal points or slashes.
NUM_START = r"(?:(?<![\w./\-])|(?<=(?<![\w])[وفبل])|(?<=\d{4}[\-–]))"


def alt(forms) -> str:
    """Alternation of normalised forms, longest first; spaces match any whitespace; ال also as لل."""
    out = []
    for form in sorted(set(forms), key=len, reverse=True):
        pat = r"\s+".join(re.escape(w) for w in form.split())
        if form.startswith("ال"):
            pat = "(?:ال|لل)" + pat[2:]
        out.append(pat)
    return "(?:" + "|".join(out) + ")"


def firsts(*groups) -> frozenset[str]:
    """Letters a match may begin with, given the forms of its optional and required leading parts
    (ال also as لل, as in `alt`).  Digits are not listed: the scanner always tries a digit."""
    out: set[str] = set()
    for forms in groups:
        for form in forms:
            out.add(form[0])
            if form.startswith("ال"):
                out.add("ل")
    return frozenset(out)


# The key of a start position that is a digit (see `first_pairs`): every pattern tries digits.
DIGIT_KEY = "#"


# Words starting with the article are keyed by three characters (see `start_key`): «ال» alone
# would let every definite noun through to `match`.
ARTICLES = frozenset({"ال", "لل"})


def start_key(text: str, pos: int) -> str:
    """The key of a start position: DIGIT_KEY for a digit; the first two characters, or three
    after the article (its third a DIGIT_KEY when a digit: «ال15»)."""
    if text[pos].isdecimal():
        return DIGIT_KEY
    key = text[pos : pos + 2]
    return _article_key(text, pos) if key in ARTICLES else key


def _article_key(text: str, pos: int) -> str:
    key = text[pos : pos + 3]
    return key[:2] + DIGIT_KEY if len(key) == 3 and key[2].isdecimal() else key


def first_pairs(*groups) -> frozenset[str]:
    """Keys (see `start_key`) of the positions a match may begin at, given the same groups as
    `firsts`: a form's first two characters, three after the article (ال also as لل, as in
    `alt`), and DIGIT_KEY.  A slice and a set lookup cost a tenth of a failed `match` call.
    The bare article stands for «ال» + a number.  A form whose first word is a single letter
    contributes that letter: the scanner then also tests a position's first character."""
    out: set[str] = {DIGIT_KEY}
    for forms in groups:
        for form in forms:
            word = form.split()[0]
            if word in ARTICLES:
                out.update(a + DIGIT_KEY for a in ARTICLES)
                continue
            out.add(start_key(word, 0))
            if word.startswith("ال"):
                out.add(start_key("لل" + word[2:], 0))
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Patterns:
    gregorian: re.Pattern[str]
    hijri: re.Pattern[str]
    numeric: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    ago: re.Pattern[str]
    year: re.Pattern[str]
    named: re.Pattern[str]
    # First letters of each pattern (attribute name → letters): a cheap filter before `match`.
    first_letters: dict[str, frozenset[str]]
    # Start keys of each pattern (see `first_pairs`), and whether any is a lone letter.
    first_pairs: dict[str, frozenset[str]]
    lone_letters: dict[str, bool]


def _modifiers(lex: Lexicon) -> str:
    return alt(
        lex.cue(CueRole.PAST_MODIFIER) | lex.cue(CueRole.FUTURE_MODIFIER) | lex.cue(CueRole.CURRENT_MODIFIER)
    )


def build(lex: Lexicon) -> Patterns:
    month = alt(lex.gregorian)
    hmonth = alt(lex.hijri)
    ordinal = alt(lex.ordinals)
    part = alt(lex.cue(CueRole.MONTH_PART))
    mods = _modifiers(lex)
    year_rel = alt(p for p, r in lex.relative.items() if r.unit is Unit.YEAR and not p.startswith("قبل"))
    # «(28) إبريل»: a bracketed day; the match starts at the digit (the scanner tries token starts)
    # and the resolver moves the span back over the bracket.
    day = (
        rf"(?:(?P<dnum>(?<![\d./\-])\d{{1,2}})|ال(?P<dnum2>\d{{1,2}})|(?P<dord>{ordinal})"
        r"|(?<=\()(?P<dnum3>\d{1,2})\))"
    )
    day_sep = r"\s*(?:من\s+)?(?:شهر\s+)?"
    year_tail = (
        r"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?"
        rf"(?P<year>(?<!\d)\d{{4}})(?!\d)(?:\s*م{WORD_END})?"
        rf"|\s+(?:من\s+)?(?P<yrel>{year_rel}){WORD_END}"
        rf"|\s+(?P<mod>{mods}){WORD_END})"
    )
    gregorian = re.compile(
        rf"{WORD_START}(?:(?P<part>{part})\s+(?:شهر\s+)?)?(?:{day}{day_sep})?(?:(?P<shahr>شهر)\s+)?"
        rf"(?P<m1>{month}){WORD_END}"
        rf"(?:\s*[/\\\-–]\s*(?P<m2>{month})|\s*\(\s*(?P<m2b>{month})\s*\)|\s+(?P<m2c>{month}))?{WORD_END}"
        rf"{year_tail}?"
    )
    hijri = re.compile(
        rf"{WORD_START}(?:{day}{day_sep})?(?P<hm>{hmonth}){WORD_END}"
        rf"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام\s+)?(?P<hyear>(?<!\d)\d{{3,4}})(?!\d))?"
        rf"(?P<hsuf>\s*ه(?:جري(?:ه)?)?{WORD_END}\.?)?"
    )
    numeric = re.compile(
        rf"{NUM_START}(?:(?P<a>\d{{1,2}})(?P<s>[/.\-])(?P<b>\d{{1,2}})(?P=s)(?P<c>\d{{4}})"
        r"|(?P<y>\d{4})(?P<s2>[/.\-])(?P<mo>\d{1,2})(?P=s2)(?P<d>\d{1,2}))(?!\d|[/\-.]\d)"
        rf"(?P<nsuf>\s*[هم]{WORD_END})?"
    )
    weekday_alt = alt(lex.weekdays)
    weekday = re.compile(
        rf"{WORD_START}(?:(?P<pre>بعد\s+غد|اول\s+امس|امس\s+الاول|اليوم|امس|غدا|البارحه)\s*[(،,\-]?\s*|(?P<night>ليل|ليله)\s+)?"
        rf"(?:(?P<yawm>يوم)\s+)?(?P<wd>{weekday_alt}){WORD_END}\)?"
        rf"(?:\s+(?P<wmod>{mods}){WORD_END})?"
    )
    relative = re.compile(rf"{WORD_START}(?:(?P<rpart>{part})\s+)?(?P<rel>{alt(lex.relative)}){WORD_END}")
    units = r"(?P<unit>سنوات|سنين|اعوام|سنه|عاما|عام|اشهر|شهور|شهرا|شهر|ايام|يوما|اسابيع|اسبوعا)"
    card = alt(lex.cardinals)  # compound counts: units و tens («خمسة وتسعين»)
    ago = re.compile(
        rf"{WORD_START}قبل\s+(?:نحو\s+|حوالي\s+|قرابه\s+)?"
        rf"(?P<n>\d{{1,3}}|{card}(?:\s+و\s*{card})?)\s+{units}{WORD_END}"
    )
    year = re.compile(
        rf"{NUM_START}(?:(?P<ypart>{part})\s+)?(?:(?P<ycue>(?:ال)?عام|(?:ال)?سنه|عامي|العامين)\s+)?"
        rf"(?P<y>\d{{4}})(?![\d%٪]|[.,٫٬]\d)(?P<ysuf>\s*[مه]{WORD_END})?"
    )
    named_forms = [p for p in lex.named if not p[0].isdigit()]
    named = re.compile(rf"{WORD_START}(?P<named>{alt(named_forms)}){WORD_END}")
    parts = lex.cue(CueRole.MONTH_PART)
    starts = {  # the forms a match may begin with, per pattern
        "gregorian": (parts, ["ال"], lex.ordinals, ["شهر"], lex.gregorian),
        "hijri": (["ال"], lex.ordinals, lex.hijri),
        "numeric": (),
        "weekday": (["بعد", "اول", "امس", "اليوم", "غدا", "البارحه", "ليل", "يوم"], lex.weekdays),
        "relative": (parts, lex.relative),
        "ago": (["قبل"],),
        "year": (parts, ["عام", "العام", "سنه", "السنه", "عامي", "العامين"]),
        "named": (named_forms,),
    }
    first_letters = {k: firsts(*g) for k, g in starts.items()}
    pairs = {k: first_pairs(*g) for k, g in starts.items()}
    lone = {k: any(len(p) == 1 and p != DIGIT_KEY for p in ps) for k, ps in pairs.items()}
    return Patterns(gregorian, hijri, numeric, weekday, relative, ago, year, named, first_letters, pairs, lone)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    return build(lexicon())
