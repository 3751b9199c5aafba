"""Document ⇄ table rows: every stored layer survives the round trip, offsets intact."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model import DateMention, Document, Entity, Event
from marsad.pipeline import Failure
from marsad.spark.tables import (
    LAYER_TABLES, TABLES, ColumnType, document_from_rows, document_rows, failure_from_row, failure_row,
    item_rows, uncovered_fields,
)

from spark_samples import sample_document


def _as_dicts(doc: Document) -> tuple[dict, dict[str, list[dict]]]:
    doc_row, layers = None, {name: [] for name in LAYER_TABLES}
    for r in document_rows(doc):
        values = dict(zip(TABLES[r.table].names, r.values))
        if r.table == "documents":
            doc_row = values
        else:
            layers[r.table].append(values)
    return doc_row, layers


def _stored(doc: Document) -> dict:
    d = doc.to_dict()
    d["sentences"], d["tokens"] = [], []
    return d


def test_every_model_field_has_a_column():
    assert uncovered_fields() == {}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_arrow_schema_matches_columns(name):
    schema = TABLES[name].arrow_schema()
    assert schema.names == list(TABLES[name].names)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_spark_schema_matches_columns(name):
    pytest.importorskip("pyspark")
    schema = TABLES[name].spark_schema()
    assert [f.name for f in schema.fields] == list(TABLES[name].names)
    assert [f.nullable for f in schema.fields] == [c.nullable for c in TABLES[name].columns]


@pytest.mark.parametrize("i", range(5))
def test_round_trip_sample(i):
    doc = sample_document(i)
    doc_row, layers = _as_dicts(doc)
    back = document_from_rows(doc_row, {k: list(reversed(v)) for k, v in layers.items()})
    back.check()
    assert _stored(back) == _stored(doc)
    assert back.content_hash == doc_row["doc_key"]


def test_failure_round_trip_bounds_payload():
    f = Failure("x", "dates", "ValueError: bad", "a.jsonl:3", "ب" * 5000)
    row = dict(zip(TABLES["quarantine"].names, failure_row(f).values))
    back = failure_from_row(row)
    assert (back.doc_id, back.stage, back.reason, back.origin) == ("x", "dates", "ValueError: bad", "a.jsonl:3")
    assert len(back.payload) == 2000
    assert [r.table for r in item_rows(f)] == ["quarantine"]


_ARABIC = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإؤئةى0123456789،.\n", min_size=1, max_size=80)


@st.composite
def documents(draw):
    text = draw(_ARABIC)
    doc = Document(id=draw(st.text(min_size=1, max_size=8)), text=text, title=draw(_ARABIC),
                   published=draw(st.none() | st.just("2018-01-01")), metadata={"k": draw(st.integers())})

    def span():
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        return a, b

    for _ in range(draw(st.integers(0, 3))):
        a, b = span()
        doc.entities.append(Entity(a, b, text[a:b], type=draw(st.sampled_from(["PER", "GPE"])),
                                   actor=draw(st.none() | st.just("QAT")), confidence=draw(st.floats(0, 1))))
    for _ in range(draw(st.integers(0, 3))):
        a, b = span()
        doc.dates.append(DateMention(a, b, text[a:b], value=draw(st.none() | st.just("2018"))))
    for _ in range(draw(st.integers(0, 2))):
        a, b = span()
        doc.events.append(Event("AGREE", "057", draw(st.lists(st.sampled_from(["QAT", "قطر"]), max_size=2)), [],
                                a, b, text[a:b]))
    return doc


@settings(max_examples=60, deadline=None)
@given(documents())
def test_round_trip_keeps_offsets(doc):
    doc_row, layers = _as_dicts(doc)
    back = document_from_rows(doc_row, layers)
    back.check()
    assert _stored(back) == _stored(doc)


def test_column_types_are_enums():
    assert {c.type for t in TABLES.values() for c in t.columns} <= set(ColumnType)
