"""Matching keys for surfaces and actors: normalised, clitic-free readings.

Gold mentions are written without attached conjunction/preposition clitics
("قطر" for "لقطر"), system mentions are spans of the text and keep them, so a
system surface is compared through every clitic-free reading that
`marsad.arabic.strip_clitics` gives, after `normalize_text`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.arabic import normalize_text, strip_clitics

_SPACE_RE = re.compile(r"\s+")
# Quotes and brackets that a recogniser may or may not include in a span; they never
# distinguish two entities.
_EDGE_PUNCT = "\"'«»“”„‘’()[]{}<>.,،؛:;!?؟-–—_/\\ "


def gold_form(text: str) -> str:
    """The key of a gold mention: normalised, whitespace collapsed, edge punctuation off."""
    return _SPACE_RE.sub(" ", normalize_text(text)).strip(_EDGE_PUNCT)


@lru_cache(maxsize=65_536)
def surface_forms(text: str) -> frozenset[str]:
    """Every normalised clitic-free reading of a system surface.

    Besides `strip_clitics` readings, a fused «لل» (ل + ال) is read back as «ال»:
    «للأمم المتحدة» → «الامم المتحده», which is how a gold mention writes it
    when the clitic-free form occurs elsewhere in the article.
    """
    base = gold_form(text)
    if not base:
        return frozenset()
    out: set[str] = set()
    for reading in strip_clitics(base):
        out.add(reading)
        if reading.startswith("لل") and len(reading) > 3:
            out.add("ال" + reading[2:])
    return frozenset(out)


def surface_key(text: str) -> str:
    """One stable grouping key for a surface: its shortest reading (clitics and ال off)."""
    forms = surface_forms(text)
    return min(forms, key=lambda f: (len(f), f)) if forms else ""


@lru_cache(maxsize=65_536)
def actor_forms(actor: str) -> frozenset[str]:
    """Keys of one event participant: a code (ASCII, case-folded) or an Arabic name's readings."""
    a = actor.strip()
    if a.isascii():
        return frozenset({a.upper()}) if a else frozenset()
    return surface_forms(a)


def actors_overlap(gold: list[str], system: list[str]) -> bool:
    """True when some gold participant and some system participant share a key."""
    gkeys: set[str] = set()
    for a in gold:
        gkeys |= actor_forms(a)
    return any(actor_forms(a) & gkeys for a in system)
