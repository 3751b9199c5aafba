"""The tagger's entity types, BIO helpers, and the NewsFANE type map (a data file).

Our types are PER ORG GPE LOC FAC (gold GUIDELINES).  Corpora with other
inventories are mapped onto them: the NewsFANE map lives in
resources/ner/newsfane_map.tsv (one row per NewsFANE type, with a note), the
two small ANERcorp and Wojood maps are fixed by their corpora and kept here.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources


class EntityType(str, Enum):
    PER = "PER"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    FAC = "FAC"


TYPES: frozenset[str] = frozenset(t.value for t in EntityType)
OUTSIDE = "O"

# ANERcorp's LOC mixes countries, cities and geography and cannot be split from
# the tag alone: it becomes GPE (the large majority) and is refined to LOC/FAC
# where NewsFANE, a re-annotation of the same text, says so (corpora.refine_loc).
ANERCORP_MAP: dict[str, str] = {"PERS": "PER", "ORG": "ORG", "LOC": "GPE", "MISC": OUTSIDE}

# Wojood (nested, 21 types): only these carry over; NORP, OCC, EVENT, DATE… are O.
WOJOOD_MAP: dict[str, str] = {"PERS": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC"}

NEWSFANE_MAP_FILE = "ner/newsfane_map.tsv"


class MapFileError(ValueError):
    """A malformed line in a packaged mapping file."""


@dataclass(frozen=True, slots=True)
class TypeMapRow:
    source_type: str
    target: str  # one of TYPES, or "O"
    note: str


def tsv_rows(text: str, header_first: str):
    """(line number, columns) of a small TSV; blank and '#' lines, and a header row whose
    first column is `header_first`, are skipped."""
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            if cols[0] == header_first:
                continue
        yield lineno, cols


def parse_type_map(text: str, filename: str) -> dict[str, TypeMapRow]:
    """Parse a `source<TAB>target<TAB>note` file; '#' lines and the header are skipped."""
    rows: dict[str, TypeMapRow] = {}
    for lineno, cols in tsv_rows(text, "newsfane_type"):
        if len(cols) != 3:
            raise MapFileError(f"{filename}:{lineno}: expected 3 tab-separated columns, got {len(cols)}")
        src, target, note = (c.strip() for c in cols)
        if not src:
            raise MapFileError(f"{filename}:{lineno}: empty source type")
        if target != OUTSIDE and target not in TYPES:
            raise MapFileError(f"{filename}:{lineno}: target {target!r} is not one of {sorted(TYPES)} or O")
        if not note:
            raise MapFileError(f"{filename}:{lineno}: every row needs a note")
        if src in rows:
            raise MapFileError(f"{filename}:{lineno}: duplicate source type {src!r}")
        rows[src] = TypeMapRow(src, target, note)
    if not rows:
        raise MapFileError(f"{filename}: no rows")
    return rows


@lru_cache(maxsize=1)
def newsfane_map() -> dict[str, str]:
    """NewsFANE type → our type or "O" (validated on load)."""
    text = resources.files("marsad.resources").joinpath(NEWSFANE_MAP_FILE).read_text("utf-8")
    return {k: r.target for k, r in parse_type_map(text, NEWSFANE_MAP_FILE).items()}


def split_tag(tag: str) -> tuple[str, str]:
    """("B"|"I"|"O", type) for a BIO tag; malformed tags count as O."""
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BI":
        return tag[0], tag[2:]
    return OUTSIDE, ""


def map_tag(tag: str, mapping: dict[str, str]) -> str:
    """Map the type of one BIO tag; unknown or unmapped types become O."""
    prefix, typ = split_tag(tag)
    if prefix == OUTSIDE:
        return OUTSIDE
    target = mapping.get(typ, OUTSIDE)
    return OUTSIDE if target == OUTSIDE else f"{prefix}-{target}"


def repair_bio(tags: list[str]) -> list[str]:
    """Make a tag sequence valid BIO: an I- that does not continue its type starts one."""
    out: list[str] = []
    prev = ""
    for tag in tags:
        prefix, typ = split_tag(tag)
        if prefix == "I" and prev != typ:
            tag = f"B-{typ}"
        out.append(tag if prefix != OUTSIDE else OUTSIDE)
        prev = typ if prefix != OUTSIDE else ""
    return out
