"""The knowledge base's data files (resources/kb/*.tsv): loaded lazily, validated on load.

Every file is a TSV with a header; the first column is the key (unique), the last
column is a non-empty note naming the source.  Errors name the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable

from marsad.arabic import normalize_text


class KbResourceError(ValueError):
    """A packaged knowledge-base data file is malformed."""


@dataclass(frozen=True, slots=True)
class Spec:
    columns: tuple[str, ...]
    check: Callable[[dict[str, str]], str | None] | None = None  # returns an error message or None


def _check_suffix(row: dict[str, str]) -> str | None:
    s = row["suffix"]
    if not (s and normalize_text(s) == s and len(s) <= 3):
        return f"suffix {s!r} is not a short normalised string"
    return None if row["min_stem"].isdigit() and int(row["min_stem"]) >= 2 else f"min_stem {row['min_stem']!r} must be an integer >= 2"


def _check_word(row: dict[str, str]) -> str | None:
    return None if row["word"] and " " not in row["word"] else f"stopword {row['word']!r} must be one word"


def _check_root(row: dict[str, str]) -> str | None:
    if not (len(row["root"]) == 2 and row["root"].isdigit()):
        return f"root {row['root']!r} is not a two-digit CAMEO cue category"
    try:
        g = float(row["goldstein"])
    except ValueError:
        return f"goldstein {row['goldstein']!r} is not a number"
    if not -10.0 <= g <= 10.0:
        return f"goldstein {g} outside [-10, 10]"
    return None if row["quad_class"] in {"1", "2", "3", "4"} else f"quad_class {row['quad_class']!r} not in 1-4"


QUADS = ("VERBAL_COOP", "MATERIAL_COOP", "VERBAL_CONFLICT", "MATERIAL_CONFLICT")


def _check_type(row: dict[str, str]) -> str | None:
    if row["quad"] not in QUADS:
        return f"quad {row['quad']!r} not one of {QUADS}"
    return None if len(row["cameo_root"]) == 2 and row["cameo_root"].isdigit() else f"bad cameo_root {row['cameo_root']!r}"


def _check_actor(row: dict[str, str]) -> str | None:
    return None if row["code"].replace("_", "").isalnum() and row["code"].isupper() else f"bad code {row['code']!r}"


SPECS: dict[str, Spec] = {
    "suffixes.tsv": Spec(("suffix", "min_stem", "note"), _check_suffix),
    "stopwords.tsv": Spec(("word", "note"), _check_word),
    "cameo_roots.tsv": Spec(("root", "name", "goldstein", "quad_class", "note"), _check_root),
    "plover_types.tsv": Spec(("type", "cameo_root", "quad", "note"), _check_type),
    "actor_names.tsv": Spec(("code", "name_en", "name_ar", "note"), _check_actor),
}


def parse_tsv(name: str, text: str) -> list[dict[str, str]]:
    """Parse and validate one data file's text (separate from I/O so tests can feed bad input)."""
    spec = SPECS[name]
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != spec.columns:
        header = "<TAB>".join(spec.columns)
        raise KbResourceError(f"resources/kb/{name}:1: header must be {header}")
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for no, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(spec.columns):
            raise KbResourceError(f"resources/kb/{name}:{no}: {len(cells)} columns, expected {len(spec.columns)}")
        row = dict(zip(spec.columns, (c.strip() for c in cells)))
        if not row[spec.columns[-1]]:
            raise KbResourceError(f"resources/kb/{name}:{no}: empty {spec.columns[-1]} column")
        key = row[spec.columns[0]]
        if key in seen:
            raise KbResourceError(f"resources/kb/{name}:{no}: duplicate entry {key!r}")
        seen.add(key)
        problem = spec.check(row) if spec.check else None
        if problem:
            raise KbResourceError(f"resources/kb/{name}:{no}: {problem}")
        rows.append(row)
    return rows


@lru_cache(maxsize=None)
def load(name: str) -> tuple[dict[str, str], ...]:
    text = resources.files("marsad.resources").joinpath("kb", name).read_text("utf-8")
    return tuple(parse_tsv(name, text))


@lru_cache(maxsize=1)
def suffixes() -> tuple[tuple[str, int], ...]:
    """Light suffixes with the shortest stem they may leave, longest suffix first."""
    rows = sorted(load("suffixes.tsv"), key=lambda r: len(r["suffix"]), reverse=True)
    return tuple((r["suffix"], int(r["min_stem"])) for r in rows)


@lru_cache(maxsize=1)
def cameo_roots() -> dict[str, dict[str, str]]:
    return {r["root"]: r for r in load("cameo_roots.tsv")}


@lru_cache(maxsize=1)
def plover_types() -> dict[str, dict[str, str]]:
    return {r["type"]: r for r in load("plover_types.tsv")}


@lru_cache(maxsize=1)
def actor_names() -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in load("actor_names.tsv")}
