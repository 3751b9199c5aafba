"""The actor registry: states, cities, organisations, persons and the words that
signal them (demonyms, organ heads, titles …), loaded from resources/actors/.

Every file is validated on load (`RegistryError` names file and line).  The
loaded `Registry` also builds the gazetteer lexicon: normalised token tuples →
entries, which `marsad.actors.matcher` scans for.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.actors.tsv import RegistryError, Row, load_tsv, split_names
from marsad.arabic.normalize import normalize_text
from marsad.arabic.tokenize import tokenize

# ISO 3166-1 has no Kosovo (XKX, the user-assigned code in common use) nor former states.
EXTRA_STATE_CODES = frozenset({"XKX", "SUN"})  # SUN: the Soviet Union (ISO 3166-3)
ARTICLE = "ال"


class Kind(enum.Enum):
    STATE = "state"
    CITY = "city"
    ORG = "org"  # international organisation or named group
    PLACE = "place"  # LOC / regional GPE without a code
    PERSON = "person"
    DEMONYM = "demonym"
    ORGAN = "organ"
    MODIFIER = "modifier"
    UNIT = "unit"
    FACILITY = "facility"
    FACILITY_SUFFIX = "facility_suffix"
    TITLE = "title"
    GIVEN_NAME = "given_name"
    STOPWORD = "stopword"
    NAME_HEAD = "name_head"  # «محافظة», «حزب», «مطار»: a noun that introduces a name


class Extent(enum.Enum):
    """How far the name after a head noun reaches (see marsad.actors.heads)."""

    NAME = "name"  # one name: a gazetteer name, one word, a بن/أبو chain (places, facilities)
    PHRASE = "phrase"  # a bounded genitive/adjective chain (organisations)
    BRAND = "brand"  # a foreign or brand name of up to two words (companies, media)


# Kinds that name a real-world entity: an alias may point to only one of them
# unless tiebreak.tsv says which wins.
NAME_KINDS = frozenset({Kind.STATE, Kind.CITY, Kind.ORG, Kind.PLACE, Kind.PERSON})

ORGAN_KINDS = {"organ": Kind.ORGAN, "modifier": Kind.MODIFIER, "unit": Kind.UNIT,
               "facility": Kind.FACILITY, "facility_suffix": Kind.FACILITY_SUFFIX}


@dataclass(frozen=True, slots=True)
class Entry:
    kind: Kind
    etype: str | None  # PER ORG GPE LOC FAC, for name kinds
    code: str | None  # actor code (a city's country for CITY, a demonym's state …)
    label: str  # the alias as written in the data file
    capital: bool = False  # CITY: the capital of `code` (may stand for the state)
    role_kind: str = ""  # TITLE: title | role | honorific
    extent: Extent | None = None  # NAME_HEAD: how far its name reaches
    stateful: bool = False  # NAME_HEAD: a demonym after the name gives the actor («هيئة … الإيرانية»)
    bare: bool = False  # NAME_HEAD: the mention is the name alone («حجة» of «محافظة حجة»)


@dataclass
class Registry:
    states: dict[str, str] = field(default_factory=dict)  # code -> Arabic name
    organisations: dict[str, str] = field(default_factory=dict)  # code -> English name
    anaphors: dict[str, frozenset[str]] = field(default_factory=dict)  # norm word -> codes
    lexicon: dict[tuple[str, ...], tuple[Entry, ...]] = field(default_factory=dict)
    tiebreak: dict[tuple[str, ...], str] = field(default_factory=dict)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self.states) | frozenset(self.organisations)

    def lookup(self, surface: str) -> tuple[Entry, ...]:
        return self.lexicon.get(key_of(surface), ())

    def first(self, surface: str, *kinds: Kind) -> Entry | None:
        for e in self.lookup(surface):
            if e.kind in kinds:
                return e
        return None


@lru_cache(maxsize=20_000)
def key_of(surface: str) -> tuple[str, ...]:
    """The lexicon key of a surface form: its tokens' normalised forms."""
    return tuple(t.norm for t in tokenize(surface) if t.norm)


# -- loading ------------------------------

def _valid_state_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_STATE_CODES


def _check_state(row: Row, code: str, states: dict[str, str]) -> None:
    if code not in states:
        raise row.fail(f"unknown state code {code!r} (not in states.tsv)")


def _add(entries: list[tuple[Row, str, Entry]], row: Row, surface: str, entry: Entry) -> None:
    if not key_of(surface):
        raise row.fail(f"alias {surface!r} has no tokens")
    entries.append((row, surface, entry))


def _load_states(reg: Registry, entries: list) -> None:
    valid = _valid_state_codes()
    for row in load_tsv("states.tsv", ("code", "alpha2", "name", "source")):
        code = row["code"]
        if code not in valid:
            raise row.fail(f"{code!r} is not an ISO 3166-1 alpha-3 code")
        if code in reg.states:
            raise row.fail(f"duplicate state code {code!r}")
        reg.states[code] = row["name"]
        _add(entries, row, row["name"], Entry(Kind.STATE, "GPE", code, row["name"]))
    for row in load_tsv("state_names.tsv", ("code", "name", "kind", "source")):
        _check_state(row, row["code"], reg.states)
        _add(entries, row, row["name"], Entry(Kind.STATE, "GPE", row["code"], row["name"]))


def _load_cities(reg: Registry, entries: list) -> None:
    for row in load_tsv("cities.tsv", ("name", "country", "capital", "source")):
        _check_state(row, row["country"], reg.states)
        if row["capital"] not in ("0", "1"):
            raise row.fail("capital must be 0 or 1")
        for name in split_names(row["name"]):
            e = Entry(Kind.CITY, "GPE", row["country"], name, capital=row["capital"] == "1")
            _add(entries, row, name, e)
    hand = {key_of(s) for _, s, e in entries if e.kind is Kind.CITY}
    for row in load_tsv("cldr_cities.tsv", ("name", "country", "source")):
        _check_state(row, row["country"], reg.states)
        if key_of(row["name"]) not in hand:  # the hand-written file knows capitals
            _add(entries, row, row["name"], Entry(Kind.CITY, "GPE", row["country"], row["name"]))


def _load_organisations(reg: Registry, entries: list) -> None:
    anaphors: dict[str, set[str]] = {}
    for row in load_tsv("organisations.tsv", ("code", "kind", "name_en", "names", "source")):
        code = row["code"]
        if code in reg.organisations or code in reg.states:
            raise row.fail(f"duplicate actor code {code!r}")
        if not code.replace("_", "").isalpha() or not code.isupper():
            raise row.fail(f"actor code {code!r} must be upper-case letters and _")
        reg.organisations[code] = row["name_en"]
        names = split_names(row["names"])
        if len({key_of(n) for n in names}) != len(names):
            raise row.fail("the same name is listed twice")
        for name in names:
            _add(entries, row, name, Entry(Kind.ORG, "ORG", code, name))
        for word in split_names(row.fields.get("anaphors", "")):
            anaphors.setdefault(normalize_text(word), set()).add(code)
    reg.anaphors = {w: frozenset(c) for w, c in anaphors.items()}
    # Named institutions, media, companies and parties: ORG, with a code only when
    # they stand for a state or a registered organisation («البيت الأبيض» → USA).
    for row in load_tsv("named_orgs.tsv", ("names", "source")):
        code = row["actor"] or None
        if code is not None and code not in reg.states and code not in reg.organisations:
            raise row.fail(f"unknown actor code {code!r}")
        for name in split_names(row["names"]):
            _add(entries, row, name, Entry(Kind.ORG, "ORG", code, name))


def _load_people(reg: Registry, entries: list) -> None:
    for row in load_tsv("persons.tsv", ("name", "affiliation", "source")):
        aff = row["affiliation"]
        if aff not in reg.states and aff not in reg.organisations:
            raise row.fail(f"unknown affiliation {aff!r}")
        for name in [row["name"], *split_names(row.fields.get("aliases", ""))]:
            _add(entries, row, name, Entry(Kind.PERSON, "PER", aff, row["name"]))
    for row in load_tsv("given_names.tsv", ("name", "source")):
        _add(entries, row, row["name"], Entry(Kind.GIVEN_NAME, None, None, row["name"]))


def _load_words(reg: Registry, entries: list) -> None:
    for row in load_tsv("demonyms.tsv", ("code", "form", "inflect", "source")):
        _check_state(row, row["code"], reg.states)
        if row["inflect"] not in ("0", "1"):
            raise row.fail("inflect must be 0 or 1")
        forms = inflect_demonym(row["form"]) if row["inflect"] == "1" else [row["form"]]
        for form in forms:
            _add(entries, row, form, Entry(Kind.DEMONYM, None, row["code"], row["form"]))
    for row in load_tsv("organs.tsv", ("head", "kind", "source")):
        kind = ORGAN_KINDS.get(row["kind"])
        if kind is None:
            raise row.fail(f"unknown kind {row['kind']!r} (one of {sorted(ORGAN_KINDS)})")
        _add(entries, row, row["head"], Entry(kind, None, None, row["head"]))
    for row in load_tsv("titles.tsv", ("title", "kind", "source")):
        if row["kind"] not in ("title", "role", "honorific"):
            raise row.fail("kind must be title, role or honorific")
        _add(entries, row, row["title"], Entry(Kind.TITLE, None, None, row["title"], role_kind=row["kind"]))
    for row in load_tsv("locations.tsv", ("name", "type", "source")):
        if row["type"] not in ("LOC", "GPE"):
            raise row.fail("type must be LOC or GPE")
        _add(entries, row, row["name"], Entry(Kind.PLACE, row["type"], None, row["name"]))
    for row in load_tsv("name_heads.tsv", ("head", "type", "extent", "mention", "stateful", "source")):
        if row["type"] not in ("GPE", "LOC", "FAC", "ORG"):
            raise row.fail("type must be GPE, LOC, FAC or ORG")
        try:
            extent = Extent(row["extent"])
        except ValueError:
            raise row.fail(f"extent must be one of {[e.value for e in Extent]}") from None
        if row["stateful"] not in ("0", "1"):
            raise row.fail("stateful must be 0 or 1")
        if row["mention"] not in ("full", "name"):
            raise row.fail("mention must be full (head and name) or name (the name alone)")
        entry = Entry(Kind.NAME_HEAD, row["type"], None, row["head"], extent=extent,
                      stateful=row["stateful"] == "1", bare=row["mention"] == "name")
        _add(entries, row, row["head"], entry)
    for row in load_tsv("stopwords.tsv", ("word", "source")):
        _add(entries, row, row["word"], Entry(Kind.STOPWORD, None, None, row["word"]))


def inflect_demonym(base: str) -> list[str]:
    """Every inflection of a nisba adjective (masc. sg. base, e.g. «قطري»).

    Feminine -ة, sound plurals -ون/-ين (masc.) and -ات (fem.), each with and
    without the article: قطري قطرية قطريون قطريين قطريات القطري القطرية …
    """
    forms = [base, base + "ة", base + "ون", base + "ين", base + "ات"]
    return forms + [ARTICLE + f for f in forms]


def _load_tiebreak(reg: Registry) -> dict[tuple[str, ...], Row]:
    rows = {}
    for row in load_tsv("tiebreak.tsv", ("alias", "code", "reason")):
        key = key_of(row["alias"])
        if key in rows:
            raise row.fail(f"duplicate tie-break for {row['alias']!r}")
        if row["code"] not in reg.codes:
            raise row.fail(f"unknown code {row['code']!r}")
        reg.tiebreak[key] = row["code"]
        rows[key] = row
    return rows


def _build_lexicon(reg: Registry, entries: list[tuple[Row, str, Entry]]) -> None:
    tie_rows = _load_tiebreak(reg)
    lex: dict[tuple[str, ...], list[Entry]] = {}
    first_row: dict[tuple[str, ...], Row] = {}
    for row, surface, entry in entries:
        key = key_of(surface)
        bucket = lex.setdefault(key, [])
        if entry in bucket:
            continue  # the same alias listed twice for the same actor (e.g. CLDR and a variant)
        bucket.append(entry)
        first_row.setdefault(key, row)
    for key, bucket in lex.items():
        names = {(e.kind, e.code) for e in bucket if e.kind in NAME_KINDS and e.kind is not Kind.PERSON}
        codes = {c for _, c in names}
        if len(codes) > 1:
            winner = reg.tiebreak.get(key)
            if winner is None:
                raise first_row[key].fail(
                    f"alias {' '.join(key)!r} points to {sorted(map(str, codes))} and has no entry in tiebreak.tsv"
                )
            if winner not in codes:
                raise tie_rows[key].fail(f"tie-break code {winner!r} is none of {sorted(map(str, codes))}")
            bucket[:] = [e for e in bucket if e.kind not in NAME_KINDS or e.code == winner or e.kind is Kind.PERSON]
        # A state and its same-named capital: the state reading wins (documented in tiebreak.tsv).
        kinds = {e.kind for e in bucket}
        if Kind.STATE in kinds and Kind.CITY in kinds:
            bucket[:] = [e for e in bucket if e.kind is not Kind.CITY]
        reg.lexicon[key] = tuple(bucket)


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The packaged registry (loaded and validated once per process)."""
    reg = Registry()
    entries: list[tuple[Row, str, Entry]] = []
    _load_states(reg, entries)
    _load_cities(reg, entries)
    _load_organisations(reg, entries)
    _load_people(reg, entries)
    _load_words(reg, entries)
    _build_lexicon(reg, entries)
    return reg


__all__ = ["Entry", "Extent", "Kind", "Registry", "RegistryError", "inflect_demonym", "key_of", "registry"]
