"""Loaders for the ingest data files (resources/ingest/*.tsv), validated on load.

Arabic knowledge (boilerplate patterns, outlet names, day words) lives in TSV files;
this module reads them, checks every line and raises `ResourceError` naming the file
and line of any bad entry.  Loaders are `lru_cache`d so stages stay cheap to pickle.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources

from marsad.arabic import normalize_text

PACKAGE = "marsad.resources"
AREA = "ingest"


class ResourceError(ValueError):
    """A packaged ingest data file is malformed."""


class RuleKind(str, Enum):
    LINE = "line"
    PREFIX = "prefix"
    REGEX = "regex"
    BLOCK = "block"


class DayKind(str, Enum):
    WEEKDAY = "weekday"
    RELATIVE = "relative"


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    id: str
    kind: RuleKind
    pattern: str  # as written in the file
    key: str  # normalised form (for line/prefix/block)
    regex: re.Pattern | None
    note: str


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    code: str
    key: str  # normalised, casefolded
    note: str


@dataclass(frozen=True, slots=True)
class DayWord:
    word: str
    kind: DayKind
    value: int
    key: str
    note: str


def match_key(text: str) -> str:
    """The form lines and patterns are compared in: normalised Arabic, casefolded Latin,
    single spaces."""
    return " ".join(normalize_text(text).casefold().split())


# A quantifier applied to a group that itself contains a quantifier is the shape of
# catastrophic backtracking ((a+)+, (a|a*)*); such patterns are refused outright.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*(?<!\\)[*+}](?:[^()\\]|\\.)*\)[*+{]")


def check_regex_safety(pattern: str) -> None:
    if _NESTED_QUANTIFIER.search(pattern):
        raise ValueError("nested quantifier (catastrophic backtracking risk)")
    if re.search(r"(?<!\\)\.[*+](?!\?)", pattern):
        raise ValueError("unbounded '.*' or '.+'; use a bounded repeat such as .{0,40}")


def parse_tsv(text: str, name: str, columns: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != columns:
                raise ResourceError(f"{name}:{lineno}: header must be {'<TAB>'.join(columns)}, got {line!r}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise ResourceError(f"{name}:{lineno}: expected {len(columns)} tab-separated fields, got {len(fields)}")
        if any(not f.strip() for f in fields):
            raise ResourceError(f"{name}:{lineno}: empty field (every entry needs a value and a note)")
        rows.append((lineno, fields))
    if not header_seen:
        raise ResourceError(f"{name}: no header line")
    return rows


def parse_boilerplate(text: str, name: str = "boilerplate.tsv") -> tuple[BoilerplateRule, ...]:
    rules: list[BoilerplateRule] = []
    seen: set[str] = set()
    for lineno, (rid, kind, pattern, note) in parse_tsv(text, name, ("id", "kind", "pattern", "note")):
        if rid in seen:
            raise ResourceError(f"{name}:{lineno}: duplicate rule id {rid!r}")
        seen.add(rid)
        try:
            rkind = RuleKind(kind)
        except ValueError:
            raise ResourceError(f"{name}:{lineno}: unknown kind {kind!r}") from None
        regex = None
        if rkind is RuleKind.REGEX:
            key = normalize_text(pattern).casefold()
            try:
                check_regex_safety(key)
                regex = re.compile(key)
            except (re.error, ValueError) as err:
                raise ResourceError(f"{name}:{lineno}: bad regex for {rid!r}: {err}") from None
        else:
            key = match_key(pattern)
        rules.append(BoilerplateRule(rid, rkind, pattern, key, regex, note))
    return tuple(rules)


def parse_outlets(text: str, name: str = "outlets.tsv") -> tuple[Outlet, ...]:
    out: list[Outlet] = []
    seen: set[str] = set()
    for lineno, (oname, code, note) in parse_tsv(text, name, ("name", "code", "note")):
        key = match_key(oname)
        if key in seen:
            raise ResourceError(f"{name}:{lineno}: duplicate outlet {oname!r}")
        seen.add(key)
        out.append(Outlet(oname, code, key, note))
    return tuple(out)


def parse_day_words(text: str, name: str = "day_words.tsv") -> tuple[DayWord, ...]:
    out: list[DayWord] = []
    for lineno, (word, kind, value, note) in parse_tsv(text, name, ("word", "kind", "value", "note")):
        try:
            dkind = DayKind(kind)
            ival = int(value)
        except ValueError:
            raise ResourceError(f"{name}:{lineno}: bad kind/value {kind!r}/{value!r}") from None
        if dkind is DayKind.WEEKDAY and not 1 <= ival <= 7:
            raise ResourceError(f"{name}:{lineno}: weekday must be 1..7, got {ival}")
        out.append(DayWord(word, dkind, ival, match_key(word), note))
    return tuple(out)


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    return parse_boilerplate(_read("boilerplate.tsv"), "boilerplate.tsv")


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    return parse_outlets(_read("outlets.tsv"), "outlets.tsv")


@lru_cache(maxsize=1)
def day_words() -> tuple[DayWord, ...]:
    return parse_day_words(_read("day_words.tsv"), "day_words.tsv")


def _read(name: str) -> str:
    return resources.files(PACKAGE).joinpath(f"{AREA}/{name}").read_text("utf-8")


DATA_FILES = {
    "boilerplate.tsv": parse_boilerplate,
    "outlets.tsv": parse_outlets,
    "day_words.tsv": parse_day_words,
}
