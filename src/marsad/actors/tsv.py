"""Reading the registry's TSV files, with errors that name the file and line."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from importlib import resources


class RegistryError(ValueError):
    """A registry data file is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    line: int
    fields: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.fields[key]

    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def fail(self, message: str) -> RegistryError:
        return RegistryError(f"{self.where()}: {message}")


def read_text(name: str) -> str:
    return resources.files("marsad.resources").joinpath(f"actors/{name}").read_text("utf-8")


def parse_tsv(name: str, text: str, required: tuple[str, ...]) -> list[Row]:
    """Rows of a TSV with a header; every required column must be non-empty.

    Every file has a `source` (or `reason`) column: an entry without its
    provenance is rejected here rather than silently loaded.
    """
    lines = text.splitlines()
    if not lines:
        raise RegistryError(f"{name}:1: empty file")
    header = lines[0].split("\t")
    missing = [c for c in required if c not in header]
    if missing:
        raise RegistryError(f"{name}:1: missing columns {missing} (header {header})")
    rows = []
    for no, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != len(header):
            raise RegistryError(f"{name}:{no}: {len(parts)} fields, header has {len(header)}")
        fields = {h: p.strip() for h, p in zip(header, parts)}
        row = Row(name, no, fields)
        for col in required:
            if not fields[col]:
                raise row.fail(f"empty {col!r}")
        rows.append(row)
    return rows


def load_tsv(name: str, required: tuple[str, ...]) -> list[Row]:
    return parse_tsv(name, read_text(name), required)


def load_word_cues(name: str, column: str, kinds: type[enum.Enum]) -> dict[str, enum.Enum]:
    """A `word<TAB>column<TAB>source` file as {normalised word: kind}; duplicates are errors."""
    from marsad.arabic import normalize_text

    cues: dict[str, enum.Enum] = {}
    allowed = ", ".join(k.value for k in kinds)
    for row in load_tsv(name, ("word", column, "source")):
        try:
            kind = kinds(row[column])
        except ValueError:
            raise row.fail(f"{column} must be one of {allowed}, not {row[column]!r}") from None
        word = normalize_text(row["word"])
        if word in cues:
            raise row.fail(f"duplicate cue word {row['word']!r}")
        cues[word] = kind
    return cues


def split_names(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]
