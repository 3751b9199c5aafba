"""The NER mapping data files, validated row by row, and the BIO helpers."""
from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, strategies as st

from marsad.ner.features import TRIGGERS_FILE, parse_triggers, triggers
from marsad.ner.labels import (
    NEWSFANE_MAP_FILE,
    OUTSIDE,
    TYPES,
    MapFileError,
    map_tag,
    newsfane_map,
    parse_type_map,
    repair_bio,
    split_tag,
)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("marsad.resources").joinpath(name).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]  # header


NEWSFANE_ROWS = _rows(NEWSFANE_MAP_FILE)
TRIGGER_ROWS = _rows(TRIGGERS_FILE)


def test_newsfane_map_loads_and_covers_all_45_types():
    mapping = newsfane_map()
    assert len(mapping) == 45
    assert {"Nation", "Politician", "Government", "Water-Body", "Airport"} <= set(mapping)


@pytest.mark.parametrize("row", NEWSFANE_ROWS, ids=[r[0] for r in NEWSFANE_ROWS])
def test_newsfane_row(row):
    assert len(row) == 3
    src, target, note = row
    assert src and note.strip()
    assert target in TYPES or target == OUTSIDE


@pytest.mark.parametrize("row", TRIGGER_ROWS, ids=[r[0] for r in TRIGGER_ROWS])
def test_trigger_row(row):
    assert len(row) == 3
    assert row[1] in TYPES and row[2].strip()


def test_triggers_load():
    assert triggers()["مطار"] == "FAC"


@pytest.mark.parametrize(
    "text, message",
    [
        ("newsfane_type\tmarsad_type\tnote\nNation\tCOUNTRY\tx\n", ":2: target 'COUNTRY'"),
        ("newsfane_type\tmarsad_type\tnote\nNation\tGPE\n", ":2: expected 3"),
        ("newsfane_type\tmarsad_type\tnote\nNation\tGPE\t \n", ":2: every row needs a note"),
        ("newsfane_type\tmarsad_type\tnote\nNation\tGPE\tx\nNation\tLOC\ty\n", ":3: duplicate"),
        ("# only a comment\n", "no rows"),
    ],
)
def test_bad_type_map_names_file_and_line(text, message):
    with pytest.raises(MapFileError, match=message.replace("(", r"\(")) as err:
        parse_type_map(text, "bad.tsv")
    assert str(err.value).startswith("bad.tsv")


@pytest.mark.parametrize(
    "text, message",
    [
        ("word\ttype\tnote\nمطار\tAIRPORT\tx\n", ":2: type 'AIRPORT'"),
        ("word\ttype\tnote\nمدينة\tGPE\tx\n", ":2: .* not in normalised form"),
        ("word\ttype\tnote\nمطار\tFAC\tx\nمطار\tFAC\ty\n", ":3: duplicate"),
        ("word\ttype\tnote\nمطار\tFAC\n", ":2: expected"),
    ],
)
def test_bad_triggers_name_file_and_line(text, message):
    with pytest.raises(MapFileError, match=message):
        parse_triggers(text, "trig.tsv")


@pytest.mark.parametrize(
    "tag, mapping, expected",
    [
        ("B-Nation", {"Nation": "GPE"}, "B-GPE"),
        ("I-Politician", {"Politician": "PER"}, "I-PER"),
        ("B-Book", {"Book": "O"}, "O"),
        ("B-Unknown", {}, "O"),
        ("O", {"O": "PER"}, "O"),
        ("garbage", {}, "O"),
    ],
)
def test_map_tag(tag, mapping, expected):
    assert map_tag(tag, mapping) == expected


@pytest.mark.parametrize(
    "tags, expected",
    [
        (["I-PER", "I-PER"], ["B-PER", "I-PER"]),
        (["B-PER", "I-ORG"], ["B-PER", "B-ORG"]),
        (["O", "I-GPE", "O"], ["O", "B-GPE", "O"]),
        (["B-LOC", "I-LOC", "B-LOC"], ["B-LOC", "I-LOC", "B-LOC"]),
    ],
)
def test_repair_bio(tags, expected):
    assert repair_bio(tags) == expected


TAGS = st.sampled_from(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-GPE", "I-GPE", "junk"])


@given(st.lists(TAGS, max_size=30))
def test_repair_bio_is_valid_and_idempotent(tags):
    fixed = repair_bio(tags)
    assert len(fixed) == len(tags)
    assert repair_bio(fixed) == fixed
    for prev, cur in zip(["O", *fixed], fixed):
        prefix, typ = split_tag(cur)
        if prefix == "I":
            assert split_tag(prev)[1] == typ
