"""The event data files load and validate; malformed rows fail naming file and line."""
from __future__ import annotations

import pytest

from marsad.events.actors import demonym_data
from marsad.events.lexicon import (
    CUE_COLUMNS, CUES, LEARNED, LEARNED_COLUMNS, TRIGGER_COLUMNS, TRIGGERS, build_lexicon, lexicon,
    parse_trigger_row,
)
from marsad.events.ontology import EventType, Quad, ontology, parse_ontology
from marsad.events.resources import EventResourceError, load_rows, parse_tsv

FILES = [
    ("ontology.tsv", ("type", "quad", "cameo")),
    (TRIGGERS, TRIGGER_COLUMNS),
    (CUES, CUE_COLUMNS),
    (LEARNED, LEARNED_COLUMNS),
    ("demonyms.tsv", ("stem", "actor")),
    ("heads.tsv", ("head", "kind")),
]


@pytest.mark.parametrize("name,columns", FILES, ids=[f[0] for f in FILES])
def test_file_loads_with_notes(name, columns):
    rows = load_rows(name, columns)
    for row in rows:
        note = row.fields.get("note", row.fields.get("source", ""))
        assert note.strip(), row.where()


def test_ontology_has_16_types_with_quads():
    onto = ontology()
    assert set(onto) == set(EventType)
    assert {i.quad for i in onto.values()} == set(Quad)
    assert onto[EventType.AGREE].quad is Quad.VERBAL_COOPERATION


def test_every_type_has_triggers():
    assert {t.type for t in lexicon().triggers} == set(EventType)


def test_demonyms_and_heads_load():
    data = demonym_data()
    assert data.single["امريكي"] == "USA"


BAD_TRIGGER_ROWS = [
    ("AGREEX\t057\tverb\tوقع|يوقع\tمع\t\t0.8\tn", "AGREEX"),
    ("AGREE\t99x\tverb\tوقع|يوقع\tمع\t\t0.8\tn", "CAMEO"),
    ("AGREE\t057\tverb\tوقع\tمع\t\t0.8\tn", "'|'"),
    ("AGREE\t057\tverb\tوقع|يوقع\tفوق\t\t0.8\tn", "prepositions"),
    ("AGREE\t057\tverb\tوقع|يوقع\tمع\t\t1.8\tn", "weight"),
    ("AGREE\t057\tphrase\tv:وقع|يوقع\tمع\t\t0.8\tn", "phrase"),
    ("AGREE\t057\tverb\tوقع|يوقع\tمع\tBAD:1:x\t0.8\tn", "event type"),
    ("AGREE\t057\tverb\tوقع|يوقع\tمع\t\t0.8\t", "note"),
    ("AGREE\t057\tverb\tوقع|يوقع\tمع\t0.8\tn", "cells"),
]


@pytest.mark.parametrize("line,why", BAD_TRIGGER_ROWS)
def test_bad_trigger_rows_name_file_and_line(line, why):
    header = "\t".join(("type", "cameo", "pos", "forms", "preps", "switch", "weight", "note"))
    with pytest.raises(EventResourceError, match=r"events/triggers\.tsv:2: ") as err:
        rows = parse_tsv(TRIGGERS, header + "\n" + line + "\n", TRIGGER_COLUMNS)
        build_lexicon(rows, ())
    assert why in str(err.value)


def test_bad_ontology_names_the_line():
    text = "type\tquad\tcameo\tcameo_name\tdefinition\tnote\nAGREE\tcosmic\t030\tx\ty\tz\n"
    with pytest.raises(EventResourceError, match=r"ontology\.tsv:2"):
        parse_ontology(text)


def test_missing_note_column_is_rejected():
    with pytest.raises(EventResourceError, match="note or source"):
        parse_tsv("x.tsv", "a\tb\n1\t2\n", ("a",))


def test_trigger_row_generates_inflections():
    rows = parse_tsv(TRIGGERS, "type\tcameo\tpos\tforms\tpreps\tswitch\tweight\tnote\n"
                     "AGREE\t057\tverb\tوقع|يوقع\tمع\t\t0.8\tn\n", TRIGGER_COLUMNS)
    _, items = parse_trigger_row(rows[0], 0)
    forms = {f for f, _ in items}
    assert {"وقعت", "وقعوا", "وقعته", "يوقعون", "توقع", "نوقع"} <= forms
