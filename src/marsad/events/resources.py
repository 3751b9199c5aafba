"""Loading and validating the event data files (resources/events/*.tsv).

Every file is a TSV with a header row and a note/source column; a malformed row
raises `EventResourceError` naming the file and the line, so a bad edit fails at
load time (and in tests/events/test_resources.py) rather than as a silent miss.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PACKAGE = "marsad.resources"
AREA = "events"


class EventResourceError(ValueError):
    """A malformed row in one of the event data files."""


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    line: int  # 1-based line number in the file
    fields: dict[str, str]

    def where(self) -> str:
        return f"{AREA}/{self.file}:{self.line}"

    def fail(self, why: str) -> EventResourceError:
        return EventResourceError(f"{self.where()}: {why}")


def read_text(name: str) -> str:
    return resources.files(PACKAGE).joinpath(f"{AREA}/{name}").read_text("utf-8")


def parse_tsv(name: str, text: str, required: tuple[str, ...]) -> list[Row]:
    """Rows of a TSV whose header must contain `required` and a note or source column."""
    lines = text.split("\n")
    if not lines or not lines[0].strip():
        raise EventResourceError(f"{AREA}/{name}:1: missing header")
    header = lines[0].rstrip("\r").split("\t")
    missing = [c for c in required if c not in header]
    if missing:
        raise EventResourceError(f"{AREA}/{name}:1: header lacks columns {missing}")
    if "note" not in header and "source" not in header:
        raise EventResourceError(f"{AREA}/{name}:1: header needs a note or source column")
    rows: list[Row] = []
    for i, raw in enumerate(lines[1:], start=2):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise EventResourceError(f"{AREA}/{name}:{i}: {len(cells)} cells, header has {len(header)}")
        row = Row(name, i, dict(zip(header, cells)))
        for col in required:
            if not row.fields[col].strip():
                raise row.fail(f"empty {col!r}")
        note = row.fields.get("note", row.fields.get("source", ""))
        if not note.strip():
            raise row.fail("empty note/source")
        rows.append(row)
    return rows


@lru_cache(maxsize=None)
def load_rows(name: str, required: tuple[str, ...]) -> tuple[Row, ...]:
    return tuple(parse_tsv(name, read_text(name), required))
