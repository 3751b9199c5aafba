"""Word forms by rule: verb inflection, noun forms, and clitic readings of a token.

The lexicon lists a verb once (perfect and imperfect 3rd person masculine singular)
and a verbal noun once; the person/number/gender affixes and the object pronouns
are generated here, so «وقعت», «وقعوا», «وقعته», «توقع», «يوقعون» all come from
«وقع|يوقع».  All strings are in normalised form (marsad.arabic.normalize).

Unvocalised text does not distinguish the passive (وُقّع) from the active (وقّع):
the same letters match, and argument rules decide who acted.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntFlag
from functools import lru_cache

from marsad.arabic.normalize import normalize_text
from marsad.arabic.tokenize import clitic_data


class FormKind(str, Enum):
    PERFECT = "perfect"
    IMPERFECT = "imperfect"
    NOUN = "noun"


class Clitic(IntFlag):
    """Proclitics stripped from a token before the lexicon lookup."""

    NONE = 0
    CONJ = 1  # و ف
    PREP_B = 2  # ب
    PREP_L = 4  # ل (with an imperfect or a verbal noun: purpose, «لافتتاح»)
    PREP_K = 8  # ك
    DEF = 16  # ال
    FUTURE = 32  # س + imperfect


PERFECT_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "تما", "تن")
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
IMPERFECT_SUFFIXES = ("", "ون", "ان", "ين", "ن", "وا", "ا")
OBJECT_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ني")


def _with_objects(word: str) -> list[str]:
    out = []
    for obj in OBJECT_SUFFIXES:
        # The plural «وا» loses its alif before an object pronoun: وقعوا → وقعوه.
        base = word[:-1] if obj and word.endswith("وا") else word
        out.append(base + obj)
    return out


def perfect_forms(stem: str) -> set[str]:
    out: set[str] = set()
    for suf in PERFECT_SUFFIXES:
        out.update(_with_objects(stem + suf))
    return out


def imperfect_forms(stem: str) -> set[str]:
    """Forms of an imperfect given as its 3ms (يوقع); the person prefix is regenerated."""
    core = stem[1:] if stem.startswith("ي") else stem
    out: set[str] = set()
    for pre in IMPERFECT_PREFIXES:
        for suf in IMPERFECT_SUFFIXES:
            out.update(_with_objects(pre + core + suf))
    return out


def noun_forms(noun: str) -> set[str]:
    """Singular, accusative, dual, sound plural and possessive forms of a noun."""
    out = {noun}
    if noun.endswith("ه"):  # ta marbuta (normalised): زياره → زيارتان، زيارته
        stem = noun[:-1] + "ت"
        bases = [stem, stem + "ان", stem + "ين", noun[:-1] + "ات"]
        out.update({noun[:-1] + "ات"})
    else:
        bases = [noun, noun + "ان", noun + "ين", noun + "ات"]
        if not noun.endswith(("ا", "ي")):
            out.add(noun + "ا")
    for b in bases:
        out.update(_with_objects(b))
    if noun.endswith("اء"):
        # A final hamza is written on a ya before a suffix (لقائها), normalised to ي: لقايها.
        out.update(_with_objects(noun[:-1] + "ي")[1:])
    if noun.endswith("ات"):
        out.update(_with_objects(noun))
    out.discard("")
    return out


@dataclass(frozen=True, slots=True)
class VerbSpec:
    perfect: tuple[str, ...]
    imperfect: tuple[str, ...]


class FormSpecError(ValueError):
    pass


def parse_verb_spec(spec: str) -> VerbSpec:
    """'وقع|يوقع' or 'التقى,التق|يلتقي,يلتق' (either side may be empty)."""
    if spec.count("|") != 1:
        raise FormSpecError(f"verb spec {spec!r} needs exactly one '|' between perfect and imperfect")
    perf, imperf = spec.split("|")
    p = tuple(normalize_text(s.strip()) for s in perf.split(",") if s.strip())
    i = tuple(normalize_text(s.strip()) for s in imperf.split(",") if s.strip())
    if not p and not i:
        raise FormSpecError(f"verb spec {spec!r} is empty")
    for s in i:
        if not s.startswith("ي"):
            raise FormSpecError(f"imperfect {s!r} must be given in the 3ms form (يـ)")
    return VerbSpec(p, i)


def verb_forms(spec: VerbSpec) -> dict[str, FormKind]:
    out: dict[str, FormKind] = {}
    for s in spec.imperfect:
        for f in imperfect_forms(s):
            out[f] = FormKind.IMPERFECT
    for s in spec.perfect:  # perfect wins a collision: the 3ms perfect is the commoner reading
        for f in perfect_forms(s):
            out[f] = FormKind.PERFECT
    return out


@dataclass(frozen=True, slots=True)
class Reading:
    """One clitic-stripped reading of a token."""

    form: str
    clitics: Clitic


def _protected(norm: str) -> bool:
    """Words whose first letter is a root letter, not a conjunction («وزارة», «فرض»)."""
    data = clitic_data()
    return norm in data.protected_words or norm.startswith(data.protected_prefixes)


@lru_cache(maxsize=100_000)
def readings(norm: str) -> tuple[Reading, ...]:
    """Every plausible clitic-free reading of a normalised token, least stripped first."""
    out: list[Reading] = [Reading(norm, Clitic.NONE)]
    layer = [(norm, Clitic.NONE)]
    if len(norm) > 3 and norm[0] in "وف" and not _protected(norm):
        layer.append((norm[1:], Clitic.CONJ))
    for w, fl in list(layer):
        if len(w) > 3 and w.startswith("لل"):
            layer.append((w[2:], fl | Clitic.PREP_L | Clitic.DEF))
        if len(w) > 3 and w[0] in "بلك":
            flag = {"ب": Clitic.PREP_B, "ل": Clitic.PREP_L, "ك": Clitic.PREP_K}[w[0]]
            layer.append((w[1:], fl | flag))
        if len(w) > 4 and w[0] == "س" and w[1] in "يتن":
            layer.append((w[1:], fl | Clitic.FUTURE))
    for w, fl in list(layer):
        if len(w) > 4 and w.startswith("ال"):
            layer.append((w[2:], fl | Clitic.DEF))
    seen = {norm}
    for w, fl in layer[1:]:
        if w not in seen:
            seen.add(w)
            out.append(Reading(w, fl))
    return tuple(out)


def allowed(kind: FormKind, clitics: Clitic) -> bool:
    """Which proclitics a form class can carry (verbs take no article, nouns no future)."""
    if kind is FormKind.NOUN:
        return not clitics & Clitic.FUTURE
    if clitics & (Clitic.DEF | Clitic.PREP_B | Clitic.PREP_K):
        return False
    if kind is FormKind.PERFECT:
        return not clitics & (Clitic.FUTURE | Clitic.PREP_L)
    return True
