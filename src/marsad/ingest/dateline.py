"""Datelines at the start of an article body: place, outlet and date.

Shapes handled (place, optional country, optional date, outlet, separator):
    «بروكسيل- خليج 24|»                     place - outlet |
    «القاهرة (رويترز) -»                     place (outlet) -
    «واشنطن - (أ ف ب):»                      place - (outlet):
    «دمشق، سوريا (CNN) --»                   place، country (outlet) --
    «تبوك 3 رمضان 1440 هـ الموافق 8 مايو 2019 م واس»   place date outlet<end of line>
    «غزة - …»                                place - (no outlet)
Known outlets come from resources/ingest/outlets.tsv and are matched on the
normalised text; an unknown outlet is accepted only in an unambiguous frame
(«(…) -» or «- … |»).  The dateline stays in the text: its offsets index `text`.
Dates are read by marsad.dates.find_dates (Hijri and Gregorian month names live there).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.arabic import normalize
from marsad.ingest.resources import Outlet, outlets

# A dateline sits in the first characters of the first line.
WINDOW = 220
MAX_OUTLET_START = 140
MAX_PLACE_WORDS = 6
MAX_DATED_WORDS = 16

_SEP = r"[|:\-–—ـ/]"
# After the outlet: optional closing bracket, then a separator or the end of the line.
_AFTER_OUTLET = re.compile(rf"[ \t]*[)\]»\"]?[ \t]*(?:{_SEP}{{1,3}}[ \t]*|$)")
# Between place and outlet: a separator, an opening bracket, or a comma.
# (Written as flat, possessive character runs: the nested form "(?:[ \t]*(?:SEP{1,3}|…))+"
# backtracks exponentially on a long run of dashes.)
_BEFORE_OUTLET = re.compile(r"[ \t]*+[|:\-–—ـ/(\[«\"،,][ \t|:\-–—ـ/(\[«\"،,]*+$")
_SENTENCE_PUNCT = re.compile(r"[.!؟?:\"«»]")
_DIGIT = re.compile(r"[0-9٠-٩۰-۹]")
_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3A-Za-z"
_WORD = rf"[{_LETTERS}][{_LETTERS}\u064b-\u065f\u0670\u0640]{{0,24}}"
_PLACE = rf"{_WORD}(?: {_WORD}){{0,2}}"
_COUNTRY = rf"(?:[ \t]?[،,][ \t]?{_WORD}(?: {_WORD}){{0,3}})?"
# Unknown outlet in brackets followed by a dash: «القاهرة (خاص) -».
_BRACKET_OUTLET = re.compile(
    rf"(?P<place>{_PLACE}){_COUNTRY}[ \t]?[-–—ـ]{{0,2}}[ \t]?\([ \t]?(?P<outlet>[^()\n]{{1,30}}?)[ \t]?\)[ \t]?[-–—ـ:|]{{1,3}}"
)
# Unknown outlet after a dash and closed by a bar: «بروكسيل- خليج 24|».
_BAR_OUTLET = re.compile(
    rf"(?P<place>{_PLACE}){_COUNTRY}[ \t]?[-–—ـ]{{1,2}}[ \t]?(?P<outlet>[^\s|:()]{{1,20}}(?: [^\s|:()]{{1,20}}){{0,2}})[ \t]?\|"
)
# Place and country alone before a dash: «دبي، الإمارات العربية المتحدة –».  A bare
# «X - …» is too often a compound («الحدود التركية - السورية») to be read as a dateline.
_PLACE_ONLY = re.compile(
    rf"(?P<place>{_PLACE})[ \t]?[،,][ \t]?{_WORD}(?: {_WORD}){{0,3}}[ \t]?(?:--|[—–]|[ \t][-ـ])[ \t]?(?=\S)"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    text: str
    place: str | None
    outlet: str | None
    outlet_code: str | None
    date: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place,
            "outlet": self.outlet,
            "outlet_code": self.outlet_code,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@lru_cache(maxsize=1)
def _outlet_index() -> tuple[re.Pattern, dict[str, Outlet]]:
    by_key = {o.key: o for o in outlets()}
    alts = []
    for key in sorted(by_key, key=len, reverse=True):
        parts = [re.escape(p) for p in re.split(r"[ .]+", key) if p]
        alts.append(r"[ .]{0,3}".join(parts))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)
    return pattern, by_key


def _outlet_for(surface_key: str) -> Outlet | None:
    _, by_key = _outlet_index()
    compact = re.sub(r"[ .]+", "", surface_key.casefold())
    for key, outlet in by_key.items():
        if re.sub(r"[ .]+", "", key) == compact:
            return outlet
    return None


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of `text`, or None."""
    s0 = len(text) - len(text.lstrip())
    line_end = text.find("\n", s0)
    line_end = len(text) if line_end < 0 else line_end
    wend = min(line_end, s0 + WINDOW)
    window = text[s0:wend]
    if not window:
        return None
    found = _known_outlet(window, at_line_end=wend == line_end) or _framed(window)
    if found is None:
        return None
    start, end, place, outlet_text, outlet = found
    dl_text = window[start:end]
    date = dateline_date(dl_text) if _DIGIT.search(dl_text) else None
    return Dateline(
        start=s0 + start,
        end=s0 + end,
        text=dl_text,
        place=place,
        outlet=outlet_text,
        outlet_code=outlet.code if outlet else None,
        date=date,
    )


def _known_outlet(window: str, at_line_end: bool):
    pattern, _ = _outlet_index()
    view = normalize(window)
    for m in pattern.finditer(view.text):
        if m.start() > MAX_OUTLET_START:
            break
        os_, oe = view.to_original(m.start(), m.end())
        after = _AFTER_OUTLET.match(window, oe)
        if after is None or (after.end() == len(window) and not at_line_end and not after.group().strip()):
            continue
        prefix = window[:os_]
        place_part = _BEFORE_OUTLET.sub("", prefix)
        separated = place_part != prefix or not prefix.strip()
        dated = bool(_DIGIT.search(place_part))
        if not _plausible_place_part(place_part, dated):
            continue
        if not separated and not (dated and after.end() == len(window) and at_line_end):
            continue
        end = len(window[: after.end()].rstrip())
        outlet_surface = window[os_:oe]
        return 0, end, _place(place_part), outlet_surface, _outlet_for(m.group())
    return None


def _plausible_place_part(place_part: str, dated: bool) -> bool:
    words = place_part.split()
    if len(words) > (MAX_DATED_WORDS if dated else MAX_PLACE_WORDS):
        return False
    # A sentence before the outlet («قال … (رويترز)») is not a dateline.
    return not _SENTENCE_PUNCT.search(place_part)


def _place(place_part: str) -> str | None:
    cut = re.split(r"[0-9٠-٩۰-۹،,(\-–—ـ|/:]", place_part, maxsplit=1)[0].strip()
    words = cut.split()
    if not words or len(words) > 4 or _DIGIT.search(cut):
        return None
    return cut


def _framed(window: str):
    """Datelines with an unknown outlet in a clear frame, or a place alone."""
    for regex in (_BRACKET_OUTLET, _BAR_OUTLET):
        m = regex.match(window)
        if m:
            outlet = m.group("outlet").strip()
            return 0, len(m.group().rstrip()), m.group("place"), outlet, _outlet_for(outlet)
    m = _PLACE_ONLY.match(window)
    if m:
        return 0, len(m.group().rstrip()), m.group("place"), None, None
    return None


def dateline_date(text: str) -> str | None:
    """ISO day written in a dateline (Gregorian preferred over Hijri), via marsad.dates."""
    try:
        from marsad.dates import find_dates  # built by the dates helper; optional until it lands
    except ImportError:
        return None
    mentions = [m for m in find_dates(text) if m.value and len(m.value) == 10]
    if not mentions:
        return None
    gregorian = [m for m in mentions if m.calendar == "gregorian"]
    return (gregorian or mentions)[-1].value
