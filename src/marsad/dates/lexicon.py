"""Date lexicons: month names, weekdays, numbers, relative phrases, cue words, named days.

Arabic knowledge lives in TSV files under `marsad/resources/dates/`; this module
only reads and validates them.  Every file has a header row and a `note` column;
lines starting with `#` are comments.  Forms are folded with
`marsad.arabic.normalize_text` on load, because the scanner matches the
normalised view of the text.  A malformed row raises `LexiconError` naming the
file and line.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.arabic.normalize import normalize_text

RESOURCE_DIR = "dates"

FILES = (
    "gregorian_months.tsv",
    "hijri_months.tsv",
    "weekdays.tsv",
    "numbers.tsv",
    "relative.tsv",
    "cues.tsv",
    "named_dates.tsv",
)


class LexiconError(ValueError):
    """A date resource file is malformed (the message names the file and line)."""


class Unit(enum.Enum):
    DAY = "day"
    WEEK = "week"  # a calendar week (Saturday–Friday): its month, omitted when it straddles two
    WEEK_START = "week_start"  # the first days of a calendar week («مطلع الأسبوع»)
    WEEK_END = "week_end"  # the last days of a calendar week («نهاية الأسبوع»)
    WEEK_POINT = "week_point"  # a point n weeks away («قبل أسبوع»): the month of anchor ± 7n days
    MONTH = "month"
    YEAR = "year"


class CueRole(enum.Enum):
    PAST_MODIFIER = "past_modifier"
    FUTURE_MODIFIER = "future_modifier"
    CURRENT_MODIFIER = "current_modifier"
    MONTH_PART = "month_part"
    FUTURE_CUE = "future_cue"
    FUTURE_PREFIX_EXCEPTION = "future_prefix_exception"
    NOT_TODAY_AFTER = "not_today_after"
    NOT_TODAY_BEFORE = "not_today_before"
    YEAR_CUE = "year_cue"
    QUANTITY_CUE = "quantity_cue"
    QUANTITY_NOUN = "quantity_noun"
    CLOCK_AFTER = "clock_after"
    HISTORIC_NOUN = "historic_noun"
    CLAUSE_BREAK = "clause_break"
    THEN_CONTRAST = "then_contrast"
    NAME_HEAD = "name_head"


@dataclass(frozen=True, slots=True)
class RelativePhrase:
    unit: Unit
    offset: int


@dataclass(frozen=True, slots=True)
class NamedDate:
    calendar: str  # gregorian | hijri
    month: int
    day: int
    year: int | None  # fixed (historic) year, or None for an annual day


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All date vocabulary, keyed by normalised form."""

    gregorian: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    cardinals: dict[str, int]
    relative: dict[str, RelativePhrase]
    cues: dict[CueRole, frozenset[str]]
    named: dict[str, NamedDate]

    def cue(self, role: CueRole) -> frozenset[str]:
        return self.cues.get(role, frozenset())


# -- reading ------------------------------


def read_rows(name: str, text: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a TSV resource; checks header and column count."""
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header) != columns:
                raise LexiconError(f"{name}:{lineno}: header {header} is not {list(columns)}")
            continue
        if len(cells) != len(header):
            raise LexiconError(f"{name}:{lineno}: {len(cells)} columns, expected {len(header)}")
        row = dict(zip(header, (c.strip() for c in cells)))
        if not row["note"]:
            raise LexiconError(f"{name}:{lineno}: empty note (every entry needs a source or note)")
        rows.append((lineno, row))
    if header is None:
        raise LexiconError(f"{name}: no header row")
    return rows


def _int(name: str, lineno: int, value: str, lo: int, hi: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise LexiconError(f"{name}:{lineno}: {value!r} is not an integer") from None
    if not lo <= n <= hi:
        raise LexiconError(f"{name}:{lineno}: {n} outside [{lo}, {hi}]")
    return n


def _form(name: str, lineno: int, raw: str) -> str:
    form = " ".join(normalize_text(raw).split())
    if not form:
        raise LexiconError(f"{name}:{lineno}: empty form")
    return form


def _put(table: dict, name: str, lineno: int, key: str, value) -> None:
    """Insert; a folded duplicate is fine only when it means the same thing."""
    if key in table and table[key] != value:
        raise LexiconError(f"{name}:{lineno}: {key!r} already means {table[key]!r}, not {value!r}")
    table[key] = value


def _read(name: str) -> str:
    return resources.files("marsad.resources").joinpath(f"{RESOURCE_DIR}/{name}").read_text("utf-8")


# -- parsing each file ------------------------------


def parse_gregorian(name: str, text: str) -> tuple[dict[str, int], frozenset[str]]:
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    for lineno, row in read_rows(name, text, ("form", "month", "system", "ambiguous", "note")):
        form = _form(name, lineno, row["form"])
        _put(months, name, lineno, form, _int(name, lineno, row["month"], 1, 12))
        if row["system"] not in ("egyptian", "levantine", "maghrebi"):
            raise LexiconError(f"{name}:{lineno}: unknown system {row['system']!r}")
        if row["ambiguous"] not in ("yes", "no"):
            raise LexiconError(f"{name}:{lineno}: ambiguous must be yes/no, not {row['ambiguous']!r}")
        if row["ambiguous"] == "yes":
            ambiguous.add(form)
    return months, frozenset(ambiguous)


def parse_simple(name: str, text: str, value_col: str, lo: int, hi: int) -> dict[str, int]:
    table: dict[str, int] = {}
    for lineno, row in read_rows(name, text, ("form", value_col, "note")):
        _put(table, name, lineno, _form(name, lineno, row["form"]), _int(name, lineno, row[value_col], lo, hi))
    return table


def parse_numbers(name: str, text: str) -> tuple[dict[str, int], dict[str, int]]:
    ordinals: dict[str, int] = {}
    cardinals: dict[str, int] = {}
    for lineno, row in read_rows(name, text, ("form", "value", "kind", "note")):
        table = {"ordinal": ordinals, "cardinal": cardinals}.get(row["kind"])
        # Ordinals name days (1–31); cardinals count units, tens included («خمسة وتسعين»).
        value = _int(name, lineno, row["value"], 1, 31 if table is ordinals else 100)
        if table is None:
            raise LexiconError(f"{name}:{lineno}: kind must be ordinal/cardinal, not {row['kind']!r}")
        _put(table, name, lineno, _form(name, lineno, row["form"]), value)
    return ordinals, cardinals


def parse_relative(name: str, text: str) -> dict[str, RelativePhrase]:
    table: dict[str, RelativePhrase] = {}
    for lineno, row in read_rows(name, text, ("phrase", "unit", "offset", "note")):
        try:
            unit = Unit(row["unit"])
        except ValueError:
            raise LexiconError(f"{name}:{lineno}: unknown unit {row['unit']!r}") from None
        offset = _int(name, lineno, row["offset"], -100, 100)
        _put(table, name, lineno, _form(name, lineno, row["phrase"]), RelativePhrase(unit, offset))
    return table


def parse_cues(name: str, text: str) -> dict[CueRole, frozenset[str]]:
    cues: dict[CueRole, set[str]] = {}
    for lineno, row in read_rows(name, text, ("form", "role", "note")):
        try:
            role = CueRole(row["role"])
        except ValueError:
            raise LexiconError(f"{name}:{lineno}: unknown role {row['role']!r}") from None
        cues.setdefault(role, set()).add(_form(name, lineno, row["form"]))
    return {role: frozenset(words) for role, words in cues.items()}


def parse_named(name: str, text: str) -> dict[str, NamedDate]:
    table: dict[str, NamedDate] = {}
    for lineno, row in read_rows(name, text, ("phrase", "calendar", "month", "day", "year", "note")):
        if row["calendar"] not in ("gregorian", "hijri"):
            raise LexiconError(f"{name}:{lineno}: calendar must be gregorian/hijri, not {row['calendar']!r}")
        year = None if row["year"] == "-" else _int(name, lineno, row["year"], 1, 3000)
        named = NamedDate(
            row["calendar"],
            _int(name, lineno, row["month"], 1, 12),
            _int(name, lineno, row["day"], 1, 31),
            year,
        )
        _put(table, name, lineno, _form(name, lineno, row["phrase"]), named)
    return table


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    gregorian, ambiguous = parse_gregorian("gregorian_months.tsv", _read("gregorian_months.tsv"))
    ordinals, cardinals = parse_numbers("numbers.tsv", _read("numbers.tsv"))
    return Lexicon(
        gregorian=gregorian,
        ambiguous_months=ambiguous,
        hijri=parse_simple("hijri_months.tsv", _read("hijri_months.tsv"), "month", 1, 12),
        weekdays=parse_simple("weekdays.tsv", _read("weekdays.tsv"), "weekday", 0, 6),
        ordinals=ordinals,
        cardinals=cardinals,
        relative=parse_relative("relative.tsv", _read("relative.tsv")),
        cues=parse_cues("cues.tsv", _read("cues.tsv")),
        named=parse_named("named_dates.tsv", _read("named_dates.tsv")),
    )


def validate_file(name: str) -> None:
    """Parse one resource file (used by the parametrised resource test)."""
    text = _read(name)
    parsers = {
        "gregorian_months.tsv": lambda: parse_gregorian(name, text),
        "hijri_months.tsv": lambda: parse_simple(name, text, "month", 1, 12),
        "weekdays.tsv": lambda: parse_simple(name, text, "weekday", 0, 6),
        "numbers.tsv": lambda: parse_numbers(name, text),
        "relative.tsv": lambda: parse_relative(name, text),
        "cues.tsv": lambda: parse_cues(name, text),
        "named_dates.tsv": lambda: parse_named(name, text),
    }
    parsers[name]()
